"""Markup a converter adds around a page's text, removed before the text is read.

pandoc's own Markdown (``pandoc page.html -o page.md``) keeps the page's divs as
":::" fences and every class as an attribute block; without them it is Markdown
as other converters write it. Lines are kept, blank, so that problems found in
the text name the lines of the file.
"""

from __future__ import annotations

import re

__all__ = ["MARKDOWN_IMAGE", "plain_markdown"]

MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
"""An image as converters write it, ``![alt](address)``, its address maybe over lines."""
# A fence after a line break: re skips from "\n" to "\n", where "^" would be tried everywhere.
_PANDOC_FENCE = re.compile(r"\n:::")
# So many ":::" fences make pandoc's own Markdown, whose divs and attributes are markup.
_PANDOC_FENCES = 5
# A fenced div's line (in a list item too) or a raw HTML div line; an attribute block
# after "]" or ")", or after a space (a heading's "{#id .class}").
_PANDOC_LINE = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?(?::::.*|</?div[^>]*>)$", re.MULTILINE)
_ATTRIBUTES = r"\{(?:[.#][\w-]|[\w-]+=)[^{}]*\}"
_PANDOC_SPAN = re.compile(rf"\[(?P<text>[^\[\]]*)\](?P<attributes>{_ATTRIBUTES})")
# Spaces before a block are matched from the first of them only: tried from each
# space of a long run, "[ \t]+" would rescan the rest of it, in quadratic time.
_PANDOC_ATTRIBUTES = re.compile(rf"(?:(?<=[\])])|(?<![ \t])[ \t]+){_ATTRIBUTES}")


def plain_markdown(text: str) -> str:
    """``text`` without pandoc's markup when it is pandoc's own Markdown; else as it is."""
    fences = (1 if text.startswith(":::") else 0) + len(_PANDOC_FENCE.findall(text))
    if fences < _PANDOC_FENCES:
        return text
    return _without_pandoc_markup(text)


def _without_pandoc_markup(text: str) -> str:
    """pandoc's own Markdown as plain Markdown: its div fences, the raw HTML lines it
    keeps, attribute blocks ("{.class}", maybe wrapped over lines) and the brackets of
    spans ("[National University of Singapore]{.truncate}") dropped."""
    text = _PANDOC_SPAN.sub(_span_text, text)
    text = _PANDOC_ATTRIBUTES.sub(lambda block: "\n" * block[0].count("\n"), text)
    return _PANDOC_LINE.sub("", text)


def _span_text(span: re.Match[str]) -> str:
    """A span's text, and the line breaks its attribute block held."""
    return span["text"] + "\n" * span["attributes"].count("\n")
