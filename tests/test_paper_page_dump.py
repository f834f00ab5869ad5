"""A single paper page dumped as text: one paper read by its landmarks, gaps reported."""

from __future__ import annotations

import datetime

import pytest

import paperlist
from conftest import DATA
from paperlist import ParseError

PAGE = DATA / "text" / "paper_page_2509.24002_2025-10-02.html2text.md"
LINES = PAGE.read_text(encoding="utf-8").split("\n")


def _without(*words: str) -> str:
    """The real dump with every line holding one of ``words`` left out."""
    return "\n".join(line for line in LINES if not any(word in line for word in words))


def _load(text: str, strict: bool = False) -> paperlist.Listing:
    return paperlist.loads(text, today="2025-10-02", strict=strict)


def test_the_real_page_reads_as_one_paper() -> None:
    """The dump's own values: read off the page (title, id, 118 upvotes, 15 authors)."""
    (paper,) = _load(PAGE.read_text(encoding="utf-8"))
    assert paper.arxiv_id == "2509.24002"
    assert paper.title.startswith("MCPMark: A Benchmark for Stress-Testing")
    assert (paper.upvotes, paper.author_count) == (118, 15)
    assert paper.authors[-1] == "Michael Qizhe Shieh"


def test_a_page_without_upvote_or_authors_leaves_them_unknown() -> None:
    """A landmark a dump lacks is unknown (None or empty), not guessed."""
    (paper,) = _load(_without("Upvote", "Authors:"))
    assert paper.upvotes is None
    assert paper.authors == ()
    assert paper.author_count is None


def test_a_missing_title_is_an_issue() -> None:
    """No line between arxiv: and "Published on": an Issue leniently, a ParseError strictly."""
    start = next(i for i, line in enumerate(LINES) if line.startswith("arxiv:"))
    text = "\n".join(LINES[: start + 1] + LINES[start + 3 :])
    listing = _load(text)
    assert listing[0].title == ""
    assert [issue.message for issue in listing.issues] == [
        "expected the paper's title after its arxiv: line"
    ]
    with pytest.raises(ParseError, match="expected the paper's title"):
        _load(text, strict=True)


def test_an_unreadable_published_date_is_an_issue() -> None:
    """ "Published on" followed by no date: the date is unknown, and an Issue says why."""
    listing = _load("\n".join(LINES).replace("Published on Sep 28", "Published on Smarch 3"))
    assert listing[0].published is None
    assert listing.issues[0].field == "published"


def test_the_listing_day_from_the_badge_link_or_the_submission_line() -> None:
    """The badge's link gives the day (2025-10-01); without it, "Submitted by … on Oct 1"."""
    assert _load(PAGE.read_text(encoding="utf-8"))[0].listed == datetime.date(2025, 10, 1)
    no_badge = _without("Paper of the day")
    assert _load(no_badge)[0].listed == datetime.date(2025, 10, 1)
    neither = no_badge.replace(" on Oct 1", "")
    assert _load(neither)[0].listed is None


def test_unreadable_listing_days_are_issues() -> None:
    """A badge linking to no real day, then a submission line with no real date."""
    text = "\n".join(LINES).replace("?date=2025-10-01", "?date=2025-13-45")
    listing = _load(text)
    assert listing[0].listed == datetime.date(2025, 10, 1)  # from "on Oct 1"
    assert [(issue.field, issue.message) for issue in listing.issues] == [
        ("listed", "expected a date in the Paper of the day link, got '2025-13-45'")
    ]
    both = text.replace(" on Oct 1", " on Smarch 3")
    listing = _load(both)
    assert listing[0].listed is None
    assert [issue.field for issue in listing.issues] == ["listed", "listed"]
    with pytest.raises(ParseError, match="Paper of the day link"):
        _load(both, strict=True)


def test_a_title_ends_at_the_abstract_heading_or_six_lines_on() -> None:
    """No "Published on", badge, submitter, upvote or authors line: the title ends at the
    Abstract heading, else six lines after the arxiv: line. With neither "View arXiv page"
    nor a discussion after it, the abstract runs to the end of a dump that ends a
    sentence there (defuddle's); a dump cut mid-sentence gives none: its end is unknown."""
    (paper,) = _load("arxiv:2401.00001\n\n## A Title\n\n## Abstract\n\nSome words.\n")
    assert (paper.title, paper.abstract) == ("A Title", "Some words.")
    (cut,) = _load("arxiv:2401.00001\n\n## A Title\n\n## Abstract\n\nSome words, and\n")
    assert (cut.title, cut.abstract) == ("A Title", None)
    (bare,) = _load("arxiv:2401.00001\n\n## A Title\n\n## Abstract")  # the file's last line
    assert (bare.title, bare.abstract) == ("A Title", None)
    (paper,) = _load("arxiv:2401.00001\nA\nlong\ntitle\nover\nsix\nlines\nand more\n")
    assert paper.title == "A long title over six lines"


def test_no_organisation_chip_gives_no_organisation() -> None:
    """The chip after the badge is the organisation; without it, no other link (an
    upvoter's avatar) is taken for one."""
    markdownify = DATA / "text" / "paper_page_2509.24002_2025-10-02.markdownify.md"
    text = markdownify.read_text(encoding="utf-8")
    start = text.index("[![NationalUniversityofSingapore]")
    end = text.index("](/NationalUniversityofSingapore)") + len("](/NationalUniversityofSingapore)")
    (paper,) = _load(text[:start] + text[end:])
    assert (paper.organization, paper.organization_id) == (None, None)
    assert (paper.submitted_by, paper.upvotes) == ("Jakumetsu", 118)


def test_backslash_escapes_are_undone_only_in_markdown_dumps() -> None:
    """turndown writes the page's "52.56\\%" as "52.56\\\\%" and "a_b" as "a\\_b": a Markdown
    dump reads them back as the page shows them; a plain-text dump keeps every backslash."""
    markdown = DATA / "text" / "paper_page_2509.24002_2025-10-02.turndown-reader.md"
    text = markdown.read_text(encoding="utf-8").replace("MCPMark is", "MCP\\_Mark is", 1)
    (paper,) = _load(text)
    assert "reaches only 52.56\\% pass@1" in (paper.abstract or "")
    assert (paper.ai_summary or "").startswith("MCP_Mark is a comprehensive benchmark")
    plain = DATA / "text" / "paper_page_2509.24002_2025-10-02.bs4.txt"
    text = plain.read_text(encoding="utf-8").replace("MCPMark is", "MCP\\_Mark is", 1)
    (paper,) = _load(text)
    assert "reaches only 52.56\\% pass@1" in (paper.abstract or "")
    assert (paper.ai_summary or "").startswith("MCP\\_Mark is a comprehensive benchmark")
