"""load_many and iter_load over directories, patterns and lists of files."""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

import pytest

import paperlist
from conftest import DATA, JSON_FILES, MARKDOWN_TODAY, PAPER_PAGE

TEXT_CASES = sorted(
    path.with_name(path.name.removesuffix(".expected.json"))
    for path in (DATA / "text").glob("*.expected.json")
)


def _merge_of_single_loads(paths: list[Path], today: datetime.date | None = None) -> set[object]:
    listings = [paperlist.load(path, today=today) for path in paths]
    return set(listings[0].merge(*listings[1:]))


@pytest.mark.parametrize("workers", [1, 2])
def test_a_directory_of_api_files_is_the_merge_of_its_files(workers: int) -> None:
    merged = paperlist.load_many(DATA / "json", workers=workers)
    assert set(merged) == _merge_of_single_loads(JSON_FILES)
    assert len(merged) == sum(len(paperlist.load(path)) for path in JSON_FILES)
    assert merged.issues == ()
    assert merged.format == "json"
    assert merged.source is None  # several files


@pytest.mark.parametrize("workers", [1, 2])
def test_a_directory_of_text_dumps_is_the_merge_of_its_files(tmp_path: Path, workers: int) -> None:
    for case in TEXT_CASES:
        shutil.copy(case, tmp_path / case.name)
    merged = paperlist.load_many(tmp_path, today=MARKDOWN_TODAY, workers=workers)
    assert set(merged) == _merge_of_single_loads(TEXT_CASES, MARKDOWN_TODAY)


def test_workers_give_the_same_listing_as_one_process() -> None:
    sources = [*JSON_FILES, PAPER_PAGE, DATA / "html"]
    one = paperlist.load_many(sources)
    two = paperlist.load_many(sources, workers=2)
    assert one == two


def test_a_single_file_keeps_its_source_and_issues(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("A title\n\n" + "An abstract of a paper, long enough. " * 6 + "\n\n· \n")
    listing = paperlist.load_many(page)
    assert listing.source == str(page)
    assert [issue.source for issue in listing.issues] == [str(page)]
    assert str(listing.issues[0]).startswith(f"{page}, line 5")


def test_bad_files_are_skipped_with_one_issue_each(tmp_path: Path) -> None:
    good = JSON_FILES[:3]
    for path in good:
        shutil.copy(path, tmp_path / path.name)
    whole = JSON_FILES[3].read_bytes()
    (tmp_path / "truncated.json").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "empty.json").write_bytes(b"")
    (tmp_path / ".hidden.json").write_bytes(b"not read")
    listing = paperlist.load_many(tmp_path, on_error="skip")
    assert set(listing) == _merge_of_single_loads(list(good))
    sources = sorted(Path(issue.source or "").name for issue in listing.issues)
    assert sources == ["binary.bin", "empty.json", "truncated.json"]
    empty = next(issue for issue in listing.issues if (issue.source or "").endswith("empty.json"))
    assert "no content" in empty.message
    truncated = next(issue for issue in listing.issues if "truncated" in (issue.source or ""))
    assert truncated.line is not None
    assert truncated.message.startswith("invalid JSON")


def test_the_first_bad_file_stops_the_run_by_default(tmp_path: Path) -> None:
    shutil.copy(JSON_FILES[0], tmp_path / "a.json")
    (tmp_path / "b.json").write_text('[{"paper": ', encoding="utf-8")
    with pytest.raises(paperlist.ParseError) as raised:
        paperlist.load_many(tmp_path)
    assert raised.value.source == str(tmp_path / "b.json")
    (tmp_path / "b.json").write_text("", encoding="utf-8")
    with pytest.raises(paperlist.ParseError, match="no content"):
        paperlist.load_many(tmp_path)


def test_a_missing_file_is_an_oserror_or_an_issue(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(FileNotFoundError):
        paperlist.load_many([JSON_FILES[0], missing])
    listing = paperlist.load_many([JSON_FILES[0], missing], on_error="skip")
    (issue,) = listing.issues
    assert issue.source == str(missing)
    assert issue.message.startswith("cannot read the file")
    assert len(listing) == len(paperlist.load(JSON_FILES[0]))


def test_patterns_nested_directories_and_order(tmp_path: Path) -> None:
    (tmp_path / "2024" / "06").mkdir(parents=True)
    (tmp_path / "2025").mkdir()
    (tmp_path / ".cache").mkdir()
    shutil.copy(JSON_FILES[4], tmp_path / "2024" / "06" / "b.json")
    shutil.copy(JSON_FILES[3], tmp_path / "2024" / "a.json")
    shutil.copy(JSON_FILES[9], tmp_path / "2025" / "c.json")
    shutil.copy(JSON_FILES[0], tmp_path / ".cache" / "x.json")
    shutil.copy(JSON_FILES[1], tmp_path / "notes.txt")
    sources = [listing.source for listing in paperlist.iter_load(tmp_path / "20*")]
    assert sources == [
        str(tmp_path / "2024" / "06" / "b.json"),
        str(tmp_path / "2024" / "a.json"),
        str(tmp_path / "2025" / "c.json"),
    ]
    every = [listing.source for listing in paperlist.iter_load(str(tmp_path / "**" / "*.json"))]
    assert every == sources  # sorted matches: "2024/06/b.json" sorts before "2024/a.json"
    assert str(tmp_path / ".cache" / "x.json") not in every
    with pytest.raises(FileNotFoundError):
        paperlist.load_many(tmp_path / "*.nothing")


def test_iter_load_reads_each_file_when_asked(tmp_path: Path) -> None:
    shutil.copy(JSON_FILES[0], tmp_path / "a.json")
    shutil.copy(JSON_FILES[1], tmp_path / "b.json")
    listings = paperlist.iter_load(tmp_path)
    first = next(listings)
    assert first.source == str(tmp_path / "a.json")
    (tmp_path / "b.json").write_text("[]", encoding="utf-8")  # changed before it is read
    second = next(listings)
    assert len(second) == 0
    assert next(listings, None) is None


def test_progress_reports_every_file() -> None:
    seen: list[tuple[int, int]] = []
    paperlist.load_many(JSON_FILES[:3], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_arguments_are_checked_before_reading() -> None:
    with pytest.raises(ValueError, match="on_error"):
        paperlist.load_many(JSON_FILES, on_error="ignore")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="on_error"):
        paperlist.iter_load(JSON_FILES, on_error="ignore")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="workers"):
        paperlist.load_many(JSON_FILES, workers=0)
    with pytest.raises(TypeError, match="not int"):
        paperlist.load_many([3])  # type: ignore[list-item]


def test_a_file_over_max_bytes_is_refused(tmp_path: Path) -> None:
    size = os.path.getsize(JSON_FILES[0])
    with pytest.raises(paperlist.ParseError, match="max_bytes"):
        paperlist.load(JSON_FILES[0], max_bytes=size - 1)
    assert len(paperlist.load(JSON_FILES[0], max_bytes=size)) > 0
    with open(JSON_FILES[0], "rb") as stream, pytest.raises(paperlist.ParseError):
        paperlist.load(stream, max_bytes=10)
    larger, smaller = sorted(JSON_FILES[:2], key=os.path.getsize, reverse=True)
    limit = os.path.getsize(larger) - 1
    listing = paperlist.load_many(JSON_FILES[:2], on_error="skip", max_bytes=limit)
    assert [issue.source for issue in listing.issues] == [str(larger)]
    assert set(listing) == set(paperlist.load(smaller))
