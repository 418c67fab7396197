"""Parquet shards (``.parquet``, with the ``scrapelint[parquet]`` extra): a record per row.

Rows are read a row group at a time, with only the text and id columns; a fixed
shard is written with the same schema and row order, every other column as read.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from lint.document import Document, Source
from lint.readers.base import InputFile, Reader, Unit, UnitWriter
from lint.readers.encoding import ReadProblem
from lint.readers.jsonl import ID_FIELD, IGNORE_FIELD, TEXT_FIELD

EXTRA_HINT = "reading Parquet needs pyarrow: pip install 'scrapelint[parquet]'"


class RowText(str):
    """A row's text carrying the row's ``ignore-field`` value (a unit's payload stays a str)."""

    ignore: Any = None

    def __reduce__(self) -> tuple[Any, ...]:
        return _row_text, (str(self), self.ignore)


def _row_text(text: str, ignore: Any) -> RowText:
    """Rebuild a RowText (pickling)."""
    row = RowText(text)
    row.ignore = ignore
    return row


def _pq() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ReadProblem(EXTRA_HINT) from None
    return pq


class ParquetReader(Reader):
    """Parquet: each row is a record; the text column is its document."""

    name = "parquet"
    suffixes = (".parquet", ".pq")
    options = (TEXT_FIELD, ID_FIELD, IGNORE_FIELD)
    is_shard = True

    def units(self, file: InputFile, options: Mapping[str, Any]) -> Iterator[Unit]:
        """One unit per row, a row group at a time, reading only the text and id columns."""
        pq = _pq()
        try:
            pf = pq.ParquetFile(file.stream)
        except Exception as exc:  # pyarrow raises several types for a bad file
            raise ReadProblem(f"not a readable Parquet file: {exc}") from None
        text_field = options.get("text-field", "text")
        id_field = options.get("id-field", "id")
        names = set(pf.schema_arrow.names)
        if text_field not in names:
            raise ReadProblem(f"no column {text_field!r} (columns: {', '.join(sorted(names))})")
        ignore_field = options.get("ignore-field", IGNORE_FIELD.default)
        has_id = id_field in names
        columns = [text_field] + ([id_field] if has_id else [])
        if ignore_field in names and ignore_field not in columns:
            columns.append(ignore_field)
        has_ignore = ignore_field in names
        row = 0
        size = pf.metadata.serialized_size
        groups = pf.metadata.num_row_groups
        for g in range(groups):
            table = pf.read_row_group(g, columns=columns)
            texts = table.column(text_field).to_pylist()
            ids = table.column(id_field).to_pylist() if has_id else [None] * len(texts)
            ignores = table.column(ignore_field).to_pylist() if has_ignore else None
            consumed = size + pf.metadata.row_group(g).total_byte_size
            size = consumed
            for i, (text, rid) in enumerate(zip(texts, ids, strict=True)):
                source = Source(file.display, row, None if rid is None else str(rid), "row")
                if isinstance(text, str):
                    if ignores is not None and ignores[i] is not None:
                        text = _row_text(text, ignores[i])
                    yield Unit(source, text, consumed)
                else:
                    problem = f"row {row}: column {text_field!r} is not a string ({text!r:.40})"
                    yield Unit(source, None, consumed, problem=problem)
                row += 1

    def document(self, unit: Unit, options: Mapping[str, Any]) -> tuple[Document, Any]:
        """The row's text as a document."""
        return Document(str(unit.payload), unit.source), None

    def ignore_value(self, unit: Unit, state: Any) -> Any:
        """The row's ``ignore-field`` value, read with its text."""
        return getattr(unit.payload, "ignore", None)

    def encode(self, unit: Unit, state: Any, text: str, options: Mapping[str, Any]) -> str:
        """The fixed text itself (the writer puts it into its row)."""
        return text

    def writer(self, dest: BinaryIO, file: Path | None, options: Mapping[str, Any]) -> UnitWriter:
        """A writer that rewrites the shard row group by row group."""
        if file is None:
            raise ReadProblem("fixed Parquet can only be written for a file")
        return _ParquetWriter(dest, file, options.get("text-field", "text"))


class _ParquetWriter(UnitWriter):
    """Copies each row group with the text column replaced where fixed, rows omitted."""

    def __init__(self, dest: BinaryIO, source: Path, text_field: str) -> None:
        super().__init__(dest)
        pq = _pq()
        self.pf = pq.ParquetFile(source)
        self.out = pq.ParquetWriter(dest, self.pf.schema_arrow)
        self.text_field = text_field
        self.ends: list[int] = []
        total = 0
        for g in range(self.pf.metadata.num_row_groups):
            total += self.pf.metadata.row_group(g).num_rows
            self.ends.append(total)
        self.group = 0
        self.changes: dict[int, str] = {}
        self.omitted: set[int] = set()

    def _advance(self, row: int) -> None:
        while self.group < len(self.ends) and row >= self.ends[self.group]:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        table = self.pf.read_row_group(self.group)
        first = self.ends[self.group] - table.num_rows
        if self.changes:
            idx = table.schema.get_field_index(self.text_field)
            values = table.column(idx).to_pylist()
            for row, text in self.changes.items():
                values[row - first] = text
            field = table.schema.field(idx)
            table = table.set_column(idx, field, pa.array(values, type=field.type))
        if self.omitted:
            keep = [first + i not in self.omitted for i in range(table.num_rows)]
            table = table.filter(pa.array(keep))
        self.out.write_table(table)
        self.changes, self.omitted = {}, set()
        self.group += 1

    def write(self, unit: Unit, payload: Any) -> None:
        """Keep a row (with its fixed text when it changed)."""
        row = unit.source.record or 0
        self._advance(row)
        if payload is not unit.payload and payload is not None:
            self.changes[row] = payload

    def omit(self, unit: Unit) -> None:
        """Leave a row out (it went to the reject file)."""
        row = unit.source.record or 0
        self._advance(row)
        self.omitted.add(row)

    def close(self) -> None:
        """Write the remaining row groups and the footer."""
        while self.group < len(self.ends):
            self._flush()
        self.out.close()
