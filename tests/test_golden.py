"""Golden dumps: each tests/data/text/<case> beside <case>.expected.json, what the page shows.

The expected files are paperlist's own JSON, checked by hand against the page
or, for converters' output of the real daily listing page, derived from that
page's own props (tests/data/expected_from_props.py). Adding a dump is adding
two files.
"""

from __future__ import annotations

import datetime
import re
import warnings
from pathlib import Path

import pytest

import paperlist
from conftest import DATA, real_props

EXPECTED = sorted((DATA / "text").glob("*.expected.json"))
# pymupdf4llm's Markdown glues the footer onto the last card's counts: tested on its own.
_PYMUPDF4LLM = DATA / "text" / "daily_listing_2024-08-01.chromium-pdf-pymupdf4llm.md"
CONVERTED = sorted(
    path for path in (DATA / "text").glob("daily_listing_2024-08-01.*[!n]") if path != _PYMUPDF4LLM
)


def _case(expected: Path) -> Path:
    return expected.with_name(expected.name.removesuffix(".expected.json"))


def _capture_day(case: Path, shown: datetime.date | None) -> datetime.date | None:
    """The page's own date where it shows one, else the capture date in the file's name."""
    named = re.search(r"\d{4}-\d{2}-\d{2}", case.name)
    return shown or (datetime.date.fromisoformat(named[0]) if named else None)


def test_there_are_golden_cases_of_every_kind() -> None:
    """At least fourteen cases, among them every converter run over the real daily page."""
    assert len(EXPECTED) >= 14
    tools = {path.name.split(".")[1] for path in CONVERTED}
    assert tools >= {
        "bs4", "html2text", "html2text-reference-links", "inscriptis", "lynx",
        "markdownify", "markitdown", "trafilatura", "w3m",
    }  # fmt: skip


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
@pytest.mark.parametrize("expected", EXPECTED, ids=lambda path: _case(path).name)
def test_golden_case(expected: Path, strict: bool) -> None:
    """The dump loads as exactly the papers, title and date the page shows, with no issue.

    Each is loaded with the day it was captured as today (none for cases that
    need none or carry it in the dump): no year-less date is left to the clock.
    """
    want = paperlist.load(expected)
    case = _case(expected)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = paperlist.load(case, today=_capture_day(case, want.date), strict=strict)
    assert got.papers == want.papers
    assert (got.title, got.date, got.format) == (want.title, want.date, "text")
    assert got.issues == ()


def _props_papers() -> dict[str, tuple[str, int, int, int]]:
    """title -> (arXiv id, upvotes, comments, authors), from the real page's own props."""
    props = real_props("daily_listing_2024-08-01.html", "DailyPapers")
    return {
        " ".join(item["paper"]["title"].split()): (
            item["paper"]["id"],
            item["paper"]["upvotes"],
            item["numComments"],
            len(item["paper"]["authors"]),
        )
        for item in props["dailyPapers"]
    }


@pytest.mark.parametrize("dump", CONVERTED, ids=lambda path: path.name.split(".", 1)[1])
def test_every_converter_gives_the_papers_of_the_props(dump: Path) -> None:
    """Every paper whose title the output shows, with the props' counts, and no other paper."""
    truth = _props_papers()
    text = dump.read_text(encoding="utf-8")
    # As the page shows them: html2text's default wrapping breaks words at hyphens, and
    # html-to-text writes headings, the papers' titles among them, in capitals.
    page_text = " ".join(re.sub(r"(?<=\w-)\n(?=\w)", "", text).split())
    capitals = "html-to-text" in dump.name
    shown = {
        title.upper() if capitals else title
        for title in truth
        if title.upper() in page_text or title in page_text
    }
    listing = paperlist.load(dump, today="2024-08-01")
    assert {paper.title for paper in listing} == shown
    # Links to paper pages, not the thumbnails' image addresses, which name the paper too.
    keeps_links = "/papers/" in re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    by_title = {title.upper() if capitals else title: values for title, values in truth.items()}
    for paper in listing:
        arxiv_id, upvotes, comments, authors = by_title[paper.title]
        assert paper.arxiv_id == (arxiv_id if keeps_links else None)
        assert (paper.upvotes, paper.comments, paper.author_count) == (upvotes, comments, authors)
    assert len(shown) in (6, 13)  # trafilatura keeps 6 of the 13 cards


def test_pymupdf4llms_markdown_of_the_printed_listing_gives_what_it_shows() -> None:
    """Its "<u>" tags, bold titles, "Submitted by sileod 8" and "· 533 authors 5" read as
    the cards they are. The last card's counts share a line with the footer ("· 6 authors 2
    Previous Next Company © Hugging Face", read off the dump): unknown, and reported, as
    the date is."""
    truth = _props_papers()
    listing = paperlist.load(_PYMUPDF4LLM, today="2024-08-01")
    assert [paper.title for paper in listing] == list(truth)  # the props' order
    *cards, last = listing
    for paper in cards:
        _, upvotes, comments, authors = truth[paper.title]
        assert (paper.upvotes, paper.comments, paper.author_count) == (upvotes, comments, authors)
    assert (last.upvotes, last.comments, last.author_count) == (3, None, None)
    # The date, glued to the search box and a button on line 41, is lost, and said so.
    assert (listing.title, listing.date) == ("Daily Papers", None)
    unread = {issue.line: issue.message for issue in listing.issues}
    assert unread[41] == (
        "not read as a paper: nothing but its text says "
        "'Search by arxiv id or title Submit a paper Aug 1' is one"
    )
    assert unread[186] == (
        "not read as a paper: nothing but its text says "
        "'· 6 authors 2 Previous Next Company © Hugging Face' is one"
    )


def _repeats(listing: paperlist.Listing) -> int:
    """How many Issues report a card repeating a paper."""
    return sum("a card repeating paper" in issue.message for issue in listing.issues)


@pytest.mark.parametrize("dump", CONVERTED, ids=lambda path: path.name.split(".", 1)[1])
def test_a_dump_joined_to_itself_gives_its_papers_once(dump: Path) -> None:
    """Two copies in one file (clips appended to one note): the second copy's header and
    footer are no paper, and its cards are the first's, each reported as a repeat."""
    text = dump.read_text(encoding="utf-8")
    single = paperlist.loads(text, today="2024-08-01")
    joined = paperlist.loads(text + "\n" + text, today="2024-08-01")
    assert joined.papers == single.papers  # checked against the props above
    assert (joined.title, joined.date) == (single.title, single.date)
    assert _repeats(joined) == len(single)


def test_a_paper_page_without_its_landmarks_invents_nothing() -> None:
    """trafilatura keeps neither the arxiv: line nor the card attributes: no paper, an error."""
    dump = DATA / "text" / "paper_page_2509.24002_2025-10-02.trafilatura.txt"
    with pytest.raises(paperlist.ParseError, match="no paper card found"):
        paperlist.load(dump, today="2025-10-02")


@pytest.mark.parametrize(
    ("tool", "reported"),
    [
        ("bs4-lines.txt", ["'by AK'"]),
        ("bs4-lines-stripped.txt", ["'by AK'"]),
        ("bs4-prettified-lines.txt", ["'by'", "'AK'"]),
        ("bs4-double-lines.txt", ["'by'", "'AK'"]),
        ("bs4-one-line.txt", ["'Daily Papers - Hugging Face", "'Previous Next Company"]),
        ("chromium-innertext.txt", []),
        ("readabilipy.txt", []),
        ("justext-all.txt", []),
        ("chromium-pdf-pdftotext.txt", ["'Search models, datasets, use'"]),
        ("chromium-pdf-pdftotext-layout.txt", ["'Search models, datasets, use'"]),
        ("chromium-pdf-pdftotext-raw.txt", ["'Search models, datasets, use'"]),
        ("chromium-pdf-pdftotext-nopgbrk.txt", ["'Search models, datasets, use'"]),
        ("chromium-pdf-pdftotext-nopgbrk-layout.txt", ["'Search models, datasets, use'"]),
        ("chromium-pdf-pdftotext-nopgbrk-raw.txt", ["'Search models, datasets, use'"]),
        ("chromium-pdf-pymupdf.txt", ["'Search models, datasets, use'"]),
        ("chromium-pdf-pymupdf-noformfeed.txt", ["'Search models, datasets, use'"]),
        ("chromium-pdf-pymupdf-layout.txt", ["'Search models, datasets, use'"]),
        ("chromium-pdf-pdfminer.txt", ["'Search models, datasets, use'"]),
        ("chromium-pdf-markitdown.md", ["'Search models, datasets, use'"]),
        ("chromium-pdf-pypdf.txt", ["'Search models, datasets, use'"]),
        ("defuddle.md", []),
        ("html-to-text.txt", []),
        ("html2text-links-each-paragraph.md", []),
        ("html2text-protect-links.md", []),
        ("html2text-single-line-break.md", []),
        ("links-numbered.txt", []),
        ("html-to-text-wordwrap-off.txt", []),
        ("chromium-webdriver-text.txt", []),
        ("html2text-no-links.md", []),
        ("elinks.txt", ["'Link: preconnect"]),
        ("elinks-no-references.txt", ["'Link: preconnect"]),
    ],
)
def test_what_each_converter_leaves_unread_is_reported(tool: str, reported: list[str]) -> None:
    """Text a tool broke out of the page's furniture is reported, never a paper: BeautifulSoup
    with a separator splits the subtitle into "by" / "AK"; on one line the whole header and
    footer run into the cards (the page's date then goes with them, its title opening the
    line); elinks writes the page's <link> elements as a "Link: preconnect" line above it."""
    listing = paperlist.load(DATA / "text" / f"daily_listing_2024-08-01.{tool}", today="2024-08-01")
    assert len(listing) == 13
    messages = [issue.message for issue in listing.issues]
    assert len(messages) == len(reported)
    for message, start in zip(messages, reported, strict=True):
        assert message.startswith(f"not read as a paper: nothing but its text says {start}")
    day = datetime.date(2024, 8, 1) if tool != "bs4-one-line.txt" else None
    assert (listing.title, listing.date) == ("Daily Papers", day)


LISTING = "daily_listing_2024-08-01"
# The same page with its first card (The Llama 3 Herd of Models) deleted, dumped by the
# same tool: a later day's page, whose link numbers differ from the whole page's.
WITHOUT_FIRST = f"{LISTING}-without-its-first-card"


def _joined(*names: str) -> paperlist.Listing:
    text = "\n".join((DATA / "text" / name).read_text(encoding="utf-8") for name in names)
    return paperlist.loads(text, today="2024-08-01")


@pytest.mark.parametrize(
    "names",
    [
        (f"{LISTING}.lynx.txt", f"{WITHOUT_FIRST}.lynx.txt"),
        (f"{WITHOUT_FIRST}.lynx.txt", f"{LISTING}.lynx.txt"),
        (f"{LISTING}.elinks.txt", f"{WITHOUT_FIRST}.elinks.txt"),
        (f"{WITHOUT_FIRST}.elinks.txt", f"{LISTING}.lynx.txt"),
        (
            f"{LISTING}.html2text-reference-links.md",
            f"{WITHOUT_FIRST}.html2text-reference-links.md",
        ),
        (
            f"{WITHOUT_FIRST}.html2text-reference-links.md",
            f"{LISTING}.html2text-reference-links.md",
        ),
    ],
)
def test_dumps_appended_in_one_file_each_resolve_their_own_numbered_links(
    names: tuple[str, str],
) -> None:
    """``lynx -dump page >> notes.txt`` day after day: each dump's "[15]" numbers lead
    through its own list of references, not the last one in the file; html2text's
    "[text][19]" links through the definitions at the end of their own dump."""
    truth = _props_papers()
    listing = _joined(*names)
    assert sorted(paper.title for paper in listing) == sorted(truth)
    for paper in listing:
        assert paper.arxiv_id == truth[paper.title][0]
    assert _repeats(listing) == 12  # the cards both pages show


def test_a_dump_after_a_text_browsers_list_of_references_is_read() -> None:
    """Text after lynx's list of references is another dump, not more of the list: the
    first card, which only the second dump shows, is a paper."""
    listing = _joined(f"{WITHOUT_FIRST}.lynx.txt", f"{LISTING}.elinks-no-references.txt")
    assert len(listing) == 13
    assert listing[12].title == "The Llama 3 Herd of Models"
    assert listing[12].arxiv_id is None  # elinks left its link targets out
    assert (listing[12].upvotes, listing[12].comments, listing[12].author_count) == (94, 5, 533)


def test_a_markdown_dump_joined_to_a_text_browsers_keeps_its_count_links() -> None:
    """Joined to a text browser's dump, markdownify's "[94](/login?next=…)" vote links
    are still links, not text whose "[94]" is a link number to drop: no paper is titled
    with their address, and the cards both dumps show are one paper each."""
    truth = _props_papers()
    for names in [
        (f"{LISTING}.markdownify.md", f"{LISTING}.elinks-no-references.txt"),
        (f"{LISTING}.elinks-no-references.txt", f"{LISTING}.markdownify.md"),
        (f"{LISTING}.markdownify.md", f"{LISTING}.lynx.txt"),
    ]:
        listing = _joined(*names)
        assert [paper.title for paper in listing] == list(truth)
        assert [paper.upvotes for paper in listing] == [value[1] for value in truth.values()]
        assert [paper.arxiv_id for paper in listing] == [value[0] for value in truth.values()]
        assert _repeats(listing) == 13


@pytest.mark.parametrize(
    "names",
    [
        (f"{LISTING}.w3m.txt", f"{LISTING}.chromium-pdf-pdftotext.txt"),
        (f"{LISTING}.chromium-pdf-pdftotext.txt", f"{LISTING}.markdownify.md"),
        (f"{LISTING}.chromium-pdf-pdftotext-layout.txt", f"{LISTING}.chromium-pdf-pdftotext.txt"),
        (f"{LISTING}.chromium-pdf-pdftotext.txt", f"{LISTING}.chromium-pdf-pdftotext.txt"),
        (f"{LISTING}.chromium-pdf-pdftotext-raw.txt", f"{LISTING}.lynx.txt"),
        (f"{LISTING}.chromium-pdf-pdftotext-nopgbrk.txt", f"{LISTING}.markdownify.md"),
        (
            f"{LISTING}.chromium-pdf-pdftotext-nopgbrk-layout.txt",
            f"{LISTING}.chromium-pdf-pdftotext-nopgbrk-raw.txt",
        ),
    ],
)
def test_a_printed_pages_text_joined_to_another_dump_loses_its_header_and_footer(
    names: tuple[str, str],
) -> None:
    """The browser's header and footer on each sheet are found on the printed page's own
    sheets: another dump before or after them, or a second printing with other ones
    ("11/28/26, 7:58 PM" alone, or with the title on its line), is no sheet of it."""
    truth = _props_papers()
    listing = _joined(*names)
    assert [paper.title for paper in listing] == list(truth)
    counts = [(paper.upvotes, paper.comments, paper.author_count) for paper in listing]
    assert counts == [value[1:] for value in truth.values()]
    assert _repeats(listing) == 13


@pytest.mark.parametrize(
    "names",
    [
        (f"{LISTING}.html-to-text.txt", f"{LISTING}.lynx.txt"),
        (f"{LISTING}.html2text-reference-links.md", f"{LISTING}.html-to-text.txt"),
    ],
)
def test_html_to_text_joined_to_another_notation_resolves_both(names: tuple[str, str]) -> None:
    """Each tool's links are resolved in one file: html-to-text's addresses in brackets,
    and lynx's numbers or html2text's references, whichever dump comes first."""
    truth = {title.upper(): values for title, values in _props_papers().items()}
    listing = _joined(*names)
    assert len(listing) == 13
    for paper in listing:
        assert paper.arxiv_id == truth[paper.title.upper()][0]
    assert _repeats(listing) == 13


PAPER_PAGE_DUMP = "paper_page_2509.24002_2025-10-02"


@pytest.mark.parametrize(
    ("tool", "names", "places"),
    [
        # Read off the dump: four names, each before its comma; eleven commas stand alone.
        ("resiliparse.txt", ("Zijian Wu", "Lingjun Chen", "Lingxiao Du", "Arvin Xu"), 15),
        ("resiliparse-main.txt", (), 11),  # its main content: ten commas, no name
        # The same four names and fourteen commas, each on a line of its own or after its name.
        ("readabilipy.txt", ("Zijian Wu", "Lingjun Chen", "Lingxiao Du", "Arvin Xu"), 15),
        ("justext-all.txt", ("Zijian Wu", "Lingjun Chen", "Lingxiao Du", "Arvin Xu"), 15),
    ],
)
def test_an_author_list_a_tool_left_names_out_of_has_no_count(
    tool: str, names: tuple[str, ...], places: int
) -> None:
    """resiliparse keeps the commas between the paper page's authors but only the names
    that are links: the names shown are kept, the count is unknown and reported."""
    listing = paperlist.load(DATA / "text" / f"{PAPER_PAGE_DUMP}.{tool}", today="2025-10-02")
    paper = listing[0]
    assert (paper.arxiv_id, paper.authors, paper.author_count) == ("2509.24002", names, None)
    [issue] = listing.issues
    assert issue.field == "authors"
    assert issue.message.startswith(f"the author list shows {len(names)} names for {places}")
    with pytest.raises(paperlist.ParseError, match="left names out"):
        paperlist.load(DATA / "text" / f"{PAPER_PAGE_DUMP}.{tool}", today="2025-10-02", strict=True)


def test_a_dump_of_the_pages_main_content_without_cards_has_no_paper() -> None:
    """resiliparse's main content of the listing is its banner alone: no card, no paper."""
    dump = DATA / "text" / f"{LISTING}-main-content.resiliparse.txt"
    listing = paperlist.load(dump, today="2024-08-01")
    assert (len(listing), listing.issues) == (0, ())


def test_icons_inlined_as_data_leave_the_date_line_readable() -> None:
    """html-to-markdown keeps the page's arrows as data: images around "Aug 1", hundreds
    of characters each; the line is still the page's date. Its video thumbnail's link
    ("[video](/papers/2407.20229)") is a thumbnail, no title."""
    listing = paperlist.load(DATA / "text" / f"{LISTING}.html-to-markdown.md", today="2024-08-01")
    assert (listing.title, listing.date) == ("Daily Papers", datetime.date(2024, 8, 1))
    assert listing[8].title == "Improving 2D Feature Representations by 3D-Aware Fine-Tuning"
    assert listing.issues == ()


def test_defuddles_paper_page_gives_what_its_main_content_keeps() -> None:
    """defuddle (the Obsidian Web Clipper's reader) keeps the title, the badge, an empty
    author list and the abstract section, which ends its dump: those values are the
    props', and what it left out is unknown."""
    dump = DATA / "text" / f"{PAPER_PAGE_DUMP}.defuddle.md"
    paper = paperlist.load(dump, today="2025-10-02", strict=True)[0]
    props = paperlist.load(DATA / "text" / f"{PAPER_PAGE_DUMP}.markdownify.md.expected.json")[0]
    shown = ("title", "arxiv_id", "abstract", "ai_summary", "listed")
    assert [getattr(paper, name) for name in shown] == [getattr(props, name) for name in shown]
    assert (paper.published, paper.upvotes, paper.authors, paper.author_count) == (
        None,
        None,
        (),
        None,
    )
