"""JSON values decoded from an index by json's C scanner, and objects member by member.

Shared by the JSON and HTML readers: an array of items is decoded one item
at a time, an object one member at a time (so that a repeated name loses
nothing), each value by the scanner behind ``json.loads``.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import re
from typing import Any

from ._context import LoadContext

__all__ = [
    "Repeats",
    "decode_object",
    "fast_scan",
    "report_repeated_names",
    "rescan",
    "scan_object",
    "scan_value",
    "skip_space",
]

# JSON's own white space, not Python's \s.
_SPACE = re.compile(r"[ \t\n\r]*")
# The C scanner behind json.loads: one value from an index. (typeshed's stub
# wants the scanner itself as its context.)
fast_scan = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]


class _TooManyDigits(float):
    """Stands for an integer longer than Python converts: a value of the wrong kind,
    so the mapper reports its field, not the whole file."""

    def __repr__(self) -> str:
        return "<an integer too long to read>"


def _integer(digits: str) -> int | float:
    try:
        return int(digits)
    except ValueError:  # more than sys.get_int_max_str_digits() digits
        return _TooManyDigits("nan")


# Used only for a value holding such an integer, which the C scanner refuses.
_scan_with_long_integers = json.scanner.make_scanner(json.JSONDecoder(parse_int=_integer))  # type: ignore[arg-type]


def scan_value(text: str, index: int) -> tuple[Any, int]:
    """One JSON value from ``index`` and the index after it, as json's C scanner reads it."""
    try:
        return fast_scan(text, index)
    except ValueError as error:
        return rescan(text, index, error)


def rescan(text: str, index: int, error: ValueError) -> tuple[Any, int]:
    """The value the C scanner refused for holding an integer too long to convert."""
    if "integer string conversion" not in str(error):
        raise error
    return _scan_with_long_integers(text, index)


def skip_space(text: str, index: int) -> int:
    return _SPACE.match(text, index).end()  # type: ignore[union-attr]  # * always matches


# A name an object repeats: how many times, and whether all its values were arrays.
Repeats = dict[str, tuple[int, bool]]


def scan_object(text: str, index: int) -> tuple[dict[str, Any], Repeats, int]:
    """The members of the JSON object opening at ``text[index]``, the names it repeats,
    and the index after it.

    ``json.loads`` keeps only a repeated name's last value, which for a name
    holding papers loses the others: here arrays under a repeated name are
    joined in order (of other values the last is kept). Each value is decoded
    by json's C scanner. Raises ValueError or StopIteration where the text is
    no JSON object.
    """
    members: dict[str, Any] = {}
    repeated: Repeats = {}
    index = skip_space(text, index + 1)
    if text.startswith("}", index):
        return members, repeated, index + 1
    while text.startswith('"', index):
        name, index = json.decoder.scanstring(text, index + 1)  # type: ignore[attr-defined]  # C function without a stub
        index = skip_space(text, index)
        if not text.startswith(":", index):
            break
        value, index = scan_value(text, skip_space(text, index + 1))
        if name in members:
            times, joined = repeated.get(name, (1, True))
            earlier = members[name]
            joined = joined and type(earlier) is list and type(value) is list
            repeated[name] = (times + 1, joined)
            if joined:
                value = earlier + value
        members[name] = value
        index = skip_space(text, index)
        if text.startswith("}", index):
            return members, repeated, index + 1
        if not text.startswith(",", index):
            break
        index = skip_space(text, index + 1)
    raise ValueError(f"no JSON object member at character {index}")


def decode_object(text: str) -> tuple[Any, Repeats]:
    """A whole JSON text as ``json.loads`` reads it, raising its errors; when it is an
    object, with the names it repeats (see scan_object)."""
    start = skip_space(text, 0)
    if not text.startswith("{", start):
        return json.loads(text), {}
    try:
        document, repeated, end = scan_object(text, start)
    except (StopIteration, ValueError):
        return json.loads(text), {}  # raises json's own message for what is wrong
    if skip_space(text, end) < len(text):
        return json.loads(text), {}  # raises "Extra data"
    return document, repeated


def report_repeated_names(repeated: Repeats, context: LoadContext, line: int | None = None) -> None:
    """An Issue for each name an object repeats, saying which of its values were read."""
    for name, (times, joined) in repeated.items():
        kept = "its arrays are joined" if joined else "its last value is read"
        context.report(
            f"the name {name!r} appears {times} times in one object: {kept}",
            line=line,
            field=f"$.{name}",
        )
