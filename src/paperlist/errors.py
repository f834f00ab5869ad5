"""The exceptions paperlist raises.

Attributes (``message``, ``source``, ``line``, ``column``, ``field``) are API;
the wording of messages is not.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "FetchError",
    "PaperlistError",
    "ParseError",
    "UnknownFormatError",
    "YearlessDateWarning",
]


class PaperlistError(Exception):
    """Base class of every exception paperlist raises on purpose."""


class ParseError(PaperlistError, ValueError):
    """The input could not be read (strict mode: the first problem met).

    Attributes:
        message: what was expected and what was found.
        source: the path given to ``load``, or ``"<string>"`` for ``loads``.
        line: 1-based line of the problem, or None when unknown.
        column: 1-based column of the problem, or None when unknown.
        field: the field or JSON path concerned (``$.papers[3].published``), or None.
    """

    message: str
    source: str | None
    line: int | None
    column: int | None
    field: str | None

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        # Only the message goes to Exception.args, so pickling rebuilds the
        # instance from it and restores the other attributes from __dict__.
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.field = field

    def __repr__(self) -> str:
        """``ParseError('message', source='page.txt', line=3, column=1)``: the known parts."""
        parts = [repr(self.message)]
        for name in ("source", "line", "column", "field"):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def __str__(self) -> str:
        """Render as ``source:line:column: message``, leaving out unknown parts."""
        parts = [str(part) for part in (self.source, self.line, self.column) if part is not None]
        parts.append(" " + self.message if parts else self.message)
        return ":".join(parts)


class FetchError(PaperlistError, OSError):
    """A URL could not be fetched: DNS, connection, TLS, an HTTP error status, a timeout,
    or a body over the size limit.

    Attributes:
        message: what went wrong.
        url: the URL asked for.
        status: the HTTP status of the last response, or None when there was none.
    """

    message: str
    url: str
    status: int | None

    def __init__(self, message: str, *, url: str, status: int | None = None) -> None:
        # Only the message goes to Exception.args (see ParseError).
        super().__init__(message)
        self.message = message
        self.url = url
        self.status = status

    def __reduce__(self) -> tuple[Any, tuple[str, str, int | None]]:
        # OSError pickles its args only: rebuild from all three attributes.
        return (_fetch_error, (self.message, self.url, self.status))

    def __str__(self) -> str:
        """``url: HTTP 404: message``, leaving out an unknown status."""
        status = f"HTTP {self.status}: " if self.status is not None else ""
        return f"{self.url}: {status}{self.message}"


def _fetch_error(message: str, url: str, status: int | None) -> FetchError:
    return FetchError(message, url=url, status=status)


class UnknownFormatError(PaperlistError, ValueError):
    """The ``format=`` argument named no known format, or the content is of a kind not read."""


class YearlessDateWarning(UserWarning):
    """Dates shown without a year were resolved against the current date.

    Pages show recent dates without their year ("Sep 11"). paperlist reads
    them as the latest such day on or before the capture date: ``today=``, or
    the date the saving tool recorded in the dump. With neither, it uses the
    current date and warns once per load; pass ``today=`` to be exact.
    """


def __dir__() -> list[str]:
    return list(__all__)
