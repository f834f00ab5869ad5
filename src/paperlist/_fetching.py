"""Fetching a page over HTTP(S) with the standard library: bounded, polite, retried.

Only ``load`` and ``load_many`` call this, and only for a ``str`` source that
starts with ``http://`` or ``https://``: a path never touches the network.
"""

from __future__ import annotations

import datetime
import email.utils
import time
import urllib.error
import urllib.request
import urllib.response
import zlib
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from typing import TypeGuard

import attrs

from ._dates import day_of_http_date
from .errors import FetchError

__all__ = ["DEFAULT_TIMEOUT", "Fetched", "fetch", "is_url"]

DEFAULT_TIMEOUT = 30.0
"""Seconds to wait for a connection or for the next bytes of a response."""
_RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
_ATTEMPTS = 4
_FIRST_BACKOFF = 1.0  # seconds, doubled at each retry
_LONGEST_WAIT = 60.0  # a Retry-After beyond this is capped
_CHUNK = 1 << 16


def _user_agent() -> str:
    try:
        return f"paperlist/{version('paperlist')} (Python urllib)"
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "paperlist (Python urllib)"


def is_url(source: object) -> TypeGuard[str]:
    """Whether ``load`` fetches ``source``: a str starting with http:// or https://."""
    return isinstance(source, str) and source[:8].lower().startswith(("http://", "https://"))


@attrs.frozen
class Fetched:
    """A response body, decompressed, and the day the server says it sent it."""

    data: bytes
    date: datetime.date | None


def fetch(
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    sleep: Callable[[float], None] = time.sleep,
) -> Fetched:
    """The body at ``url``, following redirects, retrying 429 and 5xx with backoff.

    Raises:
        FetchError: DNS, connection or TLS failure, an HTTP error status (after
            the retries), a timeout, or a body over ``max_bytes``.
    """
    request = urllib.request.Request(
        url, headers={"User-Agent": _user_agent(), "Accept-Encoding": "gzip"}
    )
    wait = _FIRST_BACKOFF
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return _read(response, url, max_bytes)
        except urllib.error.HTTPError as error:
            if error.code not in _RETRIED_STATUSES or attempt == _ATTEMPTS:
                raise FetchError(error.reason or "error", url=url, status=error.code) from error
            sleep(_retry_after(error.headers.get("Retry-After"), wait))
            wait *= 2
        except TimeoutError as error:  # socket.timeout is TimeoutError
            raise FetchError(f"no answer within {timeout:g} s", url=url) from error
        except urllib.error.URLError as error:
            raise FetchError(str(error.reason), url=url) from error
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


def _retry_after(header: str | None, backoff: float) -> float:
    """Seconds to wait: the server's Retry-After (seconds or a date), else ``backoff``."""
    if header is None:
        return backoff
    header = header.strip()
    if header.isdigit():
        return min(float(header), _LONGEST_WAIT)
    try:
        when = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return backoff
    delay = (when - datetime.datetime.now(datetime.timezone.utc)).total_seconds()
    return min(max(delay, 0.0), _LONGEST_WAIT)


def _read(response: urllib.response.addinfourl, url: str, max_bytes: int) -> Fetched:
    """The whole body, refused as soon as it (or its decompressed form) passes ``max_bytes``."""
    declared = response.headers.get("Content-Length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(url, max_bytes, response.status)
    gzipped = (response.headers.get("Content-Encoding") or "").lower() == "gzip"
    # wbits 16 + MAX_WBITS: a gzip header and trailer around the deflate stream.
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
    parts: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        if inflater is not None:
            try:
                chunk = inflater.decompress(chunk, max_bytes + 1 - size)
            except zlib.error as error:
                raise FetchError(f"bad gzip body: {error}", url=url) from error
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(url, max_bytes, response.status)
        parts.append(chunk)
    return Fetched(b"".join(parts), day_of_http_date(response.headers.get("Date")))


def _too_large(url: str, max_bytes: int, status: int | None) -> FetchError:
    return FetchError(f"the body is larger than max_bytes={max_bytes}", url=url, status=status)
