"""Linting one record at a time, outside the command line, with the command line's worker.

``RecordLinter`` loads the plugins and builds the rule set once (in a Ray actor's or a
datatrove step's constructor) and then checks texts one by one with
``lint.worker.Worker``: the findings are the ones ``scrapelint check --jobs 1`` gives
for the same text, with fixes applied the same way.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from lint.config import Config, ConfigError, parse_table, read_config_file
from lint.diagnostic import Severity
from lint.document import Document, Source
from lint.finding import Finding, problem
from lint.linter import DEFAULT_TIME_BUDGET, ENGINE_CODES, READ_ERROR
from lint.output.json_formats import dumps
from lint.output.records import finding_dict
from lint.plugins import Plugins, load_plugins
from lint.readers import Reader, Unit
from lint.readers.base import DEFAULT_MAX_DOCUMENT_BYTES
from lint.ruleset import CliSelection, build_ruleset
from lint.selection import split_selectors, validate_selectors
from lint.worker import FileJob, FixMode, Worker, WorkerSettings

SEVERITIES = ("info", "warning", "error")


class RecordTextReader(Reader):
    """A reader whose unit payload is already the record's text (datasets, pipelines)."""

    name = "scrapelint-record"
    suffixes = ()

    def document(self, unit: Unit, options: Mapping[str, Any]) -> tuple[Document, Any]:
        """The text itself, with the unit's source."""
        return Document(unit.payload, unit.source), None

    def encode(self, unit: Unit, state: Any, text: str, options: Mapping[str, Any]) -> str:
        """The fixed text itself."""
        return text


@dataclass(slots=True)
class RecordResult:
    """What checking one record produced."""

    findings: list[Finding] = field(default_factory=list)
    fixed_text: str | None = None  # the text with fixes applied (None when not fixing)
    fixes: int = 0  # fixes applied
    failed: bool = False  # a finding at or above the failure level (or the record is unreadable)

    def counts(self) -> Counter[str]:
        """Findings per severity label (``info``, ``warning``, ``error``)."""
        return Counter(f.severity.label for f in self.findings)

    def finding_dicts(self) -> list[dict[str, Any]]:
        """The findings as the objects of ``--output-format jsonl``."""
        return [record_finding_dict(f) for f in self.findings]

    def finding_lines(self) -> list[str]:
        """The findings as the lines of ``--output-format jsonl`` (without line breaks)."""
        return [dumps(record_finding_dict(f)) for f in self.findings]


def record_finding_dict(finding: Finding) -> dict[str, Any]:
    """``finding_dict``, keeping the record's id when its place in a file is unknown."""
    data = finding_dict(finding)
    source = finding.source
    if source.record is None and source.record_id is not None:
        data["record"] = {source.unit: None, "id": source.record_id}
    return data


@dataclass(frozen=True)
class LinterSettings:
    """What a ``RecordLinter`` is built from: plain values that pickle and travel to workers.

    The Ray actors and the datatrove steps keep these and build the linter where they
    run (``linter()``); ``config`` is made absolute where the settings are made, so
    that a worker with another working directory reads the same file.
    """

    select: str | tuple[str, ...] | None = None
    extend_select: str | tuple[str, ...] | None = None
    ignore: str | tuple[str, ...] | None = None
    config: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    fail_on: str | None = None

    @classmethod
    def of(
        cls,
        *,
        select: str | Sequence[str] | None = None,
        extend_select: str | Sequence[str] | None = None,
        ignore: str | Sequence[str] | None = None,
        config: str | Path | None = None,
        fix: bool = False,
        unsafe_fixes: bool = False,
        fail_on: str | None = None,
    ) -> LinterSettings:
        """The settings of the public arguments (selectors as given, the config made absolute)."""

        def fixed(value: str | Sequence[str] | None) -> str | tuple[str, ...] | None:
            return value if value is None or isinstance(value, str) else tuple(value)

        return cls(
            select=fixed(select),
            extend_select=fixed(extend_select),
            ignore=fixed(ignore),
            config=None if config is None else str(Path(config).resolve()),
            fix=fix,
            unsafe_fixes=unsafe_fixes,
            fail_on=fail_on,
        )

    def linter(self) -> RecordLinter:
        """A record linter with these settings (plugins loaded, rules built)."""
        return RecordLinter(**{f.name: getattr(self, f.name) for f in fields(self)})


def _selectors(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(split_selectors([value] if isinstance(value, str) else value))


def base_config(plugins: Plugins) -> Config:
    """The defaults of a run: the engine's, then each plugin's default configuration."""
    base = Config(root=Path.cwd().resolve())
    for name, table in plugins.default_config():
        base = parse_table(table, where=f"default configuration of plugin {name}", base=base)
    return base


class RecordLinter:
    """Checks texts one at a time with the configured rules (built once)."""

    def __init__(
        self,
        *,
        select: str | Sequence[str] | None = None,
        extend_select: str | Sequence[str] | None = None,
        ignore: str | Sequence[str] | None = None,
        config: str | Path | Config | None = None,
        fix: bool = False,
        unsafe_fixes: bool = False,
        fail_on: str | Severity | None = None,
        plugins: Plugins | None = None,
    ) -> None:
        plugins = plugins or load_plugins()
        for failure in plugins.failures:  # as on the command line, the other plugins run
            warnings.warn(str(failure), RuntimeWarning, stacklevel=2)
        rules = plugins.rules()
        cli = CliSelection(
            select=_selectors(select) if select is not None else None,
            extend_select=_selectors(extend_select),
            ignore=_selectors(ignore),
        )
        for sels in (cli.select or (), cli.extend_select, cli.ignore):
            validate_selectors(sels, rules, "the arguments")
        if isinstance(config, Config):
            cfg = config
        elif config is not None:
            loaded = read_config_file(Path(config), base_config(plugins))
            if loaded is None:
                raise ConfigError(f"{config}: has no [tool.scrapelint] table")
            cfg = loaded
        else:
            cfg = base_config(plugins)
        build_ruleset(cfg, rules, cli)  # raise configuration errors now, not per record
        if isinstance(fail_on, Severity):
            self.fail_on = fail_on
        else:
            self.fail_on = Severity.parse(fail_on) if fail_on else cfg.fail_on
        self.config = cfg
        self.fix = fix
        max_mb = cfg.max_document_mb
        settings = WorkerSettings(
            cli=cli,
            mode=FixMode(apply=fix, write=fix, unsafe=unsafe_fixes),
            time_budget=cfg.time_budget or DEFAULT_TIME_BUDGET,
            max_bytes=max_mb * 1024 * 1024 if max_mb else DEFAULT_MAX_DOCUMENT_BYTES,
        )
        reader = RecordTextReader()
        self.worker = Worker(rules, [reader], settings)
        self._jobs: dict[str | None, FileJob] = {}

    def _job(self, path: str | None) -> FileJob:
        """The job of a record's file: per-file ignores apply when the path is known."""
        job = self._jobs.get(path)
        if job is None:
            where = Path(path).resolve() if path and "://" not in path else None
            index = len(self._jobs)
            job = FileJob(index, RecordTextReader.name, {}, 0, self.config, where)
            self._jobs[path] = job
        return job

    def lint(
        self,
        text: Any,
        *,
        path: str = "-",
        record: int | None = None,
        record_id: Any = None,
        unit: str = "row",
        text_field: str = "text",
    ) -> RecordResult:
        """Check one record's text; a value that is not a string is an unreadable record."""
        rid = None if record_id is None or isinstance(record_id, dict | list) else str(record_id)
        source = Source(path, record, rid, unit)
        if not isinstance(text, str):
            message = f"column {text_field!r} is not a string ({text!r:.40})"
            found = problem(source, READ_ERROR, ENGINE_CODES[READ_ERROR], message)
            return RecordResult([found], None if not self.fix else text, 0, True)
        job = self._job(path if path != "-" else None)
        result = self.worker.run([(job, Unit(source, text))])[0]
        fail_on = self.fail_on
        failed = any(f.severity >= fail_on or f.code in ENGINE_CODES for f in result.findings)
        fixed = None
        if self.fix:
            fixed = result.payload if isinstance(result.payload, str) else text
        return RecordResult(result.findings, fixed, len(result.fixed), failed)
