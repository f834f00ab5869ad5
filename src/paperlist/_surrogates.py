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


def replace_in_text(text: str, context: LoadContext) -> str:
    """``text`` with each lone surrogate replaced, the first one reported."""
    if text.isascii():
        return text
    first = _SURROGATE.search(text)
    if first is None:
        return text
    line, column = line_and_column(text, first.start())
    context.report(
        f"a lone surrogate U+{ord(first.group()):04X} cannot be written in any encoding: "
        "replaced by U+FFFD",
        line=line,
        column=column,
    )
    return _SURROGATE.sub(_REPLACEMENT, text)


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
