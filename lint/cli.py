"""The ``scrapelint`` command line: ``check``, ``rules`` and ``rule``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint import __version__
from lint.check_command import EXIT_ERROR, EXIT_OK, UsageError, err, run_check
from lint.config import ConfigError
from lint.engine_docs import ENGINE_FAMILY, engine_codes, engine_info
from lint.output.terminal import console, is_terminal, terminal_columns
from lint.plugins import Plugins, load_plugins
from lint.selection import SelectorError

if TYPE_CHECKING:
    from lint.rule import Rule


class ConfigArgument(argparse.Action):
    """``--config``: a configuration file (``args.config``), or when the value is not an
    existing file and reads as TOML ``key = value``, a setting (``args.config_overrides``).
    """

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        """Sort one ``--config`` value into the file or the overrides."""
        value = str(values)
        overrides = dict(getattr(namespace, "config_overrides", None) or {})
        if "=" in value and not Path(value).exists():
            import tomllib

            from lint.options import merge_tables

            try:
                setting = tomllib.loads(value)
            except tomllib.TOMLDecodeError as exc:
                parser.error(f"--config {value!r}: not a file, nor a TOML `key = value`: {exc}")
            namespace.config_overrides = merge_tables(overrides, setting)
            return
        if getattr(namespace, "config", None) is not None:
            parser.error("--config: only one configuration file can be given")
        namespace.config = Path(value)


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, its width found without importing shutil (start-up time)."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:  # as argparse does: the terminal's columns, less 2
            width = terminal_columns(80) - 2
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser with ``_HelpFormatter``; its subcommands' parsers are ``_Parser`` too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)


def _parser(formats: Sequence[str]) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="scrapelint",
        description="A data-quality linter for scraped documents.",
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"scrapelint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser(
        "check", help="lint files, directories or standard input (-)", allow_abbrev=False
    )
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    fixing = check.add_argument_group("fixing")
    fixing.add_argument("--fix", action="store_true", help="apply safe fixes")
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
    fixing.add_argument(
        "--exit-non-zero-on-fix",
        action="store_true",
        help="with --fix, exit 1 when something was fixed, even if nothing remains",
    )
    for flag, helptext in (
        ("--unfixable", "rules whose fixes are never applied (findings still reported)"),
        ("--extend-fixable", "rules whose fixes are applied despite --unfixable/unfixable"),
    ):
        fixing.add_argument(flag, action="append", default=None, metavar="RULES", help=helptext)
    fixing.add_argument(
        "--add-ignore",
        action="store_true",
        help="suppress every current finding: allow entries in config, comments in Markdown",
    )
    corpus = check.add_argument_group("corpora")
    corpus.add_argument(
        "--output",
        type=Path,
        metavar="DIR",
        help="write every checked file, fixed with --fix, to DIR (same relative paths)",
    )
    corpus.add_argument(
        "--in-place",
        action="store_true",
        help="with --fix, rewrite shards (JSONL, Parquet) in place",
    )
    corpus.add_argument(
        "--reject",
        type=Path,
        metavar="FILE",
        help="write records that still fail to FILE (JSON Lines, findings attached)",
    )
    corpus.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: the number of CPUs; 1 runs in-process)",
    )
    corpus.add_argument(
        "--engine",
        choices=("local", "ray"),
        default="local",
        help="local processes, or Ray actors (scrapelint[ray]; paths may be s3://… URIs)",
    )
    from lint.sharding import add_merge_parser, add_shard_arguments

    add_shard_arguments(corpus)
    corpus.add_argument("--text-field", help="record field holding the text (dotted for nesting)")
    corpus.add_argument("--id-field", help="record field holding the record's id")
    corpus.add_argument("--encoding", help="text encoding: a codec name, or auto")
    corpus.add_argument(
        "--max-document-size", type=int, metavar="MB", help="skip documents larger than this"
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
        "-o",
        "--output-file",
        type=Path,
        default=None,
        help="write the report to this file as well",
    )
    out.add_argument("--statistics", action="store_true", help="show counts per rule")
    out.add_argument(
        "--show-suppressed",
        action="store_true",
        help="list the findings a suppression silenced, and by what",
    )
    out.add_argument("-q", "--quiet", action="store_true", help="print findings only")
    out.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="say which configuration each file uses, and what the run will do",
    )
    out.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    res = check.add_argument_group("result")
    res.add_argument(
        "--fail-on",
        choices=("info", "warning", "error"),
        default=None,
        help="lowest severity that fails the run (default: warning)",
    )
    res.add_argument(
        "-e",
        "--exit-zero",
        action="store_true",
        help="exit 0 even with findings (errors still 2)",
    )
    res.add_argument(
        "--gate",
        action="append",
        default=None,
        metavar="SPEC",
        help="quality gate SELECTOR=THRESHOLD[@GLOB], e.g. MC=0.5%%, 'SA001=2 per MB', error=0;"
        " gates then decide the exit code",
    )
    res.add_argument("--baseline", type=Path, help="report only findings not in this baseline")
    res.add_argument("--write-baseline", type=Path, help="record today's findings in this file")
    cfg = check.add_argument_group("configuration")
    cfg.add_argument(
        "--config",
        action=ConfigArgument,
        default=None,
        metavar="FILE|KEY=VALUE",
        help="use this configuration file only; or, when not a file, a TOML `key = value`"
        " setting on top of every configuration (repeatable)",
    )
    cfg.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    for flag, helptext in (
        ("--extend-include", "more file globs to check when walking directories"),
        ("--exclude", "file globs to leave out (replaces the defaults)"),
        ("--extend-exclude", "more file globs to leave out"),
    ):
        cfg.add_argument(flag, action="append", default=None, metavar="GLOBS", help=helptext)
    cfg.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply exclude globs to files named on the command line too (pre-commit)",
    )
    cfg.add_argument("--stdin-filename", help="the name to give standard input (for config)")
    cfg.add_argument(
        "--per-file-ignores",
        action="append",
        default=None,
        metavar="GLOB:RULES",
        help="rules to leave out for files matching GLOB, e.g. 'legacy/*.txt:DT,MC004'",
    )
    shows = check.add_argument_group("inspection (nothing is checked)")
    shows.add_argument(
        "--show-files", action="store_true", help="list the files that would be checked"
    )
    shows.add_argument(
        "--show-settings",
        type=Path,
        metavar="PATH",
        help="the configuration that applies to PATH, with its values and rules",
    )

    rules = sub.add_parser("rules", help="list every rule", allow_abbrev=False)
    rules.add_argument("--output-format", choices=("text", "json"), default="text")
    rule = sub.add_parser("rule", help="explain one rule", allow_abbrev=False)
    rule.add_argument("code", metavar="CODE", help="a rule code or name")
    rule.add_argument("--output-format", choices=("text", "json"), default="text")
    from lint.report.command import add_parser as add_report_parser

    add_report_parser(sub)
    add_merge_parser(sub, formats)
    from lint.plugin_commands import add_parsers as add_plugin_parsers

    add_plugin_parsers(sub)
    version = sub.add_parser("version", help="print the version", allow_abbrev=False)
    version.add_argument("--output-format", choices=("text", "json"), default="text")
    return parser


def main(argv: Sequence[str] | None = None, *, plugins: Plugins | None = None) -> int:
    """Run the command line and return its exit code (a closed output pipe is a quiet 0)."""
    try:
        code = _main(argv, plugins)
        sys.stdout.flush()  # a closed pipe shows now, not at interpreter exit
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    return code


def _silence_stdout() -> None:
    """Point standard output at /dev/null so that nothing more fails on the closed pipe."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, ValueError, OSError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _main(argv: Sequence[str] | None, plugins: Plugins | None) -> int:
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
        from lint.declarative import register_config_rules

        # rules declared in the run's configuration, and its local rule modules
        register_config_rules(
            plugins, getattr(args, "config", None), getattr(args, "isolated", False)
        )
        if args.command == "rules":
            code = _cmd_rules(args, plugins)
        elif args.command == "rule":
            code = _cmd_rule(args, plugins)
        elif args.command == "report":
            from lint.report.command import run_report

            code = run_report(args, plugins)
        elif args.command == "merge":  # shard results reported as one check run
            from lint.sharding import merge_args

            code = run_check(merge_args(parser.parse_args(["check"]), args), plugins, formats)
        elif args.command == "version":
            code = _cmd_version(args, plugins)
        elif args.command in ("plugins", "new-rule"):
            from lint.plugin_commands import run_plugin_command

            code = run_plugin_command(args, plugins)
        else:
            code = run_check(args, plugins, formats)
    except (
        UsageError,
        ConfigError,
        SelectorError,
        _loaded_class("lint.baseline", "BaselineError"),
    ) as exc:
        _report_plugin_failures(plugins)
        err(str(exc))
        return EXIT_ERROR
    if _report_plugin_failures(plugins):
        return EXIT_ERROR
    return code


class _NotRaised(Exception):
    """Stands for an error class whose module was never imported (so nothing raised it)."""


def _loaded_class(module: str, name: str) -> type[Exception]:
    """``module.name`` when that module is loaded, else a class no code raises."""
    loaded = sys.modules.get(module)
    return getattr(loaded, name) if loaded is not None else _NotRaised


def _report_plugin_failures(plugins: Plugins) -> bool:
    for failure in plugins.failures:
        err(str(failure))
    had = bool(plugins.failures)
    plugins.failures.clear()
    return had


# -- rules / rule --------------------------------------------------------------


def _rule_info(cls: type[Rule], plugins: Plugins) -> dict:
    docs = cls.docs()
    return {
        "code": cls.code,
        "name": cls.name,
        "family": cls.family,
        "enabled_by_default": cls.enabled_by_default,
        "severity": cls.default_severity.label,
        "fix": cls.fix_availability.value,
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


def _all_rule_infos(plugins: Plugins) -> list[dict]:
    """Every rule, then the engine's own codes, as ``scrapelint rules`` lists them."""
    infos = [_rule_info(cls, plugins) for cls in plugins.rules().values()]
    return infos + [engine_info(code) for code in engine_codes()]


_RULE_COLUMNS = ("code", "name", "family", "default", "fix", "severity", "plugin")


def _rule_row(info: dict) -> tuple[str, ...]:
    default = "on" if info["enabled_by_default"] else "off"
    if info["family"] == ENGINE_FAMILY:
        default = "always"
    return (
        info["code"],
        info["name"],
        info["family"],
        default,
        str(info["fix"]),
        info["severity"],
        str(info["plugin"]),
    )


def _cmd_rules(args: argparse.Namespace, plugins: Plugins) -> int:
    infos = _all_rule_infos(plugins)
    if args.output_format == "json":
        import json

        for info in infos:
            info.pop("sections")
        print(json.dumps(infos, ensure_ascii=False, indent=2))
        return EXIT_OK
    rows = [_rule_row(info) for info in infos]
    if not is_terminal(sys.stdout):
        # piped: plain, untruncated, one rule a line, tab-separated (grep, cut, awk)
        sys.stdout.write("".join("\t".join(row) + "\n" for row in rows))
        return EXIT_OK
    from rich.table import Table

    table = Table(title=f"scrapelint rules ({len(rows)})")
    for col in _RULE_COLUMNS:
        table.add_column(col, no_wrap=True)
    for row in rows:
        table.add_row(*row)
    console(soft_wrap=False, highlight=False).print(table)
    return EXIT_OK


def _find_rule(plugins: Plugins, wanted: str) -> dict | None:
    """The rule (or engine code) named by code or name."""
    rules = plugins.rules()
    cls = rules.get(wanted.upper()) or next((r for r in rules.values() if r.name == wanted), None)
    if cls is not None:
        return _rule_info(cls, plugins)
    for code, name in engine_codes().items():
        if wanted.upper() == code or wanted == name:
            return engine_info(code)
    return None


def _cmd_rule(args: argparse.Namespace, plugins: Plugins) -> int:
    info = _find_rule(plugins, args.code)
    if info is None:
        raise UsageError(f"unknown rule {args.code!r} (see `scrapelint rules`)")
    if args.output_format == "json":
        import json

        print(json.dumps(info, ensure_ascii=False, indent=2))
        return EXIT_OK
    on = "yes" if info["enabled_by_default"] else "no"
    if info["family"] == ENGINE_FAMILY:
        on = "always (cannot be selected or ignored)"
    lines = [
        f"# {info['code']} ({info['name']})",
        "",
        info["summary"],
        "",
        f"- family: {info['family']}",
        f"- on by default: {on}",
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
    if is_terminal(sys.stdout):
        from rich.markdown import Markdown

        console().print(Markdown(text))
    else:
        print(text)
    return EXIT_OK


def _cmd_version(args: argparse.Namespace, plugins: Plugins) -> int:
    if args.output_format == "json":
        import json

        print(json.dumps({"name": "scrapelint", "version": __version__}))
    else:
        print(f"scrapelint {__version__}")
    return EXIT_OK
