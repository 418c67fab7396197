"""Document readers: bytes of a file → documents, and fixed documents → bytes again.

Readers are plugins (the ``scrapelint_readers`` hook); this module registers the
built-in ones: plain text (``.txt``, ``.md``, and any file named explicitly) and
JSON Lines corpora (``.jsonl``, one document per record).
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from lint import hookimpl
from lint.document import Document, Source

BINARY_SNIFF = 8192

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class ReadProblem(Exception):
    """Input that cannot be read as documents; the message names the place."""


@dataclass(frozen=True, slots=True)
class Encoding:
    """How a file was encoded, so a fix writes it back the same way."""

    codec: str = "utf-8"
    bom: bytes = b""
    newline: str = "\n"  # "\r\n" when every line break was CRLF (text is then LF inside)

    def decode(self, data: bytes) -> str:
        """Decode bytes (without BOM) and normalise uniform CRLF to LF."""
        text = data.decode(self.codec)
        return text.replace("\r\n", "\n") if self.newline == "\r\n" else text

    def encode(self, text: str) -> bytes:
        """Encode text back with the original BOM, codec and line endings."""
        if self.newline == "\r\n":
            text = text.replace("\n", "\r\n")
        return self.bom + text.encode(self.codec)


def _place(data: bytes, offset: int) -> str:
    """Describe a byte offset as line and column (counting decodable characters)."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return f"line {line}, column {column} (byte {offset})"


def sniff_encoding(data: bytes, preferred: str = "utf-8") -> tuple[Encoding, bytes]:
    """Find the encoding of raw bytes; return it with the bytes after any BOM.

    Raises ReadProblem for binary data or bytes that the encoding cannot decode.
    """
    found = next(((bom, name) for bom, name in _BOMS if data.startswith(bom)), None)
    if found is not None:
        bom_bytes, codec = found
        body = data[len(bom_bytes) :]
    else:
        body, bom_bytes, codec = data, b"", preferred
        nul = data.find(b"\x00", 0, BINARY_SNIFF)
        if nul != -1:
            raise ReadProblem(f"binary file (NUL byte at byte {nul}); not linted")
    candidates = [codec] if bom_bytes or codec != "auto" else ["utf-8", "gb18030"]
    error: UnicodeDecodeError | None = None
    for name in candidates:
        try:
            text = body.decode(name)
        except UnicodeDecodeError as exc:
            error = error or exc
            continue
        except LookupError:
            raise ReadProblem(f"unknown encoding {name!r} in configuration") from None
        crlf = text.count("\r\n")
        newline = "\r\n" if crlf and crlf == text.count("\n") else "\n"
        return Encoding(name, bom_bytes, newline), body
    assert error is not None
    raise ReadProblem(
        f"not valid {error.encoding.upper()} at {_place(body, error.start)}:"
        f" {error.reason} (set `encoding` in the configuration if the file uses another one)"
    )


@dataclass
class ReadResult:
    """Documents read from one file, problems at places within it, and what writing needs."""

    documents: list[Document] = field(default_factory=list)
    problems: list[tuple[Source, str]] = field(default_factory=list)
    state: Any = None
    codec: str = "utf-8"  # the file's text encoding (for showing diffs)


class Reader:
    """Base class of document readers."""

    name: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]]
    can_write: ClassVar[bool] = True

    def read(self, data: bytes, path: str, options: Mapping[str, Any]) -> ReadResult:
        """Turn a file's bytes into documents (problems are reported, not raised)."""
        raise NotImplementedError

    def write(self, result: ReadResult, texts: Sequence[str]) -> bytes:
        """Return the file's new bytes with each document's text replaced by ``texts[i]``."""
        raise NotImplementedError


class TextReader(Reader):
    """A whole file is one document (``.txt``, ``.md``, and anything named explicitly)."""

    name = "text"
    suffixes = (".txt", ".md", ".markdown", ".text")

    def read(self, data: bytes, path: str, options: Mapping[str, Any]) -> ReadResult:
        """Decode the file into one document."""
        try:
            encoding, body = sniff_encoding(data, options.get("encoding", "utf-8"))
        except ReadProblem as exc:
            return ReadResult(problems=[(Source(path), str(exc))])
        doc = Document(encoding.decode(body), Source(path))
        return ReadResult([doc], [], encoding, encoding.codec)

    def write(self, result: ReadResult, texts: Sequence[str]) -> bytes:
        """Encode the one document back with the file's encoding, BOM and line endings."""
        return result.state.encode(texts[0])


@dataclass
class _JsonlState:
    encoding: Encoding
    lines: list[str]  # the file's lines, each with its line break
    records: list[tuple[int, dict[str, Any]]]  # (line index, parsed record) per document
    text_field: str


class JsonlReader(Reader):
    """JSON Lines corpora: each line is a record; its ``text`` field is a document."""

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson")

    def read(self, data: bytes, path: str, options: Mapping[str, Any]) -> ReadResult:
        """Parse each line; a malformed line is a problem at that line, the rest still read."""
        text_field = options.get("text-field", "text")
        id_field = options.get("id-field", "id")
        try:
            encoding, body = sniff_encoding(data, options.get("encoding", "utf-8"))
        except ReadProblem as exc:
            return ReadResult(problems=[(Source(path), str(exc))])
        raw = body.decode(encoding.codec)
        parts = raw.split("\n")  # not splitlines(): U+2028 may sit inside a JSON string
        lines = [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
        result = ReadResult(
            state=_JsonlState(encoding, lines, [], text_field), codec=encoding.codec
        )
        for n, line in enumerate(lines):
            if not line.strip():
                continue
            source = Source(path, n, None)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                result.problems.append(
                    (source, f"line {n + 1}: invalid JSON at column {exc.colno}: {exc.msg}")
                )
                continue
            if not isinstance(record, dict) or not isinstance(record.get(text_field), str):
                result.problems.append(
                    (source, f"line {n + 1}: record has no string field {text_field!r}")
                )
                continue
            rec_id = record.get(id_field)
            source = Source(path, n, None if rec_id is None else str(rec_id))
            result.documents.append(Document(record[text_field], source))
            result.state.records.append((n, record))
        return result

    def write(self, result: ReadResult, texts: Sequence[str]) -> bytes:
        """Rewrite only the records whose text changed; every other line stays byte-identical."""
        state: _JsonlState = result.state
        lines = list(state.lines)
        for (n, record), doc, text in zip(state.records, result.documents, texts, strict=True):
            if text == doc.text:
                continue
            old = lines[n]
            ending = old[len(old.rstrip("\r\n")) :]
            new = dict(record)
            new[state.text_field] = text
            lines[n] = json.dumps(new, ensure_ascii=old.isascii()) + ending
        return state.encoding.bom + "".join(lines).encode(state.encoding.codec)


@hookimpl
def scrapelint_readers() -> list[Reader]:
    """The built-in readers."""
    return [TextReader(), JsonlReader()]
