"""Whole-dump tests for tools' link notations and markup: every line counts, the first too."""

from __future__ import annotations

import pytest

from paperlist._link_notations import (
    count_bracketed_addresses,
    count_numbered_link_lines,
    has_reference_definitions,
    resolve_bracketed_addresses,
    resolve_citations,
    resolve_numbered_links,
    resolve_reference_links,
)
from paperlist._markup import plain_markdown
from paperlist._printed_pages import without_running_lines


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("[1]Home\n   [2]Papers\n\t[3]Daily\n", 3),  # the first line counts, indented ones too
        ("Intro\n[24]The Llama 3 Herd\n", 1),
        ("[94](/papers/2401.00001)\n[19]: /papers/x\n[5] spaced\n[6][7]\n", 0),  # Markdown
        ("x [24]inline\n", 0),  # not opening its line
        ("", 0),
    ],
)
def test_lines_opening_with_a_link_number_are_counted(text: str, count: int) -> None:
    assert count_numbered_link_lines(text) == count


@pytest.mark.parametrize(
    ("text", "defined"),
    [
        ("[19]: /papers/2401.00001", True),  # on the first line, without a line break
        ("Title\n  [3]: https://example.org/a  \nmore", True),
        ("Title\n[3]: two words\n", False),  # a definition's target is one word
        ("Title\n[3] : /papers/x\n", False),
        ("a [3]: /papers/x\n", False),  # not opening its line
    ],
)
def test_reference_definitions_are_found_on_any_line(text: str, defined: bool) -> None:
    assert has_reference_definitions(text) is defined


def test_pandoc_fences_count_from_the_first_line() -> None:
    """Five lines opening with ":::" make pandoc's own Markdown, the first line among them."""
    body = "::: {.a}\n# Title\n:::\n::: b\ntext\n:::\n::: c\n"
    assert plain_markdown(body) == "\n# Title\n\n\ntext\n\n\n"
    assert plain_markdown(body[len("::: {.a}\n") :]) == body[len("::: {.a}\n") :]  # only four


def test_each_text_browser_dump_resolves_its_links_through_its_own_list() -> None:
    """Two lynx dumps in one file: numbers start again at 1 in the second, which has its
    own list; lines keep their places, the lists blanked, and a link number after the
    last list, which no list resolves, is dropped."""
    lines = [
        "   [1]Home",
        "   [2]A title",
        "References",
        "",
        "   Visible links:",
        "   1. file:///",
        "   2. file://localhost/papers/2401.00001",
        "   [1]Home",
        "   [2]Another",
        "References",
        "   1. https://example.org/",
        "   2. /papers/2402.00002",
        "   Hidden links:",
        "   3. /papers/2403.00003",
        "[4]After both lists",
        "[94](/login?next=%2Fpapers%2F2402.00002)",
    ]
    assert resolve_numbered_links(lines) == [
        "   [Home](/)",
        "   [A title](/papers/2401.00001)",
        *[""] * 5,
        "   [Home](https://example.org/)",
        "   [Another](/papers/2402.00002)",
        *[""] * 5,
        "After both lists",
        "[94](/login?next=%2Fpapers%2F2402.00002)",  # a Markdown link, kept
    ]


def test_a_number_inside_a_line_starts_no_new_dump() -> None:
    """A "[1]" inside a line may be an abstract's citation: the links before it still
    lead through the list."""
    lines = ["[1]Home", "[2]A title", "", "as shown in [1], we", "References", "1. /", "2. /x"]
    assert resolve_numbered_links(lines)[:4] == [
        "[Home](/)",
        "[A title](/x)",
        "",
        "as shown in , we",
    ]


def test_a_reference_link_leads_through_the_next_definition_of_its_number() -> None:
    """Each html2text dump defines its numbers at its end; a number defined only before
    its link (Markdown allows definitions anywhere) still leads there."""
    text = (
        "[0]: /top\n"
        "[A][1] [B][0]\n"
        "[1]: /papers/2401.00001\n"
        "[C][1] [D][2]\n"
        "[1]: /papers/2402.00002\n"
    )
    assert resolve_reference_links(text) == [
        "",
        "[A](/papers/2401.00001) [B](/top)",
        "",
        "[C](/papers/2402.00002) [D]",  # no definition: the text alone
        "",
        "",
    ]


def test_a_printed_pages_header_and_footer_are_blanked_on_every_sheet() -> None:
    """pdftotext ends each sheet with a form feed; what a browser printed at the same place
    at the top and bottom of each sheet and the next (its number one higher there) is
    blanked, lines kept."""
    sheets = [
        "1/1/26, 9:05 AM\nDaily Papers - Hugging Face\n\nSubmitted by akhaliq\n94\nfile:///p.html\n1/3\n",
        "1/1/26, 9:05 AM\nDaily Papers - Hugging Face\nThe Llama 3 Herd\n·\nfile:///p.html\n2/3\n",
        "1/1/26, 9:05 AM\nDaily Papers - Hugging Face\n533 authors\nfile:///p.html\n3/3\n",
    ]
    text = "\f".join(sheets) + "\f"
    assert (
        without_running_lines(text)
        == "\f".join(
            [
                "\n\n\nSubmitted by akhaliq\n94\n\n\n",
                "\n\nThe Llama 3 Herd\n·\n\n\n",
                "\n\n533 authors\n\n\n",
            ]
        )
        + "\f"
    )


def _printed(*sheets: str, after: str = "") -> str:
    """Sheets as pdftotext ends them, each opening with blank lines (as many sheets do),
    so that they hold as many lines as a printed sheet; ``after`` the last form feed."""
    return "".join(f"\n\n\n{sheet}\f" for sheet in sheets) + after


@pytest.mark.parametrize(
    ("sheets", "blanked"),
    [
        # "Title" stands on every sheet, but after lines that differ: it is text.
        (["A\nTitle\nx", "B\nTitle\ny"], ["A\nTitle\nx", "B\nTitle\ny"]),
        # A sheet with only the header and footer: its lines are blanked, and no more.
        (["Head\nbody\nFoot", "Head\nFoot", "Head\nmore\nFoot"], ["\nbody\n", "\n", "\nmore\n"]),
        # Two printed pages' text in one file: each has its own header and footer.
        (
            ["A 1\nx\nA end", "A 2\ny\nA end", "B 1\nz\nB end", "B 2\nw\nB end"],
            ["\nx\n", "\ny\n", "\nz\n", "\nw\n"],
        ),
        # Upvote counts atop two sheets printed without a header are no header.
        (["94\nThe Llama 3 Herd", "24\nTora"], ["94\nThe Llama 3 Herd", "24\nTora"]),
        # pdftotext -raw: every sheet after the first opens with a card's "·", then counts
        # that are no sheet numbers; only the footer, whose number counts the sheets, goes.
        (
            ["x\n·\n5 authors\nF 1/3", "·\n12 authors\nF 2/3", "·\n8 authors\nF 3/3"],
            ["x\n·\n5 authors\n", "·\n12 authors\n", "·\n8 authors\n"],
        ),
        # One printing's text twice: sheet numbers start again, and both are found.
        (
            ["H\na\nF 1/2", "H\nb\nF 2/2", "H\nc\nF 1/2", "H\nd\nF 2/2"],
            ["\na\n", "\nb\n", "\nc\n", "\nd\n"],
        ),
    ],
)
def test_lines_are_running_only_on_neighbouring_sheets_and_from_their_ends(
    sheets: list[str], blanked: list[str]
) -> None:
    assert without_running_lines(_printed(*sheets)) == _printed(*blanked)


_HEADER = ["1/1/26, 9:05 AM", "Daily Papers - Hugging Face"]


def _footer(number: int) -> list[str]:
    return ["file:///p.html", f"{number}/3"]


def test_a_printings_four_pieces_may_all_stand_at_a_sheets_end() -> None:
    """PyMuPDF writes the date, title, address and counter after each sheet's text."""
    sheets = [
        "\n".join([body, *_HEADER, *_footer(number)])
        for number, body in enumerate(["94", "The Llama 3 Herd", "533 authors"], start=1)
    ]
    assert without_running_lines(_printed(*sheets)) == _printed(
        "94\n\n\n\n", "The Llama 3 Herd\n\n\n\n", "533 authors\n\n\n\n"
    )


def test_a_printings_pieces_may_change_places_from_one_sheet_to_the_next() -> None:
    """pdfminer writes the date above the title on the first sheet, below it on the next."""
    swapped = _HEADER[::-1]
    sheets = [
        "\n".join([*_HEADER, "94", *_footer(1)]),
        "\n".join([*swapped, "The Llama 3 Herd", *_footer(2)]),
        "\n".join([*swapped, "533 authors", *_footer(3)]),
    ]
    assert without_running_lines(_printed(*sheets)) == _printed(
        "\n\n94\n\n", "\n\nThe Llama 3 Herd\n\n", "\n\n533 authors\n\n"
    )


def test_a_printings_pieces_may_be_missing_from_the_next_sheets_end() -> None:
    """pdfminer may place the date and title of a sheet inside its text: the sheet after
    the next one, which shows them at its top again, says they are the printing's. Text
    above the first sheet's header (a note's own line) keeps it there."""
    footer = "file:///p.html\n{}/4"
    sheets = [
        "\n".join(["A note", *_HEADER, "a", footer.format(1)]),
        "\n".join([*_HEADER[::-1], "b", footer.format(2)]),
        "\n".join(["c", *_HEADER, "d", footer.format(3)]),
        "\n".join([*_HEADER, "e", footer.format(4)]),
    ]
    header = "\n".join(_HEADER)
    assert without_running_lines(_printed(*sheets)) == _printed(
        f"A note\n{header}\na\n\n", "\n\nb\n\n", f"c\n{header}\nd\n\n", "\n\ne\n\n"
    )


def test_a_last_sheet_without_its_form_feed_ends_at_the_last_counter() -> None:
    """markitdown strips the form feed after the last sheet: text ending in the printing's
    last counter, "3/3", is its last sheet; text ending otherwise is none (below)."""
    sheets = [
        "\n".join([*_HEADER, body, *_footer(number)]) for number, body in [(1, "a"), (2, "b")]
    ]
    last = "\n".join([*_HEADER, "c", *_footer(3)])
    assert without_running_lines(_printed(*sheets, after="\n\n\n" + last + "\n")) == _printed(
        "\n\na\n\n", "\n\nb\n\n", after="\n\n\n\n\nc\n\n\n"
    )


def test_text_after_the_last_form_feed_is_no_sheet() -> None:
    """Another dump appended after the printed page's text keeps its first line."""
    text = _printed("Head\nbody\nFoot", "Head\nmore\nFoot", after="Head\nmarkdown")
    assert without_running_lines(text) == _printed("\nbody\n", "\nmore\n", after="Head\nmarkdown")


def test_sheets_too_short_to_be_printed_are_left_as_they_are() -> None:
    """Fewer than four lines a sheet hold no header, footer and text: no printed page, and
    a flood of form feeds costs one count."""
    assert without_running_lines("Title\nbody\f") == "Title\nbody\f"
    assert without_running_lines("a\f" * 1000) == "a\f" * 1000
    short = "H\nx\nF 1/2\fH\ny\nF 2/2\f"
    assert without_running_lines(short) == short


_NOPGBRK_SHEETS = [
    "1/1/26, 9:05 AM\nDaily Papers\n\nSubmitted by akhaliq\n94\nfile:///p.html\n1/3\n",
    "1/1/26, 9:05 AM\nDaily Papers\nThe Llama 3 Herd\n·\nfile:///p.html\n2/3\n",
    "1/1/26, 9:05 AM\nDaily Papers\n533 authors\nfile:///p.html\n3/3\n",
]
_NOPGBRK_BLANKED = [
    "\n\n\nSubmitted by akhaliq\n94\n\n\n",
    "\n\nThe Llama 3 Herd\n·\n\n\n",
    "\n\n533 authors\n\n\n",
]


def test_sheets_printed_without_form_feeds_end_at_their_counters() -> None:
    """pdftotext -nopgbrk leaves no form feed: each sheet ends with the line that ends in
    its counter, "1/3", "2/3", "3/3", alone (plain) or after the address (-layout, -raw)."""
    assert without_running_lines("".join(_NOPGBRK_SHEETS)) == "".join(_NOPGBRK_BLANKED)
    layout = [sheet.replace("html\n", "html      ") for sheet in _NOPGBRK_SHEETS]
    assert without_running_lines("".join(layout)) == "".join(
        sheet.removesuffix("\n\n") + "\n" for sheet in _NOPGBRK_BLANKED
    )
    # Another printing right after the first is found too.
    joined = "".join(_NOPGBRK_SHEETS) * 2
    assert without_running_lines(joined) == "".join(_NOPGBRK_BLANKED) * 2


@pytest.mark.parametrize(
    "text",
    [
        # A lone "1/2" ending a line starts no run of counters.
        "Title\nhalf the cost, 1/2\nmore\nand more\nText\n",
        # "11/2" ends in "1/2" but is no counter: it does not stand alone.
        "Title\nmore than 11/2\nmore\n2/2\nText\n",
        # Counters on every line make sheets too short to be printed.
        "1/3\n2/3\n3/3\n",
        # "12/3" and "2/3x" hold "2/3" but end in no counter of the second sheet.
        "H\na\nb\nF 1/3\nH\nc\nF 12/3\nH\nd\n2/3x\n",
        # A printing is looked for in the first sheet's length only: this one is no start.
        "x" * 40_000 + "\n" + "".join(_NOPGBRK_SHEETS),
    ],
)
def test_text_whose_counters_run_on_no_sheets_is_left_as_it_is(text: str) -> None:
    assert without_running_lines(text) == text


def test_html_to_text_keeps_the_links_cards_need_and_drops_other_addresses() -> None:
    """Lines from html-to-text's dump of the real listing (its default 80 columns)."""
    lines = [
        "DAILY PAPERS [/papers]",
        "/papers?date=2024-07-31 Aug 1 /papers?date=2024-08-02",
        "/papers/2407.21770",
        "Submitted by [/avatars/9dd7776d3b610d78e40c2e178ab2f112.svg] VictoriaLinML",
        "19",
        "[/login?next=%2Fpapers%2F2407.21770]",
        "",
        "",
        "TOWARDS ACHIEVING HUMAN PARITY ON END-TO-END SIMULTANEOUS SPEECH TRANSLATION VIA",
        "LLM AGENT [/papers/2407.21646]",
        "",
        " * [/avatars/9c578f8a1b9e5f85bdcfe0dc7465e0b4.svg]",
        "[/papers/2407.21646] 8 [/papers/2407.21646#community]",
    ]
    assert resolve_bracketed_addresses(lines) == [
        "Daily Papers",
        "Aug 1",
        "",
        "Submitted by VictoriaLinML",
        "19",
        "",
        "",
        "",
        "",
        "[TOWARDS ACHIEVING HUMAN PARITY ON END-TO-END SIMULTANEOUS SPEECH TRANSLATION VIA"
        " LLM AGENT](/papers/2407.21646)",
        "",
        " *",
        "[8](/papers/2407.21646#community)",
    ]
    assert count_bracketed_addresses("\n".join(lines)) == 7
    assert count_bracketed_addresses("[94](/login)\n[12]Title\n[/x](/y)") == 0


def test_a_paper_link_after_a_long_paragraph_takes_no_title_from_it() -> None:
    """An address alone on its line takes the lines above as its title only when they are
    a paragraph short enough to be a heading; an abstract's lines stay text."""
    abstract = ["Line one of an abstract", "two", "three", "four"]
    lines = ["", *abstract, "[/papers/2401.00001] 2 [/papers/2401.00001#community]"]
    assert resolve_bracketed_addresses(lines) == [
        "",
        *abstract,
        "[2](/papers/2401.00001#community)",
    ]


def test_title_lines_absorb_no_link_above_them() -> None:
    """A title link is joined only to plain lines html-to-text wrapped above it: lines of
    links one under another stay one link each, never nested (nesting them made each
    line hold all the lines before it, in quadratic time)."""
    lines = ["T [/papers/2401.00001]"] * 4
    assert resolve_bracketed_addresses(lines) == ["[T](/papers/2401.00001)"] * 4
    short_above = ["", "A short line", "[/papers/2401.00001]"]
    assert resolve_bracketed_addresses(short_above) == ["", "A short line", ""]


def test_links_list_under_its_heading_and_numbers_it_does_not_hold_are_names() -> None:
    """links' "Links:" list resolves like lynx's, form fields in it lead nowhere, and a
    number no list entry has (an image's name of digits) starts no new dump."""
    lines = ["[1]Home", "  * [1674929746]", "[2]A title", "", "Links:", "1. file:///", "2. /x"]
    lines += ["3. Text field"]
    assert resolve_numbered_links(lines)[:3] == ["[Home](/)", "  * ", "[A title](/x)"]


def test_crawl4ais_citations_become_links() -> None:
    """The shapes of Crawl4AI's real output: a heading's text cited, an empty link after
    plain text, an image's source cited in its brackets, a number no reference lists."""
    text = "\n".join(
        [
            "### The Llama 3 Herd of Models⟨16⟩",
            "⟨14⟩ Aug 1 ⟨15⟩",
            "Submitted by ![⟨17⟩] akhaliq",
            " 94⟨18⟩ and ⟨99⟩",
            "",
            "## References",
            "",
            "⟨14⟩ https://huggingface.co/papers?date=2024-07-31: ",
            "⟨15⟩ https://huggingface.co/papers?date=2024-08-02:",
            "⟨16⟩ https://huggingface.co/papers/2407.21783: ![](https://x/t.png)",
            "⟨17⟩ https://x/a.jpeg",
            "⟨18⟩ https://huggingface.co/login?next=%2Fpapers:  94",
        ]
    )
    assert resolve_citations(text).split("\n") == [
        "### [The Llama 3 Herd of Models](https://huggingface.co/papers/2407.21783)",
        "[](https://huggingface.co/papers?date=2024-07-31) Aug 1 "
        "[](https://huggingface.co/papers?date=2024-08-02)",
        "Submitted by ![](https://x/a.jpeg) akhaliq",
        " [94](https://huggingface.co/login?next=%2Fpapers) and ⟨99⟩",
        *[""] * 8,
    ]
