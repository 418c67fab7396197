"""The ``check`` command end to end with the test plugin: exit codes, selection, fixing."""

from __future__ import annotations

import json
import os
import stat

import pytest

from lint.atomic import write_atomic


def _json(run):
    return json.loads(run.out)


def test_exit_0_when_clean(cli, workdir):
    (workdir / "a.txt").write_text("clean text\n", encoding="utf-8")
    r = cli("check", ".", "--output-format", "json")
    assert r.code == 0
    assert _json(r) == []


def test_exit_1_on_warning_and_json_carries_the_place(cli, workdir):
    (workdir / "a.txt").write_text("第一行\n中文*文字\n", encoding="utf-8")
    r = cli("check", "a.txt", "--output-format", "json")
    assert r.code == 1
    [d] = _json(r)
    assert (d["code"], d["name"], d["severity"]) == ("TS001", "star", "warning")
    assert (d["path"], d["line"], d["column"], d["end_line"], d["end_column"]) == (
        "a.txt",
        2,
        3,
        2,
        4,
    )
    assert (d["start_offset"], d["end_offset"]) == (6, 7)
    assert d["fix"]["applicability"] == "safe"


def test_info_never_fails_by_default_but_fail_on_info_does(cli, workdir):
    (workdir / "a.txt").write_text("有错字\n", encoding="utf-8")
    assert cli("check", "a.txt", "--output-format", "json").code == 0
    assert cli("check", "a.txt", "--output-format", "json", "--fail-on", "info").code == 1


def test_fail_on_error_ignores_warnings(cli, workdir):
    (workdir / "a.txt").write_text("a*b\n", encoding="utf-8")
    assert cli("check", "a.txt", "--fail-on", "error", "-q").code == 0
    (workdir / "b.txt").write_text("TODO\n", encoding="utf-8")
    r = cli("check", ".", "--fail-on", "error", "--extend-select", "TS004", "-q")
    assert r.code == 1


def test_fail_on_from_config(cli, workdir):
    (workdir / "scrapelint.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    (workdir / "a.txt").write_text("a*b\n", encoding="utf-8")
    assert cli("check", "a.txt", "-q").code == 0


def test_exit_zero_hides_findings_but_not_errors(cli, workdir):
    (workdir / "a.txt").write_text("a*b\n", encoding="utf-8")
    assert cli("check", "a.txt", "--exit-zero", "-q").code == 0
    r = cli("check", "a.txt", "missing.txt", "--exit-zero", "-q")
    assert r.code == 2
    assert "missing.txt" in r.err


def test_exit_2_on_usage_error(cli, workdir):
    r = cli("check", "--select", "NOPE999")
    assert r.code == 2
    assert "unknown rule selector 'NOPE999'" in r.err


def test_unknown_selector_suggests_close_match(cli, workdir):
    r = cli("check", "--ignore", "stra")
    assert r.code == 2
    assert "star" in r.err


def test_rule_crash_is_reported_and_run_goes_on(cli, workdir):
    (workdir / "a.txt").write_text("BOOM\n", encoding="utf-8")
    (workdir / "b.txt").write_text("x*\n", encoding="utf-8")
    r = cli("check", ".", "--extend-select", "TS950", "--output-format", "json")
    assert r.code == 2
    found = {(d["path"], d["code"]) for d in _json(r)}
    assert ("b.txt", "TS001") in found  # the other file was still linted
    crash = next(d for d in _json(r) if d["code"] == "SL002")
    assert "TS950" in crash["message"] and "a.txt" in crash["message"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), {"TS001", "TS002", "TS003"}),  # defaults: on-by-default rules
        (("--select", "TS001"), {"TS001"}),
        (("--select", "TS"), {"TS001", "TS002", "TS003", "TS004", "TS901", "TS902", "TS903"}),
        (("--select", "ALL", "--ignore", "TS9"), {"TS001", "TS002", "TS003", "TS004"}),
        (("--select", "TS00", "--ignore", "TS002,TS004"), {"TS001", "TS003"}),
        # a more specific select beats a broader ignore, and vice versa
        (("--select", "TS001", "--ignore", "TS"), {"TS001"}),
        (("--select", "TS", "--ignore", "TS0", "--extend-select", "shout"), {"TS002", "TS9"}),
        (("--extend-select", "todo"), {"TS001", "TS002", "TS003", "TS004"}),
        (("--ignore", "star", "--ignore", "note"), {"TS002"}),
        # equally specific: ignore wins
        (("--select", "TS001", "--ignore", "TS001"), set()),
    ],
)
def test_selection_precedence(cli, workdir, args, expected):
    from lint.config import Config
    from lint.plugins import load_plugins
    from lint.ruleset import CliSelection, build_ruleset
    from lint.selection import split_selectors
    from tests.engine import testplugin

    rules = load_plugins([testplugin], entry_points=None).rules()
    sel = {"--select": [], "--ignore": [], "--extend-select": []}
    for flag, value in zip(args[::2], args[1::2], strict=True):
        sel[flag].append(value)
    cli_sel = CliSelection(
        select=tuple(split_selectors(sel["--select"])) if sel["--select"] else None,
        extend_select=tuple(split_selectors(sel["--extend-select"])),
        ignore=tuple(split_selectors(sel["--ignore"])),
    )
    chosen = {r.code for r in build_ruleset(Config(), rules, cli_sel).rules} - {"TS950"}
    if "TS9" in expected:
        expected = (expected - {"TS9"}) | {"TS901", "TS902", "TS903"}
    assert chosen == expected


def test_config_select_is_replaced_by_cli_select(cli, workdir):
    (workdir / "scrapelint.toml").write_text('select = ["TS002"]\n', encoding="utf-8")
    (workdir / "a.txt").write_text("a*b!!\n", encoding="utf-8")
    codes = {d["code"] for d in _json(cli("check", "a.txt", "--output-format", "json"))}
    assert codes == {"TS002"}
    r = cli("check", "a.txt", "--output-format", "json", "--select", "TS001")
    assert {d["code"] for d in _json(r)} == {"TS001"}


def test_closest_config_wins(cli, workdir):
    (workdir / "pyproject.toml").write_text(
        '[tool.scrapelint]\nignore = ["TS002"]\n', encoding="utf-8"
    )
    sub = workdir / "sub"
    sub.mkdir()
    (sub / "scrapelint.toml").write_text('ignore = ["TS001"]\n', encoding="utf-8")
    (workdir / "top.txt").write_text("a*b!!\n", encoding="utf-8")
    (sub / "inner.txt").write_text("a*b!!\n", encoding="utf-8")
    found = {(d["path"], d["code"]) for d in _json(cli("check", ".", "--output-format", "json"))}
    assert found == {("top.txt", "TS001"), ("sub/inner.txt", "TS002")}


def test_pyproject_without_table_is_skipped(cli, workdir):
    (workdir / "scrapelint.toml").write_text('ignore = ["TS001"]\n', encoding="utf-8")
    sub = workdir / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (sub / "a.txt").write_text("a*b\n", encoding="utf-8")
    assert _json(cli("check", ".", "--output-format", "json")) == []


def test_rule_options_from_config(cli, workdir):
    (workdir / "scrapelint.toml").write_text('[rules.star]\nglyph = "#"\n', encoding="utf-8")
    (workdir / "a.txt").write_text("a*b#c\n", encoding="utf-8")
    [d] = _json(cli("check", "a.txt", "--output-format", "json"))
    assert d["column"] == 4


@pytest.mark.parametrize(
    ("toml", "needles"),
    [
        ("selec = ['TS001']\n", ["scrapelint.toml", "selec", "did you mean `select`"]),
        ("select = 'TS001'\n", ["scrapelint.toml", "select", "list of strings"]),
        ("fail-on = 'loud'\n", ["fail-on", "unknown severity"]),
        ("[rules.TS001]\nglyph = 3\n", ["rules.TS001", "glyph", "a string", "int"]),
        ("[rules.TS001]\ncolour = 'x'\n", ["rules.TS001", "unknown option 'colour'"]),
        ("[rules.XX123]\n", ["rules.XX123", "no rule"]),
        ("ignore = ['ZZ']\n", ["unknown rule selector 'ZZ'", "ignore"]),
        ("select = [\n", ["invalid TOML"]),
        ("[severity]\nTS001 = 'huge'\n", ["severity.TS001", "unknown severity"]),
    ],
)
def test_bad_config_is_an_error_naming_file_and_key(cli, workdir, toml, needles):
    (workdir / "scrapelint.toml").write_text(toml, encoding="utf-8")
    (workdir / "a.txt").write_text("a\n", encoding="utf-8")
    r = cli("check", "a.txt")
    assert r.code == 2
    for needle in needles:
        assert needle in r.err


def test_severity_override(cli, workdir):
    (workdir / "scrapelint.toml").write_text('[severity]\nstar = "info"\n', encoding="utf-8")
    (workdir / "a.txt").write_text("a*b\n", encoding="utf-8")
    r = cli("check", "a.txt", "--output-format", "json")
    assert r.code == 0
    assert _json(r)[0]["severity"] == "info"


def test_per_file_ignores(cli, workdir):
    (workdir / "scrapelint.toml").write_text(
        '[per-file-ignores]\n"legacy/*.txt" = ["TS001"]\n', encoding="utf-8"
    )
    (workdir / "legacy").mkdir()
    (workdir / "legacy" / "a.txt").write_text("a*b\n", encoding="utf-8")
    (workdir / "b.txt").write_text("a*b\n", encoding="utf-8")
    found = {d["path"] for d in _json(cli("check", ".", "--output-format", "json"))}
    assert found == {"b.txt"}


def test_include_exclude_and_gitignore(cli, workdir):
    (workdir / ".git").mkdir()
    (workdir / ".gitignore").write_text("ignored/\n*.skip.txt\n", encoding="utf-8")
    for name in ("a.txt", "b.md", "c.rst", "x.skip.txt", "ignored/d.txt", "keep/e.txt"):
        p = workdir / name
        p.parent.mkdir(exist_ok=True)
        p.write_text("*\n", encoding="utf-8")
    found = {d["path"] for d in _json(cli("check", ".", "--output-format", "json"))}
    assert found == {"a.txt", "b.md", "keep/e.txt"}
    (workdir / "scrapelint.toml").write_text(
        'extend-include = ["*.rst"]\nextend-exclude = ["keep"]\n', encoding="utf-8"
    )
    found = {d["path"] for d in _json(cli("check", ".", "--output-format", "json"))}
    assert found == {"a.txt", "b.md", "c.rst"}
    # a file named explicitly is linted whatever its suffix
    found = {d["path"] for d in _json(cli("check", "c.rst", "--output-format", "json"))}
    assert found == {"c.rst"}


def test_fix_writes_safe_fixes_and_exit_reflects_what_remains(cli, workdir):
    p = workdir / "a.txt"
    p.write_text("a*b\n", encoding="utf-8")
    r = cli("check", "a.txt", "--fix", "-q")
    assert r.code == 0
    assert p.read_text(encoding="utf-8") == "ab\n"
    p.write_text("a*b!!\n", encoding="utf-8")
    r = cli("check", "a.txt", "--fix", "--output-format", "json")
    assert r.code == 1  # the unsafe one remains
    assert p.read_text(encoding="utf-8") == "ab!!\n"
    assert [d["code"] for d in _json(r)] == ["TS002"]
    r = cli("check", "a.txt", "--fix", "--unsafe-fixes", "-q")
    assert r.code == 0
    assert p.read_text(encoding="utf-8") == "ab!\n"


def test_fix_only_and_show_fixes(cli, workdir):
    p = workdir / "a.txt"
    p.write_text("a*b*!!\n", encoding="utf-8")
    r = cli("check", "a.txt", "--fix-only", "--show-fixes")
    assert r.code == 0
    assert p.read_text(encoding="utf-8") == "ab!!\n"
    assert "2 × TS001 (star)" in r.out
    assert "TS002" not in r.out


def test_diff_equals_what_fix_writes(cli, workdir):
    import difflib

    original = "第一行*\n第二行!!\n没有换行*"
    p = workdir / "a.txt"
    p.write_text(original, encoding="utf-8")
    r = cli("check", "a.txt", "--diff", "--unsafe-fixes")
    assert r.code == 1
    assert p.read_text(encoding="utf-8") == original  # --diff writes nothing
    diff = r.out
    cli("check", "a.txt", "--fix", "--unsafe-fixes", "-q")
    fixed = p.read_text(encoding="utf-8")
    assert fixed == "第一行\n第二行!\n没有换行"
    expected = difflib.unified_diff(
        original.splitlines(keepends=True),
        fixed.splitlines(keepends=True),
        "a/a.txt",
        "b/a.txt",
    )
    expected = "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
        for line in expected
    )
    assert diff == expected
    r = cli("check", "a.txt", "--diff")
    assert r.code == 0 and r.out == ""


def test_crlf_and_bom_preserved(cli, workdir):
    p = workdir / "a.txt"
    p.write_bytes(b"\xef\xbb\xbf\xe7\xac\xac*\r\nline two*\r\n")
    r = cli("check", "a.txt", "--output-format", "json")
    assert [(d["line"], d["column"]) for d in _json(r)] == [(1, 2), (2, 9)]
    cli("check", "a.txt", "--fix", "-q")
    assert p.read_bytes() == b"\xef\xbb\xbf\xe7\xac\xac\r\nline two\r\n"


def test_mixed_line_endings_are_kept_as_they_are(cli, workdir):
    p = workdir / "a.txt"
    p.write_bytes(b"a*\r\nb\nc*\r\n")
    cli("check", "a.txt", "--fix", "-q")
    assert p.read_bytes() == b"a\r\nb\nc\r\n"


def test_fix_keeps_permissions(cli, workdir):
    p = workdir / "a.txt"
    p.write_text("a*\n", encoding="utf-8")
    os.chmod(p, 0o640)
    cli("check", "a.txt", "--fix", "-q")
    assert stat.S_IMODE(p.stat().st_mode) == 0o640


def test_failed_atomic_write_leaves_original_byte_identical(workdir, monkeypatch):
    p = workdir / "a.txt"
    original = "原文*\n".encode() * 1000
    p.write_bytes(original)

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(p, b"new")
    assert p.read_bytes() == original
    assert sorted(x.name for x in workdir.iterdir()) == ["a.txt"]  # no temp file left


def test_failed_write_during_fix_is_reported_and_file_unchanged(cli, workdir, monkeypatch):
    p = workdir / "a.txt"
    p.write_text("a*b\n", encoding="utf-8")

    def boom(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", boom)
    r = cli("check", "a.txt", "--fix", "--output-format", "json")
    assert r.code == 2
    assert p.read_text(encoding="utf-8") == "a*b\n"
    err = next(d for d in _json(r) if d["code"] == "SL004")
    assert err["path"] == "a.txt" and "unchanged" in err["message"]


def test_stdin(cli, workdir):
    r = cli("check", "-", "--output-format", "json", stdin="中*\n".encode())
    assert r.code == 1
    assert _json(r)[0]["path"] == "-"
    r = cli("check", "-", "--fix", "-q", stdin="中*\n".encode())
    assert r.out == "中\n"
    r = cli("check", "-", "--fix", "-q", stdin="干净\n".encode())
    assert r.out == "干净\n" and r.code == 0


def test_baseline_round_trip(cli, workdir):
    p = workdir / "a.txt"
    p.write_text("旧*问题\n旧*问题\n", encoding="utf-8")
    r = cli("check", "a.txt", "--write-baseline", "base.json", "-q")
    assert r.code == 0  # the baseline just written covers every finding
    assert cli("check", "a.txt", "--baseline", "base.json", "-q").code == 0
    # edits elsewhere (lines moved) do not invalidate the baseline
    p.write_text("新的一行\n\n旧*问题\n旧*问题\n", encoding="utf-8")
    r = cli("check", "a.txt", "--baseline", "base.json", "--output-format", "json")
    assert r.code == 0 and _json(r) == []
    # a new finding is reported, even one identical to a baselined one
    p.write_text("旧*问题\n旧*问题\n旧*问题\n新!!\n", encoding="utf-8")
    r = cli("check", "a.txt", "--baseline", "base.json", "--output-format", "json")
    assert r.code == 1
    assert sorted((d["code"], d["line"]) for d in _json(r)) == [("TS001", 3), ("TS002", 4)]


def test_bad_baseline_is_an_error(cli, workdir):
    (workdir / "a.txt").write_text("a\n", encoding="utf-8")
    (workdir / "base.json").write_text("{not json", encoding="utf-8")
    r = cli("check", "a.txt", "--baseline", "base.json")
    assert r.code == 2 and "base.json" in r.err


def test_output_file_and_terminal_full_in_one_run(cli, workdir):
    (workdir / "a.txt").write_text("中文*\n", encoding="utf-8")
    r = cli("check", "a.txt", "--output-format", "sarif", "--output-file", "out/report.sarif")
    assert r.code == 1
    sarif = json.loads((workdir / "out" / "report.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"][0]["ruleId"] == "TS001"
    assert "TS001" in r.out and "-->" in r.out and "a.txt:1:3" in r.out  # full on the terminal


def test_statistics(cli, workdir):
    (workdir / "a.txt").write_text("a*b*c!!\n", encoding="utf-8")
    r = cli("check", "a.txt", "--statistics")
    assert r.code == 1
    line = next(x for x in r.out.splitlines() if "TS001" in x)
    assert "2" in line


def test_jsonl_records_are_documents_and_bad_lines_are_reported(cli, workdir):
    lines = [
        json.dumps({"id": "r1", "text": "第一条*"}, ensure_ascii=False),
        "{broken json",
        json.dumps({"id": "r3", "body": "no text field"}),
        json.dumps({"id": "r4", "text": "第四条*", "meta": {"k": 1}}, ensure_ascii=False),
    ]
    p = workdir / "shard.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli("check", "shard.jsonl", "--output-format", "json")
    assert r.code == 2  # malformed input is an error, the rest is still linted
    found = _json(r)
    stars = [d for d in found if d["code"] == "TS001"]
    assert [(d["record"]["id"], d["record"]["line"], d["column"]) for d in stars] == [
        ("r1", 1, 4),
        ("r4", 4, 4),
    ]
    problems = {d["record"]["line"]: d["message"] for d in found if d["code"] == "SL001"}
    assert "invalid JSON" in problems[2] and "'text'" in problems[3]
    r = cli("check", "shard.jsonl", "--fix", "-q")
    assert r.code == 2 and "--in-place" in r.err  # a shard is rewritten only when asked
    assert p.read_text(encoding="utf-8").split("\n")[:4] == lines
    cli("check", "shard.jsonl", "--fix", "--in-place", "-q")
    new = p.read_text(encoding="utf-8").split("\n")
    assert json.loads(new[0]) == {"id": "r1", "text": "第一条"}
    assert new[1:3] == lines[1:3]  # untouched lines stay byte-identical
    assert json.loads(new[3]) == {"id": "r4", "text": "第四条", "meta": {"k": 1}}


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"ok line\n\xff\xfe bad \x80\n", "not valid UTF-8 at line 2, column 1"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ],
)
def test_bad_bytes_are_reported_with_place_and_run_goes_on(cli, workdir, data, needle):
    (workdir / "bad.txt").write_bytes(data)
    (workdir / "good.txt").write_text("a*\n", encoding="utf-8")
    r = cli("check", ".", "--output-format", "json")
    assert r.code == 2
    found = _json(r)
    bad = next(d for d in found if d["code"] == "SL001")
    assert bad["path"] == "bad.txt" and needle in bad["message"]
    assert any(d["path"] == "good.txt" and d["code"] == "TS001" for d in found)


def test_gb18030_with_encoding_auto(cli, workdir):
    (workdir / "scrapelint.toml").write_text('encoding = "auto"\n', encoding="utf-8")
    p = workdir / "gbk.txt"
    p.write_bytes("中文*内容\n".encode("gb18030"))
    [d] = _json(cli("check", "gbk.txt", "--output-format", "json"))
    assert d["column"] == 3
    r = cli("check", "gbk.txt", "--diff")
    assert "-中文*内容\n+中文内容\n" in r.out  # the diff shows the text, not mojibake
    cli("check", "gbk.txt", "--fix", "-q")
    assert p.read_bytes() == "中文内容\n".encode("gb18030")


def test_unreadable_file_is_reported_and_run_goes_on(cli, workdir, monkeypatch):
    import lint.runner

    (workdir / "secret.txt").write_text("x\n", encoding="utf-8")
    (workdir / "open.txt").write_text("x*\n", encoding="utf-8")

    def guarded(path, mode="r"):
        if path.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return open(path, mode)

    monkeypatch.setattr(lint.runner, "open", guarded, raising=False)
    r = cli("check", ".", "--output-format", "json")
    assert r.code == 2
    found = _json(r)
    err = next(d for d in found if d["code"] == "SL001")
    assert err["path"] == "secret.txt" and "Permission denied" in err["message"]
    assert any(d["path"] == "open.txt" for d in found)


def test_unreadable_path_is_reported(cli, workdir):
    r = cli("check", "nowhere/", "-q")
    assert r.code == 2
    assert "nowhere" in r.err and "no such file" in r.err
