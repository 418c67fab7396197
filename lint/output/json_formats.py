"""The ``json`` (one array) and ``jsonl`` (one object per line) output formats."""

from __future__ import annotations

import json
from typing import Any

from lint.finding import Finding
from lint.output.base import OutputFormat
from lint.output.records import finding_dict, run_record


def dumps(data: Any, **kwargs: Any) -> str:
    """JSON text kept readable (UTF-8 as is), with lone surrogates escaped so it can be written."""
    text = json.dumps(data, ensure_ascii=False, **kwargs)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data, **kwargs)
    return text


class JsonFormat(OutputFormat):
    """All findings as one JSON array."""

    name = "json"
    description = "a JSON array of findings with every field"
    streams = False

    def start(self, stream: Any, run: Any) -> None:
        """Begin collecting."""
        super().start(stream, run)
        self.items: list[dict[str, Any]] = []

    def handle(self, finding: Finding) -> None:
        """Keep the finding's fields."""
        self.items.append(finding_dict(finding))

    def finish(self) -> None:
        """Write the array, indented."""
        self.out().write(dumps(self.items, indent=2) + "\n")


class JsonLinesFormat(OutputFormat):
    """One JSON object per finding per line (streams well for big corpora)."""

    name = "jsonl"
    description = "one JSON object per finding per line"

    def handle(self, finding: Finding) -> None:
        """Write one compact object per line."""
        self.out().write(dumps(finding_dict(finding)) + "\n")

    def write_run(self, summary: Any) -> None:
        """End a findings file with the run's record (``scrapelint report`` reads it)."""
        self.out().write(dumps({"scrapelint_run": run_record(summary)}) + "\n")
