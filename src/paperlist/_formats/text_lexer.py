"""Line shapes of text and Markdown page dumps: one small recogniser per shape.

``read_units`` turns the lines of a dump into a flat list of ``Unit``s (a
title, an abstract, an author count, a date line, a piece of furniture, ...),
whatever tool saved the page: Markdown links whose text spans lines, lynx's
numbered links and html2text's reference links are read as inline links.
Deciding which units form which card is ``text_grammar``'s job.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from enum import IntEnum
from itertools import chain
from typing import NamedTuple

from .._dates import looks_like_card_date
from .._links import hub_handle, is_bare_url, is_hub_url, is_paper_page_id_line, original_url
from .._markup import MARKDOWN_IMAGE
from .._numbers import (
    AUTHOR_COUNT_PATTERN,
    STAR_COUNT_PATTERN,
    VOTE_COUNT,
    parse_count,
    parse_star_count,
)
from .._strings import join_wrapped

__all__ = [
    "ARCHIVE_BANNER",
    "MAX_TITLE_LENGTH",
    "READER_VIEW",
    "READER_VIEW_BEFORE_CARDS",
    "UPVOTE_LABEL",
    "Kind",
    "Unit",
    "holds_cards",
    "page_end",
    "read_units",
]


class Kind(IntEnum):
    """What a unit of a dump is (an IntEnum: it hashes in C, and units are many)."""

    CHROME = 0  # page furniture; ``text`` holds a page title, ``value`` 1 its subtitle
    TEXT = 1  # a paragraph: a title, an abstract or an organisation name
    TITLE = 2  # an explicit Markdown title ("### ...")
    ABSTRACT = 3  # an explicit Markdown abstract (link text to the paper)
    VOTES = 4  # the upvote count before a title
    AUTHORS = 5  # "4 authors"; ``value`` is None when the number is unreadable
    ORGANIZATION = 6  # an organisation chip
    SEPARATOR = 7  # the "·" between owner and date
    DATE = 8  # a date line, maybe with the comment count
    REPO = 9  # a repository link with its star count
    SUBMITTER = 10  # "Submitted by <user>": a listing card starts
    COMMENTS = 11  # a link to the card's discussion; ``value`` is its comment count
    THUMBNAIL = 12  # an image linking to a paper page: a card starts; ``url`` is the link
    PAPER_PAGE = 13  # a paper page's dump joined on, from this line; ``value``: the line after


# Each kind under a module name: CPython 3.11 looks an Enum member up in full
# on every Kind.X, and the lexer names a kind for every line (a tenth of its time).
_ABSTRACT = Kind.ABSTRACT
_AUTHORS = Kind.AUTHORS
_CHROME = Kind.CHROME
_COMMENTS = Kind.COMMENTS
_DATE = Kind.DATE
_ORGANIZATION = Kind.ORGANIZATION
_REPO = Kind.REPO
_SEPARATOR = Kind.SEPARATOR
_SUBMITTER = Kind.SUBMITTER
_TEXT = Kind.TEXT
_THUMBNAIL = Kind.THUMBNAIL
_TITLE = Kind.TITLE
_VOTES = Kind.VOTES
_PAPER_PAGE = Kind.PAPER_PAGE


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
# How a paper page's window title opens, which converters write first: "Paper page - MCPMark: …".
_PAPER_PAGE_TITLE = "Paper page - "
# A window title on a line of its own, or in a reader's header ("Title: Paper page - …").
_WINDOW_TITLES = (_PAPER_PAGE_TITLE, f"Title: {_PAPER_PAGE_TITLE}")
READER_VIEW = "reader view"
"""The ``url`` of a PAPER_PAGE unit that opens at "Published on", its page's arxiv: line lost."""
READER_VIEW_BEFORE_CARDS = "reader view before cards"
"""The ``url`` of such a unit running on into a listing's cards: where it ends is unknown."""
_READER_VIEW_REACH = 12  # lines from a window title to a reader view's "Published on"
_READER_VIEW_TRIES = 4  # looks for a reader view that found none (a flood), at most
_LISTING_CARDS = 2  # author counts that make text before a paper page a listing's
_LANDMARK_REACH = 400  # lines from a paper page's landmark to the next, blank ones too
# A card's author count, in any dump: "  • 4 authors", "533 authors](/papers/…)", "·4 authors".
_AUTHOR_COUNT_IN_LINE = re.compile(r"(?<![\w,])\d[\d,]* authors?\b")
# A listing's title as converters write it on a line of its own: "Daily Papers",
# "# [Daily Papers](/papers)", "[Daily Papers][12]", lynx's "[16]Daily Papers",
# html-to-text's "DAILY PAPERS [/papers]", pandoc's with "{…}" attributes after; or its
# window title, "# Daily Papers - Hugging Face", where a reader view keeps no title;
# pymupdf4llm's in bold, "# **Daily Papers**".
_TITLE_LINE = re.compile(
    r"""\s* (?:\#+\s*)? (?:\*\*)? (?:\[\d+\])? \[?
        (?:Daily|Trending)\ Papers (?:\ -\ Hugging\ Face)?
        (?: \]\([^)]*\) | \]\[\d+\] | \s*\[/papers\] )? (?:\*\*)?
        (?:\s*\{[^}]*\})* \s*""",
    re.IGNORECASE | re.VERBOSE,
)
_PAGE_TITLE_PREFIXES = tuple(_PAGE_TITLE_LINES)  # how a page flattened onto one line starts
# A listing's subtitle, under its title: a page starts there too where a tool dropped the
# title (Readability keeps the subtitle alone). Furniture, so in _CHROME_LINES as well.
_PAGE_SUBTITLES = frozenset(
    {
        "byAK and the research community",
        "by AK and the research community",
        "and the research community",
    }
)
_SUBTITLE = 1
_CHROME_LINES = frozenset(
    {
        # Navigation, prompts and footers that tools keep as plain lines.
        "Hugging Face",
        "Hugging Face's logo Hugging Face",
        "Models",
        "Datasets",
        "Spaces",
        "Posts",
        "Docs",
        "Solutions",
        "Pricing",
        "Enterprise",
        "Community",
        "Log In",
        "Sign Up",
        "(BUTTON)",
        "(BUTTON) Solutions",
        "Search by arxiv id or title",
        "Submit a paper",
        "Daily Papers - Hugging Face",
        "Papers",  # a paper page's way back to the listings, above its arxiv: line
        "Copy markdown",
        "Previous Next",
        "Models Datasets Spaces Pricing Docs",
        "TOS Privacy About Jobs",
        "TOS",
        "Privacy",
        "About",
        "Jobs",
        "System theme",
        "Company",
        "Website",
        "``",
        "new",
        "Subscribe",
        "Get trending papers in your email inbox!",
        "Get trending papers in your email inbox once a day!",
        "byAK and the research community",
        "by AK and the research community",
        "and the research community",  # the same, broken at the link to AK's profile
        "Daily",
        "Weekly",
        "Monthly",
        "- Daily",
        "- Weekly",
        "- Monthly",
        "Trending Papers ranked by GitHub stars activity",
        "Previous",
        "Next",
        "by AKand the research community",  # jusText glues inline elements together
    }
)
# jusText glues a menu's links together ("TOSPrivacyAboutJobs", "PreviousNext"): the same.
_CHROME_LINES |= frozenset(line.replace(" ", "") for line in _CHROME_LINES if " " in line)
_CHROME_LINK_TEXTS = frozenset({"Subscribe", "Trending Papers", "Previous", "Next", "Daily Papers"})
_MAX_CHROME_LENGTH = 64
# How many lines below its label a value may stand, all blank between (a month name
# alone and its day, "Submitted by" and the name): four in BeautifulSoup's text of the
# real page pretty-printed ("Aug", four blank lines, "1") and in its get_text("\n\n").
_LABEL_REACH = 8
# Longest paragraph read as a title when it could also be an abstract.
MAX_TITLE_LENGTH = 200

_BATCH_SIZE = 128
# A Markdown link's text may span this many lines (converters put a card's
# whole avatar list inside one link); the bound keeps reading linear.
_MAX_LINK_LINES = 40
# What follows a link on its line is read again as a line of its own only up to
# this length (a comment link, a few footer links); longer rests are one paragraph.
_MAX_REST = 1000
_SEPARATORS = frozenset({"·", "⋅", "•"})
# An unescaped [ or ]: the bracket first, then the look behind it, so that re can skip
# to the next bracket instead of testing every character.
_BRACKET = re.compile(r"[\[\]](?<!\\.)")
# An address may stand in angle brackets ("(<https://…>)", html2text's protect_links).
_URL_AFTER = re.compile(r"\(\s*<?(?P<url>[^\s)>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
# Lines that are only images, bracketed image names ("[2407]", "[ ]"), text browsers'
# "[IMG]" or list markers: avatar lists and widgets, furniture wherever they stand.
_IMAGES_ONLY = re.compile(r"(?:[*•+-]\s*)*(?:(?:(?:!\[[^\]]*\]|\[\])\([^)]*\)|\[IMG\])\s*)+")
# An image's name where a tool keeps no image: lynx's "[2407]", w3m's "[papers-by]", a
# Chinese tool's "[图片：无替代文本]" ("picture: no alternative text").
_IMAGE_NAME = r"\[[\w\s.:：-]*\]"
_BRACKETED_NAME = re.compile(rf"(?:[*•+-]\s*)*{_IMAGE_NAME}")
_BULLETS_ONLY = re.compile(r"[*•+-](?:\s*[*•+-])*")
# Avatar bullets whose images a converter dropped, then the "·" before the author count.
_AVATAR_BULLETS_THEN_SEPARATOR = re.compile(r"(?:[*•+-]\s*)*[·⋅]")
_SUBMITTED_BY = "Submitted by"
ARCHIVE_BANNER = "The Wayback Machine - "
"""What the Wayback Machine writes over every page it replays, before the address."""
_PUBLISHED_ON = "Published on"  # a paper page's, under its title
# trafilatura puts a whole 2024 daily card on one line.
_ONE_LINE_CARD = re.compile(
    r"Submitted by (?P<user>\S+) (?P<votes>\d[\d,]*|-) (?P<title>.+?) · "
    r"(?P<authors>\d[\d,]*) authors?(?: (?P<comments>\d[\d,]*))?"
)
# How each one-line card opens: a line of several is cut before each.
_ONE_LINE_CARD_OPENING = _SUBMITTED_BY + " "
# An image whose address goes on past the end of its line.
_UNCLOSED_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*$")
# A handle holds no "[": defuddle glues the vote link to it ("akhaliq[94](/login…)"). The
# spaces after an avatar are matched only after one: "\s*" twice around an optional
# avatar tried every split of a run of spaces, in quadratic time.
_SUBMITTER_NAME = re.compile(
    r"\s*(?:(?:!\[[^\]]*\]\([^)]*\)|\[[^\]]*\])\s*)?(?P<name>[^\s\[\]!][^\s\[]*)\s*"
)
# "4 authors", "- 8 authors", "  • 1 author", "· 533 authors", readabilipy's "* ·533
# authors,"; after a bullet, an unreadable count ("• many authors") is still an author
# line, to be reported.
_AUTHOR_COUNT_LINE = re.compile(rf"(?:[•*-]\s*)*(?:·\s*)?{AUTHOR_COUNT_PATTERN},?", re.IGNORECASE)
_BULLETED_AUTHORS = re.compile(r"[•*-]\s*(?P<count>\S[^•]{0,23}?)\s+authors?", re.IGNORECASE)
_BULLET = re.compile(r"•\s*(?P<name>\S.*)")
# pymupdf4llm reads a card's counts as one line: "· 533 authors 5", "5 authors 2".
_AUTHORS_THEN_COMMENTS = re.compile(
    rf"(?:·\s*)?{AUTHOR_COUNT_PATTERN}\s+(?P<comments>\d[\d,]*)", re.IGNORECASE
)
# The separator and the date on one line, "Published on" maybe before it.
_SEPARATOR_THEN_DATE = re.compile(r"·\s*(?:Published on\s+)?(?P<date>[A-Z][a-z]{2,8}\.? \d.*)")
# A line in bold: its text, no asterisk inside.
_BOLD_LINE = re.compile(r"\*\*[^*]+\*\*")
# The closing "#"s are cut by _heading_text: a lazy text before an optional
# "\s+#+" backtracked over every run of spaces, in quadratic time.
_HEADING = re.compile(r"(?P<marks>#{1,6})\s+(?P<text>.*)")
_LINK = re.compile(r"\[(?P<text>.*)\]\(\s*<?(?P<url>[^\s)>]*)>?\s*\)", re.DOTALL)
# An organisation chip's text: its avatar, as an image or an image's name, then its name.
_CHIP = re.compile(rf"(?:!\[[^\]]*\]\([^)]*\)|{_IMAGE_NAME})\s*(?P<name>.*)", re.DOTALL)
_REPO_LINK_TEXT = re.compile(
    rf"(?:LINK:\s*)?(?:GitHub|GitLab|Code)\s*(?P<stars>{STAR_COUNT_PATTERN})?", re.IGNORECASE
)
_BOLD_LABEL = re.compile(r"\*\*[^*]+:\*\*.*")
# "???": a rule of "═" saved in an encoding without it (Notepad's ANSI writes "?").
_RULE = re.compile(r"-{3,}|\*{3,}|_{3,}|={3,}|━{3,}|═{3,}|\?{3,}|(?:\* ){2,}\*")
_RULE_CHARACTERS = frozenset("-*_=━═?")
# Inline links and w3m's image names ("[papers-by]"), dropped to match furniture.
_INLINE_LINK = re.compile(r"\[(?P<text>[^\[\]]*)\](?:\([^()\s]*\))?")
# The author count that ends an avatar list inside a link: "- 3 authors", "· 8 authors",
# and "·4 authors" alone (node-html-markdown's, for a card with no avatar shown).
_AUTHOR_BULLETS_END = re.compile(
    r"(?:^·?|\n|[*\s]·)\s*(?:-\s*)?(?P<count>[^\s·]+?)\s+authors?\s*$", re.IGNORECASE
)
# An upvote button's text: "Upvote 29", "- [x] Upvote 29", "[ ] 94" (a checkbox, then the
# count); note exports write it "[-] 1".
_CHECKBOX = r"\[[ xX-]?\]"
_UPVOTE_TEXT = re.compile(
    rf"(?:-\s*)?(?:{_CHECKBOX}\s*)?(?P<label>Upvote\s+)?(?P<count>\d[\d,]*|-)", re.IGNORECASE
)
UPVOTE_LABEL = "Upvote "
"""Before a VOTES unit's count when the page labelled it: the button of a card's own."""
_CHECKBOX_COUNT = re.compile(rf"{_CHECKBOX}\s*(?P<count>\d[\d,]*)")
_MONTH_NAMES = frozenset(
    {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "january", "february", "march", "april", "june", "july", "august",
        "september", "october", "november", "december",
    }
)  # fmt: skip
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>\"'$&%^=:;,?/@ ])")
_HARD_BREAK = re.compile(r"\\\\?[ \t]*\n")


def unescape_markdown(text: str) -> str:
    """Drop Markdown hard breaks (``\\\\`` line ends) and backslash escapes."""
    if "\\" not in text:
        return text
    return _MARKDOWN_ESCAPE.sub(r"\1", _HARD_BREAK.sub(" ", text))


class _Reader:
    """Walks the lines once, paragraph by paragraph, emitting units."""

    def __init__(self, lines: list[str], first: int, links: bool) -> None:
        self.lines = lines
        self.index = first
        self.links = links  # whether any line may hold a Markdown link
        self.units: list[Unit] = []
        self.markdown = False
        # For each line, the next line holding a "]": built when a "[" line is first met.
        self.closings: list[int] | None = None
        self.reader_view_misses = 0

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

    def _published_line(self, line: str, stripped: str) -> bool:
        """A paper page's "Published on" line, which no listing shows: a reader view's
        start (its window title, if kept, stands above); or its arxiv: line after the
        menu's "Papers"."""
        if stripped.startswith(_PUBLISHED_ON):
            return self._reader_view_from(self.index)
        return stripped.startswith("Papers ") and self._arxiv_line(line, stripped)

    def _arxiv_line(self, line: str, stripped: str) -> bool:
        return is_paper_page_id_line(stripped) and self._paper_page()

    def _paper_page(self) -> bool:
        """A paper page's dump joined to this one (a note of clippings) opens at its
        ``arxiv:`` line, the current one: one unit for all of it, up to the next page,
        for its own reader."""
        end = page_end(self.lines, self.index + 1)
        self.units.append(_new_unit(Unit, (_PAPER_PAGE, "", self.index + 1, 1, end, None, True)))
        self.index = end
        return True

    def _reader_view(self) -> bool:
        """A paper page that Readability kept from its window title down, without its
        arxiv: line (a reader view joined to this dump): one unit from its "Published on"
        line, followed by "Authors:" and the Abstract heading, up to the next page."""
        lines = self.lines
        for index in range(self.index + 1, min(len(lines), self.index + _READER_VIEW_REACH)):
            line = lines[index]
            if "arxiv:" in line:
                return False  # a whole paper page's dump: its id line opens it
            if "Published on" in line:
                return self._reader_view_from(index)
        return False

    def _reader_view_from(self, published: int) -> bool:
        """The reader view whose "Published on" line is ``lines[published]``, as one unit
        up to the next page; its title, if the tool kept one, stands above. Met without a
        title (Readability's text), or running on into cards, the unit is still the
        page's: reading it fails."""
        lines = self.lines
        if self.reader_view_misses >= _READER_VIEW_TRIES:
            return False
        # Each miss may read far (to the page's end): a flood of them is no page.
        if not _followed_by(lines, published, ("Authors:", "Abstract")):
            self.reader_view_misses += 1
            return False
        end = page_end(lines, published + 1)
        # A listing's cards joined on with nothing to mark where: no end to read it up to.
        kind = READER_VIEW_BEFORE_CARDS if holds_cards(lines, published, end) else READER_VIEW
        self.units.append(_new_unit(Unit, (_PAPER_PAGE, "", published + 1, 1, end, kind, True)))
        self.index = end
        return True

    def _short_line(self, line: str, stripped: str) -> bool:
        """A one-line shape that starts with no special character, as one unit."""
        first = stripped[0]
        if first == "S" and stripped.startswith(_SUBMITTED_BY):
            return self._submitter(line, stripped)
        if first.isalpha() and len(stripped) > _MAX_CHROME_LENGTH:
            return self._long_line(line, stripped)
        shape = _word_line_shape(stripped) if first.isalpha() else _line_shape(stripped)
        if shape is not None:
            kind, text, value = shape
            return self._one(kind, text, line, value)
        if len(stripped) <= 9 and stripped.lower() in _MONTH_NAMES:
            return self._split_date(line, stripped)
        if first.isdigit() and (counts := _AUTHORS_THEN_COMMENTS.fullmatch(stripped)):
            return self._authors_then_comments(line, counts)
        return "](" in stripped and self._before_link(line, stripped)

    def _separator_and_more(self, line: str, stripped: str) -> bool:
        """ "·" and what follows it on its line: pymupdf4llm's "· 533 authors 5", or a
        2026 card's "· Published on Oct 4, 2026" after its organisation chip."""
        counts = _AUTHORS_THEN_COMMENTS.fullmatch(stripped)
        if counts is not None:
            return self._authors_then_comments(line, counts)
        dated = _SEPARATOR_THEN_DATE.fullmatch(stripped)
        if dated is None or not looks_like_card_date(dated["date"]):
            return False
        self._emit(_SEPARATOR, "·", line)
        self._emit(_DATE, dated["date"], line)
        self.index += 1
        return True

    def _authors_then_comments(self, line: str, counts: re.Match[str]) -> bool:
        """ "· 533 authors 5": a card's author and comment counts read as one line."""
        self._emit(_AUTHORS, counts["count"], line, value=parse_count(counts["count"]))
        comments = counts["comments"]
        self._emit(_COMMENTS, comments, line, value=parse_count(comments))
        self.index += 1
        return True

    def _long_line(self, line: str, stripped: str) -> bool:
        """An abstract or a long title (text: False); a date with its comment link glued
        on; a paper page's window title; or a whole page flattened onto one line, which
        starts with its title."""
        if stripped[0] in "PT":
            if stripped.startswith(_WINDOW_TITLES):
                return self._reader_view() or self._one(_CHROME, "", line)
            if stripped.startswith(ARCHIVE_BANNER):
                return self._archive_banner(line)
        if (
            stripped[0] in "DT"
            and stripped.startswith(_PAGE_TITLE_PREFIXES)
            and self._flattened_page(line, stripped)
        ):
            return True
        # Either reading needs a link among the first words: an abstract has none there.
        if (
            not self.links
            or stripped.find("[", 0, _MAX_CHROME_LENGTH) == -1
            or "](" not in stripped
        ):
            return False
        return self._before_link(line, stripped) or self._short_without_links(line, stripped)

    def _short_without_links(self, line: str, stripped: str) -> bool:
        """A short line made long by its links' addresses (an archived copy's are 50
        characters longer: "by [AK](/web/20240801235959/https://huggingface.co/akhaliq)
        and the research community"), read as its words."""
        words = _without_links(stripped)
        return len(words) <= _MAX_CHROME_LENGTH and self._short_line(line, words)

    def _archive_banner(self, line: str) -> bool:
        """The Wayback Machine's banner, furniture, with its address's tail where a text
        browser wrapped it ("…/papers?date" / "=2024-08-01")."""
        self._one(_CHROME, "", line)
        following = self.lines[self.index].strip() if self.index < len(self.lines) else ""
        if following and " " not in following and not following.startswith(("[", "!")):
            self.index += 1
        return True

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
        text = stripped if parts is None else join_wrapped(parts)
        if parts is not None and "://" in text and self._note_export_paragraph(line, parts, start):
            return
        if stripped[0] == "!" and MARKDOWN_IMAGE.sub("", text).strip() in _CHROME_LINES:
            # The site's logo and name, its link dropped by the converter.
            column = len(line) - len(line.lstrip()) + 1
            self.units.append(_new_unit(Unit, (_CHROME, "", start + 1, column, None, None, True)))
            return
        if self.markdown:
            text = unescape_markdown(text)
        column = len(line) - len(line.lstrip()) + 1
        self.units.append(
            _new_unit(Unit, (_TEXT, text, start + 1, column, None, None, parts is None))
        )

    def _note_export_paragraph(self, line: str, parts: list[str], start: int) -> bool:
        """Note exports write a link as its text, then its URL on a line of its own.

        Lines that end in a URL are that link when it is a card part, or furniture
        when it leads to another page of the site. Anything else (an abstract that
        ends with its project's address) stays one paragraph.
        """
        if not is_bare_url(parts[-1]):
            return False
        url = original_url(parts[-1])
        shape = _link_shape("\n".join(parts[:-1]), url)
        if shape is None and is_hub_url(url):
            shape = _CHROME, "", None, True  # a link to a profile or a menu's page
        if shape is None:
            return False
        kind, text, value, single_line = shape
        column = len(line) - len(line.lstrip()) + 1
        unit = (kind, text, start + 1, column, value, url, single_line)
        self.units.append(_new_unit(Unit, unit))
        return True

    def _url_line(self, line: str, stripped: str) -> bool:
        """A URL alone on its line: the target of the unit just above, as note exports
        write a link's text and then its URL; standing alone, a link without text (a
        thumbnail when it leads to a paper, else furniture)."""
        if not is_bare_url(stripped):
            return False
        url = original_url(stripped)
        above = self._unit_just_above()
        if above is None:
            # The target of a link whose text was an image or blank: a thumbnail if it
            # leads to a paper; else nothing, which leaves an upvote next to its title.
            shape = _link_shape("", url)
            if shape is not None and shape[0] == _THUMBNAIL:
                self._emit(_THUMBNAIL, "", line, url=url)
        else:
            kind = above.kind
            if kind == _VOTES and url.endswith("#community"):
                kind = _COMMENTS  # "5" then "…/papers/2407.21783#community"
            self.units[-1] = above._replace(kind=kind, url=url)
        self.index += 1
        return True

    def _unit_just_above(self) -> Unit | None:
        """The last unit, when no blank line parts it from the current line and it has
        no link target yet (so each unit is looked back over once)."""
        if not self.units or self.units[-1].url is not None:
            return None
        unit = self.units[-1]
        lines = self.lines
        for index in range(unit.line - 1, self.index):
            if not lines[index].strip():
                return None
        return unit

    def _separator(self, line: str, stripped: str) -> bool:
        """The "·" line, or a "•" bullet: "  • 4 authors" or an organisation."""
        if stripped in _SEPARATORS:
            return self._one(_SEPARATOR, stripped, line)
        authors = _author_line(stripped)
        if authors is not None:
            return self._one(_AUTHORS, authors[0], line, authors[1])
        if stripped[0] == "·" and self._separator_and_more(line, stripped):
            return True
        if stripped[0] == "•" and self._bullet(line, stripped):
            return True
        bullet = _BULLET.fullmatch(stripped)
        if bullet is None:
            return False
        return self._one(_ORGANIZATION, " ".join(bullet["name"].split()), line)

    def _heading(self, line: str, stripped: str) -> bool:
        match = _HEADING.fullmatch(stripped)
        if match is None:
            return False
        if _PAPER_PAGE_TITLE in stripped and self._reader_view():  # "# Paper page - …"
            return True
        heading = _heading_text(match["text"])
        if heading.strip() == "Community":
            return self._comment_thread(line)
        if heading in _CHROME_LINES:  # pymupdf4llm's "### Subscribe": a menu, not a title
            return self._one(_CHROME, "", line)
        start = self.index
        if len(match["marks"]) >= 3 and self._title_then_link(line, heading):
            return True
        if heading.endswith(")") and _LINK.fullmatch(heading):
            self.index += 1  # a whole link: no line after it is the title's
        else:
            heading = self._wrapped_on(heading)
        end, self.index = self.index, start  # the unit starts at the heading's line
        if len(match["marks"]) < 3:
            title = _without_links(heading)
            words = _without_links(MARKDOWN_IMAGE.sub("", heading))  # "by [![](…)AK](…)"
            subtitle = _SUBTITLE if words in _PAGE_SUBTITLES else None
            self._emit(_CHROME, title if title.endswith("Papers") else "", line, value=subtitle)
        else:
            self.markdown = True  # a card's title: the dump is Markdown
            link = _LINK.fullmatch(heading)
            if link is not None:
                self._emit(
                    _TITLE, unescape_markdown(link["text"]), line, url=original_url(link["url"])
                )
            else:
                self._emit(_TITLE, unescape_markdown(heading), line)
        self.index = end
        return True

    def _title_then_link(self, line: str, heading: str) -> bool:
        """defuddle's "### Title- [![](…)](/papers/…)": a title that lost its link, then a
        link to its paper (its first avatar, or its author count, maybe over lines) glued
        on. The title takes the link's address, and the link is read again as a line of
        its own. False, and nothing read, for any other heading."""
        opening = heading.find("[")
        if opening <= 0:  # "[Title](…)" opens with its link; most titles hold none
            return False
        held = self.lines[self.index]
        self.lines[self.index] = heading[opening:]
        link = _first_link(self.lines, self.index)
        if link is None or "/papers/" not in link[2]:
            self.lines[self.index] = held
            return False
        self.markdown = True
        title = heading[:opening].rstrip(" -")
        self._emit(_TITLE, unescape_markdown(title), line, url=link[2])
        return True

    def _wrapped_on(self, text: str) -> str:
        """``text`` with the plain lines after the current one, where a converter
        hard-wrapped it (html2text wraps at 78 characters); moves past them."""
        self.index += 1
        lines = self.lines
        parts = [text]
        while self.index < len(lines):
            following = lines[self.index].strip()
            if not following or _starts_a_shape(following) or is_bare_url(following):
                break
            parts.append(following)
            self.index += 1
        return join_wrapped(parts)

    def _comment_thread(self, line: str) -> bool:
        """A paper page's discussion, from its "Community" heading to the comment box
        ("Sign up or log in to comment") or the next heading: furniture, however much
        it links to other papers or counts reactions."""
        lines = self.lines
        end = self.index + 1
        while end < len(lines) and not lines[end].startswith("#"):
            end += 1
            if "to comment" in lines[end - 1]:
                break
        self._emit(_CHROME, "", line)
        self.index = end
        return True

    def _link(self, line: str, stripped: str) -> bool:
        """A Markdown link opening the line, its text possibly spanning lines.

        What follows the link on its last line is read again as a line of its
        own. A link that is no card part is furniture.
        """
        if self._next_closing(self.index) >= self.index + _MAX_LINK_LINES:
            return False  # no "]" within reach: no link, and no need to scan for one
        found = _first_link(self.lines, self.index)
        if found is None:
            return False
        end, text, url, rest = found
        shape = _link_shape(text.strip(), url)
        kind, unit_text, value, single_line = shape or (_CHROME, "", None, True)
        if kind != _CHROME:
            self.markdown = True  # a card part written as a link: the dump is Markdown
        self._emit(kind, unit_text, line, value=value, url=url, single_line=single_line)
        if rest.strip():
            self.lines[end] = rest
            self.index = end
            if len(rest) > _MAX_REST:  # read as one paragraph: copying it link by link
                self._paragraph(rest, rest.strip())  # would take quadratic time
        else:
            self.index = end + 1
        return True

    def _next_closing(self, index: int) -> int:
        """The first line at or after ``index`` that holds a "]" (len(lines) if none).

        Lines of "[" with no "]" near would each be scanned _MAX_LINK_LINES ahead;
        this index, built once, rules them out at once.
        """
        if self.closings is None:
            lines = self.lines
            closings = [len(lines)] * (len(lines) + 1)
            for position in range(len(lines) - 1, -1, -1):
                closings[position] = position if "]" in lines[position] else closings[position + 1]
            self.closings = closings
        return self.closings[index]

    def _submitter(self, line: str, stripped: str) -> bool:
        """ "Submitted by <user>", the name maybe a few lines on; or one-line cards."""
        if _ONE_LINE_CARD.match(stripped) is not None:
            self._one_line_cards(line, _one_line_pieces(stripped))
            return True
        name = _SUBMITTER_NAME.match(stripped, len(_SUBMITTED_BY))
        if name is not None and stripped.startswith("[", name.end()):
            self._emit(_SUBMITTER, name["name"], line)
            self.lines[self.index] = stripped[name.end() :]  # a link glued on: read it
            return True
        if name is not None and VOTE_COUNT.fullmatch(votes := stripped[name.end() :]):
            # pymupdf4llm's "Submitted by sileod 8": the upvote count on the same line.
            self._emit(_SUBMITTER, name["name"], line)
            self._emit(_VOTES, votes, line, value=parse_count(votes) or 0, url="")
            self.index += 1
            return True
        if name is None and _UNCLOSED_IMAGE.search(stripped):
            name = self._name_after_wrapped_avatar()
        elif name is None:
            name = self._submitter_below()
        self._emit(_SUBMITTER, name["name"] if name else "", line)
        self.index += 1
        return True

    def _name_after_wrapped_avatar(self) -> re.Match[str] | None:
        """The name after an avatar whose address the converter wrapped over lines
        ("Submitted by ![](https://cdn-" / "avatars.huggingface.co/….jpeg)" / "akhaliq")."""
        lines = self.lines
        for below in range(self.index + 1, min(len(lines), self.index + 4)):
            closing = lines[below].find(")")
            if closing != -1:
                self.index = below
                rest = lines[below][closing + 1 :].strip()
                return _SUBMITTER_NAME.fullmatch(rest) if rest else self._submitter_below()
        return None

    def _submitter_below(self) -> re.Match[str] | None:
        """The submitter's name when a tool put it below "Submitted by", past blank
        lines and the avatar or its name (at most eight lines on, as a month's day may
        stand)."""
        lines = self.lines
        for below in range(self.index + 1, min(len(lines), self.index + 1 + _LABEL_REACH)):
            candidate = lines[below].strip()
            if not candidate or _image_or_its_name(candidate):
                continue  # the avatar, or its name where a tool keeps no image
            name = _SUBMITTER_NAME.fullmatch(candidate)
            if name is not None:
                self.index = below
            return name
        return None

    def _one_line_cards(self, line: str, pieces: list[str]) -> None:
        """The pieces of a line that each start with "Submitted by": trafilatura's one card,
        or the cards of a page flattened onto one line (cut anywhere: a stretch of it may
        start with its first card). What is no card, like the footer after the last, is
        text, to be reported."""
        for piece in pieces:
            card = _ONE_LINE_CARD.match(piece)
            if card is None:
                self._emit(_TEXT, piece, line)
                continue
            self._one_line_card(line, card)
            rest = piece[card.end() :].strip()
            if rest:
                self._emit(_TEXT, rest, line)
        self.index += 1

    def _one_line_card(self, line: str, card: re.Match[str]) -> None:
        """trafilatura's "Submitted by akhaliq 24 Tora: … · 5 authors 2" as its units."""
        self._emit(_SUBMITTER, card["user"], line)
        votes = card["votes"]
        self._emit(_VOTES, votes, line, value=parse_count(votes) or 0, url="")
        self._emit(_TITLE, card["title"], line)
        self._emit(_AUTHORS, card["authors"], line, value=parse_count(card["authors"]))
        if card["comments"] is not None:
            self._emit(_COMMENTS, card["comments"], line, value=parse_count(card["comments"]))

    def _flattened_page(self, line: str, stripped: str) -> bool:
        """A whole page on one line (BeautifulSoup's ``get_text(" ", strip=True)``): its
        header, which is reported, then each card as trafilatura writes one."""
        head, *cards = _one_line_pieces(stripped)
        if not cards:
            return False
        # The page's title opens its header, as on a page of many lines.
        self._emit(_CHROME, next(t for t in _PAGE_TITLE_PREFIXES if head.startswith(t)), line)
        self._emit(_TEXT, head, line)
        self._one_line_cards(line, cards)
        return True

    def _dash(self, line: str, stripped: str) -> bool:
        """A "-" list item (pandoc writes "-   ·", and "-   " for an emptied one); a
        lone "-" is an upvote count of none, but before another item ("-" / "- 4
        authors": an avatar list whose images a tool dropped)."""
        if stripped == "-":
            emptied = line.lstrip().startswith("-  ") or self._item_follows()
            return emptied and self._one(_CHROME, "", line)
        return self._bullet(line, stripped)

    def _item_follows(self) -> bool:
        """Whether the next line that is not blank, a few lines on, is a "-" list item."""
        lines = self.lines
        for below in range(self.index + 1, min(len(lines), self.index + 4)):
            following = lines[below].lstrip()
            if following:
                return following.startswith("-")
        return False

    def _asterisk(self, line: str, stripped: str) -> bool:
        """A line in bold ("**The Llama 3 Herd of Models**", as PDF converters mark a
        title), read again as its text; else a list item."""
        if _BOLD_LINE.fullmatch(stripped):
            self.lines[self.index] = stripped[2:-2]
            return True
        return self._bullet(line, stripped)

    def _bullet(self, line: str, stripped: str) -> bool:
        """A list item: an avatar, a "·", an author count, a menu link, or nothing."""
        rest = stripped[1:].strip()
        if not rest or _BULLETS_ONLY.fullmatch(rest) or _IMAGES_ONLY.fullmatch(rest):
            return self._one(_CHROME, "", line)
        if rest in _SEPARATORS or _AVATAR_BULLETS_THEN_SEPARATOR.fullmatch(rest):
            return self._one(_SEPARATOR, rest[-1], line)
        if rest in _CHROME_LINES or _RULE.fullmatch(rest):
            return self._one(_CHROME, "", line)
        if rest[0] == "[" and self._bulleted_link(line, rest):
            return True
        if _BRACKETED_NAME.fullmatch(rest) or _without_links(rest) in _CHROME_LINES:
            return self._one(_CHROME, "", line)  # "- [] Models": a menu item, its icon unnamed
        return False

    def _bulleted_link(self, line: str, rest: str) -> bool:
        """A link after a bullet, its text maybe wrapped ("-   [Sign" / "Up](/join)", as
        pandoc wraps longer links): furniture if it is no card part; False, and nothing
        read, if no link opens ``rest``."""
        self.lines[self.index] = rest
        if self._link(line, rest):
            return True
        if "](" in rest:
            return self._one(_CHROME, "", line)
        self.lines[self.index] = line
        return False

    def _image(self, line: str, stripped: str) -> bool:
        """A line of images only (avatars, thumbnails) is furniture, also when the
        converter wrapped an image's address onto the next lines."""
        if _IMAGES_ONLY.fullmatch(stripped):
            return self._one(_CHROME, "", line)
        if is_paper_page_id_line(stripped):  # "![](…) arxiv:2509.24002"
            return self._paper_page()
        if not _UNCLOSED_IMAGE.search(stripped):
            return False
        lines = self.lines
        for end in range(self.index + 1, min(len(lines), self.index + 4)):
            if ")" in lines[end]:
                parts = [part.strip() for part in lines[self.index : end + 1]]
                if not _IMAGES_ONLY.fullmatch(join_wrapped(parts)):
                    return False
                self._emit(_CHROME, "", line)
                self.index = end + 1
                return True
        return False

    def _split_date(self, line: str, stripped: str) -> bool:
        """A month name alone with its day on a next line ("Aug" / "1") is one date;
        blank lines may stand between them (each is an element of its own)."""
        lines = self.lines
        for below in range(self.index + 1, min(len(lines), self.index + 1 + _LABEL_REACH)):
            following = lines[below].strip()
            if following:
                if not (following.isdigit() and len(following) <= 2):
                    return False
                self._emit(_DATE, f"{stripped} {following}", line)
                self.index = below + 1
                return True
        return False

    def _before_link(self, line: str, stripped: str) -> bool:
        """Short text before a link on one line ("Aug 1 [](…)"): the text, then the link."""
        opening = stripped.find("[")
        if opening <= 0 or opening > _MAX_CHROME_LENGTH:
            return False
        shape = _line_shape(stripped[:opening].strip())
        if shape is None:
            return False
        kind, text, value = shape
        self._emit(kind, text, line, value=value)
        self.lines[self.index] = stripped[opening:]
        return True

    def _link_or_name(self, line: str, stripped: str) -> bool:
        """A Markdown link; a bracketed image name alone ("[2407]"), which is furniture;
        or an upvote button as note exports write it ("[-] 1"), a count."""
        if is_paper_page_id_line(stripped):  # "[] arxiv:2509.24002"
            return self._paper_page()
        if self._link(line, stripped):
            return True
        if _BRACKETED_NAME.fullmatch(stripped) is not None:
            return self._one(_CHROME, "", line)
        counter = _CHECKBOX_COUNT.fullmatch(stripped)
        if counter is not None:
            return self._one(_VOTES, counter["count"], line, parse_count(counter["count"]) or 0)
        # Image names around words ("[] Aug 1 []", pandoc's "[Hugging Face's logo] Hugging
        # Face"): the words are the line.
        words = _without_links(stripped)
        return bool(words) and words != stripped and self._short_line(line, words)


_LineShape = tuple[Kind, str, int | None]
"""What a one-line unit is: its kind, text and value."""
_LinkShape = tuple[Kind, str, int | None, bool]
"""What a link unit is: its kind, text, value and whether its text is one line."""


def _line_shape(stripped: str) -> _LineShape | None:
    """Recognisers for one-line shapes that start with no special character.

    The first character decides which recognisers can apply, so a title
    meets at most a set lookup and a month check.
    """
    first = stripped[0]
    if first.isalpha():  # titles and abstracts: the commonest lines
        return _word_line_shape(stripped) if len(stripped) <= _MAX_CHROME_LENGTH else None
    if first in _RULE_CHARACTERS and _RULE.fullmatch(stripped):
        return _CHROME, "", None  # a rule, a setext underline, an input field
    if first == "©":
        return _CHROME, "", None  # the footer
    if len(stripped) > _MAX_CHROME_LENGTH:
        return None
    if first.isdigit() or first in "-*_=":
        return _number_line_shape(stripped)
    return (_CHROME, "", None) if stripped in _CHROME_LINES else None


def _one_line_pieces(line: str) -> list[str]:
    """``line`` cut before each "Submitted by " after its start, glued to what comes before
    or not: one piece per one-line card, after what comes before the first."""
    pieces = []
    start = 0
    while (opening := line.find(_ONE_LINE_CARD_OPENING, start + 1)) != -1:
        pieces.append(line[start:opening].rstrip())
        start = opening
    pieces.append(line[start:])
    return pieces


def _word_line_shape(stripped: str) -> _LineShape | None:
    """Page furniture, the page title or a date line."""
    if stripped in _CHROME_LINES:
        return _CHROME, "", _SUBTITLE if stripped in _PAGE_SUBTITLES else None
    if stripped in _PAGE_TITLE_LINES:
        return _CHROME, stripped, None
    if stripped[:3].lower() in _MONTH_PREFIXES and looks_like_card_date(stripped):
        return _DATE, stripped, None
    if stripped.startswith("Video: ") and " " not in stripped[7:]:
        return _THUMBNAIL, "", None  # a card's video preview, as text browsers name it
    if ("[" in stripped and _without_links(stripped) in _CHROME_LINES) or stripped.startswith(
        _PAPER_PAGE_TITLE
    ):
        return _CHROME, "", None
    return None


def _without_links(text: str) -> str:
    """``text`` with Markdown links as their text and image names dropped."""
    return " ".join(
        _INLINE_LINK.sub(lambda link: link["text"] if link[0].endswith(")") else "", text).split()
    )


def _number_line_shape(stripped: str) -> _LineShape | None:
    """An author count, an upvote count, or furniture such as a rule."""
    authors = _author_line(stripped)
    if authors is not None:
        return _AUTHORS, authors[0], authors[1]
    if VOTE_COUNT.fullmatch(stripped):
        return _VOTES, stripped, parse_count(stripped) or 0
    if stripped in _CHROME_LINES or _BOLD_LABEL.fullmatch(stripped):
        return _CHROME, "", None
    return None


def _link_shape(text: str, url: str) -> _LinkShape | None:
    """What a Markdown link ``[text](url)`` is on a card; None for any other link."""
    # pandoc keeps the comment link's icon: "![](…)\n5".
    count = MARKDOWN_IMAGE.sub("", text).strip() if "![" in text else text
    if VOTE_COUNT.fullmatch(count):
        kind = _COMMENTS if url.endswith("#community") else _VOTES
        return kind, count, parse_count(count) or 0, True
    if text in _CHROME_LINK_TEXTS:
        return _CHROME, text if text in _PAGE_TITLE_LINES else "", None, True
    if "/papers/" in url.partition("?")[0]:  # not a login link that returns to a paper
        return _paper_link_shape(text, url)
    upvotes = _UPVOTE_TEXT.fullmatch(" ".join(text.split()))
    if upvotes is not None:
        count = upvotes["count"]
        # The word says so: a button after the card's text (a 2026 trending card), its own.
        labelled = count if upvotes["label"] is None else UPVOTE_LABEL + count
        return _VOTES, labelled, parse_count(count) or 0, True
    return _owner_link_shape(text, url)


def _owner_link_shape(text: str, url: str) -> _LinkShape | None:
    """An organisation chip or a repository link with its stars; None for other links."""
    chip = _CHIP.fullmatch(text)
    # A chip links to its organisation; the site's logo links to the site's root.
    if chip is not None and hub_handle(url) is not None:
        return _ORGANIZATION, " ".join(unescape_markdown(chip["name"]).split()), None, True
    repo = _REPO_LINK_TEXT.fullmatch(text)
    if repo is not None:
        stars = repo["stars"]
        return _REPO, stars or "", parse_star_count(stars) if stars else None, True
    return None


def _paper_link_shape(text: str, url: str) -> _LinkShape | None:
    """A link to a paper page: a thumbnail, its author list, its comments, or its abstract."""
    if url.endswith("#community"):
        # "-" is none; a link without its number says nothing of the count.
        return (_COMMENTS, text, 0 if text else None, True) if text in ("", "-") else None
    if not text or _image_or_its_name(text) or is_bare_url(text) or _is_video(text):
        return _THUMBNAIL, "", None, True  # an image or a video: no title
    if _AVATAR_BULLETS_THEN_SEPARATOR.fullmatch(text):
        return _SEPARATOR, "·", None, True  # the end of an avatar list (elinks links each)
    authors = _AUTHOR_BULLETS_END.search(text)
    if authors is not None:
        count = authors["count"]
        return _AUTHORS, count, parse_count(count), True
    if _is_title_text(text):
        # A short line linking to a paper is its title (a digest's "- [Title](…)"): a
        # page links its abstract (a paragraph, a sentence's end closing it) so.
        return _TITLE, unescape_markdown(text), None, True
    return _ABSTRACT, unescape_markdown(text), None, "\n" not in text


def _image_or_its_name(text: str) -> bool:
    """Whether ``text``, not empty, is images only, or an image's name where a tool keeps
    no image ("[图片：无替代文本]")."""
    return _IMAGES_ONLY.fullmatch(text) is not None or (
        text[0] == "[" and _BRACKETED_NAME.fullmatch(text) is not None
    )


def _is_title_text(text: str) -> bool:
    """Text a title could be: one short line, no image or link inside, no sentence's end."""
    return (
        len(text) <= MAX_TITLE_LENGTH
        and "\n" not in text
        and "](" not in text
        and not text.startswith(("!", "["))
        and not text.rstrip().endswith(".")
    )


def _is_video(text: str) -> bool:
    """A video thumbnail as converters write it: its address (above), html-to-markdown's
    word "video", or defuddle's raw ``<video src=…></video>``."""
    return text == "video" or (text.startswith("<video") and text.endswith("</video>"))


def _author_line(stripped: str) -> tuple[str, int | None] | None:
    """The count of an author line ("4 authors", "• 4 authors") as written and as a
    number (None when unreadable: "• many authors"); None for any other line."""
    match = _AUTHOR_COUNT_LINE.fullmatch(stripped) or _BULLETED_AUTHORS.fullmatch(stripped)
    if match is None:
        return None
    return match["count"], parse_count(match["count"])


def _starts_a_shape(stripped: str) -> bool:
    """True when a line begins a unit of its own instead of continuing a paragraph."""
    first = stripped[0]
    if (
        first in "·⋅•"
        or (first == "#" and _HEADING.fullmatch(stripped))
        or (first in _RULE_CHARACTERS and _RULE.fullmatch(stripped))
        or (first == "[" and stripped.endswith(")") and _LINK.fullmatch(stripped))
        # A list item that opens with a link ("- [Title](…)"): a list holds no paragraph.
        or (first in "-*+" and stripped[1:3] == " [")
        # A paper page's dump joined on: browsers put no blank line before its id line.
        or (first in "a[!P" and is_paper_page_id_line(stripped))
    ):
        return True
    if first == "S" and stripped.startswith(_SUBMITTED_BY):
        return True  # a card's first line: elinks puts no blank line before it
    if len(stripped) <= _MAX_CHROME_LENGTH:
        if stripped in _CHROME_LINES or stripped in _PAGE_TITLE_LINES:
            return True
        if VOTE_COUNT.fullmatch(stripped) or looks_like_card_date(stripped):
            return True
        match = _AUTHOR_COUNT_LINE.fullmatch(stripped)
        if match is not None and parse_count(match["count"]) is not None:
            return True
    return False


def page_end(lines: list[str], start: int) -> int:
    """Where the page whose dump goes on at ``lines[start]`` ends: at the next paper
    page's ``arxiv:`` line or at the furniture above the next listing's title (dumps
    joined in one file), else at the end."""
    for index in range(start, len(lines)):
        line = lines[index]
        if ("apers" in line or "APERS" in line) and _TITLE_LINE.fullmatch(line):
            while index > start and _is_furniture(lines[index - 1].strip()):
                index -= 1  # "new", "Subscribe": the listing's own header
            return index
        if is_paper_page_id_line(line):
            return index
    return len(lines)


def _is_furniture(stripped: str) -> bool:
    """A blank line, or one of the site's menus and prompts, links or not."""
    return not stripped or stripped in _CHROME_LINES or _without_links(stripped) in _CHROME_LINES


def _followed_by(lines: list[str], start: int, words: tuple[str, ...]) -> bool:
    """Whether ``words`` stand in this order on lines after ``start``, each within reach
    of the one before."""
    index = start
    for word in words:
        reach = min(len(lines), index + _LANDMARK_REACH)
        index = next((at for at in range(index + 1, reach) if word in lines[at]), -1)
        if index < 0:
            return False
    return True


def holds_cards(lines: list[str], start: int, end: int) -> bool:
    """Whether ``lines[start:end]`` show a listing's cards: two author counts at least
    (a title alone may be a note's own heading)."""
    counts = 0
    for line in lines[start:end]:
        if "author" in line and _AUTHOR_COUNT_IN_LINE.search(line):
            counts += 1
            if counts == _LISTING_CARDS:
                return True
    return False


_BY_FIRST_CHARACTER: dict[str, Callable[[_Reader, str, str], bool]] = {
    "·": _Reader._separator,
    "⋅": _Reader._separator,
    "•": _Reader._separator,
    "#": _Reader._heading,
    "[": _Reader._link_or_name,
    "*": _Reader._asterisk,
    "+": _Reader._bullet,
    "-": _Reader._dash,
    "!": _Reader._image,
    "h": _Reader._url_line,
    "a": _Reader._arxiv_line,
    "P": _Reader._published_line,
}


def _first_link(lines: list[str], start: int) -> tuple[int, str, str, str] | None:
    """The Markdown link that opens ``lines[start]``: (its last line, its text, its URL,
    what follows it on that line); None when there is none.

    Brackets are counted, so the text may hold images (``[![logo](…)Name](…)``)
    and span up to _MAX_LINK_LINES lines, blank ones too.
    """
    parts: list[str] = []
    depth = 0
    for end in range(start, min(len(lines), start + _MAX_LINK_LINES)):
        line = lines[end].strip()
        if not line and depth == 0:
            return None
        for bracket in _BRACKET.finditer(line):
            depth += 1 if bracket[0] == "[" else -1
            if depth == 0:
                url = _URL_AFTER.match(line, bracket.end())
                if url is None:
                    return None
                text = "\n".join([*parts, line[: bracket.start()]])[1:]
                return end, text, original_url(url["url"]), line[url.end() :]
        parts.append(line)
    return None


def _heading_text(text: str) -> str:
    """An ATX heading's text without its optional closing "#"s ("## Title ##"), or the
    bold that makes up all of it (pymupdf4llm's "# **Daily Papers**")."""
    if not text.endswith("#"):
        return text[2:-2] if text.endswith("**") and _BOLD_LINE.fullmatch(text) else text
    opened = text.rstrip("#")
    if opened and not opened[-1].isspace():
        return text  # "C#" keeps its "#"
    return opened.rstrip()


def read_units(lines: list[str], first: int = 0, *, links: bool = True) -> Iterator[Unit]:
    """The units of ``lines[first:]``, read as they are consumed; ``links`` False where
    no line holds a "[" (a browser copy), which spares long lines a search."""
    return chain.from_iterable(_Reader(lines, first, links).batches())
