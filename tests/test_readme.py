"""The README's examples are real: its configuration loads and its plugin example works."""

from __future__ import annotations

import re
import types

from lint import Applicability
from lint.cli import main
from lint.plugins import load_plugins
from lint.testing import fix_text, lint_text
from tests.corpus import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, re.S)


def test_readme_configuration_example_loads(tmp_path, monkeypatch, capsys):
    """Every key of the README's `[tool.scrapelint]` example is accepted by the real rules."""
    (config,) = [b for b in _blocks("toml") if "[tool.scrapelint]" in b]
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    # SA001 with the README's extra phrase; MC004 lowered to info by the severity table
    (tmp_path / "a.txt").write_text("本站声明\n这是正文，写在这里。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "a.txt", "--output-format", "json", "--fail-on", "warning"])
    out, err = capsys.readouterr()
    assert "error" not in err
    assert code == 1
    assert '"code": "SA001"' in out


def _plugin_module() -> types.ModuleType:
    (source,) = [b for b in _blocks("python") if "@hookimpl" in b]
    module = types.ModuleType("readme_rules")
    exec(compile(source, "README.md", "exec"), module.__dict__)
    return module


def test_readme_plugin_example_is_discovered_and_fixes():
    """The README's rule plugin registers through the hook and its fix does what it says."""
    module = _plugin_module()
    plugins = load_plugins([module], entry_points=None)
    assert plugins.failures == []
    rules = plugins.rules()
    assert "XY001" in rules
    rule = rules["XY001"]
    found = lint_text("第一\u3000段\u3000落", [rule])
    assert [(d.code, d.start, d.end) for d in found] == [("XY001", 2, 3), ("XY001", 4, 5)]
    assert all(d.fix and d.fix.applicability is Applicability.SAFE for d in found)
    assert fix_text("第一\u3000段\u3000落", [rule]) == "第一段落"
    assert lint_text("第一 段", [rule]) == []
