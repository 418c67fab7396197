"""MC004 masked-text: a placeholder star that hides unknown text."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Diagnostic, Document, Option, Rule
from rules.masked_characters.detect import masks
from rules.masked_characters.lexicon import formulas, words
from rules.masked_characters.restore import formula_term, stray_word


class MaskedText(Rule):
    """A placeholder star that hides text nobody can restore (``掀起“创先争优”的*。``).

    What
    ----
    A run of ``*`` or ``＊`` in Han text that no legitimate reading explains and
    that neither MC001 (digits), MC002 (a stray mark in a word) nor MC003 (a formula
    term) accounts for: a censored word (``**有潜力``), a noun lost after 的
    (``的*。``), a mark between words (``会议*的内容``).

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
    options = (
        Option(
            "extend-words",
            list,
            (),
            "words added to MC002's lexicon: give MC002's list here too, so that MC004"
            " leaves the stars MC002 explains to it",
        ),
        Option(
            "extend-formulas",
            list,
            (),
            "formulas added to MC003's list: give MC003's list here too, so that MC004"
            " leaves the masked terms MC003 restores to it",
        ),
    )

    def setup(self) -> None:
        """Load the lexicons MC002 and MC003 use, with the same extensions."""
        self.words = words(tuple(self.settings["extend-words"]))
        self.formulas = formulas(tuple(self.settings["extend-formulas"]))

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Report star masks that the other MC rules do not explain."""
        text = document.text
        for m in masks(document):
            if m.kind != "star":
                continue
            if stray_word(text, m, self.words) or formula_term(text, m, self.formulas):
                continue
            context = text[max(m.start - 6, m.line.start) : min(m.end + 6, m.line.end)]
            yield self.report(
                m.start,
                m.end,
                f"masked text: `{text[m.start : m.end]}` in `{context}` hides characters"
                " that cannot be recovered",
            )
