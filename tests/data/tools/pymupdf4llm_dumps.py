"""Write pymupdf4llm's Markdown of the two real pages printed to PDF (see SOURCES.md).

Run from the repository root with pymupdf4llm 2.0 installed, the PDFs that Chromium
printed of the two pages in /tmp/pages: ``python tests/data/tools/pymupdf4llm_dumps.py``.
"""

import pymupdf4llm  # type: ignore[import-not-found]

PAGES = [
    ("daily_listing_2024-08-01", "text/daily_listing_2024-08-01"),
    ("paper_page_2509.24002.prettified", "text/paper_page_2509.24002_2025-10-02"),
]
for pdf, stem in PAGES:
    markdown = pymupdf4llm.to_markdown(f"/tmp/pages/{pdf}.pdf")
    with open(f"tests/data/{stem}.chromium-pdf-pymupdf4llm.md", "w", encoding="utf-8") as out:
        out.write(markdown)
