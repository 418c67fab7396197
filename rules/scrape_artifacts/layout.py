"""The layout of a scraped page: chrome lines, sidebar runs and repeated blocks.

Computed once per document and per chrome vocabulary (``page_layout(document, key)``)
and shared by the SA rules, so that each piece of dirt is reported by exactly one
rule: a block that repeats earlier lines belongs to SA003, the first copy to
SA001/SA002. The vocabulary's options (``extend-phrases`` and the extra keys) are
shared options of the family: every SA rule passes them as the key, so all of them
see the same layout.

Cheap where there is nothing to find, linear everywhere. Three tests decide whether a
page needs a layout at all: one search for the vocabulary's triggers (each label or
phrase searched from its rarest character), a set of the stripped lines (does any
line repeat enough to make a block?) and one search for a date separator next to a
digit (then, over the short lines, could three of them be sidebar dates?). Most pages
get the shared EMPTY layout without any per-line work. Otherwise only the candidate
lines are classified (each distinct text once), the repeated-block search skips lines that
occur once, the questions the rules ask about a run (what comes before and after it)
are answered from indexes built once, and ``Line`` objects are made only for the
lines the rules report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import cache, partial
from itertools import accumulate
from typing import Any

from lint import Document, Edit, Line, Option
from rules.scrape_artifacts.edges import (
    full_date,
    opens_with_phrase,
    strong_chrome,
    weak_kind,
    widget_bar,
)
from rules.scrape_artifacts.furniture import (
    ANCHOR,
    CITE,
    LINKS,
    LOOSE,
    MAX_BETWEEN,
    META,
    FurnitureBlock,
    Teaser,
    find_furniture,
    framed_menu,
    has_teaser,
    header_text,
    maybe_teasers,
    widget_kind,
    widget_trigger,
)
from rules.scrape_artifacts.lists import (
    MIN_CITATIONS,
    SPACED_DOTS,
    link_list_lines,
    marked_lines,
    maybe_link_lists,
    maybe_references,
)
from rules.scrape_artifacts.vocabulary import (
    BACK_INITIALS,
    DATE_SIGNATURE,
    MAX_CHROME_CHARS,
    MAX_SIDEBAR_CHARS,
    ChromeMatcher,
    chrome_matcher,
    has_date_separator,
    is_footer,
    may_hold_date,
    opens_with_back_link,
    sidebar_kind_stripped,
)
from rules.text import articles

MAX_LINE_CHARS = 200  # a longer line is a paragraph: neither chrome nor a sidebar entry
MIN_RUN = 3  # lines in a sidebar run
MIN_BLOCK_LINES = 3  # lines in a repeated block of short lines
MIN_BLOCK_CHARS = 20  # characters in such a block
MIN_PARAGRAPH_CHARS = 50  # characters in a repeated paragraph (one or two lines)
FRAMED_WINDOW = 3  # lines looked at on each side of a framed menu for a table's rows
MAX_CANDIDATES = 8  # earlier occurrences of a line tried as the start of the first copy

# The chrome vocabulary's options: shared by every SA rule (the layout depends on them).
LAYOUT_OPTIONS = (
    Option(
        "extend-metadata-keys",
        list,
        (),
        "more metadata labels (printed as 'label: value'); shared by the SA rules",
        shared=True,
    ),
    Option(
        "extend-byline-keys",
        list,
        (),
        "more byline labels (a line of one is a note); shared by the SA rules",
        shared=True,
    ),
    Option(
        "extend-phrases",
        list,
        (),
        "more widget, navigation or footer phrases; shared by the SA rules",
        shared=True,
    ),
)


def layout_key(settings: Mapping[str, Any]) -> tuple[tuple[str, ...], ...]:
    """The layout's memo key for a rule's settings: empty for the shipped vocabulary."""
    extra = tuple(tuple(settings[o.name]) for o in LAYOUT_OPTIONS)
    return extra if any(extra) else ()


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive sidebar lines (blank lines between them allowed) and their neighbours."""

    first: Line
    last: Line
    count: int  # sidebar lines in the run
    dates_only: bool
    before: Line | None = None  # the non-blank line just before the run
    after: Line | None = None  # the non-blank line just after it


@dataclass(frozen=True, slots=True)
class Block:
    """A later copy of earlier lines: its first and last lines, and the first copy's first."""

    first: Line
    last: Line
    count: int  # non-blank lines in the copy
    source: Line
    noise: bool  # every line is chrome or sidebar


@dataclass
class Layout:
    """What the SA rules need to know about a page (line numbers are 1-based)."""

    chrome: AbstractSet[int] = field(default_factory=set)
    bylines: AbstractSet[int] = field(default_factory=set)  # a byline alone (作者：张三)
    sidebar: dict[int, str] = field(default_factory=dict)  # line number → kind
    runs: list[Run] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    in_block: set[int] = field(default_factory=set)  # line numbers inside a later copy
    # the first and last non-blank lines that are not noise (None: every line is noise)
    first_text: int | None = None
    last_text: int | None = None
    sidebar_known: bool = True  # False: sidebar lines were not looked for (EMPTY)
    widgets: dict[int, str] = field(default_factory=dict)  # chrome line → its widget shape
    furniture: list[FurnitureBlock] = field(default_factory=list)  # short lines in context
    # chrome line → the safe block after it that ends the text (no line break after it):
    # the two edits share the break between them (see ``delete_lines``)
    joined: dict[int, FurnitureBlock] = field(default_factory=dict)
    teasers: list[Teaser] = field(default_factory=list)
    # the page split at \n and the offset where each part starts, to build lines on demand
    parts: list[str] = field(default_factory=list, repr=False)
    offsets: list[int] = field(default_factory=list, repr=False)
    _lines: dict[int, Line] = field(default_factory=dict, repr=False)  # made so far

    def line(self, number: int) -> Line:
        """Line ``number`` as Document.lines has it (without building every line)."""
        if (made := self._lines.get(number)) is not None:
            return made
        part = self.parts[number - 1]
        start = self.offsets[number - 1] + number - 1  # the breaks before it
        if part[-1:] == "\r":
            made = Line(number, start, start + len(part) - 1, part[:-1])
        else:
            made = Line(number, start, start + len(part), part)
        self._lines[number] = made
        return made

    def is_noise(self, number: int) -> bool:
        """Whether a line is chrome, a byline or sidebar."""
        return number in self.chrome or number in self.sidebar or number in self.bylines

    def at_head(self, first: Line) -> bool:
        """Whether only chrome and sidebar lines come before ``first``."""
        return self.first_text is None or self.first_text >= first.number

    def at_tail(self, last: Line) -> bool:
        """Whether only chrome and sidebar lines come after ``last``."""
        return self.last_text is None or self.last_text <= last.number

    def between_noise(self, run: Run) -> bool:
        """Whether the lines just before and just after a run are chrome or sidebar."""
        return (
            run.before is not None
            and run.after is not None
            and self.is_noise(run.before.number)
            and self.is_noise(run.after.number)
        )

    def next_text_line(self, document: Document, number: int) -> int | None:
        """The first non-blank line at or after ``number`` that is not noise."""
        for line in document.lines[max(number, 1) - 1 :]:
            text = line.text.strip()
            if not text or self.is_noise(line.number):
                continue
            if (
                not self.sidebar_known
                and line.end - line.start <= MAX_LINE_CHARS
                and sidebar_kind_stripped(text)
            ):
                continue
            return line.number
        return None


# A page without chrome, bylines, sidebar runs or repeated lines: nothing any SA rule
# reports. Its few sidebar lines, if any, are not looked for. Shared: never mutated.
EMPTY = Layout(sidebar_known=False)
_NO_LINES: frozenset[int] = frozenset()
_NO_WIDGETS: dict[int, str] = {}  # shared: never mutated
_UNSEEN: Any = object()


def page_layout(document: Document, key: tuple[tuple[str, ...], ...] = ()) -> Layout:
    """The page's layout for a vocabulary key (``layout_key``), computed once per document.

    The rules' hot path inlines this call (without ``*()``, which costs twice as much).
    """
    return document.memo(compute_layout, *key) if key else document.memo(compute_layout)


def may_report(document: Document) -> bool:
    """The SA rules' shared gate (shipped vocabulary): whether any of them may report here.

    SA004 needs an article separator (each holds 篇 or 范文), SA001-SA003 a layout
    that is not EMPTY. The engine asks once per document and skips the four checks
    where it says no (most documents).
    """
    text = document.text
    if "篇" in text or ("范" in text and "范文" in text):
        return True
    if plainly_empty(text, chrome_matcher().gate):
        return False  # the layout would be EMPTY: no need to compute and keep it
    return document.memo(compute_layout) is not EMPTY


def _may_report_with(key: tuple[tuple[str, ...], ...], document: Document) -> bool:
    text = document.text
    if "篇" in text or ("范" in text and "范文" in text):
        return True
    if plainly_empty(text, chrome_matcher(*key).gate):
        return False
    return document.memo(compute_layout, *key) is not EMPTY


def plainly_empty(text: str, gate: Any) -> bool:
    """Whether ``compute_layout`` gives EMPTY before any per-line work (a subset of EMPTY).

    The same early decisions in the same order, without the memo: a page with no gate
    match, no link or reference list, no repeated line and no date separator near short
    lines. False means only
    "not decided here" (``compute_layout`` decides).
    """
    first_break = text.find("\n")
    if first_break < 0 and len(text) > MAX_LINE_CHARS + 1:
        return True  # one paragraph
    if gate.search(text) is not None or (text[:1] in BACK_INITIALS and opens_with_back_link(text)):
        return False  # chrome, widgets or teasers may be there
    if first_break < 0:
        return True
    if maybe_link_lists(text) or maybe_references(text):
        return False  # a navigation box or a reference list may be there
    if text.find("\n", first_break + 1) < 0:  # two lines: one possible copy
        second = text[first_break + 1 :].strip()
        return not (len(second) >= MIN_PARAGRAPH_CHARS and text[:first_break].strip() == second)
    parts = text.split("\n")
    distinct = set(map(str.strip, parts))
    if len(distinct) - ("" in distinct) < len(parts) - parts.count(""):
        return False  # a line repeats: a copy may be there
    return not (may_hold_date(text) and _maybe_runs(distinct))


@cache
def layout_gate(key: tuple[tuple[str, ...], ...]) -> Callable[[Document], bool]:
    """The gate for a vocabulary key (``layout_key``): ``may_report``, or one shared per key."""
    return partial(_may_report_with, key) if key else may_report


def compute_layout(document: Document, *extras: tuple[str, ...]) -> Layout:
    """The layout for the shipped vocabulary plus ``extras`` (keys, bylines, phrases).

    Rules share it through ``document.memo(compute_layout, *layout_key(settings))``.
    """
    text = document.text
    first_break = text.find("\n")
    if first_break < 0 and len(text) > MAX_LINE_CHARS + 1:
        return EMPTY  # one paragraph
    matcher = chrome_matcher(*extras) if extras else chrome_matcher()
    chrome = bylines = _NO_LINES
    widgets = _NO_WIDGETS
    teasers = False
    # one search for the vocabulary and the widget characters: most pages have neither
    if (m := matcher.gate.search(text)) is not None:
        # the lines holding a match: every chrome line is one of them (classify calls
        # the others, widgets without a label, not chrome)
        chrome, bylines = _chrome_lines(text, m, matcher)
        # teasers are looked for only where the vocabulary or a widget shows furniture
        teasers = first_break >= 0 and maybe_teasers(text)
        if (trigger := widget_trigger(text)) is not None and (
            m := trigger.search(text)
        ) is not None:
            widgets = _widget_lines(text, m)
            if widgets:
                chrome = {*chrome, *widgets}
                bylines = bylines - widgets.keys()
    if 1 not in chrome and opens_with_back_link(text):  # no line break before it
        chrome = {*chrome, 1}
    # a navigation box's rows (长安区 · 桥西区 · 新华区 · 裕华区) and reference lists
    lines = first_break >= 0  # both need two lines or more to matter
    links = {n for n, _ in link_list_lines(text)} if lines and maybe_link_lists(text) else _NO_LINES
    cites = marked_lines(text) if lines and maybe_references(text) else {}
    if sum(cites.values()) < MIN_CITATIONS:
        cites = {}
    lists = bool(links or cites)
    parts = keys = None
    repeats = False
    if first_break < 0:
        if not (chrome or bylines):
            return EMPTY
    elif text.find("\n", first_break + 1) < 0:  # two lines: no run, one possible copy
        first, second = text[:first_break].strip(), text[first_break + 1 :].strip()
        repeats = len(second) >= MIN_PARAGRAPH_CHARS and first == second
        if not (
            chrome or bylines or repeats or lists or (teasers and _maybe_teaser([first, second]))
        ):
            return EMPTY
    else:
        parts = text.split("\n")
        distinct = set(map(str.strip, parts))
        # parts.count("") misses blank lines holding spaces: a cheap test that may say
        # yes wrongly, then the exact one
        if len(distinct) - ("" in distinct) < len(parts) - parts.count(""):
            keys = list(map(str.strip, parts))
            repeats = _maybe_blocks(keys)
        if not (
            chrome
            or bylines
            or repeats
            or lists
            or (may_hold_date(text) and _maybe_runs(keys or distinct))
            or (teasers and _maybe_teaser(keys := keys or list(map(str.strip, parts))))
        ):
            # nothing any SA rule reports: without chrome, blocks, runs or link and
            # reference lists the layout holds only teasers (the furniture search's other
            # findings need chrome, a copy, a run or a list to be reported), and the page
            # has none
            return EMPTY
    if parts is None:
        parts = text.split("\n")
    if keys is None:
        keys = list(map(str.strip, parts))
    sidebar = _sidebar(text)
    if sidebar and (chrome or bylines):
        for number in (*chrome, *bylines):
            sidebar.pop(number, None)  # chrome that holds a date is chrome, not sidebar
    layout = Layout(chrome, bylines, sidebar, parts=parts, widgets=widgets)
    layout.offsets = [0, *accumulate(map(len, parts))]  # lengths before each part
    content = [number for number, key in enumerate(keys, 1) if key]
    if repeats:
        _find_blocks(layout, content, [key for key in keys if key])
    if len(layout.sidebar) >= MIN_RUN:
        _find_runs(layout, content)
    if not (chrome or bylines or lists or layout.blocks or layout.runs) and not (
        teasers and _maybe_teaser(keys)
    ):
        return EMPTY  # only a teaser could make a finding, and the page holds none
    if chrome or bylines or layout.sidebar or teasers or lists:
        separators = {a.separator.number for a in articles(document) if a.separator is not None}
        _find_furniture(layout, content, keys, matcher, separators, cites, links)
    if not (
        chrome or bylines or layout.blocks or layout.runs or layout.teasers or layout.furniture
    ):
        return EMPTY
    is_noise = layout.is_noise
    layout.first_text = next((n for n in content if not is_noise(n)), None)
    layout.last_text = next((n for n in reversed(content) if not is_noise(n)), None)
    return layout


def _maybe_teaser(keys: list[str]) -> bool:
    """Whether the stripped lines ``keys`` (blank ones included) could hold a teaser."""
    return has_teaser([key for key in keys if key])


def _maybe_blocks(keys: list[str]) -> bool:
    """Whether the later copies of repeated lines could make a block (a cheap superset).

    Each line of a copy is a later occurrence of a repeated line, and copies do not
    overlap: all the later occurrences together must reach a block's size.
    """
    counts = Counter(keys)
    counts.pop("", None)
    lines = chars = 0
    for key, n in counts.items():
        if n > 1:
            lines += n - 1
            chars += (n - 1) * len(key)
    return chars >= MIN_PARAGRAPH_CHARS or (lines >= MIN_BLOCK_LINES and chars >= MIN_BLOCK_CHARS)


def _maybe_runs(keys: Collection[str]) -> bool:
    """Whether three short lines are sidebar entries (a cheap superset of a run).

    ``keys``: the stripped lines, or only the distinct ones when no line repeats.
    """
    short = [key for key in keys if key and len(key) <= MAX_SIDEBAR_CHARS]
    if len(short) < MIN_RUN:
        return False
    joined = "\n".join(short)
    # every date holds a separator: a quick scan for one before the pattern
    if not has_date_separator(joined) or DATE_SIGNATURE.search(joined) is None:
        return False
    found = 0
    for key in short:
        if may_hold_date(key) and sidebar_kind_stripped(key):  # a fast search first
            found += 1
            if found == MIN_RUN:
                return True
    return False


def _chrome_lines(text: str, m: Any, matcher: ChromeMatcher) -> tuple[set[int], set[int]]:
    """Numbers of the chrome lines and of the byline lines (``m``: the first trigger)."""
    chrome: set[int] = set()
    bylines: set[int] = set()
    kinds: dict[str, str | None] = {}  # a page repeats its chrome: classify each text once
    for number, line in _lines_matching(text, m, MAX_CHROME_CHARS, matcher.widget_only):
        if (kind := kinds.get(line, _UNSEEN)) is _UNSEEN:
            # a bare sidebar date is not chrome; a dated line with labels or counters is
            # (2023年5月1日 来源：人民网 评论(5)), though it looks like a dated title
            kind = kinds[line] = (
                matcher.classify_stripped(line) if sidebar_kind_stripped(line) != "date" else None
            )
        if kind:
            (chrome if kind == "chrome" else bylines).add(number)
    return chrome, bylines


def _widget_lines(text: str, m: Any) -> dict[int, str]:
    """Line number → widget shape of each navigation bar, breadcrumb, attachment, residue."""
    found: dict[int, str] = {}
    framed: list[int] = []  # menus framed by bars, unless a table stands next to them
    for number, line in _lines_matching(text, m, MAX_LINE_CHARS):
        if (kind := widget_kind(line)) is not None:
            found[number] = kind
        elif line[:1] in "|｜" and framed_menu(line):
            framed.append(number)
    if framed:
        parts = text.split("\n")  # only on pages holding such a line
        for number in framed:
            if not _next_to_bars(parts, number - 1):
                found[number] = "navigation bar"
    return found


def _next_to_bars(parts: list[str], at: int) -> bool:
    """Whether the nearest non-blank line on either side of ``parts[at]`` holds a bar.

    A framed line next to another line with bars is a table row (``| 年份 | 产值 |``
    above ``|---|---|``). Each side looks at most FRAMED_WINDOW lines away.
    """
    for step in (-1, 1):
        k = at + step
        while 0 <= k < len(parts) and abs(k - at) <= FRAMED_WINDOW:
            near = parts[k].strip()
            if near:
                if "|" in near or "｜" in near:
                    return True
                break
            k += step
    return False


def _find_furniture(
    layout: Layout,
    content: list[int],
    keys: list[str],
    matcher: Any,
    separators: set[int],
    cites: Mapping[int, bool] | None = None,
    links: AbstractSet[int] = frozenset(),
) -> None:
    """Furniture blocks and teasers: the line classifier in context (``furniture``).

    ``separators``: the article separator lines (篇二): each article has a head and a tail.
    ``cites``: line number → citation features, of the lines opening with a footnote mark;
    ``links``: the link-list lines (``lists.link_list``), rows of a navigation box.
    """
    bad: dict[int, int] = {}
    headers: dict[int, str] = {}
    in_run: set[int] = set()
    for run in layout.runs:
        in_run.update(range(run.first.number, run.last.number + 1))
    for number in layout.sidebar:
        bad[number] = ANCHOR if number in in_run else LOOSE
    for number in layout.bylines:
        bad[number] = META
    for number in layout.chrome:
        key = keys[number - 1]
        if number in layout.widgets and _bar_of_metadata(layout.widgets[number], key, matcher):
            bad[number] = META  # 时间：2017-10-11 | 来源：某报 | 阅读 265: the title's neighbour
        elif number in layout.widgets:
            bad[number] = ANCHOR
        elif (header := header_text(key)) is not None:
            bad[number] = ANCHOR
            headers[number] = header
        elif (
            DATE_SIGNATURE.search(key) is not None or matcher.bylines.search(key) is not None
        ) and not (key[:1] in "版Cc©" and is_footer(key)):
            # metadata: the article's title may stand next to it (a copyright footer
            # with its years, Copyright © 2009-2019, is no metadata: it bounds blocks)
            bad[number] = META
        else:
            bad[number] = ANCHOR
    if cites:
        _reference_lists(bad, content, cites)
    for number in _navigation_rows(bad, content, links, keys):
        bad.setdefault(number, LINKS)
    stripped = [keys[number - 1] for number in content]
    navigation = {
        number
        for number, kind in layout.widgets.items()
        if kind in ("navigation bar", "breadcrumb")
        and bad.get(number) != META
        and not widget_bar(matcher, keys[number - 1])
    }
    layout.furniture, layout.teasers, certain = find_furniture(
        stripped,
        content,
        bad,
        headers,
        layout.in_block,
        layout.line,
        separators,
        navigation,
        weak=partial(weak_kind, matcher),
        strong=partial(strong_chrome, matcher),
        opens=partial(opens_with_phrase, matcher),
    )
    if layout.furniture and (last := layout.furniture[-1]).safe:
        # a block that ends the text right after a chrome line (相关新闻, the footer's
        # first line): the chrome line's edit and the block's must not both take the
        # break between them, or --fix would need a pass that no longer sees the block
        at = content.index(last.first.number)
        text = layout.parts  # the page split at \n
        if (
            at > 0
            and content[at - 1] in layout.chrome
            and content[at - 1] not in layout.in_block
            and last.last.number == len(text)
        ):
            layout.joined[content[at - 1]] = last
    if certain and layout.blocks:
        # a later copy made of furniture (a link list printed twice) is noise too
        noise = certain | layout.chrome | layout.sidebar.keys()
        layout.blocks = [
            block
            if block.noise
            or not all(
                number in noise
                for number in range(block.first.number, block.last.number + 1)
                if keys[number - 1]
            )
            else replace(block, noise=True)
            for block in layout.blocks
        ]
    if layout.teasers and layout.bylines:  # 本文摘要：… is a teaser, not a byline
        layout.bylines = layout.bylines - {t.line.number for t in layout.teasers}


def _bar_of_metadata(kind: str, key: str, matcher: Any) -> bool:
    """Whether a navigation bar is a metadata line printed with bars: it holds a full
    date (``发布日期：2017.11.16 | 信息来源：某台 | 浏览：5``, ``时间:2012.01.24 | 【打印】``).
    Such a line stands next to the article's title, after it, like any metadata line."""
    return kind == "navigation bar" and full_date(key)


def _navigation_rows(
    bad: Mapping[int, int], content: list[int], links: AbstractSet[int], keys: list[str]
) -> list[int]:
    """The link-list lines that are a navigation box's rows, not a line of the text.

    A row alone between paragraphs (张三 · 李四 · 王五 · 赵六, 主要产品／型号／规格) may be
    the article's own: a row counts when another row stands within MAX_BETWEEN
    non-blank lines or a bad line (chrome, a reference list) touches it. Prose joins
    words with ``／`` too: a row joined only by it needs the other row next to it.
    """
    if not links:
        return []
    position = {number: i for i, number in enumerate(content)}
    at = sorted(position[number] for number in links)
    rows: list[int] = []
    for k, i in enumerate(at):
        key = keys[content[i] - 1]
        reach = MAX_BETWEEN if any(dot in key for dot in SPACED_DOTS) else 1
        near_row = (k > 0 and i - at[k - 1] <= reach) or (
            k + 1 < len(at) and at[k + 1] - i <= reach
        )
        touches = (i > 0 and content[i - 1] in bad) or (
            i + 1 < len(content) and content[i + 1] in bad
        )
        if near_row or touches:
            rows.append(content[i])
    return rows


def _reference_lists(bad: dict[int, int], content: list[int], cites: Mapping[int, bool]) -> None:
    """Class CITE for the lines of each reference list not bad already.

    A reference list: consecutive non-blank lines opening with a footnote mark,
    MIN_CITATIONS or more of them with citation features (``lists.marked_lines``).
    """
    position = {number: i for i, number in enumerate(content)}
    run: list[int] = []
    for number in [*sorted(cites), None]:
        if run and number is not None and position[number] == position[run[-1]] + 1:
            run.append(number)
            continue
        if sum(1 for x in run if cites[x]) >= MIN_CITATIONS:
            for x in run:
                bad.setdefault(x, CITE)
        run = [number] if number is not None else []


def _sidebar(text: str) -> dict[int, str]:
    """Line number → sidebar kind of every sidebar line."""
    sidebar: dict[int, str] = {}
    kinds: dict[str, str | None] = {}
    if may_hold_date(text) and (m := DATE_SIGNATURE.search(text)) is not None:
        for number, line in _lines_matching(text, m, MAX_SIDEBAR_CHARS):
            if (kind := kinds.get(line, _UNSEEN)) is _UNSEEN:
                kind = kinds[line] = sidebar_kind_stripped(line)
            if kind:
                sidebar[number] = kind
    return sidebar


def _lines_matching(
    text: str, m: Any, max_chars: int, skip: AbstractSet[str] = frozenset()
) -> list[tuple[int, str]]:
    """(number, stripped text) of each line of at most ``max_chars`` holding a match.

    ``m`` is the first match of the pattern; lines longer than MAX_LINE_CHARS
    (without a final ``\\r``) are left out. After a match the search goes on from
    the next line, so each character is scanned once. Matches whose text is in
    ``skip`` do not count (the search goes on from the next character).
    """
    out: list[tuple[int, str]] = []
    append = out.append
    search, find, rfind, count = m.re.search, text.find, text.rfind, text.count
    size = len(text)
    number, counted = 1, 0
    while m is not None:
        at = m.start()
        end = find("\n", at)
        if end < 0:
            end = size
        if skip:
            # the next match that counts in this line, if any (each search goes on
            # from the last match, within the line or to the next one: linear)
            while m is not None and m.start() < end and m.group() in skip:
                m = search(text, m.start() + 1)
            if m is None or m.start() >= end:
                continue  # none in this line; m is the next line's first match
            at = m.start()
        start = rfind("\n", 0, at) + 1
        number += count("\n", counted, start)
        counted = start
        # the line's length without a final \r (as Document.lines has it) is at most the limit
        length = end - start
        if length <= MAX_LINE_CHARS or (length == MAX_LINE_CHARS + 1 and text[end - 1] == "\r"):
            line = text[start:end].strip()
            if len(line) <= max_chars:
                append((number, line))
        if end >= size:
            break
        m = search(text, end + 1)
    return out


def _find_runs(layout: Layout, content: list[int]) -> None:
    """Runs of sidebar lines among the non-blank lines (``content``: their numbers)."""
    position = {number: i for i, number in enumerate(content)}  # line number → its index
    sidebar, in_block, line = layout.sidebar, layout.in_block, layout.line
    run: list[int] = []
    last = -2  # index in content of the run's last line
    for number in [*sidebar, None]:  # the sidebar lines, in order
        at = position[number] if number is not None else -2
        if run and at == last + 1:
            run.append(number)  # type: ignore[arg-type]
            last = at
            continue
        if len(run) >= MIN_RUN and not in_block.issuperset(run):
            first = last + 1 - len(run)
            before = line(content[first - 1]) if first > 0 else None
            after = line(content[last + 1]) if last + 1 < len(content) else None
            dates_only = all(sidebar[n] == "date" for n in run)
            layout.runs.append(
                Run(line(run[0]), line(run[-1]), len(run), dates_only, before, after)
            )
        run = [number] if number is not None else []
        last = at


def _find_blocks(layout: Layout, content: list[int], keys: list[str]) -> None:
    """Later copies of earlier lines (``content``: the non-blank lines' numbers, ``keys``:
    their text stripped).

    A copy starts at a line seen before and runs as long as the lines match those
    after one of the last MAX_CANDIDATES earlier occurrences (the longest wins).
    Lines that occur once can neither start nor continue a copy: they are skipped.
    """
    counts = Counter(keys)
    starts = [i for i, key in enumerate(keys) if counts[key] > 1]
    seen: dict[str, list[int]] = {}  # line text → indices where it occurred
    n, next_start = len(content), 0
    noise_lines = layout.chrome | layout.bylines | layout.sidebar.keys()  # noise: any of them
    line = layout.line
    i = 0
    while True:
        while next_start < len(starts) and starts[next_start] < i:
            next_start += 1
        if next_start == len(starts):
            break
        i = starts[next_start]
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
        chars = sum(len(key) for key in keys[i : j + 1])
        if chars >= MIN_PARAGRAPH_CHARS or (
            j + 1 - i >= MIN_BLOCK_LINES and chars >= MIN_BLOCK_CHARS
        ):
            copy = content[i : j + 1]
            noise = noise_lines.issuperset(copy)
            source = line(content[best_src])
            layout.blocks.append(Block(line(copy[0]), line(copy[-1]), len(copy), source, noise))
            layout.in_block.update(copy)
        i = j + 1


def delete_joined(document: Document, chrome: Line, block: FurnitureBlock | None) -> Edit:
    """The edit of a chrome line followed by a block that ends the text (``Layout.joined``).

    ``block=None``: the chrome line's edit, from the break before it to its end;
    otherwise the block's, from the chrome line's end to the end of the text. The two
    touch without overlapping, so one pass of --fix applies both.
    """
    text = document.text
    if block is not None:
        return Edit(chrome.end, len(text))
    start = chrome.start
    if start > 0:
        start -= 1
        if start > 0 and text[start - 1] == "\r":
            start -= 1
    return Edit(start, chrome.end)


def delete_lines(document: Document, first: Line, last: Line) -> Edit:
    """An edit deleting lines ``first..last`` with their line breaks (no blank line left)."""
    text = document.text
    if (next_break := text.find("\n", last.end)) >= 0:
        return Edit(first.start, next_break + 1)
    # the last line of the document: take the break before it instead
    start = first.start
    if start > 0:
        start -= 1
        if start > 0 and text[start - 1] == "\r":
            start -= 1
    return Edit(start, len(text))
