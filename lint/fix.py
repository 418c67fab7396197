"""Fixes: edits with spans and an applicability, and their deterministic application."""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


class Applicability(enum.Enum):
    """How sure a fix is: safe fixes apply with ``--fix``, unsafe ones need ``--unsafe-fixes``."""

    DISPLAY_ONLY = "display-only"
    UNSAFE = "unsafe"
    SAFE = "safe"

    @property
    def rank(self) -> int:
        """Order: display-only < unsafe < safe."""
        return _RANK[self]


_RANK = {Applicability.DISPLAY_ONLY: 0, Applicability.UNSAFE: 1, Applicability.SAFE: 2}


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (code-point offsets)."""

    start: int
    end: int
    replacement: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit span {self.start}..{self.end}")

    @classmethod
    def deletion(cls, start: int, end: int) -> Edit:
        """An edit that deletes ``start..end``."""
        return cls(start, end, "")

    @classmethod
    def insertion(cls, at: int, text: str) -> Edit:
        """An edit that inserts ``text`` at ``at``."""
        return cls(at, at, text)

    def overlaps(self, other: Edit) -> bool:
        """Whether two edits touch the same text (two insertions at one point count)."""
        if self.start == self.end == other.start == other.end:
            return True
        return (self.start < other.end and other.start < self.end) or (
            # an insertion strictly inside a replaced range
            (self.start == self.end and other.start < self.start < other.end)
            or (other.start == other.end and self.start < other.start < self.end)
        )


@dataclass(frozen=True, slots=True)
class Fix:
    """One or more edits applied together, all or none, with an applicability."""

    edits: tuple[Edit, ...]
    applicability: Applicability
    description: str

    def __post_init__(self) -> None:
        if not self.edits:
            raise ValueError("a fix needs at least one edit")
        ordered = tuple(sorted(self.edits, key=lambda e: (e.start, e.end)))
        for a, b in itertools.pairwise(ordered):
            if a.overlaps(b):
                raise ValueError("edits of one fix must not overlap")
        object.__setattr__(self, "edits", ordered)

    @classmethod
    def safe(cls, description: str, *edits: Edit) -> Fix:
        """A fix whose result is certainly what the author wrote."""
        return cls(tuple(edits), Applicability.SAFE, description)

    @classmethod
    def unsafe(cls, description: str, *edits: Edit) -> Fix:
        """A plausible fix that a human should confirm."""
        return cls(tuple(edits), Applicability.UNSAFE, description)

    @classmethod
    def display_only(cls, description: str, *edits: Edit) -> Fix:
        """A suggestion that is shown but never applied."""
        return cls(tuple(edits), Applicability.DISPLAY_ONLY, description)

    @property
    def start(self) -> int:
        """Start of the first edit."""
        return self.edits[0].start

    @property
    def end(self) -> int:
        """End of the last edit."""
        return max(e.end for e in self.edits)

    def is_applicable(self, unsafe: bool) -> bool:
        """Whether this fix applies with or without ``--unsafe-fixes``."""
        if self.applicability is Applicability.SAFE:
            return True
        return unsafe and self.applicability is Applicability.UNSAFE


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix]]:
    """Apply non-overlapping fixes in order of start; return the text and the fixes applied.

    Fixes are sorted by their first edit. A fix is accepted only when none of its
    edits overlaps an edit already accepted; the rest wait for the next pass of the
    fix loop, which re-checks the changed text.
    """
    accepted: list[Fix] = []
    taken: list[Edit] = []
    seen: set[Fix] = set()
    for fix in sorted(fixes, key=lambda f: (f.start, f.end, f.description)):
        if fix in seen or fix.end > len(text):
            continue
        if any(e.overlaps(t) for e in fix.edits for t in taken):
            continue
        seen.add(fix)
        accepted.append(fix)
        taken.extend(fix.edits)
    if not taken:
        return text, []
    return splice(text, taken), accepted


def splice(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits to ``text`` in one pass."""
    parts: list[str] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        parts.append(text[pos : edit.start])
        parts.append(edit.replacement)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)
