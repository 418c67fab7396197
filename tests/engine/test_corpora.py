"""Corpora: shards read by default, record locations, --jobs, --output/--reject, bounded memory."""

from __future__ import annotations

import gc
import gzip
import json
from collections.abc import Iterator
from typing import ClassVar

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint import Diagnostic, Document, Rule
from lint.plugins import load_plugins
from tests.engine import testplugin
from tests.engine.test_output import SCHEMA


def _records(n: int, *, star_every: int = 3) -> list[str]:
    out = []
    for i in range(n):
        text = f"第{i}条记录" + ("*" if i % star_every == 0 else "") + "正文。"
        out.append(json.dumps({"id": f"d{i}", "text": text, "n": i}, ensure_ascii=False))
    return out


def _write(path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _json(run) -> list[dict]:
    return json.loads(run.out)


def test_a_directory_of_jsonl_shards_is_linted_by_default(cli, workdir):
    (workdir / "corpus").mkdir()
    _write(workdir / "corpus" / "a.jsonl", _records(4))
    _write(workdir / "corpus" / "b.ndjson", _records(2))
    r = cli("check", "corpus", "--output-format", "json")
    assert r.code == 1
    found = _json(r)
    assert {(d["path"], d["record"]["line"]) for d in found} == {
        ("corpus/a.jsonl", 1),
        ("corpus/a.jsonl", 4),
        ("corpus/b.ndjson", 1),
    }
    assert "Checked 2 files (6 records)" in r.err


def test_nothing_checked_is_exit_2_not_all_checks_passed(cli, workdir):
    (workdir / "empty").mkdir()
    (workdir / "empty" / "image.png").write_bytes(b"\x89PNG")
    r = cli("check", "empty")
    assert r.code == 2
    assert "All checks passed" not in r.out
    assert "no documents were checked" in r.err
    r = cli("check", "missing.txt")
    assert r.code == 2 and "All checks passed" not in r.out + r.err


def test_record_locations_in_concise_and_record_level_problems(cli, workdir):
    lines = [*_records(2), "{broken", json.dumps({"text": "无编号*"}, ensure_ascii=False)]
    _write(workdir / "s.jsonl", lines)
    r = cli("check", "s.jsonl", "--output-format", "concise", "-q")
    out = r.out.splitlines()
    assert out[0] == "s.jsonl:1[d0]:1:6: TS001 [*] [warning] placeholder glyph"
    assert out[1].startswith("s.jsonl:3: SL001 [error] invalid JSON at column 2")
    # no id: line and place only
    assert out[2] == "s.jsonl:4:1:4: TS001 [*] [warning] placeholder glyph"


def test_sarif_and_github_locate_records_in_the_shard(cli, workdir):
    _write(workdir / "s.jsonl", _records(5))
    r = cli("check", "s.jsonl", "--output-format", "sarif")
    log = json.loads(r.out)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    results = log["runs"][0]["results"]
    assert [x["locations"][0]["physicalLocation"]["region"]["startLine"] for x in results] == [
        1,
        4,
    ]
    assert all("fixes" not in x for x in results)
    assert results[1]["locations"][0]["logicalLocations"][0]["name"] == "d3"
    r = cli("check", "s.jsonl", "--output-format", "github")
    assert r.out.splitlines()[1].startswith("::warning file=s.jsonl,line=4,title=TS001")


def test_compressed_shards_and_nested_text_fields(cli, workdir):
    import zstandard

    nested = [
        json.dumps({"meta": {"id": "n1"}, "doc": {"body": "嵌套*文本"}}, ensure_ascii=False),
        json.dumps({"meta": {"id": "n2"}, "doc": {"body": "干净"}}, ensure_ascii=False),
    ]
    data = ("\n".join(nested) + "\n").encode("utf-8")
    (workdir / "a.jsonl.gz").write_bytes(gzip.compress(data))
    (workdir / "b.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(data))
    r = cli(
        "check",
        ".",
        "--text-field",
        "doc.body",
        "--id-field",
        "meta.id",
        "--output-format",
        "json",
    )
    found = _json(r)
    assert [(d["path"], d["record"], d["column"]) for d in found] == [
        ("a.jsonl.gz", {"line": 1, "id": "n1"}, 3),
        ("b.jsonl.zst", {"line": 1, "id": "n1"}, 3),
    ]
    # fixed compressed shards are written compressed, every other byte as it was
    r = cli("check", ".", "--text-field", "doc.body", "--fix", "--output", "out", "-q")
    assert r.code == 0
    fixed_gz = gzip.decompress((workdir / "out" / "a.jsonl.gz").read_bytes())
    fixed_zst = (
        zstandard.ZstdDecompressor()
        .decompressobj()
        .decompress((workdir / "out" / "b.jsonl.zst").read_bytes())
    )
    expected = data.replace("嵌套*文本".encode(), "嵌套文本".encode())
    assert fixed_gz == expected and fixed_zst == expected


def test_parquet_shards(cli, workdir):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table(
        {
            "id": ["p0", "p1", "p2", "p3"],
            "text": ["第一*条", "第二条", "第三条!!", "第四*条"],
            "score": [0.5, 1.0, 1.5, 2.0],
        }
    )
    pq.write_table(table, workdir / "s.parquet", row_group_size=2)
    r = cli("check", "s.parquet", "--output-format", "json")
    found = _json(r)
    assert [(d["code"], d["record"]) for d in found] == [
        ("TS001", {"row": 0, "id": "p0"}),
        ("TS002", {"row": 2, "id": "p2"}),
        ("TS001", {"row": 3, "id": "p3"}),
    ]
    r = cli("check", "s.parquet", "--fix", "--output", "out", "--reject", "rej.jsonl", "-q")
    fixed = pq.read_table(workdir / "out" / "s.parquet")
    assert fixed.schema == table.schema
    # the TS002 (unsafe fix, still failing) row went to the reject file; row order kept
    assert fixed.column("id").to_pylist() == ["p0", "p1", "p3"]
    assert fixed.column("text").to_pylist() == ["第一条", "第二条", "第四条"]
    assert fixed.column("score").to_pylist() == [0.5, 1.0, 2.0]
    [rejected] = [json.loads(x) for x in (workdir / "rej.jsonl").read_text().splitlines()]
    assert rejected["text"] == "第三条!!" and rejected["scrapelint"]["row"] == 2


def test_parquet_without_pyarrow_names_the_extra(cli, workdir, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name.startswith("pyarrow"):
            raise ImportError("No module named 'pyarrow'")
        return real_import(name, *args, **kwargs)

    (workdir / "s.parquet").write_bytes(b"PAR1")
    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    r = cli("check", "s.parquet", "--output-format", "json")
    assert r.code == 2
    [d] = _json(r)
    assert "scrapelint[parquet]" in d["message"]


def test_output_and_reject_split_a_shard_and_keep_untouched_bytes(cli, workdir):
    lines = _records(6)
    lines[1] = '{"id": "d1",   "text": "第1条!!",  "big": 1e400, "k": 1, "k": 2}'
    lines.insert(3, "")  # a blank line passes through
    lines.insert(5, "{not json")
    _write(workdir / "s.jsonl", lines)
    r = cli("check", "s.jsonl", "--fix", "--output", "out", "--reject", "rej.jsonl")
    assert r.code == 2  # the malformed line is an error
    out = (workdir / "out" / "s.jsonl").read_text(encoding="utf-8").split("\n")
    rejected = [json.loads(x) for x in (workdir / "rej.jsonl").read_text().splitlines()]
    # failing records (unsafe fix not applied) and the malformed line go to the reject file
    assert [x["scrapelint"]["line"] for x in rejected] == [2, 6]
    assert rejected[0]["big"] == float("inf") and rejected[0]["k"] == 2
    assert rejected[1]["raw"] == "{not json"
    # everything else, fixed, to --output: untouched records byte-identical
    assert out[0] == lines[0].replace("*", "")
    assert out[1:3] == [lines[2], ""]
    assert out[3] == lines[4].replace("*", "")
    assert "Records: 7 in, 5 to out, 2 rejected to rej.jsonl." in r.out


def test_jobs_2_gives_output_identical_to_jobs_1(cli, workdir):
    for k in range(3):
        _write(workdir / f"s{k}.jsonl", _records(700))
    (workdir / "page.txt").write_text("页面*\n两个!!\n", encoding="utf-8")
    one = cli("check", ".", "--jobs", "1", "--output-format", "jsonl")
    two = cli("check", ".", "--jobs", "2", "--output-format", "jsonl")
    assert one.code == two.code == 1
    assert len(one.out.splitlines()) > 700
    assert one.out == two.out


class _CountLiveDocuments(Rule):
    """Records how many documents are alive while one is checked.

    What
    ----
    Nothing (a probe for tests).
    """

    code = "TS990"
    name = "count-live-documents"
    family = "test"
    seen: ClassVar[list[int]] = []

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Every 100th document, count the Document objects alive."""
        counter = int(document.source.record or 0)
        if counter % 100 == 0:
            type(self).seen.append(sum(isinstance(o, Document) for o in gc.get_objects()))
        return iter(())


def test_memory_is_bounded_by_the_batch_not_the_corpus(cli, workdir):
    import types

    from lint import hookimpl

    probe = types.ModuleType("probe")
    probe.scrapelint_rules = hookimpl(lambda: [_CountLiveDocuments])
    plugins = load_plugins([testplugin, probe], entry_points=None)
    peaks = []
    for n in (500, 2000):
        _CountLiveDocuments.seen = []
        _write(workdir / "s.jsonl", _records(n))
        r = cli("check", "s.jsonl", "--jobs", "1", "--select", "TS990", plugins=plugins)
        assert r.code == 0
        assert len(_CountLiveDocuments.seen) == n // 100
        peaks.append(max(_CountLiveDocuments.seen))
    assert peaks[1] <= peaks[0] <= 3  # the document being checked, not the corpus


def shard_bytes(test):
    """Property test over shards of short lines (LF and CRLF), small limits and chunk sizes."""
    strategies = given(
        data=st.lists(st.sampled_from([b"a", b"bc", b"\n", b"\r\n", b"xyz" * 5]), max_size=30).map(
            b"".join
        ),
        limit=st.integers(1, 40),
        chunk=st.integers(1, 9),
    )
    return settings(max_examples=300, deadline=None)(strategies(test))


@shard_bytes
def test_shard_lines_are_cut_exactly_whatever_the_chunks(data, limit, chunk):
    import io

    import lint.readers.jsonl as jsonl

    got = list(jsonl._lines(io.BytesIO(data), limit, chunk))
    parts = data.split(b"\n")
    expected = [p + b"\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    assert len(got) == len(expected)
    for line, want in zip(got, expected, strict=True):
        assert line == (want if len(want) <= limit else None)


def test_a_record_over_the_size_limit_is_named_and_the_rest_checked(cli, workdir):
    big = json.dumps({"id": "big", "text": "长" * 600_000}, ensure_ascii=False)
    _write(workdir / "s.jsonl", [*_records(2), big, *_records(1)])
    r = cli("check", "s.jsonl", "--max-document-size", "1", "--output-format", "json")
    assert r.code == 2
    found = _json(r)
    [problem] = [d for d in found if d["code"] == "SL001"]
    assert problem["record"]["line"] == 3 and "maximum document size" in problem["message"]
    assert [d["record"]["line"] for d in found if d["code"] == "TS001"] == [1, 4]


class _Tty:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_progress_only_on_a_terminal_outside_ci_and_not_quiet(monkeypatch):
    from lint.progress import wanted

    monkeypatch.delenv("CI", raising=False)
    assert wanted(quiet=False, disabled=False, stream=_Tty(True))
    assert not wanted(quiet=False, disabled=False, stream=_Tty(False))
    assert not wanted(quiet=True, disabled=False, stream=_Tty(True))
    assert not wanted(quiet=False, disabled=True, stream=_Tty(True))
    monkeypatch.setenv("CI", "true")
    assert not wanted(quiet=False, disabled=False, stream=_Tty(True))


def test_progress_bar_counts_what_was_checked(monkeypatch):
    import io

    from lint.progress import Progress

    bar = Progress(files=2, total_bytes=2_000_000)
    buf = io.StringIO()
    bar.console.file = buf
    monkeypatch.setattr("lint.progress.REFRESH_SECONDS", 0.0)
    with bar:
        bar.update(1, 1_000_000, 42)
        fields = bar._bar.tasks[0].fields
        assert (fields["files"], fields["docs"], fields["mb"]) == (1, 42, 1.0)
        assert bar._bar.tasks[0].completed == 1_000_000


@shard_bytes
def test_blocks_cut_into_the_same_records_as_lines(data, limit, chunk):
    import io

    from lint.readers import InputFile, JsonlReader

    reader = JsonlReader()
    reader.chunk_size = chunk
    file = InputFile(io.BytesIO(data), None, "s.jsonl", limit)
    lines = [(u.source.record, u.payload, u.problem) for u in reader.units(file, {})]
    file = InputFile(io.BytesIO(data), None, "s.jsonl", limit)
    from_blocks = [
        (u.source.record, u.payload, u.problem)
        for block in reader.blocks(file, {})
        for u in (reader.records_of(block, limit) if block.records else [block])
    ]
    assert from_blocks == lines
