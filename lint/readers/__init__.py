"""Document readers: bytes of a file → documents, and fixed documents → bytes again.

Readers are plugins (the ``scrapelint_readers`` hook); this package registers the
built-in ones: plain text (``.txt``, ``.md``, and any file named explicitly), JSON
Lines shards (``.jsonl``, ``.ndjson``, gzip and zstd compressed) and Parquet shards.
"""

from __future__ import annotations

from lint import hookimpl
from lint.readers.base import InputFile, Reader, Unit, UnitWriter
from lint.readers.encoding import EncodeProblem, Encoding, ReadProblem, sniff_encoding
from lint.readers.jsonl import GzipJsonlReader, JsonlReader, ZstdJsonlReader
from lint.readers.parquet import ParquetReader
from lint.readers.text import TextReader

__all__ = [
    "EncodeProblem",
    "Encoding",
    "GzipJsonlReader",
    "InputFile",
    "JsonlReader",
    "ParquetReader",
    "ReadProblem",
    "Reader",
    "TextReader",
    "Unit",
    "UnitWriter",
    "ZstdJsonlReader",
    "sniff_encoding",
]


@hookimpl
def scrapelint_readers() -> list[Reader]:
    """The built-in readers."""
    return [TextReader(), JsonlReader(), GzipJsonlReader(), ZstdJsonlReader(), ParquetReader()]
