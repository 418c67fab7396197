"""Built-in rule family: masks."""

from lint import Rule

RULES: list[type[Rule]] = []
