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

import datetime
import functools
import re
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Literal

import attrs

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


class Predicate:
    """A test on a Paper; combine with ``&``, ``|`` and ``~``.

    Predicates are immutable, hashable and picklable. ``Listing.filter``
    compiles a combination into one comprehension, so combining costs no
    call per predicate per paper.
    """

    __slots__ = ()

    def __call__(self, paper: Paper) -> bool:
        return _compiled(self)[0](paper)

    def __and__(self, other: Predicate) -> Predicate:
        if not isinstance(other, Predicate):
            return NotImplemented
        return _And(self, other)

    def __or__(self, other: Predicate) -> Predicate:
        if not isinstance(other, Predicate):
            return NotImplemented
        return _Or(self, other)

    def __invert__(self) -> Predicate:
        return _Not(self)

    def select(self, papers: Sequence[Paper]) -> list[Paper]:
        """The papers that satisfy this predicate, in order."""
        return _compiled(self)[1](papers)

    # -- for subclasses ------------------------------------------------------------

    def _expression(self, constants: list[object]) -> str:
        """Python source testing the paper ``p``; values go in ``constants``."""
        raise NotImplementedError

    def _precedence(self) -> int:
        return _ATOM


def _constant(constants: list[object], value: object) -> str:
    constants.append(value)
    return f"_c{len(constants) - 1}"


_Compiled = tuple[Callable[[Paper], bool], Callable[[Sequence[Paper]], list[Paper]]]


def _compiled(predicate: Predicate) -> _Compiled:
    """The compiled form, cached unless a wrapped callable cannot be hashed."""
    try:
        hash(predicate)
    except TypeError:
        return _compile(predicate)
    return _compile_cached(predicate)


def _compile(predicate: Predicate) -> _Compiled:
    """One test function and one selecting comprehension per predicate.

    Values never enter the source text: they are passed in as closure
    constants, so generated code only ever names Paper fields.
    """
    constants: list[object] = []
    expression = predicate._expression(constants)
    names = ", ".join(f"_c{index}" for index in range(len(constants)))
    source = (
        f"def _make({names}):\n"
        f"    def test(p):\n"
        f"        return bool({expression})\n"
        f"    def select(papers):\n"
        f"        return [p for p in papers if {expression}]\n"
        f"    return test, select\n"
    )
    namespace: dict[str, Any] = {}
    exec(compile(source, "<paperlist.query>", "exec"), namespace)
    made: _Compiled = namespace["_make"](*constants)
    return made


# Compiling costs about as much as filtering a few hundred papers; predicates
# are immutable values, so their compiled form can be shared.
_compile_cached = functools.lru_cache(maxsize=512)(_compile)


# -- combinators -----------------------------------------------------------------


@attrs.frozen(repr=False)
class _Binary(Predicate):
    """``left <op> right``; subclasses name the operator."""

    left: Predicate
    right: Predicate

    keyword: ClassVar[str]
    symbol: ClassVar[str]
    level: ClassVar[int]

    def _expression(self, constants: list[object]) -> str:
        left = self.left._expression(constants)
        return f"({left} {self.keyword} {self.right._expression(constants)})"

    def _precedence(self) -> int:
        return self.level

    def __repr__(self) -> str:
        return f"{_wrap(self.left, self.level)} {self.symbol} {_wrap(self.right, self.level + 1)}"


@attrs.frozen(repr=False)
class _And(_Binary):
    keyword = "and"
    symbol = "&"
    level = _AND


@attrs.frozen(repr=False)
class _Or(_Binary):
    keyword = "or"
    symbol = "|"
    level = _OR


@attrs.frozen(repr=False)
class _Not(Predicate):
    inner: Predicate

    def _expression(self, constants: list[object]) -> str:
        return f"(not {self.inner._expression(constants)})"

    def __repr__(self) -> str:
        return f"~{_wrap(self.inner, _ATOM)}"


def _wrap(predicate: Predicate, minimum: int) -> str:
    text = repr(predicate)
    return f"({text})" if predicate._precedence() < minimum else text


@attrs.frozen(repr=False)
class _Callable(Predicate):
    """A plain callable given to ``Listing.filter``."""

    function: Callable[[Paper], object]

    def _expression(self, constants: list[object]) -> str:
        return f"{_constant(constants, self.function)}(p)"

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

    def _expression(self, constants: list[object]) -> str:
        value = f"p.{self.field}"
        tests = [f"{value} is not None"]
        if self.low is not None:
            tests.append(f"{_constant(constants, self.low)} <= {value}")
        if self.high is not None:
            tests.append(f"{value} <= {_constant(constants, self.high)}")
        return f"({' and '.join(tests)})"

    def __repr__(self) -> str:
        if self.helper.endswith("_between"):
            low = None if self.low is None else self.low.isoformat()
            high = None if self.high is None else self.high.isoformat()
            return f"{self.helper}({low!r}, {high!r})"
        bound = self.low if self.low is not None else self.high
        return f"{self.helper}({bound!r})"


def _as_date(value: DateLike | None, name: str) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{name} must be a date like '2024-01-31', got {value!r}") from None
    raise TypeError(
        f"{name} must be a date, a datetime or an ISO string, not {type(value).__name__}"
    )


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

    def _expression(self, constants: list[object]) -> str:
        if self.host is None:
            return "p.repo_urls"
        # Canonical repository URLs all read "https://<host>/owner/name".
        prefix = _constant(constants, f"https://{self.host}/")
        return f"any([u.startswith({prefix}) for u in p.repo_urls])"

    def __repr__(self) -> str:
        return "has_repo()" if self.host is None else f"has_repo({self.host!r})"


def has_repo(host: str | None = None) -> Predicate:
    """Papers with a code-repository link, on ``host`` (e.g. ``"github.com"``) if given."""
    if host is None:
        return _HasRepo(None)
    if not isinstance(host, str):
        raise TypeError(f"host must be a str, not {type(host).__name__}")
    normal = host.strip().lower().removeprefix("https://").removeprefix("http://")
    normal = normal.removeprefix("www.").rstrip("/")
    if not normal or "/" in normal:
        raise ValueError(f"host must be a host name like 'github.com', got {host!r}")
    return _HasRepo(normal)


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

    def _expression(self, constants: list[object]) -> str:
        return f"{_constant(constants, self.matcher)}(p)"

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
