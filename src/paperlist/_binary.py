"""Input that is not text: gzip-compressed data is decompressed, other binary formats named.

Archives of daily files are often kept gzipped (``2024-08-01.json.gz``), and a
folder of saved pages may hold a PDF or a ZIP beside them. Read as text, their
bytes made papers out of noise; now gzip is read through, within the size
limit, and the others fail naming what they are.
"""

from __future__ import annotations

import zlib
from typing import NoReturn

from ._context import LoadContext

__all__ = ["GZIP_MAGIC", "binary_kind", "gunzipped"]

GZIP_MAGIC = b"\x1f\x8b"
_GZIP_WINDOW = 16 + zlib.MAX_WBITS  # a gzip header and trailer around deflate data
_PIECE = 1 << 16  # compressed bytes fed at a time at most: what damage can cost
_FIRST_PIECE = 1 << 8
_MAX_GROWTH = 100  # how many times its size gzip data may grow
_SMALL = 1 << 20  # what any gzip data may grow to
# (how the data opens, what it is, what to do instead), by the opening's first byte.
_KINDS: dict[int, tuple[tuple[bytes, str, str], ...]] = {}
for _opening, _kind, _advice in (
    (b"PK\x03\x04", "a ZIP archive", "extract its files and load them"),
    (b"PK\x05\x06", "an empty ZIP archive", "it holds no file"),
    (b"%PDF-", "a PDF document", "convert it to text first, e.g. with pdftotext"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "paperlist reads pages, not pictures of them"),
    (b"\xff\xd8\xff", "a JPEG image", "paperlist reads pages, not pictures of them"),
    (b"GIF8", "a GIF image", "paperlist reads pages, not pictures of them"),
    (b"BZh", "bzip2-compressed data", "decompress it first, e.g. with bunzip2"),
    (b"\xfd7zXZ\x00", "xz-compressed data", "decompress it first, e.g. with unxz"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data", "decompress it first, e.g. with unzstd"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive", "extract its files and load them"),
    (b"SQLite format 3\x00", "an SQLite database", "export its rows as JSON first"),
    (b"PAR1", "a Parquet file", "read it with pandas or pyarrow"),
    (b"ARROW1", "an Arrow file", "read it with pyarrow"),
    # Read after gzip is decompressed: a second layer is no page.
    (GZIP_MAGIC, "gzip data inside gzip data", "decompress it until it is a page or JSON"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an OLE file (Thumbs.db, an old Office document)",
        "paperlist reads pages and JSON",
    ),
):
    _KINDS[_opening[0]] = (*_KINDS.get(_opening[0], ()), (_opening, _kind, _advice))


# A tar archive's first header names its first file, then says "ustar" at this offset.
_TAR_MARK, _TAR_MARK_AT = b"ustar", 257


def binary_kind(data: bytes) -> tuple[str, str] | None:
    """(what it is, what to do instead) for data that opens as a known binary format."""
    for opening, kind, advice in _KINDS.get(data[0], ()) if data else ():
        if data.startswith(opening):
            return kind, advice
    if data.startswith(_TAR_MARK, _TAR_MARK_AT):
        return "a tar archive", "extract its files and load them"
    return None


def gunzipped(data: bytes, max_bytes: int, context: LoadContext) -> bytes:
    """``data``, gzip-compressed, decompressed: every member of it (``cat a.gz b.gz``
    makes one file of two), never more than ``max_bytes``.

    Damaged or cut-short data gives what came before the damage and an Issue
    (a ParseError in strict mode), as a file cut short does: it is fed a piece
    at a time, so that what was decompressed before the damaged piece is kept.
    """
    # Real pages and API responses shrink five- to tenfold; a file that grows a
    # thousandfold (a "gzip bomb") is refused long before it fills memory.
    limit = min(max_bytes, len(data) * _MAX_GROWTH + _SMALL)
    pieces: list[bytes] = []
    size = 0
    position = 0
    decompressor = zlib.decompressobj(_GZIP_WINDOW)
    view = memoryview(data)
    # Each member is fed small pieces first, growing: the input left over when one
    # ends is copied, and a flood of tiny members must not copy a whole piece each.
    piece_size = _FIRST_PIECE
    end = len(data)
    while position < end:
        chunk = view[position : position + piece_size]
        position += len(chunk)
        if piece_size < _PIECE:
            piece_size <<= 1
        try:
            # Never more than one byte past the limit, however small the input.
            piece = decompressor.decompress(chunk, limit + 1 - size)
        except zlib.error as exc:
            context.report(f"the gzip data is damaged ({exc}): read what came before it")
            return b"".join(pieces)
        if piece:
            size += len(piece)
            if size > limit:
                _refuse_growth(context, limit, max_bytes)
            pieces.append(piece)
        if decompressor.eof:  # a member ends: another may follow (or zeros, as padding)
            position -= len(decompressor.unused_data)  # where it starts, nothing copied
            if data.startswith(GZIP_MAGIC, position):
                decompressor = zlib.decompressobj(_GZIP_WINDOW)
                piece_size = _FIRST_PIECE
                continue
            if data[position:].strip(b"\0"):
                context.report(f"{end - position} bytes after the gzip data were not read")
            return b"".join(pieces)
    context.report("the gzip data is cut short: read up to where it ends")
    return b"".join(pieces)


def _refuse_growth(context: LoadContext, limit: int, max_bytes: int) -> NoReturn:
    if limit == max_bytes:
        context.fail(f"the input is larger than max_bytes={max_bytes} once decompressed")
    context.fail(
        f"the gzip data grows more than {_MAX_GROWTH}-fold (past {limit} bytes), as no page "
        "does: refused as a decompression bomb (decompress it yourself to read it)"
    )
