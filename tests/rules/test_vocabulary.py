"""The shared vocabulary (rules/vocabulary.py over rules/data): one list, read by every family."""

from __future__ import annotations

from importlib.resources import files

import pytest

from rules import vocabulary
from rules.masked_characters import detect
from rules.numerals import DIGITS, NUMERAL_CHARS, parse_numeral
from rules.scrape_artifacts.vocabulary import chrome_matcher

DATA = files("rules").joinpath("data")


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.iterdir() if p.name.endswith(".txt")))
def test_every_data_file_names_its_source(name):
    first = DATA.joinpath(name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# source:")


def test_numerals_come_from_the_data_file():
    assert DIGITS["两"] == 2 and DIGITS["九"] == 9 and "十" not in DIGITS
    assert NUMERAL_CHARS == "〇零一二两三四五六七八九十百"
    assert vocabulary.numeral_values()["万"] == 10000
    assert parse_numeral("二十三") == 23


def test_stop_characters_both_widths():
    assert set("。！？!?") == set(vocabulary.stop_characters("sentence"))
    assert {"，", ",", "；", ";"} <= set(vocabulary.stop_characters("clause"))
    assert vocabulary.stop_characters("sentence") == detect.SENTENCE_END
    with pytest.raises(KeyError):
        vocabulary.stop_characters("nonsense")


def test_date_keys_are_the_metadata_keys_that_label_a_date():
    keys = vocabulary.date_keys()
    assert {"发布时间", "发稿时间", "成文日期", "发表于"} <= set(keys)
    assert "浏览次数" not in keys and "本文地址" not in keys


def test_numbering_styles_name_the_official_four():
    names = [name for name, _ in vocabulary.numbering_styles()]
    assert names[:2] == ["一、", "（一）"] and "1." in names and "（1）" in names


def test_furniture_headers_are_chrome_on_their_own_line():
    matcher = chrome_matcher()
    for header in ("相关新闻", "推荐阅读", "热门排行", "猜你喜欢"):
        assert header in vocabulary.furniture_headers()
        assert matcher.classify(header) == "chrome"
    assert matcher.classify("相关新闻报道指出，今年的降雨量偏多。") is None


def test_list_numbering_styles_are_the_vocabularys():
    """DL's inline and line-start numbering styles are read from the vocabulary, not copied."""
    from rules.list_items import broken_numbering, markers

    names = {name for name, _ in vocabulary.numbering_styles()}
    for groups in (markers.INLINE_STYLES, broken_numbering.LINE_STYLES):
        assert {name for group in groups for name in group} <= names
    inline = [pattern.pattern for pattern, _ in markers._numbered()[0]]
    assert inline == [vocabulary.numbering_pattern(*group) for group in markers.INLINE_STYLES]
    lines = [pattern.pattern for _, pattern in broken_numbering._patterns()[0]]
    assert lines == [
        r"^\s*" + vocabulary.numbering_pattern(*g) for g in broken_numbering.LINE_STYLES
    ]


def test_numbering_pattern_reads_both_widths_and_skips_decimals():
    import re

    dot = re.compile(vocabulary.numbering_pattern("1.", "1、"))
    assert [m[1] for m in dot.finditer("1.甲 ２．乙 3、丙 提高2.5倍")] == ["1", "２", "3"]
    bracket = re.compile(vocabulary.numbering_pattern("（一）"))
    assert bracket.match("(三)")[1] == "三" and bracket.match("（两）") is None
    assert vocabulary.numbering_starts("（1）", "①") == "（(" + vocabulary.CIRCLED_DIGITS
    with pytest.raises(ValueError):
        vocabulary.numbering_pattern("1.", "（1）")
