"""The benchmark (``python -m lint.bench``): corpus, timing rows, patho arithmetic, processes.

No assertion here is about how fast anything is: only about what is measured
(which documents, how many bytes, fresh documents per run, rows per family),
the arithmetic on given timings, and the process wrapper measuring each run alone.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from lint import Rule
from lint.bench import cli, patho, process, report, timing
from lint.bench.corpus import (
    BenchDocument,
    build_corpus,
    default_files,
    find_shared,
    read_corpus,
)
from tests import linearity

RECORD_1 = "今天召开会议。"  # 7 characters, 21 bytes of UTF-8
RECORD_2 = "会议*的内容, ok"


def write_small_corpus(folder: Path) -> Path:
    """A JSONL file with good, blank, malformed and text-less lines, a .txt and a .md."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps({"id": "r1", "text": RECORD_1}, ensure_ascii=False),
        "",
        json.dumps({"id": "r2", "title": "x", "text": RECORD_2}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "r4"}),
        json.dumps({"id": "r5", "text": 5}),
    ]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "b.txt").write_text("一、二、\n第二行\n", encoding="utf-8")
    (folder / "c.md").write_text("# 标题\n", encoding="utf-8")
    (folder / "ignored.csv").write_text("a,b\n", encoding="utf-8")
    return folder


# -- corpus -------------------------------------------------------------------------


def test_corpus_reads_records_and_files_with_byte_counts(tmp_path):
    folder = write_small_corpus(tmp_path / "c")
    corpus = build_corpus([folder])
    assert [d.label for d in corpus.documents] == ["a.jsonl:1", "a.jsonl:3", "b.txt", "c.md"]
    assert [d.text for d in corpus.documents][:2] == [RECORD_1, RECORD_2]
    assert corpus.documents[0].nbytes == 21
    assert [d.record for d in corpus.documents] == [1, 3, 0, 0]
    expected = sum(
        len(t.encode("utf-8")) for t in (RECORD_1, RECORD_2, "一、二、\n第二行\n", "# 标题\n")
    )
    assert corpus.nbytes == expected
    assert corpus.skipped_records == 3  # malformed, no text, text not a string
    assert [p.name for p in corpus.files] == ["a.jsonl", "b.txt", "c.md"]


def test_identical_files_are_read_once_and_noted(tmp_path):
    folder = write_small_corpus(tmp_path / "c")
    copy = tmp_path / "copy.txt"
    copy.write_bytes((folder / "b.txt").read_bytes())
    corpus = read_corpus([folder / "b.txt", copy], "test")
    assert [d.label for d in corpus.documents] == ["b.txt"]
    assert corpus.files == [folder / "b.txt"]
    assert any("identical" in n for n in corpus.notes)


def make_shared_layout(tmp_path: Path) -> tuple[Path, Path]:
    """A fake checkout (``repo/seeds``) next to a fake ``shared`` folder."""
    repo, shared = tmp_path / "repo", tmp_path / "shared"
    (repo / "seeds").mkdir(parents=True)
    (repo / "seeds" / "s.txt").write_text("种子\n", encoding="utf-8")
    write_small_corpus(shared / "corpus" / "clean")
    (shared / "corpus" / "dirty").mkdir(parents=True)
    (shared / "corpus" / "dirty" / "p.txt").write_text("相关文章\n", encoding="utf-8")
    (shared / "corpus" / "dirty" / "notes.md").write_text("not a page\n", encoding="utf-8")
    (shared / "seeds").mkdir()
    for name in ("000.txt", "000.fixed.txt", "000.expected.md"):
        (shared / "seeds" / name).write_text(name, encoding="utf-8")
    return repo, shared


def test_default_files_are_clean_dirty_seed_and_repo_seeds(tmp_path):
    repo, shared = make_shared_layout(tmp_path)
    assert find_shared(None, repo) == shared
    files, description, notes = default_files(find_shared(None, repo), repo)
    rel = [p.relative_to(tmp_path).as_posix() for p in files]
    assert rel == [
        "shared/corpus/clean/a.jsonl",
        "shared/corpus/clean/b.txt",
        "shared/corpus/clean/c.md",
        "shared/corpus/dirty/p.txt",
        "shared/seeds/000.txt",
        "repo/seeds/s.txt",
    ]
    assert notes == []
    assert "dirty (1 pages)" in description


def test_without_shared_the_default_falls_back_to_seeds_and_says_so(tmp_path):
    repo, _ = make_shared_layout(tmp_path / "elsewhere")
    lonely = tmp_path / "lonely"
    (lonely / "seeds").mkdir(parents=True)
    (lonely / "seeds" / "s.txt").write_text("种子\n", encoding="utf-8")
    assert find_shared(None, lonely) is None
    files, description, notes = default_files(None, lonely)
    assert files == [lonely / "seeds" / "s.txt"]
    assert "fallback" in description
    assert "--shared" in notes[0]
    # --shared names the folder explicitly; a folder without corpus/ is an error
    assert find_shared(repo.parent / "shared", lonely) == repo.parent / "shared"
    with pytest.raises(FileNotFoundError):
        build_corpus([], shared=lonely)


# -- rule timing ----------------------------------------------------------------------

ANALYSED: list[str] = []


def count_meetings(document) -> int:
    """A shared analysis that records every computation."""
    ANALYSED.append(document.text)
    return document.text.count("会议")


class MeetingRule(Rule):
    """Flags documents that mention meetings."""

    code = "ZZ001"
    name = "meeting"
    family = "test-meetings"

    def check(self, document):
        """Report once per document with a meeting."""
        if document.memo(count_meetings):
            yield self.report(0, 1, "meeting")


class MeetingTwiceRule(MeetingRule):
    """Same analysis, second rule of the family."""

    code = "ZZ002"
    name = "meeting-twice"


class StarRule(Rule):
    """Flags every star (another family, with a trigger)."""

    code = "ZY001"
    name = "star"
    family = "test-stars"
    triggers = ("*",)

    def check(self, document):
        """Report each star."""
        text = document.text
        for i, ch in enumerate(text):
            if ch == "*":
                yield self.report(i, i + 1, "star")


def test_every_timed_run_checks_fresh_documents():
    docs = [BenchDocument(f"d{i}", t, len(t.encode())) for i, t in enumerate([RECORD_1, "无"])]
    ANALYSED.clear()
    timed = timing.time_rules(docs, [MeetingRule(), MeetingTwiceRule()], repeat=3)
    # the analysis is shared by both rules within a run, computed again in each run
    assert ANALYSED == [RECORD_1, "无"] * 3
    assert timed.findings == 2  # one document with a meeting, two rules
    assert timed.errors == 0 and timed.seconds >= 0


class BrokenRule(Rule):
    """Fails on documents with a star."""

    code = "ZW001"
    name = "broken"
    family = "test-broken"

    def check(self, document):
        """Raise on a star."""
        if "*" in document.text:
            raise RuntimeError("boom")
        return iter(())


def test_rule_errors_are_counted_and_reported(tmp_path):
    corpus = build_corpus([write_small_corpus(tmp_path / "c")])
    rules = [BrokenRule(), StarRule()]
    result = timing.measure_corpus(corpus.documents, corpus.files, rules, repeat=1, per_rule=False)
    assert result.rules == []
    assert result.all_rules.errors == 1 and result.all_rules.findings == 2
    assert [r.errors for r in result.families] == [1, 0]
    assert report.errors_line(result) == (
        "warning: engine errors (SL codes) in: all selected rules (2) (1), ZW test-broken (1) (1)"
    )


def test_corpus_timing_has_floor_all_family_and_rule_rows(tmp_path):
    corpus = build_corpus([write_small_corpus(tmp_path / "c")])
    rules = [MeetingRule(), MeetingTwiceRule(), StarRule()]
    result = timing.measure_corpus(corpus.documents, corpus.files, rules, repeat=1)
    assert [r.kind for r in result.rows()] == ["floor", "all", "family", "family"] + ["rule"] * 3
    assert [r.label for r in result.families] == [
        "ZZ test-meetings (2)",
        "ZY test-stars (1)",
    ]
    assert [r.label for r in result.rules] == ["ZZ001 meeting", "ZZ002 meeting-twice", "ZY001 star"]
    # RECORD_1 and RECORD_2 mention meetings (x2 rules); RECORD_2 has one star
    assert [r.findings for r in result.rules] == [2, 2, 1]
    assert [r.findings for r in result.families] == [4, 1]
    assert result.all_rules.findings == 5
    for row in result.rows():
        assert row.documents == 4 and row.nbytes == corpus.nbytes
        assert row.mb_per_s == pytest.approx(corpus.nbytes / 1e6 / max(row.seconds, 1e-9))
    assert result.ratio == pytest.approx(result.all_rules.seconds / result.floor.seconds)
    table = report.corpus_table(result)
    assert "ZZ test-meetings (2)" in table and "x floor" in table


def test_floor_must_parse_the_same_documents_as_the_rules(tmp_path):
    corpus = build_corpus([write_small_corpus(tmp_path / "c")])
    with pytest.raises(ValueError, match="floor parsed 2 documents"):
        timing.measure_corpus(corpus.documents, corpus.files[:1], [StarRule()], repeat=1)


def test_selection_builds_the_configured_rules():
    assert timing.split_selectors(["MC001, DT", "SA004"]) == ["MC001", "DT", "SA004"]
    assert timing.split_selectors(None) is None
    chosen = timing.load_rules(["MC001", "DT"])
    assert chosen and {r.code[:2] for r in chosen} == {"MC", "DT"}
    assert all(r.code == "MC001" or r.code.startswith("DT") for r in chosen)
    default = timing.load_rules(None)
    assert {r.code for r in chosen} <= {r.code for r in default}
    assert len(timing.by_family(default)) >= 4


# -- pathological inputs ----------------------------------------------------------------


def test_patho_inputs_repeat_their_unit_to_the_size():
    one = patho.patho_text("years-one-line", 5_000)
    unit = patho.ONE_LINE["years-one-line"]
    assert one.count("\n") == 1 and one.rstrip("\n") == unit * (len(one) // len(unit))
    assert 5_000 <= len(one.encode("utf-8")) < 5_000 + 2 * len(unit.encode("utf-8"))
    many = patho.patho_text("articles", 5_000)
    assert many.startswith("篇2\n今天") and "\n篇3\n" in many and "\n篇4\n" in many
    assert len(many.encode("utf-8")) >= 5_000
    assert linearity.patho_text is patho.patho_text  # the tests time the same inputs


def test_long_line_is_one_line_of_about_the_size():
    text = patho.long_line(["第一段。\n第二段，\n", "  另一篇 文章。"], 10_000, sample=30)
    assert text.count("\n") == 1 and text.endswith("\n")
    assert " " not in text
    assert 10_000 <= len(text.encode("utf-8")) < 10_100
    assert text.startswith("第一段。第二段，另一篇文章。第一段。")


def test_linear_times_give_growth_two_and_no_flag():
    row = patho.assess("x", [64_000, 128_000, 256_000], [0.01, 0.02, 0.04])
    assert row.growths == pytest.approx([2.0, 2.0])
    assert row.per_doubling == pytest.approx(2.0)
    assert row.seconds_per_mb == pytest.approx(0.04 / 0.256)
    assert row.flags == []


def test_quadratic_times_are_flagged_for_growth_and_seconds_per_mb():
    row = patho.assess("q", [64_000, 128_000, 256_000], [0.1, 0.4, 1.6])
    assert row.growths == pytest.approx([4.0, 4.0])
    assert row.per_doubling == pytest.approx(4.0)
    assert row.seconds_per_mb == pytest.approx(1.6 / 0.256)
    assert len(row.flags) == 2 and row.flagged
    # linear but slow: only the seconds-per-MB flag
    slow = patho.assess("s", [1_000_000, 2_000_000], [1.5, 3.0])
    assert slow.per_doubling == pytest.approx(2.0)
    assert slow.flags == ["1.50 s/MB (> 1)"]


def test_growth_is_per_doubling_whatever_the_scale_and_tiny_times_are_floored():
    row = patho.assess("x", [1_000, 4_000], [0.001, 0.004])  # one step of 4x
    assert row.per_doubling == pytest.approx(2.0)
    assert row.growths == pytest.approx([2.0])
    tiny = patho.assess("t", [1_000, 2_000], [0.0, 0.00005], resolution=1e-4)
    assert tiny.per_doubling == pytest.approx(1.0)


def test_a_size_over_the_limit_stops_the_case_and_is_flagged():
    row = patho.assess("x", [64_000, 128_000, 256_000], [0.5, None, None], limit=10)
    assert row.per_doubling is None
    assert row.seconds_per_mb == pytest.approx(0.5 / 0.064)
    assert row.flags[0] == "over 10 s CPU at 128 KB"


class SpinRule(Rule):
    """Spins on inputs above 600 characters (a stand-in for a quadratic rule)."""

    code = "ZX001"
    name = "spin"
    family = "test-spin"

    def check(self, document):
        """Never return on a long document."""
        while len(document.text) > 600:
            pass
        return iter(())


def test_cpu_limit_stops_a_check_the_engine_would_otherwise_report_as_an_error():
    case = patho.PathoCase("spin", lambda size: "字" * (size // 3), 1_500)
    row = patho.time_case(case, [SpinRule()], repeat=1, limit=0.1, min_sample=0.001)
    assert row.sizes[0] == 1_500
    assert row.seconds[0] is not None and row.seconds[1:] == [None, None]
    assert row.flags[0].startswith("over 0.1 s CPU at 3 KB")
    assert "over 0.1 s" in report.patho_table([row])


def test_rule_errors_on_a_pathological_input_are_flagged():
    case = patho.PathoCase("stars", lambda size: "*" * size, 100)
    row = patho.time_case(case, [BrokenRule()], repeat=1, limit=None, min_sample=0.001)
    assert row.flags == ["1 rule error(s) (SL codes): times are too low"]
    assert patho.check_once("*", [BrokenRule()], None).errors == 1
    assert patho.check_once("a", [BrokenRule()], None).errors == 0


# -- whole processes --------------------------------------------------------------------


def test_jsonl_corpus_repeats_documents_up_to_the_size(tmp_path):
    docs = [BenchDocument(f"d{i}", t, len(t.encode())) for i, t in enumerate([RECORD_1, "页面"])]
    info = process.write_jsonl(docs, tmp_path / "big.jsonl", 1_000)
    lines = (tmp_path / "big.jsonl").read_bytes().splitlines()
    assert info.file_bytes == (tmp_path / "big.jsonl").stat().st_size >= 1_000
    assert info.records == len(lines)
    records = [json.loads(line) for line in lines]
    assert {r["text"] for r in records} == {RECORD_1, "页面"}
    assert info.text_bytes == sum(len(r["text"].encode()) for r in records)
    assert len({r["id"] for r in records}) == len(records)
    again = process.write_jsonl(docs, tmp_path / "again.jsonl", 1_000)
    assert (tmp_path / "again.jsonl").read_bytes() == (tmp_path / "big.jsonl").read_bytes()
    assert again.records == info.records


def test_usage_errors_and_crashes_are_named():
    usage = "usage: scrapelint [-h]\nscrapelint: error: unrecognized arguments: --jobs 2\n"
    assert process.diagnose(2, usage) == (
        "usage error: scrapelint check does not accept --jobs 2 yet"
    )
    crash = "Traceback (most recent call last):\n  File \"x\"\nKeyError: 'text'\n"
    assert process.diagnose(2, crash) == "crashed: KeyError: 'text'"
    assert process.diagnose(0, "warnings") is None
    assert process.diagnose(2, "", "All checks passed!\nnothing was checked\n") == (
        "exit 2: nothing was checked"
    )


def test_engine_errors_are_counted_from_the_findings():
    lines = [
        {"code": "SA001", "message": "SL002 is mentioned here"},
        {"code": "SL002", "message": "rule failed"},
        {"code": "SL002", "message": "rule failed again"},
        {"code": "SL001", "message": "bad JSON"},
    ]
    data = "\n".join(json.dumps(x) for x in lines).encode() + b"\n{broken SL\n"
    assert process.engine_codes(data) == {"SL001": 1, "SL002": 2}


def test_each_wrapped_run_reports_its_own_peak_memory(tmp_path):
    big, _, _ = process.run_measured([sys.executable, "-c", "b = b'x' * 60_000_000"], tmp_path)
    small, stderr, stdout = process.run_measured(
        [sys.executable, "-c", "import sys; print('hi'); sys.exit('bye')"], tmp_path
    )
    assert big["rc"] == 0 and small["rc"] == 1
    assert stderr == "bye\n" and stdout == "hi\n"
    assert big["maxrss_kb"] >= 58_000
    assert big["wall"] > 0 and 0 < big["cpu"] < 60
    assert small["maxrss_kb"] < big["maxrss_kb"] - 40_000  # not the max over both runs


def make_run(jobs: int | None, wall: float, digest: str, problem: str | None = None):
    """A process run with the given jobs, wall time and output digest."""
    return process.ProcessRun(
        f"j{jobs}", jobs, 0, wall, wall, 1000, 1000, 3, digest, problem, 10**7
    )


def test_speedup_and_identical_output_across_runs():
    runs = [make_run(1, 10.0, "a"), make_run(2, 5.5, "a")]
    assert process.speedup(runs) == pytest.approx(10.0 / 5.5)
    assert process.same_output(runs) is True
    assert process.same_output([*runs, make_run(3, 4.0, "b")]) is False
    failed = [make_run(1, 10.0, "a"), make_run(2, 0.1, "", "usage error: --jobs")]
    assert process.speedup(failed) is None
    assert process.same_output(failed) is None
    assert runs[0].mb_per_s == pytest.approx(1.0)
    assert process.busy_warning(runs, 2) is None
    runs[1].load = 3.2
    assert "load average up to 3.2 on 2 CPUs" in process.busy_warning(runs, 2)


def test_ray_speedup_is_over_the_local_jobs_1_run_and_kept_apart_from_jobs_2():
    ray = make_run(2, 8.0, "a")
    ray.engine = "ray"
    runs = [make_run(1, 12.0, "a"), make_run(2, 6.0, "a"), ray]
    assert process.speedup(runs) == pytest.approx(2.0)  # the local --jobs 2
    assert process.speedup(runs, engine="ray") == pytest.approx(1.5)
    assert process.speedup(runs[:2], engine="ray") is None
    summary = report.process_summary(runs, process.Startup(0.1, 0.1, 5, None))
    assert "speed-up --engine ray --jobs 2 over --jobs 1: 1.50x (target >= 1.5x: met)" in summary
    assert "speed-up --jobs 2 over --jobs 1: 2.00x" in summary
    ray.wall = 9.0
    summary = report.process_summary(runs, process.Startup(0.1, 0.1, 5, None))
    assert "1.33x (target >= 1.5x: NOT met)" in summary


def test_ray_runs_started_and_attached_each_have_their_speedup_and_phases():
    started, attached = make_run(2, 8.0, "a"), make_run(2, 6.0, "a")
    for run, instance in ((started, process.STARTED), (attached, process.ATTACHED)):
        run.engine, run.instance, run.label = "ray", instance, f"--engine ray, {instance}"
    attached.instance_start = 4.25
    started.phases = {"ray ready": 3.0, "outputs written": 7.5}
    started.phase_notes = {"ray ready": "instance started"}
    runs = [make_run(1, 12.0, "a"), started, attached]
    assert process.speedup(runs, engine="ray", instance=process.STARTED) == pytest.approx(1.5)
    assert process.speedup(runs, engine="ray", instance=process.ATTACHED) == pytest.approx(2.0)
    summary = report.process_summary(runs, process.Startup(0.1, 0.1, 5, None))
    assert (
        "speed-up --engine ray --jobs 2 over --jobs 1, Ray started by the run: 1.50x"
        " (target >= 1.5x: met)" in summary
    )
    assert (
        "speed-up --engine ray --jobs 2 over --jobs 1, attached to a running local instance"
        " (its start, not counted: 4.25 s): 2.00x (target >= 1.5x: met)" in summary
    )
    assert (
        "phases of --engine ray, started, s from its start: ray ready 3.00 (instance started),"
        " outputs written 7.50, process ended 8.00" in summary
    )
    attached.problem = "asked for Ray attached, the run said: instance started"
    summary = report.process_summary(runs, process.Startup(0.1, 0.1, 5, None))
    assert "attached to a running local instance (its start, not counted: 4.25 s): not" in summary


def test_ray_phases_are_read_from_stderr_in_seconds_from_the_start():
    from lint.integrations.ray_engine import PHASE_PREFIX

    def line(name, at, **details):
        return PHASE_PREFIX + json.dumps({"phase": name, "time": 1000.0 + at, **details})

    stderr = "\n".join([
        "some warning of Ray",
        line("run", 0.5),
        line("pieces cut", 1.5, pieces=30),
        line("ray ready", 2.25, instance="started"),
        line("driver stopped checking", 3.0, pieces=2, of=30),
        line("piece returned", 4.0, piece=2),
        line("piece returned", 5.0, piece=3),
        line("piece returned", 9.5, piece=29),
        PHASE_PREFIX + "{not json",
        line("outputs written", 9.75),
    ])  # fmt: skip
    phases, notes = process.ray_phases(stderr, 1000.0)
    assert phases == {
        "run": 0.5, "pieces cut": 1.5, "ray ready": 2.25, "driver stopped checking": 3.0,
        "first piece returned": 4.0, "last piece returned": 9.5, "outputs written": 9.75,
    }  # fmt: skip
    assert notes == {
        "pieces cut": "30 pieces",
        "ray ready": "instance started",
        "driver stopped checking": "2 of 30 pieces",
    }
    assert process.ray_phases("no phases here", 0.0) == ({}, {})


def test_the_timed_command_names_the_engine_before_the_jobs(tmp_path):
    cmd = process.check_command(tmp_path / "c.jsonl", tmp_path / "o.jsonl", 2, "ray", ["sl"])
    assert cmd == [
        "sl", "check", "--isolated", "--exit-zero", "--output-format", "jsonl",
        "--output-file", str(tmp_path / "o.jsonl"), "--engine", "ray", "--jobs", "2",
        str(tmp_path / "c.jsonl"),
    ]  # fmt: skip
    assert "--engine" not in process.check_command(tmp_path / "c", tmp_path / "o", 1, None, ["sl"])


# -- output -------------------------------------------------------------------------------


def test_table_columns_are_aligned():
    table = report.format_table(["name", "MB/s"], [["a", "1.5"], ["longer", "12.25"]], "lr")
    assert table.splitlines() == [
        "name     MB/s",
        "------  -----",
        "a         1.5",
        "longer  12.25",
    ]


def test_command_line_json_on_given_paths(tmp_path, capsys):
    folder = write_small_corpus(tmp_path / "c")
    code = cli.main([str(folder), "--select", "MC", "--repeat", "1", "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["corpus"]["documents"] == 4
    argv = [str(folder), "--select", "MC", "--repeat", "1", "--json"]
    assert out["command"] == ["python", "-m", "lint.bench", *argv]
    kinds = [r["kind"] for r in out["corpus_timing"]["rows"]]
    assert kinds[:3] == ["floor", "all", "family"] and kinds.count("family") == 1
    assert out["corpus_timing"]["rows"][2]["label"].startswith("MC masked-characters")
    assert out["machine"]["cpus"] >= 1


def test_the_closing_run_record_is_not_compared():
    finding = b'{"code": "SA001"}\n'
    run = b'{"scrapelint_run": {"seconds": 1.5}}\n'
    assert process.findings_part(finding * 2 + run) == finding * 2
    assert process.findings_part(finding * 2) == finding * 2
    assert process.findings_part(run) == b""
    assert process.findings_part(b"") == b""
