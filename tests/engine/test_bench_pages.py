"""Furniture on generated pages (``python -m lint.bench --pages``).

The generator is tested for determinism and for its bookkeeping: the page's lines
are the article's paragraphs plus furniture lines whose kinds it records, and the
article text it states is exactly the paragraphs. The measure is tested on pages
written here with small rules written here, so that found / fixed / exact are
counted from known findings, not from what the shipped rules find today.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator

import pytest

from lint import Diagnostic, Document, Edit, Fix, Rule
from lint.bench import cli, pages
from lint.bench.corpus import BenchDocument

LONG = (
    "清晨的湖面上升起一层薄雾，远处的山峦若隐若现。"
    "渔民们早早地撑着小船出发，船桨划过水面，留下一道道波纹。"
    "岸边的柳树垂下长长的枝条，随风轻轻摆动。"
    "“今天的天气真好！”老渔夫笑着对孙子说。"
    "孩子点点头，把渔网理得整整齐齐。"
) * 4


def doc(label: str, text: str) -> BenchDocument:
    return BenchDocument(label, text, len(text.encode()))


def documents(n: int = 30) -> list[BenchDocument]:
    out = []
    for i in range(n):
        # four opening clauses that name the document: where a headline comes from shows
        opening = (
            f"编号{i}观测站记录到罕见天象，编号{i}附近居民纷纷前往观看，"
            f"编号{i}的天文爱好者架起望远镜，编号{i}的学校组织学生参观。"
        )
        out.append(doc(f"docs.jsonl:{i}", opening + LONG))
    return out


def strip_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


# -- the generator -----------------------------------------------------------------


def test_pages_are_the_same_on_every_run_and_change_with_the_seed():
    first = pages.generate_pages(documents(), limit=10, seed=7)
    again = pages.generate_pages(documents(), limit=10, seed=7)
    other = pages.generate_pages(documents(), limit=10, seed=8)
    assert len(first) == 10
    assert [p.text for p in first] == [p.text for p in again]
    assert [p.text for p in first] != [p.text for p in other]


def test_short_and_long_records_are_not_articles():
    short = doc("a", "太短的记录。")
    long = doc("b", "长" * (pages.MAX_ARTICLE + 1))
    fitting = doc("c", LONG)
    assert pages.articles([short, long, fitting]) == [fitting]


@pytest.mark.parametrize("seed", range(5))
def test_truth_bookkeeping(seed):
    for page in pages.generate_pages(documents(), limit=10, seed=seed):
        lines = page.text.split("\n")
        assert len(lines) == len(page.lines)
        furniture = page.furniture
        assert furniture and set(furniture.values()) <= set(pages.KINDS)
        article = [t for n, t in enumerate(lines, 1) if n not in furniture]
        assert "\n".join(article) == page.article
        # the article is the record's text cut into paragraphs, nothing added or lost,
        # after a title line (a clause of the text) on most pages
        source = next(d for d in documents() if d.label == page.label)
        numbers = [n for n in range(1, len(lines) + 1) if n not in furniture]
        body = numbers
        if strip_space(page.article) != strip_space(source.text):
            title, *body = numbers
            assert strip_space("\n".join(lines[n - 1] for n in body)) == strip_space(source.text)
            assert all(part in source.text for part in lines[title - 1].split())
        assert body == list(range(body[0], body[-1] + 1))
        assert len(furniture) >= 3
        assert page.all_safe == (not set(furniture.values()) & pages.NOTE_KINDS)


def test_related_headlines_come_from_other_documents():
    related = 0
    for page in pages.generate_pages(documents(), limit=10, seed=3):
        own = page.label.rsplit(":", 1)[1]
        for line in page.lines:
            if line.kind == "related":
                related += 1
                numbers = re.findall(r"编号(\d+)", line.text)
                assert numbers and own not in numbers
    assert related


def test_paragraphs_cut_a_long_line_at_sentence_ends_only():
    paragraphs = pages.paragraphs_of(LONG, random.Random(1))
    assert len(paragraphs) > 1
    assert "".join(paragraphs) == LONG
    for p in paragraphs[:-1]:
        assert p[-1] in "。！？”"
    # a quotation is never cut inside
    assert not any(p.count("“") != p.count("”") for p in paragraphs)


def test_paragraphs_keep_the_lines_of_a_text_that_has_them():
    text = "第一段。\n\n  第二段，有空格。  \n第三段。"
    assert pages.paragraphs_of(text, random.Random(0)) == [
        "第一段。",
        "第二段，有空格。",
        "第三段。",
    ]


def test_headline_is_one_of_the_first_clauses():
    text = "是开头的从句不要，这是一条可以做标题的句子，后面还有别的内容。"
    assert pages.headline_of(text, random.Random(0)) in (
        "这是一条可以做标题的句子",
        "后面还有别的内容",
        "这是一条可以做标题的句子 后面还有别的内容",
        "后面还有别的内容 这是一条可以做标题的句子",
    )
    assert pages.headline_of("short", random.Random(0)) is None


# -- the measure -------------------------------------------------------------------


class DeletesMenuLines(Rule):
    """Deletes lines that start with 首页 (a safe fix) and notes lines holding 编辑."""

    code = "SA901"
    name = "test-menu"
    family = "test"

    def check(self, document: Document) -> Iterator[Diagnostic]:
        for line in document.lines:
            if line.text.startswith("首页"):
                deletion = Edit.deletion(line.start, min(line.end + 1, len(document.text)))
                yield self.report(line.start, line.end, "menu", fix=Fix.safe("delete", deletion))
            elif "编辑" in line.text:
                yield self.report(line.start, line.end, "editor")


class DeletesTheSecondParagraph(Rule):
    code = "SA902"
    name = "test-greedy"
    family = "test"

    def check(self, document: Document) -> Iterator[Diagnostic]:
        for line in document.lines:
            if line.text.startswith("第二段"):
                deletion = Edit.deletion(line.start, line.end + 1)
                yield self.report(line.start, line.end, "x", fix=Fix.safe("delete", deletion))


def page(*lines: tuple[str, str]) -> pages.Page:
    return pages.Page("hand", tuple(pages.PageLine(t, k) for t, k in lines))


HAND = page(
    ("首页 | 新闻 | 体育", "nav"),
    ("第一段正文，讲了一件事。", "article"),
    ("第二段正文，又讲了一件事。", "article"),
    ("首页 上一页 下一页", "pager"),
    ("责任编辑：某人", "editor"),
    ("版权所有", "footer"),
)


def test_measure_counts_found_fixed_and_exact_against_the_truth():
    result = pages.measure_page(HAND, [DeletesMenuLines()])
    assert result.kinds == {1: "nav", 4: "pager", 5: "editor", 6: "footer"}
    assert result.found == {1, 4, 5} and result.warned == {1, 4, 5}
    assert result.fixed == {1, 4}
    assert (result.content, result.content_flagged, result.content_deleted) == (2, 0, 0)
    assert not result.exact and not result.all_safe  # the editor line is a note kind


def test_exact_when_every_furniture_line_is_deleted():
    clean = page(
        ("首页 | 新闻", "nav"),
        ("第一段正文。", "article"),
        ("第二段正文。", "article"),
        ("首页 | 返回", "nav"),
    )
    result = pages.measure_page(clean, [DeletesMenuLines()])
    assert result.all_safe and result.exact and result.fixed == {1, 4}


def test_a_fix_that_deletes_an_article_line_is_counted():
    result = pages.measure_page(HAND, [DeletesTheSecondParagraph()])
    assert result.content_deleted == 1 and result.content_flagged == 1
    assert result.found == set() and not result.exact


def test_table_and_summary_count_per_kind():
    results = [pages.measure_page(HAND, [DeletesMenuLines()])]
    table = pages.pages_table(results)
    rows = {line.split()[0]: line.split() for line in table.splitlines()[2:]}
    assert rows["nav"][1:6] == ["1", "1", "1", "1", "1.00"]
    assert rows["footer"][1:6] == ["1", "0", "0", "0", "0.00"]
    assert rows["editor"][1] == "(note)"
    assert rows["all"][2:7] == ["4", "3", "3", "2", "0.75"]
    text = pages.summary(results)
    assert "article lines: 2" in text and "exact fix: 0 / 0" in text
    assert "版权所有" in pages.missed(results, 5)


def test_command_line_prints_the_table(tmp_path, capsys):
    path = tmp_path / "clean.jsonl"
    records = [json.dumps({"text": d.text}, ensure_ascii=False) for d in documents(12)]
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    assert cli.main([str(path), "--pages", "--pages-limit", "5", "--select", "SA"]) == 0
    out = capsys.readouterr().out
    assert "furniture on generated pages: 5 pages" in out
    assert "all furniture" in out and "exact fix:" in out
    assert cli.main([str(path), "--pages", "--pages-limit", "2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["pages"]) == 2
    assert all(set(row["found"]) <= {int(n) for n in row["kinds"]} for row in data["pages"])
