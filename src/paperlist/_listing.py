"""Listing: the papers of one page with its provenance, and the conveniences on them.

The work behind each convenience lives in a module of its own (``_filtering``,
``_export``, ``_bibtex``, ``_frames``, ``_merging``) that knows Papers, not Listings: imports point
down, from here to them and from them to ``_model``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

import attrs

from ._bibtex import to_bibtex
from ._export import to_html_table, to_records
from ._filtering import filter_papers, sort_papers
from ._frames import arrow_schema, to_arrow, to_pandas
from ._merging import merge_papers
from ._model import Issue, Paper
from .query import Predicate

__all__ = ["Listing", "merge_listings"]


def _paper_tuple(values: Iterable[Paper]) -> tuple[Paper, ...]:
    return tuple(values)


def _issue_tuple(values: Iterable[Issue]) -> tuple[Issue, ...]:
    return tuple(values)


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
        count = len(self.papers)
        parts = [f"{count} paper" if count == 1 else f"{count} papers"]
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
        return self._derive(filter_papers(self.papers, predicates))

    def sort_by(self, *keys: str | Callable[[Paper], Any], reverse: bool = False) -> Listing:
        """Sort the papers by field names or key functions, the first key first.

        ``sort_by("listed", "upvotes", reverse=True)`` sorts by listing day, then
        by upvotes within a day. A key function may return a tuple, one level per
        item. At every level, unknown (None) values go last in either direction;
        the sort is stable.

        Raises:
            ValueError: when a key names no field of Paper.
            TypeError: when no key is given, or a key is neither a name nor a callable.
        """
        return self._derive(sort_papers(self.papers, keys, reverse=reverse))

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per paper: fields in order plus ``url``; tuples become lists."""
        return to_records(self.papers)

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame``, one row per paper, with the same columns for every source.

        Columns are ``to_records()``'s: text as pandas' ``string`` dtype (``arxiv_id``
        included, so ids stay text), counts as nullable ``Int64``, ``published`` and
        ``listed`` as ``datetime64[s]`` (any calendar date fits; pandas' own unit
        for dates), lists as Python lists. Unknown values are NA.

        Raises:
            ImportError: pandas is not installed (``pip install 'paperlist[pandas]'``).
        """
        return to_pandas(self.papers)

    def to_arrow(self) -> Any:
        """A ``pyarrow.Table`` with ``Listing.arrow_schema()``, whatever the input format.

        Tables of any listings concatenate; ``polars.from_arrow`` reads them.

        Raises:
            ImportError: pyarrow is not installed (``pip install 'paperlist[arrow]'``).
        """
        return to_arrow(self.papers)

    @staticmethod
    def arrow_schema() -> Any:
        """The ``pyarrow.Schema`` of ``to_arrow()``: strings, ``list<string>``, int64, date32."""
        return arrow_schema()

    def to_bibtex(self) -> str:
        """One ``@misc`` BibTeX entry per paper that has an arXiv id, with unique keys.

        Each entry has the arXiv ``eprint``, ``doi`` and ``url``, ``year`` and ``month``
        of the arXiv date, and braces around title words with inner capitals (``{LLMs}``)
        so that styles keep them; inline TeX math in titles is kept as math.
        """
        return to_bibtex(self.papers)

    def merge(self, *others: Listing) -> Listing:
        """Combine this listing with others, one paper per arXiv id (else per title).

        For a paper seen more than once, known values win over unknown ones. Of
        two known counts (upvotes, comments, stars), which only grow, the larger
        wins. Of other known values, the one from the listing with the later
        ``date`` wins (undated listings count as oldest); between listings of the
        same or no date, the longer text or list, then the greater value. So the
        papers do not depend on the order of the listings.
        """
        for listing in others:
            if not isinstance(listing, Listing):
                raise TypeError(f"merge() takes Listings, not {type(listing).__name__}")
        return merge_listings((self, *others))

    def _repr_html_(self) -> str:
        return to_html_table(self.papers, caption=repr(self))


def merge_listings(listings: Iterable[Listing], *, keep_issues: bool = False) -> Listing:
    """The merge of ``listings``, consumed one at a time (see Listing.merge).

    With ``keep_issues``, the result keeps every listing's issues, each naming
    the source it came from.
    """
    title: str | None = None
    dates: list[datetime.date] = []
    formats: set[str | None] = set()
    sources: set[str | None] = set()
    issues: list[Issue] = []

    def papers_and_dates() -> Iterator[tuple[Sequence[Paper], datetime.date | None]]:
        nonlocal title
        for listing in listings:
            if title is None:
                title = listing.title
            if listing.date is not None:
                dates.append(listing.date)
            formats.add(listing.format)
            sources.add(listing.source)
            if keep_issues:
                issues.extend(_with_source(listing.issues, listing.source))
            yield listing.papers, listing.date

    papers = merge_papers(papers_and_dates())
    return Listing(
        papers,
        title=title,
        date=max(dates, default=None),
        format=_common(formats),
        source=_common(sources),
        issues=issues,
    )


def _with_source(issues: Sequence[Issue], source: str | None) -> Iterator[Issue]:
    for issue in issues:
        yield issue if issue.source is not None else attrs.evolve(issue, source=source)


def _common(distinct: set[str | None]) -> str | None:
    """The one value every listing shares, or None."""
    return next(iter(distinct)) if len(distinct) == 1 else None
