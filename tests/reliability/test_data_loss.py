"""Data loss: --fix never loses or corrupts a byte of a user's file, and says why it refused.

(Atomic writes themselves are tested in test_atomic_writes.py, the fix loop in
test_fix_loop.py, through the command line in test_fuzz_cli.py.)
"""

from __future__ import annotations

import json
import os


def _json(run) -> list[dict]:
    return json.loads(run.out)


def test_fixed_jsonl_record_is_spliced_not_reserialised(cli, workdir):
    line = '{"k": 1, "text" :  "第一*条\\u4e2d", "big": 1e400, "k": 2,"n":-0.0}'
    (workdir / "s.jsonl").write_text(line + "\r\n", encoding="utf-8")
    cli("check", "s.jsonl", "--fix", "--in-place", "-q")
    new = (workdir / "s.jsonl").read_bytes().decode("utf-8")
    assert new == line.replace("第一*条\\u4e2d", "第一条中") + "\r\n"


def test_fix_only_on_stdin_prints_the_fixed_text(cli, workdir):
    r = cli("check", "--fix-only", "-", stdin="中*文\n".encode())
    assert r.out == "中文\n"
    r = cli("check", "--fix", "-", "-", stdin=b"x\n")
    assert r.code == 2 and "only once" in r.err


def test_fix_refuses_read_only_and_hard_linked_files_and_says_why(cli, workdir):
    ro = workdir / "ro.txt"
    ro.write_text("只读*\n", encoding="utf-8")
    ro.chmod(0o444)
    linked = workdir / "linked.txt"
    linked.write_text("链接*\n", encoding="utf-8")
    os.link(linked, workdir / "other-name.md")
    r = cli("check", "ro.txt", "linked.txt", "--fix", "--output-format", "json")
    assert r.code == 2
    assert ro.read_text(encoding="utf-8") == "只读*\n"
    assert linked.read_text(encoding="utf-8") == "链接*\n"
    assert (workdir / "other-name.md").stat().st_ino == linked.stat().st_ino
    why = {d["path"]: d["message"] for d in _json(r) if d["code"] == "SL004"}
    assert "read-only" in why["ro.txt"] and "hard links" in why["linked.txt"]
    # nothing to fix: a read-only file is simply checked
    ro.chmod(0o644)
    ro.write_text("干净\n", encoding="utf-8")
    ro.chmod(0o444)
    assert cli("check", "ro.txt", "--fix", "-q").code == 0


def test_a_shard_changed_during_the_run_is_not_overwritten(cli, workdir, monkeypatch):
    import lint.runner

    shard = workdir / "s.jsonl"
    shard.write_text('{"text": "第一*条"}\n', encoding="utf-8")
    real = lint.runner.Runner._finish_file

    def edit_then_finish(self, state):
        shard.write_text('{"text": "别人改过*了"}\n', encoding="utf-8")  # a concurrent edit
        return real(self, state)

    monkeypatch.setattr(lint.runner.Runner, "_finish_file", edit_then_finish)
    r = cli("check", "s.jsonl", "--fix", "--in-place", "--output-format", "json")
    assert r.code == 2
    assert shard.read_text(encoding="utf-8") == '{"text": "别人改过*了"}\n'
    [d] = [d for d in _json(r) if d["code"] == "SL004"]
    assert "modified since it was read" in d["message"]
