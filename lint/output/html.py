"""The ``html`` output format: the corpus report as one self-contained page."""

from __future__ import annotations

from typing import Any

from lint.finding import Finding
from lint.output.base import OutputFormat, RunInfo
from lint.output.records import finding_dict, run_record


class HtmlFormat(OutputFormat):
    """Collects compact data per finding and writes the HTML report at the end."""

    name = "html"
    description = "a self-contained HTML report with charts (needs scrapelint[report])"
    streams = False

    def start(self, stream: Any, run: RunInfo) -> None:
        """Check that the report's libraries are there before the run starts."""
        from lint.report.data import ReportData
        from lint.report.page import MissingExtra, _check_extra

        try:
            _check_extra()
        except MissingExtra as exc:
            from lint.check_command import UsageError

            raise UsageError(f"--output-format html: {exc}") from None
        super().start(stream, run)
        self.data = ReportData()
        self.summary: dict[str, Any] | None = None

    def handle(self, finding: Finding) -> None:
        """Count the finding and keep what the page shows of it."""
        self.data.add(finding_dict(finding))

    def conclude_run(self, summary: Any) -> None:
        """Take the run's summary (documents, bytes, files, gates) before ``finish``."""
        self.summary = run_record(summary)

    def finish(self) -> None:
        """Read back the shown documents and write the page."""
        from lint.report.build import make_report

        self.out().write(make_report(self.data, self.summary, self.run.rules))
