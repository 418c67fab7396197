"""Linting one target file: read it, lint or fix each document, write it back atomically."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lint.atomic import write_atomic
from lint.discovery import Target
from lint.document import Document, Source
from lint.linter import (
    READ_ERROR,
    WRITE_ERROR,
    check_document,
    engine_diagnostic,
    fix_document,
)
from lint.output.base import Entry
from lint.readers import Reader, TextReader
from lint.rule import Rule


@dataclass(frozen=True)
class FixMode:
    """What to do with fixes: nothing, compute them (``--diff``), or write them (``--fix``)."""

    apply: bool = False  # run the fix loop
    write: bool = False  # write changed files (False with --diff)
    unsafe: bool = False  # also apply unsafe fixes
    diff: bool = False  # produce a unified diff


@dataclass
class FileResult:
    """What linting one file produced."""

    target: Target
    entries: list[Entry] = field(default_factory=list)  # findings left (after fixes)
    fixed: list[Entry] = field(default_factory=list)  # findings whose fixes were applied
    new_bytes: bytes | None = None  # the fixed file, when fixing changed it
    diff: str = ""


def pick_reader(readers: Sequence[Reader], path: Path | None, display: str) -> Reader:
    """The first reader claiming the file's suffix; plain text otherwise."""
    name = (path.name if path is not None else display).lower()
    for reader in readers:
        if any(name.endswith(suffix) for suffix in reader.suffixes):
            return reader
    return next((r for r in readers if isinstance(r, TextReader)), TextReader())


def _problem(display: str, message: str, source: Source | None = None) -> Entry:
    doc = Document("", source or Source(display))
    return Entry(doc, engine_diagnostic(READ_ERROR, f"{display}: {message}"))


def lint_bytes(
    target: Target,
    data: bytes,
    reader: Reader,
    rules: Sequence[Rule],
    mode: FixMode,
    reader_options: Mapping[str, str],
) -> FileResult:
    """Lint (and maybe fix) the documents in one file's bytes; nothing is written here."""
    result = FileResult(target)
    read = reader.read(data, target.display, reader_options)
    for source, message in read.problems:
        result.entries.append(_problem(source.label(), message, source))
    if not mode.apply:
        for doc in read.documents:
            result.entries.extend(Entry(doc, d) for d in check_document(doc, rules))
        return result
    texts = []
    for doc in read.documents:
        fixed = fix_document(doc, rules, unsafe=mode.unsafe)
        texts.append(fixed.document.text)
        result.fixed.extend(Entry(doc, d) for d in fixed.applied)
        result.entries.extend(Entry(fixed.document, d) for d in fixed.diagnostics)
    if any(t != d.text for t, d in zip(texts, read.documents, strict=True)):
        if not reader.can_write:
            result.entries.append(
                _problem(target.display, f"fixes cannot be written back to {reader.name} files")
            )
            return result
        new = reader.write(read, texts)
        if new != data:
            result.new_bytes = new
            if mode.diff:
                result.diff = unified_diff(target.display, data, new, read.codec)
    return result


def unified_diff(display: str, old: bytes, new: bytes, codec: str = "utf-8") -> str:
    """The unified diff between a file's bytes and its fixed bytes, decoded with its codec."""
    a = old.decode(codec, errors="replace").splitlines(keepends=True)
    b = new.decode(codec, errors="replace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(a, b, f"a/{display}", f"b/{display}"))
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def lint_file(
    target: Target,
    readers: Sequence[Reader],
    rules: Sequence[Rule],
    mode: FixMode,
    reader_options: Mapping[str, str],
) -> FileResult:
    """Read a file, lint or fix it, and write the fixes atomically when asked."""
    assert target.path is not None
    try:
        data = target.path.read_bytes()
    except OSError as exc:
        return FileResult(target, [_problem(target.display, f"cannot read: {exc.strerror or exc}")])
    reader = pick_reader(readers, target.path, target.display)
    result = lint_bytes(target, data, reader, rules, mode, reader_options)
    if mode.write and result.new_bytes is not None:
        try:
            write_atomic(target.path, result.new_bytes)
        except OSError as exc:
            # the file is unchanged: report its findings as they stand, and why
            result = lint_bytes(target, data, reader, rules, FixMode(), reader_options)
            result.entries.append(
                Entry(
                    Document("", Source(target.display)),
                    engine_diagnostic(
                        WRITE_ERROR,
                        f"{target.display}: fixes not written, file left unchanged:"
                        f" {exc.strerror or exc}",
                    ),
                )
            )
    return result
