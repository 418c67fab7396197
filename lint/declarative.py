"""Declarative rules: rules written in configuration, without Python, as Vale's styles are.

A rule is a table in the run's configuration (``[[tool.scrapelint.declare]]``) or in a
TOML file of rules named by ``rule-files`` (``[[rule]]`` tables)::

    [[tool.scrapelint.declare]]
    code = "XR001"
    name = "share-button"
    message = "share-button text left in the page: `{match}`"
    literals = ["分享到微信", "分享到微博"]      # or: pattern = "..." (a regex)
    replacement = ""                            # optional: the fix
    applicability = "safe"                      # safe, unsafe (default) or display-only
    severity = "warning"                        # info, warning (default) or error
    scope = "line"                              # line (default), paragraph or document

Every declaration is checked when it is read: a missing or unknown key, a bad regex, a
replacement naming a group the pattern lacks, a pattern that matches the empty string,
or an example (``flagged`` / ``not-flagged``) that the rule gets wrong is an error
naming the file and the rule. Patterns are compiled with the ``regex`` module and
matched with its ``timeout``: a pattern that backtracks catastrophically on a document
stops after ``timeout`` seconds (default 1) and becomes an SL002 finding naming the
rule, instead of hanging the run.

Declared rules are read from the run's own configuration only (``--config``, or the
configuration that applies to the working directory), never from the configuration
files of subdirectories: rules are loaded once per run, while options, selection and
per-file ignores may still differ per directory.
"""

from __future__ import annotations

import copyreg
import re
import stat
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.config import ConfigError
from lint.diagnostic import Diagnostic, Severity
from lint.document import Document
from lint.fix import Applicability, Edit, Fix
from lint.hookspecs import hookimpl
from lint.rule import CODE_RE, NAME_RE, FixAvailability, Rule

if TYPE_CHECKING:  # regex, tomllib and difflib are imported when a declaration is read
    import regex

DEFAULT_TIMEOUT = 1.0  # seconds of matching per rule per document
SCOPES = ("line", "paragraph", "document")
_KEYS = {
    "code": "the rule's code (a prefix of 1-4 capitals and 3 digits, e.g. XR001)",
    "name": "the rule's name (kebab-case)",
    "message": "the finding's message; {match} stands for the matched text",
    "pattern": "a regular expression (the regex module's syntax)",
    "literals": "a list of literal strings",
    "replacement": "the fix: the text that replaces a match (\\1, \\g<name> for groups)",
    "applicability": "how sure the fix is: safe, unsafe or display-only",
    "severity": "info, warning or error",
    "scope": "where a match may lie: line, paragraph or document",
    "summary": "a one-line summary for `scrapelint rules`",
    "description": "why the rule exists (shown by `scrapelint rule`)",
    "family": "the rule's family (default: declared)",
    "enabled": "whether the rule is on by default (default: true)",
    "ignore-case": "match without regard to case (default: false)",
    "timeout": "seconds of matching per document before the rule gives up (default: 1)",
    "triggers": "literal strings of which a document must contain one to be checked",
    "flagged": "example texts the rule must flag (checked when the rule is read)",
    "not-flagged": "example texts the rule must leave alone (checked when it is read)",
}
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u3000\r]*\n")
_GROUP_REF = re.compile(r"\\g<([^>]*)>|\\([0-9]+)")
_MATCH_SHOWN = 30  # characters of the matched text a message quotes


class DeclarationError(ConfigError):
    """A declared rule that cannot be used; the message names the file and the rule."""


class PatternTimeout(Exception):
    """A declared rule's pattern ran past its timeout on one document."""


@dataclass(frozen=True)
class Declaration:
    """One declared rule, validated: everything needed to rebuild its class anywhere."""

    origin: str  # the file it was declared in
    code: str
    name: str
    message: str
    pattern: str | None = None
    literals: tuple[str, ...] = ()
    replacement: str | None = None
    applicability: str = "unsafe"
    severity: str = "warning"
    scope: str = "line"
    summary: str = ""
    description: str = ""
    family: str = "declared"
    enabled: bool = True
    ignore_case: bool = False
    timeout: float = DEFAULT_TIMEOUT
    triggers: tuple[str, ...] = ()
    flagged: tuple[str, ...] = ()
    not_flagged: tuple[str, ...] = ()

    def compile(self) -> regex.Pattern[str]:
        """The compiled pattern (literals become one alternation, longest first)."""
        import regex

        flags = regex.IGNORECASE if self.ignore_case else 0
        if self.pattern is not None:
            return regex.compile(self.pattern, flags | regex.MULTILINE)
        ordered = sorted(self.literals, key=len, reverse=True)
        return regex.compile("|".join(regex.escape(s) for s in ordered), flags)


class DeclaredRule(Rule):
    """Base of the classes built from declarations (one class per declared rule)."""

    declaration: Declaration
    pattern: regex.Pattern[str]

    def setup(self) -> None:
        """Compile the pattern once per run."""
        self.pattern = self.declaration.compile()

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Report each match inside the declared scope, with the declared fix."""
        decl = self.declaration
        text = document.text
        found = []
        try:
            for m in self.pattern.finditer(text, timeout=decl.timeout):
                if m.start() == m.end() or not _in_scope(m.group(), decl.scope):
                    continue
                found.append(m)
        except TimeoutError:
            raise PatternTimeout(
                f"the pattern of declared rule {decl.code} ({decl.origin}) ran past its"
                f" timeout of {decl.timeout:g} s on this document; simplify the pattern"
                " (nested repetition such as (a|aa)+ backtracks) or raise `timeout`"
            ) from None
        for m in found:
            yield self.report(
                m.start(), m.end(), _message(decl.message, m.group()), fix=self._fix(m)
            )

    def _fix(self, m: regex.Match[str]) -> Fix | None:
        decl = self.declaration
        if decl.replacement is None:
            return None
        new = m.expand(decl.replacement) if decl.pattern is not None else decl.replacement
        edit = Edit(m.start(), m.end(), new)
        description = f"Replace with `{new}`" if new else "Delete it"
        return Fix((edit,), Applicability(decl.applicability), description)


def _in_scope(matched: str, scope: str) -> bool:
    if scope == "line":
        return "\n" not in matched
    if scope == "paragraph":
        return _PARAGRAPH_BREAK.search(matched) is None
    return True


def _message(template: str, matched: str) -> str:
    shown = matched if len(matched) <= _MATCH_SHOWN else matched[: _MATCH_SHOWN - 1] + "…"
    return template.replace("{match}", shown.replace("\n", "⏎"))


# -- building classes -------------------------------------------------------------------


_classes: dict[Declaration, type[DeclaredRule]] = {}


class _DeclaredClass(type):
    """The metaclass of declared rule classes: they pickle as their declaration."""


def rule_class(decl: Declaration) -> type[DeclaredRule]:
    """The rule class of a declaration (one per declaration in a process)."""
    cls = _classes.get(decl)
    if cls is not None:
        return cls
    availability = FixAvailability.NEVER if decl.replacement is None else FixAvailability.ALWAYS
    attrs: dict[str, Any] = {
        "__doc__": _docs(decl),
        "__module__": __name__,
        "__qualname__": f"declared_{decl.code}",
        "code": decl.code,
        "name": decl.name,
        "family": decl.family,
        "default_severity": Severity.parse(decl.severity),
        "enabled_by_default": decl.enabled,
        "fix_availability": availability,
        "declaration": decl,
        "triggers": decl.triggers or (decl.literals if not decl.ignore_case else ()),
    }
    cls = _DeclaredClass(f"declared_{decl.code}", (DeclaredRule,), attrs)
    _classes[decl] = cls
    return cls


def _reduce_class(cls: type) -> Any:
    return rule_class, (cls.declaration,)


copyreg.pickle(_DeclaredClass, _reduce_class)


def _docs(decl: Declaration) -> str:
    what = (
        f"Matches of the pattern ``{decl.pattern}``"
        if decl.pattern is not None
        else "The literals " + ", ".join(f"``{s}``" for s in decl.literals)
    )
    what += f"{' (ignoring case)' if decl.ignore_case else ''}, within one {decl.scope}"
    if decl.scope == "document":
        what = what.replace(", within one document", ", anywhere in the document")
    if decl.replacement is None:
        fix = "None."
    else:
        shown = f"``{decl.replacement}``" if decl.replacement else "nothing (deletes the match)"
        fix = f"{decl.applicability.capitalize()}: replaces the match with {shown}."
    examples = []
    if decl.flagged:
        examples.append("Flagged: " + "; ".join(f"``{e}``" for e in decl.flagged) + ".")
    if decl.not_flagged:
        examples.append("Not flagged: " + "; ".join(f"``{e}``" for e in decl.not_flagged) + ".")
    summary = decl.summary or decl.message.replace("{match}", "…")
    sections = {
        "What": what + ".",
        "Why": decl.description or f"Declared in {decl.origin}.",
        "Examples": " ".join(examples) or "None given.",
        "Fix": fix,
    }
    body = "\n\n".join(f"{t}\n{'-' * len(t)}\n{b}" for t, b in sections.items())
    return f"{summary}\n\n{body}\n"


# -- reading declarations -------------------------------------------------------------


def _fail(origin: str, label: str, problem: str) -> DeclarationError:
    return DeclarationError(f"{origin}: declared rule {label}: {problem}")


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


_CHECKS: dict[str, tuple[Any, str]] = {
    "code": (lambda v: isinstance(v, str), "a string"),
    "name": (lambda v: isinstance(v, str), "a string"),
    "message": (lambda v: isinstance(v, str) and v.strip() != "", "a non-empty string"),
    "pattern": (lambda v: isinstance(v, str), "a string"),
    "literals": (lambda v: _str_list(v) and v and all(v), "a list of non-empty strings"),
    "replacement": (lambda v: isinstance(v, str), "a string"),
    "applicability": (
        lambda v: v in ("safe", "unsafe", "display-only"),
        "safe, unsafe or display-only",
    ),
    "severity": (lambda v: v in ("info", "warning", "error"), "info, warning or error"),
    "scope": (lambda v: v in SCOPES, "line, paragraph or document"),
    "summary": (lambda v: isinstance(v, str), "a string"),
    "description": (lambda v: isinstance(v, str), "a string"),
    "family": (lambda v: isinstance(v, str) and NAME_RE.match(v) is not None, "a kebab-case name"),
    "enabled": (lambda v: isinstance(v, bool), "a boolean"),
    "ignore-case": (lambda v: isinstance(v, bool), "a boolean"),
    "timeout": (
        lambda v: isinstance(v, int | float) and not isinstance(v, bool) and 0 < v <= 600,
        "a number of seconds (at most 600)",
    ),
    "triggers": (lambda v: _str_list(v) and all(v), "a list of non-empty strings"),
    "flagged": (_str_list, "a list of strings"),
    "not-flagged": (_str_list, "a list of strings"),
}


def parse_declaration(table: Mapping[str, Any], origin: str, index: int) -> Declaration:
    """Validate one declared rule's table; raise DeclarationError naming file and rule."""
    code = table.get("code")
    label = code if isinstance(code, str) and code else f"#{index + 1}"
    if not isinstance(table, Mapping):
        raise _fail(origin, label, "expected a table")
    for key in table:
        if key not in _KEYS:
            import difflib

            close = difflib.get_close_matches(key, _KEYS, n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            raise _fail(origin, label, f"unknown key `{key}`{hint}")
    for key in ("code", "name", "message"):
        if key not in table:
            raise _fail(origin, label, f"`{key}` is missing ({_KEYS[key]})")
    for key, value in table.items():
        check, expected = _CHECKS[key]
        if not check(value):
            raise _fail(origin, label, f"`{key}`: expected {expected}, got {value!r:.60}")
    if not CODE_RE.match(code):
        raise _fail(origin, label, "`code` is not a prefix of 1-4 capitals plus 3 digits")
    if not NAME_RE.match(table["name"]):
        raise _fail(origin, label, f"`name` {table['name']!r} is not kebab-case")
    if ("pattern" in table) == ("literals" in table):
        raise _fail(origin, label, "give exactly one of `pattern` and `literals`")
    if "applicability" in table and "replacement" not in table:
        raise _fail(origin, label, "`applicability` without a `replacement`")
    decl = Declaration(
        origin=origin,
        code=code,
        name=table["name"],
        message=table["message"],
        pattern=table.get("pattern"),
        literals=tuple(table.get("literals", ())),
        replacement=table.get("replacement"),
        applicability=table.get("applicability", "unsafe"),
        severity=table.get("severity", "warning"),
        scope=table.get("scope", "line"),
        summary=table.get("summary", ""),
        description=table.get("description", ""),
        family=table.get("family", "declared"),
        enabled=table.get("enabled", True),
        ignore_case=table.get("ignore-case", False),
        timeout=float(table.get("timeout", DEFAULT_TIMEOUT)),
        triggers=tuple(table.get("triggers", ())),
        flagged=tuple(table.get("flagged", ())),
        not_flagged=tuple(table.get("not-flagged", ())),
    )
    _check_pattern(decl, label)
    _check_examples(decl, label)
    return decl


def _check_pattern(decl: Declaration, label: str) -> None:
    import regex

    try:
        compiled = decl.compile()
    except (regex.error, ValueError, OverflowError, RecursionError) as exc:
        raise _fail(decl.origin, label, f"bad regex `{decl.pattern}`: {exc}") from None
    try:
        empty = compiled.match("", timeout=decl.timeout) is not None
    except TimeoutError:
        empty = False
    if empty:
        raise _fail(decl.origin, label, f"the pattern `{decl.pattern}` matches the empty string")
    if decl.replacement is None or decl.pattern is None:
        return
    for m in _GROUP_REF.finditer(decl.replacement):
        ref = m.group(1) if m.group(1) is not None else m.group(2)
        known = (ref.isdigit() and int(ref) <= compiled.groups) or ref in compiled.groupindex
        if not known:
            raise _fail(
                decl.origin, label, f"`replacement` names group {ref!r}, which the pattern lacks"
            )


def _check_examples(decl: Declaration, label: str) -> None:
    if not (decl.flagged or decl.not_flagged):
        return
    from lint.linter import check_document

    rule = rule_class(decl)()
    for text, want in [(t, True) for t in decl.flagged] + [(t, False) for t in decl.not_flagged]:
        found = check_document(Document(text), [rule])
        errors = [d.message for d in found if d.code != decl.code]
        if errors:
            raise _fail(decl.origin, label, f"example {text!r}: {errors[0]}")
        if bool(found) != want:
            what = "does not flag" if want else "flags"
            raise _fail(decl.origin, label, f"the rule {what} its example {text!r}")


def declarations_in(
    tables: Sequence[Any], origin: str, taken: Mapping[str, str]
) -> list[Declaration]:
    """Validate a list of declared-rule tables; codes and names must be new."""
    if not isinstance(tables, list):
        raise DeclarationError(f"{origin}: expected an array of tables of declared rules")
    out: list[Declaration] = []
    seen = dict(taken)
    for i, table in enumerate(tables):
        decl = parse_declaration(table, origin, i)
        for key in (decl.code, decl.name):
            if key in seen:
                raise _fail(origin, decl.code, f"`{key}` is already used by {seen[key]}")
        seen[decl.code] = seen[decl.name] = f"declared rule {decl.code} in {origin}"
        out.append(decl)
    return out


def read_rule_file(path: Path, taken: Mapping[str, str]) -> list[Declaration]:
    """Read a TOML file of ``[[rule]]`` tables."""
    import tomllib

    from lint.config import MAX_CONFIG_BYTES

    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise DeclarationError(f"{path}: the rule file is not a regular file")
        if st.st_size > MAX_CONFIG_BYTES:
            raise DeclarationError(
                f"{path}: larger than {MAX_CONFIG_BYTES:,} bytes; not a rule file"
            )
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except RecursionError:
        raise DeclarationError(f"{path}: invalid TOML: nested too deeply") from None
    except OSError as exc:
        raise DeclarationError(
            f"{path}: cannot read the rule file: {exc.strerror or exc}"
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DeclarationError(f"{path}: invalid TOML: {exc}") from None
    extra = sorted(set(data) - {"rule"})
    if extra:
        raise DeclarationError(
            f"{path}: unknown key `{extra[0]}` (a rule file holds [[rule]] tables)"
        )
    return declarations_in(data.get("rule", []), str(path), taken)


# -- the run's configuration -------------------------------------------------------------


def run_config_table(explicit: Path | None, isolated: bool) -> tuple[Path, dict] | None:
    """The run's configuration file and its ``[tool.scrapelint]`` table (unvalidated).

    ``--config`` when given; otherwise the configuration that applies to the working
    directory (the nearest ``scrapelint.toml``, or ``pyproject.toml`` with a
    ``[tool.scrapelint]`` table, going up). None with ``--isolated`` or no file.
    """
    from lint.config import CONFIG_FILES, MAX_CONFIG_BYTES, resolve

    if isolated:
        return None
    import tomllib

    candidates: list[Path] = []
    if explicit is not None:
        candidates = [explicit]
    else:
        directory = resolve(Path.cwd())
        for d in (directory, *directory.parents):
            candidates += [d / name for name in CONFIG_FILES if (d / name).is_file()]
    for path in candidates:
        try:
            if not path.is_file() or path.stat().st_size > MAX_CONFIG_BYTES:
                return None  # /dev/zero, a FIFO, a huge file: the configuration's reading says so
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return None  # the configuration's own reading reports it
        tool = data.get("tool") if isinstance(data.get("tool"), dict) else {}
        if path.name == "pyproject.toml":
            table = tool.get("scrapelint")
            if table is None:
                continue
        else:
            table = tool.get("scrapelint", data) if "tool" in data else data
        return (path, table) if isinstance(table, dict) else None
    return None


def register_config_rules(
    plugins: Any, explicit: Path | None = None, isolated: bool = False
) -> None:
    """Add the rules the run's configuration declares (and its local rules) to ``plugins``.

    Raise DeclarationError (a ConfigError) for a declaration that cannot be used.
    """
    found = run_config_table(explicit, isolated)
    if found is None:
        return
    path, table = found
    declared = table.get("declare", [])
    files = table.get("rule-files", [])
    local = table.get("local-rules", [])
    if not (declared or files or local):
        return
    root = path.parent
    if local:
        from lint.local_rules import register_local_rules

        if not _str_list(local):
            raise DeclarationError(f"{path}: `local-rules`: expected a list of directories")
        register_local_rules(plugins, [root / d for d in local], str(path))
    taken: dict[str, str] = {}
    for code, cls in plugins.rules().items():
        taken[code] = taken[cls.name] = f"plugin {plugins.rule_plugin(code)}"
    decls = declarations_in(declared, f"{path} `declare`", taken) if declared else []
    for d in decls:
        taken[d.code] = taken[d.name] = f"declared rule {d.code} in {path}"
    if not _str_list(files):
        raise DeclarationError(f"{path}: `rule-files`: expected a list of TOML files")
    for name in files:
        more = read_rule_file(root / name, taken)
        for d in more:
            taken[d.code] = taken[d.name] = f"declared rule {d.code} in {root / name}"
        decls += more
    if decls:
        plugins.add_plugin(
            _DeclaredRules([rule_class(d) for d in decls]),
            "declared-rules",
            f"from {path}",
        )


class _DeclaredRules:
    """The plugin that provides the declared rules of one configuration."""

    def __init__(self, classes: list[type[DeclaredRule]]) -> None:
        self.classes = classes

    @hookimpl
    def scrapelint_rules(self) -> list[type[Rule]]:
        """The declared rule classes."""
        return list(self.classes)
