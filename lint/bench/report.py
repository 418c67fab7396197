"""Plain aligned text tables (for pasting into the README) and the run's header lines."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lint.bench.corpus import REPO
from lint.bench.furniture import PageResult
from lint.bench.patho import MAX_GROWTH, MAX_SECONDS_PER_MB, PathoRow
from lint.bench.process import (
    INSTANCE_LABELS,
    ProcessRun,
    Startup,
    busy_warning,
    load_average,
    same_output,
    speedup,
)
from lint.bench.recall import KindResult
from lint.bench.timing import CorpusTiming

# issue 10's targets for all default rules together
TARGET_MB_PER_S = 20.0
TARGET_DOCS_PER_S = 10_000.0
TARGET_FLOOR_RATIO = 10.0


def format_table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str) -> str:
    """An aligned text table; ``align`` has one ``l`` or ``r`` per column."""
    widths = [len(h) for h in header]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        out = [
            c.ljust(w) if a == "l" else c.rjust(w)
            for c, w, a in zip(cells, widths, align, strict=True)
        ]
        return "  ".join(out).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)])


def _cpu_model() -> str:
    try:
        for text_line in Path("/proc/cpuinfo").read_text().splitlines():
            if text_line.startswith("model name"):
                return text_line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _commit() -> str:
    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False
        )
        return done.stdout.strip() if done.returncode == 0 else ""

    head = git("rev-parse", "--short", "HEAD")
    if not head:
        return "unknown"
    changed = git("status", "--porcelain", "--", "lint", "rules")
    return head + (" + uncommitted changes in lint/ or rules/" if changed else "")


@dataclass(frozen=True)
class Machine:
    """Where and when the benchmark ran."""

    date: str
    cpus: int
    cpu_model: str
    python: str
    system: str
    commit: str
    load: float  # 1-minute load average at the start: other work competing for the CPUs

    @classmethod
    def here(cls) -> Machine:
        """Describe this machine, now."""
        return cls(
            dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            os.cpu_count() or 0,
            _cpu_model(),
            platform.python_version(),
            f"{platform.system()} {platform.machine()}",
            _commit(),
            load_average(),
        )

    def line(self) -> str:
        """One header line."""
        return (
            f"{self.date}; {self.cpus} CPUs ({self.cpu_model}), load {self.load:.1f};"
            f" Python {self.python}, {self.system}; commit {self.commit}"
        )


def _num(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}"


def corpus_table(timing: CorpusTiming) -> str:
    """The per-rule/per-family/all/floor table with MB/s, docs/s and the floor ratio."""
    floor = timing.floor.seconds
    rows = []
    for r in timing.rows():
        rows.append(
            [
                r.label,
                f"{r.seconds:.3f}",
                _num(r.mb_per_s),
                _num(r.docs_per_s, 0),
                "-" if r.findings is None else f"{r.findings:,}",
                f"{r.seconds / max(floor, 1e-9):.1f}x",
            ]
        )
    header = ["what", "CPU s", "MB/s", "docs/s", "findings", "x floor"]
    return format_table(header, rows, "lrrrrr")


def errors_line(timing: CorpusTiming) -> str | None:
    """A warning naming the rows whose rules failed (SL findings): their times are too low."""
    failed = [f"{r.label} ({r.errors})" for r in timing.rows() if r.errors]
    if not failed:
        return None
    return "warning: engine errors (SL codes) in: " + ", ".join(failed)


def targets_line(timing: CorpusTiming) -> str:
    """Issue 10's targets for all rules together, met or not."""
    a = timing.all_rules

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    return (
        f"targets (issue 10, all rules): >= {TARGET_MB_PER_S:g} MB/s"
        f" {verdict(a.mb_per_s >= TARGET_MB_PER_S)} ({a.mb_per_s:.1f});"
        f" >= {TARGET_DOCS_PER_S:,.0f} docs/s {verdict(a.docs_per_s >= TARGET_DOCS_PER_S)}"
        f" ({a.docs_per_s:,.0f}); <= {TARGET_FLOOR_RATIO:g}x floor"
        f" {verdict(timing.ratio <= TARGET_FLOOR_RATIO)} ({timing.ratio:.1f}x)"
    )


def _size(nbytes: int) -> str:
    return f"{nbytes / 1e6:.2f} MB" if nbytes >= 1e6 else f"{nbytes / 1e3:.0f} KB"


def patho_table(rows: Sequence[PathoRow]) -> str:
    """Seconds per size, growth per doubling, seconds per MB and the flags of each input."""
    scales = max(len(r.sizes) for r in rows)
    header = ["input", "1x size"]
    header += [f"{2**i}x s" for i in range(scales)]
    header += [f"{2**i}x->{2 ** (i + 1)}x" for i in range(scales - 1)]
    header += ["per doubling", "s/MB", "flag"]
    out = []
    for r in rows:
        cells = [r.name, _size(r.sizes[0])]
        cells += ["-" if t is None else f"{t:.4f}" for t in r.seconds]
        growths = [f"{g:.2f}" for g in r.growths]
        cells += growths + ["-"] * (scales - 1 - len(growths))
        cells.append("-" if r.per_doubling is None else f"{r.per_doubling:.2f}")
        cells.append("-" if r.seconds_per_mb is None else f"{r.seconds_per_mb:.3f}")
        cells.append("; ".join(r.flags) if r.flags else "ok")
        out.append(cells)
    align = "ll" + "r" * (2 * scales - 1) + "rrl"
    return format_table(header, out, align)


def patho_summary(rows: Sequence[PathoRow]) -> str:
    """One line: how many inputs miss the targets."""
    bad = [r.name for r in rows if r.flagged]
    limits = f"growth <= {MAX_GROWTH} per doubling, <= {MAX_SECONDS_PER_MB:g} s/MB"
    if not bad:
        return f"targets (issue 10, {limits}): all {len(rows)} inputs met"
    return f"targets (issue 10, {limits}): {len(bad)} of {len(rows)} NOT met: {', '.join(bad)}"


def process_table(runs: Sequence[ProcessRun]) -> str:
    """Wall time, MB/s, peak memory and findings of each whole-process run."""
    header = ["run", "load", "wall s", "CPU s", "MB/s", "MB/CPU s", "peak RSS MB"]
    header += ["tree RSS MB", "findings", "problem"]
    rows = []
    for r in runs:
        ok = r.problem is None
        rows.append(
            [
                r.label,
                f"{r.load:.1f}",
                f"{r.wall:.2f}",
                f"{r.cpu:.2f}",
                _num(r.mb_per_s) if ok else "-",
                _num(r.file_bytes / 1e6 / max(r.cpu, 1e-9)) if ok else "-",
                _num(r.maxrss_kb / 1024),
                _num(r.tree_peak_kb / 1024),
                "-" if r.findings is None else f"{r.findings:,}",
                r.problem or "",
            ]
        )
    return format_table(header, rows, "lrrrrrrrrl")


def ray_speedup_line(runs: Sequence[ProcessRun], ray_run: ProcessRun) -> str:
    """The speed-up of one ``--engine ray --jobs 2`` run over ``--jobs 1``, against the
    target (issue 9), naming how Ray was there (started by the run, or attached)."""
    head = "speed-up --engine ray --jobs 2 over --jobs 1"
    if ray_run.instance is not None:
        head += f", {INSTANCE_LABELS.get(ray_run.instance, ray_run.instance)}"
    if ray_run.instance_start is not None:
        head += f" (its start, not counted: {ray_run.instance_start:.2f} s)"
    gain = speedup(runs, jobs_of(ray_run), engine="ray", instance=ray_run.instance)
    if ray_run.problem is not None or gain is None:
        return f"{head}: not measured (a run failed)"
    verdict = "met" if gain >= 1.5 else "NOT met"
    return f"{head}: {gain:.2f}x (target >= 1.5x: {verdict})"


def jobs_of(run: ProcessRun) -> int:
    """A run's --jobs (2 when it gave none)."""
    return run.jobs if run.jobs is not None else 2


def ray_phase_lines(runs: Sequence[ProcessRun]) -> list[str]:
    """For each Ray run, when its phases came (seconds from the start of its process)."""
    lines = []
    for r in runs:
        if r.engine != "ray" or not r.phases:
            continue
        parts = []
        for name, at in r.phases.items():
            note = r.phase_notes.get(name)
            parts.append(f"{name} {at:.2f}" + (f" ({note})" if note else ""))
        parts.append(f"process ended {r.wall:.2f}")
        lines.append(f"phases of {r.label}, s from its start: " + ", ".join(parts))
    return lines


def process_summary(runs: Sequence[ProcessRun], start: Startup) -> str:
    """Speed-up of --jobs 2 over 1, identical output, start-up, against issue 8/10 targets."""
    lines = []
    busy = busy_warning(runs, os.cpu_count() or 1)
    if busy:
        lines.append(busy)
    gain = speedup(runs)
    if gain is None:
        lines.append("speed-up --jobs 2 over --jobs 1: not measured (a run failed or is missing)")
    else:
        verdict = "met" if gain >= 1.7 else "NOT met"
        lines.append(f"speed-up --jobs 2 over --jobs 1: {gain:.2f}x (target >= 1.7x: {verdict})")
    for ray_run in (r for r in runs if r.engine == "ray"):
        lines.append(ray_speedup_line(runs, ray_run))
    lines += ray_phase_lines(runs)
    same = same_output(runs)
    if same is not None:
        lines.append(f"identical findings in every successful run: {'yes' if same else 'NO'}")
    ok = [r for r in runs if r.problem is None]
    if ok:
        peak = max(r.maxrss_kb for r in ok) / 1024
        verdict = "met" if peak < 300 else "NOT met"
        lines.append(f"largest single-process peak RSS: {peak:,.0f} MB (target < 300: {verdict})")
    if start.problem:
        lines.append(f"start-up: {start.problem}")
    else:
        verdict = "met" if start.wall < 0.25 else "NOT met"
        lines.append(
            f"start-up (scrapelint check --isolated, one tiny file, best of {start.runs}):"
            f" {start.wall:.3f} s wall (target < 0.25 s: {verdict}), {start.cpu:.3f} s CPU"
        )
    return "\n".join(lines)


def recall_table(results: Sequence[KindResult]) -> str:
    """Per kind of injected damage: injected, found (any severity; as a warning), recall."""
    rows = []
    for r in results:
        n = len(r.outcomes)
        timeline = [o for o in r.outcomes if o.timeline]
        rows.append(
            [
                r.kind.name,
                ",".join(r.kind.codes),
                f"{n:,}",
                f"{r.found:,}",
                f"{r.warned:,}",
                "-" if r.recall is None else f"{r.recall:.2f}",
                f"{r.new_elsewhere:,}",
                (
                    f"{sum(o.found for o in timeline)}/{len(timeline)}"
                    if r.kind.name == "year-rewrite"
                    else ""
                ),
            ]
        )
    header = ["damage", "rules", "injected", "found", "as warning", "recall", "new elsewhere", "*"]
    return format_table(header, rows, "llrrrrrr")


def recall_misses(results: Sequence[KindResult], count: int) -> str:
    """Up to ``count`` missed injections per kind, with the text around the damage."""
    lines = []
    for r in results:
        missed = [o for o in r.outcomes if not o.found][:count]
        if missed:
            lines.append(f"missed {r.kind.name}:")
            lines += [f"  {o.label}: {o.excerpt}" for o in missed]
    return "\n".join(lines)


def furniture_table(pages: Sequence[PageResult]) -> str:
    """Per gold page: furniture lines found and fixed, content lines flagged or deleted."""

    def share(part: int, whole: int) -> str:
        return f"{part / whole:.2f}" if whole else "-"

    rows = []
    total = [0] * 7
    for p in pages:
        values = [
            p.furniture,
            p.found,
            p.warned,
            p.fixed_away,
            p.content,
            p.false_content,
            p.content_deleted,
        ]
        total = [a + b for a, b in zip(total, values, strict=True)]
        rows.append([p.name, *(f"{v:,}" for v in values), share(p.found, p.furniture)])
    rows.append(["all pages", *(f"{v:,}" for v in total), share(total[1], total[0])])
    header = [
        "page",
        "furniture",
        "found",
        "as warning",
        "fixed",
        "content",
        "content flagged",
        "content deleted",
        "recall",
    ]
    return format_table(header, rows, "lrrrrrrrr")
