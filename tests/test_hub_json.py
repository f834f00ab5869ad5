"""JSON written by huggingface_hub (``hf papers ls/search/info --format json``).

The files are made here, offline, the way the hf command makes them: each API
item becomes a ``PaperInfo``, turned into a dict by the command's own helper
and written with ``json.dumps(..., default=str)``.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

import paperlist
from conftest import JSON_FILES, json_items

hf_api = pytest.importorskip("huggingface_hub.hf_api")
hf_output = pytest.importorskip("huggingface_hub.cli._output")


def _hub_dicts(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    dicts: list[dict[str, Any]] = [
        hf_output._dataclass_to_dict(hf_api.PaperInfo(**item)) for item in items
    ]
    return dicts


def _hub_json(name: str) -> str:
    return json.dumps(_hub_dicts(json_items(name)), default=str)


def test_a_listing_from_before_2025_03_keeps_its_listing_day() -> None:
    """Checked against the API item: id 2406.06523, item publishedAt 2024-06-13T01:59Z."""
    paper = paperlist.loads(_hub_json("daily_papers_2024-06-13.json"), strict=True)[0]
    assert paper.arxiv_id == "2406.06523"
    assert paper.title.startswith("NaRCan: Natural Refined Canonical Image")
    assert paper.published == datetime.date(2024, 6, 10)
    assert paper.listed == datetime.date(2024, 6, 13)
    assert (paper.upvotes, paper.comments) == (32, 1)
    assert paper.authors == (
        "Ting-Hsuan Chen", "Jiewen Chan", "Hau-Shiang Shiu",
        "Shih-Han Yen", "Chang-Han Yeh", "Yu-Lun Liu",
    )  # fmt: skip
    assert paper.author_count == 6


def test_a_listing_day_that_echoes_the_arxiv_time_is_no_listing_day() -> None:
    """2510.02283: submitted_at 2025-10-02T13:55:42, the arXiv time 17:55:42 shifted 4 hours."""
    paper = paperlist.loads(_hub_json("daily_papers_2025-10-03.json"), strict=True)[0]
    assert paper.arxiv_id == "2510.02283"
    assert paper.published == datetime.date(2025, 10, 2)
    assert paper.listed is None
    assert (paper.upvotes, paper.comments) == (43, 2)
    assert paper.organization == "ByteDance Seed"
    assert paper.author_count == 9
    assert paper.authors[0] == "Justin Cui"


@pytest.mark.parametrize("path", JSON_FILES, ids=lambda path: path.name)
def test_every_api_file_as_hub_json_loads_every_paper_without_issues(path: Any) -> None:
    items = json_items(path.name)
    listing = paperlist.loads(_hub_json(path.name))
    assert listing.issues == ()
    assert [paper.arxiv_id for paper in listing] == [item["paper"]["id"] for item in items]
    assert all(paper.published is not None for paper in listing)
    comments = [item["numComments"] for item in items]
    assert [paper.comments for paper in listing] == comments


def test_one_paper_as_hf_papers_info_writes_it() -> None:
    (item,) = _hub_dicts(json_items("daily_papers_2024-06-13.json")[:1])
    listing = paperlist.loads(json.dumps(item, indent=2, default=str))
    assert [paper.arxiv_id for paper in listing] == ["2406.06523"]


def test_wrong_values_name_their_snake_case_paths() -> None:
    item = {"id": "2406.06523", "title": "T", "published_at": "soon", "github_repo": 3}
    listing = paperlist.loads(json.dumps([item]))
    assert [issue.field for issue in listing.issues] == ["$[0].published_at", "$[0].github_repo"]
    assert listing[0].published is None
