"""Pages saved with the HTTP response around them.

``curl -i`` and ``wget --save-headers`` write the response's status line and
headers before its body (``curl -i -L`` those of each redirect too). Read as
the body alone, the file gives the page's papers; read as text, the headers and
the page's markup made papers of their own.
"""

from __future__ import annotations

import re

from ._binary import GZIP_MAGIC
from ._context import LoadContext
from ._dates import day_of_http_date

__all__ = ["opens_http_response", "response_body", "response_status"]

_STATUS_LINE = re.compile(rb"HTTP/\d(?:\.\d)? (?P<status>\d{3})(?=[ \r\n])")
_DATE_HEADER = re.compile(rb"^date:[ \t]*(?P<date>[^\r\n]*)", re.IGNORECASE | re.MULTILINE)
_HEADERS_REACH = 1 << 16  # a real header block is a few hundred bytes
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")  # the first one ends the header block
_CHUNKED = re.compile(rb"^transfer-encoding:[ \t]*chunked[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_CHUNK_SIZE = re.compile(rb"(?P<size>[0-9A-Fa-f]{1,8})(?:;[^\r\n]*)?\r\n")


def opens_http_response(head: bytes) -> bool:
    """Whether ``head`` opens with an HTTP status line ("HTTP/2 200")."""
    return head[:5] == b"HTTP/" and _STATUS_LINE.match(head) is not None


def response_status(message: bytes) -> int | None:
    """The status code of the HTTP response ``message`` opens with, or None."""
    status = _STATUS_LINE.match(message)
    return int(status["status"]) if status is not None else None


def response_body(raw: bytes, context: LoadContext) -> bytes:
    """The body of the response ``raw`` holds, after the header block of each response
    written before it; the headers' lines left blank, so that issues count the file's
    lines. The response's ``Date`` is the capture day unless the caller gave one; a
    status other than 2xx fails, as its body is an error page, not the page."""
    code, headers, start = 0, b"", 0
    while (status := _STATUS_LINE.match(raw, start)) is not None:
        end = _headers_end(raw, start)
        if end is None:
            context.fail("an HTTP response whose headers never end in a blank line", line=1)
        code, headers, start = int(status["status"]), raw[start:end], end
    if not 200 <= code < 300:
        context.fail(f"a saved HTTP response of status {code}, not the page", line=1)
    date = _DATE_HEADER.search(headers)
    day = day_of_http_date(date["date"].decode("latin-1")) if date else None
    if day is not None:
        context.capture_date(day)
    if _CHUNKED.search(headers) and (body := _dechunked(raw, start)) is not None:
        return body  # as sent, in chunks (a WARC record keeps them; curl -i does not)
    if raw.startswith(GZIP_MAGIC, start):
        return raw[start:]  # sent compressed: it has no lines to count
    return b"\n" * raw.count(b"\n", 0, start) + raw[start:]


def _headers_end(raw: bytes, start: int) -> int | None:
    """Where the body after the header block at ``start`` begins: after its blank line."""
    blank = _BLANK_LINE.search(raw, start, start + _HEADERS_REACH)
    return blank.end() if blank is not None else None


def _dechunked(raw: bytes, start: int) -> bytes | None:
    """The body at ``start`` joined from its chunks; None unless it is wholly in chunks."""
    pieces: list[bytes] = []
    while (size := _CHUNK_SIZE.match(raw, start)) is not None:
        length = int(size["size"], 16)
        data = size.end()
        if length == 0:
            return b"".join(pieces)
        if raw[data + length : data + length + 2] != b"\r\n":
            return None
        pieces.append(raw[data : data + length])
        start = data + length + 2
    return None
