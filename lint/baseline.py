"""Baselines: record today's findings, later report only the new ones.

An entry is fingerprinted by rule code, path, record id and the flagged text, not
by line number, so edits elsewhere in a file do not invalidate it. Paths are taken
relative to the baseline file's folder, so a baseline works from any working
directory (version 1 files, written before, hold paths relative to the working
directory and are still read that way). Identical findings are counted: if the
baseline holds two, a third one is new. Both the recorder and the filter take
findings one at a time, so a corpus run streams; entries that matched nothing are
counted at the end so that the user can prune them.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lint.atomic import write_atomic
from lint.finding import Finding, fingerprint
from lint.linter import ENGINE_CODES
from lint.output.json_formats import dumps

VERSION = 2
READABLE_VERSIONS = (1, 2)
STDIN = "-"


class BaselineError(ValueError):
    """A baseline file that cannot be read."""


class _Rebase:
    """Turns display paths (relative to the working directory) into paths relative to a folder."""

    def __init__(self, folder: Path) -> None:
        self.cwd = str(Path.cwd().resolve())
        self.folder = str(folder.resolve())
        self._cache: dict[str, str] = {}

    def path(self, display: str) -> str:
        """``display`` as seen from the folder, with ``/`` separators."""
        cached = self._cache.get(display)
        if cached is None:
            if display == STDIN:
                cached = display
            else:
                absolute = os.path.join(self.cwd, display)
                try:
                    cached = Path(os.path.relpath(absolute, self.folder)).as_posix()
                except ValueError:  # another drive (Windows)
                    cached = Path(absolute).as_posix()
            self._cache[display] = cached
        return cached

    def fingerprint(self, finding: Finding) -> str:
        """The finding's fingerprint with its path relative to the folder."""
        source = finding.source._replace(path=self.path(finding.source.path))
        return fingerprint(finding.code, source, finding.flagged)


class BaselineRecorder:
    """Collects the fingerprints of a run's findings for ``--write-baseline PATH``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._rebase = _Rebase(self.path.absolute().parent)
        self.counts: Counter[str] = Counter()
        self.info: dict[str, dict[str, Any]] = {}

    def add(self, finding: Finding) -> None:
        """Record one finding (problems of the run itself are never baselined)."""
        if finding.code in ENGINE_CODES:
            return
        fp = self._rebase.fingerprint(finding)
        self.counts[fp] += 1
        if fp not in self.info:
            src = finding.source
            self.info[fp] = {
                "code": finding.code,
                "path": self._rebase.path(src.path),
                "record": src.record_id if src.record_id is not None else src.record,
                "text": finding.flagged,
            }

    def write(self) -> int:
        """Write the baseline file; return how many findings it records."""
        data = {
            "version": VERSION,
            "tool": "scrapelint",
            "paths": "relative to this file's folder",
            "findings": [
                {"fingerprint": fp, "count": n, **self.info[fp]}
                for fp, n in sorted(self.counts.items())
            ],
        }
        self.path.absolute().parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, (dumps(data, indent=1) + "\n").encode("utf-8"))
        return sum(self.counts.values())


@dataclass(frozen=True)
class Baseline:
    """A baseline file as read: fingerprint counts, and the folder its paths start from."""

    path: Path
    version: int
    counts: Counter[str]


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        version = data.get("version")
        if version not in READABLE_VERSIONS:
            raise BaselineError(f"{path}: unsupported baseline version {version!r}")
        counts = Counter({f["fingerprint"]: int(f["count"]) for f in data["findings"]})
        return Baseline(Path(path), version, counts)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        if isinstance(exc, BaselineError):
            raise
        raise BaselineError(f"{path}: not a scrapelint baseline ({exc})") from None


class BaselineFilter:
    """Tells which findings are new: each baseline entry covers as many findings as it counts."""

    def __init__(self, baseline: Baseline) -> None:
        self.remaining = Counter(baseline.counts)
        self._rebase = _Rebase(baseline.path.absolute().parent) if baseline.version >= 2 else None

    def is_new(self, finding: Finding) -> bool:
        """Whether the finding is not covered by the baseline (engine problems always are new)."""
        if finding.code in ENGINE_CODES:
            return True
        fp = self._rebase.fingerprint(finding) if self._rebase else finding.fingerprint
        if self.remaining[fp] > 0:
            self.remaining[fp] -= 1
            return False
        return True

    def unmatched(self) -> int:
        """How many baselined findings matched nothing in this run (stale entries)."""
        return sum(n for n in self.remaining.values() if n > 0)
