"""Dates: month names, year-less dates, card date lines, ISO timestamps.

The only module that knows about month names, years and dateutil.
"""

from __future__ import annotations

import datetime
import email.utils
import re
import sys

import attrs

from ._numbers import parse_count

__all__ = [
    "CardDate",
    "date_argument",
    "day_of_http_date",
    "echoes_instant",
    "looks_like_card_date",
    "parse_card_date",
    "parse_iso_date",
    "parse_utc_instant",
    "resolve_yearless",
]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

# "Sep 11", "Sep 11, 2024", "Sep 11 2024" (comma lost), each optionally followed
# by the comment count: "Oct 3, 2024 4", "Sep 11 1".
# jusText glues inline elements together: "Aug1" is "Aug 1".
_CARD_DATE = re.compile(
    r"(?P<month>[A-Za-z]+)\.?\s*(?P<day>\d{1,2})"
    r"(?:(?P<comma>,)\s*(?P<year>\d{4})|\s+(?P<bare>\d+))?"
    r"(?:\s+(?P<count>\d+))?"
)
# What a date line looks like before we know whether it is a good one.
_DATE_SHAPE = re.compile(r"[A-Za-z]+\.?\s+\d{1,2}(?:\D|$)")
_FIRST_PLAUSIBLE_YEAR = 1990
# A Feb 29 is at most eight years back (2096 -> 2104 skips a leap year).
_LEAP_LOOKBACK_YEARS = 9

_ISO_ACCEPTS_Z = sys.version_info >= (3, 11)
_UTC = datetime.timezone.utc
_ECHO_SHIFTS = (datetime.timedelta(0), datetime.timedelta(hours=4), datetime.timedelta(hours=5))


@attrs.frozen
class CardDate:
    """A date line read from a card: the date, the comment count, or what went wrong."""

    date: datetime.date | None
    comments: int | None
    error: str | None = None
    yearless: bool = False  # the year was inferred from the capture date


def month_number(name: str) -> int | None:
    """The month (1-12) an English month name or abbreviation stands for, or None."""
    return _MONTHS.get(name.lower())


def looks_like_card_date(text: str) -> bool:
    """True when ``text`` is a whole date line (``Sep 11``, ``Oct 3, 2024 4``) of a real month."""
    match = _CARD_DATE.fullmatch(text)
    return match is not None and month_number(match["month"]) is not None


def has_date_shape(text: str) -> bool:
    """True when ``text`` begins with a word and a day number, month name or not."""
    return _DATE_SHAPE.match(text) is not None


def resolve_yearless(month: int, day: int, today: datetime.date) -> datetime.date | None:
    """The latest ``month``/``day`` on or before ``today``; None when no year has it."""
    for year in range(today.year, today.year - _LEAP_LOOKBACK_YEARS, -1):
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    return None


def _no_such_date(text: str) -> str:
    return f"expected a real calendar date, got {text!r}"


def _expected(text: str) -> str:
    return f"expected a date like 'Sep 11' or 'Sep 11, 2024', got {text!r}"


def parse_card_date(text: str, today: datetime.date) -> CardDate:
    """Read a card's date line, splitting the trailing comment count off first.

    A number from 1990 to ``today``'s year right after the day is the year
    (a converter lost the comma); any other number there is the comment count.
    """
    text = text.strip()
    match = _CARD_DATE.fullmatch(text)
    if match is None:
        return _fallback(text, today)
    month = month_number(match["month"])
    numbers = _year_and_count(match, today)
    if month is None or numbers is None:
        return CardDate(None, None, _expected(text))
    year_text, count_text = numbers
    comments = parse_count(count_text) if count_text is not None else None
    if count_text is not None and comments is None:
        return CardDate(
            None, None, f"expected a comment count after the date, got {count_text[:20]!r}"
        )
    day = int(match["day"])
    if year_text is None:
        resolved = resolve_yearless(month, day, today)
    else:
        try:
            resolved = datetime.date(int(year_text), month, day)
        except ValueError:
            resolved = None
    error = None if resolved else _no_such_date(text)
    return CardDate(resolved, comments, error, yearless=year_text is None)


def _year_and_count(
    match: re.Match[str], today: datetime.date
) -> tuple[str | None, str | None] | None:
    """The year and comment count a date line spells; None when it has one number too many.

    A bare number right after the day is the year when it can be one, else the count.
    """
    year_text, count_text, bare = match["year"], match["count"], match["bare"]
    if bare is None:
        return year_text, count_text
    if len(bare) == 4 and _FIRST_PLAUSIBLE_YEAR <= int(bare) <= today.year:
        return bare, count_text
    if count_text is None:
        return None, bare
    return None


def _fallback(text: str, today: datetime.date) -> CardDate:
    """Dates in other spellings ("11 September 2024", "September 11th, 2024").

    dateutil only sees text that names a month, never a comment count, and
    gets a fixed default so that nothing is filled in from the clock.
    """
    words = re.findall(r"[A-Za-z]+", text)
    if not any(month_number(word) is not None for word in words) or len(text) > 40:
        return CardDate(None, None, _expected(text))
    from dateutil import parser as dateutil_parser

    default = datetime.datetime(today.year, 1, 1)
    try:
        parsed = dateutil_parser.parse(text, default=default).date()
    except (ValueError, OverflowError):
        return CardDate(None, None, _expected(text))
    if re.search(r"\d{4}", text) is None:
        resolved = resolve_yearless(parsed.month, parsed.day, today)
        return CardDate(resolved, None, None if resolved else _no_such_date(text), True)
    return CardDate(parsed, None)


def _fromisoformat_z(text: str) -> datetime.datetime:
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    return datetime.datetime.fromisoformat(text)


# Python 3.11 reads a trailing "Z" itself; 3.10 needs it spelled "+00:00".
fromisoformat = datetime.datetime.fromisoformat if _ISO_ACCEPTS_Z else _fromisoformat_z


def parse_utc_instant(text: str) -> datetime.datetime:
    """Read an ISO 8601 timestamp as an aware datetime in UTC.

    Raises:
        ValueError: when ``text`` is no such timestamp, or its moment falls
            outside the calendar in UTC (``0001-01-01T00:00:00+01:00``).
    """
    instant = fromisoformat(text)
    offset = instant.utcoffset()
    if offset is None:
        return instant.replace(tzinfo=_UTC)
    if not offset:
        return instant
    try:
        return (instant - offset).replace(tzinfo=_UTC)
    except OverflowError as exc:
        raise ValueError(f"{text!r} falls outside the calendar in UTC") from exc


def echoes_instant(echo: datetime.datetime, original: datetime.datetime) -> bool:
    """Whether ``echo`` repeats ``original``, or shifts it back exactly 4 or 5 hours.

    The API's item-level ``publishedAt`` has done both since 2025-03: the
    arXiv time, or that time in New York labelled UTC.
    """
    return original - echo in _ECHO_SHIFTS


def parse_iso_date(text: str) -> datetime.date:
    """Read a ``YYYY-MM-DD`` date or a full timestamp (its UTC date).

    Raises:
        ValueError: when ``text`` is neither.
    """
    if len(text) == 10:
        return datetime.date.fromisoformat(text)
    return parse_utc_instant(text).date()


def date_argument(value: object, name: str) -> datetime.date:
    """A caller's date argument: a ``date``, a ``datetime`` (its date) or ``"2024-01-31"``.

    Raises:
        ValueError: for a string that is no ISO date.
        TypeError: for anything else.
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{name} must be a date like '2024-01-31', got {value!r}") from None
    raise TypeError(
        f"{name} must be a date, a datetime or an ISO string, not {type(value).__name__}"
    )


def day_of_http_date(header: str | None) -> datetime.date | None:
    """The UTC day of an HTTP ``Date`` header ("Thu, 01 Aug 2024 23:59:59 GMT"), or None."""
    if header is None:
        return None
    try:
        when = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return when.date()
    return when.astimezone(datetime.timezone.utc).date()
