"""The README's "Write a rule plugin" examples are real: the declared rule and the test work."""

from __future__ import annotations

import json
import re
import sys
import types

import pytest

from tests.corpus import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("## Write a rule plugin") :]
SECTION = SECTION[: SECTION.index("\n## ", 1)]


def _block(lang: str, needle: str) -> str:
    (block,) = [b for b in re.findall(rf"```{lang}\n(.*?)```", SECTION, re.S) if needle in b]
    return block


def test_the_declared_rule_example_loads_checks_and_fixes(cli, workdir):
    (workdir / "scrapelint.toml").write_text(_block("toml", "[[declare]]"), encoding="utf-8")
    (workdir / "a.txt").write_text("正文。请分享到微博\n", encoding="utf-8")
    r = cli("check", "a.txt", "--output-format", "json", "--select", "XR001")
    assert r.code == 1, r.err
    assert [d["code"] for d in json.loads(r.out)] == ["XR001"]
    cli("check", "a.txt", "--select", "XR001", "--fix")
    assert (workdir / "a.txt").read_text(encoding="utf-8") == "正文。请\n"


def test_the_lint_testing_example_passes(monkeypatch):
    (plugin_source,) = [
        b for b in re.findall(r"```python\n(.*?)```", README, re.S) if "@hookimpl" in b
    ]
    plugin = types.ModuleType("my_rules")
    exec(compile(plugin_source, "README.md", "exec"), plugin.__dict__)
    monkeypatch.setitem(sys.modules, "my_rules", plugin)
    tests = types.ModuleType("readme_tests")
    exec(compile(_block("python", "check_case"), "README.md", "exec"), tests.__dict__)
    for case in tests.CASES:
        tests.test_full_width_space(case)
    tests.test_look_alikes()
    with pytest.raises(AssertionError):
        tests.test_full_width_space(tests.Case("第一\u3000段", "XY001", fixed="第一段"))
