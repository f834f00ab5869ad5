"""A page printed to PDF and read back as text: the printing's header and footer.

A browser prints the date, the page's title, its address and "2/7" on every
sheet, and PDF readers (pdftotext, PyMuPDF, pdfminer) end each sheet with a form
feed or leave only the counter to mark it: those lines fall between the lines of a
card. They are blanked, lines kept, before the text is read.
"""

from __future__ import annotations

import re

__all__ = ["SHEET_BREAK", "without_running_lines"]

SHEET_BREAK = "\f"
"""pdftotext ends each printed sheet with a form feed."""
# A browser prints the date, the page's title, its address and "2/7" at the top and
# bottom of every sheet, all four at one end in some PDF readers' order (PyMuPDF's):
# so many lines are looked at, at each end.
_RUNNING_REACH = 4
# Longer than a line across a sheet, even in -layout: no header or footer.
_RUNNING_LENGTH = 400
_NUMBER = re.compile(r"\d+")
_ALNUM = re.compile(r"[^\W_]")
_COUNTER_DIGITS = 6  # a sheet number is never longer
# A printed sheet holds a header, a footer and text: fewer lines a sheet make no print,
# and sheets of a line or two would cost as much as lines of text.
_SHEET_LINES = 4
# More text than a printed sheet holds, even in pdftotext's -layout: where the next
# sheet's counter is looked for, so that text which is no printing costs one look.
_SHEET_CHARACTERS = 32_768
# The first sheet's counter at the end of a line: "1/7". Opening with a literal, the
# search skips ahead in C.
_FIRST_COUNTER = re.compile(r"1/([1-9][0-9]{0,3})(?=[ \t\r]*(?:\n|\f|\Z))")
# A counter's line ends at a line break or at the sheet's form feed, kept with the sheet.
_LINE_REST = re.compile(r"[ \t\r]*(?:\n|\f|\Z)")


def without_running_lines(text: str) -> str:
    """``text`` with the lines that stand at the same place at the top or the bottom of
    consecutive sheets of a printed page blank: the header and footer the printing
    added, which would otherwise cut the cards they fall between.

    Such a line stands among the first four at the same end of a sheet near it (the next,
    the one before, or the one beyond), the same but for numbers one higher there (the
    sheet's "2/7", a clock's minute), and holds a letter or digit (a card's "·" may open
    every sheet when cards are as tall as each other); only runs of such lines from a
    sheet's ends are furniture, four at most a sheet. So the text of several printed
    pages can be joined in one file, and another tool's dump before or after the
    sheets (text after the last sheet's end is no sheet) is not taken for them.
    A sheet ends at a form feed, and after the line that ends in its counter: in text
    with no form feed (``pdftotext -nopgbrk``, pypdf), or none after the last sheet
    (markitdown strips it), the counter is the only mark left.
    """
    form_feeds = SHEET_BREAK in text  # most text has none: one scan in C to know
    counter_ends = _counter_line_ends(text)
    if not form_feeds and not counter_ends:
        return text
    lines_in_text = text.count("\n")
    sheets_at_most = max(text.count(SHEET_BREAK), len(counter_ends))
    if sheets_at_most * _SHEET_LINES > lines_in_text:
        return text  # sheets this short hold no header, footer and text: no printed page
    ends = sorted({*_form_feed_ends(text), *counter_ends}) if form_feeds else counter_ends
    starts = [0, *ends]
    pieces = [text[start:end] for start, end in zip(starts, [*ends, len(text)], strict=True)]
    sheets = [piece.split("\n") for piece in pieces]
    # Each sheet with text, and the places of its lines that are not blank; text after
    # the last sheet's end is no sheet.
    filled = [(lines, shown) for lines in sheets[:-1] if (shown := _shown(lines))]
    # Both ends as printed, before either loses a line: a sheet may be all furniture.
    tops = [_end_lines(sheet, from_end=False) for sheet in filled]
    bottoms = [_end_lines(sheet, from_end=True) for sheet in filled]
    # A browser prints four pieces on a sheet, at its top or its end: no more are blanked.
    at_top = _blank_running(filled, tops, from_end=False, reach=[_RUNNING_REACH] * len(filled))
    _blank_running(filled, bottoms, from_end=True, reach=[_RUNNING_REACH - n for n in at_top])
    return "".join("\n".join(lines) for lines in sheets)


def _form_feed_ends(text: str) -> list[int]:
    """Just past each form feed: where pdftotext ends each sheet."""
    ends = []
    position = text.find(SHEET_BREAK)
    while position != -1:
        ends.append(position + 1)
        position = text.find(SHEET_BREAK, position + 1)
    return ends


def _counter_line_ends(text: str) -> list[int]:
    """Where each sheet of a printing ends by its counter: after the line that ends in
    "1/7", then "2/7" and on, each within a sheet's length of the last.

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


def _blank_running(
    sheets: list[Sheet], ends: list[list[str]], *, from_end: bool, reach: list[int]
) -> list[int]:
    """Blank the lines, from each sheet's top or end, that run on from a neighbour's,
    up to each sheet's ``reach``; returns how many each sheet lost. ``ends`` holds
    each sheet's lines at that end, as ``_end_lines`` gives them.

    A line runs on when a sheet near it holds it among the same number of lines at the
    same end: PDF readers differ in the order of the header's and footer's pieces, and
    pdfminer's changes from one sheet to the next. Only runs from the end count: a
    sheet stops at its first line found on no sheet near it.
    """
    blanked = [0] * len(sheets)
    chained = set(range(len(sheets)))  # sheets whose lines up to here were all blanked
    for depth in range(_RUNNING_REACH):
        chained = {
            index
            for index in chained
            if depth < reach[index] and _runs_on_a_neighbour(ends, index, depth, chained)
        }
        place = -1 - depth if from_end else depth
        for index in chained:
            lines, shown = sheets[index]
            line = lines[shown[place]]
            lines[shown[place]] = SHEET_BREAK * line.count(SHEET_BREAK)  # the sheet's end stays
            blanked[index] += 1
    return blanked


def _end_lines(sheet: Sheet, *, from_end: bool) -> list[str]:
    """The sheet's first lines that are not blank, from its top or its end, as far as
    a printing's lines reach; a line longer than any sheet's ends the run."""
    lines, shown = sheet
    places = shown[: -_RUNNING_REACH - 1 : -1] if from_end else shown[:_RUNNING_REACH]
    ends = []
    for place in places:
        line = lines[place]
        if len(line) > _RUNNING_LENGTH:
            break
        ends.append(line)
    return ends


def _runs_on_a_neighbour(ends: list[list[str]], index: int, depth: int, chained: set[int]) -> bool:
    """Whether the sheet's line at ``depth`` from its end runs on from or to a line at the
    same end of a sheet still in the run: the one before or after it, or the one beyond
    (pdfminer may leave a piece out of a sheet's end, when it places it in the text)."""
    own = ends[index]
    if depth >= len(own):
        return False
    piece = own[depth]
    return any(
        other in chained and _held(ends[other], depth, piece, following=other > index)
        for other in (index - 1, index + 1, index - 2, index + 2)
    )


def _held(pieces: list[str], depth: int, piece: str, *, following: bool) -> bool:
    """Whether ``pieces``, a neighbour's (the next sheet's if ``following``), hold one that
    ``piece`` runs on to or from; the one at its own depth, where most stand, first."""
    if depth < len(pieces):
        other = pieces[depth]
        if _runs_on(piece, other) if following else _runs_on(other, piece):
            return True
    return any(
        _runs_on(piece, other) if following else _runs_on(other, piece)
        for place, other in enumerate(pieces)
        if place != depth
    )


def _runs_on(line: str, following: str) -> bool:
    """Whether ``following``, on the next sheet, is the printing's ``line`` again: the same
    text holding a letter or digit (a card's "·" may open every sheet when cards are as
    tall as each other), spaces aside, but for numbers one higher ("2/7" after "1/7")."""
    if line != following:  # most furniture is the same line again, spaces and all
        line, following = " ".join(line.split()), " ".join(following.split())
    if line == following:
        return _ALNUM.search(line) is not None
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
