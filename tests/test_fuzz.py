"""The promise: for any input, a Listing or a ParseError, nothing else, ever.

Hypothesis feeds arbitrary text and bytes, and structured mutations of the
real samples, to every format. The budget is kept to about a minute in CI.
"""

from __future__ import annotations

import datetime
import gzip
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import paperlist
from conftest import (
    DATA,
    JSON_FILES,
    PAPER_PAGE,
    SEARCH_HEAD,
    SEARCH_TAIL,
    SEED,
    TRENDING,
    json_items,
)
from pagebuilder import listing_page
from paperlist import Listing, ParseError
from paperlist._cli_output import render
from paperlist._export import RECORD_FIELDS

TODAY = datetime.date(2026, 10, 2)
FORMATS = [None, "text", "json", "html"]
# About a minute in CI; set PAPERLIST_FUZZ_EXAMPLES=5000 for a long campaign.
_EXAMPLES = int(os.environ.get("PAPERLIST_FUZZ_EXAMPLES", "120"))
_SETTINGS = settings(
    max_examples=_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _outcome(data: str | bytes, format: str | None, strict: bool) -> Listing | ParseError:
    try:
        return paperlist.loads(data, format=format, today=TODAY, strict=strict)
    except ParseError as error:
        failure = error
    assert isinstance(failure.message, str)
    assert str(failure)
    return failure


def _contract(data: str | bytes, format: str | None) -> None:
    """Only a Listing or a ParseError; strict raises exactly where lenient records an Issue,
    with the same message; whatever loads can be written as UTF-8 and read back."""
    lenient = _outcome(data, format, strict=False)
    strict = _outcome(data, format, strict=True)
    if isinstance(lenient, ParseError):
        assert isinstance(strict, ParseError)
        return
    assert all(isinstance(paper, paperlist.Paper) for paper in lenient)
    if lenient.issues:
        assert isinstance(strict, ParseError), lenient.issues
        assert strict.message == lenient.issues[0].message
    else:
        assert strict == lenient
    written = paperlist.dumps(lenient)
    written.encode("utf-8")
    assert paperlist.loads(written) == lenient


# Small pieces of real pages, so that random text often looks like a dump.
_FRAGMENTS = [
    "  • 4 authors", "·", "Sep 11 1", "Oct 3, 2024 4", "Feb 30", "Smarch 3, 2024", "-", "12",
    "[-](https://huggingface.co/login?next=%2Fpapers%2F2606.00683)",
    "### [Title](https://huggingface.co/papers/2606.00683)",
    "[abstract\\\\\nmore](https://huggingface.co/papers/2606.00683)", "- 3 authors",
    "[![h](a)Org](https://huggingface.co/h)", "May 29[6](https://huggingface.co/papers/1#community)",
    "[LINK: GitHub 11.3k](https://github.com/a/b)", "# Daily Papers", "---", "{", "}", "[", "]",
    '{"paper": {"id": "2509.24002"}}', '{"dailyPapers": [', "<html>", "<article>", "&amp;",
    "<h3><a href='/papers/1'>", "\x00", "\ufeff", "\r", "9" * 400, "github.com/a/b.", "&#x0;",
]  # fmt: skip
_dump_lines = st.lists(
    st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=40)), max_size=30
).map("\n".join)


@_SETTINGS
@given(st.text(max_size=400), st.sampled_from(FORMATS))
def test_arbitrary_text(data: str, format: str | None) -> None:
    """Any str gives a Listing or a ParseError in every format and mode."""
    _contract(data, format)


@_SETTINGS
@given(st.binary(max_size=400), st.sampled_from(FORMATS))
def test_arbitrary_bytes(data: bytes, format: str | None) -> None:
    """Any bytes, valid UTF-8 or not, give a Listing or a ParseError."""
    _contract(data, format)


@_SETTINGS
@given(_dump_lines, st.sampled_from(FORMATS))
def test_dump_like_text(data: str, format: str | None) -> None:
    """Text assembled from real line shapes gives a Listing or a ParseError."""
    _contract(data, format)


def _sample_texts() -> list[str]:
    html_page = listing_page(json_items("daily_papers_2025-10-03.json")[:5])
    # Tables: the hf command's list, and paperlist's own CSV of a rich API response.
    own_csv = "".join(
        render(paperlist.load(JSON_FILES[-1])[:6], "csv", columns=RECORD_FIELDS, width=None)
    )
    return [
        (DATA / "text" / "daily_papers_2024-08-02.hf-papers-ls.tsv").read_text(encoding="utf-8"),
        own_csv,
        SEED.read_text(encoding="utf-8")[:20000],
        SEARCH_HEAD.read_text(encoding="utf-8"),
        SEARCH_TAIL.read_text(encoding="utf-8"),
        TRENDING.read_text(encoding="utf-8"),
        JSON_FILES[0].read_text(encoding="utf-8"),
        JSON_FILES[-1].read_text(encoding="utf-8")[:30000],
        PAPER_PAGE.read_text(encoding="utf-8"),
        html_page,
    ]


_SAMPLES = _sample_texts()
_INSERTS = ["•", "·", "{", "<", "&", "\x00", "9" * 30, "9" * 4400, "Feb 30", "\n", "]", '"', "\\"]


@st.composite
def _mutated(draw: st.DrawFn) -> bytes:
    """A real sample with lines deleted, duplicated, swapped, cut, or junk inserted."""
    lines = draw(st.sampled_from(_SAMPLES)).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        position = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate"]))
        if action == "delete":
            del lines[position]
        elif action == "duplicate":
            lines.insert(position, lines[position])
        elif action == "swap" and position + 1 < len(lines):
            lines[position], lines[position + 1] = lines[position + 1], lines[position]
        elif action == "insert":
            line = lines[position]
            cut = draw(st.integers(0, len(line)))
            lines[position] = line[:cut] + draw(st.sampled_from(_INSERTS)) + line[cut:]
        elif action == "truncate":
            lines = lines[: position + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
    text = "\n".join(lines)
    saved_as = draw(st.sampled_from(["utf-8", "windows-1252", "double"]))
    if saved_as == "windows-1252":  # Notepad's ANSI: a character it lacks becomes "?"
        data = text.encode("cp1252", errors="replace")
    elif saved_as == "double":  # UTF-8 read as Windows-1252 and saved again
        data = text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    else:
        data = text.encode("utf-8")
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xe2\x80", b""])) + data[cut:]
    return data


@settings(
    max_examples=_EXAMPLES * 2,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_mutated(), st.sampled_from(FORMATS))
def test_mutated_real_samples(data: bytes, format: str | None) -> None:
    """Deleted, duplicated, swapped or cut lines and inserted junk never crash a load."""
    _contract(data, format)


@st.composite
def _gzipped(draw: st.DrawFn) -> bytes:
    """A real sample (maybe mutated) gzipped, in members, then cut, damaged or followed."""
    data = draw(st.one_of(st.sampled_from(_SAMPLES).map(str.encode), _mutated()))
    cut = draw(st.integers(0, len(data)))
    packed = bytearray(gzip.compress(data[:cut], mtime=0) + gzip.compress(data[cut:], mtime=0))
    action = draw(st.sampled_from(["none", "truncate", "flip", "append"]))
    position = draw(st.integers(0, len(packed) - 1))
    if action == "truncate":
        del packed[position:]
    elif action == "flip":
        packed[position] ^= draw(st.integers(1, 255))
    elif action == "append":
        packed += draw(st.sampled_from([bytes(64), b"junk", b"\x1f\x8b", b"\x1f\x8b\x08"]))
    return bytes(packed)


@_SETTINGS
@given(_gzipped(), st.sampled_from(FORMATS))
def test_gzipped_real_samples(data: bytes, format: str | None) -> None:
    """gzip data whole, cut short, damaged or followed by bytes never crashes a load."""
    _contract(data, format)


_SAVED = [
    (DATA / "saved" / "daily_listing_2024-08-01.curl-i-L.html").read_bytes(),
    (DATA / "saved" / "daily_papers_2024-08-02.wget-save-headers.json").read_bytes(),
    gzip.decompress((DATA / "saved" / "wget.warc.gz").read_bytes())[:60000],
    gzip.decompress((DATA / "saved" / "playwright.har.gz").read_bytes()),
]
_RESPONSE_HEAD = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
)


@st.composite
def _saved(draw: st.DrawFn) -> bytes:
    """A real saved response, WARC or HAR file, or a sample saved with headers, then cut,
    damaged, or with a line of headers or a record's start put in."""
    if draw(st.booleans()):
        data = bytearray(draw(st.sampled_from(_SAVED)))
    else:
        body = draw(st.one_of(st.sampled_from(_SAMPLES).map(str.encode), _mutated()))
        data = bytearray(
            _RESPONSE_HEAD + (b"%x\r\n" % len(body) if draw(st.booleans()) else b"") + body
        )
    position = draw(st.integers(0, len(data)))
    action = draw(st.sampled_from(["none", "truncate", "flip", "insert"]))
    if action == "truncate":
        del data[position:]
    elif action == "flip" and position < len(data):
        data[position] ^= draw(st.integers(1, 255))
    elif action == "insert":
        data[position:position] = draw(
            st.sampled_from(
                [b"\r\n\r\n", b"HTTP/1.1 404 Not Found\r\n\r\n", b"WARC/1.0\r\n",
                 b"Content-Length: 99999999999999999999\r\n", b"0\r\n\r\n", b"\n\n"]
            )
        )  # fmt: skip
    return bytes(data)


@_SETTINGS
@given(_saved(), st.sampled_from(FORMATS))
def test_saved_responses_and_warc_files(data: bytes, format: str | None) -> None:
    """Responses saved with their headers, WARC and HAR files, whole or damaged, never
    crash."""
    _contract(data, format)


def test_deeply_nested_json() -> None:
    """100,000 levels of nesting give a ParseError, not a RecursionError."""
    for text in ("[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000):
        with pytest.raises(ParseError, match="invalid JSON"):
            paperlist.loads(text)
    with pytest.raises(ParseError):
        paperlist.loads("<html>" + "<div>" * 100_000 + "</html>", format="html")


@pytest.mark.parametrize(
    ("format", "message"),
    [
        ("text", "no paper card found: expected a title followed by an abstract"),
        ("json", "invalid JSON: Expecting value"),
        ("html", "no Daily Papers data found"),
    ],
)
def test_very_long_lines(format: str, message: str) -> None:
    """A 20 MB line of words is read to its end and answered with the format's own error."""
    line = "word " * 4_000_000
    with pytest.raises(ParseError) as caught:
        paperlist.loads(line, format=format)
    assert caught.value.message.startswith(message)


_BIG = "9" * 5000  # beyond the 4,300 digits Python converts to int
_ABSTRACT = "We study things in depth here. " * 10
_PAPER = "https://huggingface.co/papers/2401.00001"


@pytest.mark.parametrize(
    ("page", "field"),
    [
        (f"T\n\n{_ABSTRACT}\n\n  • {_BIG} authors\n·\nMay 8\n", "author_count"),
        (f"T\n\n{_ABSTRACT}\n\n  • 3 authors\n·\nMay 8 {_BIG}\n", "published"),
        (
            f"### [T]({_PAPER})\n\n[{_ABSTRACT}]({_PAPER})\n\n[- {_BIG} authors]({_PAPER})\n",
            "author_count",
        ),
        (
            f"<html><body><article><h3><a href='/papers/2401.00001'>T</a></h3>"
            f"<a href='/papers/2401.00001#community'>{_BIG}</a></article></body></html>",
            "comments",
        ),
        (
            f"<html><body><article><h3><a href='/papers/2401.00001'>T</a></h3>"
            f"<li>{_BIG} authors</li></article></body></html>",
            "author_count",
        ),
    ],
    ids=["text-authors", "comment-count", "markdown-authors", "html-comments", "html-authors"],
)
def test_counts_too_long_for_int_are_issues(page: str, field: str) -> None:
    """A 5,000-digit count is an unreadable field, not a ValueError from int()."""
    listing = paperlist.loads(page, today=TODAY)
    assert len(listing) == 1
    assert [issue.field for issue in listing.issues] == [field]
    with pytest.raises(ParseError):
        paperlist.loads(page, today=TODAY, strict=True)


_SECOND = '{"paper": {"id": "2401.00002", "title": "U"}}'


def test_huge_numbers() -> None:
    """Numbers beyond any count (int64, which Arrow and SQLite hold) are reported, never kept."""
    item = {
        "paper": {"id": "2509.24002", "title": "T", "upvotes": 10**400, "githubStars": 2**63 - 1}
    }
    listing = paperlist.loads(json.dumps([item]))
    assert (listing[0].upvotes, listing[0].github_stars) == (None, 2**63 - 1)
    (issue,) = listing.issues
    assert issue.field == "$[0].paper.upvotes"
    assert issue.message.startswith("expected a count below 2**63 at $[0].paper.upvotes")
    with pytest.raises(ParseError, match="below 2"):
        paperlist.loads(json.dumps([item]), strict=True)


@pytest.mark.parametrize(
    "shape",
    [
        '[{"paper": {"id": "2401.00001", "title": "T", "upvotes": NUMBER}}, ' + _SECOND + "]",
        '{"paper": {"id": "2401.00001", "title": "T", "upvotes": NUMBER}}\n' + _SECOND,
    ],
    ids=["array", "JSON Lines"],
)
def test_an_integer_too_long_to_read_is_an_issue_on_its_item(shape: str) -> None:
    """Python refuses integers of more than 4,300 digits; the item's field is reported and
    every paper kept, where once the whole file was a ParseError."""
    data = shape.replace("NUMBER", "1" + "0" * 5000)
    listing = paperlist.loads(data)
    assert [paper.arxiv_id for paper in listing] == ["2401.00001", "2401.00002"]
    assert listing[0].upvotes is None
    (issue,) = listing.issues
    assert issue.field == "$[0].paper.upvotes"
    assert issue.message.endswith("got a number <an integer too long to read>")
    with pytest.raises(ParseError, match="too long to read"):
        paperlist.loads(data, strict=True)


_OFFSETS = st.timedeltas(
    min_value=datetime.timedelta(hours=-23, minutes=-59),
    max_value=datetime.timedelta(hours=23, minutes=59),
)


def _stamp(moment: datetime.datetime, offset: datetime.timedelta | None) -> str:
    return moment.replace(tzinfo=None if offset is None else datetime.timezone(offset)).isoformat()


_TIMESTAMPS = st.one_of(
    st.builds(_stamp, st.datetimes(), st.one_of(st.none(), _OFFSETS)),
    st.text(max_size=30),
    st.integers(),
    st.none(),
)


@_SETTINGS
@given(_TIMESTAMPS, _TIMESTAMPS, _TIMESTAMPS, st.sampled_from(["api", "hub", "lines"]))
def test_timestamps_across_the_whole_calendar(
    published: object, listed: object, outer: object, shape: str
) -> None:
    """Any timestamp, from year 1 to 9999 in any offset, or any junk, in every JSON shape."""
    if shape == "api":
        paper = {"id": "2509.24002", "title": "T", "publishedAt": published}
        paper["submittedOnDailyAt"] = listed
        document: object = [{"paper": paper, "publishedAt": outer}]
    elif shape == "hub":
        document = [
            {"id": "2509.24002", "title": "T", "published_at": published, "submitted_at": outer}
        ]
    else:
        document = {"title": "T", "arxiv_id": None, "published": published, "listed": listed}
    _contract(json.dumps(document), None)


@_SETTINGS
@given(st.one_of(_dump_lines, st.text(max_size=400)))
def test_text_mode_files(data: str) -> None:
    """A file opened in text mode (a str stream) keeps the contract, as bytes and str do."""
    import io

    for strict in (False, True):
        stream = io.StringIO(data)
        try:
            listing = paperlist.load(stream, today=TODAY, strict=strict)
        except ParseError:
            continue
        paperlist.dumps(listing).encode("utf-8")
