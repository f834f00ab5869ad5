"""MHTML archives: a page saved as "Webpage, Single File" reads as the page it holds."""

from __future__ import annotations

import base64
import codecs
from collections.abc import Callable

import pytest

import paperlist
from conftest import DATA, real_props

LISTING = DATA / "html" / "daily_listing_2024-08-01.chromium.mhtml"
PAPER_PAGE = DATA / "html" / "paper_page_2509.24002.chromium.mhtml"


def _props_items() -> list[dict[str, object]]:
    """The real listing's own props: the truth its archive must give."""
    items: list[dict[str, object]] = real_props("daily_listing_2024-08-01.html", "DailyPapers")[
        "dailyPapers"
    ]
    return items


def _archive(part_headers: str, body: bytes) -> bytes:
    """An archive as Chromium writes one, its page part given."""
    return (
        b"From: <Saved by Blink>\r\n"
        b"Snapshot-Content-Location: https://huggingface.co/papers\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="--B--"\r\n'
        b"\r\n\r\n----B--\r\n" + part_headers.encode() + b"\r\n\r\n" + body + b"\r\n----B----\r\n"
    )


def test_the_real_listing_saved_as_one_file_gives_the_papers_of_its_props() -> None:
    """Chromium's archive of the real listing: the quoted-printable page, read as HTML."""
    listing = paperlist.load(LISTING, strict=True)
    assert (listing.format, listing.title, listing.issues) == ("html", "Daily Papers", ())
    items = _props_items()
    assert [paper.arxiv_id for paper in listing] == [item["paper"]["id"] for item in items]  # type: ignore[index]
    assert [paper.upvotes for paper in listing] == [item["paper"]["upvotes"] for item in items]  # type: ignore[index]
    assert listing[0].title == "The Llama 3 Herd of Models"
    assert (listing[0].comments, listing[0].author_count) == (5, 533)


def test_the_real_paper_page_saved_as_one_file_gives_its_paper() -> None:
    listing = paperlist.load(PAPER_PAGE, strict=True)
    assert len(listing) == 1
    paper = listing[0]
    assert paper.arxiv_id == "2509.24002"
    assert paper.title.startswith("MCPMark: A Benchmark for Stress-Testing")
    assert (paper.upvotes, paper.author_count) == (118, 15)


@pytest.mark.parametrize(
    "wrap",
    [
        lambda raw: codecs.BOM_UTF8 + raw,  # a BOM, as an editor that saved it may add
        lambda raw: b"\r\n\r\n" + raw,  # blank lines before its first header
        lambda raw: raw.decode("utf-8").encode("utf-16"),  # re-saved by a Windows tool
    ],
    ids=["bom", "blank-lines", "utf-16"],
)
def test_an_archive_re_encoded_or_after_blank_lines_reads_the_same(
    wrap: Callable[[bytes], bytes],
) -> None:
    """Before, these gave "holds no HTML page", or 23 papers read from its encoded HTML."""
    listing = paperlist.loads(wrap(LISTING.read_bytes()), strict=True)
    assert listing.format == "html"
    assert [paper.arxiv_id for paper in listing] == [item["paper"]["id"] for item in _props_items()]  # type: ignore[index]


def test_an_archive_given_as_text_reads_the_same() -> None:
    text = LISTING.read_text(encoding="utf-8")
    assert paperlist.loads(text).papers == paperlist.load(LISTING).papers
    assert paperlist.loads(text, format="html").papers == paperlist.load(LISTING).papers
    # A BOM before it, as for bytes: before, this text gave 23 papers read from the HTML.
    with_bom = paperlist.loads("\ufeff" + text, strict=True)
    assert (with_bom.format, with_bom.papers) == ("html", paperlist.load(LISTING).papers)


def test_a_base64_page_in_its_declared_charset() -> None:
    """Other writers encode the page as base64, in a charset its part declares."""
    page = DATA / "html" / "daily_listing_2024-08-01.html"
    encoded = base64.encodebytes(page.read_bytes())
    archive = _archive(
        "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64", encoded
    )
    assert len(paperlist.loads(archive, strict=True)) == 13
    # The page declares no charset of its own: the part's (Latin-1 here) decides.
    card_page = (
        '<html><body><article><h3><a href="/papers/2401.00001">Caf\xe9 models</a></h3>'
        "<p>An abstract.</p></article></body></html>"
    ).encode("latin-1")
    latin = _archive("Content-Type: text/html; charset=iso-8859-1", card_page)
    assert paperlist.loads(latin)[0].title == "Café models"


@pytest.mark.parametrize(
    ("part_headers", "body", "message"),
    [
        ("Content-Type: text/css", b"body {}", "holds no HTML page"),
        (
            "Content-Type: text/html\r\nContent-Transfer-Encoding: base64",
            b"PGh0b",
            "damaged base64",
        ),
    ],
)
def test_an_archive_without_a_readable_page_is_a_parse_error(
    part_headers: str, body: bytes, message: str
) -> None:
    archive = _archive(part_headers, body)
    for strict in (False, True):
        with pytest.raises(paperlist.ParseError, match=message) as raised:
            paperlist.loads(archive, strict=strict)
        assert raised.value.line == 1


def test_nested_parts_are_not_followed() -> None:
    """Parts inside parts (no browser writes them) are not searched: 20,000 levels take
    one split, where a MIME parser would take time, and stack, with every level."""
    body = b"".join(
        b"--b%d\r\nContent-Type: multipart/related; boundary=b%d\r\n\r\n" % (level, level + 1)
        for level in range(20_000)
    )
    archive = b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b0"\r\n\r\n'
    with pytest.raises(paperlist.ParseError, match="holds no HTML page"):
        paperlist.loads(archive + body)


def test_text_that_opens_with_header_lines_is_no_archive() -> None:
    """A note's "Title:" and "Source:" lines do not make an archive without a multipart
    Content-Type."""
    text = (DATA / "text" / "daily_listing_2024-08-01.lynx-nolist.txt").read_text(encoding="utf-8")
    listing = paperlist.loads(
        "Title: Daily Papers\nSource: huggingface.co\n\n" + text, today="2024-08-01"
    )
    assert (listing.format, len(listing)) == ("text", 13)


def test_header_values_of_any_bytes_are_read_as_text() -> None:
    """Bytes no header should hold (in the boundary, the charset, the encoding) are taken
    as Latin-1 characters: the page is still found, the unknown charset left to lxml."""
    archive = (
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: \xff\xfe\r\n"
        b'Content-Type: multipart/related; boundary="\xffB\xc3"\r\n\r\n'
        b'--\xffB\xc3\r\nContent-Type: text/html; charset="\xe9\xff"\r\n'
        b"Content-Transfer-Encoding: \xff\r\n\r\n"
        b'<html><body><article><h3><a href="/papers/2401.00001">A title</a></h3>'
        b"<p>An abstract.</p></article></body></html>\r\n--\xffB\xc3--\r\n"
    )
    listing = paperlist.loads(archive)
    assert [(paper.title, paper.arxiv_id) for paper in listing] == [("A title", "2401.00001")]


def test_an_archive_without_a_boundary_or_with_an_unknown_charset() -> None:
    """No boundary: no part to find, a ParseError. A charset Python does not know: the
    page's bytes go to lxml as they are."""
    no_boundary = b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n<html></html>"
    with pytest.raises(paperlist.ParseError, match="holds no HTML page"):
        paperlist.loads(no_boundary)
    page = (
        b'<html><body><article><h3><a href="/papers/2401.00001">A title</a></h3>'
        b"<p>An abstract.</p></article></body></html>"
    )
    unknown = _archive("Content-Type: text/html; charset=x-no-such-charset", page)
    assert [paper.title for paper in paperlist.loads(unknown)] == ["A title"]
