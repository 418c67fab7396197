"""Page furniture on real pages with a human ground truth: recall, precision, what --fix deletes.

The evaluation corpus holds ten real HTML pages turned into text by a naive scraper
(``corpus/dirty/mh-<hex>-<host>.txt``) and, for each, the article a person extracted
from the same page (the record of ``corpus/clean/magic_html_groundtruth_zh.jsonl``
whose id starts with ``magic-html:<hex>``). Its SOURCES.md gives the gold: a non-empty
line of the naive text is content when its text without whitespace occurs in the
ground truth without whitespace, and furniture otherwise. A short line (under eight
characters) counts as content only when it is a whole line of the article: menu
words such as 国际 or 教育 also occur inside the article's sentences. The gold stays
approximate (a heading the person left out counts as furniture).

Per page this module counts the furniture lines and the content lines, the ones a
scrape-artifact finding covers (any severity, and warnings only), and the lines the
safe fixes delete. A fix that deletes a content line is the failure that matters most.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lint.diagnostic import Severity
from lint.document import Document, Source
from lint.linter import check_document, fix_document
from lint.rule import Rule

_PAGE = re.compile(r"^mh-([0-9a-f]{8})-.+\.txt$")
_SPACE = re.compile(r"\s+")
MIN_INSIDE = 8  # characters a line needs to count as content by occurring inside a sentence
PREFIX = "SA"  # the family whose findings count as finding furniture


@dataclass(frozen=True)
class GoldPage:
    """A naive page text and the set of its line numbers that are furniture."""

    name: str
    text: str
    furniture: frozenset[int]  # 1-based numbers of non-blank lines not in the article
    content: frozenset[int]  # 1-based numbers of non-blank lines in the article


def gold_pages(shared: Path) -> list[GoldPage]:
    """The naive pages of ``shared/corpus/dirty`` that have a ground truth, with their gold."""
    truths: dict[str, tuple[str, set[str]]] = {}
    truth_file = shared / "corpus" / "clean" / "magic_html_groundtruth_zh.jsonl"
    if truth_file.is_file():
        for line in truth_file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                key = str(record.get("id", "")).removeprefix("magic-html:")[:8]
                article = str(record.get("text", ""))
                whole = {_SPACE.sub("", x) for x in article.split("\n")}
                truths[key] = (_SPACE.sub("", article), whole)
    pages = []
    for path in sorted((shared / "corpus" / "dirty").glob("mh-*.txt")):
        m = _PAGE.match(path.name)
        truth = truths.get(m.group(1)) if m else None
        if not truth:
            continue  # no ground truth (the douban note is itself one)
        text = path.read_text(encoding="utf-8")
        furniture, content = set(), set()
        article, whole = truth
        for number, line in enumerate(text.split("\n"), 1):
            key = _SPACE.sub("", line)
            if key:
                # a short line is content only as a line of the article: a menu word
                # (国际, 教育) also occurs inside its sentences
                inside = key in whole or (len(key) >= MIN_INSIDE and key in article)
                (content if inside else furniture).add(number)
        pages.append(GoldPage(path.name, text, frozenset(furniture), frozenset(content)))
    return pages


def covered_lines(document: Document, spans: Iterable[tuple[int, int]]) -> set[int]:
    """The line numbers that the spans touch."""
    lines: set[int] = set()
    for start, end in spans:
        first = document.position(start)[0]
        last = document.position(max(start, end - 1))[0]
        lines.update(range(first, last + 1))
    return lines


def _kept_lines(fixed: str) -> set[str]:
    """The whitespace-free texts of the fixed page's lines (a line is deleted when its text
    is no longer among them: a line whose copy survives elsewhere counts as kept)."""
    return {_SPACE.sub("", line) for line in fixed.split("\n")}


@dataclass
class PageResult:
    """What the rules found and fixed on one gold page."""

    name: str
    furniture: int
    content: int
    found: int  # furniture lines covered by a finding of the family (any severity)
    warned: int  # ... by a warning
    false_content: int  # content lines covered by a warning of the family
    fixed_away: int  # furniture lines the safe fixes delete
    content_deleted: int  # content lines the safe fixes delete (must be 0)


def measure_page(page: GoldPage, rules: Sequence[Rule]) -> PageResult:
    """Check and fix one page; count lines against its gold."""
    document = Document(page.text, Source(page.name))
    found = [d for d in check_document(document, rules) if d.code.startswith(PREFIX)]
    any_lines = covered_lines(document, ((d.start, d.end) for d in found))
    warn_lines = covered_lines(
        document, ((d.start, d.end) for d in found if d.severity >= Severity.WARNING)
    )
    fixed = fix_document(Document(page.text, Source(page.name)), rules).document.text
    kept = _kept_lines(fixed)
    lines = page.text.split("\n")

    def deleted(numbers: Iterable[int]) -> int:
        return sum(1 for n in numbers if _SPACE.sub("", lines[n - 1]) not in kept)

    return PageResult(
        page.name,
        len(page.furniture),
        len(page.content),
        len(page.furniture & any_lines),
        len(page.furniture & warn_lines),
        len(page.content & warn_lines),
        deleted(page.furniture),
        deleted(page.content),
    )
