"""HTML pages: hydration props, the real paper page, rendered cards, untrusted input."""

from __future__ import annotations

import datetime
import html
import json
from pathlib import Path
from typing import Any

import pytest

import paperlist
import paperlist._formats.html
from conftest import DATA, PAPER_PAGE, json_items
from pagebuilder import card, hydration_div, listing_page
from paperlist import Issue, ParseError
from paperlist._formats.html import _pauses

DAY = "daily_papers_2025-10-03.json"


def test_real_paper_page() -> None:
    """The saved MCPMark paper page gives the values the issue lists."""
    listing = paperlist.load(PAPER_PAGE, strict=True)
    assert listing.format == "html"
    assert len(listing) == 1
    paper = listing[0]
    assert paper.arxiv_id == "2509.24002"
    assert (
        paper.title == "MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use"
    )
    assert paper.upvotes == 118
    assert paper.author_count == 15 == len(paper.authors)
    assert paper.published == datetime.date(2025, 9, 28)
    assert paper.listed == datetime.date(2025, 10, 1)
    assert paper.repo_url == "https://github.com/eval-sys/mcpmark"  # its githubRepo
    assert paper.mentioned_repo_urls == ()  # its abstract names no repository
    assert paper.github_stars == 182
    assert paper.project_page == "https://mcpmark.ai/"
    assert paper.comments == 2  # entries in the props' comments list


@pytest.mark.parametrize(
    ("converted", "page"),
    [
        ("daily_listing_2024-08-01.pandoc-gfm.md", "daily_listing_2024-08-01.html"),
        ("paper_page_2509.24002.pandoc-gfm.md", "paper_page_2509.24002.prettified.html"),
    ],
)
def test_pandocs_gfm_keeps_the_props_as_raw_html_and_they_are_read(
    converted: str, page: str
) -> None:
    """``pandoc -t gfm`` (and commonmark, markdown_mmd, markdown_phpextra) keeps each div
    as raw HTML, the hydration element too, with its data-props written as "props"
    (read off the file): it failed as an element with no data-props."""
    listing = paperlist.load(DATA / "html" / converted, strict=True)
    assert listing.format == "html"
    assert listing.papers == paperlist.load(DATA / "html" / page, strict=True).papers
    assert len(listing) == (13 if "listing" in converted else 1)


@pytest.mark.parametrize("target_first", [True, False])
@pytest.mark.parametrize("quote", ['"', "'"])
def test_daily_page_equals_its_json(target_first: bool, quote: str) -> None:
    """A daily page's hydration data gives the same Papers as the same items as JSON."""
    items = json_items(DAY)
    page = listing_page(items, date_string="2025-10-03", target_first=target_first, quote=quote)
    from_html = paperlist.loads(page, strict=True)
    from_json = paperlist.loads(json.dumps(items), strict=True)
    assert from_html.papers == from_json.papers
    assert len(from_html) == 39
    assert (from_html.title, from_html.date, from_html.format) == (
        "Daily Papers",
        datetime.date(2025, 10, 3),
        "html",
    )


def test_search_page() -> None:
    """Search pages keep their items under searchResults."""
    items = json_items("daily_papers_2026-03-12.json")
    page = listing_page(items, key="searchResults", date_string=None, period="day")
    listing = paperlist.loads(page, strict=True)
    assert listing.papers == paperlist.loads(json.dumps(items)).papers
    assert listing.date is None


def test_entities_decode_once() -> None:
    """&amp; becomes &, and a title that literally contains <b> keeps it as text."""
    items = json_items(DAY)[:1]
    items[0]["paper"]["title"] = "Tom &amp; Jerry use <b>bold</b> & more"
    listing = paperlist.loads(listing_page(items), strict=True)
    assert listing[0].title == "Tom &amp; Jerry use <b>bold</b> & more"


def test_cards_only_page() -> None:
    """Without hydration data the rendered cards are read, anchored on structure."""
    items = json_items(DAY)[:6]
    listing = paperlist.loads(
        listing_page(items, hydration=False), today=datetime.date(2025, 10, 3), strict=True
    )
    assert [paper.arxiv_id for paper in listing] == [item["paper"]["id"] for item in items]
    for paper, item in zip(listing, items, strict=True):
        source = item["paper"]
        assert paper.title == " ".join(source["title"].split())
        assert paper.upvotes == source["upvotes"]
        assert paper.comments == item["numComments"]
        assert paper.abstract == " ".join(source["summary"].split())
        assert paper.published == datetime.date.fromisoformat(source["publishedAt"][:10])
        if source.get("organization"):
            assert paper.organization == source["organization"]["fullname"]
            assert paper.organization_id == source["organization"]["name"]  # the chip's link
        else:
            assert paper.author_count == len(source["authors"])
        if source.get("githubRepo"):
            assert paper.repo_url == source["githubRepo"].rstrip("/")
            assert paper.github_stars == source.get("githubStars")


def test_card_with_dash_upvotes() -> None:
    """An upvote count shown as '-' is 0."""
    item = json_items(DAY)[0]
    item["paper"]["upvotes"] = 0
    page = listing_page([item], hydration=False)
    assert paperlist.loads(page, today=datetime.date(2025, 10, 3))[0].upvotes == 0
    assert ">-</div>" in card(item)


def test_page_without_data_raises() -> None:
    """Neither hydration data nor cards: ParseError saying no data was found."""
    with pytest.raises(ParseError) as caught:
        paperlist.loads("<html><head><title>Nothing</title></head><body><p>x</p></body></html>")
    assert str(caught.value) == (
        "<string>: no Daily Papers data found: expected an element with data-target "
        "'DailyPapers' or 'PaperContent', or article cards with a title linking to /papers/<id>"
    )


def test_look_alike_script_is_not_data() -> None:
    """A script whose text looks like the hydration element is ignored."""
    page = listing_page(json_items(DAY)[:2], hydration=False, cards=False)
    assert 'data-target="DailyPapers"' in page
    with pytest.raises(ParseError, match="no Daily Papers data found"):
        paperlist.loads(page)


def test_bad_props_json_has_the_element_line() -> None:
    """Broken props JSON raises with the line of the element holding it."""
    page = (
        '<html>\n<body>\n<div data-target="DailyPapers" data-props="{&quot;dailyPapers&quot;: [">'
    )
    page += "</div></body></html>"
    with pytest.raises(ParseError) as caught:
        paperlist.loads(page)
    assert caught.value.line == 3
    assert "invalid JSON in the DailyPapers data-props" in str(caught.value)


def test_props_beyond_ten_megabytes_load_completely() -> None:
    """A monthly page's props over libxml2's 10 MB attribute limit are not lost."""
    items = json_items("daily_papers_2025-09-29.json")
    many: list[dict[str, Any]] = []
    for copy_number in range(60):
        for item in items:
            clone = json.loads(json.dumps(item))
            clone["paper"]["id"] = f"25{copy_number:02d}.{len(many):05d}"
            many.append(clone)
    page = listing_page(many, period="month", cards=False)
    assert len(page) > 12_000_000
    listing = paperlist.loads(page, strict=True)
    assert len(listing) == len(many) == 1800


def test_wrong_field_in_props_is_an_issue_with_the_element_line() -> None:
    """Mapping problems inside props carry the element's line and the JSON path."""
    items = json_items(DAY)[:2]
    items[1]["paper"]["upvotes"] = "many"
    page = "<html><body>\n" + hydration_div({"dailyPapers": items}) + "</body></html>"
    listing = paperlist.loads(page)
    assert listing[1].upvotes is None
    assert listing.issues == (
        Issue(
            "expected a whole number >= 0 at $.dailyPapers[1].paper.upvotes, got a string 'many'",
            line=2,
            field="$.dailyPapers[1].paper.upvotes",
            index=1,
        ),
    )


XXE = """<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<html><body><article><h3><a href="/papers/2509.24002">&xxe;</a></h3><p>Abstract</p></article>
</body></html>"""

LAUGHS = """<!DOCTYPE html [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<html><body><article><h3><a href="/papers/2509.24002">&lol9;</a></h3><p>Abstract</p></article>
</body></html>"""


def test_external_entities_are_never_resolved() -> None:
    """An XXE page gives a Listing without the file's contents."""
    listing = paperlist.loads(XXE, format="html")
    assert "root:" not in listing[0].title
    assert listing[0].arxiv_id == "2509.24002"


def test_entity_expansion_bomb_is_not_expanded() -> None:
    """A billion-laughs page is read quickly and nothing is expanded."""
    listing = paperlist.loads(LAUGHS, format="html")
    assert len(listing[0].title) < 100


def test_nul_character_is_dropped_and_reported() -> None:
    """libxml2 stops at NUL; paperlist drops it, says where, and reads on."""
    page = listing_page(json_items(DAY)[:3]).replace("<section", "\x00<section", 1)
    listing = paperlist.loads(page)
    assert len(listing) == 3
    messages = [issue.message for issue in listing.issues]
    assert messages == ["a NUL character in the page was dropped"]
    with pytest.raises(ParseError, match="a NUL character in the page was dropped"):
        paperlist.loads(page, strict=True)


def test_bytes_and_str_give_the_same_listing() -> None:
    """A page read from bytes (parsed as bytes) equals the same page read from str."""
    page = listing_page(json_items(DAY))
    from_str = paperlist.loads(page)
    assert paperlist.loads(page.encode()) == from_str
    assert paperlist.loads(b"\xef\xbb\xbf" + page.encode()) == from_str
    assert paperlist.load(PAPER_PAGE).papers == paperlist.loads(PAPER_PAGE.read_text()).papers


def _with_bad_byte(page: bytes, before: bytes) -> tuple[bytes, int, int]:
    """``page`` with a 0xFF byte inserted before ``before``; its offset and line."""
    offset = page.index(before)
    return page[:offset] + b"\xff" + page[offset:], offset, page[:offset].count(b"\n") + 1


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_invalid_utf8_in_the_props(bom: bytes) -> None:
    """A bad byte in the data: U+FFFD and an Issue with the byte offset, or a ParseError."""
    items = json_items(DAY)[:2]
    items[1]["paper"]["title"] = "Bad byte here"
    page = bom + listing_page(items).encode()
    bad, offset, line = _with_bad_byte(page, b"here")
    column = len(page[page.rindex(b"\n", 0, offset) + 1 : offset].decode()) + 1
    listing = paperlist.loads(bad)
    assert [paper.title for paper in listing][1] == "Bad byte \ufffdhere"
    assert listing.issues == (
        Issue(f"invalid UTF-8 at byte {offset}: b'\\xffher'", line=line, column=column),
    )
    with pytest.raises(ParseError) as caught:
        paperlist.loads(bad, strict=True)
    assert str(caught.value) == (
        f"<string>:{line}:{column}: invalid UTF-8 at byte {offset}: b'\\xffher'"
    )


def test_invalid_utf8_in_a_cards_only_page() -> None:
    """A page read from its cards is checked whole."""
    page = listing_page(json_items(DAY)[:2], hydration=False).encode()
    bad, offset, line = _with_bad_byte(page, b"<article")
    listing = paperlist.loads(bad, today=datetime.date(2025, 10, 3))
    assert len(listing) == 2
    assert listing.issues == (
        Issue(f"invalid UTF-8 at byte {offset}: b'\\xff<ar'", line=line, column=1),
    )


def test_bytes_after_the_props_are_not_read() -> None:
    """Parsing stops at the props: a bad byte in the cards after them changes nothing."""
    page = listing_page(json_items(DAY)[:2]).encode()
    bad, _, _ = _with_bad_byte(page, b"<section")
    assert paperlist.loads(bad, strict=True) == paperlist.loads(page, strict=True)


def test_carriage_returns_keep_html_lines_right() -> None:
    """CR and CRLF line ends give the same element lines as LF."""
    items = json_items(DAY)[:2]
    items[1]["paper"]["upvotes"] = "many"
    page = "<html><body>\n\n" + hydration_div({"dailyPapers": items}) + "</body></html>"
    for newline in ("\r\n", "\r"):
        listing = paperlist.loads(page.replace("\n", newline).encode())
        assert listing.issues[0].line == 3


@pytest.mark.parametrize("shift", [0, 1])
def test_characters_split_between_parser_chunks_survive(shift: int) -> None:
    """Pages are fed in pieces; a character cut in two where feeding pauses is read whole."""
    items = json_items(DAY)
    for item in items:
        item["paper"]["title"] = "Übersicht 漢字 " * 40
    page = listing_page(items).encode()
    props = page.index(b'data-target="DailyPapers"', page.index(b"<body"))
    pause = next(at for at in _pauses(page) if at > props)  # inside the props, a chunk on
    han = "漢".encode()
    lead = page.rindex(han, 0, pause - 1 - shift)
    # Padding the first title moves that character to straddle the pause, which
    # stays put: pauses inside the props count from the tag before them.
    items[0]["paper"]["title"] = "x" * (pause - 1 - shift - lead) + items[0]["paper"]["title"]
    padded = listing_page(items).encode()
    assert pause in _pauses(padded)
    assert padded[pause - 1 - shift : pause + 2 - shift] == han
    assert pause < padded.index(b"<section")  # inside the props
    listing = paperlist.loads(padded, strict=True)
    assert listing.papers == paperlist.loads(json.dumps(items)).papers


def test_feeding_pauses_right_after_the_props_tag() -> None:
    """The real listing is fed in chunks up to the end of its DailyPapers tag, and no
    further: no other data-target on the page may name a hydration element."""
    page = (DATA / "html" / "daily_listing_2024-08-01.html").read_bytes()
    pauses = list(_pauses(page))
    props = page.index(b'data-props="', page.index(b'data-target="DailyPapers"')) + 12
    tag_end = page.index(b'">', props) + 2
    assert pauses == [1 << 16, 2 << 16, tag_end]


def test_a_page_without_a_possible_hydration_target_never_pauses() -> None:
    page = b'<i data-target="UpvoteControl" data-props="">x</i>' * 100
    assert list(_pauses(page)) == []


def test_a_page_flooded_with_targets_pauses_at_the_first_few_only() -> None:
    page = b'<i data-target=DailyPapers data-props="">x</i>' * 10_000
    pauses = list(_pauses(page))
    assert pauses[:3] == [41, 87, 133]  # after each 46-byte element's start tag
    assert pauses[15] == 15 * 46 + 41  # the sixteenth and last such pause
    assert len(pauses) == 16 + 8  # then 64 KiB chunks over the other 459,269 bytes
    assert pauses[-1] == len(page)


def test_paper_page_organization_from_its_submitter() -> None:
    """The real page of 2509.24002 holds its organisation only as submitterOrganization."""
    assert paperlist.load(PAPER_PAGE)[0].organization == "National University of Singapore"


def test_card_title_links_in_any_form_are_read() -> None:
    """Scheme, www., hf.co, scheme-relative, relative; in any heading level."""
    page = (
        "<html><body>"
        '<article><h2><a href="http://huggingface.co/papers/2401.00001">A</a></h2></article>'
        '<article><h3><a href="https://www.huggingface.co/papers/2401.00002">B</a></h3></article>'
        '<article><h3><a href="https://hf.co/papers/2401.00003">C</a></h3></article>'
        '<article><h3><a href="papers/2401.00004">D</a></h3></article>'
        '<article><h4><a href="//huggingface.co/papers/2401.00005?x=1">E</a></h4></article>'
        '<article><p><a href="/papers/2401.00006">not in a heading</a></p></article>'
        "</body></html>"
    )
    listing = paperlist.loads(page)
    assert [(paper.title, paper.arxiv_id) for paper in listing] == [
        ("A", "2401.00001"), ("B", "2401.00002"), ("C", "2401.00003"),
        ("D", "2401.00004"), ("E", "2401.00005"),
    ]  # fmt: skip
    assert listing.issues == ()


def test_nested_articles_are_each_their_own_card() -> None:
    """An article inside another is a card of its own; the outer one keeps only its content."""
    page = (
        "<html><body><article><h3><a href='/papers/2401.00001'>Outer</a></h3>"
        "<p>Outer abstract.</p>"
        "<article><h3><a href='/papers/2401.00002'>Inner</a></h3><p>Inner abstract.</p></article>"
        "</article></body></html>"
    )
    listing = paperlist.loads(page)
    assert [(paper.title, paper.abstract) for paper in listing] == [
        ("Outer", "Outer abstract."),
        ("Inner", "Inner abstract."),
    ]


def _day_props(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"dailyPapers": items, "periodType": "day", "dateString": "2025-10-03"}


def _page_with_elements(*elements: str, cards: str = "") -> str:
    body = "".join(elements) + cards
    return f"<html><head><title>Daily Papers</title></head><body>{body}</body></html>"


@pytest.mark.parametrize("as_bytes", [False, True])
def test_a_second_hydration_element_is_read_too(as_bytes: bool) -> None:
    """No element holding papers is left unread; its issues count its papers after the first's."""
    first, second = json_items(DAY)[:2], json_items(DAY)[2:5]
    second[1] = {**second[1], "paper": {**second[1]["paper"], "upvotes": "many"}}
    page = _page_with_elements(
        hydration_div(_day_props(first)),
        '<div data-target="DailyPapersBannerSubscribe" data-props="{}"></div>',
        hydration_div(_day_props(second)),
    )
    listing = paperlist.loads(page.encode() if as_bytes else page)
    assert [paper.arxiv_id for paper in listing] == [item["paper"]["id"] for item in first + second]
    (issue,) = listing.issues
    assert (issue.index, issue.field) == (3, "$.dailyPapers[1].paper.upvotes")
    assert listing.date == datetime.date(2025, 10, 3)


def test_a_look_alike_target_after_the_props_changes_nothing() -> None:
    """Only an element whose target is exactly a hydration target holds papers."""
    items = json_items(DAY)[:3]
    page = _page_with_elements(
        hydration_div(_day_props(items)),
        '<div data-target="DailyPapersBannerSubscribe" data-props="{}"></div>',
        "<p>DailyPapers</p>",
    )
    listing = paperlist.loads(page, strict=True)
    assert [paper.arxiv_id for paper in listing] == [item["paper"]["id"] for item in items]


@pytest.mark.parametrize(
    "second",
    [
        '<div data-target="&#68;ailyPapers" data-props="{props}"></div>',  # a character reference
        "<div DATA-TARGET='DailyPapers' data-props=\"{props}\"></div>",  # names are case-blind
        '<div data-target=DailyPapers data-props="{props}"></div>',  # bare
        '<p>İ</p><div data-target="&#68;ailyPapers" data-props="{props}"></div>',  # after non-ASCII
    ],
)
@pytest.mark.parametrize("as_bytes", [False, True])
def test_a_second_hydration_element_is_found_however_its_target_is_written(
    second: str, as_bytes: bool
) -> None:
    first, later = json_items(DAY)[:2], json_items(DAY)[2:4]
    props = html.escape(json.dumps(_day_props(later)))
    page = _page_with_elements(hydration_div(_day_props(first)), second.format(props=props))
    listing = paperlist.loads(page.encode() if as_bytes else page, strict=True)
    assert [paper.arxiv_id for paper in listing] == [item["paper"]["id"] for item in first + later]


def test_a_paper_pages_props_after_a_listings_are_read_too() -> None:
    """The second element need not hold the first one's target."""
    items = json_items(DAY)[:3]
    page = _page_with_elements(
        hydration_div(_day_props(items[:2])),
        hydration_div({"paper": items[2]["paper"]}, target="PaperContent"),
    )
    listing = paperlist.loads(page, strict=True)
    assert [paper.arxiv_id for paper in listing] == [item["paper"]["id"] for item in items]


@pytest.mark.parametrize(
    "path", [DATA / "html" / "daily_listing_2024-08-01.html", PAPER_PAGE], ids=["listing", "paper"]
)
def test_the_rest_of_a_real_page_is_never_parsed(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Other data-target names after the props (UpvoteControl, ThemeSwitcher) are passed over."""

    def refuse(*arguments: object) -> None:
        raise AssertionError("the rest of the page was parsed")

    monkeypatch.setattr(paperlist._formats.html, "_parse_rest", refuse)
    assert len(paperlist.load(path, strict=True)) >= 1


def test_a_cards_page_is_parsed_without_events_after_its_last_possible_target(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The look-alike target in the page's script is the last that may name a hydration
    element; once it is passed, the page is parsed whole without start events."""
    parsed: list[object] = []
    parse = paperlist._formats.html._parse_without_events

    def spy(page: str | bytes) -> object:
        parsed.append(page)
        return parse(page)

    monkeypatch.setattr(paperlist._formats.html, "_parse_without_events", spy)
    items = json_items(DAY)[:3]
    page = listing_page(items, hydration=False)
    listing = paperlist.loads(page, today=datetime.date(2025, 10, 3), strict=True)
    assert [paper.arxiv_id for paper in listing] == [item["paper"]["id"] for item in items]
    assert parsed == [page]


def test_a_look_alike_target_late_in_a_page_keeps_its_events(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past a third of the page, parsing on with events costs less than parsing again."""

    def refuse(page: str | bytes) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(paperlist._formats.html, "_parse_without_events", refuse)
    items = json_items(DAY)[:3]
    page = listing_page(items, hydration=False).replace(
        "</body>", '<script>\'<i data-target="DailyPapers" data-props="">\'</script></body>'
    )
    listing = paperlist.loads(page, today=datetime.date(2025, 10, 3), strict=True)
    assert [paper.arxiv_id for paper in listing] == [item["paper"]["id"] for item in items]


@pytest.mark.parametrize("as_bytes", [False, True])
def test_props_after_the_cards_are_found_however_their_target_is_written(
    as_bytes: bool,
) -> None:
    """Cards first, then the only hydration element, its target a character reference:
    its props are the papers (the cards, other papers here, are not read)."""
    carded, held = json_items(DAY)[:2], json_items(DAY)[2:5]
    props = html.escape(json.dumps(_day_props(held)))
    cards = "".join(card(item) for item in carded)
    page = _page_with_elements(
        cards, f'<div data-target="&#68;ailyPapers" data-props="{props}"></div>'
    )
    listing = paperlist.loads(page.encode() if as_bytes else page, strict=True)
    assert [paper.arxiv_id for paper in listing] == [item["paper"]["id"] for item in held]


def test_an_unreadable_second_element_is_an_issue_leniently() -> None:
    items = json_items(DAY)[:2]
    page = _page_with_elements(
        hydration_div(_day_props(items)),
        '<div data-target="DailyPapers" data-props="{&quot;dailyPapers&quot;: [}"></div>',
    )
    listing = paperlist.loads(page)
    assert [paper.arxiv_id for paper in listing] == [item["paper"]["id"] for item in items]
    (issue,) = listing.issues
    assert issue.message.startswith("invalid JSON in the DailyPapers data-props")
    assert issue.line == 2  # hydration_div ends its element with a newline
    with pytest.raises(ParseError) as raised:
        paperlist.loads(page, strict=True)
    assert raised.value.message == issue.message  # strictly, the same words (found by fuzzing)


def test_empty_props_beside_rendered_cards_read_the_cards_and_say_so() -> None:
    """Props with no papers while the page shows cards: the cards are the page's papers."""
    items = json_items(DAY)[:3]
    page = _page_with_elements(
        hydration_div(_day_props([])), cards="".join(card(item) for item in items)
    )
    listing = paperlist.loads(page, today=datetime.date(2025, 10, 3))
    assert [paper.arxiv_id for paper in listing] == [item["paper"]["id"] for item in items]
    (issue,) = listing.issues
    assert issue.message == (
        "the DailyPapers data-props hold no papers, but the page shows 3 rendered cards: read those"
    )
    with pytest.raises(ParseError, match="hold no papers, but the page shows 3 rendered cards"):
        paperlist.loads(page, strict=True)


def test_empty_props_without_cards_are_an_empty_day() -> None:
    page = _page_with_elements(hydration_div(_day_props([])))
    listing = paperlist.loads(page, strict=True)
    assert (len(listing), listing.issues, listing.date) == (0, (), datetime.date(2025, 10, 3))


def test_values_read_from_cards_are_plain_strings() -> None:
    """lxml's "smart" strings point back into the page; kept in a Paper they would keep
    the whole parsed page alive."""
    listing = paperlist.loads(listing_page(json_items(DAY)[:3], hydration=False))
    for paper in listing:
        texts = (paper.title, paper.abstract, paper.organization, paper.organization_id)
        assert {type(text) for text in texts} <= {str, type(None)}
    assert type(listing.title) is str


def test_the_real_listing_read_from_its_cards_agrees_with_its_props() -> None:
    """The real daily page with its props element removed: every card's values are the
    props' (the submitter's handle, as the card shows it, is the props' submittedBy.name)."""
    page = (DATA / "html" / "daily_listing_2024-08-01.html").read_bytes()
    start = page.index(b'<div class="SVELTE_HYDRATER contents" data-target="DailyPapers"')
    end = page.index(b"</div>", start) + len(b"</div>")
    props = json.loads(
        html.unescape(page[start:end].split(b'data-props="')[1].split(b'"')[0].decode())
    )
    cards_only = page[:start] + page[end:]
    listing = paperlist.loads(cards_only, today=datetime.date(2024, 8, 1))
    items = props["dailyPapers"]
    assert [paper.arxiv_id for paper in listing] == [item["paper"]["id"] for item in items]
    for paper, item in zip(listing, items, strict=True):
        assert paper.title == " ".join(item["paper"]["title"].split())
        assert paper.upvotes == item["paper"]["upvotes"]
        assert paper.comments == item["numComments"]
        assert paper.submitted_by == item["submittedBy"]["name"]
    assert listing.issues == ()


@pytest.mark.parametrize(
    ("props", "message"),
    [
        ('{"dailyPapers": []} 3', "Extra data"),
        ("[" * 100_000 + "]" * 100_000, "invalid JSON in the DailyPapers data-props"),
    ],
)
def test_props_that_are_no_single_json_object_fail_with_the_element_line(
    props: str, message: str
) -> None:
    page = (
        f"<html><body>\n\n<div data-target='DailyPapers' data-props='{props}'></div></body></html>"
    )
    with pytest.raises(ParseError, match=message) as caught:
        paperlist.loads(page)
    assert caught.value.line == 3


def test_unquoted_props_are_read_and_a_later_element_still_found() -> None:
    """An unquoted attribute value gives no cheap way past it: the rest is parsed."""
    first = '{"dailyPapers":[{"paper":{"id":"2401.00001","title":"A"}}]}'
    page = _page_with_elements(
        f"<div data-target=DailyPapers data-props={html.escape(first)}></div>",
        hydration_div(_day_props(json_items(DAY)[:1])),
    )
    listing = paperlist.loads(page)
    assert [paper.arxiv_id for paper in listing] == [
        "2401.00001",
        json_items(DAY)[0]["paper"]["id"],
    ]
