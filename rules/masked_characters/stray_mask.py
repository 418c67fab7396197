"""MC002 stray-mask-in-word: a stray ``*`` inside a known word or idiom."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Diagnostic, Document, Edit, Fix, FixSafety, Option, Rule
from rules.masked_characters.detect import masks
from rules.masked_characters.lexicon import words
from rules.masked_characters.restore import stray_word


class StrayMaskInWord(Rule):
    """A stray placeholder star inside a known word or idiom (``献计*献策``).

    What
    ----
    A single ``*`` or ``＊`` between Han characters where deleting it leaves a word
    of the lexicon: at least four characters long, with at least two of them on
    each side of the star (``献计*献策`` → ``献计献策``). The lexicon is every word of
    four or more Han characters in jieba's dictionary (91,939 words), plus the
    ``extend-words`` option.

    Why
    ---
    Scraped pages carry stray marks (watermark dots, leftovers of masking) that
    split words. They break tokenisation and dictionary look-ups downstream.

    Examples
    --------
    Flagged: ``希望大家献计*献策``, ``实事*求是``.

    Not flagged: ``*思想`` (a masked term, see MC003), ``会议*的内容`` (nothing to
    restore, see MC004), ``注*``, ``3*4``.

    Fix
    ---
    Safe: deletes the star. A word of four or more characters running across the
    star, two or more on each side, is not something a hidden character could
    have been inside, so the deletion restores exactly what the author wrote.
    """

    code = "MC002"
    name = "stray-mask-in-word"
    family = "masked-characters"
    fix_safety = FixSafety.SAFE
    options = (
        Option(
            "extend-words", list, (), "more words (4+ Han characters) that a stray star may split"
        ),
    )

    def setup(self) -> None:
        """Build the lexicon with any extra words."""
        self.words = words(tuple(self.settings["extend-words"]))

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Report each star mask whose deletion restores a lexicon word."""
        text = document.text
        for m in masks(document):
            word = stray_word(text, m, self.words)
            if word is not None:
                yield self.report(
                    m.start,
                    m.end,
                    f"stray `{text[m.start : m.end]}` inside the word {word}",
                    fix=Fix.safe(f"Delete the stray mark (restores {word})", Edit(m.start, m.end)),
                )
