"""Small Chinese numerals (一 … 九十九, 两, 〇/零) as used to count and number list items."""

from __future__ import annotations

DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
NUMERAL_CHARS = "〇零一二两三四五六七八九十"


def parse_numeral(token: str) -> int | None:
    """The value of a Chinese numeral up to 100 (三 → 3, 十二 → 12, 二十 → 20, 一百 → 100).

    Vague counts (十几, 几十) and anything else give None.
    """
    if token in ("百", "一百"):
        return 100
    if not token or any(c not in NUMERAL_CHARS for c in token):
        return None
    if "十" not in token:
        return DIGITS[token] if len(token) == 1 else None
    tens, _, units = token.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    value = (DIGITS.get(tens, 0) if tens else 1) * 10
    if tens and DIGITS.get(tens, 0) < 2:
        return None  # 一十, 两十, 零十: not how numbers are written
    return value + (DIGITS.get(units, 0) if units else 0)


def parse_number(token: str) -> int | None:
    """A Chinese numeral or ASCII/full-width digits."""
    if token.isdigit():
        return int(token.translate(_FULL_DIGITS))
    return parse_numeral(token)


_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
