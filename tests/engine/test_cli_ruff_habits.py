"""Options as ruff users expect: per-file ignores, show-files/settings, fixability, --config."""

from __future__ import annotations

import json

import pytest


def _codes(run) -> list[tuple[str, str]]:
    return sorted((d["path"], d["code"]) for d in json.loads(run.out))


def test_per_file_ignores_on_the_command_line(cli, workdir):
    (workdir / "legacy").mkdir()
    (workdir / "legacy" / "a.txt").write_text("a*b!!\n", encoding="utf-8")
    (workdir / "b.txt").write_text("a*b!!\n", encoding="utf-8")
    r = cli("check", ".", "--per-file-ignores", "legacy/*.txt:TS001", "--output-format", "json")
    assert _codes(r) == [("b.txt", "TS001"), ("b.txt", "TS002"), ("legacy/a.txt", "TS002")]
    r = cli("check", ".", "--per-file-ignores", "legacy/*:star,TS002", "--output-format", "json")
    assert _codes(r) == [("b.txt", "TS001"), ("b.txt", "TS002")]
    r = cli("check", ".", "--per-file-ignores", "legacy/*.txt")
    assert r.code == 2 and "GLOB:RULES" in r.err
    r = cli("check", ".", "--per-file-ignores", "legacy/*.txt:NOPE")
    assert r.code == 2 and "NOPE" in r.err


def test_show_files_lists_what_would_be_checked_and_checks_nothing(cli, workdir):
    (workdir / "sub").mkdir()
    (workdir / "sub" / "a.txt").write_text("a*b\n", encoding="utf-8")
    (workdir / "b.md").write_text("x\n", encoding="utf-8")
    (workdir / "c.csv").write_text("x\n", encoding="utf-8")
    (workdir / "scrapelint.toml").write_text('extend-exclude = ["b.md"]\n', encoding="utf-8")
    r = cli("check", ".", "--show-files")
    assert r.code == 0
    assert r.out.splitlines() == ["sub/a.txt"]
    assert cli("check", "missing", "--show-files").code == 2


def test_show_settings_names_the_configuration_and_its_values(cli, workdir):
    (workdir / "sub").mkdir()
    (workdir / "sub" / "scrapelint.toml").write_text(
        'ignore = ["TS002"]\nfail-on = "error"\nunfixable = ["star"]\n'
        '[severity]\nTS = "info"\n[rules.star]\nglyph = "#"\n',
        encoding="utf-8",
    )
    (workdir / "sub" / "a.txt").write_text("a#b\n", encoding="utf-8")
    r = cli("check", "--show-settings", "sub/a.txt")
    assert r.code == 0
    lines = r.out.splitlines()
    assert lines[0] == "Settings for sub/a.txt"
    assert f'configuration = "{workdir / "sub" / "scrapelint.toml"}"' in lines
    assert 'ignore = ["TS002"]' in lines and 'fail-on = "error"' in lines
    assert 'unfixable = ["TS001"]' in lines
    assert '  TS001 star [info] {"glyph": "#"}' in lines
    assert not any(line.startswith("  TS002") for line in lines)
    top = cli("check", "--show-settings", "other.txt").out.splitlines()
    assert 'configuration = "defaults"' in top and "  TS002 shout [warning]" in top


def test_unfixable_and_extend_fixable(cli, workdir):
    p = workdir / "a.txt"
    p.write_text("a*b\n", encoding="utf-8")
    r = cli("check", "a.txt", "--fix", "--unfixable", "TS001", "--output-format", "json")
    assert r.code == 1 and p.read_text(encoding="utf-8") == "a*b\n"
    [d] = json.loads(r.out)
    assert d["code"] == "TS001" and d["fix"] is None  # reported, without the fix
    assert "[*]" not in cli("check", "a.txt", "--unfixable", "TS").out
    r = cli("check", "a.txt", "--fix", "--unfixable", "TS", "--extend-fixable", "star", "-q")
    assert r.code == 0 and p.read_text(encoding="utf-8") == "ab\n"
    # the same from configuration
    p.write_text("a*b\n", encoding="utf-8")
    (workdir / "scrapelint.toml").write_text('unfixable = ["TS001"]\n', encoding="utf-8")
    cli("check", "a.txt", "--fix", "-q")
    assert p.read_text(encoding="utf-8") == "a*b\n"
    (workdir / "scrapelint.toml").write_text(
        'unfixable = ["TS"]\nextend-fixable = ["TS001"]\n', encoding="utf-8"
    )
    cli("check", "a.txt", "--fix", "-q")
    assert p.read_text(encoding="utf-8") == "ab\n"
    (workdir / "scrapelint.toml").write_text('unfixable = ["NOPE"]\n', encoding="utf-8")
    r = cli("check", "a.txt")
    assert r.code == 2 and "unfixable" in r.err and "NOPE" in r.err


def test_exit_non_zero_on_fix(cli, workdir):
    p = workdir / "a.txt"
    p.write_text("a*b\n", encoding="utf-8")
    assert cli("check", "a.txt", "--fix", "--exit-non-zero-on-fix", "-q").code == 1
    assert p.read_text(encoding="utf-8") == "ab\n"
    # nothing left to fix: 0 again
    assert cli("check", "a.txt", "--fix", "--exit-non-zero-on-fix", "-q").code == 0
    p.write_text("a*b\n", encoding="utf-8")
    assert cli("check", "a.txt", "--fix", "-q").code == 0  # without the flag


@pytest.mark.parametrize(
    ("short", "long"), [("-o", "--output-file"), ("-e", "--exit-zero"), ("-q", "--quiet")]
)
def test_short_flags(cli, workdir, short, long):
    (workdir / "a.txt").write_text("a*b\n", encoding="utf-8")
    extra = ["out.txt"] if short == "-o" else []
    r_short = cli("check", "a.txt", short, *extra)
    if short == "-o":
        written = (workdir / "out.txt").read_text(encoding="utf-8")
    r_long = cli("check", "a.txt", long, *extra)
    assert (r_short.code, r_short.out) == (r_long.code, r_long.out)
    if short == "-o":
        assert "TS001" in written
    if short == "-e":
        assert r_short.code == 0


def test_verbose_names_the_configuration_of_each_file(cli, workdir):
    (workdir / "sub").mkdir()
    (workdir / "sub" / "scrapelint.toml").write_text('ignore = ["TS002"]\n', encoding="utf-8")
    (workdir / "sub" / "a.txt").write_text("x\n", encoding="utf-8")
    (workdir / "b.txt").write_text("x\n", encoding="utf-8")
    r = cli("check", ".", "-v")
    assert r.code == 0
    assert "scrapelint " in r.err and "2 files to check" in r.err
    assert f"configuration {workdir / 'sub' / 'scrapelint.toml'}: 1 file" in r.err
    assert "configuration defaults: 1 file" in r.err


def test_config_key_value_overrides(cli, workdir):
    (workdir / "scrapelint.toml").write_text('select = ["TS002"]\n', encoding="utf-8")
    (workdir / "a.txt").write_text("a#b!!\n", encoding="utf-8")
    r = cli("check", "a.txt", "--output-format", "json")
    assert _codes(r) == [("a.txt", "TS002")]
    r = cli(
        "check",
        "a.txt",
        "--config",
        'select = ["TS001"]',
        "--config",
        'rules.star.glyph = "#"',
        "--output-format",
        "json",
    )
    assert _codes(r) == [("a.txt", "TS001")]
    r = cli("check", "a.txt", "--config", "fail-on = 'error'", "-q")
    assert r.code == 0  # on top of the file's configuration, which still applies
    r = cli("check", "a.txt", "--config", "selec = ['TS001']")
    assert r.code == 2 and "the command line" in r.err and "did you mean `select`" in r.err
    r = cli("check", "a.txt", "--config", "select = [")
    assert r.code == 2 and "not a file, nor a TOML" in r.err
    # a value naming an existing file is the configuration file
    (workdir / "other.toml").write_text('select = ["TS001"]\n', encoding="utf-8")
    r = cli("check", "a.txt", "--config", "other.toml", "--output-format", "json")
    assert r.code == 0 and json.loads(r.out) == []  # glyph * by default: a#b is clean
    r = cli("check", "a.txt", "--config", "other.toml", "--config", "other.toml")
    assert r.code == 2 and "only one configuration file" in r.err


def test_extend_include_exclude_and_extend_exclude_on_the_command_line(cli, workdir):
    for name in ("a.txt", "b.rst", "keep/c.txt", "skip/d.txt"):
        (workdir / name).parent.mkdir(exist_ok=True)
        (workdir / name).write_text("a*b\n", encoding="utf-8")
    shown = cli("check", ".", "--show-files", "--extend-include", "*.rst").out.split()
    assert shown == ["a.txt", "b.rst", "keep/c.txt", "skip/d.txt"]
    shown = cli("check", ".", "--show-files", "--extend-exclude", "skip").out.split()
    assert shown == ["a.txt", "keep/c.txt"]
    shown = cli("check", ".", "--show-files", "--exclude", "keep,skip").out.split()
    assert shown == ["a.txt"]
