"""Built-in rule family: dates."""

from lint import Rule

RULES: list[type[Rule]] = []
