"""Note exports: each link's text, then its URL on a line of its own.

The first card of the real daily listing of 2024-08-01 shows "The Llama 3 Herd of
Models" with 94 upvotes, 533 authors and 5 comments; the cases below write it
as a note export does, one rule at a time.
"""

from __future__ import annotations

import datetime

import pytest

import paperlist
from conftest import DATA

TODAY = datetime.date(2024, 8, 2)
PAPER = "https://huggingface.co/papers/2407.21783"
CARD = f"""\
{PAPER}

Submitted by akhaliq

94
https://huggingface.co/login?next=%2Fpapers%2F2407.21783

### The Llama 3 Herd of Models
{PAPER}

·
533 authors

{PAPER}
5
{PAPER}#community
"""


def _load(text: str, strict: bool = True) -> paperlist.Listing:
    return paperlist.loads(text, today=TODAY, strict=strict)


def test_each_url_line_is_the_target_of_the_line_above() -> None:
    """The count above the login link is the upvote count, the one above the discussion
    link the comment count; the heading links to the paper, which gives its id."""
    (paper,) = _load(CARD)
    assert (paper.title, paper.arxiv_id) == ("The Llama 3 Herd of Models", "2407.21783")
    assert (paper.upvotes, paper.author_count, paper.comments) == (94, 533, 5)


def test_a_title_line_linked_without_heading_marks() -> None:
    """A plain line above the paper's address is its title, linked to its page."""
    (paper,) = _load(CARD.replace("### The Llama", "The Llama"))
    assert (paper.title, paper.arxiv_id, paper.upvotes) == (
        "The Llama 3 Herd of Models",
        "2407.21783",
        94,
    )


def test_an_address_is_never_a_title() -> None:
    """Addresses alone between cards (a logo's or a menu's link) make no paper and
    leave the next card's upvote count beside its title."""
    text = "https://huggingface.co/\n\nhttps://huggingface.co/models\n\n" + CARD
    (paper,) = _load(text)
    assert paper.upvotes == 94


@pytest.mark.parametrize(
    "header",
    [
        "Daily Papers\nhttps://huggingface.co/papers",
        "by AK\nhttps://huggingface.co/akhaliq\n and the research community",
        "## by AK\nhttps://huggingface.co/akhaliq\n and the research community",
    ],
)
def test_page_furniture_with_its_links_is_furniture(header: str) -> None:
    """The page's header, its link under its text or splitting it, is no card."""
    listing = _load(f"{header}\n\nAug 1\n\n{CARD}")
    assert [paper.arxiv_id for paper in listing] == ["2407.21783"]


def test_an_abstract_that_ends_with_an_address_keeps_it() -> None:
    """Lines ending in a URL that is no card part stay one paragraph: an abstract may end
    with its project's address."""
    abstract = "We release the models.\nSamples are available at\nhttps://llama.meta.com"
    text = CARD.replace(f"{PAPER}\n\n·", f"{PAPER}\n\n{abstract}\n\n·")
    (paper,) = _load(text)
    assert (
        paper.abstract == "We release the models. Samples are available at https://llama.meta.com"
    )


def test_the_real_paper_page_as_a_note_export_names_its_submitter() -> None:
    """A paper page's links under their text give the submitter's handle and the
    organisation chip, as Markdown links do (the page: Jakumetsu; National University
    of Singapore)."""
    path = DATA / "text" / "paper_page_2509.24002_2025-10-02.note-export.md"
    (paper,) = paperlist.load(path, strict=True)
    assert paper.submitted_by == "Jakumetsu"
    assert (paper.organization, paper.organization_id) == (
        "National University of Singapore",
        "NationalUniversityofSingapore",
    )
    assert paper.abstract is not None
    assert "huggingface.co" not in paper.abstract  # keyword links read as their text


@pytest.mark.parametrize("counter", ["[-] 1", "[ ] 1", "[x] 1"])
def test_an_upvote_button_written_as_a_counter(counter: str) -> None:
    """Note exports write the upvote button as a checkbox and its count: "[-] 1" above the
    title is 1 upvote, with or without the login link under it."""
    text = CARD.replace("94\n", f"{counter}\n")
    (paper,) = _load(text)
    assert paper.upvotes == 1
    (paper,) = _load(text.replace("\nhttps://huggingface.co/login?next=%2Fpapers%2F2407.21783", ""))
    assert paper.upvotes == 1


def test_html2text_wrapping_at_78_columns() -> None:
    """html2text's default output wraps a heading onto a second line and breaks an
    avatar's address at a hyphen: the subtitle stays furniture, and the name after the
    broken address is the submitter, not a title."""
    text = (
        "## by [![](/front/assets/papers-by.png)AK](/akhaliq) and the research\n"
        "community\n\n[](/papers?date=2024-07-31) Aug 1 [](/papers?date=2024-08-02)\n\n"
        + CARD.replace(
            "Submitted by akhaliq",
            "Submitted by ![](https://cdn-\navatars.huggingface.co/v1/production/uploads/"
            "1674929746905-60f1abe7544c2adfd699860c.jpeg)\nakhaliq",
        )
    )
    (paper,) = _load(text)
    assert (paper.title, paper.submitted_by, paper.upvotes) == (
        "The Llama 3 Herd of Models",
        "akhaliq",
        94,
    )
