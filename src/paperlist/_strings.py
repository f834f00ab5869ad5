"""White space normalisation shared by every loader."""

from __future__ import annotations

import re

__all__ = ["join_wrapped", "line_and_column", "normalise_space", "printable", "shorten"]

# A line break right after a hyphen inside a word, where textwrap broke the word.
_HYPHEN_BREAK = re.compile(r"(?<=\w-)\n(?=\w)")
# Up to this length one isprintable() pass costs less than eight memchr scans.
_SHORT = 200


def normalise_space(text: str) -> str:
    """Runs of any Unicode white space become one space; ends are stripped.

    The same result as ``" ".join(text.split())``, but returns ``text`` itself
    when it is already normal, so loaders share strings with the decoded input
    instead of copying them, and reaches it without splitting into words for
    the common cases: plain text, and text hard-wrapped with "\\n".
    """
    # isprintable() is False for every white space character but " ": on a
    # title or a line of names one pass beats the memchr tests below.
    if len(text) <= _SHORT:
        if "  " not in text and text.isprintable() and text[:1] != " " and text[-1:] != " ":
            return text
        return " ".join(text.split())  # a title wrapped as "a\n  b": a few words
    spaced = text.replace("\n", " ") if "\n" in text else text
    if spaced.isascii():  # O(1): CPython records it in the string header
        # The other ASCII white space, by memchr: far cheaper than isprintable().
        if (
            "\t" in spaced
            or "\r" in spaced
            or "\x0b" in spaced
            or "\x0c" in spaced
            or "\x1c" in spaced
            or "\x1d" in spaced
            or "\x1e" in spaced
            or "\x1f" in spaced
        ):
            return " ".join(text.split())
    elif not spaced.isprintable():
        # isprintable() is False for every white space character but " ": this
        # text may hold tabs, no-break spaces or line separators.
        return " ".join(text.split())
    # Only plain spaces remain. (In a whole load, the in operator finds a double
    # space sooner than re's literal search, whose edge shows only on text in cache.)
    while "  " in spaced:
        spaced = spaced.replace("  ", " ")
    if spaced[:1] == " " or spaced[-1:] == " ":
        spaced = spaced.strip(" ")
    return spaced


def join_wrapped(lines: list[str]) -> str:
    """Lines a converter hard-wrapped, as one text: a space between two lines, none after
    a hyphen that ends a word ("Fine-" / "Tuning": textwrap breaks words at hyphens)."""
    text = "\n".join(lines)
    if "-\n" in text:
        text = _HYPHEN_BREAK.sub("", text)
    return text.replace("\n", " ")


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, the last of them "…", when it is longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def printable(text: str) -> str:
    """``text`` with characters that cannot be shown (controls, surrogates) escaped."""
    if text.isprintable():
        return text
    return "".join(
        character if character.isprintable() else repr(character)[1:-1] for character in text
    )


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, counting CRLF, CR and LF as line ends."""
    before = text[:offset]
    if "\r" in before:
        before = before.replace("\r\n", "\n").replace("\r", "\n")
    return before.count("\n") + 1, len(before) - before.rfind("\n")
