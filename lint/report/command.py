"""``scrapelint report FINDINGS.jsonl… -o report.html [--compare OLD.jsonl]``.

Builds the same page as ``check --output-format html`` from findings saved with
``--output-format jsonl --output-file FILE`` (whose last line, ``{"scrapelint_run":
…}``, carries the run's documents, bytes, files and gates). Several files are
merged as one run. ``--compare`` takes earlier findings the same way, or a baseline
file (``--write-baseline``), whose entries count per rule and source.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported when the command runs (the CLI only adds its parser)
    from lint.report.data import ReportData

RUN_KEY = "scrapelint_run"


class FindingsError(ValueError):
    """A findings file that cannot be read (the message names the file and line)."""


def add_parser(sub: Any) -> None:
    """Register the ``report`` subcommand on the CLI's subparsers."""
    p = sub.add_parser(
        "report",
        help="build the HTML report from saved jsonl findings",
        allow_abbrev=False,
    )
    p.add_argument("findings", nargs="+", type=Path, metavar="FINDINGS.jsonl")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the page")
    p.add_argument(
        "--compare",
        type=Path,
        action="append",
        metavar="OLD.jsonl",
        help="earlier findings (jsonl) or a baseline file, to show what rose and what fell",
    )
    p.add_argument(
        "--url-field",
        default=None,
        help="record field with the page URL (default: the run's url-field, else url; '' for none)",
    )
    p.add_argument("--seed", type=int, default=0, help="seed of the per-rule samples")


def _baseline_items(path: Path) -> list[dict[str, Any]] | None:
    """The findings of a baseline file as finding records, or None if it is not one."""
    try:
        with open(path, encoding="utf-8") as fh:
            if fh.readline().strip() != "{":
                return None  # a jsonl file starts with a whole object on its first line
            fh.seek(0)
            data = json.load(fh)
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or data.get("tool") != "scrapelint":
        return None
    base = os.path.dirname(path) if int(data.get("version", 1)) >= 2 else ""
    items = []
    for entry in data.get("findings", []):
        where = str(entry.get("path", ""))
        if base and not os.path.isabs(where):
            where = os.path.relpath(os.path.normpath(os.path.join(base, where)))
        record = entry.get("record")
        item = {
            "code": entry.get("code"),
            "path": where,
            "record": None if record is None else {"line": record},
            "severity": "warning",
            "fingerprint": entry.get("fingerprint"),
        }
        items += [item] * max(1, int(entry.get("count", 1)))
    items.sort(key=lambda i: (i["path"], str(i["record"])))  # a document's findings together
    return items


def read_findings(
    paths: Iterable[Path], data: ReportData, *, baselines: bool = False
) -> dict[str, Any] | None:
    """Feed every finding of the files to ``data``; return their merged run record.

    With ``baselines``, a baseline file is read as findings too (without a run record).
    """
    runs: list[Mapping[str, Any]] = []
    for path in paths:
        items = _baseline_items(path) if baselines else None
        if items is not None:
            for item in items:
                data.add(item)
            continue
        try:
            with open(path, encoding="utf-8") as fh:
                for number, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        item = json.loads(line)
                    except ValueError as exc:
                        raise FindingsError(f"{path}:{number}: not JSON: {exc}") from None
                    if not isinstance(item, dict):
                        raise FindingsError(f"{path}:{number}: not a finding object")
                    if RUN_KEY in item:
                        runs.append(item[RUN_KEY])
                    elif "code" in item:
                        data.add(item)
                    else:
                        raise FindingsError(f"{path}:{number}: neither a finding nor a run record")
        except OSError as exc:
            raise FindingsError(f"{path}: {exc.strerror or exc}") from None
        except UnicodeDecodeError as exc:
            raise FindingsError(f"{path}: not UTF-8 ({exc.reason})") from None
    return merge_runs(runs)


def merge_runs(runs: list[Mapping[str, Any]]) -> dict[str, Any] | None:
    """One run record for several: counts summed, files and gates gathered."""
    if not runs:
        return None
    if len(runs) == 1:
        return dict(runs[0])
    merged: dict[str, Any] = {
        "version": runs[0].get("version"),
        "inputs": [],
        "documents": 0,
        "bytes": 0,
        "files": 0,
        "per_file": {},
        "rules": [],
        "started": min(r.get("started") or 0 for r in runs),
        "seconds": 0.0,
        "gates": [],
    }
    for run in runs:
        for key in ("documents", "bytes", "files", "seconds"):
            merged[key] += run.get(key) or 0
        merged["inputs"] += list(run.get("inputs", []))
        merged["per_file"].update(run.get("per_file", {}))
        merged["rules"] = sorted(set(merged["rules"]) | set(run.get("rules", [])))
        merged["gates"] += list(run.get("gates", []))
    return merged


def run_report(args: argparse.Namespace, plugins: Any) -> int:
    """Run ``scrapelint report`` and return its exit code."""
    from lint.atomic import write_atomic
    from lint.check_command import UsageError
    from lint.report.build import make_report
    from lint.report.data import ReportData
    from lint.report.page import MissingExtra, _check_extra

    try:
        _check_extra()
    except MissingExtra as exc:
        raise UsageError(f"report: {exc}") from None
    data = ReportData(seed=args.seed)
    try:
        run = read_findings(args.findings, data)
        old = old_run = None
        if args.compare:
            old = ReportData(seed=args.seed)
            old_run = read_findings(args.compare, old, baselines=True)
            old.finish()
    except FindingsError as exc:
        raise UsageError(str(exc)) from None
    page = make_report(
        data,
        run,
        plugins.rules(),
        url_field=args.url_field,
        compare=old,
        compare_run=old_run,
    )
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(args.output, page.encode("utf-8", "surrogateescape"))
    except OSError as exc:
        raise UsageError(f"-o {args.output}: {exc.strerror or exc}") from None
    return 0
