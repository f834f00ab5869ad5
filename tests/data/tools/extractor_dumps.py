"""Write readabilipy's and jusText's text of the two real pages (see SOURCES.md).

Run from the repository root with readabilipy 0.3.0 and jusText 3.0.2 installed:
``python tests/data/tools/extractor_dumps.py``.
"""

import justext  # type: ignore[import-not-found, import-untyped, unused-ignore]
from readabilipy import simple_json_from_html_string  # type: ignore[import-not-found]

PAGES = [
    ("html/daily_listing_2024-08-01.html", "text/daily_listing_2024-08-01"),
    ("html/paper_page_2509.24002.prettified.html", "text/paper_page_2509.24002_2025-10-02"),
]
for page, stem in PAGES:
    with open(f"tests/data/{page}", encoding="utf-8") as source:
        html = source.read()
    # readabilipy's own extraction (no Node.js): its "plain_text" paragraphs, one a line.
    extracted = simple_json_from_html_string(html, use_readability=False)
    with open(f"tests/data/{stem}.readabilipy.txt", "w", encoding="utf-8") as out:
        out.write("\n\n".join(part["text"] for part in extracted["plain_text"] or []))
    # jusText's paragraphs, boilerplate kept: on these pages it calls every one boilerplate.
    paragraphs = justext.justext(html.encode(), justext.get_stoplist("English"))
    with open(f"tests/data/{stem}.justext-all.txt", "w", encoding="utf-8") as out:
        out.write("\n\n".join(paragraph.text for paragraph in paragraphs))
