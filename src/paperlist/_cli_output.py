"""What the command prints, as pieces of text produced one after another.

Each renderer yields its output in pieces (a line, a record, an entry) so
that the command writes as it goes: a reader at the other end of a pipe
sees the first papers at once, and ``head`` can close the pipe early.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterator, Sequence

from ._bibtex import bibtex_entries
from ._export import to_records
from ._formats.document import dumps, paper_line
from ._listing import Listing
from ._model import Paper
from ._strings import shorten

__all__ = ["OUTPUTS", "TABLE_COLUMNS", "render"]

OUTPUTS = ("table", "json", "jsonl", "csv", "bibtex", "ids")
TABLE_COLUMNS = ("published", "upvotes", "comments", "author_count", "arxiv_id", "title")
"""The table's default columns; the title, when shown, comes last and takes the rest."""
_HEADINGS = {"upvotes": "votes", "comments": "comm", "author_count": "authors", "arxiv_id": "id"}
_NUMERIC = frozenset({"upvotes", "comments", "author_count", "github_stars"})
_SHORTEST_TITLE = 20


def render(
    listing: Listing,
    output: str,
    *,
    columns: Sequence[str],
    width: int | None,
    matched: int | None = None,
) -> Iterator[str]:
    """``listing`` as ``output``; ``width`` None leaves table cells whole.

    ``matched`` is how many papers matched before ``--limit`` kept ``listing``'s
    first ones; the table's last line says so when it kept fewer.
    """
    if output == "json":
        yield dumps(listing, indent=2) + "\n"
    elif output == "jsonl":
        yield from map(paper_line, listing.papers)
    elif output == "bibtex":  # what Listing.to_bibtex() gives, an entry at a time
        for position, entry in enumerate(bibtex_entries(listing.papers)):
            yield f"\n{entry}\n" if position else f"{entry}\n"
    elif output == "ids":
        yield from (f"{paper.arxiv_id}\n" for paper in listing if paper.arxiv_id is not None)
    elif output == "csv":
        yield from _csv(listing.papers, columns)
    else:
        yield from _table(listing.papers, columns, width)
        yield _count_line(len(listing), matched)


def _cell(value: object) -> str:
    """A value as the table shows it: dates ISO, lists joined, unknown empty."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    return str(value)


def _csv_cell(value: object) -> object:
    """Dates as ISO text; lists as JSON arrays, so that "Smith; John" stays one name."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _csv(papers: Sequence[Paper], columns: Sequence[str]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore"
    )
    writer.writeheader()  # every chosen column, even when no paper is left
    yield buffer.getvalue()
    for record in to_records(papers):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow({key: _csv_cell(value) for key, value in record.items()})
        yield buffer.getvalue()


def _table(papers: Sequence[Paper], columns: Sequence[str], width: int | None) -> Iterator[str]:
    """Aligned columns, numbers to the right; the title, if shown, last and cut to ``width``."""
    shown = [name for name in columns if name != "title"]
    rows = [[_cell(record[name]) for name in shown] for record in to_records(papers)]
    headings = [_HEADINGS.get(name, name) for name in shown]
    widths = [max(len(cell) for cell in column) for column in zip(headings, *rows, strict=False)]
    title_room = None
    if width is not None:
        title_room = max(_SHORTEST_TITLE, width - sum(widths) - 2 * len(widths))
    has_title = "title" in columns
    for cells, title in zip(
        [headings, *rows], ["title", *(paper.title for paper in papers)], strict=True
    ):
        aligned = [
            cell.rjust(size) if name in _NUMERIC else cell.ljust(size)
            for cell, size, name in zip(cells, widths, shown, strict=True)
        ]
        if has_title:
            aligned.append(title if title_room is None else shorten(title, title_room))
        yield "  ".join(aligned).rstrip() + "\n"


def _count_line(shown: int, matched: int | None) -> str:
    """The table's last line: "1 paper", "87 papers", or "5 of 87 papers" after a limit."""
    if matched is not None and matched > shown:
        return f"{shown:,} of {matched:,} papers\n"
    return f"{shown:,} paper{'' if shown == 1 else 's'}\n"
