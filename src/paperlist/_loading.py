"""load() and loads(): read the source, decode it, detect the format, call a loader."""

from __future__ import annotations

import datetime
import math
import os
import re
import stat
import warnings
from typing import IO, Any, Literal, Union

from ._binary import GZIP_MAGIC, binary_kind, gunzipped
from ._context import LoadContext
from ._dates import date_argument
from ._decoding import UTF8_BOM, decode, is_utf16, undo_double_encoding
from ._fetching import DEFAULT_TIMEOUT, fetch, is_url
from ._formats.json_shapes import load_json, opens_json
from ._formats.text_grammar import load_text
from ._har import is_har, load_har
from ._http_messages import opens_http_response, response_body
from ._listing import Listing
from ._mhtml import ARCHIVE_HEAD, is_mhtml, page_in_mhtml
from ._parts import Reader
from ._strings import printable
from ._surrogates import replace_in_text
from ._warc import is_warc, load_warc
from .errors import ParseError, UnknownFormatError, YearlessDateWarning

__all__ = ["DEFAULT_MAX_BYTES", "FORMATS", "Format", "check_limits", "load", "loads"]

Format = Literal["text", "html", "json"]
FORMATS: tuple[Format, ...] = ("text", "html", "json")

Source = Union[str, "os.PathLike[str]", "os.PathLike[bytes]", IO[str], IO[bytes]]

_BOM = "\ufeff"
DEFAULT_MAX_BYTES = 2 << 30
"""The largest input ``load`` reads unless told otherwise: 2 GiB."""
_PIECE = 1 << 20  # what is read at a time from a stream of unknown size
_LEADING_SPACE = re.compile(r"\s*")
_LEADING_SPACE_BYTES = re.compile(rb"[ \t\n\r\f\v]*")
# How far comments that open a file are passed to find what follows them.
_COMMENTS_REACH = 1 << 16
_HEAD = 16  # what tells a saved response ("HTTP/1.1 200 OK") or a WARC file ("WARC/1.0")


def loads(
    data: str | bytes,
    /,
    *,
    format: str | None = None,
    today: datetime.date | str | None = None,
    strict: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Listing:
    """Read a Daily Papers page held in memory.

    Args:
        data: the page as ``str`` or UTF-8 ``bytes`` (BOM and any line ends accepted).
        format: ``"text"``, ``"html"`` or ``"json"``; None detects it from the content.
        today: the day the page was captured (a date or ``"2025-10-28"``), for dates shown
            without a year. Default: the capture date the saving tool wrote into the dump,
            else the current date, with a YearlessDateWarning if any such date is read.
        strict: raise ParseError at the first problem instead of recording an Issue.
        max_bytes: the largest input read, gzip-compressed bytes once decompressed (2 GiB
            by default); a larger one is refused.

    Returns:
        The Listing; its ``source`` is None.

    Raises:
        ParseError: the content cannot be read (or, in strict mode, has a problem).
        UnknownFormatError: ``format`` names no known format.
        TypeError: an argument has the wrong type.
    """
    if not isinstance(data, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"loads() takes str or bytes, not {type(data).__name__}")
    check_limits(max_bytes)
    if len(data) > max_bytes:
        raise _too_large(max_bytes, None)
    return _load_data(
        data, format=format, today=today, strict=strict, origin=None, max_bytes=max_bytes
    )


def load(
    source: Source,
    /,
    *,
    format: str | None = None,
    today: datetime.date | str | None = None,
    strict: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Listing:
    """Read a Daily Papers page from a path, an open file (text or binary mode) or a URL.

    Args:
        source: a path (``str`` or ``os.PathLike``), an object with ``read()``, or an
            ``http://`` or ``https://`` URL (a ``str``), fetched with the standard library.
        format: ``"text"``, ``"html"`` or ``"json"``; None detects it from the content.
        today: the day the page was captured (a date or ``"2025-10-28"``), for dates shown
            without a year. Default: the capture date the saving tool wrote into the dump
            (for a URL, the day of the response's ``Date`` header), else the current date,
            with a YearlessDateWarning if any such date is read.
        strict: raise ParseError at the first problem instead of recording an Issue.
        timeout: for a URL, seconds to wait for the connection and for each read.
        max_bytes: the largest input read, gzip-compressed files once decompressed (2 GiB
            by default); a larger one is refused.

    Returns:
        The Listing; its ``source`` is the path or URL as given (a file object's ``name``).

    Raises:
        ParseError: the content cannot be read (or, in strict mode, has a problem), or is
            larger than ``max_bytes``.
        FetchError: a URL could not be fetched (an ``OSError``).
        UnknownFormatError: ``format`` names no known format.
        OSError: the file cannot be opened or read.
        TypeError: an argument has the wrong type.
    """
    _check_format(format)
    check_limits(max_bytes, timeout)
    origin: str | None
    if is_url(source):
        fetched = fetch(source, timeout=timeout, max_bytes=max_bytes)
        if today is None:
            today = fetched.date
        return _load_data(
            fetched.data,
            format=format,
            today=today,
            strict=strict,
            origin=source,
            max_bytes=max_bytes,
        )
    if isinstance(source, (str, os.PathLike)):
        origin = os.fsdecode(source)
        with open(source, "rb") as stream:
            # Refused before reading when the file says its size; read(n) would
            # allocate n bytes up front, so the limit is never passed to it.
            status = os.fstat(stream.fileno())
            if status.st_size > max_bytes:
                raise _too_large(max_bytes, origin)
            # A device or pipe tells no size (/dev/zero never ends): read it in pieces.
            data: str | bytes = (
                stream.read()
                if stat.S_ISREG(status.st_mode)
                else _read_bounded(stream, max_bytes, origin)
            )
    elif hasattr(source, "read"):
        name = getattr(source, "name", None)
        origin = name if isinstance(name, str) else None
        try:
            data = _read_bounded(source, max_bytes, origin)
        except UnicodeDecodeError as exc:
            raise ParseError(
                f"the file object could not decode its bytes ({exc.reason} at byte {exc.start} "
                "of a piece): open the file in binary mode and paperlist reports them",
                source=origin if origin is not None else "<string>",
            ) from exc
    else:
        raise TypeError(f"load() takes a path or a file object, not {type(source).__name__}")
    if len(data) > max_bytes:  # a file that grew while it was read
        raise _too_large(max_bytes, origin)
    return _load_data(
        data, format=format, today=today, strict=strict, origin=origin, max_bytes=max_bytes
    )


def _read_bounded(stream: IO[str] | IO[bytes], max_bytes: int, origin: str | None) -> str | bytes:
    """All of ``stream``, read in pieces, refused once it passes ``max_bytes``."""
    pieces: list[Any] = []
    size = 0
    while piece := stream.read(_PIECE):
        if not isinstance(piece, (str, bytes)):
            raise TypeError(f"read() returned {type(piece).__name__}, not str or bytes")
        size += len(piece)
        if size > max_bytes:
            raise _too_large(max_bytes, origin)
        pieces.append(piece)
    if not pieces:
        return b""
    return (b"" if isinstance(pieces[0], bytes) else "").join(pieces)


def _too_large(max_bytes: int, origin: str | None) -> ParseError:
    return ParseError(
        f"the input is larger than max_bytes={max_bytes}",
        source=origin if origin is not None else "<string>",
    )


def check_limits(max_bytes: object, timeout: object = DEFAULT_TIMEOUT) -> None:
    """Refuse a ``max_bytes`` that is no whole number >= 0 and a ``timeout`` that is no
    finite number > 0: mistakes in the call, raised before anything is read."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise TypeError(
            f"max_bytes must be a whole number of bytes, not {type(max_bytes).__name__}"
        )
    if max_bytes < 0:
        raise ValueError(f"max_bytes must be >= 0, not {max_bytes!r}")
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise TypeError(f"timeout must be a number of seconds, not {type(timeout).__name__}")
    if not 0 < timeout < math.inf:  # NaN fails too
        raise ValueError(f"timeout must be a finite number of seconds > 0, not {timeout!r}")


def _check_format(format: object) -> None:
    if format is not None and format not in FORMATS:
        raise UnknownFormatError(
            f"unknown format {format!r}: expected 'text', 'html', 'json' or None"
        )


def _load_data(
    data: str | bytes | bytearray | memoryview,
    *,
    format: str | None,
    today: object,
    strict: bool,
    origin: str | None,
    max_bytes: int,
) -> Listing:
    _check_format(format)
    today_known = today is not None
    today = _today_or_clock(today)
    if not isinstance(strict, bool):
        raise TypeError(f"strict must be a bool, not {type(strict).__name__}")
    if origin is not None:
        origin = printable(origin)  # a file name may hold controls or undecodable bytes
    context = LoadContext(
        source=origin if origin is not None else "<string>",
        today=today,
        strict=strict,
        origin=origin,
        today_known=today_known,
    )
    listing = _read(data, format, context, max_bytes)
    if context.yearless_by_clock:
        warnings.warn(
            f"{context.yearless_by_clock} dates shown without a year were read as on or before "
            f"today's date, {today.isoformat()}; pass today= with the day the page was captured",
            YearlessDateWarning,
            stacklevel=3,
        )
    return listing


def _today_or_clock(today: object) -> datetime.date:
    """``today=`` as a date; None is the clock's date."""
    return datetime.date.today() if today is None else date_argument(today, "today")


def _read(
    data: str | bytes | bytearray | memoryview,
    format: str | None,
    context: LoadContext,
    max_bytes: int,
) -> Listing:
    """Decode ``data``, detect its format unless given, and read it."""
    if isinstance(data, str):
        read = _read_str(data, format, context, max_bytes)
    else:
        read = _read_bytes(bytes(data), format, context, max_bytes)
    return read if isinstance(read, Listing) else _read_text(read, format, context, max_bytes)


def _read_bytes(
    raw: bytes, format: str | None, context: LoadContext, max_bytes: int
) -> Listing | str:
    """The Listing of bytes that hold HTML, an MHTML archive or a WARC file; else the
    text they hold, decoded."""
    raw = _page_bytes(raw, context, max_bytes)
    if is_warc(raw[:_HEAD]):  # wget --warc-file, crawlers' archives
        return load_warc(raw, context, _part_reader(max_bytes))
    # HTML from bytes goes to lxml as bytes: parsing a str costs a decode and
    # a slower parse, and lxml decodes UTF-8 (BOM included) and logs bad bytes.
    start = _LEADING_SPACE_BYTES.match(raw, 3 if raw.startswith(UTF8_BOM) else 0).end()  # type: ignore[union-attr]  # always matches
    if start < len(raw) and (format or _detect_bytes(raw, start)) == "html":
        if b"\r" in raw:
            raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        return _load_html(raw, context)
    if format in (None, "html") and _opens_mhtml(raw[start : start + ARCHIVE_HEAD]):
        return _load_html(page_in_mhtml(raw[start:], context), context)
    return decode(raw, context, legacy=True)


def _read_str(data: str, format: str | None, context: LoadContext, max_bytes: int) -> Listing | str:
    """The Listing of a str that holds an MHTML archive, a saved response or a WARC file;
    else the text, with what no decoder makes replaced."""
    data = replace_in_text(data, context)
    if data[:5] in ("HTTP/", "WARC/"):
        return _read_bytes(data.encode("utf-8"), format, context, max_bytes)  # as saved
    # After a BOM and white space, as for bytes: MIME headers open an archive.
    start = _LEADING_SPACE.match(data, 1 if data.startswith(_BOM) else 0).end()  # type: ignore[union-attr]  # always matches
    if (
        format in (None, "html")
        and data[start : start + 1].isalpha()  # one character's test spares the rest
        and _opens_mhtml(data[start : start + ARCHIVE_HEAD].encode("utf-8", "replace"))
    ):
        archive = data[start:].encode("utf-8", "replace")
        return _load_html(page_in_mhtml(archive, context), context)
    return data


def _part_reader(max_bytes: int) -> Reader:
    """How a page inside a WARC or HAR file is read: as any input, its format its own."""
    return lambda data, part: _read(data, None, part, max_bytes)


def _read_text(text: str, format: str | None, context: LoadContext, max_bytes: int) -> Listing:
    """Read decoded text in the format given, else the one it shows."""
    if text.startswith(_BOM):
        text = text[1:]
    start = _LEADING_SPACE.match(text).end()  # type: ignore[union-attr]  # \s* always matches
    if start == len(text):
        return Listing(format=format, source=context.origin, issues=context.issues)
    chosen = format if format is not None else _detect(text, start)
    if chosen == "text":  # where "â€¢" made cards; JSON keeps its values as written
        text = undo_double_encoding(text, context)
    elif chosen == "json" and is_har(text, start):  # a browser's record of a visit
        return load_har(text, context, _part_reader(max_bytes))
    # JSON reads "\r" as white space and recounts lines itself on an error, so
    # it is spared this pass over the whole text.
    if chosen != "json" and "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _LOADERS[chosen](text, context)


def _page_bytes(raw: bytes, context: LoadContext, max_bytes: int) -> bytes:
    """The bytes of the page itself: gzip decompressed, the body of a response saved
    with its headers, UTF-16 (from Windows tools) as the same text in UTF-8; other
    binary formats are refused, named."""
    if raw.startswith(GZIP_MAGIC):
        raw = gunzipped(raw, max_bytes, context)
    if opens_http_response(raw[:_HEAD]):  # curl -i, wget --save-headers
        raw = response_body(raw, context)
        if raw.startswith(GZIP_MAGIC):
            raw = gunzipped(raw, max_bytes, context)
    kind = binary_kind(raw)
    if kind is not None:
        what, advice = kind
        context.fail(f"{what}, not a page or JSON: {advice}", line=1, column=1)
    if is_utf16(raw):
        raw = decode(raw, context).encode("utf-8")
    return raw


def _opens_mhtml(head: bytes) -> bool:
    """An MHTML archive opens with a header's name: one byte's test spares the rest."""
    return head[:1].isalpha() and is_mhtml(head)


def _detect_bytes(raw: bytes, start: int) -> Format | None:
    """ "html" when bytes clearly hold HTML; None leaves the choice to the decoded text."""
    if raw[start : start + 1] != b"<":
        return None
    if raw.startswith(b"<!--", start) and not _markup_after_comments(
        raw[start : start + _COMMENTS_REACH]
    ):
        return None
    return "html"


def _detect(text: str, start: int) -> Format:
    first = text[start]
    if first in "[{":
        return "json" if opens_json(text, start) else "text"
    if first == "<":
        if text.startswith("<!--", start):
            head = text[start : start + _COMMENTS_REACH].encode("utf-8", "replace")
            return "html" if _markup_after_comments(head) else "text"
        return "html"
    return "text"


def _markup_after_comments(data: bytes) -> bool:
    """Whether ``data``, which opens with a comment, goes on with a tag once the comments
    at its start are passed: a page a browser saved opens with "<!-- saved from url=… -->"
    and then its tags; a Markdown dump may open with a converter's "<!-- image -->" and
    then its text. A comment that never closes within reach is taken for a page's."""
    position = 0
    while data.startswith(b"<!--", position):
        end = data.find(b"-->", position + 4, _COMMENTS_REACH)
        if end == -1:
            return True
        position = _LEADING_SPACE_BYTES.match(data, end + 3).end()  # type: ignore[union-attr]  # always matches
    return data[position : position + 1] in (b"<", b"")


def _load_html(page: str | bytes, context: LoadContext) -> Listing:
    # Imported on first use: lxml takes longer to import than the rest of paperlist.
    from ._formats.html import load_html

    return load_html(page, context)


_LOADERS = {"text": load_text, "json": load_json, "html": _load_html}
