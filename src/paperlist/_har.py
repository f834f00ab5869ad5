"""HAR files: a browser's record of a visit ("Save all as HAR with content").

Browsers' developer tools and Playwright write every request of a visit with its
response, the body as text (or base64), in one JSON document. Read as JSON, it
was an object of no known shape; now each response from the site's paper and
listing addresses is read as the page it holds, and their papers merged.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from collections.abc import Iterator
from typing import Any

from ._context import LoadContext
from ._dates import day_of_http_date
from ._links import is_paper_address
from ._listing import Listing
from ._parts import Reader, merged_parts, read_part

__all__ = ["is_har", "load_har"]

_HEAD = 400  # a HAR opens with {"log": {"version": …, "creator": …: its first characters


def is_har(text: str, start: int) -> bool:
    """Whether the JSON text from ``start`` opens a HAR document."""
    head = text[start : start + _HEAD]
    return head.startswith("{") and '"log"' in head and '"entries"' in text


def load_har(text: str, context: LoadContext, read: Reader) -> Listing:
    """The papers of every response in the HAR ``text`` from the site's paper addresses,
    merged as ``Listing.merge`` merges; a body that cannot be read is an Issue naming
    its address (with no line: the HAR holds the body as one JSON string)."""
    try:
        entries = json.loads(text)["log"]["entries"]
    except (ValueError, RecursionError, KeyError, TypeError) as exc:
        raise context.error(f"a HAR file that cannot be read: {exc}", line=1) from exc
    if type(entries) is not list:
        context.fail("a HAR file whose log holds no list of entries", line=1)
    listings = []
    for url, body, captured in _bodies(entries):
        if isinstance(body, str):
            context.report(f"the response from {url}: {body}")
            continue
        listing = read_part(url, body, None, context, read, captured)
        if listing is not None:
            listings.append(listing)
    if not listings:
        context.fail("a HAR file holding no Daily Papers page with its content", line=1)
    return merged_parts(listings, context)


def _bodies(entries: list[Any]) -> Iterator[tuple[str, bytes | str, datetime.date | None]]:
    """(address, body or why it cannot be had, the day of its response's Date) of each
    entry from the site's paper addresses that answered 2xx with its content kept;
    others (assets, redirects, bodies left out) passed over."""
    for entry in entries:
        try:
            url, response = entry["request"]["url"], entry["response"]
            status, content = response["status"], response["content"]
        except (KeyError, TypeError):
            continue
        if not (isinstance(url, str) and is_paper_address(url)):
            continue
        if not (type(status) is int and 200 <= status < 300 and isinstance(content, dict)):
            continue
        body = _body(content)
        if body is not None:
            yield url, body, _response_day(response)


def _body(content: dict[str, Any]) -> bytes | str | None:
    """The body an entry's content holds, as bytes; None where it was left out, or why
    it cannot be read."""
    text = content.get("text")
    if not isinstance(text, str) or not text:
        return None
    if content.get("encoding") == "base64":
        try:
            return base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            return "its base64 content cannot be decoded"
    return text.encode("utf-8", "surrogatepass")


def _response_day(response: dict[str, Any]) -> datetime.date | None:
    """The UTC day of a response's Date header, as the HAR lists its headers."""
    headers = response.get("headers")
    if not isinstance(headers, list):
        return None
    for header in headers:
        if isinstance(header, dict) and str(header.get("name", "")).lower() == "date":
            value = header.get("value")
            return day_of_http_date(value) if isinstance(value, str) else None
    return None
