"""``--add-ignore``: write the findings of a run as suppressions, so the next run is quiet.

Where each finding goes:

- a finding in a Markdown file (``.md``, ``.markdown``) becomes a
  ``<!-- scrapelint-disable-next-line CODE -->`` comment on its own line above the
  line the finding starts on (indented like that line; codes merged into such a
  comment already there). The file keeps its encoding, BOM and line breaks and is
  replaced atomically.
- every other finding (plain text, JSONL and Parquet records) becomes an allow entry
  of its rule in the config file that applies to its file (``[tool.scrapelint.rules.
  CODE] allow``, table created when missing): its flagged text exactly, or its line
  for a zero-width finding (a ``re:`` pattern when the finding kept only part of
  that text). With no config file, ``scrapelint.toml`` is created in the working
  directory. Only insertions are made; every other byte of the file stays.

Engine findings (SL…) and findings without a place are not written. Entries already
in the config are not repeated.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from lint.atomic import FileIdentity, write_atomic
from lint.config import Config, resolve
from lint.finding import Finding
from lint.linter import ENGINE_CODES
from lint.readers.encoding import EncodeProblem, ReadProblem, sniff_encoding
from lint.suppression import allow_text_of
from lint.suppression.toml_edit import TomlEditError, add_allow_entries, toml_key

MARKDOWN_SUFFIXES = (".md", ".markdown")
NEW_CONFIG = "scrapelint.toml"
VERIFY_PASSES = 5  # rounds of checking commented Markdown again
_NEXT_LINE = re.compile(
    r"^([ \t]*)<!--[ \t]*scrapelint-disable-next-line((?:[ \t,]+[A-Za-z0-9_.\-]{1,60}){1,50})"
    r"[ \t,]*-->[ \t]*(\r?)$"
)


def is_markdown(path: Path) -> bool:
    """Whether ``--add-ignore`` writes comments into this file (Markdown)."""
    return path.name.lower().endswith(MARKDOWN_SUFFIXES)


@dataclass
class _ConfigEdits:
    """Allow entries to add to one config file, by rule code (in order, once each)."""

    config: Config
    entries: dict[str, dict[str, None]] = field(default_factory=dict)


class IgnoreWriter:
    """Collects a run's findings (an output format's ``handle``) and writes suppressions."""

    def __init__(
        self,
        config_for: Callable[[Path], Config],
        rules: Mapping[str, Any],
        cwd: Path | None = None,
        encoding: str | None = None,
        cli: Any = None,
    ) -> None:
        self.config_for = config_for
        self.encoding = encoding  # --encoding, over the config's
        self.rules = rules
        self.cwd = cwd or Path.cwd()
        self.markdown: dict[Path, dict[int, dict[str, None]]] = {}
        self.configs: dict[Path | None, _ConfigEdits] = {}
        self.skipped = 0  # findings that cannot be written as a suppression
        self.unsettled = 0  # Markdown files whose findings comments could not settle
        self.markdown_entries: dict[Path, list[tuple[str, str]]] = {}
        self.cli = cli  # the run's selection: rendered Markdown is checked again with it
        self._rulesets: dict[int, tuple[Any, Any]] = {}

    # -- the output format's side ------------------------------------------------------

    def start(self, stream: TextIO, run: Any) -> None:
        """Nothing to print: findings become suppressions."""

    def finish(self) -> None:
        """Nothing to close (``write`` does the work)."""

    def handle(self, finding: Finding) -> None:
        """Remember where a finding's suppression goes."""
        if finding.code in ENGINE_CODES:
            return
        span = finding.span
        if span is None or finding.source.path == "-":
            self.skipped += 1
            return
        path = self.cwd / finding.source.path
        entry = allow_text_of(finding)
        if is_markdown(path) and finding.source.record is None:
            lines = self.markdown.setdefault(path, {})
            lines.setdefault(span.line, {})[finding.code] = None
            if entry is not None:  # the fallback when comments cannot settle the file
                self.markdown_entries.setdefault(path, []).append((finding.code, entry))
            return
        if entry is None:
            self.skipped += 1
            return
        self._allow(path, finding.code, entry)

    def _allow(self, path: Path, code: str, entry: str) -> None:
        """Add an allow entry for the config that applies to ``path``."""
        config = self.config_for(path)
        edits = self.configs.get(config.path)
        if edits is None:
            edits = self.configs[config.path] = _ConfigEdits(config)
        edits.entries.setdefault(code, {})[entry] = None

    # -- writing -------------------------------------------------------------------

    def write(self, stream: TextIO = sys.stderr, quiet: bool = False) -> bool:
        """Write every suppression; say what was added; return False when a write failed."""
        ok = True
        comments = entries = files = 0
        for path, lines in sorted(self.markdown.items()):
            try:
                added, settled = self._write_markdown(path, lines)
                comments += added
                files += added > 0
                if not settled:
                    self.unsettled += 1
                    for code, entry in self.markdown_entries.get(path, ()):
                        self._allow(path, code, entry)
            except (OSError, ReadProblem, EncodeProblem, ValueError) as exc:
                ok = False
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
                stream.write(f"scrapelint: error: {_shown(path)}: comments not added: {reason}\n")
        for key, edits in self.configs.items():
            target = key or self.cwd / NEW_CONFIG
            try:
                entries += self._write_config(target, edits)
            except (OSError, TomlEditError, ValueError) as exc:
                ok = False
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
                stream.write(
                    f"scrapelint: error: {_shown(target)}: allow entries not added: {reason}\n"
                )
        if not quiet:
            stream.write(
                f"Added {entries} allow {'entry' if entries == 1 else 'entries'} to config and"
                f" {comments} {'comment' if comments == 1 else 'comments'} to"
                f" {files} Markdown {'file' if files == 1 else 'files'}.\n"
            )
            if self.skipped:
                stream.write(
                    f"{self.skipped} findings without a place in a file were not suppressed.\n"
                )
            if self.unsettled:
                stream.write(
                    f"{self.unsettled} Markdown {'file' if self.unsettled == 1 else 'files'}:"
                    " comment lines would change what layout rules see there, so"
                    " their findings became allow entries instead.\n"
                )
        return ok

    def _write_markdown(self, path: Path, lines: dict[int, dict[str, None]]) -> tuple[int, bool]:
        """Insert (or extend) a disable-next-line comment above each line; return how many.

        A comment line changes what layout-sensitive rules see (a block of sidebar lines
        is split by it, a repeated block appears), so the commented text is checked
        again: findings that appeared get a comment too, comments that suppress
        nothing lose their code, for up to ``VERIFY_PASSES`` rounds. When that does not
        settle, nothing is written and False says so (the caller uses allow entries).
        Returns how many comments were added or extended, and whether it settled.
        """
        identity = FileIdentity.of(os.stat(path))
        data = path.read_bytes()
        config = self.config_for(path)
        wanted = self.encoding or config.reader_options.get("encoding", "auto")
        encoding, body = sniff_encoding(data, wanted)
        text = encoding.decode(body)
        rows = text.split("\n")
        codes: dict[int, dict[str, None]] = {
            number - 1: dict(found) for number, found in lines.items() if 0 < number <= len(rows)
        }
        check = self._checker(config, path)
        settled = check is None
        for _ in range(VERIFY_PASSES if check is not None else 0):
            rendered, origin, _ = _render(rows, codes)
            more, unused, stuck = check(rendered, origin)
            if not (more or unused or stuck):
                settled = True
                break
            if stuck:
                break
            changed = False
            for row, found in more.items():
                for code in found:
                    if code not in codes.setdefault(row, {}):
                        codes[row][code] = None
                        changed = True
            for row, found in unused.items():
                for code in found:
                    if code in codes.get(row, {}):
                        del codes[row][code]
                        changed = True
            if not changed:
                break
        if not settled:
            return 0, False
        rendered, _, placed = _render(rows, codes)
        if rendered == text:
            return 0, True
        write_atomic(path, encoding.encode(rendered), expect=identity)
        return placed, True

    def _checker(self, config: Config, path: Path) -> Callable[..., Any] | None:
        """Lints a rendered Markdown text as the run did (rules, allow entries, comments)."""
        if self.cli is None:
            return None
        from lint.document import Document, Source
        from lint.linter import check_document
        from lint.ruleset import build_ruleset
        from lint.suppression import ALL, Suppressor

        key = id(config)
        cached = self._rulesets.get(key)
        if cached is None:
            ruleset = build_ruleset(config, self.rules, self.cli)
            suppressor = Suppressor(config.allow, self.rules, config_label=config.label)
            cached = self._rulesets[key] = (ruleset, suppressor)
        ruleset, suppressor = cached
        rules = ruleset.for_path(path)
        selected = frozenset(r.code for r in rules)

        def check(text: str, origin: list[tuple[int, bool]]) -> tuple[dict, dict, int]:
            """Findings left per row, unused codes per row, and findings on comment lines."""
            document = Document(text, Source(str(path)))
            found = check_document(document, rules)
            sup = suppressor.for_document(document, selected)
            kept = found if sup is None else sup.filter(document, found)
            more: dict[int, set[str]] = {}
            unused: dict[int, set[str]] = {}
            stuck = 0
            for d in kept:
                if d.code in ENGINE_CODES:
                    continue
                row, is_comment = origin[document.position(d.start)[0] - 1]
                if is_comment:
                    stuck += 1  # a finding on a comment line: no comment can cover it
                else:
                    more.setdefault(row, set()).add(d.code)
            comments = None if sup is None else sup.comments
            for directive in comments.directives if comments is not None else ():
                row, is_comment = origin[directive.line - 1]
                if directive.kind != "disable-next-line" or not is_comment:
                    continue
                if directive.codes != (ALL,):
                    gone = set(directive.codes) - directive.used
                    if gone:
                        unused.setdefault(row, set()).update(gone)
            return more, unused, stuck

        return check

    def _write_config(self, target: Path, edits: _ConfigEdits) -> int:
        """Append the allow entries to one config file; return how many were added."""
        config = edits.config
        exists = target.exists()
        text = target.read_text(encoding="utf-8") if exists else ""
        identity = FileIdentity.of(os.stat(target)) if exists else None
        prefix = _rules_prefix(target, text)
        added = 0
        new = text
        for code, wanted in edits.entries.items():
            key = self._key_for(config, code)
            have = set(config.allow.get(key, ()))
            entries = [e for e in wanted if e not in have]
            if not entries:
                continue
            table = (*prefix, key)
            header = "[" + ".".join(toml_key(p) for p in table) + "]"
            new = add_allow_entries(new, table, entries, header)
            added += len(entries)
        if added:
            write_atomic(target, new.encode("utf-8"), expect=identity)
        return added

    def _key_for(self, config: Config, code: str) -> str:
        """The key the config already uses for a rule (its code or name), else its code."""
        name = getattr(self.rules.get(code), "name", None)
        for key in (*config.allow, *config.rules):
            if key in (code, name):
                return key
        return code


def _render(
    rows: list[str], codes: dict[int, dict[str, None]]
) -> tuple[str, list[tuple[int, bool]], int]:
    """The text with a comment above each row that has codes, each line's origin, and count.

    ``origin[k]`` is (original row, whether line k is a comment placed for that row).
    A row right under a disable-next-line comment gets its codes merged into it. The
    count is of comments added or extended.
    """
    out: list[str] = []
    origin: list[tuple[int, bool]] = []
    placed = 0
    for index, row in enumerate(rows):
        wanted = list(codes.get(index, ()))
        if wanted:
            above = _NEXT_LINE.match(rows[index - 1]) if index > 0 else None
            if above is not None and origin and origin[-1] == (index - 1, False):
                have = [c for c in re.split(r"[\s,]+", above.group(2)) if c]
                merged = have + [c for c in wanted if c not in have]
                out[-1] = f"{above.group(1)}{_comment(merged)}{above.group(3)}"
                origin[-1] = (index, True)
                placed += merged != have
            else:
                indent = row[: len(row) - len(row.lstrip(" \t"))]
                cr = "\r" if row.endswith("\r") else ""
                out.append(f"{indent}{_comment(wanted)}{cr}")
                origin.append((index, True))
                placed += 1
        out.append(row)
        origin.append((index, False))
    return "\n".join(out), origin, placed


def _comment(codes: list[str]) -> str:
    return f"<!-- scrapelint-disable-next-line {','.join(codes)} -->"


def _rules_prefix(path: Path, text: str) -> tuple[str, ...]:
    """Where rule tables live in this file: under ``tool.scrapelint`` or at the top."""
    if path.name == "pyproject.toml":
        return ("tool", "scrapelint", "rules")
    import tomllib

    try:
        data = tomllib.loads(text) if text else {}
    except tomllib.TOMLDecodeError:
        data = {}
    tool = data.get("tool")
    if isinstance(tool, dict) and "scrapelint" in tool:
        return ("tool", "scrapelint", "rules")
    return ("rules",)


def _shown(path: Path) -> str:
    try:
        return resolve(path).relative_to(resolve(Path.cwd())).as_posix()
    except ValueError:
        return str(path)
