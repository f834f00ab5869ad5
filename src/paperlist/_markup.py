"""Markup a converter adds around a page's text, removed before the text is read.

pandoc's own Markdown (``pandoc page.html -o page.md``) keeps the page's divs as
":::" fences and every class as an attribute block; without them it is Markdown
as other converters write it. A page printed to PDF and read back with pdftotext
has the printing's header and footer on every sheet. Lines are kept, blank, so
that problems found in the text name the lines of the file.
"""

from __future__ import annotations

import itertools
import re

__all__ = [
    "INLINE_DATA",
    "MARKDOWN_IMAGE",
    "SHEET_BREAK",
    "foreign_markup",
    "plain_markdown",
    "without_inline_data",
    "without_running_lines",
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
# (name, strings one of which its documents hold, its marks)
_FOREIGN_LANGUAGES = (
    ("reStructuredText", (".. ",), _RST_DIRECTIVE),
    ("AsciiDoc", ("link:", "image:"), _ASCIIDOC_MACRO),
)
_FOREIGN_MARKS = 5
_FOREIGN_HEAD = 1 << 16

INLINE_DATA = "(data:"
"""How an address inlining its data opens in Markdown: ``![](data:image/svg+xml;base64,…)``."""
_INLINE_DATA_ADDRESS = re.compile(r"\(data:[^)\s]*\)")

SHEET_BREAK = "\f"
"""pdftotext ends each printed sheet with a form feed."""
# A browser prints the date, the page's title, its address and "2/7" at the top and
# bottom of every sheet: so many lines are looked at, at each end.
_RUNNING_REACH = 3
_NUMBER = re.compile(r"\d+")
_COUNTER_DIGITS = 6  # a sheet number is never longer
# A printed sheet holds a header, a footer and text: fewer lines a sheet make no print,
# and sheets of a line or two would cost as much as lines of text.
_SHEET_LINES = 4


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
    """The markup language other than Markdown that ``text`` is written in, and where in
    it its first mark stands; None for Markdown and plain text. Such a document shows
    its marks from the start: only its head is searched, at a cost that does not grow
    with the file."""
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


def without_running_lines(text: str) -> str:
    """``text`` with the lines that stand at the same place at the top or the bottom of
    consecutive sheets of a printed page blank: the header and footer the printing
    added, which would otherwise cut the cards they fall between.

    Such a line is the same on the next sheet or the one before, but for numbers one
    higher there (the sheet's "2/7", a clock's minute), and holds a letter or digit (a
    card's "·" may open every sheet when cards are as tall as each other); only runs
    of such lines from a sheet's ends are furniture. So the text of several printed
    pages can be joined in one file, and another tool's dump before or after the
    sheets (text after the last form feed is no sheet) is not taken for them.
    """
    if text.count(SHEET_BREAK) * _SHEET_LINES > text.count("\n"):
        return text  # sheets this short hold no header, footer and text: no printed page
    sheets = [sheet.split("\n") for sheet in text.split(SHEET_BREAK)]
    # Each sheet with text, and the places of its lines that are not blank.
    filled = [(lines, shown) for lines in sheets[:-1] if (shown := _shown(lines))]
    _blank_running(filled, from_end=False)
    _blank_running(filled, from_end=True)
    return SHEET_BREAK.join("\n".join(lines) for lines in sheets)


Sheet = tuple[list[str], list[int]]


def _blank_running(sheets: list[Sheet], *, from_end: bool) -> None:
    """Blank the lines, from each sheet's top or end, that run on from a neighbour's."""
    furniture = set(range(len(sheets)))  # sheets whose lines up to here were all blanked
    for depth in range(_RUNNING_REACH):
        place = -1 - depth if from_end else depth
        furniture = {
            sheet
            for index in sorted(furniture)
            if index + 1 in furniture
            and _runs_on(
                _line_at(sheets[index], depth, place), _line_at(sheets[index + 1], depth, place)
            )
            for sheet in (index, index + 1)
        }
        for index in furniture:
            lines, shown = sheets[index]
            lines[shown[place]] = ""
        if not furniture:
            return


def _line_at(sheet: Sheet, depth: int, place: int) -> str:
    """The line at ``place`` among the sheet's lines that are not blank, or "" when the
    sheet has no more than ``depth`` of them."""
    lines, shown = sheet
    return lines[shown[place]] if len(shown) > depth else ""


def _runs_on(line: str, following: str) -> bool:
    """Whether ``following``, on the next sheet, is the printing's ``line`` again: the same
    text holding a letter or digit, but for numbers one higher ("2/7" after "1/7")."""
    if line != following:  # most furniture is the same line again, spaces and all
        line, following = " ".join(line.split()), " ".join(following.split())
    if not any(character.isalnum() for character in line):
        return False
    if line == following:
        return True
    if _NUMBER.sub("#", line) != _NUMBER.sub("#", following):
        return False
    pairs = zip(_NUMBER.findall(line), _NUMBER.findall(following), strict=True)  # keys agree
    return all(
        number == next_number or _one_more(number, next_number) for number, next_number in pairs
    )


def _one_more(number: str, next_number: str) -> bool:
    return (
        max(len(number), len(next_number)) <= _COUNTER_DIGITS
        and int(next_number) == int(number) + 1
    )


def _shown(lines: list[str]) -> list[int]:
    return [index for index, line in enumerate(lines) if line.strip()]
