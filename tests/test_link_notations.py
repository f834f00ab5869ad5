"""Whole-dump tests for tools' link notations and markup: every line counts, the first too."""

from __future__ import annotations

import pytest

from paperlist._link_notations import count_numbered_link_lines, has_reference_definitions
from paperlist._markup import plain_markdown


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("[1]Home\n   [2]Papers\n\t[3]Daily\n", 3),  # the first line counts, indented ones too
        ("Intro\n[24]The Llama 3 Herd\n", 1),
        ("[94](/papers/2401.00001)\n[19]: /papers/x\n[5] spaced\n[6][7]\n", 0),  # Markdown
        ("x [24]inline\n", 0),  # not opening its line
        ("", 0),
    ],
)
def test_lines_opening_with_a_link_number_are_counted(text: str, count: int) -> None:
    assert count_numbered_link_lines(text) == count


@pytest.mark.parametrize(
    ("text", "defined"),
    [
        ("[19]: /papers/2401.00001", True),  # on the first line, without a line break
        ("Title\n  [3]: https://example.org/a  \nmore", True),
        ("Title\n[3]: two words\n", False),  # a definition's target is one word
        ("Title\n[3] : /papers/x\n", False),
        ("a [3]: /papers/x\n", False),  # not opening its line
    ],
)
def test_reference_definitions_are_found_on_any_line(text: str, defined: bool) -> None:
    assert has_reference_definitions(text) is defined


def test_pandoc_fences_count_from_the_first_line() -> None:
    """Five lines opening with ":::" make pandoc's own Markdown, the first line among them."""
    body = "::: {.a}\n# Title\n:::\n::: b\ntext\n:::\n::: c\n"
    assert plain_markdown(body) == "\n# Title\n\n\ntext\n\n\n"
    assert plain_markdown(body[len("::: {.a}\n") :]) == body[len("::: {.a}\n") :]  # only four
