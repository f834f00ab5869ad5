"""Items of the Daily Papers API mapped to Papers; shared by the JSON and HTML readers.

An item is ``{"paper": {...}, "numComments": ..., ...}`` as ``/api/daily_papers``
and search results give it, or the paper object alone (``/api/papers/<id>``).
A page's hydration props hold an array of items (``dailyPapers`` or
``searchResults``) or, on a paper page, one item.

Each field group has one reader that takes the JSON path of the object it
reads, so that a problem names where it is (``$[3].paper.upvotes``); paths
are spelt out only when something is reported. Problems are reported in the
order of the fields below.
"""

from __future__ import annotations

import datetime
import operator
from collections.abc import Iterable
from typing import Any

import attrs

from .._context import LoadContext
from .._dates import echoes_instant, parse_iso_date, parse_utc_instant
from .._links import mentioned_repos, normalise_arxiv_id, repo_url
from .._listing import Listing
from .._model import Paper
from .._numbers import MAX_COUNT
from .._strings import normalise_space, shorten

__all__ = [
    "API_PAPER_KEYS",
    "HYDRATION_KEYS",
    "ItemMapper",
    "author_users",
    "handle_of",
    "listing_from_hydration",
    "listing_from_paper_page",
    "type_name",
]

HYDRATION_KEYS = ("dailyPapers", "searchResults")
"""The keys under which a listing page's props hold its items."""

API_PAPER_KEYS = frozenset(
    {
        "ai_keywords", "ai_summary", "ai_summary_model", "authors", "discussionId",
        "githubRepo", "githubRepoAddedBy", "githubStars", "id", "mediaUrls", "organization",
        "projectPage", "publishedAt", "submittedOnDailyAt", "submittedOnDailyBy", "summary",
        "title", "upvotes",
    }
)  # fmt: skip
"""The keys of the API's paper objects (seen in real responses, 2024 to 2026)."""

_name_of = operator.itemgetter("name")
_LINKED_KEYS = frozenset(
    {
        "numTotalModels", "linkedModels", "numTotalDatasets", "linkedDatasets",
        "numTotalSpaces", "linkedSpaces",
    }
)  # fmt: skip


def type_name(value: object) -> str:
    """How a JSON value of this Python type is called in messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


class ItemMapper:
    """Maps the API items of one load to Papers, reporting problems with JSON paths.

    ``line`` is where the JSON sits in its page (HTML props), else None.
    """

    def __init__(self, context: LoadContext, *, line: int | None = None) -> None:
        self.context = context
        self.line = line
        self.index = 0  # the Listing position of the paper being mapped
        self.index_offset = 0  # papers of arrays mapped before this one

    def wrong(self, path: str, expected: str, value: object) -> None:
        """Report a value of the wrong kind at ``path``; its field becomes unknown."""
        self.context.report(
            f"expected {expected} at {path}, got {type_name(value)} {shorten(repr(value), 60)}",
            line=self.line,
            field=path,
            index=self.index,
        )

    # -- arrays and items -----------------------------------------------------------

    def map_items(self, items: Iterable[Any], path: str) -> list[Paper]:
        """The Papers of the array of items at ``path``, consumed in order.

        An item that is no object is reported and skipped; an array in which
        no item is an object is no listing, even leniently.
        """
        papers: list[Paper] = []
        first: object = None
        position = -1
        for position, item in enumerate(items):
            self.index = self.index_offset + len(papers)
            if type(item) is dict:
                papers.append(self.map_item(item, f"{path}[{position}]"))
                continue
            if position == 0:
                first = item
            where = f"{path}[{position}]"
            self.context.report(
                f"expected an object at {where}, got {type_name(item)}",
                line=self.line,
                field=where,
            )
        if position >= 0 and not papers:
            self.context.fail(
                f"expected an object at {path}[0], got {type_name(first)}",
                line=self.line,
                field=f"{path}[0]",
            )
        return papers

    def map_item(self, item: dict[str, Any], path: str) -> Paper:
        """One item (with a ``paper`` object) or bare paper object at ``path`` as a Paper."""
        paper, outer, paper_path = self._paper_object(item, path)
        get = paper.get
        arxiv_id = self._arxiv_id(get("id"), paper_path)
        title = self._title(paper, outer, paper_path, path)
        abstract = self._text(get("summary"), paper_path, "summary")
        authors = self._authors(get("authors"), paper_path)
        published_at = self._instant(get("publishedAt"), paper_path, "publishedAt")
        listed = self._listed(paper, outer, published_at, paper_path, path)
        upvotes = self._count(get("upvotes"), paper_path, "upvotes")
        github_stars = self._count(get("githubStars"), paper_path, "githubStars")
        project_page = self._project_page(get("projectPage"), paper_path)
        ai_summary = self._text(get("ai_summary"), paper_path, "ai_summary")
        ai_keywords = self._keywords(get("ai_keywords"), paper_path)
        comments = self._comments(outer, path)
        organization, organization_id = self._organization(paper, outer, paper_path, path)
        repo_url = self._declared_repo(get("githubRepo"), paper_path)
        models, datasets, spaces = self._linked(paper, paper_path)
        return Paper(
            title=title,
            arxiv_id=arxiv_id,
            abstract=abstract,
            authors=authors,
            author_count=len(authors) or None,
            organization=organization,
            published=published_at.date() if published_at is not None else None,
            listed=listed,
            upvotes=upvotes,
            comments=comments,
            repo_url=repo_url,
            mentioned_repo_urls=mentioned_repos(repo_url, abstract),
            github_stars=github_stars,
            project_page=project_page,
            ai_summary=ai_summary,
            ai_keywords=ai_keywords,
            organization_id=organization_id,
            submitted_by=self._submitter(paper, outer),
            discussion_id=self._identifier(get("discussionId"), paper_path, "discussionId"),
            author_users=author_users(get("authors"), authors, "user"),
            ai_summary_model=self._identifier(
                get("ai_summary_model"), paper_path, "ai_summary_model"
            ),
            linked_models=models,
            linked_datasets=datasets,
            linked_spaces=spaces,
        )

    # -- who ---------------------------------------------------------------------------

    def _submitter(self, paper: dict[str, Any], outer: dict[str, Any] | None) -> str | None:
        """The handle of whoever listed the paper: the paper's ``submittedOnDailyBy``,
        else the item's ``submittedBy`` (which calls the handle ``name``)."""
        return handle_of(paper.get("submittedOnDailyBy"), "user") or (
            handle_of(outer.get("submittedBy"), "name") if outer is not None else None
        )

    def _linked(
        self, paper: dict[str, Any], path: str
    ) -> tuple[int | None, int | None, int | None]:
        """How many models, datasets and Spaces on the Hub cite the paper, where said.

        Only a paper's own endpoint says; listings skip this in one set test.
        """
        if _LINKED_KEYS.isdisjoint(paper):
            return None, None, None
        return (
            self._linked_count(paper, path, "numTotalModels", "linkedModels"),
            self._linked_count(paper, path, "numTotalDatasets", "linkedDatasets"),
            self._linked_count(paper, path, "numTotalSpaces", "linkedSpaces"),
        )

    def _linked_count(
        self, paper: dict[str, Any], path: str, total: str, listed: str
    ) -> int | None:
        count = self._count(paper.get(total), path, total)
        if count is None and type(paper.get(listed)) is list:
            return len(paper[listed])
        return count

    def _paper_object(
        self, item: dict[str, Any], path: str
    ) -> tuple[dict[str, Any], dict[str, Any] | None, str]:
        """(the paper object, the item around it or None, the paper object's path)."""
        paper = item.get("paper")
        if paper is None:
            return item, None, path
        if type(paper) is not dict:
            self.wrong(f"{path}.paper", "an object", paper)
            paper = {}
        return paper, item, f"{path}.paper"

    # -- values of any field ----------------------------------------------------------

    def _text(self, value: object, path: str, key: str) -> str | None:
        if type(value) is str:
            return normalise_space(value) or None
        if value is not None:
            self.wrong(f"{path}.{key}", "a string", value)
        return None

    def _identifier(self, value: object, path: str, key: str) -> str | None:
        """An id or a model name: one word, kept as written but for outer spaces."""
        if type(value) is str:
            return value.strip() or None
        if value is not None:
            self.wrong(f"{path}.{key}", "a string", value)
        return None

    def _count(self, value: object, path: str, key: str) -> int | None:
        if value is None or (type(value) is int and 0 <= value <= MAX_COUNT):
            return value
        too_large = type(value) is int and value > MAX_COUNT
        self.wrong(
            f"{path}.{key}", "a count below 2**63" if too_large else "a whole number >= 0", value
        )
        return None

    def _instant(self, value: object, path: str, key: str) -> datetime.datetime | None:
        if value is None:
            return None
        if type(value) is str:
            try:
                return parse_utc_instant(value)
            except ValueError:
                pass
        self.wrong(f"{path}.{key}", "an ISO 8601 timestamp", value)
        return None

    def _day(self, value: object, path: str, key: str) -> datetime.date | None:
        instant = self._instant(value, path, key)
        return instant.date() if instant is not None else None

    # -- fields -------------------------------------------------------------------------

    def _arxiv_id(self, value: object, path: str) -> str | None:
        if value is None:
            return None
        normal = normalise_arxiv_id(value) if type(value) is str else None
        if normal is None:
            self.wrong(f"{path}.id", "an arXiv id", value)
        return normal

    def _title(
        self, paper: dict[str, Any], outer: dict[str, Any] | None, paper_path: str, path: str
    ) -> str:
        """The paper's title, else the item's; "" with an Issue when neither has one."""
        title = self._text(paper.get("title"), paper_path, "title")
        if not title and outer is not None:
            title = self._text(outer.get("title"), path, "title")
        if title:
            return title
        where = f"{paper_path}.title"
        self.context.report(
            f"expected a title at {where}, found none",
            line=self.line,
            field=where,
            index=self.index,
        )
        return ""

    def _authors(self, value: object, path: str) -> tuple[str, ...]:
        """The authors' names, in order.

        Ordered so that the common case is cheapest: every author an object
        whose name is already normal text is read in one pass in C. Any other
        array is read name by name, normalising each name or reporting it.
        """
        if value is None:
            return ()
        if type(value) is not list:
            self.wrong(f"{path}.authors", "an array of authors", value)
            return ()
        try:
            # Built as a list, then an exact tuple: tuple(map()) guesses a size and
            # resizes, which leaves CPython's per-size tuple free lists filling.
            names = (*map(_name_of, value),)
            # Joined by spaces, names are normal text exactly when each is
            # a non-empty normal string; join() also checks they are strings.
            joined = " ".join(names)
        except (TypeError, KeyError, AttributeError):
            joined = ""
        if joined and normalise_space(joined) is joined:
            return names
        return self._names_one_by_one(value, path)

    def _names_one_by_one(self, authors: list[Any], path: str) -> tuple[str, ...]:
        names = []
        for position, author in enumerate(authors):
            name = author.get("name") if type(author) is dict else None
            normal = normalise_space(name) if type(name) is str else ""
            if normal:
                names.append(normal)
            else:
                self.wrong(f"{path}.authors[{position}].name", "a non-empty string", name)
        return tuple(names)

    def _listed(
        self,
        paper: dict[str, Any],
        outer: dict[str, Any] | None,
        published_at: datetime.datetime | None,
        paper_path: str,
        path: str,
    ) -> datetime.date | None:
        """The day the paper was listed on Daily Papers, or None.

        ``submittedOnDailyAt`` says it since 2025-03-17. Before, the item's
        own ``publishedAt`` was the moment of listing; newer items repeat the
        arXiv time there, or shift it to New York time labelled UTC, and
        neither is the day of listing. (A day page's date may stand in: see
        listing_from_hydration.) ``published_at`` is the paper's own
        ``publishedAt``, as map_item read it.
        """
        listed = self._day(paper.get("submittedOnDailyAt"), paper_path, "submittedOnDailyAt")
        if listed is not None or outer is None:
            return listed
        return self.listing_day(
            outer.get("publishedAt"), paper.get("publishedAt"), published_at, path, "publishedAt"
        )

    def listing_day(
        self,
        listed_value: object,
        published_value: object,
        published_at: datetime.datetime | None,
        path: str,
        key: str,
    ) -> datetime.date | None:
        """The day of an item-level timestamp, unless it only echoes the arXiv time.

        ``published_value`` is the paper's own timestamp as the JSON holds it,
        ``published_at`` that timestamp read.
        """
        if listed_value == published_value and type(published_value) is str:
            return None  # the arXiv time repeated (search results)
        listed_at = self._instant(listed_value, path, key)
        if listed_at is None:
            return None
        if published_at is not None and echoes_instant(listed_at, published_at):
            return None
        return listed_at.date()

    def _project_page(self, value: object, path: str, key: str = "projectPage") -> str | None:
        if type(value) is str:
            return value.strip() or None
        if value is not None:
            self.wrong(f"{path}.{key}", "a string", value)
        return None

    def _keywords(self, value: object, path: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if type(value) is list:
            try:
                "".join(value)  # raises TypeError unless every keyword is a string
            except TypeError:
                pass
            else:
                return tuple(value)
        self.wrong(f"{path}.ai_keywords", "an array of strings", value)
        return ()

    def _comments(self, outer: dict[str, Any] | None, path: str) -> int | None:
        """``numComments``, else the length of a ``comments`` array; only items have them."""
        if outer is None:
            return None
        count = self._count(outer.get("numComments"), path, "numComments")
        if count is None and type(outer.get("comments")) is list:
            return len(outer["comments"])
        return count

    def _organization(
        self, paper: dict[str, Any], outer: dict[str, Any] | None, paper_path: str, path: str
    ) -> tuple[str | None, str | None]:
        """(display name, handle) of the paper's organisation, else the item's, else the
        submitter's.

        ``submitterOrganization`` (2025-09 on) names the organisation of whoever
        submitted the paper; a paper page's props may hold only that one.
        """
        found = self._organization_name(paper.get("organization"), paper_path, "organization")
        if found[0] is None and outer is not None:
            found = self._organization_name(outer.get("organization"), path, "organization")
        if found[0] is None and outer is not None:
            key = "submitterOrganization"
            found = self._organization_name(outer.get(key), path, key)
        return found

    def _organization_name(
        self, value: object, path: str, key: str
    ) -> tuple[str | None, str | None]:
        """(``fullname`` or ``name``, ``name``) of an organisation object."""
        if value is None:
            return None, None
        if type(value) is not dict:
            self.wrong(f"{path}.{key}", "an object", value)
            return None, None
        handle = value.get("name")
        handle = handle.strip() or None if type(handle) is str else None
        name = value.get("fullname") or value.get("name")
        if name is None:
            return None, None
        if type(name) is not str:
            self.wrong(f"{path}.{key}.fullname", "a string", name)
            return None, handle
        return normalise_space(name) or None, handle

    def _declared_repo(self, github: object, path: str, key: str = "githubRepo") -> str | None:
        """The repository declared for the paper (``githubRepo``), canonical."""
        if github is None:
            return None
        canonical = repo_url(github) if type(github) is str else None
        if canonical is None and (type(github) is not str or github.strip()):
            self.wrong(f"{path}.{key}", "a repository URL", github)
        return canonical


def handle_of(user: object, key: str) -> str | None:
    """A user object's handle under ``key``, or None."""
    if type(user) is not dict:
        return None
    handle = user.get(key)
    return handle.strip() or None if type(handle) is str else None


def author_users(
    authors: object, names: tuple[str, ...], handle_key: str
) -> tuple[str | None, ...]:
    """Each author's Hugging Face handle (``author["user"][handle_key]``), aligned with
    ``names``; () when none is known or some names were unreadable.

    Ordered so that the common case, every author and user an object, takes one
    pass over the authors and one check of the handles in C.
    """
    if type(authors) is not list or len(authors) != len(names):
        return ()
    try:
        handles = [
            user.get(handle_key) if (user := author.get("user")) else None for author in authors
        ]
        "".join(filter(None, handles))  # raises TypeError unless every handle is text
    except (AttributeError, TypeError):  # an author, a user or a handle of another kind
        handles = [
            handle_of(author.get("user"), handle_key) if type(author) is dict else None
            for author in authors
        ]
    if not any(handles):
        return ()
    return tuple(handles) if "" not in handles else tuple([name or None for name in handles])


def listing_from_hydration(
    props: dict[str, Any],
    context: LoadContext,
    *,
    title: str | None = None,
    format: str = "json",
    line: int | None = None,
) -> Listing:
    """A listing page's hydration object (``dailyPapers`` or ``searchResults``) as a Listing.

    On a day page, papers that name no listing day were listed on the page's date.
    """
    page_date = _page_date(props, context, line)
    papers: list[Paper] = []
    mapper = ItemMapper(context, line=line)
    for key in HYDRATION_KEYS:  # a page may hold both: every array is read
        if key not in props:
            continue
        items = props[key]
        if type(items) is not list:
            raise context.error(
                f"expected an array at $.{key}, got {type_name(items)}", line=line, field=f"$.{key}"
            )
        mapper.index_offset = len(papers)
        papers.extend(mapper.map_items(items, f"$.{key}"))
    if page_date is not None and props.get("periodType") == "day":
        papers = [
            paper if paper.listed is not None else _listed_on(paper, page_date) for paper in papers
        ]
    return context.listing(papers, format=format, title=title, date=page_date)


def _listed_on(paper: Paper, day: datetime.date) -> Paper:
    return attrs.evolve(paper, listed=day)


def _page_date(
    props: dict[str, Any], context: LoadContext, line: int | None
) -> datetime.date | None:
    """The hydration object's ``dateString``; an unreadable one is reported."""
    date_string = props.get("dateString")
    if date_string is None:
        return None
    try:
        page_date = parse_iso_date(date_string) if type(date_string) is str else None
    except ValueError:
        page_date = None
    if page_date is None:
        context.report(
            f"expected a date like '2026-03-09' at $.dateString, got {date_string!r}",
            line=line,
            field="$.dateString",
        )
    return page_date


def listing_from_paper_page(
    props: dict[str, Any],
    context: LoadContext,
    *,
    title: str | None = None,
    format: str = "json",
    line: int | None = None,
) -> Listing:
    """One paper object, or an item holding one (a paper page's props), as a Listing."""
    paper = ItemMapper(context, line=line).map_item(props, "$")
    return context.listing((paper,), format=format, title=title)
