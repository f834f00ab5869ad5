"""API JSON in every shape, and paperlist's own JSON document."""

from __future__ import annotations

import copy
import datetime
import io
import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import paperlist
from conftest import DATA, JSON_FILES, json_items
from pagebuilder import listing_page
from paperlist import Issue, Listing, Paper, ParseError


@pytest.mark.parametrize("path", JSON_FILES, ids=lambda path: path.name)
def test_every_real_response_loads_strictly_and_completely(path: Any) -> None:
    """All 16 real responses load in strict mode, every record kept, every id present."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    listing = paperlist.load(path, strict=True)
    assert len(listing) == len(raw)
    assert [paper.arxiv_id for paper in listing] == [item["paper"]["id"] for item in raw]
    assert listing.issues == ()
    assert listing.format == "json"


def test_listing_date_from_submitted_on_daily_at() -> None:
    """From 2025-03-17 on, submittedOnDailyAt is the listing date; projectPage is stripped."""
    listing = paperlist.load(JSON_FILES[8], strict=True)
    assert JSON_FILES[8].name == "daily_papers_2025-03-17.json"
    assert {paper.listed for paper in listing} == {datetime.date(2025, 3, 17)}
    paper = next(paper for paper in listing if paper.arxiv_id == "2503.11646")
    assert paper.project_page == "https://sites.google.com/view/adc-robot"


def test_listing_date_from_outer_published_at_before_2025_03() -> None:
    """Early responses carry the listing moment in the outer publishedAt."""
    listing = paperlist.load(JSON_FILES[0], strict=True)
    assert {paper.listed for paper in listing} == {datetime.date(2024, 3, 19)}
    first = listing[0]
    assert (first.arxiv_id, first.published) == ("2403.12015", datetime.date(2024, 3, 18))


def _item(**paper: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "2509.24002",
        "title": "T",
        "publishedAt": "2025-09-28T17:53:27.000Z",
    }
    base.update(paper)
    return {"paper": base}


@pytest.mark.parametrize(
    ("outer", "listed"),
    [
        ("2025-09-28T17:53:27.000Z", None),  # repeats the arXiv time
        ("2025-09-28T13:53:27.000Z", None),  # New York time labelled UTC, 4 hours
        ("2025-09-28T12:53:27.000Z", None),  # 5 hours
        ("2025-09-30T02:00:00.000Z", datetime.date(2025, 9, 30)),  # a real listing moment
        ("2025-09-28T14:53:27.000Z", datetime.date(2025, 9, 28)),  # 3 hours is no shift
    ],
)
def test_outer_published_at_trap(outer: str, listed: datetime.date | None) -> None:
    """The outer publishedAt is no listing date when it is the arXiv time or shifted 4-5 h."""
    item = _item()
    item["publishedAt"] = outer
    assert paperlist.loads(json.dumps([item]), strict=True)[0].listed == listed


def test_unreadable_outer_published_at_falls_back_to_the_page_date() -> None:
    """A bad listing moment is an Issue; a day page's date then stands in for it."""
    item = _item()
    item["publishedAt"] = "2025-09-31T02:00:00.000Z"  # September has 30 days
    document = {"dailyPapers": [item], "dateString": "2025-10-01", "periodType": "day"}
    listing = paperlist.loads(json.dumps(document))
    assert listing[0].listed == datetime.date(2025, 10, 1)
    assert [issue.field for issue in listing.issues] == ["$.dailyPapers[0].publishedAt"]
    with pytest.raises(ParseError, match=r"\$\.dailyPapers\[0\]\.publishedAt"):
        paperlist.loads(json.dumps(document), strict=True)


def test_mapping_of_every_field() -> None:
    """Each API field lands in its Paper field, with the documented clean-ups."""
    item = _item(
        title="A\n  wrapped  title",
        summary="See https://github.com/eval-sys/mcpmark/tree/main and github.com/other/repo.",
        authors=[
            {"name": "Ann A", "hidden": False, "user": {"user": "ann-a", "fullname": "Ann"}},
            {"name": " Bob  B ", "hidden": True},
        ],
        upvotes=0,
        githubRepo="https://github.com/eval-sys/mcpmark/",
        githubStars=0,
        projectPage=" https://mcpmark.ai/",
        ai_summary="Short\nsummary.",
        ai_keywords=["benchmark", "MCP"],
        organization={"name": "evalsys", "fullname": "Eval Sys"},
        submittedOnDailyAt="2025-10-01T01:58:54.337Z",
        submittedOnDailyBy={"user": "akhaliq", "fullname": "AK"},
        discussionId="68dc9eff4159d1f2418f9ba6",
        ai_summary_model="Qwen/Qwen3-235B-A22B",
        numTotalModels=2,
        linkedDatasets=[{"id": "a/b"}],
        unknownField={"added": "next month"},
    )
    item.update(numComments=3, title="Outer", unknownOuter=1)
    paper = paperlist.loads(json.dumps([item]), strict=True)[0]
    assert paper == Paper(
        title="A wrapped title",
        arxiv_id="2509.24002",
        abstract=("See https://github.com/eval-sys/mcpmark/tree/main and github.com/other/repo."),
        authors=("Ann A", "Bob B"),
        author_count=2,
        organization="Eval Sys",
        published=datetime.date(2025, 9, 28),
        listed=datetime.date(2025, 10, 1),
        upvotes=0,
        comments=3,
        repo_url="https://github.com/eval-sys/mcpmark",  # githubRepo; the abstract repeats it
        mentioned_repo_urls=("https://github.com/other/repo",),
        github_stars=0,
        project_page="https://mcpmark.ai/",
        ai_summary="Short summary.",
        ai_keywords=("benchmark", "MCP"),
        organization_id="evalsys",
        submitted_by="akhaliq",
        discussion_id="68dc9eff4159d1f2418f9ba6",
        author_users=("ann-a", None),
        ai_summary_model="Qwen/Qwen3-235B-A22B",
        linked_models=2,
        linked_datasets=1,
        linked_spaces=None,
    )


def test_missing_and_null_mean_unknown() -> None:
    """null is the same as a missing key; counts stay None, never 0."""
    item = _item(upvotes=None, summary=None, authors=None, githubStars=None)
    paper = paperlist.loads(json.dumps([item]), strict=True)[0]
    assert (paper.upvotes, paper.comments, paper.abstract, paper.authors, paper.author_count) == (
        None,
        None,
        None,
        (),
        None,
    )
    assert paper.github_stars is None


def test_outer_title_is_the_fallback() -> None:
    """Without paper.title the outer title is used."""
    item = _item()
    del item["paper"]["title"]
    item["title"] = "Outer title"
    assert paperlist.loads(json.dumps([item]), strict=True)[0].title == "Outer title"


def test_caller_data_is_never_mutated() -> None:
    """Loading never changes the items given (checked on a real response)."""
    items = json_items("daily_papers_2025-10-03.json")
    before = copy.deepcopy(items)
    paperlist.loads(json.dumps(items))
    assert items == before


def test_single_paper_object() -> None:
    """/api/papers/<id> returns one paper object: a one-paper listing."""
    paper_object = json_items("daily_papers_2026-06-03.json")[0]["paper"]
    listing = paperlist.loads(json.dumps(paper_object), strict=True)
    assert len(listing) == 1
    assert listing[0].arxiv_id == "2606.01249"
    assert listing[0].organization == "Samsung Research"
    assert listing[0].comments is None


def test_hydration_object() -> None:
    """{"dailyPapers": [...], "dateString", "periodType"} gives the page date too."""
    items = json_items("daily_papers_2024-03-19.raw.json")
    for item in items:
        del item["publishedAt"]  # no listing date of their own
    document = {"dailyPapers": items, "dateString": "2024-03-19", "periodType": "day"}
    listing = paperlist.loads(json.dumps(document), strict=True)
    assert listing.date == datetime.date(2024, 3, 19)
    assert {paper.listed for paper in listing} == {datetime.date(2024, 3, 19)}
    weekly = paperlist.loads(json.dumps({**document, "periodType": "week"}), strict=True)
    assert {paper.listed for paper in weekly} == {None}
    search = paperlist.loads(json.dumps({"searchResults": items}), strict=True)
    assert len(search) == 13
    assert search.date is None


def test_search_items_with_missing_outer_keys() -> None:
    """Search items may lack outer keys; bare paper objects in the array also read."""
    items = [_item(), {"id": "2401.00001", "title": "Bare", "upvotes": 2}]
    listing = paperlist.loads(json.dumps(items), strict=True)
    assert [(paper.arxiv_id, paper.upvotes) for paper in listing] == [
        ("2509.24002", None),
        ("2401.00001", 2),
    ]


@pytest.mark.parametrize(
    ("timestamp", "expected"),
    [
        ("2025-09-28T17:53:27.000Z", datetime.date(2025, 9, 28)),
        ("2025-09-28T17:53:27Z", datetime.date(2025, 9, 28)),
        ("2025-09-28T17:53:27+00:00", datetime.date(2025, 9, 28)),
        ("2025-09-28", datetime.date(2025, 9, 28)),
    ],
)
def test_timestamp_shapes(timestamp: str, expected: datetime.date) -> None:
    """Z, +00:00, with or without fraction, or a bare date."""
    paper = paperlist.loads(json.dumps([_item(publishedAt=timestamp)]), strict=True)[0]
    assert paper.published == expected


def test_empty_array_is_an_empty_listing() -> None:
    """A day with no papers is []."""
    listing = paperlist.loads("[]")
    assert (len(listing), listing.format, listing.issues) == (0, "json", ())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            '{"error": "Sorry, we can\'t find the page you are looking for."}',
            "<string>: the API answered with an error: "
            '"Sorry, we can\'t find the page you are looking for."',
        ),
        ("42", "<string>: expected a Daily Papers JSON array or object, got a number"),
        ('"text"', "<string>: expected a Daily Papers JSON array or object, got a string"),
        ("[1, 2]", "<string>: expected an object at $[0], got a number"),
        (
            '{"dailyPapers": ["x", 2]}',
            "<string>: expected an object at $.dailyPapers[0], got a string",
        ),
        (
            '{"foo": 1}',
            "<string>: expected a Daily Papers response (an array of items, a paper object, "
            "or an object with 'dailyPapers' or 'searchResults'), got an object with keys ['foo']",
        ),
        ('{"dailyPapers": 3}', "<string>: expected an array at $.dailyPapers, got a number"),
    ],
)
def test_unreadable_shapes_raise_with_a_json_path(data: str, message: str) -> None:
    """Anything that is no known shape raises ParseError naming what was wrong."""
    with pytest.raises(ParseError) as caught:
        paperlist.loads(data, format="json")
    assert str(caught.value) == message


def test_array_of_non_objects_raises_even_leniently() -> None:
    """An array in which no item is an object is no listing."""
    with pytest.raises(ParseError) as caught:
        paperlist.loads("[1, 2]")
    assert caught.value.field == "$[0]"


def test_truncated_json_has_a_line_and_column() -> None:
    """A cut-off response gives ParseError with the position json reports."""
    text = JSON_FILES[2].read_text(encoding="utf-8")[:5000]
    with pytest.raises(ParseError) as caught:
        paperlist.loads(text)
    assert caught.value.line is not None
    assert caught.value.line > 1
    assert caught.value.column is not None
    assert str(caught.value).startswith(
        f"<string>:{caught.value.line}:{caught.value.column}: invalid JSON"
    )
    assert isinstance(caught.value.__cause__, json.JSONDecodeError)


def test_wrong_field_type_is_an_issue_with_its_path() -> None:
    """Upvotes as text: None plus an Issue whose field is the JSON path."""
    items = [_item(), _item(upvotes="12", publishedAt="not a date")]
    listing = paperlist.loads(json.dumps(items))
    assert [paper.upvotes for paper in listing] == [None, None]
    assert listing[1].published is None
    assert listing.issues == (
        Issue(
            "expected an ISO 8601 timestamp at $[1].paper.publishedAt, got a string 'not a date'",
            field="$[1].paper.publishedAt",
            index=1,
        ),
        Issue(
            "expected a whole number >= 0 at $[1].paper.upvotes, got a string '12'",
            field="$[1].paper.upvotes",
            index=1,
        ),
    )
    with pytest.raises(ParseError) as caught:
        paperlist.loads(json.dumps(items), strict=True)
    assert caught.value.field == "$[1].paper.publishedAt"


def test_non_object_item_is_an_issue_in_lenient_mode() -> None:
    """A stray non-object item is reported; the other papers are kept."""
    listing = paperlist.loads(json.dumps([_item(), 7, _item(id="2401.00001")]))
    assert [paper.arxiv_id for paper in listing] == ["2509.24002", "2401.00001"]
    assert listing.issues == (Issue("expected an object at $[1], got a number", field="$[1]"),)


def test_missing_title_keeps_the_paper() -> None:
    """No title anywhere: the paper is kept with an empty title and an Issue."""
    item = _item()
    del item["paper"]["title"]
    listing = paperlist.loads(json.dumps([item]))
    assert listing[0].title == ""
    assert listing[0].arxiv_id == "2509.24002"
    assert listing.issues == (
        Issue(
            "expected a title at $[0].paper.title, found none", field="$[0].paper.title", index=0
        ),
    )


# -- paperlist's own JSON -----------------------------------------------------------


def test_own_format_round_trip_on_real_data() -> None:
    """dumps then loads restores a real listing exactly, provenance included."""
    listing = paperlist.load(JSON_FILES[11])
    text = paperlist.dumps(listing, indent=2)
    assert json.loads(text)["paperlist"] == 3
    again = paperlist.loads(text)
    assert again == listing
    assert again.format == "json"
    assert again.source == str(JSON_FILES[11])


def test_dump_writes_to_a_file_object() -> None:
    """dump() writes what dumps() returns."""
    listing = paperlist.load(JSON_FILES[0])
    buffer = io.StringIO()
    paperlist.dump(listing, buffer)
    assert buffer.getvalue() == paperlist.dumps(listing)


_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
_dates = st.one_of(st.none(), st.dates())
_counts = st.one_of(st.none(), st.integers(0, 10**12))
_strs = st.one_of(st.none(), _text)
_papers = st.builds(
    Paper,
    title=_text,
    arxiv_id=_strs,
    abstract=_strs,
    authors=st.lists(_text, max_size=3).map(tuple),
    author_count=_counts,
    organization=_strs,
    published=_dates,
    listed=_dates,
    upvotes=_counts,
    comments=_counts,
    repo_url=_strs,
    mentioned_repo_urls=st.lists(_text, max_size=2).map(tuple),
    github_stars=_counts,
    project_page=_strs,
    ai_summary=_strs,
    ai_keywords=st.lists(_text, max_size=3).map(tuple),
)
_issues = st.builds(
    Issue,
    message=_text,
    line=st.one_of(st.none(), st.integers(1, 10**6)),
    column=st.one_of(st.none(), st.integers(1, 10**6)),
    field=_strs,
    index=st.one_of(st.none(), st.integers(0, 10**6)),
)
_listings = st.builds(
    Listing,
    papers=st.lists(_papers, max_size=4).map(tuple),
    title=_strs,
    date=_dates,
    format=st.sampled_from([None, "text", "html", "json"]),
    source=_strs,
    issues=st.lists(_issues, max_size=3).map(tuple),
)


@settings(max_examples=150, deadline=None)
@given(_listings)
def test_own_format_round_trip_property(listing: Listing) -> None:
    """loads(dumps(x)) == x for every Listing."""
    assert paperlist.loads(paperlist.dumps(listing)) == listing


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            {"paperlist": 1, "papers": [{"title": "x", "published": 3}]},
            "<string>: invalid value for type, expected datetime.date | None at "
            "$.papers[0].published",
        ),
        (
            {"paperlist": 1, "papers": [{"title": "x", "bogus": 3}]},
            "<string>: extra fields found (bogus) at $.papers[0]",
        ),
        (
            {"paperlist": 1, "papers": [{"title": "x", "upvotes": "3"}]},
            "<string>: invalid value for type, expected int | None at $.papers[0].upvotes",
        ),
        (
            {"paperlist": 4, "papers": []},
            "<string>: expected paperlist document version 1 to 3, got 4",
        ),
        (
            {"paperlist": 1, "papers": [{"title": "x", "authors": "Ann"}]},
            "<string>: invalid value for type, expected tuple at $.papers[0].authors",
        ),
        (
            {"paperlist": 1, "extra": True},
            "<string>: extra fields found (extra) at $",
        ),
    ],
)
def test_own_format_errors_name_the_json_path(document: dict[str, Any], message: str) -> None:
    """In paperlist's own format, unknown keys and wrong types are errors with a path."""
    with pytest.raises(ParseError) as caught:
        paperlist.loads(json.dumps(document))
    assert str(caught.value) == message


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_json_error_lines_count_every_kind_of_line_end(newline: str) -> None:
    """A decode error's line and column are right with LF, CRLF or CR line ends."""
    text = newline.join(["[", '  {"paper": {"id": "2509.24002"}},', "  {oops}", "]"])
    with pytest.raises(ParseError) as caught:
        paperlist.loads(text)
    assert (caught.value.line, caught.value.column) == (3, 4)


def test_strict_mode_stops_at_the_first_bad_item() -> None:
    """Strict mode raises for the first item with a problem, naming its JSON path."""
    one, bad = json.dumps(_item()), json.dumps(_item(upvotes="12"))
    with pytest.raises(ParseError) as caught:
        paperlist.loads(f"[{one}, {bad}]", strict=True)
    assert caught.value.field == "$[1].paper.upvotes"


_OLD_ITEMS = json_items("daily_papers_2024-03-19.raw.json")[:3]
for _old in _OLD_ITEMS:
    del _old["publishedAt"]  # no listing date of their own: a day page's date stands in


@pytest.mark.parametrize("date_first", [False, True])
def test_html_props_give_undated_papers_the_day_page_date(date_first: bool) -> None:
    """A day page's dateString dates its undated papers wherever it stands in the props."""
    items: list[Any] = [*_OLD_ITEMS, 5, _item(upvotes="12")]
    page = listing_page(items, date_string="2024-03-19", period="day", cards=False)
    if date_first:  # in the real props, not the look-alike script's
        before, after = page.rsplit("{&quot;dailyPapers&quot;", 1)
        date = "&quot;dateString&quot;:&quot;2024-03-19&quot;"
        after = after.replace(f",{date}", "")  # moved, not repeated
        page = f"{before}{{{date},&quot;dailyPapers&quot;{after}"
        assert page.index("dateString") < page.rindex("Fast High-Resolution")
    listing = paperlist.loads(page)
    assert [paper.listed for paper in listing][:3] == [datetime.date(2024, 3, 19)] * 3
    assert [issue.field for issue in listing.issues] == [
        "$.dailyPapers[3]",
        "$.dailyPapers[4].paper.upvotes",
    ]


def test_submitter_organization_when_the_paper_names_none() -> None:
    """submitterOrganization (2025-09) is the organisation when the paper and item have none."""
    listing = paperlist.load(DATA / "json" / "daily_papers_2025-09-29.json", strict=True)
    by_id = {paper.arxiv_id: paper.organization for paper in listing}
    # Read off the file: 13 of its 30 items carry only an outer submitterOrganization.
    assert by_id["2509.22622"] == "NVIDIA"
    assert by_id["2509.22637"] == "Sea AI Lab"
    assert sum(1 for name in by_id.values() if name is not None) == 13


def test_declared_and_mentioned_repositories_on_every_real_response() -> None:
    """A declared repository is the item's githubRepo and nothing else; links only in the
    abstract are mentions. Counted from the raw files: 85 githubRepo, 29 abstract-only."""
    from paperlist.query import has_repo

    declared = mentions_only = 0
    for path in JSON_FILES:
        items = json.loads(path.read_text(encoding="utf-8"))
        for item, paper in zip(items, paperlist.load(path, strict=True), strict=True):
            github = item["paper"].get("githubRepo")
            if github:
                declared += 1
                # Canonical: scheme, host, owner and name, no tail.
                assert paper.repo_url == "/".join(github.rstrip("/").split("/")[:5])
                assert paper.repo_url not in paper.mentioned_repo_urls
            else:
                assert paper.repo_url is None
                if re.search(r"(?:github|gitlab)\.com/[\w.-]+/[\w.-]+", item["paper"]["summary"]):
                    mentions_only += 1
                    assert paper.mentioned_repo_urls
    assert (declared, mentions_only) == (85, 29)
    papers = [paper for path in JSON_FILES for paper in paperlist.load(path)]
    assert len([paper for paper in papers if has_repo()(paper)]) == 85
    assert len([paper for paper in papers if has_repo(include_mentions=True)(paper)]) == 85 + 29


def test_version_1_documents_still_load() -> None:
    """A document paperlist 0.1 wrote loads; its repo_urls, declared or not, are mentions."""
    version_1 = {
        "paperlist": 1, "title": None, "date": "2025-10-28", "format": "text", "source": None,
        "papers": [{
            "title": "T", "arxiv_id": None, "abstract": None, "authors": [], "author_count": 4,
            "organization": None, "published": "2023-11-22", "listed": None, "upvotes": None,
            "comments": 2, "repo_urls": ["https://github.com/a/b"], "github_stars": None,
            "project_page": None, "ai_summary": None, "ai_keywords": [],
        }],
        "issues": [],
    }  # fmt: skip
    (paper,) = paperlist.loads(json.dumps(version_1), strict=True)
    assert paper == Paper(
        title="T",
        author_count=4,
        published=datetime.date(2023, 11, 22),
        comments=2,
        mentioned_repo_urls=("https://github.com/a/b",),
    )
    assert json.loads(paperlist.dumps(paperlist.loads(json.dumps(version_1))))["paperlist"] == 3


def test_a_hydration_object_with_both_arrays_gives_the_papers_of_both() -> None:
    """No array of papers a document holds is left unread."""
    day = [{"paper": {"id": "2404.02060", "title": "A"}}]
    found = [{"paper": {"id": "2404.02078", "title": "B", "upvotes": "x"}}]
    listing = paperlist.loads(json.dumps({"dailyPapers": day, "searchResults": found}))
    assert [paper.arxiv_id for paper in listing] == ["2404.02060", "2404.02078"]
    (issue,) = listing.issues
    assert (issue.field, issue.index) == ("$.searchResults[0].paper.upvotes", 1)


def test_version_2_documents_still_load_with_the_new_fields_unknown() -> None:
    """A document as 0.2's first releases wrote it: no organization_id and the rest."""
    version_2: dict[str, Any] = {
        "paperlist": 2, "title": None, "date": None, "format": "json", "source": None,
        "papers": [{"title": "T", "arxiv_id": "2404.02060", "repo_url": None,
                    "mentioned_repo_urls": [], "upvotes": 4}],
        "issues": [],
    }  # fmt: skip
    paper = paperlist.loads(json.dumps(version_2), strict=True)[0]
    assert (paper.upvotes, paper.organization_id, paper.author_users) == (4, None, ())


def test_author_handles_of_odd_shapes_are_unknown_not_errors() -> None:
    """A user that is no object, or a handle that is no text, leaves that handle unknown."""
    authors = [
        {"name": "A", "user": "a-string"},
        {"name": "B", "user": {"user": 7}},
        {"name": "C", "user": {"user": "c-handle"}},
    ]
    paper = paperlist.loads(json.dumps([_item(authors=authors)]))[0]
    assert paper.author_users == (None, None, "c-handle")
    assert (
        paperlist.loads(json.dumps([_item(authors=[{"name": "A", "user": None}])]))[0].author_users
        == ()
    )


def test_a_repeated_name_loses_no_array_of_papers() -> None:
    """json.loads keeps a repeated name's last value; every array under it is read here."""
    text = (
        '{"dailyPapers": [{"paper": {"id": "2404.02060", "title": "A"}}],\n'
        ' "dateString": "2024-04-01",\n'
        ' "dailyPapers": [{"paper": {"id": "2404.02078", "title": "B"}}],\n'
        ' "dateString": "2024-04-02"}'
    )
    listing = paperlist.loads(text)
    assert [paper.arxiv_id for paper in listing] == ["2404.02060", "2404.02078"]
    assert listing.date == datetime.date(2024, 4, 2)  # the last value, as json.loads reads it
    assert [(issue.message, issue.field) for issue in listing.issues] == [
        ("the name 'dailyPapers' appears 2 times in one object: its arrays are joined",
         "$.dailyPapers"),
        ("the name 'dateString' appears 2 times in one object: its last value is read",
         "$.dateString"),
    ]  # fmt: skip
    with pytest.raises(ParseError, match="'dailyPapers' appears 2 times"):
        paperlist.loads(text, strict=True)


def test_a_repeated_name_in_html_props_is_reported_with_the_element_line() -> None:
    props = (
        '{"dailyPapers":[{"paper":{"id":"2404.02060","title":"A"}}],'
        '"dailyPapers":[{"paper":{"id":"2404.02078","title":"B"}}]}'
    )
    page = f"<html><body>\n<div data-target='DailyPapers' data-props='{props}'></div></body></html>"
    listing = paperlist.loads(page)
    assert [paper.arxiv_id for paper in listing] == ["2404.02060", "2404.02078"]
    (issue,) = listing.issues
    assert (issue.line, issue.field) == (2, "$.dailyPapers")


@pytest.mark.parametrize(
    "text",
    ['{"dailyPapers": [] "x": 1}', '{"dailyPapers" []}', '{"dailyPapers": [], }', '{"a": tru}'],
)
def test_malformed_objects_keep_jsons_own_message(text: str) -> None:
    """An object read member by member fails with the message json.loads gives it."""
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    with pytest.raises(ParseError) as caught:
        paperlist.loads(text)
    assert caught.value.message == f"invalid JSON: {expected.value.msg}"
    assert (caught.value.line, caught.value.column) == (1, expected.value.colno)
