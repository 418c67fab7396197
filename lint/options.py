"""The ``check`` command's options: parsed arguments turned, in one place, into one frozen value.

``CheckOptions.from_args`` is the only code that reads the argparse namespace of the
check command's core options: it splits selectors, gathers the settings that apply
on top of every configuration (``overlay``), resolves how fixes are handled (``--diff``
wins over ``--fix``), and refuses combinations that make no sense. The rest of the
command reads the frozen options; nothing changes them. A new option is a parser
line and a field here.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.diagnostic import Severity
from lint.ruleset import CliSelection
from lint.selection import split_selectors
from lint.worker import FixMode


class UsageError(Exception):
    """A problem with how the command was called (exit 2)."""


def merge_tables(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``extra`` merged in, tables key by key (later values win)."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = merge_tables(out[key], value)
        else:
            out[key] = value
    return out


def _overlay(args: argparse.Namespace) -> dict[str, Any]:
    """Settings given on the command line that apply on top of every config file."""
    table: dict[str, Any] = {}
    for key in ("extend_include", "exclude", "extend_exclude"):
        value = getattr(args, key, None)
        if value:
            table[key.replace("_", "-")] = [g for v in value for g in v.split(",") if g]
    if getattr(args, "max_document_size", None) is not None:
        table["max-document-size"] = args.max_document_size
    ignores: dict[str, list[str]] = {}
    for item in getattr(args, "per_file_ignores", None) or ():
        glob, sep, codes = item.rpartition(":")
        if not sep or not glob or not codes.strip():
            raise UsageError(f"--per-file-ignores {item!r}: expected GLOB:RULES, e.g. 'a/*.txt:DT'")
        ignores.setdefault(glob, []).extend(split_selectors([codes]))
    if ignores:
        table["per-file-ignores"] = ignores
    # --config KEY=VALUE, last
    return merge_tables(table, getattr(args, "config_overrides", None) or {})


def _reader_overrides(args: argparse.Namespace) -> dict[str, str]:
    return {
        name: value
        for name, value in (
            ("text-field", getattr(args, "text_field", None)),
            ("id-field", getattr(args, "id_field", None)),
            ("encoding", getattr(args, "encoding", None)),
        )
        if value is not None
    }


@dataclass(frozen=True)
class CheckOptions:
    """What ``scrapelint check`` was asked to do (see ``scrapelint check --help``)."""

    paths: tuple[str, ...] = (".",)
    # fixing
    fix: bool = False  # --fix, unless --diff (which writes nothing)
    fix_only: bool = False
    diff: bool = False
    unsafe_fixes: bool = False
    show_fixes: bool = False
    exit_non_zero_on_fix: bool = False
    # corpora
    output: Path | None = None
    in_place: bool = False
    reject: Path | None = None
    jobs: int | None = None
    engine: str = "local"
    reader_overrides: Mapping[str, str] = field(default_factory=dict)
    # rule selection and fixability on top of every configuration
    selection: CliSelection = field(default_factory=CliSelection)
    # output
    output_format: str | None = None
    output_file: Path | None = None
    statistics: bool = False
    quiet: bool = False
    verbose: bool = False
    no_progress: bool = False
    color: str = "auto"
    show_suppressed: bool = False
    # result
    fail_on: Severity | None = None  # None: each file's configuration decides
    exit_zero: bool = False
    baseline: Path | None = None
    write_baseline: Path | None = None
    # configuration
    config: Path | None = None
    isolated: bool = False
    overlay: Mapping[str, Any] = field(default_factory=dict)
    force_exclude: bool = False
    stdin_filename: Path | None = None
    # inspection: nothing is checked
    show_files: bool = False
    show_settings: Path | None = None

    @property
    def mode(self) -> FixMode:
        """How fixes are handled: computed (``--fix``, ``--fix-only``, ``--diff``), written."""
        apply = self.fix or self.fix_only or self.diff
        return FixMode(
            apply=apply, write=apply and not self.diff, unsafe=self.unsafe_fixes, diff=self.diff
        )

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CheckOptions:
        """Build the options from the check command's arguments; UsageError for bad mixes."""

        def get(name: str, default: Any = None) -> Any:
            return getattr(args, name, default)

        def selectors(name: str) -> tuple[str, ...]:
            return tuple(split_selectors(get(name) or []))

        diff = bool(get("diff"))
        opts = cls(
            paths=tuple(get("paths", ["."])),  # empty for `scrapelint merge`
            fix=bool(get("fix")) and not diff,  # --diff wins: show, don't write
            fix_only=bool(get("fix_only")),
            diff=diff,
            unsafe_fixes=bool(get("unsafe_fixes")),
            show_fixes=bool(get("show_fixes")),
            exit_non_zero_on_fix=bool(get("exit_non_zero_on_fix")),
            output=get("output"),
            in_place=bool(get("in_place")),
            reject=get("reject"),
            jobs=get("jobs"),
            engine=get("engine") or "local",
            reader_overrides=_reader_overrides(args),
            selection=CliSelection(
                select=selectors("select") if get("select") else None,
                extend_select=selectors("extend_select"),
                ignore=selectors("ignore"),
                unfixable=selectors("unfixable"),
                extend_fixable=selectors("extend_fixable"),
            ),
            output_format=get("output_format"),
            output_file=get("output_file"),
            statistics=bool(get("statistics")),
            quiet=bool(get("quiet")),
            verbose=bool(get("verbose")),
            no_progress=bool(get("no_progress")),
            color=get("color") or "auto",
            show_suppressed=bool(get("show_suppressed")),
            fail_on=Severity.parse(get("fail_on")) if get("fail_on") else None,
            exit_zero=bool(get("exit_zero")),
            baseline=get("baseline"),
            write_baseline=get("write_baseline"),
            config=None if get("isolated") else get("config"),
            isolated=bool(get("isolated")),
            overlay=_overlay(args),
            force_exclude=bool(get("force_exclude")),
            stdin_filename=Path(get("stdin_filename")) if get("stdin_filename") else None,
            show_files=bool(get("show_files")),
            show_settings=get("show_settings"),
        )
        opts.check()
        return opts

    def check(self) -> None:
        """Refuse combinations of options that contradict each other."""
        if self.diff and (self.output or self.reject or self.in_place):
            raise UsageError(
                "--diff writes nothing: it cannot be used with --output, --reject or --in-place"
            )
        if self.in_place and not self.mode.write:
            raise UsageError("--in-place needs --fix (or --fix-only)")
        if self.in_place and self.output:
            raise UsageError(
                "--in-place and --output exclude each other: fix in place, or write a copy"
            )
        if self.jobs is not None and self.jobs < 1:
            raise UsageError("--jobs must be at least 1")
        if self.paths.count("-") > 1:
            raise UsageError("standard input (-) can be named only once")
