"""The sample page bundled with paperlist (the reference page of its tests)."""

from __future__ import annotations

import datetime
import pathlib

__all__ = ["SAMPLE_DATE", "sample_path"]

SAMPLE_DATE = datetime.date(2025, 10, 28)
"""The day the bundled sample page was captured; pass it as ``today=``."""


def sample_path() -> pathlib.Path:
    """The path of the bundled sample: a plain-text Daily Papers search page of 87 papers.

    Load it with ``paperlist.load(paperlist.sample_path(), today=paperlist.SAMPLE_DATE)``.
    """
    return pathlib.Path(__file__).parent / "data" / "daily_papers_2025-10-28.txt"
