"""Deciding what a masked star stood for: a stray mark inside a word, or a formula term."""

from __future__ import annotations

from dataclasses import dataclass

from rules.masked_characters.detect import Mask, is_han
from rules.masked_characters.lexicon import MAX_WORD, MIN_SIDE, MIN_WORD, Formula, Lexicon

ITEM_SEPARATOR = "、"
MIN_ANCHORS = 2  # neighbouring items that must be terms of the formula
SEGMENT_ENDS = "。，,；;！？!?：:\n"


@dataclass(frozen=True, slots=True)
class StrayWord:
    """The lexicon word that deleting a stray mask gives, and whether that is proof."""

    word: str
    split: int  # characters of the word before the mask
    proof: bool
    doubt: str  # why it is not proof ("" when it is)


def _han_run(text: str, start: int, end: int) -> bool:
    return all(is_han(c) for c in text[start:end])


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
    s, e = mask.start, mask.end
    if mask.kind != "star" or e - s != 1:
        return None
    found: list[tuple[int, int, str, int]] = []  # (start, end, word, split) after deletion
    for n in range(MAX_WORD, MIN_WORD - 1, -1):
        for k in range(1, n):
            lo, hi = s - k, e + n - k
            if lo < 0 or hi > len(text):
                continue
            word = text[lo:s] + text[e:hi]
            if word in lexicon and _han_run(word, 0, n):
                found.append((lo, hi, word, k))
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


@dataclass(frozen=True, slots=True)
class Restoration:
    """A formula term that a masked item must have been."""

    formula: Formula
    term: str
    fill: str  # what replaces the mask
    item: str  # the masked item as written (*思想)


def _segment(text: str, mask: Mask) -> tuple[int, int]:
    lo = mask.line.start
    hi = mask.line.end
    start = max((text.rfind(c, lo, mask.start) for c in SEGMENT_ENDS), default=-1)
    start = max(start + 1, lo)
    ends = [i for c in SEGMENT_ENDS if (i := text.find(c, mask.end, hi)) != -1]
    return start, min(ends, default=hi)


def _matches(item: str, alt: str, first: bool, last: bool) -> bool:
    return item == alt or (first and item.endswith(alt)) or (last and item.startswith(alt))


def formula_term(text: str, mask: Mask, formulas: tuple[Formula, ...]) -> Restoration | None:
    """The term of a standard formula that a masked enumeration item stands for.

    At least two of the item's neighbours in the same 、-enumeration must be terms
    of one formula, in its order; the masked item sits at the formula position they
    imply and its visible characters must fit that term. The formula with the most
    anchors decides, and only when it leaves a single possible term.
    """
    if mask.kind != "star":
        return None
    seg_start, seg_end = _segment(text, mask)
    segment = text[seg_start:seg_end]
    if ITEM_SEPARATOR not in segment:
        return None
    items, pos = [], seg_start
    for part in segment.split(ITEM_SEPARATOR):
        items.append((pos, pos + len(part), part))
        pos += len(part) + 1
    j = next(i for i, (a, b, _) in enumerate(items) if a <= mask.start < b)
    m_start, m_end, _ = items[j]
    prefix, suffix = text[m_start : mask.start], text[mask.end : m_end]
    # formula → restorations, with the number of neighbouring items that anchor it
    scored: list[tuple[int, Restoration]] = []
    for formula in formulas:
        offsets = []
        for p, (_, _, item) in enumerate(items):
            if p == j:
                continue
            first, last = p == 0, p == len(items) - 1
            for q, term in enumerate(formula.terms):
                if any(_matches(item, alt, first, last) for alt in term):
                    offsets.append(q - p)
        if len(set(offsets)) != 1 or len(offsets) < MIN_ANCHORS:
            continue
        t = j + offsets[0]
        if not 0 <= t < len(formula.terms):
            continue
        for alt in formula.terms[t]:
            if (
                alt.startswith(prefix)
                and alt.endswith(suffix)
                and len(alt) > len(prefix) + len(suffix)
            ):
                fill = alt[len(prefix) : len(alt) - len(suffix)]
                item = prefix + text[mask.start : mask.end] + suffix
                scored.append((len(offsets), Restoration(formula, alt, fill, item)))
                break
    if not scored:
        return None
    best = max(n for n, _ in scored)
    fills = {r.fill: r for n, r in scored if n == best}
    return next(iter(fills.values())) if len(fills) == 1 else None
