"""The command line at its edges: closed pipes, colour conventions, piped listings, SL codes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint.output.terminal import color_wanted
from tests.corpus import REPO

# Runs the CLI in a real process with the test plugin only (no entry points).
_RUN = (
    "import sys; from lint.cli import main; from lint.plugins import load_plugins;"
    " from tests.engine import testplugin;"
    " sys.exit(main(sys.argv[1:], plugins=load_plugins([testplugin], entry_points=None)))"
)


def _closed_pipe_run(cwd, *argv: str) -> subprocess.CompletedProcess:
    """Run the CLI with standard output on a pipe whose reader is already gone."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write will fail with EPIPE, as after `| head` exits
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    try:
        return subprocess.run(
            [sys.executable, "-c", _RUN, *argv],
            cwd=cwd,
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=env,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize(
    "argv",
    [
        ("check", "many.txt"),
        ("check", "many.txt", "--output-format", "full"),
        ("check", "many.txt", "--output-format", "json"),
        ("check", "many.txt", "--statistics"),
        ("rules",),
        ("rules", "--output-format", "json"),
        ("rule", "TS001"),
        ("rule", "SL001"),
    ],
)
def test_a_closed_pipe_is_a_quiet_normal_end(tmp_path, argv):
    (tmp_path / "many.txt").write_text("中文*文字\n" * 2000, encoding="utf-8")
    r = _closed_pipe_run(tmp_path, *argv)
    assert r.returncode == 0, r.stderr
    assert b"Traceback" not in r.stderr and b"BrokenPipe" not in r.stderr
    assert b"Exception ignored" not in r.stderr


def test_head_reads_the_first_line_and_the_run_ends_quietly(tmp_path):
    (tmp_path / "many.txt").write_text("中文*文字\n" * 20000, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-c", _RUN, "check", "many.txt"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 0
    assert first.startswith(b"many.txt:1:3: TS001")
    assert b"Traceback" not in err


@pytest.mark.parametrize(
    ("choice", "env", "tty", "expected"),
    [
        ("auto", {}, True, True),
        ("auto", {}, False, False),
        ("auto", {"NO_COLOR": "1"}, True, False),
        ("auto", {"NO_COLOR": ""}, True, True),  # set but empty: no effect
        ("auto", {"TERM": "dumb"}, True, False),
        ("auto", {"FORCE_COLOR": "1"}, False, True),
        ("auto", {"FORCE_COLOR": "1", "TERM": "dumb"}, False, True),
        ("auto", {"FORCE_COLOR": "0"}, True, False),
        ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
        ("always", {"NO_COLOR": "1"}, False, True),  # the command line wins
        ("never", {"FORCE_COLOR": "1"}, True, False),
    ],
)
def test_colour_follows_the_conventions(choice, env, tty, expected):
    class Stream:
        def isatty(self):
            return tty

    assert color_wanted(choice, Stream(), env) is expected


def test_force_color_colours_piped_output_and_no_color_stops_it(cli, workdir, monkeypatch):
    (workdir / "a.txt").write_text("a*b\n", encoding="utf-8")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in cli("check", "a.txt", "--output-format", "full").out
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in cli("check", "a.txt", "--output-format", "full").out
    assert "\x1b[" in cli("check", "a.txt", "--output-format", "full", "--color", "always").out


def test_piped_rules_are_plain_untruncated_one_rule_a_line(cli, workdir):
    r = cli("rules")
    assert r.code == 0
    assert "\x1b[" not in r.out and "…" not in r.out
    lines = r.out.splitlines()
    rows = [line.split("\t") for line in lines]
    assert all(len(row) == 7 for row in rows)
    by_code = {row[0]: row for row in rows}
    assert by_code["TS001"][:6] == ["TS001", "star", "test", "on", "always", "warning"]
    assert by_code["SL001"][:6] == ["SL001", "read-error", "engine", "always", "never", "error"]
    as_json = json.loads(cli("rules", "--output-format", "json").out)
    assert [info["code"] for info in as_json] == [row[0] for row in rows]


def test_engine_codes_are_explained_like_rules(cli, workdir):
    for code in ("SL001", "SL002", "SL003", "SL004"):
        r = cli("rule", code)
        assert r.code == 0, r.err
        assert r.out.startswith(f"# {code} (")
        assert "## What" in r.out and "## Why" in r.out
    info = json.loads(cli("rule", "read-error", "--output-format", "json").out)
    assert (info["code"], info["family"], info["severity"]) == ("SL001", "engine", "error")
    assert cli("rule", "SL999").code == 2


@pytest.mark.parametrize(
    "argv",
    [
        ("check", "a.txt", "--stat"),
        ("check", "a.txt", "--unsafe"),
        ("check", "a.txt", "--output-form", "json"),
        ("rules", "--output-f", "json"),
    ],
)
def test_abbreviated_options_are_refused(cli, workdir, argv):
    (workdir / "a.txt").write_text("a\n", encoding="utf-8")
    r = cli(*argv)
    assert r.code == 2
    assert "unrecognized arguments" in r.err


def test_version_command(cli, workdir):
    from lint import __version__

    assert cli("version").out == f"scrapelint {__version__}\n"
    assert json.loads(cli("version", "--output-format", "json").out)["version"] == __version__


def test_baseline_paths_are_relative_to_the_baseline_file(cli, workdir, monkeypatch):
    fx = workdir / "fx"
    (fx / "sub").mkdir(parents=True)
    (fx / "sub" / "a.txt").write_text("旧*问题\n", encoding="utf-8")
    # written from inside the folder ...
    monkeypatch.chdir(fx)
    r = cli("check", "sub", "--write-baseline", ".scrapelint-baseline.json")
    assert r.code == 0 and "Wrote 1 finding" in r.err
    data = json.loads((fx / ".scrapelint-baseline.json").read_text(encoding="utf-8"))
    assert [f["path"] for f in data["findings"]] == ["sub/a.txt"]
    # ... it matches when used from the parent, and from the subfolder
    monkeypatch.chdir(workdir)
    r = cli("check", "fx", "--baseline", "fx/.scrapelint-baseline.json", "-o", "out.json")
    assert r.code == 0, r.out
    monkeypatch.chdir(fx / "sub")
    r = cli("check", "a.txt", "--baseline", "../.scrapelint-baseline.json")
    assert r.code == 0 and "no longer match" not in r.err


def test_stale_baseline_entries_are_reported(cli, workdir):
    p = workdir / "a.txt"
    p.write_text("旧*问题\n另*一个\n", encoding="utf-8")
    assert cli("check", "a.txt", "--write-baseline", "base.json", "-q").code == 0
    p.write_text("旧*问题\n", encoding="utf-8")
    r = cli("check", "a.txt", "--baseline", "base.json")
    assert r.code == 0
    assert "1 baseline entry no longer matches; --write-baseline to prune" in r.err
    p.write_text("干净\n", encoding="utf-8")
    r = cli("check", "a.txt", "--baseline", "base.json")
    assert "2 baseline entries no longer match" in r.err
    assert "no longer match" not in cli("check", "a.txt", "--baseline", "base.json", "-q").err


def test_version_1_baselines_still_match_from_the_working_directory(cli, workdir):
    from lint.document import Source
    from lint.finding import fingerprint

    (workdir / "a.txt").write_text("旧*问题\n", encoding="utf-8")
    fp = fingerprint("TS001", Source("a.txt"), "*")
    entry = {"fingerprint": fp, "count": 1, "code": "TS001", "path": "a.txt"}
    (workdir / "old").mkdir()
    (workdir / "old" / "base.json").write_text(
        json.dumps({"version": 1, "findings": [entry]}), encoding="utf-8"
    )
    r = cli("check", "a.txt", "--baseline", "old/base.json")
    assert r.code == 0 and "no longer match" not in r.err


def test_write_baseline_exits_0_but_errors_still_2(cli, workdir):
    (workdir / "a.txt").write_text("a*b\n", encoding="utf-8")
    (workdir / "b.txt").write_bytes(b"text\x00binary")  # SL001
    assert cli("check", "a.txt", "--write-baseline", "b.json").code == 0
    assert cli("check", ".", "--write-baseline", "b.json").code == 2


def _source_and_carets(out: str) -> tuple[str, str]:
    """The excerpt line of the first ``full`` block (after ``N | ``) and its caret line."""
    lines = out.splitlines()
    i = next(i for i, line in enumerate(lines) if line[:1].isdigit() and " | " in line)
    cut = lines[i].index(" | ") + 3
    return lines[i][cut:], lines[i + 1][cut:]


@pytest.mark.parametrize(
    ("text", "before"),
    [
        (
            "cafe\u0301 e\u0301e\u0301 中文*字",
            "cafe\u0301 e\u0301e\u0301 中文",
        ),  # combining marks: no cell
        ("零\u200b宽*字", "零<U+200B>宽"),  # invisible: shown visibly, and counted as shown
        ("行\u2028分*隔", "行<U+2028>分"),
        ("方向\u202e标记*字", "方向<U+202E>标记"),
    ],
)
def test_full_carets_sit_under_the_flag_with_zero_width_and_invisible_chars(
    cli, workdir, text, before
):
    from rich.cells import cell_len

    (workdir / "a.txt").write_text(text + "\n", encoding="utf-8")
    r = cli("check", "a.txt", "--output-format", "full", "--color", "never")
    src, carets = _source_and_carets(r.out)
    assert src.startswith(before + "*")
    assert carets.strip() == "^"
    assert carets.index("^") == cell_len(before)
    assert "\ufffd" not in r.out


def test_full_window_is_at_least_60_cells_on_a_narrow_terminal(cli, workdir, monkeypatch):
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", "40")
    (workdir / "a.txt").write_text("文" * 100 + "*" + "字" * 100 + "\n", encoding="utf-8")
    r = cli("check", "a.txt", "--output-format", "full", "--color", "never")
    src, carets = _source_and_carets(r.out)
    assert cell_len(src) >= 60
    # the caret is under the star, counting double-width characters as two cells
    assert cell_len(src.split("*")[0]) == carets.index("^")


def test_concise_shows_the_severity_of_each_finding(cli, workdir):
    (workdir / "a.txt").write_text("a*b 有错字 TODO\n", encoding="utf-8")
    r = cli("check", "a.txt", "--extend-select", "TS004", "--output-format", "concise", "-q")
    assert r.out.splitlines() == [
        "a.txt:1:2: TS001 [*] [warning] placeholder glyph",
        "a.txt:1:6: TS003 [info] a typo word",
        "a.txt:1:9: TS004 [error] todo",
    ]


def test_severity_table_most_specific_key_wins(cli, workdir):
    (workdir / "a.txt").write_text("a*b 有错字 TODO\n", encoding="utf-8")
    for table in (
        '[severity]\nTS001 = "info"\nTS = "error"\n',
        '[severity]\nTS = "error"\nTS001 = "info"\n',
        '[severity]\nstar = "info"\nALL = "error"\n',
    ):
        (workdir / "scrapelint.toml").write_text(table, encoding="utf-8")
        r = cli("check", "a.txt", "--output-format", "json")
        levels = {d["code"]: d["severity"] for d in json.loads(r.out)}
        assert levels == {"TS001": "info", "TS003": "error"}, table


def test_fail_on_comes_from_the_config_of_each_file(cli, workdir):
    lax = workdir / "lax"
    lax.mkdir()
    (lax / "scrapelint.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    (lax / "a.txt").write_text("a*b\n", encoding="utf-8")
    strict = workdir / "strict"
    strict.mkdir()
    (strict / "scrapelint.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    (strict / "b.txt").write_text("有错字\n", encoding="utf-8")
    assert cli("check", "lax", "-q").code == 0  # a warning, and this config fails on errors
    assert cli("check", "strict", "-q").code == 1  # a note, and this config fails on notes
    assert cli("check", "lax", "strict", "-q", "--fail-on", "error").code == 0
    # the working directory's config does not decide for files under other configs
    (workdir / "scrapelint.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    assert cli("check", "strict", "-q").code == 1


def test_statistics_as_json_and_jsonl(cli, workdir):
    (workdir / "a.txt").write_text("a*b*c!!\n", encoding="utf-8")
    r = cli("check", "a.txt", "--statistics", "--output-format", "json")
    assert json.loads(r.out) == [
        {"code": "TS001", "name": "star", "count": 2, "fixable": 2},
        {"code": "TS002", "name": "shout", "count": 1, "fixable": 0},
    ]
    assert "Found 3 findings" in r.err  # the summary stays off standard output
    r = cli("check", "a.txt", "--statistics", "--output-format", "jsonl")
    assert [json.loads(x)["code"] for x in r.out.splitlines()] == ["TS001", "TS002"]
    r = cli("check", "a.txt", "--statistics")
    assert "count" in r.out and "TS001" in r.out


def test_statistics_without_findings_print_no_bare_header(cli, workdir):
    (workdir / "a.txt").write_text("clean\n", encoding="utf-8")
    r = cli("check", "a.txt", "--statistics")
    assert r.code == 0 and "count" not in r.out and "All checks passed!" in r.out
    assert json.loads(cli("check", "a.txt", "--statistics", "--output-format", "json").out) == []
    assert cli("check", "a.txt", "--statistics", "--output-format", "jsonl").out == ""


def test_a_truncated_jsonl_record_is_placed_at_the_end_of_its_line(cli, workdir):
    (workdir / "s.jsonl").write_text(
        '{"text": "好"}\n{"text": "截断的记录\n{"text": "ab", "id": \n{broken}\n', encoding="utf-8"
    )
    r = cli("check", "s.jsonl", "--output-format", "json")
    assert r.code == 2
    problems = {d["record"]["line"]: d["message"] for d in json.loads(r.out)}
    assert problems[2].startswith("invalid JSON at column 16 (end of the line)")
    assert "truncated?" in problems[2] and "string opened at column 10" in problems[2]
    assert problems[3].startswith("invalid JSON at column 21 (end of the line)")
    assert problems[4].startswith("invalid JSON at column 2:")  # not cut short: where it breaks


def test_an_undecodable_line_is_named_where_it_is(cli, workdir):
    (workdir / "scrapelint.toml").write_text('encoding = "utf-8"\n', encoding="utf-8")
    (workdir / "gb.txt").write_bytes(b"one\ntwo\nthree\nfour\nfive\n" + "第六行".encode("gb18030"))
    r = cli("check", "gb.txt", "--output-format", "json")
    [d] = json.loads(r.out)
    assert d["code"] == "SL001" and "at line 6, column 1" in d["message"]
    assert d["line"] in (None, 6)  # never 1:1 while the message says line 6
    line = cli("check", "gb.txt", "--output-format", "concise").out.splitlines()[0]
    assert line.startswith(("gb.txt: SL001", "gb.txt:6:1: SL001"))


@pytest.mark.parametrize(
    ("fmt", "human"),
    [("concise", True), ("full", True), ("grouped", True), ("json", False), ("sarif", False)],
)
def test_closing_lines_follow_whether_the_format_is_for_people(cli, workdir, fmt, human):
    (workdir / "a.txt").write_text("a*b\n", encoding="utf-8")
    r = cli("check", "a.txt", "--output-format", fmt)
    assert ("Found 1 finding" in r.out) is human
    assert ("Found 1 finding" in r.err) is not human


def test_statistics_is_a_reporter_that_says_whether_it_is_for_people():
    from lint.output.base import RunInfo
    from lint.output.statistics import StatisticsFormat

    assert StatisticsFormat().human and StatisticsFormat(output_format="full").human
    assert not StatisticsFormat(output_format="json").human
    fmt = StatisticsFormat(output_format="jsonl")

    buf = io.StringIO()
    fmt.start(buf, RunInfo())
    fmt.finish()
    assert buf.getvalue() == ""


def test_each_configuration_builds_its_rules_once_per_run(cli, workdir, monkeypatch):
    import lint.ruleset

    built = []
    real = lint.ruleset.build_ruleset

    def counting(config, rules, cli_selection=None):
        built.append(config.label)
        return real(config, rules, cli_selection)

    monkeypatch.setattr(lint.ruleset, "build_ruleset", counting)
    (workdir / "sub").mkdir()
    (workdir / "sub" / "scrapelint.toml").write_text('ignore = ["TS002"]\n', encoding="utf-8")
    for name in ("a.txt", "b.txt", "sub/c.txt", "sub/d.txt"):
        (workdir / name).write_text("a*b\n", encoding="utf-8")
    r = cli("check", ".", "--jobs", "1", "-q")
    assert r.code == 1
    assert sorted(built) == sorted(["defaults", str(workdir / "sub" / "scrapelint.toml")])


def test_standard_input_is_a_target_named_by_stdin_filename(cli, workdir):
    from lint.discovery import stdin_target

    (workdir / "sub").mkdir()
    (workdir / "sub" / "scrapelint.toml").write_text('ignore = ["TS002"]\n', encoding="utf-8")
    data = b'{"id": "r1", "text": "a*b!!"}\n'
    r = cli("check", "-", "--stdin-filename", "sub/x.jsonl", "--output-format", "json", stdin=data)
    [d] = json.loads(r.out)  # the JSONL reader, and sub's configuration (TS002 ignored)
    assert (d["code"], d["path"], d["record"]) == ("TS001", "-", {"line": 1, "id": "r1"})
    target = stdin_target(io.BytesIO(b""), Path("sub/x.jsonl"))
    assert target.path is None and target.config_path() == Path.cwd() / "sub" / "x.jsonl"


def test_the_summary_is_a_reporter_that_counts_what_it_is_handed():
    from lint.document import Source
    from lint.finding import problem
    from lint.output.base import RunInfo
    from lint.output.summary import Checked, SummaryFormat

    summary = SummaryFormat(human=False)
    summary.start(io.StringIO(), RunInfo())
    checked = Checked(files=1, documents=1, bytes=10)
    assert summary.lines(checked) == ["All checks passed!", "Checked 1 file, 10 bytes."]
    summary.handle(problem(Source("a.txt"), "SL001", "read-error", "bad"))
    assert summary.lines(checked, fixed=2, fixing=True)[0] == "Fixed 2 findings. Found 1 finding."
    assert summary.lines(Checked(), output="out")[-1] == "Records: 0 in, 0 to out."
    assert not summary.human and SummaryFormat().human


def test_sarif_describes_engine_codes_like_rules(cli, workdir):
    (workdir / "bad.txt").write_bytes(b"text\x00binary")
    r = cli("check", "bad.txt", "--output-format", "sarif")
    assert r.code == 2
    driver = json.loads(r.out)["runs"][0]["tool"]["driver"]
    [sl] = [d for d in driver["rules"] if d["id"] == "SL001"]
    assert sl["name"] == "read-error" and sl["defaultConfiguration"]["level"] == "error"
    assert "could not be read" in sl["shortDescription"]["text"]
    assert "What" in sl["help"]["text"] and sl["properties"]["family"] == "engine"
