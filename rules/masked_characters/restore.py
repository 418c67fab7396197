"""Deciding what a masked star stood for: a stray mark inside a word, or a formula term.

Both decisions are made once per document and per option set (``stray_words`` and
``formula_terms`` go through ``document.memo`` keyed by the ``extend-words`` and
``extend-formulas`` values), so MC002, MC003 and MC004 share them. Each is bounded: a
stray word looks at ``MAX_WORD`` characters on each side of the star; a formula term
needs the 、-enumeration around the star, which is split and matched against the
formulas once per clause, however many stars the clause holds.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from lint import Document, Option
from rules.masked_characters.detect import Mask, compiled, is_han, shown, star_masks
from rules.masked_characters.lexicon import (
    MAX_WORD,
    MIN_SIDE,
    MIN_WORD,
    Formula,
    Lexicon,
    formulas,
    words,
)

ITEM_SEPARATOR = "、"
MIN_ANCHORS = 2  # neighbouring items that must be terms of the formula
SEGMENT_ENDS = "。，,；;！？!?：:\n"
_SEGMENT_END = "[" + re.escape(SEGMENT_ENDS) + "]"

# Shared by MC002 and MC004 (MC004 leaves the stars that MC002 explains): set on either
# rule in the config, it reaches both, and both read one stray-word analysis.
EXTEND_WORDS = Option(
    "extend-words",
    list,
    (),
    "more words (4+ characters) that a stray star may split; trusted at every split"
    " (shared by MC002 and MC004)",
    shared=True,
)

# Shared by MC003 and MC004 (MC004 leaves the terms that MC003 restores): set on either
# rule in the config, it reaches both, and both read one formula analysis.
EXTEND_FORMULAS = Option(
    "extend-formulas",
    list,
    (),
    "more formulas, each as 'term、term|alternative、term' (shared by MC003 and MC004)",
    shared=True,
)


# Records are NamedTuples, not dataclasses: a fifth of the cost to define at start-up.
class StrayWord(NamedTuple):
    """The lexicon word that deleting a stray mask gives, and whether that is proof."""

    word: str
    split: int  # characters of the word before the mask
    proof: bool
    doubt: str  # why it is not proof ("" when it is)


def may_be_stray(text: str, mask: Mask) -> bool:
    """Whether a mask could be a stray mark: one star with two Han characters on each side.

    ``stray_word`` can only find a word when this holds, so callers test it before
    loading the lexicon.
    """
    s, e = mask.start, mask.end
    if mask.kind != "star" or e - s != 1 or s < MIN_SIDE or e + MIN_SIDE > len(text):
        return False
    for i in range(MIN_SIDE):  # nearest characters first: they rule most stars out
        a, b = text[s - 1 - i], text[e + i]
        if not ("\u4e00" <= a <= "\u9fff" or "\u3400" <= a <= "\u4dbf"):  # is_han(a)
            return False
        if not ("\u4e00" <= b <= "\u9fff" or "\u3400" <= b <= "\u4dbf"):
            return False
    return True


def stray_word(text: str, mask: Mask, lexicon: Lexicon) -> StrayWord | None:
    """The lexicon word that deleting a single-glyph mask gives (献计*献策 → 献计献策).

    The mask must be one glyph between Han characters, and the word at least
    ``MIN_WORD`` characters with at least ``MIN_SIDE`` of them on each side (the longest
    such word wins). Deleting is *proof* that nothing was hidden when all of these hold:

    - the word lists the split as a proof split (``build_lexicon``: an attested word
      whose halves cannot stand apart, so nothing can have stood between them);
    - no other lexicon word crossing the mask overlaps it without lying inside it (the
      joined text would segment two ways);
    - with the mask kept, no lexicon word ends at the mask reaching left of the word, and
      none starts at it reaching right of the word (the kept text already parses into
      whole words on each side: 多此一举*成名 reads 多此一举 | 成名).
    """
    if not may_be_stray(text, mask):
        return None
    s, e = mask.start, mask.end
    # the Han characters next to the mask, up to a word's length on each side: every
    # candidate word is made of them
    left = text[max(s - MAX_WORD + 1, 0) : s]
    right = text[e : e + MAX_WORD - 1]
    n_left = n_right = 0
    while n_left < len(left) and is_han(left[-1 - n_left]):
        n_left += 1
    while n_right < len(right) and is_han(right[n_right]):
        n_right += 1
    found: list[tuple[int, int, str, int]] = []  # (start, end, word, split) after deletion
    for n in range(MAX_WORD, MIN_WORD - 1, -1):
        for k in range(max(1, n - n_right), min(n - 1, n_left) + 1):
            word = left[len(left) - k :] + right[: n - k]
            if word in lexicon:
                found.append((s - k, e + n - k, word, k))
    best = next(
        ((lo, hi, w, k) for lo, hi, w, k in found if MIN_SIDE <= k <= len(w) - MIN_SIDE), None
    )
    if best is None:
        return None
    lo, hi, word, k = best
    if k not in lexicon[word]:
        return StrayWord(word, k, False, f"{word[:k]} and {word[k:]} can stand apart")
    for olo, ohi, other, _ in found:
        if not (lo <= olo and ohi <= hi):
            return StrayWord(word, k, False, f"the text also reads {other}")
    for m in range(k + 1, MAX_WORD + 1):
        left = text[max(s - m, 0) : s]
        if len(left) == m and left in lexicon:
            return StrayWord(word, k, False, f"{left} ends at the mark")
    for m in range(len(word) - k + 1, MAX_WORD + 1):
        right = text[e : e + m]
        if len(right) == m and right in lexicon:
            return StrayWord(word, k, False, f"{right} starts at the mark")
    return StrayWord(word, k, True, "")


def stray_words(document: Document, extra_words: tuple[str, ...] = ()) -> dict[int, StrayWord]:
    """Start of each star mask → the stray word it splits (once per document and word list)."""
    return document.memo(_find_stray_words, tuple(extra_words))


def _find_stray_words(document: Document, extra_words: tuple[str, ...]) -> dict[int, StrayWord]:
    text = document.text
    out: dict[int, StrayWord] = {}
    lexicon: Lexicon | None = None  # loaded on the first star that needs a look-up
    for mask in star_masks(document):
        if not may_be_stray(text, mask):
            continue
        if lexicon is None:
            lexicon = words(extra_words)
        found = stray_word(text, mask, lexicon)
        if found is not None:
            out[mask.start] = found
    return out


class Restoration(NamedTuple):
    """A formula term that a masked item must have been."""

    formula: Formula
    term: str
    fill: str  # what replaces the mask
    item: str  # the masked item as written (*思想)


class FormulaIndex(NamedTuple):
    """The terms of a list of formulas, indexed for matching enumeration items."""

    formulas: tuple[Formula, ...]
    exact: dict[str, tuple[tuple[int, int], ...]]  # spelling -> (formula, term) pairs
    spellings: tuple[tuple[str, int, int], ...]  # every (spelling, formula, term)


def index_formulas(found: tuple[Formula, ...]) -> FormulaIndex:
    """Index every spelling of every term of ``found`` by its text."""
    exact: dict[str, list[tuple[int, int]]] = {}
    spellings = []
    for fi, formula in enumerate(found):
        for q, term in enumerate(formula.terms):
            for alt in term:
                spellings.append((alt, fi, q))
                pairs = exact.setdefault(alt, [])
                if (fi, q) not in pairs:
                    pairs.append((fi, q))
    return FormulaIndex(found, {k: tuple(v) for k, v in exact.items()}, tuple(spellings))


@cache
def formula_index(extra_formulas: tuple[str, ...] = ()) -> FormulaIndex:
    """The shipped formulas plus ``extra_formulas``, indexed (once per process and option)."""
    return index_formulas(formulas(extra_formulas))


class Enumeration:
    """The 、-items of one clause, and which formula terms each item can be.

    Built once per clause: the anchors of a formula (items that are its terms) are
    counted by the formula position they imply, so a masked item reads them minus its
    own contribution instead of re-matching every item of the clause.
    """

    __slots__ = ("_candidates", "_counts", "_hits", "_totals", "ends", "index", "starts")

    def __init__(self, text: str, start: int, end: int, index: FormulaIndex) -> None:
        self.index = index
        self.starts: list[int] = [start]
        self.ends: list[int] = []
        i = text.find(ITEM_SEPARATOR, start, end)
        while i != -1:
            self.ends.append(i)
            self.starts.append(i + 1)
            i = text.find(ITEM_SEPARATOR, i + 1, end)
        self.ends.append(end)
        last = len(self.starts) - 1
        self._hits: list[tuple[tuple[int, int], ...]] = []
        # formula -> {offset (term - item position) -> anchors}, and anchors in all
        self._counts: dict[int, dict[int, int]] = {}
        self._totals: dict[int, int] = {}
        most: dict[int, int] = {}  # formula -> most terms one item matches
        for p, (a, b) in enumerate(zip(self.starts, self.ends, strict=True)):
            hits = _item_hits(text[a:b], index, first=p == 0, last=p == last)
            self._hits.append(hits)
            per_formula: dict[int, int] = {}
            for fi, q in hits:
                counts = self._counts.setdefault(fi, {})
                counts[q - p] = counts.get(q - p, 0) + 1
                self._totals[fi] = self._totals.get(fi, 0) + 1
                per_formula[fi] = per_formula.get(fi, 0) + 1
            for fi, n in per_formula.items():
                most[fi] = max(most.get(fi, 0), n)
        # only these formulas can leave one implied position with enough anchors once
        # the masked item's own matches are taken out
        self._candidates = sorted(
            fi
            for fi, total in self._totals.items()
            if total >= MIN_ANCHORS and len(self._counts[fi]) <= 1 + most[fi]
        )

    def restore(self, text: str, mask: Mask) -> Restoration | None:
        """The single term that the formulas anchored around ``mask`` put in its place."""
        if not self._candidates:
            return None
        j = bisect_right(self.starts, mask.start) - 1
        m_start, m_end = self.starts[j], self.ends[j]
        n_prefix, n_suffix = mask.start - m_start, m_end - mask.end
        own: dict[int, dict[int, int]] = {}
        for fi, q in self._hits[j]:
            mine = own.setdefault(fi, {})
            mine[q - j] = mine.get(q - j, 0) + 1
        formulas_ = self.index.formulas
        scored: list[tuple[int, Restoration]] = []
        for fi in self._candidates:
            mine = own.get(fi, {})
            anchors = self._totals[fi] - sum(mine.values())
            if anchors < MIN_ANCHORS:
                continue
            offsets = [o for o, c in self._counts[fi].items() if c > mine.get(o, 0)]
            if len(offsets) != 1:
                continue
            t = j + offsets[0]
            terms = formulas_[fi].terms
            if not 0 <= t < len(terms):
                continue
            for alt in terms[t]:
                if len(alt) <= n_prefix + n_suffix:
                    continue
                prefix, suffix = text[m_start : mask.start], text[mask.end : m_end]
                if alt.startswith(prefix) and alt.endswith(suffix):
                    fill = alt[n_prefix : len(alt) - n_suffix]
                    item = prefix + shown(text, mask.start, mask.end) + suffix
                    scored.append((anchors, Restoration(formulas_[fi], alt, fill, item)))
                    break
        if not scored:
            return None
        best = max(n for n, _ in scored)
        fills = {r.fill: r for n, r in scored if n == best}
        return next(iter(fills.values())) if len(fills) == 1 else None


def _item_hits(
    item: str, index: FormulaIndex, *, first: bool, last: bool
) -> tuple[tuple[int, int], ...]:
    """The (formula, term) pairs an item can be: the term itself, or at the clause's edges
    a first item ending with it or a last item starting with it."""
    hits = index.exact.get(item, ())
    if not (first or last):
        return hits
    more = [
        (fi, q)
        for alt, fi, q in index.spellings
        if (first and item.endswith(alt)) or (last and item.startswith(alt))
    ]
    if not more:
        return hits
    return tuple(dict.fromkeys((*hits, *more)))


def _segment(text: str, mask: Mask) -> tuple[int, int]:
    lo = mask.line.start
    hi = mask.line.end
    start = max((text.rfind(c, lo, mask.start) for c in SEGMENT_ENDS), default=-1)
    start = max(start + 1, lo)
    ends = [i for c in SEGMENT_ENDS if (i := text.find(c, mask.end, hi)) != -1]
    return start, min(ends, default=hi)


def formula_term(text: str, mask: Mask, formulas: tuple[Formula, ...]) -> Restoration | None:
    """The term of a standard formula that a masked enumeration item stands for.

    At least two of the item's neighbours in the same 、-enumeration must be terms
    of one formula, in its order; the masked item sits at the formula position they
    imply and its visible characters must fit that term. The formula with the most
    anchors decides, and only when it leaves a single possible term. (For one mask;
    ``formula_terms`` does every mask of a document, each clause once.)
    """
    if mask.kind != "star":
        return None
    seg_start, seg_end = _segment(text, mask)
    if text.find(ITEM_SEPARATOR, seg_start, seg_end) == -1:
        return None
    return Enumeration(text, seg_start, seg_end, index_formulas(formulas)).restore(text, mask)


def formula_terms(
    document: Document, extra_formulas: tuple[str, ...] = ()
) -> dict[int, Restoration]:
    """Start of each star mask → the formula term it restores (once per document and list)."""
    return document.memo(_find_formula_terms, tuple(extra_formulas))


def _masks_by_line(found: list[Mask]) -> Iterator[list[Mask]]:
    group: list[Mask] = []
    for m in found:
        if group and group[-1].line.number != m.line.number:
            yield group
            group = []
        group.append(m)
    if group:
        yield group


def _find_formula_terms(
    document: Document, extra_formulas: tuple[str, ...]
) -> dict[int, Restoration]:
    text = document.text
    out: dict[int, Restoration] = {}
    for group in _masks_by_line(star_masks(document)):
        line = group[0].line
        if ITEM_SEPARATOR not in line.text:
            continue
        stars = [m for m in group if m.kind == "star"]
        if not stars:
            continue
        ends = [m.start() for m in compiled(_SEGMENT_END).finditer(text, line.start, line.end)]
        clauses: dict[int, Enumeration | None] = {}  # clause start -> its enumeration
        for mask in stars:
            i = bisect_left(ends, mask.start)
            seg_start = ends[i - 1] + 1 if i else line.start
            if seg_start not in clauses:
                j = bisect_left(ends, mask.end)
                seg_end = ends[j] if j < len(ends) else line.end
                has_items = text.find(ITEM_SEPARATOR, seg_start, seg_end) != -1
                clauses[seg_start] = (
                    Enumeration(text, seg_start, seg_end, formula_index(extra_formulas))
                    if has_items
                    else None
                )
            enumeration = clauses[seg_start]
            if enumeration is None:
                continue
            found = enumeration.restore(text, mask)
            if found is not None:
                out[mask.start] = found
    return out
