"""The plugin manager: load entry points one by one, collect rules, readers and formats."""

from __future__ import annotations

import importlib
import importlib.metadata as md
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pluggy

from lint import hookspecs
from lint.hookspecs import PROJECT
from lint.rule import Rule, check_rule_class

ENTRY_POINT_GROUP = PROJECT
# Parts of the engine that are themselves plugins (they implement hooks like any other).
INTERNAL_PLUGINS = ("lint.readers", "lint.output")


@dataclass(frozen=True, slots=True)
class PluginFailure:
    """A plugin that could not be loaded or whose hook failed; the others still run."""

    plugin: str
    version: str
    error: str

    def __str__(self) -> str:
        return f"plugin {self.plugin} ({self.version}) failed: {self.error}"


@dataclass
class Plugins:
    """A loaded plugin manager with what the plugins provide, and what failed."""

    pm: pluggy.PluginManager
    failures: list[PluginFailure] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)
    _rules: dict[str, type[Rule]] | None = None
    _rule_plugins: dict[str, str] = field(default_factory=dict)

    def _label(self, plugin: object) -> tuple[str, str]:
        name = self.pm.get_name(plugin) or repr(plugin)
        return name, self.versions.get(name, "unknown version")

    def _call(self, hook: str) -> list[tuple[str, Any]]:
        """Call one hook on each plugin separately, so one failure spares the rest."""
        results = []
        for impl in getattr(self.pm.hook, hook).get_hookimpls():  # registration order
            name, version = self._label(impl.plugin)
            try:
                value = impl.function()
            except Exception as exc:  # a broken plugin must not take the run down
                self.failures.append(
                    PluginFailure(name, version, f"{hook}() raised {type(exc).__name__}: {exc}")
                )
                continue
            if value is not None:
                results.append((name, value))
        return results

    def rules(self) -> dict[str, type[Rule]]:
        """All rule classes by code, validated; bad or duplicate rules are recorded as failures."""
        if self._rules is None:
            rules: dict[str, type[Rule]] = {}
            names: dict[str, str] = {}
            for plugin, provided in self._call("scrapelint_rules"):
                version = self.versions.get(plugin, "unknown version")
                if not _is_sequence(provided):
                    self.failures.append(
                        PluginFailure(
                            plugin,
                            version,
                            f"scrapelint_rules() returned {type(provided).__name__}"
                            f" {provided!r:.60}, not a list of rule classes",
                        )
                    )
                    continue
                for cls in provided:
                    problems = (
                        check_rule_class(cls)
                        if isinstance(cls, type) and issubclass(cls, Rule)
                        else [f"{cls!r} is not a subclass of lint.Rule"]
                    )
                    if not problems and cls.code in rules:
                        other = self._rule_plugins[cls.code]
                        problems = [f"rule code {cls.code} is already provided by {other}"]
                    if not problems and cls.name in names:
                        problems = [f"rule name {cls.name} is already used by {names[cls.name]}"]
                    if problems:
                        label = getattr(cls, "__qualname__", repr(cls))
                        self.failures.append(
                            PluginFailure(plugin, version, f"rule {label}: {'; '.join(problems)}")
                        )
                        continue
                    rules[cls.code] = cls
                    names[cls.name] = cls.code
                    self._rule_plugins[cls.code] = plugin
            self._rules = dict(sorted(rules.items()))
        return self._rules

    def rule_plugin(self, code: str) -> str:
        """The name and version of the plugin that provides a rule."""
        self.rules()
        name = self._rule_plugins.get(code, "?")
        return f"{name} {self.versions.get(name, '')}".strip()

    def output_formats(self) -> dict[str, Any]:
        """Output format classes by name."""
        from lint.output.base import OutputFormat

        formats: dict[str, Any] = {}
        for plugin, provided in self._call("scrapelint_output_formats"):
            good = isinstance(provided, Mapping) and all(
                isinstance(k, str) and isinstance(v, type) and issubclass(v, OutputFormat)
                for k, v in provided.items()
            )
            if not good:
                self._bad(plugin, "scrapelint_output_formats", provided, "a dict of formats")
                continue
            formats.update(provided)
        return formats

    def readers(self) -> list[Any]:
        """Document readers, later plugins first so they can take over a suffix."""
        from lint.readers.base import Reader

        out: list[Any] = []
        for plugin, provided in reversed(self._call("scrapelint_readers")):
            if not _is_sequence(provided) or not all(isinstance(r, Reader) for r in provided):
                self._bad(plugin, "scrapelint_readers", provided, "a list of Reader instances")
                continue
            out.extend(provided)
        return out

    def _bad(self, plugin: str, hook: str, value: Any, expected: str) -> None:
        version = self.versions.get(plugin, "unknown version")
        message = f"{hook}() returned {type(value).__name__} {value!r:.60}, not {expected}"
        self.failures.append(PluginFailure(plugin, version, message))

    def default_config(self) -> list[tuple[str, Mapping[str, Any]]]:
        """Each plugin's default configuration, with the plugin's name."""
        out = []
        for plugin, provided in self._call("scrapelint_default_config"):
            if not isinstance(provided, Mapping):
                self._bad(plugin, "scrapelint_default_config", provided, "a table")
                continue
            out.append((plugin, provided))
        return out


def _is_sequence(value: Any) -> bool:
    return isinstance(value, list | tuple)


def _entry_points() -> Iterable[md.EntryPoint]:
    return md.entry_points(group=ENTRY_POINT_GROUP)


def _dist_version(ep: md.EntryPoint) -> str:
    dist = getattr(ep, "dist", None)
    if dist is None:
        return "unknown version"
    return f"{dist.metadata['Name']} {dist.version}"


def load_plugins(
    extra: Iterable[object] = (),
    *,
    entry_points: Callable[[], Iterable[md.EntryPoint]] | None = _entry_points,
) -> Plugins:
    """Build the plugin manager: hook specs, internal plugins, entry points, then ``extra``.

    Each entry point is loaded on its own; one that fails to import is recorded with
    its name and version and the others still load.
    """
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    plugins = Plugins(pm)
    from lint import __version__

    for modname in INTERNAL_PLUGINS:
        pm.register(importlib.import_module(modname), name=modname)
        plugins.versions[modname] = f"scrapelint {__version__}"
    if entry_points is not None:
        for ep in sorted(entry_points(), key=lambda e: e.name):
            version = _dist_version(ep)
            if pm.has_plugin(ep.name):
                continue
            try:
                obj = ep.load()
                pm.register(obj, name=ep.name)
            except Exception as exc:
                plugins.failures.append(
                    PluginFailure(ep.name, version, f"{type(exc).__name__}: {exc}")
                )
                continue
            plugins.versions[ep.name] = version
    for obj in extra:
        name = getattr(obj, "__name__", None) or type(obj).__name__
        pm.register(obj, name=name)
        plugins.versions.setdefault(name, "registered in-process")
    _drop_unknown_hooks(plugins)
    return plugins


def _drop_unknown_hooks(plugins: Plugins) -> None:
    """Unregister plugins that implement hooks nobody specified (a typo), recording why."""
    pm = plugins.pm
    while True:
        try:
            pm.check_pending()
            return
        except pluggy.PluginValidationError as exc:
            name, version = plugins._label(exc.plugin)
            plugins.failures.append(PluginFailure(name, version, str(exc)))
            pm.unregister(exc.plugin)
