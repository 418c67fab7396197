"""The benchmark corpus: which files, and the documents read from them (json + str only).

The benchmark reads its files itself rather than through the engine's readers, so
that it measures the rules, not a reader being rewritten, and so that the floor
(see ``lint.bench.timing``) parses exactly the records the rules see.

A ``.jsonl`` file gives one document per line, the record's ``text`` field; blank
lines, malformed lines and records without a string ``text`` are skipped and
counted. A ``.txt`` or ``.md`` file is one document.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TEXT_SUFFIXES = (".txt", ".md")
SUFFIXES = (*TEXT_SUFFIXES, ".jsonl")


@dataclass(frozen=True)
class BenchDocument:
    """One document of the benchmark corpus: a label (file or file:line) and its text."""

    label: str
    text: str
    nbytes: int  # UTF-8 bytes of ``text``
    record: int = 0  # line number in a JSONL file; 0 for a whole-file document


@dataclass
class Corpus:
    """The documents of a benchmark run, the files they come from, and what was skipped."""

    documents: list[BenchDocument]
    files: list[Path]
    description: str
    notes: list[str] = field(default_factory=list)
    skipped_records: int = 0

    @property
    def nbytes(self) -> int:
        """UTF-8 bytes of all document texts."""
        return sum(d.nbytes for d in self.documents)

    @property
    def mb(self) -> float:
        """Megabytes (10^6 bytes) of UTF-8 document text."""
        return self.nbytes / 1e6


def find_shared(given: Path | None = None, repo: Path = REPO) -> Path | None:
    """The shared evaluation folder: ``given``, else ``../shared`` next to the checkout."""
    candidate = given if given is not None else repo.parent / "shared"
    return candidate if (candidate / "corpus").is_dir() else None


def default_files(shared: Path | None, repo: Path = REPO) -> tuple[list[Path], str, list[str]]:
    """The default corpus files, a one-line description, and notes (e.g. the fallback).

    With the shared folder: every ``.jsonl``/``.txt`` of ``corpus/clean``, the dirty
    pages ``corpus/dirty/*.txt``, the seed ``seeds/*.txt`` (not its ``.fixed.txt``)
    and the repo's ``seeds/`` folder (files identical to one already taken are dropped
    later). Without it: the repo's ``seeds/`` only, and a note saying so.
    """
    repo_seeds = sorted(p for p in (repo / "seeds").glob("*") if p.suffix in SUFFIXES)
    if shared is None:
        note = (
            f"shared corpus not found (looked for {repo.parent / 'shared' / 'corpus'};"
            " give --shared DIR): falling back to the repo's seeds/ folder"
        )
        return repo_seeds, "seeds/ (fallback)", [note]
    clean = sorted(p for p in (shared / "corpus" / "clean").glob("*") if p.suffix in SUFFIXES)
    dirty = sorted((shared / "corpus" / "dirty").glob("*.txt"))
    seeds = sorted(p for p in (shared / "seeds").glob("*.txt") if not p.name.endswith(".fixed.txt"))
    files = clean + dirty + seeds + repo_seeds
    desc = (
        f"default: {shared}/corpus/clean ({len(clean)} files) + corpus/dirty ({len(dirty)} pages)"
        f" + seeds ({len(seeds)}) + repo seeds/ ({len(repo_seeds)})"
    )
    return files, desc, []


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus the ``.txt``/``.md``/``.jsonl`` files under directories."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES))
        elif path.is_file():
            out.append(path)
        else:
            raise FileNotFoundError(f"no such file or directory: {path}")
    return out


def texts_of(path: Path, data: bytes) -> Iterator[tuple[int, str | None]]:
    """Yield ``(line number, text)`` per record of a file's bytes; ``None`` for a skipped one.

    A text file is one record numbered 0. This is the parse the floor times too.
    """
    if path.suffix != ".jsonl":
        yield 0, data.decode("utf-8")
        return
    for number, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            yield number, None
            continue
        text = record.get("text") if isinstance(record, dict) else None
        yield number, text if isinstance(text, str) else None


def read_corpus(files: Sequence[Path], description: str, notes: Sequence[str] = ()) -> Corpus:
    """Read the documents of ``files``; a file identical to an earlier one is read once."""
    documents: list[BenchDocument] = []
    kept: list[Path] = []
    seen: dict[str, Path] = {}
    notes = list(notes)
    skipped = 0
    for path in files:
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            notes.append(f"{path} is identical to {seen[digest]}: read once")
            continue
        seen[digest] = path
        kept.append(path)
        for number, text in texts_of(path, data):
            if text is None:
                skipped += 1
                continue
            label = f"{path.name}:{number}" if number else path.name
            documents.append(BenchDocument(label, text, len(text.encode("utf-8")), number))
    if skipped:
        notes.append(f"{skipped} JSONL lines skipped (malformed or without a string text)")
    return Corpus(documents, kept, description, notes, skipped)


def clean_corpus(shared: Path | None = None) -> Corpus:
    """The clean documents of the shared corpus (``corpus/clean``): where damage is injected."""
    found = find_shared(shared)
    if found is None:
        where = shared if shared is not None else REPO.parent / "shared"
        raise FileNotFoundError(
            f"no clean corpus at {where}/corpus/clean: name clean files or folders, or --shared DIR"
        )
    clean = sorted(p for p in (found / "corpus" / "clean").glob("*") if p.suffix in SUFFIXES)
    return read_corpus(clean, f"{found}/corpus/clean ({len(clean)} files)")


def build_corpus(paths: Sequence[Path] = (), shared: Path | None = None) -> Corpus:
    """The benchmark corpus: the given paths, else the default corpus (see ``default_files``)."""
    if paths:
        files = expand_paths(paths)
        return read_corpus(files, "given: " + " ".join(str(p) for p in paths))
    if shared is not None and find_shared(shared) is None:
        raise FileNotFoundError(f"--shared {shared}: no corpus/ folder there")
    files, description, notes = default_files(find_shared(shared))
    return read_corpus(files, description, notes)
