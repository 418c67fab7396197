"""Built-in rule family: lists."""

from lint import Rule

RULES: list[type[Rule]] = []
