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
