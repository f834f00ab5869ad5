"""The paperlist command, run in process through main() with its own streams."""

from __future__ import annotations

import csv
import io
import json
import re
import runpy
import sys
from typing import NamedTuple

import pytest

import paperlist
from conftest import JSON_FILES, PAPER_PAGE, SEED
from paperlist.cli import main


class Result(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture(autouse=True)
def _terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")


def run(*args: str, stdin: bytes | None = None) -> Result:
    """Run the command on ``args`` with ``stdin`` as its (binary-backed) standard input."""
    stdout, stderr = io.StringIO(), io.StringIO()
    raw = io.BytesIO(stdin or b"")
    raw.name = "<stdin>"  # as sys.stdin.buffer is named
    stream = io.TextIOWrapper(raw, encoding="utf-8")
    status = main(list(args), stdin=stream, stdout=stdout, stderr=stderr)
    return Result(status, stdout.getvalue(), stderr.getvalue())


def test_python_m_paperlist_runs_the_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``python -m paperlist`` is the same command and exits with its status."""
    monkeypatch.setattr(sys, "argv", ["paperlist", "--sample", "--limit", "1"])
    with pytest.raises(SystemExit) as exited:
        runpy.run_module("paperlist", run_name="__main__")
    assert exited.value.code == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 papers"


def test_help_documents_every_option() -> None:
    """--help lists every option of the command."""
    result = run("--help")
    assert result.returncode == 0
    for option in (
        "--format", "--today", "--strict", "--since", "--until", "--min-authors",
        "--max-authors", "--has-repo", "--keyword", "--any", "--sort", "--reverse",
        "--limit", "--output", "--sample",
    ):  # fmt: skip
        assert option in result.stdout


def test_table_on_the_seed() -> None:
    """The default table fits the width and prints the filtered rows."""
    result = run(str(SEED), "--today", "2025-10-28", "--has-repo", "--min-authors", "10")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["published", "votes", "comm", "authors", "title"]
    assert lines[-1] == "2 papers"
    assert all(len(line) <= 100 for line in lines)
    # Checked against the raw seed: the two linked papers with 10 or more authors.
    assert re.search(r"^2024-10-07 +2 +11  SePPO: ", lines[1])
    assert re.search(r"^2025-07-13 +10  Inversion-DPO: ", lines[2])


def test_sample_is_the_main_job() -> None:
    """--sample reads the bundled page with its capture date."""
    result = run("--sample", "--limit", "2")
    assert result.returncode == 0, result.stderr
    assert "Physical Reasoning and Object Planning" in result.stdout
    assert result.stdout.splitlines()[-1] == "2 papers"


def test_json_output_is_paperlists_own_format() -> None:
    """--output json round-trips through paperlist.loads."""
    result = run(str(JSON_FILES[8]), "--output", "json")
    assert result.returncode == 0, result.stderr
    listing = paperlist.loads(result.stdout)
    assert listing.papers == paperlist.load(JSON_FILES[8]).papers


def test_jsonl_and_csv_hold_the_records() -> None:
    """One record per paper; dates as ISO strings, lists as JSON arrays in CSV."""
    jsonl = run(str(PAPER_PAGE), "--output", "jsonl")
    record = json.loads(jsonl.stdout.splitlines()[0])
    assert record["arxiv_id"] == "2509.24002"
    assert record["published"] == "2025-09-28"
    assert record["upvotes"] == 118
    table = list(csv.DictReader(io.StringIO(run(str(PAPER_PAGE), "--output", "csv").stdout)))
    assert len(table) == 1
    assert table[0]["repo_url"] == "https://github.com/eval-sys/mcpmark"
    assert table[0]["mentioned_repo_urls"] == "[]"
    assert json.loads(table[0]["authors"])[:2] == ["Zijian Wu", "Xiangyan Liu"]
    assert table[0]["url"] == "https://huggingface.co/papers/2509.24002"


def test_every_jsonl_line_is_an_object_with_arrays_that_loads_back() -> None:
    for path in (*JSON_FILES, PAPER_PAGE, SEED):
        result = run(str(path), "--output", "jsonl", "--today", "2025-10-28")
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        assert all(type(line) is dict for line in lines), path
        for field in ("authors", "mentioned_repo_urls", "ai_keywords"):
            assert all(type(line[field]) is list for line in lines), (path, field)
        want = paperlist.load(path, today="2025-10-28").papers
        assert paperlist.loads(result.stdout).papers == want, path


def test_csv_ids_stay_text_with_the_documented_dtype() -> None:
    """pandas would read 2404.02060 as the float 2404.0206 without dtype."""
    pandas = pytest.importorskip("pandas")
    papers = [paperlist.Paper("T", "2404.02060", authors=("Smith; John", "Ann"))]
    lines = paperlist.dumps(paperlist.Listing(papers), lines=True)
    result = run("-", "--output", "csv", stdin=lines.encode())
    assert result.returncode == 0, result.stderr
    frame = pandas.read_csv(io.StringIO(result.stdout), dtype={"arxiv_id": "string"})
    assert frame.loc[0, "arxiv_id"] == "2404.02060"
    assert json.loads(frame.loc[0, "authors"]) == ["Smith; John", "Ann"]


def test_csv_of_no_paper_still_has_every_column() -> None:
    result = run(str(PAPER_PAGE), "--output", "csv", "--keyword", "no such words anywhere")
    assert result.stdout.splitlines() == [
        "title,arxiv_id,abstract,authors,author_count,organization,published,listed,upvotes,"
        "comments,repo_url,mentioned_repo_urls,github_stars,project_page,ai_summary,"
        "ai_keywords,url"
    ]


def test_bibtex_output() -> None:
    """--output bibtex prints one entry per paper with an id."""
    result = run(str(JSON_FILES[0]), "--output", "bibtex", "--limit", "1")
    assert result.stdout.startswith("@misc{arXiv_2403.12015,\n")


def test_several_files_are_merged_and_sorted() -> None:
    """Files merge into one listing; --sort and --reverse order it."""
    result = run(
        str(JSON_FILES[0]),
        str(JSON_FILES[1]),
        "--sort",
        "upvotes",
        "--reverse",
        "--output",
        "jsonl",
    )
    votes = [json.loads(line)["upvotes"] for line in result.stdout.splitlines()]
    assert len(votes) == 13 + 11
    assert votes == sorted(votes, reverse=True)


def test_keywords_all_or_any() -> None:
    """Several --keyword must all match unless --any is given."""
    both = run(str(SEED), "--today", "2025-10-28", "--keyword", "reward", "--keyword", "robot")
    either = run(
        str(SEED), "--today", "2025-10-28", "--keyword", "reward", "--keyword", "robot", "--any"
    )
    count = int(both.stdout.splitlines()[-1].split()[0])
    assert count < int(either.stdout.splitlines()[-1].split()[0])


def test_standard_input() -> None:
    """'-' reads standard input."""
    result = run("-", "--output", "jsonl", stdin=JSON_FILES[0].read_bytes())
    assert len(result.stdout.splitlines()) == 13


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        (b'{"title": ', "<stdin>:1:11: invalid JSON: Expecting value\n"),
        (
            b"just words",
            "<stdin>:1:1: no paper card found: expected a title followed by an "
            "abstract or a metadata block, got 'just words'\n",
        ),
    ],
)
def test_bad_file_exits_2_with_its_position(stdin: bytes, message: str) -> None:
    """A bad file prints file:line:column: message on stderr and exits 2."""
    result = run("-", stdin=stdin)
    assert result.returncode == 2
    assert result.stderr == message
    assert result.stdout == ""


def test_missing_file_and_usage_errors_exit_2() -> None:
    """Unreadable files and bad options exit 2."""
    assert run("no-such-file.txt").returncode == 2
    assert run("--limit", "many", str(SEED)).returncode == 2
    assert run().returncode == 2


def test_lenient_problems_are_warnings() -> None:
    """Issues of a lenient load go to stderr as warnings; the papers still print."""
    page = "Title\n\n" + "Some abstract words. " * 20 + "\n\n  • 4 authors\n·\nSmarch 3, 2024\n"
    result = run("-", stdin=page.encode())
    assert result.returncode == 0
    assert result.stderr == (
        "-:7:1: warning: expected a date like 'Sep 11' or 'Sep 11, 2024', got 'Smarch 3, 2024'\n"
    )
    assert result.stdout.splitlines()[-1] == "1 papers"
