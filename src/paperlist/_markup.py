"""Markup a converter adds around a page's text, removed before the text is read.

pandoc's own Markdown (``pandoc page.html -o page.md``) keeps the page's divs as
":::" fences and every class as an attribute block; without them it is Markdown
as other converters write it. Lines are kept, blank, so that problems found in the
text name the lines of the file. Documents in other markup languages are found, to
be refused.
"""

from __future__ import annotations

import itertools
import re

__all__ = [
    "INLINE_DATA",
    "MARKDOWN_IMAGE",
    "foreign_markup",
    "plain_markdown",
    "without_inline_data",
    "without_inline_html",
]

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

# Markup languages other than Markdown, as pandoc writes a page in them: their links and
# blocks would read as cards. So many of their marks make such a document.
_RST_DIRECTIVE = re.compile(r"(?<![^\n])[ \t]*\.\. (?:[\w-]+|\|[^|\n]+\| [\w-]+)::")
_ASCIIDOC_MACRO = re.compile(r"(?:link|image):[^\s\[\]]+\[")
# "[[/papers/…][Title]]", "[[img.png]]"; not Markdown's "[[v1]](…)", a link around "[v1]".
_ORG_LINK = re.compile(r"\[\[[^\[\]\s]+\](?:\[|\](?!\())")
# (name, strings one of which its documents hold, its marks)
_FOREIGN_LANGUAGES = (
    ("reStructuredText", (".. ",), _RST_DIRECTIVE),
    ("AsciiDoc", ("link:", "image:"), _ASCIIDOC_MACRO),
    ("Org", ("[[",), _ORG_LINK),
)
_FOREIGN_MARKS = 5
_FOREIGN_HEAD = 1 << 16

INLINE_DATA = "(data:"
"""How an address inlining its data opens in Markdown: ``![](data:image/svg+xml;base64,…)``."""
_INLINE_DATA_ADDRESS = re.compile(r"\(data:[^)\s]*\)")


# The inline HTML a Markdown converter keeps as it is: phrase tags (pymupdf4llm underlines a
# link's text with "<u>"), anchors ('<a id="section-1"></a>') and line breaks. A "<"
# opens each, so the search skips ahead in C.
_INLINE_TAG = re.compile(
    r"<(?:/?(?:a|u|b|i|em|strong|mark|small|sup|sub|span|ins|del|s)|br)(?:\s[^<>\n]*)?/?>",
    re.IGNORECASE,
)
_COMMENT_OPENING, _COMMENT_CLOSING = "<!--", "-->"


def without_inline_html(text: str) -> str:
    """``text`` with the inline HTML a Markdown converter kept: phrase tags dropped, each
    "<br>" a space, and comments on one line ("<!-- image -->", pymupdf4llm's "<!-- Start
    of picture text -->") dropped. Lines stay where they were."""
    text = _INLINE_TAG.sub(_tag_replacement, text)
    return _without_comments(text) if _COMMENT_OPENING in text else text


def _tag_replacement(tag: re.Match[str]) -> str:
    return " " if tag[0][1] in "bB" and tag[0][2:3] in ("r", "R") else ""


def _without_comments(text: str) -> str:
    """``text`` without the comments that open and close on one line; a "<!--" that
    closes on no later point of its line is text. Each piece is searched once."""
    pieces = text.split(_COMMENT_OPENING)
    kept = [pieces[0]]
    for piece in pieces[1:]:
        end = piece.find(_COMMENT_CLOSING)
        if end == -1 or piece.find("\n", 0, end) != -1:
            kept.append(_COMMENT_OPENING + piece)
        else:
            kept.append(piece[end + len(_COMMENT_CLOSING) :])
    return "".join(kept)


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


def foreign_markup(text: str) -> tuple[str, int] | None:
    """The markup language other than Markdown that ``text`` is written in
    (reStructuredText, AsciiDoc, Org), and where in it its first mark stands; None for
    Markdown and plain text. Such a document shows its marks from the start: only its
    head is searched, at a cost that does not grow with the file."""
    head = text[:_FOREIGN_HEAD]
    for name, needles, marks in _FOREIGN_LANGUAGES:
        if not any(needle in head for needle in needles):
            continue
        found = list(itertools.islice(marks.finditer(head), _FOREIGN_MARKS))
        if len(found) == _FOREIGN_MARKS:
            return name, found[0].start()
    return None


def without_inline_data(text: str) -> str:
    """``text`` with the addresses that inline their data (``data:image/svg+xml;base64,…``,
    the page's icons as html-to-markdown keeps them) emptied: furniture, and hundreds of
    characters long, they would make a date line with an arrow on each side as long as
    a paragraph."""
    return _INLINE_DATA_ADDRESS.sub("()", text)
