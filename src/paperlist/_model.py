"""The data model: Paper, Issue and Listing. No parsing and no I/O here."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

import attrs

if TYPE_CHECKING:
    from .query import Predicate

__all__ = ["Issue", "Listing", "Paper"]

PAPER_URL_PREFIX = "https://huggingface.co/papers/"


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    # A bare string would otherwise become a tuple of characters.
    if isinstance(values, str):
        raise TypeError(f"expected a sequence of strings, got the string {values!r}")
    return tuple(values)


def _paper_tuple(values: Iterable[Paper]) -> tuple[Paper, ...]:
    return tuple(values)


def _issue_tuple(values: Iterable[Issue]) -> tuple[Issue, ...]:
    return tuple(values)


@attrs.frozen
class Paper:
    """One paper as shown on a Daily Papers page.

    ``None`` always means the source did not say; ``0`` means zero.
    ``published`` is the paper's own (arXiv) date, ``listed`` the day it was
    listed on Daily Papers.
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
    repo_urls: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    github_stars: int | None = None
    project_page: str | None = None
    ai_summary: str | None = None
    ai_keywords: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)

    def __attrs_post_init__(self) -> None:
        # One combined test keeps construction cheap on the loaders' hot path;
        # the loop that names the culprit runs only when it fails.
        if (
            (self.author_count is not None and self.author_count < 0)
            or (self.upvotes is not None and self.upvotes < 0)
            or (self.comments is not None and self.comments < 0)
            or (self.github_stars is not None and self.github_stars < 0)
        ):
            for name in ("author_count", "upvotes", "comments", "github_stars"):
                value = getattr(self, name)
                if value is not None and value < 0:
                    raise ValueError(f"{name} must be >= 0 or None, got {value}")

    @property
    def url(self) -> str | None:
        """The paper's page on Hugging Face, or None without an arXiv id."""
        if self.arxiv_id is None:
            return None
        return PAPER_URL_PREFIX + self.arxiv_id

    @property
    def repo_url(self) -> str | None:
        """The first repository link, or None."""
        return self.repo_urls[0] if self.repo_urls else None


PAPER_FIELDS: tuple[str, ...] = tuple(field.name for field in attrs.fields(Paper))
"""The names of Paper's fields, in order."""


def _make_trusted_constructor() -> Callable[..., Paper]:
    """A Paper constructor for loaders that skips conversion and validation.

    Loaders already hand over tuples and counts >= 0; setting the slots
    directly saves about half of attrs' __init__ on their hot path. Tests check
    that it builds values equal to Paper(...).
    """
    names = PAPER_FIELDS
    setters = {f"_set_{name}": Paper.__dict__[name].__set__ for name in names}
    source = (
        f"def trusted_paper({', '.join(names)}):\n"
        "    paper = _new(_Paper)\n"
        + "".join(f"    _set_{name}(paper, {name})\n" for name in names)
        + "    return paper\n"
    )
    namespace: dict[str, Any] = {"_new": object.__new__, "_Paper": Paper, **setters}
    exec(source, namespace)
    constructor: Callable[..., Paper] = namespace["trusted_paper"]
    return constructor


trusted_paper = _make_trusted_constructor()


@attrs.frozen
class Issue:
    """A problem met while loading in lenient mode; the data around it was kept.

    Attributes:
        message: what was expected and what was found.
        line: 1-based line in the input, or None (JSON mapping problems).
        column: 1-based column, or None.
        field: the Paper field or JSON path concerned, or None.
        index: position of the concerned paper in ``Listing.papers``, or None.
    """

    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None
    index: int | None = None

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
            if self.column is not None:
                where.append(f"column {self.column}")
        if self.index is not None:
            where.append(f"paper {self.index}")
        if self.field is not None:
            where.append(f"field {self.field}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


@attrs.frozen(repr=False)
class Listing(Sequence[Paper]):
    """An immutable sequence of papers read from one page, with the page's provenance.

    Slicing and filtering keep ``title``, ``date``, ``format`` and ``source``;
    the derived listing has no ``issues``.
    """

    papers: tuple[Paper, ...] = attrs.field(default=(), converter=_paper_tuple)
    title: str | None = None
    date: datetime.date | None = None
    format: str | None = None
    source: str | None = None
    issues: tuple[Issue, ...] = attrs.field(default=(), converter=_issue_tuple)

    def __len__(self) -> int:
        return len(self.papers)

    def __iter__(self) -> Iterator[Paper]:
        return iter(self.papers)

    @overload
    def __getitem__(self, index: int) -> Paper: ...

    @overload
    def __getitem__(self, index: slice) -> Listing: ...

    def __getitem__(self, index: int | slice) -> Paper | Listing:
        if isinstance(index, slice):
            return self._derive(self.papers[index])
        return self.papers[index]

    def __contains__(self, item: object) -> bool:
        return item in self.papers

    def __repr__(self) -> str:
        parts = [f"{len(self.papers)} papers"]
        if self.title is not None:
            parts.append(f"title={self.title!r}")
        if self.date is not None:
            parts.append(f"date={self.date.isoformat()}")
        if self.format is not None:
            parts.append(f"format={self.format!r}")
        if self.source is not None:
            parts.append(f"source={self.source!r}")
        if self.issues:
            parts.append(f"{len(self.issues)} issues")
        return f"Listing({', '.join(parts)})"

    def _derive(self, papers: Sequence[Paper]) -> Listing:
        return Listing(papers, self.title, self.date, self.format, self.source, ())

    def filter(self, *predicates: Predicate | Callable[[Paper], bool]) -> Listing:
        """Keep the papers that satisfy every predicate.

        Args:
            *predicates: ``paperlist.query`` predicates or plain callables.

        Returns:
            A Listing with the same provenance and no issues.
        """
        from ._filtering import filter_papers

        return self._derive(filter_papers(self.papers, predicates))

    def sort_by(self, key: str | Callable[[Paper], Any], *, reverse: bool = False) -> Listing:
        """Sort the papers by a field name or a key function; unknown (None) values go last.

        The sort is stable, and papers whose key is None stay last in either direction.

        Raises:
            ValueError: when ``key`` names no field of Paper.
        """
        from ._filtering import sort_papers

        return self._derive(sort_papers(self.papers, key, reverse=reverse))

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per paper: fields in order plus ``url``; tuples become lists."""
        from ._export import to_records

        return to_records(self.papers)

    def to_bibtex(self) -> str:
        """One ``@misc`` BibTeX entry per paper that has an arXiv id."""
        from ._export import to_bibtex

        return to_bibtex(self.papers)

    def merge(self, *others: Listing) -> Listing:
        """Combine this listing with others, one paper per arXiv id (else per title).

        For a paper seen more than once, known values win over unknown ones, and
        between two known values the one from the listing with the later ``date``
        (the later argument on ties or unknown dates) wins.
        """
        from ._merging import merge_listings

        return merge_listings((self, *others))

    def _repr_html_(self) -> str:
        from ._export import to_html_table

        return to_html_table(self)
