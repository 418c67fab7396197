"""The report's data: counters, worst documents and samples, gathered from finding records.

Both ways to a report feed the same builder with the same records: ``check
--output-format html`` turns each finding into the dictionary the ``jsonl`` format
writes (``lint.output.records.finding_dict``), and ``scrapelint report`` reads those
dictionaries back from saved ``jsonl`` files. So the two reports are equal.

Memory is bounded by what the page shows: counters per rule, source and document
size; the worst documents (a heap of ``WORST_DOCUMENTS``) and a seeded sample per
rule (``SAMPLES_PER_RULE`` with the smallest hash); and one compact row per finding
for the page's paged table (strings interned once), up to ``TABLE_ROWS``.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

WORST_DOCUMENTS = 20
FINDINGS_PER_DOCUMENT = 40  # findings of a worst document kept for its code frames
SAMPLES_PER_RULE = 5
TABLE_ROWS = 200_000  # findings listed in the page's table (the counts cover them all)
SEVERITIES = ("error", "warning", "info")
ENGINE_FAMILY = "engine"
# Problems of units that were never documents: unreadable input (SL001), failed writes (SL004).
NOT_DOCUMENTS = frozenset({"SL001", "SL004"})

DocKey = tuple[str, int | None]


def doc_key(item: Mapping[str, Any]) -> DocKey:
    """The document a finding record belongs to: its path and record number."""
    record = item.get("record")
    number = None
    if isinstance(record, dict):
        number = record.get("line", record.get("row"))
    return (item.get("path") or "", number)


def fix_kind(item: Mapping[str, Any]) -> str:
    """``safe``, ``unsafe``, ``display`` or ``none`` (the fix's applicability)."""
    fix = item.get("fix")
    if not fix:
        return "none"
    return str(fix.get("applicability") or "none")


@dataclass
class RuleInfo:
    """What the page says about a rule: name, family and explanation."""

    name: str = ""
    family: str = ""
    summary: str = ""
    explanation: str = ""


@dataclass
class _DocCount:
    findings: int = 0
    documents: int = 0


class Interned:
    """A table of strings, each stored once; rows refer to them by index."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, value: str) -> int:
        """The index of ``value`` (added when new)."""
        index = self._index.get(value)
        if index is None:
            index = self._index[value] = len(self.items)
            self.items.append(value)
        return index


@dataclass
class ReportData:
    """Everything gathered for one report, before documents are read for code frames."""

    seed: int = 0
    by_code: Counter[str] = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)
    by_severity: Counter[str] = field(default_factory=Counter)
    by_fix: Counter[str] = field(default_factory=Counter)
    fix_by_code: Counter[tuple[str, str]] = field(default_factory=Counter)
    docs_by_code: Counter[str] = field(default_factory=Counter)
    by_path: dict[str, _DocCount] = field(default_factory=dict)
    per_document: Counter[int] = field(default_factory=Counter)  # findings in a doc → docs
    documents_with: int = 0
    total: int = 0
    worst: list[tuple[int, int, DocKey, list[dict[str, Any]]]] = field(default_factory=list)
    samples: dict[str, list[tuple[str, int, dict[str, Any]]]] = field(default_factory=dict)
    rows: list[list[Any]] = field(default_factory=list)
    strings: Interned = field(default_factory=Interned)
    doc_counts: dict[DocKey, int] = field(default_factory=dict)  # findings per document
    _doc: DocKey | None = None
    _doc_items: list[dict[str, Any]] = field(default_factory=list)
    _doc_count: int = 0
    _doc_codes: set[str] = field(default_factory=set)
    _seq: int = 0

    def add(self, item: Mapping[str, Any]) -> None:
        """Take one finding record (the ``jsonl`` shape)."""
        key = doc_key(item)
        code = str(item.get("code"))
        document = code not in NOT_DOCUMENTS
        if document and key != self._doc:
            self._close_document()
            self._doc = key
            self.documents_with += 1
            per = self.by_path.setdefault(key[0], _DocCount())
            per.documents += 1
        severity = str(item.get("severity"))
        self.total += 1
        self.by_code[code] += 1
        self.names.setdefault(code, str(item.get("name") or ""))
        self.by_severity[severity] += 1
        kind = fix_kind(item)
        self.by_fix[kind] += 1
        self.fix_by_code[(code, kind)] += 1
        self.by_path.setdefault(key[0], _DocCount()).findings += 1
        if document:
            if code not in self._doc_codes:
                self._doc_codes.add(code)
                self.docs_by_code[code] += 1
            self._doc_count += 1
            if len(self._doc_items) < FINDINGS_PER_DOCUMENT:
                self._doc_items.append(dict(item))
        self._sample(code, key, item)
        if len(self.rows) >= TABLE_ROWS:
            return
        record = item.get("record") or {}
        s = self.strings
        self.rows.append(
            [
                s(code),
                SEVERITIES.index(severity) if severity in SEVERITIES else 2,
                s(key[0]),
                key[1],
                s(str(record.get("id"))) if record.get("id") is not None else None,
                item.get("line"),
                item.get("column"),
                s(str(item.get("message") or "")),
                kind[0],
            ]
        )

    def _sample(self, code: str, key: DocKey, item: Mapping[str, Any]) -> None:
        """Keep the findings of each rule with the smallest seeded hash (deterministic)."""
        ident = f"{self.seed}\x1f{item.get('fingerprint')}\x1f{key[0]}\x1f{key[1]}\x1f"
        ident += f"{item.get('start_offset')}"
        digest = hashlib.sha1(ident.encode("utf-8", "surrogatepass")).hexdigest()
        heap = self.samples.setdefault(code, [])
        entry = (_Desc(digest), self._seq, dict(item))
        self._seq += 1
        if len(heap) < SAMPLES_PER_RULE:
            heapq.heappush(heap, entry)  # type: ignore[arg-type]
        elif entry[0] > heap[0][0]:
            heapq.heapreplace(heap, entry)  # type: ignore[arg-type]

    def _close_document(self) -> None:
        if self._doc is None:
            return
        self.per_document[self._doc_count] += 1
        self.doc_counts[self._doc] = self.doc_counts.get(self._doc, 0) + self._doc_count
        entry = (self._doc_count, -self._seq, self._doc, self._doc_items)
        self._seq += 1
        if len(self.worst) < WORST_DOCUMENTS:
            heapq.heappush(self.worst, entry)
        elif entry[:2] > self.worst[0][:2]:
            heapq.heapreplace(self.worst, entry)
        self._doc, self._doc_items, self._doc_count = None, [], 0
        self._doc_codes = set()

    def finish(self) -> None:
        """Close the last document."""
        self._close_document()

    def worst_documents(self) -> list[tuple[int, DocKey, list[dict[str, Any]]]]:
        """The worst documents, most findings first (earlier first on ties)."""
        ordered = sorted(self.worst, key=lambda e: (-e[0], -e[1]))
        return [(count, key, items) for count, _, key, items in ordered]

    def sample_items(self, code: str) -> list[dict[str, Any]]:
        """A rule's sample, in the order of the findings in the run."""
        return [item for _, _, item in sorted(self.samples.get(code, []), key=lambda e: e[1])]


class _Desc(str):
    """A string ordered backwards, so a min-heap keeps the smallest hashes."""

    __slots__ = ()

    def __lt__(self, other: str) -> bool:  # type: ignore[override]
        return str.__gt__(self, other)

    def __gt__(self, other: str) -> bool:  # type: ignore[override]
        return str.__lt__(self, other)
