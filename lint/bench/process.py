"""Whole-process runs of ``scrapelint check`` on a large JSONL corpus (issue 8's targets).

A JSONL file of about ``--size-mb`` is written by repeating the benchmark corpus
(one record per document, ``{"id", "text"}``, shuffled once with a fixed seed).
Each run is a fresh ``python lint/bench/child.py`` wrapper around ``scrapelint
check --isolated --exit-zero --output-format jsonl --output-file OUT --jobs J
FILE``, which reports the wall time, CPU time and peak memory of that run alone
(see ``lint.bench.child``). OUT is a file, not ``/dev/null``: its findings are
counted (none at all means the records were not read), searched for engine errors
(SL codes) and compared between runs (``--jobs 2`` must write what ``--jobs 1``
writes).

``--engine ray`` runs print their phases (``SCRAPELINT_RAY_PHASES``), which are kept
with the run. A run attached to a running local Ray instance uses one that
``running_ray`` starts beforehand with ``ray start --block`` (its start time is
measured apart, not in the run's).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lint.bench import child
from lint.bench.corpus import BenchDocument
from lint.integrations.ray_engine import PHASE_PREFIX, PHASES_ENV

# Ray instances: started by the run itself, or attached to (one ``running_ray`` started)
STARTED, ATTACHED = "started", "attached"
INSTANCE_LABELS = {
    STARTED: "Ray started by the run",
    ATTACHED: "attached to a running local instance",
}
# the bench's own instance and its clients: no token authentication (a local instance)
RAY_ENV = {"RAY_AUTH_MODE": "disabled"}


@dataclass(frozen=True)
class JsonlCorpus:
    """The JSONL file written for process runs: records, file bytes and text bytes."""

    path: Path
    records: int
    file_bytes: int
    text_bytes: int


def write_jsonl(
    documents: Sequence[BenchDocument], path: Path, size: int, seed: int = 0
) -> JsonlCorpus:
    """Write records of ``documents``, repeated, until the file has ``size`` bytes.

    The documents are shuffled once (with a fixed ``seed``) so that any prefix, and
    so any ``size``, mixes clean records and dirty pages as the whole corpus does.
    """
    if not documents:
        raise ValueError("no documents to write")
    order = list(documents)
    random.Random(seed).shuffle(order)
    records = file_bytes = text_bytes = 0
    with path.open("wb") as out:
        copy = 0
        while file_bytes < size:
            for doc in order:
                record = {"id": f"{doc.label}#{copy}", "text": doc.text}
                line = json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"
                out.write(line)
                records += 1
                file_bytes += len(line)
                text_bytes += doc.nbytes
                if file_bytes >= size:
                    break
            copy += 1
    return JsonlCorpus(path, records, file_bytes, text_bytes)


def scrapelint_command() -> list[str]:
    """The ``scrapelint`` console script of this interpreter's environment, else ``-m lint``."""
    beside = Path(sys.executable).with_name("scrapelint")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("scrapelint")
    return [found] if found else [sys.executable, "-m", "lint"]


def diagnose(rc: int, stderr: str, stdout: str = "") -> str | None:
    """Why a run failed, in one line (``None`` when it succeeded).

    ``--exit-zero`` makes findings exit 0, so any other code is a problem: a usage
    error (an option that does not exist yet) is named as such, otherwise the last
    line of standard error (a traceback's exception), else of standard output.
    """
    if rc == 0:
        return None
    unknown = re.search(r"unrecognized arguments: (.*)", stderr)
    if rc == 2 and unknown:
        return f"usage error: scrapelint check does not accept {unknown.group(1).strip()} yet"
    lines = [ln for ln in stderr.strip().splitlines() if ln.strip()]
    lines = lines or [ln for ln in stdout.strip().splitlines() if ln.strip()]
    last = lines[-1].strip() if lines else "(no message)"
    kind = "crashed" if "Traceback" in stderr else f"exit {rc}"
    return f"{kind}: {last}"[:200]


def findings_part(report: bytes) -> bytes:
    """A jsonl report file without its closing run record (its times differ run to run)."""
    last = report.rfind(b"\n", 0, len(report) - 1) + 1
    return report[:last] if report.startswith(b'{"scrapelint_run"', last) else report


def engine_codes(findings: bytes) -> dict[str, int]:
    """How many findings of each engine code (SL…) a JSONL report holds."""
    counts: dict[str, int] = {}
    for line in findings.splitlines():
        if b'"SL' not in line:
            continue
        try:
            code = json.loads(line).get("code", "")
        except (ValueError, AttributeError):
            continue
        if isinstance(code, str) and code.startswith("SL"):
            counts[code] = counts.get(code, 0) + 1
    return dict(sorted(counts.items()))


@dataclass
class ProcessRun:
    """One whole-process run: its label, exit, wall time, memory and output."""

    label: str
    jobs: int | None
    rc: int
    wall: float
    cpu: float  # user + system seconds of the whole process tree
    maxrss_kb: int
    tree_peak_kb: int
    findings: int | None
    output_digest: str | None
    problem: str | None
    file_bytes: int
    load: float = 0.0  # 1-minute load average of the machine when the run started
    engine: str | None = None  # --engine (None: the local runner)
    instance: str | None = None  # with Ray: STARTED or ATTACHED
    instance_start: float | None = None  # seconds the attached instance took to start
    phases: dict[str, float] = field(default_factory=dict)  # name: seconds from the start
    phase_notes: dict[str, str] = field(default_factory=dict)  # name: what it said

    @property
    def mb_per_s(self) -> float:
        """Megabytes of the JSONL file per wall second."""
        return self.file_bytes / 1e6 / max(self.wall, 1e-9)


def run_measured(
    cmd: Sequence[str], workdir: Path, env: Mapping[str, str] | None = None
) -> tuple[dict, str, str]:
    """Run ``cmd`` in a fresh measuring wrapper (with ``env``, else this environment);
    return its measurements, stderr and stdout."""
    # run as a script: the wrapper imports nothing but the standard library
    wrapper = [sys.executable, child.__file__, str(workdir), "--", *cmd]
    done = subprocess.run(
        wrapper, capture_output=True, text=True, cwd=workdir, check=False, env=env
    )
    if done.returncode != 0:
        raise RuntimeError(f"measuring wrapper failed: {done.stderr.strip()}")
    stats = json.loads(done.stdout)

    def log(name: str) -> str:
        return (workdir / name).read_text(encoding="utf-8", errors="replace")

    return stats, log("stderr.txt"), log("stdout.txt")


def check_command(
    corpus_path: Path,
    out: Path,
    jobs: int | None,
    engine: str | None = None,
    base: Sequence[str] | None = None,
) -> list[str]:
    """The ``scrapelint check`` command line a process run times."""
    cmd = [*(base or scrapelint_command()), "check", "--isolated", "--exit-zero"]
    cmd += ["--output-format", "jsonl", "--output-file", str(out)]
    if engine is not None:
        cmd += ["--engine", engine]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    cmd.append(str(corpus_path))
    return cmd


def run_check(
    corpus: JsonlCorpus,
    jobs: int | None,
    workdir: Path,
    base: Sequence[str] | None = None,
    engine: str | None = None,
    ray: RayInstance | None = None,
) -> ProcessRun:
    """Run ``scrapelint check`` on the corpus with ``--jobs`` (none when ``jobs`` is None)
    and ``--engine`` (the local runner when ``engine`` is None).

    With ``--engine ray``, the run starts its own Ray instance, or with ``ray`` attaches
    to that running one; its phases are kept, and a run that did otherwise than asked
    (attached to some other running instance instead of starting one) is a problem.
    """
    instance = (ATTACHED if ray is not None else STARTED) if engine == "ray" else None
    name = f"jobs{jobs if jobs is not None else 'none'}" + (f"-{engine}" if engine else "")
    name += f"-{instance}" if instance else ""
    out = workdir / f"findings-{name}.jsonl"
    out.unlink(missing_ok=True)
    cmd = check_command(corpus.path, out, jobs, engine, base)
    env = None
    if instance is not None:
        env = {k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"}
        env[PHASES_ENV] = "1"
        if ray is not None:
            env.update(RAY_ENV, RAY_ADDRESS=ray.address)
    load = load_average()
    stats, stderr, stdout = run_measured(cmd, workdir, env)
    problem = diagnose(stats["rc"], stderr, stdout)
    phases, notes = ray_phases(stderr, stats.get("started_at", 0.0))
    findings = digest = None
    if out.exists():
        data = findings_part(out.read_bytes())
        findings = data.count(b"\n")
        digest = hashlib.sha256(data).hexdigest()
        errors = engine_codes(data)
        if errors:
            listed = ", ".join(f"{n} {code}" for code, n in errors.items())
            problem = f"exit {stats['rc']}: engine errors in the findings ({listed})"
        elif problem is None and findings == 0:
            problem = "no findings at all: was the .jsonl read? (dirty pages should fire)"
    elif problem is None:
        problem = "no output file written"
    label = f"--jobs {jobs}" if jobs is not None else "no --jobs option"
    if engine is not None:
        label = f"--engine {engine} {label}"
    if instance is not None:
        label += f", {instance}"
        said = notes.get("ray ready", "")
        if problem is None and said != f"instance {instance}":
            problem = f"asked for Ray {instance}, the run said: {said or 'nothing'}"
    return ProcessRun(
        label,
        jobs,
        stats["rc"],
        stats["wall"],
        stats["cpu"],
        stats["maxrss_kb"],
        stats["tree_peak_kb"],
        findings,
        digest,
        problem,
        corpus.file_bytes,
        load,
        engine,
        instance,
        ray.start_seconds if ray is not None else None,
        phases,
        notes,
    )


def ray_phases(stderr: str, started_at: float) -> tuple[dict[str, float], dict[str, str]]:
    """The phases an ``--engine ray`` run printed on stderr: seconds from the start of its
    process, by name, and what some of them said (the instance, pieces checked by the driver).

    Of the pieces returned, the first and the last are kept.
    """
    phases: dict[str, float] = {}
    notes: dict[str, str] = {}
    for line in stderr.splitlines():
        if not line.startswith(PHASE_PREFIX):
            continue
        try:
            record = json.loads(line[len(PHASE_PREFIX) :])
            name, at = record.pop("phase"), float(record.pop("time"))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
        seconds = round(at - started_at, 3)
        if name == "piece returned":
            phases.setdefault("first piece returned", seconds)
            phases["last piece returned"] = seconds
            continue
        phases.setdefault(name, seconds)
        if "instance" in record:
            notes[name] = f"instance {record['instance']}"
        elif "of" in record:
            notes[name] = f"{record.get('pieces', '?')} of {record['of']} pieces"
        elif "pieces" in record:
            notes[name] = f"{record['pieces']} pieces"
    return phases, notes


@dataclass(frozen=True)
class RayInstance:
    """A local Ray instance started for the bench: its address and how long it took to start."""

    address: str
    start_seconds: float


def ray_command() -> list[str]:
    """The ``ray`` console script of this interpreter's environment."""
    beside = Path(sys.executable).with_name("ray")
    if beside.exists():
        return [str(beside)]
    return [shutil.which("ray") or "ray"]


@contextlib.contextmanager
def running_ray(cpus: int = 2, timeout: float = 120.0) -> Iterator[RayInstance]:
    """A local Ray instance of ``cpus`` CPUs for the length of the block (``ray start --block``).

    Its own temporary directory keeps it apart: ``ray.init()`` elsewhere on the machine
    (tests, other runs) does not find and join it. Its start time is from launching
    ``ray start`` to its address being written. Stopped (SIGTERM, then SIGKILL of its
    process group) at the end.
    """
    temp = Path(tempfile.mkdtemp(prefix="slray-"))  # short: Ray's socket paths live in it
    cmd = [*ray_command(), "start", "--head", "--block", "--port", "0", "--num-cpus", str(cpus)]
    cmd += ["--include-dashboard=false", "--disable-usage-stats", "--temp-dir", str(temp)]
    env = {k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"}
    env.update(RAY_ENV)
    env.pop(PHASES_ENV, None)
    log_path = temp / "ray-start.log"
    address_file = temp / "ray_current_cluster"
    with log_path.open("wb") as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
        try:
            while not (address_file.exists() and address_file.read_text().strip()):
                if proc.poll() is not None:
                    last = log_path.read_text(errors="replace").strip().splitlines()[-1:]
                    raise RuntimeError(f"ray start failed (exit {proc.returncode}): {last}")
                if time.perf_counter() - t0 > timeout:
                    raise RuntimeError(f"ray start: no address after {timeout:g} s")
                time.sleep(0.02)
            started = time.perf_counter() - t0
            yield RayInstance(address_file.read_text().strip(), started)
        finally:
            _stop(proc)
            shutil.rmtree(temp, ignore_errors=True)


def _stop(proc: subprocess.Popen) -> None:
    """Stop ``ray start --block`` and the instance it started."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)  # it stops the processes it started
        try:
            proc.wait(timeout=30)
            return
        except subprocess.TimeoutExpired:
            pass
    with contextlib.suppress(OSError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def load_average() -> float:
    """The machine's 1-minute load average (0 where the system does not say)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return 0.0


def busy_warning(runs: Sequence[ProcessRun], cpus: int) -> str | None:
    """A warning when other work was running: wall times and speed-ups are then too low."""
    worst = max((r.load for r in runs), default=0.0)
    if worst < 0.5:
        return None
    return (
        f"warning: the machine was busy (1-minute load average up to {worst:.1f} on {cpus}"
        " CPUs before a run): wall times, MB/s and the speed-up understate; CPU s is less"
        " affected"
    )


def speedup(
    runs: Sequence[ProcessRun],
    fast: int = 2,
    slow: int = 1,
    engine: str | None = None,
    instance: str | None = None,
) -> float | None:
    """Wall-time speed-up of ``--jobs fast`` (on ``engine``, with the Ray ``instance`` when
    given) over the local ``--jobs slow`` (both must have succeeded)."""
    ok = [r for r in runs if r.problem is None]
    quick = [r for r in ok if r.jobs == fast and r.engine == engine]
    if instance is not None:
        quick = [r for r in quick if r.instance == instance]
    local = [r for r in ok if r.jobs == slow and r.engine is None]
    if not quick or not local:
        return None
    return local[0].wall / max(quick[0].wall, 1e-9)


def same_output(runs: Sequence[ProcessRun]) -> bool | None:
    """Whether every successful run wrote the same findings (``None`` with fewer than two)."""
    digests = {r.output_digest for r in runs if r.problem is None}
    ok = [r for r in runs if r.problem is None]
    return None if len(ok) < 2 else len(digests) == 1


@dataclass(frozen=True)
class Startup:
    """Start-up: best wall (and CPU) seconds of ``scrapelint check`` on one tiny file."""

    wall: float
    cpu: float
    runs: int
    problem: str | None


def startup_time(workdir: Path, repeat: int = 5, base: Sequence[str] | None = None) -> Startup:
    """Best wall and CPU time of ``scrapelint check --isolated --exit-zero`` on a one-line file."""
    tiny = workdir / "tiny.txt"
    tiny.write_text("今天天气很好。\n", encoding="utf-8")
    cmd = [*(base or scrapelint_command()), "check", "--isolated", "--exit-zero", str(tiny)]
    wall = cpu = float("inf")
    problem = None
    for _ in range(repeat):
        stats, stderr, stdout = run_measured(cmd, workdir)
        wall, cpu = min(wall, stats["wall"]), min(cpu, stats["cpu"])
        problem = diagnose(stats["rc"], stderr, stdout)
        if problem:
            break
    return Startup(wall, cpu, repeat, problem)
