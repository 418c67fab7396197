"""The DT family on real text: the seed's acceptance rows, and precision over clean prose."""

from __future__ import annotations

import time

import pytest

from lint import Document, Severity
from lint.linter import check_document
from rules.dates import RULES
from tests.corpus import SEED, iter_documents, requires_corpus


def dt_warnings(text: str) -> list:
    doc = Document(text)
    found = check_document(doc, [r() for r in RULES])
    return [d for d in found if d.code.startswith("DT") and d.severity >= Severity.WARNING]


@pytest.mark.skipif(not SEED.is_file(), reason="the seed document is absent")
def test_seed_acceptance() -> None:
    text = SEED.read_text(encoding="utf-8")
    doc = Document(text)
    found = dt_warnings(text)
    assert [(d.code, *doc.position(d.start)) for d in found] == [
        ("DT002", 33, 84),  # 谋划2023年重点工作, article 1
        ("DT002", 41, 5),  # 2023年上半年……国检, article 2 (篇二)
    ]
    first, second = found
    assert text[first.start : first.end] == text[second.start : second.end] == "2023年"
    # article 1 cites its own evidence, with lines
    assert "谋划好“十二五”教育发展规划 (line 15)" in first.message
    assert "创先争优活动 (line 12)" in first.message
    assert "page's metadata year (更新时间 2023-04-23, line 6)" in first.message
    # article 2 cites its own weak evidence and the page's
    assert "2008年来 (line 39)" in second.message
    assert "(line 41)" in second.message
    assert "庆祝中国共产党成立90周年 (line 44)" in second.message
    assert "substituted for the original year at line 33" in second.message
    assert first.fix is None and second.fix is None
    # the consistent years 16:37 and 39:76 are not reported; nor is the 2022 sidebar
    positions = {doc.position(d.start)[0] for d in found}
    assert not positions & {1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 16, 39}


PRECISION_FOLDERS = ("clean", "hard_negatives")
PER_10_MB = 1


@requires_corpus
def test_precision_on_clean_text() -> None:
    """At most one DT warning per 10 MB of clean text; every one found is named."""
    found: list[str] = []
    size = 0
    started = time.perf_counter()
    for label, text in iter_documents(*PRECISION_FOLDERS):
        size += len(text.encode("utf-8"))
        doc = Document(text)
        for d in dt_warnings(text):
            line, col = doc.position(d.start)
            found.append(f"{label}:{line}:{col} {d.code} {d.message}")
    elapsed = time.perf_counter() - started
    assert size > 1_000_000, "the clean corpus looks truncated"
    allowed = max(PER_10_MB, int(size / 10_000_000) * PER_10_MB)
    assert len(found) <= allowed, "\n".join(found)
    assert elapsed < 20, f"DT took {elapsed:.1f}s over {size / 1e6:.1f} MB"
