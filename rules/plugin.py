"""The built-in rules' plugin: registered through the ``scrapelint`` entry-point group."""

from __future__ import annotations

from lint import Rule, hookimpl


@hookimpl
def scrapelint_rules() -> list[type[Rule]]:
    """Return every built-in rule class (families are imported only when asked for)."""
    from rules import dates, list_items, masked_characters, scrape_artifacts

    return [*scrape_artifacts.RULES, *masked_characters.RULES, *list_items.RULES, *dates.RULES]
