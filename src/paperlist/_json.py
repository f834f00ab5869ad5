"""JSON from the Daily Papers API (every shape users hold) mapped to Papers.

This mapping is the hot path of JSON and HTML loading: it checks types inline,
builds JSON paths only when something is wrong, and shares strings and dates
with the decoded document instead of copying them.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from typing import Any, NoReturn

from ._context import LoadContext
from ._dates import parse_iso_date, parse_iso_instant
from ._links import canonical_repo_urls, find_repo_urls, normalise_arxiv_id, repo_url
from ._model import Listing, Paper
from ._strings import normalise_space

__all__ = ["PaperMapper", "load_json", "read_json"]

_NOT_LISTING_SHIFTS = (
    datetime.timedelta(0),
    datetime.timedelta(hours=4),
    datetime.timedelta(hours=5),
)
_HYDRATION_KEYS = ("dailyPapers", "searchResults")


def _type_name(value: object) -> str:
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


def read_json(text: str, context: LoadContext, *, line_offset: int = 0) -> Any:
    """Decode JSON; every decoding failure becomes a ParseError with a position."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise context.error(
            f"invalid JSON: {exc.msg}", line=exc.lineno + line_offset, column=exc.colno
        ) from exc
    except RecursionError as exc:
        raise context.error("invalid JSON: nested too deeply to read") from exc
    except ValueError as exc:  # e.g. an integer longer than Python converts
        raise context.error(f"invalid JSON: {exc}") from exc


class PaperMapper:
    """Maps API items to Papers for one load, reporting problems with JSON paths."""

    def __init__(
        self,
        context: LoadContext,
        *,
        default_listed: datetime.date | None = None,
        line: int | None = None,
    ) -> None:
        self.context = context
        self.default_listed = default_listed
        self.line = line
        # One date object per day, shared by every paper of the load.
        self.dates: dict[int, datetime.date] = {}
        self.index = 0

    # -- problems ----------------------------------------------------------------

    def wrong(self, path: Callable[[], str], key: str, expected: str, value: object) -> None:
        """Report a field whose value is of the wrong kind; the field becomes None."""
        where = f"{path()}.{key}"
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:59] + "…"
        self.context.report(
            f"expected {expected} at {where}, got {_type_name(value)} {shown}",
            line=self.line,
            field=where,
            index=self.index,
        )

    # -- fields ------------------------------------------------------------------

    def _text(self, obj: dict[str, Any], key: str, path: Callable[[], str]) -> str | None:
        value = obj.get(key)
        if value is None:
            return None
        if type(value) is not str:
            self.wrong(path, key, "a string", value)
            return None
        return normalise_space(value) or None

    def _count(self, obj: dict[str, Any], key: str, path: Callable[[], str]) -> int | None:
        value = obj.get(key)
        if value is None:
            return None
        if type(value) is not int or value < 0:
            self.wrong(path, key, "a whole number >= 0", value)
            return None
        return value

    def _instant(
        self, obj: dict[str, Any], key: str, path: Callable[[], str]
    ) -> datetime.datetime | None:
        value = obj.get(key)
        if value is None:
            return None
        if type(value) is str:
            try:
                return parse_iso_instant(value)
            except ValueError:
                pass
        self.wrong(path, key, "an ISO 8601 timestamp", value)
        return None

    def _date(self, instant: datetime.datetime | None) -> datetime.date | None:
        """The UTC date of an instant, one shared date object per day."""
        if instant is None:
            return None
        offset = instant.utcoffset()
        if offset:
            instant = instant - offset
        key = instant.year * 400 + instant.month * 32 + instant.day
        day = self.dates.get(key)
        if day is None:
            day = self.dates[key] = instant.date()
        return day

    def _names(self, paper: dict[str, Any], path: Callable[[], str]) -> tuple[str, ...]:
        authors = paper.get("authors")
        if authors is None:
            return ()
        if type(authors) is not list:
            self.wrong(path, "authors", "an array of authors", authors)
            return ()
        try:
            names = [author["name"] for author in authors]
        except (TypeError, KeyError):
            names = self._names_slowly(authors, path)
        else:
            joined = "|".join(names) if all(type(name) is str for name in names) else None
            if joined is None:
                names = self._names_slowly(authors, path)
            elif not (
                joined.isprintable()
                and "  " not in joined
                and "| " not in joined
                and " |" not in joined
                and joined[:1] != " "
                and joined[-1:] != " "
                and "||" not in joined
            ):
                names = [normalise_space(name) for name in names]
        return tuple(names)

    def _names_slowly(self, authors: list[Any], path: Callable[[], str]) -> list[str]:
        names = []
        for position, author in enumerate(authors):
            name = author.get("name") if type(author) is dict else None
            if type(name) is str and name.strip():
                names.append(normalise_space(name))
            else:
                self.wrong(
                    lambda position=position: f"{path()}.authors[{position}]",  # type: ignore[misc]
                    "name",
                    "a non-empty string",
                    name,
                )
        return names

    def _keywords(self, paper: dict[str, Any], path: Callable[[], str]) -> tuple[str, ...]:
        keywords = paper.get("ai_keywords")
        if keywords is None:
            return ()
        if type(keywords) is list and all(type(keyword) is str for keyword in keywords):
            return tuple(keywords)
        self.wrong(path, "ai_keywords", "an array of strings", keywords)
        return ()

    def _organization(self, obj: dict[str, Any], path: Callable[[], str]) -> str | None:
        organization = obj.get("organization")
        if organization is None:
            return None
        if type(organization) is not dict:
            self.wrong(path, "organization", "an object", organization)
            return None
        name = organization.get("fullname") or organization.get("name")
        if name is None:
            return None
        if type(name) is not str:
            self.wrong(path, "organization.fullname", "a string", name)
            return None
        return normalise_space(name) or None

    # -- items -------------------------------------------------------------------

    def map_item(self, item: dict[str, Any], path: Callable[[], str]) -> Paper:
        """One API item (``{paper: {...}, ...}``) or bare paper object as a Paper."""
        paper = item.get("paper")
        outer: dict[str, Any] | None = item
        paper_path = path
        if paper is None:
            paper, outer = item, None
        elif type(paper) is not dict:
            self.wrong(path, "paper", "an object", paper)
            paper = {}
        else:
            paper_path = lambda: f"{path()}.paper"  # noqa: E731  # built only on a problem

        arxiv_id = paper.get("id")
        if arxiv_id is not None:
            normal = normalise_arxiv_id(arxiv_id) if type(arxiv_id) is str else None
            if normal is None:
                self.wrong(paper_path, "id", "an arXiv id", arxiv_id)
            arxiv_id = normal

        title = self._text(paper, "title", paper_path)
        if title is None and outer is not None:
            title = self._text(outer, "title", path)
        if title is None:
            self.context.report(
                f"expected a title at {paper_path()}.title, found none",
                line=self.line,
                field=f"{paper_path()}.title",
                index=self.index,
            )
            title = ""

        abstract = self._text(paper, "summary", paper_path)
        authors = self._names(paper, paper_path)
        published_at = self._instant(paper, "publishedAt", paper_path)
        listed = self._listed(paper, outer, published_at, path, paper_path)

        links = []
        github = paper.get("githubRepo")
        if github is not None:
            canonical = repo_url(github) if type(github) is str else None
            if canonical is None and (type(github) is not str or github.strip()):
                self.wrong(paper_path, "githubRepo", "a repository URL", github)
            elif canonical is not None:
                links.append(canonical)
        if abstract is not None:
            found = find_repo_urls(abstract)
            if found:
                links.extend(found)

        project_page = paper.get("projectPage")
        if project_page is not None:
            if type(project_page) is str:
                project_page = project_page.strip() or None
            else:
                self.wrong(paper_path, "projectPage", "a string", project_page)
                project_page = None

        comments = None
        if outer is not None:
            comments = self._count(outer, "numComments", path)
            if comments is None and type(outer.get("comments")) is list:
                comments = len(outer["comments"])

        organization = self._organization(paper, paper_path)
        if organization is None and outer is not None:
            organization = self._organization(outer, path)

        return Paper(
            title,
            arxiv_id,
            abstract,
            authors,
            len(authors) or None,
            organization,
            self._date(published_at),
            listed,
            self._count(paper, "upvotes", paper_path),
            comments,
            tuple(links) if len(links) < 2 else canonical_repo_urls(links),
            self._count(paper, "githubStars", paper_path),
            project_page,
            self._text(paper, "ai_summary", paper_path),
            self._keywords(paper, paper_path),
        )

    def _listed(
        self,
        paper: dict[str, Any],
        outer: dict[str, Any] | None,
        published_at: datetime.datetime | None,
        path: Callable[[], str],
        paper_path: Callable[[], str],
    ) -> datetime.date | None:
        submitted = self._instant(paper, "submittedOnDailyAt", paper_path)
        if submitted is not None:
            return self._date(submitted)
        if outer is not None:
            listed_at = self._instant(outer, "publishedAt", path)
            if listed_at is not None:
                # Newer responses repeat the arXiv time there, or shift it to New
                # York time labelled UTC: neither is the day of listing.
                if published_at is not None and published_at - listed_at in _NOT_LISTING_SHIFTS:
                    return self.default_listed
                return self._date(listed_at)
        return self.default_listed

    def map_items(self, items: list[Any], path: str) -> list[Paper]:
        """Map an array of items; non-objects are reported and skipped."""
        papers: list[Paper] = []
        map_item = self.map_item
        for position, item in enumerate(items):
            self.index = len(papers)
            if type(item) is dict:
                papers.append(map_item(item, lambda p=position: f"{path}[{p}]"))  # type: ignore[misc]
            else:
                self.context.report(
                    f"expected an object at {path}[{position}], got {_type_name(item)}",
                    line=self.line,
                    field=f"{path}[{position}]",
                )
        return papers


def _fail_without_objects(
    items: list[Any], path: str, context: LoadContext, line: int | None
) -> NoReturn:
    """An array in which no item is an object is no listing, even leniently."""
    context.fail(
        f"expected an object at {path}[0], got {_type_name(items[0])}",
        line=line,
        field=f"{path}[0]",
    )


def listing_from_hydration(
    props: dict[str, Any],
    context: LoadContext,
    *,
    title: str | None = None,
    format: str = "json",
    line: int | None = None,
) -> Listing:
    """A page's hydration object (``dailyPapers`` or ``searchResults``) as a Listing."""
    key = next(key for key in _HYDRATION_KEYS if key in props)
    page_date = None
    date_string = props.get("dateString")
    if date_string is not None:
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
    daily = props.get("periodType") == "day"
    mapper = PaperMapper(context, default_listed=page_date if daily else None, line=line)
    items = props[key]
    if type(items) is not list:
        raise context.error(
            f"expected an array at $.{key}, got {_type_name(items)}", line=line, field=f"$.{key}"
        )
    papers = mapper.map_items(items, f"$.{key}")
    if items and not papers:
        _fail_without_objects(items, f"$.{key}", context, line)
    return Listing(
        tuple(papers),
        title=title,
        date=page_date,
        format=format,
        source=context.origin,
        issues=tuple(context.issues),
    )


def listing_from_paper_page(
    props: dict[str, Any],
    context: LoadContext,
    *,
    title: str | None = None,
    format: str = "json",
    line: int | None = None,
) -> Listing:
    """One paper object, or an item holding one (a paper page's props), as a Listing."""
    mapper = PaperMapper(context, line=line)
    paper = mapper.map_item(props, lambda: "$")
    return Listing(
        (paper,),
        title=title,
        format=format,
        source=context.origin,
        issues=tuple(context.issues),
    )


def load_json(text: str, context: LoadContext) -> Listing:
    """Read any JSON shape paperlist knows: API responses, hydration objects, its own."""
    document = read_json(text, context)
    if type(document) is list:
        mapper = PaperMapper(context)
        papers = mapper.map_items(document, "$")
        if document and not papers:
            _fail_without_objects(document, "$", context, None)
        return Listing(
            tuple(papers), format="json", source=context.origin, issues=tuple(context.issues)
        )
    if type(document) is not dict:
        context.fail(
            f"expected a Daily Papers JSON array or object, got {_type_name(document)}", field="$"
        )
    if "paperlist" in document:
        from ._ownjson import listing_from_document

        return listing_from_document(document, context)
    if any(key in document for key in _HYDRATION_KEYS):
        return listing_from_hydration(document, context)
    if type(document.get("paper")) is dict or "id" in document or "title" in document:
        return listing_from_paper_page(document, context)
    if "error" in document:
        context.fail(f"the API answered with an error: {document['error']!r}", field="$.error")
    keys = ", ".join(repr(key) for key in list(document)[:5])
    raise context.error(
        "expected a Daily Papers response (an array of items, a paper object, or an "
        f"object with 'dailyPapers' or 'searchResults'), got an object with keys [{keys}]",
        field="$",
    )
