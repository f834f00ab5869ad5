"""Paper and Issue: the values every other module builds or reads.

A leaf: it imports nothing of paperlist's, so every module may import it.
"""

from __future__ import annotations

import datetime
import operator
import warnings
from collections.abc import Iterable

import attrs

__all__ = ["PAPER_FIELDS", "Issue", "Paper"]

PAPER_URL_PREFIX = "https://huggingface.co/papers/"
ARXIV_ABS_PREFIX = "https://arxiv.org/abs/"
ARXIV_PDF_PREFIX = "https://arxiv.org/pdf/"
# What a Paper's repr shows besides its title: identity and counts, one line.
_REPR_FIELDS = ("arxiv_id", "published", "listed", "upvotes", "comments", "author_count")
_REPR_TITLE_LENGTH = 60
_COUNT_FIELDS = (
    "author_count", "upvotes", "comments", "github_stars",
    "linked_models", "linked_datasets", "linked_spaces",
)  # fmt: skip


def _optional_str_tuple(values: Iterable[str | None]) -> tuple[str | None, ...]:
    if type(values) is tuple:
        return values
    if isinstance(values, str):
        raise TypeError(f"expected a sequence of strings or None, got the string {values!r}")
    return tuple(values)


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    if type(values) is tuple:  # what loaders pass: nothing to convert
        return values
    # A bare string would otherwise become a tuple of characters.
    if isinstance(values, str):
        raise TypeError(f"expected a sequence of strings, got the string {values!r}")
    return tuple(values)


@attrs.frozen(repr=False)
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
    authors: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    author_count: int | None = None
    organization: str | None = None
    published: datetime.date | None = None
    listed: datetime.date | None = None
    upvotes: int | None = None
    comments: int | None = None
    repo_url: str | None = None
    mentioned_repo_urls: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    github_stars: int | None = None
    project_page: str | None = None
    ai_summary: str | None = None
    ai_keywords: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    organization_id: str | None = None
    submitted_by: str | None = None
    discussion_id: str | None = None
    author_users: tuple[str | None, ...] = attrs.field(default=(), converter=_optional_str_tuple)
    ai_summary_model: str | None = None
    linked_models: int | None = None
    linked_datasets: int | None = None
    linked_spaces: int | None = None

    def __attrs_post_init__(self) -> None:
        # One combined test keeps construction cheap; the loop that names the
        # culprit runs only when it fails.
        if (
            (self.author_count is not None and self.author_count < 0)
            or (self.upvotes is not None and self.upvotes < 0)
            or (self.comments is not None and self.comments < 0)
            or (self.github_stars is not None and self.github_stars < 0)
            or (self.linked_models is not None and self.linked_models < 0)
            or (self.linked_datasets is not None and self.linked_datasets < 0)
            or (self.linked_spaces is not None and self.linked_spaces < 0)
        ):
            for name in _COUNT_FIELDS:
                value = getattr(self, name)
                if value is not None and value < 0:
                    raise ValueError(f"{name} must be >= 0 or None, got {value}")

    def __reduce__(self) -> tuple[type[Paper], tuple[object, ...]]:
        # Pickled as its field values and rebuilt through the constructor: a
        # third of attrs' state protocol in size of work, which matters when
        # process pools send archives of papers back.
        return (Paper, _field_values(self))

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


PAPER_FIELDS: tuple[str, ...] = tuple(field.name for field in attrs.fields(Paper))
"""The names of Paper's fields, in order."""
_field_values = operator.attrgetter(*PAPER_FIELDS)


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
