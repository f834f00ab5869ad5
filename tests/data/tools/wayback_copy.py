"""Rewrite a saved page as the Wayback Machine replays it (see SOURCES.md).

Usage: python wayback_copy.py PAGE.html ORIGINAL-ADDRESS TIMESTAMP [--toolbar] > COPY.html

Runs pywb's HTML rewriter (pywb 2.10.0, the Webrecorder replay software whose scheme
web.archive.org shares): every link, image and script address becomes
"/web/<timestamp>[im_|js_|cs_]/<original address>". With --toolbar, web.archive.org's
toolbar is inserted after <body>, as in the pages it serves (its markup as real saved
copies show it, with this page's address and time). Needs ``pip install pywb``.
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
    copy = rewriter.rewrite(source.read()) + rewriter.close()
if "--toolbar" in sys.argv[4:]:
    body = copy.index(">", copy.index("<body")) + 1
    archived = f"https://web.archive.org/web/{timestamp}/{original}"
    toolbar = (
        "<!-- BEGIN WAYBACK TOOLBAR INSERT -->\n<script>__wm.rw(0);</script>\n"
        '<div id="wm-ipp-base" lang="en" style="display:none;direction:ltr;">\n</div>'
        f'<div id="wm-ipp-print">The Wayback Machine - {archived}</div>\n'
        '<script type="text/javascript">//<![CDATA[\n'
        f'__wm.bt(750,27,25,2,"web","{original}","{timestamp}",1996,"/_static/",'
        '["/_static/css/banner-styles.css","/_static/css/iconochive.css"], false);\n'
        "  __wm.rw(1);\n//]]></script>\n<!-- END WAYBACK TOOLBAR INSERT -->\n"
    )
    copy = copy[:body] + toolbar + copy[body:]
sys.stdout.write(copy)
