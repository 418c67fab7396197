"""The ``gitlab`` output format: a GitLab Code Quality report (``artifacts:reports:codequality``).

The report is a JSON array of issues with the fields GitLab reads
(https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format):
``description``, ``check_name`` (the code), ``fingerprint``, ``severity`` (``info``,
``minor`` or ``major`` for our info, warning and error; ``critical`` and ``blocker``
are not used) and ``location`` with ``path`` and ``lines.begin`` / ``lines.end``.
GitLab wants the path relative to the repository: an absolute path under
``$CI_PROJECT_DIR`` (or, outside GitLab CI, under the working directory) is made
relative to it, and a leading ``./`` is dropped.

The fingerprint must be unique per issue (GitLab shows issues with the same
fingerprint once) and stable across runs (a moved issue is the same issue). It
hashes the code, the path, the record, the flagged text and a few characters of text
on each side, plus the issue's rank among issues with the same key in that file or
record, never a line number: inserting a line above leaves it unchanged, and so does
naming the file by an absolute path instead of a relative one.

A finding in a record of a JSON Lines shard is placed on the record's line in the
shard and its description names the record and the place inside its text. GitLab
requires a line, so a finding without one (an unreadable file, a Parquet row) is
placed on line 1 and its description says where it is.

The array streams: each issue is written as it arrives, and only the counters of the
current file or record are kept.
"""

from __future__ import annotations

import os
from typing import Any, TextIO

from lint.diagnostic import Severity
from lint.finding import Finding
from lint.output.base import OutputFormat, RunInfo
from lint.output.json_formats import dumps

CONTEXT_CHARS = 16  # characters of text on each side of the span in the fingerprint
SEVERITY = {Severity.INFO: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}


def context(finding: Finding) -> tuple[str, str]:
    """Up to ``CONTEXT_CHARS`` characters of the line before and after the flagged span."""
    span, excerpt = finding.span, finding.excerpt
    if span is None or excerpt is None:
        return "", ""
    at = span.column - excerpt.column
    end = at + (span.end - span.start) if span.end_line == span.line else len(excerpt.text)
    text = excerpt.text
    return text[max(0, at - CONTEXT_CHARS) : max(0, at)], text[end : end + CONTEXT_CHARS]


def issue_key(finding: Finding, path: str) -> str:
    """What makes two issues the same across runs: code, path, record, flagged text, context."""
    src = finding.source
    record = src.record_id if src.record_id is not None else src.record
    before, after = context(finding)
    parts = (finding.code, path, "" if record is None else str(record), finding.flagged)
    return "\x1f".join((*parts, before, after))


def fingerprint(key: str, rank: int) -> str:
    """The Code Quality fingerprint of the ``rank``-th issue (0-based) with this key."""
    import hashlib

    data = f"{key}\x1e{rank}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:32]


def repository_path(path: str, root: str) -> str:
    """``path`` relative to ``root`` when it is an absolute path inside it; no leading ``./``."""
    if os.path.isabs(path):
        try:
            relative = os.path.relpath(path, root)
        except ValueError:  # another drive on Windows
            return path
        return path if relative.startswith("..") else relative
    return path[2:] if path.startswith("./") else path


def description(finding: Finding) -> str:
    """``CODE: message``; inside a record, the record and the place come first."""
    f = finding
    if f.source.record is not None:
        return f"{f.code}: {f.location()}: {f.message}"
    return f"{f.code}: {f.message}"


def lines(finding: Finding) -> dict[str, int]:
    """``begin``/``end`` lines in the file GitLab shows: the record's line in a shard."""
    src, span = finding.source, finding.span
    if src.record is not None:
        line = src.record if src.unit == "line" else 1
        return {"begin": line, "end": line}
    if span is None:
        return {"begin": 1, "end": 1}
    return {"begin": span.line, "end": span.end_line}


class GitlabFormat(OutputFormat):
    """GitLab Code Quality issues, one JSON object per finding in an array."""

    name = "gitlab"
    description = "GitLab Code Quality report (codequality artifact)"

    def start(self, stream: TextIO, run: RunInfo) -> None:
        """Open the array."""
        super().start(stream, run)
        self.count = 0
        self.unit: tuple[str, int | None] | None = None
        self.seen: dict[str, int] = {}  # issue key -> issues so far in this file or record
        self.root = os.environ.get("CI_PROJECT_DIR") or os.getcwd()

    def issue(self, finding: Finding) -> dict[str, Any]:
        """The Code Quality issue of one finding (ranks repeated keys within its file/record)."""
        f = finding
        unit = (f.source.path, f.source.record)
        if unit != self.unit:
            self.unit, self.seen = unit, {}
        path = repository_path(f.source.path, self.root)
        key = issue_key(f, path)
        rank = self.seen.get(key, 0)
        self.seen[key] = rank + 1
        return {
            "description": description(f),
            "check_name": f.code,
            "fingerprint": fingerprint(key, rank),
            "severity": SEVERITY[f.severity],
            "location": {"path": path, "lines": lines(f)},
        }

    def handle(self, finding: Finding) -> None:
        """Write one issue into the array."""
        text = dumps(self.issue(finding), indent=2).replace("\n", "\n  ")
        self.out().write(("[\n  " if not self.count else ",\n  ") + text)
        self.count += 1

    def finish(self) -> None:
        """Close the array."""
        self.out().write("\n]\n" if self.count else "[]\n")
