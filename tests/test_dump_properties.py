"""Properties of every text dump: furniture between cards changes nothing, and strict mode
fails exactly where lenient mode records its first Issue."""

from __future__ import annotations

import datetime
import os
import re
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import paperlist
from conftest import DATA, SEED
from paperlist import Listing, ParseError

DUMPS = [SEED, *sorted(path.with_name(path.name[: -len(".expected.json")])
                       for path in (DATA / "text").glob("*.expected.json"))]  # fmt: skip
TODAY = datetime.date(2026, 10, 2)
# Set PAPERLIST_FUZZ_EXAMPLES=5000 for a long campaign.
_SETTINGS = settings(
    max_examples=int(os.environ.get("PAPERLIST_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _lines(path: Path, first: int, last: int) -> str:
    return "\n".join(path.read_text(encoding="utf-8").split("\n")[first - 1 : last])


_HTML2TEXT = DATA / "text" / "daily_listing_2024-08-01.html2text.md"
_THREAD = DATA / "text" / "furniture" / "paper_page_comment_thread.reader.md"
# Page furniture cut from the real samples (line ranges read off each file).
FURNITURE = {
    "navigation menu": _lines(_HTML2TEXT, 1, 14),
    "subscription prompt": _lines(
        DATA / "text" / "papers_search_q-source-citations_2026-10-02.firecrawl.head.md", 10, 16
    ),
    "footer": _lines(DATA / "text" / "daily_listing_2024-08-01.bs4.txt", 437, 455),
    "comment thread": _THREAD.read_text(encoding="utf-8"),
    "reaction counts": _lines(_THREAD, 11, 19),
    "trending header": _lines(DATA / "text" / "papers_trending.markdown-dump.head.md", 6, 11),
}

# A note export's thumbnail: the paper's address alone on its line.
_NOTE_THUMBNAIL = re.compile(r"https://huggingface\.co/papers/\d{4}\.\d{4,5}$")
# The first line of a card, by kind of dump, tried in this order.
_CARD_STARTS = [
    # A thumbnail linking to the paper: an image with no alt text, or a reader's "Image 3";
    # not an icon inlined as a data: address (pandoc keeps every one).
    re.compile(r"\[!?\[(?:Image \d+)?\](?:\((?!data:)|\[)"),
    re.compile(r"!\[\]\([^)]*\) ⟨\d+⟩$"),  # Crawl4AI's cited thumbnail
    re.compile(r"\[(?:\d[\d,]*|-)\]\(https://huggingface\.co/login"),  # an upvote link
    _NOTE_THUMBNAIL,
    re.compile(r"### "),  # a heading title (trending dumps)
    re.compile(r"Submitted by"),  # 2024 daily cards in plain text
]
_ARXIV_LINE = re.compile(r"(?:\[[^\]]*\]\s*)?arxiv:")  # pandoc writes "[] arxiv:…"
_DATE_LINE = re.compile(r"[A-Z][a-z]{2} \d{1,2}\b")


def _first_of_each(lines: list[str], marked: list[int]) -> list[int]:
    """Of lines that repeat, the first: a note export's card links to its paper again
    under its author list."""
    seen: set[str] = set()
    first = []
    for index in marked:
        if lines[index].strip() not in seen:
            seen.add(lines[index].strip())
            first.append(index)
    return first


def _card_starts(lines: list[str]) -> list[int]:
    """Indexes of the first line of every card (the seed's cards follow a date line); on a
    single paper page, the page's start and end."""
    if any(_ARXIV_LINE.match(line.strip()) for line in lines):
        return [0, len(lines)]
    for start in _CARD_STARTS:
        marked = [index for index, line in enumerate(lines) if start.match(line.strip())]
        if marked:
            return _first_of_each(lines, marked) if start is _NOTE_THUMBNAIL else marked
    return [
        index
        for index in range(2, len(lines))
        if lines[index].strip() and not lines[index - 1] and _DATE_LINE.match(lines[index - 2])
    ]


def _load(text: str, strict: bool = False) -> Listing:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", paperlist.errors.YearlessDateWarning)
        return paperlist.loads(text, format="text", today=TODAY, strict=strict)


_BASELINES = {path: _load(path.read_text(encoding="utf-8")).papers for path in DUMPS}


def test_every_dump_has_card_boundaries() -> None:
    """The insertion points are found in every dump (a check on the property's reach)."""
    for path in DUMPS:
        starts = _card_starts(path.read_text(encoding="utf-8").split("\n"))
        assert len(starts) >= 0.9 * len(_BASELINES[path]) > 0, path.name


@_SETTINGS
@given(st.data())
def test_furniture_between_cards_changes_no_paper(data: st.DataObject) -> None:
    """Menus, prompts, footers, comment threads and reactions between cards add no Paper
    and change no value of one."""
    path = data.draw(st.sampled_from(DUMPS), label="dump")
    lines = path.read_text(encoding="utf-8").split("\n")
    starts = _card_starts(lines)
    chosen = data.draw(st.lists(st.sampled_from(starts), min_size=1, max_size=3, unique=True))
    for index in sorted(chosen, reverse=True):
        piece = data.draw(st.sampled_from(sorted(FURNITURE)), label="furniture")
        lines[index:index] = ["", *FURNITURE[piece].split("\n"), ""]
    assert _load("\n".join(lines)).papers == _BASELINES[path]


_EDITS = ["delete", "duplicate", "swap", "cut"]


@_SETTINGS
@given(st.data())
def test_strict_fails_exactly_where_lenient_reports(data: st.DataObject) -> None:
    """Across mutations of every dump: lenient gives a Listing, and strict raises at its
    first Issue (same message and line), or returns the same Listing when there is none."""
    path = data.draw(st.sampled_from(DUMPS), label="dump")
    lines = path.read_text(encoding="utf-8").split("\n")
    for _ in range(data.draw(st.integers(1, 3))):
        position = data.draw(st.integers(0, len(lines) - 1))
        edit = data.draw(st.sampled_from(_EDITS))
        if edit == "delete":
            del lines[position]
        elif edit == "duplicate":
            lines.insert(position, lines[position])
        elif edit == "swap" and position + 1 < len(lines):
            lines[position], lines[position + 1] = lines[position + 1], lines[position]
        else:
            lines[position] = lines[position][: data.draw(st.integers(0, len(lines[position])))]
    text = "\n".join(lines)
    lenient: Listing | ParseError
    try:
        lenient = _load(text)
    except ParseError as error:
        lenient = error
    if isinstance(lenient, ParseError):  # nothing read: both modes fail alike
        with pytest.raises(ParseError) as caught:
            _load(text, strict=True)
        assert str(caught.value) == str(lenient)
        return
    if not lenient.issues:
        assert _load(text, strict=True) == lenient
        return
    first = lenient.issues[0]
    with pytest.raises(ParseError) as caught:
        _load(text, strict=True)
    assert (caught.value.message, caught.value.line) == (first.message, first.line)
