"""The datatrove steps on datatrove's local executor: same findings as ``check --jobs 1``."""

from __future__ import annotations

import gzip
import json
from collections import Counter

import pytest

pytest.importorskip("datatrove", reason="datatrove is not installed (scrapelint[datatrove])")

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from lint.cli import main
from lint.integrations.datatrove import ScrapelintAnnotator, ScrapelintFilter
from tests.integrations.conftest import write_jsonl


def _read_output(folder) -> list[dict]:
    rows = []
    for path in sorted(folder.rglob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh if line.strip())
    return rows


def records_of(path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def _cli(capsys, *argv: str) -> list[dict]:
    main(["check", "--no-progress", "--jobs", "1", "--output-format", "jsonl", *argv])
    return [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.startswith("{")]


def _key(finding: dict) -> tuple:
    f = {k: v for k, v in finding.items() if k not in ("path", "record", "fingerprint")}
    return json.dumps(f, sort_keys=True, ensure_ascii=False)


@pytest.fixture
def shard(tmp_path, records):
    return write_jsonl(tmp_path / "in" / "shard.jsonl", records)


def _run(tmp_path, step, *extra) -> None:
    pipeline = [
        JsonlReader(str(tmp_path / "in"), id_key="id"),
        step,
        *extra,
        JsonlWriter(str(tmp_path / "out")),
    ]
    LocalPipelineExecutor(pipeline, tasks=1, workers=1, logging_dir=str(tmp_path / "logs")).run()


def test_filter_keeps_clean_documents_and_excludes_the_rest(tmp_path, shard, capsys):
    step = ScrapelintFilter(exclusion_writer=JsonlWriter(str(tmp_path / "rejected")))
    _run(tmp_path, step)
    kept = _read_output(tmp_path / "out")
    rejected = _read_output(tmp_path / "rejected")
    expected = _cli(capsys, str(shard))
    failing = {f["record"]["id"] for f in expected if f["severity"] in ("warning", "error")}
    assert {d["id"] for d in rejected} == failing
    assert failing and kept
    assert not {d["id"] for d in kept} & failing
    for doc in rejected:
        assert doc["metadata"]["filter_reason"] == "scrapelint"
        assert doc["metadata"]["scrapelint_failed"]
    got = [
        _key(json.loads(x)) for d in kept + rejected for x in d["metadata"]["scrapelint_findings"]
    ]
    assert Counter(got) == Counter(_key(f) for f in expected)


def test_annotator_fixes_like_check_fix(tmp_path, shard, capsys):
    _run(tmp_path, ScrapelintAnnotator(fix=True))
    docs = {d["id"]: d for d in _read_output(tmp_path / "out")}
    fixed_dir = tmp_path / "fixed"
    remaining = _cli(capsys, "--fix", "--output", str(fixed_dir), str(shard))
    lines = (fixed_dir / "shard.jsonl").read_text(encoding="utf-8").splitlines()
    fixed = {rec["id"]: rec["text"] for rec in map(json.loads, lines)}
    assert {k: d["text"] for k, d in docs.items()} == fixed
    original = {r["id"]: r["text"] for r in records_of(shard)}
    assert any(d["text"] != original[k] for k, d in docs.items())
    got = [_key(json.loads(x)) for d in docs.values() for x in d["metadata"]["scrapelint_findings"]]
    assert Counter(got) == Counter(_key(f) for f in remaining)
    per_doc = Counter(f["record"]["id"] for f in remaining)
    for rid, doc in docs.items():
        meta = doc["metadata"]
        total = meta["scrapelint_info"] + meta["scrapelint_warning"] + meta["scrapelint_error"]
        assert total == per_doc.get(rid, 0)


def test_bad_selection_fails_when_the_step_is_built():
    with pytest.raises(Exception, match="ZZ999"):
        ScrapelintFilter(select="ZZ999")
