"""Build realistic Daily Papers HTML pages from real API JSON items.

No saved real listing page exists, so tests and the benchmark render the real
JSON samples in the structure documented in ../shared/FORMATS.md section 4:
HTML-escaped props on a SVELTE_HYDRATER div, rendered ``article`` cards, and
scripts with look-alike text.
"""

from __future__ import annotations

import datetime
import html
import json
from typing import Any

_HEAD = """<!DOCTYPE html>
<html class="">
<head>
<meta charset="utf-8"/>
<title>{title} - Hugging Face</title>
<script>
  // Look-alike text a regular expression would trip over:
  window.__fake =
    '<div data-target="DailyPapers" data-props="{{&quot;dailyPapers&quot;:[]}}"></div>';
</script>
</head>
<body>
<div class="SVELTE_HYDRATER contents" data-target="MainHeader" data-props="{{}}"></div>
"""
_TAIL = "</section>\n</body>\n</html>\n"


def _escape_props(props: dict[str, Any], quote: str) -> str:
    raw = json.dumps(props, ensure_ascii=False, separators=(",", ":"))
    if quote == '"':
        return html.escape(raw, quote=True)
    # Single-quoted attributes leave double quotes raw, as prettify() does.
    return raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")


def hydration_div(
    props: dict[str, Any],
    *,
    target: str = "DailyPapers",
    target_first: bool = True,
    quote: str = '"',
) -> str:
    """The hydration element, with either attribute order and quote style."""
    escaped = _escape_props(props, quote)
    target_attr = f'data-target="{target}"'
    props_attr = f"data-props={quote}{escaped}{quote}"
    attrs = (target_attr, props_attr) if target_first else (props_attr, target_attr)
    return f'<div class="SVELTE_HYDRATER contents" {attrs[0]} {attrs[1]}></div>\n'


def _card_date(iso: str) -> str:
    day = datetime.date.fromisoformat(iso[:10])
    return f"{day:%b} {day.day}, {day.year}"


def card(item: dict[str, Any]) -> str:
    """One rendered card as a browser's DOM shows it (class names kept loose)."""
    paper = item["paper"]
    arxiv_id = paper["id"]
    upvotes = paper.get("upvotes") or "-"
    authors = paper.get("authors") or []
    comments = item.get("numComments", 0)
    parts = [
        '<article class="relative flex flex-col overflow-hidden rounded-xl border">',
        f'<div class="shadow-alternate"><div class="leading-none">{upvotes}</div></div>',
        f'<h3 class="mb-1 text-lg font-semibold"><a href="/papers/{arxiv_id}" class="line-clamp-3">'
        f"{html.escape(paper['title'])}</a></h3>",
        f'<p class="text-gray-500">{html.escape(paper.get("summary", ""))}</p>',
    ]
    organization = paper.get("organization")
    if organization:
        parts.append(
            f'<a href="/{html.escape(organization["name"])}"><img alt="" src="/avatar.png"/>'
            f"{html.escape(organization.get('fullname') or organization['name'])}</a>"
        )
    else:
        parts.append(
            f'<ul class="flex"><li><img src="/a.png"/></li><li>{len(authors)} authors</li></ul>'
        )
    parts.append("<span>·</span>")
    parts.append(f"<span>{_card_date(paper['publishedAt'])}</span>")
    if paper.get("githubRepo"):
        stars = paper.get("githubStars")
        parts.append(
            f'<a href="{html.escape(paper["githubRepo"])}"><svg></svg><span>GitHub</span>'
            f"<span>{stars if stars is not None else ''}</span></a>"
        )
    parts.append(f'<a href="/papers/{arxiv_id}#community">{comments}</a>')
    parts.append("</article>\n")
    return "".join(parts)


def listing_page(
    items: list[dict[str, Any]],
    *,
    date_string: str | None = "2025-03-17",
    period: str = "day",
    key: str = "dailyPapers",
    hydration: bool = True,
    cards: bool = True,
    target_first: bool = True,
    quote: str = '"',
    title: str = "Daily Papers",
) -> str:
    """A listing page (daily, weekly, monthly or search) holding ``items``."""
    props: dict[str, Any] = {key: items, "periodType": period, "query": None}
    if date_string is not None:
        props["dateString"] = date_string
    body = [_HEAD.format(title=html.escape(title))]
    if hydration:
        body.append(hydration_div(props, target_first=target_first, quote=quote))
    body.append('<section class="grid">\n')
    if cards:
        body.extend(card(item) for item in items)
    body.append(_TAIL)
    return "".join(body)
