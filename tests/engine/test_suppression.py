"""Suppression: allow entries in config, comments in documents, a record field; SL005."""

from __future__ import annotations

import json
import pickle
import sys
from collections.abc import Iterator
from itertools import pairwise

import pytest

from lint import Diagnostic, Document, Rule, hookimpl
from lint.document import Source
from lint.linter import check_document
from lint.plugins import load_plugins
from lint.suppression import Suppressor, compile_allow, exact_entry
from tests.engine import testplugin
from tests.linearity import assert_linear, repeated


class Bracket(Rule):
    """Flags a bracketed label.

    What
    ----
    Each 【…】 on one line.

    Why
    ---
    Test rule whose flagged text varies.

    Examples
    --------
    Flagged: ``【广告】``.

    Fix
    ---
    None.
    """

    code = "TS960"
    name = "bracket"
    family = "test"

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Flag each 【…】 (up to 20 characters)."""
        text = document.text
        start = text.find("【")
        while start != -1:
            end = text.find("】", start, start + 20)
            if end == -1:
                break
            yield self.report(start, end + 1, "bracketed label")
            start = text.find("【", end)


class Tilde(Rule):
    """Flags a line that starts with a tilde, at a zero-width place.

    What
    ----
    The start of a line beginning with ``~``.

    Why
    ---
    Test rule with an empty span.

    Examples
    --------
    Flagged: ``~x``.

    Fix
    ---
    None.
    """

    code = "TS961"
    name = "tilde"
    family = "test"

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Flag the start of each line that begins with ``~``."""
        for line in document.lines:
            if line.text.startswith("~"):
                yield self.report(line.start, line.start, "tilde line")


class Twice(Rule):
    """Flags a line equal to the line before it (a layout-sensitive rule).

    What
    ----
    The second of two equal, non-empty lines in a row.

    Why
    ---
    Test rule that a comment line in between changes.

    Examples
    --------
    Flagged: ``重复`` twice.

    Fix
    ---
    None.
    """

    code = "TS962"
    name = "twice"
    family = "test"

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Flag each line equal to the one before it."""
        lines = document.lines
        for before, line in pairwise(lines):
            if line.text and line.text == before.text:
                yield self.report(line.start, line.end, "line repeated")


@hookimpl
def scrapelint_rules() -> list[type[Rule]]:
    """The extra test rules."""
    return [Bracket, Tilde, Twice]


_THIS = sys.modules[__name__]


@pytest.fixture
def run(cli):
    """The CLI with the test plugin and this module's rules."""

    def go(*argv: str, stdin: bytes | None = None):
        return cli(*argv, stdin=stdin, plugins=load_plugins([testplugin, _THIS], entry_points=None))

    return go


def _json(r):
    return json.loads(r.out)


def _codes(r):
    return sorted((d["code"], d.get("line")) for d in _json(r))


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


# -- allow entries ---------------------------------------------------------------------


def test_allow_exact_text_suppresses_only_that_text(run, workdir):
    _write(workdir / "scrapelint.toml", '[rules.TS960]\nallow = ["【广告】"]\n')
    _write(workdir / "a.txt", "【广告】和【正文】\n【广告词】\n")
    r = run("check", "a.txt", "--output-format", "json")
    assert r.code == 1
    assert [d["message"] for d in _json(r)] == ["bracketed label", "bracketed label"]
    assert [(d["line"], d["column"]) for d in _json(r)] == [(1, 6), (2, 1)]


def test_allow_regex_is_searched_and_the_key_may_be_the_rule_name(run, workdir):
    _write(workdir / "scrapelint.toml", "[rules.bracket]\nallow = ['re:广.】']\n")
    _write(workdir / "a.txt", "【广告】【广场】【正文】【推广告词】\n")
    r = run("check", "a.txt", "--output-format", "json")
    assert [d["column"] for d in _json(r)] == [9, 13]  # 【正文】 and 【推广告词】


def test_allow_in_pyproject_with_other_options_of_the_rule(run, workdir):
    _write(
        workdir / "pyproject.toml",
        '[tool.scrapelint.rules.TS001]\nglyph = "#"\nallow = ["#"]\n',
    )
    _write(workdir / "a.txt", "a#b*c\n")
    r = run("check", "a.txt", "--output-format", "json")
    assert r.code == 0 and _json(r) == []


def test_allow_matches_the_line_of_a_zero_width_finding(run, workdir):
    _write(workdir / "scrapelint.toml", '[rules.TS961]\nallow = ["~ 合法的行"]\n')
    _write(workdir / "a.txt", "~ 合法的行\n~ 另一行\n")
    r = run("check", "a.txt", "--output-format", "json")
    assert [(d["code"], d["line"]) for d in _json(r)] == [("TS961", 2)]


def test_bad_regex_is_a_config_error_naming_file_and_key(run, workdir):
    _write(workdir / "scrapelint.toml", '[rules.TS960]\nallow = ["re:(广告"]\n')
    _write(workdir / "a.txt", "【广告】\n")
    r = run("check", "a.txt")
    assert r.code == 2
    assert "scrapelint.toml" in r.err and "`rules.TS960.allow`" in r.err
    assert "invalid regular expression 're:(广告'" in r.err


def test_allow_must_be_a_list_of_strings(run, workdir):
    _write(workdir / "scrapelint.toml", '[rules.TS960]\nallow = "【广告】"\n')
    _write(workdir / "a.txt", "【广告】\n")
    r = run("check", "a.txt")
    assert r.code == 2 and "`rules.TS960.allow`: expected a list of strings" in r.err


def test_allow_for_an_unknown_rule_is_still_a_config_error(run, workdir):
    _write(workdir / "scrapelint.toml", '[rules.XX999]\nallow = ["a"]\n')
    _write(workdir / "a.txt", "a\n")
    r = run("check", "a.txt")
    assert r.code == 2 and "`rules.XX999`: no rule has this code or name" in r.err


def test_a_suppressed_finding_is_not_fixed(run, workdir):
    _write(workdir / "scrapelint.toml", '[rules.TS001]\nallow = ["*"]\n')
    path = _write(workdir / "a.txt", "a*b\n")
    r = run("check", "a.txt", "--fix", "--output-format", "json")
    assert r.code == 0 and _json(r) == []
    assert path.read_text(encoding="utf-8") == "a*b\n"


def test_exact_entry_of_text_that_looks_like_a_pattern():
    entry = exact_entry("re:a.b")
    assert entry.startswith("re:")
    allow = compile_allow([entry])
    assert allow.matches("re:a.b") == [entry]
    assert allow.matches("re:axb") == [] and allow.matches("xre:a.b") == []


def test_allow_list_pickles_for_workers():
    allow = compile_allow(["x", r"re:\p{Han}+"])
    copy = pickle.loads(pickle.dumps(allow))
    assert copy.matches("中文") == [r"re:\p{Han}+"] and copy.matches("x") == ["x"]


# -- comments --------------------------------------------------------------------------


def test_disable_and_enable_a_region(run, workdir):
    _write(
        workdir / "a.md",
        "a*b\n<!-- scrapelint-disable TS001 -->\nc*d 【x】\n"
        "<!-- scrapelint-enable TS001 -->\ne*f\n",
    )
    r = run("check", "a.md", "--output-format", "json")
    assert _codes(r) == [("TS001", 1), ("TS001", 5), ("TS960", 3)]


def test_disable_without_codes_disables_every_rule_until_enable(run, workdir):
    _write(
        workdir / "a.md",
        "<!-- scrapelint-disable -->\na*b 【x】 hi!!\n<!-- scrapelint-enable TS002 -->\n"
        "c*d hi!!\n<!-- scrapelint-enable -->\ne*f\n",
    )
    r = run("check", "a.md", "--output-format", "json")
    assert _codes(r) == [("TS001", 6), ("TS002", 4)]


def test_disable_next_line_with_several_codes_and_a_name(run, workdir):
    _write(
        workdir / "a.md",
        "<!-- scrapelint-disable-next-line TS001, bracket -->\na*b 【x】 hi!!\nc*d\n",
    )
    r = run("check", "a.md", "--output-format", "json")
    assert _codes(r) == [("TS001", 3), ("TS002", 2)]


def test_disable_line_and_next_line_without_codes(run, workdir):
    _write(
        workdir / "a.md",
        "a*b <!-- scrapelint-disable-line -->\n<!-- scrapelint-disable-next-line -->\nc*d\ne*f\n",
    )
    r = run("check", "a.md", "--output-format", "json")
    assert _codes(r) == [("TS001", 4)]


def test_unused_comments_are_reported_as_sl005_warnings(run, workdir):
    _write(
        workdir / "a.md",
        "<!-- scrapelint-disable-next-line TS001 -->\nclean line\n"
        "<!-- scrapelint-disable TS960,TS99 -->\n【x】\n"
        "<!-- scrapelint-disable-next-line TS004 -->\nno todo\n",
    )
    r = run("check", "a.md", "--output-format", "json")
    found = _json(r)
    assert r.code == 1  # a warning, not an error of the run
    assert [(d["code"], d["line"], d["severity"]) for d in found] == [
        ("SL005", 1, "warning"),
        ("SL005", 3, "warning"),
    ]
    assert "TS001 found nothing to suppress here" in found[0]["message"]
    assert "no rule has the code 'TS99'" in found[1]["message"]
    # TS004 is not selected: whether its comment is needed cannot be known


def test_comment_that_is_not_a_directive_is_ignored(run, workdir):
    _write(workdir / "a.md", "<!-- scrapelint-disabled TS001 -->\na*b\n<!-- scrapelint- -->\n")
    r = run("check", "a.md", "--output-format", "json")
    assert _codes(r) == [("TS001", 2)]


def test_comments_apply_to_the_fixed_text_too(run, workdir):
    path = _write(workdir / "a.md", "<!-- scrapelint-disable-next-line TS001 -->\na*b\nc*d\n")
    r = run("check", "a.md", "--fix", "--output-format", "json")
    assert r.code == 0
    assert path.read_text(encoding="utf-8") == (
        "<!-- scrapelint-disable-next-line TS001 -->\na*b\ncd\n"
    )


def _rules(*classes):
    return [cls() for cls in classes]


def _filtered(text: str, rules: list[Rule]) -> list[Diagnostic]:
    doc = Document(text, Source("t.md"))
    registry = {type(r).code: type(r) for r in rules}
    sup = Suppressor({}, registry).for_document(doc, frozenset(registry))
    found = check_document(doc, rules)
    return found if sup is None else sup.filter(doc, found)


def test_documents_without_the_word_get_no_filter():
    doc = Document("a*b\n", Source("t.md"))
    assert Suppressor({}, {"TS001": testplugin.Star}).for_document(doc, frozenset()) is None


def test_many_directives_cost_linear_time():
    rules = _rules(testplugin.Star)

    def make(size: int) -> str:
        unit = "<!-- scrapelint-disable TS001 -->a*b\n<!-- scrapelint-enable -->c*d\n"
        return repeated("", unit, "", size)

    assert_linear(lambda text: _filtered(text, rules), make)


def test_an_unclosed_directive_costs_linear_time():
    rules = _rules(testplugin.Star)
    assert_linear(
        lambda text: _filtered(text, rules),
        lambda size: repeated("", "<!-- scrapelint-disable TS001 TS002 a*b ", "", size),
    )


# -- record field ----------------------------------------------------------------------


def _shard(path, records):
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_record_field_suppresses_codes_for_that_record(run, workdir, jobs):
    _shard(
        workdir / "s.jsonl",
        [
            {"text": "a*b hi!!", "scrapelint_ignore": ["TS001"]},
            {"text": "c*d"},
            {"text": "e*f", "scrapelint_ignore": "star"},
        ],
    )
    r = run("check", "s.jsonl", "--output-format", "json", "--jobs", jobs)
    assert [(d["code"], d["record"]["line"]) for d in _json(r)] == [("TS002", 1), ("TS001", 2)]


def test_record_field_unused_and_unusable_values_are_reported(run, workdir):
    _shard(
        workdir / "s.jsonl",
        [
            {"text": "clean", "scrapelint_ignore": ["TS001", "TS004"]},
            {"text": "a*b", "scrapelint_ignore": 3},
        ],
    )
    r = run("check", "s.jsonl", "--output-format", "json")
    found = [(d["code"], d["record"]["line"], d["message"]) for d in _json(r)]
    assert found[0][:2] == ("SL005", 1) and "TS001 found nothing" in found[0][2]
    assert len([f for f in found if f[1] == 1]) == 1  # TS004 is not selected
    assert ("TS001", 2) in [f[:2] for f in found]
    bad = next(f for f in found if f[0] == "SL005" and f[1] == 2)
    assert "must be a list of rule codes, not 3" in bad[2]


def test_record_field_name_is_configurable_and_dotted(run, workdir):
    _write(workdir / "scrapelint.toml", '[jsonl]\nignore-field = "meta.skip"\n')
    _shard(
        workdir / "s.jsonl",
        [
            {"text": "a*b", "meta": {"skip": ["TS001"]}},
            {"text": "c*d", "scrapelint_ignore": ["TS001"]},
        ],
    )
    r = run("check", "s.jsonl", "--output-format", "json")
    lines = [(d["code"], d["record"]["line"]) for d in _json(r)]
    assert lines == [("TS001", 2)]
    (workdir / "a.txt").write_text("x*y\n", encoding="utf-8")  # a text file read first
    r = run("check", "a.txt", "s.jsonl", "--show-suppressed", "-q", "--output-format", "concise")
    assert "s.jsonl:1:1:2: TS001 placeholder glyph (suppressed by record field meta.skip)" in r.out


def test_record_field_with_fix_keeps_the_suppressed_text(run, workdir):
    _shard(workdir / "s.jsonl", [{"text": "a*b", "scrapelint_ignore": ["TS001"]}, {"text": "c*d"}])
    r = run(
        "check", "s.jsonl", "--fix", "--output", str(workdir / "out"), "--output-format", "json"
    )
    assert r.code == 0
    out = (workdir / "out" / "s.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(out[0])["text"] == "a*b" and json.loads(out[1])["text"] == "cd"


def test_parquet_record_field(run, workdir):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table(
        {"text": ["a*b", "c*d"], "scrapelint_ignore": [["TS001"], None]},
    )
    pq.write_table(table, workdir / "s.parquet")
    for jobs in ("1", "2"):
        r = run("check", "s.parquet", "--output-format", "json", "--jobs", jobs)
        assert [(d["code"], d["record"]["row"]) for d in _json(r)] == [("TS001", 1)]


# -- show-suppressed and unused allow entries -----------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_show_suppressed_names_what_suppressed_each_finding(run, workdir, jobs):
    _write(workdir / "scrapelint.toml", '[rules.TS960]\nallow = ["【广告】"]\n')
    _write(workdir / "a.md", "【广告】\n<!-- scrapelint-disable-next-line TS001 -->\na*b\n")
    _shard(workdir / "s.jsonl", [{"text": "c*d", "scrapelint_ignore": ["TS001"]}])
    r = run("check", ".", "--show-suppressed", "--output-format", "concise", "-q", "--jobs", jobs)
    assert r.code == 0
    assert (
        "a.md:1:1: TS960 bracketed label (suppressed by allow entry '【广告】' of rules.TS960"
        in r.out
    )
    assert (
        "a.md:3:2: TS001 placeholder glyph"
        " (suppressed by comment scrapelint-disable-next-line at line 2)" in r.out
    )
    assert (
        "s.jsonl:1:1:2: TS001 placeholder glyph (suppressed by record field scrapelint_ignore)"
        in r.out
    )


def test_show_suppressed_keeps_machine_output_parseable(run, workdir):
    _write(workdir / "a.md", "<!-- scrapelint-disable-next-line TS001 -->\na*b\n")
    r = run("check", "a.md", "--show-suppressed", "--output-format", "json")
    assert _json(r) == []
    assert "suppressed by comment scrapelint-disable-next-line at line 1" in r.err


def test_allow_entries_used_in_worker_processes_are_not_called_unused(run, workdir):
    _write(workdir / "scrapelint.toml", '[rules.TS960]\nallow = ["【广告】", "【旧】"]\n')
    _write(workdir / "a.txt", "【广告】\n")
    _shard(workdir / "s.jsonl", [{"text": "【旧】"}, {"text": "【新】"}])
    r = run("check", ".", "--output-format", "json", "--jobs", "2")
    assert [(d["code"], d["record"]["line"]) for d in _json(r)] == [("TS960", 2)]


def test_unused_allow_entry_is_reported_when_the_whole_tree_is_checked(run, workdir):
    _write(workdir / "scrapelint.toml", '[rules.TS960]\nallow = ["【广告】", "【旧】"]\n')
    _write(workdir / "a.txt", "【广告】\n")
    r = run("check", ".", "--output-format", "json")
    [d] = _json(r)
    assert (d["code"], d["path"], d["line"], d["severity"]) == (
        "SL005",
        "scrapelint.toml",
        2,
        "warning",
    )
    assert "unused allow entry '【旧】' of rules.TS960" in d["message"]
    assert r.code == 1
    # a file named alone may not hold every place the entry is for: nothing said
    r = run("check", "a.txt", "--output-format", "json")
    assert r.code == 0 and _json(r) == []
    # nor for a rule the run did not select
    r = run("check", ".", "--select", "TS001", "--output-format", "json")
    assert _json(r) == []


def test_sl005_is_explained_like_a_rule(run):
    r = run("rule", "SL005")
    assert r.code == 0
    assert "unused-suppression" in r.out and "severity: warning" in r.out
    assert "fail the run like a rule's warning" in r.out


def test_readme_allow_example_loads_with_the_real_rules(tmp_path):
    from lint.config import read_config_file
    from lint.ruleset import build_ruleset
    from tests.corpus import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Suppressing a finding") :]
    block = section[
        section.index("```toml\n") + 8 : section.index("```", section.index("```toml") + 7)
    ]
    block = "\n".join(line.removeprefix("  ") for line in block.splitlines())
    (tmp_path / "pyproject.toml").write_text(block, encoding="utf-8")
    config = read_config_file(tmp_path / "pyproject.toml")
    rules = load_plugins().rules()
    build_ruleset(config, rules)
    suppressor = Suppressor(config.allow, rules)
    assert suppressor.allow["DT003"].matches("2040年远景目标") == [r"re:^20[3-5]\d年远景目标"]
    assert suppressor.allow["SA001"].matches("本站声明") == ["本站声明"]


def test_comments_naming_many_codes_cost_linear_time():
    rules = _rules(testplugin.Star)

    def make(size: int) -> str:
        unit = "<!-- scrapelint-disable X{n} TS001 -->a*b <!-- scrapelint-disable-line Y{n} -->\n"
        return repeated("", unit, "", size)

    assert_linear(lambda text: _filtered(text, rules), make)
    assert_linear(
        lambda text: _filtered(text, rules),
        lambda size: repeated("", "<!-- scrapelint-disable-line Z{n} -->a*b ", "", size),
    )


def test_only_allowed_findings_travel_back_unless_shown():
    doc = Document("<!-- scrapelint-disable-next-line TS960 -->\n【a】\n【b】\n", Source("t.md"))
    registry = {"TS960": Bracket}
    sup = Suppressor({"TS960": ["【b】"]}, registry).for_document(doc, frozenset(registry))
    assert sup.filter(doc, check_document(doc, [Bracket()])) == []
    every = sup.records()
    assert [(r.finding.span.line, r.allowed) for r in every] == [(2, ()), (3, ("【b】",))]
    assert every[0].how == "comment scrapelint-disable-next-line at line 1"
    assert [r.finding.span.line for r in sup.records(every=False)] == [3]


def test_a_comment_for_every_rule_is_judged_only_when_every_default_rule_ran(run, workdir):
    _write(workdir / "a.md", "<!-- scrapelint-disable-next-line -->\nclean\n")
    r = run("check", "a.md", "--output-format", "json")
    [d] = _json(r)
    assert d["code"] == "SL005" and "it suppressed nothing" in d["message"]
    r = run("check", "a.md", "--select", "TS001", "--output-format", "json")
    assert r.code == 0 and _json(r) == []


class _FindingsOnly:
    """A reporter that knows nothing of suppression (as Ray's per-file collector)."""

    def __init__(self) -> None:
        self.found: list = []

    def finding(self, finding) -> None:
        self.found.append(finding)

    def fixed(self, source, code, name) -> None:
        pass

    def diff(self, text) -> None:
        pass

    def progress(self, files, consumed, documents) -> None:
        pass


def test_a_reporter_without_suppression_still_gets_the_remaining_findings(workdir):
    import functools

    from lint.config import Config
    from lint.discovery import Target
    from lint.readers import TextReader
    from lint.runner import Runner, RunOptions
    from lint.worker import Worker, WorkerSettings

    path = _write(workdir / "a.md", "<!-- scrapelint-disable-next-line TS001 -->\na*b\nc*d\n")
    rules = {"TS001": testplugin.Star}
    reporter = _FindingsOnly()
    runner = Runner(
        readers=[TextReader()],
        config_for=lambda p: Config(root=workdir),
        worker_factory=functools.partial(Worker, rules, [TextReader()], WorkerSettings()),
        reporter=reporter,
        options=RunOptions(),
    )
    runner.run([Target(path, "a.md", "a.md")])
    assert [(f.code, f.span.line) for f in reporter.found] == [("TS001", 3)]
