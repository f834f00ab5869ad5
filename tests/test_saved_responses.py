"""Pages saved with their HTTP response: ``curl -i``, ``wget --save-headers``, and WARC
files (``wget --warc-file``, crawlers' and web archives' records).

Before, a listing saved by ``curl -i`` gave 26 papers (its markup read as text), a JSON
response a ParseError, and a WARC file of the listing 26 papers. The samples are the
real pages fetched by the real tools (tests/data/tools/make_saved_responses.sh).
"""

from __future__ import annotations

import base64
import datetime
import gzip
import json
import warnings
from typing import Any

import pytest

import paperlist
from conftest import DATA, PAPER_PAGE, json_items, real_props
from paperlist._http_messages import _dechunked

SAVED = DATA / "saved"
LISTING_IDS = [
    item["paper"]["id"]
    for item in real_props("daily_listing_2024-08-01.html", "DailyPapers")["dailyPapers"]
]
API_IDS = [item["paper"]["id"] for item in json_items("daily_papers_2024-08-02.json")]


def _warc() -> bytes:
    """wget's WARC of the listing, the paper page, the API's next day, a redirect to the
    listing and a 404 for /models, uncompressed."""
    return gzip.decompress((SAVED / "wget.warc.gz").read_bytes())


def _line_of(data: bytes, text: bytes, after: int = 0) -> int:
    """The 1-based line where ``text`` first stands in ``data`` from ``after``."""
    return data.count(b"\n", 0, data.index(text, after)) + 1


def test_a_listing_saved_by_curl_with_its_redirect_gives_its_papers() -> None:
    """``curl -i -L``: the redirect's headers, then the page's, then the page."""
    listing = paperlist.load(SAVED / "daily_listing_2024-08-01.curl-i-L.html", strict=True)
    assert [paper.arxiv_id for paper in listing] == LISTING_IDS
    page = paperlist.load(DATA / "html" / "daily_listing_2024-08-01.html")
    assert (listing.papers, listing.title, listing.format) == (page.papers, page.title, "html")


def test_a_paper_page_and_an_api_response_saved_with_their_headers() -> None:
    (paper,) = paperlist.load(SAVED / "paper_page_2509.24002.curl-i.html", strict=True)
    assert paper == paperlist.load(PAPER_PAGE)[0]
    api = paperlist.load(SAVED / "daily_papers_2024-08-02.wget-save-headers.json", strict=True)
    assert [paper.arxiv_id for paper in api] == API_IDS
    assert api.format == "json"


def test_a_saved_reader_dump_takes_its_capture_day_from_the_date_header() -> None:
    """The response's Date (Fri, 02 Aug 2024) dates the year-less "Aug 1": no warning."""
    path = SAVED / "daily_listing_2024-08-01.reader.curl-i.md"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        listing = paperlist.load(path, strict=True)
    assert listing.date == datetime.date(2024, 8, 1)
    assert len(listing) == 13
    # The caller's day wins: on 2024-07-01, the last Aug 1 was in 2023.
    assert paperlist.load(path, today="2024-07-01").date == datetime.date(2023, 8, 1)
    text = path.read_text(encoding="utf-8")
    assert paperlist.loads(text).papers == listing.papers  # a str as well


@pytest.mark.parametrize("strict", [False, True])
def test_a_saved_error_response_fails_naming_its_status(strict: bool) -> None:
    with pytest.raises(paperlist.ParseError, match="status 404, not the page") as raised:
        paperlist.load(SAVED / "paper_page_2401.00001.curl-i-404.html", strict=strict)
    assert raised.value.line == 1


def _with_nul(data: bytes, after: int = 0) -> bytes:
    """``data`` with the first space in the first body element after ``after`` made a
    NUL: the same length."""
    at = data.index(b" ", data.index(b"<body", after) + 5)
    return data[:at] + b"\x00" + data[at + 1 :]


def test_issues_in_a_saved_response_count_the_files_lines() -> None:
    data = _with_nul((SAVED / "daily_listing_2024-08-01.curl-i-L.html").read_bytes())
    (issue,) = paperlist.loads(data).issues
    assert issue.message == "a NUL character in the page was dropped"
    assert issue.line == _line_of(data, b"\x00")


def test_a_body_sent_in_chunks_is_joined() -> None:
    """A WARC record keeps the body as the server sent it; chunks per RFC 9112."""
    body = (DATA / "json" / "daily_papers_2024-08-02.json").read_bytes()
    chunks = b"".join(
        b"%x\r\n%s\r\n" % (len(body[at : at + 4000]), body[at : at + 4000])
        for at in range(0, len(body), 4000)
    )
    message = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks + b"0\r\n\r\n"
    assert [paper.arxiv_id for paper in paperlist.loads(message, strict=True)] == API_IDS
    assert _dechunked(b"5\r\nabc\r\n0\r\n\r\n", 0) is None  # not wholly chunks: as it is


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_a_warc_file_gives_the_papers_of_its_pages_merged(compressed: bool) -> None:
    """The listing (twice: directly and through the redirect), the paper page and the
    next day's API response; the redirect, and the 404 for /models, passed over."""
    data = (SAVED / "wget.warc.gz").read_bytes() if compressed else _warc()
    listing = paperlist.loads(data, strict=True)
    ids = [paper.arxiv_id or "" for paper in listing]
    assert sorted(ids) == sorted({*LISTING_IDS, "2509.24002", *API_IDS})
    assert len(ids) == 13 + 1 + 16  # no paper in two of the pages
    assert (listing.title, listing.format) == ("Daily Papers", "html")  # the first page's
    assert listing.issues == ()


def test_a_folder_with_a_warc_file_loads_it_as_any_file() -> None:
    """Its pages are of two formats: the merge of them once said the file held nothing."""
    listing = paperlist.load_many(SAVED, on_error="skip")
    assert len(listing) == 30  # the WARC's pages hold every paper of the other files
    assert [issue.message for issue in listing.issues] == [
        "a saved HTTP response of status 404, not the page"
    ]


def test_a_warc_file_cut_short_keeps_the_pages_before() -> None:
    data = _warc()
    second = data.index(b"WARC-Type: response", data.index(b"WARC-Type: response") + 1)
    cut = data[: second + 2000]  # inside the paper page's record
    listing = paperlist.loads(cut)
    assert [paper.arxiv_id for paper in listing] == LISTING_IDS
    (issue,) = listing.issues
    assert issue.message == "a WARC record cut short: the file ends here"
    assert issue.line == _line_of(cut, b"WARC/1.0", second - 200)
    with pytest.raises(paperlist.ParseError, match="cut short"):
        paperlist.loads(cut, strict=True)


def test_a_failed_response_for_a_paper_address_is_an_issue_at_its_line() -> None:
    """The 404 recorded for /models, as if it had been for a paper page."""
    data = _warc().replace(b"<http://huggingface.co/models>", b"<http://huggingface.co/papers/x>")
    listing = paperlist.loads(data)
    assert len(listing) == 30
    (issue,) = listing.issues
    assert issue.message == (
        "the response from http://huggingface.co/papers/x: "
        "a saved HTTP response of status 404, not the page"
    )
    assert issue.line == _line_of(data, b"HTTP/1.1 404 Not Found")
    with pytest.raises(paperlist.ParseError) as raised:
        paperlist.loads(data, strict=True)
    assert raised.value.line == issue.line


def test_a_warc_file_without_a_daily_papers_page_fails() -> None:
    data = _warc()
    first_record = data[: data.index(b"WARC/1.0", 10)]  # wget's warcinfo alone
    with pytest.raises(paperlist.ParseError, match="no Daily Papers page"):
        paperlist.loads(first_record)


def test_an_issue_inside_a_warc_page_counts_the_files_lines() -> None:
    data = _warc()
    paper_page = data.index(b"WARC-Target-URI: <http://huggingface.co/papers/2509.24002")
    broken = _with_nul(data, paper_page)  # in the paper page's HTML
    (issue,) = paperlist.loads(broken).issues
    assert issue.message == (
        "the response from http://huggingface.co/papers/2509.24002: "
        "a NUL character in the page was dropped"
    )
    assert issue.line == _line_of(broken, b"\x00")


def test_headers_that_never_end_fail() -> None:
    message = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X-Padding: x\r\n" * 10
    with pytest.raises(paperlist.ParseError, match="headers never end in a blank line"):
        paperlist.loads(message)


def test_a_body_saved_compressed_is_decompressed() -> None:
    """``curl -i --raw`` keeps a body as the server compressed it."""
    body = (DATA / "json" / "daily_papers_2024-08-02.json").read_bytes()
    headers = b"HTTP/2 200\r\ncontent-encoding: gzip\r\n\r\n"
    listing = paperlist.loads(headers + gzip.compress(body), strict=True)
    assert [paper.arxiv_id for paper in listing] == API_IDS


def test_a_body_that_only_looks_chunked_is_read_as_it_is() -> None:
    """curl -i writes the header of a chunked response over the body it joined."""
    assert _dechunked(b"5\r\nabcde\r\n", 0) is None  # no last, empty chunk
    body = (DATA / "json" / "daily_papers_2024-08-02.json").read_bytes()
    message = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body
    assert [paper.arxiv_id for paper in paperlist.loads(message, strict=True)] == API_IDS


def _har() -> dict[str, Any]:
    """Playwright's HAR of a visit to the listing, the API's next day (its body left out
    by the browser) and the paper page, with the assets the pages ask for."""
    har: dict[str, Any] = json.loads(gzip.decompress((SAVED / "playwright.har.gz").read_bytes()))
    return har


def _entry(har: dict[str, Any], address: str) -> dict[str, Any]:
    (entry,) = [item for item in har["log"]["entries"] if item["request"]["url"] == address]
    return entry  # type: ignore[no-any-return]


def test_a_har_file_gives_the_papers_of_its_pages() -> None:
    listing = paperlist.load(SAVED / "playwright.har.gz", strict=True)
    assert [paper.arxiv_id for paper in listing] == [*LISTING_IDS, "2509.24002"]
    assert listing[-1] == paperlist.load(PAPER_PAGE)[0]
    plain = json.dumps(_har())  # as the browser writes it, not gzipped
    assert paperlist.loads(plain).papers == listing.papers


def test_a_har_body_in_base64_is_read() -> None:
    har = _har()
    content = _entry(har, "http://huggingface.co/papers/2509.24002")["response"]["content"]
    content["text"] = base64.b64encode(content["text"].encode()).decode()
    content["encoding"] = "base64"
    listing = paperlist.loads(json.dumps(har), strict=True)
    assert listing[-1] == paperlist.load(PAPER_PAGE)[0]


def test_a_har_page_that_cannot_be_read_is_an_issue_naming_its_address() -> None:
    har = _har()
    address = "http://huggingface.co/papers/2509.24002"
    _entry(har, address)["response"]["content"]["text"] = "<html><body></body></html>"
    data = json.dumps(har)
    listing = paperlist.loads(data)
    assert [paper.arxiv_id for paper in listing] == LISTING_IDS
    (issue,) = listing.issues
    assert issue.message.startswith(f"the response from {address}: no Daily Papers data found")
    assert issue.line is None  # the HAR holds the page as one JSON string
    with pytest.raises(paperlist.ParseError) as raised:
        paperlist.loads(data, strict=True)
    assert raised.value.message == issue.message


def test_a_har_file_without_a_page_fails() -> None:
    har = _har()
    for entry in har["log"]["entries"]:
        entry["response"]["content"].pop("text", None)  # "Save all as HAR" without content
    with pytest.raises(paperlist.ParseError, match="no Daily Papers page with its content"):
        paperlist.loads(json.dumps(har))


def test_a_har_text_page_takes_its_capture_day_from_the_date_header() -> None:
    """A reader's text of the listing in place of its HTML (as a HAR of a reader service
    keeps it): its response's Date, Fri, 02 Aug 2024, dates the year-less "Aug 1"."""
    har = _har()
    content = _entry(har, "http://huggingface.co/papers?date=2024-08-01")["response"]["content"]
    content["text"] = (DATA / "text" / "daily_listing_2024-08-01.turndown-reader.md").read_text(
        encoding="utf-8"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        listing = paperlist.loads(json.dumps(har), strict=True)
    assert [paper.arxiv_id for paper in listing] == [*LISTING_IDS, "2509.24002"]
    assert listing.date == datetime.date(2024, 8, 1)
