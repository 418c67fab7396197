"""Declarative rules: declared in config or in rule files, validated, listed, fixable, bounded."""

from __future__ import annotations

import json
import pickle

import pytest

from lint.declarative import Declaration, parse_declaration, rule_class
from lint.testing import Case, check_case, lint_text

CONFIG = """
[[declare]]
code = "XR001"
name = "share-button"
message = "share-button text left in the page: `{match}`"
summary = "Share-button text left in a scraped page."
literals = ["分享到微信", "分享到微博"]
replacement = ""
applicability = "safe"
flagged = ["请分享到微信"]
not-flagged = ["分享"]

[[declare]]
code = "XR002"
name = "phone-number"
message = "phone number `{match}`"
pattern = '(?<!\\d)1[3-9]\\d{9}(?!\\d)'
replacement = '1**********'
severity = "info"
"""


def _json(run):
    return json.loads(run.out)


@pytest.fixture
def declared(workdir):
    (workdir / "scrapelint.toml").write_text(CONFIG, encoding="utf-8")
    (workdir / "a.txt").write_text("正文。分享到微信\n电话13812345678。\n", encoding="utf-8")
    return workdir


def test_declared_rules_are_listed_and_explained(cli, declared):
    r = cli("rules", "--output-format", "json")
    assert r.code == 0, r.err
    rows = {row["code"]: row for row in _json(r)}
    assert rows["XR001"]["name"] == "share-button" and rows["XR001"]["fix"] == "always"
    assert rows["XR001"]["summary"] == "Share-button text left in a scraped page."
    assert rows["XR002"]["severity"] == "info"
    assert rows["XR002"]["plugin"].startswith("declared-rules from ")
    assert "TS001" in rows  # the plugins' rules are still there
    r = cli("rule", "share-button")
    assert r.code == 0
    assert "分享到微信" in r.out and "Safe: replaces the match with nothing" in r.out
    assert "Flagged: ``请分享到微信``" in r.out


def test_declared_rules_check_select_and_fix(cli, declared):
    r = cli("check", "a.txt", "--output-format", "json", "--select", "XR", "--fail-on", "info")
    assert r.code == 1
    found = [(d["code"], d["line"], d["message"]) for d in _json(r)]
    assert found == [
        ("XR001", 1, "share-button text left in the page: `分享到微信`"),
        ("XR002", 2, "phone number `13812345678`"),
    ]
    r = cli("check", "a.txt", "--output-format", "json", "--select", "phone-number")
    assert [d["code"] for d in _json(r)] == ["XR002"]
    r = cli("check", "a.txt", "--select", "XR", "--fix", "--output-format", "json")
    assert (declared / "a.txt").read_text(encoding="utf-8") == "正文。\n电话13812345678。\n"
    cli("check", "a.txt", "--select", "XR", "--fix", "--unsafe-fixes")
    assert (declared / "a.txt").read_text(encoding="utf-8") == "正文。\n电话1**********。\n"


def test_declared_rules_run_in_worker_processes(cli, declared):
    for i in range(4):
        (declared / f"b{i}.txt").write_text("分享到微博\n" * 3, encoding="utf-8")
    r = cli("check", ".", "--output-format", "json", "--select", "XR001", "--jobs", "2")
    assert r.code == 1, r.err
    assert len(_json(r)) == 13


def test_a_rule_file_of_rules(cli, workdir):
    (workdir / "house.toml").write_text(
        '[[rule]]\ncode = "HR001"\nname = "ad-line"\nmessage = "ad"\nliterals = ["广告"]\n',
        encoding="utf-8",
    )
    (workdir / "pyproject.toml").write_text(
        '[tool.scrapelint]\nrule-files = ["house.toml"]\n', encoding="utf-8"
    )
    (workdir / "a.txt").write_text("这是广告\n", encoding="utf-8")
    r = cli("check", "a.txt", "--output-format", "json")
    assert [d["code"] for d in _json(r)] == ["HR001"]


@pytest.mark.parametrize(
    ("table", "needle"),
    [
        ({"pattern": "(unclosed"}, "XR009: bad regex `(unclosed`"),
        ({"pattern": "a*"}, "matches the empty string"),
        ({"pattern": "a", "replacement": "\\2"}, "names group '2'"),
        ({"pattern": "a", "literals": ["a"]}, "exactly one of `pattern` and `literals`"),
        ({"literals": ["a"], "colour": "red"}, "unknown key `colour`"),
        ({"literals": ["a"], "scope": "page"}, "`scope`: expected line, paragraph or document"),
        ({"literals": ["a"], "flagged": ["b"]}, "does not flag its example 'b'"),
        ({"literals": ["a"], "not-flagged": ["cat"]}, "flags its example 'cat'"),
        ({"literals": ["a"], "applicability": "safe"}, "`applicability` without a `replacement`"),
        ({"literals": ["a"], "code": "TS001"}, "`TS001` is already used by plugin tests"),
        ({"literals": ["a"], "code": "x1"}, "prefix of 1-4 capitals"),
    ],
)
def test_a_bad_declaration_is_an_error_naming_file_and_rule(cli, workdir, table, needle):
    full = {"code": "XR009", "name": "bad-one", "message": "m", **table}
    lines = ["[[declare]]"] + [
        f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in full.items()
    ]
    (workdir / "scrapelint.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (workdir / "a.txt").write_text("a\n", encoding="utf-8")
    for argv in (("check", "a.txt"), ("rules",)):
        r = cli(*argv)
        assert r.code == 2, (argv, r.out)
        assert "scrapelint.toml `declare`: declared rule" in r.err, r.err
        assert needle in r.err, r.err


def test_missing_keys_and_bad_rule_files_are_errors(cli, workdir):
    (workdir / "scrapelint.toml").write_text(
        '[[declare]]\ncode = "XR001"\nname = "x"\nliterals = ["a"]\n', encoding="utf-8"
    )
    r = cli("rules")
    assert r.code == 2 and "declared rule XR001: `message` is missing" in r.err
    (workdir / "scrapelint.toml").write_text('rule-files = ["nope.toml"]\n', encoding="utf-8")
    r = cli("rules")
    assert r.code == 2 and "nope.toml: cannot read the rule file" in r.err
    (workdir / "bad.toml").write_text("[[rule]\n", encoding="utf-8")
    (workdir / "scrapelint.toml").write_text('rule-files = ["bad.toml"]\n', encoding="utf-8")
    r = cli("rules")
    assert r.code == 2 and "bad.toml: invalid TOML" in r.err
    (workdir / "scrapelint.toml").write_text('rule-files = ["/dev/zero"]\n', encoding="utf-8")
    r = cli("rules")
    assert r.code == 2 and "/dev/zero: the rule file is not a regular file" in r.err


def test_a_catastrophic_pattern_is_stopped_by_its_timeout(cli, workdir):
    (workdir / "scrapelint.toml").write_text(
        '[[declare]]\ncode = "XR001"\nname = "slow"\nmessage = "m"\n'
        "pattern = '(a|aa)+$'\ntimeout = 0.2\n",
        encoding="utf-8",
    )
    (workdir / "a.txt").write_text("a" * 80 + "b\n", encoding="utf-8")
    r = cli("check", "a.txt", "--output-format", "json")
    assert r.code == 2
    [d] = _json(r)
    assert d["code"] == "SL002"
    assert "declared rule XR001" in d["message"] and "timeout of 0.2 s" in d["message"]


def test_scopes_keep_matches_inside_a_line_or_a_paragraph():
    def rule(scope):
        table = {"code": "XR001", "name": "x", "message": "m", "pattern": "开始[^。]*结束"}
        return rule_class(parse_declaration({**table, "scope": scope}, "test", 0))

    text = "开始\n结束。开始\n\n结束。"
    assert [(d.start, d.end) for d in lint_text(text, rule("line"))] == []
    assert [(d.start, d.end) for d in lint_text(text, rule("paragraph"))] == [(0, 5)]
    assert len(lint_text(text, rule("document"))) == 2


def test_declared_rules_pickle_as_their_declaration():
    decl = parse_declaration(
        {"code": "XR001", "name": "x", "message": "`{match}`", "literals": ["广告"]}, "t", 0
    )
    cls = rule_class(decl)
    assert pickle.loads(pickle.dumps(cls)) is cls
    rule = cls()
    copy = pickle.loads(pickle.dumps(rule))
    assert lint_text("一则广告", [copy]) == lint_text("一则广告", [rule])
    assert isinstance(cls.declaration, Declaration)


def test_declared_rules_work_with_lint_testing():
    decl = parse_declaration(
        {
            "code": "XR001",
            "name": "x",
            "message": "`{match}`",
            "pattern": "(?P<w>微信)号",
            "replacement": "\\g<w>账号",
            "applicability": "safe",
        },
        "t",
        0,
    )
    check_case(
        rule_class(decl), Case("加«微信号»联系", "XR001", messages="微信号", fixed="加微信账号联系")
    )


def test_only_the_run_configuration_declares_rules(cli, declared):
    sub = declared / "sub"
    sub.mkdir()
    (sub / "scrapelint.toml").write_text(
        '[[declare]]\ncode = "YR001"\nname = "nested"\nmessage = "m"\nliterals = ["分享"]\n',
        encoding="utf-8",
    )
    (sub / "b.txt").write_text("分享到微信\n", encoding="utf-8")
    r = cli("check", "sub/b.txt", "--output-format", "json", "--isolated")
    assert _json(r) == []  # --isolated: no configuration, no declared rules
    r = cli("rules", "--output-format", "json")
    assert "YR001" not in {row["code"] for row in _json(r)}
