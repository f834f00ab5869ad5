"""MHTML archives: the HTML page a browser saved as "Webpage, Single File".

Chromium-based browsers save a page and its resources as one MIME message
(multipart/related), the page quoted-printable encoded. Such a file is read as
the page it holds; positions in its problems are the page's lines. Only the
archive's own parts are looked at, in one split over the file: no part nests
in another in a browser's archive, and a parser that followed nesting would
take time with every level.
"""

from __future__ import annotations

import binascii
import re
from email.message import Message
from email.parser import HeaderParser

from ._context import LoadContext

__all__ = ["ARCHIVE_HEAD", "is_mhtml", "page_in_mhtml"]

ARCHIVE_HEAD = 8192
"""An archive's own headers come first, well within so many bytes."""
_MULTIPART = b"content-type: multipart/related"
_HEADER_NAME = re.compile(rb"[a-z][a-z0-9-]*:")
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")


def is_mhtml(head: bytes) -> bool:
    """Whether ``head``, a file's first bytes past white space, opens an MHTML archive: a
    block of MIME headers, up to a blank line, declaring a multipart/related message."""
    blank = _BLANK_LINE.search(head)
    if blank is None:
        return False
    headers = b" ".join(head[: blank.start()].lower().split())  # folded headers unfolded
    return _HEADER_NAME.match(headers) is not None and _MULTIPART in headers


def page_in_mhtml(archive: bytes, context: LoadContext) -> bytes | str:
    """The HTML page an MHTML archive holds: the part the archive names as its snapshot,
    else its first HTML part; as ``str`` when the part declares a charset other than
    UTF-8 (lxml reads bytes as the page's own ``<meta>`` says)."""
    headers, body = _headers_and_body(archive)
    boundary = headers.get_boundary()
    pages = []
    if boundary:
        for part in body.split(b"--" + boundary.encode("latin-1", "replace"))[1:]:
            part_headers, content = _headers_and_body(part)
            if part_headers.get_content_type() == "text/html":
                pages.append((part_headers, content))
    if not pages:
        context.fail("an MHTML archive (a saved web page) that holds no HTML page", line=1)
    snapshot = headers.get("Snapshot-Content-Location")
    page_headers, content = next(
        (page for page in pages if page[0].get("Content-Location") == snapshot), pages[0]
    )
    page = _decoded(content, page_headers.get("Content-Transfer-Encoding", ""), context)
    charset = page_headers.get_content_charset()
    if charset in (None, "utf-8", "us-ascii"):
        return page
    try:
        return page.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know: the page's <meta> decides
        return page


def _headers_and_body(data: bytes) -> tuple[Message, bytes]:
    data = data.lstrip(b"\r\n")
    blank = _BLANK_LINE.search(data)
    end = blank.start() if blank is not None else len(data)
    body = data[blank.end() :] if blank is not None else b""
    # As Latin-1, every byte a character: values are plain str, whatever bytes they hold.
    return HeaderParser().parsestr(data[:end].decode("latin-1")), body


def _decoded(content: bytes, encoding: str, context: LoadContext) -> bytes:
    encoding = encoding.strip().lower()
    if encoding == "quoted-printable":
        return binascii.a2b_qp(content)
    if encoding == "base64":
        try:
            return binascii.a2b_base64(content)
        except binascii.Error as error:
            context.fail(f"the page in the MHTML archive is damaged base64: {error}", line=1)
    return content
