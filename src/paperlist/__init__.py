"""paperlist: typed, lossless parsing of saved Hugging Face Daily Papers pages."""

from __future__ import annotations

from . import errors as errors  # the public modules, reachable as paperlist.errors
from . import query as query  # and paperlist.query after `import paperlist`
from ._archives import iter_load, load_many
from ._formats.document import dump, dumps
from ._listing import Listing
from ._loading import load, loads
from ._model import Issue, Paper
from ._sample import SAMPLE_DATE, sample_path
from .errors import FetchError, PaperlistError, ParseError, UnknownFormatError

__version__ = "0.1.0"

__all__ = [
    "SAMPLE_DATE",
    "FetchError",
    "Issue",
    "Listing",
    "Paper",
    "PaperlistError",
    "ParseError",
    "UnknownFormatError",
    "__version__",
    "dump",
    "dumps",
    "iter_load",
    "load",
    "load_many",
    "loads",
    "sample_path",
]


def __dir__() -> list[str]:
    # Completion offers the facade and the two public modules, not the private ones.
    return sorted([*__all__, "errors", "query"])
