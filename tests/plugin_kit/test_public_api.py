"""The public API: exactly these names are exported from ``lint``, each documented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import lint

PUBLIC = [
    "Applicability",
    "Diagnostic",
    "Document",
    "Edit",
    "Fix",
    "FixAvailability",
    "Line",
    "Option",
    "Rule",
    "Severity",
    "Source",
    "__version__",
    "hookimpl",
]


def test_the_exported_names_are_pinned():
    assert lint.__all__ == PUBLIC


@pytest.mark.parametrize("name", [n for n in PUBLIC if n != "__version__"])
def test_each_public_name_resolves_and_is_documented(name):
    value = getattr(lint, name)
    assert (getattr(value, "__doc__", None) or "").strip(), name
    module_doc = lint.__doc__ or ""
    assert f"- ``{name}``" in module_doc, f"lint's docstring does not describe {name}"
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"`{name}`" in readme, f"README does not describe {name}"


def test_from_lint_import_star_gives_the_public_names_only():
    namespace: dict = {}
    exec("from lint import *", namespace)
    assert sorted(k for k in namespace if k != "__builtins__") == sorted(PUBLIC)


def test_unknown_names_are_attribute_errors_and_fix_safety_is_deprecated():
    with pytest.raises(AttributeError):
        _ = lint.NoSuchThing
    with pytest.warns(DeprecationWarning, match="fix_availability"):
        assert lint.FixSafety.NONE.value == "none"


def test_import_lint_imports_nothing_heavy():
    code = (
        "import sys, lint;"
        "print(sorted(m for m in ('pluggy', 'lint.rule', 'lint.document', 'regex', 'rich')"
        " if m in sys.modules))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "[]"


def test_the_memo_is_the_shared_analysis_entry_point():
    calls = []

    def analysis(document, words):
        calls.append(words)
        return [w for w in words if w in document.text]

    doc = lint.Document("甲乙丙")
    assert doc.memo(analysis, ("甲", "丁")) == ["甲"]
    assert doc.memo(analysis, ("甲", "丁")) == ["甲"]  # computed once per key
    assert doc.memo(analysis, ("乙",)) == ["乙"]
    assert calls == [("甲", "丁"), ("乙",)]
