"""Readability's output of a paper page: what Firefox's reader view, Jina's reader and
MarkDownload keep, from the page's heading down, without its ``arxiv:`` line.

Before, the Markdown gave one paper titled "AI-generated summary" and the text four
("Add to collection", "No model linking this paper", ...), each made of the page's
furniture. The listing's outputs are checked against its props with the other
converters' (test_golden).
"""

from __future__ import annotations

import datetime

import pytest

import paperlist
from conftest import DATA, real_props

TEXT = DATA / "text"
PAGE = "paper_page_2509.24002_2025-10-02"
LISTING = "daily_listing_2024-08-01"


def _props() -> dict[str, object]:
    """The real paper page's own ``PaperContent`` props: the truth."""
    paper: dict[str, object] = real_props("paper_page_2509.24002.prettified.html", "PaperContent")[
        "paper"
    ]
    return paper


def test_readabilitys_markdown_of_a_paper_page_gives_what_it_keeps() -> None:
    """Its heading is the window title ("# Paper page - MCPMark: …", wrapped before "Use");
    it keeps the badge's link, the abstract, the AI summary and the "View arXiv page" link,
    but of the author list only its ten commas, and no upvote count, submitter or
    organisation chip (read off the dump)."""
    props = _props()
    listing = paperlist.load(TEXT / f"{PAGE}.readability-turndown.md", today="2025-10-02")
    (paper,) = listing
    assert paper.title == " ".join(str(props["title"]).split())
    assert paper.arxiv_id == props["id"] == "2509.24002"
    assert paper.abstract == " ".join(str(props["summary"]).split())
    assert paper.ai_summary == " ".join(str(props["ai_summary"]).split())
    assert paper.published == datetime.date(2025, 9, 28)  # "Published on Sep 28"
    assert paper.listed == datetime.date(2025, 10, 1)  # the badge's "?date=2025-10-01"
    assert (paper.authors, paper.author_count, paper.upvotes) == ((), None, None)
    assert (paper.submitted_by, paper.organization) == (None, None)
    (issue,) = listing.issues
    assert issue.message.startswith("the author list shows 0 names for 11 places")
    assert issue.line == 8  # "Authors:", under the two lines of the heading


def test_readabilitys_text_of_a_paper_page_names_no_paper() -> None:
    """``textContent`` keeps neither the arxiv: line nor the heading: no title to name a
    paper by, so a ParseError at "Published on Sep 28" (line 8), not papers of furniture."""
    for strict in (False, True):
        with pytest.raises(paperlist.ParseError, match="its paper cannot be named") as raised:
            paperlist.load(TEXT / f"{PAGE}.readability.txt", today="2025-10-02", strict=strict)
        assert raised.value.line == 8


def _joined(listing_tool: str, page_first: bool) -> str:
    texts = [
        (TEXT / f"{LISTING}.{listing_tool}").read_text(encoding="utf-8"),
        (TEXT / f"{PAGE}.readability-turndown.md").read_text(encoding="utf-8"),
    ]
    return "\n".join(reversed(texts) if page_first else texts)


@pytest.mark.parametrize(
    "listing_tool",
    ["readability-turndown.md", "markdownify.md", "lynx.txt", "chromium-innertext.txt"],
)
@pytest.mark.parametrize("page_first", [False, True], ids=["listing-first", "page-first"])
def test_a_reader_view_joined_to_a_listing_gives_both_pages_papers(
    listing_tool: str, page_first: bool
) -> None:
    """Its window title ("# Paper page - …") opens it, the next listing's title (Readability's
    own "# Daily Papers - Hugging Face" too) ends it: the listing's 13 papers and its one."""
    joined = paperlist.loads(_joined(listing_tool, page_first), today="2025-10-02")
    alone = paperlist.load(TEXT / f"{PAGE}.readability-turndown.md", today="2025-10-02")
    listing = paperlist.load(TEXT / f"{LISTING}.{listing_tool}", today="2025-10-02")
    expected = [*alone, *listing] if page_first else [*listing, *alone]
    assert list(joined) == expected  # each checked against its page's props elsewhere
    assert len(joined) == 14


@pytest.mark.parametrize("page_first", [False, True], ids=["listing-first", "page-first"])
def test_readabilitys_text_of_a_paper_page_joined_to_a_listing_is_refused(
    page_first: bool,
) -> None:
    """With neither an arxiv: line nor a title, where the page starts cannot be told: a
    clear error, not the page's furniture read as cards nor the listing lost."""
    texts = [
        (TEXT / f"{name}.readability.txt").read_text(encoding="utf-8") for name in (LISTING, PAGE)
    ]
    if page_first:
        texts.reverse()
    with pytest.raises(paperlist.ParseError, match="joined to a listing"):
        paperlist.loads("\n".join(texts), today="2025-10-02")


def test_readabilitys_text_of_a_paper_page_after_a_long_listing_is_refused() -> None:
    """Past the first 400 lines, where no search for a page's start looks: before, the
    page's furniture after the seed's 87 cards made seven papers ("Abstract", "Add to
    collection", "No model linking this paper", ...). Its "Published on" line, which no
    listing shows, now opens the page, which has no title to name its paper by."""
    seed = (DATA / "text" / "seed.txt").read_text(encoding="utf-8")
    page = (TEXT / f"{PAGE}.readability.txt").read_text(encoding="utf-8")
    joined = seed + "\n" + page
    lines = [line.strip() for line in joined.splitlines()]
    published = lines.index("Published on Sep 28") + 1
    assert published > 400
    with pytest.raises(paperlist.ParseError, match="its paper cannot be named") as raised:
        paperlist.loads(joined, today="2025-10-28")
    assert raised.value.line == published


def _cards_alone() -> str:
    """The real listing's html2text dump from its first card on: cards with no title or
    header above them, as a selection copied from the page gives them."""
    text = (TEXT / f"{LISTING}.html2text.md").read_text(encoding="utf-8")
    return text[text.index("[![](https://cdn-thumbnails") :]


@pytest.mark.parametrize("strict", [False, True])
def test_a_reader_view_running_on_into_a_listings_cards_is_refused(strict: bool) -> None:
    """Nothing marks where the page ends: before, its furniture made four papers ("AI-
    generated summary", "No model linking this paper", ...) among the 13 cards."""
    page = (TEXT / f"{PAGE}.readability-turndown.md").read_text(encoding="utf-8")
    with pytest.raises(paperlist.ParseError, match="runs on into a listing's cards") as raised:
        paperlist.loads(page + "\n" + _cards_alone(), today="2025-10-02", strict=strict)
    assert raised.value.line == 4  # its "Published on" line


def test_window_titles_with_no_page_under_them_are_furniture() -> None:
    """A window title over "Published on" but no "Authors:" opens no page: its lines are
    reported, the cards read. Past four such, none is looked under any more."""
    titles = "# Paper page - A title\n\nPublished on Sep 28\n\n" * 6
    listing = paperlist.loads(titles + _cards_alone(), today="2024-08-02")
    assert len(listing) == 13
    assert [issue.line for issue in listing.issues] == [3, 7, 11, 15, 19, 23]
    assert all("'Published on Sep 28'" in issue.message for issue in listing.issues)
