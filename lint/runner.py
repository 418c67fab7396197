"""Running a check over files: read units, check them in batches, report and write in order.

The main process walks the targets, cuts each file into units with its reader and
groups them into batches; ``lint.parallel`` checks the batches (in-process or in a
pool) and hands the results back in order. For each unit the runner passes the
findings through the baseline to the reporter, and its raw material (fixed or not)
to wherever the file goes: in place, ``--output DIR`` or the ``--reject`` file.
Memory is bounded by the batches in flight, not by the corpus.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from lint.atomic import FileIdentity
from lint.config import Config, ConfigError, resolve
from lint.diagnostic import Severity
from lint.discovery import Target
from lint.document import Source
from lint.finding import Finding, problem
from lint.linter import ENGINE_CODES, WRITE_ERROR
from lint.output.summary import Checked
from lint.parallel import run_batches, unpack_result
from lint.readers import InputFile, Reader, ReadProblem, TextReader, Unit
from lint.readers.base import DEFAULT_MAX_DOCUMENT_BYTES
from lint.rule import OptionError
from lint.sinks import FileSink, RejectSink
from lint.suppression import Suppressed
from lint.worker import BlockResult, FileJob, FixMode, Item, UnitResult, Worker

BATCH_UNITS = 2048
BATCH_BYTES = 1 << 20

_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a directory",
}


class Reporter(Protocol):
    """What the runner tells the command line as results arrive."""

    def finding(self, finding: Finding) -> None:
        """A finding to report (already past the baseline)."""

    def fixed(self, source: Source, code: str, name: str) -> None:
        """A fix that was applied."""

    def diff(self, text: str) -> None:
        """A piece of unified diff."""

    def suppressed(self, items: list[Suppressed]) -> None:
        """Findings a suppression silenced (allow entry, comment, record field)."""

    def progress(self, files: int, consumed: int, documents: int) -> None:
        """How far the run is: files finished, bytes consumed, documents checked."""


@dataclass
class RunOptions:
    """How to run: fixing, parallelism, where fixed files and rejects go, limits."""

    mode: FixMode = field(default_factory=FixMode)
    jobs: int = 1
    fail_on: Severity | None = None  # None: the fail-on of each file's config
    output_dir: Path | None = None
    in_place: bool = False
    reject: Path | None = None
    max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
    batch_units: int = BATCH_UNITS
    batch_bytes: int = BATCH_BYTES


def pick_reader(readers: Sequence[Reader], name: str) -> Reader:
    """The first reader claiming the file's name; plain text otherwise."""
    lowered = name.lower()
    for reader in readers:
        if reader.claims(lowered):
            return reader
    return next((r for r in readers if isinstance(r, TextReader)), TextReader())


def check_reader_options(config: Config, readers: Sequence[Reader]) -> None:
    """Raise ConfigError for a reader option that no reader declares, or of the wrong type."""
    declared = {o.name: o for r in readers for o in r.options}
    for key, value in config.reader_options.items():
        option = declared.get(key)
        if option is None:
            known = ", ".join(sorted(declared))
            raise ConfigError(
                f"{config.label}: `reader.{key}`: unknown reader option (known: {known})"
            )
        try:
            option.validate(value)
        except OptionError as exc:
            raise ConfigError(f"{config.label}: `reader.{key}`: {exc}") from None


def reader_options(reader: Reader, config: Config, overrides: Mapping[str, Any]) -> dict[str, Any]:
    """A reader's declared defaults, then the config's values, then the command line's."""
    options = {o.name: o.default for o in reader.options}
    for source in (config.reader_options, overrides):
        options.update({k: v for k, v in source.items() if k in options})
    return options


@dataclass
class _File:
    """The main process's state of one file while its units are checked."""

    target: Target
    reader: Reader
    job: FileJob
    size: int = 0
    consumed: int = 0
    identity: FileIdentity | None = None
    sink: FileSink | None = None
    diff_started: bool = False
    skipped: str | None = None
    sink_failed: bool = False


class Runner:
    """One run of ``check`` over a list of targets."""

    def __init__(
        self,
        *,
        readers: Sequence[Reader],
        config_for: Callable[[Path], Config],
        worker_factory: Callable[[], Worker],
        reporter: Reporter,
        options: RunOptions,
        reader_overrides: Mapping[str, Any] | None = None,
        is_new: Callable[[Finding], bool] | None = None,
        record: Callable[[Finding], None] | None = None,
        stdin: BinaryIO | None = None,
        stdin_path: Path | None = None,
    ) -> None:
        self.readers = readers
        self.config_for = config_for
        self.worker_factory = worker_factory
        self.reporter = reporter
        self.options = options
        self.reader_overrides = reader_overrides or {}
        self.is_new = is_new
        self.record = record
        self.stdin = stdin
        self.stdin_path = stdin_path
        self.checked = Checked()
        self.errors = 0  # engine problems reported (exit 2)
        self.failing = 0  # findings at or above the failure level
        self.diffs = 0  # units with a diff
        self.written: list[str] = []  # files written so far (fixed in place or to --output)
        self._stdin_chunks: list[bytes] = []  # standard input, fixed, for standard output
        self._files: dict[int, _File] = {}
        self._configs: dict[int, int] = {}
        self._reject: RejectSink | None = None
        self._done_files = 0
        self._consumed = 0

    # -- reading ------------------------------------------------------------------

    def _quick(self) -> bool:
        """Whether nothing is written: units then only need counting and reporting."""
        opts = self.options
        return opts.output_dir is None and opts.reject is None and not opts.mode.apply

    def stdin_output(self) -> bytes:
        """Standard input as read, with the fixes applied (what ``--fix -`` prints)."""
        return b"".join(self._stdin_chunks)

    def _config_key(self, config: Config) -> int:
        key = self._configs.get(id(config))
        if key is None:
            check_reader_options(config, self.readers)
            key = self._configs[id(config)] = len(self._configs)
        return key

    def _open(self, index: int, target: Target) -> tuple[_File, Iterator[Unit]]:
        """Open a target and start cutting it into units (problems become problem units)."""
        if target.path is None and target.stream is None and self.stdin is not None:
            # standard input handed to the runner rather than carried by its target
            target = replace(target, stream=self.stdin, name=target.name or self.stdin_path)
        config = self.config_for(target.config_path())
        if target.path is None:
            name = str(target.name) if target.name else target.display
            path = resolve(target.name) if target.name else None
        else:
            name = target.path.name
            path = resolve(target.path)
        reader = pick_reader(self.readers, name)
        options = reader_options(reader, config, self.reader_overrides)
        job = FileJob(index, reader.name, options, self._config_key(config), config, path)
        state = _File(target, reader, job)
        return state, self._units(state)

    def _units(self, state: _File) -> Iterator[Unit]:
        target, reader = state.target, state.reader
        source = Source(target.display)
        stream: BinaryIO | None = None
        try:
            if target.path is None:  # standard input: the target carries its stream
                assert target.stream is not None
                stream = target.stream
            else:
                try:
                    st = os.stat(target.path)
                except OSError as exc:
                    state.skipped = "unreadable"
                    yield Unit(source, None, problem=f"cannot read: {exc.strerror or exc}")
                    return
                if not stat.S_ISREG(st.st_mode):
                    kind = _KINDS.get(stat.S_IFMT(st.st_mode), "not a regular file")
                    state.skipped = "not a regular file"
                    yield Unit(source, None, problem=f"{kind}, not a regular file; skipped")
                    return
                state.size = st.st_size
                try:
                    stream = open(target.path, "rb")  # noqa: SIM115 - closed below
                except OSError as exc:
                    state.skipped = "unreadable"
                    yield Unit(source, None, problem=f"cannot read: {exc.strerror or exc}")
                    return
                state.identity = FileIdentity.of(os.fstat(stream.fileno()))
            file = InputFile(stream, target.path, target.display, self.options.max_bytes)
            try:
                blocks = reader.blocks(file, state.job.options) if self._quick() else None
                yield from blocks if blocks is not None else reader.units(file, state.job.options)
            except ReadProblem as exc:
                state.skipped = exc.reason
                yield Unit(source, None, problem=exc.message)
            except OSError as exc:
                state.skipped = "unreadable"
                yield Unit(source, None, problem=f"cannot read: {exc.strerror or exc}")
        finally:
            if stream is not None and target.path is not None:
                stream.close()

    def _batches(self, targets: Sequence[Target]) -> Iterator[list[Item | tuple[FileJob, None]]]:
        """Batches of (job, unit) items; ``(job, None)`` marks the end of a file."""
        opts = self.options
        batch: list[Any] = []
        size = 0
        for index, target in enumerate(targets):
            state, units = self._open(index, target)
            self._files[index] = state
            job = state.job
            last: Unit | None = None  # held back so that a file's end joins its last unit
            for unit in units:
                if last is not None:
                    batch.append((job, last))
                    if len(batch) >= opts.batch_units or size >= opts.batch_bytes:
                        yield batch
                        batch, size = [], 0
                last = unit
                payload = unit.payload
                size += len(payload) if isinstance(payload, bytes | str) else 0
            if last is not None:
                batch.append((job, last))
            batch.append((job, None))
            if len(batch) >= opts.batch_units or size >= opts.batch_bytes:
                yield batch
                batch, size = [], 0
        if batch:
            yield batch

    # -- results ------------------------------------------------------------------

    def run(self, targets: Sequence[Target]) -> None:
        """Check every target; results are reported and written in order."""
        if self.options.reject is not None:
            self._reject = RejectSink(self.options.reject)  # OSError: the caller says why
        # Without destinations, a unit with nothing to report needs only counting.
        quick = self._quick()
        checked = self.checked
        try:
            for batch, results in run_batches(
                self._batches(targets), self.worker_factory, self.options.jobs
            ):
                for (job, unit), result in zip(batch, results, strict=True):
                    state = self._files[job.index]
                    if unit is None:
                        self._finish_file(state)
                    elif result.__class__ is BlockResult:
                        self._take_block(state, unit, result)
                    elif result is True and quick:
                        if unit.consumed > state.consumed:
                            self._consumed += unit.consumed - state.consumed
                            state.consumed = unit.consumed
                        checked.documents += 1
                        payload = unit.payload
                        checked.bytes += (
                            len(payload) if payload.__class__ is bytes else len(payload.encode())
                        )
                        if unit.source.record is not None:
                            checked.records += 1
                    else:
                        self._take(state, unit, unpack_result(result))
                self.reporter.progress(self._done_files, self._consumed, self.checked.documents)
            if self._reject is not None:
                self._reject.finish()
                self._reject = None
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        """Drop every destination not yet complete (the run was interrupted)."""
        for state in self._files.values():
            if state.sink is not None:
                state.sink.discard()
                state.sink = None
        if self._reject is not None:
            self._reject.discard()
            self._reject = None

    def _suppressed(self, items: list[Suppressed]) -> None:
        """Pass suppressed findings on, to a reporter that takes them (not every one does)."""
        take = getattr(self.reporter, "suppressed", None)
        if take is not None:
            take(items)

    def report(self, finding: Finding) -> bool:
        """Report a finding made outside the workers (an unused allow entry, say)."""
        return self._report(finding)

    def _fail_on(self, state: _File | None) -> Severity:
        """The failure level of a file's findings: the command line's, else its config's."""
        if self.options.fail_on is not None:
            return self.options.fail_on
        return state.job.config.fail_on if state is not None else Severity.WARNING

    def _report(self, finding: Finding, fail_on: Severity | None = None) -> bool:
        """Report a finding unless the baseline knows it; return whether it was reported."""
        if self.record is not None:
            self.record(finding)
        if self.is_new is not None and not self.is_new(finding):
            return False
        if finding.code in ENGINE_CODES and finding.severity is Severity.ERROR:
            self.errors += 1
        elif finding.severity >= (fail_on or self._fail_on(None)):
            self.failing += 1
        self.reporter.finding(finding)
        return True

    def _sink_for(self, state: _File) -> FileSink | None:
        opts = self.options
        target = state.target
        if target.path is None:
            return None
        if opts.output_dir is not None:
            dest = opts.output_dir / target.relative
            return FileSink(dest, state.reader, target.path, state.job.options)
        if opts.mode.write and (opts.in_place or not state.reader.is_shard):
            return FileSink(
                target.path,
                state.reader,
                target.path,
                state.job.options,
                expect=state.identity,
                always=False,
            )
        return None

    def _take_block(self, state: _File, block: Unit, result: BlockResult) -> None:
        """Count a block of records and report the findings of the records that had some."""
        if block.consumed > state.consumed:
            self._consumed += block.consumed - state.consumed
            state.consumed = block.consumed
        checked = self.checked
        checked.documents += result.documents
        checked.records += result.documents
        checked.bytes += result.bytes
        if result.unreadable:
            checked.skipped["unreadable records"] += result.unreadable
        fail_on = self._fail_on(state)
        for _source, record in result.notable:
            for finding in record.findings:
                self._report(finding, fail_on)
            if record.suppressed:
                self._suppressed(record.suppressed)

    def _take(self, state: _File, unit: Unit, result: UnitResult) -> None:
        """Report one unit's findings and route its raw material."""
        opts = self.options
        checked = self.checked
        if unit.consumed > state.consumed:
            self._consumed += unit.consumed - state.consumed
            state.consumed = unit.consumed
        fail_on = self._fail_on(state)
        reported = [f for f in result.findings if self._report(f, fail_on)]
        if result.suppressed:
            self._suppressed(result.suppressed)
        for code, name in result.fixed:
            self.reporter.fixed(unit.source, code, name)
        if result.checked:
            checked.documents += 1
            payload = unit.payload
            checked.bytes += len(payload) if isinstance(payload, bytes) else len(payload.encode())
            if unit.source.record is not None:
                checked.records += 1
        elif unit.document and unit.source.record is not None:
            checked.skipped["unreadable records"] += 1
        elif result.skipped is not None:
            state.skipped = result.skipped
        if result.diff:
            self.diffs += 1
            if state.reader.is_shard and not state.diff_started:
                name = unit.source.path
                self.reporter.diff(f"--- a/{name}\n+++ b/{name}\n")
                state.diff_started = True
            self.reporter.diff(result.diff)
        if state.target.path is None:
            payload = result.payload if result.payload is not None else unit.payload
            if isinstance(payload, bytes):
                self._stdin_chunks.append(payload)
            return
        if unit.source.record is None and unit.payload is None:
            return  # a file-level problem: nothing to write
        if state.sink is None and not state.sink_failed:
            try:
                state.sink = self._sink_for(state)
            except OSError as exc:
                state.sink_failed = True
                self._write_failed(state, opts.output_dir, exc)
        is_record = unit.source.record is not None
        rejected = opts.reject is not None and (
            (is_record and (unit.problem is not None or (unit.document and not result.checked)))
            or (result.checked and any(f.severity >= fail_on for f in reported))
        )
        payload = result.payload if result.payload is not None else unit.payload
        if rejected and self._reject is not None:
            text = state.reader.show(payload) if payload is not None else ""
            self._reject.write(unit, payload, text, reported)
            checked.records_rejected += 1
            if state.sink is not None:
                state.sink.omit(unit)
        elif state.sink is not None:
            if unit.payload is None:  # too large to keep: cannot be copied
                state.sink.omit(unit)
            else:
                state.sink.write(unit, result.payload)
                if unit.document:
                    checked.records_out += 1
        if unit.document and (state.sink is not None or self._reject is not None):
            checked.records_in += 1

    def _finish_file(self, state: _File) -> None:
        """A file is complete: count it and put its fixed version in place."""
        self._done_files += 1
        if state.skipped is not None:
            self.checked.skipped[state.skipped] += 1
        else:
            self.checked.files += 1
        if state.size > state.consumed:
            self._consumed += state.size - state.consumed
            state.consumed = state.size
        sink, state.sink = state.sink, None
        if sink is None:
            return
        if state.skipped is not None or (sink.kept == 0 and not state.reader.is_shard):
            sink.discard()
            return
        try:
            if sink.finish():
                self.written.append(state.target.display)
        except OSError as exc:
            where = None if sink.dest == state.target.path else sink.dest
            self._write_failed(state, where, exc)

    def _write_failed(self, state: _File, where: Path | None, exc: OSError) -> None:
        """Report (SL004) that a file's fixed version could not be written."""
        reason = exc.strerror or str(exc)
        if where is None:
            message = f"fixes not written, file left unchanged: {reason}"
        else:
            message = f"not written to {where}: {reason}"
        self._report(
            problem(Source(state.target.display), WRITE_ERROR, ENGINE_CODES[WRITE_ERROR], message)
        )
