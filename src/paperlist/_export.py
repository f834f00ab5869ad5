"""Listings as records, BibTeX and a notebook table."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from ._model import PAPER_FIELDS, Paper

__all__ = ["to_bibtex", "to_html_table", "to_records"]

_BIBTEX_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
_BIBTEX_REPLACEMENTS = {
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
_HTML_ROWS = 50


def to_records(papers: Sequence[Paper]) -> list[dict[str, Any]]:
    """One flat dict per paper: every field in order, tuples as lists, then ``url``."""
    records = []
    for paper in papers:
        record: dict[str, Any] = {}
        for name in PAPER_FIELDS:
            value = getattr(paper, name)
            record[name] = list(value) if isinstance(value, tuple) else value
        record["url"] = paper.url
        records.append(record)
    return records


def _bibtex_escape(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda match: _BIBTEX_REPLACEMENTS[match.group()], text)


def _bibtex_key(arxiv_id: str) -> str:
    return "arXiv_" + re.sub(r"[^A-Za-z0-9.-]", "_", arxiv_id)


def to_bibtex(papers: Sequence[Paper]) -> str:
    """One ``@misc`` entry per paper with an arXiv id, for reference managers."""
    entries = []
    for paper in papers:
        if paper.arxiv_id is None:
            continue
        lines = [
            f"@misc{{{_bibtex_key(paper.arxiv_id)},",
            f"  title = {{{_bibtex_escape(paper.title)}}},",
        ]
        if paper.authors:
            authors = " and ".join(_bibtex_escape(name) for name in paper.authors)
            lines.append(f"  author = {{{authors}}},")
        if paper.published is not None:
            lines.append(f"  year = {{{paper.published.year}}},")
        lines.append(f"  eprint = {{{_bibtex_escape(paper.arxiv_id)}}},")
        lines.append("  archivePrefix = {arXiv},")
        lines.append(f"  url = {{{paper.url}}},")
        lines.append("}")
        entries.append("\n".join(lines))
    return "\n\n".join(entries) + ("\n" if entries else "")


def _cell(value: object) -> str:
    return "" if value is None else html.escape(str(value))


def to_html_table(papers: Sequence[Paper], *, caption: str) -> str:
    """A compact HTML table for notebooks: title linked, date, authors, votes, comments, repo."""
    rows = []
    for paper in papers[:_HTML_ROWS]:
        title = html.escape(paper.title)
        if paper.url is not None:
            title = f'<a href="{html.escape(paper.url)}" target="_blank">{title}</a>'
        repo = paper.repo_url
        repo_cell = (
            f'<a href="{html.escape(repo)}" target="_blank">{html.escape(repo)}</a>' if repo else ""
        )
        rows.append(
            "<tr>"
            f"<td>{title}</td>"
            f"<td>{_cell(paper.published)}</td>"
            f"<td>{_cell(paper.author_count)}</td>"
            f"<td>{_cell(paper.upvotes)}</td>"
            f"<td>{_cell(paper.comments)}</td>"
            f"<td>{repo_cell}</td>"
            "</tr>"
        )
    more = len(papers) - _HTML_ROWS
    if more > 0:
        rows.append(f'<tr><td colspan="6">… {more} more papers</td></tr>')
    return (
        f"<table><caption>{html.escape(caption)}</caption>"
        "<thead><tr><th>title</th><th>published</th><th>authors</th>"
        "<th>upvotes</th><th>comments</th><th>repository</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
