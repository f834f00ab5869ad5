#!/bin/sh
# Writes the real pages saved with their HTTP responses by curl and wget (see SOURCES.md).
# The pages are served on this machine by serve_real_pages.py, which both tools reach as
# their HTTP proxy, so that they ask for, and record, the site's own addresses.
# Needs curl 7.88 and wget 1.21 (Debian). Run from the repository root.
set -eu
saved=tests/data/saved
proxy=http://127.0.0.1:8765
python3 tests/data/tools/serve_real_pages.py 8765 &
server=$!
sleep 1
site=http://huggingface.co
curl -s -i -L -x $proxy "$site/papers/latest" -o "$saved/daily_listing_2024-08-01.curl-i-L.html"
curl -s -i -x $proxy "$site/papers/2509.24002" -o "$saved/paper_page_2509.24002.curl-i.html"
curl -s -i -x $proxy "$site/papers/2401.00001" -o "$saved/paper_page_2401.00001.curl-i-404.html"
curl -s -i -x $proxy "http://r.jina.ai/https://huggingface.co/papers?date=2024-08-01" \
  -o "$saved/daily_listing_2024-08-01.reader.curl-i.md"
wget -q -e use_proxy=yes -e http_proxy=$proxy --save-headers \
  -O "$saved/daily_papers_2024-08-02.wget-save-headers.json" "$site/api/daily_papers?date=2024-08-02"
wget -q -e use_proxy=yes -e http_proxy=$proxy --warc-file="$saved/wget" -O /dev/null \
  "$site/papers?date=2024-08-01" "$site/papers/2509.24002" \
  "$site/api/daily_papers?date=2024-08-02" "$site/papers/latest" "$site/models"
kill $server
