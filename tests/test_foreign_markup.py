"""Documents in a markup language paperlist does not read fail clearly instead of
giving their links and blocks as cards."""

from __future__ import annotations

import pytest

import paperlist
from conftest import DATA
from paperlist._formats.json_shapes import opens_json
from paperlist._markup import foreign_markup

FOREIGN = DATA / "text" / "foreign"


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("daily_listing_2024-08-01.pandoc-rst.rst", "reStructuredText"),
        ("daily_listing_2024-08-01.pandoc-asciidoc.adoc", "AsciiDoc"),
        ("daily_listing_2024-08-01.pandoc-org.org", "Org"),
    ],
)
@pytest.mark.parametrize("strict", [False, True])
def test_pandocs_other_writers_fail_with_the_language_named(
    name: str, language: str, strict: bool
) -> None:
    """pandoc's reStructuredText and AsciiDoc of the real listing gave 15 and 44 papers
    made of directives and link macros; its Org, opening with "[[", failed as broken
    JSON."""
    with pytest.raises(paperlist.ParseError, match=f"written in {language}") as raised:
        paperlist.load(FOREIGN / name, today="2024-08-01", strict=strict)
    assert raised.value.line == 1  # both open with their marks


def test_a_few_marks_in_a_markdown_dump_make_no_foreign_document() -> None:
    """Four directives or macros are text about them; five make a document."""
    four = "Title\n\n" + ".. note:: see\n" * 4 + "image:a.png[logo] " * 4
    assert foreign_markup(four) is None
    assert foreign_markup("x\n" + ".. note:: see\n" * 5) == ("reStructuredText", 2)
    assert foreign_markup("link:/a[x] " * 5) == ("AsciiDoc", 0)


def test_org_links_are_told_from_json_and_from_markdown() -> None:
    """Org's "[[/][…]]" opens no JSON value, where "[[1, 2]]" and "[[" cut short do;
    Markdown's "[[v1]](…)" (a link around "[v1]", as arXiv's version list reads) is no
    Org link."""
    assert opens_json("[[/][[[/logo.svg]] Hugging Face]]", 0) is False
    assert opens_json("[[1, 2]]", 0) is True
    assert opens_json("[[", 0) is True
    assert opens_json("[" * 1000 + "]" * 1000, 0) is True
    assert foreign_markup("**[[v1]](https://arxiv.org/abs/2410.02675v1)** 2024\n" * 5) is None
    assert foreign_markup("[[/papers/2401.00001][A title]]\n" * 5) == ("Org", 0)
