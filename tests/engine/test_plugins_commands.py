"""``scrapelint plugins`` and ``scrapelint new-rule``; a plugin's output format and reader."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from lint import hookimpl
from lint.output.base import OutputFormat
from lint.plugins import load_plugins
from lint.readers.text import TextReader
from tests.engine import testplugin

ROOT = Path(__file__).parents[2]


class TallyFormat(OutputFormat):
    """Prints one line per code: how many findings (a plugin's format)."""

    name = "tally"
    streams = False

    def start(self, stream, run):
        super().start(stream, run)
        self.counts: dict[str, int] = {}

    def handle(self, finding):
        self.counts[finding.code] = self.counts.get(finding.code, 0) + 1

    def finish(self):
        for code, n in sorted(self.counts.items()):
            self.out().write(f"{code}={n}\n")


class NoteReader(TextReader):
    """``.note`` files: a first ``title:`` line that is metadata, not text to lint."""

    name = "note"
    suffixes = (".note",)

    def document(self, unit, options):
        doc, encoding = super().document(unit, options)
        head, _, body = doc.text.partition("\n")
        if not head.startswith("title:"):
            return doc, (encoding, "")
        return type(doc)(body, doc.source), (encoding, head + "\n")

    def encode(self, unit, state, text, options):
        encoding, head = state
        return encoding.encode(head + text)


class IOPlugin:
    """A plugin that brings an output format and a reader."""

    __name__ = "io-plugin"

    @hookimpl
    def scrapelint_output_formats(self):
        return {"tally": TallyFormat}

    @hookimpl
    def scrapelint_readers(self):
        return [NoteReader()]


def test_plugins_lists_versions_rules_formats_and_readers(cli, workdir):
    plugins = load_plugins([testplugin, IOPlugin()], entry_points=None)
    r = cli("plugins", "--output-format", "json", plugins=plugins)
    assert r.code == 0, r.err
    data = json.loads(r.out)
    rows = {row["name"]: row for row in data["plugins"]}
    test = rows["tests.engine.testplugin"]
    assert test["version"] == "registered in-process"
    assert test["prefixes"] == ["TS"] and "TS001" in test["rules"]
    assert rows["io-plugin"]["formats"] == ["tally"] and rows["io-plugin"]["readers"] == ["note"]
    assert "json" in rows["lint.output"]["formats"] and "text" in rows["lint.readers"]["readers"]
    assert data["failures"] == []
    r = cli("plugins", plugins=load_plugins([testplugin], entry_points=None))
    assert "tests.engine.testplugin" in r.out and "prefix TS" in r.out


def test_plugins_shows_load_failures_and_code_collisions(cli, workdir):
    import importlib.metadata as md

    class Twin:
        __name__ = "twin"

        @hookimpl
        def scrapelint_rules(self):
            class Star2(testplugin.Star):
                name = "star-two"

            return [Star2]

    eps = [md.EntryPoint(name="broken", value="tests.engine.broken_plugin", group="scrapelint")]
    plugins = load_plugins([testplugin, Twin()], entry_points=lambda: eps)
    r = cli("plugins", plugins=plugins)
    assert r.code == 2
    assert "Load failures (2)" in r.out
    assert "broken on purpose" in r.out
    assert "TS001 is already provided by tests.engine.testplugin" in r.out and "twin" in r.out


def test_selecting_by_a_plugins_prefix(cli, workdir):
    (workdir / "a.txt").write_text("a* 错字 hi!!\n", encoding="utf-8")
    r = cli("check", "a.txt", "--output-format", "json", "--select", "TS", "--fail-on", "info")
    assert {d["code"] for d in json.loads(r.out)} == {"TS001", "TS002", "TS003"}


def test_a_plugins_output_format_and_reader_are_used(cli, workdir):
    plugins = load_plugins([testplugin, IOPlugin()], entry_points=None)
    (workdir / "a.note").write_text("title: a*b\nx*y*z\n", encoding="utf-8")
    r = cli("check", "a.note", "--output-format", "tally", plugins=plugins)
    assert r.code == 1
    assert r.out.splitlines()[0] == "TS001=2"  # the title line is not linted
    plugins = load_plugins([testplugin, IOPlugin()], entry_points=None)
    r = cli("check", "a.note", "--fix", plugins=plugins)
    assert (workdir / "a.note").read_text(encoding="utf-8") == "title: a*b\nxyz\n"


def test_new_rule_creates_module_test_and_registration(cli, tmp_path, monkeypatch):
    project = tmp_path / "plugin"
    shutil.copytree(
        ROOT / "examples" / "scrapelint-plugin-example",
        project,
        ignore=shutil.ignore_patterns("*.egg-info", "__pycache__", ".pytest_cache"),
    )
    monkeypatch.chdir(project)
    r = cli("new-rule", "EX004", "no-placeholder", "--flag", "占位符")
    assert r.code == 0, r.err
    package = project / "src" / "scrapelint_example"
    rule = package / "rules" / "no_placeholder.py"
    test = project / "tests" / "test_no_placeholder.py"
    assert rule.is_file() and test.is_file()
    registry = (package / "rules" / "__init__.py").read_text(encoding="utf-8")
    assert "from scrapelint_example.rules.no_placeholder import NoPlaceholder" in registry
    assert registry.rstrip().endswith(
        "RULES = (*RULES, NoPlaceholder)  # added by scrapelint new-rule"
    )
    # the generated files pass ruff and their own test, and the plugin returns the new rule
    lint = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", str(rule), str(test)],
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout
    code = (
        "from scrapelint_example.plugin import scrapelint_rules as r; print([c.code for c in r()])"
    )
    env_path = str(package.parent)
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
    )
    assert done.stdout.strip() == "['EX001', 'EX002', 'EX003', 'EX004']", done.stderr
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(test)],
        capture_output=True,
        text=True,
        cwd=project,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    # again: the files exist, and the code is taken
    r = cli("new-rule", "EX004", "no-placeholder")
    assert r.code == 2


def test_new_rule_refuses_bad_codes_names_and_packages(cli, workdir):
    assert "not a prefix" in cli("new-rule", "ex4", "x").err
    assert "kebab-case" in cli("new-rule", "EX004", "No_Good").err
    assert "already exists" in cli("new-rule", "TS001", "fresh").err
    assert "give --package" in cli("new-rule", "EX004", "fresh").err
