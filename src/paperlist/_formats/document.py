"""paperlist's own versioned JSON document, through a private cattrs Converter.

Unlike API JSON, this format was written by paperlist, so unknown keys and
wrong types are errors naming the JSON path (``$.papers[3].published``).
"""

from __future__ import annotations

import datetime
import functools
import json
from typing import IO, TYPE_CHECKING, Any

from .._context import LoadContext
from .._listing import Listing
from .._model import Issue, Paper

if TYPE_CHECKING:
    import cattrs

__all__ = ["DOCUMENT_VERSION", "DOCUMENT_VERSION_KEY", "dump", "dumps", "listing_from_document"]

DOCUMENT_VERSION = 2
"""The version dumps() writes. Version 1 (paperlist 0.1) is read too."""
_READ_VERSIONS = (1, 2)
DOCUMENT_VERSION_KEY = "paperlist"
"""The key whose presence makes a JSON object a paperlist document."""


def _strict_str(value: object, _: object) -> str:
    if type(value) is not str:
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _strict_count(value: object, _: object) -> int:
    if type(value) is not int or value < 0:
        raise TypeError(f"expected a whole number >= 0, got {value!r}")
    return value


def _strict_bool(value: object, _: object) -> bool:
    if type(value) is not bool:
        raise TypeError(f"expected true or false, got {value!r}")
    return value


def _strict_strings(value: object, _: object) -> tuple[str, ...]:
    # cattrs alone would turn the string "abc" into ("a", "b", "c").
    if type(value) is not list or not all(type(item) is str for item in value):
        raise TypeError(f"expected an array of strings, got {value!r}")
    return tuple(value)


def _iso_date(value: object, _: object) -> datetime.date:
    if type(value) is not str:
        raise TypeError(f"expected a date string like '2025-10-28', got {value!r}")
    return datetime.date.fromisoformat(value)


@functools.cache
def _converter() -> cattrs.Converter:
    """The private converter, built on first use: importing cattrs costs start-up time."""
    import cattrs

    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _strict_str)
    converter.register_structure_hook(int, _strict_count)
    converter.register_structure_hook(bool, _strict_bool)
    converter.register_structure_hook(datetime.date, _iso_date)
    converter.register_structure_hook_func(lambda kind: kind == tuple[str, ...], _strict_strings)
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    converter.register_unstructure_hook(tuple, list)
    return converter


def _document(listing: Listing) -> dict[str, Any]:
    converter = _converter()
    return {
        DOCUMENT_VERSION_KEY: DOCUMENT_VERSION,
        "title": listing.title,
        "date": listing.date.isoformat() if listing.date is not None else None,
        "format": listing.format,
        "source": listing.source,
        "papers": [converter.unstructure(paper, Paper) for paper in listing.papers],
        "issues": [converter.unstructure(issue, Issue) for issue in listing.issues],
    }


def dumps(listing: Listing, *, indent: int | None = None) -> str:
    """paperlist's own JSON for ``listing``; ``loads`` reads it back exactly.

    Args:
        listing: the Listing to write, provenance and issues included.
        indent: as for ``json.dumps``; None writes one compact line.
    """
    return json.dumps(_document(listing), ensure_ascii=False, indent=indent)


def dump(listing: Listing, fp: IO[str], *, indent: int | None = None) -> None:
    """Write ``dumps(listing)`` to a text file object."""
    fp.write(dumps(listing, indent=indent))


def listing_from_document(document: dict[str, Any], context: LoadContext) -> Listing:
    """Rebuild the Listing a paperlist document describes.

    Raises:
        ParseError: for an unknown version, an unknown key or a wrong type,
            naming its JSON path.
    """
    version = document.get(DOCUMENT_VERSION_KEY)
    if version not in _READ_VERSIONS or type(version) is not int:
        context.fail(
            f"expected paperlist document version 1 or {DOCUMENT_VERSION}, got {version!r}",
            field=f"$.{DOCUMENT_VERSION_KEY}",
        )
    fields = {key: value for key, value in document.items() if key != DOCUMENT_VERSION_KEY}
    if version == 1:
        fields = _from_version_1(fields)
    import cattrs
    from cattrs.errors import BaseValidationError, ForbiddenExtraKeysError

    try:
        return _converter().structure(fields, Listing)
    except (BaseValidationError, ForbiddenExtraKeysError) as exc:
        # cattrs groups every failure; transform_error names their JSON paths.
        messages = cattrs.transform_error(exc, path="$")
        first = messages[0] if messages else str(exc)
        message, _, path = first.rpartition(" @ ")
        raise context.error(
            f"{message or first} at {path}" if path else first, field=path or None
        ) from exc


def _from_version_1(fields: dict[str, Any]) -> dict[str, Any]:
    """A version-1 document in version 2's terms.

    Version 1 kept one list, ``repo_urls``, of the declared repository and
    those the text mentions, without saying which was which: all become
    mentions, and ``repo_url`` is unknown.
    """
    papers = fields.get("papers")
    if type(papers) is not list:
        return fields  # the converter reports it
    upgraded = []
    for paper in papers:
        if type(paper) is dict and "repo_urls" in paper:
            paper = dict(paper)  # the caller's document is left as it was
            paper["mentioned_repo_urls"] = paper.pop("repo_urls")
        upgraded.append(paper)
    return {**fields, "papers": upgraded}
