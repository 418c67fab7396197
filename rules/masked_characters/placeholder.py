"""MC005 placeholder-name: a name left as ×××, XX, □□ in the text (info)."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Diagnostic, Document, Rule, Severity
from rules.masked_characters.detect import PLACEHOLDER_TRIGGERS, placeholder_masks, shown


class PlaceholderName(Rule):
    """A name or characters left as placeholders (``×××同志``, ``某X局``, ``□□``).

    What
    ----
    Runs of ``×``, ``X``/``Ｘ``, ``○`` or ``□``/``■`` standing in Han text where a
    name or characters belong: ``×××同志``, ``XX市``, ``某X局``, ``□□□`` for
    characters a font could not show.

    Why
    ---
    Template pages (范文) and anonymised texts leave names out on purpose, and
    pages lose rare characters; a corpus may want to know, but this is not
    damage done by the scraper, so it is only a note.

    Examples
    --------
    Flagged (info): ``×××同志在会上讲话``, ``某X局``, ``XX市教育局``, ``丙辰□□□□戊午``.

    Not flagged: ``1920×1080``, ``2×3``, ``二○二○年``, ``X射线``, ``8X线``,
    ``要使45*□的积是三位数`` (a blank in a maths problem), ``Mac OS X``.

    Fix
    ---
    None.
    """

    code = "MC005"
    name = "placeholder-name"
    family = "masked-characters"
    default_severity = Severity.INFO
    triggers = PLACEHOLDER_TRIGGERS

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Note each placeholder run."""
        text = document.text
        for m in placeholder_masks(document):
            if m.kind == "placeholder":
                yield self.report(
                    m.start,
                    m.end,
                    f"placeholder `{shown(text, m.start, m.end)}`"
                    " where a name or characters belong",
                )
