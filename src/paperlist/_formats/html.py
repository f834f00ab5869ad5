"""HTML pages: hydration props first (through the JSON mapping), rendered cards second
(in html_cards).

The page is untrusted: the parser never touches the network, and libxml2's
HTML parser does not expand entity declarations, so neither XXE nor
billion-laughs pages can do harm. With html_cards, the only modules that import lxml.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from .._context import LoadContext
from .._decoding import decode
from .._json_values import decode_object, report_repeated_names
from .._listing import Listing
from .._model import Paper
from ..errors import ParseError
from .api import listing_from_hydration, listing_from_paper_page
from .html_cards import all_text, find_cards, listing_from_cards

__all__ = ["load_html"]

_TITLE_SUFFIX = " - Hugging Face"
_HYDRATION_TARGETS = ("DailyPapers", "PaperContent")
# A data-target attribute in any case, with its value when spelt plainly (quoted or bare,
# of name characters only). It opens with the "-", which re skips to quickly; the
# look-behind then checks the "data" before it.
_TARGET = (
    r"-[tT][aA][rR][gG][eE][tT](?<=[dD][aA][tT][aA]-[tT][aA][rR][gG][eE][tT])"
    r"""(?:\s*=\s*(["']?)(?P<name>[\w-]*)\1(?=[\s/>]))?"""
)
_TARGET_TEXT = re.compile(_TARGET, re.ASCII)
_TARGET_BYTES = re.compile(_TARGET.encode())


# Pages are fed to the parser in pieces so that it can stop at the props.
_CHUNK = 1 << 16
_PROPS_PAUSES = 16


def _parser_options(page: str | bytes) -> dict[str, Any]:
    """How every parser of ``page`` is set up.

    One parser per load: lxml parsers must not be shared between threads.
    huge_tree lifts libxml2's 10 MB limit on one attribute, beyond which a
    monthly page's props would silently read as empty.
    """
    return {
        "encoding": "utf-8" if isinstance(page, bytes) else None,
        "no_network": True,
        "huge_tree": True,
        "remove_comments": True,
    }


def load_html(page: str | bytes, context: LoadContext) -> Listing:
    """Read a saved Daily Papers listing page or paper page (a str, or UTF-8 bytes)."""
    page = _without_nul(page, context)
    parser = etree.HTMLPullParser(events=("start",), **_parser_options(page))
    with _parse_errors(context):
        hydrated, fed = _parse_until_props(page, parser)
        if hydrated is not None:
            root = hydrated.getroottree().getroot()
        elif fed < len(page) // 3:
            root = _parse_without_events(page)
        else:
            root = _parse_rest(page, parser, fed)[1]  # holding no hydration element
    if root is None:
        context.fail("no Daily Papers data found: the page is empty")
    title = _page_title(root)
    if hydrated is not None:
        return _from_hydrated_page(page, parser, (hydrated, fed), title, context)
    return _from_cards_page(page, root, title, context)


@contextlib.contextmanager
def _parse_errors(context: LoadContext) -> Iterator[None]:
    try:
        yield
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise context.error(f"unreadable HTML: {exc}") from exc


def _parse_until_props(page: str | bytes, parser: etree.HTMLPullParser) -> tuple[Any, int]:
    """Feed ``page`` until an element holding hydration props starts: that element
    (None if none does) and how much of the page was fed.

    The props hold all the data: the rendered cards after them would only
    cost parsing time (about a tenth of a listing page's). Feeding stops
    after the last data-target that may name a hydration element: no element
    after it is one.
    """
    fed = 0
    for pause in _pauses(page):
        parser.feed(page[fed:pause])
        fed = pause
        for _, element in parser.read_events():
            if element.get("data-target") in _HYDRATION_TARGETS:
                return element, fed
    return None, fed


def _pauses(page: str | bytes) -> Iterator[int]:
    """Where feeding pauses to look at the elements parsed: right after the props' tag
    of each of the first _PROPS_PAUSES data-targets that may name a hydration
    element, and at least every _CHUNK; nowhere after the last such data-target.

    Pausing at the props' tag, found by a byte search, spares parsing up to a
    chunk of cards after it (4 % of a listing page's load). A search misled by
    look-alike text only adds a pause; the cap keeps a page flooded with
    data-targets from pausing at each.
    """
    position = pauses = 0
    for target in _possible_targets(page, 0):
        if target < position:
            continue  # in a tag already fed
        pauses += 1
        end = len(page) if pauses > _PROPS_PAUSES else _after_props_tag(page, target)
        end = end or len(page)  # no props after it: the element may lack them
        while position + _CHUNK < end:
            position += _CHUNK
            yield position
        position = end
        yield position
        if position == len(page):
            return


def _after_props_tag(page: str | bytes, start: int) -> int | None:
    """Just past the ``>`` of the tag holding the next quoted data-props value from
    ``start``; None when there is no such value or its tag never closes."""
    value_end = _props_end(page, start)
    if value_end == start:
        return None
    tag_end = _find(page, ">", value_end)
    return None if tag_end == -1 else tag_end + 1


def _from_cards_page(
    page: str | bytes, root: Any, title: str | None, context: LoadContext
) -> Listing:
    if isinstance(page, bytes):
        decode(page, context)  # reports the first bad byte (raises if strict)
    cards = find_cards(root)
    if cards:
        return listing_from_cards(cards, title, context)
    raise context.error(
        "no Daily Papers data found: expected an element with data-target 'DailyPapers' "
        "or 'PaperContent', or article cards with a title linking to /papers/<id>"
    )


def _from_hydrated_page(
    page: str | bytes,
    parser: etree.HTMLPullParser,
    first: tuple[Any, int],
    title: str | None,
    context: LoadContext,
) -> Listing:
    """The papers of the page's props.

    The rest of the page is parsed only where its bytes show another
    hydration element, whose papers are read too, or where the props hold no
    papers or cannot be read, when the rendered cards are read instead (and
    that is reported).
    """
    element, fed = first
    props = _readable_props(element)
    if isinstance(props, str):  # strictly too: its words say what lenient mode reads
        return _cards_instead(page, parser, (element, fed), title, context, props)
    listing = _listing_of_props(page, element, props, title, context)
    if listing.papers and not _shows_another(page, element):
        return listing  # every real page
    with _parse_errors(context):
        later, root = _parse_rest(page, parser, fed)
    papers = list(listing.papers)
    for other in later:
        papers.extend(_later_props(page, other, len(papers), title, context))
    if papers or not (cards := find_cards(root)):
        return context.listing(papers, format="html", title=title, date=listing.date)
    context.report(
        f"the {element.get('data-target')} data-props hold no papers, but the page shows "
        f"{len(cards)} rendered cards: read those",
        line=element.sourceline,
    )
    return _from_cards_page(page, root, title, context)


def _cards_instead(
    page: str | bytes,
    parser: etree.HTMLPullParser,
    first: tuple[Any, int],
    title: str | None,
    context: LoadContext,
    failure: str,
) -> Listing:
    """The papers of a page whose first props cannot be read (``failure`` says why):
    those of its other hydration elements, else its rendered cards, with an Issue
    (strictly, raised); a ParseError if it has neither."""
    element, fed = first
    with _parse_errors(context):
        later, root = _parse_rest(page, parser, fed)
    papers: list[Paper] = []
    for other in later:
        papers.extend(_later_props(page, other, len(papers), title, context))
    cards = find_cards(root) if not papers else []
    if not (papers or cards):
        context.fail(failure, line=element.sourceline)
    instead = f"the {len(cards)} rendered cards" if cards else "the other props"
    context.report(f"{failure}; read {instead} instead", line=element.sourceline)
    if papers:
        return context.listing(papers, format="html", title=title)
    return _from_cards_page(page, root, title, context)


def _shows_another(page: str | bytes, element: Any) -> bool:
    """Whether a data-target attribute after ``element``'s tag may name a hydration
    element.

    Attribute names are case-insensitive and values may be written with
    character references (``&#68;ailyPapers``), so each data-target after the
    tag is looked at, and only a value spelt plainly as another name
    (``UpvoteControl``) is passed over. One search of the rest of the page
    spares parsing it on every real page.
    """
    start = _line_start(page, element.sourceline or 1)
    # From the end of the element's tag: its own data-target may follow its props.
    after = _after_props_tag(page, start) or start
    return next(_possible_targets(page, after), None) is not None


def _possible_targets(page: str | bytes, start: int) -> Iterator[int]:
    """Where each data-target attribute from ``start`` that may name a hydration
    element begins: any whose value is not spelt plainly as another name."""
    pattern: re.Pattern[Any] = _TARGET_BYTES if isinstance(page, bytes) else _TARGET_TEXT
    for target in pattern.finditer(page, start):
        name = target["name"]
        if name is None or _text(name) in _HYDRATION_TARGETS:
            yield target.start()


def _text(value: str | bytes) -> str:
    return value.decode("ascii") if isinstance(value, bytes) else value


def _props_end(page: str | bytes, start: int) -> int:
    """Where the first quoted data-props value from ``start`` ends; ``start`` if none does.

    Inside a value its own quote is always escaped, so finding the closing one
    is a memchr.
    """
    attribute = _find(page, "data-props=", start)
    if attribute == -1:
        return start
    value = attribute + len("data-props=")
    quote = page[value : value + 1]
    if quote not in ('"', "'", b'"', b"'"):
        return start  # unquoted: no cheap way past it
    end = page.find(quote, value + 1)  # type: ignore[arg-type]  # quote is of page's type
    return start if end == -1 else end


def _find(page: str | bytes, text: str, start: int) -> int:
    """``page.find(text, start)``, with ``text`` encoded when the page is bytes."""
    if isinstance(page, bytes):
        return page.find(text.encode(), start)
    return page.find(text, start)


def _line_start(page: str | bytes, line: int) -> int:
    """Where 1-based ``line`` starts in ``page``."""
    newline: Any = b"\n" if isinstance(page, bytes) else "\n"  # of page's type
    start = 0
    for _ in range(line - 1):
        start = page.find(newline, start) + 1
    return start


def _parse_rest(page: str | bytes, parser: etree.HTMLPullParser, fed: int) -> tuple[list[Any], Any]:
    """The hydration elements after the first, and the whole page's root."""
    later = _hydration_elements(parser)  # those the first one's batch of events held
    for start in range(fed, len(page), _CHUNK):
        parser.feed(page[start : start + _CHUNK])
        later.extend(_hydration_elements(parser))
    root = parser.close()
    later.extend(_hydration_elements(parser))
    return later, root


def _parse_without_events(page: str | bytes) -> Any:
    """The whole page's root, parsed again without start events, for a page whose first
    third holds every data-target that may name a hydration element, and none did.

    Events cost half a plain parse again, so parsing the fed part twice costs
    less, up to a third of the page.
    """
    parser = etree.HTMLParser(**_parser_options(page))
    parser.feed(page)
    return parser.close()


def _hydration_elements(parser: etree.HTMLPullParser) -> list[Any]:
    return [
        element
        for _, element in parser.read_events()
        if element.get("data-target") in _HYDRATION_TARGETS
    ]


def _later_props(
    page: str | bytes, element: Any, offset: int, title: str | None, context: LoadContext
) -> tuple[Paper, ...]:
    """The papers of a hydration element after the first; its issues count its papers
    from ``offset``. Leniently, props that cannot be read are an Issue."""
    before = len(context.issues)
    try:
        papers = _from_props(page, element, title, context).papers
    except ParseError as error:
        if context.strict:
            raise  # with the words lenient mode records below
        context.report(
            error.message,
            line=error.line or element.sourceline,
            column=error.column,
            field=error.field,
        )
        return ()
    context.renumber(before, offset)
    return papers


def _check_utf8(
    page: str | bytes, texts: tuple[str | None, ...], line: int | None, context: LoadContext
) -> None:
    """Report the first bad byte of a page whose bad bytes reached the data read.

    libxml2's incremental parser turns bad UTF-8 into U+FFFD without a word,
    so the texts taken from the page are checked for it; decoding the whole
    page instead would cost a fifth of the load.
    """
    if not isinstance(page, bytes):
        return
    if any(text and "\ufffd" in text for text in texts):
        decode(page, context)  # reports the first bad byte (raises if strict)
    elif line is not None:
        # The lines before the props were parsed too: a bad byte there is reported.
        decode(page[: _line_start(page, line)], context)


def _without_nul(page: str | bytes, context: LoadContext) -> str | bytes:
    """libxml2 stops at a NUL; reading on without it beats silently losing the rest."""
    if isinstance(page, str):
        position = page.find("\x00")
        if position == -1:
            return page
        line = page.count("\n", 0, position) + 1
        cleaned: str | bytes = page.replace("\x00", "")
    else:
        position = page.find(b"\x00")
        if position == -1:
            return page
        line = page.count(b"\n", 0, position) + 1
        cleaned = page.replace(b"\x00", b"")
    context.report("a NUL character in the page was dropped", line=line)
    return cleaned


def _page_title(root: Any) -> str | None:
    # The first <title> in document order; iter() walks in C, find() parses its path first.
    element = next(root.iter("title"), None)
    if element is None:
        return None
    title = all_text(element)
    title = title.removesuffix(_TITLE_SUFFIX)
    return title or None


def _from_props(
    page: str | bytes, element: Any, title: str | None, context: LoadContext
) -> Listing:
    """The papers of a hydration element's props; props no mode can read fail."""
    props = _readable_props(element)
    if isinstance(props, str):
        context.fail(props, line=element.sourceline)
    return _listing_of_props(page, element, props, title, context)


_Props = tuple[str, dict[str, Any], dict[str, tuple[int, bool]]]
"""Props that can be read: the attribute's text, its object, and the names it repeats
(see report_repeated_names)."""


def _readable_props(element: Any) -> _Props | str:
    """A hydration element's props and the names they repeat, or why no mode can read
    them (no attribute, broken JSON, not the object its target holds)."""
    target = element.get("data-target")
    # pandoc's Markdown writers (gfm, commonmark) keep the element as raw HTML, its
    # data-props written as "props".
    raw = element.get("data-props") or element.get("props")
    if not raw:
        return f"the {target} element has no data-props (empty or beyond the parser's limits)"
    try:
        props, repeated = decode_object(raw)
    except json.JSONDecodeError as exc:
        return f"invalid JSON in the {target} data-props: {exc.msg} at character {exc.pos}"
    except (RecursionError, ValueError) as exc:
        return f"invalid JSON in the {target} data-props: {exc}"
    problem = _shape_problem(target, props)
    return (raw, props, repeated) if problem is None else problem


def _shape_problem(target: str, props: Any) -> str | None:
    """Why ``props`` are not the object their target holds, or None."""
    if type(props) is not dict:
        return f"expected an object in the {target} data-props"
    if target == "DailyPapers":
        if "dailyPapers" not in props and "searchResults" not in props:
            return "expected 'dailyPapers' or 'searchResults' in the DailyPapers data-props"
    elif type(props.get("paper")) is not dict:
        return "expected a 'paper' object in the PaperContent data-props"
    return None


def _listing_of_props(
    page: str | bytes,
    element: Any,
    readable: _Props,
    title: str | None,
    context: LoadContext,
) -> Listing:
    """The papers of props that can be read, their bad bytes and repeated names reported."""
    raw, props, repeated = readable  # the attribute read once: each read copies it
    line = element.sourceline
    _check_utf8(page, (raw, title), line, context)
    report_repeated_names(repeated, context, line)
    if element.get("data-target") == "DailyPapers":
        return listing_from_hydration(props, context, title=title, format="html", line=line)
    return listing_from_paper_page(props, context, title=title, format="html", line=line)
