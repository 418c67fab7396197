"""Hostile input through the command line: a clear message naming the place, never a traceback."""

from __future__ import annotations

import json
import os
import types

import pytest

from lint import Diagnostic, Document, Edit, Fix, Rule, hookimpl
from lint.plugins import load_plugins
from tests.engine import testplugin


def _json(run) -> list[dict]:
    return json.loads(run.out)


def test_fifo_devices_and_dev_null_are_skipped_and_named(cli, workdir):
    (workdir / "d").mkdir()
    os.mkfifo(workdir / "d" / "pipe.txt")
    os.symlink("/dev/zero", workdir / "d" / "zero.txt")
    (workdir / "d" / "ok.txt").write_text("好*\n", encoding="utf-8")
    r = cli("check", "d", "/dev/null", "--output-format", "json")
    assert r.code == 2
    problems = {d["path"]: d["message"] for d in _json(r) if d["code"] == "SL001"}
    assert "FIFO" in problems["d/pipe.txt"]
    assert "character device" in problems["d/zero.txt"]
    assert "character device" in problems["/dev/null"]
    assert any(d["code"] == "TS001" for d in _json(r))  # the rest is still linted
    assert "skipped 3 not a regular file" in r.err


def test_stdin_and_config_reads_are_bounded(cli, workdir):
    r = cli("check", "-", "--max-document-size", "1", stdin=b"x" * (2 * 1024 * 1024))
    assert r.code == 2 and "maximum document size" in r.out
    r = cli("check", "-", "--config", "/dev/zero", stdin=b"x\n")
    assert r.code == 2 and "/dev/zero" in r.err and "not a regular file" in r.err


def test_a_nul_byte_anywhere_means_binary(cli, workdir):
    (workdir / "late.txt").write_bytes(b"a" * 20000 + b"\x00b\n")
    [d] = _json(cli("check", "late.txt", "--output-format", "json"))
    assert d["code"] == "SL001" and "binary file (NUL byte at byte 20000)" in d["message"]


def test_bomless_utf16_reads_with_its_configured_encoding(cli, workdir):
    (workdir / "u.txt").write_bytes("中文*\n".encode("utf-16-le"))
    r = cli("check", "u.txt", "--encoding", "utf-16-le", "--output-format", "json")
    [d] = _json(r)
    assert d["code"] == "TS001" and d["column"] == 3


def test_cr_only_files_have_lines_and_keep_their_breaks(cli, workdir):
    p = workdir / "mac.txt"
    p.write_bytes("第一行\r第二*行\r".encode())
    [d] = _json(cli("check", "mac.txt", "--output-format", "json"))
    assert (d["line"], d["column"]) == (2, 3)
    cli("check", "mac.txt", "--fix", "-q")
    assert p.read_bytes() == "第一行\r第二行\r".encode()


def test_terminal_escapes_from_text_and_names_are_shown_not_sent(cli, workdir):
    evil = "\x1b]0;owned\x07"
    (workdir / f"a{evil}.txt").write_text(f"标题{evil}\x1b[2J*\n", encoding="utf-8")
    for fmt in ("concise", "full", "github"):
        r = cli("check", ".", "--output-format", fmt)
        assert "\x1b" not in r.out and "\x07" not in r.out, fmt
        assert "<U+001B>" in r.out, fmt


def test_zero_width_characters_are_shown_visibly_in_full(cli, workdir):
    (workdir / "z.txt").write_text("零\u200b宽*\n", encoding="utf-8")
    r = cli("check", "z.txt", "--output-format", "full")
    assert "零<U+200B>宽*" in r.out


def test_lone_surrogates_and_odd_names_never_crash_an_output(cli, workdir):
    (workdir / "s.jsonl").write_text('{"id": "\\ud800", "text": "坏\\ud800*字"}\n', "utf-8")
    name = os.fsencode(workdir) + b"/bad\xff.txt"
    with open(name, "wb") as fh:
        fh.write("名*\n".encode())
    for fmt in ("concise", "full", "json", "jsonl", "github", "sarif"):
        r = cli(
            "check",
            ".",
            "--output-format",
            fmt,
            "--output-file",
            f"report-{fmt}.out",
            "--write-baseline",
            "base.json",
        )
        assert r.code == 0, (fmt, r.err)  # --write-baseline: the baseline covers them
        assert (workdir / f"report-{fmt}.out").stat().st_size > 0
    json.loads((workdir / "report-sarif.out").read_text(encoding="utf-8"))
    json.loads((workdir / "base.json").read_text(encoding="utf-8", errors="surrogateescape"))
    r = cli("check", "s.jsonl", "--fix", "--in-place", "-q")
    assert r.code == 0
    text = (workdir / "s.jsonl").read_text(encoding="utf-8")
    assert json.loads(text)["text"] == "坏\ud800字" and "\\ud800" in text


@pytest.mark.parametrize("where", ["--output-file", "--write-baseline"])
def test_outputs_to_a_directory_are_errors(cli, workdir, where):
    (workdir / "a.txt").write_text("a*\n", encoding="utf-8")
    r = cli("check", "a.txt", where, str(workdir))
    assert r.code == 2 and str(workdir) in r.err


@pytest.mark.parametrize(
    ("toml", "needle"),
    [
        ('extend-exclude = ["\\\\"]\n', "extend-exclude"),
        ('[per-file-ignores]\n"!" = ["TS001"]\n', "per-file-ignores"),
        ("tool = 5\n", "tool"),
        ('encoding = "latin-9x"\n', "encoding"),
        ("a = " + "[" * 100_000 + "]" * 100_000 + "\n", "nested"),
    ],
)
def test_bad_config_is_an_error_naming_the_file_not_a_traceback(cli, workdir, toml, needle):
    (workdir / "scrapelint.toml").write_text(toml, encoding="utf-8")
    (workdir / "a.txt").write_text("a\n", encoding="utf-8")
    r = cli("check", "a.txt")
    assert r.code == 2
    assert "scrapelint.toml" in r.err and needle in r.err and "Traceback" not in r.err


def test_hooks_returning_nonsense_are_plugin_failures(cli, workdir):
    (workdir / "a.txt").write_text("a*\n", encoding="utf-8")
    bad = types.ModuleType("hostile_plugin")

    @hookimpl
    def scrapelint_rules():
        return 42

    @hookimpl
    def scrapelint_readers():
        return "nope"

    bad.scrapelint_rules = scrapelint_rules
    bad.scrapelint_readers = scrapelint_readers
    plugins = load_plugins([testplugin, bad], entry_points=None)
    r = cli("check", "a.txt", "-q", plugins=plugins)
    assert r.code == 2
    assert "scrapelint_rules() returned int 42" in r.err
    assert "scrapelint_readers() returned str" in r.err


class _Big5Breaker(Rule):
    """Replaces a star with a character Big5 cannot encode.

    What
    ----
    A test rule.
    """

    code = "TS980"
    name = "big5-breaker"
    family = "test"

    def check(self, document: Document):
        """Offer an unsafe fix that inserts U+1F600."""
        at = document.text.find("*")
        if at != -1:
            yield self.report(at, at + 1, "star", fix=Fix.unsafe("emoji", Edit(at, at + 1, "😀")))


def test_a_fix_the_files_encoding_cannot_hold_is_skipped_with_a_message(cli, workdir):
    p = workdir / "b.txt"
    original = "中文*\n".encode("big5")
    p.write_bytes(original)
    probe = types.ModuleType("probe")
    probe.scrapelint_rules = hookimpl(lambda: [_Big5Breaker])
    plugins = load_plugins([probe], entry_points=None)
    r = cli(
        "check",
        "b.txt",
        "--encoding",
        "big5",
        "--fix",
        "--unsafe-fixes",
        "--output-format",
        "json",
        plugins=plugins,
    )
    assert r.code == 2
    assert p.read_bytes() == original
    [problem] = [d for d in _json(r) if d["code"] == "SL004"]
    assert "big5 cannot encode" in problem["message"]


class _Interrupt(Rule):
    """Presses Ctrl-C on the second file.

    What
    ----
    A test rule.
    """

    code = "TS981"
    name = "interrupt"
    family = "test"

    def check(self, document: Document):
        """Raise KeyboardInterrupt on b.txt, flag a star elsewhere."""
        if document.source.path == "b.txt":
            raise KeyboardInterrupt
        at = document.text.find("*")
        if at != -1:
            yield Diagnostic(self.code, "star", at, at + 1, fix=Fix.safe("x", Edit(at, at + 1)))


def test_ctrl_c_says_which_files_were_already_fixed(cli, workdir):
    # batches close at 1 MB: the first four files are checked and written before b.txt
    for i in range(6):
        (workdir / f"a{i:03}.txt").write_text("a*\n" + "x" * 300_000, encoding="utf-8")
    (workdir / "b.txt").write_text("b*\n", encoding="utf-8")
    probe = types.ModuleType("probe")
    probe.scrapelint_rules = hookimpl(lambda: [_Interrupt])
    r = cli("check", ".", "--fix", "--jobs", "1", plugins=load_plugins([probe], entry_points=None))
    assert r.code == 130
    assert "interrupted; 4 files already written: a000.txt, a001.txt," in r.err
    assert (workdir / "a000.txt").read_text(encoding="utf-8").startswith("a\nxxx")
    # files of the interrupted batch are left as they were
    assert (workdir / "a005.txt").read_text(encoding="utf-8").startswith("a*\nxxx")
    assert (workdir / "b.txt").read_text(encoding="utf-8") == "b*\n"
    assert not [p for p in workdir.iterdir() if p.name.endswith(".scrapelint")]


class _Slow(Rule):
    """Never finishes.

    What
    ----
    A test rule.
    """

    code = "TS982"
    name = "slow"
    family = "test"

    def check(self, document: Document):
        """Loop until interrupted."""
        import time

        while True:
            time.sleep(0.01)
        yield  # pragma: no cover


def test_the_time_budget_from_config_stops_a_runaway_rule(cli, workdir):
    (workdir / "scrapelint.toml").write_text("time-budget = 0.2\n", encoding="utf-8")
    (workdir / "a.txt").write_text("a*\n", encoding="utf-8")
    probe = types.ModuleType("probe")
    probe.scrapelint_rules = hookimpl(lambda: [_Slow, testplugin.Star])
    plugins = load_plugins([probe], entry_points=None)
    r = cli("check", "a.txt", "--output-format", "json", "--jobs", "1", plugins=plugins)
    assert r.code == 2
    codes = {d["code"]: d["message"] for d in _json(r)}
    assert "TS001" in codes  # the other rules still ran
    assert "TS982" in codes["SL002"] and "time budget of 0.2 s" in codes["SL002"]


def test_a_symlink_loop_in_a_folder_is_named_not_a_traceback(cli, workdir):
    (workdir / "d").mkdir()
    os.symlink("loop.txt", workdir / "d" / "loop.txt")
    (workdir / "d" / "ok.txt").write_text("好*\n", encoding="utf-8")
    r = cli("check", "d", "--output-format", "json")
    assert r.code == 2
    problems = {d["path"]: d["message"] for d in _json(r) if d["code"] == "SL001"}
    assert "symbolic links" in problems["d/loop.txt"]
    assert any(d["code"] == "TS001" for d in _json(r))


def test_an_unreadable_last_subfolder_is_reported(cli, workdir, monkeypatch):
    import lint.discovery

    (workdir / "a").mkdir()
    (workdir / "a" / "x.txt").write_text("x*\n", encoding="utf-8")
    (workdir / "z").mkdir()
    real_walk = os.walk

    def walk(top, onerror=None, **kwargs):
        for dirpath, dirnames, filenames in real_walk(top, onerror=onerror, **kwargs):
            if dirpath.endswith("z"):
                onerror(PermissionError(13, "Permission denied", dirpath))
                continue
            yield dirpath, dirnames, filenames

    monkeypatch.setattr(lint.discovery.os, "walk", walk)
    r = cli("check", ".", "-q")
    assert r.code == 2
    assert "z: cannot read directory: Permission denied" in r.err


def test_full_output_is_linear_in_the_findings_on_one_long_line(cli, workdir):
    (workdir / "long.txt").write_text("会议*的内容，" * 2000 + "\n", encoding="utf-8")
    r = cli("check", "long.txt", "--output-format", "full", "--jobs", "1")
    blocks = r.out.count(" --> long.txt:1:")
    assert blocks == 2000
    assert len(r.out) < blocks * 600  # each finding shows a window, not the whole line
