"""Documents in a markup language paperlist does not read fail clearly instead of
giving their links and blocks as cards."""

from __future__ import annotations

import pytest

import paperlist
from conftest import DATA
from paperlist._markup import foreign_markup

FOREIGN = DATA / "text" / "foreign"


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("daily_listing_2024-08-01.pandoc-rst.rst", "reStructuredText"),
        ("daily_listing_2024-08-01.pandoc-asciidoc.adoc", "AsciiDoc"),
    ],
)
@pytest.mark.parametrize("strict", [False, True])
def test_pandocs_other_writers_fail_with_the_language_named(
    name: str, language: str, strict: bool
) -> None:
    """pandoc's reStructuredText and AsciiDoc of the real listing gave 15 and 44 papers
    made of directives and link macros."""
    with pytest.raises(paperlist.ParseError, match=f"written in {language}") as raised:
        paperlist.load(FOREIGN / name, today="2024-08-01", strict=strict)
    assert raised.value.line == 1  # both open with their marks


def test_a_few_marks_in_a_markdown_dump_make_no_foreign_document() -> None:
    """Four directives or macros are text about them; five make a document."""
    four = "Title\n\n" + ".. note:: see\n" * 4 + "image:a.png[logo] " * 4
    assert foreign_markup(four) is None
    assert foreign_markup("x\n" + ".. note:: see\n" * 5) == ("reStructuredText", 2)
    assert foreign_markup("link:/a[x] " * 5) == ("AsciiDoc", 0)
