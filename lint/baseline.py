"""Baselines: record today's findings, later report only the new ones.

An entry is fingerprinted by rule code, path, record id and the flagged text, not
by line number, so edits elsewhere in a file do not invalidate it. Identical
findings are counted: if the baseline holds two, a third one is new.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from lint.linter import ENGINE_CODES
from lint.output.base import Entry

VERSION = 1


class BaselineError(ValueError):
    """A baseline file that cannot be read."""


def fingerprint(entry: Entry) -> str:
    """A stable fingerprint of a finding: rule, path, record and flagged text."""
    d, src = entry.diagnostic, entry.document.source
    record = src.record_id if src.record_id is not None else src.record_index
    flagged = entry.document.text[d.start : d.end]
    key = "\x1f".join([d.code, src.path, "" if record is None else str(record), flagged])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def write_baseline(path: Path, entries: Iterable[Entry]) -> int:
    """Write the fingerprints of ``entries`` to ``path``; return how many were recorded."""
    counts: Counter[str] = Counter()
    info: dict[str, dict] = {}
    for e in entries:
        fp = fingerprint(e)
        counts[fp] += 1
        info.setdefault(
            fp,
            {
                "code": e.diagnostic.code,
                "path": e.document.source.path,
                "record": e.document.source.record_id or e.document.source.record_index,
                "text": e.document.text[e.diagnostic.start : e.diagnostic.end][:80],
            },
        )
    data = {
        "version": VERSION,
        "tool": "scrapelint",
        "findings": [
            {"fingerprint": fp, "count": n, **info[fp]} for fp, n in sorted(counts.items())
        ],
    }
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return sum(counts.values())


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


def filter_new(entries: Iterable[Entry], baseline: Counter[str]) -> list[Entry]:
    """Return the entries not covered by the baseline (each baseline count covers that many)."""
    remaining = Counter(baseline)
    out = []
    for e in entries:
        if e.diagnostic.code in ENGINE_CODES:  # problems of the run are never baselined
            out.append(e)
            continue
        fp = fingerprint(e)
        if remaining[fp] > 0:
            remaining[fp] -= 1
        else:
            out.append(e)
    return out
