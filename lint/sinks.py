"""Where fixed files and rejected records go: in place, to ``--output DIR``, to ``--reject``.

Every destination is written to a temporary file next to it and renamed over it only
when the whole file is written (``lint.atomic``): a crash, a full disk or bad input
never leaves a half-written file, and an in-place write is refused when the file
changed since it was read.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from lint.finding import Finding
from lint.output.records import finding_dict
from lint.readers import Reader, Unit, UnitWriter
from lint.readers.json_splice import string_literal


@dataclass(frozen=True, slots=True)
class FileIdentity:
    """What identifies a file as read: device, inode, size and modification time."""

    dev: int
    ino: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, st: os.stat_result) -> FileIdentity:
        """The identity of a stat result."""
        return cls(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class AtomicFile:
    """A temporary file next to ``dest`` that replaces it on commit (interim, see atomic)."""

    def __init__(self, dest: Path, *, create_parents: bool = False) -> None:
        self.dest = Path(os.path.realpath(dest))
        if create_parents:
            self.dest.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(
            dir=self.dest.parent, prefix=f".{self.dest.name}.", suffix=".scrapelint"
        )
        self.stream: BinaryIO = os.fdopen(fd, "wb")

    def commit(self, expect: FileIdentity | None) -> None:
        """Flush, check the destination is still the file that was read, and rename."""
        try:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            if expect is not None:
                st = os.stat(self.dest)
                if FileIdentity.of(st) != expect:
                    raise OSError(f"{self.dest} changed since it was read; not written")
                os.chmod(self.tmp, stat.S_IMODE(st.st_mode))
            os.replace(self.tmp, self.dest)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        """Remove the temporary file."""
        with contextlib.suppress(OSError):
            self.stream.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


class FileSink:
    """The fixed version of one input file, written unit by unit."""

    def __init__(
        self,
        dest: Path,
        reader: Reader,
        source: Path | None,
        options: dict[str, Any],
        *,
        expect: FileIdentity | None = None,
        always: bool = True,
    ) -> None:
        self.dest = dest
        self.expect = expect
        self.always = always  # write even when nothing changed (--output copies everything)
        self.changed = False
        self.kept = 0
        self.omitted = 0
        self._file = AtomicFile(dest, create_parents=expect is None)
        self._writer: UnitWriter = reader.writer(self._file.stream, source, options)

    def write(self, unit: Unit, payload: Any) -> None:
        """Keep a unit: its new payload when fixed, else the original."""
        if payload is None:
            payload = unit.payload
        else:
            self.changed = True
        self._writer.write(unit, payload)
        self.kept += 1

    def omit(self, unit: Unit) -> None:
        """Leave a unit out (it went to the reject file)."""
        self._writer.omit(unit)
        self.changed = True
        self.omitted += 1

    def finish(self) -> bool:
        """Replace the destination when there is something to write; return whether written."""
        if not (self.changed or self.always):
            self.discard()
            return False
        try:
            self._writer.close()
        except BaseException:
            self._file.discard()
            raise
        self._file.commit(self.expect)
        return True

    def discard(self) -> None:
        """Drop what was written; the destination stays as it was."""
        self._file.discard()


class RejectSink:
    """A JSON Lines file of the records that still fail, each with its findings attached."""

    def __init__(self, dest: Path) -> None:
        self.dest = dest
        self.count = 0
        self._file = AtomicFile(dest, create_parents=True)

    def write(self, unit: Unit, payload: Any, text: str, findings: list[Finding]) -> None:
        """Append one rejected record: the record itself plus a ``scrapelint`` member.

        A JSON line is kept byte for byte with the member added at its end; a text
        file or a Parquet row becomes ``{"text": ...}``, a line that is not a JSON
        object ``{"raw": ...}``.
        """
        report = {
            "path": unit.source.path,
            unit.source.unit: unit.source.record,
            "id": unit.source.record_id,
            "findings": [finding_dict(f) for f in findings],
        }
        line = _json_line(unit, payload)
        if line is None:
            key = "raw" if unit.source.unit == "line" and unit.source.record else "text"
            if key == "raw":
                text = text.rstrip("\r\n")
            line = "{" + json.dumps(key) + ": " + string_literal(text, '""') + "}"
        try:
            data = _attach(line, json.dumps(report, ensure_ascii=False))
            encoded = data.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a lone surrogate in a message: escape everything
            encoded = _attach(line, json.dumps(report)).encode("utf-8", "surrogateescape")
        self._file.stream.write(encoded)
        self.count += 1

    def finish(self) -> None:
        """Put the reject file in place."""
        self._file.commit(None)

    def discard(self) -> None:
        """Drop the reject file (the run was interrupted)."""
        self._file.discard()


def _json_line(unit: Unit, payload: Any) -> str | None:
    """The record as one JSON object text, when the unit is a JSON line; else None."""
    if unit.source.record is None or unit.source.unit != "line" or not isinstance(payload, bytes):
        return None
    line = payload.decode("utf-8", "surrogateescape").removeprefix("\ufeff").rstrip("\r\n")
    body = line.strip()
    return line if body.startswith("{") and body.endswith("}") else None


def _attach(line: str, extra: str) -> str:
    """The record with ``"scrapelint": extra`` added as its last member (other bytes kept)."""
    body = line.rstrip()
    inner = body[:-1].rstrip()
    sep = "" if inner.endswith("{") else ", "
    return f'{inner}{sep}"scrapelint": {extra}}}\n'
