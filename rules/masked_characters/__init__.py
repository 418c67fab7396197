"""Built-in rule family: masked_characters."""

from lint import Rule

RULES: list[type[Rule]] = []
