"""DL005 repeated-sentence: a sentence immediately repeated within a paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from lint import Diagnostic, Document, Edit, Fix, FixAvailability, Rule
from rules.vocabulary import stop_characters

# a sentence: anything up to its end marks (the vocabulary's sentence stops, 。！？!?) and a
# closing quote; the tail of a line without an end mark is a last "sentence" too, so that
# offsets stay exact
SENTENCE = r"[^{ends}]*[{ends}]+[”’\"]*|[^{ends}]+$"
MIN_CHARS = 12

# Where to look: with every end mark made 。, a sentence said twice in a row reads …
# last words。…, the same last words。. One forward search tries every 。 that follows
# ``_TAIL`` characters without an end mark: the next 。 must follow the same ``_TAIL``
# characters (a lookbehind that refers to them; the sentence between is crossed once).
# Two cases are kept as well: runs of end marks (。 right after 。), and copies whose
# words are shorter than ``_TAIL`` (mostly end marks and closing quotes then: more than
# MIN_CHARS - _TAIL of them after 。). Only the lines found so are split into sentences.
_TAIL = 6
_MAY_REPEAT = (
    f'。(?:(?=。|[。”’"]{{{MIN_CHARS - _TAIL}}})|(?<=([^。]{{{_TAIL}}})。)[^。]*+(?<=\\1)(?=。))'
)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], str]:
    """SENTENCE and _MAY_REPEAT, compiled on first use, and the end marks other than 。."""
    ends = stop_characters("sentence")
    sentence = re.compile(SENTENCE.format(ends=re.escape(ends)))
    return sentence, re.compile(_MAY_REPEAT), ends.replace("。", "")


def repeat_candidates(text: str) -> list[int]:
    """Offsets of end marks near which a sentence may directly repeat the one before it.

    Every repeat lies on the line of one of these offsets (a superset: most are not).
    """
    if len(text) < 2 * MIN_CHARS:
        return []  # two sentences of MIN_CHARS characters do not fit
    _, may_repeat, other_ends = _patterns()
    for c in other_ends:
        if c in text:  # (cheaper than replacing in a text without it)
            text = text.replace(c, "。")
    first = may_repeat.search(text)
    if first is None:
        return []
    return [m.start() for m in may_repeat.finditer(text, first.start())]


class RepeatedSentence(Rule):
    """A sentence immediately repeated verbatim in the same paragraph.

    What
    ----
    Two consecutive sentences (ending in 。！？) of the same line that are identical,
    at least twelve characters long (shorter ones repeat legitimately: flattened
    table rows, exclamations).

    Why
    ---
    Copy-paste and scraping duplicate sentences; the text reads as a stutter.

    Examples
    --------
    Flagged: ``要加强作风建设，提高工作质量。要加强作风建设，提高工作质量。``

    Not flagged: ``谢谢。谢谢。`` (short), the same sentence in two paragraphs,
    ``好好学习。天天向上。``.

    Fix
    ---
    Safe: deletes the repeat. A sentence said twice in a row is a paste error.
    """

    code = "DL005"
    name = "repeated-sentence"
    family = "list-items"
    fix_availability = FixAvailability.ALWAYS

    def check(self, document: Document) -> list[Diagnostic]:
        """Report each sentence equal to the one before it."""
        found = repeat_candidates(document.text)
        return list(self._check(document.text, sorted(found))) if found else []

    def _check(self, text: str, candidates: list[int]) -> Iterator[Diagnostic]:
        end = -1  # the end of the last line checked
        for pos in candidates:
            if pos <= end:
                continue  # on a line already checked
            start = text.rfind("\n", max(end, 0), pos) + 1
            end = text.find("\n", pos)
            if end == -1:
                end = len(text)
            stop = end - 1 if end > start and text[end - 1] == "\r" else end
            yield from self._line(start, text[start:stop])

    def _line(self, start: int, line: str) -> Iterator[Diagnostic]:
        """The repeats of one line (its text without the line break)."""
        sentences = _patterns()[0].findall(line)
        if len(sentences) < 2 or len(set(sentences)) == len(sentences):
            return  # no sentence occurs twice on this line
        prev = None
        for sentence in sentences:
            end = start + len(sentence)
            body = sentence.strip()
            if prev == body and len(body) >= MIN_CHARS:
                yield self.report(
                    start,
                    end,
                    f"sentence repeated: `{body[:30]}` directly repeats the one before",
                    fix=Fix.safe("Delete the repeated sentence", Edit(start, end)),
                )
            prev, start = body, end
