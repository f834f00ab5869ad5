"""JSON Lines and records: paperlist's paper objects written and read back."""

from __future__ import annotations

import datetime
import io
import json

import pytest

import paperlist
from paperlist import Paper


@pytest.fixture(scope="module")
def two_papers() -> paperlist.Listing:
    return paperlist.Listing(
        [
            Paper(
                "LLM2Vec-Gen: $\\pi_0$ embeddings",
                "2404.02060",
                authors=("Ada Smith", "Bo Li"),
                author_count=2,
                published=datetime.date(2024, 4, 2),
                upvotes=0,
                ai_keywords=("embeddings",),
            ),
            Paper("A paper without an id", comments=3),
        ]
    )


def test_a_line_is_one_paper_object_with_arrays_and_iso_dates(
    two_papers: paperlist.Listing,
) -> None:
    first, second = paperlist.dumps(two_papers, lines=True).splitlines()
    assert json.loads(first) == {
        "title": "LLM2Vec-Gen: $\\pi_0$ embeddings",
        "arxiv_id": "2404.02060",
        "abstract": None,
        "authors": ["Ada Smith", "Bo Li"],
        "author_count": 2,
        "organization": None,
        "published": "2024-04-02",
        "listed": None,
        "upvotes": 0,
        "comments": None,
        "repo_url": None,
        "mentioned_repo_urls": [],
        "github_stars": None,
        "project_page": None,
        "ai_summary": None,
        "ai_keywords": ["embeddings"],
        "organization_id": None,
        "submitted_by": None,
        "discussion_id": None,
        "author_users": [],
        "ai_summary_model": None,
        "linked_models": None,
        "linked_datasets": None,
        "linked_spaces": None,
    }
    assert json.loads(second)["comments"] == 3


def test_dump_writes_the_same_lines(two_papers: paperlist.Listing) -> None:
    stream = io.StringIO()
    paperlist.dump(two_papers, stream, lines=True)
    assert stream.getvalue() == paperlist.dumps(two_papers, lines=True)


def test_lines_and_indent_do_not_go_together(two_papers: paperlist.Listing) -> None:
    with pytest.raises(ValueError, match="indent"):
        paperlist.dumps(two_papers, lines=True, indent=2)
    with pytest.raises(ValueError, match="indent"):
        paperlist.dump(two_papers, io.StringIO(), lines=True, indent=2)


def test_an_empty_listing_is_no_lines() -> None:
    assert paperlist.dumps(paperlist.Listing(), lines=True) == ""
    assert paperlist.loads("").papers == ()


def test_json_lines_of_every_sample_load_as_the_same_papers(
    samples: dict[str, paperlist.Listing],
) -> None:
    for name, listing in samples.items():
        again = paperlist.loads(paperlist.dumps(listing, lines=True), strict=True)
        assert again.papers == listing.papers, name
        assert again.format == ("json" if listing.papers else None), name


def test_records_of_every_sample_load_as_the_same_papers_without_issues(
    samples: dict[str, paperlist.Listing],
) -> None:
    for name, listing in samples.items():
        # str() writes a date as ISO 8601, as json.dumps(..., default=str) does.
        again = paperlist.loads(json.dumps(listing.to_records(), default=str))
        assert again.papers == listing.papers, name
        assert again.issues == (), name


def test_one_record_alone_is_one_paper(two_papers: paperlist.Listing) -> None:
    record = two_papers.to_records()[1]
    assert paperlist.loads(json.dumps(record)).papers == (two_papers[1],)


def test_a_line_cut_short_is_reported_and_the_others_kept(
    two_papers: paperlist.Listing,
) -> None:
    text = paperlist.dumps(two_papers, lines=True)
    first, second = text.splitlines()
    cut = f"{first}\n{second[:40]}\n{first}\n"
    listing = paperlist.loads(cut)
    assert listing.papers == (two_papers[0], two_papers[0])
    (issue,) = listing.issues
    assert (issue.line, issue.column) == (2, 41)
    assert issue.message.startswith("invalid JSON Lines")
    with pytest.raises(paperlist.ParseError) as raised:
        paperlist.loads(cut, strict=True)
    assert (raised.value.line, raised.value.column) == (2, 41)


def test_a_line_that_is_no_json_value_is_reported() -> None:
    listing = paperlist.loads('{"title": "A", "arxiv_id": null}\nnot json\n')
    assert [paper.title for paper in listing] == ["A"]
    assert [(issue.line, issue.column) for issue in listing.issues] == [(2, 1)]


def test_trailing_data_after_one_object_on_its_line_is_invalid_json() -> None:
    with pytest.raises(paperlist.ParseError, match="Extra data"):
        paperlist.loads('{"title": "A", "arxiv_id": null} {"title": "B"}')


def test_a_wrong_value_names_its_path_and_the_paper_is_reported() -> None:
    lines = (
        '{"title": "A", "arxiv_id": "2404.02060", "upvotes": -1}\n'
        '{"title": "B", "arxiv_id": null, "published": "someday"}\n'
        '{"title": "C", "arxiv_id": null, "colour": "red"}\n'
        '{"title": "D", "arxiv_id": null}\n'
        "[1]\n"
    )
    listing = paperlist.loads(lines)
    assert [paper.title for paper in listing] == ["D"]
    fields = [issue.field for issue in listing.issues]
    assert fields == ["$[0].upvotes", "$[1].published", "$[2]", "$[4]"]
    assert listing.issues[0].message.endswith("expected int | None at $[0].upvotes")
    assert "colour" in listing.issues[2].message
    with pytest.raises(paperlist.ParseError, match="upvotes"):
        paperlist.loads(lines, strict=True)


def test_a_url_that_is_not_its_papers_page_is_reported() -> None:
    record = {"title": "A", "arxiv_id": "2404.02060", "url": "https://example.org/a"}
    listing = paperlist.loads(json.dumps([record]))
    assert listing.papers == (Paper("A", "2404.02060"),)
    (issue,) = listing.issues
    assert (issue.field, issue.index) == ("$[0].url", 0)


def test_an_array_of_objects_of_no_known_shape_names_their_keys() -> None:
    rows = [{"Title": "A", "Authors": "B, C", "Date": "2024-01-01"}]
    for strict in (False, True):
        with pytest.raises(paperlist.ParseError, match="'Title', 'Authors', 'Date'"):
            paperlist.loads(json.dumps(rows), strict=strict)


def test_a_title_only_object_with_other_keys_is_no_known_shape() -> None:
    with pytest.raises(paperlist.ParseError, match="'title', 'year'"):
        paperlist.loads(json.dumps([{"title": "A", "year": 2024}]))
    assert paperlist.loads(json.dumps([{"title": "A", "upvotes": 2}])).papers == (
        Paper("A", upvotes=2),
    )


def test_a_line_nested_too_deeply_is_reported() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    listing = paperlist.loads('{"title": "A", "arxiv_id": null}\n' + deep + "\n")
    assert [paper.title for paper in listing] == ["A"]
    (issue,) = listing.issues
    assert (issue.line, issue.message) == (2, "invalid JSON Lines: nested too deeply to read")
