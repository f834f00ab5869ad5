"""The plain-text loader on the seed page and on each of its rules."""

from __future__ import annotations

import datetime
import re

import pytest

import paperlist
from conftest import DATA, SEED, SEED_TODAY
from paperlist import Issue, ParseError

ABSTRACT = "We propose a method. " * 12  # long enough to be read as an abstract


def _load(text: str, **kwargs: object) -> paperlist.Listing:
    return paperlist.loads(text, format="text", today=SEED_TODAY, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("strict", [False, True])
def test_seed_figures(strict: bool) -> None:
    """The seed gives the figures of the foundation issue in both modes."""
    listing = paperlist.load(SEED, today=SEED_TODAY, strict=strict)
    assert len(listing) == 87
    assert sum(paper.author_count is not None for paper in listing) == 84
    no_metadata = [
        paper.title
        for paper in listing
        if paper.author_count is None and paper.organization is None and paper.published is None
    ]
    assert [title.split(":")[0] for title in no_metadata] == [
        "Skywork-Reward-V2",
        "Personalized Reasoning",
        "WorldPM",
    ]
    assert sum(paper.comments is not None for paper in listing) == 24
    assert all(paper.upvotes is None for paper in listing)
    # All 18 are inside abstracts: mentions; a browser copy shows no card GitHub link.
    assert sum(bool(paper.mentioned_repo_urls) for paper in listing) == 18
    assert all(paper.repo_url is None for paper in listing)
    assert listing.date == datetime.date(2025, 10, 28)
    assert listing.title == "Daily Papers"
    assert listing.issues == ()


def test_seed_yearless_dates_fall_in_2025(seed: paperlist.Listing) -> None:
    """Every year-less date of the seed resolves into 2025, on or before Oct 28."""
    raw = SEED.read_text(encoding="utf-8")
    yearless = re.findall(r"^[A-Z][a-z]{2} \d{1,2}(?: \d+)?$", raw, flags=re.MULTILINE)
    assert len(yearless) == 30  # 29 card dates and the page's own "Oct 28" label
    assert ", 2025" not in raw  # so every 2025 date below came from a year-less line
    recent = [paper.published for paper in seed if paper.published and paper.published.year == 2025]
    assert len(recent) == 29
    assert all(day <= SEED_TODAY for day in recent)


def test_seed_cards_checked_by_hand(seed: paperlist.Listing) -> None:
    """Cards read off the seed by eye give exactly these values."""
    first = seed[0]
    assert first.title == "Physical Reasoning and Object Planning for Household Embodied Agents"
    assert first.abstract is not None
    assert first.abstract.startswith("In this study, we explore the sophisticated domain")
    assert first.author_count == 4
    assert first.published == datetime.date(2023, 11, 22)
    assert first.comments is None
    assert first.mentioned_repo_urls == ("https://github.com/com-phy-affordance/COAT",)
    general = seed[2]
    assert general.title.startswith("General Preference Modeling")
    assert (general.published, general.comments) == (datetime.date(2024, 10, 3), 4)
    object_react = seed[4]
    assert object_react.title.startswith("ObjectReact")
    assert (object_react.published, object_react.comments) == (datetime.date(2025, 9, 11), 1)
    craft = next(paper for paper in seed if paper.title.startswith("CRAFT"))
    assert craft.mentioned_repo_urls == ("https://github.com/deel-ai/Craft",)
    skywork = next(paper for paper in seed if paper.title.startswith("Skywork"))
    assert skywork.abstract is not None
    assert skywork.author_count is None
    assert seed[-1].title.startswith("Value Kaleidoscope")
    assert (seed[-1].author_count, seed[-1].published) == (13, datetime.date(2023, 9, 1))


def test_chrome_may_be_missing() -> None:
    """A dump without the page header still reads its cards."""
    text = f"A Title\n\n{ABSTRACT}\n\n  • 3 authors\n·\nJun 3, 2023\n"
    listing = _load(text)
    assert listing.title is None
    assert listing.date is None
    assert [(paper.title, paper.author_count) for paper in listing] == [("A Title", 3)]


def test_chrome_only_page_is_an_empty_listing() -> None:
    """A page of chrome with no cards is an empty Listing with its title and date."""
    text = "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\n"
    text += "byAK and the research community\n\nOct 28\n"
    listing = _load(text)
    assert len(listing) == 0
    assert (listing.title, listing.date, listing.issues) == (
        "Daily Papers",
        datetime.date(2025, 10, 28),
        (),
    )


def test_upvote_line_before_the_title() -> None:
    """A number or '-' before the title is the upvote count; '-' means 0."""
    text = f"12\n\nFirst\n\n{ABSTRACT}\n\n-\n\nSecond\n\n{ABSTRACT}\n"
    assert [(paper.title, paper.upvotes) for paper in _load(text)] == [("First", 12), ("Second", 0)]


@pytest.mark.parametrize(
    ("owner", "count", "organization"),
    [
        ("  • 1 authors", 1, None),
        ("  • 1 author", 1, None),
        ("  • 27 authors", 27, None),
        ("Carnegie Mellon University", None, "Carnegie Mellon University"),
        ("  • Carnegie Mellon University", None, "Carnegie Mellon University"),
    ],
)
def test_owner_line(owner: str, count: int | None, organization: str | None) -> None:
    """The line before '·' is an author count or an organisation."""
    paper = _load(f"Title\n\n{ABSTRACT}\n\n{owner}\n·\nMay 8\n")[0]
    assert (paper.author_count, paper.organization) == (count, organization)
    assert paper.published == datetime.date(2025, 5, 8)


def test_hard_wrapped_abstract_is_one_paragraph() -> None:
    """An abstract wrapped over several lines is joined with single spaces."""
    paper = _load(
        "Title\n\nFirst line of it,\n  second line,\nthird.\n\n  • 2 authors\n·\nMay 8\n"
    )[0]
    assert paper.abstract == "First line of it, second line, third."


def test_card_without_abstract() -> None:
    """A title followed directly by its metadata has no abstract."""
    text = f"First\n\n{ABSTRACT}\n\n  • 2 authors\n·\nMay 8\n\nSecond\n\n  • 3 authors\n·\nMay 9\n"
    listing = _load(text)
    assert [(paper.title, paper.abstract is None, paper.author_count) for paper in listing] == [
        ("First", False, 2),
        ("Second", True, 3),
    ]
    assert listing.issues == ()


def test_ambiguous_short_paragraph_is_read_as_a_title_with_an_issue() -> None:
    """A short paragraph between a title and metadata is a new title, and says so;
    the bare line before it is no paper, and that is reported too."""
    listing = _load("First title\n\nSecond title\n\n  • 2 authors\n·\nMay 8\n")
    assert [paper.title for paper in listing] == ["Second title"]
    assert listing.issues == (
        Issue(
            "not read as a paper: nothing but its text says 'First title' is one",
            line=1,
            column=1,
        ),
        Issue(
            "ambiguous card: read 'Second title' as the title of a new card; "
            "it could also be the abstract of 'First title'",
            line=3,
            column=1,
            field="title",
            index=0,
        ),
    )


def test_bad_date_is_an_issue_and_the_paper_is_kept() -> None:
    """Lenient mode keeps the paper, sets the date to None and records an Issue."""
    listing = _load(f"Title\n\n{ABSTRACT}\n\n  • 4 authors\n·\nSmarch 3, 2024 2\n")
    assert listing[0].published is None
    assert listing[0].author_count == 4
    assert listing.issues == (
        Issue(
            "expected a date like 'Sep 11' or 'Sep 11, 2024', got 'Smarch 3, 2024 2'",
            line=7,
            column=1,
            field="published",
            index=0,
        ),
    )


def test_bad_date_raises_in_strict_mode() -> None:
    """Strict mode raises with the line, column and offending text."""
    with pytest.raises(ParseError) as caught:
        _load(f"Title\n\n{ABSTRACT}\n\n  • 4 authors\n·\nFeb 30\n", strict=True)
    assert str(caught.value) == "<string>:7:1: expected a real calendar date, got 'Feb 30'"
    assert (caught.value.line, caught.value.column, caught.value.field) == (7, 1, "published")


def test_bad_author_count_is_an_issue() -> None:
    """'many authors' leaves the count unknown and records an Issue."""
    listing = _load(f"Title\n\n{ABSTRACT}\n\n  • many authors\n·\nMay 8\n")
    assert listing[0].author_count is None
    assert listing.issues == (
        Issue(
            "expected a number of authors like '4 authors', got 'many'",
            line=5,
            column=3,
            field="author_count",
            index=0,
        ),
    )


def test_missing_date_after_separator_is_an_issue() -> None:
    """'·' followed by something that is no date is reported."""
    listing = _load(
        f"Title\n\n{ABSTRACT}\n\n  • 4 authors\n·\n\nNext paper title\n\n{ABSTRACT}\n\n"
        "  • 4 authors\n·\nMay 8\n"
    )
    assert [paper.title for paper in listing] == ["Title", "Next paper title"]
    assert listing.issues[0] == Issue(
        "expected a date after '·', got 'Next paper title'",
        line=8,
        column=1,
        field="published",
        index=0,
    )


@pytest.mark.parametrize("text", ["hello", "just some words\n\nand more words\n", "1 2 3"])
def test_content_without_cards_raises(text: str) -> None:
    """Non-empty content in which no card can be recognised is a ParseError."""
    with pytest.raises(ParseError) as caught:
        _load(text)
    first_line = text.split("\n")[0]
    assert str(caught.value) == (
        "<string>:1:1: no paper card found: expected a title followed by an abstract "
        f"or a metadata block, got {first_line!r}"
    )


def test_metadata_without_a_card_is_an_issue() -> None:
    """A dump that starts mid-card reports the orphaned metadata, keeping later cards."""
    listing = _load(f"  • 4 authors\n·\nMay 8\n\nTitle\n\n{ABSTRACT}\n\n  • 4 authors\n·\nMay 8\n")
    assert [paper.title for paper in listing] == ["Title"]
    assert listing.issues[0] == Issue(
        "a card's author count with no title before it: '4'", line=1, column=3, field="author_count"
    )


def test_a_long_run_of_links_is_read_once() -> None:
    """What follows a link is read link by link only when short; a long rest is one
    paragraph (one Issue), so a line of 1,000 links costs linear time."""
    card = f"Title\n\n{ABSTRACT}\n\n  • 4 authors\n·\nMay 8\n\n"
    listing = _load(card + "[](a)" * 1000 + "\n")
    assert [paper.title for paper in listing] == ["Title"]
    assert [issue.line for issue in listing.issues] == [9]


def test_a_repeated_card_is_read_once_and_reported() -> None:
    """A card pasted twice is one paper and one Issue, never a silent loss."""
    card = f"SePPO: Semi-Policy Preference\n\n{ABSTRACT}\n\n  • 11 authors\n·\nOct 7, 2024 2\n"
    other = f"VecCity: A Library\n\n{ABSTRACT}\n\n  • 4 authors\n·\nOct 8, 2024\n"
    listing = _load(f"{card}\n{card}\n{other}")
    assert [paper.title for paper in listing] == [
        "SePPO: Semi-Policy Preference",
        "VecCity: A Library",
    ]
    (issue,) = listing.issues
    assert (issue.line, issue.column, issue.index) == (9, 1, 0)  # the second block
    assert issue.message.startswith("a card repeating paper 0 ('SePPO: Semi-Policy Preference')")
    with pytest.raises(ParseError, match="a card repeating paper 0"):
        _load(f"{card}\n{card}\n{other}", strict=True)


def test_a_card_repeated_many_times_is_one_issue_at_its_first_copy() -> None:
    """However many copies, one Issue per paper, at its first copy, naming a few more."""
    card = f"SePPO: Semi-Policy Preference\n\n{ABSTRACT}\n\n  • 11 authors\n·\nOct 7, 2024 2\n"
    other = f"VecCity: A Library\n\n{ABSTRACT}\n\n  • 4 authors\n·\nOct 8, 2024\n"
    listing = _load(f"{card}\n{card}\n{card}\n{other}")
    assert len(listing) == 2
    (issue,) = listing.issues
    assert (issue.line, issue.index) == (9, 0)  # the second block; the third starts at 17
    assert issue.message == (
        "a card repeating paper 0 ('SePPO: Semi-Policy Preference') (also at line 17): "
        "read as that one paper"
    )
    # Eight copies, one every 8 lines: the first at 1, its copies at 9, 17, …, 57.
    many = _load("\n".join([card] * 8) + "\n" + other)
    (issue,) = many.issues
    assert issue.line == 9
    assert issue.message.endswith("(also at lines 17, 25, 33 and 3 more): read as that one paper")


def test_a_page_showing_every_card_twice_is_read_quietly() -> None:
    """Trending pages render each card twice in a row: one paper per pair, nothing reported.

    Each card block is 8 lines: cards start at lines 1, 9, 17, 25 and 33.
    """
    card = f"SePPO: Semi-Policy Preference\n\n{ABSTRACT}\n\n  • 11 authors\n·\nOct 7, 2024 2\n"
    other = f"VecCity: A Library\n\n{ABSTRACT}\n\n  • 4 authors\n·\nOct 8, 2024\n"
    pairs = _load(f"{card}\n{card}\n{other}\n{other}")
    assert len(pairs) == 2
    assert pairs.issues == ()
    apart = _load(f"{card}\n{other}\n{card}\n{other}")
    assert len(apart) == 2
    assert [issue.line for issue in apart.issues] == [17, 25]
    thrice = _load(f"{card}\n{card}\n{other}\n{other}\n{card}")
    assert [issue.line for issue in thrice.issues] == [9, 25]  # paper 0's names line 33 too
    assert "(also at line 33)" in thrice.issues[0].message


@pytest.mark.parametrize(
    "line",
    [
        "Source: https://huggingface.co/papers",
        "% Daily Papers",
        "Saved from https://huggingface.co/papers on 2025-10-28",
    ],
)
def test_a_line_a_tool_adds_above_the_page_is_reported_not_made_a_paper(line: str) -> None:
    """Above the page's title, a tool's own line took the page's date ("Oct 28") as its own
    and became an 88th paper; it is an Issue, and the seed still gives its 87 papers."""
    listing = paperlist.loads(f"{line}\n\n{SEED.read_text(encoding='utf-8')}", today=SEED_TODAY)
    assert len(listing) == 87
    assert listing.date == datetime.date(2025, 10, 28)
    (issue,) = listing.issues
    assert issue.message.startswith("not read as a paper")
    assert issue.line == 1


def test_an_address_alone_on_a_line_is_a_link_without_text() -> None:
    """A URL on a line of its own is a link's target (note exports put it under the link's
    text); standing alone it is furniture, never a paper, and says nothing to report."""
    text = f"https://huggingface.co/papers\n\n{SEED.read_text(encoding='utf-8')}"
    listing = paperlist.loads(text, today=SEED_TODAY)
    assert (len(listing), listing.date, listing.issues) == (87, datetime.date(2025, 10, 28), ())


_ONE_LINE_CARD = "Submitted by akhaliq 94 The Llama 3 Herd of Models · 533 authors 5"
_LLAMA = ("The Llama 3 Herd of Models", 94, 533, 5, "akhaliq")


def test_a_stretch_of_a_page_flattened_onto_one_line_reads_its_cards() -> None:
    """BeautifulSoup's one-line text of the real page, from its first card on (as from
    ``section.get_text(" ", strip=True)``): its 13 cards, and the footer reported."""
    page = (DATA / "text" / "daily_listing_2024-08-01.bs4-one-line.txt").read_text()
    stretch = page[page.index("Submitted by") :]
    listing = paperlist.loads(stretch, today=datetime.date(2024, 8, 1))
    whole = paperlist.loads(page, today=datetime.date(2024, 8, 1))
    assert len(listing) == 13
    assert listing.papers == whole.papers
    (issue,) = listing.issues
    assert issue.message.startswith("not read as a paper: nothing but its text says 'Previous Next")


def test_one_line_cards_glued_together_are_each_read() -> None:
    """Two of trafilatura's one-line cards of the real page with no line break between
    them (two dumps joined): two papers, as each line shows, and no title holding both."""
    glued = (
        "Submitted by akhaliq 3 NeRF-MAE: Masked AutoEncoders for Self-Supervised 3D "
        "Representation Learning for Neural Radiance Fields · 6 authors 2"
        "Submitted by akhaliq 24 Tora: Trajectory-oriented Diffusion Transformer for Video "
        "Generation · 5 authors 2\n"
    )
    listing = paperlist.loads(glued, today=datetime.date(2024, 8, 1), strict=True)
    assert [
        (paper.title, paper.upvotes, paper.author_count, paper.comments, paper.submitted_by)
        for paper in listing
    ] == [
        (
            "NeRF-MAE: Masked AutoEncoders for Self-Supervised 3D Representation Learning "
            "for Neural Radiance Fields",
            3, 6, 2, "akhaliq",
        ),
        (
            "Tora: Trajectory-oriented Diffusion Transformer for Video Generation",
            24, 5, 2, "akhaliq",
        ),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("before", "reported"),
    [
        # A page on one line whose second "card" is no card: the header and it are reported.
        (
            f"Daily Papers - Hugging Face Models Aug 1 {_ONE_LINE_CARD} Submitted by nobody",
            ["'Daily Papers - Hugging", "'Submitted by nobody'"],
        ),
        # A long line that starts like the page's title but holds no card is text.
        ("Daily Papers - Hugging Face: today's page, as my notes tool kept it\n", ['"Daily']),
        # An image whose address runs on with words after it is text, not furniture.
        ("![](https://cdn-\nthumbs/x.png) and some words\n", ["'![](https://cdn-thumbs"]),
        # An image whose address never closes within three lines is text too.
        ("![](https://cdn-\nno close\nnor here\nnor here\n", ["'![](https://cdn-no"]),
        # A month alone whose next line is no day is text.
        ("Aug\n\nSomething else\n", ["'Aug'", "'Something else'"]),
    ],
    ids=["flat-page-broken-card", "page-title-line", "image-with-words", "image-unclosed",
         "month-without-day"],
)  # fmt: skip
def test_lines_that_only_look_like_a_shape_are_reported(before: str, reported: list[str]) -> None:
    """Each shape's test gives up cleanly: the line is reported text, the card after it
    (trafilatura's one-line form of the real page's first card) is read whole."""
    text = before if "Submitted by" in before else f"{before}\n{_ONE_LINE_CARD}\n"
    listing = paperlist.loads(text, today=datetime.date(2024, 8, 2))
    assert [
        (paper.title, paper.upvotes, paper.author_count, paper.comments, paper.submitted_by)
        for paper in listing
    ] == [_LLAMA]
    messages = [issue.message for issue in listing.issues]
    assert len(messages) == len(reported)
    for message, start in zip(messages, reported, strict=True):
        assert message.startswith(f"not read as a paper: nothing but its text says {start}")


def test_cards_of_one_title_and_two_ids_are_two_papers() -> None:
    """Copies are matched by arXiv id, else by title with no other id: the same title
    under two paper links is two papers, not a repeat."""
    text = (
        "### [Same Title](/papers/2401.00001)\n\n· 3 authors\n\n"
        "### [Same Title](/papers/2401.00002)\n\n· 4 authors\n"
    )
    listing = paperlist.loads(text, today="2024-08-01")
    assert [(paper.arxiv_id, paper.author_count) for paper in listing] == [
        ("2401.00001", 3),
        ("2401.00002", 4),
    ]
    assert listing.issues == ()


def test_of_two_copies_of_a_card_the_longer_text_is_kept() -> None:
    """As Listing.merge keeps it: a copy whose title another copy shortened gives the
    paper its whole title, and the copy is reported."""
    text = (
        "### [A title](/papers/2401.00001)\n\n· 3 authors\n\n"
        "### [Another paper](/papers/2401.00002)\n\n· 5 authors\n\n"
        "### [A title, in full](/papers/2401.00001)\n\n· 3 authors\n"
    )
    listing = paperlist.loads(text, today="2024-08-01")
    assert [(paper.title, paper.author_count) for paper in listing] == [
        ("A title, in full", 3),
        ("Another paper", 5),
    ]
    [issue] = listing.issues
    assert issue.message.startswith("a card repeating paper 0 ('A title, in full')")
