"""DL005 repeated-sentence: a sentence immediately repeated within a paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint import Diagnostic, Document, Edit, Fix, FixSafety, Rule

ENDS = "。！？!?"
# a sentence: anything up to its end marks (and a closing quote); the tail of a line
# without an end mark is a last "sentence" too, so that offsets stay exact
SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”’\"]*|[^。！？!?]+$")
MIN_CHARS = 12

# The prefilter works on the reversed text, where a sentence said twice in a row reads
# end mark, last words, …, the same end mark, the same last words. For each end mark
# c, one search tries every c that follows (in reading order) the last ``_TAIL``
# characters of a sentence: the characters up to the next c must start with them
# again. Two cases go the slow way: a run of end marks that holds c twice (the next c
# is in the same run), and copies whose words are shorter than ``_TAIL`` (mostly end
# marks and closing quotes then: more than MIN_CHARS - _TAIL of them before c).
_TAIL = 6


def _repeat_pattern(c: str) -> re.Pattern[str]:
    e = re.escape(c)
    marks = f"[{re.escape(ENDS)}]"
    mostly = f'[{re.escape(ENDS)}”’"]{{{MIN_CHARS - _TAIL}}}'
    return re.compile(f"{e}(?:([^{e}]{{{_TAIL}}})[^{e}]*+{e}\\1|{marks}*{e}|(?<={mostly}{e}))")


_REPEAT = {c: _repeat_pattern(c) for c in ENDS}


def may_repeat(text: str) -> bool:
    """False when no sentence of ``text`` can directly repeat the one before it."""
    backwards = text[::-1]
    for c, pattern in _REPEAT.items():
        if c in backwards and pattern.search(backwards) is not None:
            return True
    return False


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
    fix_safety = FixSafety.SAFE

    def check(self, document: Document) -> list[Diagnostic]:
        """Report each sentence equal to the one before it."""
        if not may_repeat(document.text):
            return []
        return list(self._check(document))

    def _check(self, document: Document) -> Iterator[Diagnostic]:
        for line in document.lines:
            sentences = SENTENCE.findall(line.text)
            if len(sentences) < 2 or len(set(sentences)) == len(sentences):
                continue  # no sentence occurs twice on this line
            pos = line.start
            prev = None
            for sentence in sentences:
                start, end = pos, pos + len(sentence)
                pos = end
                body = sentence.strip()
                if prev == body and len(body) >= MIN_CHARS:
                    yield self.report(
                        start,
                        end,
                        f"sentence repeated: `{body[:30]}` directly repeats the one before",
                        fix=Fix.safe("Delete the repeated sentence", Edit(start, end)),
                    )
                prev = body
