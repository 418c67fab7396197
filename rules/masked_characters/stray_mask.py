"""MC002 stray-mask-in-word: a stray ``*`` inside a known word or idiom."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Diagnostic, Document, Edit, Fix, FixAvailability, Rule
from rules.masked_characters.detect import STAR_TRIGGERS, star_masks
from rules.masked_characters.restore import EXTEND_WORDS, stray_words


class StrayMaskInWord(Rule):
    """A stray placeholder star inside a known word or idiom (``献计*献策``).

    What
    ----
    A single ``*`` or ``＊`` between Han characters where deleting it leaves a word
    of the lexicon at least four characters long, with at least two of them on each
    side of the star (``献计*献策`` → ``献计献策``). The lexicon
    (``rules/masked_characters/data/words.txt``, built by
    ``python -m rules.masked_characters.build_lexicon``) is every word of four or
    more Han characters in jieba 0.42.1's dictionary (91,939 words; MIT licence),
    among them the 22,615 idioms (成语) jieba tags ``i``, plus the ``extend-words``
    option (shared: set on MC002 or MC004, it applies to both).

    The deletion is *proof* that nothing was hidden (a safe fix) only when all hold:

    - the word is attested (jieba frequency 10 or more, or an idiom: a four-character
      idiom is a fixed expression whatever its frequency) and the star splits it
      where at least one side is not a common free-standing word: 献计|献策,
      实事|求是, 与时|俱进 are bound halves of a fixed expression, so no word can
      have stood between them; the side after the star opens with no negation or
      adverb (不冷|不热 may be 不冷也不热); the word has fewer than two numerals
      (百分之十五 may be 百分之三十五) unless it is an idiom (三心二意), and is not a
      person's name;
    - no other lexicon word crosses the star unless it lies inside the word;
    - the text with the star kept does not parse better: no lexicon word ends at
      the star reaching further left, or starts at it reaching further right
      (``多此一举*成名`` reads 多此一举 | 成名).

    Otherwise the finding carries an unsafe fix: ``艰苦*奋斗`` gives 艰苦奋斗, but
    艰苦 and 奋斗 stand on their own and 艰苦地奋斗 is a sentence too. Words added
    through ``extend-words`` are trusted as fixed expressions at every split.

    Why
    ---
    Scraped pages carry stray marks (watermark dots, leftovers of masking) that
    split words. They break tokenisation and dictionary look-ups downstream, and
    tools that delete every ``*`` cannot tell them from real masks.

    Examples
    --------
    Flagged, safe fix: ``希望大家献计*献策``, ``实事*求是``, ``与时*俱进``,
    ``三心*二意``, ``九死*一生`` (idioms).

    Flagged, unsafe fix: ``发扬艰苦*奋斗的作风``, ``留下深刻*印象`` (深刻的印象?).

    Not flagged: ``实*事求是`` (one character on a side: see MC004), ``献计**献策``
    (two glyphs), ``*思想`` (a masked term, see MC003), ``会议*的内容`` (nothing to
    restore, see MC004), ``注*``, ``3*4``.

    Fix
    ---
    Deletes the star: safe when the deletion is proof as above, unsafe otherwise.
    """

    code = "MC002"
    name = "stray-mask-in-word"
    family = "masked-characters"
    fix_availability = FixAvailability.ALWAYS
    triggers = STAR_TRIGGERS
    options = (EXTEND_WORDS,)

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Report each star mask whose deletion gives a lexicon word."""
        text = document.text
        found_words = stray_words(document, self.settings["extend-words"])
        if not found_words:
            return
        for m in star_masks(document):
            found = found_words.get(m.start)
            if found is None:
                continue
            glyph = text[m.start : m.end]
            edit = Edit(m.start, m.end)
            if found.proof:
                message = f"stray `{glyph}` inside the word {found.word}"
                fix = Fix.safe(f"Delete the stray mark (restores {found.word})", edit)
            else:
                message = (
                    f"stray `{glyph}` inside the word {found.word}?"
                    f" Not certain: {found.doubt}, a hidden word may have stood here"
                )
                fix = Fix.unsafe(f"Delete the mark (gives {found.word})", edit)
            yield self.report(m.start, m.end, message, fix=fix)
