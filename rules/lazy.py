"""Patterns compiled on first use, so that importing a rule module compiles nothing."""

from __future__ import annotations

from types import ModuleType
from typing import Any

# the methods a compiled pattern offers; after the first use each is a plain attribute
_METHODS = ("search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split")


class LazyPattern:
    """A ``re`` or ``regex`` pattern compiled the first time one of its methods is used.

    ``LazyPattern(regex, r"\\d+")`` stands for ``regex.compile(r"\\d+")``. The first
    attribute asked for compiles the pattern and stores its bound methods on this
    object: later calls cost what calls on the compiled pattern cost.
    """

    def __init__(self, module: ModuleType, source: str, flags: int = 0) -> None:
        self._module = module
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # not a pattern attribute (copy, pickle): no compiling
            raise AttributeError(name)
        compiled = self._module.compile(self._source, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.pattern = compiled.pattern
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._module.__name__}, {self._source!r})"
