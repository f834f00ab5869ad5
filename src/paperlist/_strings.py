"""White space normalisation shared by every loader."""

from __future__ import annotations

__all__ = ["normalise_space"]


def normalise_space(text: str) -> str:
    """Runs of any Unicode white space become one space; ends are stripped.

    Returns ``text`` itself when it is already normal, so loaders keep sharing
    strings with the decoded input instead of copying them.
    """
    # isprintable() is False for every white space character but " " (they are
    # all control or separator characters), so it rules out tabs, newlines and
    # no-break spaces in one fast C loop.
    if text.isprintable():
        if "  " not in text and text[:1] != " " and text[-1:] != " ":
            return text
    elif "\n" in text:
        # Hard-wrapped text (older API data) is common enough for its own path.
        joined = text.replace("\n", " ")
        if joined.isprintable() and "  " not in joined and joined[:1] != " " and joined[-1:] != " ":
            return joined
    return " ".join(text.split())
