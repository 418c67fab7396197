"""From gathered findings to the page: read sources back, assemble the data, render."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from lint.report.data import ReportData, RuleInfo
from lint.report.page import build_page_data, render_html, wanted_documents
from lint.report.sources import scan_sources

if TYPE_CHECKING:
    from lint.rule import Rule

EXPLANATION_SECTIONS = ("What", "Why")
EXPLANATION_CHARS = 1500


def rule_infos(rules: Mapping[str, type[Rule]]) -> dict[str, RuleInfo]:
    """Name, family and explanation (as ``scrapelint rule`` gives it) of each rule."""
    from lint.linter import ENGINE_CODES

    infos: dict[str, RuleInfo] = {
        code: RuleInfo(name, "engine", "A problem of the run itself (exit 2).", "")
        for code, name in ENGINE_CODES.items()
    }
    for code, cls in rules.items():
        docs = cls.docs()
        parts = [
            f"{title}: {_prose(docs.sections[title])}"
            for title in EXPLANATION_SECTIONS
            if title in docs.sections
        ]
        text = "\n\n".join(parts)
        if len(text) > EXPLANATION_CHARS:
            text = text[: EXPLANATION_CHARS - 1] + "…"
        infos[code] = RuleInfo(cls.name, cls.family, docs.summary, text)
    return infos


def _prose(text: str) -> str:
    """A docstring section as flowing paragraphs: lines joined, ````code```` as `code`."""
    paragraphs = [" ".join(p.split("\n")) for p in text.strip().split("\n\n")]
    return "\n\n".join(" ".join(p.split()) for p in paragraphs).replace("``", "`")


def builtin_readers() -> list[Any]:
    """The engine's readers (the report reads sources back as ``check`` read them)."""
    from lint.readers import scrapelint_readers

    return list(scrapelint_readers())


def make_page(
    data: ReportData,
    run: Mapping[str, Any] | None,
    rules: Mapping[str, type[Rule]],
    *,
    url_field: str | None = None,
    compare: ReportData | None = None,
    compare_run: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The page's data: findings gathered, sources read back for frames and domains.

    The URL field is ``url_field`` when given, else the run's (``[tool.scrapelint.report]
    url-field``), else ``url``; an empty name turns domains off.
    """
    data.finish()
    if url_field is None:
        url_field = str(run.get("url_field", "url")) if run else "url"
    paths = list(run.get("per_file", {})) if run else []
    paths += [p for p in data.by_path if p not in paths]
    scan = scan_sources(
        wanted_documents(data), paths, builtin_readers(), url_field=url_field or None
    )
    return build_page_data(data, run, rule_infos(rules), scan, compare, compare_run)


def make_report(
    data: ReportData,
    run: Mapping[str, Any] | None,
    rules: Mapping[str, type[Rule]],
    **options: Any,
) -> str:
    """The HTML page of a run."""
    return render_html(make_page(data, run, rules, **options))
