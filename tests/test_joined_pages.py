"""A listing's dump and a paper page's joined in one file (a note of clippings).

Before, the file was read as the paper page alone, losing the listing's papers without
an Issue, or, with the listing first and long, the paper page's discussion and
citations made papers and its own paper was lost.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import paperlist
from conftest import DATA, SEED, SEED_TODAY, real_props

TEXT = DATA / "text"
LISTING = "daily_listing_2024-08-01"
PAPER_PAGE = "paper_page_2509.24002_2025-10-02"
TODAY = "2025-10-02"  # the paper page's capture day; the listing shows "Aug 1" without a year
# Every tool whose output of both real pages is kept, but trafilatura's: its paper page
# keeps no landmark, so it shows no paper (see test_golden).
TOOLS = sorted(
    path.name.removeprefix(f"{PAPER_PAGE}.")
    for path in TEXT.glob(f"{PAPER_PAGE}.*")
    if not path.name.endswith(".json")
    and (TEXT / f"{LISTING}.{path.name.removeprefix(f'{PAPER_PAGE}.')}").exists()
    and not path.name.endswith("trafilatura.txt")
    and ".readability" not in path.name  # no arxiv: line: see the reader view's test
)


def _listing_truth() -> dict[str, tuple[int, int, int]]:
    """title -> (upvotes, comments, authors), from the real listing's own props."""
    items = real_props(f"{LISTING}.html", "DailyPapers")["dailyPapers"]
    return {
        " ".join(item["paper"]["title"].split()): (
            item["paper"]["upvotes"],
            item["numComments"],
            len(item["paper"]["authors"]),
        )
        for item in items
    }


TRUTH = _listing_truth()


def _expected_page_paper(tool: str) -> paperlist.Paper:
    """The paper page's paper as its props give it (written by expected_from_props.py);
    for defuddle and Resiliparse, whose dumps keep less, as the dump alone gives it
    (checked against the page by test_golden)."""
    expected = TEXT / f"{PAPER_PAGE}.{tool}.expected.json"
    if not expected.exists():
        return paperlist.load(TEXT / f"{PAPER_PAGE}.{tool}", today=TODAY)[0]
    return paperlist.load(expected)[0]


def _read(*paths: Path) -> tuple[str, list[int]]:
    """The files joined as a note appends them, and where each starts (0-based lines)."""
    texts = [path.read_text(encoding="utf-8") for path in paths]
    starts, line = [], 0
    for text in texts:
        starts.append(line)
        line += text.count("\n") + 1
    return "\n".join(texts), starts


def test_every_tool_with_both_pages_is_tried() -> None:
    assert len(TOOLS) >= 35


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("page_first", [False, True], ids=["listing-first", "page-first"])
def test_a_listing_and_a_paper_page_joined_give_both_pages_papers(
    tool: str, page_first: bool
) -> None:
    listing_path, page_path = TEXT / f"{LISTING}.{tool}", TEXT / f"{PAPER_PAGE}.{tool}"
    paths = (page_path, listing_path) if page_first else (listing_path, page_path)
    text, _ = _read(*paths)
    joined = paperlist.loads(text, today=TODAY)
    expected_paper = _expected_page_paper(tool)
    page_index = 0 if page_first else len(joined) - 1
    assert joined[page_index] == expected_paper
    cards = [paper for index, paper in enumerate(joined) if index != page_index]
    capitals = "html-to-text" in tool  # it writes the titles in capitals
    truth = {title.upper() if capitals else title: counts for title, counts in TRUTH.items()}
    assert [paper.title for paper in cards] == list(truth)
    # The counts the listing gives alone: the props' (test_golden checks), but the last
    # card's in pymupdf4llm's Markdown, which shares a line with the footer.
    listing_alone = paperlist.loads(listing_path.read_bytes(), today=TODAY)
    assert [(p.upvotes, p.comments, p.author_count) for p in cards] == [
        (p.upvotes, p.comments, p.author_count) for p in listing_alone
    ]
    assert (joined.title, joined.date) == ("Daily Papers", listing_alone.date)
    # Nothing but what each file reports alone: the paper page's own header (its window
    # title, front matter, menus) between the listing's cards and its arxiv: line is
    # furniture, as above the page alone.
    alone = {
        issue.message
        for path in paths
        for issue in paperlist.loads(path.read_bytes(), today=TODAY).issues
    }
    assert [issue for issue in joined.issues if issue.message not in alone] == []


@pytest.mark.parametrize("page_first", [False, True], ids=["listing-first", "page-first"])
def test_a_long_copied_listing_and_a_paper_page_read_strictly(page_first: bool) -> None:
    """The seed (87 cards, copied from a browser with no menus) and Chromium's text of
    the paper page: before, the page's discussion and citations made five papers."""
    page_path = TEXT / f"{PAPER_PAGE}.chromium-innertext.txt"
    text, _ = _read(*((page_path, SEED) if page_first else (SEED, page_path)))
    joined = paperlist.loads(text, today=SEED_TODAY, strict=True)
    seed = paperlist.load(SEED, today=SEED_TODAY, strict=True)
    expected_paper = _expected_page_paper("chromium-innertext.txt")
    expected = [expected_paper, *seed] if page_first else [*seed, expected_paper]
    assert list(joined) == expected
    assert len(joined) == 88


@pytest.mark.parametrize("tool", ["markdownify.md", "chromium-innertext.txt", "lynx.txt"])
def test_a_paper_page_clipped_twice_is_one_paper_and_reported(tool: str) -> None:
    """Only a page that renders each card twice collapses copies unreported."""
    page_path = TEXT / f"{PAPER_PAGE}.{tool}"
    text, starts = _read(page_path, page_path)
    joined = paperlist.loads(text, today=TODAY)
    assert list(joined) == [_expected_page_paper(tool)]
    (issue,) = joined.issues
    assert issue.message.startswith("a card repeating paper 0 ('MCPMark: A Benchmark")
    arxiv_index = next(
        index
        for index, line in enumerate(page_path.read_text(encoding="utf-8").split("\n"))
        if "arxiv:2509.24002" in line
    )
    assert issue.line == starts[1] + arxiv_index + 1  # the second copy's arxiv: line
    with pytest.raises(paperlist.ParseError, match="a card repeating paper 0"):
        paperlist.loads(text, today=TODAY, strict=True)
