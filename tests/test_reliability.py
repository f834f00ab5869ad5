"""Nothing is lost: card conservation, concurrency, lenient versus strict."""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import paperlist
from conftest import (
    JSON_FILES,
    MARKDOWN_TODAY,
    PAPER_PAGE,
    SEARCH_HEAD,
    SEARCH_TAIL,
    SEED,
    SEED_TODAY,
    TRENDING,
    json_items,
)
from pagebuilder import listing_page
from paperlist import ParseError

# -- independent card counts ---------------------------------------------------------


def _seed_cards(text: str) -> int:
    """Title paragraphs of a plain dump: short, one line, no "·", after the header."""
    paragraphs = [p for p in text.split("\n\n")[6:] if p.strip()]
    return sum(1 for p in paragraphs if "\n" not in p.strip() and len(p) < 250 and "·" not in p)


def _markdown_cards(text: str) -> int:
    """Markdown titles ("### "), with the trending dumps' doubled cards counted once."""
    titles = [line for line in text.split("\n") if line.startswith("### ")]
    return sum(1 for i, title in enumerate(titles) if i == 0 or titles[i - 1] != title)


@pytest.mark.parametrize(
    ("path", "today", "count"),
    [
        (SEED, SEED_TODAY, _seed_cards),
        (SEARCH_HEAD, MARKDOWN_TODAY, _markdown_cards),
        (SEARCH_TAIL, MARKDOWN_TODAY, _markdown_cards),
        (TRENDING, MARKDOWN_TODAY, _markdown_cards),
    ],
    ids=["seed", "search-head", "search-tail", "trending"],
)
def test_every_card_of_a_dump_is_a_paper(path: Path, today: object, count: object) -> None:
    """Counted independently, every card of each real dump is a Paper."""
    cards = count(path.read_text(encoding="utf-8"))  # type: ignore[operator]
    listing = paperlist.load(path, today=today)  # type: ignore[arg-type]
    assert cards > 0
    assert len(listing) == cards
    assert listing.issues == ()


@pytest.mark.parametrize("path", JSON_FILES, ids=lambda path: path.name)
def test_every_json_item_is_a_paper(path: Path) -> None:
    """Every item of every real response is a Paper."""
    assert len(paperlist.load(path)) == len(json.loads(path.read_text(encoding="utf-8")))


def test_every_html_item_is_a_paper() -> None:
    """Pages keep every item, from props and from cards."""
    items = json_items("daily_papers_2026-03-10.json")
    assert len(paperlist.loads(listing_page(items))) == len(items) == 28
    assert len(paperlist.loads(listing_page(items, hydration=False))) == 28
    assert len(paperlist.load(PAPER_PAGE)) == 1


_ABSTRACT = "Long enough to be an abstract. " * 10


@pytest.mark.parametrize(
    ("damage", "field"),
    [
        (lambda card: card.replace("Jun 3, 2023", "Jun 31, 2023"), "published"),
        (lambda card: card.replace("Jun 3, 2023", "Smarch 3"), "published"),
        (lambda card: card.replace("3 authors", "several authors"), "author_count"),
        (lambda card: card.replace("\n·\nJun 3, 2023", "\n·\n"), "published"),
    ],
    ids=["impossible-date", "unknown-month", "author-words", "missing-date"],
)
def test_a_damaged_field_never_drops_its_paper(damage: object, field: str) -> None:
    """Lenient mode keeps the paper with the field unknown; strict mode raises."""
    good = f"First\n\n{_ABSTRACT}\n\n  • 3 authors\n·\nJun 3, 2023"
    other = f"Second\n\n{_ABSTRACT}\n\n  • 2 authors\n·\nMay 2, 2023"
    text = damage(good) + "\n\n" + other  # type: ignore[operator]
    listing = paperlist.loads(text, today=SEED_TODAY)
    assert [paper.title for paper in listing] == ["First", "Second"]
    assert getattr(listing[0], field) is None
    assert [(issue.field, issue.index) for issue in listing.issues] == [(field, 0)]
    with pytest.raises(ParseError) as caught:
        paperlist.loads(text, today=SEED_TODAY, strict=True)
    assert caught.value.line == listing.issues[0].line


def test_a_card_without_its_title_is_an_issue() -> None:
    """Deleting a card's title leaves its metadata as an Issue, not silence."""
    text = SEED.read_text(encoding="utf-8")
    damaged = text.replace("Cycle Consistency Driven Object Discovery\n\n", "", 1)
    listing = paperlist.loads(damaged, today=SEED_TODAY)
    # The orphaned abstract is read as a title: the card is still there, and flagged.
    assert len(listing) == 87
    assert len(listing.issues) == 1
    assert listing.issues[0].message.startswith("expected a one-line title, got a")


def test_concurrent_loads_match_sequential_loads() -> None:
    """load() from 8 threads at once returns what sequential calls return."""
    paths = [SEED, SEARCH_HEAD, SEARCH_TAIL, TRENDING, PAPER_PAGE, *JSON_FILES[:11]]
    today = MARKDOWN_TODAY

    def load(path: Path) -> paperlist.Listing:
        return paperlist.load(path, today=today)

    sequential = [load(path) for path in paths]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(3):
            assert list(pool.map(load, paths)) == sequential


def test_strict_and_lenient_agree_on_clean_input() -> None:
    """On every clean real sample, strict mode gives the lenient result."""
    for path in [SEED, SEARCH_HEAD, SEARCH_TAIL, TRENDING, PAPER_PAGE, *JSON_FILES]:
        assert paperlist.load(path, today=MARKDOWN_TODAY, strict=True) == paperlist.load(
            path, today=MARKDOWN_TODAY
        )


def test_error_source_names_the_file(tmp_path: Path) -> None:
    """Errors from load() carry the path as given."""
    bad = tmp_path / "bad.json"
    bad.write_text('[{"paper": ', encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        paperlist.load(bad)
    assert caught.value.source == str(bad)
    assert re.fullmatch(re.escape(str(bad)) + r":1:12: invalid JSON: .*", str(caught.value))
