"""load() and loads(): sources, decoding, format detection, argument checking."""

from __future__ import annotations

import codecs
import datetime
import io
import math
import pathlib
import re
import warnings

import pytest

import paperlist
from conftest import DATA, JSON_FILES, PAPER_PAGE, SEARCH_TAIL, SEED, SEED_TODAY
from paperlist import Issue, ParseError, UnknownFormatError
from paperlist.errors import YearlessDateWarning

SEED_BYTES = SEED.read_bytes()
SEED_TEXT = SEED_BYTES.decode("utf-8")


def _same_papers(listing: paperlist.Listing) -> tuple[paperlist.Paper, ...]:
    return listing.papers


@pytest.mark.parametrize("strict", [False, True])
def test_seed_loads_the_same_from_every_kind_of_source(strict: bool) -> None:
    """Path, str path, bytes, str, binary and text files give identical papers."""
    reference = paperlist.load(SEED, today=SEED_TODAY, strict=strict)
    assert len(reference) == 87
    with SEED.open("rb") as binary, SEED.open(encoding="utf-8") as text:
        others = [
            paperlist.load(str(SEED), today=SEED_TODAY, strict=strict),
            paperlist.loads(SEED_BYTES, today=SEED_TODAY, strict=strict),
            paperlist.loads(SEED_TEXT, today=SEED_TODAY, strict=strict),
            paperlist.load(binary, today=SEED_TODAY, strict=strict),
            paperlist.load(text, today=SEED_TODAY, strict=strict),
            paperlist.load(io.BytesIO(SEED_BYTES), today=SEED_TODAY, strict=strict),
        ]
    for other in others:
        assert other.papers == reference.papers
        assert (other.title, other.date, other.format) == ("Daily Papers", SEED_TODAY, "text")


def test_source_is_the_path_as_given_and_none_for_loads() -> None:
    """Listing.source records the path given to load, and None for loads."""
    assert paperlist.load(SEED, today=SEED_TODAY).source == str(SEED)
    assert paperlist.load(str(SEED), today=SEED_TODAY).source == str(SEED)
    assert paperlist.loads(SEED_TEXT, today=SEED_TODAY).source is None
    with SEED.open("rb") as binary:
        assert paperlist.load(binary, today=SEED_TODAY).source == str(SEED)
    assert paperlist.load(io.BytesIO(SEED_BYTES), today=SEED_TODAY).source is None


@pytest.mark.parametrize(
    "variant",
    [
        b"\xef\xbb\xbf" + SEED_BYTES,
        SEED_BYTES.replace(b"\n", b"\r\n"),
        SEED_BYTES.replace(b"\n", b"\r"),
        ("\ufeff" + SEED_TEXT.replace("\n", "\r\n")).encode("utf-8"),
    ],
    ids=["bom", "crlf", "cr", "bom-crlf"],
)
def test_bom_and_line_ends_are_accepted(variant: bytes) -> None:
    """A BOM and CRLF or CR line ends change nothing."""
    reference = paperlist.loads(SEED_BYTES, today=SEED_TODAY)
    listing = paperlist.loads(variant, today=SEED_TODAY, strict=True)
    assert listing.papers == reference.papers
    assert listing.issues == ()


def test_str_with_bom_is_accepted() -> None:
    """A str that starts with U+FEFF reads like one without."""
    assert (
        paperlist.loads("\ufeff" + SEED_TEXT, today=SEED_TODAY).papers
        == paperlist.loads(SEED_TEXT, today=SEED_TODAY).papers
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SEED_TEXT, "text"),
        ("  \n\t" + SEED_TEXT, "text"),
        (JSON_FILES[0].read_text(encoding="utf-8"), "json"),
        ("\n  " + JSON_FILES[-1].read_text(encoding="utf-8"), "json"),
        ('{"paper": {"id": "2509.24002", "title": "T"}}', "json"),
        (PAPER_PAGE.read_text(encoding="utf-8"), "html"),
        (SEARCH_TAIL.read_text(encoding="utf-8"), "text"),
    ],
    ids=[
        "seed",
        "seed-after-space",
        "array",
        "array-after-space",
        "object",
        "html",
        "markdown-link",
    ],
)
def test_format_is_detected_from_content(data: str, expected: str) -> None:
    """{ is JSON, [ is JSON unless a Markdown link opens the text, < is HTML, else text."""
    assert paperlist.loads(data, today=SEED_TODAY).format == expected


def test_forced_format_wins() -> None:
    """format= overrides detection: a JSON array forced to text is not read as JSON."""
    with pytest.raises(ParseError, match="no paper card found"):
        paperlist.loads("[1, 2]", format="text")
    assert paperlist.loads("[]", format="json").format == "json"


@pytest.mark.parametrize("bad", ["xml", "TEXT", "", 3])
def test_unknown_format_is_refused(bad: object) -> None:
    """Any format other than text, html, json or None raises UnknownFormatError."""
    with pytest.raises(UnknownFormatError) as caught:
        paperlist.loads("x", format=bad)  # type: ignore[arg-type]
    assert str(caught.value) == f"unknown format {bad!r}: expected 'text', 'html', 'json' or None"
    with pytest.raises(UnknownFormatError):
        paperlist.load(SEED, format=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("data", ["", "   \n\n\t", b"", b"\xef\xbb\xbf\n"])
@pytest.mark.parametrize("format", [None, "text", "json", "html"])
def test_empty_content_is_an_empty_listing(data: str | bytes, format: str | None) -> None:
    """Empty or blank content gives an empty Listing in every format, not an error."""
    listing = paperlist.loads(data, format=format)
    assert len(listing) == 0
    assert listing.issues == ()


def test_wrong_argument_types_raise_type_error() -> None:
    """Wrong argument types are TypeErrors, not ParseErrors."""
    with pytest.raises(TypeError, match="loads\\(\\) takes str or bytes, not int"):
        paperlist.loads(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="load\\(\\) takes a path or a file object, not int"):
        paperlist.load(3)  # type: ignore[arg-type]
    with pytest.raises(
        TypeError, match="today must be a date, a datetime or an ISO string, not int"
    ):
        paperlist.loads("x", today=3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="today must be a date like '2024-01-31', got 'Oct 28'"):
        paperlist.loads("x", today="Oct 28")
    with pytest.raises(TypeError, match="strict must be a bool, not str"):
        paperlist.loads("x", strict="yes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("limits", "error", "message"),
    [
        ({"max_bytes": "1 MB"}, TypeError, "max_bytes must be a whole number of bytes, not str"),
        ({"max_bytes": True}, TypeError, "max_bytes must be a whole number of bytes, not bool"),
        ({"max_bytes": 1.5}, TypeError, "max_bytes must be a whole number of bytes, not float"),
        ({"max_bytes": -1}, ValueError, "max_bytes must be >= 0, not -1"),
        ({"timeout": "5"}, TypeError, "timeout must be a number of seconds, not str"),
        ({"timeout": 0}, ValueError, "timeout must be a finite number of seconds > 0, not 0"),
        ({"timeout": math.nan}, ValueError, "seconds > 0, not nan"),
        ({"timeout": math.inf}, ValueError, "seconds > 0, not inf"),
    ],
)
def test_limits_of_the_wrong_type_or_range_are_refused_before_reading(
    limits: dict[str, object], error: type[Exception], message: str, tmp_path: pathlib.Path
) -> None:
    """Before, max_bytes="1 MB" raised a bare comparison error and -1 or True were taken."""
    missing = tmp_path / "missing.txt"  # never opened: the call is refused first
    with pytest.raises(error, match=re.escape(message)):
        paperlist.load(missing, **limits)  # type: ignore[arg-type]
    with pytest.raises(error, match=re.escape(message)):
        paperlist.load_many([missing], **limits)  # type: ignore[arg-type]
    with pytest.raises(error, match=re.escape(message)):
        paperlist.iter_load([missing], **limits)  # type: ignore[arg-type]
    if "max_bytes" in limits:
        with pytest.raises(error, match=re.escape(message)):
            paperlist.loads("x", **limits)  # type: ignore[arg-type]


def test_missing_file_raises_os_error(tmp_path: pathlib.Path) -> None:
    """A missing file is the usual FileNotFoundError."""
    with pytest.raises(FileNotFoundError):
        paperlist.load(tmp_path / "missing.txt")


def test_today_accepts_a_datetime() -> None:
    """A datetime for today= counts as its date."""
    listing = paperlist.loads(SEED_TEXT, today=datetime.datetime(2025, 10, 28, 23, 59))
    assert listing.date == SEED_TODAY


ABSTRACT = "We study things. " * 20
# The bad byte sits in the abstract, after "Title\n\n" (7 bytes) and its 340 bytes (17 x 20).
INVALID = f"Title\n\n{ABSTRACT}".encode() + b"\xff\n\n  \xe2\x80\xa2 2 authors\n\xc2\xb7\nSep 11\n"


def test_invalid_utf8_is_an_issue_with_the_byte_offset_in_lenient_mode() -> None:
    """Bad bytes decode as U+FFFD and leave an Issue naming the byte offset."""
    listing = paperlist.loads(INVALID, today=SEED_TODAY)
    assert listing.issues == (
        Issue("invalid UTF-8 at byte 347: b'\\xff\\n\\n '", line=3, column=341),
    )
    assert listing[0].abstract == ABSTRACT.strip() + " \ufffd"
    assert listing[0].published == datetime.date(2025, 9, 11)


def test_invalid_utf8_raises_in_strict_mode() -> None:
    """Strict mode raises at the first bad byte, naming its offset and position."""
    with pytest.raises(ParseError) as caught:
        paperlist.loads(INVALID, today=SEED_TODAY, strict=True)
    assert str(caught.value) == "<string>:3:341: invalid UTF-8 at byte 347: b'\\xff\\n\\n '"
    assert isinstance(caught.value.__cause__, UnicodeDecodeError)


def test_today_as_an_iso_string() -> None:
    """today= takes "2025-10-28" as the query helpers do."""
    by_string = paperlist.load(SEED, today="2025-10-28")
    assert by_string == paperlist.load(SEED, today=SEED_TODAY)
    assert by_string.date == datetime.date(2025, 10, 28)


def test_yearless_dates_read_against_the_clock_warn_once() -> None:
    """With neither today= nor a capture date in the dump, one warning names the count."""
    page = "Title\n\nAn abstract of this paper, long enough.\n\n  • 4 authors\n·\nSep 11\n"
    with pytest.warns(YearlessDateWarning, match=r"^1 dates shown without a year") as caught:
        paperlist.loads(page)
    assert len(caught) == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        paperlist.loads(page, today="2025-10-28")


@pytest.mark.parametrize("key", ["retrieved", "created"])  # created: Obsidian's Web Clipper
def test_a_capture_date_in_the_dump_serves_as_today(key: str) -> None:
    """A capture date in front matter dates year-less cards; an explicit today= wins."""
    page = (
        f"---\n{key}: 2024-03-01\n---\n"
        "Title\n\nAn abstract, long enough.\n\n  • 4 authors\n·\nSep 11\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert paperlist.loads(page)[0].published == datetime.date(2023, 9, 11)
    assert paperlist.loads(page, today="2025-10-28")[0].published == datetime.date(2025, 9, 11)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_its_bom_loads_as_utf8_does(encoding: str) -> None:
    """Windows tools write UTF-16 with a BOM: the real page and the seed load unchanged."""
    page = (DATA / "html" / "daily_listing_2024-08-01.html").read_text(encoding="utf-8")
    seed = SEED.read_text(encoding="utf-8")
    for text, today in ((page, None), (seed, SEED_TODAY)):
        data = text.encode(encoding)
        if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            data = codecs.BOM_UTF16_BE + data  # utf-16-be writes no BOM of its own
        expected = paperlist.loads(text.encode("utf-8"), today=today)
        assert paperlist.loads(data, today=today, strict=True).papers == expected.papers


def test_a_truncated_utf16_file_names_where() -> None:
    """Its last byte cut: the last line's last character is the one reported."""
    data = SEED.read_text(encoding="utf-8").encode("utf-16")[:-1]
    listing = paperlist.loads(data, today=SEED_TODAY)
    issue = listing.issues[0]
    assert issue.message.startswith(f"invalid UTF-16 at byte {len(data) - 1}")
    last_line = SEED.read_text(encoding="utf-8").rstrip("\n").split("\n")
    assert (issue.line, issue.column) == (len(last_line), len(last_line[-1]))
    with pytest.raises(ParseError, match="invalid UTF-16"):
        paperlist.loads(data, today=SEED_TODAY, strict=True)


def test_a_dump_saved_as_windows_1252_reads_as_the_same_dump() -> None:
    """Notepad's "ANSI" (older Windows tools' default) writes the seed's "•" and "·" as
    single bytes: read as UTF-8, they made 14 papers more ("� 8 authors �")."""
    ansi = SEED_TEXT.encode("cp1252")  # every character of the seed has a byte there
    listing = paperlist.loads(ansi, today=SEED_TODAY)
    assert listing.papers == paperlist.loads(SEED_TEXT, today=SEED_TODAY).papers
    (issue,) = listing.issues
    first = ansi.index(b"\x95")  # the first "•", on the first card's author line
    line = ansi.count(b"\n", 0, first) + 1
    assert issue.message.startswith(f"not UTF-8 at byte {first}: ")
    assert issue.message.endswith(
        "read as Windows-1252 (as an older Windows tool saves "
        "text, Notepad's ANSI), which every byte fits"
    )
    assert (issue.line, issue.column) == (line, first - ansi.rindex(b"\n", 0, first))
    with pytest.raises(ParseError, match="read as Windows-1252"):
        paperlist.loads(ansi, today=SEED_TODAY, strict=True)


def test_a_rule_an_ansi_save_turned_into_question_marks_is_furniture() -> None:
    """elinks draws its rules with "═", which Notepad's ANSI writes "?": no paper."""
    dump = (DATA / "text" / "daily_listing_2024-08-01.elinks.txt").read_text(encoding="utf-8")
    assert "═" in dump
    ansi = dump.encode("cp1252", errors="replace")
    listing = paperlist.loads(ansi, today="2024-08-02")
    assert listing.papers == paperlist.loads(dump, today="2024-08-02").papers


def _read_as_windows_1252(text: str) -> str:
    """What Windows PowerShell 5 (Get-Content without -Encoding) and other tools that
    take UTF-8 for Windows-1252 read: each UTF-8 byte as a character of Windows-1252,
    the five bytes it leaves undefined as the code points of the same number."""
    table = [bytes([byte]).decode("cp1252", "ignore") or chr(byte) for byte in range(256)]
    return "".join(table[byte] for byte in text.encode("utf-8"))


@pytest.mark.parametrize("saved_as", ["utf-8", "utf-16"])
def test_utf8_read_as_windows_1252_and_saved_again_is_decoded_once_more(saved_as: str) -> None:
    """ "• 4 authors" saved as "â€¢ 4 authors" (PowerShell 5 writes UTF-16 by default):
    before, the seed so saved gave 101 papers for 87."""
    double = _read_as_windows_1252(SEED_TEXT)
    assert "â€¢ 4 authors" in double
    listing = paperlist.loads(double.encode(saved_as), today=SEED_TODAY)
    assert listing.papers == paperlist.loads(SEED_TEXT, today=SEED_TODAY).papers
    (issue,) = listing.issues
    first = min(double.find("â€"), double.find("Â"))
    assert issue.message == (
        "UTF-8 read as Windows-1252 and saved again (a bullet as three characters):"
        " decoded once more"
    )
    assert issue.line == double.count("\n", 0, first) + 1


@pytest.mark.parametrize("text", ["a grant of €5,000 • 4 authors", "SÃO PAULO · Â"])
def test_text_that_only_looks_double_encoded_is_left_as_it_is(text: str) -> None:
    """A "€", "Ã" or "Â" in text that is no such thing: the trial fails, nothing changes."""
    from paperlist._context import LoadContext
    from paperlist._decoding import undo_double_encoding

    context = LoadContext(source="<string>", today=SEED_TODAY, strict=True)
    assert undo_double_encoding(text, context) is text
    assert context.issues == []


@pytest.mark.parametrize("as_bytes", [False, True])
def test_comments_that_open_a_file_do_not_decide_its_format(as_bytes: bool) -> None:
    """A browser's saved page opens with "<!-- saved from url=… -->", then its tags: HTML.
    A Markdown dump may open with a converter's "<!-- image -->", then its text: before,
    it was read as HTML and failed as a page with no data."""
    page = (DATA / "html" / "daily_listing_2024-08-01.html").read_text(encoding="utf-8")
    saved = "<!-- saved from url=(0043)https://huggingface.co/papers?date=2024-08-01 -->\n" + page
    markdown = (
        "<!-- image -->\n\n# Daily Papers\n\nSubmitted by akhaliq\n\n94\n\n"
        "### [The Llama 3 Herd of Models](https://huggingface.co/papers/2407.21783)\n\n"
        "- 533 authors\n"
    )
    saved_listing = paperlist.loads(saved.encode() if as_bytes else saved)
    assert (saved_listing.format, len(saved_listing)) == ("html", 13)
    dump = paperlist.loads(markdown.encode() if as_bytes else markdown, today="2024-08-01")
    assert dump.format == "text"
    assert [(p.title, p.arxiv_id, p.upvotes, p.author_count) for p in dump] == [
        ("The Llama 3 Herd of Models", "2407.21783", 94, 533)
    ]
