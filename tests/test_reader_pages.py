"""A reader service's dump of several pages: each Daily Papers page read, the others skipped."""

from __future__ import annotations

import datetime
import re

import pytest

import paperlist
from conftest import DATA, SEED, SEED_TODAY
from paperlist import ParseError

MULTI = DATA / "text" / "paper_page_2410.02675.reader-multi-page.md"
BLOCK = DATA / "text" / "paper_page_2410.02675.reader-multi-url-block.md"
FAN = "2410.02675"


def _text(path: object) -> str:
    return DATA.joinpath("text", str(path)).read_text(encoding="utf-8")


def _arxiv_blocks() -> str:
    """Blocks [1] and [2] of the real dump: arXiv's pages of the same paper."""
    text = MULTI.read_text(encoding="utf-8")
    return text[: text.index("[3] Title:")]


def test_the_paper_page_far_into_the_dump_is_still_found() -> None:
    """Block [2] padded with its own paragraphs pushes the paper page past line 1,000."""
    arxiv = _arxiv_blocks()
    first, rest = arxiv.split("## 1 Introduction", 1)
    padded = first + "## 1 Introduction" + rest * 300
    text = padded + BLOCK.read_text(encoding="utf-8")
    assert text[: text.index("[3] Title:")].count("\n") > 1000
    listing = paperlist.loads(text, strict=True)
    assert [(paper.arxiv_id, paper.upvotes, paper.author_count) for paper in listing] == [
        (FAN, 29, 9)
    ]


def test_every_daily_papers_page_is_read_and_issues_count_across_pages() -> None:
    """A paper page then a listing (the seed, as block [4]): the papers of both, in order."""
    seed = SEED.read_text(encoding="utf-8")
    broken = seed.replace("Nov 22, 2023", "Nov 41, 2023", 1)
    listing_block = (
        "[4] Title: Daily Papers - Hugging Face\n"
        "[4] URL Source: https://huggingface.co/papers?q=source+citations\n\n" + broken
    )
    text = _arxiv_blocks() + BLOCK.read_text(encoding="utf-8") + "\n" + listing_block
    listing = paperlist.loads(text, today=SEED_TODAY)
    assert len(listing) == 1 + 87
    assert listing[0].arxiv_id == FAN
    # The seed's first card, as its lines 13-19 show it: title, abstract, 4 authors, the date.
    assert (
        listing[1].title == "Physical Reasoning and Object Planning for Household Embodied Agents"
    )
    assert listing[1].author_count == 4
    (issue,) = listing.issues
    assert issue.field == "published"
    assert issue.index == 1  # the seed's first card, after the paper page
    assert issue.line is not None
    assert text.split("\n")[issue.line - 1] == "Nov 41, 2023"  # the line in the whole dump


def test_a_dump_of_other_sites_only_is_no_listing() -> None:
    with pytest.raises(ParseError, match="no Daily Papers page among the reader's pages") as caught:
        paperlist.loads(_arxiv_blocks())
    assert "https://arxiv.org/abs/2410.02675" in caught.value.message


def test_an_unreadable_page_among_several_is_an_issue_leniently() -> None:
    empty = "[4] Title: Daily Papers\n[4] URL Source: https://huggingface.co/papers\n\nSign up\n"
    text = BLOCK.read_text(encoding="utf-8") + "\n" + empty
    listing = paperlist.loads(text)
    assert [paper.arxiv_id for paper in listing] == [FAN]
    (issue,) = listing.issues
    assert issue.message.startswith("the page from https://huggingface.co/papers could not be read")
    assert issue.line is not None
    assert text.split("\n")[issue.line - 1].startswith("[4] Title:")
    with pytest.raises(ParseError):
        paperlist.loads(text, strict=True)


def test_a_dump_starting_with_a_markdown_link_is_no_reader_dump() -> None:
    """Only a numbered Title header followed by its URL Source opens a block."""
    page = _text("papers_search_q-source-citations_2026-10-02.firecrawl.tail.md")
    assert page.lstrip().startswith("[")
    assert len(paperlist.loads(page, today=datetime.date(2026, 10, 2))) == 7


def test_a_markdown_content_line_opens_the_page_body() -> None:
    """jina's single-page header ends in "Markdown Content:"; a mismatched number is no header."""
    block = BLOCK.read_text(encoding="utf-8")
    header_end = block.index("\n\n")
    with_marker = block[:header_end] + "\n\nMarkdown Content:" + block[header_end:]
    listing = paperlist.loads(with_marker, strict=True)
    assert [paper.arxiv_id for paper in listing] == [FAN]
    mismatched = block.replace("[3] URL Source:", "[4] URL Source:", 1)
    assert paperlist.loads(mismatched, today="2025-10-28")[0].arxiv_id == FAN  # one page still


def test_a_page_fetched_alone_has_its_unnumbered_header_skipped() -> None:
    """A reader's one-page header (Title:, URL Source:, …, Markdown Content:) is no card:
    the seed under it is its 87 papers, no more, and no Issue; a paper page is its paper."""
    header = (
        "Title: Daily Papers - Hugging Face\n\nURL Source: https://huggingface.co/papers\n\n"
        "Published Time: Tue, 28 Oct 2025 09:00:00 GMT\n\nMarkdown Content:\n"
    )
    listing = paperlist.loads(header + SEED.read_text(encoding="utf-8"), today=SEED_TODAY)
    assert (len(listing), listing.issues) == (87, ())
    unnumbered = re.sub(r"^\[3\] ", "", BLOCK.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert unnumbered.startswith("Title: Paper page - FAN")
    (paper,) = paperlist.loads(unnumbered, strict=True)
    assert (paper.arxiv_id, paper.upvotes) == (FAN, 29)
