"""Line shapes of text and Markdown page dumps: one small recogniser per shape.

``read_units`` turns the lines of a dump into a flat list of ``Unit``s (a
title, an abstract, an author count, a date line, ...). Deciding which units
form which card is ``_text``'s job.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from enum import IntEnum
from itertools import chain
from typing import NamedTuple

from .._dates import looks_like_card_date
from .._numbers import (
    AUTHOR_COUNT_PATTERN,
    STAR_COUNT_PATTERN,
    VOTE_COUNT,
    parse_count,
    parse_star_count,
)

__all__ = ["MAX_TITLE_LENGTH", "Kind", "Unit", "read_units"]


class Kind(IntEnum):
    """What a unit of a dump is (an IntEnum: it hashes in C, and units are many)."""

    CHROME = 0  # page furniture; ``text`` holds a page title when it is one
    TEXT = 1  # a paragraph: a title, an abstract or an organisation name
    TITLE = 2  # an explicit Markdown title ("### ...")
    ABSTRACT = 3  # an explicit Markdown abstract (link text to the paper)
    VOTES = 4  # the upvote count before a title
    AUTHORS = 5  # "4 authors"; ``value`` is None when the number is unreadable
    ORGANIZATION = 6  # an organisation chip
    SEPARATOR = 7  # the "·" between owner and date
    DATE = 8  # a date line, maybe with the comment count
    REPO = 9  # a repository link with its star count


class Unit(NamedTuple):
    """One recognised piece of a dump, with its 1-based position.

    A NamedTuple: a dump of 20,000 papers makes 100,000 of them.
    """

    kind: Kind
    text: str
    line: int
    column: int
    value: int | None = None
    url: str | None = None
    single_line: bool = True


# Building units with tuple.__new__ skips NamedTuple's Python-level __new__.
_new_unit = tuple.__new__
_MONTH_PREFIXES = frozenset(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
)
_PAGE_TITLE_LINES = frozenset({"Daily Papers", "Trending Papers"})
_CHROME_LINES = frozenset(
    {
        "new",
        "Subscribe",
        "Get trending papers in your email inbox!",
        "Get trending papers in your email inbox once a day!",
        "byAK and the research community",
        "by AK and the research community",
        "Daily",
        "Weekly",
        "Monthly",
        "- Daily",
        "- Weekly",
        "- Monthly",
        "Trending Papers ranked by GitHub stars activity",
        "Previous",
        "Next",
    }
)
_CHROME_LINK_TEXTS = frozenset({"Subscribe", "Trending Papers", "Previous", "Next", "Daily Papers"})
_MAX_CHROME_LENGTH = 64
# Longest paragraph read as a title when it could also be an abstract.
MAX_TITLE_LENGTH = 200

_BATCH_SIZE = 128
_SEPARATORS = frozenset({"·", "⋅", "•"})
# "4 authors", "- 8 authors", "  • 1 author"; after a bullet, an unreadable
# count ("• many authors") is still an author line, to be reported.
_AUTHORS = re.compile(rf"(?:[•*-]\s*)?{AUTHOR_COUNT_PATTERN}", re.IGNORECASE)
_BULLETED_AUTHORS = re.compile(r"[•*-]\s*(?P<count>\S[^•]{0,23}?)\s+authors?", re.IGNORECASE)
_BULLET = re.compile(r"•\s*(?P<name>\S.*)")
_HEADING = re.compile(r"(?P<marks>#{1,6})\s+(?P<text>.*?)(?:\s+#+)?")
_LINK = re.compile(r"\[(?P<text>.*)\]\(\s*(?P<url>[^\s)]*)\s*\)", re.DOTALL)
_LINK_END = re.compile(r".*\]\(\s*[^\s)]*\s*\)\s*")
_DATE_WITH_COMMENTS = re.compile(
    r"(?P<date>.*?)\s*\[(?P<count>\d+)\]\(\s*[^\s)]*#community\s*\)", re.DOTALL
)
_CHIP = re.compile(r"!\[(?P<handle>[^\]]*)\]\([^)]*\)\s*(?P<name>.*)", re.DOTALL)
_REPO_LINK_TEXT = re.compile(
    rf"(?:LINK:\s*)?(?:GitHub|GitLab|Code)\s*(?P<stars>{STAR_COUNT_PATTERN})?", re.IGNORECASE
)
_BOLD_LABEL = re.compile(r"\*\*[^*]+:\*\*.*")
_RULE = re.compile(r"-{3,}|\*{3,}|_{3,}")
_AUTHOR_BULLETS_END = re.compile(r"(?:^|\n)\s*-\s*(?P<count>\S+?)\s+authors?\s*$", re.IGNORECASE)
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>\"'$&%^=:;,?/@ ])")
_HARD_BREAK = re.compile(r"\\\\?[ \t]*\n")


def unescape_markdown(text: str) -> str:
    """Drop Markdown hard breaks (``\\\\`` line ends) and backslash escapes."""
    if "\\" not in text:
        return text
    return _MARKDOWN_ESCAPE.sub(r"\1", _HARD_BREAK.sub(" ", text))


class _Reader:
    """Walks the lines once, paragraph by paragraph, emitting units."""

    def __init__(self, lines: list[str], first: int) -> None:
        self.lines = lines
        self.index = first
        self.units: list[Unit] = []
        self.markdown = False

    def batches(self) -> Iterator[list[Unit]]:
        """The units in batches, so that a load never holds them all.

        Units that die young cost the garbage collector nothing; 100,000 held
        to the end of a load were traversed by every collection, a third of
        the tokeniser's time.
        """
        lines = self.lines
        count = len(lines)
        by_first = _BY_FIRST_CHARACTER
        while self.index < count:
            line = lines[self.index]
            stripped = line.strip() if line else line
            if not stripped:
                self.index += 1
                if len(self.units) >= _BATCH_SIZE:  # between paragraphs: a rare test
                    yield self.units
                    self.units = []
                continue
            reader = by_first.get(stripped[0])
            if reader is not None and reader(self, line, stripped):
                continue
            if not self._short_line(line, stripped):
                self._paragraph(line, stripped)
        yield self.units

    def _emit(
        self,
        kind: Kind,
        text: str,
        line: str,
        *,
        value: int | None = None,
        url: str | None = None,
        single_line: bool = True,
    ) -> None:
        """Add a unit that starts at the current line."""
        column = len(line) - len(line.lstrip()) + 1
        self.units.append(
            _new_unit(Unit, (kind, text, self.index + 1, column, value, url, single_line))
        )

    def _short_line(self, line: str, stripped: str) -> bool:
        """A one-line shape that starts with no special character, as one unit."""
        shape = _line_shape(stripped)
        if shape is None:
            return False
        kind, text, value = shape
        return self._one(kind, text, line, value)

    def _one(self, kind: Kind, text: str, line: str, value: int | None = None) -> bool:
        """Emit a one-line unit and move past its line (the hottest path: no _emit)."""
        column = len(line) - len(line.lstrip()) + 1
        self.units.append(_new_unit(Unit, (kind, text, self.index + 1, column, value, None, True)))
        self.index += 1
        return True

    def _paragraph(self, line: str, stripped: str) -> None:
        """Consecutive plain lines form one TEXT unit (hard-wrapped abstracts)."""
        start = self.index
        lines = self.lines
        self.index += 1
        parts = None
        while self.index < len(lines):
            following = lines[self.index].strip()
            if not following or _starts_a_shape(following):
                break
            if parts is None:
                parts = [stripped]
            parts.append(following)
            self.index += 1
        text = stripped if parts is None else " ".join(parts)
        if self.markdown:
            text = unescape_markdown(text)
        column = len(line) - len(line.lstrip()) + 1
        self.units.append(
            _new_unit(Unit, (Kind.TEXT, text, start + 1, column, None, None, parts is None))
        )

    def _separator(self, line: str, stripped: str) -> bool:
        """The "·" line, or a "•" bullet: "  • 4 authors" or an organisation."""
        if stripped in _SEPARATORS:
            return self._one(Kind.SEPARATOR, stripped, line)
        authors = _author_line(stripped)
        if authors is not None:
            return self._one(Kind.AUTHORS, authors[0], line, authors[1])
        bullet = _BULLET.fullmatch(stripped)
        if bullet is None:
            return False
        return self._one(Kind.ORGANIZATION, " ".join(bullet["name"].split()), line)

    def _heading(self, line: str, stripped: str) -> bool:
        match = _HEADING.fullmatch(stripped)
        if match is None:
            return False
        self.markdown = True
        heading = match["text"]
        if len(match["marks"]) < 3:
            self._emit(Kind.CHROME, heading if heading.endswith("Papers") else "", line)
            self.index += 1
            return True
        start = self.index
        self.index += 1
        # A title hard-wrapped by the converter goes on in the next plain lines.
        while self.index < len(self.lines):
            stripped_next = self.lines[self.index].strip()
            if not stripped_next or _starts_a_shape(stripped_next):
                break
            heading += " " + stripped_next
            self.index += 1
        end, self.index = self.index, start
        link = _LINK.fullmatch(heading)
        if link is not None:
            self._emit(Kind.TITLE, unescape_markdown(link["text"]), line, url=link["url"])
        else:
            self._emit(Kind.TITLE, unescape_markdown(heading), line)
        self.index = end
        return True

    def _link(self, line: str, stripped: str) -> bool:
        """A Markdown link, possibly spanning lines up to the one ending in ``](url)``."""
        end = self.index
        lines = self.lines
        while end < len(lines):
            candidate = lines[end]
            if not candidate.strip():
                return False
            if candidate.endswith(")") and _LINK_END.fullmatch(candidate):
                break
            end += 1
        else:
            return False
        whole = "\n".join(part.strip() for part in lines[self.index : end + 1])
        match = _LINK.fullmatch(whole)
        if match is None:
            return False
        self.markdown = True
        if self._classify_link(line, match["text"], match["url"]):
            self.index = end + 1
            return True
        return False

    def _classify_link(self, line: str, text: str, url: str) -> bool:
        shape = _link_shape(text.strip(), url)
        if shape is None:
            return False
        kind, unit_text, value, single_line = shape
        self._emit(kind, unit_text, line, value=value, url=url, single_line=single_line)
        return True


_LineShape = tuple[Kind, str, int | None]
"""What a one-line unit is: its kind, text and value."""
_LinkShape = tuple[Kind, str, int | None, bool]
"""What a link unit is: its kind, text, value and whether its text is one line."""


def _line_shape(stripped: str) -> _LineShape | None:
    """Recognisers for one-line shapes that start with no special character.

    The first character decides which recognisers can apply, so a title
    meets at most a set lookup and a month check.
    """
    if stripped[-1] == ")" and stripped.endswith("#community)"):
        # "May 29[6](…#community)": the comment count glued to the date.
        dated = _DATE_WITH_COMMENTS.fullmatch(stripped)
        if dated is not None:
            return Kind.DATE, f"{dated['date']} {dated['count']}", None
    if len(stripped) > _MAX_CHROME_LENGTH:
        return None
    first = stripped[0]
    if first.isalpha():
        return _word_line_shape(stripped)
    if first.isdigit() or first in "-*_":
        return _number_line_shape(stripped)
    return None


def _word_line_shape(stripped: str) -> _LineShape | None:
    """Page furniture, the page title or a date line."""
    if stripped in _CHROME_LINES:
        return Kind.CHROME, "", None
    if stripped in _PAGE_TITLE_LINES:
        return Kind.CHROME, stripped, None
    if stripped[:3].lower() in _MONTH_PREFIXES and looks_like_card_date(stripped):
        return Kind.DATE, stripped, None
    return None


def _number_line_shape(stripped: str) -> _LineShape | None:
    """An author count, an upvote count, or furniture such as a rule."""
    authors = _author_line(stripped)
    if authors is not None:
        return Kind.AUTHORS, authors[0], authors[1]
    if VOTE_COUNT.fullmatch(stripped):
        return Kind.VOTES, stripped, parse_count(stripped) or 0
    if stripped in _CHROME_LINES or _BOLD_LABEL.fullmatch(stripped) or _RULE.fullmatch(stripped):
        return Kind.CHROME, "", None
    return None


def _link_shape(text: str, url: str) -> _LinkShape | None:
    """What a Markdown link ``[text](url)`` is on a card, or None for other links."""
    if VOTE_COUNT.fullmatch(text):
        return Kind.VOTES, text, parse_count(text) or 0, True
    if text in _CHROME_LINK_TEXTS:
        return Kind.CHROME, "", None, True
    if "/papers/" in url:
        return _paper_link_shape(text, url)
    chip = _CHIP.fullmatch(text)
    if chip is not None and "huggingface.co/" in url:
        return Kind.ORGANIZATION, " ".join(unescape_markdown(chip["name"]).split()), None, True
    repo = _REPO_LINK_TEXT.fullmatch(text)
    if repo is not None:
        stars = repo["stars"]
        return Kind.REPO, stars or "", parse_star_count(stars) if stars else None, True
    return None


def _paper_link_shape(text: str, url: str) -> _LinkShape | None:
    """A link to a paper page: its author list, or its abstract; not its comment count."""
    authors = _AUTHOR_BULLETS_END.search(text)
    if authors is not None:
        count = authors["count"]
        return Kind.AUTHORS, count, parse_count(count), True
    if url.endswith("#community"):
        return None
    return Kind.ABSTRACT, unescape_markdown(text), None, "\n" not in text


def _author_line(stripped: str) -> tuple[str, int | None] | None:
    """The count of an author line ("4 authors", "• 4 authors") as written and as a
    number (None when unreadable: "• many authors"); None for any other line."""
    match = _AUTHORS.fullmatch(stripped) or _BULLETED_AUTHORS.fullmatch(stripped)
    if match is None:
        return None
    return match["count"], parse_count(match["count"])


def _starts_a_shape(stripped: str) -> bool:
    """True when a line begins a unit of its own instead of continuing a paragraph."""
    first = stripped[0]
    if first in "·⋅•" or (first == "#" and _HEADING.fullmatch(stripped)):
        return True
    if first == "[" and stripped.endswith(")") and _LINK.fullmatch(stripped):
        return True
    if len(stripped) <= _MAX_CHROME_LENGTH:
        if stripped in _CHROME_LINES or stripped in _PAGE_TITLE_LINES:
            return True
        if VOTE_COUNT.fullmatch(stripped) or looks_like_card_date(stripped):
            return True
        match = _AUTHORS.fullmatch(stripped)
        if match is not None and parse_count(match["count"]) is not None:
            return True
    return False


_BY_FIRST_CHARACTER: dict[str, Callable[[_Reader, str, str], bool]] = {
    "·": _Reader._separator,
    "⋅": _Reader._separator,
    "•": _Reader._separator,
    "#": _Reader._heading,
    "[": _Reader._link,
}


def read_units(lines: list[str], first: int = 0) -> Iterator[Unit]:
    """The units of ``lines[first:]``, read as they are consumed."""
    return chain.from_iterable(_Reader(lines, first).batches())
