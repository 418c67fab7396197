"""The README's examples are real: its configuration loads and its plugin example works."""

from __future__ import annotations

import json
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


def _rules_table() -> dict[str, list[str]]:
    """The README's rules table: code → its cells (family, code, name: text, level, fix, …)."""
    section = README.split("## The rules", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 5 and re.fullmatch(r"[A-Z]{2}\d{3}", cells[1]):
            rows[cells[1]] = cells
    return rows


def test_readme_rules_table_matches_scrapelint_rules(capsys):
    """Every rule and engine code, with its name, default level and fix availability."""
    assert main(["rules", "--output-format", "json"]) == 0
    listed = {info["code"]: info for info in json.loads(capsys.readouterr().out)}
    table = _rules_table()
    assert sorted(table) == sorted(listed)
    for code, info in listed.items():
        _family, _code, name_and_text, level, fix, *_ = table[code]
        assert name_and_text.split(":")[0].split(" (")[0] == info["name"], code
        assert level == info["severity"], code
        assert fix == str(info["fix"]), code


def test_readme_actions_workflow_installs_from_the_repository_and_runs(tmp_path, monkeypatch):
    """The workflow installs this checkout (no unpublished package) and its check runs."""
    import shlex
    import shutil
    import tomllib

    import yaml

    (workflow,) = [b for b in _blocks("yaml") if "upload-sarif" in b]
    steps = yaml.safe_load(workflow)["jobs"]["scrapelint"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert runs[0] == "pip install ."  # the checkout of this repository
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["scrapelint"] == "lint.cli:main"
    argv = shlex.split(runs[1])
    assert argv[0] == "scrapelint"
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    assert main(argv[1:]) == 1  # the seed has findings: the step fails, the upload runs
    sarif = json.loads((tmp_path / "scrapelint.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    upload = steps[-1]
    assert upload["if"] == "always()" and upload["with"]["sarif_file"] == "scrapelint.sarif"


def test_readme_quick_start_says_what_exit_1_on_the_seed_means():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "scrapelint check seeds/" in quick
    assert "status 1" in quick and "findings" in quick
