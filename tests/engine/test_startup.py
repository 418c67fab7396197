"""Start-up cost: a check of one file imports only what checking it needs (issue 10).

Every test runs a fresh interpreter and reads its ``sys.modules`` after the step, so
an import added at the top of a module on the check path (a report format's
dependencies, the baseline, ``importlib.metadata``...) fails here, not in a timing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]

# Never needed to check one text file with the default options: optional features load
# these when their option is given, third-party extras when their format or engine is.
NEVER_ON_THE_CHECK_PATH = {
    "lint.baseline",  # --baseline, --write-baseline
    "lint.report.data",  # scrapelint report, --output-format html
    "lint.report.page",
    "lint.integrations",  # --engine ray, the datatrove steps
    "lint.settings_view",  # --show-settings
    "lint.suppression.add_ignore",  # --add-ignore
    "importlib.metadata",  # entry points are found by lint.entry_points
    "email",
    "zipfile",
    "pathspec",  # walking a directory, exclude globs, per-file ignores
    "tomllib",  # a configuration file (--isolated reads none)
    "regex",  # allow patterns, declared rules (the engine's own matching uses re)
    "difflib",  # did-you-mean hints, --diff
    "gzip",  # .jsonl.gz shards
    "zstandard",
    "charset_normalizer",  # --encoding auto
    "shutil",
    "tempfile",
    "secrets",
    "traceback",
    "rich",  # terminal formats on a terminal, the progress bar
    "pyarrow",
    "jinja2",
    "plotly",
    "ray",
}
# lint.cli itself also leaves out what the parser and the rules bring
NOT_ON_IMPORT = NEVER_ON_THE_CHECK_PATH | {"lint.sharding", "lint.report", "hashlib", "_hashlib"}


def _modules_after(code: str, cwd: Path) -> set[str]:
    """The modules a fresh interpreter has loaded after running ``code``."""
    script = (
        "import contextlib, io, json, sys\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        + "".join(f"    {line}\n" for line in code.strip().splitlines())
        + "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("FORCE_COLOR", None)
    r = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    return set(json.loads(r.stdout.splitlines()[-1]))


def _loaded_packages(modules: set[str], names: set[str]) -> list[str]:
    """The names that are loaded, with any of their submodules (``lint.report.x``)."""
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_importing_the_cli_loads_no_optional_feature(tmp_path):
    modules = _modules_after("import lint.cli", tmp_path)
    assert "lint.check_command" in modules  # the check command is ready to run
    assert _loaded_packages(modules, NOT_ON_IMPORT) == []


def test_checking_one_file_loads_no_optional_feature(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("这是一段文字。请访问*网站。\n", encoding="utf-8")
    modules = _modules_after(
        f"""
from lint.cli import main
from lint.plugins import load_plugins
from tests.engine import testplugin
plugins = load_plugins([testplugin], entry_points=None)
code = main(["check", "--isolated", {str(page)!r}], plugins=plugins)
assert code == 1, code  # TS001 flags the star: the check ran and reported
""",
        ROOT,
    )
    assert {"lint.worker", "lint.output.concise", "tests.engine.testplugin"} <= modules
    assert _loaded_packages(modules, NEVER_ON_THE_CHECK_PATH) == []


def test_the_options_that_need_a_feature_still_load_it(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("这是一段文字。\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    modules = _modules_after(
        f"""
from lint.cli import main
from lint.plugins import load_plugins
from tests.engine import testplugin
plugins = load_plugins([testplugin], entry_points=None)
code = main(["check", {str(tmp_path)!r}, "--write-baseline", {str(baseline)!r}], plugins=plugins)
assert code == 0, code
""",
        ROOT,
    )
    assert baseline.is_file()
    assert {"lint.baseline", "pathspec"} <= modules  # the baseline; a directory walked


def test_plugins_load_without_importlib_metadata(tmp_path):
    modules = _modules_after(
        """
from lint.plugins import load_plugins
plugins = load_plugins()
assert not plugins.failures, plugins.failures
assert plugins.versions["builtin-rules"] == "scrapelint 0.1.0", plugins.versions
assert {"SA001", "MC001", "DL001", "DT001"} <= set(plugins.rules())
""",
        tmp_path,
    )
    assert "rules.plugin" in modules
    assert _loaded_packages(modules, {"importlib.metadata", "email"}) == []
