"""Documents: the decoded text a rule checks, and where it came from."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterator
from operator import attrgetter
from typing import Any, NamedTuple, TypeVar

T = TypeVar("T")
_MISSING = object()


class Source(NamedTuple):
    """Where a document came from: a path, and for corpora a record inside it.

    ``record`` is the record's place in its shard: the 1-based line number for JSON
    Lines (``unit == "line"``), the 0-based row index for Parquet (``unit == "row"``).
    """

    path: str
    record: int | None = None
    record_id: str | None = None
    unit: str = "line"

    def label(self) -> str:
        """``path``, ``path:LINE`` or ``path:LINE[id]`` for messages."""
        if self.record is None:
            return self.path
        rid = f"[{self.record_id}]" if self.record_id is not None else ""
        return f"{self.path}:{self.record}{rid}"


class Line(NamedTuple):
    """One line of a document: 1-based number, code-point span, text without its break."""

    number: int
    start: int
    end: int
    text: str


class Document:
    """Decoded text plus its source, with a lazily built offset → line index.

    Spans are code-point offsets into ``text``. Lines and columns are 1-based and
    count characters. A line ends at ``\\n``; a ``\\r`` before it is not part of the
    line's text.
    """

    __slots__ = ("_line_starts", "_lines", "_memo", "_origin", "_source", "_text")

    def __init__(
        self, text: str, source: Source | None = None, origin: Document | None = None
    ) -> None:
        self._text = text
        self._source = source if source is not None else Source("-")
        self._line_starts: list[int] | None = None
        self._lines: list[Line] | None = None
        self._memo: dict[Any, Any] = {}
        self._origin = origin

    # Read-only properties whose getters are C functions: rules read ``text`` on every
    # look, and a getter written in Python costs a frame each time.
    text = property(
        attrgetter("_text"),
        doc="The decoded text (read-only: rules see the document, they do not change it).",
    )
    source = property(attrgetter("_source"), doc="Where the document came from (read-only).")

    def __repr__(self) -> str:
        return f"Document({self.source.label()!r}, {len(self.text)} chars)"

    @property
    def path(self) -> str:
        """The display path of the document's file (``-`` for standard input)."""
        return self.source.path

    @property
    def origin(self) -> Document:
        """The document as it was read, before any fix (itself when nothing was fixed).

        The fix loop builds each pass's document with ``with_text``, which carries the
        origin along. A fix may delete page chrome that a rule reads facts from (the
        page's date on a metadata line): such a rule reads those facts from
        ``document.origin`` (``document.origin.memo(fn)`` computes them once per run of
        the loop), so its findings survive the fixes that did not repair them.
        """
        return self._origin if self._origin is not None else self

    def with_text(self, text: str) -> Document:
        """Return a new document with the same source and origin and different text."""
        return Document(text, self.source, self.origin)

    # -- line index -------------------------------------------------------

    @property
    def line_starts(self) -> list[int]:
        """Offsets at which each line starts (built on first use)."""
        if self._line_starts is None:
            starts = [0]
            text = self.text
            find = text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._line_starts = starts
        return self._line_starts

    @property
    def lines(self) -> list[Line]:
        """All lines, each with its number, span and text (built on first use)."""
        if self._lines is None:
            out: list[Line] = []
            append = out.append
            start = 0
            for number, part in enumerate(self._text.split("\n"), 1):
                end = start + len(part)
                if part[-1:] == "\r":
                    append(Line(number, start, end - 1, part[:-1]))
                else:
                    append(Line(number, start, end, part))
                start = end + 1
            self._lines = out
            if self._line_starts is None:
                self._line_starts = [x.start for x in out]
        return self._lines

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        starts = self.line_starts
        idx = bisect_right(starts, offset) - 1
        return idx + 1, offset - starts[idx] + 1

    def offset(self, line: int, column: int) -> int:
        """Return the code-point offset of a 1-based (line, column)."""
        return self.line_starts[line - 1] + column - 1

    def line_at(self, offset: int) -> Line:
        """Return the line that contains ``offset``."""
        return self.lines[self.position(offset)[0] - 1]

    def iter_lines(self) -> Iterator[Line]:
        """Iterate over the document's lines."""
        return iter(self.lines)

    # -- shared per-document analysis ---------------------------------------

    def memo(self, fn: Callable[..., T], *key: Hashable) -> T:
        """Compute ``fn(self, *key)`` once per document and share it between rules.

        Rules of one family that need the same analysis (say, every ``*`` in the
        text with its context) call ``document.memo(find_masks)``: the first call
        computes, the others reuse. An analysis shaped by options takes them as
        ``key`` (hashable values, e.g. a tuple of extra phrases): rules that pass the
        same options share one result, rules with other options get their own. The
        cache lives and dies with the document.
        """
        slot = (fn, key) if key else fn
        value = self._memo.get(slot, _MISSING)
        if value is _MISSING:
            value = self._memo[slot] = fn(self, *key)
        return value
