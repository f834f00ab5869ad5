"""paperlist's own versioned JSON document, through a private cattrs Converter.

Unlike API JSON, this format was written by paperlist, so unknown keys and
wrong types are errors naming the JSON path (``$.papers[3].published``).
"""

from __future__ import annotations

import datetime
import functools
import json
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any, TypeVar

from .._context import LoadContext
from .._listing import Listing
from .._model import Issue, Paper
from .._numbers import MAX_COUNT
from .api import type_name

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "DOCUMENT_VERSION",
    "DOCUMENT_VERSION_KEY",
    "PAPER_OBJECT_KEY",
    "PaperObjectMapper",
    "dump",
    "dumps",
    "listing_from_document",
    "paper_line",
]

DOCUMENT_VERSION = 3
"""The version dumps() writes. Versions 1 (paperlist 0.1) and 2 are read too.

Version 2 split repositories into ``repo_url`` and ``mentioned_repo_urls``;
version 3 added ``organization_id``, ``submitted_by``, ``discussion_id``,
``author_users``, ``ai_summary_model`` and the ``linked_*`` counts, which
older documents lack and load as unknown.
"""
_READ_VERSIONS = (1, 2, 3)
DOCUMENT_VERSION_KEY = "paperlist"
"""The key whose presence makes a JSON object a paperlist document."""
PAPER_OBJECT_KEY = "arxiv_id"
"""The key whose presence makes a JSON object one of paperlist's paper objects."""
PAPER_URL_KEY = "url"
"""The derived key ``to_records()`` adds to a paper's fields."""

_Built = TypeVar("_Built")


def _strict_str(value: object, _: object) -> str:
    if type(value) is not str:
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _strict_count(value: object, _: object) -> int:
    if type(value) is not int or value < 0:
        raise TypeError(f"expected a whole number >= 0, got {value!r}")
    if value > MAX_COUNT:
        raise TypeError(f"expected a count below 2**63, got {value!r}")
    return value


def _strict_bool(value: object, _: object) -> bool:
    if type(value) is not bool:
        raise TypeError(f"expected true or false, got {value!r}")
    return value


def _strict_strings(value: object, _: object) -> tuple[str, ...]:
    # cattrs alone would turn the string "abc" into ("a", "b", "c").
    if type(value) is not list or not all(type(item) is str for item in value):
        raise TypeError(f"expected an array of strings, got {value!r}")
    return tuple(value)


def _iso_date(value: object, _: object) -> datetime.date:
    if type(value) is not str:
        raise TypeError(f"expected a date string like '2025-10-28', got {value!r}")
    return datetime.date.fromisoformat(value)


@functools.cache
def _converter() -> cattrs.Converter:
    """The private converter, built on first use: importing cattrs costs start-up time."""
    import cattrs
    from cattrs.gen import make_dict_unstructure_fn, override

    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _strict_str)
    converter.register_structure_hook(int, _strict_count)
    converter.register_structure_hook(bool, _strict_bool)
    converter.register_structure_hook(datetime.date, _iso_date)
    converter.register_structure_hook_func(lambda kind: kind == tuple[str, ...], _strict_strings)
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    converter.register_unstructure_hook(tuple, list)
    # An issue's source is written only when known: a single load's issues
    # are written as before the field existed.
    converter.register_unstructure_hook(
        Issue,
        make_dict_unstructure_fn(Issue, converter, source=override(omit_if_default=True)),
    )
    return converter


def _document(listing: Listing) -> dict[str, Any]:
    converter = _converter()
    return {
        DOCUMENT_VERSION_KEY: DOCUMENT_VERSION,
        "title": listing.title,
        "date": listing.date.isoformat() if listing.date is not None else None,
        "format": listing.format,
        "source": listing.source,
        "papers": [converter.unstructure(paper, Paper) for paper in listing.papers],
        "issues": [converter.unstructure(issue, Issue) for issue in listing.issues],
    }


def dumps(listing: Listing, *, indent: int | None = None, lines: bool = False) -> str:
    """paperlist's own JSON for ``listing``; ``loads`` reads it back exactly.

    Args:
        listing: the Listing to write, provenance and issues included.
        indent: as for ``json.dumps``; None writes one compact line.
        lines: write JSON Lines instead: one paper object per line (lists as
            arrays, dates as ISO strings), without the listing's provenance
            and issues. ``loads`` reads them back as the same papers.
    """
    if _lines_without_indent(lines, indent):
        return "".join(paper_line(paper) for paper in listing.papers)
    return json.dumps(_document(listing), ensure_ascii=False, indent=indent)


def _lines_without_indent(lines: bool, indent: int | None) -> bool:
    if lines and indent is not None:
        raise ValueError("JSON Lines hold one paper per line: indent cannot be used")
    return lines


def paper_line(paper: Paper) -> str:
    """One paper as a line of JSON Lines, ending in a line feed."""
    return json.dumps(_converter().unstructure(paper, Paper), ensure_ascii=False) + "\n"


def dump(listing: Listing, fp: IO[str], *, indent: int | None = None, lines: bool = False) -> None:
    """Write ``dumps(listing, indent=indent, lines=lines)`` to a text file object."""
    if _lines_without_indent(lines, indent):
        for paper in listing.papers:
            fp.write(paper_line(paper))
        return
    fp.write(dumps(listing, indent=indent))


def listing_from_document(document: dict[str, Any], context: LoadContext) -> Listing:
    """Rebuild the Listing a paperlist document describes.

    Raises:
        ParseError: for an unknown version, an unknown key or a wrong type,
            naming its JSON path.
    """
    version = document.get(DOCUMENT_VERSION_KEY)
    if version not in _READ_VERSIONS or type(version) is not int:
        context.fail(
            f"expected paperlist document version 1 to {DOCUMENT_VERSION}, got {version!r}",
            field=f"$.{DOCUMENT_VERSION_KEY}",
        )
    fields = {key: value for key, value in document.items() if key != DOCUMENT_VERSION_KEY}
    if version == 1:
        fields = _from_version_1(fields)
    listing = _structure(fields, Listing, "$")
    if isinstance(listing, str):
        message, path = _message_and_path(listing)
        context.fail(message, field=path)
    return listing


def _structure(data: dict[str, Any], kind: type[_Built], path: str) -> _Built | str:
    """``data`` structured as ``kind``, or the first problem as "message @ path"."""
    import cattrs
    from cattrs.errors import BaseValidationError, ForbiddenExtraKeysError

    try:
        return _converter().structure(data, kind)
    except (BaseValidationError, ForbiddenExtraKeysError) as exc:
        # cattrs groups every failure; transform_error names their JSON paths.
        messages = cattrs.transform_error(exc, path=path)
        return messages[0] if messages else f"{exc} @ {path}"


def _message_and_path(problem: str) -> tuple[str, str]:
    message, _, path = problem.rpartition(" @ ")
    return f"{message} at {path}", path


class PaperObjectMapper:
    """Maps paper objects paperlist wrote (JSON Lines, ``to_records()``) to Papers.

    Each object holds Paper's fields by name, dates as ISO strings and lists
    as arrays, and may hold ``url``, which is derived from ``arxiv_id``. As
    in the document, an unknown key or a wrong type is an error naming its
    path; leniently, that object is reported and the others are read.
    """

    def __init__(self, context: LoadContext) -> None:
        self.context = context

    def map_items(self, items: Iterable[Any], path: str) -> list[Paper]:
        """The Papers of the objects at ``path``, consumed in order."""
        papers: list[Paper] = []
        for position, item in enumerate(items):
            where = f"{path}[{position}]"
            if type(item) is not dict:
                message = f"expected an object at {where}, got {type_name(item)}"
                self.context.report(message, field=where)
                continue
            paper = self.map_item(item, where, len(papers))
            if paper is not None:
                papers.append(paper)
        return papers

    def map_item(
        self, item: dict[str, Any], path: str, index: int = 0, *, line: int | None = None
    ) -> Paper | None:
        """One paper object at ``path``, or None when it is reported.

        ``index`` is the position its Paper will have in the Listing; ``line``, where
        the object stands in its file, if it is known (a table's row).
        """
        url = item.get(PAPER_URL_KEY)
        if PAPER_URL_KEY in item:
            item = {key: value for key, value in item.items() if key != PAPER_URL_KEY}
        paper = _structure(item, Paper, path)
        if isinstance(paper, str):
            message, where = _message_and_path(paper)
            self.context.report(message, field=where, line=line)
            return None
        if url is not None and url != paper.url:
            self.context.report(
                f"expected {paper.url!r} at {path}.url, the page of its arxiv_id, got {url!r}",
                field=f"{path}.url",
                index=index,
                line=line,
            )
        return paper


def _from_version_1(fields: dict[str, Any]) -> dict[str, Any]:
    """A version-1 document in version 2's terms.

    Version 1 kept one list, ``repo_urls``, of the declared repository and
    those the text mentions, without saying which was which: all become
    mentions, and ``repo_url`` is unknown.
    """
    papers = fields.get("papers")
    if type(papers) is not list:
        return fields  # the converter reports it
    upgraded = []
    for paper in papers:
        if type(paper) is dict and "repo_urls" in paper:
            paper = dict(paper)  # the caller's document is left as it was
            paper["mentioned_repo_urls"] = paper.pop("repo_urls")
        upgraded.append(paper)
    return {**fields, "papers": upgraded}
