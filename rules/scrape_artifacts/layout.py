"""The layout of a scraped page: chrome lines, sidebar runs and repeated blocks.

Computed once per document (``document.memo(page_layout)``) and shared by the SA
rules, so that each piece of dirt is reported by exactly one rule: a block that
repeats earlier lines belongs to SA003, the first copy to SA001/SA002.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lint import Document, Edit, Line
from rules.scrape_artifacts.vocabulary import chrome_matcher, sidebar_kind

MIN_RUN = 3  # lines in a sidebar run
MIN_BLOCK_LINES = 3  # lines in a repeated block of short lines
MIN_BLOCK_CHARS = 20  # characters in such a block
MIN_PARAGRAPH_CHARS = 50  # characters in a repeated paragraph (one or two lines)
MAX_CANDIDATES = 8  # earlier occurrences of a line tried as the start of the first copy


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive sidebar lines (blank lines between them allowed)."""

    lines: tuple[Line, ...]
    dates_only: bool


@dataclass(frozen=True, slots=True)
class Block:
    """A later copy of earlier lines: the copy's lines and the first copy's first line."""

    lines: tuple[Line, ...]
    source: Line
    noise: bool  # every line is chrome or sidebar


@dataclass
class Layout:
    """What the SA rules need to know about a page."""

    content: list[Line]  # non-blank lines in order
    chrome: set[int] = field(default_factory=set)  # line numbers
    bylines: set[int] = field(default_factory=set)  # a byline alone (作者：张三)
    sidebar: dict[int, str] = field(default_factory=dict)  # line number → kind
    runs: list[Run] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    in_block: set[int] = field(default_factory=set)  # line numbers inside a later copy

    def is_noise(self, number: int) -> bool:
        """Whether a line is chrome, a byline or sidebar."""
        return number in self.chrome or number in self.sidebar or number in self.bylines

    def at_head(self, first: Line) -> bool:
        """Whether only chrome and sidebar lines come before ``first``."""
        return all(self.is_noise(x.number) for x in self.content if x.number < first.number)

    def at_tail(self, last: Line) -> bool:
        """Whether only chrome and sidebar lines come after ``last``."""
        return all(self.is_noise(x.number) for x in self.content if x.number > last.number)


def page_layout(document: Document) -> Layout:
    """The page's layout with the shipped vocabulary (computed once per document)."""
    return document.memo(_layout)


def _layout(document: Document) -> Layout:
    content = [x for x in document.lines if x.text.strip()]
    layout = Layout(content)
    matcher = chrome_matcher()
    for line in content:
        if line.end - line.start > 200:
            continue  # a paragraph: neither chrome nor a sidebar entry
        kind = sidebar_kind(line.text)
        if kind is not None:
            layout.sidebar[line.number] = kind
        elif kind := matcher.classify(line.text):
            (layout.chrome if kind == "chrome" else layout.bylines).add(line.number)
    _find_blocks(layout)
    _find_runs(layout)
    return layout


def _find_runs(layout: Layout) -> None:
    run: list[Line] = []
    for line in [*layout.content, None]:
        if line is not None and line.number in layout.sidebar:
            run.append(line)
            continue
        if len(run) >= MIN_RUN and not all(x.number in layout.in_block for x in run):
            kinds = {layout.sidebar[x.number] for x in run}
            layout.runs.append(Run(tuple(run), kinds == {"date"}))
        run = []


def _find_blocks(layout: Layout) -> None:
    lines = layout.content
    keys = [x.text.strip() for x in lines]
    seen: dict[str, list[int]] = {}  # line text → indices where it occurred
    i, n = 0, len(lines)
    while i < n:
        sources = seen.get(keys[i], ())
        best_src, best_j = -1, i - 1
        for src in sources[-MAX_CANDIDATES:]:
            j = i
            while j + 1 < n and src + (j + 1 - i) < i and keys[j + 1] == keys[src + j + 1 - i]:
                j += 1
            if j > best_j:
                best_src, best_j = src, j
        for k in range(i, max(best_j, i) + 1):
            seen.setdefault(keys[k], []).append(k)
        if best_src < 0:
            i += 1
            continue
        j = best_j
        copy = lines[i : j + 1]
        chars = sum(len(x.text.strip()) for x in copy)
        if chars >= MIN_PARAGRAPH_CHARS or (
            len(copy) >= MIN_BLOCK_LINES and chars >= MIN_BLOCK_CHARS
        ):
            noise = all(layout.is_noise(x.number) for x in copy)
            layout.blocks.append(Block(tuple(copy), lines[best_src], noise))
            layout.in_block.update(x.number for x in copy)
        i = j + 1


def delete_lines(document: Document, first: Line, last: Line) -> Edit:
    """An edit deleting lines ``first..last`` with their line breaks (no blank line left)."""
    text = document.text
    if last.number < len(document.lines):
        return Edit(first.start, document.line_starts[last.number])
    # the last line of the document: take the break before it instead
    start = first.start
    if start > 0:
        start -= 1
        if start > 0 and text[start - 1] == "\r":
            start -= 1
    return Edit(start, len(text))
