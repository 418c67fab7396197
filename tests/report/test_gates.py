"""Quality gates: thresholds of each kind, per-source patterns, exit codes and wording."""

from __future__ import annotations

import json

import pytest

from lint.config import ConfigError, parse_table
from lint.gates import (
    COUNT,
    PER_MB,
    SHARE,
    GateError,
    parse_gate_option,
    parse_gates,
    source_matches,
)


def _shard(path, texts):
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(texts)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def corpus(workdir):
    """Two shards: site-a has 2 of 4 documents with a star, site-b 0 of 4 (one shout)."""
    _shard(workdir / "shards" / "site-a.jsonl", ["干净的文本", "一个*号", "两个**号", "干净"])
    _shard(workdir / "shards" / "site-b.jsonl", ["干净", "好!!", "干净的", "文本"])
    return workdir


# -- parsing -----------------------------------------------------------------------


def test_thresholds_of_each_kind_parse():
    gates = parse_gates({"TS": "25%", "TS001": "2 per MB", "error": 0, "TS002": "3"}, "cfg")
    kinds = {(g.selector, g.kind, g.limit) for g in gates}
    assert kinds == {
        ("TS", SHARE, 0.25),
        ("TS001", PER_MB, 2.0),
        ("error", COUNT, 0.0),
        ("TS002", COUNT, 3.0),
    }


def test_source_tables_carry_their_pattern():
    gates = parse_gates({"source": [{"pattern": "shards/site-*.jsonl", "TS": "1%"}]}, "cfg")
    assert [(g.selector, g.pattern) for g in gates] == [("TS", "shards/site-*.jsonl")]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"TS": "lots"}, "cfg: `gates.TS`: expected a share"),
        ({"TS": "150%"}, "cannot exceed 100%"),
        ({"TS": -1}, "cannot be negative"),
        ({"ts-star": "1%"}, "not a rule code, family prefix or severity"),
        ({"source": [{"TS": "1%"}]}, "`gates.source` #1: `pattern` must be a glob"),
        ({"source": [{"pattern": "x"}]}, "no threshold besides `pattern`"),
        ({"source": {"pattern": "x"}}, "expected an array of tables"),
    ],
)
def test_bad_gates_name_the_file_and_key(table, message):
    with pytest.raises(GateError, match=None) as info:
        parse_gates(table, "cfg")
    assert message in str(info.value)


def test_gates_in_config_errors_are_config_errors():
    with pytest.raises(ConfigError, match=r"pyproject.toml: `gates.MC`"):
        parse_table({"gates": {"MC": "x%"}}, where="pyproject.toml")
    with pytest.raises(ConfigError, match=r"`gates`: expected a table"):
        parse_table({"gates": "MC=1%"}, where="pyproject.toml")


def test_gate_option_with_pattern():
    gate = parse_gate_option("TS001=2 per MB@shards/*.jsonl")
    assert (gate.selector, gate.kind, gate.limit, gate.pattern) == (
        "TS001",
        PER_MB,
        2.0,
        "shards/*.jsonl",
    )
    with pytest.raises(GateError, match="--gate TS001: expected SELECTOR=THRESHOLD"):
        parse_gate_option("TS001")


def test_source_patterns_match_paths_and_file_names():
    assert source_matches("shards/site-*.jsonl", "shards/site-a.jsonl")
    assert source_matches("shards/site-*.jsonl", "./shards/site-a.jsonl")
    assert source_matches("site-*.jsonl", "deep/shards/site-a.jsonl")
    assert source_matches("shards/site-*.jsonl", "corpus/shards/site-a.jsonl")
    assert not source_matches("shards/site-*.jsonl", "other/site-a.jsonl")
    assert not source_matches("shards/site-*.jsonl", "myshards/site-a.jsonl")
    assert not source_matches("site-a.jsonl", "shards/site-b.jsonl")


# -- runs ----------------------------------------------------------------------------


def test_without_gates_behaviour_is_unchanged(cli, corpus):
    r = cli("check", "shards", "--output-format", "concise")
    assert r.code == 1
    assert "Gate" not in r.out + r.err


def test_share_gate_passes_and_fails_on_the_share_of_documents(cli, corpus):
    # 2 of 8 documents have a TS001 finding: 25%.
    ok = cli("check", "shards", "--gate", "TS001=25%")
    assert ok.code == 0
    assert "Gate passed: TS001 ≤ 25% of documents: 25% (2 of 8 documents)." in ok.out
    assert "Gates: all 1 passed." in ok.out
    bad = cli("check", "shards", "--gate", "TS001=10%")
    assert bad.code == 1
    assert (
        "Gate failed: TS001 ≤ 10% of documents: 25% (2 of 8 documents), 2.5× the limit;"
        " most from shards/site-a.jsonl (2 documents, 50%)." in bad.out
    )
    assert "Gates: 1 of 1 failed." in bad.out


def test_family_prefix_counts_every_rule_of_the_family(cli, corpus):
    # TS findings (TS001 in 2 documents, TS002 in 1): 3 of 8 documents, 4 findings.
    r = cli("check", "shards", "--gate", "TS=3", "--gate", "TS=37.5%@*.jsonl")
    assert "Gate failed: TS ≤ 3 findings: 4 findings, 1 over;" in r.out
    assert "Gate passed: TS in *.jsonl ≤ 37.5% of documents: 37.5% (3 of 8 documents)." in r.out
    assert r.code == 1


def test_per_mb_gate_uses_the_bytes_of_text_checked(cli, corpus):
    r = cli("check", "shards", "--gate", "TS001=1 per MB", "--output-format", "json")
    assert r.code == 1
    # The machine format keeps standard output for data; the gates go to standard error.
    json.loads(r.out)
    line = next(x for x in r.err.splitlines() if x.startswith("Gate failed"))
    assert "TS001 ≤ 1 per MB:" in line and "(3 findings in " in line
    assert "most from shards/site-a.jsonl (3 findings, " in line


def test_severity_gate_counts_that_level_or_worse(cli, corpus):
    r = cli("check", "shards", "--gate", "error=0", "--gate", "warning=4")
    assert "Gate passed: error ≤ 0 findings: 0 findings." in r.out
    assert "Gate passed: warning ≤ 4 findings: 4 findings." in r.out
    assert r.code == 0


def test_source_gate_counts_only_its_files(cli, corpus):
    (corpus / "pyproject.toml").write_text(
        "[tool.scrapelint.gates]\n"
        'TS001 = "50%"\n'
        "[[tool.scrapelint.gates.source]]\n"
        'pattern = "shards/site-b.jsonl"\n'
        "TS001 = 0\n"
        "TS002 = 0\n",
        encoding="utf-8",
    )
    r = cli("check", "shards")
    assert "Gate passed: TS001 ≤ 50% of documents" in r.out
    assert "Gate passed: TS001 in shards/site-b.jsonl ≤ 0 findings: 0 findings." in r.out
    assert (
        "Gate failed: TS002 in shards/site-b.jsonl ≤ 0 findings: 1 finding, 1 over;"
        " most from shards/site-b.jsonl (1 finding)." in r.out
    )
    assert r.code == 1
    # --gate replaces the config's gate of the same selector and pattern.
    r = cli("check", "shards", "--gate", "TS002=1@shards/site-b.jsonl")
    assert r.code == 0 and "Gates: all 3 passed." in r.out


def test_errors_stay_exit_2_with_gates(cli, corpus):
    (corpus / "shards" / "bad.jsonl").write_text('{"text": "ok"}\n{broken\n', encoding="utf-8")
    r = cli("check", "shards", "--gate", "TS001=100%")
    assert r.code == 2
    assert "Gate passed" in r.out


def test_unknown_selector_is_a_usage_error(cli, corpus):
    r = cli("check", "shards", "--gate", "ZZ=1%")
    assert r.code == 2
    assert "--gate ZZ=1%: 'ZZ' matches no rule code" in r.err


def test_exit_zero_wins_over_failed_gates(cli, corpus):
    r = cli("check", "shards", "--gate", "TS001=0", "--exit-zero")
    assert r.code == 0 and "Gate failed" in r.out


def test_readme_gates_example_parses():
    from tests.corpus import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    import re
    import tomllib

    (block,) = [b for b in re.findall(r"```toml\n(.*?)```", readme, re.S) if ".gates]" in b]
    table = tomllib.loads(block)["tool"]["scrapelint"]
    gates = parse_gates(table["gates"], "README.md")
    assert {(g.selector, g.kind, g.pattern) for g in gates} == {
        ("MC", SHARE, None),
        ("SA001", PER_MB, None),
        ("error", COUNT, None),
        ("MC", SHARE, "shards/site-*.jsonl"),
    }
    specs = re.findall(r'--gate "?([^"`\s]+(?: per MB)?)"?', readme)
    specs = [s for s in specs if not s.startswith("SELECTOR")]
    assert len(specs) >= 6
    for spec in specs:
        parse_gate_option(spec)


def test_per_file_counts_are_the_same_with_worker_processes(cli, workdir):
    for k in range(3):
        _shard(
            workdir / "shards" / f"s{k}.jsonl",
            [f"第{i}条*" if i % (k + 2) else "干净" for i in range(300)],
        )
    runs = []
    for jobs in ("1", "2"):
        cli(
            "check",
            "shards",
            "--jobs",
            jobs,
            "--output-format",
            "jsonl",
            "--output-file",
            f"f{jobs}.jsonl",
            "-q",
            "--gate",
            "TS001=50%@s1.jsonl",
        )
        last = (workdir / f"f{jobs}.jsonl").read_text(encoding="utf-8").splitlines()[-1]
        runs.append(json.loads(last)["scrapelint_run"])
    assert runs[0]["per_file"] == runs[1]["per_file"]
    assert [runs[0]["per_file"][f"shards/s{k}.jsonl"][0] for k in range(3)] == [300, 300, 300]
    assert runs[0]["gates"] == runs[1]["gates"]
    assert runs[0]["gates"][0]["measured"] == "66.67% (200 of 300 documents)"
