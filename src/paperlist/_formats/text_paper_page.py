"""A single paper page (``/papers/<arxiv id>``) dumped as text: one paper, read by landmarks.

Whatever a tool does to links and lines, it keeps the page's landmarks in
order::

    paper_page = ARXIV_LINE title PUBLISHED { furniture } UPVOTE count
                 { furniture } AUTHORS_LABEL names ABSTRACT_HEADING ... ;
    title      = line { line } ;         (* up to "Published on", underlines dropped *)
    names      = name { "," name } ;     (* avatars, link targets and buttons dropped *)

What lies between the landmarks (submitter, organisation chip, avatars, the
AI summary, the discussion) is furniture. The abstract, which tools break
around every keyword link, is not read yet.
"""

from __future__ import annotations

import re

from .._context import LoadContext
from .._listing import Listing
from .._model import Paper
from .._numbers import parse_count
from .._strings import normalise_space

__all__ = ["find_paper_page", "read_paper_page"]

# A paper page names its arXiv id near the top: "arxiv:2509.24002".
_ARXIV_LINE = re.compile(r"\s*arxiv:(?P<id>\d{4}\.\d{4,5})(?!\d)")
_SEARCH_LINES = 400  # how far into a dump the id line may stand
_TITLE_LINES = 6
_LANDMARK_DISTANCE = 200  # lines from one landmark to the next, at most
# What tools leave of markup: images, link targets (their text stays), lynx's
# "[15]" numbers, w3m's image names, buttons, heading and list marks, escapes.
_MARKUP = re.compile(
    r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|\[\d+\]|\[[\w-]*\]|\(BUTTON\)|\\(?=\S)|[\[\]#*]"
)
_UNDERLINE = re.compile(r"[=-]{3,}")
_COUNT = re.compile(r"\d[\d,]*")


def find_paper_page(lines: list[str]) -> int | None:
    """The index of the ``arxiv:<id>`` line that marks a paper page, or None."""
    for index in range(min(len(lines), _SEARCH_LINES)):
        line = lines[index]
        if "arxiv:" in line and _ARXIV_LINE.match(line):
            return index
    return None


def _plain(line: str) -> str:
    return normalise_space(_MARKUP.sub(" ", line))


def _landmark(lines: list[str], start: int, word: str, *, anywhere: bool = False) -> int | None:
    """The first line from ``start`` whose plain text starts with ``word`` (or holds it)."""
    for index in range(start, min(len(lines), start + _LANDMARK_DISTANCE)):
        plain = _plain(lines[index])
        if plain.startswith(word) or (anywhere and word in plain):
            return index
    return None


def read_paper_page(lines: list[str], start: int, context: LoadContext) -> Listing:
    """The one paper of a paper page whose ``arxiv:<id>`` line is ``lines[start]``."""
    match = _ARXIV_LINE.match(lines[start])
    assert match is not None
    published_at = _landmark(lines, start + 1, "Published on")
    end = published_at if published_at is not None else start + 1 + _TITLE_LINES
    title = _title(lines[start + 1 : end])
    published = None
    if published_at is not None:
        date_text = _plain(lines[published_at]).removeprefix("Published on").strip()
        parsed = context.card_date(date_text, {})
        published = parsed.date
        if parsed.error is not None:
            context.report(parsed.error, line=published_at + 1, field="published", index=0)
    if not title:
        context.report("expected the paper's title after its arxiv: line", line=start + 1)
    authors = _authors(lines, start)
    paper = Paper(
        title=title,
        arxiv_id=match["id"],
        authors=authors,
        author_count=len(authors) or None,
        published=published,
        upvotes=_upvotes(lines, start),
    )
    return context.listing((paper,), format="text")


def _title(lines: list[str]) -> str:
    parts = []
    for line in lines:
        text = _plain(line)
        if text and text != "Copy markdown" and not _UNDERLINE.fullmatch(text):
            parts.append(text)
    return " ".join(parts)


def _upvotes(lines: list[str], start: int) -> int | None:
    """The count after "Upvote", on its line or the next ones."""
    upvote = _landmark(lines, start, "Upvote", anywhere=True)  # "- [x] Upvote 29" too
    if upvote is None:
        return None
    after = " ".join(_plain(line) for line in lines[upvote : upvote + 4])
    count = _COUNT.search(after.partition("Upvote")[2])
    return parse_count(count[0]) if count is not None else None


def _authors(lines: list[str], start: int) -> tuple[str, ...]:
    """The names between "Authors:" and the Abstract heading, in order."""
    label = _landmark(lines, start, "Authors:")
    if label is None:
        return ()
    end = _landmark(lines, label + 1, "Abstract")
    section = lines[label : end if end is not None else label + 1]
    text = " ".join(_plain(line) for line in section).removeprefix("Authors:")
    return tuple(name for name in (normalise_space(part) for part in text.split(",")) if name)
