"""Patterns compiled on first use: importing a DT module compiles no regular expression."""

from __future__ import annotations

import re


class LazyPattern:
    """A ``re`` pattern compiled on first use; it answers as the compiled pattern does."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, *args: object) -> None:
        self._args = args
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(*self._args)  # type: ignore[arg-type]
        return compiled

    def __getattr__(self, name: str) -> object:
        return getattr(self.compiled, name)
