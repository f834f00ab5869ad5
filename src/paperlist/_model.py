"""Paper and Issue: the values every other module builds or reads.

A leaf: it imports nothing of paperlist's, so every module may import it.
"""

from __future__ import annotations

import datetime
import functools
import operator
import typing
import warnings
from collections.abc import Callable, Iterable

import attrs

__all__ = ["PAPER_FIELDS", "Issue", "Paper", "field_types", "field_values"]

PAPER_URL_PREFIX = "https://huggingface.co/papers/"
ARXIV_ABS_PREFIX = "https://arxiv.org/abs/"
ARXIV_PDF_PREFIX = "https://arxiv.org/pdf/"
# What a Paper's repr shows besides its title: identity and counts, one line.
_REPR_FIELDS = ("arxiv_id", "published", "listed", "upvotes", "comments", "author_count")
_REPR_TITLE_LENGTH = 60
_STRING_OR_NONE = frozenset({str, type(None)})
_T = typing.TypeVar("_T")


def _sequence(values: Iterable[_T], field: str, of: str = "strings") -> tuple[_T, ...]:
    """A tuple from any iterable but a string; its elements are checked after."""
    # A bare string would otherwise become a tuple of characters.
    if isinstance(values, str):
        raise TypeError(f"{field}: expected a sequence of {of}, got the string {values!r}")
    return tuple(values)


# One converter per tuple field, so that an error names the field. Loaders
# pass tuples, which cost one test.
def _authors(values: Iterable[str]) -> tuple[str, ...]:
    return values if type(values) is tuple else _sequence(values, "authors")


def _mentioned_repo_urls(values: Iterable[str]) -> tuple[str, ...]:
    return values if type(values) is tuple else _sequence(values, "mentioned_repo_urls")


def _ai_keywords(values: Iterable[str]) -> tuple[str, ...]:
    return values if type(values) is tuple else _sequence(values, "ai_keywords")


def _author_users(values: Iterable[str | None]) -> tuple[str | None, ...]:
    return values if type(values) is tuple else _sequence(values, "author_users", "strings or None")


def _described(value: object) -> str:
    """A wrong value as an error message shows it: its type, then a short repr."""
    shown = repr(value)
    if len(shown) > _REPR_TITLE_LENGTH:
        shown = shown[: _REPR_TITLE_LENGTH - 1] + "…"
    return f"{type(value).__name__} {shown}"


# Without slots: attrs then sets a frozen instance's fields straight into its
# __dict__ rather than through object.__setattr__: a third of construction's cost,
# which pays for the type checks in __attrs_post_init__.
# Final: __attrs_post_init__ unpacks exactly these fields from __dict__.
@typing.final
@attrs.frozen(repr=False, slots=False)
class Paper:
    """One paper as shown on a Daily Papers page.

    ``None`` always means the source did not say; ``0`` means zero.
    ``published`` is the paper's own (arXiv) date, ``listed`` the day it was
    listed on Daily Papers. ``repo_url`` is the repository the source declares
    for the paper (the API's ``githubRepo``, a card's GitHub link);
    ``mentioned_repo_urls`` are the others its text names, such as a baseline's.
    ``organization`` is the organisation's display name, ``organization_id`` its
    handle on Hugging Face; ``submitted_by`` the handle of whoever listed the
    paper; ``author_users`` the Hugging Face handle of each author, aligned
    with ``authors`` (None where unknown), or empty when the source names none.
    ``linked_models``, ``linked_datasets`` and ``linked_spaces`` count the
    repositories on the Hub that cite the paper, where the source says.
    """

    title: str
    arxiv_id: str | None = None
    abstract: str | None = None
    authors: tuple[str, ...] = attrs.field(default=(), converter=_authors)
    author_count: int | None = None
    organization: str | None = None
    published: datetime.date | None = None
    listed: datetime.date | None = None
    upvotes: int | None = None
    comments: int | None = None
    repo_url: str | None = None
    mentioned_repo_urls: tuple[str, ...] = attrs.field(default=(), converter=_mentioned_repo_urls)
    github_stars: int | None = None
    project_page: str | None = None
    ai_summary: str | None = None
    ai_keywords: tuple[str, ...] = attrs.field(default=(), converter=_ai_keywords)
    organization_id: str | None = None
    submitted_by: str | None = None
    discussion_id: str | None = None
    author_users: tuple[str | None, ...] = attrs.field(default=(), converter=_author_users)
    ai_summary_model: str | None = None
    linked_models: int | None = None
    linked_datasets: int | None = None
    linked_spaces: int | None = None

    def __attrs_post_init__(self) -> None:
        # Exact-type tests in one expression, no Python loop: this runs for every
        # paper a loader builds. _check_fields, which names the wrong field (and
        # accepts subclasses of str and int), runs only when a test fails.
        (
            title,
            arxiv_id,
            abstract,
            authors,
            author_count,
            organization,
            published,
            listed,
            upvotes,
            comments,
            repo_url,
            mentioned_repo_urls,
            github_stars,
            project_page,
            ai_summary,
            ai_keywords,
            organization_id,
            submitted_by,
            discussion_id,
            author_users,
            ai_summary_model,
            linked_models,
            linked_datasets,
            linked_spaces,
        ) = self.__dict__.values()  # attrs stores the fields in their order
        try:
            # join() raises TypeError unless every element is a string.
            "".join(authors), "".join(mentioned_repo_urls), "".join(ai_keywords)
        except TypeError:
            _check_fields(self)
        if not (
            type(title) is str
            and (arxiv_id is None or type(arxiv_id) is str)
            and (abstract is None or type(abstract) is str)
            and (organization is None or type(organization) is str)
            and (repo_url is None or type(repo_url) is str)
            and (project_page is None or type(project_page) is str)
            and (ai_summary is None or type(ai_summary) is str)
            and (organization_id is None or type(organization_id) is str)
            and (submitted_by is None or type(submitted_by) is str)
            and (discussion_id is None or type(discussion_id) is str)
            and (ai_summary_model is None or type(ai_summary_model) is str)
            and (published is None or type(published) is datetime.date)
            and (listed is None or type(listed) is datetime.date)
            and (author_count is None or (type(author_count) is int and author_count >= 0))
            and (upvotes is None or (type(upvotes) is int and upvotes >= 0))
            and (comments is None or (type(comments) is int and comments >= 0))
            and (github_stars is None or (type(github_stars) is int and github_stars >= 0))
            and (linked_models is None or (type(linked_models) is int and linked_models >= 0))
            and (linked_datasets is None or (type(linked_datasets) is int and linked_datasets >= 0))
            and (linked_spaces is None or (type(linked_spaces) is int and linked_spaces >= 0))
            and (not author_users or {*map(type, author_users)} <= _STRING_OR_NONE)
        ):  # fmt: skip
            _check_fields(self)

    def __reduce__(self) -> tuple[type[Paper], tuple[object, ...]]:
        # Pickled as its field values and rebuilt through the constructor: a
        # third of attrs' state protocol in size of work, which matters when
        # process pools send archives of papers back.
        return (Paper, field_values(self))

    @property
    def url(self) -> str | None:
        """The paper's page on Hugging Face, or None without an arXiv id."""
        if self.arxiv_id is None:
            return None
        return PAPER_URL_PREFIX + self.arxiv_id

    @property
    def arxiv_url(self) -> str | None:
        """The paper's abstract page on arXiv, or None without an arXiv id."""
        return None if self.arxiv_id is None else ARXIV_ABS_PREFIX + self.arxiv_id

    @property
    def pdf_url(self) -> str | None:
        """The paper's PDF on arXiv, or None without an arXiv id."""
        return None if self.arxiv_id is None else ARXIV_PDF_PREFIX + self.arxiv_id

    def __repr__(self) -> str:
        """One line: the title, shortened, then the id, dates and counts that are known."""
        title = self.title
        if len(title) > _REPR_TITLE_LENGTH:
            title = title[: _REPR_TITLE_LENGTH - 1] + "…"
        parts = [repr(title)]
        for name in _REPR_FIELDS:
            value = getattr(self, name)
            if value is not None:
                shown = value.isoformat() if isinstance(value, datetime.date) else repr(value)
                parts.append(f"{name}={shown}")
        return f"Paper({', '.join(parts)})"

    @property
    def repo_urls(self) -> tuple[str, ...]:
        """Deprecated: the declared repository, then the mentioned ones.

        Use ``repo_url`` (the paper's own repository) and ``mentioned_repo_urls``.
        """
        warnings.warn(
            "Paper.repo_urls is deprecated: use repo_url (the paper's own repository) "
            "and mentioned_repo_urls (those its text names)",
            DeprecationWarning,
            stacklevel=2,
        )
        declared = () if self.repo_url is None else (self.repo_url,)
        return declared + self.mentioned_repo_urls


def _check_fields(paper: Paper) -> None:
    """Raise TypeError or ValueError naming the first field holding a wrong value."""
    for name, (kinds, in_tuple) in field_types().items():
        value = getattr(paper, name)
        for element in value if in_tuple else (value,):
            _check_value(name, element, kinds, in_tuple)


def _check_value(name: str, value: object, kinds: tuple[type, ...], in_tuple: bool) -> None:
    # bool is an int, and datetime a date, but neither is a count or a day.
    if isinstance(value, (bool, datetime.datetime)) or not isinstance(value, kinds):
        expected = " or ".join("None" if kind is type(None) else kind.__name__ for kind in kinds)
        whose = "elements of type " if in_tuple else ""
        raise TypeError(f"{name}: expected {whose}{expected}, got {_described(value)}")
    if isinstance(value, int) and value < 0:
        raise ValueError(f"{name} must be >= 0 or None, got {value}")


@functools.cache
def field_types() -> dict[str, tuple[tuple[type, ...], bool]]:
    """Each field's accepted types, read from its annotation, and whether they are
    those of a tuple's elements: ``str | None`` gives ((str, NoneType), False),
    ``tuple[str, ...]`` ((str,), True)."""
    accepted = {}
    for field in attrs.fields(attrs.resolve_types(Paper)):
        in_tuple = typing.get_origin(field.type) is tuple
        kind = typing.get_args(field.type)[0] if in_tuple else field.type
        accepted[field.name] = (typing.get_args(kind) or (kind,), in_tuple)
    return accepted


PAPER_FIELDS: tuple[str, ...] = tuple(field.name for field in attrs.fields(Paper))
"""The names of Paper's fields, in order."""
field_values: Callable[[Paper], tuple[typing.Any, ...]] = operator.attrgetter(*PAPER_FIELDS)
"""A paper's field values, in PAPER_FIELDS order."""


@attrs.frozen
class Issue:
    """A problem met while loading in lenient mode; the data around it was kept.

    Attributes:
        message: what was expected and what was found.
        line: 1-based line in the input, or None (JSON mapping problems).
        column: 1-based column, or None.
        field: the Paper field or JSON path concerned, or None.
        index: position of the concerned paper in ``Listing.papers``, or None.
        source: the file or URL the issue was met in, where a listing gathers
            several (``load_many``); ``index`` then counts in that file's listing.
    """

    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None
    index: int | None = None
    source: str | None = None

    def __str__(self) -> str:
        where = [] if self.source is None else [self.source]
        if self.line is not None:
            where.append(f"line {self.line}")
            if self.column is not None:
                where.append(f"column {self.column}")
        if self.index is not None:
            where.append(f"paper {self.index}")
        if self.field is not None:
            where.append(f"field {self.field}")
        return f"{', '.join(where)}: {self.message}" if where else self.message
