"""Listing conveniences: sort_by, to_records, merge, to_bibtex, the notebook table."""

from __future__ import annotations

import datetime

import pytest

import paperlist
from conftest import JSON_FILES, PAPER_PAGE
from paperlist import Listing, Paper

A = Paper(title="Alpha", arxiv_id="2401.00001", upvotes=5, published=datetime.date(2024, 1, 2))
B = Paper(title="Beta", arxiv_id="2401.00002", upvotes=None, published=datetime.date(2024, 1, 1))
C = Paper(title="Gamma", arxiv_id="2401.00003", upvotes=5, published=None)
D = Paper(title="Delta", arxiv_id="2401.00004", upvotes=9, published=datetime.date(2024, 1, 3))
LISTING = Listing((A, B, C, D), title="Daily Papers", format="json", source="x.json")


def test_sort_by_field_is_stable_with_unknown_last() -> None:
    """Equal keys keep their order; None goes last in either direction."""
    assert list(LISTING.sort_by("upvotes")) == [A, C, D, B]
    assert list(LISTING.sort_by("upvotes", reverse=True)) == [D, A, C, B]
    assert list(LISTING.sort_by("published", reverse=True)) == [D, A, B, C]


def test_sort_by_callable_and_provenance() -> None:
    """A key function works too; the sorted listing keeps its provenance."""
    result = LISTING.sort_by(lambda paper: paper.title)
    assert [paper.title for paper in result] == ["Alpha", "Beta", "Delta", "Gamma"]
    assert (result.title, result.format, result.source) == ("Daily Papers", "json", "x.json")


def test_sort_by_unknown_field() -> None:
    """A misspelt field name is an error, not a silent no-op."""
    with pytest.raises(ValueError, match="no Paper field named 'votes'"):
        LISTING.sort_by("votes")


def test_sort_by_several_keys_puts_unknown_last_at_every_level() -> None:
    """By listing day, then upvotes within a day; checked by hand."""
    day1, day2 = datetime.date(2024, 1, 1), datetime.date(2024, 1, 2)
    p = [
        Paper("p0", listed=day1, upvotes=3),
        Paper("p1", listed=day2, upvotes=None),
        Paper("p2", listed=None, upvotes=9),
        Paper("p3", listed=day2, upvotes=7),
        Paper("p4", listed=day1, upvotes=8),
        Paper("p5", listed=None, upvotes=None),
    ]
    listing = Listing(p)
    titles = [paper.title for paper in listing.sort_by("listed", "upvotes", reverse=True)]
    assert titles == ["p3", "p1", "p4", "p0", "p2", "p5"]
    titles = [paper.title for paper in listing.sort_by("listed", "upvotes")]
    assert titles == ["p0", "p4", "p3", "p1", "p2", "p5"]
    by_tuple = listing.sort_by(lambda paper: (paper.listed, paper.upvotes), reverse=True)
    assert [paper.title for paper in by_tuple] == ["p3", "p1", "p4", "p0", "p2", "p5"]


def test_sort_by_a_tuple_field_is_one_level() -> None:
    listing = Listing((Paper("x", authors=("B",)), Paper("y", authors=("A", "Z"))))
    assert [paper.title for paper in listing.sort_by("authors")] == ["y", "x"]


def test_sort_by_needs_a_key_of_a_known_kind() -> None:
    with pytest.raises(TypeError, match="at least one key"):
        LISTING.sort_by()
    with pytest.raises(TypeError, match="not int"):
        LISTING.sort_by(3)  # type: ignore[arg-type]


def test_to_records_are_flat_and_ordered() -> None:
    """One dict per paper, keys in field order plus url, tuples as lists."""
    records = paperlist.load(PAPER_PAGE).to_records()
    assert len(records) == 1
    record = records[0]
    assert list(record)[:4] == ["title", "arxiv_id", "abstract", "authors"]
    assert list(record)[-1] == "url"
    assert record["url"] == "https://huggingface.co/papers/2509.24002"
    assert isinstance(record["authors"], list)
    assert len(record["authors"]) == 15
    assert record["repo_url"] == "https://github.com/eval-sys/mcpmark"
    assert record["mentioned_repo_urls"] == []
    assert record["published"] == datetime.date(2025, 9, 28)


def test_merge_prefers_known_and_more_recent_values() -> None:
    """Known beats unknown; between known values the later listing wins."""
    old = Listing(
        (Paper(title="Alpha", arxiv_id="2401.00001", upvotes=3, comments=1, abstract="Text."),),
        date=datetime.date(2024, 1, 1),
    )
    new = Listing(
        (Paper(title="Alpha", arxiv_id="2401.00001", upvotes=7, comments=None),),
        date=datetime.date(2024, 1, 5),
    )
    for merged in (old.merge(new), new.merge(old)):
        assert len(merged) == 1
        paper = merged[0]
        assert (paper.upvotes, paper.comments, paper.abstract) == (7, 1, "Text.")
        assert merged.date == datetime.date(2024, 1, 5)


def test_merge_keeps_the_larger_count_in_any_order() -> None:
    """Counts only grow: 999 upvotes seen anywhere beat 43, whichever listing is first."""
    first = Listing((Paper(title="Alpha", arxiv_id="2401.00001", upvotes=999, comments=2),))
    second = Listing((Paper(title="Alpha", arxiv_id="2401.00001", upvotes=43, comments=5),))
    for merged in (first.merge(second), second.merge(first)):
        assert (merged[0].upvotes, merged[0].comments) == (999, 5)


def test_merge_without_dates_prefers_the_fuller_value_in_any_order() -> None:
    """Undated listings: the longer abstract and the longer author list win."""
    short = Paper("Alpha", "2401.00001", abstract="We study", authors=("Ann",))
    full = Paper("Alpha", "2401.00001", abstract="We study cats.", authors=("Ann", "Bo"))
    for merged in (
        Listing((short,)).merge(Listing((full,))),
        Listing((full,)).merge(Listing((short,))),
    ):
        assert (merged[0].abstract, merged[0].authors) == ("We study cats.", ("Ann", "Bo"))


def test_merge_prefers_a_dated_listing_to_an_undated_one() -> None:
    undated = Listing((Paper("Alpha", "2401.00001", organization="Long Name Lab"),))
    dated = Listing(
        (Paper("Alpha", "2401.00001", organization="Lab"),), date=datetime.date(2024, 1, 1)
    )
    assert undated.merge(dated)[0].organization == "Lab"
    assert dated.merge(undated)[0].organization == "Lab"


def test_merge_gives_the_same_papers_for_every_pair_of_samples(
    samples: dict[str, Listing],
) -> None:
    listings = list(samples.values())
    for position, first in enumerate(listings):
        for second in listings[position + 1 :]:
            assert set(first.merge(second)) == set(second.merge(first)), (first, second)


def test_merge_by_title_without_ids() -> None:
    """Papers without an arXiv id merge by normalised title; order is first seen."""
    text_paper = Paper(title="Alpha  beta", author_count=3)
    json_paper = Paper(title="alpha beta", arxiv_id="2401.00001", upvotes=2)
    merged = Listing((text_paper, B)).merge(Listing((json_paper,)))
    assert [paper.arxiv_id for paper in merged] == ["2401.00001", "2401.00002"]
    assert merged[0].author_count == 3


def test_merge_a_month_of_real_daily_files() -> None:
    """Merging real files keeps one paper per id."""
    listings = [paperlist.load(path) for path in JSON_FILES]
    merged = listings[0].merge(*listings[1:])
    ids = [paper.arxiv_id for paper in merged]
    assert len(ids) == len(set(ids)) == sum(len(listing) for listing in listings)
    assert merged.format == "json"
    assert merged.source is None


def test_to_bibtex() -> None:
    """One escaped @misc entry per paper with an arXiv id."""
    papers = (
        Paper(
            title="Cats & {Dogs}: 100% of_it",
            arxiv_id="2509.24002",
            authors=("Ann Author", "Bob B"),
            published=datetime.date(2025, 9, 28),
        ),
        Paper(title="No id"),
        Paper(title="Legacy", arxiv_id="hep-th/9901001"),
    )
    assert Listing(papers).to_bibtex() == (
        "@misc{arXiv_2509.24002,\n"
        "  title = {Cats \\& \\{Dogs\\}: 100\\% of\\_it},\n"
        "  author = {Ann Author and Bob B},\n"
        "  year = {2025},\n"
        "  month = sep,\n"
        "  eprint = {2509.24002},\n"
        "  archivePrefix = {arXiv},\n"
        "  doi = {10.48550/arXiv.2509.24002},\n"
        "  url = {https://arxiv.org/abs/2509.24002},\n"
        "}\n"
        "\n"
        "@misc{arXiv_hep-th_9901001,\n"
        "  title = {Legacy},\n"
        "  eprint = {hep-th/9901001},\n"
        "  archivePrefix = {arXiv},\n"
        "  doi = {10.48550/arXiv.hep-th/9901001},\n"
        "  url = {https://arxiv.org/abs/hep-th/9901001},\n"
        "}\n"
    )


def test_repr_html_is_an_escaped_table() -> None:
    """The notebook table links titles and escapes text."""
    listing = Listing((Paper(title="<b>x</b> & y", arxiv_id="2401.00001", upvotes=0),))
    table = listing._repr_html_()
    assert table.startswith("<table><caption>Listing(1 paper)</caption>")
    assert (
        '<a href="https://huggingface.co/papers/2401.00001" target="_blank">'
        "&lt;b&gt;x&lt;/b&gt; &amp; y</a>"
    ) in table
    assert "<td>0</td>" in table


def test_merge_prefers_author_handles_that_are_known_in_any_order() -> None:
    one = Listing((Paper("A", "2401.00001", authors=("X", "Y"), author_users=("x", None)),))
    two = Listing((Paper("A", "2401.00001", authors=("X", "Y"), author_users=(None, "y")),))
    both = Listing((Paper("A", "2401.00001", authors=("X", "Y"), author_users=("x", "y")),))
    for listings in ((one, two, both), (both, two, one), (two, both, one)):
        merged = listings[0].merge(*listings[1:])
        assert merged[0].author_users == ("x", "y")
    assert one.merge(two)[0].author_users == two.merge(one)[0].author_users
