"""Papers as a pandas DataFrame or an Arrow table, with one schema for every input format.

pandas and pyarrow are optional: each is imported when first asked for, and
its absence is an ImportError naming the extra that installs it.
"""

from __future__ import annotations

import datetime
import functools
import importlib
import operator
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from ._export import RECORD_FIELDS
from ._model import Paper, field_types

__all__ = ["arrow_schema", "to_arrow", "to_pandas"]

# Each column's kind: text, a list of text, a count or a date.
_TEXT, _TEXTS, _COUNT, _DATE = "text", "texts", "count", "date"


@functools.cache
def _kinds() -> dict[str, str]:
    """Each record field's kind, from the types Paper's annotations accept, so a new
    field has one.

    ``url``, derived and not a field, is text like every name missing here.
    """
    kinds = {}
    for name, (accepted, in_tuple) in field_types().items():
        if in_tuple:
            kinds[name] = _TEXTS
        elif int in accepted:
            kinds[name] = _COUNT
        elif datetime.date in accepted:
            kinds[name] = _DATE
    return kinds


def _kind(name: str) -> str:
    return _kinds().get(name, _TEXT)


def _optional(module: str, caller: str, extra: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f"{caller} needs {module}, an optional dependency: pip install 'paperlist[{extra}]'"
        ) from exc


def _column(papers: Sequence[Paper], name: str) -> list[Any]:
    values = list(map(operator.attrgetter(name), papers))
    if _kind(name) == _TEXTS:
        return [list(value) for value in values]
    return values


def to_pandas(papers: Sequence[Paper]) -> Any:
    """A ``pandas.DataFrame``: dates as datetime64[s], counts as Int64, text as string."""
    pandas = _optional("pandas", "Listing.to_pandas()", "pandas")
    dtypes = {_TEXT: "string", _COUNT: "Int64", _DATE: "datetime64[s]", _TEXTS: "object"}
    columns = {
        name: pandas.Series(_column(papers, name), dtype=dtypes[_kind(name)], name=name)
        for name in RECORD_FIELDS
    }
    return pandas.DataFrame(columns, columns=list(RECORD_FIELDS))


def arrow_schema() -> Any:
    """The ``pyarrow.Schema`` of every table ``to_arrow`` makes."""
    pyarrow = _optional("pyarrow", "Listing.to_arrow()", "arrow")
    types = {
        _TEXT: pyarrow.string(),
        _TEXTS: pyarrow.list_(pyarrow.string()),
        _COUNT: pyarrow.int64(),
        _DATE: pyarrow.date32(),
    }
    return pyarrow.schema(
        [
            pyarrow.field(name, types[_kind(name)], nullable=name != "title")
            for name in RECORD_FIELDS
        ]
    )


def to_arrow(papers: Sequence[Paper]) -> Any:
    """A ``pyarrow.Table`` with the schema of ``arrow_schema()``."""
    pyarrow = _optional("pyarrow", "Listing.to_arrow()", "arrow")
    schema = arrow_schema()
    arrays = [pyarrow.array(_column(papers, field.name), type=field.type) for field in schema]
    return pyarrow.Table.from_arrays(arrays, schema=schema)
