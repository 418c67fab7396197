"""The ``sarif`` output format: SARIF 2.1.0 for code-scanning tools.

A finding in a plain file has a region with line, column and character offsets, and
its fix. A finding in a record of a shard is located at the record's line in the
shard (a Parquet row has no line: the shard itself), with a logical location naming
the record and the place inside the record's text as properties; it carries no
``fixes``, whose byte regions would not be valid in the shard.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from lint.diagnostic import Severity
from lint.finding import Finding, Span
from lint.linter import ENGINE_CODES
from lint.output.base import OutputFormat, RunInfo
from lint.output.json_formats import dumps

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/").encode("utf-8", "surrogateescape"), safe="/:")


def _engine_descriptor(code: str) -> dict[str, Any]:
    """An engine code (SL…) described like a rule, from ``scrapelint rule SL00N``."""
    from lint.engine_docs import engine_info

    info = engine_info(code)
    sections = info["sections"]
    return {
        "id": code,
        "name": info["name"],
        "shortDescription": {"text": info["summary"]},
        "fullDescription": {"text": sections.get("What") or info["summary"]},
        "help": {"text": "\n\n".join(f"{title}\n{body}" for title, body in sections.items())},
        "defaultConfiguration": {"level": _LEVEL[Severity.parse(info["severity"])]},
        "properties": {"family": info["family"], "fix": info["fix"]},
    }


def _rule_descriptor(code: str, run: RunInfo) -> dict[str, Any]:
    cls = run.rules.get(code)
    if cls is None and code in ENGINE_CODES:
        return _engine_descriptor(code)
    if cls is None:
        name = code.lower()
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
        "properties": {"family": cls.family, "fix": cls.fix_availability.value},
    }


def _region(span: Span) -> dict[str, int]:
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
        "charOffset": span.start,
        "charLength": span.end - span.start,
    }


def _result(f: Finding, rule_index: int) -> dict[str, Any]:
    src = f.source
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(src.path)}}
    location: dict[str, Any] = {"physicalLocation": physical}
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [location],
        "partialFingerprints": {"scrapelint/v1": f.fingerprint},
    }
    if src.record is not None:
        if src.unit == "line":
            physical["region"] = {"startLine": src.record}
        name = src.record_id if src.record_id is not None else str(src.record)
        location["logicalLocations"] = [
            {"name": name, "kind": "record", "fullyQualifiedName": src.label()}
        ]
        props: dict[str, Any] = {"record": src.record, "recordUnit": src.unit}
        props["recordId"] = src.record_id
        if f.span is not None:
            props.update(
                textLine=f.span.line,
                textColumn=f.span.column,
                textEndLine=f.span.end_line,
                textEndColumn=f.span.end_column,
            )
        result["properties"] = props
        return result
    if f.span is not None:
        physical["region"] = _region(f.span)
    if f.fix is not None:
        result["fixes"] = [
            {
                "description": {"text": f"{f.fix.description} ({f.fix.applicability.value})"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": _uri(src.path)},
                        "replacements": [
                            {
                                "deletedRegion": _region(e.span),
                                "insertedContent": {"text": e.replacement},
                            }
                            for e in f.fix.edits
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
    streams = False

    def start(self, stream: Any, run: RunInfo) -> None:
        """Begin collecting results."""
        super().start(stream, run)
        self.codes = list(run.rules)
        self.index = {code: i for i, code in enumerate(self.codes)}
        self.results: list[dict[str, Any]] = []

    def handle(self, finding: Finding) -> None:
        """Keep the finding as a SARIF result."""
        if finding.code not in self.index:
            self.index[finding.code] = len(self.codes)
            self.codes.append(finding.code)
        self.results.append(_result(finding, self.index[finding.code]))

    def finish(self) -> None:
        """Write the SARIF log."""
        run = self.run
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": run.tool_name,
                            "version": run.tool_version,
                            "informationUri": run.information_uri,
                            "rules": [_rule_descriptor(c, run) for c in self.codes],
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": self.results,
                }
            ],
        }
        self.out().write(dumps(log, indent=2) + "\n")
