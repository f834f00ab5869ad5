"""Lone surrogates: text no encoder can write, replaced by U+FFFD where they enter.

They reach paperlist in a ``str`` given to ``loads`` (decoded with
``surrogateescape``, say) and in JSON escapes such as ``"\\ud800"``. Bytes
decoded by paperlist never hold them. Left in place, they would make
``dump`` and every UTF-8 writer downstream fail.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from ._context import LoadContext
from ._model import PAPER_FIELDS, Paper
from ._strings import line_and_column

__all__ = ["SURROGATE_ESCAPE", "replace_in_papers", "replace_in_text"]

_SURROGATE = re.compile("[\ud800-\udfff]")
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
"""A JSON escape of a surrogate; a pair of them is a valid character, one alone is not."""
_REPLACEMENT = "\ufffd"
_SLICE = 1 << 20  # characters encoded at a time while looking for a surrogate


def replace_in_text(text: str, context: LoadContext) -> str:
    """``text`` with each lone surrogate replaced, the first one reported."""
    if text.isascii():
        return text
    first = _first_surrogate(text)
    if first == -1:
        return text
    line, column = line_and_column(text, first)
    context.report(
        f"a lone surrogate U+{ord(text[first]):04X} cannot be written in any encoding: "
        "replaced by U+FFFD",
        line=line,
        column=column,
    )
    return _SURROGATE.sub(_REPLACEMENT, text)


def _first_surrogate(text: str) -> int:
    """Where the first surrogate in ``text`` is, or -1.

    UTF-16's encoder stops at the first one, the only characters it cannot
    write: nine times as fast as a regular expression finds it, and three
    times as fast as UTF-8's encoder, as a str of two-byte characters (a dump
    with "•" in it) is nearly its output already. Encoding a slice at a time
    bounds the bytes it writes meanwhile.
    """
    for start in range(0, len(text), _SLICE):
        try:
            text[start : start + _SLICE].encode("utf-16-le")
        except UnicodeEncodeError as error:
            return start + error.start
    return -1


def replace_in_papers(papers: Sequence[Paper], context: LoadContext) -> list[Paper]:
    """The papers, each text field holding a lone surrogate replaced and reported."""
    cleaned = []
    for index, paper in enumerate(papers):
        changes: dict[str, Any] = {}
        for name in PAPER_FIELDS:
            value = getattr(paper, name)
            if isinstance(value, str) and _SURROGATE.search(value):
                changes[name] = _SURROGATE.sub(_REPLACEMENT, value)
            elif isinstance(value, tuple) and any(map(_SURROGATE.search, value)):
                changes[name] = tuple(_SURROGATE.sub(_REPLACEMENT, item) for item in value)
        for name in changes:
            context.report(
                "a lone surrogate cannot be written in any encoding: replaced by U+FFFD",
                field=name,
                index=index,
            )
        cleaned.append(attrs.evolve(paper, **changes) if changes else paper)
    return cleaned
