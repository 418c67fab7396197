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

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Report each sentence equal to the one before it."""
        text = document.text
        if not any(c in text for c in ENDS):
            return
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
