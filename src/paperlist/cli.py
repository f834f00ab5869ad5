"""The ``paperlist`` command: load saved pages, filter, sort and print them."""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import shutil
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from . import query
from ._export import RECORD_FIELDS
from ._formats.document import dumps
from ._listing import Listing
from ._loading import FORMATS, load
from ._sample import SAMPLE_DATE, sample_path
from ._strings import shorten
from .errors import ParseError

__all__ = ["main"]

_OUTPUTS = ("table", "json", "jsonl", "csv", "bibtex")
_SORT_FIELDS = (
    "title",
    "arxiv_id",
    "author_count",
    "organization",
    "published",
    "listed",
    "upvotes",
    "comments",
    "github_stars",
)
_USAGE_ERROR = 2


class _Exit(Exception):
    """argparse asked to end the run (after --help, or on a usage error)."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that writes to the streams given to main() and never exits."""

    def __init__(self, *, out: TextIO, err: TextIO, **options: Any) -> None:
        super().__init__(**options)
        self.out = out
        self.err = err

    def _print_message(self, message: str, file: object = None) -> None:
        if message:
            (self.err if file is sys.stderr else self.out).write(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self.err.write(message)
        raise _Exit(status)


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2025-10-28, got {text!r}") from None


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {text!r}")
    return int(text)


def build_parser(out: TextIO, err: TextIO) -> argparse.ArgumentParser:
    """The argument parser, writing to ``out`` and ``err``; every option is in ``--help``."""
    parser = _Parser(
        out=out,
        err=err,
        prog="paperlist",
        description=(
            "Read saved Hugging Face Daily Papers pages (HTML, text or Markdown dumps, API "
            "JSON), filter them, and print the papers. Several files are merged, one paper "
            "per arXiv id."
        ),
        epilog="Exit status: 0 on success, 2 for a bad file or bad usage.",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="saved pages to read; '-' reads standard input",
    )
    parser.add_argument(
        "--sample",
        action="store_true",
        help=f"read the sample page bundled with paperlist (captured {SAMPLE_DATE})",
    )
    reading = parser.add_argument_group("reading")
    reading.add_argument(
        "--format", choices=FORMATS, help="the input format (default: detected from the content)"
    )
    reading.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the day the pages were captured, for dates shown without a year (default: today)",
    )
    reading.add_argument(
        "--strict", action="store_true", help="fail on the first problem instead of warning"
    )
    picking = parser.add_argument_group("filtering and sorting")
    picking.add_argument(
        "--since", type=_date, metavar="D", help="papers published on or after D (YYYY-MM-DD)"
    )
    picking.add_argument(
        "--until", type=_date, metavar="D", help="papers published on or before D (YYYY-MM-DD)"
    )
    picking.add_argument("--min-authors", type=_count, metavar="N", help="at least N authors")
    picking.add_argument("--max-authors", type=_count, metavar="N", help="at most N authors")
    picking.add_argument(
        "--has-repo",
        nargs="?",
        const="",
        metavar="HOST",
        help="papers with a code repository link (on HOST, e.g. github.com, if given; "
        "put FILE arguments first or write --has-repo=HOST, or a file name is taken as HOST)",
    )
    picking.add_argument(
        "--keyword",
        action="append",
        default=[],
        metavar="WORD",
        help="papers whose title or abstract contains WORD (repeatable; all must match)",
    )
    picking.add_argument(
        "--any", action="store_true", help="with several --keyword, any one may match"
    )
    picking.add_argument(
        "--sort",
        choices=_SORT_FIELDS,
        metavar="FIELD",
        help=f"sort by one of: {', '.join(_SORT_FIELDS)}",
    )
    picking.add_argument("--reverse", action="store_true", help="sort in descending order")
    picking.add_argument("--limit", type=_count, metavar="N", help="print at most N papers")
    parser.add_argument(
        "--output",
        choices=_OUTPUTS,
        default="table",
        help="table (default, fits the terminal), json (paperlist's own format), "
        "jsonl (one paper object per line, which paperlist reads back), "
        "csv (one record per paper; lists as JSON arrays), bibtex",
    )
    return parser


def _predicates(args: argparse.Namespace) -> list[query.Predicate]:
    predicates = []
    if args.since is not None or args.until is not None:
        predicates.append(query.published_between(args.since, args.until))
    if args.min_authors is not None:
        predicates.append(query.min_authors(args.min_authors))
    if args.max_authors is not None:
        predicates.append(query.max_authors(args.max_authors))
    if args.has_repo is not None:
        # Any repository link, declared or named in the abstract, as before 0.2.
        predicates.append(query.has_repo(args.has_repo or None, include_mentions=True))
    if args.keyword:
        predicates.append(query.keyword(*args.keyword, match="any" if args.any else "all"))
    return predicates


def _read(name: str, args: argparse.Namespace, stdin: Any) -> Listing:
    options: dict[str, Any] = {"format": args.format, "today": args.today, "strict": args.strict}
    if name == "-":
        # The binary buffer, when there is one, keeps decoding ours (BOM, bad bytes).
        return load(getattr(stdin, "buffer", stdin), **options)
    return load(name, **options)


def _csv_cell(value: object) -> object:
    """Dates as ISO text; lists as JSON arrays, so that "Smith; John" stays one name."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _table(listing: Listing, width: int) -> str:
    header = ("published", "votes", "comm", "authors", "title")
    rows = [
        (
            paper.published.isoformat() if paper.published else "",
            "" if paper.upvotes is None else str(paper.upvotes),
            "" if paper.comments is None else str(paper.comments),
            "" if paper.author_count is None else str(paper.author_count),
            paper.title,
        )
        for paper in listing
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    title_width = max(20, width - sum(widths) - 2 * 4)
    lines = []
    for row in [header, *rows]:
        title = shorten(row[4], title_width)
        cells = [row[0].ljust(widths[0])] + [
            cell.rjust(w) for cell, w in zip(row[1:4], widths[1:], strict=True)
        ]
        lines.append("  ".join([*cells, title]).rstrip())
    lines.append(f"{len(listing)} papers")
    return "\n".join(lines) + "\n"


def _render(listing: Listing, output: str, width: int) -> str:
    if output == "json":
        return dumps(listing, indent=2) + "\n"
    if output == "bibtex":
        return listing.to_bibtex()
    if output == "table":
        return _table(listing, width)
    if output == "jsonl":
        return dumps(listing, lines=True)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=RECORD_FIELDS, lineterminator="\n")
    writer.writeheader()  # every column, even when no paper is left
    for record in listing.to_records():
        writer.writerow({key: _csv_cell(value) for key, value in record.items()})
    return buffer.getvalue()


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command; returns the exit status."""
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    parser = build_parser(stdout, stderr)
    try:
        args = parser.parse_args(argv)
    except _Exit as exit:
        return exit.status
    names = list(args.files)
    if args.sample:
        names.insert(0, str(sample_path()))
        if args.today is None:
            args.today = SAMPLE_DATE
    if not names:
        parser.print_usage(stderr)
        stderr.write("paperlist: error: give at least one FILE (or --sample)\n")
        return _USAGE_ERROR
    listings = []
    for name in names:
        try:
            listing = _read(name, args, stdin)
        except ParseError as exc:
            stderr.write(f"{exc}\n")
            return _USAGE_ERROR
        except OSError as exc:
            stderr.write(f"paperlist: cannot read {name}: {exc.strerror or exc}\n")
            return _USAGE_ERROR
        for issue in listing.issues:
            where = ":".join(str(part) for part in (issue.line, issue.column) if part is not None)
            stderr.write(f"{name}:{where + ':' if where else ''} warning: {issue.message}\n")
        listings.append(listing)
    listing = listings[0].merge(*listings[1:]) if len(listings) > 1 else listings[0]
    listing = listing.filter(*_predicates(args))
    if args.sort is not None:
        listing = listing.sort_by(args.sort, reverse=args.reverse)
    if args.limit is not None:
        listing = listing[: args.limit]
    width = shutil.get_terminal_size((100, 24)).columns
    stdout.write(_render(listing, args.output, width))
    return 0
