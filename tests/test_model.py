"""Paper, Issue and Listing: frozen values, sequences, provenance."""

from __future__ import annotations

import datetime
import pickle
from typing import Any

import attrs
import pytest

from paperlist import Issue, Listing, Paper
from paperlist._model import PAPER_FIELDS


def _paper(**changes: Any) -> Paper:
    return attrs.evolve(Paper(title="A title", arxiv_id="2509.24002"), **changes)


def test_paper_is_frozen_hashable_and_compared_by_value() -> None:
    """Papers are immutable values usable in sets and as dict keys."""
    first, second = _paper(), _paper()
    assert first == second
    assert hash(first) == hash(second)
    assert len({first, second}) == 1
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        first.title = "other"  # type: ignore[misc]


def test_paper_defaults_mean_unknown() -> None:
    """Every optional field defaults to None or an empty tuple, never a placeholder."""
    paper = Paper(title="Only a title")
    assert paper.arxiv_id is None
    assert paper.upvotes is None
    assert paper.authors == ()
    assert paper.url is None
    assert paper.repo_url is None


def test_paper_collections_become_tuples() -> None:
    """Lists given for collection fields are stored as tuples."""
    paper = Paper(title="t", authors=["A", "B"], mentioned_repo_urls=["https://github.com/a/b"])
    assert paper.authors == ("A", "B")
    assert paper.mentioned_repo_urls == ("https://github.com/a/b",)


def test_paper_rejects_a_string_for_a_collection() -> None:
    """A bare string is not silently split into characters."""
    with pytest.raises(TypeError, match="expected a sequence of strings, got the string 'ab'"):
        Paper(title="t", authors="ab")


@pytest.mark.parametrize("field", ["author_count", "upvotes", "comments", "github_stars"])
def test_counts_cannot_be_negative(field: str) -> None:
    """Counts are >= 0 whatever the source; 0 is allowed."""
    assert getattr(_paper(**{field: 0}), field) == 0
    with pytest.raises(ValueError, match=f"{field} must be >= 0 or None, got -1"):
        _paper(**{field: -1})


def test_paper_url() -> None:
    """url points at the paper's page on Hugging Face."""
    assert _paper().url == "https://huggingface.co/papers/2509.24002"


def test_listing_is_an_immutable_sequence() -> None:
    """len, iteration, indexing and slicing behave like a tuple of papers."""
    papers = (_paper(title="a"), _paper(title="b"), _paper(title="c"))
    listing = Listing(
        papers,
        title="Daily Papers",
        date=datetime.date(2025, 10, 28),
        format="text",
        source="x.txt",
        issues=(Issue("bad"),),
    )
    assert len(listing) == 3
    assert list(listing) == list(papers)
    assert listing[1] is papers[1]
    assert listing[-1] is papers[2]
    assert papers[0] in listing
    part = listing[1:]
    assert isinstance(part, Listing)
    assert part.papers == papers[1:]
    assert (part.title, part.date, part.format, part.source) == (
        "Daily Papers",
        datetime.date(2025, 10, 28),
        "text",
        "x.txt",
    )
    assert part.issues == ()


def test_listing_repr_is_concise() -> None:
    """The repr says how many papers and where they came from, not every field."""
    listing = Listing(
        (_paper(),), title="Daily Papers", date=datetime.date(2025, 10, 28), format="text"
    )
    assert repr(listing) == "Listing(1 paper, title='Daily Papers', date=2025-10-28, format='text')"


def test_listing_pickles_and_hashes() -> None:
    """Listings cross process boundaries and compare by value."""
    listing = Listing((_paper(),), title="t", issues=(Issue("x", line=1),))
    assert pickle.loads(pickle.dumps(listing)) == listing
    assert hash(listing) == hash(Listing((_paper(),), title="t", issues=(Issue("x", line=1),)))


def test_paper_links_to_arxiv() -> None:
    """arxiv_url and pdf_url point at arXiv; None without an id."""
    paper = _paper()
    assert paper.arxiv_url == "https://arxiv.org/abs/2509.24002"
    assert paper.pdf_url == "https://arxiv.org/pdf/2509.24002"
    assert Paper(title="t").arxiv_url is None
    assert Paper(title="t").pdf_url is None


def test_paper_repr_is_one_short_line() -> None:
    """The title is shortened and only the known id, dates and counts follow it."""
    paper = _paper(
        title="MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use",
        abstract="A long abstract. " * 50,
        published=datetime.date(2025, 9, 28),
        upvotes=118,
    )
    assert repr(paper) == (
        "Paper('MCPMark: A Benchmark for Stress-Testing Realistic and Compr…', "
        "arxiv_id='2509.24002', published=2025-09-28, upvotes=118)"
    )
    assert repr(Paper(title="Short")) == "Paper('Short')"


def test_repo_urls_is_deprecated_but_still_answers() -> None:
    """repo_urls warns and gives the declared repository, then the mentioned ones."""
    paper = _paper(
        repo_url="https://github.com/a/own", mentioned_repo_urls=("https://github.com/b/c",)
    )
    with pytest.warns(DeprecationWarning, match="repo_urls is deprecated"):
        assert paper.repo_urls == ("https://github.com/a/own", "https://github.com/b/c")


def test_author_users_take_any_sequence_of_handles_or_none() -> None:
    assert Paper("T", authors=("A", "B"), author_users=["a", None]).author_users == ("a", None)
    with pytest.raises(TypeError, match="the string"):
        Paper("T", author_users="ab")
    with pytest.raises(ValueError, match="linked_models must be >= 0"):
        Paper("T", linked_models=-1)


# A wrong value for every field, each of a type a caller might plausibly pass.
_WRONG_VALUES: dict[str, object] = {
    "title": None,
    "arxiv_id": 2509.24002,
    "abstract": b"bytes",
    "authors": ["A", 3],
    "author_count": "3",
    "organization": ["NUS"],
    "published": "2024-01-01",
    "listed": datetime.datetime(2024, 1, 1, 12, 0),
    "upvotes": True,
    "comments": 2.0,
    "repo_url": ("https://github.com/a/b",),
    "mentioned_repo_urls": [None],
    "github_stars": "12",
    "project_page": 1,
    "ai_summary": {"text": "x"},
    "ai_keywords": [b"k"],
    "organization_id": 7,
    "submitted_by": False,
    "discussion_id": 68,
    "author_users": ["a", 1],
    "ai_summary_model": 0,
    "linked_models": "4",
    "linked_datasets": 1.5,
    "linked_spaces": False,
}


def test_every_field_has_a_wrong_value_below() -> None:
    """A new field must join the table, so its check is tested."""
    assert tuple(_WRONG_VALUES) == PAPER_FIELDS


@pytest.mark.parametrize(("field", "value"), _WRONG_VALUES.items())
def test_a_wrong_type_at_construction_names_its_field(field: str, value: object) -> None:
    """Paper(...) refuses a value of the wrong type at once, naming the field."""
    arguments: dict[str, Any] = {"title": "t", field: value}
    with pytest.raises(TypeError, match=f"^{field}: expected "):
        Paper(**arguments)


def test_type_errors_say_what_was_expected_and_found() -> None:
    with pytest.raises(
        TypeError, match=r"^published: expected date or None, got str '2024-01-01'$"
    ):
        Paper("t", published="2024-01-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^upvotes: expected int or None, got bool True$"):
        Paper("t", upvotes=True)
    with pytest.raises(TypeError, match=r"^authors: expected elements of type str, got int 3$"):
        Paper("t", authors=["A", 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"^author_users: expected elements of type str or None"):
        Paper("t", authors=("A",), author_users=[1])  # type: ignore[list-item]


def test_subclasses_of_the_expected_types_are_accepted() -> None:
    """Only the exact-type fast test fails for them; the full check lets them through."""

    class Handle(str):
        pass

    class Count(int):
        pass

    paper = Paper(Handle("t"), submitted_by=Handle("ak"), upvotes=Count(3), authors=[Handle("A")])
    assert paper.upvotes == 3
    assert paper.submitted_by == "ak"
    assert paper.authors == ("A",)


def test_evolve_checks_types_too() -> None:
    with pytest.raises(TypeError, match=r"^comments: expected int or None"):
        attrs.evolve(_paper(), comments="5")  # type: ignore[arg-type]


def test_a_long_wrong_value_is_shortened_in_the_message() -> None:
    with pytest.raises(TypeError, match=r"^title: expected str, got list \[0, 1, 2, .*…$"):
        Paper(list(range(100)))  # type: ignore[arg-type]
