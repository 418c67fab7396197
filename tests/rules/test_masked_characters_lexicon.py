"""MC lexicons: the proof-split criterion, the shipped data files and their build script."""

from __future__ import annotations

import pickle
import re
from importlib.resources import files
from pathlib import Path

import pytest

from lint.testing import fix_text, lint_text
from rules.masked_characters import RULES, build_lexicon
from rules.masked_characters.build_lexicon import proof_splits
from rules.masked_characters.detect import Mask
from rules.masked_characters.lexicon import default_words, formulas, parse_words, words
from rules.masked_characters.restore import may_be_stray, stray_word

DATA = files("rules.masked_characters").joinpath("data")

# A made-up dictionary: only the frequencies matter to the criterion.
FREQ = {
    "甲乙丙丁": 10,  # attested, halves absent from the dictionary
    "甲乙": 499,
    "戊己庚辛": 10,
    "戊己": 500,  # common free word ...
    "庚辛": 500,  # ... on both sides
    "壬癸子丑": 9,  # below the frequency floor
    "寅卯不辰": 50,  # right side opens with a negation
    "一二丙丁": 50,  # two numerals
    "一乙丙丁": 50,  # one numeral
    "甲乙丙丁戊": 50,  # five characters: splits 2 and 3
    "甲乙丙": 600,
}


@pytest.mark.parametrize(
    ("word", "tag", "expected"),
    [
        ("甲乙丙丁", "i", [2]),
        ("戊己庚辛", "i", []),  # both halves free words: 戊己 X 庚辛 may be a sentence
        ("壬癸子丑", "n", []),  # frequency 9 < 10
        ("壬癸子丑", "i", [2]),  # an idiom is attested as such, whatever its frequency
        ("寅卯不辰", "i", []),  # 寅卯也不辰
        ("一二丙丁", "n", []),  # digits are what sites mask
        ("一二丙丁", "i", [2]),  # an idiom's numerals are part of it (三心二意)
        ("一乙丙丁", "i", [2]),
        ("甲乙丙丁", "nr", []),  # a person's name
        ("甲乙丙丁", "nrt", []),
        ("甲乙丙丁戊", "n", [2, 3]),  # 甲乙丙 is free, but 丁戊 is bound: 3 is proof too
    ],
)
def test_proof_split_criterion(word, tag, expected):
    assert proof_splits(word, FREQ, tag) == expected


def test_free_word_threshold_is_exclusive():
    freq = {**FREQ, "甲乙": 500, "丙丁": 500}
    assert proof_splits("甲乙丙丁", freq, "i") == []
    freq["丙丁"] = 499
    assert proof_splits("甲乙丙丁", freq, "i") == [2]


def _mask_at(text: str, glyph: str = "*") -> Mask:
    i = text.index(glyph)
    return Mask(i, i + 1, "star", None)  # type: ignore[arg-type]


def test_stray_word_needs_two_characters_each_side():
    lex = {"甲乙丙丁": frozenset({2})}
    assert stray_word("甲乙*丙丁", _mask_at("甲乙*丙丁"), lex).proof
    assert stray_word("甲*乙丙丁", _mask_at("甲*乙丙丁"), lex) is None
    assert stray_word("甲乙丙*丁", _mask_at("甲乙丙*丁"), lex) is None


def test_stray_word_without_proof_split_is_doubtful():
    lex = {"甲乙丙丁": frozenset()}
    found = stray_word("甲乙*丙丁", _mask_at("甲乙*丙丁"), lex)
    assert found is not None and not found.proof and "can stand apart" in found.doubt


def test_stray_word_kept_mask_parsing_better_is_doubtful():
    lex = {"甲乙丙丁": frozenset({2}), "戊己甲乙": frozenset({2})}
    found = stray_word("戊己甲乙*丙丁", _mask_at("戊己甲乙*丙丁"), lex)
    assert found.word == "甲乙丙丁" and not found.proof
    assert found.doubt == "戊己甲乙 ends at the mark"
    lex = {"甲乙丙丁": frozenset({2}), "丙丁戊己": frozenset({2})}
    found = stray_word("甲乙*丙丁戊己", _mask_at("甲乙*丙丁戊己"), lex)
    assert not found.proof and found.doubt == "丙丁戊己 starts at the mark"


def test_stray_word_with_a_competing_crossing_word_is_doubtful():
    lex = {"甲乙丙丁": frozenset({2}), "乙丙丁戊己": frozenset({1})}
    found = stray_word("甲乙*丙丁戊己", _mask_at("甲乙*丙丁戊己"), lex)
    assert found.word == "甲乙丙丁" and not found.proof
    assert "also reads 乙丙丁戊己" in found.doubt


def test_stray_word_prefers_the_longest_word():
    lex = {"甲乙丙丁": frozenset({2}), "甲乙丙丁戊": frozenset({2})}
    found = stray_word("甲乙*丙丁戊", _mask_at("甲乙*丙丁戊"), lex)
    assert found.word == "甲乙丙丁戊" and found.proof


def test_words_file_header_names_source_and_version():
    text = DATA.joinpath("words.txt").read_text(encoding="utf-8")
    assert text.startswith("# source: jieba ")
    assert re.match(r"# source: jieba \d+\.\d+(\.\d+)?, jieba/dict\.txt \(MIT", text)
    assert len(text.encode("utf-8")) < 1_500_000


def test_shipped_words_are_han_and_long_enough():
    lex = default_words()
    assert len(lex) > 90_000
    assert all(len(w) >= 4 for w in lex)
    assert lex["献计献策"] == frozenset({2})
    assert lex["艰苦奋斗"] == frozenset()
    assert words(("测试用词语汇",))["测试用词语汇"] == frozenset({2, 3, 4})


def test_fast_parser_reads_the_file_as_a_plain_reading_does():
    text = DATA.joinpath("words.txt").read_text(encoding="utf-8")
    plain = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, _, ks = line.partition("\t")
            plain[word] = frozenset(int(k) for k in ks.split(",")) if ks else frozenset()
    assert parse_words(text) == plain
    assert parse_words("# header\n甲乙丙丁\t2,3\n戊己庚辛\n") == {
        "甲乙丙丁": frozenset({2, 3}),
        "戊己庚辛": frozenset(),
    }


def test_word_lists_load_once_and_pickle():
    assert words() is default_words() is words(())
    extended = words(("测试用词语汇",))
    assert extended is words(("测试用词语汇",))
    assert "测试用词语汇" not in default_words()
    assert pickle.loads(pickle.dumps(extended)) == extended  # no MappingProxyType


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲乙*丙丁", True),
        ("甲*乙丙丁", False),  # one character on the left
        ("甲乙*丙", False),
        ("甲乙*，丙丁", False),
        ("甲乙**丙丁", False),  # two glyphs
        ("ab*丙丁", False),
    ],
)
def test_only_a_single_star_between_han_pairs_needs_the_lexicon(text, expected):
    assert may_be_stray(text, _mask_at(text)) is expected
    if not expected:  # stray_word gives up before any look-up
        assert stray_word(text, _mask_at(text), None) is None  # type: ignore[arg-type]


def test_every_formula_names_its_source():
    text = DATA.joinpath("formulas.txt").read_text(encoding="utf-8")
    assert text.startswith("# source:")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        body, tab, source = line.partition("\t")
        assert tab and source.startswith("# ") and len(source) > 4, line
        assert "、" in body, line
    texts = [f.text for f in formulas()]
    assert any(t.startswith("马克思列宁主义、毛泽东思想、邓小平理论") for t in texts)


def test_build_script_reproduces_the_shipped_file(tmp_path):
    pytest.importorskip("jieba")  # a build-time tool only, not a dependency
    out = tmp_path / "words.txt"
    assert build_lexicon.main(out) == 0
    assert out.read_text(encoding="utf-8") == DATA.joinpath("words.txt").read_text(encoding="utf-8")


# -- idioms (jieba's tag i) -----------------------------------------------------------


@pytest.mark.parametrize("star", ["*", "＊"])
@pytest.mark.parametrize("comma", ["，", ","])
@pytest.mark.parametrize("idiom", ["三心二意", "一心一意", "九死一生", "力不能及"])
def test_a_star_inside_an_idiom_is_safe_to_delete(idiom, star, comma):
    text = f"他做事总是{idiom[:2]}{star}{idiom[2:]}{comma}让人担心。"
    found = [d for d in lint_text(text, RULES) if d.code == "MC002"]
    assert len(found) == 1 and found[0].fix.applicability.value == "safe"
    assert idiom in found[0].message
    assert fix_text(text, RULES) == f"他做事总是{idiom}{comma}让人担心。"


@pytest.mark.parametrize("text", ["发扬艰苦*奋斗的作风", "这件事有利*有弊。"])
def test_idioms_whose_halves_stand_apart_stay_unsafe(text):
    found = [d for d in lint_text(text, RULES) if d.code == "MC002"]
    assert len(found) == 1 and found[0].fix.applicability.value == "unsafe"


def test_the_shipped_list_names_its_idioms():
    header = (
        (Path(__file__).resolve().parents[2] / "rules/masked_characters/data/words.txt")
        .read_text(encoding="utf-8")
        .split("\n", 8)[:8]
    )
    assert any("idioms (jieba tag i" in line for line in header)
