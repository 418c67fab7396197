"""Output formats: every field, the documented shapes, CJK alignment and windowing."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from lint import Diagnostic, Document, Edit, Fix, Severity, Source
from lint.finding import Finding, from_diagnostic, problem
from lint.linter import READ_ERROR
from lint.output.base import RunInfo
from lint.output.concise import ConciseFormat
from lint.output.full import FullFormat, window
from lint.output.github import GithubFormat
from lint.output.json_formats import JsonFormat, JsonLinesFormat
from lint.output.printable import printable
from lint.output.sarif import SarifFormat
from lint.output.statistics import statistics_rows
from lint.output.summary import Tally
from tests.engine.testplugin import RULES, Shout, Star

SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "sarif-2.1.0.json"
ANSI = re.compile(r"\x1b\[")


Report = tuple[RunInfo, list[Finding]]


def _report(unsafe: bool = False) -> Report:
    page = Document("标题\n中文，全角*文字!!\n", Source("dir/页 1.txt"))
    record = Document("第二条记录*", Source("shard.jsonl", 4, "doc-5"))
    star = Diagnostic(
        "TS001",
        "placeholder glyph",
        9,
        10,
        Severity.WARNING,
        Fix.safe("Delete the glyph", Edit(9, 10)),
        "star",
    )
    shout = Diagnostic(
        "TS002",
        'doubled mark: 100%, "a:b"\nnext',
        12,
        14,
        Severity.ERROR,
        Fix.unsafe("Keep one", Edit(12, 14, "!")),
        "shout",
    )
    rec = Diagnostic("TS001", "placeholder glyph", 5, 6, Severity.INFO, None, "star")
    findings = [
        from_diagnostic(page, star),
        from_diagnostic(page, shout),
        from_diagnostic(record, rec),
        problem(Source("bad.txt"), READ_ERROR, "read-error", "not valid UTF-8 at line 2"),
    ]
    run = RunInfo({r.code: r for r in RULES}, unsafe_fixes=unsafe, tool_version="9.9")
    return run, findings


def _one(doc: Document, d: Diagnostic) -> Report:
    return RunInfo(), [from_diagnostic(doc, d)]


def _render(fmt, report: Report) -> str:
    buf = io.StringIO()
    run, findings = report
    fmt.write_all(run, findings, buf)
    return buf.getvalue()


def test_json_carries_every_field():
    data = json.loads(_render(JsonFormat(), _report()))
    assert len(data) == 4
    star = data[0]
    assert re.fullmatch(r"[0-9a-f]{20}", star.pop("fingerprint"))
    assert star == {
        "code": "TS001",
        "name": "star",
        "message": "placeholder glyph",
        "severity": "warning",
        "path": "dir/页 1.txt",
        "record": None,
        "line": 2,
        "column": 7,
        "end_line": 2,
        "end_column": 8,
        "start_offset": 9,
        "end_offset": 10,
        "fix": {
            "applicability": "safe",
            "description": "Delete the glyph",
            "edits": [
                {
                    "line": 2,
                    "column": 7,
                    "end_line": 2,
                    "end_column": 8,
                    "start_offset": 9,
                    "end_offset": 10,
                    "replacement": "",
                }
            ],
        },
    }
    assert data[1]["fix"]["applicability"] == "unsafe"
    assert data[1]["fix"]["edits"][0]["replacement"] == "!"
    assert data[2]["record"] == {"line": 4, "id": "doc-5"}
    assert (data[2]["line"], data[2]["column"], data[2]["severity"]) == (1, 6, "info")
    assert data[3]["code"] == "SL001" and data[3]["fix"] is None
    assert data[3]["line"] is None and data[3]["message"] == "not valid UTF-8 at line 2"


def test_jsonl_is_one_object_per_line_equal_to_json():
    report = _report()
    lines = _render(JsonLinesFormat(), report).splitlines()
    assert [json.loads(x) for x in lines] == json.loads(_render(JsonFormat(), report))


def test_sarif_validates_and_carries_locations_rules_and_fixes():
    log = json.loads(_render(SarifFormat(), _report()))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "scrapelint" and driver["version"] == "9.9"
    ids = [r["id"] for r in driver["rules"]]
    assert "TS001" in ids and "SL001" in ids
    star_rule = driver["rules"][ids.index("TS001")]
    assert star_rule["shortDescription"]["text"] == "Flags a placeholder glyph."
    assert star_rule["properties"]["fix"] == "always"
    res = run["results"]
    assert [r["level"] for r in res] == ["warning", "error", "note", "error"]
    for r in res:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    loc = res[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "dir/%E9%A1%B5%201.txt"
    assert loc["region"] == {
        "startLine": 2,
        "startColumn": 7,
        "endLine": 2,
        "endColumn": 8,
        "charOffset": 9,
        "charLength": 1,
    }
    repl = res[1]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert repl["insertedContent"]["text"] == "!"
    # a record: located at its line in the shard, the place in its text as properties,
    # and no fixes (their regions would point into the wrong bytes of the shard)
    record = res[2]
    where = record["locations"][0]
    assert where["physicalLocation"]["artifactLocation"]["uri"] == "shard.jsonl"
    assert where["physicalLocation"]["region"] == {"startLine": 4}
    assert where["logicalLocations"][0] == {
        "name": "doc-5",
        "kind": "record",
        "fullyQualifiedName": "shard.jsonl:4[doc-5]",
    }
    props = record["properties"]
    assert (props["record"], props["recordId"], props["textLine"], props["textColumn"]) == (
        4,
        "doc-5",
        1,
        6,
    )
    assert "fixes" not in record
    assert "region" not in res[3]["locations"][0]["physicalLocation"]


def test_github_annotations_have_the_documented_shape():
    lines = _render(GithubFormat(), _report()).splitlines()
    assert lines[0] == (
        "::warning file=dir/页 1.txt,line=2,col=7,endLine=2,endColumn=8,"
        "title=TS001 (star)::placeholder glyph"
    )
    # message escaping: % CR LF; property escaping adds : and ,
    assert lines[1].startswith("::error file=dir/页 1.txt,line=2,col=10,")
    assert lines[1].endswith('::doubled mark: 100%25, "a:b"%0Anext')
    # a record: line= is the record's line in the shard
    assert lines[2] == (
        "::notice file=shard.jsonl,line=4,title=TS001 (star)"
        "::shard.jsonl:4[doc-5]:1:6: placeholder glyph"
    )
    pattern = re.compile(
        r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
        r"title=[^:]+::.*$"
    )
    assert all(pattern.match(x) for x in lines[:2])
    assert lines[3] == "::error file=bad.txt,title=SL001 (read-error)::not valid UTF-8 at line 2"


def test_concise_lines():
    out = _render(ConciseFormat(), _report()).splitlines()
    assert out[0] == "dir/页 1.txt:2:7: TS001 [*] [warning] placeholder glyph"
    assert out[1].startswith("dir/页 1.txt:2:10: TS002 [error] doubled mark")  # unsafe: no [*]
    assert out[2] == "shard.jsonl:4[doc-5]:1:6: TS001 [info] placeholder glyph"
    assert out[3] == "bad.txt: SL001 [error] not valid UTF-8 at line 2"
    out = _render(ConciseFormat(), _report(unsafe=True)).splitlines()
    assert out[1].startswith("dir/页 1.txt:2:10: TS002 [*] [error] doubled mark")


def _caret_columns(block: str) -> tuple[str, int, int]:
    """The source line printed in a block, and the cell columns its carets cover."""
    lines = block.splitlines()
    src_i = next(i for i, x in enumerate(lines) if re.match(r"^\d+ \| ", x))
    src, carets = lines[src_i], lines[src_i + 1]
    first = carets.index("^")
    last = carets.rindex("^")
    return src, first, last + 1


def _chars_under(src: str, start_cell: int, end_cell: int) -> str:
    """The characters of ``src`` whose cells lie within [start_cell, end_cell)."""
    out, cell = [], 0
    for ch in src:
        w = cell_len(ch)
        if cell >= start_cell and cell + w <= end_cell:
            out.append(ch)
        cell += w
    return "".join(out)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("中文，全角*文字", "*"),
        ("ａｂｃ全角字母＊＊月", "＊＊"),
        ("mixed 中English文字*!", "*"),
        ("tab\there 中*文", "*"),
        ("控制\x07字符之后*号", "*"),
        ("\u200b零宽之后的文字**月6日", "**"),
    ],
)
def test_full_underline_sits_under_the_flagged_characters(text, flagged):
    start = text.index(flagged)
    end = start + len(flagged)
    doc = Document(text, Source("a.txt"))
    d = Diagnostic("TS001", "m", start, end, Severity.WARNING, None, "star")
    out = _render(FullFormat(width=100), _one(doc, d))
    src, c0, c1 = _caret_columns(out)
    assert _chars_under(src, c0, c1) == flagged
    assert " --> a.txt:1:" in out


def test_full_windows_a_5000_character_line():
    text = "字" * 2500 + "目标*文字" + "文" * 2495
    doc = Document(text, Source("long.txt"))
    start = text.index("*")
    d = Diagnostic("TS001", "m", start, start + 1, Severity.WARNING, None, "star")
    out = _render(FullFormat(width=80), _one(doc, d))
    for line in out.splitlines():
        assert cell_len(line) <= 80
    src, c0, c1 = _caret_columns(out)
    assert _chars_under(src, c0, c1) == "*"
    assert src.count("…") == 2
    assert "目标*文字" in src
    assert " --> long.txt:1:2503" in out


def test_window_keeps_a_span_wider_than_the_window():
    shown, at, width = window("a" * 50 + "中" * 100 + "b" * 50, 50, 150, 40)
    assert cell_len(shown) <= 40
    assert shown.startswith("…中")
    assert width <= 40 and at == 1


def test_full_names_the_fix_and_marks_fixable():
    out = _render(FullFormat(), _report())
    assert "TS001 [*] placeholder glyph" in out
    assert "help: Delete the glyph (safe fix)" in out
    assert "help: Keep one (unsafe fix, use --unsafe-fixes)" in out
    assert " --> shard.jsonl:4[doc-5]:1:6" in out
    assert "SL001" in out and " --> bad.txt" in out


def test_color_only_when_asked():
    assert not ANSI.search(_render(FullFormat(color=False), _report()))
    assert ANSI.search(_render(FullFormat(color=True), _report()))


def test_statistics_and_summary():
    tally = Tally()
    for f in _report()[1]:
        tally.add(f)
    rows = statistics_rows(tally)
    assert rows[0] == ("TS001", "star", 2, 1)
    assert ("TS002", "shout", 1, 0) in rows
    assert tally.line() == "Found 4 findings (1 fixable with --fix; 1 more with --unsafe-fixes)."
    assert Tally().line() == "All checks passed!"
    assert Star.code == "TS001" and Shout.code == "TS002"


# -- printable text: the fast path (str.isprintable) agrees with the pattern ---------------

_CONTROLS = (
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\ud800-\udfff]"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=())))
def test_printable_writes_exactly_the_control_and_invisible_characters_as_codes(text):
    expected = re.sub(_CONTROLS, lambda m: f"<U+{ord(m.group()):04X}>", text)
    assert printable(text) == expected


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("中文，全角\u3000空格", "中文，全角\u3000空格"),  # not printable to Python, kept
        ("tab\tand\nline", "tab\tand\nline"),
        ("esc\x1b[2J", "esc<U+001B>[2J"),
        ("zero\u200bwidth\ufeff", "zero<U+200B>width<U+FEFF>"),
        ("lone\ud800", "lone<U+D800>"),
    ],
)
def test_printable_keeps_text_and_codes_controls(text, shown):
    assert printable(text) == shown
