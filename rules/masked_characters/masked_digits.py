"""MC001 masked-digits: digits of a date or number replaced by ``*``."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Diagnostic, Document, Rule
from rules.masked_characters.detect import STAR_TRIGGERS, in_context, shown, star_masks


class MaskedDigits(Rule):
    """Digits of a date or number replaced by placeholder stars (``**月6日``, ``20**年``).

    What
    ----
    A run of ``*`` or ``＊`` that stands where digits belong: before a date or number
    unit (年 月 日 号 元 万 岁 …) after digits (``20**年``, ``1**元``), or as the month
    or day of a date (``**月6日``, ``5月**日``).

    Why
    ---
    Sites mask dates and amounts they do not want indexed. The number is lost: a
    corpus that keeps the text keeps a claim it cannot check, and tools that
    delete every ``*`` turn ``**月6日`` into ``月6日``, erasing the evidence.

    Examples
    --------
    Flagged: ``**月6日以来``, ``20**年``, ``共计1**元``, ``5月**日``.

    Not flagged: ``3*4=12`` (arithmetic), ``48m**3`` (exponent), ``**2023年**``
    (Markdown bold), ``40*68与24*多少`` (a product with an unknown).

    Fix
    ---
    None: the digits cannot be recovered from the text.
    """

    code = "MC001"
    name = "masked-digits"
    family = "masked-characters"
    triggers = STAR_TRIGGERS

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Report each mask classified as hiding digits."""
        text = document.text
        for m in star_masks(document):
            if m.kind == "digits":
                yield self.report(
                    m.start,
                    m.end,
                    f"masked digits `{shown(text, m.start, m.end)}` in `{in_context(text, m, 4)}`:"
                    " the number was replaced by placeholder stars and is lost",
                )
