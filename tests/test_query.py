"""Predicates: the figures on the seed, edge cases, algebra, pickling."""

from __future__ import annotations

import datetime
import functools
import operator
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import paperlist
from paperlist import Paper
from paperlist.query import (
    Predicate,
    as_predicate,
    has_repo,
    keyword,
    listed_between,
    max_authors,
    min_authors,
    min_upvotes,
    published_between,
)


def test_figures_on_the_seed(seed: paperlist.Listing) -> None:
    """Counts read off the raw seed page with grep, not from the loader."""
    # grep -ciE "github\.com|gitlab\.com" seed.txt  (one link per card, all in abstracts)
    assert len(seed.filter(has_repo(include_mentions=True))) == 18
    assert len(seed.filter(has_repo())) == 0  # a browser copy shows no card GitHub link
    # grep -E "^\s*•\s*[0-9]+ authors" seed.txt | awk '$2 >= 10' | wc -l
    assert len(seed.filter(min_authors(10))) == 15
    # the same with '$2 <= 3'
    assert len(seed.filter(max_authors(3))) == 7
    # grep -cE "^[A-Z][a-z]{2} [0-9]{1,2}, 2024" seed.txt
    assert len(seed.filter(published_between("2024-01-01", "2024-12-31"))) == 39
    # grep -niw diffusion seed.txt: lines 55, 125/127, 153/155, 309/311, 327, 333/335,
    # 399, 673/675, 681/683, nine cards
    assert len(seed.filter(keyword("diffusion", whole_word=True))) == 9


def test_combined_predicate_equals_the_test_written_by_hand(seed: paperlist.Listing) -> None:
    """A combination selects exactly what the same test in plain Python selects."""
    combined = has_repo() & min_authors(5) | ~published_between("2024-01-01")
    by_hand = [
        paper
        for paper in seed
        if (paper.repo_url and paper.author_count is not None and paper.author_count >= 5)
        or not (paper.published is not None and paper.published >= datetime.date(2024, 1, 1))
    ]
    assert list(seed.filter(combined)) == by_hand
    assert [paper for paper in seed if combined(paper)] == by_hand


def test_pickled_predicate_filters_identically(seed: paperlist.Listing) -> None:
    """Predicates travel to worker processes and keep their meaning."""
    combined = (
        keyword("reward", "model", match="any") | has_repo("github.com", include_mentions=True)
    ) & min_authors(4)
    copy = pickle.loads(pickle.dumps(combined))
    assert copy == combined
    assert seed.filter(copy) == seed.filter(combined)


def test_reprs_read_like_the_code() -> None:
    """Reprs show the helpers and operators, with parentheses only where needed."""
    assert repr(has_repo() & min_authors(3)) == "has_repo() & min_authors(3)"
    assert repr((has_repo() | min_upvotes(2)) & ~max_authors(3)) == (
        "(has_repo() | min_upvotes(2)) & ~max_authors(3)"
    )
    assert repr(published_between("2024-01-01", None)) == "published_between('2024-01-01', None)"
    assert repr(has_repo("github.com")) == "has_repo('github.com')"
    assert repr(keyword("a", "b", match="any", whole_word=True)) == (
        "keyword('a', 'b', match='any', whole_word=True)"
    )
    assert repr(~(has_repo() & min_authors(1))) == "~(has_repo() & min_authors(1))"


UNKNOWN = Paper(title="Unknown everything")
KNOWN = Paper(
    title="Value-based learning",
    abstract="We study values of GPT-4.5 models.",
    author_count=3,
    published=datetime.date(2024, 6, 1),
    listed=datetime.date(2024, 6, 3),
    upvotes=0,
    repo_url="https://gitlab.com/a/b",
    ai_keywords=("reinforcement learning",),
    authors=("Ada Lovelace",),
    organization="Ünïcode Lab",
)


@pytest.mark.parametrize(
    "predicate",
    [
        published_between("2000-01-01", None),
        listed_between(None, "2100-01-01"),
        min_authors(0),
        max_authors(100),
        min_upvotes(0),
        has_repo(),
    ],
)
def test_unknown_never_matches_a_bound_but_matches_its_negation(predicate: Predicate) -> None:
    """None fails every bound; ~ is plain negation."""
    assert predicate(KNOWN) is True
    assert predicate(UNKNOWN) is False
    assert (~predicate)(UNKNOWN) is True


def test_bounds_are_inclusive_and_accept_dates_datetimes_and_strings() -> None:
    """Both ends are included; the three date spellings mean the same."""
    assert published_between("2024-06-01", "2024-06-01")(KNOWN)
    assert published_between(datetime.date(2024, 6, 1))(KNOWN)
    assert published_between(None, datetime.datetime(2024, 6, 1, 12))(KNOWN)
    assert not published_between("2024-06-02")(KNOWN)
    assert listed_between("2024-06-03", "2024-06-03")(KNOWN)
    assert min_authors(3)(KNOWN)
    assert max_authors(3)(KNOWN)
    assert not min_authors(4)(KNOWN)
    assert min_upvotes(0)(KNOWN)
    assert not min_upvotes(1)(KNOWN)


def test_has_repo_by_host() -> None:
    """has_repo(host) tests the host of the canonical repository URLs."""
    assert has_repo("gitlab.com")(KNOWN)
    assert has_repo("https://www.GitLab.com/")(KNOWN)
    assert not has_repo("github.com")(KNOWN)


def test_has_repo_asks_for_the_declared_repository() -> None:
    """A repository the text only mentions counts with include_mentions=True alone."""
    cites = Paper(title="t", mentioned_repo_urls=("https://github.com/baseline/code",))
    assert not has_repo()(cites)
    assert has_repo(include_mentions=True)(cites)
    assert has_repo("github.com", include_mentions=True)(cites)
    assert has_repo.__name__ == "has_repo"
    assert repr(has_repo("github.com", include_mentions=True)) == (
        "has_repo('github.com', include_mentions=True)"
    )
    with pytest.raises(TypeError, match="include_mentions must be a bool"):
        has_repo(include_mentions="yes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("predicate", "expected"),
    [
        (keyword("gpt-4.5"), True),
        (keyword("gpt-4x5"), False),  # literal text, not a regular expression
        (keyword("VALUE"), True),  # case-insensitive by default
        (keyword("VALUE", case_sensitive=True), False),
        (keyword("value", whole_word=True), True),  # "Value-based"
        (keyword("values", whole_word=True), True),
        (keyword("valu", whole_word=True), False),
        (keyword("study", "missing"), False),
        (keyword("study", "missing", match="any"), True),
        (keyword("reinforcement"), False),  # ai_keywords is not searched by default
        (keyword("reinforcement", fields=("ai_keywords",)), True),
        (keyword("lovelace", fields=("authors",)), True),
        (keyword("ÜNÏCODE", fields=("organization",)), True),
        (keyword("anything", fields=("ai_summary",)), False),
    ],
)
def test_keyword(predicate: Predicate, expected: bool) -> None:
    """Literal, case-folded, whole-word and field-aware matching."""
    assert predicate(KNOWN) is expected


def test_whole_word_on_value() -> None:
    """'value' matches 'value-based' but not 'values'."""
    word = keyword("value", whole_word=True)
    assert word(Paper(title="value-based RL"))
    assert not word(Paper(title="human values"))
    assert not word(Paper(title="value_function"))


def test_german_sharp_s_is_case_folded() -> None:
    """Unicode case folding: 'STRASSE' finds 'straße'."""
    assert keyword("STRASSE")(Paper(title="Die straße"))


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: min_authors(-1), ValueError, "n must be >= 0, got -1"),
        (lambda: min_authors("3"), TypeError, "n must be an int, not str"),  # type: ignore[arg-type]
        (lambda: published_between("2024-13-01"), ValueError, "start must be a date like"),
        (lambda: published_between(3), TypeError, "start must be a date, a datetime"),  # type: ignore[arg-type]
        (lambda: keyword(), ValueError, "keyword\\(\\) needs at least one term"),
        (lambda: keyword("x", fields=("nope",)), ValueError, "fields must be some of"),  # type: ignore[arg-type]
        (lambda: keyword("x", match="most"), ValueError, "match must be 'all' or 'any'"),  # type: ignore[arg-type]
        (lambda: has_repo("github.com/x"), ValueError, "host must be a host name"),
    ],
)
def test_bad_arguments(call: object, error: type[Exception], message: str) -> None:
    """Helpers refuse arguments they cannot mean anything with."""
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]


def test_filter_accepts_plain_callables(seed: paperlist.Listing) -> None:
    """Plain callables mix with predicates, all ANDed."""
    result = seed.filter(has_repo(include_mentions=True), lambda paper: paper.title.startswith("S"))
    # Checked against the raw seed: the four abstracts with a GitHub link whose title starts "S".
    assert [paper.title[:6] for paper in result] == ["SePPO:", "Self-s", "SimulP", "Simult"]


def test_filter_keeps_provenance(seed: paperlist.Listing) -> None:
    """A filtered listing keeps title, date, format and source and has no issues."""
    result = seed.filter(has_repo(include_mentions=True))
    assert (result.title, result.date, result.format, result.source) == (
        seed.title,
        seed.date,
        seed.format,
        seed.source,
    )
    assert result.issues == ()


_predicates = st.sampled_from(
    [
        has_repo(include_mentions=True),
        min_authors(5),
        max_authors(4),
        published_between("2024-01-01", "2024-12-31"),
        published_between(None, "2023-06-30"),
        keyword("preference"),
        keyword("diffusion", "model", match="any", whole_word=True),
    ]
)


@settings(max_examples=60, deadline=None)
@given(_predicates, _predicates)
def test_predicate_algebra(seed: paperlist.Listing, p: Predicate, q: Predicate) -> None:
    """Subsets; p & q is filtering twice; ~~p is p; order does not matter."""
    papers = set(seed)
    assert set(seed.filter(p)) <= papers
    assert seed.filter(p & q) == seed.filter(p).filter(q)
    assert seed.filter(p, q) == seed.filter(q, p) == seed.filter(q & p)
    assert seed.filter(~~p) == seed.filter(p)
    assert set(seed.filter(p | q)) == set(seed.filter(p)) | set(seed.filter(q))
    assert set(seed.filter(~p)) == papers - set(seed.filter(p))


_EVERY_KIND = [
    has_repo(include_mentions=True),
    has_repo("github.com", include_mentions=True),
    min_authors(8),
    max_authors(3),
    published_between("2024-01-01", "2024-06-30"),
    published_between(None, "2024-06-30"),
    published_between("2025-01-01"),
    published_between(),
    keyword("reward"),
    has_repo(include_mentions=True) & min_authors(5),
    has_repo() | max_authors(2),
    ~min_authors(5),
    ~(has_repo() | keyword("robot")),
    as_predicate(lambda paper: paper.title.startswith("S")),
]


@pytest.mark.parametrize("predicate", _EVERY_KIND, ids=repr)
def test_calling_and_selecting_agree(predicate: Predicate, seed: paperlist.Listing) -> None:
    """select() picks exactly the papers for which calling the predicate is True."""
    called = [paper for paper in seed if predicate(paper)]
    assert predicate.select(seed.papers) == called
    assert 0 < len(called) < len(seed)  # a test that could fail


def test_long_chains_stay_flat_and_shallow(seed: paperlist.Listing) -> None:
    """A thousand predicates combined with & or | need no recursion, and ~~p is p."""
    many = [min_authors(n % 5) for n in range(1000)]
    chained = functools.reduce(operator.and_, many)
    assert repr(chained).count("&") == 999
    assert seed.filter(chained) == seed.filter(min_authors(4))
    either = functools.reduce(operator.or_, many)
    assert seed.filter(either) == seed.filter(min_authors(0))
    negated = has_repo()
    for _ in range(1001):
        negated = ~negated
    assert negated == ~has_repo()


def test_only_predicates_combine() -> None:
    """& and | with something that is not a Predicate raise TypeError."""
    with pytest.raises(TypeError):
        has_repo() & True  # type: ignore[operator]
    with pytest.raises(TypeError):
        has_repo() | "x"  # type: ignore[operator]
