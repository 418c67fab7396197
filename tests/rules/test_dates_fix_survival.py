"""Findings survive fixing: facts a date rule reads from page chrome are kept from the text
as it was read (``Document.origin``), so a fix that deletes the chrome does not silence
findings it did not repair."""

from __future__ import annotations

import pytest

from lint import Diagnostic, Document, Edit, Fix, FixAvailability, Rule, Severity
from lint.config import Config
from lint.linter import check_document, fix_document
from lint.plugins import load_plugins
from lint.ruleset import CliSelection, build_ruleset
from rules.dates import FutureDate, InconsistentYear
from tests.corpus import SEED, requires_corpus

# (line, column) of the DT002 rows of the seed's expected findings, before fixes
SEED_DT002 = [(33, 84), (41, 5)]


class DeleteFirstLine(Rule):
    """A stand-in for the page-chrome rules: deletes the first line when it is metadata."""

    code = "ZZ901"
    name = "delete-first-line"
    family = "test"
    fix_availability = FixAvailability.ALWAYS

    def check(self, document: Document) -> list[Diagnostic]:
        """Report a first line holding 更新时间, with a safe fix that deletes it."""
        first = document.text.split("\n", 1)[0]
        if "更新时间" not in first:
            return []
        end = len(first) + 1
        return [self.report(0, len(first), "metadata line", fix=Fix.safe("delete", Edit(0, end)))]


PAGE = (
    "更新时间:2023-04-23 作者:会员上传\n"
    "热烈庆祝中国共产党成立90周年，全面谋划好“十二五”教育发展规划。\n"
    "我们要把学习贯彻与谋划2023年重点工作结合起来，确保各项任务落到实处。\n"
    "2023年5月1日，全体同志参加了县里组织的培训活动。\n"
)


def _rows(document: Document, diagnostics: list[Diagnostic], code: str) -> list[tuple[int, int]]:
    return [document.position(d.start) for d in diagnostics if d.code == code]


def test_a_document_remembers_its_origin_through_with_text():
    doc = Document("甲\n乙")
    assert doc.origin is doc
    later = doc.with_text("乙").with_text("丙")
    assert later.origin is doc and later.text == "丙"
    assert later.origin.memo(_length) == 3


def _length(document: Document) -> int:
    return len(document.text)


def test_the_page_date_survives_the_deletion_of_its_line():
    rules = [DeleteFirstLine(), InconsistentYear(), FutureDate()]
    before = check_document(Document(PAGE), rules)
    assert _rows(Document(PAGE), before, "DT002") == [(3, 12), (4, 1)]
    fixed = fix_document(Document(PAGE), rules)
    assert fixed.document.text == PAGE.split("\n", 1)[1]
    after = [d for d in fixed.diagnostics if d.severity >= Severity.WARNING]
    # the same years, one line up; the messages place the page's date before the fixes
    dt002 = [d for d in after if d.code == "DT002"]
    assert _rows(fixed.document, dt002, "DT002") == [(2, 12), (3, 1)]
    assert all("line 1 before fixes" in d.message for d in dt002)
    # DT003 too: the meeting is still after the page's date
    (dt003,) = [d for d in after if d.code == "DT003"]
    assert fixed.document.position(dt003.start) == (3, 1)


def test_without_fixes_the_messages_are_unchanged():
    found = check_document(Document(PAGE), [InconsistentYear()])
    assert found and all("line 1)" in d.message for d in found)
    assert not any("before fixes" in d.message for d in found)


def test_a_page_without_metadata_gains_nothing_from_its_origin():
    text = PAGE.split("\n", 1)[1]
    fixed = fix_document(Document(text), [DeleteFirstLine(), InconsistentYear()])
    found = [d for d in fixed.diagnostics if d.code == "DT002"]
    assert found and not any("metadata" in d.message for d in found)


@requires_corpus
@pytest.mark.skipif(not SEED.exists(), reason="seed absent")
def test_the_seed_after_fix_still_reports_its_dt002_rows():
    rules = build_ruleset(Config(), load_plugins().rules(), CliSelection(select=("ALL",))).rules
    original = SEED.read_text(encoding="utf-8")
    fixed = fix_document(Document(original), rules)
    text = fixed.document.text
    assert text != original
    fixed_lines = text.split("\n")
    expected = []
    for line, column in SEED_DT002:
        content = original.split("\n")[line - 1]
        assert fixed_lines.count(content) == 1  # the line survives the fixes, once
        expected.append((fixed_lines.index(content) + 1, column))
    got = _rows(fixed.document, fixed.diagnostics, "DT002")
    assert got == expected
