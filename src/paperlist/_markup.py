"""Markup a converter adds around a page's text, removed before the text is read.

pandoc's own Markdown (``pandoc page.html -o page.md``) keeps the page's divs as
":::" fences and every class as an attribute block; without them it is Markdown
as other converters write it. A page printed to PDF and read back with pdftotext
has the printing's header and footer on every sheet. Lines are kept, blank, so
that problems found in the text name the lines of the file.
"""

from __future__ import annotations

import re

__all__ = ["MARKDOWN_IMAGE", "SHEET_BREAK", "plain_markdown", "without_running_lines"]

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

SHEET_BREAK = "\f"
"""pdftotext ends each printed sheet with a form feed."""
# A browser prints the date, the page's title, its address and "2/7" at the top and
# bottom of every sheet: so many lines are looked at, at each end.
_RUNNING_REACH = 3
_NUMBER = re.compile(r"\d+")


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


def without_running_lines(text: str) -> str:
    """``text`` with the lines that stand at the same place at the top or the bottom of
    every sheet of a printed page blank: the header and footer the printing added,
    which would otherwise cut the cards they fall between.

    A line counts as the same on two sheets with its numbers left out ("1/7",
    "2/7"), but a number alone (an upvote count) is never furniture; only runs of
    such lines from a sheet's ends are. Sheets are one printed page's while their
    first and last lines agree, so the text of several pages can be joined in one
    file. Text after the last form feed is no sheet, and the first sheet's top may
    be another tool's dump joined before the printed page's text.
    """
    sheets = [sheet.split("\n") for sheet in text.split(SHEET_BREAK)]
    # Each sheet with text, and the places of its lines that are not blank.
    filled = [(lines, shown) for lines in sheets[:-1] if (shown := _shown(lines))]
    opens_file = filled[0] if filled and filled[0][0] is sheets[0] else None
    for printed in _printed_pages(filled, opens_file):
        if len(printed) < 2:
            continue
        tops = (
            [sheet for sheet in printed if sheet is not opens_file] if len(printed) > 2 else printed
        )
        _blank_running(printed, tops, from_end=False)
        _blank_running(printed, printed, from_end=True)
    return SHEET_BREAK.join("\n".join(lines) for lines in sheets)


Sheet = tuple[list[str], list[int]]


def _printed_pages(sheets: list[Sheet], opens_file: Sheet | None) -> list[list[Sheet]]:
    """The sheets in runs that one printing made: each sheet's last line (and first,
    but for the file's first sheet) the same as the sheet's before it."""
    pages: list[list[Sheet]] = []
    for sheet in sheets:
        if (
            pages
            and _same_place(pages[-1][-1], sheet, -1)
            and (pages[-1][-1] is opens_file or _same_place(pages[-1][-1], sheet, 0))
        ):
            pages[-1].append(sheet)
        else:
            pages.append([sheet])
    return pages


def _same_place(first: Sheet, second: Sheet, place: int) -> bool:
    key = _running_key(first[0][first[1][place]])
    return bool(key.strip("# ")) and key == _running_key(second[0][second[1][place]])


def _blank_running(sheets: list[Sheet], voters: list[Sheet], *, from_end: bool) -> None:
    """Blank the lines, from each sheet's top or end, that all the ``voters`` share."""
    for depth in range(_RUNNING_REACH):
        place = -1 - depth if from_end else depth
        if any(len(shown) <= depth for _, shown in voters):
            return
        keys = {_running_key(lines[shown[place]]) for lines, shown in voters}
        key = keys.pop()
        if keys or not key.strip("# "):
            return
        for lines, shown in sheets:
            if len(shown) > depth and _running_key(lines[shown[place]]) == key:
                lines[shown[place]] = ""


def _shown(lines: list[str]) -> list[int]:
    return [index for index, line in enumerate(lines) if line.strip()]


def _running_key(line: str) -> str:
    return _NUMBER.sub("#", " ".join(line.split()))
