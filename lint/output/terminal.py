"""Terminals: whether to colour, and consoles that end quietly when the reader goes away.

Colour follows the usual conventions: ``--color always/never`` first, then
``NO_COLOR`` (set and not empty: no colour), ``FORCE_COLOR`` (set and not empty, not
``0``/``false``: colour even when piped), then ``TERM=dumb`` (no colour), then whether
the stream is a terminal.
"""

from __future__ import annotations

import functools
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # rich is imported only when a console is made
    from rich.console import Console


def is_terminal(stream: Any) -> bool:
    """Whether ``stream`` is a terminal (False for anything without ``isatty``)."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def terminal_columns(fallback: int = 80) -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it, without importing shutil.

    ``COLUMNS`` when set to a positive number, else the width of the terminal on
    standard output, else ``fallback``.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or fallback


def color_wanted(choice: str, stream: Any, environ: Any = None) -> bool:
    """Whether to colour output on ``stream`` for ``--color`` ``choice`` (auto/always/never)."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR", ""):
        return False
    force = env.get("FORCE_COLOR", "")
    if force:
        return force.strip().lower() not in ("0", "false", "no")
    if env.get("TERM", "") == "dumb":
        return False
    return is_terminal(stream)


@functools.cache
def _console_class() -> type[Console]:
    from rich.console import Console

    class PipeConsole(Console):
        """A rich console whose closed pipe is a ``BrokenPipeError``, not ``SystemExit(1)``."""

        def on_broken_pipe(self) -> None:
            """Stop writing and let the command end quietly."""
            self.quiet = True
            raise BrokenPipeError(32, "the reader of the output went away")

    return PipeConsole


def console(**kwargs: Any) -> Console:
    """A rich ``Console`` (same arguments) that raises ``BrokenPipeError`` on a closed pipe."""
    return _console_class()(**kwargs)
