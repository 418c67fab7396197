"""The shared vocabulary (rules/vocabulary.py over rules/data): one list, read by every family."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

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


def _constants(path):
    """The string constants of a module, and the string tuples, lists and sets it assigns
    to a name (name, strings)."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    strings, groups = [], []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            strings.append(node.value)
        elif isinstance(node, ast.Assign) and isinstance(
            node.value, (ast.Tuple, ast.List, ast.Set)
        ):
            name = ast.unparse(node.targets[0])
            groups.append((name, {e.value for e in node.value.elts if isinstance(e, ast.Constant)}))
    return strings, groups


# Lists that share words with the vocabulary but mean something else, and why.
PRIVATE_LISTS = {
    # substrings that make "时间:" a metadata key on a line: three byline keys and the stems
    # of counters (浏览, 点击, 阅读), not the byline keys (标签, 栏目 would widen it)
    "_META_LINE_HINTS",
}


FAMILIES = ("list_items", "dates")


@pytest.mark.parametrize(
    "path",
    sorted(
        p
        for family in FAMILIES
        for p in (Path(vocabulary.__file__).parent / family).glob("*.py")
        if not p.name.startswith("build_")
    ),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_no_family_redeclares_a_shared_table(path):
    """DL and DT read the vocabulary: no module spells out a stop-character set, the
    numerals, the circled numbers or a list of metadata, byline or link-line keys."""
    stops = {
        frozenset(vocabulary.stop_characters(kind) + end)
        for kind in ("sentence", "clause", "terminal", "list")
        for end in ("", "\n")
    }
    marks = vocabulary.marker_numerals()
    numerals = {
        frozenset(vocabulary.numeral_chars()),
        frozenset(NUMERAL_CHARS),
        frozenset(marks),
        frozenset(marks + "两"),
    }
    keys = (
        set(vocabulary.metadata_keys())
        | set(vocabulary.byline_keys())
        | set(vocabulary.link_line_starts())
    )
    strings, groups = _constants(path)
    for s in strings:
        assert frozenset(s) not in stops, f"a copy of the stop characters: {s!r}"
        assert frozenset(s) not in numerals, f"a copy of the numerals: {s!r}"
        assert vocabulary.CIRCLED_DIGITS[:3] not in s, f"a copy of the circled numbers: {s!r}"
    for name, group in groups:
        if name not in PRIVATE_LISTS:
            assert len(group & keys) < 3, f"{name} copies the vocabulary: {sorted(group & keys)}"


def test_the_dates_family_reads_the_vocabularys_lists():
    from rules.dates import context, evidence

    assert context.chrome_starts() == vocabulary.link_line_starts()
    assert set(context.sentence_stops()) == set(vocabulary.stop_characters("sentence") + "\n")
    assert set(NUMERAL_CHARS) == evidence._CN_NUM


def test_importing_the_list_and_date_families_reads_no_vocabulary_file():
    """Vocabulary files are read on first use; only rules/numerals.py still reads its
    numerals at import (not this family's module)."""
    import subprocess
    import sys

    probe = (
        "import pathlib\n"
        "reads = []\n"
        "read_text = pathlib.Path.read_text\n"
        "def spy(self, *a, **k):\n"
        "    reads.append(self.name)\n"
        "    return read_text(self, *a, **k)\n"
        "pathlib.Path.read_text = spy\n"
        "import rules.list_items, rules.dates\n"
        "print(' '.join(reads))\n"
    )
    root = Path(vocabulary.__file__).parent.parent
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=root
    )
    assert set(out.stdout.split()) <= {"numerals.txt"}
