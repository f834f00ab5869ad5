"""Pages held inside another file: a WARC file's records, a HAR file's entries.

Each is read as a page of its own, its issues named by the address it came from
and counted in the file's lines where the file keeps them; in strict mode the
first of them is raised in the same words.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import attrs

from ._context import LoadContext
from ._listing import Listing, merge_listings
from .errors import ParseError

__all__ = ["Reader", "merged_parts", "read_part"]

Reader = Callable[[bytes, LoadContext], Listing]
"""Reads one page (or one HTTP message holding it) as a Listing."""


def read_part(
    url: str,
    data: bytes,
    offset: int | None,
    context: LoadContext,
    read: Reader,
    captured: datetime.date | None = None,
) -> Listing | None:
    """The page ``data`` holds, from ``url``; its issues' lines moved down by ``offset``
    (None: the file keeps no lines of it), and the day it was ``captured`` its capture
    date unless the caller gave one. A page that cannot be read is an Issue; strictly,
    the first problem is raised."""
    part = attrs.evolve(context, issues=[], yearless_by_clock=0)
    if captured is not None:
        part.capture_date(captured)
    try:
        listing = read(data, part)
    except ParseError as error:
        context.report(
            f"the response from {url}: {error.message}",
            line=_moved(error.line, offset),
            column=error.column if offset is not None else None,
        )
        return None
    context.issues.extend(
        attrs.evolve(
            issue,
            message=f"the response from {url}: {issue.message}",
            line=_moved(issue.line, offset),
            column=issue.column if offset is not None else None,
        )
        for issue in part.issues
    )
    context.yearless_by_clock += part.yearless_by_clock
    return listing


def _moved(line: int | None, offset: int | None) -> int | None:
    return line + offset if line is not None and offset is not None else None


def merged_parts(listings: list[Listing], context: LoadContext) -> Listing:
    """The parts' papers merged as ``Listing.merge`` merges, with the file's issues; its
    title and format the first part's (a merge of parts in two formats has none, which
    would say the file held nothing)."""
    merged = merge_listings(listings)
    return Listing(
        merged.papers,
        title=merged.title,
        date=merged.date,
        format=listings[0].format,
        source=context.origin,
        issues=context.issues,
    )
