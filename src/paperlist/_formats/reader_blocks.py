"""A reader service's dump of several pages: numbered blocks, one per page.

Reader services (jina-style) that fetch several URLs at once write each page
as a block under a numbered header::

    [3] Title: Paper page - FAN: Fourier Analysis Networks
    [3] URL Source: https://huggingface.co/papers/2410.02675
    [3] Description: …

The header's URL says which page a block is: a Daily Papers page on Hugging
Face is read, any other site's page (arXiv's abstract, a paper's full text)
holds no card and is skipped.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["Block", "reader_blocks", "skip_reader_header"]

_TITLE = re.compile(r"\[(?P<number>\d+)\] Title: ")
_URL_SOURCE = re.compile(r"\[(?P<number>\d+)\] URL Source: (?P<url>\S+)")
# After "[3]": " Description: …", " Published Time: …", " Date: …"
_HEADER_FIELD = re.compile(r" [A-Z][A-Za-z ]{0,30}:")
# The unnumbered header of a page fetched alone.
_PAGE_TITLE = "Title: "
_URL_SOURCE_LINE = "URL Source: "
_PAGE_FIELD = re.compile(
    r"(?:Title|URL Source|Description|Published Time|Date|Warning): |Markdown Content:"
)
# A Daily Papers page: the listing, a day, week, month or search, or one paper.
_DAILY_PAPERS_URL = re.compile(r"https?://(?:www\.)?(?:huggingface\.co|hf\.co)/papers(?:[/?#]|$)")


@attrs.frozen
class Block:
    """Lines ``start`` to ``end`` (excluded) of one page in the dump; ``body`` is the
    first line after its header (``[3] Title:``, ``[3] URL Source:``, … and a
    ``Markdown Content:`` line)."""

    start: int
    body: int
    end: int
    url: str

    @property
    def is_daily_papers(self) -> bool:
        return _DAILY_PAPERS_URL.match(self.url) is not None


def skip_reader_header(lines: list[str], first: int) -> int:
    """The first line after a reader service's one-page header, or ``first`` if none.

    A page fetched alone has its header unnumbered::

        Title: Daily Papers - Hugging Face
        URL Source: https://huggingface.co/papers
        Markdown Content:
    """
    top = _first_filled(lines, first)
    if top + 1 >= len(lines) or not lines[top].startswith(_PAGE_TITLE):
        return first  # the common case: one test
    index = top + 1
    while index < len(lines) and (not lines[index].strip() or _PAGE_FIELD.match(lines[index])):
        if lines[index].startswith(_URL_SOURCE_LINE):
            return _after_markdown_content(lines, index + 1)
        index += 1
    return first


def _after_markdown_content(lines: list[str], index: int) -> int:
    """Past the header's remaining fields and its "Markdown Content:" line."""
    while index < len(lines) and (not lines[index].strip() or _PAGE_FIELD.match(lines[index])):
        if lines[index].strip() == "Markdown Content:":
            return index + 1
        index += 1
    return index


def reader_blocks(lines: list[str], first: int) -> list[Block]:
    """The pages of a dump whose first line from ``first`` is a numbered header; [] else."""
    top = _first_filled(lines, first)
    if top >= len(lines) or not lines[top].startswith("["):
        return []  # the common case: one page, one test
    starts: list[tuple[int, str]] = []
    for index in range(top, len(lines)):
        url = _header_url(lines, index)
        if url is not None:
            starts.append((index, url))
        elif not starts:
            return []  # "[" opens something else: a Markdown link
    ends = [start for start, _ in starts[1:]] + [len(lines)]
    return [
        Block(start, _body(lines, start, end), end, url)
        for (start, url), end in zip(starts, ends, strict=True)
    ]


def _first_filled(lines: list[str], first: int) -> int:
    """The first line from ``first`` that is not blank, or ``len(lines)``."""
    while first < len(lines) and not lines[first].strip():
        first += 1
    return first


def _body(lines: list[str], start: int, end: int) -> int:
    """The first line of a block after its header lines."""
    number = lines[start][: lines[start].index("]") + 1]  # "[3]"
    index = start
    while index < end and _is_header_field(lines[index], number):
        index += 1
    while index < end and not lines[index].strip():
        index += 1
    if index < end and lines[index].strip() == "Markdown Content:":
        index += 1
    return index


def _is_header_field(line: str, number: str) -> bool:
    """Whether ``line`` is one of block ``number``'s header lines: "[3] Description: …"."""
    return line.startswith(number) and _HEADER_FIELD.match(line, len(number)) is not None


def _header_url(lines: list[str], index: int) -> str | None:
    """The URL of the block whose ``[N] Title:`` header starts at ``index``, or None."""
    title = _TITLE.match(lines[index])
    if title is None or index + 1 >= len(lines):
        return None
    source = _URL_SOURCE.match(lines[index + 1])
    if source is None or source["number"] != title["number"]:
        return None
    return source["url"]
