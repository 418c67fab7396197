"""The ``scrapelint`` command line: ``check``, ``rules`` and ``rule``."""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from lint import __version__
from lint.baseline import BaselineError, filter_new, load_baseline, write_baseline
from lint.config import Config, ConfigError, ConfigFinder, parse_table
from lint.diagnostic import Severity
from lint.discovery import STDIN, PathProblem, Target, discover
from lint.linter import ENGINE_CODES
from lint.output.base import Entry, OutputFormat, Report
from lint.plugins import Plugins, load_plugins
from lint.rule import Rule
from lint.ruleset import CliSelection, RuleSet, build_ruleset
from lint.runner import FileResult, FixMode, lint_bytes, lint_file, pick_reader
from lint.selection import SelectorError, split_selectors, validate_selectors

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A problem with how the command was called (exit 2)."""


def _parser(formats: Sequence[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrapelint",
        description="A data-quality linter for scraped documents.",
    )
    parser.add_argument("--version", action="version", version=f"scrapelint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint files, directories or standard input (-)")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    fixing = check.add_argument_group("fixing")
    fixing.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    fixing.add_argument(
        "--unsafe-fixes", action="store_true", help="also apply unsafe fixes (with --fix/--diff)"
    )
    fixing.add_argument(
        "--diff", action="store_true", help="print the diff --fix would make; write nothing"
    )
    fixing.add_argument("--show-fixes", action="store_true", help="list the fixes applied")
    fixing.add_argument(
        "--fix-only", action="store_true", help="apply fixes and report nothing that remains"
    )
    sel = check.add_argument_group("rule selection")
    for flag, helptext in (
        ("--select", "rules to run (codes, prefixes, names or ALL), comma-separated"),
        ("--extend-select", "rules to add to the selection"),
        ("--ignore", "rules to leave out"),
    ):
        sel.add_argument(flag, action="append", default=None, metavar="RULES", help=helptext)
    out = check.add_argument_group("output")
    out.add_argument(
        "--output-format",
        choices=formats,
        default=None,
        help="report format (default: full on a terminal, concise otherwise)",
    )
    out.add_argument(
        "--output-file", type=Path, default=None, help="write the report to this file as well"
    )
    out.add_argument("--statistics", action="store_true", help="show counts per rule")
    out.add_argument("-q", "--quiet", action="store_true", help="print findings only")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    res = check.add_argument_group("result")
    res.add_argument(
        "--fail-on",
        choices=("info", "warning", "error"),
        default=None,
        help="lowest severity that fails the run (default: warning)",
    )
    res.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even with findings (errors still 2)"
    )
    res.add_argument("--baseline", type=Path, help="report only findings not in this baseline")
    res.add_argument("--write-baseline", type=Path, help="record today's findings in this file")
    cfg = check.add_argument_group("configuration")
    cfg.add_argument("--config", type=Path, help="use this configuration file only")
    cfg.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    cfg.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply exclude globs to files named on the command line too (pre-commit)",
    )
    cfg.add_argument("--stdin-filename", help="the name to give standard input (for config)")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--output-format", choices=("text", "json"), default="text")
    rule = sub.add_parser("rule", help="explain one rule")
    rule.add_argument("code", metavar="CODE", help="a rule code or name")
    rule.add_argument("--output-format", choices=("text", "json"), default="text")
    return parser


def _err(message: str) -> None:
    print(f"scrapelint: error: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None, *, plugins: Plugins | None = None) -> int:
    """Run the command line and return its exit code."""
    plugins = plugins or load_plugins()
    formats = plugins.output_formats()
    parser = _parser(sorted(formats))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) or a usage error (2)
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        if args.command == "rules":
            code = _cmd_rules(args, plugins)
        elif args.command == "rule":
            code = _cmd_rule(args, plugins)
        else:
            code = _cmd_check(args, plugins, formats)
    except (UsageError, ConfigError, SelectorError, BaselineError) as exc:
        _report_plugin_failures(plugins)
        _err(str(exc))
        return EXIT_ERROR
    if _report_plugin_failures(plugins):
        return EXIT_ERROR
    return code


def _report_plugin_failures(plugins: Plugins) -> bool:
    for failure in plugins.failures:
        _err(str(failure))
    had = bool(plugins.failures)
    plugins.failures.clear()
    return had


# -- check -------------------------------------------------------------------


def _base_config(plugins: Plugins) -> Config:
    base = Config(root=Path.cwd().resolve())
    for name, table in plugins.default_config():
        base = parse_table(table, where=f"default configuration of plugin {name}", base=base)
    return base


class _Check:
    """The state of one ``scrapelint check`` run."""

    def __init__(self, args: argparse.Namespace, plugins: Plugins) -> None:
        self.args = args
        self.plugins = plugins
        self.rules = plugins.rules()
        self.readers = plugins.readers()
        base = _base_config(plugins)
        explicit = None if args.isolated else args.config
        self.finder = ConfigFinder(base, explicit)
        self.isolated = args.isolated
        self.cli = CliSelection(
            select=tuple(split_selectors(args.select)) if args.select else None,
            extend_select=tuple(split_selectors(args.extend_select or [])),
            ignore=tuple(split_selectors(args.ignore or [])),
        )
        for sels in (self.cli.select or (), self.cli.extend_select, self.cli.ignore):
            validate_selectors(sels, self.rules, "the command line")
        self._rulesets: dict[int, RuleSet] = {}
        self.stdin_data = b""
        fix = args.fix or args.fix_only or args.diff
        self.mode = FixMode(
            apply=fix, write=fix and not args.diff, unsafe=args.unsafe_fixes, diff=args.diff
        )

    def config_for(self, path: Path) -> Config:
        return self.finder.base if self.isolated else self.finder.for_path(path)

    def ruleset(self, config: Config) -> RuleSet:
        key = id(config)
        if key not in self._rulesets:
            self._rulesets[key] = build_ruleset(config, self.rules, self.cli)
        return self._rulesets[key]

    def run_config(self) -> Config:
        """The configuration for run-wide settings: the one that applies to the working dir."""
        return self.config_for(Path.cwd())

    def lint(self, target: Target) -> FileResult:
        if target.path is None:
            name = self.args.stdin_filename
            path = Path(name) if name else Path.cwd() / "stdin.txt"
            display = name or STDIN
            config = self.config_for(path)
            rs = self.ruleset(config)
            data = self.stdin_data = sys.stdin.buffer.read()
            reader = pick_reader(self.readers, Path(display), display)
            t = Target(None, display)
            return lint_bytes(t, data, reader, rs.for_path(path), self.mode, config.reader_options)
        config = self.config_for(target.path)
        rs = self.ruleset(config)
        return lint_file(
            target, self.readers, rs.for_path(target.path), self.mode, config.reader_options
        )


def _cmd_check(args: argparse.Namespace, plugins: Plugins, formats: dict) -> int:
    if args.diff and args.fix:
        args.fix = False  # --diff wins: show, don't write
    run = _Check(args, plugins)
    run_config = run.run_config()
    build_ruleset(run_config, run.rules, run.cli)  # validate the run's own config early
    fail_on = Severity.parse(args.fail_on) if args.fail_on else run_config.fail_on

    results: list[FileResult] = []
    path_problems: list[PathProblem] = []
    stdin_result: FileResult | None = None
    for item in discover(args.paths, run.finder, force_exclude=args.force_exclude):
        if isinstance(item, PathProblem):
            path_problems.append(item)
            continue
        result = run.lint(item)
        results.append(result)
        if item.path is None:
            stdin_result = result

    entries = [e for r in results for e in r.entries]
    fixed = [e for r in results for e in r.fixed]
    if args.write_baseline:
        n = write_baseline(args.write_baseline, entries)
        if not args.quiet:
            print(f"Wrote {n} findings to baseline {args.write_baseline}", file=sys.stderr)
    if args.baseline:
        entries = filter_new(entries, load_baseline(args.baseline))

    out = sys.stdout
    if stdin_result is not None and args.fix and not args.diff:
        # The fixed text goes to standard output; everything else to standard error.
        data = stdin_result.new_bytes
        sys.stdout.flush()
        sys.stdout.buffer.write(data if data is not None else run.stdin_data)
        sys.stdout.flush()
        out = sys.stderr

    report = Report(
        entries=entries,
        rules=run.rules,
        unsafe_fixes=args.unsafe_fixes,
        tool_version=__version__,
    )
    for problem in path_problems:
        _err(f"{problem.display}: {problem.message}")

    _write_outputs(args, report, formats, fixed, results, out)

    errors = bool(path_problems) or any(e.diagnostic.code in ENGINE_CODES for e in entries)
    if errors:
        return EXIT_ERROR
    if args.diff:
        return EXIT_FINDINGS if any(r.diff for r in results) and not args.exit_zero else EXIT_OK
    if args.fix_only or args.exit_zero:
        return EXIT_OK
    failing = any(e.diagnostic.severity >= fail_on for e in entries)
    return EXIT_FINDINGS if failing else EXIT_OK


def _color(args: argparse.Namespace, stream: TextIO) -> bool:
    if args.color == "always":
        return True
    if args.color == "never":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _width() -> int:
    return max(60, shutil.get_terminal_size((100, 24)).columns)


def _write_outputs(
    args: argparse.Namespace,
    report: Report,
    formats: dict,
    fixed: list[Entry],
    results: list[FileResult],
    out: TextIO,
) -> None:
    from lint.output.statistics import write_statistics
    from lint.output.summary import summary_line

    tty = bool(getattr(out, "isatty", lambda: False)())
    chosen = args.output_format or ("full" if tty else "concise")
    color = _color(args, out)

    if args.output_file is not None:
        fmt: OutputFormat = formats[chosen](color=False, width=_width())
        buf = io.StringIO()
        fmt.write(report, buf)
        args.output_file.parent.mkdir(parents=True, exist_ok=True)
        args.output_file.write_text(buf.getvalue(), encoding="utf-8")
        terminal_format = "full"
    else:
        terminal_format = chosen
    machine = terminal_format not in ("full", "concise")

    if args.diff:
        for r in results:
            if r.diff:
                out.write(r.diff)
        if not args.quiet:
            n = len(fixed)
            print(
                f"Would fix {n} finding{'s' if n != 1 else ''}." if n else "No fixes available.",
                file=sys.stderr,
            )
        return

    if args.show_fixes and fixed and not machine:
        _write_fixes(fixed, out)

    if args.fix_only:
        if not args.quiet and not machine:
            n = len(fixed)
            out.write(f"Fixed {n} finding{'s' if n != 1 else ''}.\n")
        return

    if args.statistics:
        write_statistics(report, out, color=color)
        return
    fmt = formats[terminal_format](color=color, width=_width())
    fmt.write(report, out)
    if not args.quiet and not machine:
        line = summary_line(report)
        if args.fix and fixed:
            line = f"Fixed {len(fixed)} finding{'s' if len(fixed) != 1 else ''}. " + line
        out.write(line + "\n")


def _write_fixes(fixed: list[Entry], out: TextIO) -> None:
    by_path: dict[str, dict[str, int]] = {}
    names: dict[str, str] = {}
    for e in fixed:
        counts = by_path.setdefault(e.document.source.label(), {})
        counts[e.diagnostic.code] = counts.get(e.diagnostic.code, 0) + 1
        names[e.diagnostic.code] = e.diagnostic.name
    out.write(f"Fixed {len(fixed)} finding{'s' if len(fixed) != 1 else ''}:\n")
    for path, counts in by_path.items():
        out.write(f"- {path}:\n")
        for code, n in sorted(counts.items()):
            out.write(f"    {n} × {code} ({names[code]})\n")


# -- rules / rule --------------------------------------------------------------


def _rule_info(cls: type[Rule], plugins: Plugins) -> dict:
    docs = cls.docs()
    return {
        "code": cls.code,
        "name": cls.name,
        "family": cls.family,
        "enabled_by_default": cls.enabled_by_default,
        "severity": cls.default_severity.label,
        "fix": cls.fix_safety.value,
        "plugin": plugins.rule_plugin(cls.code),
        "summary": docs.summary,
        "options": [
            {
                "name": o.name,
                "type": o.expected,
                "default": list(o.default) if isinstance(o.default, tuple) else o.default,
                "description": o.description,
            }
            for o in cls.options
        ],
        "sections": docs.sections,
    }


def _cmd_rules(args: argparse.Namespace, plugins: Plugins) -> int:
    rules = plugins.rules()
    if args.output_format == "json":
        data = []
        for cls in rules.values():
            info = _rule_info(cls, plugins)
            info.pop("sections")
            data.append(info)
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"scrapelint rules ({len(rules)})")
    for col in ("code", "name", "family", "default", "fix", "severity", "plugin"):
        table.add_column(col)
    for cls in rules.values():
        table.add_row(
            cls.code,
            cls.name,
            cls.family,
            "on" if cls.enabled_by_default else "off",
            cls.fix_safety.value,
            cls.default_severity.label,
            plugins.rule_plugin(cls.code),
        )
    Console(soft_wrap=False).print(table)
    return EXIT_OK


def _cmd_rule(args: argparse.Namespace, plugins: Plugins) -> int:
    rules = plugins.rules()
    cls = rules.get(args.code.upper()) or next(
        (r for r in rules.values() if r.name == args.code), None
    )
    if cls is None:
        raise UsageError(f"unknown rule {args.code!r} (see `scrapelint rules`)")
    info = _rule_info(cls, plugins)
    if args.output_format == "json":
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return EXIT_OK
    from rich.console import Console
    from rich.markdown import Markdown

    lines = [
        f"# {cls.code} ({cls.name})",
        "",
        info["summary"],
        "",
        f"- family: {cls.family}",
        f"- on by default: {'yes' if cls.enabled_by_default else 'no'}",
        f"- severity: {info['severity']}",
        f"- fix: {info['fix']}",
        f"- plugin: {info['plugin']}",
    ]
    for title, body in info["sections"].items():
        lines += ["", f"## {title}", "", body]
    if info["options"]:
        lines += ["", "## Options", ""]
        for o in info["options"]:
            lines.append(
                f"- `{o['name']}` ({o['type']}, default `{o['default']!r}`): {o['description']}"
            )
    text = "\n".join(lines)
    if sys.stdout.isatty():
        Console().print(Markdown(text))
    else:
        print(text)
    return EXIT_OK
