"""Code frames for the report: the lines around a finding, its span marked, its fix as a diff.

A frame is plain data for the page: a list of lines, each ``[number, segments]``
where a segment is ``[text, marked]``. Long lines are cut to a window around the
span; invisible characters are spelled out (``⟨U+200B⟩``) because they are often
the finding itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lint.document import Document

WINDOW = 160  # characters of a line shown
LEAD = 60  # characters kept before the span when a line is cut
CONTEXT = 1  # lines shown before and after the span
MAX_SPAN_LINES = 6
_INVISIBLE = {
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u3000",
    "\u00a0",
    "\t",
}

Segment = list[Any]  # [text, marked]


def _visible(text: str) -> str:
    if not any(c in text for c in _INVISIBLE):
        return text
    return "".join(f"⟨U+{ord(c):04X}⟩" if c in _INVISIBLE else c for c in text)


def _window(segments: list[tuple[str, bool]], first: int) -> list[Segment]:
    """Cut a line (as segments) to WINDOW characters from ``first``, with ``…`` at cut ends."""
    length = sum(len(t) for t, _ in segments)
    lo = max(0, min(first, length - WINDOW)) if length > WINDOW else 0
    hi = min(length, lo + WINDOW)
    out: list[Segment] = []
    if lo > 0:
        out.append(["…", False])
    pos = 0
    for text, marked in segments:
        a, b = max(lo, pos), min(hi, pos + len(text))
        if a < b or (marked and not text and lo <= pos <= hi):
            out.append([_visible(text[a - pos : b - pos]), marked])
        pos += len(text)
    if hi < length:
        out.append(["…", False])
    return out


def _marked_line(text: str, start: int, end: int) -> list[tuple[str, bool]]:
    """A line as segments with [start, end) marked (an empty span is an empty mark)."""
    return [(text[:start], False), (text[start:end], True), (text[end:], False)]


def frame(text: str, item: Mapping[str, Any]) -> dict[str, Any] | None:
    """The code frame of one finding record in its document's text (None without a span)."""
    start, end = item.get("start_offset"), item.get("end_offset")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
        return None
    doc = Document(text)
    lines = doc.lines
    first = doc.line_at(start).number
    last = doc.line_at(max(start, end - 1) if end > start else start).number
    last = min(last, first + MAX_SPAN_LINES - 1)
    shown: list[list[Any]] = []
    lead = max(0, start - doc.line_at(start).start - LEAD)
    for number in range(max(1, first - CONTEXT), min(len(lines), last + CONTEXT) + 1):
        line = lines[number - 1]
        if first <= number <= last:
            a = max(start, line.start) - line.start
            b = min(end, line.end) - line.start
            segments = _marked_line(line.text, a, max(a, b))
        else:
            segments = [(line.text, False)]
        shown.append([number, _window(segments, lead)])
    result: dict[str, Any] = {"lines": shown}
    diff = _diff(doc, item.get("fix"), lead)
    if diff:
        result["diff"] = diff
    return result


def _diff(doc: Document, fix: Any, lead: int) -> list[list[Any]] | None:
    """``[["-", number, segments], ["+", number, segments]…]`` for the lines a fix changes."""
    if not fix or not fix.get("edits"):
        return None
    text = doc.text
    edits = []
    for e in fix["edits"]:
        a, b = e.get("start_offset"), e.get("end_offset")
        if not isinstance(a, int) or not isinstance(b, int) or not 0 <= a <= b <= len(text):
            return None
        edits.append((a, b, str(e.get("replacement", ""))))
    edits.sort()
    region_start = doc.line_at(edits[0][0]).start
    first_line = doc.line_at(edits[0][0]).number
    last_line = doc.line_at(max(edits[-1][0], edits[-1][1] - 1)).number
    last_line = min(last_line, first_line + MAX_SPAN_LINES - 1)
    # An edit that takes a line's break with it ends the region just after that break.
    region_end = max(doc.lines[last_line - 1].end, min(edits[-1][1], len(text)))
    old: list[tuple[str, bool]] = []
    new: list[tuple[str, bool]] = []
    pos = region_start
    for a, b, replacement in edits:
        if a < pos or b > region_end:
            continue
        old.append((text[pos:a], False))
        new.append((text[pos:a], False))
        old.append((text[a:b], True))
        new.append((replacement, True))
        pos = b
    old.append((text[pos:region_end], False))
    new.append((text[pos:region_end], False))
    out: list[list[Any]] = []
    for sign, segments in (("-", old), ("+", new)):
        lines = _split_lines(segments)
        while lines and not any(t for t, _ in lines[-1]):
            lines.pop()  # what follows a final line break, or a region deleted whole
        for offset, line in enumerate(lines):
            out.append([sign, first_line + offset, _window(line, lead)])
    return out


def _split_lines(segments: list[tuple[str, bool]]) -> list[list[tuple[str, bool]]]:
    lines: list[list[tuple[str, bool]]] = [[]]
    for text, marked in segments:
        parts = text.split("\n")
        for n, part in enumerate(parts):
            if n:
                lines.append([])
            lines[-1].append((part.removesuffix("\r"), marked))
    return lines
