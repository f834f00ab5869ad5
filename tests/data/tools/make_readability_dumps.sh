#!/bin/sh
# Writes Readability's text and Markdown of the two real pages (see SOURCES.md). Needs
# Node.js and `npm install jsdom @mozilla/readability turndown` in this folder.
# Run from the repository root.
set -eu
here=tests/data/tools
text=tests/data/text
dump() {  # page.html address stem
  node "$here/readability_dump.js" "$1" "$2" text >"$text/$3.readability.txt"
  node "$here/readability_dump.js" "$1" "$2" markdown >"$text/$3.readability-turndown.md"
}
dump tests/data/html/daily_listing_2024-08-01.html 'https://huggingface.co/papers?date=2024-08-01' \
  daily_listing_2024-08-01
dump tests/data/html/paper_page_2509.24002.prettified.html 'https://huggingface.co/papers/2509.24002' \
  paper_page_2509.24002_2025-10-02
