"""Papers as records and as a notebook table."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from ._model import PAPER_FIELDS, Paper

__all__ = ["RECORD_FIELDS", "to_html_table", "to_records"]

_HTML_ROWS = 50
RECORD_FIELDS: tuple[str, ...] = (*PAPER_FIELDS, "url")
"""The keys of every record, in order: Paper's fields, then the derived ``url``."""


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
