"""The whole-card fast path of the text reader reads exactly what line-by-line reading does.

Every test loads the same text twice, once with the fast path switched off, and
compares Listings (papers and issues) or ParseError messages.
"""

from __future__ import annotations

import datetime
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import paperlist
from conftest import SEED
from paperlist import Listing, ParseError
from paperlist._text_lines import Kind, _Reader, read_units

TODAY = datetime.date(2025, 10, 28)
_SEED_TEXT = SEED.read_text(encoding="utf-8")
_ABSTRACT = " ".join(["An abstract that goes on."] * 10)
_CARD = "A Title\n\n" + _ABSTRACT + "\n\n  • 4 authors\n·\n{date}\n\n"


def _outcome(text: str, strict: bool) -> Listing | str:
    try:
        return paperlist.loads(text, format="text", today=TODAY, strict=strict)
    except ParseError as exc:
        return str(exc)


def _both(text: str, strict: bool = False) -> tuple[Listing | str, Listing | str]:
    """(fast path on, fast path off) for ``text``."""
    fast = _outcome(text, strict)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_Reader, "_whole_card", lambda *_: False)
        slow = _outcome(text, strict)
    return fast, slow


def _card_units(text: str) -> int:
    return sum(unit.kind == Kind.CARD for unit in read_units(text.split("\n")))


def test_the_seed_reads_the_same_and_mostly_by_whole_cards() -> None:
    fast, slow = _both(_SEED_TEXT)
    assert fast == slow
    assert isinstance(fast, Listing)
    assert len(fast) == 87
    # 84 cards have "• N authors"; 3 have no metadata; every abstract is one long line.
    assert _card_units(_SEED_TEXT) == 84


@pytest.mark.parametrize(
    ("text", "whole_cards"),
    [
        pytest.param(_CARD.format(date="Feb 30, 2024"), 1, id="unreadable date"),
        pytest.param(_CARD.format(date="Dec 25"), 1, id="year-less date"),
        pytest.param(_CARD.format(date="Oct 3, 2024 4"), 1, id="date with comments"),
        pytest.param("·\n\n" + _CARD.format(date="Oct 3, 2024"), 0, id="after an orphan '·'"),
        pytest.param(
            "·\n\n" + _CARD.format(date="Oct 3, 2024").replace("A Title", "May 5 Ways"),
            0,
            id="date-like title after an orphan '·'",
        ),
        pytest.param("Just a title\n\n" + _CARD.format(date="Oct 3"), 1, id="after a bare title"),
        pytest.param("12\n" + _CARD.format(date="Oct 3"), 1, id="after an upvote count"),
        pytest.param(
            _CARD.format(date="Oct 3").replace("4 authors", "many authors"),
            0,
            id="unreadable count",
        ),
        pytest.param(_CARD.format(date="Oct 3").replace("4 authors", "ACME"), 0, id="organisation"),
        pytest.param(_CARD.format(date="Oct 3").replace("Oct 3", "Daily"), 0, id="chrome date"),
        pytest.param(_CARD.format(date="Oct 3") * 3, 3, id="three in a row"),
        pytest.param("### A Title\n\n" + _CARD.format(date="Oct 3"), 0, id="after Markdown"),
    ],
)
def test_edge_cases_read_the_same(text: str, whole_cards: int) -> None:
    assert _card_units(text) == whole_cards
    for strict in (False, True):
        fast, slow = _both(text, strict)
        assert fast == slow


def test_an_unreadable_date_is_reported_at_its_own_line() -> None:
    listing = paperlist.loads("\n" + _CARD.format(date="Feb 30, 2024"), today=TODAY)
    assert _card_units(_CARD.format(date="Feb 30, 2024")) == 1
    assert [(issue.line, issue.column, issue.field) for issue in listing.issues] == [
        (8, 1, "published")
    ]


_SETTINGS = settings(
    max_examples=int(os.environ.get("PAPERLIST_FUZZ_EXAMPLES", "120")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_SEED_LINES = _SEED_TEXT.split("\n")[:400]
_PIECES = ["", "·", "  • 4 authors", "  • ACME", "Oct 3", "Feb 30", "12", "### T", "x" * 250]


@_SETTINGS
@given(st.data(), st.booleans())
def test_mutated_seed_reads_the_same(data: st.DataObject, strict: bool) -> None:
    """Lines of the seed deleted, duplicated, swapped or replaced by card pieces."""
    lines = list(_SEED_LINES)
    for _ in range(data.draw(st.integers(1, 6))):
        position = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["delete", "duplicate", "swap", "replace"]))
        if action == "delete":
            del lines[position]
        elif action == "duplicate":
            lines.insert(position, lines[position])
        elif action == "swap" and position + 1 < len(lines):
            lines[position], lines[position + 1] = lines[position + 1], lines[position]
        elif action == "replace":
            lines[position] = data.draw(st.sampled_from(_PIECES))
    fast, slow = _both("\n".join(lines), strict)
    assert fast == slow
