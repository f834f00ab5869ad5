"""paperlist: typed, lossless parsing of saved Hugging Face Daily Papers pages."""

from __future__ import annotations

from ._formats.document import dump, dumps
from ._listing import Listing
from ._loading import load, loads
from ._model import Issue, Paper
from ._sample import SAMPLE_DATE, sample_path
from .errors import PaperlistError, ParseError, UnknownFormatError

__version__ = "0.1.0"

__all__ = [
    "SAMPLE_DATE",
    "Issue",
    "Listing",
    "Paper",
    "PaperlistError",
    "ParseError",
    "UnknownFormatError",
    "__version__",
    "dump",
    "dumps",
    "load",
    "loads",
    "sample_path",
]
