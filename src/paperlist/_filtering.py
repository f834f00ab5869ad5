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
    papers: Sequence[Paper], keys: Sequence[str | Callable[[Paper], Any]], *, reverse: bool = False
) -> list[Paper]:
    """Stable sort by several keys; at every level, unknown (None) values go last.

    A key is a field name or a callable; a callable that returns a tuple
    gives one level per item. Levels are sorted from the last to the first,
    each pass stable, which is what one sort by the whole key would give if
    None could be ordered last in both directions.
    """
    if not keys:
        raise TypeError("sort_by() needs at least one key")
    getters = [_key_getter(key) for key in keys]
    keyed = [(_levels(paper, getters), paper) for paper in papers]
    depth = max((len(levels) for levels, _ in keyed), default=0)
    for level in reversed(range(depth)):
        known = [item for item in keyed if _at(item[0], level) is not None]
        unknown = [item for item in keyed if _at(item[0], level) is None]
        known.sort(key=lambda item: item[0][level], reverse=reverse)
        keyed = known + unknown
    return [paper for _, paper in keyed]


def _key_getter(key: str | Callable[[Paper], Any]) -> tuple[Callable[[Paper], Any], bool]:
    """(how to read the key, whether a tuple it returns spreads over levels)."""
    if isinstance(key, str):
        if key not in PAPER_FIELDS:
            raise ValueError(
                f"no Paper field named {key!r}; expected one of {', '.join(PAPER_FIELDS)}"
            )
        return operator.attrgetter(key), False  # authors: one level, a tuple
    if callable(key):
        return key, True
    raise TypeError(f"key must be a field name or a callable, not {type(key).__name__}")


def _levels(paper: Paper, getters: list[tuple[Callable[[Paper], Any], bool]]) -> tuple[Any, ...]:
    """The paper's sort key, one item per level: a callable's tuple spreads over levels."""
    levels: list[Any] = []
    for getter, spreads in getters:
        value = getter(paper)
        if spreads and type(value) is tuple:
            levels.extend(value)
        else:
            levels.append(value)
    return tuple(levels)


def _at(levels: tuple[Any, ...], level: int) -> Any:
    return levels[level] if level < len(levels) else None
