"""``check --show-settings PATH``: which configuration applies to a path, with its values.

Printed as ``key = value`` lines (values in JSON, which TOML reads too for strings,
numbers, lists and booleans), then every selected rule with its level and options.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from lint.config import Config
from lint.output.printable import printable
from lint.ruleset import RuleSet


def _value(value: Any) -> str:
    if isinstance(value, tuple):
        value = list(value)
    elif isinstance(value, dict):
        value = {k: list(v) if isinstance(v, tuple) else _plain(v) for k, v in value.items()}
    return json.dumps(_plain(value), ensure_ascii=False)


def _plain(value: Any) -> Any:
    label = getattr(value, "label", None)  # a Severity
    if isinstance(label, str):
        return label
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def settings_lines(
    path: Path, config: Config, ruleset: RuleSet, *, fail_on: str | None = None
) -> list[str]:
    """The lines ``--show-settings`` prints for ``path``."""
    lines = [
        f"Settings for {printable(str(path))}",
        f"configuration = {_value(config.label)}",
        f"root = {_value(str(config.root))}",
        "select = "
        + (_value(config.select) if config.select is not None else "(the rules on by default)"),
        f"extend-select = {_value(config.extend_select)}",
        f"ignore = {_value(config.ignore)}",
        f"per-file-ignores = {_value(dict(config.per_file_ignores))}",
        f"fail-on = {_value(fail_on or config.fail_on.label)}",
        f"severity = {_value(dict(config.severity))}",
        f"include = {_value(config.include)}",
        f"exclude = {_value(config.exclude)}",
        f"respect-gitignore = {_value(config.respect_gitignore)}",
        f"reader = {_value(dict(config.reader_options))}",
        f"max-document-size = {_value(config.max_document_mb)}",
        f"time-budget = {_value(config.time_budget)}",
        f"unfixable = {_value(sorted(ruleset.unfixable))}",
    ]
    rules = ruleset.for_path(path)
    lines.append(f"rules ({len(rules)}) =")
    for rule in rules:
        options = {k: _plain(v) for k, v in rule.settings.items()}
        shown = f" {json.dumps(options, ensure_ascii=False)}" if options else ""
        lines.append(f"  {rule.code} {rule.name} [{rule.severity.label}]{shown}")
    return lines


def write_settings(
    stream: TextIO, path: Path, config: Config, ruleset: RuleSet, *, fail_on: str | None = None
) -> None:
    """Print the settings that apply to ``path``."""
    stream.write("\n".join(settings_lines(path, config, ruleset, fail_on=fail_on)) + "\n")
