"""Plain-text and Markdown page dumps: which units form which card.

A card is an optional upvote line, a title, an optional abstract, then card
attributes (author count or organisation, "·", date line, repository link).
Where the reading is ambiguous, short one-line paragraphs are titles and long
ones abstracts, and an Issue says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import attrs

from .._context import LoadContext
from .._dates import CardDate, has_date_shape, parse_card_date
from .._links import arxiv_id_from_paper_url, canonical_repo_urls, find_repo_urls, repo_url
from .._listing import Listing
from .._model import Paper
from .._strings import normalise_space, shorten
from .text_lexer import MAX_TITLE_LENGTH, Kind, Unit, read_units

__all__ = ["load_text"]

# Longest paragraph read as an organisation name before "·".
_MAX_ORGANIZATION_LENGTH = 100
_EXCERPT_LENGTH = 60


def _excerpt(text: str) -> str:
    return repr(shorten(text, _EXCERPT_LENGTH))


@attrs.define
class _Problem:
    message: str
    line: int
    column: int
    field: str | None


class _Card:
    """A card being assembled. One is made per paper, so the defaults live on
    the class and __init__ sets only what every card has."""

    arxiv_id: str | None = None
    abstract: str | None = None
    author_count: int | None = None
    organization: str | None = None
    published: CardDate | None = None
    upvotes: int | None = None
    github_stars: int | None = None
    has_attributes = False
    has_owner = False
    repo_links: list[str] | None = None
    problems: list[_Problem] | None = None

    def __init__(self, title: str, line: int, column: int, explicit: bool) -> None:
        self.title = title
        self.line = line
        self.column = column
        self.explicit = explicit

    def problem(self, message: str, unit: Unit | None, field: str | None) -> None:
        """Record a problem at ``unit``, or at the title when ``unit`` is None."""
        line, column = (unit.line, unit.column) if unit is not None else (self.line, self.column)
        if self.problems is None:
            self.problems = []
        self.problems.append(_Problem(message, line, column, field))

    def has_evidence(self) -> bool:
        """Whether anything beyond a bare title says this is a paper card."""
        return bool(
            self.explicit
            or self.abstract is not None
            or self.has_attributes
            or self.upvotes is not None
            or self.arxiv_id is not None
        )


def _is_title_like(unit: Unit) -> bool:
    return unit.single_line and len(unit.text) <= MAX_TITLE_LENGTH


def _skip_front_matter(lines: list[str]) -> int:
    """Index of the first line after a YAML front matter block, or 0."""
    if not lines or lines[0].strip() != "---":
        return 0
    for index in range(1, min(len(lines), 200)):
        if lines[index].strip() in ("---", "..."):
            return index + 1
    return 0


class _Assembler:
    def __init__(self, units: Iterator[Unit], context: LoadContext) -> None:
        self.units = units
        self.context = context
        self.papers: list[Paper] = []
        self.problems: list[tuple[int | None, _Problem]] = []
        self.card: _Card | None = None
        self.cards_seen = 0
        self.evidence = False
        self.pending_votes: Unit | None = None
        self.page_title: str | None = None
        self.page_date: CardDate | None = None
        self.dates: dict[str, CardDate] = {}
        # Units that never look at their neighbours; TEXT and SEPARATOR do.
        self.single: dict[Kind, Callable[[Unit], None]] = {
            Kind.TITLE: self._title,
            Kind.VOTES: self._votes,
            Kind.ABSTRACT: self._abstract,
            Kind.AUTHORS: self._authors,
            Kind.ORGANIZATION: self._organization,
            Kind.DATE: self._date,
            Kind.REPO: self._repo,
            Kind.CHROME: self._chrome,
        }

    def run(self) -> Listing:
        units = self.units
        single = self.single
        unit = next(units, None)
        while unit is not None and unit.kind == Kind.CHROME:
            self._chrome(unit)
            unit = next(units, None)
        first = unit  # named if no card is found
        # Units come one at a time; TEXT and SEPARATOR look one unit ahead.
        while unit is not None:
            following = next(units, None)
            kind = unit.kind
            if kind == Kind.TEXT:
                self._text(unit, following)
            elif kind == Kind.SEPARATOR:
                if self._separator(unit, following):
                    following = next(units, None)
            else:
                single[kind](unit)
            unit = following
        self._finish_card()
        if self.pending_votes is not None:
            self._orphan(self.pending_votes, "an upvote count with no title after it", "upvotes")
        if not self.evidence and first is not None and (self.cards_seen or first.kind != Kind.DATE):
            self.context.fail(
                "no paper card found: expected a title followed by an abstract "
                f"or a metadata block, got {_excerpt(first.text)}",
                line=first.line,
                column=first.column,
            )
        for paper_index, problem in sorted(self.problems, key=lambda item: item[1].line):
            self.context.report(
                problem.message,
                line=problem.line,
                column=problem.column,
                field=problem.field,
                index=paper_index,
            )
        page_date = self.page_date.date if self.page_date is not None else None
        return self.context.listing(
            self.papers, format="text", title=self.page_title, date=page_date
        )

    # -- dispatch --------------------------------------------------------------

    def _title(self, unit: Unit) -> None:
        self._start_card(unit, explicit=True)

    def _votes(self, unit: Unit) -> None:
        self._finish_card()
        if self.pending_votes is not None:
            self._orphan(self.pending_votes, "an upvote count with no title after it", "upvotes")
        self.pending_votes = unit

    def _organization(self, unit: Unit) -> None:
        card = self._attribute_card(unit, "organization")
        if card is not None:
            card.organization = unit.text or None
            card.has_owner = True

    def _chrome(self, unit: Unit) -> None:
        if unit.text and self.page_title is None and not self.cards_seen:
            self.page_title = unit.text

    def _text(self, unit: Unit, following: Unit | None) -> None:
        """A paragraph: an organisation before "·", an abstract, or a new card's title."""
        card = self.card
        title_like = _is_title_like(unit)
        if card is not None:
            before_separator = following is not None and following.kind == Kind.SEPARATOR
            if before_separator and self._organization_line(card, unit):
                return
            if card.abstract is None and not card.has_attributes:
                if card.explicit or not title_like:
                    card.abstract = unit.text
                    return
                new_card = self._start_card(unit, explicit=False)
                if not (
                    following is not None
                    and following.kind == Kind.TEXT
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
        if card is None:
            return
        self.card = None
        if card.has_evidence():
            self.evidence = True
        else:
            card.problem(
                f"expected an abstract or a metadata block after the title {_excerpt(card.title)}",
                None,
                None,
            )
        abstract = normalise_space(card.abstract) if card.abstract is not None else None
        links = card.repo_links or []
        if abstract and "/" in abstract:
            links.extend(find_repo_urls(abstract))
        published = card.published
        paper = Paper(
            title=card.title,
            arxiv_id=card.arxiv_id,
            abstract=abstract or None,
            author_count=card.author_count,
            organization=card.organization,
            published=published.date if published is not None else None,
            upvotes=card.upvotes,
            comments=published.comments if published is not None else None,
            repo_urls=canonical_repo_urls(links),
            github_stars=card.github_stars,
        )
        papers = self.papers
        # Trending dumps render every card twice in a row: keep one.
        if papers and papers[-1].title == paper.title and papers[-1] == paper and not card.problems:
            return
        papers.append(paper)
        for problem in card.problems or ():
            self.problems.append((len(papers) - 1, problem))

    def _orphan(self, unit: Unit, what: str, field: str | None) -> None:
        self.problems.append(
            (None, _Problem(f"{what}: {_excerpt(unit.text)}", unit.line, unit.column, field))
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
        card = self._attribute_card(unit, "date")
        if following is None or following.kind not in (Kind.DATE, Kind.TEXT):
            if card is not None:
                card.problem("expected a date after '·'", unit, "published")
            return False
        if following.kind == Kind.TEXT and not has_date_shape(following.text):
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
        if card is None and not self.cards_seen and self.pending_votes is None:
            # The page's own date label under the header.
            if self.page_date is None:
                self.page_date = self._parse_date(unit.text)
                if self.page_date.error is not None:
                    message = f"the page's date: {self.page_date.error}"
                    problem = _Problem(message, unit.line, unit.column, "date")
                    self.problems.append((None, problem))
            return
        if card is not None and card.published is None:
            card.has_attributes = True
            self._card_date(card, unit)
            return
        self._orphan(unit, "a date line with no card to belong to", "published")

    def _card_date(self, card: _Card, unit: Unit) -> None:
        parsed = self._parse_date(unit.text)
        card.published = parsed
        if parsed.error is not None:
            card.problem(parsed.error, unit, "published")

    def _parse_date(self, text: str) -> CardDate:
        parsed = self.dates.get(text)
        if parsed is None:
            parsed = parse_card_date(text, self.context.today)
            self.dates[text] = parsed
        return parsed

    def _repo(self, unit: Unit) -> None:
        card = self._attribute_card(unit, "repo_urls")
        if card is None:
            return
        url = repo_url(unit.url or "")
        if url is None:
            card.problem(
                f"expected a repository link, got {_excerpt(unit.url or '')}", unit, "repo_urls"
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


def load_text(text: str, context: LoadContext) -> Listing:
    """Read a plain-text or Markdown dump of a Daily Papers page."""
    lines = text.split("\n")
    units = read_units(lines, _skip_front_matter(lines))
    return _Assembler(units, context).run()
