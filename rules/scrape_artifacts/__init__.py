"""Built-in rule family: scrape_artifacts."""

from lint import Rule

RULES: list[type[Rule]] = []
