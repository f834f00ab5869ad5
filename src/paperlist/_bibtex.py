"""Papers as BibTeX entries that reference managers and BibTeX styles accept."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ._model import ARXIV_ABS_PREFIX, Paper

__all__ = ["bibtex_entries", "to_bibtex"]

_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
_REPLACEMENTS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
# Inline TeX math, kept as written: "$\pi_0$".
_MATH = re.compile(r"\$[^$]+\$")
_WORD = re.compile(r"\S+")
# What may stand around a word without being part of it: "(LLMs),".
_PUNCTUATION = "\"'()[],.;:!?"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# A new-style arXiv id starts with the year and month of its first version.
_NEW_STYLE_ID = re.compile(r"(\d\d)(0[1-9]|1[0-2])\.\d{4,5}")
DOI_PREFIX = "10.48550/arXiv."
"""arXiv's DataCite DOI of a paper is this prefix and its id."""


def _escape(text: str) -> str:
    return _SPECIAL.sub(lambda match: _REPLACEMENTS[match.group()], text)


def _protect_capitals(word: str) -> str:
    """``LLM2Vec-Gen:`` becomes ``{LLM2Vec-Gen}:``, so no style lowers its capitals."""
    core = word.strip(_PUNCTUATION)
    letters = [character for character in core if character.isalpha()]
    if not any(letter.isupper() for letter in letters[1:]):
        return word
    start = word.index(core)
    return f"{word[:start]}{{{core}}}{word[start + len(core) :]}"


def _title(title: str) -> str:
    """The title escaped, inner capitals protected, inline math kept as math."""
    parts = []
    end = 0
    for math in _MATH.finditer(title):
        parts.append(_plain_title(title[end : math.start()]))
        parts.append(math.group())
        end = math.end()
    parts.append(_plain_title(title[end:]))
    return "".join(parts)


def _plain_title(text: str) -> str:
    return _WORD.sub(lambda match: _protect_capitals(match.group()), _escape(text))


def _name(name: str) -> str:
    """One author; a name holding " and " is braced so it stays one name."""
    escaped = _escape(name)
    return f"{{{escaped}}}" if " and " in f" {name.casefold()} " else escaped


def _key(arxiv_id: str) -> str:
    return "arXiv_" + re.sub(r"[^A-Za-z0-9.-]", "_", arxiv_id)


def _year_and_month(paper: Paper, arxiv_id: str) -> tuple[int | None, int | None]:
    """From the paper's arXiv date, else from a new-style id's first four digits."""
    if paper.published is not None:
        return paper.published.year, paper.published.month
    match = _NEW_STYLE_ID.match(arxiv_id)
    if match is None:
        return None, None
    return 2000 + int(match[1]), int(match[2])


def _entry(paper: Paper, arxiv_id: str, key: str) -> str:
    lines = [f"@misc{{{key},", f"  title = {{{_title(paper.title)}}},"]
    if paper.authors:
        lines.append(f"  author = {{{' and '.join(map(_name, paper.authors))}}},")
    year, month = _year_and_month(paper, arxiv_id)
    if year is not None and month is not None:
        lines.append(f"  year = {{{year}}},")
        lines.append(f"  month = {_MONTHS[month - 1]},")
    lines.append(f"  eprint = {{{_escape(arxiv_id)}}},")
    lines.append("  archivePrefix = {arXiv},")
    lines.append(f"  doi = {{{DOI_PREFIX}{arxiv_id}}},")
    lines.append(f"  url = {{{ARXIV_ABS_PREFIX}{arxiv_id}}},")
    lines.append("}")
    return "\n".join(lines)


def bibtex_entries(papers: Iterable[Paper]) -> Iterator[str]:
    """One ``@misc`` entry per paper with an arXiv id, in order, keys unique among them.

    A paper listed twice (an unmerged listing) gets keys ``arXiv_<id>``,
    ``arXiv_<id>_2`` and so on. Papers without an arXiv id have no entry:
    without one, an entry could name neither the paper's eprint nor its DOI.
    """
    seen: dict[str, int] = {}
    for paper in papers:
        if paper.arxiv_id is None:
            continue
        key = _key(paper.arxiv_id)
        seen[key] = count = seen.get(key, 0) + 1
        yield _entry(paper, paper.arxiv_id, key if count == 1 else f"{key}_{count}")


def to_bibtex(papers: Iterable[Paper]) -> str:
    """The entries of ``bibtex_entries``, a blank line between two."""
    entries = list(bibtex_entries(papers))
    return "\n\n".join(entries) + ("\n" if entries else "")
