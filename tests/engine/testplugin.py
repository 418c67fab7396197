"""A test-only plugin: small rules registered through a hookimpl, like a third party's."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Diagnostic, Document, Edit, Fix, FixAvailability, Option, Rule, Severity, hookimpl


class Star(Rule):
    """Flags a placeholder glyph.

    What
    ----
    Each occurrence of the glyph (option ``glyph``, default ``*``).

    Why
    ---
    Test rule.

    Examples
    --------
    Flagged: ``a*b``. Not flagged: ``ab``.

    Fix
    ---
    Safe: deletes the glyph.
    """

    code = "TS001"
    name = "star"
    family = "test"
    fix_availability = FixAvailability.ALWAYS
    options = (Option("glyph", str, "*", "the glyph to flag"),)

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Flag each glyph with a safe deletion."""
        glyph = self.settings["glyph"]
        start = document.text.find(glyph)
        while start != -1:
            end = start + len(glyph)
            yield self.report(
                start, end, "placeholder glyph", fix=Fix.safe("Delete the glyph", Edit(start, end))
            )
            start = document.text.find(glyph, end)


class Shout(Rule):
    """Flags a doubled exclamation mark.

    What
    ----
    ``!!``.

    Why
    ---
    Test rule.

    Examples
    --------
    Flagged: ``hi!!``.

    Fix
    ---
    Unsafe: keeps one mark.
    """

    code = "TS002"
    name = "shout"
    family = "test"
    fix_availability = FixAvailability.ALWAYS

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Flag ``!!`` with an unsafe fix."""
        start = document.text.find("!!")
        while start != -1:
            yield self.report(
                start,
                start + 2,
                "doubled mark",
                fix=Fix.unsafe("Keep one", Edit(start, start + 2, "!")),
            )
            start = document.text.find("!!", start + 2)


class Note(Rule):
    """Notes the word 错字 (info level).

    What
    ----
    The word.

    Why
    ---
    Test rule.

    Examples
    --------
    Flagged: ``错字``.

    Fix
    ---
    None.
    """

    code = "TS003"
    name = "note"
    family = "test"
    default_severity = Severity.INFO

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Flag each 错字 at info level."""
        start = document.text.find("错字")
        while start != -1:
            yield self.report(start, start + 2, "a typo word")
            start = document.text.find("错字", start + 2)


class Todo(Rule):
    """Flags TODO (off by default).

    What
    ----
    TODO.

    Why
    ---
    Test rule.

    Examples
    --------
    Flagged: ``TODO``.

    Fix
    ---
    None.
    """

    code = "TS004"
    name = "todo"
    family = "test"
    enabled_by_default = False

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Flag TODO."""
        i = document.text.find("TODO")
        if i != -1:
            yield self.report(i, i + 4, "todo", severity=Severity.ERROR)


class _Swap(Rule):
    """Base of two rules whose fixes undo each other."""

    code = "TS900"
    name = "swap"
    family = "test"
    enabled_by_default = False
    fix_availability = FixAvailability.ALWAYS
    find = ""
    to = ""

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Flag ``find`` and offer ``to`` as a safe replacement."""
        i = document.text.find(self.find)
        if i != -1:
            n = len(self.find)
            yield self.report(i, i + n, "swap", fix=Fix.safe("swap", Edit(i, i + n, self.to)))


class SwapAB(_Swap):
    """Turns ab into ba (with TS902, never converges)."""

    code = "TS901"
    name = "swap-ab"
    find, to = "ab", "ba"


class SwapBA(_Swap):
    """Turns ba into ab (with TS901, never converges)."""

    code = "TS902"
    name = "swap-ba"
    find, to = "ba", "ab"


class Grow(_Swap):
    """Appends forever: never settles."""

    code = "TS903"
    name = "grow"
    find, to = "x", "xx"


class Crash(Rule):
    """Raises on BOOM."""

    code = "TS950"
    name = "crash"
    family = "test"
    enabled_by_default = False

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Raise when the text says BOOM."""
        if "BOOM" in document.text:
            raise RuntimeError("kaboom")
        return iter(())


RULES = [Star, Shout, Note, Todo, SwapAB, SwapBA, Grow, Crash]


@hookimpl
def scrapelint_rules() -> list[type[Rule]]:
    """The test rules."""
    return RULES
