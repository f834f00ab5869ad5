"""Card date lines, year-less dates and ISO timestamps."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paperlist._dates import CardDate, parse_card_date, parse_iso_date, resolve_yearless

TODAY = datetime.date(2025, 10, 28)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Nov 22, 2023", CardDate(datetime.date(2023, 11, 22), None)),
        ("Oct 3, 2024 4", CardDate(datetime.date(2024, 10, 3), 4)),
        ("Sep 11 1", CardDate(datetime.date(2025, 9, 11), 1, yearless=True)),
        ("May 30 2", CardDate(datetime.date(2025, 5, 30), 2, yearless=True)),
        ("Feb 12", CardDate(datetime.date(2025, 2, 12), None, yearless=True)),
        ("Oct 28", CardDate(datetime.date(2025, 10, 28), None, yearless=True)),
        ("Oct 29", CardDate(datetime.date(2024, 10, 29), None, yearless=True)),
        ("Sep 11 2024", CardDate(datetime.date(2024, 9, 11), None)),
        ("Sep 11 2024 3", CardDate(datetime.date(2024, 9, 11), 3)),
        ("Sep 11 2030", CardDate(datetime.date(2025, 9, 11), 2030, yearless=True)),
        ("Sep 11 1989", CardDate(datetime.date(2025, 9, 11), 1989, yearless=True)),
        ("September 11, 2024", CardDate(datetime.date(2024, 9, 11), None)),
        ("Sept. 11, 2024", CardDate(datetime.date(2024, 9, 11), None)),
        ("11 September 2024", CardDate(datetime.date(2024, 9, 11), None)),
    ],
)
def test_card_dates(line: str, expected: CardDate) -> None:
    """Dates with and without year, comment counts split off, a lost comma repaired."""
    assert parse_card_date(line, TODAY) == expected


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Smarch 3, 2024", "expected a date like 'Sep 11' or 'Sep 11, 2024', got 'Smarch 3, 2024'"),
        ("Feb 30", "expected a real calendar date, got 'Feb 30'"),
        ("Feb 30, 2024", "expected a real calendar date, got 'Feb 30, 2024'"),
        ("yesterday", "expected a date like 'Sep 11' or 'Sep 11, 2024', got 'yesterday'"),
    ],
)
def test_bad_card_dates_say_what_was_expected(line: str, message: str) -> None:
    """An unreadable date gives no date and a message quoting the text."""
    parsed = parse_card_date(line, TODAY)
    assert parsed.date is None
    assert parsed.error == message


def test_never_hands_a_count_to_dateutil() -> None:
    """'Sep 11 1' is Sep 11 with one comment, not 2001-09-11 as dateutil would say."""
    assert parse_card_date("Sep 11 1", TODAY).date == datetime.date(2025, 9, 11)


def test_yearless_examples_from_the_issue() -> None:
    """Dec 30 read on 2026-01-05 is 2025-12-30; Feb 29 goes back to a leap year."""
    assert resolve_yearless(12, 30, datetime.date(2026, 1, 5)) == datetime.date(2025, 12, 30)
    assert resolve_yearless(2, 29, datetime.date(2026, 1, 5)) == datetime.date(2024, 2, 29)
    assert resolve_yearless(2, 29, datetime.date(2024, 2, 29)) == datetime.date(2024, 2, 29)
    assert resolve_yearless(2, 29, datetime.date(2024, 2, 28)) == datetime.date(2020, 2, 29)
    assert resolve_yearless(2, 29, datetime.date(2103, 3, 1)) == datetime.date(
        2096, 2, 29
    )  # 2100 is no leap year
    assert resolve_yearless(2, 30, datetime.date(2026, 1, 5)) is None


@given(
    st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(9999, 12, 31)),
    st.integers(1, 12),
    st.integers(1, 31),
)
def test_yearless_is_never_after_today_nor_more_than_a_year_before(
    today: datetime.date, month: int, day: int
) -> None:
    """The resolved date is on or before today, and within a year unless it is Feb 29."""
    resolved = resolve_yearless(month, day, today)
    try:
        datetime.date(2024, month, day)
    except ValueError:
        assert resolved is None
        return
    if resolved is None:
        # Only Feb 29 can fail, and only near year 1000 where no leap year is close.
        assert (month, day) == (2, 29)
        return
    assert (resolved.month, resolved.day) == (month, day)
    assert resolved <= today
    if (month, day) != (2, 29):
        assert today - resolved < datetime.timedelta(days=366)
    else:
        assert today - resolved < datetime.timedelta(days=366 * 8 + 2)


@given(st.dates(min_value=datetime.date(1991, 1, 1), max_value=datetime.date(2100, 12, 31)))
def test_yearless_is_the_latest_such_date(today: datetime.date) -> None:
    """No later date with the same month and day lies on or before today."""
    resolved = resolve_yearless(today.month, today.day, today)
    assert resolved == today


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-19T03:16:09.386Z", datetime.date(2024, 3, 19)),
        ("2024-03-19T03:16:09Z", datetime.date(2024, 3, 19)),
        ("2024-03-19T03:16:09+00:00", datetime.date(2024, 3, 19)),
        ("2024-03-19T23:16:09-05:00", datetime.date(2024, 3, 20)),
        ("2024-03-19", datetime.date(2024, 3, 19)),
    ],
)
def test_iso_dates_are_utc(text: str, expected: datetime.date) -> None:
    """Timestamps read with or without fraction, offsets converted to a UTC date."""
    assert parse_iso_date(text) == expected
