"""EX002 banned-term: a term the site team does not want in its corpus."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from lint import Diagnostic, Document, FixAvailability, Option, Rule


def _alternation(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


class BannedTerm(Rule):
    """A banned term (option ``terms``) outside the allowed phrases (option ``allow-phrases``).

    What
    ----
    Each occurrence of a term of ``terms``, unless it lies inside an occurrence of a
    phrase of ``allow-phrases`` (``震惊`` is banned, ``震惊中外`` is allowed). With no terms
    configured the rule does nothing.

    Why
    ---
    Click-bait and brand superlatives from a site's templates skew a corpus.

    Examples
    --------
    With ``terms = ["震惊"]`` and ``allow-phrases = ["震惊中外"]``: flagged ``震惊！这件事``; not
    flagged ``震惊中外的事件``.

    Fix
    ---
    None: only a person can rephrase.
    """

    code = "EX002"
    name = "banned-term"
    family = "example-site"
    fix_availability = FixAvailability.NEVER
    options = (
        Option("terms", list, (), "the banned terms"),
        Option("allow-phrases", list, (), "longer phrases in which a banned term is fine"),
    )

    def setup(self) -> None:
        """Compile the terms and the allowed phrases once per run."""
        self.terms = _alternation(self.settings["terms"])
        self.allow = _alternation(self.settings["allow-phrases"])
        self.triggers = self.settings["terms"]  # documents without a term are skipped

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Report each banned term outside an allowed phrase."""
        if self.terms is None:
            return
        text = document.text
        allowed: list[tuple[int, int]] = []
        if self.allow is not None:
            allowed = [m.span() for m in self.allow.finditer(text)]
        starts = [s for s, _ in allowed]
        for m in self.terms.finditer(text):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and allowed[i][1] >= m.end():
                continue  # inside an allowed phrase
            yield self.report(m.start(), m.end(), f"banned term `{m[0]}`")
