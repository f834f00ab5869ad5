"""Counts written in page text: "4", "1,283", "11.3k"."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = [
    "AUTHOR_COUNT",
    "AUTHOR_COUNT_PATTERN",
    "STAR_COUNT_PATTERN",
    "VOTE_COUNT",
    "parse_count",
    "parse_star_count",
]

VOTE_COUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,12}|-")
"""An upvote count as cards show it: a number (``1,204`` too), or "-" for none."""
STAR_COUNT_PATTERN = r"\d[\d.,]*\s*[kKmM]?"
"""A star count as cards show it: ``476``, ``1,204``, ``11.3k``."""
AUTHOR_COUNT_PATTERN = r"(?P<count>\d[\d,]*)\s+authors?"
"""``4 authors``, ``1 author``; match it ignoring case."""
AUTHOR_COUNT = re.compile(AUTHOR_COUNT_PATTERN, re.IGNORECASE)

# No page shows a count this long; longer digit runs are garbage, and Python
# refuses to convert strings of more than 4,300 digits anyway.
_MAX_DIGITS = 15
MAX_COUNT = 2**63 - 1
"""The largest count a Paper takes from JSON: Arrow's and SQLite's int64 hold it."""


def parse_count(text: str) -> int | None:
    """A whole number written with ASCII digits (thousands commas allowed), or None."""
    digits = text.replace(",", "")
    if not digits or len(digits) > _MAX_DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    return int(digits)


def parse_star_count(text: str) -> int | None:
    """``11.3k`` -> 11300, ``1.32k`` -> 1320, ``476`` -> 476, ``1.2M`` -> 1200000; else None."""
    text = text.strip().replace(",", "")
    scale = 1
    if text[-1:] in ("k", "K"):
        scale, text = 1000, text[:-1].strip()
    elif text[-1:] in ("m", "M"):
        scale, text = 1_000_000, text[:-1].strip()
    if not text or len(text) > _MAX_DIGITS:
        return None
    try:
        value = Decimal(text) * scale
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0:
        return None
    return int(value)
