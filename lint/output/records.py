"""Findings as plain dictionaries: the shared shape of the json, jsonl and reject outputs."""

from __future__ import annotations

import os
from typing import Any

from lint.document import Source
from lint.finding import Finding, FixInfo, Span


def record_dict(source: Source) -> dict[str, Any] | None:
    """The corpus record a finding is in (``{"line": 12, "id": …}``), or None for a file."""
    if source.record is None:
        return None
    return {source.unit: source.record, "id": source.record_id}


def span_dict(span: Span | None) -> dict[str, int | None]:
    """Line/column (1-based, in characters) and offsets of a span (None without a place)."""
    if span is None:
        return dict.fromkeys(
            ("line", "column", "end_line", "end_column", "start_offset", "end_offset")
        )
    return {
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "start_offset": span.start,
        "end_offset": span.end,
    }


def fix_dict(fix: FixInfo | None) -> dict[str, Any] | None:
    """A fix with its applicability, description and edits (positions in the text)."""
    if fix is None:
        return None
    return {
        "applicability": fix.applicability.value,
        "description": fix.description,
        "edits": [{**span_dict(e.span), "replacement": e.replacement} for e in fix.edits],
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    """Every field of one finding, as the json and jsonl formats print it."""
    f = finding
    return {
        "code": f.code,
        "name": f.name,
        "message": f.message,
        "severity": f.severity.label,
        "path": f.source.path,
        "record": record_dict(f.source),
        **span_dict(f.span),
        "fix": fix_dict(f.fix),
        "fingerprint": f.fingerprint,
    }


def run_record(summary: Any) -> dict[str, Any]:
    """The run's summary as plain data; with ``SOURCE_DATE_EPOCH`` set, its times are fixed.

    A report that carries when a run started and how long it took differs from run to
    run; the reproducible-builds variable makes it the same bytes every time (``started``
    is the variable's value, ``seconds`` 0), so two runs, or a merge of shards and a
    single run, can be compared byte for byte.
    """
    data = summary.as_dict()
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        data["started"] = float(epoch)
        data["seconds"] = 0.0
    return data
