"""How text tools write links, rewritten as Markdown links before a dump is read.

lynx and elinks number each link ("[15]Title") and list the targets at the end;
html2text can write "[text][19]" with "[19]: /papers/…" defined at the end;
elinks can leave the numbers without their list; html-to-text writes a link's
address in brackets after its text ("Models [/models]"); Crawl4AI's Markdown with
citations follows a link's text with "⟨18⟩" and lists the targets under
"## References". The lexer then meets inline links only.
"""

from __future__ import annotations

import re

from ._links import original_url

__all__ = [
    "REFERENCE_HEADINGS",
    "count_bracketed_addresses",
    "count_numbered_link_lines",
    "has_citations",
    "has_reference_definitions",
    "resolve_bracketed_addresses",
    "resolve_citations",
    "resolve_numbered_links",
    "resolve_reference_links",
    "without_link_numbers",
]

# lynx: "[15]Title" links, resolved through its numbered list of references. A number
# before "(" opens a Markdown link whose text is a count ("[94](/login…)"), kept as it is:
# a file may join a text browser's dump and a Markdown one.
_LYNX_LINK = re.compile(r"(?P<indent>\s*(?:[*+•-]\s+)?)\[(?P<number>\d+)\](?!\()(?P<text>.*)")
_LYNX_MARK = re.compile(r"\[\d+\](?!\()")
# The lines of lynx's and elinks' list of link targets that are no target.
_LIST_HEADINGS = frozenset({"Visible links", "Hidden links"})
# A line opening with a text browser's link number ("[24]The Llama…"), not with a Markdown
# link whose text is a count ("[94](…)") or a reference definition ("[19]: …").
_NUMBERED_LINK_LINE = re.compile(r"[ \t]*\[\d+\][^\s(:\[]")
_FILLED_WIDTH = 70  # a text browser's line this long was wrapped (elinks fills 80 columns)
# A line of a text browser's list of targets: "12. file:///papers/…" (lynx, elinks, and
# links' under "Links:", which lists form fields too: "3. Text field", leading nowhere).
_LYNX_REFERENCE = re.compile(r"\s*(?P<number>\d+)\.\s+(?P<url>\S.*?)\s*")
# The headings of those lists: lynx's and elinks', links'. (w3m numbers links only when
# told to, and wraps a link's text unlike lynx: its list is left as text.)
REFERENCE_HEADINGS = ("References", "Links:")
_LYNX_LOCAL = re.compile(r"file://(?:localhost)?")
# Markdown reference links: "[text][19]" with "[19]: /papers/…" defined at the end.
_REFERENCE_DEFINITION_LINE = r"[ \t]*\[(?P<number>\d+)\]:[ \t]+(?P<url>\S+)[ \t]*$"
_REFERENCE_DEFINITION = re.compile("^" + _REFERENCE_DEFINITION_LINE, re.MULTILINE)
_REFERENCE_USE = re.compile(r"\]\[(?P<number>\d+)\]")
# The two line shapes above, after a line break: re skips from one "\n" to the next,
# ten times faster over a large dump than trying "^" at every character.
_NUMBERED_LINK_AFTER_BREAK = re.compile("\n" + _NUMBERED_LINK_LINE.pattern)
_REFERENCE_DEFINITION_AFTER_BREAK = re.compile("\n" + _REFERENCE_DEFINITION_LINE, re.MULTILINE)
# html-to-text: a link's address in brackets after its text, an image's alone, and the
# bare address of a link that holds no text ("/papers/2407.21783" under a thumbnail).
_BRACKETED_ADDRESS = re.compile(r"\[(?P<url>(?:/|https?://)[^\[\]\s]*)\](?!\()")
_BARE_ADDRESS = re.compile(r"(?<!\S)/[^\s\[\]]*(?!\S)")
_PAPER_ADDRESS = re.compile(
    r"(?:https?://(?:www\.)?(?:huggingface\.co|hf\.co))?/papers/[\w.-]+(?P<comments>#community)?"
)
_LIST_MARK = re.compile(r"\s*(?:[*+•-]\s+)?")
# html-to-text writes headings in capitals: the page's own get their case back.
_CAPITAL_HEADINGS = {
    "DAILY PAPERS": "Daily Papers",
    "TRENDING PAPERS": "Trending Papers",
    "BY AK AND THE RESEARCH COMMUNITY": "by AK and the research community",
    "ABSTRACT": "Abstract",
    "COMMUNITY": "Community",
}
# Crawl4AI: "Submit a paper⟨13⟩", and under its References heading "⟨13⟩ <address>: <text>"
# (the text of the first link to that address; none after the address if it had none).
_CITATION = re.compile(r"⟨(?P<number>\d+)⟩")
_CITATION_TARGET = re.compile(r"⟨(?P<number>\d+)⟩ (?P<url>\S+?)(?::(?: (?P<text>.*))?)?")
_CITATIONS_HEADING = "## References"
_LINE_MARKS = re.compile(r"\s*(?:#{1,6}\s+|[*+•-]\s+)*")  # a heading's or list item's marks
_TITLE_LINES = 3  # a title wrapped at 80 columns, alone in its paragraph, spans no more
_WIDTH = 80  # html-to-text's default line width
_WRAPPED_WIDTH = 60  # a line wrapped at 80 columns before an address of 20 is this long


def count_numbered_link_lines(text: str) -> int:
    """How many lines of ``text`` open with a text browser's link number ("[24]The…")."""
    on_first_line = 1 if _NUMBERED_LINK_LINE.match(text) else 0
    return on_first_line + len(_NUMBERED_LINK_AFTER_BREAK.findall(text))


def has_reference_definitions(text: str) -> bool:
    """Whether a line of ``text`` defines a numbered reference link ("[19]: /papers/…")."""
    return (
        _REFERENCE_DEFINITION.match(text) is not None
        or _REFERENCE_DEFINITION_AFTER_BREAK.search(text) is not None
    )


def resolve_numbered_links(lines: list[str]) -> list[str]:
    """lynx's dump, its "[15]Title" links made Markdown links and its references blanked.

    lynx numbers each link and lists the targets at the end, under "References" (w3m
    under "References:", links under "Links:");
    a title it wrapped goes on in the lines up to the next blank one. Dumps appended
    to one file (``lynx -dump … >> notes.txt``, day after day) each have their own
    list: a link is resolved through the list after it, and only when its number
    follows on from the links before it, as numbers start again at 1 in each dump.
    Numbers that no list resolves are dropped. Lines keep their places.
    """
    resolved = list(lines)
    start = 0
    for heading, line in enumerate(lines):
        if line not in REFERENCE_HEADINGS or heading < start:
            continue
        end, targets = _reference_list(lines, heading)
        first = _dump_start(lines, start, heading, targets)
        _resolve_dump(resolved, start, first, {})  # an earlier dump, its list left out
        _resolve_dump(resolved, first, heading, targets)
        resolved[heading:end] = [""] * (end - heading)
        start = end
    _resolve_dump(resolved, start, len(lines), {})  # the same, after the last list
    return resolved


def _reference_list(lines: list[str], heading: int) -> tuple[int, dict[str, str]]:
    """Where the list under the heading at ``heading`` ends, and its targets."""
    targets = {}
    end = heading + 1
    while end < len(lines):
        line = lines[end]
        match = _LYNX_REFERENCE.fullmatch(line)
        if match is not None:
            if " " not in match["url"]:  # not a form field
                targets[match["number"]] = _LYNX_LOCAL.sub("", match["url"], count=1)
        elif line.strip() and line.strip().rstrip(":") not in _LIST_HEADINGS:
            break
        end += 1
    return end, targets


def _dump_start(lines: list[str], start: int, stop: int, targets: dict[str, str]) -> int:
    """The first line of the last dump in ``lines[start:stop]``: where the numbers of the
    links opening lines last went down (a text browser numbers a page's links from 1 up;
    a number inside a line may be an abstract's citation, and one the list after them
    does not hold an image's name, like w3m's "[1674929746]": neither is counted)."""
    last_number = 0
    first = start
    for index in range(start, stop):
        link = _LYNX_LINK.fullmatch(lines[index]) if "[" in lines[index] else None
        if link is not None and link["number"] in targets:
            number = int(link["number"])
            first = index if number <= last_number else first
            last_number = number
    return first


def _resolve_dump(resolved: list[str], start: int, stop: int, targets: dict[str, str]) -> None:
    """The numbered links of ``resolved[start:stop]`` written through ``targets``."""
    index = start
    while index < stop:
        line = resolved[index]
        link = _LYNX_LINK.fullmatch(line)
        url = targets.get(link["number"]) if link is not None else None
        if link is None or url is None:
            if "[" in line:
                resolved[index] = _LYNX_MARK.sub("", line)
            index += 1
            continue
        first, text = index, _LYNX_MARK.sub("", link["text"])  # links inside: avatars
        while index + 1 < stop and _wrapped_onto(line, resolved[index + 1]):
            index += 1
            text += " " + resolved[index].strip()
            resolved[index] = ""
        resolved[first] = f"{link['indent']}[{text}]({url})"
        index += 1


def _wrapped_onto(link_line: str, following: str) -> bool:
    """Whether a link's title goes on in ``following``: lynx starts the rest of a
    title it wrapped at the margin; elinks at the title's own indent, after a line
    it filled to its width."""
    if following[:1].isalnum():
        return True
    indent = len(link_line) - len(link_line.lstrip())
    return (
        len(link_line.rstrip()) >= _FILLED_WIDTH
        and following[indent : indent + 1].isalnum()
        and not following[:indent].strip()
    )


def without_link_numbers(lines: list[str]) -> list[str]:
    """A text browser's dump whose list of references was left out (``elinks -dump
    -no-references``): its "[15]" link numbers dropped, as they lead nowhere."""
    return [_LYNX_MARK.sub("", line) if "[" in line else line for line in lines]


def resolve_reference_links(text: str) -> list[str]:
    """The lines of ``text``, its "[text][19]" links written inline, their definitions dropped.

    html2text defines a dump's numbers at its end, from 1 in each dump: in dumps
    appended to one file, a link is resolved through the first definition of its
    number after it, else (Markdown allows definitions anywhere) the last one before.
    """
    definitions: dict[str, list[tuple[int, str]]] = {}
    for match in _REFERENCE_DEFINITION.finditer(text):
        definitions.setdefault(match["number"], []).append((match.start(), match["url"]))
    passed = dict.fromkeys(definitions, 0)  # per number, the definitions behind the links

    def inline(use: re.Match[str]) -> str:
        number = use["number"]
        found = definitions.get(number)
        if found is None:
            return "]"
        index = passed[number]  # links come in order: each definition is passed once
        while index < len(found) - 1 and found[index][0] < use.start():
            index += 1
        passed[number] = index
        return f"]({found[index][1]})"

    return _REFERENCE_DEFINITION.sub("", _REFERENCE_USE.sub(inline, text)).split("\n")


def count_bracketed_addresses(text: str) -> int:
    """How many addresses in brackets, html-to-text's way ("Models [/models]"), ``text`` has."""
    return len(_BRACKETED_ADDRESS.findall(text))


def resolve_bracketed_addresses(lines: list[str]) -> list[str]:
    """html-to-text's dump with the links that carry a card's values (its paper's page, its
    comment count) made Markdown links, and every other address dropped: images,
    profiles, the vote button and keyword links leave their text, as a plain dump
    shows it. Headings of the page itself, which html-to-text writes in capitals, get
    their case back; papers' titles stay as the dump shows them."""
    resolved = list(lines)
    for index, line in enumerate(lines):
        if "/" in line:
            line = _BARE_ADDRESS.sub("", line)
        if "[" in line:
            line = _with_card_links(resolved, index, line)
        if line is not lines[index]:  # spaces left where addresses stood, closed up
            original = lines[index]
            line = original[: len(original) - len(original.lstrip())] + " ".join(line.split())
        resolved[index] = _CAPITAL_HEADINGS.get(line.strip(), line)
    return resolved


def _with_card_links(resolved: list[str], index: int, line: str) -> str:
    pieces = []
    last = 0
    for match in _BRACKETED_ADDRESS.finditer(line):
        before = line[last : match.start()]
        url = original_url(match["url"])  # an archived copy's links too
        paper = _PAPER_ADDRESS.fullmatch(url)
        if paper is None:
            pieces.append(before)
        else:
            mark = _LIST_MARK.match(before).end() if last == 0 else 0  # type: ignore[union-attr]
            text = before[mark:].strip()
            wrapped = last == 0 and not line[match.end() :].strip()  # the title's end
            if wrapped and paper["comments"] is None:
                text = _title_above(resolved, index, text)
            pieces.append(before[:mark] + (f"[{text}]({url})" if text else ""))
        last = match.end()
    pieces.append(line[last:])
    return "".join(pieces)


def _title_above(resolved: list[str], index: int, text: str) -> str:
    """A paper's title whose address html-to-text wrapped onto a line of its own (or with
    the title's last words): the lines above it was wrapped from (at most three, none
    holding a link, a blank line before them), joined to ``text`` and blanked where they
    stood."""
    above = index
    while (
        above > 0
        and _wrapped(resolved[above - 1], resolved[above])
        and index - above < _TITLE_LINES
    ):
        above -= 1
    if above == index or (above > 0 and resolved[above - 1].strip()):
        return text  # nothing wrapped above, or a longer paragraph: no heading
    words = [resolved[line].strip() for line in range(above, index)]
    resolved[above:index] = [""] * (index - above)
    return " ".join([*words, text]).strip()


def _wrapped(line: str, following: str) -> bool:
    """Whether html-to-text broke ``line`` off a longer one, ``following``: it holds no
    link of its own, and fills most of the width (80 columns unless set otherwise) or
    would overflow it with the next word (an archived copy's addresses are long)."""
    length = len(line.rstrip())
    if not length or "[" in line:
        return False
    return length >= _WRAPPED_WIDTH or length + 1 + len(following.split(maxsplit=1)[0]) > _WIDTH


def has_citations(text: str) -> bool:
    """Whether ``text`` is Crawl4AI's Markdown with citations, its references kept."""
    return "⟨" in text and f"\n{_CITATIONS_HEADING}\n" in text


def resolve_citations(text: str) -> str:
    """Crawl4AI's Markdown with citations, each cited text made a Markdown link to its
    reference's address and the references blanked (the lines kept, for line numbers).
    Dumps joined in one file each cite through their own list. A citation inside an
    image's brackets ("![⟨17⟩]") cites the image's source."""
    lines = text.split("\n")
    start = 0
    for heading, line in enumerate(lines):
        if line == _CITATIONS_HEADING and heading >= start:
            targets, end = _citation_targets(lines, heading)
            for index in range(start, heading):
                if "⟨" in lines[index]:
                    lines[index] = _cited(lines[index], targets)
            start = end
    return "\n".join(lines)


def _citation_targets(lines: list[str], heading: int) -> tuple[dict[str, tuple[str, str]], int]:
    """The (address, text) of each number listed under the References heading at
    ``heading``, and where the list ends; its lines are blanked."""
    targets: dict[str, tuple[str, str]] = {}
    lines[heading] = ""
    index = heading + 1
    while index < len(lines):
        target = _CITATION_TARGET.fullmatch(lines[index].strip())
        if target is not None:
            targets[target["number"]] = (target["url"], (target["text"] or "").strip())
            lines[index] = ""
        elif lines[index].strip():
            break  # another dump after the list
        index += 1
    return targets, index


def _cited(line: str, targets: dict[str, tuple[str, str]]) -> str:
    """``line`` with the text each citation follows made a link: the reference's text
    where the line shows it there, else all since the line's marks or the last citation."""
    lead = _LINE_MARKS.match(line).end()  # type: ignore[union-attr]  # always matches
    pieces = [line[:lead]]
    last = lead
    for citation in _CITATION.finditer(line, lead):
        target = targets.get(citation["number"])
        if target is None:
            continue  # no reference: left as it stands
        url, described = target
        cited = line[last : citation.start()]
        last = citation.end()
        if cited.endswith("![") and line.startswith("]", last):
            pieces.append(f"{cited}]({url})")  # an image's source: "![⟨17⟩]" is "![](…)"
            last += 1
        elif not described or not cited.strip():
            pieces.append(f"{cited}[]({url})")  # a link without text, after plain text
        elif cited.rstrip().endswith(described):
            at = cited.rstrip().rindex(described)
            pieces.append(f"{cited[:at]}[{described}]({url}){cited[at + len(described) :]}")
        else:
            words = cited.strip()
            at = cited.index(words)
            pieces.append(f"{cited[:at]}[{words}]({url}){cited[at + len(words) :]}")
    pieces.append(line[last:])
    return "".join(pieces)
