"""Rewrite a saved page as the Wayback Machine replays it (see SOURCES.md).

Usage: python wayback_copy.py PAGE.html ORIGINAL-ADDRESS TIMESTAMP > COPY.html

Runs pywb's HTML rewriter (pywb 2.10.0, the Webrecorder replay software whose scheme
web.archive.org shares): every link, image and script address becomes
"/web/<timestamp>[im_|js_|cs_]/<original address>". Needs ``pip install pywb``.
"""

import sys

from pywb.rewrite.html_rewriter import HTMLRewriter  # type: ignore[import-not-found]
from pywb.rewrite.url_rewriter import UrlRewriter  # type: ignore[import-not-found]

page, original, timestamp = sys.argv[1:4]
rewriter = HTMLRewriter(
    UrlRewriter(
        f"{timestamp}/{original}",
        "https://web.archive.org/web/",
        full_prefix="https://web.archive.org/web/",
    )
)
with open(page, encoding="utf-8") as source:
    sys.stdout.write(rewriter.rewrite(source.read()) + rewriter.close())
