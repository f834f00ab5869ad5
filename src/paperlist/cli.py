"""The ``paperlist`` command: load saved pages, filter, sort and print them.

It keeps the conventions shells have taught: output is written as it is
produced and a closed pipe ends the run quietly; usage errors are one line on
stderr and exit status 2; a bad file is ``file:line:column: message``.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import sys
import traceback
import warnings
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn, TextIO

from . import query
from ._archives import source_files
from ._cli_output import OUTPUTS, TABLE_COLUMNS, render
from ._export import RECORD_FIELDS
from ._links import REPOSITORY_HOSTS
from ._listing import Listing, merge_listings
from ._loading import FORMATS, load
from ._model import Issue
from ._sample import SAMPLE_DATE, sample_path
from .errors import FetchError, ParseError, YearlessDateWarning

__all__ = ["main"]

_SORT_FIELDS = (
    "title", "arxiv_id", "author_count", "organization", "published", "listed", "upvotes",
    "comments", "github_stars",
)  # fmt: skip
EXIT_OK, EXIT_SOME_FILES_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_CLOSED_PIPE = 141  # what a shell reports for a process ended by SIGPIPE

_EXAMPLES = """\
examples:
  paperlist --sample --repo --min-authors 8        the bundled page, papers with code
  paperlist saved/ --since 2025-01-01 --sort upvotes --reverse --limit 20
  paperlist 'saved/**/*.json' --keyword diffusion --keyword video --any
  paperlist page.txt --today 2025-10-28 --output csv --columns arxiv_id,title > papers.csv
  curl -s https://huggingface.co/api/daily_papers | paperlist --output bibtex
  paperlist saved/ -q | xargs -n1 echo            one arXiv id per line
  paperlist saved/ --keep-going                   report bad files, read the rest

exit status: 0 success; 1 some files could not be read (--keep-going);
2 bad usage, or a file could not be read; 141 the reader closed the pipe.
"""


class _Exit(Exception):
    """argparse asked to end the run (after --help, or on a usage error)."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class UsageError(Exception):
    """Options that parse but make no sense together."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that writes to main()'s streams, never exits, and
    reports a usage error in one line."""

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

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"paperlist: error: {message}\n")


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2025-10-28, got {text!r}") from None


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {text!r}")
    return int(text)


def _word(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("expected a word, got an empty string")
    return text


def _names(choices: Sequence[str]) -> Any:
    """A comma-separated list of names, each one of ``choices``."""

    def parse(text: str) -> tuple[str, ...]:
        names = tuple(name.strip() for name in text.split(",") if name.strip())
        unknown = [name for name in names if name not in choices]
        if unknown or not names:
            raise argparse.ArgumentTypeError(
                f"unknown name {', '.join(map(repr, unknown)) or repr(text)}; "
                f"expected some of: {', '.join(choices)}"
            )
        return names

    return parse


def _version() -> str:
    from . import __version__

    return f"paperlist {__version__}"


def build_parser(out: TextIO, err: TextIO) -> argparse.ArgumentParser:
    """The argument parser, writing to ``out`` and ``err``; every option is in ``--help``."""
    parser = _Parser(
        out=out,
        err=err,
        prog="paperlist",
        description=(
            "Read saved Hugging Face Daily Papers pages (HTML, text or Markdown dumps, API "
            "JSON, JSON Lines), filter them, and print the papers. Several files are merged, "
            "one paper per arXiv id."
        ),
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="pages to read: files, directories (every file inside), glob patterns (quoted, "
        "expanded by paperlist), http(s) URLs, or '-'; with none, standard input when it "
        "is not a terminal",
    )
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument(
        "--sample",
        action="store_true",
        help=f"read the sample page bundled with paperlist (captured {SAMPLE_DATE})",
    )
    parser.add_argument(
        "--debug", action="store_true", help="show the traceback of an error, for bug reports"
    )
    _reading_options(parser)
    _filtering_options(parser)
    _output_options(parser)
    return parser


def _reading_options(parser: argparse.ArgumentParser) -> None:
    reading = parser.add_argument_group("reading")
    reading.add_argument(
        "--format", choices=FORMATS, help="the input format (default: detected from the content)"
    )
    reading.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the day the pages were captured, for dates shown without a year (default: "
        "the capture date each file records, else today)",
    )
    reading.add_argument(
        "--strict", action="store_true", help="fail on the first problem instead of warning"
    )
    reading.add_argument(
        "--keep-going",
        action="store_true",
        help="report a file that cannot be read and go on with the others (exit status 1)",
    )


def _filtering_options(parser: argparse.ArgumentParser) -> None:
    picking = parser.add_argument_group("filtering and sorting")
    picking.add_argument("--since", type=_date, metavar="D", help="published on or after D")
    picking.add_argument("--until", type=_date, metavar="D", help="published on or before D")
    picking.add_argument(
        "--listed-since", type=_date, metavar="D", help="listed on Daily Papers on or after D"
    )
    picking.add_argument(
        "--listed-until", type=_date, metavar="D", help="listed on Daily Papers on or before D"
    )
    picking.add_argument("--min-authors", type=_count, metavar="N", help="at least N authors")
    picking.add_argument("--max-authors", type=_count, metavar="N", help="at most N authors")
    picking.add_argument("--min-upvotes", type=_count, metavar="N", help="at least N upvotes")
    picking.add_argument(
        "--repo",
        "--has-repo",  # the name before 0.2, now a flag without a value
        action="store_true",
        help="papers with a code repository link, their own or one their abstract names",
    )
    picking.add_argument(
        "--repo-host",
        choices=REPOSITORY_HOSTS,
        metavar="HOST",
        help=f"papers with a repository link on HOST: {', '.join(REPOSITORY_HOSTS)}",
    )
    picking.add_argument(
        "--keyword",
        action="append",
        default=[],
        type=_word,
        metavar="WORD",
        help="title or abstract contains WORD (repeatable; all must match)",
    )
    picking.add_argument("--any", action="store_true", help="any one --keyword may match")
    picking.add_argument(
        "--sort",
        type=_names(_SORT_FIELDS),
        metavar="FIELDS",
        help=f"sort by fields, comma-separated, the first first: {', '.join(_SORT_FIELDS)}",
    )
    picking.add_argument("--reverse", action="store_true", help="sort in descending order")
    picking.add_argument("--limit", type=_count, metavar="N", help="print at most N papers")


def _output_options(parser: argparse.ArgumentParser) -> None:
    output = parser.add_argument_group("output")
    output.add_argument(
        "--output",
        choices=OUTPUTS,
        default="table",
        help="table (default), json (paperlist's own format), jsonl (one paper object per "
        "line), csv (lists as JSON arrays), bibtex, ids; paperlist reads json, jsonl and "
        "csv back",
    )
    output.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print only arXiv ids, one per line (the same as --output ids)",
    )
    output.add_argument(
        "--columns",
        type=_names(RECORD_FIELDS),
        metavar="A,B,C",
        help=f"the columns of table and csv output, from: {', '.join(RECORD_FIELDS)}",
    )
    output.add_argument(
        "--no-truncate",
        action="store_true",
        help="print whole titles in the table (the default when output is not a terminal)",
    )


def _check(args: argparse.Namespace) -> None:
    """Refuse options that would be silently ignored or contradict each other."""
    if args.reverse and args.sort is None:
        raise UsageError("--reverse needs --sort")
    if args.any and len(args.keyword) < 2:
        raise UsageError("--any needs at least two --keyword")
    if args.quiet and args.output not in ("table", "ids"):
        raise UsageError(f"--quiet prints ids and cannot be used with --output {args.output}")
    if args.columns is not None and args.output not in ("table", "csv") and not args.quiet:
        raise UsageError("--columns applies to --output table and csv only")


def _predicates(args: argparse.Namespace) -> list[query.Predicate]:
    predicates = []
    if args.since is not None or args.until is not None:
        predicates.append(query.published_between(args.since, args.until))
    if args.listed_since is not None or args.listed_until is not None:
        predicates.append(query.listed_between(args.listed_since, args.listed_until))
    if args.min_authors is not None:
        predicates.append(query.min_authors(args.min_authors))
    if args.max_authors is not None:
        predicates.append(query.max_authors(args.max_authors))
    if args.min_upvotes is not None:
        predicates.append(query.min_upvotes(args.min_upvotes))
    if args.repo or args.repo_host is not None:
        # Any repository link, declared or named in the abstract, as before 0.2.
        predicates.append(query.has_repo(args.repo_host, include_mentions=True))
    if args.keyword:
        predicates.append(query.keyword(*args.keyword, match="any" if args.any else "all"))
    return predicates


class _Run:
    """One run of the command over its parsed arguments and streams."""

    def __init__(
        self, args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO
    ) -> None:
        self.args = args
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.failed = 0

    def sources(self) -> list[str]:
        names = list(self.args.files)
        if self.args.sample:
            names.insert(0, str(sample_path()))
            if self.args.today is None:
                self.args.today = SAMPLE_DATE
        if not names:
            if _is_terminal(self.stdin):
                raise UsageError("give at least one FILE, '-' or --sample, or pipe a page in")
            return ["-"]
        return [path for name in names for path in (["-"] if name == "-" else source_files(name))]

    def read(self, name: str) -> Listing | None:
        """The file's listing, or None when it failed and --keep-going goes on."""
        options: dict[str, Any] = {
            "format": self.args.format,
            "today": self.args.today,
            "strict": self.args.strict,
        }
        # The binary buffer, when there is one, keeps decoding ours (BOM, bad bytes).
        source = getattr(self.stdin, "buffer", self.stdin) if name == "-" else name
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", YearlessDateWarning)
                listing = load(source, **options)
            for warning in caught:
                self.stderr.write(f"{name}: warning: {warning.message}\n")
            return listing
        except (ParseError, OSError) as error:
            if self.args.debug or not self.args.keep_going:
                raise
            self.stderr.write(_file_error(name, error) + "\n")
            self.failed += 1
            return None

    def listings(self, names: list[str]) -> Iterator[Listing]:
        counter = len(names) > 1 and _is_terminal(self.stderr)
        for done, name in enumerate(names, start=1):
            listing = self.read(name)
            if counter:
                self.stderr.write(f"\rread {done}/{len(names)} files")
                if done == len(names):
                    self.stderr.write("\r\033[K")
            if listing is None:
                continue
            for issue in listing.issues:
                self.stderr.write(_warning(name, issue) + "\n")
            yield listing

    def __call__(self) -> int:
        args = self.args
        listing = merge_listings(self.listings(self.sources()))
        listing = listing.filter(*_predicates(args))
        if args.sort is not None:
            listing = listing.sort_by(*args.sort, reverse=args.reverse)
        matched = len(listing)
        if args.limit is not None:
            listing = listing[: args.limit]
        output = "ids" if args.quiet else args.output
        columns = args.columns or (TABLE_COLUMNS if output == "table" else RECORD_FIELDS)
        width = None
        if output == "table" and not args.no_truncate and _is_terminal(self.stdout):
            width = shutil.get_terminal_size((100, 24)).columns
        for piece in render(listing, output, columns=columns, width=width, matched=matched):
            self.stdout.write(piece)
        self.stdout.flush()
        return EXIT_SOME_FILES_FAILED if self.failed else EXIT_OK


def _warning(name: str, issue: Issue) -> str:
    where = "".join(f"{part}:" for part in (issue.line, issue.column) if part is not None)
    return f"{name}:{where} warning: {issue.message}"


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty()) if callable(isatty) else False


def _file_error(name: str, error: ParseError | OSError) -> str:
    if isinstance(error, ParseError):
        return str(error)  # source:line:column: message
    if isinstance(error, FetchError):
        return f"paperlist: cannot fetch {error}"  # the URL, the status, what went wrong
    return f"paperlist: cannot read {name}: {getattr(error, 'strerror', None) or error}"


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command; returns the exit status."""
    if stdout is None:
        stdout = _replacing(sys.stdout, "replace")
    if stderr is None:
        stderr = _replacing(sys.stderr, "backslashreplace")
    stdin = stdin if stdin is not None else sys.stdin
    try:
        return _main(argv, stdin, stdout, stderr)
    except BrokenPipeError:
        _discard_further_output(stdout)
        return EXIT_CLOSED_PIPE


def _main(argv: Sequence[str] | None, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    parser = build_parser(stdout, stderr)
    try:
        args = parser.parse_args(argv)
    except _Exit as exit:
        return exit.status
    try:
        _check(args)
        return _Run(args, stdin, stdout, stderr)()
    except UsageError as error:
        stderr.write(f"paperlist: error: {error}\n")
        return EXIT_USAGE
    except (ParseError, OSError) as error:
        if isinstance(error, BrokenPipeError):
            raise
        if args.debug:
            stderr.write(traceback.format_exc())
        name = getattr(error, "filename", None) or "-"  # ParseError and FetchError name it
        stderr.write(_file_error(str(name), error) + "\n")
        return EXIT_USAGE


def _replacing(stream: TextIO, errors: str) -> TextIO:
    """The process's own stream, writing characters its encoding lacks as replacements."""
    reconfigure = getattr(stream, "reconfigure", None)
    if callable(reconfigure):
        reconfigure(errors=errors)
    return stream


def _discard_further_output(stdout: TextIO) -> None:
    """After the reader closed the pipe: point stdout at /dev/null so that the
    interpreter's final flush does not fail again on stderr."""
    try:
        descriptor = stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, descriptor)
    os.close(null)
