"""Rewrite a Markdown dump in the shape the tracker describes for note-taking exports.

Each link becomes its text, then its URL on a line of its own; images are dropped;
a front matter block with the export date goes first. No tool that writes this
form was at hand, so this script stands in for one (tests/data/SOURCES.md).
Usage: python note_export.py <dump.md> <exported date> > <export.md>
"""

from __future__ import annotations

import re
import sys

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[(?P<text>[^\[\]]*)\]\((?P<url>[^)\s]*)\)")


def note_export(markdown: str, exported: str) -> str:
    body = IMAGE.sub(
        "", markdown.split("\n---\n", 1)[-1] if markdown.startswith("---\n") else markdown
    )
    while True:  # innermost links first: a thumbnail's image link sits inside another
        rewritten = LINK.sub(lambda link: f"{link['text']}\n{link['url']}\n", body)
        if rewritten == body:
            return f"---\nexported: {exported}\n---\n{body}"
        body = rewritten


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as dump:
        sys.stdout.write(note_export(dump.read(), sys.argv[2]))
