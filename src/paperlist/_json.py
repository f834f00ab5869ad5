"""JSON from the Daily Papers API (every shape users hold) mapped to Papers.

This mapping is the hot path of JSON and HTML loading: it checks types inline,
builds JSON paths only when something is wrong, and shares strings and dates
with the decoded document instead of copying them.
"""

from __future__ import annotations

import datetime
import json
import operator
from typing import Any, NoReturn

import attrs

from ._context import LoadContext
from ._dates import fromisoformat, parse_iso_date, parse_iso_instant
from ._json_stream import Malformed, Take, read_object, skip_space, stream_array
from ._links import canonical_repo_urls, find_repo_urls, normalise_arxiv_id, repo_url
from ._model import Listing, Paper, trusted_paper
from ._strings import normalise_space
from .errors import ParseError

__all__ = ["PaperMapper", "load_json", "read_json", "stream_hydration"]

_NOT_LISTING_SHIFTS = (
    datetime.timedelta(0),
    datetime.timedelta(hours=4),
    datetime.timedelta(hours=5),
)
_HYDRATION_KEYS = ("dailyPapers", "searchResults")
_name_of = operator.itemgetter("name")
_UTC = datetime.timezone.utc


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


def _quiet_instant(value: object) -> datetime.datetime | None:
    """The instant ``value`` spells, or None; for values already reported elsewhere."""
    if type(value) is not str:
        return None
    try:
        return parse_iso_instant(value)
    except ValueError:
        return None


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, counting CRLF, CR and LF as line ends."""
    before = text[:offset]
    if "\r" in before:
        before = before.replace("\r\n", "\n").replace("\r", "\n")
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def read_json(text: str, context: LoadContext) -> Any:
    """Decode JSON; every decoding failure becomes a ParseError with a position."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        line, column = _position(text, exc.pos)
        raise context.error(f"invalid JSON: {exc.msg}", line=line, column=column) from exc
    except RecursionError as exc:
        raise context.error("invalid JSON: nested too deeply to read") from exc
    except ValueError as exc:  # e.g. an integer longer than Python converts
        raise context.error(f"invalid JSON: {exc}") from exc


class PaperMapper:
    """Maps API items to Papers for one load, reporting problems with JSON paths.

    An item's path is kept as a prefix and a position (``$.dailyPapers`` and
    3) and spelt out only when a problem is reported.
    """

    def __init__(
        self,
        context: LoadContext,
        *,
        line: int | None = None,
    ) -> None:
        self.context = context
        self.line = line
        # One date object per day ("2025-03-17"), shared by every paper of the load.
        self.days: dict[str, datetime.date] = {}
        self.index = 0
        self.prefix = "$"
        self.position: int | None = None
        self.papers: list[Paper] = []  # of the array being mapped

    # -- problems ----------------------------------------------------------------

    def path(self, inner: bool, key: str = "") -> str:
        """The JSON path of the current item (``inner``: of its ``paper``), plus ``key``."""
        where = self.prefix if self.position is None else f"{self.prefix}[{self.position}]"
        if inner:
            where += ".paper"
        return f"{where}.{key}" if key else where

    def wrong(self, inner: bool, key: str, expected: str, value: object) -> None:
        """Report a field whose value is of the wrong kind; the field becomes None."""
        where = self.path(inner, key)
        shown = repr(value)
        if len(shown) > 60:
            shown = shown[:59] + "…"
        self.context.report(
            f"expected {expected} at {where}, got {_type_name(value)} {shown}",
            line=self.line,
            field=where,
            index=self.index,
        )

    # -- fields ------------------------------------------------------------------

    def _text(self, obj: dict[str, Any], key: str, inner: bool) -> str | None:
        value = obj.get(key)
        if value is None:
            return None
        if type(value) is not str:
            self.wrong(inner, key, "a string", value)
            return None
        return normalise_space(value) or None

    def _count(self, obj: dict[str, Any], key: str, inner: bool) -> int | None:
        value = obj.get(key)
        if value is None or (type(value) is int and value >= 0):
            return value
        self.wrong(inner, key, "a whole number >= 0", value)
        return None

    def _instant(self, obj: dict[str, Any], key: str, inner: bool) -> datetime.datetime | None:
        value = obj.get(key)
        if value is None:
            return None
        if type(value) is str:
            try:
                return parse_iso_instant(value)
            except ValueError:
                pass
        self.wrong(inner, key, "an ISO 8601 timestamp", value)
        return None

    def _date(self, instant: datetime.datetime) -> datetime.date:
        """The UTC date of an instant, one shared date object per day."""
        offset = instant.utcoffset()
        if offset:
            instant = instant - offset
        day = instant.date()
        return self.days.setdefault(day.isoformat(), day)

    def _day(self, value: object, key: str, inner: bool) -> datetime.date | None:
        """The UTC date of the timestamp ``value`` found at ``key`` (reported if unreadable)."""
        if type(value) is str:
            try:
                instant = fromisoformat(value)  # validates the whole timestamp
            except ValueError:
                pass
            else:
                if value[-1:] != "Z":
                    return self._date(instant if instant.tzinfo else instant.replace(tzinfo=_UTC))
                # A UTC timestamp's date is in its first ten characters: share it.
                day = self.days.get(value[:10])
                if day is None:
                    day = self.days[value[:10]] = instant.date()
                return day
        self.wrong(inner, key, "an ISO 8601 timestamp", value)
        return None

    def _names_slowly(self, authors: list[Any], inner: bool) -> list[str]:
        names = []
        for position, author in enumerate(authors):
            name = author.get("name") if type(author) is dict else None
            if type(name) is str and name.strip():
                names.append(normalise_space(name))
            else:
                self.wrong(inner, f"authors[{position}].name", "a non-empty string", name)
        return names

    def _keywords(self, paper: dict[str, Any], inner: bool) -> tuple[str, ...]:
        keywords = paper.get("ai_keywords")
        if keywords is None:
            return ()
        if type(keywords) is list:
            try:
                "".join(keywords)  # raises TypeError unless every keyword is a string
            except TypeError:
                pass
            else:
                return tuple(keywords)
        self.wrong(inner, "ai_keywords", "an array of strings", keywords)
        return ()

    def _organization(self, obj: dict[str, Any], inner: bool) -> str | None:
        organization = obj.get("organization")
        if organization is None:
            return None
        if type(organization) is not dict:
            self.wrong(inner, "organization", "an object", organization)
            return None
        name = organization.get("fullname") or organization.get("name")
        if name is None:
            return None
        if type(name) is not str:
            self.wrong(inner, "organization.fullname", "a string", name)
            return None
        return normalise_space(name) or None

    def _repo_urls(self, paper: dict[str, Any], abstract: str | None) -> tuple[str, ...]:
        links = []
        github = paper.get("githubRepo")
        if github is not None:
            canonical = repo_url(github) if type(github) is str else None
            if canonical is not None:
                links.append(canonical)
            elif type(github) is not str or github.strip():
                self.wrong(True, "githubRepo", "a repository URL", github)
        if abstract is not None:
            found = find_repo_urls(abstract)
            if found:
                links.extend(found)
                return canonical_repo_urls(links)
        return tuple(links)

    # -- items -------------------------------------------------------------------

    def map_item(self, item: dict[str, Any]) -> Paper:
        """One API item (``{paper: {...}, ...}``) or bare paper object as a Paper.

        The common case (every field present with the expected type) runs
        inline without helper calls: this is the hottest code of the library.
        Anything unusual goes to a helper that reports it.
        """
        paper = item.get("paper")
        outer: dict[str, Any] | None = item
        inner = True
        if paper is None:
            paper, outer, inner = item, None, False
        elif type(paper) is not dict:
            self.wrong(False, "paper", "an object", paper)
            paper = {}
        get = paper.get

        arxiv_id = get("id")
        # "2509.24002", the shape of every id since 2015, without a regular expression.
        if (
            not (
                type(arxiv_id) is str
                and len(arxiv_id) == 10
                and arxiv_id.isascii()
                and arxiv_id[4] == "."
                and arxiv_id[:4].isdigit()
                and arxiv_id[5:].isdigit()
            )
            and arxiv_id is not None
        ):
            arxiv_id = self._arxiv_id(arxiv_id, inner)

        title = get("title")
        title = normalise_space(title) if type(title) is str else self._text(paper, "title", inner)
        if not title:
            title = self._title_fallback(outer, inner)

        abstract = get("summary")
        if type(abstract) is str:
            abstract = normalise_space(abstract) or None
        elif abstract is not None:
            abstract = self._text(paper, "summary", inner)

        authors: tuple[str, ...] = ()
        people = get("authors")
        if type(people) is list:
            try:
                names = tuple(map(_name_of, people))
                # join() checks that every name is a string. Joined with spaces, the
                # text is normal exactly when every name is normal and not empty.
                joined = " ".join(names)
            except (TypeError, KeyError):
                authors = tuple(self._names_slowly(people, inner))
            else:
                if joined and normalise_space(joined) is joined:
                    authors = names
                elif people:
                    authors = tuple(self._names_slowly(people, inner))
        elif people is not None:
            self.wrong(inner, "authors", "an array of authors", people)

        published = get("publishedAt")
        if published is not None:
            published = self._day(published, "publishedAt", inner)
        listed = get("submittedOnDailyAt")
        if listed is not None:
            listed = self._day(listed, "submittedOnDailyAt", inner)
        if listed is None:
            listed = self._listed_from_outer(paper, outer)

        upvotes = get("upvotes")
        if upvotes is not None and (type(upvotes) is not int or upvotes < 0):
            upvotes = self._count(paper, "upvotes", inner)
        stars = get("githubStars")
        if stars is not None and (type(stars) is not int or stars < 0):
            stars = self._count(paper, "githubStars", inner)

        project_page = get("projectPage")
        if project_page is not None:
            if type(project_page) is str:
                project_page = project_page.strip() or None
            else:
                self.wrong(inner, "projectPage", "a string", project_page)
                project_page = None

        ai_summary = get("ai_summary")
        if type(ai_summary) is str:
            ai_summary = normalise_space(ai_summary) or None
        elif ai_summary is not None:
            ai_summary = self._text(paper, "ai_summary", inner)

        keywords = get("ai_keywords")
        if type(keywords) is list:
            try:
                "".join(keywords)  # raises TypeError unless every keyword is a string
            except TypeError:
                keywords = self._keywords(paper, inner)
            else:
                keywords = tuple(keywords)
        elif keywords is not None:
            keywords = self._keywords(paper, inner)

        comments = organization = None
        if outer is not None:
            comments = outer.get("numComments")
            if comments is not None and (type(comments) is not int or comments < 0):
                comments = self._count(outer, "numComments", False)
            if comments is None and type(outer.get("comments")) is list:
                comments = len(outer["comments"])
        if get("organization") is not None:
            organization = self._organization(paper, inner)
        if organization is None and outer is not None and outer.get("organization") is not None:
            organization = self._organization(outer, False)

        github = get("githubRepo")
        if github is None and (abstract is None or "/" not in abstract):
            repo_urls: tuple[str, ...] = ()
        else:
            repo_urls = self._repo_urls(paper, abstract)

        return trusted_paper(
            title,
            arxiv_id,
            abstract,
            authors,
            len(authors) or None,
            organization,
            published,
            listed,
            upvotes,
            comments,
            repo_urls,
            stars,
            project_page,
            ai_summary,
            keywords or (),
        )

    def _arxiv_id(self, value: object, inner: bool) -> str | None:
        normal = normalise_arxiv_id(value) if type(value) is str else None
        if normal is None:
            self.wrong(inner, "id", "an arXiv id", value)
        return normal

    def _title_fallback(self, outer: dict[str, Any] | None, inner: bool) -> str:
        """The outer title, or "" with an Issue when there is none."""
        title = self._text(outer, "title", False) if outer is not None else None
        if title:
            return title
        where = self.path(inner, "title")
        self.context.report(
            f"expected a title at {where}, found none",
            line=self.line,
            field=where,
            index=self.index,
        )
        return ""

    def _listed_from_outer(
        self, paper: dict[str, Any], outer: dict[str, Any] | None
    ) -> datetime.date | None:
        """The listing date of items without submittedOnDailyAt (added on 2025-03-17).

        The outer publishedAt was the moment of listing then. Newer responses
        repeat the arXiv time there, or shift it to New York time labelled UTC:
        neither is the day of listing. None when no date is known (a day
        page's date may stand in: see _with_page_date).
        """
        if outer is None:
            return None
        published = paper.get("publishedAt")
        listed = outer.get("publishedAt")
        if listed == published and type(published) is str:
            return None  # the arXiv time repeated (search results)
        if (
            type(listed) is str
            and type(published) is str
            and len(listed) == len(published) == len("2024-03-19T03:16:09.386Z")
            and listed[-1] == published[-1] == "Z"
            and listed[13:] != published[13:]
        ):
            # UTC times whose minutes, seconds or fractions differ are no whole
            # hours apart: the common case, read without date arithmetic.
            return self._day(listed, "publishedAt", False)
        listed_at = self._instant(outer, "publishedAt", False)
        if listed_at is None:
            return None
        published_at = _quiet_instant(published)  # reported by map_item
        if published_at is not None and published_at - listed_at in _NOT_LISTING_SHIFTS:
            return None
        return self._date(listed_at)

    def map_items(self, items: list[Any], prefix: str) -> list[Paper]:
        """Map an array of items; non-objects are reported and skipped.

        Consumes ``items``, which must be the load's own decoded JSON: each item
        is released as soon as it is mapped. Freeing an item while it is still
        in the CPU cache, rather than the whole document afterwards from cold
        memory, saves about a third of the mapping time on large responses.
        """
        take = self.take
        self.prefix = prefix
        for position, item in enumerate(items):
            take(item, position)
            items[position] = None
        return self.papers

    def take(self, item: Any, position: int) -> None:
        """Map the array item at ``position`` onto ``papers``; a non-object is reported."""
        papers = self.papers
        self.index = len(papers)
        self.position = position
        if type(item) is dict:
            papers.append(self.map_item(item))
        else:
            where = f"{self.prefix}[{position}]"
            self.context.report(
                f"expected an object at {where}, got {_type_name(item)}",
                line=self.line,
                field=where,
            )


def _fail_without_objects(
    first: object, path: str, context: LoadContext, line: int | None
) -> NoReturn:
    """An array in which no item is an object is no listing, even leniently."""
    context.fail(
        f"expected an object at {path}[0], got {_type_name(first)}",
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
    page_date = _page_date(props, context, line)
    mapper = PaperMapper(context, line=line)
    items = props[key]
    if type(items) is not list:
        raise context.error(
            f"expected an array at $.{key}, got {_type_name(items)}", line=line, field=f"$.{key}"
        )
    first = items[0] if items else None
    papers = _with_page_date(mapper.map_items(items, f"$.{key}"), props, page_date)
    if items and not papers:
        _fail_without_objects(first, f"$.{key}", context, line)
    return context.listing(papers, format=format, title=title, date=page_date)


def _with_page_date(
    papers: list[Paper], props: dict[str, Any], page_date: datetime.date | None
) -> list[Paper]:
    """A day page's date is the listing date of its papers that name none."""
    if page_date is None or props.get("periodType") != "day":
        return papers
    return [
        paper if paper.listed is not None else attrs.evolve(paper, listed=page_date)
        for paper in papers
    ]


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


def stream_hydration(
    text: str,
    context: LoadContext,
    *,
    title: str | None = None,
    format: str = "json",
    line: int | None = None,
) -> Listing | dict[str, Any] | None:
    """Read a hydration object's papers as they are decoded (see _json_stream).

    Returns the Listing, exactly as listing_from_hydration would give it; or
    the whole decoded object when it holds no array of papers; or None, with
    no trace left in ``context``, when the text is not read this way (not
    well-formed, a strict-mode problem, an unusual shape): decoding the text
    whole then finds the answer, error or not.
    """
    start = skip_space(text, 0)
    if text[start : start + 1] != "{":
        return None
    mapper = PaperMapper(context, line=line)
    issues_before = len(context.issues)

    def start_array(key: str) -> Take | None:
        if key not in _HYDRATION_KEYS:
            return None
        mapper.prefix = f"$.{key}"
        return mapper.take

    try:
        end, members, key, count, first = read_object(text, start, start_array)
        if skip_space(text, end) != len(text):
            raise Malformed("data after the object")
    except (Malformed, ParseError):
        # A strict-mode problem, too: whole decoding raises the first one, in its order.
        del context.issues[issues_before:]
        return None
    if key is None:
        return members
    if (
        "paperlist" in members
        or next(k for k in _HYDRATION_KEYS if k == key or k in members) != key
    ):
        del context.issues[issues_before:]
        return None  # not a plain hydration object: dispatch on the whole of it
    page_date = _page_date(members, context, line)
    if len(context.issues) > issues_before and context.issues[-1].field == "$.dateString":
        # Whole decoding reports the page date before the items.
        context.issues.insert(issues_before, context.issues.pop())
    papers = _with_page_date(mapper.papers, members, page_date)
    if count and not papers:
        _fail_without_objects(first, f"$.{key}", context, line)
    return context.listing(papers, format=format, title=title, date=page_date)


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
    paper = mapper.map_item(props)
    return context.listing((paper,), format=format, title=title)


def load_json(text: str, context: LoadContext) -> Listing:
    """Read any JSON shape paperlist knows: API responses, hydration objects, its own."""
    start = skip_space(text, 0)
    document: Any = None
    if text.startswith("[", start):
        listing = _stream_top_array(text, start, context)
        if listing is not None:
            return listing
    elif text.startswith("{", start):
        streamed = stream_hydration(text, context)
        if isinstance(streamed, Listing):
            return streamed
        document = streamed
    if document is None:
        document = read_json(text, context)
    return _listing_from_document(document, context)


def _stream_top_array(text: str, start: int, context: LoadContext) -> Listing | None:
    """An API array's Papers, each item mapped as it is decoded (see _json_stream).

    None, with no trace left in ``context``, when the text is not one
    well-formed array: decoding it whole then names the error.
    """
    mapper = PaperMapper(context)
    issues_before = len(context.issues)
    try:
        end, count, first = stream_array(text, start, mapper.take)
        if skip_space(text, end) != len(text):
            raise Malformed("data after the array")
    except Malformed:
        del context.issues[issues_before:]
        return None
    except ParseError:
        # Strict mode stopped at an item. A text that is no JSON at all says so
        # first, as when the whole text is decoded before any item is mapped.
        read_json(text, context)
        raise
    if count and not mapper.papers:
        _fail_without_objects(first, "$", context, None)
    return context.listing(mapper.papers, format="json")


def _listing_from_document(document: Any, context: LoadContext) -> Listing:
    """The Listing of a decoded JSON document of any shape paperlist knows."""
    if type(document) is list:
        mapper = PaperMapper(context)
        first = document[0] if document else None
        papers = mapper.map_items(document, "$")
        if document and not papers:
            _fail_without_objects(first, "$", context, None)
        return context.listing(papers, format="json")
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
