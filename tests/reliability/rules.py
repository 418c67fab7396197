"""Tiny test rules for the engine's reliability tests (not registered as a plugin)."""

from __future__ import annotations

import time
from collections.abc import Iterator

from lint import Diagnostic, Document, Edit, Fix, Rule


class _TestRule(Rule):
    """A test rule."""

    family = "test"


class FirstMarker(_TestRule):
    """Deletes only the first ``@@`` marker of a document per pass."""

    code = "RL001"
    name = "first-marker"

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Flag the first marker only, with a safe deletion."""
        i = document.text.find("@@")
        if i != -1:
            yield self.report(i, i + 2, "marker", fix=Fix.safe("Delete", Edit(i, i + 2)))


class Replace(_TestRule):
    """Replaces the first ``find`` by ``to`` (subclasses set both)."""

    code = "RL010"
    name = "replace"
    find = ""
    to = ""

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Flag the first occurrence of ``find`` with a safe replacement."""
        i = document.text.find(self.find)
        if i != -1:
            end = i + len(self.find)
            yield self.report(i, end, "replace", fix=Fix.safe("Replace", Edit(i, end, self.to)))


class XtoY(Replace):
    """x → y."""

    code = "RL011"
    name = "x-to-y"
    find, to = "x", "y"


class YtoX(Replace):
    """y → x: with XtoY, the fixes undo each other."""

    code = "RL012"
    name = "y-to-x"
    find, to = "y", "x"


class YtoZ(Replace):
    """y → z."""

    code = "RL013"
    name = "y-to-z"
    find, to = "y", "z"


class ZtoX(Replace):
    """z → x: with XtoY and YtoZ, a cycle of three passes."""

    code = "RL014"
    name = "z-to-x"
    find, to = "z", "x"


class SameText(_TestRule):
    """Offers a fix that replaces ``ab`` by itself (changes nothing)."""

    code = "RL015"
    name = "same-text"

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Flag each ``ab`` with a no-op fix."""
        i = document.text.find("ab")
        while i != -1:
            yield self.report(i, i + 2, "same", fix=Fix.safe("Same", Edit(i, i + 2, "ab")))
            i = document.text.find("ab", i + 2)


class DropB(Replace):
    """b → nothing."""

    code = "RL016"
    name = "drop-b"
    find, to = "b", ""


class Double(_TestRule):
    """Appends a copy of the whole text: grows without end, never repeats."""

    code = "RL020"
    name = "double"

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Offer to double the text."""
        n = len(document.text)
        yield self.report(0, 0, "double", fix=Fix.safe("Double", Edit(n, n, document.text)))


class Count(_TestRule):
    """Counts ``#`` up by one each pass: never settles, grows slowly."""

    code = "RL021"
    name = "count"

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Offer to add one more ``#``."""
        yield self.report(0, 0, "count", fix=Fix.safe("More", Edit(0, 0, "#")))


class CrashOnHash(_TestRule):
    """Raises when the text holds ``#``."""

    code = "RL030"
    name = "crash-on-hash"

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Fail on ``#``."""
        if "#" in document.text:
            raise RuntimeError("cannot handle #")
        return iter(())


class DeleteHash(Replace):
    """# → nothing."""

    code = "RL031"
    name = "delete-hash"
    find, to = "#", ""


class Raises(_TestRule):
    """Raises ``self.error`` (set per instance) on every document."""

    code = "RL040"
    name = "raises"

    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Raise the configured exception."""
        raise self.error


class Yields(_TestRule):
    """Yields a good finding, then ``self.items`` (set per instance), whatever they are."""

    code = "RL041"
    name = "yields"

    def __init__(self, *items: object) -> None:
        super().__init__()
        self.items = items

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """A valid finding first, then the configured items."""
        yield self.report(0, 0, "good")
        yield from self.items  # type: ignore[misc]


class Everywhere(_TestRule):
    """Flags the start of every document (the rule that must keep running)."""

    code = "RL050"
    name = "everywhere"

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """One finding at offset 0."""
        yield self.report(0, 0, "here")


class Sleeper(_TestRule):
    """Sleeps ``seconds`` (forever when None) in small steps, then flags offset 0."""

    code = "RL060"
    name = "sleeper"

    def __init__(self, seconds: float | None = None, swallow: bool = False) -> None:
        super().__init__()
        self.seconds = seconds
        self.swallow = swallow

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Sleep, possibly swallowing every interruption, then report."""
        end = None if self.seconds is None else time.monotonic() + self.seconds
        while end is None or time.monotonic() < end:
            try:
                time.sleep(0.01)
            except BaseException:
                if not self.swallow:
                    raise
        yield self.report(0, 0, "slept")
