"""Assemble the report's data blob and render the self-contained HTML page.

The page is one file: the Plotly library, styles, the page's script and one JSON
blob of data are inlined, and a Content-Security-Policy forbids every request, so
it opens offline and leaks nothing. Jinja2 and Plotly are the optional extra
``scrapelint[report]``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

from lint.report.data import ENGINE_FAMILY, SEVERITIES, ReportData, RuleInfo, doc_key
from lint.report.frames import frame
from lint.report.sources import SourceScan

INSTALL_HINT = "pip install 'scrapelint[report]'"
CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline';"
    " img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
)
HISTOGRAM = ((0, 0), (1, 1), (2, 2), (3, 4), (5, 9), (10, 19), (20, 49), (50, 99), (100, None))
TOP_SOURCES = 500  # rows of the per-source tables


class MissingExtra(RuntimeError):
    """The report's libraries are not installed."""


def _check_extra() -> None:
    try:
        import jinja2  # noqa: F401
        import plotly  # noqa: F401
    except ImportError as exc:
        raise MissingExtra(
            f"the HTML report needs the optional libraries ({exc.name} is missing): {INSTALL_HINT}"
        ) from None


def family_of(code: str, rules: Mapping[str, RuleInfo]) -> str:
    """A code's family: the rule's, ``engine`` for SL codes, else its letters."""
    info = rules.get(code)
    if info is not None and info.family:
        return info.family
    if code.startswith("SL"):
        return ENGINE_FAMILY
    return code.rstrip("0123456789") or code


def _bucket_label(lo: int, hi: int | None) -> str:
    if hi is None:
        return f"{lo}+"
    return str(lo) if lo == hi else f"{lo}–{hi}"


def _histogram(data: ReportData, documents: int | None) -> list[list[Any]]:
    counts = dict(data.per_document)
    if documents is not None:
        counts[0] = max(0, documents - data.documents_with)
    out = []
    for lo, hi in HISTOGRAM:
        n = sum(v for k, v in counts.items() if k >= lo and (hi is None or k <= hi))
        out.append([_bucket_label(lo, hi), n])
    return out


def _frames(items: Sequence[Mapping[str, Any]], text: str | None) -> list[dict[str, Any]]:
    out = []
    for item in items:
        entry: dict[str, Any] = {
            "code": item.get("code"),
            "severity": item.get("severity"),
            "message": item.get("message"),
            "line": item.get("line"),
            "column": item.get("column"),
        }
        fix = item.get("fix")
        if fix:
            entry["fix"] = [fix.get("applicability"), fix.get("description")]
        if text is not None:
            shown = frame(text, item)
            if shown is not None:
                entry["frame"] = shown
        out.append(entry)
    return out


def wanted_documents(data: ReportData) -> dict[str, set[int | None]]:
    """The documents whose text the page shows (worst documents and samples), by path."""
    wanted: dict[str, set[int | None]] = {}
    for _, key, _items in data.worst_documents():
        wanted.setdefault(key[0], set()).add(key[1])
    for code in data.samples:
        for item in data.sample_items(code):
            path, record = doc_key(item)
            wanted.setdefault(path, set()).add(record)
    return wanted


def _rate_rows(rows: list[list[Any]]) -> list[list[Any]]:
    """Sort [name, documents, with findings, findings] by share of documents, then count."""

    def key(row: list[Any]) -> tuple[float, int, str]:
        docs, with_ = row[1], row[2]
        rate = with_ / docs if docs else 0.0
        return (-rate, -row[3], row[0])

    return sorted(rows, key=key)[:TOP_SOURCES]


def build_page_data(
    data: ReportData,
    run: Mapping[str, Any] | None,
    rules: Mapping[str, RuleInfo],
    scan: SourceScan,
    compare: ReportData | None = None,
    compare_run: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The JSON blob the page renders: every number, table and frame it shows."""
    documents = run.get("documents") if run else None
    per_file = dict(run.get("per_file", {})) if run else {}
    rule_rows = []
    for code, n in sorted(data.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
        info = rules.get(code, RuleInfo())
        rule_rows.append(
            {
                "code": code,
                "name": data.names.get(code) or info.name,
                "family": family_of(code, rules),
                "count": n,
                "documents": data.docs_by_code[code],
                "safe": data.fix_by_code[(code, "safe")],
                "unsafe": data.fix_by_code[(code, "unsafe")],
            }
        )
    families: dict[str, int] = {}
    for row in rule_rows:
        families[row["family"]] = families.get(row["family"], 0) + row["count"]
    sources = []
    for path in dict.fromkeys([*per_file, *data.by_path]):
        count = data.by_path.get(path)
        docs = per_file.get(path, [None])[0]
        with_ = count.documents if count else 0
        sources.append(
            [path, docs if docs is not None else with_, with_, count.findings if count else 0]
        )
    domains: dict[str, list[Any]] = {}
    for host, docs in scan.documents_by_domain.items():
        domains[host] = [host, docs, 0, 0]
    for key, n in data.doc_counts.items():
        host = scan.domains.get(key)
        if host is not None:
            row = domains.setdefault(host, [host, 0, 0, 0])
            row[2] += 1
            row[3] += n
    worst = []
    for count, key, items in data.worst_documents():
        first = items[0] if items else {}
        record = first.get("record") or {}
        worst.append(
            {
                "path": key[0],
                "record": key[1],
                "id": record.get("id"),
                "count": count,
                "findings": _frames(items, scan.texts.get(key)),
            }
        )
    samples = []
    for code in sorted(data.samples):
        info = rules.get(code, RuleInfo())
        items = data.sample_items(code)
        shown = []
        for item in items:
            key = doc_key(item)
            entry = _frames([item], scan.texts.get(key))[0]
            entry["path"], entry["record"] = key
            entry["id"] = (item.get("record") or {}).get("id")
            shown.append(entry)
        samples.append(
            {
                "code": code,
                "name": data.names.get(code) or info.name,
                "family": family_of(code, rules),
                "summary": info.summary,
                "explanation": info.explanation,
                "count": data.by_code[code],
                "items": shown,
            }
        )
    page: dict[str, Any] = {
        "run": dict(run) if run else None,
        "gates": list(run.get("gates", [])) if run else [],
        "totals": {
            "findings": data.total,
            "documents_with": data.documents_with,
            "documents": documents,
        },
        "rules": rule_rows,
        "families": sorted(([f, n] for f, n in families.items()), key=lambda r: (-r[1], r[0])),
        "severity": {s: data.by_severity.get(s, 0) for s in SEVERITIES},
        "fixes": {k: data.by_fix.get(k, 0) for k in ("safe", "unsafe", "display", "none")},
        "sources": _rate_rows(sources),
        "domains": _rate_rows(list(domains.values())),
        "histogram": _histogram(data, documents),
        "worst": worst,
        "samples": samples,
        "compare": _compare(data, compare, run, compare_run) if compare is not None else None,
        "table": {"strings": data.strings.items, "rows": data.rows},
        "missing_sources": sorted(scan.missing),
    }
    return page


def _compare(
    new: ReportData,
    old: ReportData,
    run: Mapping[str, Any] | None,
    old_run: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """Per rule and per source: the old count, the new count and the change."""
    rules = []
    for code in sorted(set(new.by_code) | set(old.by_code)):
        a, b = old.by_code.get(code, 0), new.by_code.get(code, 0)
        rules.append([code, a, b, b - a])
    rules.sort(key=lambda r: (-abs(r[3]), r[0]))
    sources = []
    for path in sorted(set(new.by_path) | set(old.by_path)):
        a = old.by_path[path].findings if path in old.by_path else 0
        b = new.by_path[path].findings if path in new.by_path else 0
        if a != b:
            sources.append([path, a, b, b - a])
    sources.sort(key=lambda r: (-abs(r[3]), r[0]))
    return {
        "total": [old.total, new.total],
        "documents_with": [old.documents_with, new.documents_with],
        "documents": [
            old_run.get("documents") if old_run else None,
            run.get("documents") if run else None,
        ],
        "rules": rules,
        "sources": sources[:TOP_SOURCES],
    }


def _asset(name: str) -> str:
    return resources.files("lint.report").joinpath("assets", name).read_text(encoding="utf-8")


def _script_safe(text: str) -> str:
    """Script text as is; refuse any that could end the ``<script>`` element it is inlined in."""
    lowered = text.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise ValueError("a script to inline contains </script or <!--")
    return text


def _json_safe(data: Any) -> str:
    """Compact JSON that can sit inside a ``<script>`` element (every ``<`` escaped)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: escape them
        text = json.dumps(data, separators=(",", ":"))
    return text.replace("<", "\\u003c")


def render_html(page: Mapping[str, Any], *, title: str = "scrapelint report") -> str:
    """The whole page as one string."""
    _check_extra()
    import jinja2
    from markupsafe import Markup
    from plotly.offline import get_plotlyjs

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = env.from_string(_asset("page.html.j2"))
    run = page.get("run") or {}
    started = run.get("started")
    when = (
        dt.datetime.fromtimestamp(started, dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        if started
        else ""
    )
    return template.render(
        title=title,
        csp=Markup(CSP),
        when=when,
        css=_asset("report.css"),
        data_json=Markup(_json_safe(page)),
        plotly_js=Markup(_script_safe(get_plotlyjs())),
        app_js=Markup(_script_safe(_asset("report.js"))),
    )
