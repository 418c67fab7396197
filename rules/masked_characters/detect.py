"""Finding placeholder glyphs and deciding, from context, which ones are masks.

One pass per document (shared by the MC rules through ``document.memo``). A run of
``*``/``＊`` is a *mask* when Han text surrounds it and no legitimate reading fits:
Markdown emphasis, list bullets, section breaks, arithmetic and exponents, footnote
or required-field stars after a word, code and comments, terms such as ``A*``. Runs
of ``×``, ``X``, ``○``, ``□``, ``■`` are *placeholders*: names left out of a template
or an anonymised text, or characters a font could not show — noted, never warned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from lint import Document, Line

STARS = "*＊"
PLACEHOLDER_GLYPHS = "×□■○"
GLYPHS = (*STARS, *PLACEHOLDER_GLYPHS, "XX", "xx", "ＸＸ", "某X", "某x", "某Ｘ")

# Characters after which a number unit shows that the masked run stood for digits.
DIGIT_UNITS = "年月日号时分秒元角万亿千百岁届期次"
# Function characters that cannot end a phrase: a star after them hides a word.
FUNCTION_CHARS = "的地得之把被对向从在于以与和及或将给为让使由跟同"
SENTENCE_END = "。！？!?"
PERCENT = "%％"
# Number units after 第: 第**届 hides an ordinal.
ORDINAL_UNITS = "届期次号章节条款批名"
# 带*号, 标*的, 加*者: the star glyph named in the text, not a mask.
GLYPH_VERBS = "带标加打"
GLYPH_NOUNS = "号的者处为项"
CLAUSE_ENDS = "。，；！？,;!?\n"
_OBFUSCATED = re.compile(r"[*＊]+[%％]+[\u4e00-\u9fff]")
CJK_PUNCT = "、，。；：？！“”‘’「」《》（）"
_X = "XxＸｘ"
_CN_NUMERALS = "〇零一二三四五六七八九十百千年○"


def is_han(ch: str) -> bool:
    """Whether ``ch`` is a CJK unified ideograph (basic block or extension A)."""
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")


def _in_equation(t: str, s: int, e: int) -> bool:
    """Whether the clause around columns ``s..e`` of a line holds an equals sign."""
    lo = max(t.rfind(c, 0, s) for c in CLAUSE_ENDS) + 1
    his = [i for c in CLAUSE_ENDS if (i := t.find(c, e)) != -1]
    clause = t[lo : min(his, default=len(t))]
    return "=" in clause or "＝" in clause


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _is_digit(ch: str) -> bool:
    return "0" <= ch <= "9" or "０" <= ch <= "９"


@dataclass(frozen=True, slots=True)
class Mask:
    """A run of placeholder glyphs judged to hide text: its span and its kind."""

    start: int
    end: int
    kind: str  # "digits" (a masked number), "star" (a masked word), "placeholder"
    line: Line


def masks(document: Document) -> list[Mask]:
    """Every mask in the document, in order (computed once per document)."""
    return document.memo(_find_masks)


def _find_masks(document: Document) -> list[Mask]:
    text = document.text
    if not any(g in text for g in GLYPHS):
        return []
    code_lines = _fenced_lines(document) if "```" in text or "~~~" in text else set()
    out: list[Mask] = []
    if "*" in text or "＊" in text:
        out.extend(_star_masks(document, code_lines))
    out.extend(_placeholders(document, code_lines))
    out.sort(key=lambda m: m.start)
    return out


def _fenced_lines(document: Document) -> set[int]:
    inside = False
    lines = set()
    for line in document.lines:
        stripped = line.text.lstrip()
        if stripped.startswith(("```", "~~~")):
            inside = not inside
            lines.add(line.number)
        elif inside:
            lines.add(line.number)
    return lines


def _runs(text: str, chars: str) -> list[tuple[int, int]]:
    """(start, end) of the maximal runs of ``chars``, found with literal searches."""
    positions = []
    for ch in chars:
        i = text.find(ch)
        while i != -1:
            positions.append(i)
            i = text.find(ch, i + 1)
    positions.sort()
    runs: list[tuple[int, int]] = []
    for p in positions:
        if runs and runs[-1][1] == p:
            runs[-1] = (runs[-1][0], p + 1)
        else:
            runs.append((p, p + 1))
    return runs


def _in_inline_code(line_text: str, col: int) -> bool:
    return line_text.count("`", 0, col) % 2 == 1


@lru_cache(maxsize=1024)
def _emphasis_cached(line_text: str) -> frozenset[int]:
    return _emphasis_runs(line_text)


def _emphasis_runs(line_text: str) -> frozenset[int]:
    """Columns of ASCII ``*`` runs that pair up as Markdown emphasis on a line.

    A run opens when it is left-flanking (not followed by a space, and if followed by
    punctuation then preceded by space or punctuation) and closes when right-flanking;
    an opener pairs with the next closer of the same length.
    """
    runs = list(_runs(line_text, "*"))
    if len(runs) < 2:
        return frozenset()

    def punct(ch: str) -> bool:
        return bool(ch) and not ch.isalnum() and not ch.isspace() and not is_han(ch)

    def space(ch: str) -> bool:
        return not ch or ch.isspace()

    paired: set[int] = set()
    open_runs: list[tuple[int, int]] = []
    for s, e in runs:
        before = line_text[s - 1] if s > 0 else ""
        after = line_text[e] if e < len(line_text) else ""
        left = not space(after) and (not punct(after) or space(before) or punct(before))
        right = not space(before) and (not punct(before) or space(after) or punct(after))
        match = next(
            (
                k
                for k in range(len(open_runs) - 1, -1, -1)
                if open_runs[k][1] - open_runs[k][0] == e - s
            ),
            None,
        )
        if right and match is not None:
            os_, _oe = open_runs.pop(match)
            paired.update((os_, s))
            continue
        if left:
            open_runs.append((s, e))
    return frozenset(paired)


def _star_masks(document: Document, code_lines: set[int]) -> Iterator[Mask]:
    text = document.text
    for s, e in _runs(text, STARS):
        line = document.line_at(s)
        if line.number in code_lines:
            continue
        kind = classify_star(line, s - line.start, e - line.start)
        if kind is None:
            continue
        if kind == "star":
            while e < line.end and text[e] in PERCENT:
                e += 1  # 安*%拉*%: the percent signs belong to the mask
        yield Mask(s, e, kind, line)


def classify_star(line: Line, s: int, e: int) -> str | None:
    """Classify a star run at line columns ``s..e``: ``digits``, ``star`` or None (no mask)."""
    t = line.text
    stripped = t.strip()
    if not stripped.strip("*＊ \t"):
        return None  # a section break such as *** or * * *
    if not t[:s].strip() and (e >= len(t) or t[e] in " \t"):
        return None  # a Markdown list bullet
    if _in_inline_code(t, s) or "/*" in t or "*/" in t:
        return None  # code or a comment
    # "\n" stands for the line's edge: it is in none of the character sets below
    left = t[s - 1] if s > 0 else "\n"
    right = t[e] if e < len(t) else "\n"
    after = t[e + 1] if e + 1 < len(t) else "\n"
    if right in PERCENT:
        # 安*%拉*%: stars and percent signs obfuscating a word; 增长了**%: a number
        return "star" if _OBFUSCATED.search(t) else "digits"
    # a masked date or number first: 2019年**月**日 is not Markdown emphasis of 月
    if _is_digit(left) and right in DIGIT_UNITS:
        return "digits"
    if right in "年月日号" and (_is_digit(after) or after in "日号" or left in "年月"):
        return "digits"  # **月6日, 5月**日
    if left in "年月" and right in "日号":
        return "digits"
    if left == "第" and right in ORDINAL_UNITS:
        return "digits"  # 第**届, 第*号
    if t[s] == "*" and s in _emphasis_cached(t):
        return None  # Markdown emphasis
    if left in "/\\□○" or right == "/":
        return None  # comments, escaped \* (a literal star), maths blanks □*3
    if _is_digit(left):
        return None  # 3*4, 24*多少
    if _is_ascii_alnum(left) or left in ")]}）】%":
        return None  # A*算法, x**2, (a+b)*c
    if _is_ascii_alnum(right) or _is_digit(right) or right in "(（□○":
        return None  # 角*3, 米**2, *(a+b)
    if right in ".．" and (_is_ascii_alnum(after) or _is_digit(after)):
        return None  # *.txt, **.5
    if not (is_han(left) or left in CJK_PUNCT or is_han(right) or right in CJK_PUNCT):
        return None  # no Chinese text around it
    if not is_han(left) and not is_han(right) and (left not in "、" or right not in "、"):
        return None  # between punctuation, only a whole enumeration item (、**、) counts
    if left in GLYPH_VERBS and right in GLYPH_NOUNS:
        return None  # 带*号, 标*的为必填项: the text talks about the star itself
    if ("=" in t or "＝" in t) and _in_equation(t, s, e):
        return None  # 面积=长*宽: a product written with Han variable names
    if is_han(left) and not is_han(right):
        # a star closing a word: a footnote or required-field marker (数学*、 姓名＊：)
        # unless the word cannot end there (的*。: the noun after 的 is gone)
        return "star" if left in FUNCTION_CHARS else None
    if e - s == 1 and (left in SENTENCE_END or not t[:s].strip()):
        return None  # 。＊子孙… / *您的姓名: a note or required-field mark opening a sentence
    if left in "{[【.．":
        return None  # {*下图…}, 1.*圣经: footnote syntax
    if right in "注" and not is_han(left):
        return None  # *注：…
    return "star"


def _placeholders(document: Document, code_lines: set[int]) -> Iterator[Mask]:
    text = document.text
    found: list[tuple[int, int]] = []
    for chars in ("×", "□■", "○"):
        if any(c in text for c in chars):
            found.extend(_runs(text, chars))
    if any(g in text for g in GLYPHS[len(STARS) + len(PLACEHOLDER_GLYPHS) :]):
        found.extend(_runs(text, _X))
    for s, e in sorted(found):
        left = text[s - 1] if s > 0 else "\n"
        right = text[e] if e < len(text) else "\n"
        if not (is_han(left) or is_han(right)):
            continue
        if _is_ascii_alnum(left) or _is_ascii_alnum(right) or _is_digit(left) or _is_digit(right):
            continue
        if left in "-+=*/(（<＜" or right in "-+=*/)）>＞":
            continue
        glyph = text[s]
        n = e - s
        if glyph in _X:
            if not (n >= 2 or left == "某") or right in "射光线型染":
                continue
        elif glyph == "×":
            if not (n >= 2 or left == "某"):
                continue
        elif glyph == "○" and (n < 2 or left in _CN_NUMERALS or right in _CN_NUMERALS):
            continue
        elif glyph in "□■" and n < 2:
            continue  # □苹果树有多少棵: a single box is a blank to fill in
        line = document.line_at(s)
        if line.number in code_lines:
            continue
        if glyph in "□■" and any(c in line.text for c in "=＝填"):
            continue  # a blank to fill in a maths problem
        yield Mask(s, e, "placeholder", line)
