"""MC004 masked-text: a placeholder star that hides unknown text."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Diagnostic, Document, Rule
from rules.masked_characters.detect import STAR_TRIGGERS, in_context, shown, star_masks
from rules.masked_characters.restore import (
    EXTEND_FORMULAS,
    EXTEND_WORDS,
    formula_terms,
    stray_words,
)


class MaskedText(Rule):
    """A placeholder star that hides text nobody can restore (``掀起“创先争优”的*。``).

    What
    ----
    A run of ``*`` or ``＊`` in Han text that no legitimate reading explains and
    that neither MC001 (digits), MC002 (a stray mark in a word) nor MC003 (a formula
    term) accounts for: a censored word (``**有潜力``), a noun lost after 的
    (``的*。``), a mark between words (``会议*的内容``). It reads MC002's
    ``extend-words`` and MC003's ``extend-formulas``: both are shared options, so a
    list set on any of the three rules applies to all of them.

    Why
    ---
    The sentence is incomplete or carries an unexplained mark; a corpus should
    know which documents lost text, and where.

    Examples
    --------
    Flagged: ``掀起“创先争优”的*。``, ``宣传今天会议*的内容``, ``西藏*富传奇色彩``.

    Not flagged: ``**粗体**`` and ``*斜体*`` (Markdown), ``* 列表项``, ``***`` on its
    own line, ``3*4``, ``A*算法``, ``数学*、化学*`` and ``姓名＊：`` (footnote and
    required-field marks after a word), ``/* 注释 */``.

    Fix
    ---
    None: what was hidden is unknown. Deleting the star would hide the damage.
    """

    code = "MC004"
    name = "masked-text"
    family = "masked-characters"
    triggers = STAR_TRIGGERS
    # the same shared options as MC002 and MC003: the three rules read one analysis
    options = (EXTEND_WORDS, EXTEND_FORMULAS)

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Report star masks that the other MC rules do not explain."""
        found = star_masks(document)
        if not any(m.kind == "star" for m in found):
            return
        text = document.text
        strays = stray_words(document, self.settings["extend-words"])
        restored = formula_terms(document, self.settings["extend-formulas"])
        for m in found:
            if m.kind != "star" or m.start in strays or m.start in restored:
                continue
            yield self.report(
                m.start,
                m.end,
                f"masked text: `{shown(text, m.start, m.end)}` in `{in_context(text, m, 6)}`"
                " hides characters"
                " that cannot be recovered",
            )
