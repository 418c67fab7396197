"""The plugin module named by the entry point: one hook returns the rule classes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lint import Rule, hookimpl


@hookimpl
def scrapelint_rules() -> list[type[Rule]]:
    """The example rules (imported when scrapelint asks, not when the plugin loads)."""
    from scrapelint_example.rules import RULES

    return list(RULES)


@hookimpl
def scrapelint_default_config() -> Mapping[str, Any]:
    """Default options of the example rules; the user's configuration applies on top."""
    return {"rules": {"EX002": {"allow-phrases": ["震惊中外"]}}}
