"""Quality gates for corpora: thresholds on finding rates that decide a run's exit code.

A gate names a selector (a rule code such as ``SA001``, a family prefix such as ``MC``,
or a severity ``info``/``warning``/``error``, meaning that level or worse) and a
threshold of one of three kinds:

- a share of documents: ``"0.5%"`` — at most 0.5% of the documents have such a finding;
- a rate: ``"2 per MB"`` — at most 2 such findings per megabyte (10^6 bytes) of text;
- a count: ``0`` or ``"10"`` — at most that many such findings.

Gates come from ``[tool.scrapelint.gates]`` (``SELECTOR = threshold``, and
``[[tool.scrapelint.gates.source]]`` tables with a ``pattern`` glob and their own
thresholds for the files it matches: the glob matches a path or any trailing part of
it) and from ``--gate SELECTOR=THRESHOLD[@PATTERN]``.
While the run streams, ``GateRun`` keeps counters per gate and per source file, never
the findings themselves; at the end it compares them with the thresholds.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import lru_cache
from typing import Any, TextIO

from lint.config import ConfigError
from lint.diagnostic import Severity
from lint.finding import Finding
from lint.linter import ENGINE_CODES
from lint.output.summary import plural, size
from lint.runner import Runner

SHARE, PER_MB, COUNT = "share", "per-mb", "count"
_SHARE_RE = re.compile(r"^(\d+(?:\.\d+)?)\s*%$")
_PER_MB_RE = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:per|/)\s*MB$", re.IGNORECASE)
_COUNT_RE = re.compile(r"^\d+$")
_SELECTOR_RE = re.compile(r"^[A-Z]+[0-9]*$")
_SEVERITIES = {s.label: s for s in Severity}
TOP_SOURCES = 3  # sources named in a failed gate's summary
EXPECTED = 'a share like "0.5%", a rate like "2 per MB" or a count like 0'


class GateError(ConfigError):
    """A gate that cannot be used; the message names the file and key or the flag."""


@dataclass(frozen=True)
class Gate:
    """One threshold: which findings it counts, how, its limit, and where it was set."""

    selector: str  # rule code, family prefix or severity label
    kind: str  # SHARE, PER_MB or COUNT
    limit: float  # a fraction for SHARE, findings per MB, or a count
    pattern: str | None = None  # glob on source paths; None for the whole run
    origin: str = ""  # "pyproject.toml: `gates.MC`" or "--gate MC=0.5%"

    @property
    def severity(self) -> Severity | None:
        """The severity a severity gate counts (that level or worse), else None."""
        return _SEVERITIES.get(self.selector)

    def matches(self, code: str, severity: Severity) -> bool:
        """Whether a finding with this code and severity counts towards the gate."""
        level = self.severity
        if level is not None:
            return severity >= level
        return code.startswith(self.selector)

    def covers(self, path: str) -> bool:
        """Whether a source path is in the gate's scope."""
        return self.pattern is None or source_matches(self.pattern, path)

    def threshold(self) -> str:
        """The limit in words: ``0.5% of documents``, ``2 per MB``, ``0 findings``."""
        if self.kind == SHARE:
            return f"{_number(self.limit * 100, 3)}% of documents"
        if self.kind == PER_MB:
            return f"{_number(self.limit, 3)} per MB"
        return plural(int(self.limit), "finding")

    def label(self) -> str:
        """``MC ≤ 0.5% of documents`` (with `` in PATTERN`` for a source gate)."""
        where = f" in {self.pattern}" if self.pattern else ""
        return f"{self.selector}{where} ≤ {self.threshold()}"


def _number(value: float, digits: int | None = None) -> str:
    """``17.39``, ``2.5``, ``1,552.8``: two decimals below 10, one above, no trailing zeros."""
    if digits is None:
        digits = 2 if abs(value) < 10 else 1
    return f"{value:,.{digits}f}".rstrip("0").rstrip(".")


@lru_cache(maxsize=1 << 16)
def source_matches(pattern: str, path: str) -> bool:
    """Glob match of a source path or of any trailing part of it (``*`` crosses ``/``).

    ``shards/site-*.jsonl`` matches ``shards/site-a.jsonl`` and
    ``corpus/shards/site-a.jsonl``; ``site-*.jsonl`` matches the file name alone.
    """
    path = path.replace("\\", "/").removeprefix("./")
    if fnmatchcase(path, pattern):
        return True
    parts = path.split("/")
    return any(fnmatchcase("/".join(parts[i:]), pattern) for i in range(1, len(parts)))


def parse_threshold(value: Any, where: str) -> tuple[str, float]:
    """(kind, limit) from ``"0.5%"``, ``"2 per MB"``, ``0`` or ``"10"``; GateError otherwise."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise GateError(f"{where}: a count cannot be negative")
        return COUNT, float(value)
    if isinstance(value, str):
        text = value.strip()
        if m := _SHARE_RE.match(text):
            share = float(m.group(1))
            if share > 100:
                raise GateError(f"{where}: a share cannot exceed 100%, got {value!r}")
            return SHARE, share / 100
        if m := _PER_MB_RE.match(text):
            return PER_MB, float(m.group(1))
        if _COUNT_RE.match(text):
            return COUNT, float(int(text))
    raise GateError(f"{where}: expected {EXPECTED}, got {value!r}")


def _check_selector(selector: str, where: str) -> str:
    if selector.lower() in _SEVERITIES:
        return selector.lower()
    if not _SELECTOR_RE.match(selector):
        raise GateError(
            f"{where}: {selector!r} is not a rule code, family prefix or severity"
            " (info, warning, error)"
        )
    return selector


def parse_gates(table: Mapping[str, Any], where: str) -> tuple[Gate, ...]:
    """The gates of a ``[tool.scrapelint.gates]`` table (``where`` names the file)."""
    gates: list[Gate] = []
    for key, value in table.items():
        if key == "source":
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                raise GateError(
                    f"{where}: `gates.source`: expected an array of tables"
                    ' ([[tool.scrapelint.gates.source]] with pattern = "GLOB")'
                )
            for n, sub in enumerate(value, 1):
                gates += _source_gates(sub, f"{where}: `gates.source` #{n}")
            continue
        origin = f"{where}: `gates.{key}`"
        selector = _check_selector(key, origin)
        kind, limit = parse_threshold(value, origin)
        gates.append(Gate(selector, kind, limit, None, origin))
    return tuple(gates)


def _source_gates(table: Mapping[str, Any], where: str) -> list[Gate]:
    pattern = table.get("pattern")
    if not isinstance(pattern, str) or not pattern.strip():
        raise GateError(f'{where}: `pattern` must be a glob string such as "shards/site-*.jsonl"')
    gates = []
    for key, value in table.items():
        if key == "pattern":
            continue
        origin = f"{where} `{key}`"
        selector = _check_selector(key, origin)
        kind, limit = parse_threshold(value, origin)
        gates.append(Gate(selector, kind, limit, pattern.strip(), origin))
    if not gates:
        raise GateError(f"{where}: no threshold besides `pattern`")
    return gates


def parse_gate_option(spec: str) -> Gate:
    """One ``--gate SELECTOR=THRESHOLD[@PATTERN]`` value."""
    origin = f"--gate {spec}"
    selector, sep, rest = spec.partition("=")
    if not sep or not selector.strip() or not rest.strip():
        raise GateError(f"{origin}: expected SELECTOR=THRESHOLD[@PATTERN], e.g. MC=0.5%")
    threshold, _, pattern = rest.partition("@")
    kind, limit = parse_threshold(threshold.strip(), origin)
    selector = _check_selector(selector.strip(), origin)
    return Gate(selector, kind, limit, pattern.strip() or None, origin)


def combine(config_gates: Sequence[Gate], options: Iterable[str]) -> tuple[Gate, ...]:
    """Config gates, with each ``--gate`` replacing one of the same selector and pattern."""
    gates = {(g.selector, g.pattern): g for g in config_gates}
    for spec in options:
        gate = parse_gate_option(spec)
        gates[(gate.selector, gate.pattern)] = gate
    return tuple(gates.values())


def validate(gates: Sequence[Gate], codes: Iterable[str]) -> None:
    """Raise GateError for a gate whose selector matches no known rule code."""
    known = [*codes, *ENGINE_CODES]
    for gate in gates:
        if gate.severity is None and not any(c.startswith(gate.selector) for c in known):
            raise GateError(f"{gate.origin}: {gate.selector!r} matches no rule code")


# -- counting while the run streams -------------------------------------------------


@dataclass
class FileTotals:
    """Documents and bytes of text checked in one source file."""

    documents: int = 0
    bytes: int = 0


class CountingRunner(Runner):
    """A runner that also counts documents and bytes per source file.

    Files are finished in order and each file's units are taken before it is
    finished, so what was counted since the previous file belongs to this one.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.started = time.time()
        self.per_file: dict[str, FileTotals] = {}
        self._seen = (0, 0)

    def _finish_file(self, state: Any) -> None:
        checked = self.checked
        documents, nbytes = checked.documents, checked.bytes
        totals = self.per_file.setdefault(state.target.display, FileTotals())
        totals.documents += documents - self._seen[0]
        totals.bytes += nbytes - self._seen[1]
        self._seen = (documents, nbytes)
        super()._finish_file(state)


@dataclass
class _Count:
    findings: int = 0
    documents: int = 0


@dataclass
class Verdict:
    """A gate's outcome: the measured value against the limit, and the top sources."""

    gate: Gate
    value: float  # in the gate's unit (fraction, per MB or count)
    findings: int
    documents: int  # documents with such a finding
    scope_documents: int
    scope_bytes: int
    top: list[tuple[str, int, float | None]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Whether the measured value is within the limit."""
        return self.value <= self.gate.limit + 1e-12

    def measured(self) -> str:
        """The value in words: ``3.2% (16 of 500 documents)``, ``4.1 per MB (…)``, ``3``."""
        kind = self.gate.kind
        if kind == SHARE:
            return (
                f"{_number(self.value * 100, 2)}% ({self.documents:,} of"
                f" {plural(self.scope_documents, 'document')})"
            )
        if kind == PER_MB:
            return (
                f"{_number(self.value)} per MB ({plural(self.findings, 'finding')}"
                f" in {size(self.scope_bytes)})"
            )
        return plural(self.findings, "finding")

    def excess(self) -> str:
        """How far over the limit: ``6.4× the limit`` or ``3 over``."""
        if self.gate.kind == COUNT:
            return f"{int(self.value - self.gate.limit):,} over"
        if self.gate.limit <= 0:
            return "limit 0"
        return f"{self.value / self.gate.limit:,.1f}× the limit"

    def line(self) -> str:
        """One summary line for the gate."""
        if self.passed:
            return f"Gate passed: {self.gate.label()}: {self.measured()}."
        text = f"Gate failed: {self.gate.label()}: {self.measured()}, {self.excess()}"
        if self.top:
            kind = self.gate.kind
            parts = []
            for path, n, rate in self.top:
                what = plural(n, "document" if kind == SHARE else "finding")
                if rate is not None and kind == SHARE:
                    what += f", {_number(rate * 100)}%"
                elif rate is not None and kind == PER_MB:
                    what += f", {_number(rate)} per MB"
                parts.append(f"{path} ({what})")
            text += "; most from " + ", ".join(parts)
        return text + "."

    def as_dict(self) -> dict[str, Any]:
        """The verdict as plain data (for the HTML report and the jsonl run record)."""
        return {
            "gate": self.gate.label(),
            "selector": self.gate.selector,
            "kind": self.gate.kind,
            "limit": self.gate.limit,
            "pattern": self.gate.pattern,
            "value": self.value,
            "measured": self.measured(),
            "passed": self.passed,
            "line": self.line(),
            "top": [list(t) for t in self.top],
        }


class GateRun:
    """Counts findings per gate and source as they arrive, then decides the exit code."""

    name = "gates"

    def __init__(self, gates: Sequence[Gate]) -> None:
        self.gates = tuple(gates)
        self.totals = [_Count() for _ in self.gates]
        self.by_source: list[dict[str, _Count]] = [{} for _ in self.gates]
        self._doc: tuple[str, int | None] | None = None
        self._doc_gates: set[int] = set()
        self.verdicts: list[Verdict] = []
        self.started = time.time()

    # The runner's reporter hands every reported finding here, as to an output format.
    def handle(self, finding: Finding) -> None:
        """Count one reported finding towards each gate it matches."""
        source = finding.source
        doc = (source.path, source.record)
        if doc != self._doc:
            self._doc, self._doc_gates = doc, set()
        for i, gate in enumerate(self.gates):
            if not gate.matches(finding.code, finding.severity) or not gate.covers(source.path):
                continue
            per = self.by_source[i].setdefault(source.path, _Count())
            total = self.totals[i]
            total.findings += 1
            per.findings += 1
            if i not in self._doc_gates:
                self._doc_gates.add(i)
                total.documents += 1
                per.documents += 1

    def finish(self) -> None:
        """Nothing to write: the verdicts come from ``conclude``."""

    def conclude(
        self, documents: int, nbytes: int, per_file: Mapping[str, FileTotals]
    ) -> list[Verdict]:
        """Compare the counters with each gate's limit."""
        self.verdicts = []
        for i, gate in enumerate(self.gates):
            if gate.pattern is None:
                docs, size_ = documents, nbytes
            else:
                scoped = [t for p, t in per_file.items() if source_matches(gate.pattern, p)]
                docs = sum(t.documents for t in scoped)
                size_ = sum(t.bytes for t in scoped)
            count = self.totals[i]
            if gate.kind == SHARE:
                value = count.documents / docs if docs else 0.0
            elif gate.kind == PER_MB:
                value = count.findings / (size_ / 1e6) if size_ else 0.0
            else:
                value = float(count.findings)
            verdict = Verdict(gate, value, count.findings, count.documents, docs, size_)
            if not verdict.passed:
                verdict.top = self._top(i, per_file)
            self.verdicts.append(verdict)
        return self.verdicts

    def _top(
        self, i: int, per_file: Mapping[str, FileTotals]
    ) -> list[tuple[str, int, float | None]]:
        """The sources with most offending documents (share) or findings, with their rate."""
        kind = self.gates[i].kind
        rows = []
        for path, count in self.by_source[i].items():
            totals = per_file.get(path)
            rate: float | None = None
            if kind == SHARE:
                n = count.documents
                if totals and totals.documents:
                    rate = count.documents / totals.documents
            else:
                n = count.findings
                if kind == PER_MB and totals and totals.bytes:
                    rate = count.findings / (totals.bytes / 1e6)
            rows.append((path, n, rate))
        rows.sort(key=lambda r: (-r[1], r[0]))
        return rows[:TOP_SOURCES]

    @property
    def failed(self) -> list[Verdict]:
        """The verdicts of the gates exceeded."""
        return [v for v in self.verdicts if not v.passed]

    def write_summary(self, stream: TextIO) -> None:
        """One line per gate, then the overall verdict."""
        for verdict in self.verdicts:
            print(verdict.line(), file=stream)
        n = len(self.failed)
        if n:
            print(f"Gates: {n} of {len(self.verdicts)} failed.", file=stream)
        else:
            print(f"Gates: all {len(self.verdicts)} passed.", file=stream)

    def exit_code(self, code: int, *, exit_zero: bool = False) -> int:
        """The gates decide 0 or 1; errors (2) and interruptions keep their code."""
        if code not in (0, 1):
            return code
        if exit_zero:
            return 0
        return 1 if self.failed else 0


def gates_for_run(
    config_gates: Sequence[Gate], options: Sequence[str] | None, codes: Iterable[str]
) -> GateRun | None:
    """The run's gates (config, then ``--gate``), validated; None when there are none."""
    gates = combine(config_gates, options or ())
    if not gates:
        return None
    validate(gates, codes)
    return GateRun(gates)


def summary_stream(machine: bool, out: TextIO) -> TextIO:
    """Where the gate summary goes: standard error when standard output carries data."""
    return sys.stderr if machine else out


# -- the end of a run -----------------------------------------------------------------


@dataclass
class RunSummary:
    """What a run checked, with its gates' verdicts: the report's and jsonl's run record."""

    inputs: list[str]
    documents: int
    bytes: int
    files: int
    per_file: Mapping[str, FileTotals]
    rules: list[str]
    version: str
    started: float
    seconds: float
    verdicts: list[Verdict] = field(default_factory=list)
    url_field: str = "url"

    def as_dict(self) -> dict[str, Any]:
        """Plain data, as written in the ``scrapelint_run`` line of a jsonl file."""
        return {
            "version": self.version,
            "inputs": list(self.inputs),
            "documents": self.documents,
            "bytes": self.bytes,
            "files": self.files,
            "per_file": {p: [t.documents, t.bytes] for p, t in self.per_file.items()},
            "rules": list(self.rules),
            "started": self.started,
            "seconds": round(self.seconds, 3),
            "gates": [v.as_dict() for v in self.verdicts],
            "url_field": self.url_field,
        }


def conclude(
    runner: Runner,
    formats: Sequence[Any],
    gate_run: GateRun | None,
    *,
    inputs: Sequence[str],
    rules: Iterable[str],
    version: str,
    artifact: Any = None,
    url_field: str = "url",
) -> RunSummary:
    """Judge the gates and hand the run's summary to the formats that want it.

    A format with ``conclude_run(summary)`` gets it before ``finish``; ``artifact``
    (the ``--output-file`` format) also gets ``write_run(summary)`` when it has one.
    """
    per_file = getattr(runner, "per_file", {})
    checked = runner.checked
    started = getattr(runner, "started", time.time())
    summary = RunSummary(
        inputs=list(inputs),
        documents=checked.documents,
        bytes=checked.bytes,
        files=checked.files,
        per_file=per_file,
        rules=sorted(rules),
        version=version,
        started=started,
        seconds=time.time() - started,
        url_field=url_field,
    )
    if gate_run is not None:
        summary.verdicts = gate_run.conclude(checked.documents, checked.bytes, per_file)
    for fmt in formats:
        hook = getattr(fmt, "conclude_run", None)
        if hook is not None:
            hook(summary)
    write = getattr(artifact, "write_run", None)
    if write is not None:
        write(summary)
    return summary


def close(
    gate_run: GateRun | None, code: int, *, exit_zero: bool, quiet: bool, stream: TextIO
) -> int:
    """Print the gates' summary and return the run's exit code (the gates decide 0/1)."""
    if gate_run is None:
        return code
    if not quiet and gate_run.verdicts:
        gate_run.write_summary(stream)
    return gate_run.exit_code(code, exit_zero=exit_zero)
