"""A progress bar for long runs, on standard error: files, records, MB, MB/s and time left.

Shown only when standard error is a terminal, ``CI`` is not set and neither
``--quiet`` nor ``--no-progress`` was given. It refreshes from the main thread as
results arrive (no background thread, so worker processes fork cleanly).
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

REFRESH_SECONDS = 0.1


def wanted(*, quiet: bool, disabled: bool, stream: Any = None) -> bool:
    """Whether to show progress: a terminal, not CI, not quiet, not disabled."""
    stream = stream if stream is not None else sys.stderr
    if quiet or disabled or os.environ.get("CI"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


class Progress:
    """Files, documents and bytes done out of the totals known at the start."""

    def __init__(self, files: int, total_bytes: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        self.console = Console(stderr=True)
        self._bar = Progress(
            TextColumn("[bold]checking"),
            BarColumn(),
            TextColumn("{task.fields[files]}/{task.fields[total_files]} files"),
            TextColumn("{task.fields[docs]:,} docs"),
            TextColumn("{task.fields[mb]:,.1f}/{task.fields[total_mb]:,.1f} MB"),
            TextColumn("{task.fields[rate]:,.1f} MB/s"),
            TimeRemainingColumn(),
            console=self.console,
            auto_refresh=False,
            transient=True,
            # findings printed on the same terminal appear above the bar; piped ones
            # must stay on standard output
            redirect_stdout=bool(getattr(sys.stdout, "isatty", lambda: False)()),
            redirect_stderr=False,
        )
        self._task = self._bar.add_task(
            "check",
            total=max(total_bytes, 1),
            files=0,
            total_files=files,
            docs=0,
            mb=0.0,
            total_mb=total_bytes / 1e6,
            rate=0.0,
        )
        self._started = time.monotonic()
        self._last = 0.0

    def __enter__(self) -> Progress:
        self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.stop()

    def update(self, files: int, consumed: int, documents: int) -> None:
        """Record how far the run is; redraw at most ten times a second."""
        now = time.monotonic()
        if now - self._last < REFRESH_SECONDS:
            return
        self._last = now
        elapsed = max(now - self._started, 1e-6)
        self._bar.update(
            self._task,
            completed=consumed,
            files=files,
            docs=documents,
            mb=consumed / 1e6,
            rate=consumed / 1e6 / elapsed,
        )
        self._bar.refresh()
