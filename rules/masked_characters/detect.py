"""Finding placeholder glyphs and deciding, from context, which ones are masks.

One pass per document (shared by the MC rules through ``document.memo``). A run of
``*``/``＊`` is a *mask* when Han text surrounds it and no legitimate reading fits:
Markdown emphasis, list bullets, section breaks, arithmetic and exponents, footnote
or required-field stars after a word, code and comments, terms such as ``A*``. Runs
of ``×``, ``X``, ``○``, ``□``, ``■`` are *placeholders*: names left out of a template
or an anonymised text, or characters a font could not show — noted, never warned.

Linear by construction: runs of glyphs are found with literal searches and grouped
once; a star is classified from the characters next to it plus facts about its line
(a section break? a comment? where are the backticks, equals signs and clause ends?)
that are computed once per line, never by rescanning the line per star.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from typing import NamedTuple

from lint import Document, Line
from rules.vocabulary import numeral_values, placeholder_context, stop_characters

STARS = "*＊"
PLACEHOLDER_GLYPHS = "×□■○"
X_GLYPHS = ("XX", "xx", "ＸＸ", "某X", "某x", "某Ｘ")
GLYPHS = (*STARS, *PLACEHOLDER_GLYPHS, *X_GLYPHS)

# Document-level prefilters for ``Rule.triggers``: a document without any of these
# literals has no star mask (STAR_TRIGGERS) or no placeholder (PLACEHOLDER_TRIGGERS,
# single characters that every placeholder glyph or X-glyph contains).
STAR_TRIGGERS = tuple(STARS)
PLACEHOLDER_TRIGGERS = (*PLACEHOLDER_GLYPHS, "X", "x", "Ｘ")

# Characters after which a number unit shows that the masked run stood for digits.
DIGIT_UNITS = "年月日号时分秒元角万亿千百岁届期次"
# Function characters that cannot end a phrase: a star after them hides a word.
FUNCTION_CHARS = "的地得之把被对向从在于以与和及或将给为让使由跟同"
SENTENCE_END = stop_characters("sentence")  # 。！？!?
PERCENT = "%％"
# Number units after 第: 第**届 hides an ordinal.
ORDINAL_UNITS = "届期次号章节条款批名"
# 带*号, 标*的, 加*者: the star glyph named in the text, not a mask.
GLYPH_VERBS = "带标加打"
GLYPH_NOUNS = "号的者处为项"
CLAUSE_ENDS = stop_characters("clause") + "\n"  # 。，；！？,;!? and the line end
CJK_PUNCT = "、，。；：？！“”‘’「」《》（）"
_X = "XxＸｘ"
# numerals of a year or a count written in characters (not 两, which no year holds), 年 and ○
_CN_NUMERALS = "".join(c for c, v in numeral_values().items() if v <= 1000 and c != "两") + "年○"
# regular expressions, compiled on first use (``compiled``): importing costs nothing
_OBFUSCATED = r"[*＊]+[%％]+[\u4e00-\u9fff]"
_CLAUSE_END = "[" + re.escape(CLAUSE_ENDS) + "]"
_EQUALS = "[=＝]"


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled once per process, on first use."""
    return re.compile(pattern)


@cache
def _run_pattern(present: str, chars: str) -> re.Pattern[str]:
    """A pattern for runs of ``chars`` in a text where only ``present`` of them occur.

    With one glyph present the pattern opens with it as a literal, which ``re``
    searches for at memchr speed (GB/s); a class-first pattern crawls at ~300 MB/s.
    """
    if len(present) == 1:
        return re.compile(re.escape(present) + "[" + re.escape(chars) + "]*")
    return re.compile("[" + re.escape(chars) + "]+")


MAX_SHOWN = 20  # characters of a mask quoted in a message; a longer run is cut


def shown(text: str, start: int, end: int) -> str:
    """The glyphs of ``text[start:end]`` as a message quotes them, cut after ``MAX_SHOWN``."""
    if end - start <= MAX_SHOWN:
        return text[start:end]
    return f"{text[start : start + MAX_SHOWN]}…({end - start} characters)"


def in_context(text: str, mask: Mask, around: int) -> str:
    """The mask with up to ``around`` characters of its line on each side, for messages."""
    line = mask.line
    before = text[max(mask.start - around, line.start) : mask.start]
    after = text[mask.end : min(mask.end + around, line.end)]
    return before + shown(text, mask.start, mask.end) + after


def is_han(ch: str) -> bool:
    """Whether ``ch`` is a CJK unified ideograph (basic block or extension A)."""
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")


# digits, half- and full-width; ASCII letters and digits (set look-ups: the hot path)
DIGITS = frozenset("0123456789０１２３４５６７８９")
ASCII_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# after a star or a placeholder, these rule out a mask: a product, a number, a term
_ALNUM_OR_DIGIT = ASCII_ALNUM | DIGITS


class Mask(NamedTuple):
    """A run of placeholder glyphs judged to hide text: its span and its kind."""

    start: int
    end: int
    kind: str  # "digits" (a masked number), "star" (a masked word), "placeholder"
    line: Line


def masks(document: Document) -> list[Mask]:
    """Every mask in the document, in order (computed once per document)."""
    return document.memo(_find_masks)


def star_masks(document: Document) -> list[Mask]:
    """The star masks (kinds ``digits`` and ``star``), in order (once per document)."""
    return document.memo(_find_star_masks)


def placeholder_masks(document: Document) -> list[Mask]:
    """The placeholder masks (kind ``placeholder``), in order (once per document)."""
    return document.memo(_find_placeholder_masks)


def _find_masks(document: Document) -> list[Mask]:
    out = [*star_masks(document), *placeholder_masks(document)]
    out.sort(key=lambda m: m.start)
    return out


def _code_lines(document: Document) -> set[int]:
    """Numbers of the lines inside fenced code blocks, fences included (once per document)."""
    text = document.text
    if "```" not in text and "~~~" not in text:
        return set()
    return document.memo(_fenced_lines)


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
    """(start, end) of the maximal runs of ``chars`` in ``text``, found at C speed."""
    present = "".join(c for c in chars if c in text)
    if not present:
        return []
    return [m.span() for m in _run_pattern(present, chars).finditer(text)]


def _emphasis_runs(line_text: str) -> frozenset[int]:
    """Columns of ASCII ``*`` runs that pair up as Markdown emphasis on a line.

    A run opens when it is left-flanking (not followed by a space, and if followed by
    punctuation then preceded by space or punctuation) and closes when right-flanking;
    a closer pairs with the latest unpaired opener of the same length (one stack per
    length, so unmatched openers are never rescanned).
    """
    if line_text.count("*") < 2:
        return frozenset()
    runs = _runs(line_text, "*")
    if len(runs) < 2:
        return frozenset()
    kinds: dict[str, int] = {}  # character -> _SPACE, _PUNCT or _WORD
    paired: set[int] = set()
    openers: dict[int, list[int]] = {}  # run length -> starts of unpaired openers, in order
    n = len(line_text)
    for s, e in runs:
        ch = line_text[s - 1] if s > 0 else ""
        before = kinds.get(ch)
        if before is None:
            before = kinds[ch] = _flank_kind(ch)
        ch = line_text[e] if e < n else ""
        after = kinds.get(ch)
        if after is None:
            after = kinds[ch] = _flank_kind(ch)
        left = after != _SPACE and (after != _PUNCT or before != _WORD)
        right = before != _SPACE and (before != _PUNCT or after != _WORD)
        waiting = openers.get(e - s)
        if right and waiting:
            paired.update((waiting.pop(), s))
            continue
        if left:
            openers.setdefault(e - s, []).append(s)
    return frozenset(paired)


_SPACE, _PUNCT, _WORD = range(3)


def _flank_kind(ch: str) -> int:
    """Space (or the line's edge), punctuation, or a word character, for flanking rules."""
    if not ch or ch.isspace():
        return _SPACE
    if ch.isalnum() or is_han(ch):
        return _WORD
    return _PUNCT


class LineFacts:
    """What classifying a star needs to know about its whole line, computed once per line."""

    __slots__ = (
        "_clause_ends",
        "_emphasis",
        "_equals",
        "_obfuscated",
        "has_comment",
        "has_equals",
        "lead",
        "section_break",
        "text",
        "ticks",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        # a section break such as *** or * * *
        self.section_break = not text.strip().strip("*＊ \t")
        self.lead = len(text) - len(text.lstrip())  # columns before the first non-space
        self.has_comment = "/*" in text or "*/" in text
        self.has_equals = "=" in text or "＝" in text
        # columns of the backticks (inline code spans), when there are any
        self.ticks = [m.start() for m in compiled("`").finditer(text)] if "`" in text else []
        self._emphasis: frozenset[int] | None = None
        self._obfuscated: bool | None = None
        self._clause_ends: list[int] | None = None
        self._equals: list[int] | None = None

    def in_inline_code(self, col: int) -> bool:
        """Whether an odd number of backticks comes before column ``col``."""
        return bool(self.ticks) and bisect_left(self.ticks, col) % 2 == 1

    def emphasis(self) -> frozenset[int]:
        """Columns of the ASCII star runs that pair up as Markdown emphasis."""
        if self._emphasis is None:
            self._emphasis = _emphasis_runs(self.text)
        return self._emphasis

    def obfuscated(self) -> bool:
        """Whether the line holds stars and percent signs before Han text (安*%拉)."""
        if self._obfuscated is None:
            self._obfuscated = compiled(_OBFUSCATED).search(self.text) is not None
        return self._obfuscated

    def in_equation(self, s: int, e: int) -> bool:
        """Whether the clause around columns ``s..e`` holds an equals sign."""
        if not self.has_equals:
            return False
        if self._equals is None:
            self._equals = [m.start() for m in compiled(_EQUALS).finditer(self.text)]
            self._clause_ends = [m.start() for m in compiled(_CLAUSE_END).finditer(self.text)]
        ends = self._clause_ends
        assert ends is not None
        i = bisect_left(ends, s)
        lo = ends[i - 1] + 1 if i else 0
        j = bisect_left(ends, e)
        hi = ends[j] if j < len(ends) else len(self.text)
        k = bisect_left(self._equals, lo)
        return k < len(self._equals) and self._equals[k] < hi


def classify_star(line: Line, s: int, e: int) -> str | None:
    """Classify a star run at line columns ``s..e``: ``digits``, ``star`` or None (no mask)."""
    return _classify(LineFacts(line.text), s, e)


def _classify(facts: LineFacts, s: int, e: int) -> str | None:
    """Classify a star run from the characters around it and its line's facts."""
    t = facts.text
    n = len(t)
    if facts.section_break:
        return None  # a section break such as *** or * * *
    if s <= facts.lead and (e >= n or t[e] in " \t"):
        return None  # a Markdown list bullet
    if facts.has_comment or (facts.ticks and facts.in_inline_code(s)):
        return None  # code or a comment
    # "\n" stands for the line's edge: it is in none of the character sets below
    left = t[s - 1] if s > 0 else "\n"
    right = t[e] if e < n else "\n"
    after = t[e + 1] if e + 1 < n else "\n"
    if right in PERCENT:
        # 安*%拉*%: stars and percent signs obfuscating a word; 增长了**%: a number
        return "star" if facts.obfuscated() else "digits"
    left_digit = left in DIGITS
    # a masked date or number first: 2019年**月**日 is not Markdown emphasis of 月
    if left_digit and right in DIGIT_UNITS:
        return "digits"
    if right in "年月日号" and (after in DIGITS or after in "日号" or left in "年月"):
        return "digits"  # **月6日, 5月**日
    if left in "年月" and right in "日号":
        return "digits"
    if left == "第" and right in ORDINAL_UNITS:
        return "digits"  # 第**届, 第*号
    if t[s] == "*" and s in facts.emphasis():
        return None  # Markdown emphasis
    if left in "/\\□○" or right == "/":
        return None  # comments, escaped \* (a literal star), maths blanks □*3
    if left_digit:
        return None  # 3*4, 24*多少
    if left in ASCII_ALNUM or left in ")]}）】%":
        return None  # A*算法, x**2, (a+b)*c
    if right in _ALNUM_OR_DIGIT or right in "(（□○":
        return None  # 角*3, 米**2, *(a+b)
    if right in ".．" and after in _ALNUM_OR_DIGIT:
        return None  # *.txt, **.5
    left_han = "\u4e00" <= left <= "\u9fff" or "\u3400" <= left <= "\u4dbf"  # is_han
    right_han = "\u4e00" <= right <= "\u9fff" or "\u3400" <= right <= "\u4dbf"
    if not (left_han or left in CJK_PUNCT or right_han or right in CJK_PUNCT):
        return None  # no Chinese text around it
    if not left_han and not right_han and (left not in "、" or right not in "、"):
        return None  # between punctuation, only a whole enumeration item (、**、) counts
    if left in GLYPH_VERBS and right in GLYPH_NOUNS:
        return None  # 带*号, 标*的为必填项: the text talks about the star itself
    if facts.has_equals and facts.in_equation(s, e):
        return None  # 面积=长*宽: a product written with Han variable names
    if left_han and not right_han:
        # a star closing a word: a footnote or required-field marker (数学*、 姓名＊：)
        # unless the word cannot end there (的*。: the noun after 的 is gone)
        return "star" if left in FUNCTION_CHARS else None
    if e - s == 1 and (left in SENTENCE_END or s <= facts.lead):
        return None  # 。＊子孙… / *您的姓名: a note or required-field mark opening a sentence
    if left in "{[【.．":
        return None  # {*下图…}, 1.*圣经: footnote syntax
    if right in "注" and not left_han:
        return None  # *注：…
    return "star"


def _find_star_masks(document: Document) -> list[Mask]:
    text = document.text
    if "*" not in text and "＊" not in text:
        return []
    code_lines = _code_lines(document)
    lines, starts = document.lines, document.line_starts
    out: list[Mask] = []
    line = lines[0]
    facts: LineFacts | None = None
    next_start = -1  # where the line after the current one starts
    for s, e in _runs(text, STARS):
        if s >= next_start:  # the run lies on a later line: find it, take its facts once
            i = bisect_right(starts, s) - 1
            line = lines[i]
            next_start = starts[i + 1] if i + 1 < len(starts) else len(text) + 1
            facts = None if line.number in code_lines else LineFacts(line.text)
        if facts is None:
            continue  # inside a fenced code block
        kind = _classify(facts, s - line.start, e - line.start)
        if kind is None:
            continue
        if kind == "star":
            while e < line.end and text[e] in PERCENT:
                e += 1  # 安*%拉*%: the percent signs belong to the mask
        out.append(Mask(s, e, kind, line))
    return out


ROLE_GAP = " \u3000:：\t"  # what may stand between a byline role and its name
NUMBER_UNITS = "年月日岁号时分元次"  # a placeholder before these stands for a number
_ROLE_BEFORE = placeholder_context("role-before")
_CHECK_BOX = r"(?:^|[\s:：，,、;；(（])[□■]\s*[\u4e00-\u9fff]"


def after_role(text: str, start: int) -> str | None:
    """The byline role (记者, 通讯员) just before ``start``, across spaces or a colon."""
    head = text[max(start - 12, 0) : start].rstrip(ROLE_GAP)
    return next((role for role in _ROLE_BEFORE if head.endswith(role)), None)


def _has_check_boxes(line_text: str) -> bool:
    """Whether a line holds check boxes: two single boxes, or a box opening an option."""
    singles = sum(1 for m in compiled("[□■]+").finditer(line_text) if m.end() - m.start() == 1)
    return singles >= 2 or compiled(_CHECK_BOX).search(line_text) is not None


def placeholder_role(text: str, mask: Mask) -> str:
    """What a placeholder stands for, from the words around it: ``a name`` (记者×××,
    ×××同志, 尊敬的×××), ``a number`` (××年, ××岁), ``a place`` (××市),
    ``an organisation's name`` (XX公司), ``characters`` (□)."""
    after = text[mask.end : mask.end + 4]
    if after_role(text, mask.start) or after.startswith(placeholder_context("title-after")):
        return "a name"
    if text[mask.start] in "□■":
        return "characters"
    if after[:1] and after[0] in NUMBER_UNITS:
        return "a number"  # ××年××月××日, 今年××岁
    if after.startswith(placeholder_context("organisation-after")):
        return "an organisation's name"
    if after.startswith(placeholder_context("unit-after")):
        return "a place"
    return "a name or characters"


def _find_placeholder_masks(document: Document) -> list[Mask]:
    text = document.text
    found: list[tuple[int, int]] = []
    for chars in ("×", "□■", "○"):
        found.extend(_runs(text, chars))
    if any(g in text for g in X_GLYPHS):
        found.extend(_runs(text, _X))
    if not found:
        return []
    found.sort()
    code_lines = _code_lines(document)
    fill_in: dict[int, bool] = {}  # line number -> whether it is a maths fill-in problem
    out: list[Mask] = []
    boxes: dict[int, bool] = {}  # line number -> whether it holds check boxes
    for s, e in found:
        left = text[s - 1] if s > 0 else "\n"
        right = text[e] if e < len(text) else "\n"
        # 记者 ×××, 通讯员：XX: a name after a byline role, across a space or colon
        if not (is_han(left) or is_han(right)) and not (
            left in ROLE_GAP
            and right in "\n\r \u3000）)，,。：:"
            and text[s] not in "□■"  # 联系人：□□□□ is a form field of a blank template
            and after_role(text, s)
        ):
            continue
        if left in _ALNUM_OR_DIGIT or right in _ALNUM_OR_DIGIT:
            continue
        if (left in "-+=*/(（<＜" or right in "-+=*/)）>＞") and not after_role(text, s):
            continue  # (a+××): maths, unless a byline role names it (（通讯员××）)
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
        elif glyph in "□■" and n < 2 and not (is_han(left) and is_han(right)):
            continue  # □苹果树有多少棵: a single box is a blank to fill in
        line = document.line_at(s)
        if line.number in code_lines:
            continue
        if glyph in "□■" and n == 1:
            # 中华人□共和国: a lost character inside a word, unless the line holds check
            # boxes (□同意 □不同意, 请选择：□男□女: two boxes or one opening an option)
            has_boxes = boxes.get(line.number)
            if has_boxes is None:
                has_boxes = boxes[line.number] = _has_check_boxes(line.text)
            if has_boxes:
                continue
        if glyph in "□■":
            blank = fill_in.get(line.number)
            if blank is None:
                blank = fill_in[line.number] = any(c in line.text for c in "=＝填")
            if blank:
                continue  # a blank to fill in a maths problem
        out.append(Mask(s, e, "placeholder", line))
    return out
