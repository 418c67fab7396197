"""The rule base class and typed rule options: what every rule plugin implements."""

from __future__ import annotations

import enum
import inspect
import re
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from lint.diagnostic import Diagnostic, Severity
from lint.document import Document
from lint.fix import Fix

CODE_RE = re.compile(r"^[A-Z]{1,4}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DOC_SECTIONS = ("What", "Why", "Examples", "Fix")


class FixAvailability(enum.Enum):
    """Whether a rule's findings carry fixes: never, sometimes or always.

    This is a promise about the rule, listed by ``scrapelint rules``; how sure each
    fix is (safe, unsafe, display-only) is the fix's own ``Applicability``.
    ``lint.testing`` fails a rule whose findings break the promise.
    """

    NEVER = "never"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


class FixSafety(enum.Enum):
    """Deprecated: declare ``fix_availability`` instead (kept so old plugins load)."""

    NONE = "none"
    SAFE = "safe"
    UNSAFE = "unsafe"
    SOMETIMES = "sometimes"
    DISPLAY_ONLY = "display-only"


def _availability_from_safety(safety: object) -> FixAvailability:
    """The availability an old ``fix_safety`` declaration can promise (never or sometimes)."""
    return FixAvailability.NEVER if safety is FixSafety.NONE else FixAvailability.SOMETIMES


class OptionError(ValueError):
    """A rule option in the config has an unknown key or a value of the wrong type."""


_KINDS: dict[type, str] = {
    bool: "a boolean",
    int: "an integer",
    float: "a number",
    str: "a string",
    list: "a list of strings",
}


@dataclass(frozen=True, slots=True)
class Option:
    """A typed, documented rule option, set under ``[tool.scrapelint.rules.<CODE>]``.

    A ``shared`` option shapes an analysis that the rules of a family share (say,
    extra chrome phrases for the page layout): set on any rule of the family, it
    applies to every rule of that family that declares it, so the rules agree.
    """

    name: str
    kind: type
    default: Any
    description: str
    shared: bool = False

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise TypeError(f"option {self.name}: unsupported kind {self.kind!r}")

    @property
    def expected(self) -> str:
        """A human description of the expected type."""
        return _KINDS[self.kind]

    def validate(self, value: Any) -> Any:
        """Return ``value`` converted to the option's kind, or raise OptionError."""
        kind = self.kind
        if kind is bool:
            ok = isinstance(value, bool)
        elif kind is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif kind is float:
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            value = float(value) if ok else value
        elif kind is str:
            ok = isinstance(value, str)
        else:
            ok = isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
            value = tuple(value) if ok else value
        if not ok:
            raise OptionError(
                f"option {self.name!r} expects {self.expected}, got {type(value).__name__}"
                f" {value!r}"
            )
        return value


@dataclass(frozen=True, slots=True)
class RuleDocs:
    """A rule's documentation split into its summary and named sections."""

    summary: str
    sections: dict[str, str]

    def section(self, title: str) -> str:
        """Return one section's text, or an empty string."""
        return self.sections.get(title, "")


def _takes_one_argument(fn: Callable[..., object]) -> bool:
    """Whether ``fn`` can be called with exactly one positional argument."""
    try:
        inspect.signature(fn).bind(None)
    except TypeError:
        return False
    return True


class Rule:
    """Base class of every rule, built-in or third-party.

    A subclass sets ``code`` (family prefix + 3 digits), ``name`` (kebab-case),
    ``family``, and implements ``check``. Its docstring starts with a one-line
    summary followed by ``What``, ``Why``, ``Examples`` and ``Fix`` sections, each a
    line holding the title followed by a line of dashes; ``scrapelint rule CODE``
    prints it. Rules keep no state between documents: ``check`` may run for many
    documents, in any order, in several processes.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    family: ClassVar[str]
    enabled_by_default: ClassVar[bool] = True
    default_severity: ClassVar[Severity] = Severity.WARNING
    fix_availability: ClassVar[FixAvailability] = FixAvailability.NEVER
    options: ClassVar[tuple[Option, ...]] = ()
    # Literal prefilter: when set, the engine runs ``check`` only on documents that
    # contain at least one of these strings (an instance may narrow or extend them).
    triggers: tuple[str, ...] = ()
    # Document prefilter: when set, a function of the document, true when the rule may
    # find something in it. The engine calls each distinct gate once per document and
    # runs ``check`` only where it said true, so the rules of a family that share one
    # gate (``gate = may_hold_lists``) cost one call on a document none of them can
    # flag. A function of one argument assigned here is kept as a static method.
    gate: Callable[[Document], object] | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        gate = cls.__dict__.get("gate")
        # a function of the document alone (``gate = may_hold_lists``) is kept as a
        # static method: the same object on every rule, so rules share its answer; a
        # method ``def gate(self, document)`` stays a method (asked once per rule)
        if inspect.isfunction(gate) and _takes_one_argument(gate):
            cls.gate = staticmethod(gate)  # type: ignore[assignment]
        if "fix_safety" in cls.__dict__ and "fix_availability" not in cls.__dict__:
            warnings.warn(
                f"{cls.__qualname__}: `fix_safety` is deprecated; declare `fix_availability`"
                " (lint.FixAvailability.NEVER, SOMETIMES or ALWAYS)",
                DeprecationWarning,
                stacklevel=2,
            )
            cls.fix_availability = _availability_from_safety(cls.__dict__["fix_safety"])

    def __init__(
        self, settings: Mapping[str, Any] | None = None, severity: Severity | None = None
    ) -> None:
        self.settings: dict[str, Any] = self.resolve_settings(settings or {})
        self.severity: Severity = severity if severity is not None else self.default_severity
        self.setup()

    @classmethod
    def resolve_settings(cls, given: Mapping[str, Any]) -> dict[str, Any]:
        """Validate ``given`` against the declared options and fill in defaults."""
        declared = {o.name: o for o in cls.options}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            known = ", ".join(declared) or "none"
            raise OptionError(
                f"unknown option {unknown[0]!r} for rule {cls.code} ({cls.name});"
                f" known options: {known}"
            )
        values = {}
        for name, opt in declared.items():
            values[name] = opt.validate(given[name]) if name in given else opt.default
        return values

    def setup(self) -> None:
        """Prepare per-run state from ``self.settings`` (compile patterns, load data)."""

    def check(self, document: Document) -> Iterable[Diagnostic]:
        """Yield the diagnostics for one document."""
        raise NotImplementedError

    def report(
        self,
        start: int,
        end: int,
        message: str,
        *,
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Diagnostic:
        """Build a diagnostic of this rule for the span ``start..end``."""
        return Diagnostic(
            code=self.code,
            message=message,
            start=start,
            end=end,
            severity=severity if severity is not None else self.severity,
            fix=fix,
            name=self.name,
        )

    @classmethod
    def docs(cls) -> RuleDocs:
        """Parse the class docstring into a summary and What/Why/Examples/Fix sections."""
        return parse_docs(inspect.getdoc(cls) or "")

    @classmethod
    def summary(cls) -> str:
        """The first line of the rule's documentation."""
        return cls.docs().summary


_HEADING = re.compile(r"^(?P<title>[A-Z][A-Za-z -]*)\n-{3,}\s*$", re.M)


def parse_docs(text: str) -> RuleDocs:
    """Split a rule docstring into its summary line and titled sections."""
    matches = list(_HEADING.finditer(text))
    head = text[: matches[0].start()] if matches else text
    summary = head.strip().split("\n\n")[0].replace("\n", " ").strip()
    sections: dict[str, str] = {}
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        sections[m["title"].strip()] = text[m.end() : end].strip("\n").rstrip()
    return RuleDocs(summary, sections)


def check_rule_class(cls: type[Rule]) -> list[str]:
    """Return what is wrong with a rule class's declaration (empty when fine)."""
    problems = []
    code = getattr(cls, "code", None)
    name = getattr(cls, "name", None)
    if not isinstance(code, str) or not CODE_RE.match(code):
        problems.append(f"code {code!r} is not a family prefix plus 3 digits (e.g. SA001)")
    if not isinstance(name, str) or not NAME_RE.match(name):
        problems.append(f"name {name!r} is not kebab-case")
    if not isinstance(getattr(cls, "family", None), str):
        problems.append("family is not set")
    if cls.check is Rule.check:
        problems.append("check() is not implemented")
    if not isinstance(getattr(cls, "fix_availability", None), FixAvailability):
        problems.append("fix_availability is not a lint.FixAvailability")
    return problems


def fix_availability_problems(cls: type[Rule], diagnostics: Iterable[Diagnostic]) -> list[str]:
    """What in a rule's findings contradicts its declared ``fix_availability``."""
    declared = cls.fix_availability
    problems = []
    for d in diagnostics:
        if d.code != cls.code:
            continue
        if declared is FixAvailability.NEVER and d.fix is not None:
            problems.append(
                f"{cls.code} declares fix_availability NEVER but offers a fix"
                f" ({d.fix.description!r}) at {d.start}..{d.end}"
            )
        elif declared is FixAvailability.ALWAYS and d.fix is None:
            problems.append(
                f"{cls.code} declares fix_availability ALWAYS but reports without a fix"
                f" at {d.start}..{d.end}: {d.message}"
            )
    return problems
