"""The exception hierarchy: classes, str() formats, pickling."""

from __future__ import annotations

import datetime
import pickle
from pathlib import Path

import pytest

import paperlist
from paperlist import Issue, PaperlistError, ParseError, UnknownFormatError
from paperlist._context import LoadContext
from paperlist._surrogates import replace_in_text


def test_hierarchy() -> None:
    """ParseError and UnknownFormatError are PaperlistErrors and ValueErrors."""
    assert issubclass(ParseError, PaperlistError)
    assert issubclass(ParseError, ValueError)
    assert issubclass(UnknownFormatError, PaperlistError)
    assert issubclass(UnknownFormatError, ValueError)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"source": "page.txt", "line": 7, "column": 3}, "page.txt:7:3: expected a date"),
        ({"source": "<string>", "line": 7}, "<string>:7: expected a date"),
        ({"source": "<string>"}, "<string>: expected a date"),
        ({}, "expected a date"),
        ({"line": 2, "column": 5}, "2:5: expected a date"),
    ],
)
def test_parse_error_str_leaves_out_unknown_parts(kwargs: dict[str, object], expected: str) -> None:
    """str() is source:line:column: message without the parts that are None."""
    assert str(ParseError("expected a date", **kwargs)) == expected  # type: ignore[arg-type]


def test_parse_error_pickles_with_attributes() -> None:
    """A ParseError survives pickle with every attribute."""
    error = ParseError("bad", source="a.json", line=3, column=9, field="$[0].paper.upvotes")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is ParseError
    assert (copy.message, copy.source, copy.line, copy.column, copy.field) == (
        "bad",
        "a.json",
        3,
        9,
        "$[0].paper.upvotes",
    )
    assert str(copy) == "a.json:3:9: bad"


@pytest.mark.parametrize("cls", [PaperlistError, UnknownFormatError])
def test_other_errors_pickle(cls: type[Exception]) -> None:
    """The other exception classes survive pickle with their message."""
    copy = pickle.loads(pickle.dumps(cls("unknown format 'xml'")))
    assert type(copy) is cls
    assert str(copy) == "unknown format 'xml'"


def test_issue_str() -> None:
    """An Issue renders its position, paper and field before the message."""
    issue = Issue("expected a date", line=4, column=1, field="published", index=2)
    assert str(issue) == "line 4, column 1, paper 2, field published: expected a date"
    assert str(Issue("bad")) == "bad"
    assert pickle.loads(pickle.dumps(issue)) == issue


def test_parse_error_repr_shows_where() -> None:
    """repr names the message and the known source, line, column and field."""
    error = ParseError("bad date", source="page.txt", line=3, column=7)
    assert repr(error) == "ParseError('bad date', source='page.txt', line=3, column=7)"
    assert repr(ParseError("no data")) == "ParseError('no data')"


def test_completion_offers_public_names_only() -> None:
    """dir() of the public modules lists their public names, not their internals."""
    import paperlist.query

    assert dir(paperlist.query) == sorted(paperlist.query.__all__)
    assert dir(paperlist.errors) == sorted(paperlist.errors.__all__)
    assert "query" in dir(paperlist)
    assert "_loading" not in dir(paperlist)


@pytest.mark.parametrize("position", [(1 << 20) - 1, 1 << 20, (1 << 20) + 5])
def test_a_lone_surrogate_past_the_first_megabyte_is_found_where_it_is(position: int) -> None:
    """Text is searched for surrogates a slice of 2**20 characters at a time."""
    text = "é\n" + "x" * (position - 2) + "\udc00 and \ud800"
    context = LoadContext("<string>", datetime.date(2026, 1, 1), strict=False)
    assert replace_in_text(text, context) == text[:position] + "\ufffd and \ufffd"
    assert [(issue.line, issue.column) for issue in context.issues] == [(2, position - 1)]
    assert "U+DC00" in context.issues[0].message


def test_lone_surrogates_become_replacement_characters_with_an_issue() -> None:
    """A str holding a lone surrogate, or JSON escaping one, loads writable text."""
    text = (
        "Title \ud800 here\n\n" + "An abstract long enough to be one. " * 8 + "\n\n  • 4 authors\n"
    )
    listing = paperlist.loads(text)
    assert listing[0].title == "Title \ufffd here"
    assert [(issue.line, issue.column) for issue in listing.issues] == [(1, 7)]
    with pytest.raises(paperlist.ParseError, match="lone surrogate U\\+D800"):
        paperlist.loads(text, strict=True)
    after_cr = paperlist.loads("A title\r" + text.replace("\n", "\r"))
    assert [(issue.line, issue.column) for issue in after_cr.issues] == [(2, 7)]
    escaped = (
        '[{"paper": {"id": "2404.02060", "title": "A \\ud800", '
        '"authors": [{"name": "B \\udc00"}]}}]'
    )
    listing = paperlist.loads(escaped)
    assert (listing[0].title, listing[0].authors) == ("A \ufffd", ("B \ufffd",))
    assert [(issue.field, issue.index) for issue in listing.issues] == [
        ("title", 0),
        ("authors", 0),
    ]
    paperlist.dumps(listing).encode("utf-8")  # writable
    pair = '[{"paper": {"id": "2404.02060", "title": "A \\ud83d\\ude00"}}]'
    assert paperlist.loads(pair)[0].title == "A \U0001f600"
    assert paperlist.loads(pair).issues == ()


def test_a_source_name_is_made_printable(tmp_path: Path) -> None:
    odd = tmp_path / "page\tone.json"
    odd.write_text("[]", encoding="utf-8")
    assert paperlist.load(odd).source == str(tmp_path / "page\\tone.json")


def test_a_bad_byte_before_the_props_is_reported_in_both_modes() -> None:
    page = (
        b"<html><head><meta content='\xe9'></head><body>\n<div data-target='DailyPapers' "
        b'data-props=\'{"dailyPapers": [{"paper": {"id": "2404.02060", "title": "T"}}]}\'>'
        b"</div></body></html>"
    )
    listing = paperlist.loads(page)
    assert [paper.arxiv_id for paper in listing] == ["2404.02060"]
    # A byte no text read holds: "<html><head><meta content='" is 27 bytes.
    assert [(issue.line, issue.column) for issue in listing.issues] == [(1, 28)]
    with pytest.raises(ParseError, match="invalid UTF-8 at byte 27"):
        paperlist.loads(page, strict=True)


def test_a_bad_byte_in_a_file_with_cr_line_ends_names_its_line() -> None:
    data = b"Title\r\rAbstract words.\r\xff\r"
    with pytest.raises(ParseError) as raised:
        paperlist.loads(data, strict=True)
    assert (raised.value.line, raised.value.column) == (4, 1)


def test_a_text_mode_file_with_bad_bytes_is_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(b"Title\n\n\xff\xfe abstract\n")
    with open(path, encoding="utf-8") as stream, pytest.raises(ParseError, match="binary mode"):
        paperlist.load(stream)


def test_a_device_without_end_is_read_up_to_the_limit() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    with pytest.raises(ParseError, match="max_bytes=4000000"):
        paperlist.load("/dev/zero", max_bytes=4_000_000)
