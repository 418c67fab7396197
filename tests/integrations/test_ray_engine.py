"""``scrapelint check --engine ray`` on a local Ray instance: the outputs of ``--jobs 1``."""

from __future__ import annotations

import io
import itertools
import json
import os
import socket
import subprocess
import sys
import time

import pytest

pytest.importorskip("ray.data", reason="Ray Data is not installed (pip install 'scrapelint[ray]')")

from lint.cli import main
from tests.integrations.conftest import write_jsonl


def _findings(path) -> list[dict]:
    """The findings of a jsonl report; the run summary's clock fields left out."""
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        run = row.get("scrapelint_run")
        if run is not None:
            for key in ("started", "seconds"):
                run.pop(key, None)
    return rows


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, records):
    root = tmp_path_factory.mktemp("engine") / "corpus"
    for i in range(3):
        write_jsonl(root / "sub" / f"s{i}.jsonl", records[i::3])
    (root / "notes.txt").write_text(records[-3]["text"], encoding="utf-8")
    return root


def test_engine_ray_writes_what_jobs_1_writes(ray_local, corpus, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runs = {}
    for name, engine in (("ray", ["--engine", "ray", "--jobs", "2"]), ("local", ["--jobs", "1"])):
        code = main(
            ["check", "--no-progress", *engine, "--output-format", "jsonl", "--fix",
             "--output-file", f"{name}.jsonl", "--output", f"out_{name}",
             "--reject", f"rej_{name}.jsonl", str(corpus)]
        )  # fmt: skip
        runs[name] = code, capsys.readouterr().out
    assert runs["ray"][0] == runs["local"][0] == 1
    ray, local = _findings(tmp_path / "ray.jsonl"), _findings(tmp_path / "local.jsonl")
    assert len(local) > 10
    assert ray == local
    rejected = (tmp_path / "rej_local.jsonl").read_bytes()
    assert rejected and (tmp_path / "rej_ray.jsonl").read_bytes() == rejected
    shards = sorted(
        p.relative_to(tmp_path / "out_local") for p in (tmp_path / "out_local").rglob("*.*")
    )
    assert shards
    for rel in shards:
        assert (tmp_path / "out_ray" / rel).read_bytes() == (
            tmp_path / "out_local" / rel
        ).read_bytes()


@pytest.mark.parametrize("flag", [["--diff"], ["--baseline", "b.json"], ["-"]])
def test_engine_ray_refuses_what_it_cannot_do(flag, tmp_path, capsys):
    (tmp_path / "a.txt").write_text("好", encoding="utf-8")
    code = main(["check", "--engine", "ray", *flag, str(tmp_path / "a.txt")])
    assert code == 2
    assert "--engine ray" in capsys.readouterr().err


def test_big_jsonl_files_are_checked_in_pieces(ray_local, corpus, records, tmp_path, capsys,
                                               monkeypatch):  # fmt: skip
    """Pieces on plain actors (the first ones in the driver while Ray starts); the terminal
    report (full) and the jsonl file rendered with the pieces, the driver writing the text."""
    from lint.integrations import ray_engine
    from lint.output.full import FullFormat

    monkeypatch.setattr(ray_engine, "PIECE_BYTES", 8 * 1024)
    monkeypatch.chdir(corpus.parent)
    write_jsonl(corpus / "big.jsonl", records * 2)
    shown_by_driver = []
    handle = FullFormat.handle

    def shown(fmt, finding):  # the report's own instance, not one rendering a piece's text
        if not isinstance(fmt.stream, io.StringIO):
            shown_by_driver.append(finding)
        handle(fmt, finding)

    monkeypatch.setattr(FullFormat, "handle", shown)
    by_helper = []
    on_actors = ray_engine._on_actors

    def after_a_piece_in_the_driver(setup, helper, most):  # as when Ray is slow to start
        deadline = time.monotonic() + 60
        while not helper.outcomes and helper.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        by_helper.append(len(helper.outcomes))
        yield from on_actors(setup, helper, most)

    monkeypatch.setattr(ray_engine, "_on_actors", after_a_piece_in_the_driver)
    try:
        runs = []
        for name, engine in (
            ("ray", ["--engine", "ray", "--jobs", "2"]),
            ("local", ["--jobs", "1"]),
        ):
            report = ["--output-format", "jsonl", "--color", "never"]  # full on stdout
            code = main(["check", "--no-progress", *engine, *report,
                         "--output-file", f"{name}.jsonl", "corpus"])  # fmt: skip
            out = capsys.readouterr()
            runs.append((code, out.out, _findings(corpus.parent / f"{name}.jsonl")))
            if name == "ray":
                assert not shown_by_driver  # rendered with the pieces
    finally:
        (corpus / "big.jsonl").unlink()
    assert runs[0] == runs[1]
    assert by_helper and by_helper[0] >= 1  # pieces checked in the driver, then on actors
    assert shown_by_driver and runs[1][1].count(" --> corpus/big.jsonl:") > 10
    assert sum(row.get("path") == "corpus/big.jsonl" for row in runs[1][2]) > 10


def test_what_ray_prints_during_a_run_stays_off_the_report(
    ray_local, corpus, tmp_path, capsys, monkeypatch
):
    """Ray prints its own messages (a worker died…) on standard output: they go to stderr."""
    from lint.integrations.ray_engine import RayRunner

    original = RayRunner._run

    def noisy(self, *args):
        print("(raylet) A worker died or was killed")  # what Ray's threads print
        return original(self, *args)

    monkeypatch.chdir(tmp_path)
    argv = ["check", "--no-progress", "--output-format", "json", str(corpus)]
    assert main([*argv, "--jobs", "1"]) == 1
    local = capsys.readouterr().out
    monkeypatch.setattr(RayRunner, "_run", noisy)
    assert main([*argv, "--engine", "ray", "--jobs", "2"]) == 1
    out, err = capsys.readouterr()
    assert "(raylet)" in err and "(raylet)" not in out
    assert json.loads(out) == json.loads(local)


def test_what_cannot_be_read_is_reported_and_the_rest_checked(
    ray_local, corpus, tmp_path, capsys, monkeypatch
):
    """A FIFO and a missing object: SL001 as a local run gives, exit 2, the other file checked."""
    monkeypatch.chdir(tmp_path)
    os.mkfifo("pipe.jsonl")
    ok = str(corpus / "notes.txt")
    missing = (tmp_path / "missing.jsonl").as_uri()
    report = ["check", "--no-progress", "--output-format", "concise"]
    runs = {}
    for name, argv in (
        ("local", [*report, "--jobs", "1", ok, "pipe.jsonl"]),
        ("actors", [*report, "--engine", "ray", ok, "pipe.jsonl"]),  # nothing written: pieces
        ("ray data", [*report, "--engine", "ray", "--reject", "r.jsonl", ok, "pipe.jsonl"]),
        ("uri", [*report, "--engine", "ray", ok, missing]),
    ):
        code = main(argv)
        lines = capsys.readouterr().out.splitlines()
        found = [line for line in lines if "SL001" in line or line.startswith(("Found", "Check"))]
        runs[name] = code, found
    assert runs["local"][0] == 2
    assert "pipe.jsonl: SL001 [error] a FIFO, not a regular file; skipped" in runs["local"][1]
    assert runs["actors"] == runs["ray data"] == runs["local"]
    code, found = runs["uri"]
    assert code == 2 and f"{missing}: SL001 [error] cannot read: no such file" in found
    assert found[-1].startswith("Checked 1 file") and "skipped 1 unreadable" in found[-1]


def test_a_cluster_that_does_not_answer_ends_the_run(tmp_path):
    """RAY_ADDRESS of a port nobody listens on: exit 2 naming the address, not minutes of retries.

    In a child process: the join it gives up on keeps retrying in its thread.
    """
    with socket.socket() as probe:  # a free port, closed again
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (tmp_path / "a.txt").write_text("好", encoding="utf-8")
    script = (
        "import sys; import lint.integrations.ray_engine as engine; engine.INIT_TIMEOUT = 2;"
        "from lint.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    env = {**os.environ, "RAY_ADDRESS": f"127.0.0.1:{port}"}
    done = subprocess.run(
        [sys.executable, "-c", script, "check", "--engine", "ray", str(tmp_path / "a.txt")],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert f"cluster at 127.0.0.1:{port} (RAY_ADDRESS) did not answer in 2 s" in done.stderr


def test_allow_entries_are_used_and_judged_as_in_a_local_run(
    ray_local, records, tmp_path, capsys, monkeypatch
):
    """--show-suppressed lists the same findings, and the unused entry is SL005, as --jobs 1."""
    from lint.integrations import ray_engine

    monkeypatch.setattr(ray_engine, "PIECE_BYTES", 8 * 1024)
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "big.jsonl", records)  # in pieces
    (tmp_path / "notes.txt").write_text(records[-3]["text"], encoding="utf-8")  # whole
    (tmp_path / "pyproject.toml").write_text(
        '[tool.scrapelint.rules.SA001]\nallow = ["推荐度:", "re:^更新时间", "从未出现的词"]\n',
        encoding="utf-8",
    )
    runs = []
    for engine in (["--jobs", "1"], ["--engine", "ray", "--jobs", "2"]):
        code = main(["check", "--no-progress", "--output-format", "concise",
                     "--show-suppressed", *engine, "."])  # fmt: skip
        runs.append((code, capsys.readouterr().out))
    assert runs[0] == runs[1]
    out = runs[0][1]
    assert "SL005" in out and "从未出现的词" in out and "Suppressed (" in out


def test_pieces_shrink_at_the_end_and_cover_the_file_in_whole_lines(tmp_path, monkeypatch):
    """Quarter pieces first (the driver's, while Ray starts), then full-size pieces, then
    shares of what is left (the actors finish together), never below an eighth of the
    full size; every byte in one piece, cut after a line."""
    from lint.integrations import ray_engine
    from lint.integrations.ray_engine import FileTask, RayRunner, piece_size

    full = 8_000
    assert piece_size(1_000_000, 2, full) == piece_size(1_000_000, 2, full, 31_999) == 2_000
    assert piece_size(1_000_000, 2, full, 32_000) == full
    assert piece_size(20_000, 2, full, 50_000) == 5_000  # a quarter: two per actor left
    assert piece_size(3_000, 2, full, 50_000) == 1_000  # not below full / 8
    assert piece_size(3_000, 1, full, 50_000) == 1_500
    lines = [json.dumps({"text": "好" * (i % 50)}).encode() + b"\n" for i in range(3_000)]
    path = tmp_path / "big.jsonl"
    path.write_bytes(b"".join(lines))
    task = FileTask(0, "big.jsonl", "big.jsonl", None, path)  # type: ignore[arg-type]
    monkeypatch.setattr(ray_engine, "PIECE_BYTES", full)
    pieces = RayRunner._cut(task, 2)
    data = path.read_bytes()
    assert pieces[0].start == 0 and pieces[-1].end == len(data) and pieces[-1].last
    assert all(a.end == b.start for a, b in itertools.pairwise(pieces))
    assert all(data[p.end - 1 : p.end] == b"\n" for p in pieces)
    assert [p.first_line for p in pieces] == [data.count(b"\n", 0, p.start) + 1 for p in pieces]
    sizes = [p.end - p.start for p in pieces]
    assert sizes[0] <= full // 4 + 200 and sizes[-2] < full / 4  # small at both ends
    assert max(sizes) <= full + 200 and sum(s > full * 0.9 for s in sizes) > 5
    assert not any(p.last for p in pieces[:-1])


def test_a_local_start_leaves_out_the_monitors_and_only_while_ray_starts():
    """RayParams made inside lean_local_start default to no autoscaler monitor and no log
    monitor (ray start --no-monitor --include-log-monitor=false); outside, Ray's defaults."""
    from ray._private.parameter import RayParams

    from lint.integrations.ray_engine import lean_local_start

    with lean_local_start() as changed:
        inside = RayParams()
        chosen = RayParams(no_monitor=False)
    after = RayParams()
    assert changed
    assert inside.no_monitor is True and inside.include_log_monitor is False
    assert chosen.no_monitor is False  # what a caller says still counts
    assert after.no_monitor is False and after.include_log_monitor is None


def test_phases_are_printed_on_stderr_only_when_asked(ray_local, records, tmp_path, capsys,
                                                      monkeypatch):  # fmt: skip
    """SCRAPELINT_RAY_PHASES: one timestamped line per phase on stderr (Ray was already in
    use: this run neither started nor joined it); none without it."""
    from lint.integrations import ray_engine

    monkeypatch.setattr(ray_engine, "PIECE_BYTES", 8 * 1024)
    write_jsonl(tmp_path / "big.jsonl", records)
    argv = ["check", "--no-progress", "--engine", "ray", "--jobs", "2", "--exit-zero",
            "--output-format", "concise", str(tmp_path / "big.jsonl")]  # fmt: skip
    main(argv)
    assert ray_engine.PHASE_PREFIX not in capsys.readouterr().err
    monkeypatch.setenv(ray_engine.PHASES_ENV, "1")
    main(argv)
    captured = capsys.readouterr()
    phases = [
        json.loads(line[len(ray_engine.PHASE_PREFIX) :])
        for line in captured.err.splitlines()
        if line.startswith(ray_engine.PHASE_PREFIX)
    ]
    names = [p["phase"] for p in phases]
    assert names[0] == "run" and names[-1] == "outputs written"
    assert {"ray ready", "pieces cut"} <= set(names)  # cut by the helper as Ray starts
    assert phases[names.index("ray ready")]["instance"] == "in use"
    assert "actors asked for" in names and "driver stopped checking" in names
    stopped = phases[names.index("driver stopped checking")]
    returned = names.count("piece returned")
    assert stopped["pieces"] + returned == stopped["of"] > 1
    assert [p["time"] for p in phases] == sorted(p["time"] for p in phases)
    assert ray_engine.PHASE_PREFIX not in captured.out
