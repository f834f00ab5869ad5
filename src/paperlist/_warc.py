"""WARC files: the web archives' and crawlers' records of what a server sent.

``wget --warc-file``, Common Crawl, Heritrix and Webrecorder write each
response, with its request and other records, as one record of a WARC file
(gzipped record by record in a ``.warc.gz``). Read as text, its records made
papers of the headers and markup; now each response from the site's paper and
listing addresses is read as the page it holds, and their papers merged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from ._context import LoadContext
from ._http_messages import response_status
from ._links import is_paper_address
from ._listing import Listing
from ._parts import Reader, merged_parts, read_part

__all__ = ["is_warc", "load_warc"]

_HEADERS_REACH = 1 << 16  # a record's header block is a few hundred bytes
_FIELD = re.compile(rb"^(?P<name>[A-Za-z-]+):[ \t]*(?P<value>[^\r\n]*)", re.MULTILINE)


@attrs.frozen
class _Response:
    uri: str
    line: int  # the file's line where the HTTP message starts
    message: bytes


def is_warc(head: bytes) -> bool:
    """Whether ``head`` opens a WARC file's first record."""
    return head.startswith((b"WARC/1.0\r\n", b"WARC/1.1\r\n", b"WARC/1.0\n", b"WARC/1.1\n"))


def load_warc(raw: bytes, context: LoadContext, read: Reader) -> Listing:
    """The papers of every response in ``raw`` from the site's paper addresses, merged as
    ``Listing.merge`` merges, each page read by ``read``. Responses that redirect are
    passed over; a page that cannot be read, or a failed response, is an Issue."""
    listings = []
    hosts: set[str] = set()
    for response in _responses(raw, context):
        hosts.add(response.uri.partition("://")[2].partition("/")[0] or response.uri)
        if not is_paper_address(response.uri):
            continue  # a stylesheet, an image, another site's page
        status = response_status(response.message)
        if status is not None and 300 <= status < 400:
            continue  # the page it leads to is a record of its own
        offset = response.line - 1
        listing = read_part(response.uri, response.message, offset, context, read)
        if listing is not None:
            listings.append(listing)
    if not listings:
        named = ", ".join(sorted(hosts)[:3]) or "none"
        context.fail(f"a WARC file holding no Daily Papers page (responses from: {named})")
    return merged_parts(listings, context)


def _responses(raw: bytes, context: LoadContext) -> Iterator[_Response]:
    """The response records of the WARC file ``raw``, in order. A record cut short or
    damaged ends the file, with an Issue."""
    start = line = 0
    while start < len(raw):
        header_end = raw.find(b"\r\n\r\n", start, start + _HEADERS_REACH)
        fields = _fields(raw[start:header_end]) if header_end != -1 else {}
        length = fields.get("content-length", "")
        if not raw.startswith(b"WARC/", start) or not (length.isdigit() and len(length) < 19):
            context.report("a WARC record that cannot be read: the file ends here", line=line + 1)
            return
        content = header_end + 4
        end = content + int(length)
        if end > len(raw):
            context.report("a WARC record cut short: the file ends here", line=line + 1)
            return
        line += raw.count(b"\n", start, content)
        if fields.get("warc-type") == "response":
            uri = fields.get("warc-target-uri", "").strip("<>")
            yield _Response(uri, line + 1, raw[content:end])
        line += raw.count(b"\n", content, end)
        start = end
        while raw.startswith((b"\r\n", b"\n"), start):  # the blank lines after a record
            line += 1
            start += 2 if raw.startswith(b"\r\n", start) else 1


def _fields(block: bytes) -> dict[str, str]:
    """A record's header fields by lower-cased name (the first of each)."""
    fields: dict[str, str] = {}
    for field in _FIELD.finditer(block):
        fields.setdefault(field["name"].decode().lower(), field["value"].decode("latin-1"))
    return fields
