"""JSON files, read by their shape.

Shapes: an API array of items, a listing page's hydration object, a paper
object or an item holding one, paperlist's own document, and the API's error
object (which is no listing).

An array, the shape of every API response and of the largest files, is
decoded one item at a time and each item mapped as it comes: the items die
young, while still in the CPU cache, instead of making up one large document
that the garbage collector traverses again and again as it grows. An object
is decoded whole. Either way each item is mapped once, by ``api.ItemMapper``.
"""

from __future__ import annotations

import json
import json.scanner
import re
from collections.abc import Iterator
from typing import Any, NoReturn

from .._context import LoadContext
from .._listing import Listing
from .api import (
    HYDRATION_KEYS,
    ItemMapper,
    listing_from_hydration,
    listing_from_paper_page,
    type_name,
)
from .document import DOCUMENT_VERSION_KEY, listing_from_document

__all__ = ["load_json", "opens_json"]

# JSON's own white space, not Python's \s.
_SPACE = re.compile(r"[ \t\n\r]*")
# The C scanner behind json.loads: one value from an index. (typeshed's stub
# wants the scanner itself as its context.)
_scan_value = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]


def load_json(text: str, context: LoadContext) -> Listing:
    """Read any JSON shape paperlist knows: API responses, hydration objects, its own."""
    start = _skip_space(text, 0)
    if text.startswith("[", start):
        papers = ItemMapper(context).map_items(_array_items(text, start, context), "$")
        return context.listing(papers, format="json")
    document = _decode(text, context)
    if type(document) is not dict:
        context.fail(
            f"expected a Daily Papers JSON array or object, got {type_name(document)}", field="$"
        )
    if DOCUMENT_VERSION_KEY in document:
        return listing_from_document(document, context)
    if any(key in document for key in HYDRATION_KEYS):
        return listing_from_hydration(document, context)
    if type(document.get("paper")) is dict or "id" in document or "title" in document:
        return listing_from_paper_page(document, context)
    if "error" in document:
        context.fail(f"the API answered with an error: {document['error']!r}", field="$.error")
    keys = ", ".join(repr(key) for key in list(document)[:5])
    raise context.error(
        "expected a Daily Papers response (an array of items, a paper object, or an "
        f"object with 'dailyPapers' or 'searchResults'), got an object with keys [{keys}]",
        field="$",
    )


def opens_json(text: str, start: int) -> bool:
    """Whether ``text[start]``, a "[" or "{", opens JSON rather than a text dump.

    Text dumps start with "[" too: a Markdown link ("[-](…)", "[![logo](…)"),
    a reader's "[3] Title:". A member that opens an object, array or string
    is JSON however broken it is further on; a bare first value must read as
    JSON and be followed by a comma, the closing bracket, or the end.
    """
    index = _skip_space(text, start + 1)
    following = text[index : index + 1]
    if text[start] == "{":
        return following in ('"', "}")
    if following in ("{", "[", '"'):
        return True  # JSON, however broken further on
    if following == "]":
        return _skip_space(text, index + 1) == len(text)
    try:
        _, index = _scan_value(text, index)
    except (StopIteration, ValueError, RecursionError):
        return False
    index = _skip_space(text, index)
    following = text[index : index + 1]
    if following == "]":  # "[3] Title: …" is a reader's block header, not an array
        return _skip_space(text, index + 1) == len(text)
    return following in (",", "")  # "" : JSON cut short, to be reported as such


def _skip_space(text: str, index: int) -> int:
    return _SPACE.match(text, index).end()  # type: ignore[union-attr]  # * always matches


def _array_items(text: str, start: int, context: LoadContext) -> Iterator[Any]:
    """The items of the array at ``text[start]``, which must be all the text, one at a time.

    Text that is not such an array raises the ParseError that decoding it
    whole gives, so messages and positions are json's own.
    """
    index = _skip_space(text, start + 1)
    if text.startswith("]", index):
        index += 1
    else:
        while True:
            try:
                item, index = _scan_value(text, index)
            except (StopIteration, ValueError, RecursionError):
                _malformed(text, context)
            yield item
            del item  # released as soon as its paper is made
            index = _skip_space(text, index)
            separator = text[index : index + 1]
            index = _skip_space(text, index + 1)
            if separator == "]":
                break
            if separator != ",":
                _malformed(text, context)
    if _skip_space(text, index) != len(text):
        _malformed(text, context)


def _malformed(text: str, context: LoadContext) -> NoReturn:
    """Raise the ParseError for text that is no well-formed JSON."""
    _decode(text, context)
    raise context.error("invalid JSON")  # pragma: no cover - _decode raised


def _decode(text: str, context: LoadContext) -> Any:
    """Decode JSON; every decoding failure becomes a ParseError with a position."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        line, column = _position(text, exc.pos)
        raise context.error(f"invalid JSON: {exc.msg}", line=line, column=column) from exc
    except RecursionError as exc:
        raise context.error("invalid JSON: nested too deeply to read") from exc
    except ValueError as exc:  # e.g. an integer longer than Python converts
        raise context.error(f"invalid JSON: {exc}") from exc


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, counting CRLF, CR and LF as line ends."""
    before = text[:offset]
    if "\r" in before:
        before = before.replace("\r\n", "\n").replace("\r", "\n")
    return before.count("\n") + 1, len(before) - before.rfind("\n")
