"""Archives: many files, directories, glob patterns and URLs, loaded one file at a time.

``iter_load`` yields one Listing per file; ``load_many`` merges them, in this
process or in a pool of processes. Each file is read by ``load``, so a file
gives the same papers here as alone.
"""

from __future__ import annotations

import datetime
import functools
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Literal, Union

from ._fetching import DEFAULT_TIMEOUT, is_url
from ._listing import Listing, merge_listings
from ._loading import DEFAULT_MAX_BYTES, check_limits, load
from ._model import Issue
from .errors import FetchError, ParseError

__all__ = ["iter_load", "load_many", "source_files"]

Sources = Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]
OnError = Literal["raise", "skip"]
Progress = Callable[[int, int], None]
"""Called after each file with (files done, files in all)."""

_PATTERN_CHARACTERS = frozenset("*?[")
# Each worker takes files in chunks, so that few round trips carry many files.
_CHUNKS_PER_WORKER = 8


def source_files(sources: Sources) -> Iterator[str]:
    """The files (and URLs) that ``sources`` name, in order, found as they are asked for.

    A directory gives every file under it whose name does not start with ".",
    sorted by name at each level; a glob pattern (``*``, ``?``, ``[``, and
    ``**`` across directories) that names no existing path gives its
    matches, sorted; a pattern matching nothing stays as given, for loading
    to report.
    """
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    for source in sources:
        if is_url(source):
            yield source
            continue
        if not isinstance(source, (str, os.PathLike)):
            raise TypeError(f"a source is a path, a pattern or a URL, not {type(source).__name__}")
        path = os.fsdecode(source)
        if os.path.isdir(path):
            yield from _files_under(path)
        elif not _PATTERN_CHARACTERS.isdisjoint(path) and not os.path.exists(path):
            yield from _matches(path)
        else:
            yield path


def _files_under(directory: str) -> Iterator[str]:
    # One directory's names at a time, kept as one string while its files are
    # read (a fifth of the memory of a list of names): an archive of thousands
    # of files costs little more than its largest file.
    names = "\0".join(sorted(os.listdir(directory)))  # no file name holds NUL
    for name in _split_lazily(names, "\0"):
        if not name or name.startswith("."):
            continue
        path = os.path.join(directory, name)
        if os.path.isdir(path):
            yield from _files_under(path)
        else:
            yield path


def _split_lazily(text: str, separator: str) -> Iterator[str]:
    start = 0
    while (end := text.find(separator, start)) != -1:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _matches(pattern: str) -> Iterator[str]:
    import glob

    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield pattern
    for match in matches:
        if os.path.isdir(match):
            yield from _files_under(match)
        else:
            yield match


def _check_on_error(on_error: object) -> None:
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")


def _load_one(
    source: str,
    *,
    today: datetime.date | str | None,
    strict: bool,
    on_error: OnError,
    timeout: float,
    max_bytes: int,
) -> Listing:
    """One file as ``load`` reads it; with "skip", a file that fails is an Issue.

    In an archive a blank file is a failed save, not a page without papers.
    """
    try:
        listing = load(source, today=today, strict=strict, timeout=timeout, max_bytes=max_bytes)
        if listing.format is None:  # nothing but white space
            raise ParseError("no content: the file is empty or blank", source=source)
        return listing
    except (ParseError, OSError) as error:
        if on_error == "raise":
            raise
        return Listing(source=source, issues=(_file_issue(source, error),))


def _file_issue(source: str, error: ParseError | OSError) -> Issue:
    if isinstance(error, ParseError):
        return Issue(error.message, error.line, error.column, error.field, source=source)
    if isinstance(error, FetchError):
        return Issue(str(error), source=source)
    return Issue(f"cannot read the file: {error.strerror or error}", source=source)


def iter_load(
    sources: Sources,
    *,
    today: datetime.date | str | None = None,
    strict: bool = False,
    on_error: OnError = "raise",
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Listing]:
    """One Listing per file that ``sources`` name, in order, each read as it is asked for.

    Only the file being read is held, so archives larger than memory can be
    filtered file by file. Arguments are those of ``load_many``.

    Raises:
        ParseError, OSError, FetchError: with ``on_error="raise"``, the first file
            that cannot be read. With ``"skip"``, that file's Listing has no papers and
            one Issue saying why.
    """
    _check_on_error(on_error)  # at the call, not at the first file
    check_limits(max_bytes, timeout)
    read = functools.partial(
        _load_one, today=today, strict=strict, on_error=on_error, timeout=timeout,
        max_bytes=max_bytes,
    )  # fmt: skip
    return map(read, source_files(sources))


def load_many(
    sources: Sources,
    *,
    today: datetime.date | str | None = None,
    strict: bool = False,
    on_error: OnError = "raise",
    workers: int = 1,
    progress: Progress | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Listing:
    """Every file that ``sources`` name, loaded and merged into one Listing.

    Args:
        sources: a path, a directory (every file under it, sorted), a glob pattern, an
            http(s) URL, or an iterable of them.
        today, strict, timeout, max_bytes: as for ``load``, for every file.
        on_error: ``"raise"`` stops at the first file that cannot be read; ``"skip"``
            records an Issue for it (its source and why) and goes on.
        workers: load files in this many processes; the result is the same as with 1.
        progress: called after each file with (files done, files in all).

    Returns:
        The merge of the files' listings (see ``Listing.merge``), keeping every file's
        issues, each with its ``source``.
    """
    _check_on_error(on_error)
    check_limits(max_bytes, timeout)
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise ValueError(f"workers must be a whole number >= 1, not {workers!r}")
    files = list(source_files(sources))
    read = functools.partial(
        _load_one, today=today, strict=strict, on_error=on_error, timeout=timeout,
        max_bytes=max_bytes,
    )  # fmt: skip
    if workers == 1 or len(files) < 2:
        return merge_listings(_counted(map(read, files), len(files), progress), keep_issues=True)
    chunk = max(1, len(files) // (workers * _CHUNKS_PER_WORKER))
    with ProcessPoolExecutor(max_workers=min(workers, len(files))) as pool:
        listings = pool.map(read, files, chunksize=chunk)
        return merge_listings(_counted(listings, len(files), progress), keep_issues=True)


def _counted(
    listings: Iterable[Listing], total: int, progress: Progress | None
) -> Iterator[Listing]:
    for done, listing in enumerate(listings, start=1):
        yield listing
        if progress is not None:
            progress(done, total)
