"""What worker processes rely on: every built-in rule pickles, findings travel whole."""

from __future__ import annotations

import pickle

from lint.config import Config
from lint.document import Document, Source
from lint.finding import from_diagnostic
from lint.linter import check_document
from lint.plugins import load_plugins
from lint.ruleset import CliSelection, build_ruleset
from tests.corpus import SEED


def test_every_builtin_rule_pickles_and_the_copy_finds_the_same():
    rules = build_ruleset(Config(), load_plugins().rules(), CliSelection(select=("ALL",))).rules
    assert len(rules) >= 17
    text = SEED.read_text(encoding="utf-8")
    copies = pickle.loads(pickle.dumps(rules))
    for rule, copy in zip(rules, copies, strict=True):
        doc_a, doc_b = Document(text, Source("seed.txt")), Document(text, Source("seed.txt"))
        assert check_document(doc_a, [rule]) == check_document(doc_b, [copy]), rule.code


def test_findings_pickle_with_everything_output_needs():
    rules = build_ruleset(Config(), load_plugins().rules(), CliSelection()).rules
    doc = Document(SEED.read_text(encoding="utf-8"), Source("s.jsonl", 7, "doc-7"))
    findings = [from_diagnostic(doc, d) for d in check_document(doc, rules)]
    assert findings
    assert pickle.loads(pickle.dumps(findings)) == findings
    for f in findings:
        assert f.span is not None and f.excerpt is not None
        assert f.excerpt.text in doc.lines[f.span.line - 1].text
        assert len(f.fingerprint) == 20


def test_batches_and_results_cross_processes_as_plain_values_and_come_back_whole():
    import pickle

    from lint.parallel import pack, pack_results, unpack, unpack_result
    from lint.readers.base import Unit
    from lint.worker import FileJob, UnitResult

    job = FileJob(0, "jsonl", {"text-field": "text"}, 0, Config(), None)
    other = FileJob(1, "text", {}, 0, Config(), None)
    batch = [
        (job, Unit(Source("a.jsonl", 1, "d1"), b'{"text": "x"}\n', 14)),
        (job, Unit(Source("a.jsonl", 2), b"\n", 15, document=False)),
        (job, Unit(Source("a.jsonl", 3), None, 99, problem="too large")),
        (job, None),
        (other, Unit(Source("b.parquet", 0, "r0", "row"), "文本", 7)),
    ]
    packed = pickle.loads(pickle.dumps(pack(batch)))
    again = unpack(packed)
    assert [u for _, u in again] == [u for _, u in batch]
    assert [j.index for j, _ in again] == [0, 0, 0, 0, 1]
    results = [UnitResult(checked=True), UnitResult(), UnitResult(payload=b"y", checked=True)]
    wire = pack_results(results)
    assert wire[:2] == [True, False]  # the common empty results travel as a bool
    assert [unpack_result(r) for r in pickle.loads(pickle.dumps(wire))] == results
