"""lint.integrations.ray on a local Ray instance: the same findings as ``check --jobs 1``."""

from __future__ import annotations

import json
from collections import Counter

import pytest

pytest.importorskip("ray.data", reason="Ray Data is not installed (pip install 'scrapelint[ray]')")

from lint.cli import main
from lint.integrations import ray as lint_ray
from lint.integrations.records import RecordLinter
from tests.integrations.conftest import write_jsonl


def _cli_findings(capsys, *argv: str) -> tuple[int, list[dict]]:
    code = main(["check", "--no-progress", "--output-format", "jsonl", *argv])
    out = capsys.readouterr().out
    return code, [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def _key(finding: dict) -> tuple:
    """A finding without where its record lives (the dataset has no line numbers)."""
    f = dict(finding)
    record = f.pop("record")
    f.pop("path")
    f.pop("fingerprint")
    return (record["id"] if record else None, json.dumps(f, sort_keys=True, ensure_ascii=False))


@pytest.fixture(scope="module")
def shard(tmp_path_factory, records):
    return write_jsonl(tmp_path_factory.mktemp("ray") / "shard.jsonl", records)


def test_lint_dataset_matches_check_jobs_1(ray_local, shard, records, capsys):
    ds = ray_local.data.read_json(str(shard))
    linted = lint_ray.lint_dataset(ds, id_column="id", actors=(1, 2), batch_size=4)
    rows = linted.take_all()
    assert len(rows) == len(records)
    got = [_key(json.loads(line)) for row in rows for line in row["scrapelint_findings"]]
    _code, expected = _cli_findings(capsys, "--jobs", "1", str(shard))
    assert expected, "the seed pieces must have findings"
    assert Counter(got) == Counter(_key(f) for f in expected)
    by_id = {row["id"]: row for row in rows}
    for rid in ("clean-0", "clean-1"):
        assert by_id[rid]["scrapelint_findings"] == []
        assert not by_id[rid]["scrapelint_failed"]
    per_record = Counter(f["record"]["id"] for f in expected)
    for rid, row in by_id.items():
        n = row["scrapelint_info"] + row["scrapelint_warning"] + row["scrapelint_error"]
        assert n == per_record.get(rid, 0)
    failing = {f["record"]["id"] for f in expected if f["severity"] in ("warning", "error")}
    assert {rid for rid, row in by_id.items() if row["scrapelint_failed"]} == failing


def test_fix_column_is_the_fixed_text_of_check_fix(ray_local, shard, tmp_path, capsys):
    ds = ray_local.data.read_json(str(shard))
    rows = lint_ray.lint_dataset(ds, id_column="id", fix=True, actors=1).take_all()
    out = tmp_path / "out"
    main(["check", "--no-progress", "--fix", "--exit-zero", "--output", str(out), str(shard)])
    capsys.readouterr()
    fixed = {}
    for line in (out / "shard.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        fixed[rec["id"]] = rec["text"]
    assert {row["id"]: row["scrapelint_fixed_text"] for row in rows} == fixed
    assert any(row["scrapelint_fixed_text"] != row["text"] for row in rows)


def test_split_matches_reject(ray_local, shard, tmp_path, capsys):
    ds = ray_local.data.read_json(str(shard))
    clean, rejected = lint_ray.split(ds, id_column="id", select="SA", actors=1)
    clean_ids = sorted(r["id"] for r in clean.take_all())
    rejected_ids = sorted(r["id"] for r in rejected.take_all())
    reject = tmp_path / "reject.jsonl"
    out = tmp_path / "out"
    main(["check", "--no-progress", "--select", "SA", "--jobs", "1", "--reject", str(reject),
          "--output", str(out), str(shard)])  # fmt: skip
    capsys.readouterr()
    expected = sorted(json.loads(x)["id"] for x in reject.read_text("utf-8").splitlines())
    assert rejected_ids == expected
    assert rejected_ids and clean_ids
    assert not set(clean_ids) & set(rejected_ids)


def test_bad_selection_fails_in_the_driver(ray_local):
    ds = ray_local.data.from_items([{"text": "x"}])
    with pytest.raises(Exception, match="ZZ999"):
        lint_ray.lint_dataset(ds, select="ZZ999")


def test_text_that_is_not_a_string_is_an_unreadable_record():
    result = RecordLinter().lint(None, record_id="a")
    assert result.failed
    assert [f.code for f in result.findings] == ["SL001"]
    assert not RecordLinter().lint("好").failed
