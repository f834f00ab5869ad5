"""Merging listings: one paper per arXiv id (else per normalised title)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from ._model import PAPER_FIELDS, Paper

__all__ = ["merge_papers"]


def _is_known(value: object) -> bool:
    return value is not None and value != ()


# Counts that only grow on the site: the larger known value is the newer one.
_GROWING = frozenset({"upvotes", "comments", "github_stars"})


def _rank(value: Any, date: datetime.date | None) -> tuple[Any, ...]:
    """How strongly a known value from a listing dated ``date`` claims its field.

    A value from a later-dated listing beats one from an earlier or undated
    listing; among equals, the longer text or list (a full abstract over a
    shortened one), then the greater value. A total order on distinct values,
    so the result does not depend on the order listings are merged in.
    """
    size = len(value) if isinstance(value, (str, tuple)) else 0
    if isinstance(value, tuple):  # author_users may hold None: known handles first
        known = sum(item is not None for item in value)
        value = (known, tuple("" if item is None else item for item in value))
    return (date is not None, date or datetime.date.min, size, value)


class _Merged:
    """One paper being merged, with the date of the listing each field came from.

    A paper seen once, as most are, is kept as it is: its values are taken
    apart only when a second copy comes.
    """

    __slots__ = ("dates", "first", "first_date", "values")

    def __init__(self, paper: Paper, date: datetime.date | None) -> None:
        self.first: Paper | None = paper
        self.first_date = date
        # Filled by the first absorb: most papers never need them.
        self.values: dict[str, Any]
        self.dates: dict[str, datetime.date | None]

    def value(self, name: str) -> Any:
        return getattr(self.first, name) if self.first is not None else self.values[name]

    def absorb(self, paper: Paper, date: datetime.date | None) -> None:
        if self.first is not None:
            self.values = {name: getattr(self.first, name) for name in PAPER_FIELDS}
            self.dates = dict.fromkeys(PAPER_FIELDS, self.first_date)
            self.first = None
        for name in PAPER_FIELDS:
            value = getattr(paper, name)
            if not _is_known(value):
                continue
            current = self.values[name]
            if not _is_known(current) or (
                value > current
                if name in _GROWING
                else _rank(value, date) > _rank(current, self.dates[name])
            ):
                self.values[name] = value
                self.dates[name] = date

    def paper(self) -> Paper:
        return self.first if self.first is not None else Paper(**self.values)


def merge_papers(
    sources: Iterable[tuple[Sequence[Paper], datetime.date | None]],
) -> tuple[Paper, ...]:
    """One paper per arXiv id (else title) from (papers, listing date) pairs in order.

    See Listing.merge for the rules.
    """
    merged: list[_Merged] = []
    by_id: dict[str, _Merged] = {}
    by_title: dict[str, _Merged] = {}
    for papers, date in sources:
        for paper in papers:
            arxiv_id = paper.arxiv_id
            title_key = " ".join(paper.title.casefold().split())
            found = by_id.get(arxiv_id) if arxiv_id is not None else None
            if found is None and title_key in by_title:
                found = _same_title(by_title[title_key], arxiv_id)
            if found is None:  # the common case: a paper not seen before
                found = _Merged(paper, date)
                merged.append(found)
            else:
                found.absorb(paper, date)
                arxiv_id = found.value("arxiv_id")
            if arxiv_id is not None:
                by_id[arxiv_id] = found
            if title_key:
                by_title.setdefault(title_key, found)
    return tuple(item.paper() for item in merged)


def _same_title(found: _Merged, arxiv_id: str | None) -> _Merged | None:
    """The paper of the same title, unless both have arXiv ids and they differ."""
    if arxiv_id is None:
        return found
    known_id = found.value("arxiv_id")
    return None if known_id is not None and known_id != arxiv_id else found
