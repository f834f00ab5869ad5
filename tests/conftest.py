"""Shared paths and fixtures; no test reads the clock, the network or the locale."""

from __future__ import annotations

import datetime
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

import paperlist

TESTS = Path(__file__).parent
DATA = TESTS / "data"
SEED = DATA / "text" / "seed.txt"
SEED_TODAY = datetime.date(2025, 10, 28)
SEARCH_HEAD = DATA / "text" / "papers_search_q-source-citations_2026-10-02.firecrawl.head.md"
SEARCH_TAIL = DATA / "text" / "papers_search_q-source-citations_2026-10-02.firecrawl.tail.md"
TRENDING = DATA / "text" / "papers_trending.markdown-dump.head.md"
MARKDOWN_TODAY = datetime.date(2026, 10, 2)
PAPER_PAGE = DATA / "html" / "paper_page_2509.24002.prettified.html"
JSON_FILES = sorted((DATA / "json").glob("*.json"))

# pagebuilder lives beside the tests, and the benchmark imports it too.
sys.path.insert(0, str(TESTS))


def real_props(page: str, target: str) -> dict[str, Any]:
    """The hydration props of the element ``target`` names in the real saved page
    ``page`` (under tests/data/html): the truth its dumps are checked against."""
    from lxml import etree  # imported only where the truth is asked for

    root = etree.parse(str(DATA / "html" / page), etree.HTMLParser()).getroot()
    element = root.find(f".//*[@data-target='{target}']")
    assert element is not None
    props: dict[str, Any] = json.loads(element.get("data-props") or "")
    return props


def json_items(name: str) -> list[dict[str, Any]]:
    """The items of one real /api/daily_papers response."""
    items: list[dict[str, Any]] = json.loads((DATA / "json" / name).read_text(encoding="utf-8"))
    return items


@pytest.fixture(scope="session")
def seed() -> paperlist.Listing:
    """The seed page, loaded leniently with its capture date."""
    return paperlist.load(SEED, today=SEED_TODAY)


def _sample_paths() -> list[Path]:
    """Every real sample holding papers: API JSON, HTML pages, seeds, golden text dumps."""
    texts = [
        path.with_name(path.name.removesuffix(".expected.json"))
        for path in sorted((DATA / "text").glob("*.expected.json"))
    ]
    texts += [SEED, DATA / "text" / "seed_short_abstract.txt"]
    return [*JSON_FILES, *sorted((DATA / "html").glob("*.html")), *texts]


SAMPLE_PATHS = _sample_paths()


def _sample_today(path: Path) -> datetime.date:
    named = re.search(r"\d{4}-\d{2}-\d{2}", path.name)
    if path == SEED:
        return SEED_TODAY
    return datetime.date.fromisoformat(named[0]) if named else MARKDOWN_TODAY


@pytest.fixture(scope="session")
def samples() -> dict[str, paperlist.Listing]:
    """Every real sample loaded leniently, by file name, each with its capture day."""
    return {path.name: paperlist.load(path, today=_sample_today(path)) for path in SAMPLE_PATHS}
