"""The plugin manager: load entry points one by one, collect rules, readers and formats."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pluggy

from lint import hookspecs
from lint.hookspecs import PROJECT
from lint.rule import Rule, check_rule_class

if TYPE_CHECKING:
    import importlib.metadata as md

ENTRY_POINT_GROUP = PROJECT
# Parts of the engine that are themselves plugins (they implement hooks like any other).
INTERNAL_PLUGINS = ("lint.readers", "lint.output")
# What a plugin's ``scrapelint_default_config`` may set (the user's config applies on top).
DEFAULT_CONFIG_KEYS = ("rules", "extend-select", "ignore", "severity")


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
        """Call a hook through pluggy once per implementing plugin, so one failure spares the rest.

        Each plugin's implementation runs through a subset hook caller holding that
        plugin alone among the implementers, so pluggy's ordering (``tryfirst``,
        ``trylast``) and the wrappers of plugins that only wrap the hook apply as usual.
        Results come in the order of ``get_hookimpls()``: registration order, adjusted by
        ``tryfirst``/``trylast`` (pluggy calls them from the last to the first).
        """
        results = []
        impls = [
            impl
            for impl in getattr(self.pm.hook, hook).get_hookimpls()
            if not (impl.hookwrapper or impl.wrapper)
        ]
        for impl in impls:
            name, version = self._label(impl.plugin)
            others = [other.plugin for other in impls if other.plugin is not impl.plugin]
            caller = self.pm.subset_hook_caller(hook, others)
            try:
                values = caller()
            except Exception as exc:  # a broken plugin must not take the run down
                self.failures.append(
                    PluginFailure(name, version, f"{hook}() raised {type(exc).__name__}: {exc}")
                )
                continue
            results.extend((name, value) for value in values if value is not None)
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
                        problems = [
                            f"rule code {cls.code} is already provided by {other}"
                            f" ({self.versions.get(other, 'unknown version')});"
                            f" {plugin} ({version}) cannot provide it too"
                        ]
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

    def add_plugin(self, obj: object, name: str, version: str) -> None:
        """Register one more plugin after loading (declared and local rules of a config)."""
        if self.pm.has_plugin(name):  # the same configuration read again: replace it
            self.pm.unregister(name=name)
        self.pm.register(obj, name=name)
        self.versions[name] = version
        self._rules = None  # collect the rules again, with this plugin's
        self._rule_plugins.clear()
        _drop_unknown_hooks(self)

    def provided(self) -> dict[str, dict[str, list[str]]]:
        """What each registered plugin provides: rule codes, format names, reader names."""
        out: dict[str, dict[str, list[str]]] = {
            name: {"rules": [], "formats": [], "readers": []}
            for name, _ in self.pm.list_name_plugin()
        }
        for code in self.rules():
            out.setdefault(self._rule_plugins[code], {"rules": [], "formats": [], "readers": []})
            out[self._rule_plugins[code]]["rules"].append(code)
        for plugin, value in self._call("scrapelint_output_formats"):
            if isinstance(value, Mapping):
                out[plugin]["formats"] += sorted(str(k) for k in value)
        for plugin, value in self._call("scrapelint_readers"):
            if _is_sequence(value):
                out[plugin]["readers"] += [str(getattr(r, "name", r)) for r in value]
        return out

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
        """Each plugin's default configuration, with the plugin's name, validated.

        A plugin may set its rules' options (``rules``), add rules to the selection
        (``extend-select``), leave some out (``ignore``) and set ``severity``; the
        user's configuration applies on top. A table with other keys, unknown rules or
        values of the wrong type is recorded as a failure and not applied.
        """
        from lint.config import ConfigError, parse_table

        out = []
        for plugin, provided in self._call("scrapelint_default_config"):
            if not isinstance(provided, Mapping):
                self._bad(plugin, "scrapelint_default_config", provided, "a table")
                continue
            version = self.versions.get(plugin, "unknown version")
            problem = self._default_config_problem(provided)
            if problem is None:
                try:
                    parse_table(provided, where="default configuration")
                except ConfigError as exc:
                    problem = str(exc)
            if problem is not None:
                self.failures.append(
                    PluginFailure(plugin, version, f"scrapelint_default_config(): {problem}")
                )
                continue
            out.append((plugin, provided))
        return out

    def _default_config_problem(self, table: Mapping[str, Any]) -> str | None:
        extra = sorted(set(table) - set(DEFAULT_CONFIG_KEYS))
        if extra:
            allowed = ", ".join(DEFAULT_CONFIG_KEYS)
            return f"key `{extra[0]}` cannot be set by a plugin (allowed: {allowed})"
        rules = self.rules()
        names = {cls.name for cls in rules.values()}
        options = table.get("rules", {})
        if isinstance(options, Mapping):
            for key in options:
                if key not in rules and key not in names:
                    return f"`rules.{key}`: no rule has this code or name"
        return None


def _is_sequence(value: Any) -> bool:
    return isinstance(value, list | tuple)


def _entry_points() -> Iterable[Any]:
    """The group's entry points: a scan of sys.path, or importlib.metadata where it cannot."""
    from lint.entry_points import find_entry_points

    found = find_entry_points(ENTRY_POINT_GROUP)
    if found is not None:
        return found
    import importlib.metadata as md

    return md.entry_points(group=ENTRY_POINT_GROUP)


def _dist_version(ep: Any) -> str:
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
        claimed: dict[str, str] = {}  # entry-point name -> the distribution that has it
        for ep in sorted(entry_points(), key=lambda e: (e.name, _dist_version(e), e.value)):
            version = _dist_version(ep)
            first = claimed.get(ep.name) or (
                f"scrapelint {__version__}" if pm.has_plugin(ep.name) else None
            )
            if first is not None:
                plugins.failures.append(
                    PluginFailure(
                        ep.name,
                        version,
                        f"entry point name {ep.name!r} ({ep.value}) is also used by {first};"
                        f" only the one from {first} was loaded: rename one of them",
                    )
                )
                continue
            claimed[ep.name] = version
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
