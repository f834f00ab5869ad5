"""Decoding bytes: UTF-8 with an optional BOM, bad bytes reported with their offset."""

from __future__ import annotations

from ._context import LoadContext

__all__ = ["UTF8_BOM", "decode"]

UTF8_BOM = b"\xef\xbb\xbf"


def decode(data: bytes, context: LoadContext) -> str:
    """UTF-8 with an optional BOM; bad bytes are an Issue (lenient) or a ParseError."""
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
