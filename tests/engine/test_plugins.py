"""Plugin discovery: entry points, the built-in rules' route, broken plugins, hook specs."""

from __future__ import annotations

import importlib.metadata as md
import json
import subprocess
import sys

from lint.plugins import load_plugins
from tests.engine import testplugin


def _eps(*pairs):
    return lambda: [md.EntryPoint(name=n, value=v, group="scrapelint") for n, v in pairs]


def test_entry_point_plugins_are_discovered_and_listed(cli):
    plugins = load_plugins(entry_points=_eps(("testplugin", "tests.engine.testplugin")))
    assert not plugins.failures
    assert "TS001" in plugins.rules()
    r = cli("rules", "--output-format", "json", plugins=plugins)
    assert r.code == 0
    rows = {row["code"]: row for row in json.loads(r.out)}
    assert rows["TS001"]["name"] == "star"
    assert rows["TS001"]["plugin"].startswith("testplugin")
    assert rows["TS004"]["enabled_by_default"] is False
    assert rows["TS002"]["fix"] == "always"
    assert rows["TS003"]["fix"] == "never"


def test_broken_plugin_is_reported_while_the_others_run(cli, workdir):
    plugins = load_plugins(
        entry_points=_eps(
            ("broken", "tests.engine.broken_plugin"), ("testplugin", "tests.engine.testplugin")
        )
    )
    assert [f.plugin for f in plugins.failures] == ["broken"]
    (workdir / "a.txt").write_text("a*\n", encoding="utf-8")
    r = cli("check", "a.txt", "--output-format", "json", plugins=plugins)
    assert r.code == 2  # a broken plugin is an error ...
    assert "plugin broken" in r.err and "broken on purpose" in r.err
    assert [d["code"] for d in json.loads(r.out)] == ["TS001"]  # ... but the rest ran


def test_plugin_whose_hook_raises_is_reported():
    from lint import hookimpl

    class Bad:
        __name__ = "bad-hook"

        @hookimpl
        def scrapelint_rules(self):
            raise RuntimeError("lazy import failed")

    plugins = load_plugins([testplugin, Bad()], entry_points=None)
    assert "TS001" in plugins.rules()
    assert any("lazy import failed" in f.error for f in plugins.failures)


def test_plugin_with_unknown_hook_is_dropped_and_reported():
    from lint import hookimpl

    class Typo:
        __name__ = "typo"

        @hookimpl
        def scrapelint_rulez(self):
            return []

    plugins = load_plugins([testplugin, Typo()], entry_points=None)
    assert any(f.plugin == "typo" and "scrapelint_rulez" in f.error for f in plugins.failures)
    assert "TS001" in plugins.rules()


def test_invalid_and_duplicate_rules_are_reported():
    from lint import Rule, hookimpl

    class NoCode(Rule):
        code = "bad"
        name = "Bad Name"
        family = "x"

        def check(self, document):
            return []

    class Dup(testplugin.Star):
        name = "star-again"

    class P:
        __name__ = "p"

        @hookimpl
        def scrapelint_rules(self):
            return [NoCode, Dup]

    plugins = load_plugins([testplugin, P()], entry_points=None)
    rules = plugins.rules()  # rules are validated when first collected
    errors = " ".join(f.error for f in plugins.failures)
    assert "not a family prefix" in errors and "kebab-case" in errors
    assert "TS001 is already provided" in errors
    assert rules["TS001"] is testplugin.Star


def test_every_hook_the_engine_calls_is_specified():
    plugins = load_plugins([testplugin])
    plugins.pm.check_pending()  # raises if any registered hookimpl has no spec
    assert not plugins.failures
    called = {
        "scrapelint_rules",
        "scrapelint_output_formats",
        "scrapelint_readers",
        "scrapelint_default_config",
    }
    specified = {name for name in dir(plugins.pm.hook) if name.startswith("scrapelint_")}
    assert called == specified


def test_builtin_rules_load_through_the_entry_point():
    eps = [ep for ep in md.entry_points(group="scrapelint")]
    assert any(ep.value == "rules.plugin" for ep in eps)
    plugins = load_plugins()
    assert not plugins.failures
    families = {cls.code[:2] for cls in plugins.rules().values()}
    assert {"SA", "MC", "DL", "DT"} <= families


def test_the_installed_command_runs(tmp_path):
    (tmp_path / "a.txt").write_text("干净的文字。\n", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "lint", "check", str(tmp_path), "--output-format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == []
    r = subprocess.run(
        [sys.executable, "-m", "lint", "rule", "TS001"], capture_output=True, text=True
    )
    assert r.returncode == 2 and "unknown rule" in r.stderr
