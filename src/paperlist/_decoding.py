"""Decoding bytes: UTF-8 with an optional BOM (or UTF-16 with its BOM, or Windows-1252
where every byte fits it and none is UTF-8's), bad bytes reported with their offset."""

from __future__ import annotations

import codecs
import re

from ._context import LoadContext

__all__ = ["UTF8_BOM", "decode", "is_utf16", "undo_double_encoding"]

UTF8_BOM = b"\xef\xbb\xbf"
# A lead byte and its continuation: text in UTF-8 (a legacy encoding rarely pairs them).
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
_READ_AS_1252 = (
    "read as Windows-1252 (as an older Windows tool saves text, Notepad's ANSI), which"
    " every byte fits"
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def is_utf16(data: bytes) -> bool:
    """Whether ``data`` opens with a UTF-16 BOM, as Windows tools write text
    (PowerShell 5's ``Out-File``, Notepad's "Unicode")."""
    return data.startswith(_UTF16_BOMS)


def decode(data: bytes, context: LoadContext, *, legacy: bool = False) -> str:
    """UTF-8 with an optional BOM, or UTF-16 with its BOM; bad bytes are an Issue
    (lenient) or a ParseError. With ``legacy``, bytes that are not UTF-8 but fit
    Windows-1252 are read as that, with an Issue at the first byte UTF-8 refuses."""
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
        where = f"at byte {offset}: {data[offset : offset + 4]!r}"
        text = _windows_1252(data) if legacy and not skipped else None
        if text is not None:
            context.report(f"not UTF-8 {where}: {_READ_AS_1252}", line=line, column=column)
            return text
        message = f"invalid UTF-8 {where}"
        if context.strict:
            raise context.error(message, line=line, column=column) from exc
        context.report(message, line=line, column=column)
        return data[skipped:].decode("utf-8", "replace")


def _windows_1252(data: bytes) -> str | None:
    """``data`` as Windows-1252 text (Notepad's "ANSI", older Windows tools' default), if
    it is: every byte defined there, and no non-ASCII byte in a UTF-8 sequence, which
    a UTF-8 file with a few damaged bytes would show."""
    if _UTF8_SEQUENCE.search(data) is not None:
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None  # a byte Windows-1252 leaves undefined: no such text


# Windows-1252 as Windows applies it: the five bytes it leaves undefined stand for the
# code points of the same number, as Windows' conversions map them.
_WINDOWS_1252 = codecs.charmap_build(
    "".join(bytes([byte]).decode("cp1252", "ignore") or chr(byte) for byte in range(256))
)
# What UTF-8's "•", "·", "é" and quotes become when read as Windows-1252 and saved again
# ("â€¢", "Â·", "Ã©"), and the one character of each that a search finds fastest.
_DOUBLE_ENCODED_MARKS = ("â€", "Â", "Ã")
_DOUBLE_ENCODED_SIGNS = ("€", "Â", "Ã")
_SIGNS_REACH = 1 << 16  # a dump's first cards, where its bullets and dots first show


def undo_double_encoding(text: str, context: LoadContext) -> str:
    """``text`` once more decoded, if it is UTF-8 that a tool read as Windows-1252 and
    saved again ("â€¢ 4 authors" for "• 4 authors": Windows PowerShell 5's Get-Content
    reads UTF-8 so), with an Issue where it first shows; else ``text`` as it is.

    Only text whose every character has a Windows-1252 byte, and whose bytes then make
    UTF-8, is taken for it; text with none of the signs in its first cards is spared
    the trial (a dump's bullets and dots show there).
    """
    if all(text.find(sign, 0, _SIGNS_REACH) == -1 for sign in _DOUBLE_ENCODED_SIGNS):
        return text
    try:
        undone = codecs.charmap_encode(text, "strict", _WINDOWS_1252)[0].decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
    first = min((at for mark in _DOUBLE_ENCODED_MARKS if (at := text.find(mark)) != -1), default=0)
    # The message quotes none of it: its words must read the same once written out.
    context.report(
        "UTF-8 read as Windows-1252 and saved again (a bullet as three characters):"
        " decoded once more",
        line=text.count("\n", 0, first) + 1,
        column=first - text.rfind("\n", 0, first),
    )
    return undone


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
