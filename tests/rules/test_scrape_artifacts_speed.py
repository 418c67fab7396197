"""SA prefilters and start-up: the gate misses no chrome or widget line; import compiles nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.testing import lint_text
from rules.lazy import LazyPattern
from rules.scrape_artifacts import RULES
from rules.scrape_artifacts.furniture import widget_kind, widget_trigger
from rules.scrape_artifacts.vocabulary import chrome_matcher

_PIECES = [
    "作者：", "来源: 新华社", "首页", "新闻", " | ", "｜", " > ", ">>", "»", "→", "【打印】",
    "[收藏]", "29 ]", "1.png (32.35 KB, 下载次数: 0)", "3 MB", "2 kb", "返回顶部", "相关新闻",
    "大 中 小", "版权所有", "©", "Copyright", "3天前", "会议", "，", "。", "a", "K", "b", " ",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6))
def test_the_gate_finds_every_chrome_and_widget_line(pieces):
    line = "".join(pieces)
    matcher = chrome_matcher()
    if matcher.triggers.search(line) is not None or matcher.classify(line) is not None:
        assert matcher.gate.search(line) is not None, line
    trigger = widget_trigger(line)
    if trigger is not None and trigger.search(line) is not None:
        assert matcher.gate.search(line) is not None, line
    if widget_kind(line.strip()) is not None:
        assert matcher.gate.search(line) is not None, line


def test_the_gate_of_extended_vocabulary_holds_the_extra_phrases():
    matcher = chrome_matcher((), (), ("Kindle版",))
    assert matcher.gate.search("正文\nKINDLE版\n正文") is not None
    assert chrome_matcher().gate.search("今天开会，讨论了三个问题。") is None


def test_a_one_line_page_gets_no_block_finding():
    # a run, a block, a copy or a teaser needs two lines: one line is chrome or nothing
    assert [d.code for d in lint_text("来源：新华社", RULES)] == ["SA001"]
    assert [d.code for d in lint_text("相关新闻 推荐阅读 热门排行 猜你喜欢", RULES)] == ["SA001"]


def test_a_lazy_pattern_compiles_on_first_use_and_then_behaves_as_the_pattern():
    import re

    lazy = LazyPattern(re, r"\d+")
    assert "search" not in vars(lazy)
    assert lazy.search("ab12").group() == "12"
    assert "search" in vars(lazy)  # stored: later calls go straight to the pattern
    assert lazy.sub("#", "a1b22") == "a#b#" and lazy.pattern == r"\d+"


def test_importing_the_family_compiles_no_pattern():
    script = textwrap.dedent(
        """
        import re, regex, sys
        compiled = []
        def spy(module):
            original = module.compile
            def compile(pattern, flags=0, *args, **kwargs):
                caller = sys._getframe(1).f_code.co_filename
                if "scrape_artifacts" in caller:
                    compiled.append(str(pattern)[:40])
                return original(pattern, flags, *args, **kwargs)
            module.compile = compile
        spy(re)
        spy(regex)
        import rules.scrape_artifacts
        import rules.vocabulary
        print(len(compiled), compiled)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.startswith("0 "), out


def test_a_chrome_label_after_widget_characters_in_the_same_line_is_classified():
    body = "今天我们召开教育系统工作会议，主要任务是贯彻落实上级要求，具体安排部署各项工作。\n"
    text = body + "首页 | 新闻 > 来源：新华社\n" + body
    assert [d.code for d in lint_text(text, RULES)] == ["SA001"]
    # a phrase searched from a widget character (its other characters are common):
    # a match `>` may be chrome, so it is not skipped
    assert ">" in chrome_matcher().widget_only
    assert ">" not in chrome_matcher((), (), ("我的>",)).widget_only
    settings = {"SA001": {"extend-phrases": ["我的>"]}}
    found = lint_text(body + "我的>\n" + body, RULES, settings=settings)
    assert [d.code for d in found] == ["SA001"]


def test_many_widget_characters_on_one_line_are_scanned_once():
    from rules.scrape_artifacts.layout import _lines_matching

    text = "|" * 5000 + "来源：新华社\n" + "|" * 5000
    matcher = chrome_matcher()
    m = matcher.gate.search(text)
    assert _lines_matching(text, m, 10**6, matcher.widget_only) == []  # the line is too long
    short = "| | 来源：新华社\n| |\n"
    m = matcher.gate.search(short)
    assert _lines_matching(short, m, 120, matcher.widget_only) == [(1, "| | 来源：新华社")]


def test_a_prose_line_with_a_chrome_phrase_is_no_chrome_and_noise_stays_chrome():
    from rules.scrape_artifacts.vocabulary import chrome_matcher

    classify = chrome_matcher().classify_stripped
    assert classify("医生提醒人们，在使用感冒药之前，一定要仔细阅读说明书。") is None
    assert classify("阅读能力好的人不但容易找到工作，而且工资也比较高。") is None
    # dates, times and relative times are noise: the words they hold do not count
    assert classify("2023年5月1日 来源：人民网 评论(5)") == "chrome"
    assert classify("来源：新华社 2023-05-01 10:30") == "chrome"
    assert classify("发布时间：2022年11月24日 10:30 阅读：5605 评论：3 收藏") == "chrome"


def test_the_words_no_noise_takes_are_words_that_stay():
    import regex

    from rules.scrape_artifacts import vocabulary as v

    # every Han character of the noise pattern (dates, relative times) is left out
    han = {c for c in v._NOISE.pattern if "\u4e00" <= c <= "\u9fff"}
    assert han <= set(v._NOISE_HAN)
    sure = "".join(v._SURE_WORDS.findall("".join(map(chr, range(0x10000)))))
    assert len(sure) == 0x9FFF - 0x4E00 + 1 - len(v._NOISE_HAN) + 52
    assert all(v._WORD.fullmatch(c) for c in sure)  # each is a word
    assert regex.search(r"[\d\s\p{P}\p{S}]", sure) is None  # none is noise on its own
