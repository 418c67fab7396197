"""Diagnostics as plain dictionaries: the shared shape of the json, jsonl and sarif formats."""

from __future__ import annotations

from typing import Any

from lint.document import Document
from lint.fix import Fix
from lint.output.base import Entry


def record_of(document: Document) -> dict[str, Any] | None:
    """The corpus record a document came from, or None for a whole file."""
    src = document.source
    if src.record_index is None:
        return None
    return {"index": src.record_index, "id": src.record_id}


def span(document: Document, start: int, end: int) -> dict[str, int]:
    """Line/column (1-based, in characters) and offsets of a span."""
    line, column = document.position(start)
    end_line, end_column = document.position(end)
    return {
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "start_offset": start,
        "end_offset": end,
    }


def fix_dict(document: Document, fix: Fix | None) -> dict[str, Any] | None:
    """A fix with its applicability, description and edits (positions in the document)."""
    if fix is None:
        return None
    return {
        "applicability": fix.applicability.value,
        "description": fix.description,
        "edits": [
            {**span(document, e.start, e.end), "replacement": e.replacement} for e in fix.edits
        ],
    }


def entry_dict(entry: Entry) -> dict[str, Any]:
    """Every field of one finding, as the json and jsonl formats print it."""
    d, doc = entry.diagnostic, entry.document
    return {
        "code": d.code,
        "name": d.name,
        "message": d.message,
        "severity": d.severity.label,
        "path": doc.source.path,
        "record": record_of(doc),
        **span(doc, d.start, d.end),
        "fix": fix_dict(doc, d.fix),
    }
