"""JSON files, read by their shape.

Shapes: an API array of items, a listing page's hydration object, a paper
object or an item holding one, paperlist's own document, and the API's error
object (which is no listing).

An array, the shape of every API response and of the largest files, is
decoded one item at a time and each item mapped as it comes: the items die
young, while still in the CPU cache, instead of making up one large document
that the garbage collector traverses again and again as it grows. An object
is decoded member by member, so that a name it repeats loses no array (see
_json_values). Either way each item is mapped once, by ``api.ItemMapper``.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from typing import Any, NoReturn

import attrs

from .._context import LoadContext
from .._json_values import (
    Repeats,
    fast_scan,
    report_repeated_names,
    rescan,
    scan_object,
    scan_value,
    skip_space,
)
from .._listing import Listing
from .._strings import line_and_column
from .._surrogates import SURROGATE_ESCAPE, replace_in_papers
from .api import (
    API_PAPER_KEYS,
    HYDRATION_KEYS,
    ItemMapper,
    listing_from_hydration,
    listing_from_paper_page,
    type_name,
)
from .document import (
    DOCUMENT_VERSION_KEY,
    PAPER_OBJECT_KEY,
    PaperObjectMapper,
    listing_from_document,
)
from .hub import HUB_KEYS, HubItemMapper

__all__ = ["item_shape", "load_json", "opens_json"]

_NO_ITEM = object()


def load_json(text: str, context: LoadContext) -> Listing:
    """Read any JSON shape paperlist knows: API responses, hydration objects, its own.

    A surrogate escape (``"\\ud800"``) anywhere sends the papers through a
    check for lone surrogates; real responses hold none, so one search of
    the text is all the common case pays.
    """
    if SURROGATE_ESCAPE.search(text) is None:
        return _load_json(text, context)
    before = len(context.issues)
    listing = _load_json(text, context)
    papers = replace_in_papers(listing.papers, context)
    return attrs.evolve(listing, papers=papers, issues=(*listing.issues, *context.issues[before:]))


def _load_json(text: str, context: LoadContext) -> Listing:
    start = skip_space(text, 0)
    if text.startswith("[", start):
        return _listing_of_items(_array_items(text, start, context), context)
    repeated: Repeats = {}
    try:
        if text.startswith("{", start):
            document, repeated, end = scan_object(text, start)
        else:
            document, end = scan_value(text, start)
    except (StopIteration, ValueError, RecursionError):
        _malformed(text, context)
    following = skip_space(text, end)
    if following < len(text):
        if type(document) is not dict or "\n" not in text[end:following]:
            _malformed(text, context)  # trailing data: json's own message
        return _listing_of_items(_json_lines(text, document, following, context), context)
    if type(document) is not dict:
        context.fail(
            f"expected a Daily Papers JSON array or object, got {type_name(document)}", field="$"
        )
    report_repeated_names(repeated, context)
    return _listing_of_object(document, context)


def _listing_of_object(document: dict[str, Any], context: LoadContext) -> Listing:
    if DOCUMENT_VERSION_KEY in document:
        return listing_from_document(document, context)
    if any(key in document for key in HYDRATION_KEYS):
        return listing_from_hydration(document, context)
    shape = item_shape(document)
    if shape is ItemMapper:
        return listing_from_paper_page(document, context)
    if shape is not None:
        paper = shape(context).map_item(document, "$")
        return context.listing(() if paper is None else (paper,), format="json")
    if "error" in document:
        context.fail(f"the API answered with an error: {document['error']!r}", field="$.error")
    raise context.error(
        "expected a Daily Papers response (an array of items, a paper object, or an "
        f"object with 'dailyPapers' or 'searchResults'), got an object with keys "
        f"[{_some_keys(document)}]",
        field="$",
    )


def item_shape(item: dict[str, Any]) -> type[ItemMapper | HubItemMapper | PaperObjectMapper] | None:
    """The mapper for an object of this shape, or None for a shape paperlist does not read.

    An API item has ``paper``; an API paper object ``id`` (or only keys the
    API's paper objects have); huggingface_hub's dicts have snake_case keys
    of their own; paperlist's paper objects have ``arxiv_id``.
    """
    if PAPER_OBJECT_KEY in item:
        return PaperObjectMapper
    if "paper" in item:
        return ItemMapper
    if not HUB_KEYS.isdisjoint(item):
        return HubItemMapper
    if "id" in item or ("title" in item and item.keys() <= API_PAPER_KEYS):
        return ItemMapper
    return None


def _listing_of_items(items: Iterator[Any], context: LoadContext) -> Listing:
    """The papers of a stream of items, all mapped as the first one's shape."""
    first = next(items, _NO_ITEM)
    if first is _NO_ITEM:
        return context.listing((), format="json")
    mapper = ItemMapper if type(first) is not dict else item_shape(first)
    if mapper is None:
        context.fail(
            "expected Daily Papers items (API items, huggingface_hub's or paperlist's paper "
            f"objects), got an object with keys [{_some_keys(first)}] at $[0]",
            field="$[0]",
        )
    papers = mapper(context).map_items(itertools.chain((first,), items), "$")
    return context.listing(papers, format="json")


def _some_keys(document: Any) -> str:
    return ", ".join(repr(key) for key in list(document)[:8])


# A run of opening brackets and the white space between them, skipped in C: JSON nested
# a million deep opens with a million of them.
_OPENINGS = re.compile(r"[\[ \t\n\r]*")
# What a member of a JSON array can open with (the array's end too, or nothing where the
# text was cut short).
_VALUE_STARTS = frozenset([*'{"-0123456789tfn]', ""])


def opens_json(text: str, start: int) -> bool:
    """Whether ``text[start]``, a "[" or "{", opens JSON rather than a text dump.

    Text dumps start with "[" too: a Markdown link ("[-](…)", "[![logo](…)"),
    a reader's "[3] Title:". A member that opens an object, array or string
    is JSON however broken it is further on; a bare first value must read as
    JSON and be followed by a comma, the closing bracket, or the end.
    """
    index = skip_space(text, start + 1)
    following = text[index : index + 1]
    if text[start] == "{":
        return following in ('"', "}")
    nested = following == "["
    if nested:  # nested arrays: what the innermost opens with decides
        index = _OPENINGS.match(text, index).end()  # type: ignore[union-attr]  # always matches
        following = text[index : index + 1]
    if nested or following in ("{", '"'):
        # JSON, however broken further on: an object, a string, or nested arrays whose
        # innermost opens a value ("[[1, 2]]", "[[]]", or cut short), where Org's
        # "[[/][…]]" links open none.
        return following in _VALUE_STARTS
    if following == "]":
        return skip_space(text, index + 1) == len(text)
    try:
        _, index = scan_value(text, index)
    except (StopIteration, ValueError, RecursionError):
        return False
    index = skip_space(text, index)
    following = text[index : index + 1]
    if following == "]":  # "[3] Title: …" is a reader's block header, not an array
        return skip_space(text, index + 1) == len(text)
    return following in (",", "")  # "" : JSON cut short, to be reported as such


def _array_items(text: str, start: int, context: LoadContext) -> Iterator[Any]:
    """The items of the array at ``text[start]``, which must be all the text, one at a time.

    Text that is not such an array raises the ParseError that decoding it
    whole gives, so messages and positions are json's own.
    """
    index = skip_space(text, start + 1)
    if text.startswith("]", index):
        index += 1
    else:
        while True:
            try:  # the C scanner itself: the commonest call of a JSON load
                item, index = fast_scan(text, index)
            except (StopIteration, RecursionError):
                _malformed(text, context)
            except ValueError as error:
                try:
                    item, index = rescan(text, index, error)
                except ValueError:
                    _malformed(text, context)
            yield item
            del item  # released as soon as its paper is made
            index = skip_space(text, index)
            separator = text[index : index + 1]
            index = skip_space(text, index + 1)
            if separator == "]":
                break
            if separator != ",":
                _malformed(text, context)
    if skip_space(text, index) != len(text):
        _malformed(text, context)


def _json_lines(text: str, first: Any, index: int, context: LoadContext) -> Iterator[Any]:
    """JSON Lines: ``first``, decoded already, then each value from ``index`` on.

    Leniently, a line that is no JSON (a file cut short) is reported and
    reading goes on at the next line.
    """
    yield first
    del first
    while index < len(text):
        try:
            item, index = scan_value(text, index)
        except (StopIteration, ValueError, RecursionError) as exc:
            _report_bad_line(text, index, exc, context)
            next_line = text.find("\n", index)
            index = len(text) if next_line < 0 else skip_space(text, next_line)
            continue
        yield item
        del item
        index = skip_space(text, index)


def _report_bad_line(text: str, index: int, exc: Exception, context: LoadContext) -> None:
    position = exc.pos if isinstance(exc, json.JSONDecodeError) else index
    reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "Expecting value"
    if isinstance(exc, RecursionError):
        reason = "nested too deeply to read"
    line, column = line_and_column(text, position)
    context.report(f"invalid JSON Lines: {reason}", line=line, column=column)


def _malformed(text: str, context: LoadContext) -> NoReturn:
    """Raise the ParseError for text that is no well-formed JSON."""
    _decode(text, context)
    raise context.error("invalid JSON")  # pragma: no cover - _decode raised


def _decode(text: str, context: LoadContext) -> Any:
    """Decode JSON; every decoding failure becomes a ParseError with a position."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        line, column = line_and_column(text, exc.pos)
        raise context.error(f"invalid JSON: {exc.msg}", line=line, column=column) from exc
    except RecursionError as exc:
        raise context.error("invalid JSON: nested too deeply to read") from exc
    except ValueError as exc:  # e.g. an integer longer than Python converts
        raise context.error(f"invalid JSON: {exc}") from exc
