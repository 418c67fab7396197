"""Output formats: an internal plugin, registered like any third-party format."""

from __future__ import annotations

from lint import hookimpl
from lint.output.base import OutputFormat


@hookimpl
def scrapelint_output_formats() -> dict[str, type[OutputFormat]]:
    """The built-in output formats by name."""
    from lint.output.concise import ConciseFormat
    from lint.output.full import FullFormat
    from lint.output.github import GithubFormat
    from lint.output.gitlab import GitlabFormat
    from lint.output.grouped import GroupedFormat
    from lint.output.json_formats import JsonFormat, JsonLinesFormat
    from lint.output.junit import JunitFormat
    from lint.output.rdjson import RdjsonFormat
    from lint.output.sarif import SarifFormat

    formats = (FullFormat, ConciseFormat, JsonFormat, JsonLinesFormat, GithubFormat, SarifFormat)
    formats += (GroupedFormat, JunitFormat, GitlabFormat, RdjsonFormat)  # CI formats
    from lint.output.html import HtmlFormat

    formats += (HtmlFormat,)  # the corpus report (scrapelint[report])
    return {f.name: f for f in formats}
