"""Pages saved from a web archive, and pages whose props cannot be read.

The Wayback Machine links every address of a page it replays through itself
("https://web.archive.org/web/20240801235959/https://huggingface.co/papers/2407.21783").
Before, every dump of such a copy lost each paper's arXiv id, and the copy read from its
rendered cards held no paper at all. The copies and their dumps were made from the two
real pages with pywb's rewriter and the real tools (tests/data/tools/make_wayback_copies.sh).
"""

from __future__ import annotations

import datetime
import re
import warnings

import attrs
import pytest

import paperlist
from conftest import DATA, real_props
from paperlist._links import hub_handle, original_url

HTML = DATA / "html"
TEXT = DATA / "text"
LISTING = "daily_listing_2024-08-01"
PAPER_PAGE = "paper_page_2509.24002_2025-10-02"
# The tools whose dumps keep the links: every one of them lost the ids before.
TOOLS = [
    "defuddle.md", "elinks.txt", "html-to-text.txt", "html2text.md", "lynx.txt",
    "markdownify.md", "markitdown.md", "node-html-markdown.md", "pandoc-markdown.md",
    "turndown-reader.md",
]  # fmt: skip


@pytest.mark.parametrize(
    ("archived", "original"),
    [
        # web.archive.org as it serves a page, and as converters resolve its links.
        (
            "https://web.archive.org/web/20240801235959/https://huggingface.co/papers/2407.21783",
            "https://huggingface.co/papers/2407.21783",
        ),
        (
            "/web/20240801235959/https://huggingface.co/papers/2407.21783#community",
            "https://huggingface.co/papers/2407.21783#community",
        ),
        (
            "/web/20240801235959im_/https://cdn-thumbnails.huggingface.co/x.png",
            "https://cdn-thumbnails.huggingface.co/x.png",
        ),
        # markitdown percent-encodes the colon; elinks merges the slashes.
        ("/web/1/https%3A//huggingface.co/akhaliq", "https://huggingface.co/akhaliq"),
        ("/web/1/https:/huggingface.co/akhaliq", "https://huggingface.co/akhaliq"),
        # Archive-It and pywb collections, archive.today.
        (
            "https://wayback.archive-it.org/1234/20240801/http://github.com/a/b",
            "http://github.com/a/b",
        ),
        ("https://archive.ph/o/AbC12/https://huggingface.co/x", "https://huggingface.co/x"),
        # The address of a page saved from the site itself is as it is.
        ("/papers/2407.21783", "/papers/2407.21783"),
        ("https://huggingface.co/papers/2407.21783", "https://huggingface.co/papers/2407.21783"),
        # An address in a parameter is not the link's.
        ("/login?next=/https://huggingface.co/x", "/login?next=/https://huggingface.co/x"),
        ("https://example.org/https-guide", "https://example.org/https-guide"),
    ],
)
def test_the_original_address_of_an_archived_link(archived: str, original: str) -> None:
    assert original_url(archived) == original


@pytest.mark.parametrize(
    ("url", "handle"),
    [
        ("https://huggingface.co/TIGER-Lab", "TIGER-Lab"),
        ("https://huggingface.co/akhaliq?x=1", "akhaliq"),
        # The site's own pages, absolute once an archived copy's links are unwrapped.
        ("https://huggingface.co/models", None),
        ("https://huggingface.co/papers?date=2024-07-31", None),
        ("https://huggingface.co/join", None),
        ("https://huggingface.co/", None),
        ("/akhaliq", None),
    ],
)
def test_a_hub_link_names_a_user_or_organisation_only(url: str, handle: str | None) -> None:
    assert hub_handle(url) == handle


@pytest.mark.parametrize(
    ("copy", "page"),
    [
        (f"{LISTING}.wayback.html", f"{LISTING}.html"),
        ("paper_page_2509.24002.wayback.html", "paper_page_2509.24002.prettified.html"),
    ],
)
def test_an_archived_copy_of_a_page_gives_its_papers(copy: str, page: str) -> None:
    """The props are as the site wrote them: the archive rewrote the links only."""
    archived = paperlist.load(HTML / copy, today="2025-10-02", strict=True)
    assert archived.papers == paperlist.load(HTML / page, today="2025-10-02").papers


def _without_props(page: str) -> str:
    """``page`` with the DailyPapers element's data-props dropped, its cards kept."""
    text = (HTML / page).read_text(encoding="utf-8")
    return re.sub(r'(data-target="DailyPapers")\s+data-props="[^"]*"', r"\1", text)


def test_an_archived_copy_read_from_its_rendered_cards() -> None:
    """Each card's title links to the archive's copy of its paper page: its id is read."""
    listing = paperlist.loads(_without_props(f"{LISTING}.wayback.html"), today="2024-08-02")
    truth = real_props(f"{LISTING}.html", "DailyPapers")["dailyPapers"]
    assert [paper.arxiv_id for paper in listing] == [item["paper"]["id"] for item in truth]
    assert listing.papers == paperlist.loads(_without_props(f"{LISTING}.html")).papers


@pytest.mark.parametrize(
    "props",
    [
        "",  # the element's data-props dropped
        ' data-props="{&quot;dailyPapers&quot;: [}"',  # broken JSON
    ],
    ids=["dropped", "broken"],
)
def test_unreadable_props_beside_rendered_cards_read_the_cards_and_say_so(props: str) -> None:
    """Before, the page failed in lenient mode too, losing the 13 papers its cards show."""
    page = _without_props(f"{LISTING}.html").replace(
        'data-target="DailyPapers"', f'data-target="DailyPapers"{props}'
    )
    listing = paperlist.loads(page, today="2024-08-02")
    truth = real_props(f"{LISTING}.html", "DailyPapers")["dailyPapers"]
    assert [paper.arxiv_id for paper in listing] == [item["paper"]["id"] for item in truth]
    (issue,) = listing.issues
    assert issue.message.endswith("; read the 13 rendered cards instead")
    assert issue.line == 118  # the DailyPapers element's, checked in the page
    with pytest.raises(paperlist.ParseError) as raised:
        paperlist.loads(page, strict=True)
    assert issue.message.startswith(raised.value.message)


def test_unreadable_props_and_nothing_else_still_fail() -> None:
    page = '<html><body><div data-target="DailyPapers" data-props="{"></div></body></html>'
    with pytest.raises(paperlist.ParseError, match="invalid JSON in the DailyPapers"):
        paperlist.loads(page)


@pytest.mark.parametrize("tool", TOOLS)
def test_a_dump_of_an_archived_listing_reads_as_a_dump_of_the_page(tool: str) -> None:
    """The same papers, every value (test_golden checks them against the props), and the
    same issues; html-to-text's 80 columns break four lines of furniture more, reported."""
    archived = paperlist.load(TEXT / f"{LISTING}.wayback-{tool}", today="2024-08-02")
    saved = paperlist.load(TEXT / f"{LISTING}.{tool}", today="2024-08-02")
    assert archived.papers == saved.papers
    assert [paper.arxiv_id for paper in archived][:2] == ["2407.21783", "2407.21705"]
    extra = 4 if tool == "html-to-text.txt" else 0
    assert len(archived.issues) == len(saved.issues) + extra


@pytest.mark.parametrize("tool", TOOLS)
def test_a_dump_of_an_archived_paper_page_reads_as_a_dump_of_the_page(tool: str) -> None:
    """Its submitter's and organisation's handles too, and, where pandoc's 72 columns break
    the longer links' text ("[Zijian" / "Wu](…)", "View arXiv" / "page](…)"), its
    authors and the end of its abstract."""
    (archived,) = paperlist.load(TEXT / f"{PAPER_PAGE}.wayback-{tool}", today="2025-10-02")
    (saved,) = paperlist.load(TEXT / f"{PAPER_PAGE}.{tool}", today="2025-10-02")
    authors: int | None = 15
    if tool == "defuddle.md":
        # defuddle keeps less of the archived copy: not the "Paper of the day" badge; and
        # of either page, no author's name.
        saved, authors = attrs.evolve(saved, listed=None), None
    assert archived == saved
    assert (archived.arxiv_id, archived.author_count) == ("2509.24002", authors)


@pytest.mark.parametrize("tool", ["html2text.md", "bs4-lines.txt", "lynx.txt", "w3m.txt"])
def test_the_wayback_machines_banner_is_furniture_and_dates_the_capture(tool: str) -> None:
    """ "The Wayback Machine - https://web.archive.org/web/20240801235959/…" over the page
    (lynx breaks it after the dash, w3m inside the address): no paper, no issue, and the
    capture day that dates the year-less "Aug 1", with no warning."""
    path = TEXT / f"{LISTING}.wayback-toolbar-{tool}"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        archived = paperlist.load(path)
    saved = paperlist.load(TEXT / f"{LISTING}.{tool}", today="2024-08-02")
    assert archived.papers == saved.papers
    assert archived.date == datetime.date(2024, 8, 1)
    assert [issue.message for issue in archived.issues] == [issue.message for issue in saved.issues]
