"""Plain-text and Markdown page dumps: which units (see text_lexer) form which card.

The grammar, over units, whatever tool saved the page::

    page       = { FURNITURE | card | stray } ;
    card       = [ THUMBNAIL ] [ SUBMITTER ] [ upvotes ] title [ abstract ] { attribute } ;
    upvotes    = VOTES ;                       (* a count, "-", "1,204"; right before the title *)
    title      = TITLE                         (* "### Title", maybe a link to the paper *)
               | ABSTRACT                      (* a one-line link to the paper, no card open *)
               | TEXT ;                        (* one line, or a short non-sentence paragraph *)
    abstract   = ABSTRACT | TEXT ;             (* after an explicit title always; else a sentence
                                                  (ends in . ? ) ]) or longer than titles run *)
    attribute  = AUTHORS | ORGANIZATION | REPO | COMMENTS | date
               | VOTES ;                       (* a bare count after attributes, no title next:
                                                  the comment count *)
    date       = [ SEPARATOR ] DATE ;          (* "·" then "Nov 22, 2023 4": date, comments *)

A card is a paper on evidence: a link to its page, an upvote count or a
submitter before its title, or an attribute after it (strong); a title with
only an abstract is one between two strong cards (weak). Any other stray
text is reported, never made a paper. FURNITURE between an upvote count and
a title means the count was something else. Copies of a card collapse.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from .._context import LoadContext
from .._dates import CardDate, has_date_shape, parse_iso_date
from .._link_notations import (
    REFERENCE_HEADINGS,
    count_bracketed_addresses,
    count_numbered_link_lines,
    has_citations,
    has_reference_definitions,
    resolve_bracketed_addresses,
    resolve_citations,
    resolve_numbered_links,
    resolve_reference_links,
    without_link_numbers,
)
from .._links import arxiv_id_from_paper_url, hub_handle, mentioned_repos, repo_url
from .._listing import Listing
from .._markup import (
    INLINE_DATA,
    foreign_markup,
    plain_markdown,
    without_inline_data,
    without_inline_html,
)
from .._model import PAPER_FIELDS, Paper, field_values
from .._printed_pages import without_running_lines
from .._strings import normalise_space, shorten
from ..errors import ParseError
from .reader_blocks import Block, reader_blocks, skip_reader_header
from .table import load_table, opens_table
from .text_lexer import (
    ARCHIVE_BANNER,
    MAX_TITLE_LENGTH,
    READER_VIEW,
    READER_VIEW_BEFORE_CARDS,
    UPVOTE_LABEL,
    Kind,
    Unit,
    holds_cards,
    page_end,
    read_units,
)
from .text_paper_page import (
    find_paper_page,
    find_reader_view,
    paper_of_page,
    paper_of_reader_view,
    read_paper_page,
    read_reader_view,
    window_title,
)

__all__ = ["load_text"]

# Longest paragraph read as an organisation name before "·".
_MAX_ORGANIZATION_LENGTH = 100
_EXCERPT_LENGTH = 60
_LINES_NAMED = 3  # of a card's further copies, in its one Issue


def _excerpt(text: str) -> str:
    return repr(shorten(text, _EXCERPT_LENGTH))


@attrs.define
class _Problem:
    message: str
    line: int
    column: int
    field: str | None


class _Card:
    """A card being assembled; slotted, as one is made per paper."""

    __slots__ = (
        "abstract", "arxiv_id", "author_count", "column", "comments", "explicit",
        "github_stars", "has_attributes", "has_owner", "line", "organization",
        "organization_id", "problems",
        "published", "repo_links", "submitted", "submitted_by", "title", "upvotes",
    )  # fmt: skip

    def __init__(self, title: str, line: int, column: int, explicit: bool) -> None:
        self.title = title
        self.line = line
        self.column = column
        self.explicit = explicit
        self.arxiv_id: str | None = None
        self.abstract: str | None = None
        self.author_count: int | None = None
        self.organization: str | None = None
        self.organization_id: str | None = None  # the handle a chip links to
        self.published: CardDate | None = None
        self.upvotes: int | None = None
        self.github_stars: int | None = None
        self.comments: int | None = None  # a comment link, or a count after the attributes
        self.submitted = False  # a "Submitted by" line came before the title
        self.submitted_by: str | None = None  # the handle it names
        self.has_attributes = False
        self.has_owner = False
        self.repo_links: list[str] | None = None
        self.problems: list[_Problem] | None = None

    def problem(self, message: str, unit: Unit | None, field: str | None) -> None:
        """Record a problem at ``unit``, or at the title when ``unit`` is None."""
        line, column = (unit.line, unit.column) if unit is not None else (self.line, self.column)
        if self.problems is None:
            self.problems = []
        self.problems.append(_Problem(message, line, column, field))

    def paper(self) -> Paper:
        """The Paper this card shows; repositories its abstract names are mentions."""
        abstract = normalise_space(self.abstract) if self.abstract is not None else None
        links = self.repo_links
        declared = links[0] if links else None  # the card's own GitHub link
        mentioned: tuple[str, ...] = ()
        if (abstract is not None and "/" in abstract) or (links is not None and len(links) > 1):
            mentioned = mentioned_repos(declared, abstract, links[1:] if links else ())
        published = self.published
        comments = self.comments  # a comment link, else the count after the date
        if comments is None and published is not None:
            comments = published.comments
        return Paper(
            title=self.title,
            arxiv_id=self.arxiv_id,
            abstract=abstract or None,
            author_count=self.author_count,
            organization=self.organization,
            published=published.date if published is not None else None,
            upvotes=self.upvotes,
            comments=comments,
            repo_url=declared,
            mentioned_repo_urls=mentioned,
            github_stars=self.github_stars,
            submitted_by=self.submitted_by,
            organization_id=self.organization_id,
        )

    def is_evidenced(self) -> bool:
        """Whether something besides its text says the card is a paper: an attribute, an
        upvote count, a link to its page, a "Submitted by" line or a comment count."""
        return (
            self.has_attributes
            or self.upvotes is not None
            or self.arxiv_id is not None
            or self.submitted
            or self.comments is not None
        )


def _opens_with_a_pictograph(title: str) -> bool:
    """Whether ``title`` opens with an emoji or another pictograph (a digest's "🏢 Robbyant",
    "▲ 30 • 💬 3"): no arXiv title does, so such a line needs evidence to be a paper."""
    return bool(title) and unicodedata.category(title[0]) == "So"


def _merged(kept: Paper, copy: Paper) -> Paper:
    """``kept`` with the values only ``copy`` shows, and its longer texts: as in
    Listing.merge, the longer of two texts is the fuller one (a card's thumbnail link
    may carry only "video", where its heading carries the title)."""
    ours, theirs = field_values(kept), field_values(copy)
    if ours == theirs:  # a copy shown again as it was: one comparison in C
        return kept
    changes: dict[str, Any] = {
        name: their
        for name, our, their in zip(PAPER_FIELDS, ours, theirs, strict=True)
        if (our in (None, ()) and their not in (None, ()))
        or (isinstance(our, str) and isinstance(their, str) and len(their) > len(our))
    }
    return attrs.evolve(kept, **changes) if changes else kept


def _more_copies(places: list[tuple[int, int]]) -> str:
    """Where a card is shown yet again: " (also at lines 33, 41 and 12 more)", or ""."""
    if not places:
        return ""
    shown = [str(line) for line, _ in places[:_LINES_NAMED]]
    rest = len(places) - len(shown)
    listed = ", ".join(shown) if rest == 0 else f"{', '.join(shown)} and {rest:,} more"
    return f" (also at line{'s' if len(places) > 1 else ''} {listed})"


class _Collector:
    """The papers a dump shows, in order, each once, with the problems met.

    A card with strong evidence is a paper. A title with only an abstract is
    one when strongly evidenced cards stand before and after it (the seed has
    three); anywhere else it is reported, as a title with nothing at all is.
    """

    def __init__(self) -> None:
        self.papers: list[Paper] = []
        self.problems: list[tuple[int | None, _Problem]] = []
        self.by_id: dict[str, int] = {}
        self.by_title: dict[str, int] = {}
        self.strong_seen = False
        self.waiting: list[_Card] = []  # weak cards since the last strong one
        self.copies: list[tuple[int, int, int]] = []  # (paper, line, column) of repeated cards
        self.adjacent_copies = 0  # copies right after the card they repeat
        self.page_copied = False  # a paper page's paper repeats one: no page doubles its cards
        self.last_index = -1
        self.refused_since_kept: list[int] = []  # where in problems, since the last paper kept

    def add(self, card: _Card) -> None:
        """Keep, hold or refuse a finished card, by what says it is a paper."""
        if not card.is_evidenced():
            if card.abstract is not None and not _opens_with_a_pictograph(card.title):
                self.waiting.append(card)  # a title and an abstract: it depends on what follows
            else:
                self._refuse(card)
            return
        if self.waiting:
            self.settle_waiting(as_papers=self.strong_seen)
        self.strong_seen = True
        self._keep(card)

    def settle_waiting(self, *, as_papers: bool) -> None:
        """Keep the weak cards held since the last strong one, or refuse them."""
        for card in self.waiting:
            if as_papers:
                self._keep(card)
            else:
                self._refuse(card)
        self.waiting = []

    def report_copies(self) -> None:
        """Report cards shown again, unless the page shows every card twice.

        Trending pages render each card twice (a narrow and a wide copy):
        there, one paper per pair is right. Anywhere else a repeated card is
        collapsed too, and reported, so that no card vanishes unseen.
        """
        places: dict[int, list[tuple[int, int]]] = {}  # paper -> (line, column) of its copies
        for index, line, column in self.copies:
            places.setdefault(index, []).append((line, column))
        # Each card right after itself, once; a dump cut short may lack the last copy.
        complete = len(self.papers) - (1 if len(self.papers) >= 3 else 0)
        every_card_twice = self.adjacent_copies == len(self.copies) == len(
            places
        ) and complete <= len(places) <= len(self.papers)
        if every_card_twice and not self.page_copied:
            return
        for index, copies in places.items():  # one Issue per paper, at its first copy
            line, column = copies[0]
            message = (
                f"a card repeating paper {index} ({_excerpt(self.papers[index].title)})"
                f"{_more_copies(copies[1:])}: read as that one paper"
            )
            self.problems.append((index, _Problem(message, line, column, "title")))

    def problem(self, problem: _Problem) -> None:
        """A problem that belongs to no paper."""
        self.problems.append((None, problem))

    def keep_paper(self, paper: Paper, line: int, column: int) -> int:
        """Keep a paper read whole (a paper page's), as strong evidence; its index."""
        self.refused_since_kept = []
        if self.waiting:
            self.settle_waiting(as_papers=self.strong_seen)
        self.strong_seen = True
        copies = len(self.copies)
        index = self._index(paper, line, column)
        self.page_copied = self.page_copied or len(self.copies) > copies
        self.last_index = index
        return index

    def drop_refusals_since_kept(self) -> None:
        """Forget the text refused since the last paper kept: what stands between a card
        and a paper page's arxiv: line is furniture (the page's header, as above a page
        alone, or the listing's footer)."""
        for at in reversed(self.refused_since_kept):
            del self.problems[at]
        self.refused_since_kept = []

    def _keep(self, card: _Card) -> None:
        if self.refused_since_kept:
            self.refused_since_kept = []
        index = self._index(card.paper(), card.line, card.column)
        self.last_index = index
        for problem in card.problems or ():
            self.problems.append((index, problem))

    def _index(self, paper: Paper, line: int, column: int) -> int:
        """The index of ``paper`` among those kept: a new one's, or that of the paper it
        repeats (merged with it, the copy's place noted)."""
        arxiv_id, title_key = paper.arxiv_id, paper.title.casefold()
        index = self._copied(arxiv_id, title_key)
        if index is None:
            index = len(self.papers)
            self.papers.append(paper)
            if arxiv_id is not None:
                self.by_id[arxiv_id] = index
            self.by_title.setdefault(title_key, index)  # a title may name several ids
        else:  # a copy of a card shown before (trending pages show each twice)
            kept = self.papers[index] = _merged(self.papers[index], paper)
            if kept.arxiv_id is not None:
                self.by_id.setdefault(kept.arxiv_id, index)
            self.by_title.setdefault(kept.title.casefold(), index)  # maybe a longer one now
            self.copies.append((index, line, column))
            self.adjacent_copies += index == self.last_index
        return index

    def _copied(self, arxiv_id: str | None, title_key: str) -> int | None:
        """The paper a card with this id and title copies, as Listing.merge matches them:
        the same arXiv id, else the same title (normal already) with no other id. One dump
        can show a card with its link and again without (two tools' dumps joined)."""
        if arxiv_id is not None and (index := self.by_id.get(arxiv_id)) is not None:
            return index
        index = self.by_title.get(title_key)
        if index is not None and arxiv_id is not None and self.papers[index].arxiv_id is not None:
            return None  # the same title, another id: another paper
        return index

    def _refuse(self, card: _Card) -> None:
        # One Issue: what else was wrong with a card that is no paper adds nothing.
        message = f"not read as a paper: nothing but its text says {_excerpt(card.title)} is one"
        self.refused_since_kept.append(len(self.problems))
        self.problems.append((None, _Problem(message, card.line, card.column, None)))


def _is_title_like(unit: Unit) -> bool:
    """One line, or a short paragraph a tool wrapped that is no sentence."""
    return len(unit.text) <= MAX_TITLE_LENGTH and (unit.single_line or not _is_sentence(unit.text))


def _could_be_title(unit: Unit | None) -> bool:
    """Whether ``unit`` may be the next card's title (titles have letters; 🔥 has none)."""
    return unit is not None and unit.kind in _TITLE_KINDS and any(c.isalpha() for c in unit.text)


def _is_sentence(text: str) -> bool:
    """Abstracts end as sentences do; titles, however long, do not."""
    return text.rstrip()[-1:] in _SENTENCE_ENDS


_SENTENCE_ENDS = frozenset(".?)]")
_TITLE_KINDS = frozenset({Kind.TEXT, Kind.TITLE, Kind.ABSTRACT})
_DATE_KINDS = frozenset({Kind.DATE, Kind.TEXT})
# Kinds the hot paths test, as module names: CPython 3.11 looks Kind.X up in full each time.
_AUTHORS, _SEPARATOR, _TEXT = Kind.AUTHORS, Kind.SEPARATOR, Kind.TEXT


def _skip_front_matter(lines: list[str]) -> int:
    """Index of the first line after a YAML front matter block, or 0."""
    if not lines or lines[0].strip() != "---":
        return 0
    for index in range(1, min(len(lines), _HEADER_LINES)):
        if lines[index].strip() in ("---", "..."):
            return index + 1
    return 0


# So many lines opening with "[12]" make a text browser's dump, not citations.
_NUMBERED_LINKS = 10


def _resolved_links(text: str) -> list[str]:
    """The lines of a dump with brackets, its numbered links written as Markdown links.

    Markdown with "[text][19]" links and their definitions, and lynx's "[15]Title"
    with its list of references, are both read as inline links. (A browser copy has
    no bracket at all, and a one-character search is the cheapest test on a large dump.)
    """
    linked = has_reference_definitions(text)
    lines = resolve_reference_links(text) if linked else text.split("\n")
    if any(f"\n{heading}\n" in text for heading in REFERENCE_HEADINGS):  # a text browser's
        lines = resolve_numbered_links(lines)
    elif count_numbered_link_lines(text) >= _NUMBERED_LINKS:
        lines = without_link_numbers(lines)  # a text browser's, its references left out
    return lines


def _capture_date(lines: list[str], end: int) -> datetime.date | None:
    """The day the saving tool says it captured the page, in its front matter or header.

    ``retrieved:``, ``exported:``, ``Captured (UTC):`` and the like, or the Wayback
    Machine's banner; never a page's own ``Published Time:``, which is the page's metadata.
    """
    header = lines[: end or _HEADER_LINES]
    for index, line in enumerate(header):
        match = _CAPTURE_LINE.match(line)
        when = match["when"] if match is not None else None
        if when is None and "Wayback" in line:
            when = _archived_on(line, header[index + 1] if index + 1 < len(header) else "")
        if when is not None:
            try:
                return parse_iso_date(when)
            except ValueError:
                return None
    return None


def _archived_on(line: str, following: str) -> str | None:
    """The day, YYYY-MM-DD, of the capture time in the Wayback Machine's banner, which
    lynx breaks after its dash."""
    if line.strip() == _BANNER_ALONE:
        line = f"{_BANNER_ALONE} {following.strip()}"
    banner = _ARCHIVE_BANNER.match(line)
    if banner is None:
        return None
    stamp = banner["stamp"]
    return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:]}"


_HEADER_LINES = 200
_CAPTURE_LINE = re.compile(
    r"\s*(?:retrieved|exported|captured|crawled|scraped|fetched|clipped|created)"
    r"(?:_at| at| \(utc\))?\s*:\s*"
    r"[\"']?(?P<when>\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)
# The Wayback Machine's banner over a page it replays, its capture time in the address.
_ARCHIVE_BANNER = re.compile(rf"\s*{re.escape(ARCHIVE_BANNER)}\S*?/web/(?P<stamp>\d{{8}})")
_BANNER_ALONE = ARCHIVE_BANNER.rstrip()  # "The Wayback Machine -": lynx breaks it there


class _Assembler:
    def __init__(
        self, units: Iterator[Unit], context: LoadContext, page_lines: Callable[[], list[str]]
    ) -> None:
        self.units = units
        self.context = context
        # The lines a paper page's dump joined on is read from, by its own reader.
        self.page_lines = page_lines
        self.collector = _Collector()
        self.card: _Card | None = None
        self.cards_seen = 0
        self.pending_votes: Unit | None = None
        # What stood before a title on a listing card: "Submitted by", a thumbnail link.
        self.pending_submitter: Unit | None = None
        self.pending_thumbnail: str | None = None
        self.page_title: str | None = None
        self.page_date: CardDate | None = None  # the first page's: the listing's date
        # Dumps joined into one file hold several pages: where the current one's papers
        # start, and whether its own date label was met.
        self.page_start = 0
        self.page_dated = False
        self.dates: dict[str, CardDate] = {}
        # Units that never look at their neighbours; TEXT and SEPARATOR do.
        self.single: dict[Kind, Callable[[Unit], None]] = {
            Kind.TITLE: self._title,
            Kind.ABSTRACT: self._abstract,
            Kind.SUBMITTER: self._submitter,
            Kind.THUMBNAIL: self._thumbnail,
            Kind.COMMENTS: self._comments,
            Kind.AUTHORS: self._authors,
            Kind.ORGANIZATION: self._organization,
            Kind.DATE: self._date,
            Kind.REPO: self._repo,
            Kind.CHROME: self._chrome,
            Kind.PAPER_PAGE: self._paper_page,
        }

    def run(self) -> Listing:
        units = self.units
        single = self.single
        unit = next(units, None)
        while unit is not None and unit.kind == Kind.CHROME:
            self._chrome(unit)
            unit = next(units, None)
        first = unit  # named if no card is found
        # Enum members as locals: reading Kind.TEXT costs an attribute lookup each time.
        text, votes, separator = Kind.TEXT, Kind.VOTES, Kind.SEPARATOR
        # Units come one at a time; TEXT, VOTES and SEPARATOR look one unit ahead.
        while unit is not None:
            following = next(units, None)
            kind = unit.kind
            if kind == text:
                self._text(unit, following)
            elif kind == votes:
                self._votes(unit, following)
            elif kind == separator:
                if self._separator(unit, following):
                    following = next(units, None)
            else:
                single[kind](unit)
            unit = following
        self._finish_card()
        self.collector.settle_waiting(as_papers=False)
        self.collector.report_copies()
        self._orphan_pending()
        collector = self.collector
        if (
            not collector.strong_seen
            and first is not None
            and (self.cards_seen or first.kind != Kind.DATE)
        ):
            self.context.fail(
                "no paper card found: expected a title followed by an abstract "
                f"or a metadata block, got {_excerpt(first.text)}",
                line=first.line,
                column=first.column,
            )
        for paper_index, problem in sorted(collector.problems, key=lambda item: item[1].line):
            self.context.report(
                problem.message,
                line=problem.line,
                column=problem.column,
                field=problem.field,
                index=paper_index,
            )
        page_date = self.page_date.date if self.page_date is not None else None
        return self.context.listing(
            collector.papers, format="text", title=self.page_title, date=page_date
        )

    # -- dispatch --------------------------------------------------------------

    def _title(self, unit: Unit) -> None:
        self._start_card(unit, explicit=True)

    def _votes(self, unit: Unit, following: Unit | None) -> None:
        """An upvote count before a title; a bare number after a card's attributes is
        its comment count, unless a title follows it; an "Upvote" button after a card's
        text is its own count."""
        card = self.card
        if card is not None and card.upvotes is None and unit.text.startswith(UPVOTE_LABEL):
            card.upvotes = unit.value
            return
        if (
            card is not None
            and unit.url is None
            and card.has_attributes
            and card.comments is None
            and (card.published is None or card.published.comments is None)
            and not _could_be_title(following)
        ):
            card.comments = unit.value
            return
        self._finish_card()
        self._orphan_pending(submitter=False, thumbnail=False)
        self.pending_votes = unit

    def _submitter(self, unit: Unit) -> None:
        self._finish_card()
        self._orphan_pending()
        self.pending_submitter = unit

    def _thumbnail(self, unit: Unit) -> None:
        linked = arxiv_id_from_paper_url(unit.url or "")
        card = self.card
        if card is not None and linked is not None and linked == card.arxiv_id:
            return  # the open card's own link (a note export's author list, say)
        self._finish_card()
        self._orphan_pending(thumbnail=False)
        self.pending_thumbnail = linked

    def _comments(self, unit: Unit) -> None:
        card = self.card
        if card is None:
            self._orphan(unit, "a comment count with no card to belong to", "comments")
        elif unit.value is not None:
            card.comments = unit.value

    def _orphan_pending(self, *, submitter: bool = True, thumbnail: bool = True) -> None:
        """Report what was waiting for a title that never came."""
        if self.pending_votes is not None:
            self._orphan(self.pending_votes, "an upvote count with no title after it", "upvotes")
            self.pending_votes = None
        if submitter and self.pending_submitter is not None:
            self._orphan(self.pending_submitter, "a submitter with no title after it", None)
            self.pending_submitter = None
        if thumbnail:
            self.pending_thumbnail = None  # an image link alone says nothing

    def _organization(self, unit: Unit) -> None:
        card = self._attribute_card(unit, "organization")
        if card is not None:
            card.organization = unit.text or None
            card.organization_id = hub_handle(unit.url)
            card.has_owner = True

    def _chrome(self, unit: Unit) -> None:
        """Furniture. An upvote count stands right before its title: furniture between
        the two says the count was something else (a reaction count, a widget)."""
        if (unit.text or unit.value) and self.collector.strong_seen:
            self._next_page()  # another page's title or subtitle after papers
        card = self.card
        if (
            unit.text  # the page's title ("Daily Papers"): its header comes next
            and card is not None
            and not self.collector.strong_seen
            and not card.has_attributes
            and not card.explicit
        ):
            # Text above the page's title ("Source: <url>", a saving tool's line, and
            # a front matter block it pushed down; menus glued onto a line) is no card,
            # and the page's date under the title is not its date.
            self._finish_card()  # refused and reported: nothing says it is a paper
            self.cards_seen = 0
        if unit.text and self.page_title is None and not self.cards_seen:
            self.page_title = unit.text
        if self.pending_votes is not None:
            self._orphan_pending(submitter=False, thumbnail=False)

    def _next_page(self) -> None:
        """Another page's title after this one's papers (dumps joined into one file): its
        header is read as the first page's, and no card spans the two pages."""
        self._finish_card()
        self._orphan_pending()
        self.collector.settle_waiting(as_papers=False)
        self.cards_seen = 0
        self.page_start = len(self.collector.papers)
        self.page_dated = False

    def _text(self, unit: Unit, following: Unit | None) -> None:
        """A paragraph: an organisation before "·", an abstract, or a new card's title."""
        card = self.card
        title_like = _is_title_like(unit)
        if card is not None:
            before_separator = following is not None and following.kind == _SEPARATOR
            if before_separator and self._organization_line(card, unit):
                return
            if card.abstract is None and not card.has_attributes:
                if card.explicit or not title_like or _is_sentence(unit.text):
                    card.abstract = unit.text
                    return
                new_card = self._start_card(unit, explicit=False)
                if not (
                    following is not None
                    and following.kind == _TEXT
                    and not _is_title_like(following)
                ):
                    new_card.problem(
                        f"ambiguous card: read {_excerpt(unit.text)} as the title of a new "
                        f"card; it could also be the abstract of {_excerpt(card.title)}",
                        unit,
                        "title",
                    )
                return
        new_card = self._start_card(unit, explicit=False)
        if not title_like:
            new_card.problem(
                f"expected a one-line title, got a {len(unit.text)}-character paragraph",
                unit,
                "title",
            )

    def _organization_line(self, card: _Card, unit: Unit) -> bool:
        """A short line right before "·" names the card's organisation."""
        if (
            card.has_owner
            or card.published is not None
            or not unit.single_line
            or len(unit.text) > _MAX_ORGANIZATION_LENGTH
        ):
            return False
        card.organization = normalise_space(unit.text) or None
        card.has_owner = card.has_attributes = True
        return True

    # -- cards -------------------------------------------------------------------

    def _start_card(self, unit: Unit, *, explicit: bool) -> _Card:
        self._finish_card()
        card = _Card(normalise_space(unit.text), unit.line, unit.column, explicit)
        self.cards_seen += 1
        if unit.url is not None:
            card.arxiv_id = self._arxiv_id(card, unit)
        votes = self.pending_votes
        if votes is not None:
            card.upvotes = votes.value
            self.pending_votes = None
        if self.pending_submitter is not None:
            card.submitted = True
            card.submitted_by = self.pending_submitter.text or None
            self.pending_submitter = None
        if card.arxiv_id is None and self.pending_thumbnail is not None:
            card.arxiv_id = self.pending_thumbnail
        self.pending_thumbnail = None
        self.card = card
        return card

    def _arxiv_id(self, card: _Card, unit: Unit) -> str | None:
        assert unit.url is not None
        arxiv_id = arxiv_id_from_paper_url(unit.url)
        if arxiv_id is None:
            card.problem(
                f"expected a link to a paper page, got {_excerpt(unit.url)}", unit, "arxiv_id"
            )
        return arxiv_id

    def _finish_card(self) -> None:
        card = self.card
        if card is not None:
            self.card = None
            self.collector.add(card)

    def _paper_page(self, unit: Unit) -> None:
        """A paper page's dump joined on: its one paper, read by landmarks up to the next
        page, kept as a strongly evidenced card is (a copy of a card before it merges)."""
        self._finish_card()
        assert unit.value is not None  # the line after the page
        if unit.url == READER_VIEW_BEFORE_CARDS:
            self.context.fail(
                "a paper page's reader view runs on into a listing's cards with nothing to"
                " mark where it ends (a listing's title): load each page on its own",
                line=unit.line,
            )
        if self.collector.strong_seen:  # a page after cards, not a note's own heading
            self.collector.drop_refusals_since_kept()
        before = len(self.context.issues)
        read = paper_of_reader_view if unit.url == READER_VIEW else paper_of_page
        paper = read(self.page_lines(), unit.line - 1, self.context, unit.value)
        self.context.renumber(before, self.collector.keep_paper(paper, unit.line, unit.column))

    def _orphan(self, unit: Unit, what: str, field: str | None) -> None:
        self.collector.problem(
            _Problem(f"{what}: {_excerpt(unit.text)}", unit.line, unit.column, field)
        )

    def _attribute_card(self, unit: Unit, field: str) -> _Card | None:
        card = self.card
        if card is None:
            self._orphan(unit, f"a card's {field.replace('_', ' ')} with no title before it", field)
            return None
        card.has_attributes = True
        return card

    # -- attributes --------------------------------------------------------------

    def _abstract(self, unit: Unit) -> None:
        card = self.card
        if card is None or card.abstract is not None or card.has_attributes:
            if _is_title_like(unit) and not _is_sentence(unit.text):
                self._start_card(unit, explicit=True)  # a title linking to its paper
            else:
                self._orphan(unit, "an abstract with no title before it", "abstract")
            return
        card.abstract = unit.text
        linked = arxiv_id_from_paper_url(unit.url) if unit.url is not None else None
        if card.arxiv_id is None:
            card.arxiv_id = linked
        elif linked is not None and linked != card.arxiv_id:
            card.problem(
                f"the abstract links to paper {linked}, the title to {card.arxiv_id}",
                unit,
                "abstract",
            )

    def _authors(self, unit: Unit) -> None:
        card = self._attribute_card(unit, "author_count")
        if card is None:
            return
        card.has_owner = True
        if unit.value is None:
            card.problem(
                f"expected a number of authors like '4 authors', got {_excerpt(unit.text)}",
                unit,
                "author_count",
            )
        else:
            card.author_count = unit.value

    def _separator(self, unit: Unit, following: Unit | None) -> bool:
        """The "·" before a date; True when it took the date unit after it."""
        if following is not None and following.kind == _AUTHORS:
            return False  # "·" then the author count: a 2024 listing card
        if unit.text == "•" and (following is None or following.kind not in _DATE_KINDS):
            return False  # an empty list item
        card = self._attribute_card(unit, "date")
        if following is None or following.kind not in _DATE_KINDS:
            if card is not None:
                card.problem("expected a date after '·'", unit, "published")
            return False
        if following.kind == _TEXT and not has_date_shape(following.text):
            if card is not None:
                card.problem(
                    f"expected a date after '·', got {_excerpt(following.text)}",
                    following,
                    "published",
                )
            return False
        if card is not None:
            self._card_date(card, following)
        return True

    def _date(self, unit: Unit) -> None:
        card = self.card
        if card is not None and not self.page_dated and self._is_header_text(card):
            # Text under the page's title with nothing of a card ("by" / "AK", its
            # subtitle broken up by a tool): refused and reported, and the date after
            # it is the page's own.
            self._finish_card()
            self.cards_seen = 0
            card = None
        if card is None and not self.cards_seen and self.pending_votes is None:
            # The page's own date label under the header.
            self.page_dated = True
            if self.page_date is None:
                self.page_date = self._parse_date(unit.text)
                if self.page_date.error is not None:
                    message = f"the page's date: {self.page_date.error}"
                    problem = _Problem(message, unit.line, unit.column, "date")
                    self.collector.problem(problem)
            return
        if card is not None and card.published is None:
            card.has_attributes = True
            self._card_date(card, unit)
            return
        self._orphan(unit, "a date line with no card to belong to", "published")

    def _is_header_text(self, card: _Card) -> bool:
        """Whether ``card``, met before the page's date and after the page's title with no
        paper before it, is nothing but a title: no abstract, count, link, submitter or
        attribute."""
        return (
            self.page_title is not None
            and len(self.collector.papers) == self.page_start  # no card of its page was a paper
            and not card.explicit
            and card.abstract is None
            and not card.is_evidenced()
        )

    def _card_date(self, card: _Card, unit: Unit) -> None:
        parsed = self._parse_date(unit.text)
        card.published = parsed
        if parsed.error is not None:
            card.problem(parsed.error, unit, "published")

    def _parse_date(self, text: str) -> CardDate:
        return self.context.card_date(text, self.dates)

    def _repo(self, unit: Unit) -> None:
        card = self._attribute_card(unit, "repo_url")
        if card is None:
            return
        url = repo_url(unit.url or "")
        if url is None:
            card.problem(
                f"expected a repository link, got {_excerpt(unit.url or '')}", unit, "repo_url"
            )
        else:
            if card.repo_links is None:
                card.repo_links = []
            card.repo_links.append(url)
        if unit.text and unit.value is None:
            card.problem(
                f"expected a star count like '476' or '11.3k', got {_excerpt(unit.text)}",
                unit,
                "github_stars",
            )
        elif unit.value is not None:
            card.github_stars = unit.value


def _without_tools_marks(text: str) -> str:
    """``text`` without what a tool added around the page's text, lines kept: pandoc's
    markup, inline data and inline HTML, a printing's header and footer; and with
    Crawl4AI's citations resolved into links. A test of one character spares most
    dumps each step."""
    if "[" in text:  # pandoc's own Markdown links; a browser copy has no bracket at all
        text = plain_markdown(text)  # the same lines, for listings and paper pages alike
        if INLINE_DATA in text:
            text = without_inline_data(text)
    if "<" in text:  # inline HTML some converters keep: pymupdf4llm's "<u>", docling's comments
        text = without_inline_html(text)
    text = without_running_lines(text)  # a page printed to PDF, read back by pdftotext
    if "⟨" in text and has_citations(text):  # Crawl4AI's links, cited
        text = resolve_citations(text)
    return text


def load_text(text: str, context: LoadContext) -> Listing:
    """Read a plain-text or Markdown dump of a Daily Papers page, or a table of papers."""
    if opens_table(text):  # the hf command's list, paperlist's own CSV
        return load_table(text, context)
    foreign = foreign_markup(text)
    if foreign is not None:  # its links and blocks would read as cards
        language, position = foreign
        context.fail(
            f"written in {language}: paperlist reads Markdown and plain text "
            "(convert the page to Markdown, e.g. with pandoc -t markdown)",
            line=text.count("\n", 0, position) + 1,
        )
    text = _without_tools_marks(text)
    lines = text.split("\n")
    brackets = "[" in text  # none in a browser copy: no link to read, one search to know
    # html-to-text's "Models [/models]": plain text but for the links cards need, which
    # either reader takes (a paper page's landmarks are its capital headings' too). Other
    # tools' links first: a note may join their dumps to it.
    bracketed = brackets and count_bracketed_addresses(text) >= _NUMBERED_LINKS
    if bracketed:
        lines = resolve_bracketed_addresses(_resolved_links(text))
    first = _skip_front_matter(lines)
    captured = _capture_date(lines, first)
    if captured is not None:
        context.capture_date(captured)
    first = skip_reader_header(lines, first)
    blocks = reader_blocks(lines, first)
    if blocks:
        return _read_blocks(lines, blocks, context)
    unresolved = lines

    @functools.cache
    def page_lines() -> list[str]:
        """The lines a paper page is read from: by its landmarks, whatever the tool did to
        links, but for html2text's "[name][35]", made inline (the same lines)."""
        if not bracketed and brackets and has_reference_definitions(text):
            return resolve_reference_links(text)
        return unresolved

    alone = _paper_page_alone(lines, first, page_lines, context)
    if isinstance(alone, Listing):
        return alone
    first = alone
    if brackets and not bracketed:
        lines = _resolved_links(text)
    return _Assembler(read_units(lines, first, links=brackets), context, page_lines).run()


def _paper_page_alone(
    lines: list[str], first: int, page_lines: Callable[[], list[str]], context: LoadContext
) -> Listing | int:
    """A dump of one paper page: its Listing. Else the line to read listings from: a paper
    page's with other pages' dumps joined after it (a note of clippings), or ``first``."""
    paper_page = find_paper_page(lines, first)
    if paper_page is None:  # a reader view keeps no arxiv: line
        published = find_reader_view(lines, first)
        if published is None:
            return first
        if not holds_cards(lines, first, len(lines)) and page_end(lines, published) == len(lines):
            return read_reader_view(page_lines(), published, context)
        if not window_title(lines, published):
            context.fail(
                "a paper page without its arxiv: line or its title (Readability's text)"
                " joined to a listing: paperlist cannot tell where it starts; load each page"
                " on its own",
                line=published + 1,
            )
        return first  # the lexer meets its window title: the reader view joined on
    if holds_cards(lines, first, paper_page):
        return first  # a listing before it
    if page_end(lines, paper_page + 1) == len(lines):
        return read_paper_page(page_lines(), paper_page, context)
    return paper_page


def _read_blocks(lines: list[str], blocks: list[Block], context: LoadContext) -> Listing:
    """A reader's dump of several pages: the papers of each Daily Papers page, in order.

    Each page is read on its own, as a paper page or a listing; leniently, a
    page that cannot be read is an Issue and the others are still read.
    """
    pages = [block for block in blocks if block.is_daily_papers]
    if not pages:
        urls = ", ".join(block.url for block in blocks[:3])
        context.fail(f"no Daily Papers page among the reader's pages: {urls}", line=1)
    papers: list[Paper] = []
    first: Listing | None = None
    for block in pages:
        before = len(context.issues)
        try:
            listing = _read_page(lines[: block.end], block.body, context)
        except ParseError as error:
            if context.strict or len(pages) == 1:
                raise
            context.report(
                f"the page from {block.url} could not be read: {error.message}",
                line=block.start + 1,
            )
            continue
        context.renumber(before, len(papers))
        papers.extend(listing.papers)
        if first is None:  # the first page read names the listing
            first = listing
    title, date = (first.title, first.date) if first is not None else (None, None)
    return context.listing(papers, format="text", title=title, date=date)


def _read_page(lines: list[str], first: int, context: LoadContext) -> Listing:
    """The page in ``lines[first:]``: a paper page by its landmarks, else a listing."""
    alone = _paper_page_alone(lines, first, lambda: lines, context)
    if isinstance(alone, Listing):
        return alone
    return _Assembler(read_units(lines, alone), context, lambda: lines).run()
