"""load() and loads(): read the source, decode it, detect the format, call a loader."""

from __future__ import annotations

import datetime
import os
import re
from typing import IO, Literal, Union

from ._context import LoadContext
from ._model import Listing
from .errors import ParseError, UnknownFormatError

__all__ = ["FORMATS", "Format", "load", "loads"]

Format = Literal["text", "html", "json"]
FORMATS: tuple[Format, ...] = ("text", "html", "json")

Source = Union[str, "os.PathLike[str]", "os.PathLike[bytes]", IO[str], IO[bytes]]

_BOM = "\ufeff"
_UTF8_BOM = b"\xef\xbb\xbf"
_LEADING_SPACE = re.compile(r"\s*")
# Real Markdown dumps may open with a link such as "[-](https://...)".
_MARKDOWN_LINK_START = re.compile(r"\[[^\]\n]*\]\(\s*https?://")


def loads(
    data: str | bytes,
    /,
    *,
    format: str | None = None,
    today: datetime.date | None = None,
    strict: bool = False,
) -> Listing:
    """Read a Daily Papers page held in memory.

    Args:
        data: the page as ``str`` or UTF-8 ``bytes`` (BOM and any line ends accepted).
        format: ``"text"``, ``"html"`` or ``"json"``; None detects it from the content.
        today: the day the page was captured, for year-less dates; default today.
        strict: raise ParseError at the first problem instead of recording an Issue.

    Returns:
        The Listing; its ``source`` is None.

    Raises:
        ParseError: the content cannot be read (or, in strict mode, has a problem).
        UnknownFormatError: ``format`` names no known format.
        TypeError: an argument has the wrong type.
    """
    if not isinstance(data, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"loads() takes str or bytes, not {type(data).__name__}")
    return _load_data(data, format=format, today=today, strict=strict, origin=None)


def load(
    source: Source,
    /,
    *,
    format: str | None = None,
    today: datetime.date | None = None,
    strict: bool = False,
) -> Listing:
    """Read a Daily Papers page from a path or an open file (text or binary mode).

    Args:
        source: a path (``str`` or ``os.PathLike``) or an object with ``read()``.
        format: ``"text"``, ``"html"`` or ``"json"``; None detects it from the content.
        today: the day the page was captured, for year-less dates; default today.
        strict: raise ParseError at the first problem instead of recording an Issue.

    Returns:
        The Listing; its ``source`` is the path as given (a file object's ``name``).

    Raises:
        ParseError: the content cannot be read (or, in strict mode, has a problem).
        UnknownFormatError: ``format`` names no known format.
        OSError: the file cannot be opened or read.
        TypeError: an argument has the wrong type.
    """
    _check_format(format)
    origin: str | None
    if isinstance(source, (str, os.PathLike)):
        origin = os.fsdecode(source)
        with open(source, "rb") as stream:
            data: str | bytes = stream.read()
    elif hasattr(source, "read"):
        data = source.read()
        if not isinstance(data, (str, bytes)):
            raise TypeError(f"read() returned {type(data).__name__}, not str or bytes")
        name = getattr(source, "name", None)
        origin = name if isinstance(name, str) else None
    else:
        raise TypeError(f"load() takes a path or a file object, not {type(source).__name__}")
    return _load_data(data, format=format, today=today, strict=strict, origin=origin)


def _check_format(format: object) -> None:
    if format is not None and format not in FORMATS:
        raise UnknownFormatError(
            f"unknown format {format!r}: expected 'text', 'html', 'json' or None"
        )


def _load_data(
    data: str | bytes | bytearray | memoryview,
    *,
    format: str | None,
    today: datetime.date | None,
    strict: bool,
    origin: str | None,
) -> Listing:
    _check_format(format)
    if today is None:
        today = datetime.date.today()
    elif isinstance(today, datetime.datetime):
        today = today.date()
    elif not isinstance(today, datetime.date):
        raise TypeError(f"today must be a datetime.date, not {type(today).__name__}")
    if not isinstance(strict, bool):
        raise TypeError(f"strict must be a bool, not {type(strict).__name__}")
    context = LoadContext(
        source=origin if origin is not None else "<string>",
        today=today,
        strict=strict,
        origin=origin,
    )
    text = data if isinstance(data, str) else _decode(bytes(data), context)
    if text.startswith(_BOM):
        text = text[1:]
    start = _LEADING_SPACE.match(text).end()  # type: ignore[union-attr]  # \s* always matches
    if start == len(text):
        return Listing(format=format, source=origin, issues=context.issues)
    chosen = format if format is not None else _detect(text, start)
    # JSON reads "\r" as white space and recounts lines itself on an error, so
    # it is spared this pass over the whole text.
    if chosen != "json" and "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _LOADERS[chosen](text, context)


def _decode(data: bytes, context: LoadContext) -> str:
    """UTF-8 with an optional BOM; bad bytes are an Issue (lenient) or a ParseError."""
    skipped = 3 if data.startswith(_UTF8_BOM) else 0
    try:
        return data[skipped:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skipped + exc.start
        before = data[:offset]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        message = f"invalid UTF-8 at byte {offset}: {data[offset : offset + 4]!r}"
        if context.strict:
            raise ParseError(message, source=context.source, line=line, column=column) from exc
        context.report(message, line=line, column=column)
        return data[skipped:].decode("utf-8", "replace")


def _detect(text: str, start: int) -> Format:
    first = text[start]
    if first == "{":
        return "json"
    if first == "[":
        return "text" if _MARKDOWN_LINK_START.match(text, start) else "json"
    if first == "<":
        return "html"
    return "text"


def _load_text(text: str, context: LoadContext) -> Listing:
    from ._text import load_text

    return load_text(text, context)


def _load_json(text: str, context: LoadContext) -> Listing:
    from ._json import load_json

    return load_json(text, context)


def _load_html(text: str, context: LoadContext) -> Listing:
    from ._html import load_html

    return load_html(text, context)


_LOADERS = {"text": _load_text, "json": _load_json, "html": _load_html}
