"""pre-commit runs scrapelint: the repository's own hooks (try-repo) and the README's snippet.

``pre-commit try-repo`` clones this repository (with its uncommitted changes) and
installs it into a fresh virtualenv. Nothing may be downloaded while the tests run,
so pip is told to install the clone alone (no index, no build isolation, no
dependencies) and the hook finds the dependencies on ``PYTHONPATH``, from the venv
that runs the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.corpus import REPO

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None
    or shutil.which("pre-commit", path=str(Path(sys.executable).parent)) is None,
    reason="needs git and pre-commit (the test extra)",
)

DIRTY = "中文*文字\n"  # MC004: a star that hides text (no fix)
FIXABLE = "我们要献计*献策。\n"  # MC002: a stray star inside a word


def _git_repo(path: Path, files: dict[str, str]) -> Path:
    path.mkdir()
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(["git", "init", "-q"], cwd=path, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=path, check=True, env=env)
    return path


def _env(home: Path) -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    paths = sysconfig.get_paths()
    return {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "PRE_COMMIT_HOME": str(home),
        "PIP_NO_INDEX": "1",
        "PIP_NO_BUILD_ISOLATION": "0",  # pip reads this one inverted: 0 turns isolation off
        "PIP_NO_DEPS": "1",
        "PYTHONPATH": os.pathsep.join(dict.fromkeys([paths["purelib"], paths["platlib"]])),
        "NO_COLOR": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }


def _pre_commit(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    exe = str(Path(sys.executable).parent / "pre-commit")
    return subprocess.run(
        [exe, *args, "--color", "never"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_the_repositorys_hooks_run_with_try_repo(tmp_path):
    repo = _git_repo(tmp_path / "corpus", {"dirty.txt": DIRTY, "fixable.md": FIXABLE})
    # every hook of the repository, in order: scrapelint reports, scrapelint-fix fixes
    r = _pre_commit(repo, _env(tmp_path / "home"), "try-repo", str(REPO), "--all-files")
    assert r.returncode == 1, r.stdout + r.stderr
    report, fix = r.stdout.split("- hook id: scrapelint-fix")
    assert "- hook id: scrapelint\n" in report
    assert "dirty.txt:1:3: MC004" in report and "fixable.md:1:6: MC002" in report
    assert "dirty.txt:1:3: MC004" in fix and "MC002" not in fix  # fixed, then not reported
    assert (repo / "fixable.md").read_text(encoding="utf-8") == "我们要献计献策。\n"
    assert (repo / "dirty.txt").read_text(encoding="utf-8") == DIRTY  # nothing safe to do


def test_the_readme_local_hook_runs_as_written(tmp_path):
    from tests.test_readme import _blocks

    (snippet,) = [b for b in _blocks("yaml") if "repo: local" in b]
    repo = _git_repo(
        tmp_path / "corpus",
        {"dirty.txt": DIRTY, "clean.txt": "干净的文字。\n", ".pre-commit-config.yaml": snippet},
    )
    env = _env(tmp_path / "home")
    r = _pre_commit(repo, env, "run", "--all-files")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "dirty.txt:1:3: MC004" in r.stdout
    (repo / "dirty.txt").write_text("也干净了。\n", encoding="utf-8")
    r = _pre_commit(repo, env, "run", "--all-files")
    assert r.returncode == 0, r.stdout + r.stderr
