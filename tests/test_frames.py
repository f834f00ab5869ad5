"""Listings as pandas DataFrames and Arrow tables: one schema whatever the input."""

from __future__ import annotations

import datetime
import sys

import pytest

import paperlist
from paperlist import Paper

pandas = pytest.importorskip("pandas")
pyarrow = pytest.importorskip("pyarrow")

COUNTS = (
    "author_count", "upvotes", "comments", "github_stars",
    "linked_models", "linked_datasets", "linked_spaces",
)  # fmt: skip
TEXT = ("title", "arxiv_id", "abstract", "organization", "repo_url", "project_page", "url")
COLUMNS = [
    "title", "arxiv_id", "abstract", "authors", "author_count", "organization",
    "published", "listed", "upvotes", "comments", "repo_url", "mentioned_repo_urls",
    "github_stars", "project_page", "ai_summary", "ai_keywords", "organization_id",
    "submitted_by", "discussion_id", "author_users", "ai_summary_model", "linked_models",
    "linked_datasets", "linked_spaces", "url",
]  # fmt: skip


def test_every_sample_gives_the_same_dtypes(samples: dict[str, paperlist.Listing]) -> None:
    for name, listing in samples.items():
        dtypes = listing.to_pandas().dtypes
        assert {str(dtypes[column]) for column in ("published", "listed")} == {"datetime64[s]"}, (
            name
        )
        assert {str(dtypes[column]) for column in COUNTS} == {"Int64"}, name
        assert {str(dtypes[column]) for column in TEXT} == {"string"}, name


def test_values_and_unknowns_in_a_frame() -> None:
    listing = paperlist.Listing(
        [
            Paper(
                "A", "2404.02060", authors=("X", "Y"), published=datetime.date(2024, 4, 2),
                upvotes=0,
            ),
            Paper("B", comments=7),
        ]
    )  # fmt: skip
    frame = listing.to_pandas()
    assert list(frame.columns) == COLUMNS
    assert frame.loc[0, "arxiv_id"] == "2404.02060"  # text, not the float 2404.0206
    assert frame.loc[0, "upvotes"] == 0
    assert frame.loc[1, "upvotes"] is pandas.NA
    assert frame.loc[0, "published"].year == 2024
    assert pandas.isna(frame.loc[1, "published"])
    assert frame.loc[0, "authors"] == ["X", "Y"]
    assert frame.loc[1, "comments"] == 7
    assert frame.loc[0, "url"] == "https://huggingface.co/papers/2404.02060"


def test_an_empty_listing_has_every_column() -> None:
    assert list(paperlist.Listing().to_pandas().columns) == COLUMNS
    assert paperlist.Listing().to_arrow().schema == paperlist.Listing.arrow_schema()


def test_a_date_far_from_now_fits() -> None:
    frame = paperlist.Listing([Paper("Old", published=datetime.date(1, 1, 1))]).to_pandas()
    assert frame.loc[0, "published"].year == 1


def test_tables_from_four_formats_concatenate(samples: dict[str, paperlist.Listing]) -> None:
    names = (
        "daily_papers_2024-08-02.json",
        "daily_listing_2024-08-01.html",
        "papers_trending.markdown-dump.head.md",
        "seed.txt",
    )
    formats = {samples[name].format for name in names}
    assert formats == {"json", "html", "text"}
    tables = [samples[name].to_arrow() for name in names]
    combined = pyarrow.concat_tables(tables)
    assert combined.num_rows == sum(len(samples[name]) for name in names)
    assert combined.schema == paperlist.Listing.arrow_schema()
    assert combined.schema.field("published").type == pyarrow.date32()
    assert combined.schema.field("authors").type == pyarrow.list_(pyarrow.string())


def test_polars_reads_the_arrow_table(samples: dict[str, paperlist.Listing]) -> None:
    polars = pytest.importorskip("polars")
    listing = samples["daily_papers_2024-08-02.json"]
    frame = polars.from_arrow(listing.to_arrow())
    assert frame.height == len(listing)
    assert frame.schema["upvotes"] == polars.Int64
    assert frame.schema["published"] == polars.Date
    assert frame["arxiv_id"].to_list() == [paper.arxiv_id for paper in listing]


@pytest.mark.parametrize(
    ("method", "module", "extra"),
    [("to_pandas", "pandas", "pandas"), ("to_arrow", "pyarrow", "arrow")],
)
def test_without_the_extra_the_error_names_it(
    monkeypatch: pytest.MonkeyPatch, method: str, module: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # as if it were not installed
    with pytest.raises(ImportError, match=rf"pip install 'paperlist\[{extra}\]'"):
        getattr(paperlist.Listing(), method)()
