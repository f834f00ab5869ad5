"""A page printed to PDF and read back by pdftotext: the printing's header and footer.

A browser prints the date, the page's title, its address and "2/7" on every
sheet, and pdftotext ends each sheet with a form feed (with ``-nopgbrk``, the
line ending in the sheet's "2/7" is the only mark left): those lines fall
between the lines of a card. They are blanked, lines kept, before the text is
read.
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
# More text than a printed sheet holds, even in pdftotext's -layout: where the next
# sheet's counter is looked for, so that text which is no printing costs one look.
_SHEET_CHARACTERS = 32_768
# The first sheet's counter at the end of a line: "1/7". Opening with a literal, the
# search skips ahead in C.
_FIRST_COUNTER = re.compile(r"1/([1-9][0-9]{0,3})[ \t]*$", re.MULTILINE)
_LINE_REST = re.compile(r"[ \t\r]*(?:\n|\Z)")


def without_running_lines(text: str) -> str:
    """``text`` with the lines that stand at the same place at the top or the bottom of
    consecutive sheets of a printed page blank: the header and footer the printing
    added, which would otherwise cut the cards they fall between.

    Such a line is the same on the next sheet or the one before, but for numbers one
    higher there (the sheet's "2/7", a clock's minute), and holds a letter or digit (a
    card's "·" may open every sheet when cards are as tall as each other); only runs
    of such lines from a sheet's ends are furniture. So the text of several printed
    pages can be joined in one file, and another tool's dump before or after the
    sheets (text after the last sheet's end is no sheet) is not taken for them.
    A sheet ends at a form feed; in text with none (``pdftotext -nopgbrk``), after
    the line that ends in its counter.
    """
    if SHEET_BREAK in text:
        pieces, separator = text.split(SHEET_BREAK), SHEET_BREAK
    else:
        ends = _counter_line_ends(text)
        if not ends:
            return text
        starts = [0, *ends]
        pieces = [text[start:end] for start, end in zip(starts, [*ends, len(text)], strict=True)]
        separator = ""
    if (len(pieces) - 1) * _SHEET_LINES > text.count("\n"):
        return text  # sheets this short hold no header, footer and text: no printed page
    sheets = [piece.split("\n") for piece in pieces]
    # Each sheet with text, and the places of its lines that are not blank.
    filled = [(lines, shown) for lines in sheets[:-1] if (shown := _shown(lines))]
    _blank_running(filled, from_end=False)
    _blank_running(filled, from_end=True)
    return separator.join("\n".join(lines) for lines in sheets)


def _counter_line_ends(text: str) -> list[int]:
    """Where each sheet of pdftotext -nopgbrk output ends: after the line that ends in
    its counter, "1/7" then "2/7" and on, each within a sheet's length of the last.

    A printing is looked for at the start of the text and right after each one;
    the first "1/7" that starts no run of counters ends the search, so that text
    which is no printing costs one search of a sheet's length.
    """
    ends: list[int] = []
    start = 0
    while first := _FIRST_COUNTER.search(text, start, start + _SHEET_CHARACTERS):
        opening = _counter_line_end(text, first.start(), first.end())
        if opening is None:
            break
        found, total = [opening], int(first[1])
        for number in range(2, total + 1):
            following = _next_counter_line_end(text, f"{number}/{total}", found[-1])
            if following is None:
                break
            found.append(following)
        if len(found) < 2:  # a lone "1/7" at a line's end is no printing
            break
        ends += found
        start = found[-1]
    return ends


def _next_counter_line_end(text: str, counter: str, start: int) -> int | None:
    """Where the line after ``start`` that ends in ``counter`` ends, within a sheet's length."""
    limit = start + _SHEET_CHARACTERS
    position = text.find(counter, start, limit)
    while position != -1:
        end = _counter_line_end(text, position, position + len(counter))
        if end is not None:
            return end
        position = text.find(counter, position + len(counter), limit)
    return None


def _counter_line_end(text: str, start: int, end: int) -> int | None:
    """Just past the line of the counter at ``text[start:end]``, if it ends that line
    and stands alone (at the line's start or after a space); else None."""
    if start > 0 and text[start - 1] not in " \t\n":
        return None
    rest = _LINE_REST.match(text, end)  # only spaces up to the line's end: the spaces alone
    return rest.end() if rest is not None else None


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
