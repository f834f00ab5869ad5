"""Decoding bytes: UTF-8 with an optional BOM (or UTF-16 with its BOM), bad bytes
reported with their offset."""

from __future__ import annotations

import codecs

from ._context import LoadContext

__all__ = ["UTF8_BOM", "decode", "is_utf16"]

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def is_utf16(data: bytes) -> bool:
    """Whether ``data`` opens with a UTF-16 BOM, as Windows tools write text
    (PowerShell 5's ``Out-File``, Notepad's "Unicode")."""
    return data.startswith(_UTF16_BOMS)


def decode(data: bytes, context: LoadContext) -> str:
    """UTF-8 with an optional BOM, or UTF-16 with its BOM; bad bytes are an Issue
    (lenient) or a ParseError."""
    if is_utf16(data):
        return _decode_utf16(data, context)
    skipped = 3 if data.startswith(UTF8_BOM) else 0
    try:
        return data[skipped:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skipped + exc.start
        before = data[:offset]
        # Lines end with LF, CRLF or a lone CR (old Mac files).
        line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
        line_start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
        column = len(before[line_start:].decode("utf-8", "replace")) + 1
        message = f"invalid UTF-8 at byte {offset}: {data[offset : offset + 4]!r}"
        if context.strict:
            raise context.error(message, line=line, column=column) from exc
        context.report(message, line=line, column=column)
        return data[skipped:].decode("utf-8", "replace")


def _decode_utf16(data: bytes, context: LoadContext) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode("utf-16", "replace")
        line = before.count("\n") + 1
        column = len(before) - before.rfind("\n")
        message = f"invalid UTF-16 at byte {exc.start}: {data[exc.start : exc.start + 2]!r}"
        if context.strict:
            raise context.error(message, line=line, column=column) from exc
        context.report(message, line=line, column=column)
        return data.decode("utf-16", "replace")
