"""Where fixed files and rejected records go: in place, to ``--output DIR``, to ``--reject``.

Every destination is written to a temporary file next to it and renamed over it only
when the whole file is written (``lint.atomic``): a crash, a full disk or bad input
never leaves a half-written file, and an in-place write is refused when the file
changed since it was read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lint.atomic import AtomicWriter, FileIdentity, WriteRefused
from lint.finding import Finding
from lint.output.records import finding_dict
from lint.readers import Reader, Unit, UnitWriter
from lint.readers.json_splice import string_literal


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
        # A destination that will be refused (read-only, hard-linked…) matters only if
        # something changes: remember why, and say it then.
        self.refused: WriteRefused | None = None
        self._file: AtomicWriter | None = None
        self._writer: UnitWriter | None = None
        try:
            self._file = AtomicWriter(dest, expect=expect, create_parents=expect is None)
        except WriteRefused as exc:
            self.refused = exc
            return
        self._writer = reader.writer(self._file.stream, source, options)

    def write(self, unit: Unit, payload: Any) -> None:
        """Keep a unit: its new payload when fixed, else the original."""
        if payload is None:
            payload = unit.payload
        else:
            self.changed = True
        if self._writer is not None:
            self._writer.write(unit, payload)
        self.kept += 1

    def omit(self, unit: Unit) -> None:
        """Leave a unit out (it went to the reject file)."""
        if self._writer is not None:
            self._writer.omit(unit)
        self.changed = True
        self.omitted += 1

    def finish(self) -> bool:
        """Replace the destination when there is something to write; return whether written."""
        if not (self.changed or self.always):
            self.discard()
            return False
        if self.refused is not None:
            raise self.refused
        assert self._file is not None and self._writer is not None
        try:
            self._writer.close()
        except BaseException:
            self._file.discard()
            raise
        self._file.commit()
        return True

    def discard(self) -> None:
        """Drop what was written; the destination stays as it was."""
        if self._file is not None:
            self._file.discard()


class RejectSink:
    """A JSON Lines file of the records that still fail, each with its findings attached."""

    def __init__(self, dest: Path) -> None:
        self.dest = dest
        self.count = 0
        self._file = AtomicWriter(dest, create_parents=True)

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
        self._file.commit()

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
