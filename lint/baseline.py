"""Baselines: record today's findings, later report only the new ones.

An entry is fingerprinted by rule code, path, record id and the flagged text, not
by line number, so edits elsewhere in a file do not invalidate it. Identical
findings are counted: if the baseline holds two, a third one is new. Both the
recorder and the filter take findings one at a time, so a corpus run streams.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from lint.finding import Finding
from lint.linter import ENGINE_CODES
from lint.output.json_formats import dumps

VERSION = 1


class BaselineError(ValueError):
    """A baseline file that cannot be read."""


class BaselineRecorder:
    """Collects the fingerprints of a run's findings for ``--write-baseline``."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.info: dict[str, dict[str, Any]] = {}

    def add(self, finding: Finding) -> None:
        """Record one finding (problems of the run itself are never baselined)."""
        if finding.code in ENGINE_CODES:
            return
        fp = finding.fingerprint
        self.counts[fp] += 1
        if fp not in self.info:
            src = finding.source
            self.info[fp] = {
                "code": finding.code,
                "path": src.path,
                "record": src.record_id if src.record_id is not None else src.record,
                "text": finding.flagged,
            }

    def write(self, path: Path) -> int:
        """Write the baseline file; return how many findings it records."""
        data = {
            "version": VERSION,
            "tool": "scrapelint",
            "findings": [
                {"fingerprint": fp, "count": n, **self.info[fp]}
                for fp, n in sorted(self.counts.items())
            ],
        }
        Path(path).write_text(dumps(data, indent=1) + "\n", encoding="utf-8")
        return sum(self.counts.values())


def load_baseline(path: Path) -> Counter[str]:
    """Read a baseline file into fingerprint counts."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise BaselineError(f"{path}: unsupported baseline version {data.get('version')!r}")
        return Counter({f["fingerprint"]: int(f["count"]) for f in data["findings"]})
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        if isinstance(exc, BaselineError):
            raise
        raise BaselineError(f"{path}: not a scrapelint baseline ({exc})") from None


class BaselineFilter:
    """Tells which findings are new: each baseline entry covers as many findings as it counts."""

    def __init__(self, counts: Counter[str]) -> None:
        self.remaining = Counter(counts)

    def is_new(self, finding: Finding) -> bool:
        """Whether the finding is not covered by the baseline (engine problems always are new)."""
        if finding.code in ENGINE_CODES:
            return True
        fp = finding.fingerprint
        if self.remaining[fp] > 0:
            self.remaining[fp] -= 1
            return False
        return True
