"""The ``json`` (one array) and ``jsonl`` (one object per line) output formats."""

from __future__ import annotations

import json
from typing import TextIO

from lint.output.base import OutputFormat, Report
from lint.output.records import entry_dict


class JsonFormat(OutputFormat):
    """All findings as one JSON array."""

    name = "json"
    description = "a JSON array of findings with every field"

    def write(self, report: Report, stream: TextIO) -> None:
        """Write the array, indented, UTF-8 text kept as is."""
        data = [entry_dict(e) for e in report.entries]
        stream.write(json.dumps(data, ensure_ascii=False, indent=2))
        stream.write("\n")


class JsonLinesFormat(OutputFormat):
    """One JSON object per finding per line (streams well for big corpora)."""

    name = "jsonl"
    description = "one JSON object per finding per line"

    def write(self, report: Report, stream: TextIO) -> None:
        """Write one compact object per line."""
        for e in report.entries:
            stream.write(json.dumps(entry_dict(e), ensure_ascii=False))
            stream.write("\n")
