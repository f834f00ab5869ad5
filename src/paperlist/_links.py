"""Repository links and arXiv identifiers."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["arxiv_id_from_paper_url", "canonical_repo_urls", "find_repo_urls", "normalise_arxiv_id"]

# A code-repository URL as people type it: scheme optional or broken
# ("https: //"), then host/owner/name; anything deeper is dropped.
_REPO_URL = re.compile(
    r"(?<![\w@-])"
    r"(?:[Hh][Tt][Tt][Pp][Ss]?\s*:\s*//\s*)?"
    r"(?:[Ww][Ww][Ww]\.)?"
    r"(?P<host>(?i:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org))"
    r"/(?P<owner>[A-Za-z0-9_.-]+)"
    r"/(?P<name>[A-Za-z0-9_.-]+)"
)
# Cheap test run before the pattern above: every repository host ends so.
_HOST_ENDING = re.compile(r"\.(?:com|org|COM|ORG|Com|Org)/")
# Path segments that make "host/segment/x" a site page, not a repository.
_NOT_OWNERS = frozenset(
    {
        "about", "apps", "collections", "enterprise", "explore", "features", "login",
        "marketplace", "notifications", "orgs", "pricing", "search", "security",
        "settings", "site", "sponsors", "topics", "trending", "users",
    }
)  # fmt: skip

_NEW_ARXIV_ID = re.compile(r"(\d{4}\.\d{4,5})(?:v\d+)?")
_OLD_ARXIV_ID = re.compile(r"([a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")
_PAPER_URL = re.compile(
    r"(?:https?://(?:www\.)?huggingface\.co)?/papers/([^?#\s)/]+)/?(?:[?#][^\s)]*)?"
)


def _canonical(host: str, owner: str, name: str) -> str | None:
    if owner.lower() in _NOT_OWNERS or owner.strip(".") != owner:
        return None
    name = name.rstrip(".")
    if name.lower().endswith(".git"):
        name = name[:-4].rstrip(".")
    if not name:
        return None
    return f"https://{host.lower()}/{owner}/{name}"


def find_repo_urls(text: str) -> list[str]:
    """Canonical repository URLs mentioned in free text, in order of appearance."""
    if _HOST_ENDING.search(text) is None:
        return []
    found = []
    for match in _REPO_URL.finditer(text):
        url = _canonical(match["host"], match["owner"], match["name"])
        if url is not None:
            found.append(url)
    return found


def canonical_repo_urls(urls: Iterable[str]) -> tuple[str, ...]:
    """Drop duplicates case-insensitively, keeping the first spelling."""
    seen: set[str] = set()
    unique = []
    for url in urls:
        key = url.lower()
        if key not in seen:
            seen.add(key)
            unique.append(url)
    return tuple(unique)


def repo_url(value: str) -> str | None:
    """The canonical form of one repository URL field (``githubRepo``), or None."""
    urls = find_repo_urls(value.strip() + " ")
    return urls[0] if urls else None


def normalise_arxiv_id(text: str) -> str | None:
    """``2509.24002v2`` -> ``2509.24002``; legacy ``hep-th/9901001`` kept; else None."""
    text = text.strip()
    match = _NEW_ARXIV_ID.fullmatch(text) or _OLD_ARXIV_ID.fullmatch(text)
    return match[1] if match else None


def arxiv_id_from_paper_url(url: str) -> str | None:
    """The arXiv id in a ``huggingface.co/papers/<id>`` link, or None."""
    match = _PAPER_URL.fullmatch(url.strip())
    return normalise_arxiv_id(match[1]) if match else None
