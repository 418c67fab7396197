"""Era evidence: phrases that date a text (anniversaries, five-year plans, campaigns, congresses).

The anchors live in ``data/era_anchors.toml`` (each with its source) and can be extended
from config (``extend-anchors``). ``find_evidence`` turns every anchor mention of a text into
an :class:`Evidence`: the years the mention *places the text in* while it is current
(``lo``..``hi``, with a ``weight``), and the year before which the text cannot have been
written (``since``). Lower-bound anchors (congresses, events, coinages) only set ``since``.

Matching is literal. One pass of an alternation of every name (a literal-only
pattern, searched again one character after each match so that overlapping names are
seen too) tells which names occur; ``str.find`` then lists the occurrences of those
names only.
``evidence(document, extensions)`` shares the result between rules, once per document
and per set of configured anchors.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from lint import Document
from rules.dates.extract import cn_number, fold_dates, folded_dates
from rules.dates.observance import may_hold_observance, nth_observances
from rules.lazy import LazyPattern
from rules.numerals import NUMERAL_CHARS

# Punctuation that ends a clause, in folded (half-width) or full-width form.
_CLAUSE_END = set(",.;:!?。，；：！？\n、")
_SENTENCE_PARTS = set(",.;:!?。，；：！？\n")
_CN_NUM = set(NUMERAL_CHARS)  # the numerals of small numbers: 〇零一二两…十百
# After a five-year plan's name, these make it something else (十四五岁 = 14 or 15 years old).
_PLAN_BLOCK_AFTER = set("岁个年天日人元分次名位万千百点度号届条项米斤亩家所")
_PLAN_VERBS = ("谋划", "编制", "制定", "起草", "编好", "筹划", "前期研究", "研究制定", "制订")
_PLAN_NOUNS = ("规划", "计划", "纲要")
_STRICT_AFTER = ("规划", "计划", "期间", "时期")
_ANNIV_VERBS = ("热烈庆祝", "隆重庆祝", "庆祝", "纪念", "喜迎", "迎接", "迎")
# An anniversary named as the occasion of a speech or document is a citation, not the present.
_TARGET_BEFORE = ("到", "至", "迄", "到了")
_TARGET_AFTER = ("时", "之时", "的时候", "之际前", "前")
# Words earlier in the clause that make a campaign or plan a recollection (先后开展了…).
_RETRO = ("先后", "相继", "历次", "曾经", "曾", "回顾", "当年", "那年", "那时", "以往", "过去")
_RETRO_WORDS = LazyPattern(re, "|".join(_RETRO))
_ANNIV_CITED = ("大会上", "讲话", "之际发表", "重要讲话")
_SINCE_JUBILEE = ("以来", "之后", "以后")


@dataclass(frozen=True, slots=True)
class Anchor:
    """One dated phrase family from the data file or the config."""

    id: str
    type: str  # anniversary | plan | period | bound | point
    names: tuple[str, ...]
    source: str
    base: int | None = None
    start: int | None = None
    end: int | None = None
    since: int | None = None
    year: int | None = None
    prep: int = 1
    weight: float = 1.0
    strict: bool = False
    context: tuple[str, ...] = ()
    window: int = 10


class Evidence(NamedTuple):
    """One anchor mention: its span, label and the years it implies."""

    anchor: str  # Anchor.id
    label: str  # the text cited in messages
    start: int
    end: int
    lo: int | None  # the mention places the text in lo..hi (None: no such claim)
    hi: int | None
    since: int | None  # the text is not older than this year
    weight: float
    source: str

    def years(self) -> str:
        """``2010`` or ``2010–2012`` for messages."""
        if self.lo is None or self.hi is None:
            return f"{self.since}–" if self.since is not None else "?"
        return str(self.lo) if self.lo == self.hi else f"{self.lo}–{self.hi}"


def _anchor_from_table(row: dict) -> Anchor:
    kind = row["type"]
    if kind not in ("anniversary", "plan", "period", "bound", "point"):
        raise ValueError(f"era anchor {row.get('id')!r}: unknown type {kind!r}")
    return Anchor(
        id=row["id"],
        type=kind,
        names=tuple(sorted(row["names"], key=len, reverse=True)),
        source=row["source"],
        base=row.get("base"),
        start=row.get("start"),
        end=row.get("end"),
        since=row.get("since"),
        year=row.get("year"),
        prep=row.get("prep", 1),
        weight=float(row.get("weight", 1.0)),
        strict=bool(row.get("strict", False)),
        context=tuple(row.get("context", ())),
        window=int(row.get("window", 10)),
    )


def parse_extension(spec: str) -> Anchor:
    """Parse a config anchor: ``phrase=2011`` (one year), ``phrase=2010-2012`` (a period,
    ``phrase=2016-`` open-ended) or ``phrase>=2017`` (a lower bound)."""
    if ">=" in spec:
        name, _, value = spec.partition(">=")
        year = int(value.strip())
        return Anchor(f"config:{name.strip()}", "bound", (name.strip(),), "config", year=year)
    name, sep, value = spec.partition("=")
    name, value = name.strip(), value.strip()
    if not sep or not name or not value:
        raise ValueError(
            f"era anchor {spec!r}: expected 'phrase=YYYY', 'phrase=YYYY-YYYY' or 'phrase>=YYYY'"
        )
    if "-" in value:
        a, _, b = value.partition("-")
        start, end = int(a), (int(b) if b.strip() else None)
        return Anchor(f"config:{name}", "period", (name,), "config", start=start, end=end)
    return Anchor(f"config:{name}", "point", (name,), "config", year=int(value))


@functools.cache
def builtin_anchors() -> tuple[Anchor, ...]:
    """The anchors of ``data/era_anchors.toml`` (loaded once per process)."""
    raw = (Path(__file__).parent / "data" / "era_anchors.toml").read_text("utf-8")
    import tomllib  # (read once, on first use: start-up does not pay for it)

    return tuple(_anchor_from_table(row) for row in tomllib.loads(raw)["anchor"])


@functools.cache
def load_anchors(extra: tuple[str, ...] = ()) -> tuple[Anchor, ...]:
    """Built-in anchors plus the ones given in config (cached per distinct config)."""
    return builtin_anchors() + tuple(parse_extension(s) for s in extra)


# -- matching -------------------------------------------------------------------------


def _occurrences(text: str, name: str) -> Iterable[int]:
    find = text.find
    i = find(name)
    while i != -1:
        yield i
        i = find(name, i + len(name))


def _clause_start(text: str, pos: int, limit: int = 30) -> int:
    i = pos
    while i > 0 and pos - i < limit and text[i - 1] not in _CLAUSE_END:
        i -= 1
    return i


def _clause_end(text: str, pos: int, limit: int = 30) -> int:
    i = pos
    n = len(text)
    while i < n and i - pos < limit and text[i] not in _CLAUSE_END:
        i += 1
    return i


_QUOTE_CHARS = '“”"‘’「」『』'


def _strip_quotes(text: str) -> tuple[str, list[int]]:
    """``text`` without quotation marks, and the removed marks' positions in the result
    (“创先争优”活动 matches 创先争优活动; offsets map back with ``bisect``)."""
    found: list[int] = []
    for q in _QUOTE_CHARS:
        i = text.find(q)
        while i != -1:
            found.append(i)
            i = text.find(q, i + 1)
    if not found:
        return text, []
    found.sort()
    for q in _QUOTE_CHARS:
        if q in text:
            text = text.replace(q, "")
    return text, [p - k for k, p in enumerate(found)]


def _balance_quotes(o: str, a: int, b: int) -> tuple[int, int]:
    """Widen ``o[a:b]`` by a quotation mark on either side when one is left unpaired."""
    marks = [c for c in o[a:b] if c in '“”"']
    if marks and a > 0 and o[a - 1] in '“"' and (marks[0] == "”" or marks.count('"') % 2):
        a -= 1
        marks.insert(0, o[a])
    if marks and b < len(o) and o[b] in '”"' and (marks[-1] == "“" or marks.count('"') % 2):
        b += 1
    return a, b


def _trie_pattern(words: Iterable[str]) -> str:
    """A pattern matching any of ``words``, longest first, factored by common prefixes
    (each branch starts with its own literal, so a position costs a few comparisons)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        alt = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{alt})?" if "" in node else alt

    return build(trie)


class _Names:
    """Every name of an anchor set in one pattern, and the names each name starts with."""

    def __init__(self, names: tuple[str, ...]) -> None:
        ordered = sorted(set(names))
        self.pattern = re.compile(_trie_pattern(ordered))
        self.prefixes = {n: tuple(m for m in ordered if n.startswith(m)) for n in ordered}

    def present(self, text: str) -> set[str]:
        """The names that occur in ``text``.

        At each offset where a name matches, the alternation (longest first) gives the
        longest one; every other name that matches there is one of its prefixes.
        """
        found: set[str] = set()
        search = self.pattern.search
        m = search(text)
        while m is not None:
            found.update(self.prefixes[m.group()])
            m = search(text, m.start() + 1)
        return found


@functools.cache
def _names(names: tuple[str, ...]) -> _Names:
    return _Names(names)


class _Finder:
    def __init__(self, text: str, names: _Names, folded: str | None = None) -> None:
        self.orig = text
        self.text, self.shifted = _strip_quotes(folded if folded is not None else fold_dates(text))
        self.out: list[Evidence] = []
        # per anchor, every offset its recorded mentions cover (mentions are short, so
        # an overlap test costs the length of the mention, not the number of mentions)
        self.used: dict[str, set[int]] = {}
        self._anniv_numbers: list[tuple[int, int, int]] | None = None
        self.present = names.present(self.text)

    def occurrences(self, name: str) -> Iterable[int]:
        """Offsets of ``name`` in the quote-free text."""
        return _occurrences(self.text, name) if name in self.present else ()

    def to_orig(self, pos: int) -> int:
        """The original offset of a character of the quote-free text."""
        return pos + bisect_right(self.shifted, pos) if self.shifted else pos

    def to_orig_end(self, end: int) -> int:
        """The original offset of an exclusive end in the quote-free text."""
        return self.to_orig(end - 1) + 1 if self.shifted and end > 0 else end

    def quoted(self, start: int, end: int) -> bool:
        """Whether a span of the quote-free text stood between quotation marks."""
        a, b = self.to_orig(start), self.to_orig_end(end)
        o = self.orig
        return a > 0 and o[a - 1] in _QUOTE_CHARS and b < len(o) and o[b] in _QUOTE_CHARS

    def _free(self, anchor: Anchor, start: int, end: int) -> bool:
        """Record ``start..end`` for ``anchor`` unless it overlaps one of its earlier mentions."""
        covered = self.used.get(anchor.id)
        if covered is None:
            covered = self.used[anchor.id] = set()
        elif any(i in covered for i in range(start, end)):
            return False
        covered.update(range(start, end))
        return True

    def emit(
        self,
        anchor: Anchor,
        start: int,
        end: int,
        lo: int | None,
        hi: int | None,
        since: int | None,
        weight: float,
        label_span: tuple[int, int] | None = None,
    ) -> None:
        """Record one piece of evidence at ``start..end`` (mapped back to the original text)."""
        ls, le = label_span or (start, end)
        a, b = self.to_orig(ls), self.to_orig_end(le)
        o = self.orig
        a, b = _balance_quotes(o, a, b)
        self.out.append(Evidence(anchor.id, o[a:b], a, b, lo, hi, since, weight, anchor.source))

    def _is_target(self, start: int, end: int) -> bool:
        """Whether a dated mention is a milestone ahead (到建党一百年时), not the present."""
        t = self.text
        head = t[max(0, start - 2) : start]
        return head.endswith(_TARGET_BEFORE) or t.startswith(_TARGET_AFTER, end)

    # anniversaries: "<name><N>周年"
    def anniversary_numbers(self) -> list[tuple[int, int, int]]:
        """(number start, 周年 end, N) for every '<N>周年' of the text."""
        if self._anniv_numbers is None:
            t = self.text
            found = []
            for p in _occurrences(t, "周年"):
                q = p - 1 if p > 0 and t[p - 1] == " " else p
                s = q
                while s > 0 and q - s < 3 and t[s - 1].isdigit():
                    s -= 1
                if s == q:
                    while s > 0 and q - s < 5 and t[s - 1] in _CN_NUM:
                        s -= 1
                value = cn_number(t[s:q]) if s < q else None
                if value is not None and 0 < value < 200:
                    if s > 0 and t[s - 1] == " ":
                        s -= 1
                    found.append((s, p + 2, value))
            self._anniv_numbers = found
        return self._anniv_numbers

    def anniversary(self, anchor: Anchor) -> None:
        t = self.text
        assert anchor.base is not None
        last_chars = {name[-1] for name in anchor.names}  # a name ends right before N
        for s, end, n in self.anniversary_numbers():
            if not s or t[s - 1] not in last_chars:
                continue
            for name in anchor.names:
                ns = s - len(name)
                if ns >= 0 and t.startswith(name, ns):
                    break
            else:
                continue
            if not self._free(anchor, ns, end):
                continue
            year = anchor.base + n
            label_start = ns
            for verb in _ANNIV_VERBS:
                if t.startswith(verb, ns - len(verb)):
                    label_start = ns - len(verb)
                    break
            if self._is_target(label_start, end):
                continue
            after = t[end : end + 12]
            cited = any(w in after for w in _ANNIV_CITED)
            if after.startswith(_SINCE_JUBILEE):
                # 建党90周年以来: the jubilee is behind the text, which is not older than it
                self.emit(anchor, ns, end, None, None, year, 0.0, (label_start, end))
            elif cited:
                self.emit(anchor, ns, end, None, None, year - 1, 0.0, (label_start, end))
            else:
                self.emit(anchor, ns, end, year, year, year - 1, 2.0, (label_start, end))

    def point(self, anchor: Anchor) -> None:
        assert anchor.year is not None
        for name in anchor.names:
            for i in self.occurrences(name):
                if self._is_target(i, i + len(name)):
                    continue
                if self._free(anchor, i, i + len(name)):
                    y = anchor.year
                    self.emit(anchor, i, i + len(name), y, y, y - 1, 2.0)

    def plan(self, anchor: Anchor) -> None:
        t = self.text
        assert anchor.start is not None and anchor.end is not None
        start, end = anchor.start, anchor.end
        for name in anchor.names:
            for i in self.occurrences(name):
                j = i + len(name)
                before = t[i - 1] if i > 0 else ""
                after = t[j] if j < len(t) else ""
                if before in _CN_NUM or before == "第" or after in _CN_NUM:
                    continue
                if after in _PLAN_BLOCK_AFTER:
                    continue
                quoted = self.quoted(i, j)
                k = j
                if anchor.strict and not (quoted or t.startswith(_STRICT_AFTER, k)):
                    continue
                if not self._free(anchor, i, j):
                    continue
                cs = _clause_start(t, i, 14)
                ce = _clause_end(t, k, 14)
                head = t[cs:i]
                tail = t[k:ce]
                verb = next((v for v in _PLAN_VERBS if v in head), None)
                if verb is not None and any(n in tail for n in _PLAN_NOUNS):
                    vs = cs + head.index(verb)
                    ne = k + max(tail.index(n) + len(n) for n in _PLAN_NOUNS if n in tail)
                    self.emit(anchor, i, j, start - 2, start, start - 2, 2.0, (vs, ne))
                elif "开局" in tail or "第一年" in tail:
                    self.emit(anchor, i, j, start, start, start - 1, 2.0, (i, ce))
                elif "收官" in tail or "最后一年" in tail:
                    self.emit(anchor, i, j, end, end, start, 2.0, (i, ce))
                elif self._recalled(i):
                    self.emit(anchor, i, j, None, None, start - 2, 0.0)
                else:
                    self.emit(anchor, i, j, start - 2, end, start - 2, 0.5)

    def period(self, anchor: Anchor) -> None:
        assert anchor.start is not None
        since = anchor.since if anchor.since is not None else anchor.start
        for name in anchor.names:
            for i in self.occurrences(name):
                j = i + len(name)
                if not self._free(anchor, i, j):
                    continue
                label = (i, j)
                if anchor.context:
                    label = self._context_span(anchor, i, j)
                    if label is None:
                        self.emit(anchor, i, j, None, None, since, 0.0)
                        continue
                if anchor.end is None or self._recalled(i):
                    self.emit(anchor, i, j, None, None, since, 0.0, label)
                else:
                    self.emit(anchor, i, j, anchor.start, anchor.end, since, anchor.weight, label)

    def _recalled(self, i: int) -> bool:
        """Whether the clause before a mention recalls the past (我们先后开展了…)."""
        t = self.text
        k = i
        while k > 0 and i - k < 40 and t[k - 1] not in _SENTENCE_PARTS:
            k -= 1  # an enumeration (、和) stays in the clause: 先后开展了A、B和C
        return _RETRO_WORDS.search(t, k, i) is not None

    def _context_span(self, anchor: Anchor, i: int, j: int) -> tuple[int, int] | None:
        """The span from the name to the nearest context word around it, or None."""
        t = self.text
        after = t[j : j + anchor.window]
        hits = [(after.index(c), c) for c in anchor.context if c in after]
        if hits:
            k, c = min(hits)
            return i, j + k + len(c)
        lo = max(0, i - anchor.window)
        before = t[lo:i]
        hits = [(before.rindex(c), c) for c in anchor.context if c in before]
        if hits:
            return lo + max(hits)[0], j
        return None

    def bound(self, anchor: Anchor) -> None:
        assert anchor.year is not None
        for name in anchor.names:
            for i in self.occurrences(name):
                if self._free(anchor, i, i + len(name)):
                    self.emit(anchor, i, i + len(name), None, None, anchor.year - anchor.prep, 0.0)


class _AnchorSet:
    """An anchor set prepared once: its names in one pattern, and per name the anchors
    that can only find a mention where that name occurs (every anchor type does)."""

    def __init__(self, anchors: tuple[Anchor, ...]) -> None:
        self.anchors = anchors
        self.names = _names(tuple(n for a in anchors for n in a.names))
        by_name: dict[str, list[int]] = {}
        for k, anchor in enumerate(anchors):
            for name in anchor.names:
                by_name.setdefault(name, []).append(k)
        self.by_name = {n: tuple(ks) for n, ks in by_name.items()}


# anchor sets by identity (``load_anchors`` returns one tuple per configuration): hashing
# a tuple of dataclasses per document would cost more than the look-up saves
_ANCHOR_SETS: dict[int, _AnchorSet] = {}


def _anchor_set(anchors: tuple[Anchor, ...]) -> _AnchorSet:
    prepared = _ANCHOR_SETS.get(id(anchors))
    if prepared is None or prepared.anchors is not anchors:
        if len(_ANCHOR_SETS) >= 16:  # callers that pass a new tuple each time
            _ANCHOR_SETS.clear()
        prepared = _ANCHOR_SETS[id(anchors)] = _AnchorSet(anchors)
    return prepared


def _by_position(e: Evidence) -> tuple[int, int]:
    return e.start, e.end


def find_evidence(
    text: str, anchors: Iterable[Anchor], folded: str | None = None
) -> list[Evidence]:
    """Every anchor mention of ``text``, sorted by position (labels quote the original)."""
    prepared = _anchor_set(tuple(anchors))
    f = _Finder(text, prepared.names, folded)
    if not f.present:
        return f.out  # every anchor needs one of its names in the text
    by_name = prepared.by_name
    wanted: set[int] = set()
    for name in f.present:
        wanted.update(by_name[name])
    all_anchors = prepared.anchors
    for k in sorted(wanted):  # the anchors' own order, as every anchor would be read
        anchor = all_anchors[k]
        getattr(f, anchor.type)(anchor)
    f.out.sort(key=_by_position)
    return f.out


def evidence(document: Document, extensions: tuple[str, ...] = ()) -> list[Evidence]:
    """The era evidence of a document with the built-in anchors plus ``extensions`` (the
    ``extend-anchors`` specs), computed once per document and per set of extensions."""
    return document.memo(_evidence, tuple(extensions))


def _evidence(document: Document, extensions: tuple[str, ...]) -> list[Evidence]:
    folded = folded_dates(document)
    found = find_evidence(document.text, load_anchors(extensions), folded)
    if may_hold_observance(document.text):
        found += observance_evidence(document.text, folded)
        found.sort(key=lambda e: (e.start, e.end))
    return found


# after an observance: a leader's speech cited later, not the occasion of this text
_OBSERVANCE_CITED = ("讲话精神", "重要讲话", "以来", "之后", "以后")
# around it: the text is written for the occasion (今天是…, 在…到来之际, …庆祝大会)
_OBSERVANCE_NOW_BEFORE = (
    "今天是",
    "今年是",
    "迎来",
    "喜迎",
    "庆祝",
    "欢度",
    "值此",
    "恰逢",
    "正值",
)
_OBSERVANCE_NOW_AFTER = ("到来之际", "来临之际", "之际", "庆祝大会", "表彰大会", "即将到来", "前夕")


def observance_evidence(text: str, folded: str) -> list[Evidence]:
    """``今天是第27个教师节`` / ``在第27个教师节到来之际``: the text is from 2011.

    A text names the Nth observance while it is held; a target (到第30个教师节时) or a
    cited speech (…重要讲话) places nothing.
    """
    out = []
    for nth in nth_observances(folded):
        if folded.endswith(_TARGET_BEFORE, 0, nth.start) or folded.startswith(
            _TARGET_AFTER, nth.end
        ):
            continue
        after = folded[nth.end : nth.end + 12]
        if any(w in after for w in _OBSERVANCE_CITED):
            continue
        before = folded[max(0, nth.start - 8) : nth.start]
        if nth.n < 3 or not (
            any(w in before for w in _OBSERVANCE_NOW_BEFORE)
            or any(w in after for w in _OBSERVANCE_NOW_AFTER)
        ):
            continue  # 第一个世界环境日 (history), a mention without the present around it
        year = nth.year
        o = nth.observance
        out.append(
            Evidence(
                f"observance:{o.id}",
                text[nth.start : nth.end],
                nth.start,
                nth.end,
                year,
                year,
                year - 1,
                2.0,
                o.source,
            )
        )
    return out
