"""Write the expected Listing of each converter's output of the real daily listing page.

The truth is the page's own hydration props (its ``dailyPapers``), never
paperlist's reading of a dump: for each dump, the papers whose title the dump
shows, with the upvote, comment and author counts of the props, and the arXiv
id only where the dump keeps the links. Listing title and date were read off
each dump by eye ("Daily Papers", "Aug 1"; trafilatura keeps neither).
Run from the repository root: ``python tests/data/expected_from_props.py``.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import attrs
from lxml import etree

import paperlist

DATA = Path(__file__).parent
PAGE = DATA / "html" / "daily_listing_2024-08-01.html"
# tool: (file ending, keeps links to paper pages, shows the page title and date)
DUMPS = {
    "bs4": ("txt", False, True),
    "chromium-innertext": ("txt", False, True),
    "crawl4ai": ("md", True, True),
    "crawl4ai-citations": ("md", True, True),
    "chromium-webdriver-text": ("txt", False, True),
    "html2text": ("md", True, True),
    "html2text-reference-links": ("md", True, True),
    "html2text-wrapped": ("md", True, True),
    "inscriptis": ("txt", False, True),
    "justext-all": ("txt", False, True),
    "links": ("txt", False, True),
    "lynx": ("txt", True, True),
    "lynx-nolist": ("txt", False, True),
    "markdownify": ("md", True, True),
    "markitdown": ("md", True, True),
    "note-export": ("md", True, True),
    "pandoc-markdown": ("md", True, True),
    "pandoc-plain": ("txt", False, True),
    "readabilipy": ("txt", False, True),
    "trafilatura": ("txt", False, False),
    "turndown-clipper": ("md", True, True),
    "turndown-reader": ("md", True, True),
    "w3m": ("txt", False, True),
}


def props_items() -> list[dict[str, Any]]:
    root = etree.parse(str(PAGE), etree.HTMLParser()).getroot()
    element = root.find(".//*[@data-target='DailyPapers']")
    assert element is not None
    items: list[dict[str, Any]] = json.loads(element.get("data-props") or "")["dailyPapers"]
    return items


def expected(dump: str, links: bool, header: bool) -> paperlist.Listing:
    """What ``dump`` shows of the page, as the props give it."""
    # As the page shows it: html2text's default wrapping breaks words at hyphens.
    shown = " ".join(re.sub(r"(?<=\w-)\n(?=\w)", "", dump).split())
    papers = []
    for item in props_items():
        paper = item["paper"]
        title = " ".join(paper["title"].split())
        if title in shown:
            papers.append(
                paperlist.Paper(
                    title=title,
                    arxiv_id=paper["id"] if links else None,
                    upvotes=paper["upvotes"],
                    comments=item["numComments"],
                    author_count=len(paper["authors"]),
                    # Every dump shows "Submitted by <handle>" above each card.
                    submitted_by=item["submittedBy"]["name"],
                )
            )
    return paperlist.Listing(
        papers,
        title="Daily Papers" if header else None,
        date=datetime.date(2024, 8, 1) if header else None,
        format="text",
    )


PAPER_PAGE = DATA / "html" / "paper_page_2509.24002.prettified.html"
# Tools whose output of the paper page keeps its landmarks (trafilatura keeps none).
PAPER_PAGE_DUMPS = ["bs4.txt", "bs4-lines.txt", "bs4-double-lines.txt", "chromium-innertext.txt",
                    "chromium-pdf-pdftotext.txt", "chromium-pdf-pdftotext-layout.txt",
                    "chromium-pdf-pdftotext-raw.txt", "chromium-pdf-pdftotext-nopgbrk.txt",
                    "chromium-pdf-pdftotext-nopgbrk-layout.txt",
                    "chromium-pdf-pdftotext-nopgbrk-raw.txt",
                    "chromium-pdf-pymupdf.txt", "chromium-pdf-pymupdf-noformfeed.txt",
                    "chromium-pdf-pymupdf-layout.txt", "chromium-pdf-pdfminer.txt",
                    "chromium-pdf-markitdown.md", "chromium-pdf-pypdf.txt",
                    "chromium-pdf-pymupdf4llm.md",
                    "chromium-webdriver-text.txt", "crawl4ai.md", "crawl4ai-citations.md",
                    "elinks.txt", "html-text.txt",
                    "html-to-markdown.md", "html-to-text.txt", "html-to-text-wordwrap-off.txt",
                    "html2text-links-each-paragraph.md", "html2text-protect-links.md",
                    "html2text-single-line-break.md", "links-numbered.txt",
                    "node-html-markdown.md", "html2text.md",
                    "html2text-wrapped.md", "inscriptis.txt", "links.txt", "lynx.txt",
                    "lynx-nolist.txt", "markdownify.md", "markitdown.md", "note-export.md",
                    "pandoc-markdown.md", "pandoc-plain.txt", "turndown-clipper.md",
                    "turndown-reader.md",
                    "w3m.txt"]  # fmt: skip


def paper_page_expected(links: bool) -> paperlist.Listing:
    """What a dump of the paper page shows, as its PaperContent props give it: title, id,
    abstract, AI summary, authors, upvotes and the published date ("Published on Sep 28",
    captured 2025-10-02), and the day it was listed ("Submitted by Zijian Wu on Oct 1",
    the props' ``submittedOnDailyAt``); with ``links``, the submitter's handle and the
    organisation chip's name and handle, which only links carry."""
    root = etree.parse(str(PAPER_PAGE), etree.HTMLParser()).getroot()
    element = root.find(".//*[@data-target='PaperContent']")
    assert element is not None
    props = json.loads(element.get("data-props") or "")
    paper = props["paper"]
    chip = props["submitterOrganization"]  # the organisation chip after the badge
    names = tuple(author["name"] for author in paper["authors"])
    return paperlist.Listing(
        [
            paperlist.Paper(
                title=" ".join(paper["title"].split()),
                arxiv_id=paper["id"],
                abstract=" ".join(paper["summary"].split()),
                ai_summary=" ".join(paper["ai_summary"].split()),
                authors=names,
                author_count=len(names),
                published=datetime.date.fromisoformat(paper["publishedAt"][:10]),
                upvotes=paper["upvotes"],
                listed=datetime.date.fromisoformat(paper["submittedOnDailyAt"][:10]),
                submitted_by=paper["submittedOnDailyBy"]["user"] if links else None,
                organization=chip["fullname"] if links else None,
                organization_id=chip["name"] if links else None,
            )
        ],
        format="text",
    )


def main() -> None:
    for tool, (ending, links, header) in DUMPS.items():
        endings = ("txt", "md") if tool == "trafilatura" else (ending,)
        for suffix in endings:
            case = DATA / "text" / f"daily_listing_2024-08-01.{tool}.{suffix}"
            result = expected(case.read_text(encoding="utf-8"), links, header)
            target = case.with_name(case.name.replace(f".{suffix}", f".{suffix}.expected.json"))
            target.write_text(paperlist.dumps(result, indent=1) + "\n", encoding="utf-8")

    for ending in PAPER_PAGE_DUMPS:
        target = DATA / "text" / f"paper_page_2509.24002_2025-10-02.{ending}.expected.json"
        # A PDF keeps no link, whatever its text is saved as.
        links = ending.endswith(".md") and not ending.startswith("chromium-pdf")
        expected_page = paper_page_expected(links=links)
        if ending.startswith("html-to-text"):  # it writes headings, the title too, in capitals
            capitals = attrs.evolve(expected_page[0], title=expected_page[0].title.upper())
            expected_page = attrs.evolve(expected_page, papers=(capitals,))
        target.write_text(paperlist.dumps(expected_page, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
