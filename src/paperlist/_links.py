"""Repository links and arXiv identifiers."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable

__all__ = [
    "PAPER_LINK",
    "PAPER_PAGE_ID_LINE",
    "REPOSITORY_HOSTS",
    "arxiv_id_from_paper_url",
    "canonical_repo_urls",
    "find_repo_urls",
    "hub_handle",
    "is_bare_url",
    "is_hub_url",
    "is_paper_address",
    "is_paper_page_id_line",
    "mentioned_repos",
    "normalise_arxiv_id",
    "original_addresses",
    "original_url",
]

REPOSITORY_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org")
"""The hosts whose links are read as code repositories."""
# Derived from REPOSITORY_HOSTS, so that a host added there is found: what a host's
# last four characters and last letter can be, to rule out most slashes cheaply.
_HOST_ENDINGS = frozenset(host[-4:] for host in REPOSITORY_HOSTS)
_HOST_LAST_LETTERS = frozenset(c for host in REPOSITORY_HOSTS for c in (host[-1], host[-1].upper()))
_URL_PREFIXES = tuple((f"https://{host}/", host) for host in REPOSITORY_HOSTS)
_TABS_AND_LINE_BREAKS = dict.fromkeys(map(ord, "\t\n\r"))
# What follows a host: "/owner/name"; anything deeper is dropped.
_PATH = re.compile(r"/(?P<owner>[A-Za-z0-9_.-]+)/(?P<name>[A-Za-z0-9_.-]+)")
# Path segments that make "host/segment/x" a site page, not a repository.
_NOT_OWNERS = frozenset(
    {
        "about", "apps", "collections", "enterprise", "explore", "features", "login",
        "marketplace", "notifications", "orgs", "pricing", "search", "security",
        "settings", "site", "sponsors", "topics", "trending", "users",
    }
)  # fmt: skip

# The site's own pages at its top level, which no user or organisation can be named.
_SITE_PAGES = frozenset(
    {
        "blog", "chat", "collections", "datasets", "docs", "enterprise", "front", "join",
        "learn", "login", "models", "new", "organizations", "papers", "posts", "pricing",
        "privacy", "search", "settings", "spaces", "tasks", "terms-of-service",
    }
)  # fmt: skip

_NEW_ARXIV_ID = re.compile(r"(\d{4}\.\d{4,5})(?:v\d+)?")
_OLD_ARXIV_ID = re.compile(r"([a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")
# A link to a paper page in any form: absolute, scheme-relative or relative; www., hf.co.
_PAPER_PATH = r"(?:(?:https?:)?//(?:www\.)?(?:huggingface\.co|hf\.co))?(?:\.{0,2}/)?papers/"
_PAPER_URL = re.compile(_PAPER_PATH + r"([^?#\s)/]+)/?(?:[?#][^\s)]*)?", re.IGNORECASE)
_COMMON_PAPER_PREFIXES = ("/papers/", "https://huggingface.co/papers/")
_HUB_URL = re.compile(r"https?://(?:www\.)?(?:huggingface|hf)\.co/")
PAPER_LINK = re.compile(_PAPER_PATH + r"[^\s?#]+(?:[?#]\S*)?", re.IGNORECASE)
"""Any link under a paper page's path, an id or not (a card links its title so)."""
PAPER_PAGE_ID_LINE = re.compile(
    r"\s*(?:Papers\s+)?(?:!?\[[^\]]*\](?:\([^)\s]*\))?\s*)?arxiv:(?P<id>\d{4}\.\d{4,5})(?!\d)"
)
"""The line near its top where a paper page names its arXiv id, "arxiv:2509.24002", maybe
after its icon (pandoc's "[] arxiv:…", html-to-markdown's "![](data:…) arxiv:…") or after
the menu's "Papers" on the same line (pymupdf4llm's "Papers arxiv:…")."""


# An archived copy links each address through the archive, the original as its path's
# tail: the Wayback Machine's "https://web.archive.org/web/20240801235959/https://…" (or
# "/web/…", "…/20240801235959im_/…"), pywb's and Archive-It's "/<collection>/<time>/…",
# archive.today's "/o/<key>/…". Converters may percent-encode its colon (markitdown) or
# merge its slashes (elinks: "https:/huggingface.co").
_EMBEDDED_URL = re.compile(r"/(?P<scheme>https?)(?::|%3A)//?(?P<rest>\S*)", re.IGNORECASE)


def original_url(url: str) -> str:
    """The address a link of an archived copy stands for; any other ``url`` as it is."""
    embedded = url.find("/http", 1)
    if embedded == -1:
        return url  # every link of a page saved from the site itself
    query = url.find("?")
    if query != -1 and query < embedded:
        return url  # a parameter ("/login?next=/https…"), not the path's tail
    match = _EMBEDDED_URL.match(url, embedded)
    if match is None:
        return url
    return f"{match['scheme'].lower()}://{match['rest']}"


# A Markdown link's address: what follows "](" (or "](<").
_LINK_ADDRESS = re.compile(r"(?P<opening>\]\(\s*<?)(?P<url>[^\s)>]+)")


def original_addresses(line: str) -> str:
    """``line`` with its Markdown links' addresses, or the bare address it holds, those
    an archived copy's links stand for."""
    stripped = line.strip()
    if is_bare_url(stripped):
        return original_url(stripped)
    return _LINK_ADDRESS.sub(lambda link: link["opening"] + original_url(link["url"]), line)


def is_paper_page_id_line(line: str) -> bool:
    """Whether ``line`` is a paper page's ``arxiv:`` line; a substring test spares most
    lines the pattern."""
    return "arxiv:" in line and PAPER_PAGE_ID_LINE.match(line) is not None


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
    """Canonical repository URLs mentioned in free text, in order of appearance.

    Any scheme, broken ("https: //") or missing, is fine: only the host and
    the path after it matter.
    """
    # Hop from "/" to "/" (a memchr-fast search; most abstracts have none) and
    # look for a host just before each one.
    slash = text.find("/")
    found = []
    while slash != -1:
        # One character rules out most slashes ("https://", "owner/name").
        if text[slash - 1 : slash] in _HOST_LAST_LETTERS and (
            text[slash - 4 : slash].lower() in _HOST_ENDINGS
        ):
            url = _url_before(text, slash)
            if url is not None:
                found.append(url)
        slash = text.find("/", slash + 1)
    return found


def _url_before(text: str, slash: int) -> str | None:
    """The repository URL whose host ends right before ``slash``, if it is one."""
    for host in REPOSITORY_HOSTS:
        start = slash - len(host)
        if start < 0 or text[start:slash].lower() != host:
            continue
        if start >= 4 and text[start - 4 : start].lower() == "www.":
            start -= 4
        if start > 0:
            before = text[start - 1]
            # A host glued to a longer word is another site: "notgithub.com", "x@github.com".
            if before.isalnum() or before in "_@-.":
                return None
        path = _PATH.match(text, slash)
        return _canonical(host, path["owner"], path["name"]) if path else None
    return None


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


def mentioned_repos(
    declared: str | None, text: str | None, others: Iterable[str] = ()
) -> tuple[str, ...]:
    """The repositories besides the ``declared`` one: ``others`` (further links on a
    card), then those ``text`` names; each once, in order."""
    found = list(others)
    if text and "/" in text:
        found.extend(find_repo_urls(text))
    if not found:
        return ()
    if declared is None:
        return canonical_repo_urls(found)
    return canonical_repo_urls([declared, *found])[1:]


def repo_url(value: str) -> str | None:
    """The canonical form of one repository URL field (``githubRepo``), or None."""
    # Nearly every real value is "https://<host>/owner/name", maybe with a tail.
    for prefix, host in _URL_PREFIXES:
        if value.startswith(prefix):
            path = _PATH.match(value, len(prefix) - 1)
            if path is not None:
                return _canonical(host, path["owner"], path["name"])
    # A browser drops tabs and line breaks anywhere in an address (WHATWG URL parsing):
    # the real "https://github.com/\nFightingFighting/NeuroAda.git" links to the repository.
    urls = find_repo_urls(value.strip().translate(_TABS_AND_LINE_BREAKS) + " ")
    return urls[0] if urls else None


def normalise_arxiv_id(text: str) -> str | None:
    """``2509.24002v2`` -> ``2509.24002``; legacy ``hep-th/9901001`` kept; else None."""
    if _has_usual_shape(text):
        return text  # no regex needed
    text = text.strip()
    match = _NEW_ARXIV_ID.fullmatch(text) or _OLD_ARXIV_ID.fullmatch(text)
    return match[1] if match else None


def _has_usual_shape(text: str) -> bool:
    """Whether ``text`` is shaped as every arXiv id since 2015 is: ``2509.24002``."""
    return len(text) == 10 and text[4] == "." and text[:4].isdigit() and text[5:].isdigit()


def is_bare_url(stripped: str) -> bool:
    """Whether a stripped line is one http(s) address and nothing else."""
    return stripped.startswith(("https://", "http://")) and " " not in stripped


def is_hub_url(url: str) -> bool:
    """Whether ``url`` is an address on Hugging Face's site."""
    return _HUB_URL.match(url) is not None


_SITE_HOSTS = frozenset({"huggingface.co", "www.huggingface.co", "hf.co"})
# Where the site serves papers: listings, paper pages and the API's papers.
_PAPER_PATHS = ("/papers", "/api/daily_papers", "/api/papers")


def is_paper_address(url: str) -> bool:
    """Whether ``url`` is one of the site's listing, paper page or papers API addresses."""
    address = urllib.parse.urlsplit(url)
    return address.hostname in _SITE_HOSTS and address.path.startswith(_PAPER_PATHS)


def hub_handle(url: str | None) -> str | None:
    """The user or organisation a Hugging Face link names: "https://huggingface.co/occ-ai"
    gives "occ-ai"; None for the site's root, its own pages ("/models", "/papers"), and
    other sites."""
    if url is None or "huggingface.co/" not in url:
        return None
    handle = url.partition("huggingface.co/")[2].split("/")[0].split("?")[0].split("#")[0]
    return handle if handle and handle not in _SITE_PAGES else None


def arxiv_id_from_paper_url(url: str) -> str | None:
    """The arXiv id in a ``huggingface.co/papers/<id>`` link, or None."""
    # The two forms pages use, with an id of the usual shape, need no regex.
    for prefix in _COMMON_PAPER_PREFIXES:
        if url.startswith(prefix) and _has_usual_shape(arxiv_id := url[len(prefix) :]):
            return arxiv_id
    match = _PAPER_URL.fullmatch(url.strip())
    return normalise_arxiv_id(match[1]) if match else None
