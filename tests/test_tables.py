"""Tables of papers other tools wrote: the hf command's list and paperlist's own CSV.

Before, ``hf papers ls > day.txt`` (tab-separated whenever its output is no terminal)
failed as a text dump with no paper card, and paperlist's CSV could not be read back.
"""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

import paperlist
from conftest import DATA

HF_LIST = DATA / "text" / "daily_papers_2024-08-02.hf-papers-ls.tsv"
HF_TERMINAL = DATA / "text" / "daily_papers_2024-08-02.hf-papers-ls-terminal.txt"
# The API response the hf command was served (see SOURCES.md).
API = DATA / "json" / "daily_papers_2024-08-02.json"


def test_the_hf_commands_list_gives_each_row_as_a_paper() -> None:
    """Every row, with the values of its columns; the first read off the file."""
    listing = paperlist.load(HF_LIST, strict=True)
    assert (listing.format, len(listing)) == ("text", 16)
    first = listing[0]
    assert (first.arxiv_id, first.title, first.upvotes, first.comments, first.published) == (
        "2408.00714",
        "SAM 2: Segment Anything in Images and Videos",
        35,
        1,
        datetime.date(2024, 8, 1),
    )
    # The submitter's display name ("AK") has no field: submitted_by is a handle.
    assert first.submitted_by is None
    api = paperlist.load(API)
    assert [
        (paper.arxiv_id, paper.title, paper.upvotes, paper.comments, paper.published)
        for paper in listing
    ] == [
        (paper.arxiv_id, paper.title, paper.upvotes, paper.comments, paper.published)
        for paper in api
    ]


@pytest.mark.parametrize("strict", [False, True])
def test_the_hf_commands_table_for_a_terminal_is_refused(strict: bool) -> None:
    """Its titles are cut to the column ("SAM 2: Segment Any..."): no paper is made of it."""
    with pytest.raises(paperlist.ParseError, match="titles cut to fit") as raised:
        paperlist.load(HF_TERMINAL, strict=strict)
    assert (raised.value.line, raised.value.column) == (1, 1)


@pytest.mark.parametrize("sample", ["daily_papers_2025-12-11.json", "daily_papers_2026-06-03.json"])
def test_paperlists_own_csv_reads_back_as_the_papers_it_was_written_from(
    sample: str, tmp_path: Path
) -> None:
    """Every field: lists as JSON arrays, dates, unknown values as empty cells."""
    written = subprocess.run(
        [sys.executable, "-m", "paperlist", str(DATA / "json" / sample), "--output", "csv"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    table = tmp_path / "papers.csv"
    table.write_text(written, encoding="utf-8")
    assert (
        paperlist.load(table, strict=True).papers == paperlist.load(DATA / "json" / sample).papers
    )


def test_a_csv_of_chosen_columns_reads_back() -> None:
    text = 'arxiv_id,title,upvotes\n2408.00714,"SAM 2, again",35\n,No id,\n'
    listing = paperlist.loads(text, strict=True)
    assert [(paper.arxiv_id, paper.title, paper.upvotes) for paper in listing] == [
        ("2408.00714", "SAM 2, again", 35),
        (None, "No id", None),
    ]


def test_a_quote_in_a_tab_separated_title_is_part_of_it() -> None:
    text = 'id\ttitle\tupvotes\n2401.00001\t"Quoted" at the start\t3\n'
    assert paperlist.loads(text)[0].title == '"Quoted" at the start'


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2408.00714\tSAM 2\tmany\t1", "expected a whole number >= 0 in the upvotes column"),
        ("2408.00714\tSAM 2\t35", "expected 4 cells, one a column, got 3"),
        ("2408.00714\tSAM 2\t35\t1\textra", "expected 4 cells, one a column, got 5"),
    ],
)
def test_a_bad_row_is_reported_at_its_line_and_the_others_read(row: str, message: str) -> None:
    """A cell that is no value of its column leaves that value unknown; a row whose cells
    do not match the columns is no paper. Either way, the line says where."""
    text = f"id\ttitle\tupvotes\tcomments\n\n{row}\n2401.00001\tOther\t3\t0\n"
    listing = paperlist.loads(text)
    assert [issue.line for issue in listing.issues] == [3]
    assert listing.issues[0].message.startswith(message)
    kept = [] if "cells" in message else [("SAM 2", None, 1)]
    assert [(paper.title, paper.upvotes, paper.comments) for paper in listing] == [
        *kept,
        ("Other", 3, 0),
    ]
    with pytest.raises(paperlist.ParseError, match=message) as raised:
        paperlist.loads(text, strict=True)
    assert raised.value.line == 3


@pytest.mark.parametrize(
    "text",
    [
        "title\n",  # one column: no table
        "id,title,price\nx,y,1\n",  # a column no known table has
        "Daily Papers\tHugging Face\n",  # tabs, but no header
    ],
)
def test_text_that_only_looks_like_a_table_is_read_as_text(text: str) -> None:
    with pytest.raises(paperlist.ParseError, match="no paper card found"):
        paperlist.loads(text)


def test_a_list_cell_that_is_no_json_array_leaves_the_list_unknown() -> None:
    text = 'title,authors,upvotes\nA paper,"Smith, Jones",3\n'
    listing = paperlist.loads(text)
    assert [(paper.title, paper.authors, paper.upvotes) for paper in listing] == [
        ("A paper", (), 3)
    ]
    [issue] = listing.issues
    assert (issue.line, issue.field) == (2, "authors")
    assert issue.message == "expected a JSON array in the authors column, got 'Smith, Jones'"


def test_a_row_without_a_title_is_no_paper_and_reported() -> None:
    text = "id\ttitle\tupvotes\n2408.00714\t\t35\n2401.00001\tOther\t3\n"
    listing = paperlist.loads(text)
    assert [paper.title for paper in listing] == ["Other"]
    [issue] = listing.issues
    assert issue.line == 2
    assert "title" in issue.message


def test_the_hf_commands_search_and_its_missing_values_read_as_they_are_meant() -> None:
    """``hf papers search`` writes the summary instead of comments and the submitter (as
    its code lays the table out), and a value it has not as "None"."""
    text = (
        "id\ttitle\tsummary\tupvotes\tpublished_at\n"
        "2408.00714\tSAM 2\tWe present SAM 2.\t35\t2024-08-01T17:00:08+00:00\n"
        "2401.00001\tNone\tNone\tNone\tNone\n"
    )
    listing = paperlist.loads(text, strict=True)
    assert [(p.arxiv_id, p.title, p.abstract, p.upvotes, p.published) for p in listing] == [
        ("2408.00714", "SAM 2", "We present SAM 2.", 35, datetime.date(2024, 8, 1)),
        ("2401.00001", "None", None, None, None),  # a title is what it says
    ]
