"""Checking units: the work a worker process (or the main process with ``--jobs 1``) does.

A batch is a list of (file job, unit) pairs in the order they were read. For each
unit the worker builds the document with the file's reader, lints or fixes it with
the rules that apply to the file, turns the diagnostics into stand-alone findings,
encodes a fixed document back into the unit's raw material, and lets the document
go. Rule sets are built once per configuration and kept for the worker's life.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from lint.config import Config
from lint.diagnostic import Diagnostic
from lint.document import Source
from lint.finding import Finding, from_diagnostic, problem
from lint.linter import (
    DEFAULT_TIME_BUDGET,
    ENGINE_CODES,
    READ_ERROR,
    RULE_ERROR,
    WRITE_ERROR,
    check_document,
    fix_document,
    rule_timer,
)
from lint.readers import EncodeProblem, Reader, ReadProblem, Unit
from lint.readers.base import DEFAULT_MAX_DOCUMENT_BYTES
from lint.rule import Rule
from lint.ruleset import CliSelection, RuleSet, RuleSets, build_ruleset
from lint.suppression import DEFAULT_IGNORE_FIELD, DocumentSuppression, Suppressed, Suppressor


@dataclass(frozen=True)
class FixMode:
    """What to do with fixes: nothing, compute them (``--diff``), or write them (``--fix``)."""

    apply: bool = False  # run the fix loop
    write: bool = False  # fixed files are written (False with --diff)
    unsafe: bool = False  # also apply unsafe fixes
    diff: bool = False  # produce a unified diff


@dataclass(frozen=True)
class FileJob:
    """What a worker needs to know about the file a unit comes from."""

    index: int  # the file's position in the run
    reader: str  # the reader's name
    options: Mapping[str, Any]  # reader options
    config_key: int  # identifies ``config`` within the run
    config: Config
    path: Path | None  # the file (absolute), for per-file ignores; None for stdin


@dataclass(frozen=True)
class WorkerSettings:
    """Run-wide settings every worker shares."""

    cli: CliSelection = field(default_factory=CliSelection)
    mode: FixMode = field(default_factory=FixMode)
    time_budget: float | None = DEFAULT_TIME_BUDGET
    max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
    show_suppressed: bool = False  # return every suppressed finding, not only allowed ones


@dataclass(slots=True)
class UnitResult:
    """What checking one unit produced."""

    findings: list[Finding] = field(default_factory=list)
    fixed: list[tuple[str, str]] = field(default_factory=list)  # (code, name) per applied fix
    payload: Any = None  # the unit's new raw material when fixing changed it
    diff: str = ""
    checked: bool = False  # a document was built and checked
    skipped: str | None = None  # why the unit could not be read (binary, undecodable…)
    suppressed: list[Suppressed] = field(default_factory=list)  # findings silenced, and by what


@dataclass(slots=True)
class BlockResult:
    """What checking a block of records produced: counts, and the records with more to say."""

    documents: int = 0  # records checked
    bytes: int = 0  # their raw bytes
    unreadable: int = 0  # records that could not be read
    notable: list[tuple[Source, UnitResult]] = field(default_factory=list)


Item = tuple[FileJob, Unit]


def _read_problem(source: Source, message: str) -> Finding:
    return problem(source, READ_ERROR, ENGINE_CODES[READ_ERROR], message)


class _FilePlan(NamedTuple):
    """What checking the documents of one file needs: its rules and suppression settings."""

    config_key: int
    index: int  # the file's position in the run
    rules: list[Rule]
    selected: frozenset[str]  # the codes of ``rules``
    unfixable: frozenset[str]  # codes whose fixes are never applied
    suppressor: Suppressor
    ignore_field: str  # the record field that lists suppressed codes


class Worker:
    """Checks batches of units with the rules and readers it was given."""

    def __init__(
        self,
        rules: Mapping[str, type[Rule]],
        readers: Sequence[Reader],
        settings: WorkerSettings,
        rulesets: RuleSets | None = None,
    ) -> None:
        self.rules = rules
        self.readers = {r.name: r for r in readers}
        self.settings = settings
        self.shared = rulesets  # the run's rule sets, when this worker runs in-process
        self._rulesets: dict[int, RuleSet] = {}
        self._file_rules: tuple[int, int, list[Rule]] | None = None
        self._suppressors: dict[int, Suppressor] = {}
        self._plan: _FilePlan | None = None

    def rules_for(self, job: FileJob) -> list[Rule]:
        """The configured rules that apply to a job's file (cached per file)."""
        cached = self._file_rules
        if cached is not None and cached[0] == job.config_key and cached[1] == job.index:
            return cached[2]
        ruleset = self._rulesets.get(job.config_key)
        if ruleset is None:
            if self.shared is not None:
                ruleset = self.shared.for_config(job.config)
            else:
                ruleset = build_ruleset(job.config, self.rules, self.settings.cli)
            self._rulesets[job.config_key] = ruleset
        rules = ruleset.for_path(job.path)
        self._file_rules = (job.config_key, job.index, rules)
        return rules

    def unfixable_for(self, job: FileJob) -> frozenset[str]:
        """Codes whose fixes are never applied for a job's file (``unfixable``)."""
        self.rules_for(job)  # builds the job's rule set
        return self._rulesets[job.config_key].unfixable

    def suppressor_for(self, job: FileJob) -> Suppressor:
        """The suppression settings of a job's config (built once per config)."""
        suppressor = self._suppressors.get(job.config_key)
        if suppressor is None:
            config = job.config
            suppressor = self._suppressors[job.config_key] = Suppressor(
                config.allow,
                self.rules,
                config_label=config.label,
            )
        return suppressor

    def plan_for(self, job: FileJob) -> _FilePlan:
        """What checking a job's file needs, worked out once per file (the last file kept)."""
        plan = self._plan
        if plan is not None and plan.index == job.index and plan.config_key == job.config_key:
            return plan
        rules = self.rules_for(job)
        plan = self._plan = _FilePlan(
            job.config_key,
            job.index,
            rules,
            frozenset(r.code for r in rules),
            self.unfixable_for(job),
            self.suppressor_for(job),
            job.options.get("ignore-field", DEFAULT_IGNORE_FIELD),
        )
        return plan

    def run(self, batch: Sequence[Item | tuple[FileJob, None]]) -> list[UnitResult]:
        """Check every unit of a batch, in order."""
        with rule_timer(self.settings.time_budget):
            return self._run(batch)

    def _run(self, batch: Sequence[Item | tuple[FileJob, None]]) -> list[UnitResult]:
        out = []
        for job, unit in batch:
            if unit is None:  # the end of a file
                out.append(UnitResult())
                continue
            try:
                out.append(self.check_unit(job, unit))
            except Exception as exc:  # an engine bug must not lose the rest of the corpus
                import traceback

                where = traceback.extract_tb(exc.__traceback__)[-1]
                message = (
                    f"internal error while checking {unit.source.label()}:"
                    f" {type(exc).__name__}: {exc} (at {where.filename}:{where.lineno})"
                )
                out.append(UnitResult([problem(unit.source, RULE_ERROR, "rule-error", message)]))
        return out

    def check_block(self, job: FileJob, block: Unit) -> BlockResult:
        """Cut a block into records and check each; keep only the records with findings."""
        out = BlockResult()
        for unit in self.readers[job.reader].records_of(block, self.settings.max_bytes):
            result = self._check(job, unit)
            if result is None:  # checked, nothing to say: counted only
                out.documents += 1
                out.bytes += len(unit.payload)
                continue
            if result.checked:
                out.documents += 1
                out.bytes += len(unit.payload)
            elif unit.document:
                out.unreadable += 1
            if result.findings or result.suppressed:
                out.notable.append((unit.source, result))
        return out

    def check_unit(self, job: FileJob, unit: Unit) -> Any:
        """Build a unit's document, lint or fix it, and return stand-alone findings."""
        if unit.records:
            return self.check_block(job, unit)
        result = self._check(job, unit)
        return UnitResult(checked=True) if result is None else result

    def _check(self, job: FileJob, unit: Unit) -> UnitResult | None:
        """``check_unit`` of one document; None when it was checked and has nothing to say."""
        if unit.problem is not None:
            return UnitResult([_read_problem(unit.source, unit.problem)])
        if not unit.document:
            return UnitResult()
        reader = self.readers[job.reader]
        try:
            document, state = reader.document(unit, job.options)
        except ReadProblem as exc:
            return UnitResult([_read_problem(unit.source, exc.message)], skipped=exc.reason)
        plan = self.plan_for(job)
        rules = plan.rules
        mode = self.settings.mode
        budget = self.settings.time_budget
        sup = plan.suppressor.for_document(
            document, plan.selected, reader.ignore_value(unit, state), plan.ignore_field
        )
        keep = None if sup is None else sup.filter
        if plan.unfixable:  # their findings are reported without a fix
            keep = functools.partial(_without_fixes, plan.unfixable, keep)
        if not mode.apply:
            found = check_document(document, rules, time_budget=budget)
            if keep is not None:
                found = keep(document, found)
            if not found and sup is None:
                return None
            result = UnitResult([from_diagnostic(document, d) for d in found], checked=True)
            return _suppressed(result, sup, self.settings.show_suppressed)
        fixed = fix_document(document, rules, unsafe=mode.unsafe, time_budget=budget, keep=keep)
        result = UnitResult(
            [from_diagnostic(fixed.document, d) for d in fixed.diagnostics],
            [(d.code, d.name) for d in fixed.applied],
            checked=True,
        )
        if not fixed.changed:
            return _suppressed(result, sup, self.settings.show_suppressed)
        if not reader.can_write:
            message = f"fixes cannot be written back to {reader.name} files"
            return self._unfixed(document, rules, message, sup)
        try:
            result.payload = reader.encode(unit, state, fixed.document.text, job.options)
        except EncodeProblem as exc:
            return self._unfixed(document, rules, str(exc), sup)
        if mode.diff:
            result.diff = unit_diff(reader, unit, result.payload, state)
        return _suppressed(result, sup, self.settings.show_suppressed)

    def _unfixed(
        self, document: Any, rules: list[Rule], why: str, sup: DocumentSuppression | None
    ) -> UnitResult:
        """The findings of a document left as it was, and why it was not fixed."""
        found = check_document(document, rules, time_budget=self.settings.time_budget)
        if sup is not None:
            found = sup.filter(document, found)
        result = UnitResult([from_diagnostic(document, d) for d in found], checked=True)
        result.findings.append(
            problem(document.source, WRITE_ERROR, ENGINE_CODES[WRITE_ERROR], why)
        )
        return _suppressed(result, sup, self.settings.show_suppressed)


def _without_fixes(
    codes: frozenset[str], keep: Callable[..., list[Diagnostic]] | None, document: Any, found: list
) -> list[Diagnostic]:
    """The diagnostics ``keep`` keeps, those of ``codes`` without their fix."""
    if keep is not None:
        found = keep(document, found)
    return [
        dataclasses.replace(d, fix=None) if d.fix is not None and d.code in codes else d
        for d in found
    ]


def _suppressed(result: UnitResult, sup: DocumentSuppression | None, show: bool) -> UnitResult:
    """Add what the last filtering suppressed, and the suppressions that went unused."""
    if sup is None or sup.document is None:
        return result
    document = sup.document
    result.suppressed = sup.records(every=show)
    spans, records = sup.unused()
    if spans or records:
        result.findings.extend(from_diagnostic(document, d) for d in spans)
        result.findings.extend(records)
    return result


def unit_diff(reader: Reader, unit: Unit, new: Any, state: Any) -> str:
    """The diff of one unit: a whole-file unified diff, or one hunk for a record."""
    import difflib

    old_text = reader.show(unit.payload, state)
    new_text = reader.show(new, state)
    source = unit.source
    if source.record is not None and source.unit == "line":
        n = source.record
        return f"@@ -{n},1 +{n},1 @@\n" + _diff_lines("-", old_text) + _diff_lines("+", new_text)
    a = old_text.splitlines(keepends=True)
    b = new_text.splitlines(keepends=True)
    if source.record is not None:
        body = list(difflib.unified_diff(a, b, lineterm="\n", n=1))[2:]
        return f"@@ row {source.record} @@\n" + "".join(_ended(x) for x in body)
    name = source.path
    return "".join(_ended(x) for x in difflib.unified_diff(a, b, f"a/{name}", f"b/{name}"))


def _diff_lines(sign: str, text: str) -> str:
    return "".join(sign + _ended(x) for x in text.splitlines(keepends=True) or [""])


def _ended(line: str) -> str:
    return line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
