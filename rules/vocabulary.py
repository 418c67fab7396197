"""The vocabulary several rule families share, read once per process from ``rules/data``.

Each data file names its source in its ``#`` header. Page furniture: metadata keys,
byline keys, chrome phrases, counters and the headers of link lists (SA, and the
dates family's metadata keys). Numbers: numerals with their values and numbering
styles (DL, DT, MC). Punctuation: the stop characters that end sentences and
clauses. Nothing is read at import; each accessor reads its file on first use.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

CIRCLED_DIGITS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"  # the {circled} numbers, ① = 1 … ⑳ = 20
_DATA = Path(__file__).parent / "data"  # (read by path: importlib.resources costs start-up)
DATE_KEY_ENDS = "间期于"  # a metadata key that labels a date ends in 时间, 日期 or 于


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """The non-blank, non-comment lines of ``rules/data/<name>``, stripped."""
    text = (_DATA / name).read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def _table(name: str) -> tuple[tuple[str, str], ...]:
    """``name<TAB>value`` lines as pairs (the value keeps inner spaces)."""
    text = (_DATA / name).read_text(encoding="utf-8")
    pairs = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("\t")
            pairs.append((key.strip(), value.strip()))
    return tuple(pairs)


@cache
def not_road_names() -> frozenset[str]:
    """Words that end like a road name but name none (``味道``, ``铁路``): not a route's stops."""
    return frozenset(data_lines("not_road_names.txt"))


def metadata_keys() -> tuple[str, ...]:
    """Labels of page metadata printed before a value (``发布时间``, ``浏览次数``, ``本文地址``)."""
    return data_lines("metadata_keys.txt")


@cache
def date_keys() -> tuple[str, ...]:
    """The metadata keys that label a date (``发布时间``, ``发稿时间``, ``成文日期``)."""
    return tuple(k for k in metadata_keys() if k[-1] in DATE_KEY_ENDS)


def byline_keys() -> tuple[str, ...]:
    """Byline labels (``作者``, ``来源``, ``责任编辑``): a line of one alone is a note."""
    return data_lines("byline_keys.txt")


def chrome_phrases() -> tuple[str, ...]:
    """Widget, navigation and footer phrases (``下载本文``, ``返回顶部``, ``版权所有``)."""
    return data_lines("chrome_phrases.txt")


def counters() -> tuple[str, ...]:
    """Counter templates, ``{n}`` for the number (``已有{n}人来访过``, ``博文:{n}``)."""
    return data_lines("counters.txt")


def contact_keys() -> tuple[str, ...]:
    """Labels of contact lines (``联系人``, ``地址``, ``电话``), printed before a colon."""
    return data_lines("contact_keys.txt")


def link_line_starts() -> tuple[str, ...]:
    """Starts of lines that link to or list other pages (``上一篇``, ``相关``, ``标签``)."""
    return data_lines("link_line_starts.txt")


def pager_keys() -> tuple[str, ...]:
    """Labels of links to the neighbouring article (``上一篇``, ``下一篇``, ``下一章``)."""
    return data_lines("pager_keys.txt")


def furniture_headers() -> tuple[str, ...]:
    """Headers of link lists (``相关新闻``, ``推荐阅读``, ``热门排行``, ``猜你喜欢``)."""
    return data_lines("furniture_headers.txt")


@cache
def numeral_values() -> dict[str, int]:
    """Chinese numeral characters and their values (一 → 1, 两 → 2, 十 → 10, 万 → 10000)."""
    return {char: int(value) for char, value in _table("numerals.txt")}


def numeral_chars() -> str:
    """Every Chinese numeral character, in the data file's order (〇零一二两三…亿)."""
    return "".join(numeral_values())


def digit_values() -> dict[str, int]:
    """The numerals one to nine, with 两 (the units of a small numeral)."""
    return {c: v for c, v in numeral_values().items() if 1 <= v <= 9}


def numbering_styles() -> tuple[tuple[str, str], ...]:
    """Numbering styles as (name, template): ``（{cn}）``, ``{n}.``, ``{circled}``."""
    return _table("numbering_styles.txt")


# How each part of a numbering template reads as a regular expression: the number is
# group 1; brackets, commas and the dot stand for both widths, and a dot followed by a
# digit is a decimal point (提高2.5倍), not a marker.
_NUMBER_SLOTS = {
    "{n}": "([0-9０-９]{1,2})",
    "{circled}": f"([{CIRCLED_DIGITS}])",
}
_MARKS = {
    "（": "[（(]",
    "）": "[）)]",
    "，": "[，,]",
    ".": "[.．](?![0-9０-９])",
}


_HALF_WIDTH = {"（": "("}


@cache
def marker_numerals() -> str:
    """The numerals that number items and editions: 一 … 十 (两 never numbers an item)."""
    return "".join(c for c, v in numeral_values().items() if 1 <= v <= 10 and c != "两")


def _slot(template: str) -> tuple[str, str, str]:
    """A template split as (prefix, placeholder, suffix)."""
    for slot in ("{cn}", "{n}", "{circled}"):
        head, found, tail = template.partition(slot)
        if found:
            return head, slot, tail
    raise ValueError(f"numbering template {template!r} has no number")


def _marks(literal: str) -> str:
    """The literal part of a template as a pattern (both widths)."""
    return "".join(_MARKS.get(c) or re.escape(c) for c in literal)


def numbering_pattern(*names: str) -> str:
    """The regular expression of one or more numbering styles (named in
    ``numbering_styles.txt``) that share their number and what precedes it, with the
    number as group 1: ``numbering_pattern("1.", "1、")`` reads ``2.`` and ``2、``."""
    templates = dict(numbering_styles())
    parts = [_slot(templates[name]) for name in names]
    head, slot = parts[0][:2]
    if any(part[:2] != (head, slot) for part in parts):
        raise ValueError(f"numbering styles {names} differ before their end")
    number = f"([{marker_numerals()}]{{1,3}})" if slot == "{cn}" else _NUMBER_SLOTS[slot]
    ends = [_marks(part[2]) for part in parts]
    end = ends[0] if len(ends) == 1 else "(?:" + "|".join(ends) + ")"
    return _marks(head) + number + end


def numbering_starts(*names: str) -> str:
    """Every character a marker of the named numbering styles may start with."""
    templates = dict(numbering_styles())
    starts = ""
    for name in names:
        head, slot, _ = _slot(templates[name])
        if head:
            starts += head[0] + _HALF_WIDTH.get(head[0], "")
        elif slot == "{cn}":
            starts += marker_numerals()
        elif slot == "{n}":
            starts += "0123456789０１２３４５６７８９"
        else:
            starts += CIRCLED_DIGITS
    return "".join(dict.fromkeys(starts))


@cache
def placeholder_context(kind: str) -> tuple[str, ...]:
    """Words that show what a placeholder stands for, by kind (``role-before``,
    ``title-after``, ``unit-after``, ``organisation-after``), longest first."""
    for name, words in _table("placeholder_contexts.txt"):
        if name == kind:
            return tuple(sorted(words.split(), key=len, reverse=True))
    raise KeyError(f"no placeholder context {kind!r} in rules/data/placeholder_contexts.txt")


@cache
def stop_characters(kind: str) -> str:
    """The stop characters of a kind: ``sentence`` (。！？!?), ``clause``, ``terminal``."""
    for name, chars in _table("stop_characters.txt"):
        if name == kind:
            return chars
    raise KeyError(f"no stop characters named {kind!r} in rules/data/stop_characters.txt")
