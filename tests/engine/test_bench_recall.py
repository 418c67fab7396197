"""Recall on injected damage (``python -m lint.bench --recall``).

The injectors are tested on texts written here: what they change, where they say
the damage is, and the texts they must leave alone. The measuring loop is tested
with small rules written here, so that found / missed / new-elsewhere are counted
from known findings, not from whatever the shipped rules find today.
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Iterator

import pytest

from lint import Diagnostic, Document, Edit, Fix, Rule, Severity
from lint.bench import cli, furniture, recall
from lint.bench.corpus import BenchDocument


def rng(seed: int = 0) -> random.Random:
    return random.Random(seed)


def doc(label: str, text: str) -> BenchDocument:
    return BenchDocument(label, text, len(text.encode()))


# -- injectors --------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(20))
def test_duplicate_copies_a_middle_item_inside_the_list(seed):
    text = "会议讨论了教育、医疗、住房、养老等问题。"
    damage = recall.duplicate_list_item(text, rng(seed))
    assert damage is not None
    copy = damage.text[damage.start : damage.end]
    assert copy in ("、医疗", "、住房")
    # removing the copy gives the clean text back: nothing else changed
    assert damage.text[: damage.start] + damage.text[damage.end :] == text
    items = damage.text[damage.text.index("教育") : damage.text.index("等")].split("、")
    assert len(items) == 5 and len(set(items)) == 4


def test_duplicate_needs_a_list_of_three_items():
    assert recall.duplicate_list_item("我们讨论了教育、医疗问题。", rng()) is None
    assert recall.duplicate_list_item("没有列举的句子。", rng()) is None


@pytest.mark.parametrize("seed", range(20))
def test_miscount_changes_only_the_count_by_one(seed):
    text = "一年分为春、夏、秋、冬四个季节。"
    damage = recall.miscount_list(text, rng(seed))
    assert damage is not None
    assert damage.text[damage.start : damage.end] in ("三", "五")
    assert damage.text[: damage.start] == text[: damage.start]
    assert damage.text[damage.end :] == text[damage.end :]
    assert damage.related is not None
    start, end = damage.related
    assert damage.text[start:end].startswith("一年分为春、夏")


def test_miscount_of_two_goes_up():
    damage = recall.miscount_list("他会说汉、英两种语言。", rng())
    assert damage is not None and damage.text == "他会说汉、英三种语言。"


@pytest.mark.parametrize(
    "text",
    [
        "一年分为春、夏、秋、冬三个季节。",  # the count already disagrees: not a clean list
        "建成科技馆、博物馆、图书馆等三大场馆。",  # 等 + count: possibly open
        "可口可乐、松下、欧米茄这两家企业。",  # the last item runs into the sentence
        "没有列举的句子。",
    ],
)
def test_miscount_leaves_lists_it_cannot_judge(text):
    assert recall.miscount_list(text, rng()) is None


def test_year_rewrite_makes_an_old_year_fresh():
    text = "1998年开始训练。2004年获得冠军。2006年再次夺冠。"
    for seed in range(20):
        damage = recall.rewrite_year(text, rng(seed))
        assert damage is not None
        assert damage.text[damage.start : damage.end] in ("2023", "2024")
        assert text[damage.start : damage.end] in ("1998", "2004", "2006")
        assert recall.has_timeline(damage)


def test_year_rewrite_skips_texts_that_already_reach_the_fresh_years():
    assert recall.rewrite_year("2001年出生，2022年毕业。", rng()) is None
    assert recall.rewrite_year("没有年份。", rng()) is None


def test_timeline_needs_two_other_years():
    text = "2004年获得冠军。"
    damage = recall.rewrite_year(text, rng())
    assert damage is not None and not recall.has_timeline(damage)


def test_masks():
    digits = recall.mask_digits("会议于10月6日召开。", rng())
    assert digits is not None and digits.text == "会议于**月6日召开。"
    assert (digits.start, digits.end) == (3, 5)
    assert recall.mask_digits("会议于13月6日召开。", rng()) is None  # not a month
    text = "这是一段足够长的中文句子用于测试"
    for seed in range(10):
        masked = recall.mask_characters(text, rng(seed))
        assert masked is not None and len(masked.text) == len(text)
        assert set(masked.text[masked.start : masked.end]) == {"*"}
        stray = recall.stray_mark(text, rng(seed))
        assert stray is not None and stray.text.replace("*", "", 1) == text
        assert stray.text[stray.start] == "*"
        # a stray mark has a character of prose on both sides
        assert stray.text[stray.start - 1] != "*" and stray.text[stray.end] != "*"


def test_placeholders_replace_characters_in_place():
    text = "这是一段足够长的中文句子用于测试"
    for seed in range(10):
        boxed = recall.box_characters(text, rng(seed))
        assert boxed is not None and len(boxed.text) == len(text)
        assert set(boxed.text[boxed.start : boxed.end]) == {"□"}
        assert boxed.text.replace("□", "") == "".join(
            c for i, c in enumerate(text) if not boxed.start <= i < boxed.end
        )
    named = recall.mask_name("会上，张三丰同志作了报告。", rng())
    assert named is not None and named.text == "会上，×××同志作了报告。"
    assert named.text[named.start : named.end] == "×××"
    assert recall.mask_name("同志们好。", rng()) is None


def test_repeat_paragraph_pastes_a_long_line_after_a_later_line():
    long = "这是一个足够长的段落，" * 5
    text = f"标题\n{long}\n短句。\n结尾。"
    damage = recall.repeat_paragraph(text, rng(3))
    assert damage is not None
    assert damage.text[damage.start : damage.end] == long
    assert damage.text.count(long) == 2
    assert recall.repeat_paragraph("短\n短句\n短句子", rng()) is None


def test_the_same_label_gives_the_same_generator_and_kinds_are_named():
    a = recall.document_rng("x.jsonl:3", "year-rewrite").random()
    assert a == recall.document_rng("x.jsonl:3", "year-rewrite").random()
    assert a != recall.document_rng("x.jsonl:4", "year-rewrite").random()
    assert [k.name for k in recall.kinds_named(["stray-mark"])] == ["stray-mark"]
    with pytest.raises(ValueError, match="unknown damage kind nope"):
        recall.kinds_named(["nope"])


# -- measuring --------------------------------------------------------------------


class FlagsCopies(Rule):
    """Flags every item of a 、-list written right after itself (the DL001 code)."""

    code = "DL001"
    name = "test-adjacent-copy"
    family = "test"

    def check(self, document: Document) -> Iterator[Diagnostic]:
        text = document.text
        parts = text.split("、")
        at = 0
        for a, b in itertools.pairwise(parts):
            at += len(a) + 1
            if a and b.startswith(a[-2:]) and a[-2:] == b[:2]:
                yield self.report(at, at + 2, "copy")


class FlagsEverything(Rule):
    """A warning at the start of every document (a rule that cries wolf)."""

    code = "XX001"
    name = "test-wolf"
    family = "test"

    def check(self, document: Document) -> Iterator[Diagnostic]:
        yield self.report(0, 1, "wolf")


def test_found_missed_and_skipped_are_counted():
    docs = [
        doc("a", "会议讨论了教育、医疗、住房、养老等问题。"),  # adjacent copies are found
        doc("b", "没有列举。"),  # no place for the damage: not counted
    ]
    kind = recall.Kind("list-duplicate", recall.duplicate_list_item, ("DL001",), "")
    result = recall.measure_kind(kind, docs, [FlagsCopies()], limit=10)
    assert len(result.outcomes) == 1
    outcome = result.outcomes[0]
    assert outcome.label == "a" and outcome.new_elsewhere == 0
    # the injection is fixed by the seed: found iff the copy is next to its original
    damage = recall.duplicate_list_item(docs[0].text, recall.document_rng("a", kind.name))
    assert damage is not None
    adjacent = damage.text.count("医疗、医疗") + damage.text.count("住房、住房") == 1
    assert outcome.found is adjacent and outcome.warned is adjacent
    assert result.recall == (1.0 if adjacent else 0.0)


def test_a_rule_of_another_code_does_not_count_and_nothing_is_found_without_rules():
    docs = [doc(f"d{i}", "会议讨论了教育、医疗、住房、养老等问题。") for i in range(5)]
    kind = recall.Kind("list-duplicate", recall.duplicate_list_item, ("DL003",), "")
    result = recall.measure_kind(kind, docs, [FlagsCopies()], limit=3)
    assert len(result.outcomes) == 3  # the limit
    assert result.found == 0 and result.recall == 0.0


def test_a_finding_the_clean_text_already_had_there_skips_the_document():
    kind = recall.Kind("stray-mark", recall.stray_mark, ("XX",), "")
    docs = [doc("one-line", "这是一段足够长的中文句子用于测试")]
    result = recall.measure_kind(kind, docs, [FlagsEverything()], limit=10)
    assert result.skipped == 1 and result.outcomes == []


def test_new_warnings_away_from_the_damage_are_counted():
    class FlagsStarsAndLastLine(Rule):
        code = "MC001"
        name = "test-stars"
        family = "test"

        def check(self, document: Document) -> Iterator[Diagnostic]:
            text = document.text
            if "*" in text:
                yield self.report(text.index("*"), text.index("*") + 1, "star")
                end = len(text)
                yield self.report(end - 1, end, "and a wolf on the last line")

    text = "这是一段足够长的中文句子用于测试\n第二行\n第三行"  # one run of prose
    kind = recall.Kind("stray-mark", recall.stray_mark, ("MC",), "")
    result = recall.measure_kind(kind, [doc("x", text)], [FlagsStarsAndLastLine()], limit=1)
    (outcome,) = result.outcomes
    assert outcome.found and outcome.new_elsewhere == 1


def test_command_line_recall_on_given_clean_files(tmp_path, capsys):
    records = [
        {"text": "会议讨论了教育、医疗、住房、养老等问题。"},
        {"text": "会议于10月6日召开，1998年开始，2004年结束，2006年总结。"},
    ]
    path = tmp_path / "clean.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    code = cli.main([str(path), "--recall", "--kind", "masked-digits,list-duplicate", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)["recall"]["injected"]
    by_kind = {row["kind"]: row for row in data}
    assert set(by_kind) == {"masked-digits", "list-duplicate"}
    assert by_kind["masked-digits"]["injected"] == 1
    assert by_kind["list-duplicate"]["injected"] == 1
    for row in data:
        assert row["found"] + len(row["missed"]) == row["injected"]


def test_command_line_names_an_unknown_kind(tmp_path, capsys):
    path = tmp_path / "clean.txt"
    path.write_text("正文。", encoding="utf-8")
    assert cli.main([str(path), "--recall", "--kind", "nope"]) == 2
    assert "unknown damage kind nope" in capsys.readouterr().err


# -- page furniture against a human ground truth ------------------------------------


ARTICLE = "国际合作不断深化，教育事业稳步发展。\n第二段正文：科技创新成果丰硕，文化繁荣。\n小标题"
NAIVE = "首页\n国际\n教育\n国际合作不断深化，教育事业稳步发展。\n小标题\n科技创新成果丰硕\n返回顶部"


def write_shared(root, naive: str = NAIVE, article: str = ARTICLE):
    (root / "corpus" / "dirty").mkdir(parents=True)
    (root / "corpus" / "clean").mkdir(parents=True)
    (root / "corpus" / "dirty" / "mh-abcdef12-example_com.txt").write_text(naive, "utf-8")
    (root / "corpus" / "dirty" / "mh-99999999-no_truth.txt").write_text("孤页", "utf-8")
    record = {"id": "magic-html:abcdef123456", "text": article}
    (root / "corpus" / "clean" / "magic_html_groundtruth_zh.jsonl").write_text(
        json.dumps(record, ensure_ascii=False) + "\n", "utf-8"
    )
    return root


def test_gold_lines_short_menu_words_are_furniture_even_inside_the_article(tmp_path):
    (page,) = furniture.gold_pages(write_shared(tmp_path))  # the page without truth is left out
    assert page.name == "mh-abcdef12-example_com.txt"
    # 国际 and 教育 occur inside the article's sentence, but not as lines: furniture;
    # 小标题 is a whole line of the article; 科技创新成果丰硕 (8 characters) occurs inside it
    assert page.furniture == {1, 2, 3, 7}
    assert page.content == {4, 5, 6}


class FlagsMenuLines(Rule):
    """Flags the menu words 首页, 国际, 教育 on lines of their own (a safe deletion), and
    adds a note on the first line that starts with 国际 inside a sentence."""

    code = "SA901"
    name = "test-menu"
    family = "test"

    def check(self, document: Document) -> Iterator[Diagnostic]:
        for line in document.lines:
            if line.text in ("首页", "国际", "教育"):
                deletion = Edit.deletion(line.start, line.end + 1)
                yield self.report(line.start, line.end, "menu", fix=Fix.safe("delete", deletion))
            elif line.text.startswith("国际合作"):
                yield self.report(line.start, line.end, "a note", severity=Severity.INFO)


def test_furniture_found_fixed_and_content_never_deleted(tmp_path):
    (page,) = furniture.gold_pages(write_shared(tmp_path))
    result = furniture.measure_page(page, [FlagsMenuLines()])
    assert (result.furniture, result.content) == (4, 3)
    assert result.found == 3 and result.warned == 3 and result.fixed_away == 3
    # the note on a content line is not a warning on content; nothing of the article is deleted
    assert result.false_content == 0 and result.content_deleted == 0


def test_a_fix_that_deletes_a_line_of_the_article_is_counted(tmp_path):
    class DeletesHeading(Rule):
        code = "SA902"
        name = "test-heading"
        family = "test"

        def check(self, document: Document) -> Iterator[Diagnostic]:
            for line in document.lines:
                if line.text == "小标题":
                    deletion = Edit.deletion(line.start, line.end + 1)
                    yield self.report(line.start, line.end, "x", fix=Fix.safe("delete", deletion))

    (page,) = furniture.gold_pages(write_shared(tmp_path))
    result = furniture.measure_page(page, [DeletesHeading()])
    assert result.found == 0 and result.false_content == 1 and result.content_deleted == 1
