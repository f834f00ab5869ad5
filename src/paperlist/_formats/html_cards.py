"""Rendered cards of an HTML page: read when its hydration props are missing or empty.

A card is an article with a heading that links to a paper page. It is read
from its structure and hrefs, never its class names, which the site changes.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from lxml import etree

from .._context import LoadContext
from .._dates import CardDate, looks_like_card_date
from .._links import PAPER_LINK, arxiv_id_from_paper_url, mentioned_repos, original_url, repo_url
from .._listing import Listing
from .._model import Paper
from .._numbers import AUTHOR_COUNT, STAR_COUNT_PATTERN, VOTE_COUNT, parse_count, parse_star_count
from .._strings import normalise_space, shorten

__all__ = ["Card", "all_text", "find_cards", "listing_from_cards"]

Card = tuple[Any, Any, Any]
"""A card's article, its title link and the heading around that link."""

_STARS = re.compile(STAR_COUNT_PATTERN)
# "/ByteDance-Seed": an organisation's page (absolute in an archived copy's links).
_ORGANIZATION_HREF = re.compile(r"(?:https://huggingface\.co)?/(?P<handle>[\w.-]+)")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SUBMITTED_BY = "Submitted by"
# An element's text with its descendants'. Compiled once; plain str results,
# as lxml's "smart" strings would keep the whole page alive from a Paper.
_string_value = etree.XPath("string()", smart_strings=False)


def find_cards(root: Any) -> list[Card]:
    """(article, title link, heading) of each card, in one pass over the page's links.

    A card is an article with a heading that links to a paper page, in any
    form of the URL; a link in an article nested in another belongs to the
    inner one. Walking up from each link, never down from each article,
    keeps nested articles linear.
    """
    found: dict[Any, tuple[Any, Any]] = {}
    for link in root.iter("a"):
        href = link.get("href") or ""
        if "/http" in href:  # _href's test in place: a call per link costs 2.5 %
            href = original_url(href)
        if not PAPER_LINK.fullmatch(href):
            continue
        heading, article = _heading_and_article(link)
        if heading is not None and article is not None and article not in found:
            found[article] = (link, heading)
    return [(article, link, heading) for article, (link, heading) in found.items()]


def _href(link: Any) -> str:
    """Where ``link`` leads; for an archived copy's, where the original led (a substring
    test first: every link of a page comes here)."""
    href: str = link.get("href") or ""
    return original_url(href) if "/http" in href else href


def _heading_and_article(link: Any) -> tuple[Any, Any]:
    """The heading around ``link`` and the article around that, or None for either."""
    heading = None
    element = link.getparent()
    while element is not None and element.tag != "article":
        if heading is None and element.tag in _HEADINGS:
            heading = element
        element = element.getparent()
    return heading, element


def listing_from_cards(cards: list[Card], title: str | None, context: LoadContext) -> Listing:
    """The papers of the cards ``find_cards`` found, one per card, in order."""
    dates: dict[str, CardDate] = {}  # each distinct date line read once per page
    papers = [
        _CardReader(article, link, heading, index, context, dates).paper()
        for index, (article, link, heading) in enumerate(cards)
    ]
    return context.listing(papers, format="html", title=title)


def all_text(element: Any) -> str:
    """An element's text with its descendants', white space normalised."""
    # Without children, its own text is all of it, a tenth of the XPath call's cost away.
    return normalise_space((element.text or "") if len(element) == 0 else _string_value(element))


class _CardReader:
    """Reads one rendered card; anchored on structure and hrefs, never on class names."""

    def __init__(
        self,
        article: Any,
        link: Any,
        heading: Any,
        index: int,
        context: LoadContext,
        dates: dict[str, CardDate],
    ) -> None:
        self.index = index
        self.context = context
        self.dates = dates
        self.link = link
        self.upvotes: int | None = None
        self.comments: int | None = None
        self.author_count: int | None = None
        self.published: datetime.date | None = None
        self.github_stars: int | None = None
        self.organization: str | None = None
        self.organization_id: str | None = None
        self.abstract: str | None = None
        self.submitted_by: str | None = None
        self.links: list[str] = []
        self._walk(article, heading)

    def _walk(self, article: Any, heading: Any) -> None:
        """Read the card's elements in document order.

        The heading's own elements are the title, and an article inside the
        card is a card of its own: lxml's walk skips both subtrees, so each
        element of a page is visited by one card at most, and nested articles
        stay linear.
        """
        walker = etree.iterwalk(article, events=("start",))
        before_title = True
        for _, element in walker:
            tag = element.tag  # lxml builds a new str on each read
            if element is heading:
                before_title = False
                walker.skip_subtree()
            elif not isinstance(tag, str):
                continue  # a comment or processing instruction
            elif tag == "article" and element is not article:
                walker.skip_subtree()  # a card of its own
            else:
                self._element(element, tag, before_title)

    def _element(self, element: Any, tag: str, before_title: bool) -> None:
        if tag == "a" and self._link(element):
            return
        own = element.text
        if not own:  # most of a card's elements only wrap others
            return
        text = normalise_space(own)
        if not text:
            return
        if text == _SUBMITTED_BY and self.submitted_by is None:
            # "Submitted by <img> akhaliq": the handle follows the avatar.
            self.submitted_by = all_text(element).removeprefix(_SUBMITTED_BY).strip() or None
        elif before_title and self.upvotes is None and VOTE_COUNT.fullmatch(text):
            self.upvotes = 0 if text == "-" else self._count(text, element, "upvotes")
        # The first character rules tests out: a count opens with a digit, a date with a letter.
        elif (
            self.author_count is None
            and text[0].isdecimal()
            and (count := AUTHOR_COUNT.fullmatch(text))
        ):
            self.author_count = self._count(count[1], element, "author_count")
        elif self.published is None and text[0].isalpha() and looks_like_card_date(text):
            self._date(text, element)
        elif tag == "p":
            self._paragraph(element, text)

    def _paragraph(self, element: Any, own: str) -> None:
        """The card's longest paragraph is its abstract; ``own`` is its own text, normal."""
        # A paragraph without child elements holds its own text only.
        paragraph = own if len(element) == 0 else all_text(element)
        if self.abstract is None or len(paragraph) > len(self.abstract):
            self.abstract = paragraph

    def _link(self, element: Any) -> bool:
        """Read a comment count, repository or organisation link; False for other links."""
        href = element.get("href") or ""
        if "/http" in href:  # _href's test in place, as above
            href = original_url(href)
        if href.endswith("#community"):
            number = all_text(element)
            self.comments = 0 if number in ("", "-") else self._count(number, element, "comments")
            return True
        url = repo_url(href) if "://" in href else None
        if url is not None:
            self.links.append(url)
            # Separate pieces: "<span>GitHub</span><span>1</span>" is two words.
            words = " ".join(element.itertext()).split()
            if words and _STARS.fullmatch(words[-1]):
                self.github_stars = parse_star_count(words[-1])
            return True
        if (
            self.organization is None
            and (organization := _ORGANIZATION_HREF.fullmatch(href))
            and next(element.iter("img"), None) is not None  # an avatar: iter walks in C
        ):
            self.organization = all_text(element) or None
            self.organization_id = organization["handle"]
            return True
        return False

    def _date(self, text: str, element: Any) -> None:
        parsed = self.context.card_date(text, self.dates)
        self.published = parsed.date
        self.comments = parsed.comments if self.comments is None else self.comments
        if parsed.error is not None:
            self.context.report(
                parsed.error, line=element.sourceline, field="published", index=self.index
            )

    def _count(self, text: str, element: Any, field: str) -> int | None:
        number = parse_count(text)
        if number is None:
            self.context.report(
                f"expected a count, got {shorten(text, 20)!r}",
                line=element.sourceline,
                field=field,
                index=self.index,
            )
        return number

    def paper(self) -> Paper:
        href = _href(self.link)
        arxiv_id = arxiv_id_from_paper_url(href)
        if arxiv_id is None:
            self.context.report(
                f"expected a link to a paper page, got {href!r}",
                line=self.link.sourceline,
                field="arxiv_id",
                index=self.index,
            )
        declared = self.links[0] if self.links else None  # the card's own GitHub link
        return Paper(
            title=all_text(self.link),
            arxiv_id=arxiv_id,
            abstract=self.abstract or None,
            author_count=self.author_count,
            organization=self.organization,
            organization_id=self.organization_id,
            published=self.published,
            upvotes=self.upvotes,
            comments=self.comments,
            repo_url=declared,
            mentioned_repo_urls=mentioned_repos(declared, self.abstract, self.links[1:]),
            github_stars=self.github_stars,
            submitted_by=self.submitted_by,
        )
