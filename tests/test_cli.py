"""The paperlist command, run in process through main() with its own streams."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

import paperlist
from conftest import DATA, JSON_FILES, PAPER_PAGE, SEED
from paperlist._cli_output import _count_line
from paperlist.cli import main


class Result(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture(autouse=True)
def _terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run(
    *args: str, stdin: bytes | None = None, terminal: bool = False, tty_stdin: bool = False
) -> Result:
    """Run the command on ``args`` with ``stdin`` as its (binary-backed) standard input.

    ``terminal`` makes standard output a terminal; ``tty_stdin`` standard input.
    """
    stdout = Terminal() if terminal else io.StringIO()
    stderr = io.StringIO()
    raw = io.BytesIO(stdin or b"")
    raw.name = "<stdin>"  # as sys.stdin.buffer is named
    stream = io.TextIOWrapper(raw, encoding="utf-8")
    if tty_stdin:
        stream.isatty = lambda: True  # type: ignore[method-assign]
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
    assert capsys.readouterr().out.splitlines()[-1] == "1 of 87 papers"  # the seed's 87


def test_help_documents_every_option_with_examples() -> None:
    """--help lists every option of the command and an example for each common task."""
    result = run("--help")
    assert result.returncode == 0
    for option in (
        "--format", "--today", "--strict", "--keep-going", "--since", "--until",
        "--listed-since", "--listed-until", "--min-authors", "--max-authors", "--min-upvotes",
        "--repo", "--repo-host", "--keyword", "--any", "--sort", "--reverse", "--limit",
        "--output", "--quiet", "--columns", "--no-truncate", "--version", "--debug", "--sample",
    ):  # fmt: skip
        assert option in result.stdout
    assert "examples:" in result.stdout
    assert "paperlist saved/ -q" in result.stdout


def test_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout) == (0, f"paperlist {paperlist.__version__}\n")


def test_table_on_the_seed_in_a_terminal() -> None:
    """In a terminal the table fits the width and prints the filtered rows."""
    result = run(str(SEED), "--today", "2025-10-28", "--repo", "--min-authors", "10", terminal=True)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["published", "votes", "comm", "authors", "id", "title"]
    assert lines[-1] == "2 papers"
    assert all(len(line) <= 100 for line in lines)
    # Checked against the raw seed: the two linked papers with 10 or more authors.
    assert re.search(r"^2024-10-07 +2 +11 +SePPO: ", lines[1])  # no id: an empty column
    assert re.search(r"^2025-07-13 +10 +Inversion-DPO: ", lines[2])
    assert lines[1].endswith("…")


def test_titles_are_whole_when_piped_or_asked() -> None:
    """SePPO's title is 66 characters: cut in a 100-column terminal, whole in a pipe."""
    title = "SePPO: Semi-Policy Preference Optimization for Diffusion Alignment"
    piped = run(str(SEED), "--today", "2025-10-28", "--keyword", "SePPO")
    assert piped.stdout.splitlines()[1].endswith(title)
    asked = run(
        str(SEED), "--today", "2025-10-28", "--keyword", "SePPO", "--no-truncate", terminal=True
    )
    assert asked.stdout.splitlines()[1].endswith(title)


def test_columns_of_the_table_and_csv() -> None:
    table = run(str(JSON_FILES[0]), "--columns", "arxiv_id,upvotes,title", "--limit", "1")
    header, first = table.stdout.splitlines()[:2]
    assert header.split() == ["id", "votes", "title"]
    assert first.split()[:2] == ["2403.12015", "32"]  # the file's first item
    csv_out = run(str(JSON_FILES[0]), "--output", "csv", "--columns", "arxiv_id,upvotes")
    assert csv_out.stdout.splitlines()[:2] == ["arxiv_id,upvotes", "2403.12015,32"]


def test_the_table_counts_what_matched_and_what_a_limit_kept() -> None:
    """The 2024-03-19 response holds 13 papers: a limit below that says how many matched."""
    path = str(JSON_FILES[0])
    assert run(path, "--limit", "2").stdout.splitlines()[-1] == "2 of 13 papers"
    assert run(path, "--limit", "20").stdout.splitlines()[-1] == "13 papers"
    assert run(path, "--limit", "0").stdout.splitlines()[-1] == "0 of 13 papers"


def test_the_count_line_writes_thousands_with_separators() -> None:
    assert _count_line(1204, None) == "1,204 papers\n"
    assert _count_line(1, 1) == "1 paper\n"
    assert _count_line(20, 1204) == "20 of 1,204 papers\n"


def test_quiet_prints_one_arxiv_id_per_line() -> None:
    quiet = run(str(JSON_FILES[0]), "-q", "--sort", "upvotes", "--reverse", "--limit", "2")
    assert quiet.stdout == "2403.12015\n2403.10704\n"  # 32 and 16 upvotes in the file
    assert run(str(JSON_FILES[0]), "--output", "ids").stdout.count("\n") == 13


def test_sample_is_the_main_job() -> None:
    """--sample reads the bundled page with its capture date."""
    result = run("--sample", "--limit", "2")
    assert result.returncode == 0, result.stderr
    assert "Physical Reasoning and Object Planning" in result.stdout
    assert result.stdout.splitlines()[-1] == "2 of 87 papers"


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
        "ai_keywords,organization_id,submitted_by,discussion_id,author_users,ai_summary_model,"
        "linked_models,linked_datasets,linked_spaces,url"
    ]


def test_bibtex_output() -> None:
    """--output bibtex prints one entry per paper with an id."""
    result = run(str(JSON_FILES[0]), "--output", "bibtex", "--limit", "1")
    assert result.stdout.startswith("@misc{arXiv_2403.12015,\n")
    every = run(str(JSON_FILES[0]), "--output", "bibtex")
    assert every.stdout == paperlist.load(JSON_FILES[0]).to_bibtex()  # a blank line between
    assert every.stdout.count("\n\n@misc{") == 12  # 13 papers, all with ids


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


def test_gzipped_files_and_input_read_as_what_they_hold(tmp_path: Path) -> None:
    """``paperlist day.json.gz`` and ``zcat``-less pipes: the 13 papers of the day's file."""
    packed = gzip.compress(JSON_FILES[0].read_bytes())
    (tmp_path / "day.json.gz").write_bytes(packed)
    from_file = run(str(tmp_path / "day.json.gz"), "--output", "jsonl")
    assert (from_file.returncode, len(from_file.stdout.splitlines())) == (0, 13)
    piped = run("-", "--output", "jsonl", stdin=packed)
    assert piped.stdout == from_file.stdout
    zipped = run("-", stdin=b"PK\x03\x04" + bytes(26))
    assert zipped.returncode == 2
    assert "a ZIP archive, not a page or JSON" in zipped.stderr


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


def test_missing_file_exits_2_with_one_line() -> None:
    result = run("no-such-file.txt")
    assert result.returncode == 2
    assert result.stderr == ("paperlist: cannot read no-such-file.txt: No such file or directory\n")


def test_lenient_problems_are_warnings() -> None:
    """Issues of a lenient load go to stderr as warnings; the papers still print."""
    page = "Title\n\n" + "Some abstract words. " * 20 + "\n\n  • 4 authors\n·\nSmarch 3, 2024\n"
    result = run("-", stdin=page.encode())
    assert result.returncode == 0
    assert result.stderr == (
        "-:7:1: warning: expected a date like 'Sep 11' or 'Sep 11, 2024', got 'Smarch 3, 2024'\n"
    )
    assert result.stdout.splitlines()[-1] == "1 paper"


# -- filters -----------------------------------------------------------------------


def test_min_upvotes_and_listing_days() -> None:
    """2024-03-19: 13 papers listed that day; two have 16 or more upvotes (32 and 16)."""
    voted = run(str(JSON_FILES[0]), "--min-upvotes", "16", "-q")
    assert voted.stdout == "2403.12015\n2403.10704\n"
    listed = run(str(JSON_FILES[0]), "--listed-since", "2024-03-19", "--listed-until", "2024-03-19")
    assert listed.stdout.splitlines()[-1] == "13 papers"
    assert run(str(JSON_FILES[0]), "--listed-since", "2024-03-20").stdout.endswith("0 papers\n")


def test_repo_and_repo_host() -> None:
    args = (str(SEED), "--today", "2025-10-28", "--output", "ids")
    count = run(str(SEED), "--today", "2025-10-28", "--repo").stdout.splitlines()[-1]
    alias = run(str(SEED), "--today", "2025-10-28", "--has-repo").stdout.splitlines()[-1]
    on_github = run(str(SEED), "--today", "2025-10-28", "--repo-host", "github.com")
    assert count == alias == on_github.stdout.splitlines()[-1]
    assert run(*args, "--repo-host", "gitlab.com").returncode == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--repo-host", "github"), "argument --repo-host: invalid choice: 'github'"),
        (("--has-repo=github.com",), "argument --repo/--has-repo: ignored explicit argument"),
        (("--keyword", ""), "argument --keyword: expected a word, got an empty string"),
        (("--keyword", "x", "--any"), "--any needs at least two --keyword"),
        (("--reverse",), "--reverse needs --sort"),
        (("--sort", "votes"), "argument --sort: unknown name 'votes'"),
        (("--columns", "title,colour"), "argument --columns: unknown name 'colour'"),
        (("--columns", "title", "--output", "json"), "--columns applies to --output table"),
        (("-q", "--output", "csv"), "--quiet prints ids and cannot be used with --output csv"),
        (("--limit", "many"), "argument --limit: expected a whole number >= 0, got 'many'"),
        (("--since", "May 3"), "argument --since: expected a date like 2025-10-28"),
        (("--output", "xml"), "argument --output: invalid choice: 'xml'"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    result = run(str(SEED), *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"paperlist: error: {message}")
    assert result.stderr.count("\n") == 1


def test_sort_by_several_fields() -> None:
    result = run(*map(str, JSON_FILES[:2]), "--sort", "listed,upvotes", "--reverse", "-q")
    ids = result.stdout.split()
    both = paperlist.load(JSON_FILES[0]).merge(paperlist.load(JSON_FILES[1]))
    want = both.sort_by("listed", "upvotes", reverse=True)
    assert ids == [paper.arxiv_id for paper in want]
    assert ids[0].startswith("2404.")  # the later day, 2024-04-03, first


# -- inputs ------------------------------------------------------------------------


def test_directories_and_quoted_globs(tmp_path: Path) -> None:
    for path in JSON_FILES[:2]:
        shutil.copy(path, tmp_path / path.name)
    from_folder = run(str(tmp_path), "-q").stdout
    from_glob = run(str(tmp_path / "*.json"), "-q").stdout
    from_files = run(*map(str, JSON_FILES[:2]), "-q").stdout
    assert from_folder == from_glob == from_files
    assert len(from_files.split()) == 13 + 11


def test_standard_input_is_read_when_piped_without_a_file_name() -> None:
    piped = run("--output", "ids", stdin=JSON_FILES[0].read_bytes())
    assert len(piped.stdout.split()) == 13
    waiting = run(tty_stdin=True)
    assert waiting.returncode == 2
    assert waiting.stderr.startswith("paperlist: error: give at least one FILE")


def test_keep_going_reports_bad_files_and_reads_the_rest(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('[{"paper": {"id": "2404.02060", "title": ', encoding="utf-8")
    missing = tmp_path / "missing.json"
    result = run(str(JSON_FILES[0]), str(bad), str(missing), "--keep-going", "-q")
    assert result.returncode == 1
    assert len(result.stdout.split()) == 13
    assert result.stderr.splitlines() == [
        f"{bad}:1:42: invalid JSON: Expecting value",
        f"paperlist: cannot read {missing}: No such file or directory",
    ]
    stopped = run(str(JSON_FILES[0]), str(bad), "-q")
    assert (stopped.returncode, stopped.stdout) == (2, "")
    assert stopped.stderr == f"{bad}:1:42: invalid JSON: Expecting value\n"


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[1, ", encoding="utf-8")
    result = run(str(bad), "--debug")
    assert result.returncode == 2
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert result.stderr.endswith(f"{bad}:1:5: invalid JSON: Expecting value\n")


def test_progress_counter_only_on_a_terminal() -> None:
    stderr = Terminal()
    main([*map(str, JSON_FILES[:3]), "-q"], stdout=io.StringIO(), stderr=stderr)
    assert "\rread 1/3 files" in stderr.getvalue()
    assert stderr.getvalue().endswith("\r\033[K")
    assert run(*map(str, JSON_FILES[:3]), "-q").stderr == ""


# -- pipes and encodings -------------------------------------------------------------


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "paperlist", *args]


def test_a_closed_pipe_ends_quietly() -> None:
    """head -1 closes the pipe after the first line: no traceback, a shell's status."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    env["PYTHONPATH"] = str(Path(paperlist.__file__).parent.parent)
    for output in ("csv", "jsonl", "table", "json", "bibtex"):
        shell = subprocess.run(
            [
                "bash",
                "-c",
                'set -o pipefail; "$@" | head -1 > /dev/null; echo "status ${PIPESTATUS[0]}" >&2',
                "_",
                *_command(str(DATA / "json"), "--output", output),
            ],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=120,
        )
        assert shell.stderr in ("status 0\n", "status 141\n"), (output, shell.stderr)


def test_characters_the_terminal_cannot_show_are_replaced(tmp_path: Path) -> None:
    page = tmp_path / "pi.jsonl"
    page.write_text(
        paperlist.dumps(paperlist.Listing([paperlist.Paper("π0: a robot policy")]), lines=True),
        encoding="utf-8",
    )
    env = dict(os.environ, PYTHONIOENCODING="ascii")
    env["PYTHONPATH"] = str(Path(paperlist.__file__).parent.parent)
    result = subprocess.run(
        _command(str(page)), capture_output=True, text=True, env=env, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "?0: a robot policy" in result.stdout
    assert result.stderr == ""


def test_published_window_and_author_ceiling() -> None:
    """2024-03-19's file, checked by hand: published 03-15 to 03-18 with at most 3 authors
    is one paper, 2403.12034 (3 authors, 2024-03-18)."""
    result = run(
        str(JSON_FILES[0]), "--since", "2024-03-15", "--until", "2024-03-18",
        "--max-authors", "3", "-q",
    )  # fmt: skip
    assert result.stdout == "2403.12034\n"


def test_a_url_that_cannot_be_fetched_is_one_line() -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/day.json"
    result = run(url, str(JSON_FILES[0]), "--keep-going", "-q", "--limit", "1")
    assert result.returncode == 1
    assert result.stdout == "2403.12015\n"
    assert result.stderr.startswith(f"paperlist: cannot fetch {url}: ")
    assert result.stderr.count("\n") == 1
