"""Loading from http(s) URLs, against a local server: no test touches the outside network."""

from __future__ import annotations

import contextlib
import datetime
import gzip
import http.server
import pickle
import socket
import threading
import time
from collections.abc import Iterator
from typing import ClassVar

import pytest

import paperlist
from conftest import JSON_FILES, SEED, SEED_TODAY
from paperlist.errors import FetchError

DAY = JSON_FILES[0].read_bytes()
# A day whose date differs from today's, to see it come from the header.
SERVED_ON = "Tue, 28 Oct 2025 23:30:00 GMT"


class Handler(http.server.BaseHTTPRequestHandler):
    """Each path is one behaviour; ``hits`` counts requests per path."""

    hits: ClassVar[dict[str, int]] = {}
    agents: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: object) -> None:  # keep pytest output clean
        pass

    def date_time_string(self, timestamp: float | None = None) -> str:
        return SERVED_ON  # the Date header of every response

    def _send(self, status: int, body: bytes, **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        if "Content_Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # unless the client gave up (the timeout test)

    def do_GET(self) -> None:
        hits = self.hits[self.path] = self.hits.get(self.path, 0) + 1
        self.agents.append(self.headers.get("User-Agent", ""))
        if self.path in STATIC:
            status, body, headers = STATIC[self.path]
            self._send(status, body, **headers)
        elif self.path == "/busy.json":
            if hits == 1:
                self._send(429, b"slow down", Retry_After="0")
            else:
                self._send(200, DAY)
        elif self.path == "/slow.json":
            time.sleep(1.0)
            self._send(200, DAY)
        elif self.path == "/big-streamed.json":
            self.send_response(200)
            self.end_headers()  # no Content-Length: the body ends when the connection does
            self.wfile.write(DAY)
            self.close_connection = True


STATIC: dict[str, tuple[int, bytes, dict[str, str]]] = {
    "/day.json": (200, DAY, {}),
    "/big-declared.json": (200, DAY, {}),
    "/seed.txt": (200, SEED.read_bytes(), {}),
    "/down.json": (503, b"down", {"Retry_After": "0"}),
    "/missing.json": (404, b"no such page", {}),
    "/moved.json": (302, b"", {"Location": "/day.json"}),
    "/gzip.json": (200, gzip.compress(DAY), {"Content_Encoding": "gzip"}),
    "/bad-gzip.json": (200, b"not gzip at all", {"Content_Encoding": "gzip"}),
}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_url_loads_as_its_bytes_do(server: str) -> None:
    listing = paperlist.load(f"{server}/day.json")
    assert listing.papers == paperlist.load(JSON_FILES[0]).papers
    assert listing.source == f"{server}/day.json"
    assert Handler.agents[-1].startswith("paperlist/")


def test_the_date_header_is_today_when_none_is_given(server: str) -> None:
    # The seed's year-less dates resolve against the day the server sent it.
    from_server = paperlist.load(f"{server}/seed.txt")
    assert from_server.papers == paperlist.load(SEED, today=SEED_TODAY).papers
    # Given, today wins: "Sep 11" seen on 2025-09-01 is 2024-09-11.
    earlier = paperlist.load(f"{server}/seed.txt", today=datetime.date(2025, 9, 1))
    assert earlier.papers == paperlist.load(SEED, today=datetime.date(2025, 9, 1)).papers
    assert earlier.papers != from_server.papers


def test_429_is_retried_after_the_servers_wait(server: str) -> None:
    listing = paperlist.load(f"{server}/busy.json")
    assert len(listing) == len(paperlist.load(JSON_FILES[0]))
    assert Handler.hits["/busy.json"] == 2


def test_a_lasting_5xx_is_an_error_with_its_status(server: str) -> None:
    with pytest.raises(FetchError) as raised:
        paperlist.load(f"{server}/down.json")
    assert (raised.value.status, raised.value.url) == (503, f"{server}/down.json")
    assert Handler.hits["/down.json"] == 4  # the first try and three retries


def test_404_is_not_retried(server: str) -> None:
    with pytest.raises(FetchError) as raised:
        paperlist.load(f"{server}/missing.json")
    assert raised.value.status == 404
    assert str(raised.value).startswith(f"{server}/missing.json: HTTP 404")
    assert Handler.hits["/missing.json"] == 1
    assert isinstance(raised.value, OSError)
    again = pickle.loads(pickle.dumps(raised.value))
    assert (type(again), again.url, again.status) == (FetchError, raised.value.url, 404)


def test_a_redirect_is_followed(server: str) -> None:
    assert len(paperlist.load(f"{server}/moved.json")) == len(paperlist.load(JSON_FILES[0]))


def test_a_gzipped_body_is_read(server: str) -> None:
    assert paperlist.load(f"{server}/gzip.json").papers == paperlist.load(JSON_FILES[0]).papers


def test_a_slow_answer_times_out(server: str) -> None:
    with pytest.raises(FetchError, match=r"no answer within 0\.2 s"):
        paperlist.load(f"{server}/slow.json", timeout=0.2)


@pytest.mark.parametrize("path", ["/big-declared.json", "/big-streamed.json", "/gzip.json"])
def test_a_body_over_the_limit_is_refused(server: str, path: str) -> None:
    with pytest.raises(FetchError, match="larger than max_bytes=1000"):
        paperlist.load(server + path, max_bytes=1000)


def test_no_server_is_a_fetch_error() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError) as raised:
        paperlist.load(f"http://127.0.0.1:{port}/day.json", timeout=2)
    assert raised.value.status is None


def test_load_many_takes_urls_and_skips_the_bad_ones(server: str) -> None:
    listing = paperlist.load_many(
        [f"{server}/day.json", f"{server}/missing.json", JSON_FILES[1]], on_error="skip"
    )
    want = paperlist.load(JSON_FILES[0]).merge(paperlist.load(JSON_FILES[1]))
    assert set(listing) == set(want)
    (issue,) = listing.issues
    assert issue.source == f"{server}/missing.json"
    assert "HTTP 404" in issue.message


def test_a_path_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the network was used")

    monkeypatch.setattr("urllib.request.urlopen", refuse)
    assert len(paperlist.load(JSON_FILES[0])) > 0
    assert len(paperlist.load_many(JSON_FILES[:2])) > 0


def test_a_broken_gzip_body_is_a_fetch_error(server: str) -> None:
    with pytest.raises(FetchError, match="bad gzip body"):
        paperlist.load(f"{server}/bad-gzip.json")


def test_retry_after_in_seconds_or_as_a_date() -> None:
    from paperlist._fetching import _retry_after

    assert _retry_after(None, 2.0) == 2.0
    assert _retry_after(" 7 ", 2.0) == 7.0
    assert _retry_after("3600", 2.0) == 60.0  # capped
    assert _retry_after("soon", 2.0) == 2.0
    assert _retry_after("Tue, 28 Oct 2025 23:30:00 GMT", 2.0) == 0.0  # in the past
    later = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=30)
    wait = _retry_after(later.strftime("%a, %d %b %Y %H:%M:%S GMT"), 2.0)
    assert 25 <= wait <= 30


def test_the_day_of_a_date_header() -> None:
    from paperlist._dates import day_of_http_date

    assert day_of_http_date(None) is None
    assert day_of_http_date("yesterday") is None
    assert day_of_http_date("Tue, 28 Oct 2025 23:30:00 GMT") == datetime.date(2025, 10, 28)
    assert day_of_http_date("Tue, 28 Oct 2025 23:30:00 -0500") == datetime.date(2025, 10, 29)
    assert day_of_http_date("Tue, 28 Oct 2025 23:30:00 -0000") == datetime.date(2025, 10, 28)
