"""JSON text read one array item at a time, with the decoder json.loads uses.

``json.loads`` builds a whole document before any of it can be used: for a
20,000-item response, 400 MB of objects that the garbage collector traverses
again and again as they grow, and that have left the CPU cache by the time
they are read. Handing over each item of the array that holds the papers as
soon as it is decoded lets the caller use and release it while it is still
in the cache.

Only well-formed JSON is read this way; anything else raises ``Malformed``,
and the caller decodes the whole text with ``json.loads`` for its error.
"""

from __future__ import annotations

import json
import json.scanner
import re
from collections.abc import Callable
from typing import Any

__all__ = ["Malformed", "read_object", "skip_space", "stream_array"]

# JSON's own white space, not Python's \s.
_SPACE = re.compile(r"[ \t\n\r]*")
_SPACE_CHARACTERS = frozenset(" \t\n\r")
# The C scanner behind json.loads: one value from an index, StopIteration if
# there is none. (typeshed's stub wants the scanner itself as its context.)
_scan_value = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]

Take = Callable[[Any, int], None]
"""Receives each item of a streamed array and its position."""


class Malformed(Exception):
    """The text is not well-formed JSON of the expected shape, or has a duplicate key
    that matters; decoding it whole will tell."""


def skip_space(text: str, index: int) -> int:
    """The first index at or after ``index`` that holds no JSON white space."""
    return _SPACE.match(text, index).end()  # type: ignore[union-attr]  # * always matches


def _decode(text: str, index: int) -> tuple[Any, int]:
    """The JSON value at ``text[index]`` and the index after it."""
    try:
        return _scan_value(text, index)
    except StopIteration as exc:
        raise Malformed(f"expected a value at character {exc.value}") from exc
    except (ValueError, RecursionError) as exc:  # json.JSONDecodeError is a ValueError
        raise Malformed(str(exc)) from exc


def _separator(text: str, index: int) -> tuple[str, int]:
    """The character after a value ("" at the end) and the index of what follows it."""
    # Compact JSON, as the API sends it, has no white space to skip.
    if text[index : index + 1] in _SPACE_CHARACTERS:
        index = skip_space(text, index)
    separator = text[index : index + 1]
    index += 1
    if text[index : index + 1] in _SPACE_CHARACTERS:
        index = skip_space(text, index)
    return separator, index


def stream_array(text: str, index: int, take: Take) -> tuple[int, int, object]:
    """Hand each item of the array starting at ``text[index]`` to ``take``.

    Returns the index after the closing bracket, the number of items and the
    first item (None when there is none). Exceptions from ``take`` pass through.
    """
    index = skip_space(text, index + 1)
    if text[index : index + 1] == "]":
        return index + 1, 0, None
    position = 0
    first: object = None
    while True:
        item, index = _decode(text, index)
        if position == 0:
            first = item
        take(item, position)
        del item  # released now, while it is still in the cache
        position += 1
        separator, index = _separator(text, index)
        if separator == "]":
            return index, position, first
        if separator != ",":
            raise Malformed(f"expected ',' or ']', got {separator!r}")


def read_object(
    text: str, index: int, start_array: Callable[[str], Take | None]
) -> tuple[int, dict[str, Any], str | None, int, object]:
    """Decode the object starting at ``text[index]``, streaming at most one array.

    ``start_array(key)`` is asked for a ``take`` when a member's value is an
    array; the first member for which it gives one is streamed, and left out
    of the members returned. Returns the index after the closing brace, the
    other members, the streamed member's key (or None), its item count and
    its first item.
    """
    members: dict[str, Any] = {}
    streamed: str | None = None
    count, first = 0, None
    index = skip_space(text, index + 1)
    if text[index : index + 1] == "}":
        return index + 1, members, streamed, count, first
    while True:
        if text[index : index + 1] != '"':
            raise Malformed(f"expected a key at character {index}")
        key, index = _decode(text, index)  # a string: text[index] is '"'
        if key == streamed:
            raise Malformed(f"duplicate key {key!r}")  # json.loads keeps the last one
        index = skip_space(text, index)
        if text[index : index + 1] != ":":
            raise Malformed(f"expected ':' at character {index}")
        index = skip_space(text, index + 1)
        take = start_array(key) if streamed is None and text[index : index + 1] == "[" else None
        if take is not None:
            index, count, first = stream_array(text, index, take)
            members.pop(key, None)
            streamed = key
        else:
            members[key], index = _decode(text, index)
        separator, index = _separator(text, index)
        if separator == "}":
            return index, members, streamed, count, first
        if separator != ",":
            raise Malformed(f"expected ',' or '}}', got {separator!r}")
