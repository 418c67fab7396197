"""Chinese numerals as used in counts, numbering and dates (一 … 一百九十九, 两).

The numerals and their values come from ``rules/data/numerals.txt`` (``rules.vocabulary``).
"""

from __future__ import annotations

from rules.vocabulary import digit_values, numeral_values

DIGITS = digit_values()  # 一 … 九 and 两
# the numerals of small numbers (up to 百): what dates and counts are written with
NUMERAL_CHARS = "".join(c for c, v in numeral_values().items() if v <= 100)
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def parse_numeral(token: str, *, liang: bool = True) -> int | None:
    """The value of a small Chinese numeral (三 → 3, 十二 → 12, 二十 → 20, 一百二 → 120).

    Up to 199. ``liang=False`` refuses 两 (as in dates, where 两年 is not a year).
    Vague counts (十几, 几十) and anything else give None.
    """
    if not token or (not liang and "两" in token):
        return None
    if token.startswith(("一百", "百")):
        rest = token[2:] if token.startswith("一百") else token[1:]
        if not rest:
            return 100
        if rest.startswith("零"):
            v = DIGITS.get(rest[1:]) if len(rest) == 2 else None
            return 100 + v if v is not None else None
        v = parse_numeral(rest, liang=liang)
        if v is None:
            return None
        return 100 + (v * 10 if len(rest) == 1 else v)  # 一百二 = 120
    if token == "十":
        return 10
    if len(token) == 1:
        return DIGITS.get(token)
    if len(token) == 2 and token[0] == "十":
        v = DIGITS.get(token[1])
        return 10 + v if v else None
    if len(token) == 2 and token[1] == "十":
        v = DIGITS.get(token[0])
        return v * 10 if v and v >= 2 else None
    if len(token) == 3 and token[1] == "十":
        a, b = DIGITS.get(token[0]), DIGITS.get(token[2])
        return a * 10 + b if a and b and a >= 2 else None
    return None


def parse_number(token: str) -> int | None:
    """A Chinese numeral, or ASCII or full-width digits."""
    if token.isdigit():
        try:
            return int(token.translate(_FULL_DIGITS))
        except ValueError:
            return None
    return parse_numeral(token)
