"""The ``sarif`` output format: SARIF 2.1.0 for code-scanning tools."""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from lint.diagnostic import Severity
from lint.linter import ENGINE_CODES
from lint.output.base import Entry, OutputFormat, Report
from lint.output.records import span

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/:")


def _rule_descriptor(code: str, report: Report) -> dict[str, Any]:
    cls = report.rules.get(code)
    if cls is None:
        name = ENGINE_CODES.get(code, code.lower())
        return {
            "id": code,
            "name": name,
            "shortDescription": {"text": f"scrapelint: {name.replace('-', ' ')}"},
            "defaultConfiguration": {"level": "error"},
        }
    docs = cls.docs()
    help_text = "\n\n".join(f"{title}\n{body}" for title, body in docs.sections.items())
    return {
        "id": cls.code,
        "name": cls.name,
        "shortDescription": {"text": docs.summary or cls.name},
        "fullDescription": {"text": docs.section("What") or docs.summary or cls.name},
        "help": {"text": help_text or docs.summary or cls.name},
        "defaultConfiguration": {"level": _LEVEL[cls.default_severity]},
        "properties": {"family": cls.family, "fix": cls.fix_safety.value},
    }


def _region(entry: Entry, start: int, end: int) -> dict[str, int]:
    s = span(entry.document, start, end)
    return {
        "startLine": s["line"],
        "startColumn": s["column"],
        "endLine": s["end_line"],
        "endColumn": s["end_column"],
        "charOffset": start,
        "charLength": end - start,
    }


def _result(entry: Entry, rule_index: int) -> dict[str, Any]:
    d, doc = entry.diagnostic, entry.document
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(doc.source.path)},
            "region": _region(entry, d.start, d.end),
        }
    }
    src = doc.source
    if src.record_index is not None:
        record = src.record_id if src.record_id is not None else str(src.record_index)
        location["logicalLocations"] = [
            {"name": record, "kind": "record", "fullyQualifiedName": src.label()}
        ]
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[d.severity],
        "message": {"text": d.message},
        "locations": [location],
    }
    if src.record_index is not None:
        result["properties"] = {"recordIndex": src.record_index, "recordId": src.record_id}
    if d.fix is not None:
        result["fixes"] = [
            {
                "description": {"text": f"{d.fix.description} ({d.fix.applicability.value})"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": _uri(src.path)},
                        "replacements": [
                            {
                                "deletedRegion": _region(entry, e.start, e.end),
                                "insertedContent": {"text": e.replacement},
                            }
                            for e in d.fix.edits
                        ],
                    }
                ],
            }
        ]
    return result


class SarifFormat(OutputFormat):
    """One SARIF 2.1.0 run with rule metadata, results, locations and fixes."""

    name = "sarif"
    description = "SARIF 2.1.0 for code-scanning tools"

    def write(self, report: Report, stream: TextIO) -> None:
        """Write the SARIF log as indented JSON."""
        codes = list(report.rules)
        for e in report.entries:
            if e.diagnostic.code not in report.rules and e.diagnostic.code not in codes:
                codes.append(e.diagnostic.code)
        index = {code: i for i, code in enumerate(codes)}
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": report.tool_name,
                            "version": report.tool_version,
                            "informationUri": report.information_uri,
                            "rules": [_rule_descriptor(c, report) for c in codes],
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": [_result(e, index[e.diagnostic.code]) for e in report.entries],
                }
            ],
        }
        stream.write(json.dumps(log, ensure_ascii=False, indent=2))
        stream.write("\n")
