"""``scrapelint plugins`` (what is installed, and what failed) and ``scrapelint new-rule``.

``new-rule`` writes a rule module, its test and its registration line into a plugin
package laid out like ``examples/scrapelint-plugin-example``: the package holds a
registry module with a ``RULES`` sequence (``rules/__init__.py`` or ``plugin.py``)
that the plugin's ``scrapelint_rules`` hook returns, and the project has a ``tests/``
directory next to ``src/`` (or next to the package).
"""

from __future__ import annotations

import argparse
import json
import keyword
import re
import sys
from pathlib import Path
from typing import Any

from lint.check_command import EXIT_ERROR, EXIT_OK, UsageError
from lint.plugins import Plugins
from lint.rule import CODE_RE, NAME_RE

COMMANDS = ("plugins", "new-rule")


def add_parsers(sub: Any) -> None:
    """Add the ``plugins`` and ``new-rule`` commands to the command line's subparsers."""
    plugins = sub.add_parser(
        "plugins", help="list installed plugins, what they provide, and load failures"
    )
    plugins.add_argument("--output-format", choices=("text", "json"), default="text")
    new = sub.add_parser(
        "new-rule", help="create a rule module, its test and its registration in a plugin"
    )
    new.add_argument("code", metavar="CODE", help="the new rule's code, e.g. EX004")
    new.add_argument("name", metavar="NAME", help="the new rule's name, kebab-case")
    new.add_argument(
        "--package",
        type=Path,
        default=None,
        metavar="DIR",
        help="the plugin's Python package directory (default: the one under ./src)",
    )
    new.add_argument("--family", default=None, help="the rule's family (default: the package's)")
    new.add_argument(
        "--flag",
        default="待替换",
        metavar="TEXT",
        help="a literal the generated rule flags, to start from (default: 待替换)",
    )


def run_plugin_command(args: argparse.Namespace, plugins: Plugins) -> int:
    """Run ``plugins`` or ``new-rule``."""
    if args.command == "plugins":
        return _cmd_plugins(args, plugins)
    return _cmd_new_rule(args, plugins)


# -- scrapelint plugins -------------------------------------------------------------


def plugin_rows(plugins: Plugins) -> list[dict[str, Any]]:
    """One row per registered plugin: name, version, code prefixes, rules, formats, readers."""
    rows = []
    for name, provided in sorted(plugins.provided().items()):
        codes = provided["rules"]
        rows.append(
            {
                "name": name,
                "version": plugins.versions.get(name, ""),
                "prefixes": sorted({re.sub(r"[0-9]+$", "", c) for c in codes}),
                "rules": codes,
                "formats": provided["formats"],
                "readers": provided["readers"],
            }
        )
    return rows


def _cmd_plugins(args: argparse.Namespace, plugins: Plugins) -> int:
    rows = plugin_rows(plugins)
    failures = list(dict.fromkeys(str(f) for f in plugins.failures))
    plugins.failures.clear()  # shown here, not again on standard error
    if args.output_format == "json":
        print(json.dumps({"plugins": rows, "failures": failures}, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(f"{row['name']}  {row['version']}".rstrip())
            if row["rules"]:
                prefixes = ", ".join(row["prefixes"])
                print(f"  rules ({len(row['rules'])}, prefix {prefixes}): {_short(row['rules'])}")
            for key in ("formats", "readers"):
                if row[key]:
                    print(f"  {key}: {', '.join(row[key])}")
        if failures:
            print(f"\nLoad failures ({len(failures)}):")
            for line in failures:
                print(f"  {line}")
    return EXIT_ERROR if failures else EXIT_OK


def _short(codes: list[str], limit: int = 12) -> str:
    shown = ", ".join(codes[:limit])
    return shown + (f" and {len(codes) - limit} more" if len(codes) > limit else "")


# -- scrapelint new-rule ------------------------------------------------------------

_RULE_TEMPLATE = '''"""{code} {name}: {summary}"""

from __future__ import annotations

from collections.abc import Iterator

from lint import Diagnostic, Document, FixAvailability, Rule


class {cls}(Rule):
    """{summary}

    What
    ----
    Each occurrence of ``{flag}`` (replace this with what the rule looks for).

    Why
    ---
    Say why a corpus is better without it.

    Examples
    --------
    Flagged: ``前文{flag}后文``. Not flagged: ``前文后文``.

    Fix
    ---
    None.
    """

    code = "{code}"
    name = "{name}"
    family = "{family}"
    fix_availability = FixAvailability.NEVER
    triggers = ("{flag}",)  # documents without it are skipped: keep a cheap literal here

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Report each occurrence."""
        text = document.text
        start = text.find("{flag}")
        while start != -1:
            end = start + {length}
            yield self.report(start, end, "{name}: `{flag}`")
            start = text.find("{flag}", end)
'''

_TEST_TEMPLATE = '''"""Tests of {code} {name}, with lint.testing's readable cases."""

from __future__ import annotations

import pytest
from lint.testing import Case, assert_silent, case_id, check_case

from {module} import {cls}

CASES = [
    Case("前文«{flag}»后文", "{code}", messages="{flag}"),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_{func}(case):
    check_case({cls}, case)


def test_{func}_leaves_look_alikes_alone():
    assert_silent({cls}, "前文后文")
'''


def _find_package(given: Path | None) -> Path:
    if given is not None:
        if not (given / "__init__.py").is_file():
            raise UsageError(f"--package {given}: not a Python package (no __init__.py)")
        return given
    src = Path("src")
    found = sorted(p.parent for p in src.glob("*/__init__.py")) if src.is_dir() else []
    if len(found) != 1:
        raise UsageError("cannot tell which package to add the rule to: give --package DIR")
    return found[0]


def _registry(package: Path) -> Path:
    for candidate in (package / "rules" / "__init__.py", package / "plugin.py"):
        if candidate.is_file() and re.search(r"^RULES\b", candidate.read_text("utf-8"), re.M):
            return candidate
    raise UsageError(
        f"{package}: no RULES sequence in rules/__init__.py or plugin.py; define"
        " `RULES = (...)` there and return it from the scrapelint_rules hook"
    )


def _module_name(path: Path, package: Path) -> str:
    root = package.parent
    return ".".join(path.relative_to(root).with_suffix("").parts)


def _insert_import(text: str, line: str) -> str:
    """Add an import line after the module's last top-level import."""
    lines = text.splitlines(keepends=True)
    last = -1
    for i, current in enumerate(lines):
        if current.startswith(("import ", "from ")):
            last = i
    if last == -1:
        return line + "\n" + text
    lines.insert(last + 1, line + "\n")
    return "".join(lines)


def _cmd_new_rule(args: argparse.Namespace, plugins: Plugins) -> int:
    code, name = args.code, args.name
    if not CODE_RE.match(code):
        raise UsageError(f"rule code {code!r} is not a prefix of 1-4 capitals plus 3 digits")
    if not NAME_RE.match(name):
        raise UsageError(f"rule name {name!r} is not kebab-case")
    taken = plugins.rules()
    if code in taken or any(cls.name == name for cls in taken.values()):
        raise UsageError(f"rule {code} ({name}) already exists: {plugins.rule_plugin(code)}")
    if any(ch in args.flag for ch in '"\\\n') or not args.flag:
        raise UsageError("--flag must be a plain literal (no quotes, backslashes or newlines)")
    package = _find_package(args.package)
    registry = _registry(package)
    base = name.replace("-", "_")
    module = base if not keyword.iskeyword(base) else base + "_rule"
    cls = "".join(part.capitalize() for part in name.split("-"))
    rule_dir = registry.parent
    rule_path = rule_dir / f"{module}.py"
    project = package.parent.parent if package.parent.name == "src" else package.parent
    test_path = project / "tests" / f"test_{module}.py"
    for path in (rule_path, test_path):
        if path.exists():
            raise UsageError(f"{path} already exists")
    family = args.family or package.name.replace("_", "-")
    if not NAME_RE.match(family):
        raise UsageError(f"family {family!r} is not kebab-case")
    fields = {
        "code": code,
        "name": name,
        "cls": cls,
        "family": family,
        "flag": args.flag,
        "length": len(args.flag),
        "summary": f"Flags {args.flag} (describe the rule in one line).",
        "func": base,
        "module": _module_name(rule_path, package),
    }
    rule_path.write_text(_RULE_TEMPLATE.format(**fields), encoding="utf-8")
    test_path.parent.mkdir(parents=True, exist_ok=True)
    test_path.write_text(_TEST_TEMPLATE.format(**fields), encoding="utf-8")
    text = registry.read_text(encoding="utf-8")
    text = _insert_import(text, f"from {fields['module']} import {cls}")
    text = text.rstrip("\n") + f"\nRULES = (*RULES, {cls})  # added by scrapelint new-rule\n"
    registry.write_text(text, encoding="utf-8")
    for what, path in (("rule", rule_path), ("test", test_path), ("registration", registry)):
        print(f"{what:>12}: {path}", file=sys.stdout)
    return EXIT_OK
