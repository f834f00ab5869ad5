"""Filtering and sorting papers: the work behind Listing.filter and Listing.sort_by."""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Sequence
from typing import Any

from ._model import PAPER_FIELDS, Paper
from .query import Predicate, as_predicate

__all__ = ["filter_papers", "sort_papers"]


def filter_papers(
    papers: Sequence[Paper], predicates: Sequence[Predicate | Callable[[Paper], bool]]
) -> list[Paper]:
    """The papers satisfying every predicate, each predicate narrowing what the next tests."""
    if not predicates:
        return list(papers)
    combined = functools.reduce(operator.and_, (as_predicate(test) for test in predicates))
    return combined.select(papers)


def sort_papers(
    papers: Sequence[Paper], key: str | Callable[[Paper], Any], *, reverse: bool = False
) -> list[Paper]:
    """Stable sort; papers whose key is None go last in either direction."""
    if isinstance(key, str):
        if key not in PAPER_FIELDS:
            raise ValueError(
                f"no Paper field named {key!r}; expected one of {', '.join(PAPER_FIELDS)}"
            )
        key_of: Callable[[Paper], Any] = operator.attrgetter(key)
    elif callable(key):
        key_of = key
    else:
        raise TypeError(f"key must be a field name or a callable, not {type(key).__name__}")
    keyed = [(key_of(paper), paper) for paper in papers]
    known = [item for item in keyed if item[0] is not None]
    unknown = [paper for value, paper in keyed if value is None]
    known.sort(key=operator.itemgetter(0), reverse=reverse)
    return [paper for _, paper in known] + unknown
