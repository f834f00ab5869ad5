"""Write a HAR file of a visit to the real pages (see SOURCES.md).

Run from the repository root with playwright from PyPI (its own browsers are not
needed: Debian's chromium is used) while ``serve_real_pages.py 8767`` serves the
pages, which the browser reaches as its proxy so that it records the site's own
addresses: ``python tests/data/tools/make_har.py``. Requests the proxy cannot
serve (fonts, images on other hosts) are recorded as failed, as a browser would.
"""

import gzip

from playwright.sync_api import sync_playwright  # type: ignore[import-not-found]

HAR = "tests/data/saved/playwright.har"
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(
        executable_path="/usr/bin/chromium",
        args=["--no-sandbox"],
        proxy={"server": "http://127.0.0.1:8767"},
    )
    context = browser.new_context(record_har_path=HAR, record_har_content="embed")
    page = context.new_page()
    for url in [
        "http://huggingface.co/papers?date=2024-08-01",
        "http://huggingface.co/api/daily_papers?date=2024-08-02",
        "http://huggingface.co/papers/2509.24002",
    ]:
        page.goto(url, wait_until="domcontentloaded")
    context.close()
    browser.close()
with open(HAR, "rb") as plain, open(f"{HAR}.gz", "wb") as packed:
    packed.write(gzip.compress(plain.read(), mtime=0))  # kept gzipped: paperlist reads it so
