"""``scrapelint rules`` and ``scrapelint rule CODE``: listing and explaining rules."""

from __future__ import annotations

import json

import pytest

from lint.plugins import load_plugins
from lint.rule import DOC_SECTIONS, parse_docs


def test_rule_explains_sections_options_and_plugin(cli):
    r = cli("rule", "TS001")
    assert r.code == 0
    for needle in (
        "# TS001 (star)",
        "Flags a placeholder glyph.",
        "## What",
        "## Why",
        "## Examples",
        "## Fix",
        "`glyph`",
        "fix: always",
    ):
        assert needle in r.out


def test_rule_by_name_and_json(cli):
    r = cli("rule", "star", "--output-format", "json")
    info = json.loads(r.out)
    assert info["code"] == "TS001"
    assert info["options"] == [
        {"name": "glyph", "type": "a string", "default": "*", "description": "the glyph to flag"}
    ]
    assert set(DOC_SECTIONS) <= set(info["sections"])
    assert info["sections"]["Fix"] == "Safe: deletes the glyph."


def test_unknown_rule_is_a_usage_error(cli):
    r = cli("rule", "ZZ999")
    assert r.code == 2 and "unknown rule" in r.err


def test_rules_lists_every_rule_with_its_columns(cli):
    r = cli("rules")
    assert r.code == 0
    for needle in ("TS001", "star", "TS004", "off", "always", "never"):
        assert needle in r.out


def test_parse_docs_splits_summary_and_sections():
    docs = parse_docs("Summary line\ncontinued.\n\nMore.\n\nWhat\n----\nA.\n\nWhy\n---\nB.\n")
    assert docs.summary == "Summary line continued."
    assert docs.sections == {"What": "A.", "Why": "B."}


@pytest.fixture(scope="module")
def builtin_rules():
    plugins = load_plugins()
    rules = plugins.rules()
    assert not plugins.failures, plugins.failures
    return rules


def test_every_builtin_rule_is_documented(builtin_rules):
    for code, cls in builtin_rules.items():
        docs = cls.docs()
        assert docs.summary, code
        missing = [s for s in DOC_SECTIONS if not docs.section(s).strip()]
        assert not missing, f"{code} lacks doc sections {missing}"
        for opt in cls.options:
            assert opt.description, f"{code} option {opt.name} has no description"
            opt.validate(list(opt.default) if isinstance(opt.default, tuple) else opt.default)
