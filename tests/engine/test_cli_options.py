"""The check command's arguments become one frozen options object, built in one place."""

from __future__ import annotations

import dataclasses

import pytest

from lint.cli import _parser
from lint.diagnostic import Severity
from lint.options import CheckOptions, UsageError


def _opts(*argv: str) -> CheckOptions:
    args = _parser(["concise", "full", "json"]).parse_args(["check", *argv])
    return CheckOptions.from_args(args)


def test_options_are_frozen_and_diff_wins_over_fix_without_touching_the_arguments():
    args = _parser(["concise"]).parse_args(["check", "a.txt", "--fix", "--diff"])
    opts = CheckOptions.from_args(args)
    assert args.fix is True  # the parsed arguments are left as they were
    assert (opts.fix, opts.diff) == (False, True)
    assert opts.mode.apply and not opts.mode.write and opts.mode.diff
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.fix = True  # type: ignore[misc]


def test_selectors_overlay_and_reader_overrides_are_resolved_once():
    opts = _opts(
        "--select", "TS,MC001", "--ignore", "TS002", "--unfixable", "TS001",
        "--extend-exclude", "a,b", "--per-file-ignores", "x/*:TS001,TS002",
        "--config", "fail-on = 'error'", "--config", "rules.star.glyph = '#'",
        "--text-field", "body", "--fail-on", "info",
    )  # fmt: skip
    assert opts.selection.select == ("TS", "MC001")
    assert opts.selection.ignore == ("TS002",) and opts.selection.unfixable == ("TS001",)
    assert opts.overlay == {
        "extend-exclude": ["a", "b"],
        "per-file-ignores": {"x/*": ["TS001", "TS002"]},
        "fail-on": "error",
        "rules": {"star": {"glyph": "#"}},
    }
    assert opts.reader_overrides == {"text-field": "body"}
    assert opts.fail_on is Severity.INFO
    assert _opts().fail_on is None  # each file's configuration decides


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (("--diff", "--output", "o"), "--diff writes nothing"),
        (("--in-place",), "--in-place needs --fix"),
        (("--fix", "--in-place", "--output", "o"), "exclude each other"),
        (("--jobs", "0"), "--jobs must be at least 1"),
        (("-", "-"), "standard input (-) can be named only once"),
        (("--per-file-ignores", "nocolon"), "GLOB:RULES"),
    ],
)
def test_contradictions_are_refused_where_the_options_are_built(argv, needle):
    with pytest.raises(UsageError, match=needle.replace("(", r"\(").replace(")", r"\)")):
        _opts(*argv)
