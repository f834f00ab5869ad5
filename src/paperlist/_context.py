"""The state of one load: where problems go, and the capture date."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import NoReturn

import attrs

from ._dates import CardDate, parse_card_date
from ._listing import Listing
from ._model import Issue, Paper
from .errors import ParseError

__all__ = ["LoadContext"]


@attrs.define
class LoadContext:
    """Everything a format module needs besides the text; one per ``load`` call.

    ``source`` names the input in errors (``<string>`` for ``loads``);
    ``origin`` is what ``Listing.source`` records (None for ``loads``).
    Lenient mode collects Issues; strict mode raises at the first problem.
    A fresh instance per call keeps concurrent loads independent.
    """

    source: str
    today: datetime.date
    strict: bool
    origin: str | None = None
    issues: list[Issue] = attrs.Factory(list)
    # False when ``today`` is the clock's date: the caller gave none and the dump named none.
    today_known: bool = True
    yearless_by_clock: int = 0

    def capture_date(self, day: datetime.date) -> None:
        """The day a saving tool says it captured the page: ``today`` unless the caller gave one."""
        if not self.today_known:
            self.today = day
            self.today_known = True

    def card_date(self, text: str, cache: dict[str, CardDate]) -> CardDate:
        """A card's date line read against ``today``, each distinct line once per load."""
        parsed = cache.get(text)
        if parsed is None:
            parsed = cache[text] = parse_card_date(text, self.today)
        if parsed.yearless and not self.today_known:
            self.yearless_by_clock += 1
        return parsed

    def listing(
        self,
        papers: Iterable[Paper],
        *,
        format: str,
        title: str | None = None,
        date: datetime.date | None = None,
    ) -> Listing:
        """The Listing a load produced, with its source and the issues met."""
        return Listing(tuple(papers), title, date, format, self.origin, tuple(self.issues))

    def renumber(self, since: int, offset: int) -> None:
        """Count the paper index of issues ``since`` on from ``offset``: a part of the
        input read on its own (a second page) numbered its papers from 0."""
        self.issues[since:] = [
            issue if issue.index is None else attrs.evolve(issue, index=issue.index + offset)
            for issue in self.issues[since:]
        ]

    def report(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
        index: int | None = None,
    ) -> None:
        """Record a problem that lenient mode survives (strict mode raises it)."""
        if self.strict:
            self.fail(message, line=line, column=column, field=field)
        self.issues.append(Issue(message, line, column, field, index))

    def fail(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> NoReturn:
        """Raise the ParseError for a problem no mode survives."""
        raise self.error(message, line=line, column=column, field=field)

    def error(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> ParseError:
        """The ParseError for a problem, to raise ``from`` a lower-level exception."""
        return ParseError(message, source=self.source, line=line, column=column, field=field)
