"""BibTeX that a real parser (pybtex) and BibTeX styles accept."""

from __future__ import annotations

import datetime

import pytest

import paperlist
from paperlist import Listing, Paper

pybtex_database = pytest.importorskip("pybtex.database")


def _parse(bibtex: str) -> dict[str, dict[str, str]]:
    """Entries by key, each field as pybtex reads it; duplicate keys fail here."""
    data = pybtex_database.parse_string(bibtex, "bibtex")
    return {key: dict(entry.fields) for key, entry in data.entries.items()}


def test_every_entry_of_every_sample_parses(samples: dict[str, Listing]) -> None:
    for name, listing in samples.items():
        entries = _parse(listing.to_bibtex())
        with_id = [paper for paper in listing if paper.arxiv_id is not None]
        assert len(entries) == len(with_id), name
        for paper, fields in zip(with_id, entries.values(), strict=True):
            assert fields["url"] == f"https://arxiv.org/abs/{paper.arxiv_id}", name
            assert fields["doi"] == f"10.48550/arXiv.{paper.arxiv_id}", name
            assert fields["eprint"] == paper.arxiv_id, name
            assert fields["archivePrefix"] == "arXiv", name


def test_an_unmerged_listing_still_has_unique_keys(samples: dict[str, Listing]) -> None:
    listing = samples["daily_papers_2024-08-02.json"]
    twice = Listing([*listing, *listing])
    keys = list(_parse(twice.to_bibtex()))
    first = listing[0].arxiv_id
    assert keys[0] == f"arXiv_{first}"
    assert keys[len(listing)] == f"arXiv_{first}_2"


def test_title_capitals_are_braced_and_math_kept() -> None:
    """Checked by hand: which words a style would lower, what must stay TeX."""
    paper = Paper(
        "LLM2Vec-Gen: Training (LLMs) with $\\pi_0$ and GPT-4o, in 100% of_cases",
        "2404.02060",
        published=datetime.date(2024, 4, 2),
    )
    fields = _parse(Listing([paper]).to_bibtex())["arXiv_2404.02060"]
    assert fields["title"] == (
        "{LLM2Vec-Gen}: Training ({LLMs}) with $\\pi_0$ and {GPT-4o}, in 100\\% of\\_cases"
    )
    assert (fields["year"], fields["month"]) == ("2024", "April")


def test_a_name_holding_and_is_braced() -> None:
    paper = Paper("T", "2404.02060", authors=("Smith and Jones Lab", "Ann Lee"))
    data = pybtex_database.parse_string(Listing([paper]).to_bibtex(), "bibtex")
    people = data.entries["arXiv_2404.02060"].persons["author"]
    assert len(people) == 2
    assert str(people[1]) == "Lee, Ann"


def test_year_and_month_come_from_a_new_style_id_when_the_date_is_unknown() -> None:
    entries = _parse(Listing([Paper("T", "2512.00001"), Paper("U", "hep-th/9901001")]).to_bibtex())
    assert (entries["arXiv_2512.00001"]["year"], entries["arXiv_2512.00001"]["month"]) == (
        "2025",
        "December",
    )
    assert "year" not in entries["arXiv_hep-th_9901001"]


def test_papers_without_an_id_have_no_entry() -> None:
    assert paperlist.Listing([Paper("No id")]).to_bibtex() == ""
