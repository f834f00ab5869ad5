"""Tables of papers another tool wrote, a header row naming the columns.

Two are read: the ``hf`` command's lists of papers (``hf papers ls`` and ``hf papers
search``, whose output to a file or a pipe is tab-separated: id, title, the summary
for a search, upvotes, comments for a day's list, published_at, submitted_by_name), a
value it has not written "None"; and paperlist's own CSV (``paperlist --output csv``,
its columns Paper's fields and ``url``, lists as JSON arrays). Each row is read
as paperlist reads its own paper objects, once its cells are values: a cell
that is no value of its column is reported at its line, as a wrong type is.
The ``hf`` command's table for a terminal cuts titles to fit: it is refused.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from .._context import LoadContext
from .._dates import parse_iso_date
from .._export import RECORD_FIELDS
from .._listing import Listing
from .._model import Paper
from .._strings import shorten
from .document import PaperObjectMapper

__all__ = ["load_table", "opens_table"]

# The hf command's columns (`hf papers ls`, and `hf papers search` with the summary), as
# Paper's fields; the submitter's display name has none (submitted_by is a handle, as on
# the site's cards), as in a paper page's dump.
_HF_COLUMNS: dict[str, str | None] = {
    "id": "arxiv_id",
    "title": "title",
    "summary": "abstract",
    "upvotes": "upvotes",
    "comments": "comments",
    "published_at": "published",
    "submitted_by_name": None,
}
# The hf command writes a value it has not as "None".
_HF_UNKNOWN = "None"
_OWN_COLUMNS: dict[str, str | None] = {name: name for name in RECORD_FIELDS}
_INTEGERS = frozenset(
    {"author_count", "upvotes", "comments", "github_stars"}
    | {"linked_models", "linked_datasets", "linked_spaces"}
)
_DATES = frozenset({"published", "listed"})
_LISTS = frozenset({"authors", "mentioned_repo_urls", "ai_keywords", "author_users"})
# A header is looked for in so many characters: a table's first line is short.
_HEADER_REACH = 2_048
# The hf command's table for a terminal: capitals, columns padded with spaces.
_TERMINAL_HEADER = ("ID ", "TITLE ", "UPVOTES")


def opens_table(text: str) -> bool:
    """Whether ``text`` opens with a table's header: its columns, separated by tabs or
    commas, all of one known table and "title" among them. One look at its first line."""
    header = _first_line(text)
    return _columns(header) is not None or _is_terminal_header(header)


def _first_line(text: str) -> str:
    end = text.find("\n", 0, _HEADER_REACH)
    return text[: end if end != -1 else _HEADER_REACH].rstrip("\r")


def _columns(header: str) -> tuple[str, dict[str, str | None]] | None:
    """The table's separator and its column map, or None when ``header`` is no table's."""
    separator = "\t" if "\t" in header else ","
    names = header.split(separator)
    if len(names) < 2 or "title" not in names:
        return None
    for known in (_HF_COLUMNS, _OWN_COLUMNS):
        if all(name in known for name in names):
            return separator, known
    return None


def _is_terminal_header(header: str) -> bool:
    return header.startswith(_TERMINAL_HEADER[0]) and all(
        name in header for name in _TERMINAL_HEADER[1:]
    )


def load_table(text: str, context: LoadContext) -> Listing:
    """The papers of a table's rows, in order; the table checked by ``opens_table``."""
    header = _first_line(text)
    if _is_terminal_header(header):
        context.fail(
            "the hf command's table for a terminal, its titles cut to fit: save its "
            "output to a file (tab-separated) or with --format json, and read that",
            line=1,
            column=1,
        )
    found = _columns(header)
    assert found is not None  # opens_table said so
    separator, known = found
    names = header.split(separator)
    mapper = PaperObjectMapper(context)
    papers: list[Paper] = []
    for line, cells in _rows(text, separator):
        if len(cells) != len(names):
            context.report(
                f"expected {len(names)} cells, one a column, got {len(cells)}", line=line
            )
            continue
        unknown = _HF_UNKNOWN if known is _HF_COLUMNS else ""
        item = _Row(context, line, len(papers)).item(names, cells, known, unknown)
        paper = mapper.map_item(item, f"$[{len(papers)}]", len(papers), line=line)
        if paper is not None:
            papers.append(paper)
    return context.listing(papers, format="text")


def _rows(text: str, separator: str) -> Iterator[tuple[int, list[str]]]:
    """The cells of each row after the header that is not blank, with the line it
    starts on. A tab-separated table quotes nothing: a '"' there is part of a title."""
    if separator == "\t":
        reader = csv.reader(io.StringIO(text), delimiter=separator, quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(io.StringIO(text), delimiter=separator)
    next(reader)  # the header
    start = reader.line_num + 1
    for cells in reader:
        line, start = start, reader.line_num + 1
        if any(cells):
            yield line, cells


class _Row:
    """One row's cells as a paper object; a cell that is no value of its column is
    reported and left out, as an unknown value, and the row is still a paper."""

    def __init__(self, context: LoadContext, line: int, index: int) -> None:
        self.context, self.line, self.index = context, line, index

    def item(
        self, names: list[str], cells: list[str], known: dict[str, str | None], unknown: str
    ) -> dict[str, Any]:
        """The row's paper object; a cell that is empty, or ``unknown`` (but a title),
        is a value the table has not."""
        item: dict[str, Any] = {}
        for name, cell in zip(names, cells, strict=True):
            field = known[name]
            if field is not None and cell and (cell != unknown or field == "title"):
                value = self._value(field, cell)
                if value is not _UNREADABLE:
                    item[field] = value
        return item

    def _value(self, field: str, cell: str) -> Any:
        if field in _INTEGERS:
            if cell.isdecimal() and cell.isascii():
                return int(cell)
            return self._unreadable(field, cell, "a whole number >= 0")
        if field in _DATES:
            try:
                return parse_iso_date(cell).isoformat()
            except (ValueError, OverflowError):
                return self._unreadable(field, cell, "a date (2024-08-01) or a timestamp")
        return self._list(field, cell) if field in _LISTS else cell

    def _list(self, field: str, cell: str) -> Any:
        try:
            values = json.loads(cell)
        except ValueError:
            values = None
        if type(values) is not list:
            return self._unreadable(field, cell, "a JSON array")
        return values

    def _unreadable(self, field: str, cell: str, expected: str) -> object:
        self.context.report(
            f"expected {expected} in the {field} column, got {shorten(cell, 40)!r}",
            line=self.line,
            field=field,
            index=self.index,
        )
        return _UNREADABLE


_UNREADABLE = object()
