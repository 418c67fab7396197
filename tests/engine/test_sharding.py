"""``check --shard K/N`` and ``scrapelint merge``: the merge of N shards is the single run."""

from __future__ import annotations

import json

import pytest

from lint import sharding
from lint.cli import main
from lint.discovery import Target
from lint.plugins import load_plugins
from lint.readers import JsonlReader
from tests.integrations.conftest import seed_records, write_jsonl


def _formats() -> list[str]:
    """Every format ``check --output-format`` accepts (built-in and plugin formats)."""
    return sorted(load_plugins().output_formats())


FORMATS = _formats()


@pytest.fixture(scope="module")
def records() -> list[dict]:
    """The small corpus cut from the seed, as the integration tests use it."""
    return seed_records()


@pytest.fixture
def corpus(tmp_path, records, monkeypatch):
    """Small files, and one big enough to be cut into stripes (the stripe made small)."""
    monkeypatch.setattr(sharding, "STRIPE_BYTES", 16 * 1024)
    monkeypatch.setattr(JsonlReader, "chunk_size", 4096)  # blocks smaller than a stripe
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "corpus"
    write_jsonl(root / "big.jsonl", records * 3)  # about 6 stripes
    for i in range(4):
        write_jsonl(root / "small" / f"s{i}.jsonl", records[i::4])
    (root / "notes.txt").write_text(records[-3]["text"], encoding="utf-8")
    (root / "clean.txt").write_text(records[-1]["text"], encoding="utf-8")
    return root


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _shards(capsys, n: int, *extra: str, where: str = "shards") -> None:
    for k in range(1, n + 1):
        code, _, err = _run(
            capsys, "check", "--no-progress", "--shard", f"{k}/{n}", "--shard-dir", where,
            "-q", *extra, "corpus",
        )  # fmt: skip
        assert code in (0, 1), err


def _suppressions(corpus) -> None:
    """A config with a used and an unused allow entry; a used and an unused disable comment.

    The config sits at the corpus root, so ``check corpus`` covers it whole and a
    single run reports its unused allow entry (SL005).
    """
    corpus.joinpath("pyproject.toml").write_text(
        '[tool.scrapelint.rules.SA001]\nallow = ["re:推荐度", "re:no such chrome"]\n',
        encoding="utf-8",
    )
    corpus.joinpath("comments.txt").write_text(
        "篇首\n<!-- scrapelint-disable-next-line MC001 -->\n今年**月6日以来，工作顺利。\n"
        "<!-- scrapelint-disable-line DL003 --> 普通的一行。\n",
        encoding="utf-8",
    )


def test_merge_equals_the_single_run_in_every_format(corpus, capsys, monkeypatch):
    # the run's start and duration (html, the jsonl run record) are fixed, as for a
    # reproducible build; everything else must already be the same bytes
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert corpus.joinpath("big.jsonl").stat().st_size > 4 * sharding.STRIPE_BYTES
    _suppressions(corpus)
    for n in (1, 3):
        _shards(capsys, n, where=f"shards{n}")
    assert {"html", "junit", "gitlab", "rdjson", "grouped", "sarif"} <= set(FORMATS)
    differ = []
    for fmt in FORMATS:
        common = ["--color", "never", "--output-format", fmt, "--show-suppressed"]
        single = _run(capsys, "check", "--no-progress", "--jobs", "1", *common, "corpus")
        assert single[0] == 1 and single[1], (fmt, single[2])
        if fmt == "concise":  # the suppressions at work: SL005 twice, and what was suppressed
            report = single[1] + single[2]
            assert "unused allow entry 're:no such chrome' of rules.SA001" in report
            assert "corpus/comments.txt:4:1: SL005" in report
            assert "(suppressed by allow entry 're:推荐度'" in report
            assert "(suppressed by comment scrapelint-disable-next-line at line 2)" in report
        # to a file (the artifact): jsonl ends with the run's record there
        in_file = _run(capsys, "check", "--no-progress", "--jobs", "1", *common,
                       "--output-file", f"single.{fmt}", "corpus")  # fmt: skip
        written = (corpus.parent / f"single.{fmt}").read_bytes()
        assert written
        for n in (1, 3):
            merged = _run(capsys, "merge", f"shards{n}", *common)
            if merged != single:
                differ.append(f"{fmt} ({n} shards)")
            merged = _run(capsys, "merge", f"shards{n}", *common, "--output-file", f"m.{fmt}")
            if merged != in_file or (corpus.parent / f"m.{fmt}").read_bytes() != written:
                differ.append(f"{fmt} ({n} shards, --output-file)")
    assert not differ, f"the merge differs from the single run in: {differ}"


def test_every_record_is_checked_by_exactly_one_shard(corpus, capsys):
    _shards(capsys, 3)
    manifests = [
        json.loads((corpus.parent / "shards" / f"shard-{k:04d}-of-0003.manifest.json").read_text())
        for k in (1, 2, 3)
    ]
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    large = [p for p in files if p.stat().st_size > sharding.STRIPE_BYTES]
    striped = sorted(p.relative_to(corpus.parent).as_posix() for p in large)
    assert "corpus/big.jsonl" in striped
    assert [m["striped"] for m in manifests] == [striped] * 3
    big = [m["per_file"]["corpus/big.jsonl"][0] for m in manifests]
    assert all(big) and sum(big) == len(corpus.joinpath("big.jsonl").read_text().splitlines())
    whole = [d for m in manifests for d in m["files"] if d not in striped]
    assert sorted(whole) == sorted(set(whole)) and len(whole) == len(files) - len(striped)


def test_fail_on_and_exit_zero_follow_the_single_run(corpus, capsys):
    _shards(capsys, 2)
    for flags in (["--fail-on", "error"], ["--exit-zero"], []):
        single = _run(capsys, "check", "--no-progress", "-q", *flags, "corpus")
        merged = _run(capsys, "merge", "shards", "-q", *flags)
        assert merged[0] == single[0], flags


def test_gates_are_judged_on_the_merged_run(corpus, capsys):
    """Gates from the configuration and from --gate: the merge judges them as a single run."""
    (corpus.parent / "pyproject.toml").write_text(
        '[tool.scrapelint.gates]\nMC = "2 per MB"\n', encoding="utf-8"
    )
    for k in (1, 2, 3):  # a shard judges no gate: it holds only part of the run
        code, out, err = _run(capsys, "check", "--no-progress", "--shard", f"{k}/3",
                              "--shard-dir", "shards", "corpus")  # fmt: skip
        assert code == 1 and "Gate" not in out + err
    for flags in ([], ["--gate", "SA001=50%"], ["--gate", "warning=3@small/*"]):
        report = ["--no-progress", "--output-format", "concise", *flags]
        single = _run(capsys, "check", *report, "corpus")
        merged = _run(capsys, "merge", "shards", *report)
        assert merged == single, flags
        assert single[1].count("Gate failed:") == 1 + (flags[-1:] == ["warning=3@small/*"])


def test_merge_refuses_shards_of_different_rule_sets(corpus, capsys):
    _run(capsys, "check", "--no-progress", "-q", "--shard", "1/2", "--shard-dir", "a", "corpus")
    _run(capsys, "check", "--no-progress", "-q", "--shard", "2/2", "--shard-dir", "b",
         "--select", "SA", "corpus")  # fmt: skip
    code, _, err = _run(capsys, "merge", "a", "b")
    assert code == 2
    assert "different rule sets" in err and "refusing to merge" in err


def test_merge_refuses_other_versions_missing_and_repeated_shards(corpus, capsys):
    _shards(capsys, 3)
    shards = corpus.parent / "shards"
    code, _, err = _run(capsys, "merge", "shards", "shards")
    assert code == 2 and "appears more than once" in err
    manifest = shards / "shard-0002-of-0003.manifest.json"
    data = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**data, "version": "0.0.1"}))
    code, _, err = _run(capsys, "merge", "shards")
    assert code == 2 and "different scrapelint versions" in err
    manifest.unlink()
    code, _, err = _run(capsys, "merge", "shards")
    assert code == 2 and "missing shard results: 2/3" in err


@pytest.mark.parametrize(
    "argv",
    [["--shard", "0/3"], ["--shard", "4/3"], ["--shard", "x"], ["--shard", "1/2", "--fix"],
     ["--shard", "1/2", "--output", "out"], ["--shard", "1/2", "--reject", "r.jsonl"],
     ["--shard", "1/2", "--gate", "MC=0"]],
)  # fmt: skip
def test_shard_usage_errors(corpus, capsys, argv):
    code, _, err = _run(capsys, "check", "--no-progress", *argv, "corpus")
    assert code == 2
    assert "--shard" in err


def test_plan_is_deterministic_and_balanced(tmp_path):
    sizes = [5, 1, 9, 3, 7, 7, 2]
    targets = []
    for i, size in enumerate(sizes):
        path = tmp_path / f"f{i}.txt"
        path.write_bytes(b"x" * size)
        targets.append(Target(path, f"f{i}.txt", f"f{i}.txt"))
    owners = sharding.plan(targets, 3, stripe=100)
    assert owners == sharding.plan(list(targets), 3, stripe=100)
    loads = [sum(s for s, o in zip(sizes, owners, strict=True) if o == k) for k in range(3)]
    assert max(loads) - min(loads) <= max(sizes)
    assert sharding.plan(targets, 3, stripe=4)[2] is None  # 9 bytes: striped


def test_an_allow_entry_is_unused_only_when_no_shard_used_it(tmp_path):
    """The merge reports the entries every shard left unused, in the first shard's order."""
    from lint.document import Source
    from lint.suppression import unused_finding

    def unused(entry: str) -> dict:
        message = f"unused allow entry {entry!r} of rules.SA001: it suppressed nothing"
        return sharding.finding_to_json(unused_finding(Source("pyproject.toml"), message))

    a, b, c = unused("a"), unused("b"), unused("c")
    shards = [
        sharding.ShardResult({"shard": 1, "unused_allow": [c, a, b]}, tmp_path / "1.jsonl"),
        sharding.ShardResult({"shard": 2, "unused_allow": [a, c]}, tmp_path / "2.jsonl"),
        sharding.ShardResult({"shard": 3, "unused_allow": [c, a]}, tmp_path / "3.jsonl"),
    ]
    merge = object.__new__(sharding.MergeRunner)
    merge.shards = shards
    found = [f.message for f in merge._unused_allow()]
    assert found == [unused("c")["message"], unused("a")["message"]]  # b: shard 2 used it
    shards[2].manifest["unused_allow"] = []  # shard 3 used every entry
    assert merge._unused_allow() == []
