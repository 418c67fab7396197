"""JSON Lines shards (``.jsonl``, ``.ndjson``, gzip and zstd compressed): a record per line.

Lines are read one at a time in the main process and parsed in the workers. A fixed
record gets only its text value replaced (``json_splice``); every other byte of the
line, and every other line, stays as it was.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from lint.document import Document, Source
from lint.readers.base import InputFile, Reader, Unit, UnitWriter
from lint.readers.encoding import AUTO_CANDIDATES, EncodeProblem, ReadProblem, check_codec
from lint.readers.json_splice import splice_value
from lint.readers.text import ENCODING_OPTION
from lint.rule import Option

TEXT_FIELD = Option(
    "text-field", str, "text", "the record field holding the document (dotted path for nesting)"
)
ID_FIELD = Option("id-field", str, "id", "the record field holding its id (dotted path)")
IGNORE_FIELD = Option(
    "ignore-field",
    str,
    "scrapelint_ignore",
    "the record field listing rule codes suppressed for that record (dotted path)",
)
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
CHUNK = 1 << 20


def _json_problem(line: str, exc: json.JSONDecodeError) -> str:
    """Where a record's JSON breaks; a record cut short is placed at its end, not its start."""
    body = line.rstrip()
    if body != line and exc.pos >= len(body):  # the line break read as part of a string
        try:
            json.loads(body)
        except json.JSONDecodeError as inner:
            exc = inner
    unterminated = exc.msg.startswith("Unterminated string")
    if exc.pos >= len(body) or unterminated:
        detail = exc.msg.removesuffix(" at").removesuffix(" starting").lower()
        if unterminated:
            detail += f" opened at column {exc.pos + 1}"
        return (
            f"invalid JSON at column {len(body) + 1} (end of the line):"
            f" the record ends early, truncated? ({detail})"
        )
    return f"invalid JSON at column {exc.colno}: {exc.msg}"


class RecordState(NamedTuple):
    """What writing a record back needs (its line, BOM, codec), and its ignore field."""

    line: str
    bom: bool
    codec: str
    ignore: Any = None


def field_path(name: str) -> list[str]:
    """A dotted field name as a key path: ``meta.text`` → ``["meta", "text"]``."""
    return name.split(".") if name else [name]


def lookup(record: Any, path: list[str]) -> Any:
    """The value at a key path in nested objects, or None when absent."""
    for key in path:
        if not isinstance(record, dict) or key not in record:
            return None
        record = record[key]
    return record


def field_value(record: Any, name: str) -> Any:
    """The value of a (dotted) field of a record, or None when absent (``lookup``)."""
    if record.__class__ is dict and "." not in name:  # the usual case, without a key path
        return record.get(name)
    return lookup(record, field_path(name))


def _decode(raw: bytes, codec: str) -> tuple[str, str]:
    """The line's text and the codec that decoded it (``auto``: UTF-8, then GB18030)."""
    names = AUTO_CANDIDATES if codec == "auto" else (codec,)
    error: UnicodeDecodeError | None = None
    for name in names:
        try:
            return raw.decode(name), name
        except UnicodeDecodeError as exc:
            error = error or exc
    assert error is not None
    column = len(raw[: error.start].decode(names[0], errors="replace")) + 1
    raise ReadProblem(
        f"not valid {error.encoding.upper()} at column {column}"
        f" (byte {error.start} of the line): {error.reason}"
    )


class JsonlReader(Reader):
    """JSON Lines: each line is a record; a (nested) text field is its document."""

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson")
    options = (TEXT_FIELD, ID_FIELD, IGNORE_FIELD, ENCODING_OPTION)
    is_shard = True
    chunk_size = CHUNK  # bytes read at a time

    def open_stream(self, stream: BinaryIO) -> BinaryIO:
        """The decompressed byte stream (plain files: the stream itself)."""
        return stream

    def units(self, file: InputFile, options: Mapping[str, Any]) -> Iterator[Unit]:
        """One unit per line, read a chunk at a time; blank lines pass through unchecked."""
        check_codec(options.get("encoding", "auto"))
        raw_stream = file.stream
        stream = self.open_stream(raw_stream)
        limit = file.max_bytes
        display = file.display
        plain = stream is raw_stream
        number = consumed = 0
        for line in _lines(stream, limit, self.chunk_size):
            number += 1
            if number == 1 and line and line.startswith(_WIDE_BOMS):
                raise ReadProblem("UTF-16/UTF-32 JSON Lines are not supported; convert to UTF-8")
            source = Source(display, number)
            if line is None:
                consumed = _position(raw_stream)
                message = f"record larger than the maximum document size ({limit:,} bytes)"
                yield Unit(source, None, consumed, True, message + "; not linted")
                continue
            consumed = consumed + len(line) if plain else _position(raw_stream)
            yield Unit(source, line, consumed, bool(line.strip()))

    def blocks(self, file: InputFile, options: Mapping[str, Any]) -> Iterator[Unit]:
        """Blocks of about a megabyte of whole lines, cut at the last line break of a chunk."""
        check_codec(options.get("encoding", "auto"))
        raw_stream = file.stream
        stream = self.open_stream(raw_stream)
        limit = file.max_bytes
        display = file.display
        first = 1  # the line number the next block starts at
        pieces: list[bytes] = []  # the unfinished line after the last line break read
        size = 0
        skipping = False  # inside a line over the limit: skipped to its end, then named
        too_large = f"record larger than the maximum document size ({limit:,} bytes); not linted"
        while True:
            try:
                chunk = stream.read(self.chunk_size)
            except (OSError, EOFError, ValueError) as exc:
                raise ReadProblem(f"cannot read the shard: {exc}") from None
            if first == 1 and not pieces and not skipping and chunk.startswith(_WIDE_BOMS):
                raise ReadProblem("UTF-16/UTF-32 JSON Lines are not supported; convert to UTF-8")
            if not chunk:
                if skipping:
                    yield Unit(Source(display, first), None, _position(raw_stream), True, too_large)
                elif pieces:
                    block = b"".join(pieces)
                    yield Unit(Source(display, first), block, _position(raw_stream), records=1)
                return
            if skipping:
                cut = chunk.find(b"\n")
                if cut == -1:
                    continue
                yield Unit(Source(display, first), None, _position(raw_stream), True, too_large)
                first += 1
                skipping = False
                chunk = chunk[cut + 1 :]
            cut = chunk.rfind(b"\n")
            if cut == -1:
                pieces.append(chunk)
                size += len(chunk)
                if size > limit:
                    pieces, size, skipping = [], 0, True
                continue
            pieces.append(chunk[: cut + 1])
            block = b"".join(pieces)
            lines = block.count(b"\n")
            yield Unit(Source(display, first), block, _position(raw_stream), records=lines)
            first += lines
            rest = chunk[cut + 1 :]
            pieces, size = ([rest], len(rest)) if rest else ([], 0)
            if size > limit:
                pieces, size, skipping = [], 0, True

    def records_of(self, block: Unit, max_bytes: int) -> Iterator[Unit]:
        """The lines of a block as units, numbered from the block's first line."""
        src = block.source
        number = src.record or 1
        data = block.payload
        for line in _lines(io.BytesIO(data), max_bytes, max(len(data), 1)):
            source = Source(src.path, number)
            if line is None:
                message = f"record larger than the maximum document size ({max_bytes:,} bytes)"
                yield Unit(source, None, block.consumed, True, message + "; not linted")
            else:
                yield Unit(source, line, block.consumed, bool(line.strip()))
            number += 1

    def document(self, unit: Unit, options: Mapping[str, Any]) -> tuple[Document, Any]:
        """Parse the record and take its text and id fields."""
        n = unit.source.record
        raw: bytes = unit.payload
        bom = raw.startswith(codecs.BOM_UTF8) and n == 1
        line, codec = _decode(raw[3:] if bom else raw, options.get("encoding", "auto"))
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ReadProblem(_json_problem(line, exc)) from None
        except RecursionError:
            raise ReadProblem("JSON nested too deeply") from None
        text_field = options.get("text-field", "text")
        text = field_value(record, text_field)
        if not isinstance(text, str):
            raise ReadProblem(f"record has no string field {text_field!r}")
        rec_id = field_value(record, options.get("id-field", "id"))
        if isinstance(rec_id, dict | list):
            rec_id = None
        source = Source(unit.source.path, n, None if rec_id is None else str(rec_id))
        ignore = field_value(record, options.get("ignore-field", IGNORE_FIELD.default))
        return Document(text, source), RecordState(line, bom, codec, ignore)

    def ignore_value(self, unit: Unit, state: Any) -> Any:
        """The record's ``ignore-field`` value, parsed with the record."""
        return state.ignore

    def encode(self, unit: Unit, state: Any, text: str, options: Mapping[str, Any]) -> bytes:
        """The line with only its text value replaced."""
        line, bom, codec = state.line, state.bom, state.codec
        new = splice_value(line, field_path(options.get("text-field", "text")), text)
        try:
            body = new.encode(codec)
        except UnicodeEncodeError as exc:
            raise EncodeProblem(
                f"the fixed record cannot be encoded in {codec}: {exc.reason}"
            ) from None
        return (codecs.BOM_UTF8 if bom else b"") + body


def _position(stream: BinaryIO) -> int:
    try:
        return stream.tell()
    except (OSError, ValueError):
        return 0


def _lines(stream: BinaryIO, limit: int, chunk_size: int = CHUNK) -> Iterator[bytes | None]:
    """The lines of a stream with their ends, cut from big chunks; None for a line over ``limit``.

    A line that spans chunks is joined once; one over the limit is skipped to its end
    without being kept in memory.
    """
    pieces: list[bytes] = []  # the current line so far, when it spans chunks
    size = 0
    skipping = False  # inside a line that is over the limit
    while True:
        try:
            chunk = stream.read(chunk_size)
        except (OSError, EOFError, ValueError) as exc:
            raise ReadProblem(f"cannot read the shard: {exc}") from None
        if not chunk:
            if skipping:
                yield None
            elif pieces:
                yield b"".join(pieces)
            return
        cut = chunk.find(b"\n")
        if cut == -1:  # the line goes on
            if not skipping:
                pieces.append(chunk)
                size += len(chunk)
                if size > limit:
                    pieces, size, skipping = [], 0, True
            continue
        if skipping:
            yield None
        elif pieces:
            line = b"".join(pieces) + chunk[: cut + 1]
            yield line if len(line) <= limit else None
        else:
            cut = -1  # no line in progress: the chunk's first line is split below
        pieces, size, skipping = [], 0, False
        parts = chunk[cut + 1 :].split(b"\n")
        last = parts.pop()
        for part in parts:
            yield part + b"\n" if len(part) < limit else None
        if last:
            pieces, size = [last], len(last)
            if size > limit:
                pieces, size, skipping = [], 0, True


class GzipJsonlReader(JsonlReader):
    """Gzip-compressed JSON Lines (``.jsonl.gz``); fixed shards are written compressed."""

    name = "jsonl.gz"
    suffixes = (".jsonl.gz", ".ndjson.gz")

    def open_stream(self, stream: BinaryIO) -> BinaryIO:
        """Decompress while reading."""
        import gzip

        return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]

    def writer(self, dest: BinaryIO, file: Path | None, options: Mapping[str, Any]) -> UnitWriter:
        """Compress while writing."""
        import gzip

        return _CompressingWriter(gzip.GzipFile(fileobj=dest, mode="wb", mtime=0))

    def show(self, payload: Any, state: Any = None) -> str:
        """The line as text."""
        return payload.decode("utf-8", errors="replace")


class ZstdJsonlReader(JsonlReader):
    """Zstandard-compressed JSON Lines (``.jsonl.zst``); fixed shards are written compressed."""

    name = "jsonl.zst"
    suffixes = (".jsonl.zst", ".jsonl.zstd", ".ndjson.zst")

    def open_stream(self, stream: BinaryIO) -> BinaryIO:
        """Decompress while reading."""
        import zstandard

        reader = zstandard.ZstdDecompressor().stream_reader(stream, read_across_frames=True)
        return io.BufferedReader(reader, CHUNK)  # type: ignore[arg-type]

    def writer(self, dest: BinaryIO, file: Path | None, options: Mapping[str, Any]) -> UnitWriter:
        """Compress while writing."""
        import zstandard

        return _CompressingWriter(zstandard.ZstdCompressor().stream_writer(dest, closefd=False))


class _CompressingWriter(UnitWriter):
    """Writes units through a compressor and finishes its stream on close."""

    def close(self) -> None:
        """Flush and end the compressed stream (the file itself stays open)."""
        self.dest.close()
