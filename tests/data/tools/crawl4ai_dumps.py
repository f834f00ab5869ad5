"""Write Crawl4AI's Markdown of the two real pages (see SOURCES.md).

Run from the repository root with crawl4ai 0.9.5 installed (no browser is needed: its
Markdown generator is run over the saved pages): ``python tests/data/tools/crawl4ai_dumps.py``.
"""

from crawl4ai.markdown_generation_strategy import (  # type: ignore[import-not-found]
    DefaultMarkdownGenerator,
)

PAGES = [
    ("html/daily_listing_2024-08-01.html", "https://huggingface.co/papers?date=2024-08-01",
     "text/daily_listing_2024-08-01"),
    ("html/paper_page_2509.24002.prettified.html", "https://huggingface.co/papers/2509.24002",
     "text/paper_page_2509.24002_2025-10-02"),
]  # fmt: skip
for page, address, stem in PAGES:
    with open(f"tests/data/{page}", encoding="utf-8") as source:
        result = DefaultMarkdownGenerator().generate_markdown(source.read(), base_url=address)
    with open(f"tests/data/{stem}.crawl4ai.md", "w", encoding="utf-8") as out:
        out.write(result.raw_markdown)  # what str(result.markdown) gives
    # Its Markdown with citations, then the references it cites, as a crawl saves both.
    with open(f"tests/data/{stem}.crawl4ai-citations.md", "w", encoding="utf-8") as out:
        out.write(result.markdown_with_citations + "\n\n" + result.references_markdown)
