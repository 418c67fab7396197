"""Read the shared evaluation corpus in place (it is not ours to copy into the repo)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SEEDS = SHARED / "seeds"
SEED = REPO / "seeds" / "000_a8236eb7391c1bf4.txt"
SEED_FIXED = REPO / "tests" / "fixtures" / "seed" / "000_a8236eb7391c1bf4.fixed.txt"

requires_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason="../shared/corpus is absent (evaluation corpus not available)"
)


def iter_documents(*folders: str) -> Iterator[tuple[str, str]]:
    """Yield ``(label, text)`` for every document under the given corpus folders.

    ``.txt`` files are one document each; ``.jsonl`` files give one document per
    line from the ``text`` field, labelled ``file[id]``.
    """
    for folder in folders:
        base = CORPUS / folder
        for path in sorted(base.rglob("*")):
            if path.suffix == ".txt":
                yield str(path.relative_to(CORPUS)), path.read_text(encoding="utf-8")
            elif path.suffix == ".jsonl":
                with path.open(encoding="utf-8") as fh:
                    for n, line in enumerate(fh):
                        if not line.strip():
                            continue
                        rec = json.loads(line)
                        label = f"{path.relative_to(CORPUS)}[{rec.get('id', n)}]"
                        yield label, rec["text"]
