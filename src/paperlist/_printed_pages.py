"""A page printed to PDF and read back by pdftotext: the printing's header and footer.

A browser prints the date, the page's title, its address and "2/7" on every
sheet, and pdftotext ends each sheet with a form feed: those lines fall between
the lines of a card. They are blanked, lines kept, before the text is read.
"""

from __future__ import annotations

import re

__all__ = ["SHEET_BREAK", "without_running_lines"]

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
