"""Run one command and print its wall time and peak memory as JSON (used by ``lint.bench``).

``python lint/bench/child.py LOG_DIR -- CMD ...`` runs CMD with its standard
output and error written to LOG_DIR/stdout.txt and LOG_DIR/stderr.txt, then prints one JSON
object: ``rc``, ``wall`` (seconds), ``cpu`` (user + system seconds of CMD and every
process of its tree that was waited for), ``maxrss_kb``, ``tree_peak_kb`` and
``started_at`` (``time.time()`` just before CMD started: the origin of the run's own
timestamps, such as the phases ``--engine ray`` prints).

``maxrss_kb`` comes from ``getrusage(RUSAGE_CHILDREN)`` of this wrapper, which
waits for nothing but CMD: it is the peak resident set of the largest single
process of CMD's tree (CMD or a worker it waited for). A fresh wrapper per run
keeps one run's peak from hiding in another's (in one long-lived process,
RUSAGE_CHILDREN is a maximum over every child ever waited for).
``tree_peak_kb`` is the largest sum of the resident sets of CMD and all its
descendants, sampled from ``/proc`` every ``SAMPLE_SECONDS``, or less often when a
sample is slow (a sample takes at most a fiftieth of one CPU); 0 where ``/proc`` is
absent; a short peak between samples can be missed.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

SAMPLE_SECONDS = 0.05
SAMPLE_SHARE = 50  # the sampler waits at least this many times as long as a sample took


def _descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (Linux ``/proc/PID/task/TID/children``)."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return out


def tree_rss_kb(pid: int) -> int:
    """Sum of the resident sets (kB) of ``pid`` and its descendants; 0 without ``/proc``."""
    total = 0
    for p in _descendants(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            continue
    return total


def run(cmd: Sequence[str], log_dir: Path) -> dict[str, float | int]:
    """Run ``cmd`` and measure it (see the module docstring)."""
    peak = [0]
    done = threading.Event()
    with (log_dir / "stdout.txt").open("wb") as out, (log_dir / "stderr.txt").open("wb") as err:
        started_at = time.time()
        t0 = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err)

        def sample() -> None:
            while not done.is_set():
                started = time.perf_counter()
                peak[0] = max(peak[0], tree_rss_kb(proc.pid))
                # a big tree (Ray: many processes of many threads) makes a sample
                # costly: wait long enough that sampling takes at most 1/SAMPLE_SHARE
                # of one CPU, so that it does not slow the run it measures
                spent = time.perf_counter() - started
                done.wait(max(SAMPLE_SECONDS, spent * SAMPLE_SHARE))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        rc = proc.wait()  # blocking: the wall time ends when the command does
        wall = time.perf_counter() - t0
        done.set()
        sampler.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    maxrss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return {
        "rc": rc,
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "maxrss_kb": maxrss,
        "tree_peak_kb": peak[0],
        "started_at": started_at,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: ``LOG_DIR -- CMD ...``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 3 or args[1] != "--":
        print("usage: python child.py LOG_DIR -- CMD ...", file=sys.stderr)
        return 2
    print(json.dumps(run(args[2:], Path(args[0]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
