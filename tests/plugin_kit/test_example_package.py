"""The example plugin package in a fresh virtual environment: listed, checking, fixing.

The environment is built offline: ``python -m venv`` without pip, a ``.pth`` file that
lends it this environment's site-packages (for pluggy, rich, regex, setuptools...), then
this environment's pip installs scrapelint and a copy of the example, both editable,
into it (``--no-deps --no-build-isolation --no-index``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "scrapelint-plugin-example"


def _run(*cmd, cwd=None, check=True):
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, cwd=cwd, timeout=300)
    if check and r.returncode not in (0, 1):
        raise AssertionError(f"{cmd} exited {r.returncode}:\n{r.stdout}\n{r.stderr}")
    return r


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory) -> Path:
    """A new virtual environment with scrapelint and the example plugin installed."""
    base = tmp_path_factory.mktemp("venv")
    env = base / "env"
    venv.create(env, with_pip=False)
    python = env / "bin" / "python"
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    lend = Path(purelib.stdout.strip()) / "_host_site_packages.pth"
    lend.write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    example = base / "scrapelint-plugin-example"
    shutil.copytree(
        EXAMPLE, example, ignore=shutil.ignore_patterns("*.egg-info", "__pycache__", "build")
    )
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "-q"]
    pip += ["--no-deps", "--no-build-isolation", "--no-index", "-e", ROOT, "-e", example]
    r = _run(*pip, check=False)
    assert r.returncode == 0, r.stderr
    return python


def test_the_fresh_environment_lists_the_plugins_rules(fresh_python, tmp_path):
    r = _run(fresh_python, "-m", "lint", "rules", "--output-format", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    rows = {row["code"]: row for row in json.loads(r.stdout)}
    assert {"EX001", "EX002", "EX003", "SA001"} <= set(rows)
    assert rows["EX001"]["plugin"] == "example-site scrapelint-plugin-example 0.1.0"
    assert rows["EX001"]["fix"] == "always" and rows["EX002"]["fix"] == "never"
    assert rows["EX003"]["enabled_by_default"] is False


def test_the_fresh_environment_checks_and_fixes_with_the_plugin(fresh_python, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("正文第一段。\n本文由某某网整理\n正文第二段。请访问某某网\n", encoding="utf-8")
    (tmp_path / "scrapelint.toml").write_text(
        '[rules.EX002]\nterms = ["正文"]\nallow-phrases = ["正文第二段"]\n', encoding="utf-8"
    )
    check = [fresh_python, "-m", "lint", "check", "page.txt", "--output-format", "json"]
    r = _run(*check, "--select", "EX", cwd=tmp_path)  # a plugin's prefix selects its rules
    found = sorted((d["code"], d["line"]) for d in json.loads(r.stdout))
    assert found == [("EX001", 2), ("EX002", 1), ("EX003", 3)], r.stderr
    r = _run(*check, "--fix", "--select", "EX001", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert page.read_text(encoding="utf-8") == "正文第一段。\n正文第二段。请访问某某网\n"
