"""Local rules: a directory of rule modules in a repository, loaded without packaging.

``local-rules = ["lint_rules"]`` in the run's configuration names directories (relative
to the configuration file). Every ``*.py`` file there whose name does not start with an
underscore is imported as ``scrapelint_local.<name>``; files starting with an
underscore are helpers the others may import (``from . import _common``). A module
that implements hooks (``@hookimpl def scrapelint_rules()``) is registered as a
plugin; otherwise the ``Rule`` subclasses it defines are its rules. A module that
fails to import is reported like a broken plugin, and the others still load.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lint.config import ConfigError
from lint.hookspecs import hookimpl
from lint.rule import Rule

PACKAGE = "scrapelint_local"


class _ModuleRules:
    """A plugin for a module without hooks: the Rule subclasses it defines."""

    def __init__(self, classes: list[type[Rule]]) -> None:
        self.classes = classes

    @hookimpl
    def scrapelint_rules(self) -> list[type[Rule]]:
        """The module's rule classes."""
        return list(self.classes)


def _package(directories: Sequence[Path]) -> types.ModuleType:
    package = sys.modules.get(PACKAGE)
    if package is None:
        package = types.ModuleType(PACKAGE, "Local rule modules (lint.local_rules).")
        package.__path__ = []  # type: ignore[attr-defined]
        sys.modules[PACKAGE] = package
    for d in directories:
        if str(d) not in package.__path__:
            package.__path__.append(str(d))
    return package


def _has_hooks(module: types.ModuleType) -> bool:
    return any(
        name.startswith("scrapelint_") and hasattr(getattr(module, name), "scrapelint_impl")
        for name in dir(module)
    )


def register_local_rules(plugins: Any, directories: Sequence[Path], where: str) -> None:
    """Import the rule modules of ``directories`` and register them with ``plugins``."""
    from lint.plugins import PluginFailure

    modules: dict[str, Path] = {}
    for directory in directories:
        if not directory.is_dir():
            raise ConfigError(f"{where}: `local-rules`: {directory} is not a directory")
        for path in sorted(directory.glob("*.py")):
            if path.name.startswith("_"):
                continue
            if path.stem in modules:
                raise ConfigError(
                    f"{where}: `local-rules`: two modules named {path.stem}:"
                    f" {modules[path.stem]} and {path}"
                )
            modules[path.stem] = path
    _package(directories)
    for stem, path in modules.items():
        label = f"local-rules {path}"
        try:
            module = importlib.import_module(f"{PACKAGE}.{stem}")
        except Exception as exc:  # a broken module must not take the run down
            plugins.failures.append(PluginFailure(label, "local", f"{type(exc).__name__}: {exc}"))
            continue
        if _has_hooks(module):
            plugins.add_plugin(module, label, "")
            continue
        classes = [
            obj
            for obj in vars(module).values()
            if isinstance(obj, type)
            and issubclass(obj, Rule)
            and obj.__module__ == module.__name__
            and not obj.__name__.startswith("_")
        ]
        plugins.add_plugin(_ModuleRules(classes), label, "")
