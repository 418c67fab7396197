"""The formats CI systems read: ``junit``, ``gitlab``, ``rdjson`` and ``grouped``.

Each is checked against its documented shape, on plain files and on records of a
shard, with Chinese text, invisible and control characters, and findings with fixes.

Schemas (tests/fixtures):
- ``reviewdog-DiagnosticResult.json``: the schema reviewdog publishes,
  https://github.com/reviewdog/reviewdog/blob/master/proto/rdf/jsonschema/DiagnosticResult.json
  (as of commit 08614ef9c4095bcacfda60090a70da8834e17019).
- ``gitlab-code-quality.schema.json``: GitLab publishes no schema; this one is written
  from https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format.
"""

from __future__ import annotations

import io
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint import Diagnostic, Document, Edit, Fix, Severity, Source
from lint.finding import Finding, from_diagnostic, problem
from lint.linter import READ_ERROR
from lint.output import junit as junit_module
from lint.output.base import RunInfo
from lint.output.gitlab import GitlabFormat
from lint.output.grouped import GroupedFormat
from lint.output.junit import JunitFormat, classname, xml_attr, xml_text
from lint.output.rdjson import RdjsonFormat
from lint.testing import fix_text
from tests.engine.testplugin import RULES, Star

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RDJSON_SCHEMA = FIXTURES / "reviewdog-DiagnosticResult.json"
GITLAB_SCHEMA = FIXTURES / "gitlab-code-quality.schema.json"
ANSI = re.compile(r"\x1b\[")
EXAMPLES = 2000 if os.environ.get("SCRAPELINT_SLOW") else 200

PAGE_TEXT = "标题\n中文，全角*文字!!\u200b尾\n"
NASTY = 'bad \x1b[31m\x00 zero\u200bwidth "q" <tag> & more\nnext'


def _star(start: int, severity: Severity = Severity.WARNING) -> Diagnostic:
    return Diagnostic(
        "TS001",
        "placeholder glyph",
        start,
        start + 1,
        severity,
        Fix.safe("Delete the glyph", Edit(start, start + 1)),
        "star",
    )


def _findings() -> list[Finding]:
    """A page (Chinese, a safe and an unsafe fix, an invisible character), a JSONL record,
    a Parquet row and an unreadable file."""
    page = Document(PAGE_TEXT, Source("dir/页 1.txt"))
    shout = Diagnostic(
        "TS002",
        "doubled mark",
        11,
        13,
        Severity.ERROR,
        Fix.unsafe("Keep one", Edit(11, 13, "!")),
        "shout",
    )
    nasty = Diagnostic("TS009", NASTY, 13, 14, Severity.INFO, None, "nasty")
    record = Document("第二条记录*", Source("shard.jsonl", 4, "doc-5"))
    row = Document("行*", Source("data.parquet", 3, "r3", unit="row"))
    return [
        from_diagnostic(page, _star(8)),
        from_diagnostic(page, shout),
        from_diagnostic(page, nasty),
        from_diagnostic(record, _star(5, Severity.INFO)),
        from_diagnostic(row, _star(1)),
        problem(Source("bad.txt"), READ_ERROR, "read-error", "not valid UTF-8 at line 2"),
    ]


def _run(unsafe: bool = False) -> RunInfo:
    return RunInfo({r.code: r for r in RULES}, unsafe_fixes=unsafe, tool_version="9.9")


def _render(fmt, findings: list[Finding], run: RunInfo | None = None) -> str:
    buf = io.StringIO()
    fmt.write_all(run or _run(), findings, buf)
    return buf.getvalue()


def _text_findings(text: str, path: str = "a.txt") -> list[Finding]:
    doc = Document(text, Source(path))
    rule = Star()
    rule.settings = {"glyph": "*"}
    rule.setup()
    return [from_diagnostic(doc, d) for d in rule.check(doc)]


# --- junit -------------------------------------------------------------------------------


def test_junit_has_ruffs_shape_one_suite_per_file_one_case_per_finding():
    out = _render(JunitFormat(), _findings())
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("name"), root.get("tests"), root.get("failures"), root.get("errors")) == (
        "scrapelint",
        "6",
        "6",
        "0",
    )
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "dir/页 1.txt",
        "shard.jsonl",
        "data.parquet",
        "bad.txt",
    ]
    assert [(s.get("tests"), s.get("failures")) for s in suites] == [
        ("3", "3"),
        ("1", "1"),
        ("1", "1"),
        ("1", "1"),
    ]
    cases = suites[0].findall("testcase")
    star = cases[0]
    assert star.attrib == {
        "name": "scrapelint.TS001 (2:6)",
        "classname": "dir/页 1",
        "file": "dir/页 1.txt",
        "line": "2",
        "column": "6",
    }
    failure = star.find("failure")
    assert failure.get("message") == "placeholder glyph"
    assert failure.get("type") == "warning"
    assert failure.text == "line 2, col 6, placeholder glyph\n\nDelete the glyph (safe fix)"
    shout = cases[1].find("failure")
    assert shout.get("type") == "error"
    assert shout.text.endswith("Keep one (unsafe fix, use --unsafe-fixes)")
    assert int(root.get("tests")) == sum(len(s.findall("testcase")) for s in suites)


# The Jenkins JUnit schema (junit-4.xsd of Jenkins' dtkit, as kept in junit5's
# platform-tests/src/test/resources/jenkins-junit.xsd): element -> (required attributes,
# optional attributes, children in order). ``file``, ``line`` and ``column`` on a test case
# are the extension ruff writes and GitLab (``file``) and GitHub reporters (``file``,
# ``line``) read.
JENKINS_JUNIT = {
    "testsuites": (
        set(),
        {"name", "time", "tests", "failures", "disabled", "errors"},
        ["testsuite"],
    ),
    "testsuite": (
        {"name", "tests"},
        {"failures", "errors", "time", "disabled", "skipped", "timestamp", "hostname", "id"}
        | {"package"},
        ["properties", "testcase", "system-out", "system-err"],
    ),
    "testcase": (
        {"name"},
        {"assertions", "time", "classname", "status", "file", "line", "column"},
        ["skipped", "error", "failure", "system-out", "system-err"],
    ),
    "failure": (set(), {"type", "message"}, []),
}


def _check_jenkins_junit(element: ET.Element) -> None:
    required, optional, children = JENKINS_JUNIT[element.tag]
    assert required <= set(element.attrib) <= required | optional, element.attrib
    order = [children.index(child.tag) for child in element]  # unknown children fail here
    assert order == sorted(order)
    for name in ("tests", "failures", "errors", "disabled", "line", "column"):
        assert element.get(name, "0").isdigit()
    for child in element:
        _check_jenkins_junit(child)


@pytest.mark.parametrize("count", [0, 1, 6])
def test_junit_follows_the_jenkins_schema(count):
    root = ET.fromstring(_render(JunitFormat(), _findings()[:count]).encode("utf-8"))
    _check_jenkins_junit(root)


def test_junit_record_points_at_its_line_and_a_row_or_unreadable_file_has_none():
    root = ET.fromstring(_render(JunitFormat(), _findings()).encode("utf-8"))
    record, row, bad = (s.find("testcase") for s in root.findall("testsuite")[1:])
    assert record.get("name") == "scrapelint.TS001 (4[doc-5]:1:6)"
    assert (row.get("name"), bad.get("name")) == (
        "scrapelint.TS001 (3[r3]:1:2)",
        "scrapelint.SL001",
    )
    assert record.get("line") == "4" and record.get("column") is None
    assert record.find("failure").text.startswith("record 4[doc-5], line 1, col 6, ")
    assert row.get("line") is None and row.get("file") == "data.parquet"
    assert row.find("failure").text.startswith("row 3[r3], line 1, col 2, ")
    assert bad.get("line") is None
    assert bad.find("failure").text == "file, not valid UTF-8 at line 2"


def test_junit_escapes_everything_and_shows_characters_xml_cannot_carry():
    out = _render(JunitFormat(), _findings())
    assert "\x1b" not in out and "\x00" not in out
    root = ET.fromstring(out.encode("utf-8"))  # well-formed despite the message
    nasty = root.find("testsuite").findall("testcase")[2].find("failure")
    expected = NASTY.replace("\x1b", "<U+001B>").replace("\x00", "<U+0000>")
    assert nasty.get("message") == expected  # quotes, <, &, the line break survive
    assert nasty.text == f"line 2, col 11, {expected}"
    assert "\u200b" in nasty.get("message")  # valid in XML: kept as it is
    assert xml_attr('a"<&\n\t\r') == "a&quot;&lt;&amp;&#10;&#9;&#13;"
    assert xml_text("\ud800\ufffe\x0b") == "&lt;U+D800&gt;&lt;U+FFFE&gt;&lt;U+000B&gt;"


def test_junit_case_names_are_unique_within_a_suite_as_gitlab_requires():
    # GitLab keeps one test case per suite, class name and name.
    doc = Document("甲**乙\n甲*\n", Source("a.txt"))
    same = Diagnostic("TS001", "other", 1, 3, Severity.WARNING, None, "star")
    findings = [*_text_findings("甲**乙\n甲*\n"), from_diagnostic(doc, same)]
    root = ET.fromstring(_render(JunitFormat(), findings).encode("utf-8"))
    names = [c.get("name") for c in root.iter("testcase")]
    assert names == [
        "scrapelint.TS001 (1:2)",
        "scrapelint.TS001 (1:3)",
        "scrapelint.TS001 (2:2)",
        "scrapelint.TS001 (1:2) #2",
    ]


def test_junit_without_findings_is_one_passing_case():
    root = ET.fromstring(_render(JunitFormat(), []).encode("utf-8"))
    assert (root.get("tests"), root.get("failures")) == ("1", "0")
    [suite] = root.findall("testsuite")
    [case] = suite.findall("testcase")
    assert case.get("name") == "No errors found" and case.find("failure") is None


def test_junit_spools_to_disk_with_the_same_result(monkeypatch):
    findings = _findings() * 50
    in_memory = _render(JunitFormat(), findings)
    monkeypatch.setattr(junit_module, "SPOOL_BYTES", 64)
    assert _render(JunitFormat(), findings) == in_memory
    root = ET.fromstring(in_memory.encode("utf-8"))
    assert root.get("tests") == "300"
    assert len(root.findall("testsuite")) == 4 * 50  # a new suite each time the path changes


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text())
def test_junit_any_text_gives_well_formed_xml_that_reads_back(text):
    doc = Document("x*", Source(f"{text}.txt"))
    d = Diagnostic("TS001", text, 1, 2, Severity.WARNING, Fix.safe(text, Edit(1, 2)), "star")
    root = ET.fromstring(_render(JunitFormat(), [from_diagnostic(doc, d)]).encode("utf-8"))
    shown = re.sub(
        "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]",
        lambda m: f"<U+{ord(m.group()):04X}>",
        text,
    )
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == shown
    assert root.find("testsuite").get("name") == f"{shown}.txt"
    assert failure.text == f"line 1, col 2, {shown}\n\n{shown} (safe fix)"


@pytest.mark.parametrize(
    ("path", "expected"),
    [("dir/page.txt", "dir/page"), ("a.b/c", "a.b/c"), (".hidden", ".hidden"), ("x.", "x")],
)
def test_junit_classname_drops_only_the_extension(path, expected):
    assert classname(path) == expected


# --- gitlab ------------------------------------------------------------------------------


def _gitlab(findings: list[Finding]) -> list[dict]:
    return json.loads(_render(GitlabFormat(), findings))


def test_gitlab_validates_against_the_documented_shape():
    out = _render(GitlabFormat(), _findings())
    assert not out.startswith("\ufeff")  # GitLab's parser refuses a byte order mark
    report = json.loads(out)
    jsonschema.validate(report, json.loads(GITLAB_SCHEMA.read_text(encoding="utf-8")))
    star = report[0]
    assert star["description"] == "TS001: placeholder glyph"
    assert star["check_name"] == "TS001"
    assert star["severity"] == "minor"
    assert star["location"] == {"path": "dir/页 1.txt", "lines": {"begin": 2, "end": 2}}
    assert [i["severity"] for i in report] == ["minor", "major", "info", "info", "minor", "major"]
    assert report[2]["description"] == f"TS009: {NASTY}"  # JSON carries any text as it is
    assert len({i["fingerprint"] for i in report}) == len(report)


def test_gitlab_record_is_placed_on_its_line_and_rows_on_line_one_naming_the_row():
    report = _gitlab(_findings())
    record, row, bad = report[3:]
    assert record["location"] == {"path": "shard.jsonl", "lines": {"begin": 4, "end": 4}}
    assert record["description"] == "TS001: shard.jsonl:4[doc-5]:1:6: placeholder glyph"
    assert row["location"]["lines"] == {"begin": 1, "end": 1}
    assert "data.parquet:3[r3]:1:2" in row["description"]
    assert bad["location"] == {"path": "bad.txt", "lines": {"begin": 1, "end": 1}}


def test_gitlab_fingerprints_are_unique_for_repeats_and_stable_when_lines_move():
    text = "甲*乙\n甲*乙\n丙*丁\n"
    before = _gitlab(_text_findings(text))
    prints = [i["fingerprint"] for i in before]
    assert len(set(prints)) == 3  # the same text twice still gives two issues
    assert all(re.fullmatch(r"[0-9a-f]{32}", p) for p in prints)
    moved = _gitlab(_text_findings("新的一行\n\n" + text))
    assert [i["fingerprint"] for i in moved] == prints
    assert [i["location"]["lines"]["begin"] for i in moved] == [3, 4, 5]
    other_file = _gitlab(_text_findings(text, "b.txt"))
    assert not set(prints) & {i["fingerprint"] for i in other_file}
    # Text around the span tells repeats apart: removing the first 甲*乙 keeps 丙*丁's.
    assert _gitlab(_text_findings("丙*丁\n"))[0]["fingerprint"] == prints[2]


def test_gitlab_paths_are_relative_to_the_repository(monkeypatch, tmp_path):
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path))
    inside = _text_findings("*", str(tmp_path / "corpus" / "页.txt"))
    outside = _text_findings("*", "/elsewhere/a.txt")
    dotted = _text_findings("*", "./b.txt")
    paths = [i["location"]["path"] for i in _gitlab(inside + outside + dotted)]
    assert paths == ["corpus/页.txt", "/elsewhere/a.txt", "b.txt"]
    monkeypatch.delenv("CI_PROJECT_DIR")
    monkeypatch.chdir(tmp_path / "..")
    [issue] = _gitlab(inside)
    assert issue["location"]["path"] == f"{tmp_path.name}/corpus/页.txt"
    [relative] = _gitlab(_text_findings("*", f"./{tmp_path.name}/corpus/页.txt"))
    assert relative["fingerprint"] == issue["fingerprint"]  # however the file was named


def test_gitlab_streams_and_writes_an_empty_array():
    assert json.loads(_render(GitlabFormat(), [])) == []
    buf, fmt = io.StringIO(), GitlabFormat()
    fmt.start(buf, _run())
    fmt.handle(_findings()[0])
    assert "placeholder glyph" in buf.getvalue()  # written before the run ends
    fmt.finish()
    assert len(json.loads(buf.getvalue())) == 1


# --- rdjson ------------------------------------------------------------------------------


def _rdjson(findings: list[Finding], run: RunInfo | None = None) -> dict:
    return json.loads(_render(RdjsonFormat(), findings, run))


def _apply(text: str, suggestions: list[dict]) -> str:
    """Apply reviewdog suggestions to ``text`` as reviewdog does: on UTF-8 bytes by line."""
    data = text.encode("utf-8")
    starts = [0] + [i + 1 for i, b in enumerate(data) if b == 0x0A]

    def offset(pos: dict) -> int:
        return starts[pos["line"] - 1] + pos["column"] - 1

    for s in sorted(suggestions, key=lambda s: offset(s["range"]["start"]), reverse=True):
        a, b = offset(s["range"]["start"]), offset(s["range"]["end"])
        data = data[:a] + s["text"].encode("utf-8") + data[b:]
    return data.decode("utf-8")


def test_rdjson_validates_against_reviewdogs_schema():
    result = _rdjson(_findings())
    jsonschema.validate(result, json.loads(RDJSON_SCHEMA.read_text(encoding="utf-8")))
    assert result["source"] == {
        "name": "scrapelint",
        "url": "https://github.com/scrapelint/scrapelint",
    }
    assert [d["severity"] for d in result["diagnostics"]] == [
        "WARNING",
        "ERROR",
        "INFO",
        "INFO",
        "WARNING",
        "ERROR",
    ]
    assert [d["code"]["value"] for d in result["diagnostics"]][:3] == ["TS001", "TS002", "TS009"]
    assert result["diagnostics"][2]["message"] == NASTY
    assert result["severity"] == "ERROR"  # the highest of the run
    assert _rdjson(_findings()[2:4])["severity"] == "INFO"


def test_rdjson_columns_count_utf8_bytes_of_chinese_text():
    star, shout, nasty = _rdjson(_findings())["diagnostics"][:3]
    # 中文，全角 is 5 characters of 3 bytes: the star (character column 6) is byte column 16.
    assert star["location"] == {
        "path": "dir/页 1.txt",
        "range": {"start": {"line": 2, "column": 16}, "end": {"line": 2, "column": 17}},
    }
    assert shout["location"]["range"] == {
        "start": {"line": 2, "column": 23},
        "end": {"line": 2, "column": 25},
    }
    assert nasty["location"]["range"]["start"] == {"line": 2, "column": 25}
    assert nasty["location"]["range"]["end"] == {"line": 2, "column": 28}  # U+200B: 3 bytes
    # The spec's own example: in 'a𐐀b', b is at byte column 6.
    [b] = _rdjson(_text_findings("a\U00010400*"))["diagnostics"]
    assert b["location"]["range"]["start"]["column"] == 6


def test_rdjson_suggestions_edit_the_right_bytes():
    star, shout, nasty = _rdjson(_findings())["diagnostics"][:3]
    placed = {"start": {"line": 2, "column": 16}, "end": {"line": 2, "column": 17}}
    assert star["suggestions"] == [{"range": placed, "text": ""}]
    assert "suggestions" not in nasty  # no fix, no suggestion
    assert _apply(PAGE_TEXT, star["suggestions"]) == fix_text(PAGE_TEXT, [Star])
    assert _apply(PAGE_TEXT, shout["suggestions"]) == PAGE_TEXT.replace("!!", "!")
    text = "第一行*\n　　中文*，“引号”*结束\n"
    diagnostics = _rdjson(_text_findings(text))["diagnostics"]
    edits = [s for d in diagnostics for s in d["suggestions"]]
    assert _apply(text, edits) == fix_text(text, [Star]) == text.replace("*", "")


def test_rdjson_offers_unsafe_fixes_but_not_display_only_ones():
    doc = Document("好的!!", Source("a.txt"))
    unsafe = Diagnostic("TS002", "m", 2, 4, fix=Fix.unsafe("Keep one", Edit(2, 4, "!")))
    shown = Diagnostic("TS003", "m", 2, 4, fix=Fix.display_only("Maybe", Edit(2, 4, "!")))
    a, b = _rdjson([from_diagnostic(doc, unsafe), from_diagnostic(doc, shown)])["diagnostics"]
    assert a["suggestions"] == [
        {"range": {"start": {"line": 1, "column": 7}, "end": {"line": 1, "column": 9}}, "text": "!"}
    ]
    assert "suggestions" not in b


def test_rdjson_record_covers_its_line_without_suggestions_and_row_has_no_range():
    record, row, bad = _rdjson(_findings())["diagnostics"][3:]
    assert record["location"] == {
        "path": "shard.jsonl",
        "range": {"start": {"line": 4}, "end": {"line": 4}},
    }
    assert record["message"] == "shard.jsonl:4[doc-5]:1:6: placeholder glyph"
    assert "suggestions" not in record  # a text position is not a position in the shard
    assert row["location"] == {"path": "data.parquet"} and "suggestions" not in row
    assert bad["location"] == {"path": "bad.txt"}


def test_rdjson_falls_back_to_lines_when_the_line_start_is_not_known():
    # The excerpt keeps 240 characters before a span: a star at column 301 has no known
    # byte column, so the range is by lines and no suggestion is made.
    [far] = _rdjson(_text_findings("甲" * 300 + "*\n"))["diagnostics"]
    assert far["location"]["range"] == {"start": {"line": 1}, "end": {"line": 1}}
    assert "suggestions" not in far
    [near] = _rdjson(_text_findings("甲" * 200 + "*\n"))["diagnostics"]
    assert near["location"]["range"]["start"] == {"line": 1, "column": 601}


def test_rdjson_span_over_a_line_break_ends_at_the_next_line_start():
    doc = Document("一二\n三", Source("a.txt"))
    d = Diagnostic("TS005", "break", 1, 3, fix=Fix.safe("Join", Edit(1, 3, "")))
    [item] = _rdjson([from_diagnostic(doc, d)])["diagnostics"]
    placed = {"start": {"line": 1, "column": 4}, "end": {"line": 2, "column": 1}}
    assert item["location"]["range"] == placed
    assert _apply("一二\n三", item["suggestions"]) == "一三"


@st.composite
def text_and_span(draw):
    text = draw(st.text(alphabet="ab中文\U00010400e\u0301\u200b\t\r\n", min_size=1, max_size=60))
    start = draw(st.integers(0, len(text)))
    return text, start, draw(st.integers(start, len(text)))


@settings(max_examples=EXAMPLES, deadline=None)
@given(text_and_span())
def test_rdjson_ranges_select_exactly_the_spans_utf8_bytes(case):
    text, start, end = case
    doc = Document(text, Source("a.txt"))
    d = Diagnostic("TS005", "m", start, end, fix=Fix.safe("x", Edit(start, end, "Z")))
    [item] = _rdjson([from_diagnostic(doc, d)])["diagnostics"]
    placed = item["location"]["range"]
    if "column" not in placed["start"]:
        assert "suggestions" not in item
        return
    assert _apply(text, item["suggestions"]) == text[:start] + "Z" + text[end:]
    assert _apply(text, [{"range": placed, "text": "Z"}]) == text[:start] + "Z" + text[end:]


def test_rdjson_streams_and_is_valid_without_findings():
    empty = _rdjson([])
    assert empty == {
        "source": {"name": "scrapelint", "url": "https://github.com/scrapelint/scrapelint"},
        "diagnostics": [],
    }
    buf, fmt = io.StringIO(), RdjsonFormat()
    fmt.start(buf, _run())
    fmt.handle(_findings()[0])
    assert "placeholder glyph" in buf.getvalue()
    fmt.finish()
    assert len(json.loads(buf.getvalue())["diagnostics"]) == 1


# --- grouped -----------------------------------------------------------------------------


def test_grouped_prints_each_path_once_then_its_findings():
    out = _render(GroupedFormat(), _findings())
    assert not ANSI.search(out)
    assert out.splitlines() == [
        "dir/页 1.txt:",
        "  2:6 TS001 [*] [warning] placeholder glyph",
        "  2:9 TS002 [error] doubled mark",
        '  2:11 TS009 [info] bad <U+001B>[31m<U+0000> zero<U+200B>width "q" <tag> & more next',
        "",
        "shard.jsonl:",
        "  4[doc-5]:1:6 TS001 [*] [info] placeholder glyph",
        "",
        "data.parquet:",
        "  3[r3]:1:2 TS001 [*] [warning] placeholder glyph",
        "",
        "bad.txt:",
        "  - SL001 [error] not valid UTF-8 at line 2",
    ]


def test_grouped_marks_unsafe_fixes_only_with_unsafe_fixes_and_colors_only_when_asked():
    out = _render(GroupedFormat(), _findings()[:2], _run(unsafe=True))
    assert "  2:9 TS002 [*] [error] doubled mark" in out.splitlines()
    colored = _render(GroupedFormat(color=True), _findings()[:2])
    assert ANSI.search(colored)
    assert ANSI.sub("", re.sub(r"\x1b\[[0-9;]*m", "", colored)) == _render(
        GroupedFormat(), _findings()[:2]
    )


def test_grouped_hides_control_characters_in_paths():
    doc = Document("a*", Source("evil\x1b]0;title\x07.txt"))
    out = _render(GroupedFormat(), [from_diagnostic(doc, _star(1))])
    assert "\x1b" not in out and "\x07" not in out
    assert out.startswith("evil<U+001B>]0;title<U+0007>.txt:\n")


def test_grouped_prints_nothing_without_findings():
    assert _render(GroupedFormat(), []) == ""


# --- end to end --------------------------------------------------------------------------


def _workdir_files(workdir: Path) -> None:
    (workdir / "页.txt").write_text("第一行\n中文*文字\n", encoding="utf-8")
    lines = [
        json.dumps({"id": "r1", "text": "干净"}, ensure_ascii=False),
        json.dumps({"id": "r2", "text": "第二\n条*"}, ensure_ascii=False),
    ]
    (workdir / "shard.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_cli_writes_each_ci_format(cli, workdir):
    _workdir_files(workdir)
    r = cli("check", "shard.jsonl", "页.txt", "--output-format", "junit")
    assert r.code == 1
    root = ET.fromstring(r.out.encode("utf-8"))
    cases = {c.get("file"): c for c in root.iter("testcase")}
    assert cases["shard.jsonl"].get("line") == "2"
    assert (cases["页.txt"].get("line"), cases["页.txt"].get("column")) == ("2", "3")

    r = cli("check", "shard.jsonl", "页.txt", "--output-format", "gitlab")
    report = json.loads(r.out)
    jsonschema.validate(report, json.loads(GITLAB_SCHEMA.read_text(encoding="utf-8")))
    by_path = {i["location"]["path"]: i for i in report}
    assert by_path["shard.jsonl"]["location"]["lines"]["begin"] == 2
    assert "shard.jsonl:2[r2]:2:2" in by_path["shard.jsonl"]["description"]

    r = cli("check", "shard.jsonl", "页.txt", "--output-format", "rdjson")
    result = json.loads(r.out)
    jsonschema.validate(result, json.loads(RDJSON_SCHEMA.read_text(encoding="utf-8")))
    by_path = {d["location"]["path"]: d for d in result["diagnostics"]}
    assert by_path["页.txt"]["location"]["range"]["start"] == {"line": 2, "column": 7}
    assert by_path["shard.jsonl"]["location"]["range"] == {
        "start": {"line": 2},
        "end": {"line": 2},
    }
    text = (workdir / "页.txt").read_text(encoding="utf-8")
    assert _apply(text, by_path["页.txt"]["suggestions"]) == "第一行\n中文文字\n"

    r = cli("check", "shard.jsonl", "页.txt", "--output-format", "grouped")
    assert r.code == 1
    lines = r.out.splitlines()
    assert lines[:2] == ["shard.jsonl:", "  2[r2]:2:2 TS001 [*] [warning] placeholder glyph"]
    assert lines[3:5] == ["页.txt:", "  2:3 TS001 [*] [warning] placeholder glyph"]


def test_cli_writes_a_ci_format_to_an_output_file(cli, workdir):
    _workdir_files(workdir)
    r = cli("check", ".", "--output-format", "junit", "--output-file", "report.xml")
    assert r.code == 1
    root = ET.fromstring((workdir / "report.xml").read_bytes())
    assert root.get("tests") == "2"


@pytest.mark.parametrize("fmt", [JunitFormat, GitlabFormat, RdjsonFormat, GroupedFormat])
def test_every_ci_format_writes_valid_utf8_for_an_undecodable_file_name(fmt):
    # A file name that is not UTF-8 reaches us with a lone surrogate (surrogateescape).
    findings = _text_findings("甲*\n", "bad\udcff名.txt")
    out = _render(fmt(), findings)
    data = out.encode("utf-8")  # strict: no lone surrogate is written
    if fmt is JunitFormat:
        suite = ET.fromstring(data).find("testsuite")
        assert suite.get("name") == "bad<U+DCFF>名.txt"
    elif fmt is GroupedFormat:
        assert out.startswith("bad<U+DCFF>名.txt:\n")
    elif fmt is GitlabFormat:
        assert json.loads(out)[0]["location"]["path"] == "bad\udcff名.txt"  # escaped, exact
    else:
        assert json.loads(out)["diagnostics"][0]["location"]["path"] == "bad\udcff名.txt"


BYTES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                *(b"\xef\xbb\xbf", b"\x00", b"\r", b"\r\n", b"\n", b"\x80", b"\x1b]0;x\x07"),
                *("中文*文字!!\u200b".encode(), b'{"id": "r", "text": "a*\\u0000b!!"}'),
            ]
        ),
        st.binary(max_size=8),
    ),
    max_size=10,
)


@settings(
    max_examples=max(EXAMPLES // 10, 20),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(parts=BYTES, suffix=st.sampled_from([".txt", ".jsonl"]))
def test_any_bytes_give_a_valid_report_in_every_ci_format(cli, tmp_path, parts, suffix):
    (tmp_path / f"f{suffix}").write_bytes(b"".join(parts))
    gitlab_schema = json.loads(GITLAB_SCHEMA.read_text(encoding="utf-8"))
    rdjson_schema = json.loads(RDJSON_SCHEMA.read_text(encoding="utf-8"))
    for fmt in ("junit", "gitlab", "rdjson", "grouped"):
        r = cli("check", str(tmp_path), "--output-format", fmt, "--jobs", "1", "--exit-zero")
        assert r.code in (0, 2) and "Traceback" not in r.err  # 2: unreadable input
        if fmt == "junit":
            _check_jenkins_junit(ET.fromstring(r.out.encode("utf-8")))
        elif fmt == "gitlab":
            jsonschema.validate(json.loads(r.out), gitlab_schema)
        elif fmt == "rdjson":
            jsonschema.validate(json.loads(r.out), rdjson_schema)
        else:
            assert "\x1b" not in r.out and "\x00" not in r.out
