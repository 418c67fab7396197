"""Patterns compiled on first use: importing a DT module compiles no regular expression."""

from __future__ import annotations

import re

# The methods a pattern is used through: bound into the instance once compiled, so that
# later calls find them as plain attributes (no ``__getattr__`` on the hot path).
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A ``re`` pattern compiled on first use; it answers as the compiled pattern does."""

    def __init__(self, *args: object) -> None:
        self._args = args
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(*self._args)  # type: ignore[arg-type]
            for name in _METHODS:
                self.__dict__[name] = getattr(compiled, name)
        return compiled

    def __getattr__(self, name: str) -> object:
        # (only reached for an attribute not yet bound: the first use, or a rare one)
        return getattr(self.compiled, name)
