"""The reader interface: how a file becomes documents, and fixed documents become bytes again.

A reader works in two places. In the main process it cuts a file into **units**
(``Reader.units``): the raw material of one document each (a whole text file, one
line of a JSON Lines shard, one row of a Parquet file), streamed, never the whole
shard at once. In a worker it turns a unit into a ``Document`` (``Reader.document``)
and, after fixing, turns the fixed text back into the unit's new raw material
(``Reader.encode``). Back in the main process, a ``UnitWriter`` writes units, fixed
or not, in order, to wherever the fixed file goes.

Readers are plugins (the ``scrapelint_readers`` hook) and declare their own options
(``Reader.options``), set under ``[tool.scrapelint.reader]`` or on the command line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, ClassVar, NamedTuple

from lint.document import Document, Source
from lint.readers.encoding import ReadProblem
from lint.rule import Option

__all__ = ["InputFile", "ReadProblem", "Reader", "Unit", "UnitWriter"]

DEFAULT_MAX_DOCUMENT_BYTES = 256 * 1024 * 1024


class Unit(NamedTuple):
    """One document's raw material, cut from a file in order.

    ``payload`` is what the reader needs to build the document and to write it back
    (bytes of a line or file, or text for a Parquet row). A unit with ``document``
    False is carried through unchanged (a blank line of a shard) and never checked.
    ``problem`` marks a unit the main process already knows is unreadable (a line
    over the size limit): it is reported, never checked, and written back unchanged.
    ``consumed`` counts the bytes of the file read so far, for progress. A **block**
    (``records`` > 0, see ``Reader.blocks``) carries that many whole records of a
    shard at once, the first at ``source.record``: a worker cuts it into records.
    """

    source: Source
    payload: Any
    consumed: int = 0
    document: bool = True
    problem: str | None = None
    records: int = 0


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file opened for reading: its stream, path (None for standard input) and name."""

    stream: BinaryIO
    path: Path | None
    display: str
    max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES


class UnitWriter:
    """Writes a file's units, fixed or not, in order (base: raw bytes as they are)."""

    def __init__(self, dest: BinaryIO) -> None:
        self.dest = dest

    def write(self, unit: Unit, payload: Any) -> None:
        """Write one unit's payload (its new payload when fixed, else the original)."""
        self.dest.write(payload)

    def omit(self, unit: Unit) -> None:
        """Leave a unit out of the file (it went to the reject file)."""

    def close(self) -> None:
        """Finish the file (flush compressors, footers); the caller closes ``dest``."""


class Reader:
    """Base class of document readers."""

    name: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]]
    options: ClassVar[tuple[Option, ...]] = ()
    # A shard holds many records: fixes go to --output DIR, or in place with --in-place.
    is_shard: ClassVar[bool] = False
    can_write: ClassVar[bool] = True

    def claims(self, name: str) -> bool:
        """Whether this reader reads a file of this (lower-cased) name."""
        return name.endswith(self.suffixes)

    def units(self, file: InputFile, options: Mapping[str, Any]) -> Iterator[Unit]:
        """Cut a file into units, streaming (main process); raise ReadProblem for the file."""
        raise NotImplementedError

    def document(self, unit: Unit, options: Mapping[str, Any]) -> tuple[Document, Any]:
        """Build the document of a unit, and any state ``encode`` needs (worker)."""
        raise NotImplementedError

    def encode(self, unit: Unit, state: Any, text: str, options: Mapping[str, Any]) -> Any:
        """The unit's new payload holding ``text``; raise EncodeProblem when impossible."""
        raise NotImplementedError

    def blocks(self, file: InputFile, options: Mapping[str, Any]) -> Iterator[Unit] | None:
        """The file as blocks of whole records (main process), or None when not supported.

        When nothing is written back, the main process hands out blocks and the
        workers cut them into records (``records_of``): the main process then does
        almost no work per record, which lets ``--jobs`` scale.
        """
        return None

    def records_of(self, block: Unit, max_bytes: int) -> Iterator[Unit]:
        """The record units of a block (worker)."""
        raise NotImplementedError

    def writer(self, dest: BinaryIO, file: Path | None, options: Mapping[str, Any]) -> UnitWriter:
        """A writer that writes this reader's units to ``dest`` (the file being replaced)."""
        return UnitWriter(dest)

    def ignore_value(self, unit: Unit, state: Any) -> Any:
        """The record's suppression field (``ignore-field``) as read, or None (no record field)."""
        return None

    def show(self, payload: Any, state: Any = None) -> str:
        """A unit's payload as text, for diffs."""
        if isinstance(payload, str):
            return payload
        codec = getattr(state, "codec", "utf-8")
        return payload.decode(codec, errors="replace")


def read_bounded(stream: BinaryIO, limit: int, what: str) -> bytes:
    """Read a whole stream, refusing (ReadProblem) more than ``limit`` bytes."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ReadProblem(
            f"{what} is larger than the maximum document size ({limit:,} bytes);"
            " not linted (raise `max-document-size` to read it)",
            "too large",
        )
    return data
