"""Repository links and arXiv ids."""

from __future__ import annotations

import pytest

from paperlist._links import (
    arxiv_id_from_paper_url,
    canonical_repo_urls,
    find_repo_urls,
    normalise_arxiv_id,
    repo_url,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "are accessible at: https://github.com/com-phy-affordance/COAT. This research",
            ["https://github.com/com-phy-affordance/COAT"],
        ),
        ("Code: github.com/deel-ai/Craft.", ["https://github.com/deel-ai/Craft"]),
        (
            "at https: //github.com/reds-lab/preference-learning-with-rationales.",
            ["https://github.com/reds-lab/preference-learning-with-rationales"],
        ),
        (
            r"\url{https://github.com/ernie-research/Tool-Augmented-Reward-Model}.",
            ["https://github.com/ernie-research/Tool-Augmented-Reward-Model"],
        ),
        ("(see https://gitlab.com/a/b.git)", ["https://gitlab.com/a/b"]),
        (
            "[https://bitbucket.org/a/b]; and 'https://codeberg.org/c/d',",
            [
                "https://bitbucket.org/a/b",
                "https://codeberg.org/c/d",
            ],
        ),
        ('"https://github.com/x/y/tree/main/src"', ["https://github.com/x/y"]),
        ("http://www.GitHub.com/Up/Case", ["https://github.com/Up/Case"]),
        ("https://github.com/acme-lab only", []),
        ("https://acme-lab.github.io/project", []),
        ("https://huggingface.co/datasets/acme/data", []),
        ("https://github.com/orgs/acme/repositories", []),
        ("not a link: notgithub.com/a/b", []),
    ],
)
def test_repository_links_in_text(text: str, expected: list[str]) -> None:
    """Links are found in every typed shape and reduced to https://host/owner/name."""
    assert find_repo_urls(text) == expected


def test_duplicates_are_dropped_case_insensitively_keeping_the_first_spelling() -> None:
    """The first spelling of a repository wins."""
    assert canonical_repo_urls(
        ["https://github.com/A/B", "https://github.com/a/b", "https://github.com/c/d"]
    ) == ("https://github.com/A/B", "https://github.com/c/d")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://github.com/eval-sys/mcpmark", "https://github.com/eval-sys/mcpmark"),
        ("https://github.com/eval-sys/mcpmark/", "https://github.com/eval-sys/mcpmark"),
        ("https://github.com/eval-sys/mcpmark/tree/main/x", "https://github.com/eval-sys/mcpmark"),
        ("  https://github.com/a/b.git ", "https://github.com/a/b"),
        ("https://github.com/eval-sys", None),
        ("", None),
        # Real githubRepo values with a line break inside (API responses of 2025-10-23
        # and 2025-10-08, papers 2510.18940 and 2510.05342): a browser drops it.
        (
            "https://github.com/\nFightingFighting/NeuroAda.git",
            "https://github.com/FightingFighting/NeuroAda",
        ),
        (
            "https://github.com/sirano1004/\nMargin-Apative-Direct-Preference-Optimization",
            "https://github.com/sirano1004/Margin-Apative-Direct-Preference-Optimization",
        ),
    ],
)
def test_repository_field(value: str, expected: str | None) -> None:
    """A githubRepo value is canonicalised like a link in text; tabs and line breaks in it
    are dropped, as a browser drops them from an address."""
    assert repo_url(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2509.24002", "2509.24002"),
        ("2509.24002v3", "2509.24002"),
        ("1501.0001", "1501.0001"),
        ("hep-th/9901001", "hep-th/9901001"),
        ("math.GT/0309136v2", "math.GT/0309136"),
        ("not-an-id", None),
        ("2509.2.002", None),  # ten characters with a dot fifth, but not an id
        ("25092.4002", None),
        (" 2509.2400", "2509.2400"),
    ],
)
def test_arxiv_ids(text: str, expected: str | None) -> None:
    """New and legacy arXiv ids are kept without their version."""
    assert normalise_arxiv_id(text) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://huggingface.co/papers/2606.00683", "2606.00683"),
        ("/papers/2606.00683#community", "2606.00683"),
        ("https://huggingface.co/papers/2606.00683?x=1", "2606.00683"),
        ("https://huggingface.co/login?next=%2Fpapers%2F2606.00683", None),
    ],
)
def test_arxiv_id_from_paper_links(url: str, expected: str | None) -> None:
    """Paper-page links give their arXiv id; other links give None."""
    assert arxiv_id_from_paper_url(url) == expected
