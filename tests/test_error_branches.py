"""Every error branch of the loaders, with its exact message, field and position."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

import paperlist
from pagebuilder import hydration_div
from paperlist import ParseError

TODAY = datetime.date(2025, 10, 28)
ABSTRACT = "We study the problem at length. " * 8
PAPER = "https://huggingface.co/papers/2401.00001"


def _only_issue(data: str, **kwargs: Any) -> tuple[str, int | None, str | None]:
    listing = paperlist.loads(data, today=TODAY, **kwargs)
    assert len(listing.issues) == 1, listing.issues
    issue = listing.issues[0]
    return issue.message, issue.line, issue.field


@pytest.mark.parametrize(
    ("page", "message", "line", "field"),
    [
        (
            f"Title\n\n{ABSTRACT}\n\n  • 4 authors\n·\n",
            "expected a date after '·'",
            6,
            "published",
        ),
        (
            f"12\n\n-\n\nTitle\n\n{ABSTRACT}\n",
            "an upvote count with no title after it: '12'",
            1,
            "upvotes",
        ),
        (
            f"[{ABSTRACT}]({PAPER})\n\n### [T]({PAPER})\n\n[{ABSTRACT}]({PAPER})\n",
            f"an abstract with no title before it: {ABSTRACT[:59] + '…'!r}",
            1,
            "abstract",
        ),
        (
            f"### [T]({PAPER})\n\n[{ABSTRACT}](https://huggingface.co/papers/2401.00002)\n",
            "the abstract links to paper 2401.00002, the title to 2401.00001",
            3,
            "abstract",
        ),
        (
            f"### [T](https://huggingface.co/papers/not-an-id)\n\n[{ABSTRACT}]({PAPER})\n",
            "expected a link to a paper page, got 'https://huggingface.co/papers/not-an-id'",
            1,
            "arxiv_id",
        ),
        (
            f"### T\n\n{ABSTRACT}\n\n[LINK: GitHub 5](https://github.com/owner-only)\n",
            "expected a repository link, got 'https://github.com/owner-only'",
            5,
            "repo_url",
        ),
        (
            f"### T\n\n{ABSTRACT}\n\n[LINK: GitHub 1.2.3k](https://github.com/a/b)\n",
            "expected a star count like '476' or '11.3k', got '1.2.3k'",
            5,
            "github_stars",
        ),
        (
            f"Title\n\n{ABSTRACT}\n\n  • 4 authors\n·\nMay 8\n\nMay 9\n",
            "a date line with no card to belong to: 'May 9'",
            9,
            "published",
        ),
        (
            f"Daily Papers\n\nFeb 30\n\nTitle\n\n{ABSTRACT}\n\n  • 4 authors\n·\nMay 8\n",
            "the page's date: expected a real calendar date, got 'Feb 30'",
            3,
            "date",
        ),
    ],
    ids=[
        "no-date-after-separator",
        "orphan-votes",
        "orphan-abstract",
        "abstract-link-mismatch",
        "title-link-not-a-paper",
        "repo-link-owner-only",
        "unreadable-stars",
        "orphan-date",
        "bad-page-date",
    ],
)
def test_text_branches(page: str, message: str, line: int, field: str) -> None:
    """Each text branch: lenient Issue, and the same text raised in strict mode."""
    assert _only_issue(page, format="text") == (message, line, field)
    with pytest.raises(ParseError) as caught:
        paperlist.loads(page, format="text", today=TODAY, strict=True)
    assert caught.value.message == message
    assert caught.value.line == line


def _item(**paper: Any) -> str:
    base: dict[str, Any] = {"id": "2509.24002", "title": "T"}
    base.update(paper)
    return json.dumps([{"paper": base}])


@pytest.mark.parametrize(
    ("data", "message", "field"),
    [
        (
            _item(id="nope"),
            "expected an arXiv id at $[0].paper.id, got a string 'nope'",
            "$[0].paper.id",
        ),
        (
            _item(authors="Ann"),
            "expected an array of authors at $[0].paper.authors, got a string 'Ann'",
            "$[0].paper.authors",
        ),
        (
            _item(authors=[{"name": "Ann"}, {"name": 3}]),
            "expected a non-empty string at $[0].paper.authors[1].name, got a number 3",
            "$[0].paper.authors[1].name",
        ),
        (
            _item(ai_keywords=["a", 1]),
            "expected an array of strings at $[0].paper.ai_keywords, got an array ['a', 1]",
            "$[0].paper.ai_keywords",
        ),
        (
            _item(organization="Org"),
            "expected an object at $[0].paper.organization, got a string 'Org'",
            "$[0].paper.organization",
        ),
        (
            _item(githubRepo="https://gitlab.com/only"),
            "expected a repository URL at $[0].paper.githubRepo, got a string "
            "'https://gitlab.com/only'",
            "$[0].paper.githubRepo",
        ),
        (
            _item(projectPage=3),
            "expected a string at $[0].paper.projectPage, got a number 3",
            "$[0].paper.projectPage",
        ),
        (
            _item(summary=["x"]),
            "expected a string at $[0].paper.summary, got an array ['x']",
            "$[0].paper.summary",
        ),
        (
            json.dumps([{"paper": 3, "title": "Outer title"}]),
            "expected an object at $[0].paper, got a number 3",
            "$[0].paper",
        ),
        (
            json.dumps({"dailyPapers": [], "dateString": "yesterday"}),
            "expected a date like '2026-03-09' at $.dateString, got 'yesterday'",
            "$.dateString",
        ),
    ],
    ids=[
        "arxiv-id",
        "authors-type",
        "author-name",
        "keywords",
        "organization",
        "github-repo",
        "project-page",
        "summary",
        "paper-type",
        "date-string",
    ],
)
def test_json_branches(data: str, message: str, field: str) -> None:
    """Each JSON mapping branch: an Issue with the JSON path, or a ParseError in strict mode."""
    assert _only_issue(data) == (message, None, field)
    with pytest.raises(ParseError) as caught:
        paperlist.loads(data, strict=True)
    assert (caught.value.message, caught.value.field) == (message, field)


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (
            '<html><body>\n<div data-target="DailyPapers" data-props=""></div></body></html>',
            "the DailyPapers element has no data-props (empty or beyond the parser's limits)",
        ),
        (
            '<html><body>\n<div data-target="DailyPapers" data-props="[1]"></div></body></html>',
            "expected an object in the DailyPapers data-props",
        ),
        (
            '<html><body>\n<div data-target="DailyPapers" data-props="{}"></div></body></html>',
            "expected 'dailyPapers' or 'searchResults' in the DailyPapers data-props",
        ),
        (
            '<html><body>\n<div data-target="PaperContent" data-props="{}"></div></body></html>',
            "expected a 'paper' object in the PaperContent data-props",
        ),
    ],
    ids=["empty-props", "props-not-object", "props-without-papers", "paper-page-without-paper"],
)
def test_html_props_branches(page: str, message: str) -> None:
    """Unusable hydration data raises with the element's line."""
    with pytest.raises(ParseError) as caught:
        paperlist.loads(page)
    assert (caught.value.message, caught.value.line) == (message, 2)
    assert str(caught.value) == f"<string>:2: {message}"


def test_html_card_with_a_bad_paper_link() -> None:
    """A card whose title links to no arXiv id keeps its title and reports the link."""
    page = (
        "<html><body>\n<article><h3><a href='/papers/not-an-id'>A title</a></h3>"
        "<p>Text.</p></article></body></html>"
    )
    listing = paperlist.loads(page)
    assert listing[0].title == "A title"
    assert listing[0].arxiv_id is None
    assert [(issue.message, issue.line, issue.field) for issue in listing.issues] == [
        ("expected a link to a paper page, got '/papers/not-an-id'", 2, "arxiv_id")
    ]


def test_props_issues_carry_the_element_line() -> None:
    """Mapping problems inside props name the element's line and the JSON path."""
    props = {"dailyPapers": [{"paper": 3, "title": "Outer title"}]}
    page = "<html><body>\n\n" + hydration_div(props) + "</body></html>"
    listing = paperlist.loads(page)
    assert [(issue.line, issue.field) for issue in listing.issues] == [
        (3, "$.dailyPapers[0].paper")
    ]
    with pytest.raises(ParseError) as caught:
        paperlist.loads(page, strict=True)
    assert (caught.value.line, caught.value.field) == (3, "$.dailyPapers[0].paper")
