"""SA's shared gate: one call per document decides whether any of the four rules runs."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from lint import Document, Source
from lint.linter import check_document
from lint.testing import lint_text
from rules.scrape_artifacts import RULES
from rules.scrape_artifacts.furniture import has_teaser
from rules.scrape_artifacts.layout import EMPTY, layout_gate, may_report, page_layout

PROSE = "今天开会，讨论了三个问题。大家都发了言，会议开得很成功。"
PARAGRAPH = "我觉得我是360最大的产品经理，当然，这句话很多人看了会不服气，但是事实如此。"
EXTRA = {"extend-phrases": ["本站推荐"]}


def doc(text: str) -> Document:
    return Document(text, Source("t.txt"))


def rules(settings: dict | None = None) -> list:
    return [cls(settings or {}) for cls in RULES]


def test_the_four_rules_share_one_gate():
    assert all(rule.gate is may_report for rule in rules())


def test_the_gate_says_no_on_prose_and_yes_where_a_rule_reports():
    assert not may_report(doc(PROSE))
    assert not may_report(doc(f"{PROSE}\n\n{PARAGRAPH}\n{PROSE}"))
    assert may_report(doc(f"{PROSE}\n来源：新华社"))  # chrome: SA001
    long = PARAGRAPH + PROSE  # 50 characters or more: a repeated paragraph
    assert may_report(doc(f"{long}\n{PROSE}\n{long}"))  # a copy: SA003
    dates = "\n".join(f"2022-07-{d:02d}" for d in range(10, 15))
    assert may_report(doc(f"{dates}\n{PROSE}"))  # sidebar dates: SA002


def test_article_separators_pass_the_gate_without_any_chrome():
    text = f"篇一\n{PROSE}\n篇二\n{PARAGRAPH}\n"
    assert page_layout(doc(text)) is EMPTY
    assert may_report(doc(text)) and may_report(doc(f"范文1\n{PROSE}\n范文2\n{PROSE}"))
    assert [d.code for d in lint_text(text, RULES)] == ["SA004", "SA004"]


def test_the_gate_of_an_extended_vocabulary_is_shared_by_the_family_and_knows_the_phrases():
    extended = rules(EXTRA)
    gate = extended[0].gate
    assert gate is not may_report and all(rule.gate is gate for rule in extended)
    assert gate is layout_gate(extended[0].layout_key)
    text = f"{PROSE}\n本站推荐\n{PROSE}"
    assert gate(doc(text)) and not may_report(doc(text))
    assert [d.code for d in check_document(doc(text), extended)] == ["SA001"]
    assert check_document(doc(text), rules()) == []


def test_gated_rules_survive_pickling_with_the_same_findings():
    text = f"{PROSE}\n本站推荐\n来源：新华社\n{PROSE}"
    for options in ({}, EXTRA):
        family = rules(options)
        copies = pickle.loads(pickle.dumps(family))
        assert [r.gate is not None for r in copies] == [True] * len(RULES)
        found = check_document(doc(text), family)
        assert found and check_document(doc(text), copies) == found


def test_a_teaser_needs_the_next_paragraph_to_begin_with_its_text():
    teaser = PARAGRAPH[:20] + "…"
    assert has_teaser([teaser, PARAGRAPH])
    assert has_teaser(["本文摘要：" + PARAGRAPH[:20], PARAGRAPH])
    assert not has_teaser([teaser, PROSE])  # an ellipsis that repeats nothing
    assert not has_teaser(["他沉默了很久，终于说了一句话……", PROSE])
    assert not has_teaser([PARAGRAPH, teaser])  # the last line has nothing after it


def test_a_page_with_a_teaser_ending_but_no_teaser_gets_the_empty_layout():
    # 阅读 opens the chrome scan, a line ending in … the teaser search: neither finds
    text = f"阅读本文前请先了解背景。\n{PROSE}\n他沉默了很久，终于说了一句话……\n{PARAGRAPH}"
    assert page_layout(doc(text)) is EMPTY and lint_text(text, RULES) == []
    teased = f"阅读本文前请先了解背景。\n{PARAGRAPH[:20]}…\n{PARAGRAPH}\n{PROSE}"
    assert page_layout(doc(teased)) is not EMPTY
    assert [d.code for d in lint_text(teased, RULES)] == ["SA003"]


def test_the_trigger_anchors_are_few_and_every_item_is_searched_from_one_of_its_characters():
    from rules.scrape_artifacts.furniture import WIDGET_CHARS, WIDGET_SIZES
    from rules.scrape_artifacts.vocabulary import (
        _anchor_index,
        _anchor_indices,
        _trigger_items,
        chrome_matcher,
    )

    matcher = chrome_matcher()
    literals = (*matcher.trigger_literals, *WIDGET_CHARS, *WIDGET_SIZES)
    items = _trigger_items(matcher.trigger_labels, literals, matcher.trigger_folded)
    chosen = _anchor_indices(items)
    assert all(0 <= k < len(text) for (text, _, _), k in zip(items, chosen, strict=True))
    rarest = {text[_anchor_index(text, fold)] for text, fold, _ in items}
    anchors = {text[k] for (text, _, _), k in zip(items, chosen, strict=True)}
    assert anchors <= rarest and len(anchors) < len(rarest)  # redundant anchors dropped
    for text, _, colon in items:  # each item still opens a match in a line of its own
        line = f"{text}：正文" if colon else text
        assert matcher.gate.search(f"前文。\n{line}\n后文。") is not None, text


def test_widget_characters_stay_widgets_whatever_the_anchors():
    from rules.scrape_artifacts.vocabulary import chrome_matcher

    # no phrase is searched from a widget character: a line of bars and brackets alone
    # holds no chrome match, so the chrome scan skips it
    assert {"|", "｜", ">", "]", "】"} <= chrome_matcher().widget_only
    assert lint_text("| 首页 | 新闻 | 体育 |\n| 地区 | 省会 |\n】", RULES) == []


_LINES = [
    PROSE, PARAGRAPH, PARAGRAPH + PROSE, "", "  ", "相关新闻", "2022-07-14", "30 16:18:34",
    "强图打榜 2024-05-23", "来源：新华社", "作者：佚名", "首页 | 新闻 | 体育", "3分钟前",
    "本文摘要：" + PARAGRAPH[:20], PARAGRAPH[:20] + "…", "第一章", "2023年5月1日", "a.b",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_LINES), min_size=1, max_size=8),
    st.sampled_from(["\n", "\r\n", "\n\n"]),
    st.booleans(),
)
def test_a_page_the_gate_calls_plainly_empty_gets_the_empty_layout(lines, sep, extended):
    from rules.scrape_artifacts.layout import compute_layout, plainly_empty
    from rules.scrape_artifacts.vocabulary import chrome_matcher

    text = sep.join(lines)
    key = (("栏目",), (), ("本站推荐",)) if extended else ()
    if plainly_empty(text, chrome_matcher(*key).gate):
        assert compute_layout(doc(text), *key) is EMPTY, text


def test_the_labels_that_end_at_a_common_anchor_are_tried_behind_one_guard():
    from rules.scrape_artifacts.vocabulary import chrome_matcher

    gate = chrome_matcher().gate
    assert "(?<=[" in gate.pattern  # 期 of 发表日期, 更新日期 …: the character before it first
    found = ["发表日期：2023-05-01", "更 新 日 期：昨天", "3分钟前", "2天前", "小时前"]
    found += ["作者：张三", "原 作 者：佚名", "文件大小：3MB", "大 中 小", "分钟内"]
    for line in found:
        assert gate.search(f"前文。\n{line}\n后文。") is not None, line
    # the same anchors in prose: the guard says no, as every label behind it would
    for line in ["日期：", "长期：", "前天", "目前", "读者：", "时期", "大小", "科学家记者们"]:
        assert gate.search(f"前文。\n{line}\n后文。") is None, line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0１9 \u3000\t\n-/.年月日:：a天", max_size=12))
def test_the_fast_date_search_finds_every_date_signature(text):
    from rules.scrape_artifacts.vocabulary import DATE_SIGNATURE, may_hold_date

    if DATE_SIGNATURE.search(text) is not None:
        assert may_hold_date(text), text


def test_a_page_without_a_digit_next_to_a_date_separator_has_no_sidebar():
    from rules.scrape_artifacts.vocabulary import may_hold_date

    for date in ["2022-07-14", "30 16:18:34", "7月14日", "2023 年 5 月 1 日", "08 / 09"]:
        assert may_hold_date(f"标题\n{date}"), date
    for prose in ["年月日", "第三年.", "1年", "a.b", "时间：下午"]:
        assert not may_hold_date(prose), prose
    dates = "\n".join(f"2022-07-{d:02d}" for d in range(10, 15))
    assert may_report(doc(f"{dates}\n{PROSE}"))
    assert not may_report(doc(f"{PROSE}\n第三年.\n{PARAGRAPH}\n年月日\n{PROSE}x"))


def test_the_fast_date_search_knows_every_digit_of_date_signature():
    import re

    import regex

    from rules.scrape_artifacts.vocabulary import _DIGITS, may_hold_date

    # regex may know a newer Unicode than re: its digits must all be in the fast class
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    digits = regex.findall(r"\d", everything)
    assert len(re.findall(rf"[{_DIGITS}]", "".join(digits))) == len(digits)
    assert may_hold_date("\U0001e4f1\U0001e4f1-\U0001e4f2")  # Nag Mundari digits
    spaces = regex.findall(r"\s", everything)  # re's \s holds every one of them
    assert len(re.findall(r"\s", "".join(spaces))) == len(spaces)
