"""The HTML report: from check and from saved findings alike, its content, its errors."""

from __future__ import annotations

import json
import re
import sys

import pytest

from lint.report.data import ReportData
from lint.report.frames import frame
from tests.report.helpers import make_corpus, page_data, without_times


@pytest.fixture
def corpus(workdir):
    make_corpus(workdir)
    return workdir


def _check_html(cli, *extra):
    r = cli(
        "check",
        "shards",
        "page.txt",
        "--output-format",
        "html",
        "--output-file",
        "out/check.html",
        "-q",
        *extra,
    )
    assert r.code in (0, 1), r.err
    return r


def test_report_from_saved_findings_equals_the_report_from_check(cli, corpus):
    _check_html(cli, "--gate", "TS001=20%")
    r = cli(
        "check",
        "shards",
        "page.txt",
        "--output-format",
        "jsonl",
        "--output-file",
        "out/findings.jsonl",
        "-q",
        "--gate",
        "TS001=20%",
    )
    assert r.code == 1
    r = cli("report", "out/findings.jsonl", "-o", "out/report.html")
    assert r.code == 0, r.err
    checked = page_data((corpus / "out" / "check.html").read_text(encoding="utf-8"))
    reported = page_data((corpus / "out" / "report.html").read_text(encoding="utf-8"))
    assert without_times(checked) == without_times(reported)
    assert checked["totals"]["findings"] > 0


def test_jsonl_ends_with_the_run_record_only_in_a_file(cli, corpus):
    cli("check", "shards", "--output-format", "jsonl", "--output-file", "f.jsonl", "-q")
    lines = (corpus / "f.jsonl").read_text(encoding="utf-8").splitlines()
    run = json.loads(lines[-1])["scrapelint_run"]
    assert run["documents"] == 6 and run["files"] == 2
    assert run["per_file"]["shards/site-a.jsonl"][0] == 4
    assert all("code" in json.loads(x) for x in lines[:-1])
    piped = cli("check", "shards", "--output-format", "jsonl", "-q")
    assert all("code" in json.loads(x) for x in piped.out.splitlines())
    assert len(piped.out.splitlines()) == len(lines) - 1


def test_page_is_self_contained_and_requests_nothing(cli, corpus):
    _check_html(cli)
    page = (corpus / "out" / "check.html").read_text(encoding="utf-8")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None and "default-src 'none'" in csp.group(1)
    assert "connect-src 'none'" in csp.group(1)
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)=["']?https?:""", page)
    assert "Plotly" in page  # the chart library is inline
    assert page.count("<script") == 3  # data, Plotly, the page's own script


def test_page_content_counts_sources_domains_and_histogram(cli, corpus):
    _check_html(cli, "--gate", "TS=10%")
    data = page_data((corpus / "out" / "check.html").read_text(encoding="utf-8"))
    assert data["totals"] == {"findings": 7, "documents_with": 4, "documents": 7}
    rules = {r["code"]: r for r in data["rules"]}
    assert rules["TS001"]["count"] == 6 and rules["TS001"]["documents"] == 4
    assert rules["TS001"]["safe"] == 6 and rules["TS002"]["unsafe"] == 1
    assert data["families"] == [["test", 7]]
    assert data["severity"] == {"error": 0, "warning": 7, "info": 0}
    assert data["fixes"]["safe"] == 6 and data["fixes"]["unsafe"] == 1
    # Sources by share of documents with findings: page.txt 1/1, site-b 1/2, site-a 2/4.
    assert [s[0] for s in data["sources"]] == [
        "page.txt",
        "shards/site-a.jsonl",
        "shards/site-b.jsonl",
    ]
    assert data["sources"][0] == ["page.txt", 1, 1, 1]
    # URL domains (www. dropped): bad.example 2 of 3 documents, good.example 1 of 3.
    assert data["domains"] == [["bad.example", 3, 2, 5], ["good.example", 3, 1, 1]]
    hist = dict(data["histogram"])
    assert hist["0"] == 3 and hist["1"] == 2 and hist["2"] == 1 and hist["3–4"] == 1
    assert data["gates"][0]["passed"] is False and "TS ≤ 10%" in data["gates"][0]["line"]
    assert data["run"]["inputs"] == ["shards", "page.txt"]


def test_worst_documents_open_to_frames_with_spans_and_fix_diffs(cli, corpus):
    _check_html(cli)
    data = page_data((corpus / "out" / "check.html").read_text(encoding="utf-8"))
    worst = data["worst"][0]
    assert (worst["path"], worst["record"], worst["id"], worst["count"]) == (
        "shards/site-a.jsonl",
        1,
        "a0",
        3,
    )
    first = worst["findings"][0]
    assert first["code"] == "TS001" and first["line"] == 2
    lines = first["frame"]["lines"]
    assert [n for n, _ in lines] == [1, 2, 3]
    assert lines[1][1] == [["一个", False], ["*", True], ["号和**号", False]]
    diff = first["frame"]["diff"]
    assert diff[0] == ["-", 2, [["一个", False], ["*", True], ["号和**号", False]]]
    assert diff[1] == ["+", 2, [["一个", False], ["", True], ["号和**号", False]]]
    # The zero-width space is spelled out in the frame.
    b1 = next(w for w in data["worst"] if w["id"] == "b1")
    shown = "".join(t for t, _ in b1["findings"][0]["frame"]["lines"][0][1])
    assert shown == "零⟨U+200B⟩宽*"


def test_samples_are_seeded_and_carry_the_rule_explanation(cli, corpus):
    _check_html(cli)
    data = page_data((corpus / "out" / "check.html").read_text(encoding="utf-8"))
    sample = next(s for s in data["samples"] if s["code"] == "TS001")
    assert sample["summary"] == "Flags a placeholder glyph."
    assert "What: Each occurrence of the glyph" in sample["explanation"]
    assert len(sample["items"]) == 5 and all("frame" in i for i in sample["items"])
    cli("check", "shards", "page.txt", "--output-format", "jsonl", "--output-file", "f.jsonl", "-q")
    pages = []
    for seed in ("0", "0", "7"):
        cli("report", "f.jsonl", "-o", "r.html", "--seed", seed)
        pages.append(page_data((corpus / "r.html").read_text(encoding="utf-8")))
    assert pages[0]["samples"] == pages[1]["samples"]


def test_sample_keeps_the_smallest_hashes_whatever_the_order():
    items = [
        {
            "code": "X001",
            "path": "p",
            "record": {"line": n},
            "fingerprint": str(n),
            "start_offset": 0,
        }
        for n in range(1, 40)
    ]
    forward, backward = ReportData(seed=3), ReportData(seed=3)
    for item in items:
        forward.add(item)
    for item in reversed(items):
        backward.add(item)
    forward.finish()
    backward.finish()
    key = lambda xs: sorted(x["fingerprint"] for x in xs)  # noqa: E731
    assert key(forward.sample_items("X001")) == key(backward.sample_items("X001"))
    other = ReportData(seed=4)
    for item in items:
        other.add(item)
    other.finish()
    assert key(other.sample_items("X001")) != key(forward.sample_items("X001"))


def test_compare_shows_what_rose_and_what_fell(cli, corpus):
    cli("check", "shards", "--output-format", "jsonl", "--output-file", "old.jsonl", "-q")
    (corpus / "shards" / "site-b.jsonl").write_text(
        json.dumps({"id": "b0", "text": "好!!又!!"}) + "\n", encoding="utf-8"
    )
    cli("check", "shards", "--output-format", "jsonl", "--output-file", "new.jsonl", "-q")
    r = cli("report", "new.jsonl", "-o", "r.html", "--compare", "old.jsonl")
    assert r.code == 0, r.err
    compare = page_data((corpus / "r.html").read_text(encoding="utf-8"))["compare"]
    assert compare["rules"] == [["TS002", 1, 3, 2], ["TS001", 5, 4, -1]]
    assert compare["sources"] == [["shards/site-b.jsonl", 1, 2, 1]]
    assert compare["documents"] == [6, 5]


def test_report_of_several_files_merges_their_runs(cli, corpus):
    cli("check", "shards/site-a.jsonl", "--output-format", "jsonl", "--output-file", "a.jsonl")
    cli("check", "shards/site-b.jsonl", "--output-format", "jsonl", "--output-file", "b.jsonl")
    r = cli("report", "a.jsonl", "b.jsonl", "-o", "r.html")
    assert r.code == 0
    data = page_data((corpus / "r.html").read_text(encoding="utf-8"))
    assert data["totals"]["documents"] == 6 and data["run"]["files"] == 2


def test_report_errors_name_the_file_and_line(cli, corpus):
    (corpus / "bad.jsonl").write_text('{"code": "TS001"}\nnot json\n', encoding="utf-8")
    r = cli("report", "bad.jsonl", "-o", "r.html")
    assert r.code == 2 and "bad.jsonl:2: not JSON" in r.err
    r = cli("report", "missing.jsonl", "-o", "r.html")
    assert r.code == 2 and "missing.jsonl: No such file" in r.err


def test_without_the_extra_the_error_names_it(cli, corpus, monkeypatch):
    monkeypatch.setitem(sys.modules, "jinja2", None)
    r = cli("check", "shards", "--output-format", "html", "--output-file", "r.html")
    assert r.code == 2
    assert "pip install 'scrapelint[report]'" in r.err
    cli("check", "shards", "--output-format", "jsonl", "--output-file", "f.jsonl", "-q")
    r = cli("report", "f.jsonl", "-o", "r.html")
    assert r.code == 2 and "pip install 'scrapelint[report]'" in r.err


def test_frame_cuts_long_lines_around_the_span():
    text = "甲" * 500 + "*" + "乙" * 500
    shown = frame(text, {"start_offset": 500, "end_offset": 501})
    segments = shown["lines"][0][1]
    assert segments[0] == ["…", False] and segments[-1] == ["…", False]
    assert ["*", True] in segments
    assert sum(len(t) for t, _ in segments[1:-1]) == 160
    assert frame("abc", {"start_offset": 2, "end_offset": 9}) is None


def test_diff_of_a_deleted_line_shows_no_added_line():
    text = "面包> 新闻>\n正文第一行\n第三行"
    edit = {"start_offset": 0, "end_offset": 7, "replacement": ""}
    shown = frame(text, {"start_offset": 0, "end_offset": 6, "fix": {"edits": [edit]}})
    assert shown["diff"] == [["-", 1, [["面包> 新闻>", True]]]]
    edit = {"start_offset": 8, "end_offset": 9, "replacement": "X"}
    shown = frame(text, {"start_offset": 8, "end_offset": 9, "fix": {"edits": [edit]}})
    assert shown["diff"] == [
        ["-", 2, [["正", True], ["文第一行", False]]],
        ["+", 2, [["X", True], ["文第一行", False]]],
    ]


def test_url_field_comes_from_config_or_the_command_line(cli, corpus):
    from tests.report.helpers import write_shard

    write_shard(
        corpus / "links" / "s.jsonl",
        [
            {"text": "一*", "meta": {"link": "https://x.example/a"}, "url": "https://y.example/"},
            {"text": "干净", "meta": {"link": "https://x.example/b"}, "url": "https://y.example/"},
        ],
    )
    (corpus / "pyproject.toml").write_text(
        '[tool.scrapelint.report]\nurl-field = "link"\n', encoding="utf-8"
    )
    cli("check", "links", "--output-format", "html", "--output-file", "r.html", "-q")
    data = page_data((corpus / "r.html").read_text(encoding="utf-8"))
    assert data["domains"] == [["x.example", 2, 1, 1]]
    cli("check", "links", "--output-format", "jsonl", "--output-file", "f.jsonl", "-q")
    cli("report", "f.jsonl", "-o", "r2.html")
    assert page_data((corpus / "r2.html").read_text(encoding="utf-8"))["domains"] == [
        ["x.example", 2, 1, 1]
    ]
    cli("report", "f.jsonl", "-o", "r3.html", "--url-field", "url")
    assert page_data((corpus / "r3.html").read_text(encoding="utf-8"))["domains"] == [
        ["y.example", 2, 1, 1]
    ]
    cli("report", "f.jsonl", "-o", "r4.html", "--url-field", "")
    assert page_data((corpus / "r4.html").read_text(encoding="utf-8"))["domains"] == []
    (corpus / "pyproject.toml").write_text(
        '[tool.scrapelint.report]\nurl = "link"\n', encoding="utf-8"
    )
    r = cli("check", "links", "-q")
    assert r.code == 2 and "`report.url`: unknown key (known: url-field)" in r.err


def test_odd_inputs_still_make_a_page(cli, workdir):
    (workdir / "s.jsonl").write_text('{"text": "a*b\\ud800*"}\n{broken\n', encoding="utf-8")
    (workdir / "crlf.txt").write_bytes("第一*行\r\n第二!!行\r\n".encode())
    (workdir / "b.txt").write_bytes(b"\x00\x01bin")
    r = cli("check", ".", "--output-format", "html", "--output-file", "r.html", "-q")
    assert r.code == 2  # unreadable inputs stay errors
    data = page_data((workdir / "r.html").read_text(encoding="utf-8"))
    frames = {
        (w["path"], w["record"]): [f.get("frame") for f in w["findings"]] for w in data["worst"]
    }
    star = frames[("s.jsonl", 1)][0]["lines"][0][1]
    assert star[1] == ["*", True] and star[0][0] == "a"
    crlf = frames[("crlf.txt", None)]
    assert crlf[0]["lines"][0][1] == [["第一", False], ["*", True], ["行", False]]
    assert ("b.txt", None) not in frames  # unreadable input is no document
    assert data["totals"] == {"findings": 6, "documents_with": 2, "documents": 2}
    sl001 = next(r for r in data["rules"] if r["code"] == "SL001")
    assert (sl001["count"], sl001["documents"]) == (2, 0)
    r = cli("check", "-", "--output-format", "html", stdin="正*文".encode())
    assert r.code == 1 and page_data(r.out)["totals"]["findings"] == 1


def test_domain_search_stops_in_a_shard_without_urls(workdir):
    from lint.report.build import builtin_readers
    from lint.report.sources import URL_PROBE, scan_sources
    from tests.report.helpers import write_shard

    plain = [{"text": f"第{i}条"} for i in range(URL_PROBE)]
    write_shard(workdir / "late.jsonl", [*plain, {"text": "晚", "url": "https://late.example/"}])
    write_shard(workdir / "all.jsonl", [{"text": "早", "url": "https://early.example/x"}] * 3)
    scan = scan_sources({"late.jsonl": {URL_PROBE + 1}}, ["all.jsonl"], builtin_readers())
    assert scan.documents_by_domain == {"early.example": 3}
    assert scan.texts[("late.jsonl", URL_PROBE + 1)] == "晚"  # texts are still read


def test_the_table_lists_a_bounded_number_of_findings(monkeypatch):
    import lint.report.data as data_module

    monkeypatch.setattr(data_module, "TABLE_ROWS", 3)
    data = ReportData()
    for n in range(5):
        data.add({"code": "X001", "path": "p", "record": {"line": n}, "severity": "warning"})
    data.finish()
    assert len(data.rows) == 3 and data.total == 5 and data.documents_with == 5


def test_compare_with_a_baseline_file(cli, corpus):
    r = cli("check", "shards", "--write-baseline", "base/bl.json", "-q")
    assert r.code == 0
    (corpus / "shards" / "site-b.jsonl").write_text(
        json.dumps({"id": "b0", "text": "好!!又!!"}) + "\n", encoding="utf-8"
    )
    cli("check", "shards", "--output-format", "jsonl", "--output-file", "new.jsonl", "-q")
    r = cli("report", "new.jsonl", "-o", "r.html", "--compare", "base/bl.json")
    assert r.code == 0, r.err
    compare = page_data((corpus / "r.html").read_text(encoding="utf-8"))["compare"]
    assert compare["rules"] == [["TS002", 1, 3, 2], ["TS001", 5, 4, -1]]
    assert compare["sources"] == [["shards/site-b.jsonl", 1, 2, 1]]
    assert compare["documents_with"] == [3, 3]
