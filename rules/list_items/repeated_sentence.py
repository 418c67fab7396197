"""DL005 repeated-sentence: a sentence immediately repeated within a paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Diagnostic, Document, Edit, Fix, FixSafety, Rule

ENDS = "。！？!?"
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
            prev: tuple[int, int] | None = None
            start = line.start
            for i in range(line.start, line.end):
                if text[i] not in ENDS:
                    continue
                end = i + 1
                while end < line.end and text[end] in ENDS + '”’"':
                    end += 1
                cur = (start, end)
                if prev is not None:
                    a, b = text[prev[0] : prev[1]].strip(), text[start:end].strip()
                    if a == b and len(a) >= MIN_CHARS:
                        yield self.report(
                            start,
                            end,
                            f"sentence repeated: `{b[:30]}` directly repeats the one before",
                            fix=Fix.safe("Delete the repeated sentence", Edit(start, end)),
                        )
                prev = cur
                start = end
