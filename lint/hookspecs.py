"""Hook specifications: every hook the engine calls on plugins, in one place.

A plugin is a module (or object) whose functions are decorated with
``lint.hookimpl`` and named like the specs below. Plugins are found through the
``scrapelint`` entry-point group; the built-in rules in ``rules/`` use that same route.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from lint.output.base import OutputFormat
    from lint.readers import Reader
    from lint.rule import Rule

PROJECT = "scrapelint"

hookspec = pluggy.HookspecMarker(PROJECT)
# Plugins mark their hook functions with this (exported as ``lint.hookimpl``).
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def scrapelint_rules() -> Sequence[type[Rule]]:
    """Return the rule classes this plugin provides."""


@hookspec
def scrapelint_default_config() -> Mapping[str, Any]:
    """Return default configuration, shaped like ``[tool.scrapelint]``.

    User configuration is applied on top. Typically a plugin sets default options of
    its own rules here under ``{"rules": {"CODE": {...}}}``.
    """


@hookspec
def scrapelint_output_formats() -> Mapping[str, type[OutputFormat]]:
    """Return output formats by name (``--output-format NAME``)."""


@hookspec
def scrapelint_readers() -> Sequence[Reader]:
    """Return document readers; each claims file suffixes and turns bytes into documents."""
