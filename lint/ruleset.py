"""Rule sets: the configured rule instances that apply to a file, built once per config."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lint.config import Config, ConfigError, resolve
from lint.diagnostic import Severity
from lint.rule import OptionError, Rule
from lint.selection import Selection, SelectorError, specificity, validate_selectors

if TYPE_CHECKING:  # imported when a configuration has per-file ignores
    import pathspec


@dataclass(frozen=True)
class CliSelection:
    """Selectors given on the command line; they apply on top of every config file."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    unfixable: tuple[str, ...] = ()
    extend_fixable: tuple[str, ...] = ()


@dataclass
class RuleSet:
    """The rules one config selects, with its per-file ignores."""

    config: Config
    rules: list[Rule]
    per_file_ignores: list[tuple[pathspec.PathSpec, tuple[str, ...]]]
    unfixable: frozenset[str] = frozenset()  # selected rules whose fixes are never applied

    def for_path(self, path: Path | None) -> list[Rule]:
        """The rules that apply to ``path`` once per-file ignores are taken out."""
        if path is None or not self.per_file_ignores:
            return self.rules
        try:
            rel = resolve(path).relative_to(self.config.root).as_posix()
        except ValueError:
            rel = path.as_posix()
        ignored: list[str] = []
        for spec, selectors in self.per_file_ignores:
            if spec.match_file(rel):
                ignored.extend(selectors)
        if not ignored:
            return self.rules
        return [r for r in self.rules if max(specificity(s, type(r)) for s in ignored) < 0]


def _resolve_rule_key(key: str, rules: Mapping[str, type[Rule]]) -> type[Rule] | None:
    if key in rules:
        return rules[key]
    for cls in rules.values():
        if cls.name == key:
            return cls
    return None


def _shared_options(
    options: Mapping[str, Mapping], rules: Mapping[str, type[Rule]], where: str
) -> dict[tuple[str, str], object]:
    """Values of shared options by (family, option name), from whichever rule set them."""
    shared: dict[tuple[str, str], object] = {}
    setter: dict[tuple[str, str], str] = {}
    for code, values in options.items():
        cls = rules[code]
        for opt in cls.options:
            if not opt.shared or opt.name not in values:
                continue
            key = (cls.family, opt.name)
            try:
                value = opt.validate(values[opt.name])
            except OptionError as exc:
                raise ConfigError(f"{where}: `rules.{code}`: {exc}") from None
            if key in shared and shared[key] != value:
                raise ConfigError(
                    f"{where}: `rules.{code}.{opt.name}`: this option is shared by the"
                    f" {cls.family} rules and {setter[key]} sets it to another value"
                )
            shared[key], setter[key] = value, code
    return shared


def _severity_for(cls: type[Rule], table: Mapping[str, Severity]) -> Severity | None:
    """The level the severity table gives a rule: the most specific key wins (as selectors)."""
    best, level = -1, None
    for key, value in table.items():
        rank = specificity(key, cls)
        if rank >= 0 and rank >= best:  # equally specific: the later key wins
            best, level = rank, value
    return level


def build_ruleset(
    config: Config, rules: Mapping[str, type[Rule]], cli: CliSelection | None = None
) -> RuleSet:
    """Select and instantiate rules for one config; raise ConfigError naming file and key."""
    cli = cli or CliSelection()
    where = config.label
    try:
        for name, sels in (
            ("select", config.select or ()),
            ("extend-select", config.extend_select),
            ("ignore", config.ignore),
        ):
            validate_selectors(sels, rules, f"{where} `{name}`")
        for glob, sels in config.per_file_ignores.items():
            validate_selectors(sels, rules, f"{where} `per-file-ignores.{glob}`")
        for name, sels in (
            ("fixable", config.fixable or ()),
            ("unfixable", config.unfixable),
            ("extend-fixable", config.extend_fixable),
        ):
            validate_selectors(sels, rules, f"{where} `{name}`")
        for code in config.severity:
            if _resolve_rule_key(code, rules) is None:
                validate_selectors([code], rules, f"{where} `severity`")
    except SelectorError as exc:
        raise ConfigError(str(exc)) from None

    selection = Selection(
        select=cli.select if cli.select is not None else config.select,
        extend_select=(*config.extend_select, *cli.extend_select),
        ignore=(*config.ignore, *cli.ignore),
    )
    options: dict[str, Mapping] = {}
    for key, values in config.rules.items():
        cls = _resolve_rule_key(key, rules)
        if cls is None:
            raise ConfigError(f"{where}: `rules.{key}`: no rule has this code or name")
        options[cls.code] = {**options.get(cls.code, {}), **values}

    shared = _shared_options(options, rules, where)
    instances = []
    for code in selection.resolve(rules):
        cls = rules[code]
        own = options.get(code, {})
        given = {
            o.name: shared[(cls.family, o.name)]
            for o in cls.options
            if o.shared and (cls.family, o.name) in shared and o.name not in own
        }
        given.update(own)
        severity = _severity_for(cls, config.severity)
        try:
            instances.append(cls(given, severity))
        except OptionError as exc:
            raise ConfigError(f"{where}: `rules.{code}`: {exc}") from None
    # Options for rules that are not selected are still validated.
    for code, values in options.items():
        if code not in {r.code for r in instances}:
            try:
                rules[code].resolve_settings(values)
            except OptionError as exc:
                raise ConfigError(f"{where}: `rules.{code}`: {exc}") from None
    pfi = []
    if config.per_file_ignores:
        import pathspec

        pfi = [
            (pathspec.GitIgnoreSpec.from_lines([glob]), tuple(sels))
            for glob, sels in config.per_file_ignores.items()
        ]
    fixable = Selection(
        select=config.fixable if config.fixable is not None else ("ALL",),
        extend_select=(*config.extend_fixable, *cli.extend_fixable),
        ignore=(*config.unfixable, *cli.unfixable),
    ).resolve(rules)
    unfixable = frozenset(r.code for r in instances) - set(fixable)
    return RuleSet(config, instances, pfi, unfixable)


class RuleSets:
    """The rule set of each configuration of a run, built once (configurations by identity).

    ``ConfigFinder`` hands out one ``Config`` object per configuration file, so a
    run builds and sets up each configuration's rules once, however many files use
    it. A worker process keeps its own (rules cross to it pickled).
    """

    def __init__(self, rules: Mapping[str, type[Rule]], cli: CliSelection | None = None) -> None:
        self.rules = rules
        self.cli = cli or CliSelection()
        self._built: dict[int, tuple[Config, RuleSet]] = {}

    def for_config(self, config: Config) -> RuleSet:
        """The rule set of ``config``; raise ConfigError naming file and key."""
        found = self._built.get(id(config))
        if found is not None and found[0] is config:
            return found[1]
        ruleset = build_ruleset(config, self.rules, self.cli)
        self._built[id(config)] = (config, ruleset)  # the config is kept: its id stays its own
        return ruleset
