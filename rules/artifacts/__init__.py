"""Built-in rule family: artifacts."""

from lint import Rule

RULES: list[type[Rule]] = []
