"""``scrapelint check --engine ray``: the check command with its files checked on Ray actors.

Two ways, one report (that of ``--jobs 1``):

- When nothing is written (no ``--fix``, ``--output`` or ``--reject``) and every input
  is a local file, plain Ray actors read and check the files where they are; a big
  JSON Lines file is cut into pieces of whole lines (at most ``PIECE_BYTES``, as many
  per actor, smaller at the end), so one big shard spreads over the actors. While Ray
  and its actors start, the driver cuts the pieces and checks the first ones itself
  (``DriverHelper``). A local instance the run starts has no autoscaler monitor and no
  log monitor (``lean_local_start``); ``SCRAPELINT_RAY_PHASES=1`` prints the run's
  phases on standard error (``phase``).
- Otherwise Ray Data reads the inputs (local paths or any URI it can read: ``s3://``,
  ``gs://``...) as whole files (``read_binary_files``); a pool of CPU actors checks each
  file with an ordinary one-process ``Runner`` (the same readers, worker, fixes,
  ``--output`` sinks and ``--reject`` lines as ``--jobs 1``) and sends back its
  findings, its fixed copy and its rejected records. Parallelism is across files.

The driver reports the outcomes in the order of the inputs and writes ``--output``
and ``--reject`` itself. It does as little else as it can, since it shares the
machine with the actors: formats that print each finding on its own (``concise``,
``full``, ``github``, ``jsonl``, without colors) are rendered with the findings, and
the driver writes their text; it still counts every finding (summary, exit code,
gates). What cannot be read is reported as a local run reports it.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import functools
import gc
import inspect
import io
import json
import math
import os
import pickle
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from lint.atomic import AtomicWriter
from lint.check_command import UsageError
from lint.config import Config, resolve
from lint.discovery import Target
from lint.document import Source
from lint.finding import Finding, problem
from lint.gates import CountingRunner, FileTotals
from lint.linter import ENGINE_CODES, READ_ERROR
from lint.output.base import OutputFormat, RunInfo
from lint.output.summary import Checked
from lint.readers import Unit
from lint.runner import Runner, RunOptions, pick_reader, reader_options
from lint.suppression import Suppressed
from lint.worker import BlockResult, FileJob, Worker

PIECE_BYTES = 8 * 1024 * 1024  # a big JSON Lines file is checked in pieces of at most this
TAIL_PIECES = 2  # per actor: pieces shrink so that about this many are left for each at the end
SMALLEST_PIECE = 8  # ...down to PIECE_BYTES / SMALLEST_PIECE
HEAD_PIECES = 4  # the first HEAD_PIECES * PIECE_BYTES of a file: pieces of PIECE_BYTES / 4
# Built-in formats whose text for a finding depends on nothing but the finding and the
# run (no state between findings): actors render them, the driver writes the text.
RENDERED_ON_ACTORS = {
    "concise": "lint.output.concise",
    "full": "lint.output.full",
    "github": "lint.output.github",
    "jsonl": "lint.output.json_formats",
}
EXTRA_HINT = "--engine ray needs Ray Data: pip install 'scrapelint[ray]'"
INIT_TIMEOUT = 60.0  # seconds to join the cluster of RAY_ADDRESS
REFUSED = (
    ("diff", "--diff"),
    ("in_place", "--in-place"),
    ("baseline", "--baseline"),
    ("add_ignore", "--add-ignore"),
)


PHASES_ENV = "SCRAPELINT_RAY_PHASES"  # when set, the driver prints its phases on stderr
PHASE_PREFIX = "scrapelint-ray-phase "


def phase(name: str, **details: Any) -> None:
    """Print a timestamped phase of the run on stderr when ``SCRAPELINT_RAY_PHASES`` is set.

    One line each, ``scrapelint-ray-phase {"phase": ..., "time": ...}`` (``time.time()``),
    for the benchmark to show where a run's wall time goes. Actors print theirs (each
    piece's start, end and CPU seconds) into Ray's worker logs, when the variable is set
    where their workers start.
    """
    if os.environ.get(PHASES_ENV):
        record = {"phase": name, "time": time.time(), **details}
        print(PHASE_PREFIX + json.dumps(record), file=sys.stderr, flush=True)


class EngineUsageError(UsageError):
    """An option ``--engine ray`` cannot honour (exit 2, like any usage error)."""


def prepare_args(args: argparse.Namespace) -> None:
    """Refuse what the Ray engine cannot do; set object-store URIs aside from local paths."""
    for attr, flag in REFUSED:
        if getattr(args, attr, None):
            raise EngineUsageError(f"--engine ray does not support {flag}")
    if "-" in args.paths:
        raise EngineUsageError("--engine ray reads files, not standard input")
    args.remote_paths = [p for p in args.paths if "://" in p]
    args.paths = [p for p in args.paths if "://" not in p]


def runner_factory(args: argparse.Namespace) -> Callable[..., RayRunner]:
    """The runner class of ``run_check``, bound to the engine's own arguments."""
    return functools.partial(RayRunner, remote=getattr(args, "remote_paths", []), actors=args.jobs)


@dataclass(frozen=True)
class FileTask:
    """What an actor needs to check one file as ``--jobs 1`` would."""

    index: int
    display: str
    relative: str
    config: Config
    path: Path | None  # the local file (for per-file ignores); None for a URI


@dataclass(frozen=True)
class Piece:
    """A part of a JSON Lines file checked on its own: bytes [start, end), whole lines."""

    task: FileTask
    start: int
    end: int
    first_line: int
    last: bool  # the file's last piece (it counts the file)


@dataclass(frozen=True)
class Rendering:
    """One of the run's formats, as an actor renders its findings for the driver to write."""

    cls: type[OutputFormat]
    width: int
    run: RunInfo

    def render(self, findings: Sequence[Finding]) -> str:
        """The format's text for these findings, as the driver's instance would print it."""
        fmt = self.cls(color=False, width=self.width)
        buffer = io.StringIO()
        fmt.start(buffer, self.run)
        for finding in findings:
            fmt.handle(finding)
        return buffer.getvalue()


def renders_on_actors(fmt: Any) -> bool:
    """Whether an actor can render this format's findings (a built-in, stateless, no colors)."""
    module = RENDERED_ON_ACTORS.get(getattr(fmt, "name", ""))
    return (
        module is not None
        and type(fmt).__module__ == module
        and not getattr(fmt, "color", True)
        and getattr(fmt, "stream", None) is not None
    )


class _Rendered:
    """Stands for a format rendered on the actors: findings are not handled again."""

    def __init__(self, fmt: OutputFormat) -> None:
        self.fmt = fmt

    def handle(self, finding: Finding) -> None:
        """The actor rendered it; the driver writes the text (``write``)."""

    def write(self, text: str) -> None:
        """Write text the actors rendered."""
        if text:
            self.fmt.out().write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.fmt, name)


@dataclass
class FileOutcome:
    """What checking one file produced, sent back to the driver."""

    findings: list[Finding] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)  # the findings' text per Rendering
    suppressed: list[Suppressed] = field(default_factory=list)  # and by what (allow entries)
    fixed: list[tuple[Source, str, str]] = field(default_factory=list)
    output: bytes | None = None  # the file's copy for --output
    rejected: bytes = b""  # its lines of the --reject file
    checked: Checked = field(default_factory=Checked)
    skipped: str | None = None


class _Collect:
    """A reporter that keeps what the runner reports."""

    def __init__(self, outcome: FileOutcome) -> None:
        self.outcome = outcome

    def finding(self, finding: Finding) -> None:
        """Keep a finding."""
        self.outcome.findings.append(finding)

    def fixed(self, source: Source, code: str, name: str) -> None:
        """Keep an applied fix."""
        self.outcome.fixed.append((source, code, name))

    def suppressed(self, items: list[Suppressed]) -> None:
        """Keep what was suppressed (the driver counts the allow entries used)."""
        self.outcome.suppressed.extend(items)

    def diff(self, text: str) -> None:
        """Diffs are refused with this engine."""

    def progress(self, files: int, consumed: int, documents: int) -> None:
        """No progress from inside an actor."""


class _OneFileRunner(Runner):
    """A local runner whose file is a copy: per-file ignores still see the real path."""

    def __init__(self, real_path: Path | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.real_path = real_path

    def _open(self, index: int, target: Target) -> Any:
        state, units = super()._open(index, target)
        state.job = replace(state.job, path=self.real_path)
        return state, units


class CheckFiles:
    """Checks files on a Ray actor: whole files Ray Data hands it, or pieces it reads itself."""

    def __init__(
        self,
        worker_factory: Callable[[], Worker],
        readers: Sequence[Any],
        options: RunOptions,
        reader_overrides: Mapping[str, Any],
        tasks: Mapping[str, FileTask],
        pieces: Sequence[Piece] = (),
        renderings: Sequence[Rendering] = (),
        cwd: str | None = None,
    ) -> None:
        if cwd and cwd != os.getcwd() and os.path.isdir(cwd):
            os.chdir(cwd)  # places shown relative to it (a config file) read as the driver's
        self.worker_factory = worker_factory
        self.readers = readers
        self.options = options
        self.reader_overrides = reader_overrides
        self.tasks = tasks
        self.pieces = pieces
        self.renderings = renderings
        self._worker: Worker | None = None

    def _finished(self, outcome: FileOutcome) -> bytes:
        """The outcome with its findings rendered, pickled for the driver."""
        outcome.rendered = [r.render(outcome.findings) for r in self.renderings]
        return pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        """One outcome (pickled) per file of the batch, with its index (a Ray Data batch)."""
        indexes, outcomes = [], []
        for path, data in zip(batch["path"], batch["bytes"], strict=True):
            task = self.tasks[_key(str(path))]
            indexes.append(task.index)
            outcomes.append(self._finished(self.check(task, bytes(data))))
        return {"index": indexes, "outcome": outcomes}

    def piece(self, index: int) -> bytes:
        """The outcome of one piece, rendered and pickled (a Ray actor method)."""
        phase("actor piece start", piece=index, pid=os.getpid())
        cpu = time.process_time()
        done = self._finished(self.check_piece(self.pieces[index]))
        phase("actor piece end", piece=index, pid=os.getpid(), cpu=time.process_time() - cpu)
        return done

    def outcome(self, index: int) -> FileOutcome:
        """The outcome of one piece, rendered (checked where this object is)."""
        outcome = self.check_piece(self.pieces[index])
        outcome.rendered = [r.render(outcome.findings) for r in self.renderings]
        return outcome

    def check_piece(self, piece: Piece) -> FileOutcome:
        """Check a range of whole lines, numbered as in the file, like a worker's block."""
        task = piece.task
        assert task.path is not None
        if piece.end < 0:  # a whole file
            return self.check_path(task)
        with open(task.path, "rb") as fh:
            fh.seek(piece.start)
            data = fh.read(piece.end - piece.start)
        if self._worker is None:
            self._worker = self.worker_factory()
        reader = next(r for r in self.readers if r.name == "jsonl")
        options = reader_options(reader, task.config, self.reader_overrides)
        job = FileJob(task.index, reader.name, options, task.index, task.config, task.path)
        lines = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
        block = Unit(Source(task.display, piece.first_line), data, piece.end, records=lines)
        result = self._worker.run([(job, block)])[0]
        outcome = FileOutcome()
        if isinstance(result, BlockResult):
            outcome.findings = [f for _, r in result.notable for f in r.findings]
            outcome.suppressed = [s for _, r in result.notable for s in r.suppressed]
            checked = outcome.checked
            checked.documents = checked.records = result.documents
            checked.bytes = result.bytes
            if result.unreadable:
                checked.skipped["unreadable records"] += result.unreadable
        else:  # an engine error on the whole block
            outcome.findings = list(result.findings)
            outcome.suppressed = list(result.suppressed)
        outcome.checked.files = 1 if piece.last else 0
        return outcome

    def check_path(self, task: FileTask) -> FileOutcome:
        """Check a local file where it is, as a local run would (unreadable, not a file...)."""
        assert task.path is not None
        outcome = FileOutcome()
        runner = Runner(
            readers=self.readers,
            config_for=lambda _path: task.config,
            worker_factory=self.worker_factory,
            reporter=_Collect(outcome),
            options=replace(self.options, jobs=1),
            reader_overrides=self.reader_overrides,
        )
        runner.run([Target(task.path, task.display, task.relative)])
        outcome.checked = runner.checked
        return outcome

    def check(self, task: FileTask, data: bytes) -> FileOutcome:
        """Check one file's bytes as a local run of that file would."""
        outcome = FileOutcome()
        with tempfile.TemporaryDirectory(prefix="scrapelint-ray-") as tmp:
            name = PurePosixPath(task.relative).name or "input"
            copy = Path(tmp, "in", name)
            copy.parent.mkdir()
            copy.write_bytes(data)
            opts = self.options
            out_dir = Path(tmp, "out") if opts.output_dir is not None else None
            reject = Path(tmp, "reject.jsonl") if opts.reject is not None else None
            options = replace(opts, jobs=1, output_dir=out_dir, reject=reject)
            runner = _OneFileRunner(
                task.path,
                readers=self.readers,
                config_for=lambda _path: task.config,
                worker_factory=self.worker_factory,
                reporter=_Collect(outcome),
                options=options,
                reader_overrides=self.reader_overrides,
            )
            runner.run([Target(copy, task.display, name)])
            outcome.checked = runner.checked
            if out_dir is not None and (out_dir / name).exists():
                outcome.output = (out_dir / name).read_bytes()
            if reject is not None and reject.exists():
                outcome.rejected = reject.read_bytes()
        return outcome


def piece_size(left: int, actors: int, largest: int, done: int = 0) -> int:
    """The size of the next piece when ``left`` bytes remain after ``done``: ``largest``,
    smaller at the start and at the end.

    The first ``HEAD_PIECES * largest`` bytes go in quarters: the driver checks those
    while Ray starts, and the piece it has in hand when the actors are asked for holds
    up their start (it keeps the interpreter's lock), so it is short. Once less than
    ``TAIL_PIECES`` pieces per actor are left, a piece is that share of what is left
    (down to ``largest / SMALLEST_PIECE``): the last pieces are small, so the actors
    finish together instead of one waiting for the other's big last piece.
    """
    if done < HEAD_PIECES * largest:
        return max(1, largest // 4)
    share = -(-left // (TAIL_PIECES * max(1, actors)))
    return max(1, min(largest, max(share, largest // SMALLEST_PIECE)))


def _cut_lines(
    fh: Any, size: int, piece: Callable[[int, int], int]
) -> Iterator[tuple[int, int, int]]:
    """(start, end, first line number) of pieces of about ``piece(bytes left, bytes done)``
    bytes, cut after a line."""
    start, line = 0, 1
    while start < size:
        end = min(start + piece(size - start, start), size)
        if end < size:  # move the end just past the next line break
            fh.seek(end - 1)
            at = end - 1
            while True:
                chunk = fh.read(1 << 20)
                if not chunk:
                    end = size
                    break
                cut = chunk.find(b"\n")
                if cut != -1:
                    end = at + cut + 1
                    break
                at += len(chunk)
        yield start, end, line
        fh.seek(start)
        left = end - start
        while left > 0:
            chunk = fh.read(min(left, 1 << 22))
            if not chunk:
                break
            line += chunk.count(b"\n")
            left -= len(chunk)
        start = end


def _next_piece(actors: int, largest: int, left: int, done: int) -> int:
    return piece_size(left, actors, largest, done)


def _key(path: str) -> str:
    """A path as Ray Data reports it: no scheme, no leading slashes."""
    if "://" in path:
        path = path.split("://", 1)[1]
    return path.lstrip("/")


def _merge_checked(total: Checked, part: Checked) -> None:
    for name in ("files", "documents", "records", "bytes", "records_in", "records_out"):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    total.records_rejected += part.records_rejected
    total.skipped.update(part.skipped)


class RayRunner(CountingRunner):
    """Runs ``check`` over its targets on Ray actors, with the interface of ``Runner``."""

    def __init__(
        self, *, remote: Sequence[str] = (), actors: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.actors = actors
        if self.is_new is not None:
            raise EngineUsageError("--engine ray does not support --baseline")
        self.remote = list(remote)

    def stdin_output(self) -> bytes:
        """Standard input is not read by this engine."""
        return b""

    def _tasks(self, targets: Sequence[Target]) -> tuple[list[str], dict[str, FileTask]]:
        paths: list[str] = []
        tasks: dict[str, FileTask] = {}
        cwd_config = self.config_for(Path.cwd())
        for target in targets:
            assert target.path is not None
            real = resolve(target.path)
            task = FileTask(len(paths), target.display, target.relative or target.path.name,
                            self.config_for(target.path), real)  # fmt: skip
            paths.append(str(real))
            tasks[_key(str(real))] = task
        for uri in self.remote:
            name = uri.rstrip("/").rsplit("/", 1)[-1]
            tasks[_key(uri)] = FileTask(len(paths), uri, name, cwd_config, None)
            paths.append(uri)
        return paths, tasks

    def run(self, targets: Sequence[Target]) -> None:
        """Check every file on the actors; report and write in the order of the inputs.

        The report's streams were chosen before the run; while Ray runs, anything printed
        on standard output (Ray's own messages about its workers) goes to standard error,
        so a machine-readable report on standard output stays parseable. A Ray instance
        this run started is shut down at its end.
        """
        try:
            import ray
        except ImportError:
            raise EngineUsageError(EXTRA_HINT) from None
        phase("run")
        _freeze_at_exit()
        paths, tasks = self._tasks(targets)
        if not paths:
            return
        # pieces are cut (by the driver's helper, while Ray starts) for the actors it will have
        guess = max(1, self.actors or os.cpu_count() or 1)
        in_pieces = self._quick() and not self.remote
        formats = getattr(self.reporter, "formats", None)
        shown = [i for i, f in enumerate(formats or ()) if renders_on_actors(f)]
        renderings = [
            Rendering(type(formats[i]), formats[i].width, formats[i].run) for i in shown
        ]  # fmt: skip
        setup = {
            "worker_factory": self.worker_factory,
            "readers": self.readers,
            "options": self.options,
            "reader_overrides": self.reader_overrides,
            "tasks": tasks,
            "pieces": [],
            "renderings": renderings,
            "cwd": os.getcwd(),
        }
        helper = None
        if in_pieces:
            cut = functools.partial(self._pieces, tasks, guess)
            helper = DriverHelper(CheckFiles(**setup), cut)
        switching = sys.getswitchinterval()
        started = False
        try:
            with contextlib.redirect_stdout(sys.stderr):
                if helper is not None:
                    # checks the first pieces while Ray starts; the lock changes hands
                    # often, so that starting Ray is not held up by the checking thread
                    sys.setswitchinterval(0.001)
                    helper.start()
                if not ray.is_initialized():
                    started = True
                    start_ray(INIT_TIMEOUT)
                phase("ray ready", instance=_instance_kind(started))
                if helper is not None:
                    setup["pieces"] = helper.pieces()
                self._run(paths, tasks, setup, helper, shown)
                phase("outputs written")
        finally:
            sys.setswitchinterval(switching)
            if helper is not None:
                helper.finish()
            if started:
                with contextlib.redirect_stdout(sys.stderr):
                    ray.shutdown()
                phase("ray shut down")

    def _run(
        self,
        paths: list[str],
        tasks: dict[str, FileTask],
        setup: dict[str, Any],
        helper: DriverHelper | None,
        shown: list[int],
    ) -> None:
        """The run itself, on an initialised Ray: outcomes reported in the order of the inputs."""
        import ray

        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        most = max(1, min(self.actors or cpus, cpus))
        pieces: list[Piece] = setup["pieces"]
        renderings: list[Rendering] = setup["renderings"]
        if helper is not None:  # local files: the actors read them (and report what they cannot)
            outcomes = _on_actors(setup, helper, most)
        else:  # Ray Data reads them: what it could not read is reported here first
            ready = self._unreadable(tasks, renderings)
            readable = [path for i, path in enumerate(paths) if i not in ready]
            rows = _on_dataset(setup, readable, min(most, len(readable))) if readable else ()
            outcomes = self._in_order(iter(rows), ready)
        reject = None
        if self.options.reject is not None:
            reject = AtomicWriter(self.options.reject, create_parents=True)
        formats = getattr(self.reporter, "formats", None)
        rendered = [_Rendered(formats[i]) for i in shown]  # type: ignore[index]
        for i, stand_in in zip(shown, rendered, strict=True):
            formats[i] = stand_in  # type: ignore[index]
        try:
            by_index = tasks_by_index(tasks)
            for index, outcome in outcomes:
                task = pieces[index].task if pieces else by_index[index]
                self._take(task, outcome, reject)
                for stand_in, text in zip(rendered, outcome.rendered, strict=True):
                    stand_in.write(text)
            if reject is not None:
                reject.commit()
                reject = None
        finally:
            for i, stand_in in zip(shown, rendered, strict=True):
                formats[i] = stand_in.fmt  # type: ignore[index]
            if reject is not None:
                reject.discard()

    def _pieces(self, tasks: Mapping[str, FileTask], actors: int) -> list[Piece]:
        """Every file as pieces: a big plain JSON Lines file cut at line ends, others whole.

        A big file is cut into pieces of about ``PIECE_BYTES``, smaller at its start (the
        driver's) and towards its end (so that the actors finish together): ``piece_size``.
        """
        pieces: list[Piece] = []
        for task in sorted(tasks.values(), key=lambda t: t.index):
            assert task.path is not None
            cut: list[Piece] = []
            if pick_reader(self.readers, task.path.name).name == "jsonl":
                with contextlib.suppress(OSError):  # the actor reports what it cannot read
                    cut = self._cut(task, actors)
            pieces += cut or [Piece(task, 0, -1, 0, True)]
        return pieces

    @staticmethod
    def _cut(task: FileTask, actors: int) -> list[Piece]:
        """A big regular JSON Lines file's pieces; none for a smaller one."""
        assert task.path is not None
        st = os.stat(task.path)  # before opening: a FIFO would block
        if not stat.S_ISREG(st.st_mode) or st.st_size <= PIECE_BYTES:
            return []
        with open(task.path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            count = actors * math.ceil(size / (actors * PIECE_BYTES))
            largest = math.ceil(size / count)
            cuts = _cut_lines(fh, size, functools.partial(_next_piece, actors, largest))
            return [Piece(task, start, end, line, end >= size) for start, end, line in cuts]

    def _unreadable(
        self, tasks: Mapping[str, FileTask], renderings: Sequence[Rendering]
    ) -> dict[int, FileOutcome]:
        """The outcomes of inputs Ray Data could not read, by index: reported as a local run would.

        A local file that is missing, not a regular file or cannot be opened is checked
        here by an ordinary runner (which reads nothing and reports why); an object-store
        URI that does not exist, or whose file system cannot be reached, is reported as
        unreadable. Ray Data would fail the whole run on either.
        """
        ready: dict[int, FileOutcome] = {}
        for task in tasks.values():
            if task.path is not None:
                if _local_problem(task.path) is not None:
                    outcome = FileOutcome()
                    runner = Runner(
                        readers=self.readers,
                        config_for=lambda _path, config=task.config: config,
                        worker_factory=self.worker_factory,
                        reporter=_Collect(outcome),
                        options=replace(self.options, jobs=1, output_dir=None, reject=None),
                        reader_overrides=self.reader_overrides,
                    )
                    runner.run([Target(task.path, task.display, task.relative)])
                    outcome.checked = runner.checked
                    ready[task.index] = outcome
            else:
                why = _remote_problem(task.display)
                if why is not None:
                    found = problem(Source(task.display), READ_ERROR, ENGINE_CODES[READ_ERROR], why)
                    outcome = FileOutcome(findings=[found])
                    outcome.checked.skipped["unreadable"] += 1
                    ready[task.index] = outcome
        for outcome in ready.values():
            outcome.rendered = [r.render(outcome.findings) for r in renderings]
        return ready

    @staticmethod
    def _in_order(
        rows: Iterator[dict[str, Any]], ready: Mapping[int, FileOutcome] | None = None
    ) -> Iterator[tuple[int, FileOutcome]]:
        """Outcomes in the order of the inputs, whatever order they arrive in."""
        waiting: dict[int, FileOutcome] = dict(ready or {})
        following = 0
        while following in waiting:
            yield following, waiting.pop(following)
            following += 1
        for row in rows:
            waiting[int(row["index"])] = pickle.loads(row["outcome"])
            while following in waiting:
                yield following, waiting.pop(following)
                following += 1
        yield from sorted(waiting.items())

    def _take(self, task: FileTask, outcome: FileOutcome, reject: AtomicWriter | None) -> None:
        fail_on = self.options.fail_on or task.config.fail_on
        for finding in outcome.findings:
            self._report(finding, fail_on)
        if outcome.suppressed:
            self._suppressed(outcome.suppressed)
        for source, code, name in outcome.fixed:
            self.reporter.fixed(source, code, name)
        _merge_checked(self.checked, outcome.checked)
        totals = self.per_file.setdefault(task.display, FileTotals())
        totals.documents += outcome.checked.documents
        totals.bytes += outcome.checked.bytes
        if reject is not None and outcome.rejected:
            reject.stream.write(outcome.rejected)
        if outcome.output is not None and self.options.output_dir is not None:
            dest = self.options.output_dir / task.relative
            with AtomicWriter(dest, create_parents=True) as writer:
                writer.stream.write(outcome.output)
            self.written.append(task.display)
        self.reporter.progress(task.index + 1, self.checked.bytes, self.checked.documents)


_exit_hook: list[bool] = []


def _freeze_at_exit() -> None:
    """At the exit of a process that used Ray, leave its objects out of the interpreter's
    last garbage collections (``gc.freeze``).

    Ray's modules and their objects make those collections slow: measured, 0.4-0.6 s
    between the end of the run and the end of the process, 0.1 s with them frozen.
    Objects are still freed by reference counting; cyclic garbage left at exit is
    left to the system, as with ``os._exit``. Registered once; nothing changes before exit.
    """
    if not _exit_hook:
        _exit_hook.append(True)
        atexit.register(gc.freeze)


def start_ray(timeout: float) -> None:
    """Join the cluster named by ``RAY_ADDRESS``, or start a local Ray with only what a run needs.

    A cluster that does not answer would keep ``ray.init`` retrying for minutes: the
    join runs in a thread, and after ``timeout`` seconds the run ends with a usage
    error naming the address. A local start runs in the main thread (Ray installs its
    signal handlers there).
    """
    import ray

    address = os.environ.get("RAY_ADDRESS")
    if not address:  # no dashboard, no forwarding of worker logs, no changes to logging
        with lean_local_start():
            ray.init(include_dashboard=False, log_to_driver=False, configure_logging=False)
        return
    failure: list[BaseException] = []

    def join() -> None:
        try:
            ray.init(log_to_driver=False)
        except BaseException as exc:  # raised again in the caller's thread
            failure.append(exc)

    joining = threading.Thread(target=join, name="scrapelint-ray-join", daemon=True)
    joining.start()
    joining.join(timeout)
    if joining.is_alive():
        raise EngineUsageError(
            f"--engine ray: the Ray cluster at {address} (RAY_ADDRESS) did not answer"
            f" in {timeout:g} s"
        )
    if failure:
        raise failure[0]


# Processes ray.init starts with a local instance that a run does not need, as
# ``ray start`` names them: the autoscaler's monitor (``--no-monitor``: the instance
# has a fixed size) and the log monitor (``--include-log-monitor=false``: worker logs
# are not sent to the driver).
LEAN_START = {"no_monitor": True, "include_log_monitor": False}


@contextlib.contextmanager
def lean_local_start() -> Iterator[bool]:
    """While it lasts, a local Ray instance that ``ray.init`` starts has no monitor processes.

    ``ray.init`` has no option for them: for the duration, ``RayParams`` (Ray's private
    class of node settings) defaults to ``LEAN_START``. Each of these processes imports
    Ray while Ray starts (CPU taken from the run), and the autoscaler's monitor holds up
    ``ray.shutdown`` for a second (it outlives SIGTERM). Yields whether the defaults
    were changed: not with a Ray whose ``RayParams`` lacks these settings, which then
    starts as usual. Joining a running instance is unaffected.
    """
    try:
        from ray._private import parameter

        original = parameter.RayParams.__init__
        known = inspect.signature(original).parameters
    except (ImportError, AttributeError, TypeError, ValueError):
        yield False
        return
    if not all(name in known for name in LEAN_START):
        yield False
        return

    @functools.wraps(original)
    def lean(self: Any, *args: Any, **kwargs: Any) -> None:
        for name, value in LEAN_START.items():
            kwargs.setdefault(name, value)
        original(self, *args, **kwargs)

    parameter.RayParams.__init__ = lean
    try:
        yield True
    finally:
        parameter.RayParams.__init__ = original


def _instance_kind(joined: bool) -> str:
    """``started`` (this run started the Ray instance), ``attached`` (to a running one), or
    ``in use`` (Ray was initialised before the run): for the run's phases."""
    if not joined:
        return "in use"
    try:
        import ray

        node = ray._private.worker._global_node  # private: only to name the phase
        return "started" if getattr(node, "ray_init_cluster", False) else "attached"
    except AttributeError:
        return "attached"


class DriverHelper(threading.Thread):
    """Cuts the files into pieces, then checks pieces in the driver while Ray starts, when
    the driver's CPU is idle.

    ``pieces`` waits for the cut (reading every line of a big file to number them:
    done while Ray starts, not before). Pieces are handed out one at a time, in order,
    to this thread and then to the actors (``take``). Once the actors exist, ``finish``
    stops the thread after the piece in hand and returns the outcomes it made, by piece.
    """

    def __init__(self, checker: CheckFiles, cut: Callable[[], list[Piece]]) -> None:
        super().__init__(name="scrapelint-ray-driver-helper", daemon=True)
        self.checker = checker
        self.cut = cut
        self.count = 0  # pieces, once cut
        self.following = 0  # the next piece to hand out
        self.outcomes: dict[int, FileOutcome] = {}
        self._lock = threading.Lock()
        self._stopped = False
        self._failure: BaseException | None = None
        self._cut_done = threading.Event()

    def pieces(self) -> list[Piece]:
        """The pieces, once this thread has cut them (its failure to cut raised here)."""
        if self.ident is None:  # not started: cut here
            self._cut_pieces()
        self._cut_done.wait()
        if self._failure is not None:
            failure, self._failure = self._failure, None
            raise failure
        return list(self.checker.pieces)

    def _cut_pieces(self) -> None:
        if self._cut_done.is_set():
            return
        try:
            pieces = self.cut()
            self.checker.pieces = pieces
            with self._lock:
                self.count = len(pieces)
            phase("pieces cut", pieces=len(pieces))
        except BaseException as exc:  # for pieces() to raise
            self._failure = exc
            raise
        finally:
            self._cut_done.set()

    def take(self) -> int | None:
        """The next piece for an actor, or None when all are handed out."""
        with self._lock:
            if self.following >= self.count:
                return None
            self.following += 1
            return self.following - 1

    def run(self) -> None:
        """Cut the pieces, then check them until stopped or none is left."""
        try:
            self._cut_pieces()
            while True:
                with self._lock:
                    if self._stopped or self.following >= self.count:
                        return
                    index = self.following
                    self.following += 1
                self.outcomes[index] = self.checker.outcome(index)
        except BaseException as exc:  # raised again in the driver's thread by finish()
            self._failure = exc

    def stop(self) -> None:
        """Take no further piece."""
        with self._lock:
            self._stopped = True

    def finish(self) -> dict[int, FileOutcome]:
        """Stop, wait for the piece in hand, and return the outcomes by piece."""
        self.stop()
        if self.ident is not None:
            self.join()
        failure, self._failure = self._failure, None
        if failure is not None:
            raise failure
        return self.outcomes


def _on_actors(
    setup: dict[str, Any], helper: DriverHelper, most: int
) -> Iterator[tuple[int, FileOutcome]]:
    """Check on Ray actors the pieces the driver's helper has not taken; outcomes in order.

    Plain Ray actors, not Ray Data: the actors read their pieces from the local files
    themselves, so nothing is read or planned on the driver, and none of Ray Data's
    own actors (statistics, autoscaling) run beside the checking ones. Each actor has
    two pieces in hand, so it never waits for the driver between them. Outcomes are
    yielded in the order of the pieces.
    """
    import ray

    left = helper.count - helper.following
    checker = ray.remote(num_cpus=1)(CheckFiles)
    pool = [checker.remote(**setup) for _ in range(min(most, max(left, 0)))]
    phase("actors asked for", actors=len(pool))
    pending: dict[Any, tuple[int, Any]] = {}

    def give(actor: Any) -> None:
        index = helper.take()
        if index is not None:
            pending[actor.piece.remote(index)] = (index, actor)

    # The driver stops checking now: its thread would hold the interpreter's lock while
    # the actors start (measured: actors starting tens of seconds late under load when
    # it went on; again 5-17 s late when it went on until an actor was ready).
    helper.stop()
    for actor in pool * 2:
        give(actor)
    waiting = dict(helper.finish())  # after the piece in hand
    phase("driver stopped checking", pieces=len(waiting), of=helper.count)
    expected = 0
    try:
        while True:
            while expected in waiting:
                yield expected, waiting.pop(expected)
                expected += 1
            if not pending:
                break
            done, _ = ray.wait(list(pending), num_returns=1)
            index, actor = pending.pop(done[0])
            waiting[index] = pickle.loads(ray.get(done[0]))
            phase("piece returned", piece=index)
            give(actor)
    finally:
        for actor in pool:
            ray.kill(actor)


def _on_dataset(setup: dict[str, Any], paths: list[str], actors: int) -> Iterator[dict[str, Any]]:
    """Ray Data reads the files (local or object-store URIs); actors check them whole."""
    try:
        import ray.data
    except ImportError:
        raise EngineUsageError(EXTRA_HINT) from None
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    ds = ray.data.read_binary_files(paths, include_paths=True, num_cpus=0.25)
    checked = ds.map_batches(
        CheckFiles,
        fn_constructor_kwargs=setup,
        batch_size=1,
        # the read tasks need CPUs too: the pool grows as they free them
        compute=ray.data.ActorPoolStrategy(min_size=1, max_size=actors),
        num_cpus=1,
    )
    return checked.iter_rows()


def _local_problem(path: Path) -> str | None:
    """Why a local file cannot be handed to Ray Data (missing, not a file, unreadable), if so."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            return "not a regular file"
        with open(path, "rb"):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def _remote_problem(uri: str) -> str | None:
    """``cannot read: ...`` when an object-store URI is missing or its store unreachable."""
    try:
        import pyarrow.fs

        fs, where = pyarrow.fs.FileSystem.from_uri(uri)
        info = fs.get_file_info(where)
    except Exception as exc:  # any failure of the store is a reason to report
        return f"cannot read: {exc}"
    if info.type == pyarrow.fs.FileType.NotFound:
        return "cannot read: no such file"
    return None


def tasks_by_index(tasks: Mapping[str, FileTask]) -> dict[int, FileTask]:
    """The file tasks by their place in the run."""
    return {t.index: t for t in tasks.values()}
