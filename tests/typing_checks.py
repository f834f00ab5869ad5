"""Static checks of the public types, run through ``mypy --strict`` by test_api.py.

Nothing here is executed as a test; mypy reads it.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

from typing_extensions import assert_type

import paperlist
from paperlist import Issue, Listing, Paper
from paperlist.query import (
    Predicate,
    has_repo,
    keyword,
    listed_between,
    max_authors,
    min_authors,
    min_upvotes,
    published_between,
)


def check_loading() -> None:
    assert_type(paperlist.load("page.txt"), Listing)
    assert_type(paperlist.load(io.BytesIO(b""), format="text"), Listing)
    assert_type(paperlist.loads(b"[]", today=datetime.date(2025, 1, 1), strict=True), Listing)
    assert_type(paperlist.loads("[]"), Listing)
    assert_type(paperlist.dumps(Listing()), str)
    assert_type(paperlist.sample_path().name, str)


def check_query() -> None:
    assert_type(published_between("2024-01-01", datetime.date(2024, 12, 31)), Predicate)
    assert_type(listed_between(None, "2025-01-01"), Predicate)
    assert_type(min_authors(3), Predicate)
    assert_type(max_authors(3), Predicate)
    assert_type(min_upvotes(1), Predicate)
    assert_type(has_repo("github.com"), Predicate)
    assert_type(keyword("a", "b", fields=("title", "authors"), match="any"), Predicate)
    combined = has_repo() & ~min_authors(2) | keyword("x")
    assert_type(combined, Predicate)
    assert_type(combined(Paper(title="t")), bool)


def check_listing(listing: Listing) -> None:
    assert_type(listing[0], Paper)
    assert_type(listing[1:], Listing)
    assert_type(listing.filter(has_repo(), lambda paper: paper.upvotes is not None), Listing)
    assert_type(listing.sort_by("upvotes", reverse=True), Listing)
    assert_type(listing.sort_by(lambda paper: paper.title), Listing)
    assert_type(listing.merge(listing, listing), Listing)
    assert_type(listing.to_records(), list[dict[str, Any]])
    assert_type(listing.to_bibtex(), str)
    assert_type(listing.issues, tuple[Issue, ...])
    assert_type(listing.date, datetime.date | None)
    for paper in listing:
        assert_type(paper, Paper)
        assert_type(paper.authors, tuple[str, ...])
        assert_type(paper.url, str | None)
