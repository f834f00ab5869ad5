"""How text tools write links, rewritten as Markdown links before a dump is read.

lynx and elinks number each link ("[15]Title") and list the targets at the end;
html2text can write "[text][19]" with "[19]: /papers/…" defined at the end;
elinks can leave the numbers without their list. The lexer then meets inline
links only.
"""

from __future__ import annotations

import re

__all__ = [
    "count_numbered_link_lines",
    "has_reference_definitions",
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
_LYNX_REFERENCE = re.compile(r"\s*(?P<number>\d+)\.\s+(?P<url>\S+)\s*")
_LYNX_LOCAL = re.compile(r"file://(?:localhost)?")
# Markdown reference links: "[text][19]" with "[19]: /papers/…" defined at the end.
_REFERENCE_DEFINITION_LINE = r"[ \t]*\[(?P<number>\d+)\]:[ \t]+(?P<url>\S+)[ \t]*$"
_REFERENCE_DEFINITION = re.compile("^" + _REFERENCE_DEFINITION_LINE, re.MULTILINE)
_REFERENCE_USE = re.compile(r"\]\[(?P<number>\d+)\]")
# The two line shapes above, after a line break: re skips from one "\n" to the next,
# ten times faster over a large dump than trying "^" at every character.
_NUMBERED_LINK_AFTER_BREAK = re.compile("\n" + _NUMBERED_LINK_LINE.pattern)
_REFERENCE_DEFINITION_AFTER_BREAK = re.compile("\n" + _REFERENCE_DEFINITION_LINE, re.MULTILINE)


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

    lynx numbers each link and lists the targets at the end, under "References";
    a title it wrapped goes on in the lines up to the next blank one. Dumps appended
    to one file (``lynx -dump … >> notes.txt``, day after day) each have their own
    list: a link is resolved through the list after it, and only when its number
    follows on from the links before it, as numbers start again at 1 in each dump.
    Numbers that no list resolves are dropped. Lines keep their places.
    """
    resolved = list(lines)
    start = 0
    for heading, line in enumerate(lines):
        if line != "References" or heading < start:
            continue
        end, targets = _reference_list(lines, heading)
        first = _dump_start(lines, start, heading)
        _resolve_dump(resolved, start, first, {})  # an earlier dump, its list left out
        _resolve_dump(resolved, first, heading, targets)
        resolved[heading:end] = [""] * (end - heading)
        start = end
    _resolve_dump(resolved, start, len(lines), {})  # the same, after the last list
    return resolved


def _reference_list(lines: list[str], heading: int) -> tuple[int, dict[str, str]]:
    """Where the list under the "References" at ``heading`` ends, and its targets."""
    targets = {}
    end = heading + 1
    while end < len(lines):
        line = lines[end]
        match = _LYNX_REFERENCE.fullmatch(line)
        if match is not None:
            targets[match["number"]] = _LYNX_LOCAL.sub("", match["url"], count=1)
        elif line.strip() and line.strip().rstrip(":") not in _LIST_HEADINGS:
            break
        end += 1
    return end, targets


def _dump_start(lines: list[str], start: int, stop: int) -> int:
    """The first line of the last dump in ``lines[start:stop]``: where the numbers of the
    links opening lines last went down (a text browser numbers a page's links from 1 up;
    a number inside a line may be an abstract's citation, so those are not counted)."""
    last_number = 0
    first = start
    for index in range(start, stop):
        link = _LYNX_LINK.fullmatch(lines[index]) if "[" in lines[index] else None
        if link is not None:
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
