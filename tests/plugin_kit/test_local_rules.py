"""Local rules: a directory of rule modules named by the configuration, no packaging."""

from __future__ import annotations

import json
import pickle
import sys

import pytest

RULE_MODULE = '''
"""A repository's own check."""

from lint import Rule

from . import _common


class NoLorem(Rule):
    """Flags placeholder text.

    What
    ----
    ``lorem``.

    Why
    ---
    Placeholder.

    Examples
    --------
    Flagged: ``lorem``.

    Fix
    ---
    None.
    """

    code = "LR001"
    name = "no-lorem"
    family = "local"

    def check(self, document):
        """Flag each lorem."""
        for start in _common.find_all(document.text, "lorem"):
            yield self.report(start, start + 5, "placeholder text")
'''

HOOK_MODULE = '''
from lint import Rule, hookimpl


class Ipsum(Rule):
    """Flags ipsum.

    What
    ----
    ``ipsum``.

    Why
    ---
    Placeholder.

    Examples
    --------
    Flagged: ``ipsum``.

    Fix
    ---
    None.
    """

    code = "LR002"
    name = "no-ipsum"
    family = "local"

    def check(self, document):
        i = document.text.find("ipsum")
        if i != -1:
            yield self.report(i, i + 5, "placeholder text")


@hookimpl
def scrapelint_rules():
    return [Ipsum]
'''

COMMON = """
def find_all(text, word):
    i = text.find(word)
    while i != -1:
        yield i
        i = text.find(word, i + 1)
"""


@pytest.fixture
def local(workdir, monkeypatch):
    rules = workdir / "lint_rules"
    rules.mkdir()
    (rules / "lorem.py").write_text(RULE_MODULE, encoding="utf-8")
    (rules / "ipsum.py").write_text(HOOK_MODULE, encoding="utf-8")
    (rules / "_common.py").write_text(COMMON, encoding="utf-8")
    (workdir / "scrapelint.toml").write_text('local-rules = ["lint_rules"]\n', encoding="utf-8")
    (workdir / "a.txt").write_text("lorem ipsum lorem\n", encoding="utf-8")
    for name in [m for m in sys.modules if m.startswith("scrapelint_local")]:
        monkeypatch.delitem(sys.modules, name)
    return workdir


def test_local_rules_are_loaded_listed_and_run(cli, local):
    r = cli("rules", "--output-format", "json")
    assert r.code == 0, r.err
    rows = {row["code"]: row for row in json.loads(r.out)}
    assert rows["LR001"]["plugin"] == f"local-rules {local / 'lint_rules' / 'lorem.py'}"
    assert "LR002" in rows  # a module with hooks is registered as a plugin
    r = cli("check", "a.txt", "--output-format", "json")
    found = [(d["code"], d["column"]) for d in json.loads(r.out)]
    assert found == [("LR001", 1), ("LR002", 7), ("LR001", 13)]


def test_local_rules_pickle_for_worker_processes(cli, local):
    cli("rules")  # imports the modules
    from scrapelint_local.lorem import NoLorem

    rule = pickle.loads(pickle.dumps(NoLorem()))
    assert [d.start for d in rule.check(__import__("lint").Document("lorem lorem"))] == [0, 6]


def test_a_broken_local_module_is_reported_and_the_others_load(cli, local):
    (local / "lint_rules" / "broken.py").write_text("raise ImportError('nope')\n", encoding="utf-8")
    r = cli("check", "a.txt", "--output-format", "json")
    assert r.code == 2
    assert "broken.py" in r.err and "nope" in r.err
    assert {d["code"] for d in json.loads(r.out)} == {"LR001", "LR002"}


def test_a_missing_directory_is_a_config_error(cli, workdir):
    (workdir / "scrapelint.toml").write_text('local-rules = ["nowhere"]\n', encoding="utf-8")
    r = cli("rules")
    assert r.code == 2 and "`local-rules`" in r.err and "nowhere is not a directory" in r.err
