#!/bin/sh
# Writes the reader-service and web-clipper dumps of the two real pages (see SOURCES.md).
# Needs Node.js and `npm install turndown@7.2.5` in this folder. Run from the repository root.
set -eu
here=tests/data/tools
text=tests/data/text
dump() {  # page.html mode address
  node "$here/turndown_dump.js" "$1" "$2" "$3"
}
reader() {  # page.html title address
  printf 'Title: %s\n\nURL Source: %s\n\nMarkdown Content:\n' "$2" "$3"
  dump "$1" reader "$3"
}
clipper() {  # page.html title address captured
  printf -- '---\ntitle: "%s"\nsource: "%s"\nauthor:\npublished:\ncreated: %s\ndescription:\ntags:\n  - "clippings"\n---\n' "$2" "$3" "$4"
  dump "$1" clipper "$3"
}
listing=tests/data/html/daily_listing_2024-08-01.html
day='https://huggingface.co/papers?date=2024-08-01'
reader "$listing" 'Daily Papers - Hugging Face' "$day" >"$text/daily_listing_2024-08-01.turndown-reader.md"
clipper "$listing" 'Daily Papers - Hugging Face' "$day" 2024-08-02 >"$text/daily_listing_2024-08-01.turndown-clipper.md"
page=tests/data/html/paper_page_2509.24002.prettified.html
address='https://huggingface.co/papers/2509.24002'
title='Paper page - MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use'
reader "$page" "$title" "$address" >"$text/paper_page_2509.24002_2025-10-02.turndown-reader.md"
clipper "$page" "$title" "$address" 2025-10-02 >"$text/paper_page_2509.24002_2025-10-02.turndown-clipper.md"
