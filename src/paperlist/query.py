"""Composable, picklable predicates over Papers.

Each helper returns a ``Predicate``: call it on a Paper, combine it with
``&``, ``|`` and ``~``, pickle it to another process. A paper whose date,
author count or upvotes are unknown never matches a bound on them (``~`` is
plain negation, so it matches the negation).

    >>> from paperlist.query import has_repo, min_authors
    >>> has_repo() & min_authors(3)
    has_repo() & min_authors(3)
"""

from __future__ import annotations

import abc
import datetime
import operator
import re
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Literal

import attrs

from ._dates import date_argument
from ._model import Paper

__all__ = [
    "Predicate",
    "has_repo",
    "keyword",
    "listed_between",
    "max_authors",
    "min_authors",
    "min_upvotes",
    "published_between",
]

DateLike = datetime.date | str
KeywordField = Literal["title", "abstract", "ai_summary", "ai_keywords", "authors", "organization"]
KEYWORD_FIELDS: tuple[str, ...] = (
    "title",
    "abstract",
    "ai_summary",
    "ai_keywords",
    "authors",
    "organization",
)

# Operator precedence, for parentheses in reprs: ~ binds tighter than &, & than |.
_OR, _AND, _ATOM = 1, 2, 3


class Predicate(abc.ABC):
    """A test on a Paper; combine with ``&``, ``|`` and ``~``.

    Predicates are immutable, hashable and picklable. Calling one tests one
    paper; ``select`` tests a sequence, where each kind of predicate runs its
    own comprehension instead of one call per paper.
    """

    __slots__ = ()

    @abc.abstractmethod
    def __call__(self, paper: Paper) -> bool:
        """Whether ``paper`` satisfies this predicate."""

    def select(self, papers: Sequence[Paper]) -> list[Paper]:
        """The papers that satisfy this predicate, in order."""
        return [paper for paper in papers if self(paper)]

    def __and__(self, other: Predicate) -> Predicate:
        if not isinstance(other, Predicate):
            return NotImplemented
        return _And((*_operands(self, _And), *_operands(other, _And)))

    def __or__(self, other: Predicate) -> Predicate:
        if not isinstance(other, Predicate):
            return NotImplemented
        return _Or((*_operands(self, _Or), *_operands(other, _Or)))

    def __invert__(self) -> Predicate:
        return _Not(self)

    def _precedence(self) -> int:
        return _ATOM


def _operands(predicate: Predicate, kind: type[_Chain]) -> tuple[Predicate, ...]:
    """A chain's operands, so that ``a & b & c`` is one flat chain of any length."""
    return predicate.operands if isinstance(predicate, kind) else (predicate,)


def _ids(papers: Sequence[Paper]) -> set[int]:
    # Identity, not equality: hashing a Paper hashes every field.
    return {id(paper) for paper in papers}


# -- combinators -----------------------------------------------------------------


@attrs.frozen(repr=False)
class _Chain(Predicate):
    """Operands joined by one operator; subclasses name it."""

    operands: tuple[Predicate, ...]

    symbol: ClassVar[str]
    level: ClassVar[int]

    def _precedence(self) -> int:
        return self.level

    def __repr__(self) -> str:
        first, *rest = self.operands
        parts = [_wrap(first, self.level)]
        parts.extend(_wrap(operand, self.level + 1) for operand in rest)
        return f" {self.symbol} ".join(parts)


@attrs.frozen(repr=False)
class _And(_Chain):
    symbol = "&"
    level = _AND

    def __call__(self, paper: Paper) -> bool:
        return all(operand(paper) for operand in self.operands)

    def select(self, papers: Sequence[Paper]) -> list[Paper]:
        # Each operand narrows what the next one tests.
        chosen = list(papers)
        for operand in self.operands:
            chosen = operand.select(chosen)
        return chosen


@attrs.frozen(repr=False)
class _Or(_Chain):
    symbol = "|"
    level = _OR

    def __call__(self, paper: Paper) -> bool:
        return any(operand(paper) for operand in self.operands)

    def select(self, papers: Sequence[Paper]) -> list[Paper]:
        chosen: set[int] = set()
        for operand in self.operands:
            chosen |= _ids(operand.select(papers))
        return [paper for paper in papers if id(paper) in chosen]


@attrs.frozen(repr=False)
class _Not(Predicate):
    operand: Predicate

    def __call__(self, paper: Paper) -> bool:
        return not self.operand(paper)

    def select(self, papers: Sequence[Paper]) -> list[Paper]:
        rejected = _ids(self.operand.select(papers))
        return [paper for paper in papers if id(paper) not in rejected]

    def __invert__(self) -> Predicate:
        return self.operand

    def __repr__(self) -> str:
        return f"~{_wrap(self.operand, _ATOM)}"


def _wrap(predicate: Predicate, minimum: int) -> str:
    text = repr(predicate)
    return f"({text})" if predicate._precedence() < minimum else text


@attrs.frozen(repr=False)
class _Callable(Predicate):
    """A plain callable given to ``Listing.filter``."""

    function: Callable[[Paper], object]

    def __call__(self, paper: Paper) -> bool:
        return bool(self.function(paper))

    def __repr__(self) -> str:
        return repr(self.function)


# -- bounds ----------------------------------------------------------------------


@attrs.frozen(repr=False)
class _Bound(Predicate):
    """``low <= paper.<field> <= high``; None leaves a side open; unknown never matches."""

    helper: str
    field: str
    low: Any
    high: Any

    def __call__(self, paper: Paper) -> bool:
        value = getattr(paper, self.field)
        return (
            value is not None
            and (self.low is None or self.low <= value)
            and (self.high is None or value <= self.high)
        )

    def select(self, papers: Sequence[Paper]) -> list[Paper]:
        value_of = operator.attrgetter(self.field)
        low, high = self.low, self.high
        if high is None:
            if low is None:
                return [paper for paper in papers if value_of(paper) is not None]
            return [p for p in papers if (value := value_of(p)) is not None and low <= value]
        if low is None:
            return [p for p in papers if (value := value_of(p)) is not None and value <= high]
        return [p for p in papers if (value := value_of(p)) is not None and low <= value <= high]

    def __repr__(self) -> str:
        if self.helper.endswith("_between"):
            low = None if self.low is None else self.low.isoformat()
            high = None if self.high is None else self.high.isoformat()
            return f"{self.helper}({low!r}, {high!r})"
        bound = self.low if self.low is not None else self.high
        return f"{self.helper}({bound!r})"


def _as_date(value: DateLike | None, name: str) -> datetime.date | None:
    return None if value is None else date_argument(value, name)


def _as_count(value: int, name: str) -> int:
    if type(value) is not int:
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must be >= 0, got {value}")
    return value


def published_between(start: DateLike | None = None, end: DateLike | None = None) -> Predicate:
    """Papers whose own (arXiv) date lies from ``start`` to ``end``, both inclusive.

    Args:
        start: a ``date``, ``datetime`` or ``YYYY-MM-DD`` string; None leaves it open.
        end: likewise.
    """
    return _Bound("published_between", "published", _as_date(start, "start"), _as_date(end, "end"))


def listed_between(start: DateLike | None = None, end: DateLike | None = None) -> Predicate:
    """Papers listed on Daily Papers from ``start`` to ``end``, both inclusive."""
    return _Bound("listed_between", "listed", _as_date(start, "start"), _as_date(end, "end"))


def min_authors(n: int) -> Predicate:
    """Papers with at least ``n`` authors (unknown counts never match)."""
    return _Bound("min_authors", "author_count", _as_count(n, "n"), None)


def max_authors(n: int) -> Predicate:
    """Papers with at most ``n`` authors (unknown counts never match)."""
    return _Bound("max_authors", "author_count", None, _as_count(n, "n"))


def min_upvotes(n: int) -> Predicate:
    """Papers with at least ``n`` upvotes (unknown counts never match)."""
    return _Bound("min_upvotes", "upvotes", _as_count(n, "n"), None)


# -- repositories ----------------------------------------------------------------


@attrs.frozen(repr=False)
class _HasRepo(Predicate):
    host: str | None
    include_mentions: bool = False

    def _urls(self, paper: Paper) -> tuple[str, ...]:
        declared = () if paper.repo_url is None else (paper.repo_url,)
        return declared + paper.mentioned_repo_urls if self.include_mentions else declared

    def __call__(self, paper: Paper) -> bool:
        if self.host is None:
            return bool(self._urls(paper))
        # Canonical repository URLs all read "https://<host>/owner/name".
        prefix = f"https://{self.host}/"
        return any(url.startswith(prefix) for url in self._urls(paper))

    def select(self, papers: Sequence[Paper]) -> list[Paper]:
        if self.host is None and not self.include_mentions:
            return [paper for paper in papers if paper.repo_url is not None]
        return [paper for paper in papers if self(paper)]

    def __repr__(self) -> str:
        arguments = [] if self.host is None else [repr(self.host)]
        if self.include_mentions:
            arguments.append("include_mentions=True")
        return f"has_repo({', '.join(arguments)})"


def has_repo(host: str | None = None, *, include_mentions: bool = False) -> Predicate:
    """Papers with their own code repository, on ``host`` (e.g. ``"github.com"``) if given.

    Args:
        host: only repositories on this host.
        include_mentions: count the repositories a paper's text names too (a
            baseline's, a dataset's), not only the one declared for the paper.
    """
    if not isinstance(include_mentions, bool):
        raise TypeError(f"include_mentions must be a bool, not {type(include_mentions).__name__}")
    if host is None:
        return _HasRepo(None, include_mentions)
    if not isinstance(host, str):
        raise TypeError(f"host must be a str, not {type(host).__name__}")
    normal = host.strip().lower().removeprefix("https://").removeprefix("http://")
    normal = normal.removeprefix("www.").rstrip("/")
    if not normal or "/" in normal:
        raise ValueError(f"host must be a host name like 'github.com', got {host!r}")
    return _HasRepo(normal, include_mentions)


# -- keywords --------------------------------------------------------------------


@attrs.frozen
class _KeywordMatcher:
    """The picklable test behind ``keyword``; patterns are compiled once."""

    terms: tuple[str, ...]
    fields: tuple[str, ...]
    match_all: bool
    whole_word: bool
    case_sensitive: bool
    patterns: tuple[re.Pattern[str], ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        terms = self.terms if self.case_sensitive else tuple(t.casefold() for t in self.terms)
        patterns = tuple(
            # Literal text only: re.escape, never the term as a pattern.
            re.compile(rf"(?<!\w){re.escape(term)}(?!\w)" if self.whole_word else re.escape(term))
            for term in terms
        )
        object.__setattr__(self, "patterns", patterns)

    def __call__(self, paper: Paper) -> bool:
        parts = []
        for name in self.fields:
            value = getattr(paper, name)
            if value is None:
                continue
            parts.append("\n".join(value) if isinstance(value, tuple) else value)
        text = "\n".join(parts)
        if not self.case_sensitive:
            text = text.casefold()
        found = (pattern.search(text) is not None for pattern in self.patterns)
        return all(found) if self.match_all else any(found)


@attrs.frozen(repr=False)
class _Keyword(Predicate):
    matcher: _KeywordMatcher

    def __call__(self, paper: Paper) -> bool:
        return self.matcher(paper)

    def __repr__(self) -> str:
        matcher = self.matcher
        arguments = [repr(term) for term in matcher.terms]
        if matcher.fields != ("title", "abstract"):
            arguments.append(f"fields={matcher.fields!r}")
        if not matcher.match_all:
            arguments.append("match='any'")
        if matcher.whole_word:
            arguments.append("whole_word=True")
        if matcher.case_sensitive:
            arguments.append("case_sensitive=True")
        return f"keyword({', '.join(arguments)})"


def keyword(
    *terms: str,
    fields: Sequence[KeywordField] = ("title", "abstract"),
    match: Literal["all", "any"] = "all",
    whole_word: bool = False,
    case_sensitive: bool = False,
) -> Predicate:
    """Papers whose text contains the terms, literally (never as a regular expression).

    Args:
        *terms: one or more strings to look for.
        fields: which fields to search; any of title, abstract, ai_summary,
            ai_keywords, authors, organization.
        match: ``"all"`` terms (default) or ``"any"`` of them.
        whole_word: match only where the term is not preceded or followed by a
            letter, digit or underscore (``value`` matches "value-based", not "values").
        case_sensitive: compare exactly instead of by Unicode case folding.
    """
    if not terms:
        raise ValueError("keyword() needs at least one term")
    for term in terms:
        if not isinstance(term, str):
            raise TypeError(f"terms must be strings, not {type(term).__name__}")
        if not term:
            raise ValueError("keyword() terms must not be empty")
    names: tuple[str, ...] = (fields,) if isinstance(fields, str) else tuple(fields)
    unknown = [name for name in names if name not in KEYWORD_FIELDS]
    if unknown or not names:
        raise ValueError(f"fields must be some of {', '.join(KEYWORD_FIELDS)}; got {list(names)}")
    if match not in ("all", "any"):
        raise ValueError(f"match must be 'all' or 'any', got {match!r}")
    return _Keyword(
        _KeywordMatcher(tuple(terms), names, match == "all", whole_word, case_sensitive)
    )


def as_predicate(test: Predicate | Callable[[Paper], object]) -> Predicate:
    """A Predicate for ``test``, wrapping plain callables."""
    if isinstance(test, Predicate):
        return test
    if not callable(test):
        raise TypeError(f"expected a predicate or a callable, not {type(test).__name__}")
    return _Callable(test)


def __dir__() -> list[str]:
    # Completion offers the public helpers only, not the predicate classes behind them.
    return list(__all__)
