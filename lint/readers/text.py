"""Plain text files: a whole file is one document (``.txt``, ``.md``, anything named)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lint.document import Document, Source
from lint.readers.base import InputFile, Reader, Unit, read_bounded
from lint.readers.encoding import Encoding, sniff_encoding
from lint.rule import Option

ENCODING_OPTION = Option(
    "encoding",
    str,
    "auto",
    "text encoding of the files: a codec name (utf-8, gb18030, big5...) or auto"
    " (UTF-8, else the legacy encoding charset-normalizer detects)",
)


class TextReader(Reader):
    """A whole file is one document, decoded with its BOM or the configured encoding."""

    name = "text"
    suffixes = (".txt", ".md", ".markdown", ".text")
    options = (ENCODING_OPTION,)

    def units(self, file: InputFile, options: Mapping[str, Any]) -> Iterator[Unit]:
        """The whole file as one unit (bounded by the maximum document size)."""
        data = read_bounded(file.stream, file.max_bytes, "the file")
        yield Unit(Source(file.display), data, len(data))

    def document(self, unit: Unit, options: Mapping[str, Any]) -> tuple[Document, Encoding]:
        """Decode the file; its encoding is the state that writing back needs."""
        encoding, body = sniff_encoding(unit.payload, options.get("encoding", "auto"))
        return Document(encoding.decode(body), unit.source), encoding

    def encode(self, unit: Unit, state: Encoding, text: str, options: Mapping[str, Any]) -> bytes:
        """Encode the fixed text with the file's own encoding, BOM and line endings."""
        return state.encode(text)
