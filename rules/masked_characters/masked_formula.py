"""MC003 masked-formula-term: a censored term inside a standard formula."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Diagnostic, Document, Edit, Fix, FixAvailability, Rule
from rules.masked_characters.detect import STAR_TRIGGERS, star_masks
from rules.masked_characters.restore import EXTEND_FORMULAS, formula_terms


class MaskedFormulaTerm(Rule):
    """A censored term inside a standard formula (``马列主义、*思想、*理论``).

    What
    ----
    A masked item of a 、-enumeration whose neighbours are the terms of a fixed
    formula of official prose, in order (马克思列宁主义、毛泽东思想、邓小平理论、
    “三个代表”重要思想…; 富强、民主、文明、和谐…). The item's position in the formula
    and its visible characters (``*思想``) must single out one term. Formulas ship in
    ``data/formulas.txt`` with their sources; add more with ``extend-formulas`` (a
    shared option: set on MC003 or MC004, it applies to both).

    Why
    ---
    Sites censor names inside these formulas, leaving text that reads as nonsense
    (``*思想``) and a corpus that silently lost words.

    Examples
    --------
    Flagged: ``用马列主义、*思想、*理论、“三个代表”重要思想武装全党`` (毛泽东思想,
    邓小平理论).

    Not flagged: ``*思想`` with no formula around it (see MC004), the full formula
    written out.

    Fix
    ---
    Unsafe: writes the term back. It is almost certainly right, but the text
    itself does not contain the term, so a human should confirm.
    """

    code = "MC003"
    name = "masked-formula-term"
    family = "masked-characters"
    fix_availability = FixAvailability.ALWAYS
    triggers = STAR_TRIGGERS
    options = (EXTEND_FORMULAS,)

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Report each masked item that a formula restores."""
        restored = formula_terms(document, self.settings["extend-formulas"])
        if not restored:
            return
        for m in star_masks(document):
            found = restored.get(m.start)
            if found is None:
                continue
            yield self.report(
                m.start,
                m.end,
                f"masked term `{found.item}` in the formula {found.formula.text}:"
                f" it was {found.term}",
                fix=Fix.unsafe(f"Restore {found.term}", Edit(m.start, m.end, found.fill)),
            )
