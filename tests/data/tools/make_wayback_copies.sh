#!/bin/sh
# Writes the Wayback Machine copies of the two real pages and ten tools' dumps of each
# (see SOURCES.md). Needs pywb, html2text, markdownify and markitdown from PyPI; lynx,
# elinks and pandoc from Debian; turndown, html-to-text, node-html-markdown, defuddle and
# jsdom from the npm registry on NODE_PATH. Run from the repository root.
set -eu
here=tests/data/tools
html=tests/data/html
text=tests/data/text
copy() {  # page.html original-address timestamp copy.html [--toolbar]
  python3 "$here/wayback_copy.py" "$1" "$2" "$3" ${5:-} >"$4"
}
dumps() {  # copy.html stem address-of-the-copy
  python3 - "$1" "$2" <<'PY'
import sys
import html2text, markdownify, markitdown
page_path, stem = sys.argv[1:3]
page = open(page_path, encoding="utf-8").read()
converter = html2text.HTML2Text()
converter.body_width = 0
open(f"{stem}.wayback-html2text.md", "w").write(converter.handle(page))
open(f"{stem}.wayback-markdownify.md", "w").write(markdownify.markdownify(page))
markdown = markitdown.MarkItDown().convert(page_path).text_content
open(f"{stem}.wayback-markitdown.md", "w").write(markdown)
PY
  pandoc -f html -t markdown "$1" -o "$2.wayback-pandoc-markdown.md"
  lynx -dump -width=100 "$1" >"$2.wayback-lynx.txt"
  elinks -dump "$1" >"$2.wayback-elinks.txt"
  node "$here/turndown_dump.js" "$1" reader "$3" >"$2.wayback-turndown-reader.md"
  node -e '
    const fs = require("fs");
    const { convert } = require("html-to-text");
    const { NodeHtmlMarkdown } = require("node-html-markdown");
    const [page, stem] = process.argv.slice(1);
    const html = fs.readFileSync(page, "utf8");
    fs.writeFileSync(`${stem}.wayback-html-to-text.txt`, convert(html));
    fs.writeFileSync(`${stem}.wayback-node-html-markdown.md`, NodeHtmlMarkdown.translate(html));
  ' "$1" "$2"
  node -e '
    // defuddle/node is an ES module only: imported from beside the main file of defuddle.
    const fs = require("fs");
    const path = require("path");
    const { pathToFileURL } = require("url");
    const { JSDOM } = require("jsdom");
    const [page, stem, address] = process.argv.slice(1);
    const module = path.join(path.dirname(require.resolve("defuddle")), "node.js");
    import(pathToFileURL(module).href).then(async ({ Defuddle }) => {
      const dom = new JSDOM(fs.readFileSync(page, "utf8"), { url: address });
      const result = await Defuddle(dom, address, { markdown: true });
      fs.writeFileSync(`${stem}.wayback-defuddle.md`, result.content);
    });
  ' "$1" "$2" "$3"
}
day=20240801235959
copy "$html/daily_listing_2024-08-01.html" 'https://huggingface.co/papers?date=2024-08-01' $day \
  "$html/daily_listing_2024-08-01.wayback.html"
dumps "$html/daily_listing_2024-08-01.wayback.html" "$text/daily_listing_2024-08-01" \
  "https://web.archive.org/web/$day/https://huggingface.co/papers?date=2024-08-01"
day=20251002120000
copy "$html/paper_page_2509.24002.prettified.html" 'https://huggingface.co/papers/2509.24002' $day \
  "$html/paper_page_2509.24002.wayback.html"
dumps "$html/paper_page_2509.24002.wayback.html" "$text/paper_page_2509.24002_2025-10-02" \
  "https://web.archive.org/web/$day/https://huggingface.co/papers/2509.24002"
# The listing as web.archive.org serves it, with its toolbar: four tools' dumps, the copy
# itself left out (it is the copy above with the toolbar's few lines).
toolbar=$(mktemp --suffix=.html)
copy "$html/daily_listing_2024-08-01.html" 'https://huggingface.co/papers?date=2024-08-01' \
  20240801235959 "$toolbar" --toolbar
stem="$text/daily_listing_2024-08-01.wayback-toolbar"
python3 - "$toolbar" "$stem" <<'PY'
import sys
import bs4, html2text
page_path, stem = sys.argv[1:3]
page = open(page_path, encoding="utf-8").read()
converter = html2text.HTML2Text()
converter.body_width = 0
open(f"{stem}-html2text.md", "w").write(converter.handle(page))
open(f"{stem}-bs4-lines.txt", "w").write(bs4.BeautifulSoup(page, "html.parser").get_text("\n"))
PY
lynx -dump -width=100 "$toolbar" >"$stem-lynx.txt"
w3m -dump -cols 100 -T text/html "$toolbar" >"$stem-w3m.txt"
rm "$toolbar"
