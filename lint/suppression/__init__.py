"""Suppression: silencing findings the user has judged wrong, and noticing stale suppressions.

Scraped text cannot carry ``# noqa`` comments, so three mechanisms fit it:

- **allow entries** per rule in config (``[tool.scrapelint.rules.CODE] allow = [...]``):
  an entry is exact text, or ``re:PATTERN`` searched with the ``regex`` module. It is
  matched against the finding's *flagged text* (``text[start:end]``); for a zero-width
  finding, which flags no text, against the whole line it is on.
- **comments** in a document, as markdownlint has them:
  ``<!-- scrapelint-disable CODE[,CODE] -->`` … ``<!-- scrapelint-enable [CODE] -->``,
  ``<!-- scrapelint-disable-next-line CODE -->`` and ``<!-- scrapelint-disable-line CODE -->``;
  no code means every rule. Only documents containing ``scrapelint-`` are parsed.
- **a record field** of a corpus (``scrapelint_ignore`` by default, the reader option
  ``ignore-field``): a list of codes (or rule names) suppressed for that record.

The worker filters a document's diagnostics through a ``DocumentSuppression`` right
after the rules ran and before fixes are chosen, so a suppressed finding is neither
reported nor fixed, with any ``--jobs`` and in every output format. What was
suppressed travels back as ``Suppressed`` records (``--show-suppressed``); comments
and record codes that suppressed nothing become ``SL005`` findings at once, allow
entries that suppressed nothing in the whole run are reported by the main process
(``AllowUsage``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from lint.config import Config, resolve
from lint.diagnostic import Diagnostic, Severity
from lint.document import Document, Source
from lint.finding import EXCERPT_CONTEXT, Excerpt, Finding, Span, fingerprint, problem
from lint.linter import ENGINE_CODES, UNUSED_SUPPRESSION

REGEX_PREFIX = "re:"
DEFAULT_IGNORE_FIELD = "scrapelint_ignore"
COMMENT_TRIGGER = "scrapelint-"
_NAME = ENGINE_CODES[UNUSED_SUPPRESSION]

# One directive: ``<!-- scrapelint-KIND codes -->``. The code list is bounded, so a
# comment left open never makes the search run on to the end of the document.
_DIRECTIVE = re.compile(
    r"<!--[ \t]*scrapelint-(disable-next-line|disable-line|disable|enable)"
    r"((?:[ \t,]+[A-Za-z0-9_.\-]{1,60}){0,50})[ \t,]*-->"
)
_SEPARATORS = re.compile(r"[\s,]+")


class AllowError(ValueError):
    """An allow entry that cannot be used (a bad regular expression)."""


# -- allow entries -------------------------------------------------------------------


@dataclass(frozen=True)
class AllowList:
    """A rule's allow entries: exact texts and compiled ``re:`` patterns."""

    exact: frozenset[str] = frozenset()
    patterns: tuple[tuple[str, Any], ...] = ()  # (entry as written, compiled pattern)

    def matches(self, text: str) -> list[str]:
        """The entries (as written) that ``text`` matches: exactly, or by a regex search."""
        found = [text] if text in self.exact else []
        for entry, pattern in self.patterns:
            if pattern.search(text) is not None:
                found.append(entry)
        return found

    @property
    def entries(self) -> tuple[str, ...]:
        """Every entry as written."""
        return tuple(sorted(self.exact)) + tuple(e for e, _ in self.patterns)


def compile_allow(entries: Iterable[str]) -> AllowList:
    """Compile allow entries; raise AllowError naming an entry whose pattern is invalid."""
    exact: set[str] = set()
    patterns: list[tuple[str, Any]] = []
    for entry in entries:
        if entry.startswith(REGEX_PREFIX):
            import regex  # only for allow patterns

            body = entry[len(REGEX_PREFIX) :]
            try:
                patterns.append((entry, regex.compile(body)))
            except (regex.error, ValueError, TypeError, OverflowError) as exc:
                raise AllowError(f"invalid regular expression {entry!r}: {exc}") from None
        else:
            exact.add(entry)
    return AllowList(frozenset(exact), tuple(patterns))


def exact_entry(text: str) -> str:
    """An allow entry that matches exactly ``text`` (a regex when it starts with ``re:``)."""
    if text.startswith(REGEX_PREFIX):
        return REGEX_PREFIX + r"\A" + _escape(text) + r"\Z"
    return text


def _escape(text: str) -> str:
    """``text`` escaped for an allow pattern (``regex.escape``)."""
    import regex

    return regex.escape(text)


def matched_text(document: Document, diagnostic: Diagnostic) -> str:
    """What allow entries are matched against: the flagged text, or the line of an empty span."""
    if diagnostic.end > diagnostic.start:
        return document.text[diagnostic.start : diagnostic.end]
    return document.line_at(diagnostic.start).text


def allow_text_of(finding: Finding) -> str | None:
    """The allow entry that would suppress a finding, from what the finding keeps.

    A finding keeps at most ``FLAGGED_CHARS`` of its flagged text and a bounded
    excerpt of its line; when the text may have been cut, the entry is a ``re:``
    pattern that matches what was kept (anchored at the start).
    """
    from lint.finding import FLAGGED_CHARS

    span = finding.span
    if span is None:
        return None
    if span.end > span.start:
        text = finding.flagged
        if len(text) < FLAGGED_CHARS:
            return exact_entry(text)
        return REGEX_PREFIX + r"\A" + _escape(text)
    excerpt = finding.excerpt
    if excerpt is None:
        return None
    whole = excerpt.column == 1 and len(excerpt.text) == excerpt.line_length
    if whole:
        return exact_entry(excerpt.text)
    anchor = r"\A" if excerpt.column == 1 else ""
    return REGEX_PREFIX + anchor + _escape(excerpt.text)


# -- what was suppressed --------------------------------------------------------------


class Suppressed(NamedTuple):
    """One suppressed finding and what suppressed it.

    ``how`` says it in words; ``allowed`` lists the allow entries of the finding's rule
    that matched (each counts as used), ``config`` names the config they come from.
    """

    finding: Finding
    how: str
    allowed: tuple[str, ...] = ()
    config: str = ""


def unused_finding(
    source: Source, message: str, span: Span | None = None, excerpt: Excerpt | None = None
) -> Finding:
    """An SL005 finding: a suppression that suppressed nothing (a warning)."""
    if span is None:
        return problem(source, UNUSED_SUPPRESSION, _NAME, message, Severity.WARNING)
    return Finding(
        UNUSED_SUPPRESSION,
        _NAME,
        Severity.WARNING,
        message,
        source,
        span,
        excerpt,
        fingerprint=fingerprint(UNUSED_SUPPRESSION, source, message),
    )


# -- comments -------------------------------------------------------------------------


ALL = "*"  # a directive without codes


@dataclass
class Directive:
    """One ``scrapelint-…`` comment: kind, place, codes (``ALL`` for none) and their use."""

    kind: str
    line: int
    start: int
    end: int
    codes: tuple[str, ...]
    used: set[str] = field(default_factory=set)


@dataclass
class _State:
    """Which codes are disabled at a point: by code, or all (with exceptions)."""

    by_code: dict[str, int] = field(default_factory=dict)  # code -> directive index
    all_by: int | None = None  # directive disabling every rule
    enabled: frozenset[str] = frozenset()  # re-enabled while every rule is disabled

    def owner(self, code: str) -> int | None:
        """The directive that disables ``code`` here, or None."""
        owner = self.by_code.get(code)
        if owner is not None:
            return owner
        if self.all_by is not None and code not in self.enabled:
            return self.all_by
        return None


class Comments:
    """The suppression comments of one document text, indexed for lookup by offset and line."""

    def __init__(
        self, document: Document, resolve: Mapping[str, str], known: frozenset[str]
    ) -> None:
        self.directives: list[Directive] = []
        self.points: list[int] = [0]  # offsets where the disabled set changes
        self.states: list[_State] = [_State()]
        self.lines: dict[int, dict[str, int]] = {}  # line -> code (or ALL) -> directive
        text = document.text
        state = _State()
        for m in _DIRECTIVE.finditer(text):
            kind = m.group(1)
            raw = [c for c in _SEPARATORS.split(m.group(2)) if c]
            codes = tuple(resolve.get(c, c) for c in raw) or (ALL,)
            line = document.position(m.start())[0]
            index = len(self.directives)
            self.directives.append(Directive(kind, line, m.start(), m.end(), codes))
            if kind == "disable-next-line":
                by_code = self.lines.setdefault(document.position(m.end())[0] + 1, {})
                for code in codes:
                    by_code.setdefault(code, index)
                continue
            if kind == "disable-line":
                by_code = self.lines.setdefault(line, {})
                for code in codes:
                    by_code.setdefault(code, index)
                continue
            # Only codes of rules enter the state (a diagnostic has no other code): the
            # state stays as small as the rule set, however many codes comments name.
            codes = tuple(c for c in codes if c in known) if codes != (ALL,) else codes
            state = _State(dict(state.by_code), state.all_by, state.enabled)
            if kind == "disable":
                if codes == (ALL,):
                    state = _State({}, index, frozenset())
                elif not codes:
                    continue
                else:
                    for code in codes:
                        state.by_code[code] = index
                    state.enabled = state.enabled - set(codes)
                at = m.end()
            else:  # enable
                if codes == (ALL,):
                    state = _State()
                elif not codes:
                    continue
                else:
                    for code in codes:
                        state.by_code.pop(code, None)
                    if state.all_by is not None:
                        state.enabled = state.enabled | set(codes)
                at = m.start()
            if self.points[-1] == at:
                self.states[-1] = state
            else:
                self.points.append(at)
                self.states.append(state)

    def owner(self, document: Document, diagnostic: Diagnostic) -> int | None:
        """The directive that suppresses a diagnostic (by its start), or None."""
        code = diagnostic.code
        if self.lines:
            by_code = self.lines.get(document.position(diagnostic.start)[0])
            if by_code is not None:
                index = by_code.get(code, by_code.get(ALL))
                if index is not None:
                    return index
        state = self.states[bisect.bisect_right(self.points, diagnostic.start) - 1]
        return state.owner(code)

    def use(self, index: int, code: str) -> None:
        """Count a directive as used for ``code``."""
        directive = self.directives[index]
        directive.used.add(ALL if directive.codes == (ALL,) else code)


# -- per document ---------------------------------------------------------------------


class DocumentSuppression:
    """Filters the diagnostics of one document; remembers what it suppressed and used."""

    def __init__(
        self,
        suppressor: Suppressor,
        selected: frozenset[str],
        record_codes: tuple[str, ...] | None,
        record_problem: str | None,
        field: str = DEFAULT_IGNORE_FIELD,
    ) -> None:
        self.field = field
        self.suppressor = suppressor
        self.selected = selected
        self.record_codes = record_codes
        self.record_problem = record_problem
        self.record_used: set[str] = set()
        self.comments: Comments | None = None
        self._comments_text: str | None = None
        self.suppressed: list[tuple[Diagnostic, str, tuple[str, ...]]] = []
        self.document: Document | None = None

    def _comments_of(self, document: Document) -> Comments | None:
        text = document.text
        if self._comments_text is not text:
            self._comments_text = text
            found = COMMENT_TRIGGER in text and _DIRECTIVE.search(text) is not None
            suppressor = self.suppressor
            self.comments = (
                Comments(document, suppressor.names, suppressor.known) if found else None
            )
        return self.comments

    def filter(self, document: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """The diagnostics that are not suppressed; the others are remembered with why."""
        self.document = document
        self.suppressed = []
        self.record_used = set()
        comments = self._comments_of(document)
        if comments is not None:
            for directive in comments.directives:
                directive.used = set()
        allow = self.suppressor.allow
        record = self.record_codes or ()
        kept = []
        for d in diagnostics:
            code = d.code
            if code in ENGINE_CODES:
                kept.append(d)
                continue
            how = ""
            if code in record:
                self.record_used.add(code)
                how = f"record field {self.field}"
            if comments is not None:
                owner = comments.owner(document, d)
                if owner is not None:
                    comments.use(owner, code)
                    if not how:
                        directive = comments.directives[owner]
                        how = f"comment scrapelint-{directive.kind} at line {directive.line}"
            allowed: tuple[str, ...] = ()
            entries = allow.get(code)
            if entries is not None:
                allowed = tuple(entries.matches(matched_text(document, d)))
                if allowed and not how:
                    where = self.suppressor.config_shown
                    how = f"allow entry {allowed[0]!r} of rules.{code} in {where}"
            if how:
                self.suppressed.append((d, how, allowed))
            else:
                kept.append(d)
        return kept

    def records(self, every: bool = True) -> list[Suppressed]:
        """The suppressed diagnostics of the last filter, as findings with why.

        Without ``every``, only those an allow entry matched: the main process needs
        them to tell which entries were used; the others matter to ``--show-suppressed``.
        """
        from lint.finding import from_diagnostic

        document = self.document
        if document is None:
            return []
        label = self.suppressor.config_label
        return [
            Suppressed(from_diagnostic(document, d), how, allowed, label)
            for d, how, allowed in self.suppressed
            if every or allowed
        ]

    def _reportable(self, code: str) -> bool:
        """Whether an unused code is worth reporting: its rule ran here, or no rule has it."""
        return code in self.selected or code not in self.suppressor.known

    def _why_unused(self, code: str, what: str) -> str:
        if code not in self.suppressor.known:
            return f"{what}: no rule has the code {code!r}"
        return f"{what}: {code} found nothing to suppress here"

    def unused(self) -> tuple[list[Diagnostic], list[Finding]]:
        """SL005 for the comments (as diagnostics) and record codes (as findings) left unused."""
        document = self.document
        spans: list[Diagnostic] = []
        records: list[Finding] = []
        if document is None:
            return spans, records
        comments = self.comments if self._comments_text is document.text else None
        if comments is not None:
            for d in comments.directives:
                if d.kind == "enable":
                    continue
                what = f"unused scrapelint-{d.kind} comment"
                if d.codes == (ALL,):
                    # unused only if every default rule ran: a narrower selection
                    # cannot tell whether the comment is needed for the others
                    if not d.used and self.selected >= self.suppressor.default_on:
                        message = f"{what}: it suppressed nothing"
                        spans.append(self._diagnostic(message, d.start, d.end))
                    continue
                for code in d.codes:
                    if code not in d.used and self._reportable(code):
                        spans.append(self._diagnostic(self._why_unused(code, what), d.start, d.end))
        if self.record_problem is not None:
            records.append(unused_finding(document.source, self.record_problem))
        for code in self.record_codes or ():
            if code not in self.record_used and self._reportable(code):
                what = f"unused code in record field {self.field}"
                records.append(unused_finding(document.source, self._why_unused(code, what)))
        return spans, records

    @staticmethod
    def _diagnostic(message: str, start: int, end: int) -> Diagnostic:
        return Diagnostic(UNUSED_SUPPRESSION, message, start, end, Severity.WARNING, None, _NAME)


# -- per configuration ----------------------------------------------------------------


class Suppressor:
    """The suppression settings of one config: allow lists by code, rule codes and names."""

    def __init__(
        self,
        allow: Mapping[str, Sequence[str]],
        rules: Mapping[str, Any],
        *,
        config_label: str = "defaults",
    ) -> None:
        self.names: dict[str, str] = {}
        for code, cls in rules.items():
            self.names[cls.name] = code
        self.known = frozenset(rules)
        self.default_on = frozenset(
            code for code, cls in rules.items() if getattr(cls, "enabled_by_default", True)
        )
        self.allow: dict[str, AllowList] = {}
        for key, entries in allow.items():
            code = self.names.get(key, key)
            merged = list(entries)
            if code in self.allow:
                merged = [*self.allow[code].entries, *merged]
            self.allow[code] = compile_allow(merged)
        self.config_label = config_label
        path = Path(config_label)
        self.config_shown = _display(path) if path.is_absolute() else config_label

    def record_codes(
        self, value: Any, field: str = DEFAULT_IGNORE_FIELD
    ) -> tuple[tuple[str, ...] | None, str | None]:
        """A record field's codes (names resolved) and a problem when its value is unusable."""
        if value is None:
            return None, None
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            shown = repr(value)
            shown = shown if len(shown) <= 40 else shown[:37] + "..."
            return None, (
                f"record field {field} must be a list of rule codes, not {shown};"
                " it suppressed nothing"
            )
        codes: list[str] = []
        for item in value[:1000]:
            for c in _SEPARATORS.split(item):
                if c:
                    codes.append(self.names.get(c, c))
        return tuple(dict.fromkeys(codes)), None

    def for_document(
        self,
        document: Document,
        selected: frozenset[str],
        record_value: Any = None,
        field: str = DEFAULT_IGNORE_FIELD,
    ) -> DocumentSuppression | None:
        """A filter for one document, or None when nothing could be suppressed in it.

        ``record_value`` is the value of the record's ignore field (named ``field``).
        """
        codes, trouble = self.record_codes(record_value, field)
        if (
            not codes
            and trouble is None
            and selected.isdisjoint(self.allow)
            and COMMENT_TRIGGER not in document.text
        ):
            return None
        return DocumentSuppression(self, selected, codes, trouble, field)


# -- unused allow entries of a run ----------------------------------------------------


class AllowUsage:
    """Counts, in the main process, which allow entries suppressed something in a run."""

    def __init__(self) -> None:
        self.used: set[tuple[str, str, str]] = set()  # (config label, code, entry)
        self.records: list[Suppressed] = []

    def add(self, items: Iterable[Suppressed], keep: bool = False) -> None:
        """Take the suppressed findings of one unit (kept for ``--show-suppressed``)."""
        for item in items:
            for entry in item.allowed:
                self.used.add((item.config, item.finding.code, entry))
            if keep:
                self.records.append(item)

    def unused(
        self, config_label: str, path: Path | None, allow: Mapping[str, AllowList]
    ) -> list[Finding]:
        """SL005 findings for the entries of one config that suppressed nothing."""
        out = []
        display = _display(path) if path is not None else config_label
        text = _read_text(path)
        for code, entries in sorted(allow.items()):
            for entry in entries.entries:
                if (config_label, code, entry) in self.used:
                    continue
                message = f"unused allow entry {entry!r} of rules.{code}: it suppressed nothing"
                span, excerpt = _place_in(text, entry, code)
                out.append(unused_finding(Source(display), message, span, excerpt))
        return out


class SuppressionReport:
    """The main process's side: what was suppressed, and allow entries left unused.

    ``show`` keeps every suppressed finding for ``--show-suppressed``; otherwise only
    which allow entries were used is kept.
    """

    def __init__(self, show: bool = False) -> None:
        self.show = show
        self.usage = AllowUsage()

    def suppressed(self, items: Iterable[Suppressed]) -> None:
        """Take the suppressed findings of one unit."""
        self.usage.add(items, keep=self.show)

    def unused_allow(
        self,
        configs: Iterable[Config],
        walked: Sequence[Path],
        selected: Callable[[Config], Iterable[str]],
        rules: Mapping[str, Any],
    ) -> list[Finding]:
        """SL005 for allow entries that suppressed nothing, in configs the run covered whole.

        An allow entry applies to every file under its config, so it is called unused
        only when the run walked a directory holding that config's root (``check .``
        from the project, not a few files from pre-commit), and only for rules the run
        selected.
        """
        dirs = [resolve(d) for d in walked]
        out: list[Finding] = []
        seen: set[int] = set()
        for config in configs:
            if id(config) in seen or not config.allow:
                continue
            seen.add(id(config))
            root = resolve(config.root)
            if not any(d == root or d in root.parents for d in dirs):
                continue
            suppressor = Suppressor(config.allow, rules, config_label=config.label)
            codes = set(selected(config))
            allow = {c: a for c, a in suppressor.allow.items() if c in codes}
            out.extend(self.usage.unused(config.label, config.path, allow))
        return out

    def write(self, stream: TextIO) -> None:
        """List what was suppressed and by what (``--show-suppressed``)."""
        from lint.output.printable import printable

        items = self.usage.records
        if not items:
            stream.write("No finding was suppressed.\n")
            return
        stream.write(f"Suppressed ({len(items)}):\n")
        for item in items:
            f = item.finding
            line = f"{f.location()}: {f.code} {f.message} (suppressed by {item.how})"
            stream.write(printable(line) + "\n")


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return str(path)


def _read_text(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _place_in(text: str, entry: str, code: str) -> tuple[Span | None, Excerpt | None]:
    """Where an entry is written in its config file (its quoted form, else its table)."""
    if not text:
        return None, None
    for needle in (f'"{entry}"', f"'{entry}'", f".{code}]"):
        at = text.find(needle)
        if at != -1:
            document = Document(text)
            line, column = document.position(at)
            end_line, end_column = document.position(at + len(needle))
            span = Span(at, at + len(needle), line, column, end_line, end_column)
            row = document.line_at(at)
            return span, Excerpt(row.text[: EXCERPT_CONTEXT * 3], 1, len(row.text))
    return None, None
