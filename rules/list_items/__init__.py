"""Built-in rule family: list_items."""

from lint import Rule

RULES: list[type[Rule]] = []
