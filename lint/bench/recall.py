"""Recall on injected damage: put one known defect into clean documents, count what is found.

The maintainers measure recall on held-out pages into which they injected the kinds
of damage scrapelint is for. This module does the same on the clean corpus, so that
recall can be measured here, before and after a change, with one command
(``python -m lint.bench --recall``). Each kind of damage is an injector: given a
clean text and a seeded random generator, it returns the damaged text and the span
of the damage, or ``None`` when the text has no place for it. A defect counts as
found when a finding of the kind's rules lies on a line the damage touches (or on
the count that the damage contradicts). Findings on the damaged document that the
clean one did not have, elsewhere, are counted too: a rule that finds the damage by
also crying wolf is not doing well.

Everything is deterministic: the generator of each document is seeded from its
label, so the same corpus gives the same injections on every run and machine. The
injectors know only the shapes named in the issues' descriptions (a list item
written twice, a count that no longer matches, a year rewritten to look fresh,
masked digits or characters, a repeated paragraph); they share no code or word list
with the rules, so what they measure is not the rules' own vocabulary.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import regex

from lint.bench.corpus import BenchDocument
from lint.diagnostic import Diagnostic, Severity
from lint.document import Document, Source
from lint.linter import check_document
from lint.rule import Rule

SEED = 20261202  # the base of every document's generator: change it for another sample

_ITEM = r"\p{Han}{1,8}"
# a list of three or more 、-separated items, the last possibly joined by 和/及/与
_LIST = regex.compile(rf"(?:{_ITEM}、){{2,}}{_ITEM}")
_NUMERALS = "一二三四五六七八九十"
_VALUES = {c: i for i, c in enumerate(_NUMERALS, 1)} | {"两": 2}
_MEASURES = "大个项类种部分级条家所座省地支位名门件批"
# a list whose count follows it: 春、夏、秋、冬四个 (the count's numeral is group "n")
_COUNTED = regex.compile(
    rf"(?P<items>(?:{_ITEM}、)+{_ITEM}(?:[和及与]{_ITEM})?)(?P<etc>等)?"
    rf"(?P<n>[二两三四五六七八九])(?P<measure>方面|部分|[{_MEASURES}])"
)
# a last "item" holding one of these has run on into the sentence (欧米茄这两家): not a list
_NOT_IN_ITEM = "这那的是在了"
_YEAR = regex.compile(r"(?<![0-9０-９])(19[5-9][0-9]|20[01][0-9])年")
_ANY_YEAR = regex.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2})年")
_MONTH_DAY = regex.compile(r"(?<![0-9])([0-9]{1,2})月([0-9]{1,2})日")
_HAN_RUN = regex.compile(r"\p{Han}{6,}")
# a name before a title word, after punctuation or a space (the injector's own short list)
_NAMED = regex.compile(
    r"(?<=[，。、：；\s（(])(?P<name>\p{Han}{2,3})(?=同志|书记|主任|局长|市长|县长|记者|教授|先生|女士)"
)
_PARAGRAPH_MIN = 40  # characters of a paragraph worth repeating


@dataclass(frozen=True)
class Damage:
    """A damaged text and where the damage is: ``start``..``end`` in the damaged text."""

    text: str
    start: int
    end: int
    # the span of something else the damage contradicts (a count), also a fair place
    # for a finding; None when there is none
    related: tuple[int, int] | None = None


Injector = Callable[[str, random.Random], Damage | None]


@dataclass(frozen=True)
class Kind:
    """One kind of damage: its injector, the rule codes that should find it, what it is."""

    name: str
    inject: Injector
    codes: tuple[str, ...]  # rule codes or code prefixes (DL, MC001) that count as found
    description: str


def _items(items: str) -> list[str]:
    """The items of ``A、B、C和D``."""
    head, *rest = regex.split(r"[和及与](?=[^、]*$)", items, maxsplit=1)
    return head.split("、") + rest


def duplicate_list_item(text: str, rng: random.Random) -> Damage | None:
    """Write a middle item of a 、-list a second time, next to itself or after a later item.

    Only items with a 、 on both sides are copied: where the first item begins and
    the last one ends cannot be told without reading the sentence.
    """
    found = [m for m in _LIST.finditer(text) if m.group().count("、") >= 2]
    if not found:
        return None
    m = rng.choice(found)
    seps = [m.start() + k for k, c in enumerate(m.group()) if c == "、"]
    i = rng.randrange(len(seps) - 1)  # the item between seps[i] and seps[i + 1]
    item = text[seps[i] + 1 : seps[i + 1]]
    j = i if rng.random() < 0.5 else rng.randrange(i, len(seps) - 1)
    at = seps[j + 1]  # after item j, before its 、
    copy = "、" + item
    return Damage(text[:at] + copy + text[at:], at, at + len(copy))


def miscount_list(text: str, rng: random.Random) -> Damage | None:
    """Change the count after a list (春、夏、秋、冬四个) so that it no longer matches the items.

    Only lists whose count matches their items before the damage, and whose last item
    is short and plainly an item (the first may begin inside the sentence: it counts
    as one item either way).
    """
    found = []
    for m in _COUNTED.finditer(text):
        if m.group("etc") or m.group("items").endswith("等"):
            continue  # 等 + count: the list may be open
        items = _items(m.group("items"))
        if (
            len(items) == _VALUES[m.group("n")]
            and len(set(items)) == len(items)
            and len(items[-1]) <= 4
            and not any(c in items[-1] for c in _NOT_IN_ITEM)
        ):
            found.append(m)
    if not found:
        return None
    m = rng.choice(found)
    right = _VALUES[m.group("n")]
    wrong = right + 1 if right == 2 or rng.random() < 0.5 else right - 1
    at = m.start("n")
    damaged = text[:at] + ("两" if wrong == 2 else _NUMERALS[wrong - 1]) + text[at + 1 :]
    return Damage(damaged, at, at + 1, related=(m.start(), m.end()))


def rewrite_year(text: str, rng: random.Random) -> Damage | None:
    """Rewrite one year (1950–2019) to 2023 or 2024, as sites that freshen old pages do.

    Only a year at least five years before the new one, in a text whose years all
    lie before the new one, so that the damage is a year the text did not have.
    """
    years = list(_YEAR.finditer(text))
    if not years:
        return None
    latest = max(int(m.group(1)) for m in _ANY_YEAR.finditer(text))
    fresh = rng.choice((2023, 2024))
    if latest >= fresh - 2:
        return None
    m = rng.choice(years)
    if int(m.group(1)) > fresh - 5:
        return None
    damaged = text[: m.start(1)] + str(fresh) + text[m.end(1) :]
    return Damage(damaged, m.start(1), m.end(1))


def has_timeline(damage: Damage) -> bool:
    """Whether the text around a rewritten year gives it away: two or more other years."""
    others = {
        m.group(1)
        for m in _ANY_YEAR.finditer(damage.text)
        if not (m.start(1) == damage.start and m.end(1) == damage.end)
    }
    return len(others) >= 2


def mask_digits(text: str, rng: random.Random) -> Damage | None:
    """Mask the month of a date with stars: 10月6日 → **月6日."""
    found = [m for m in _MONTH_DAY.finditer(text) if 1 <= int(m.group(1)) <= 12]
    if not found:
        return None
    m = rng.choice(found)
    stars = "*" * len(m.group(1))
    damaged = text[: m.start(1)] + stars + text[m.end(1) :]
    return Damage(damaged, m.start(1), m.end(1))


def mask_characters(text: str, rng: random.Random) -> Damage | None:
    """Replace one or two Chinese characters inside a run of prose with stars (censoring)."""
    runs = list(_HAN_RUN.finditer(text))
    if not runs:
        return None
    m = rng.choice(runs)
    width = rng.choice((1, 2))
    at = rng.randrange(m.start() + 1, m.end() - width - 1)
    damaged = text[:at] + "*" * width + text[at + width :]
    return Damage(damaged, at, at + width)


def stray_mark(text: str, rng: random.Random) -> Damage | None:
    """Drop a stray star between two Chinese characters inside a run of prose."""
    runs = list(_HAN_RUN.finditer(text))
    if not runs:
        return None
    m = rng.choice(runs)
    at = rng.randrange(m.start() + 2, m.end() - 2)
    return Damage(text[:at] + "*" + text[at:], at, at + 1)


def box_characters(text: str, rng: random.Random) -> Damage | None:
    """Replace one to three characters inside a run of prose with □ (a lost glyph)."""
    runs = list(_HAN_RUN.finditer(text))
    if not runs:
        return None
    m = rng.choice(runs)
    width = rng.choice((1, 2, 3))
    at = rng.randrange(m.start() + 1, m.end() - width - 1)
    damaged = text[:at] + "□" * width + text[at + width :]
    return Damage(damaged, at, at + width)


def mask_name(text: str, rng: random.Random) -> Damage | None:
    """Replace the two or three characters before a title (同志, 书记, 记者…) with ×××."""
    found = [m for m in _NAMED.finditer(text)]
    if not found:
        return None
    m = rng.choice(found)
    damaged = text[: m.start("name")] + "×××" + text[m.end("name") :]
    return Damage(damaged, m.start("name"), m.start("name") + 3)


def repeat_paragraph(text: str, rng: random.Random) -> Damage | None:
    """Paste a paragraph (a line of 40+ characters) a second time, after a later line."""
    lines = text.split("\n")
    offsets = []
    at = 0
    for line in lines:
        offsets.append(at)
        at += len(line) + 1
    long = [i for i, line in enumerate(lines) if len(line.strip()) >= _PARAGRAPH_MIN]
    if len(lines) < 3 or not long:
        return None
    i = rng.choice(long)
    j = rng.randrange(i, len(lines))
    insert = offsets[j] + len(lines[j])
    copy = "\n" + lines[i]
    damaged = text[:insert] + copy + text[insert:]
    return Damage(damaged, insert + 1, insert + len(copy))


KINDS: tuple[Kind, ...] = (
    Kind(
        "list-duplicate",
        duplicate_list_item,
        ("DL001", "DL002", "DL003"),
        "an item of a 、-list written twice",
    ),
    Kind("list-miscount", miscount_list, ("DL003",), "the count after a list changed by one"),
    Kind("year-rewrite", rewrite_year, ("DT",), "a year rewritten to 2023/2024"),
    Kind("masked-digits", mask_digits, ("MC",), "a date's month masked: **月6日"),
    Kind("masked-characters", mask_characters, ("MC",), "one or two characters of prose → *"),
    Kind("stray-mark", stray_mark, ("MC",), "a * dropped between two characters of prose"),
    Kind("masked-name", mask_name, ("MC",), "a name before a title word → ×××"),
    Kind("boxed-characters", box_characters, ("MC",), "one to three characters of prose → □"),
    Kind("repeated-paragraph", repeat_paragraph, ("SA003",), "a paragraph pasted twice"),
)


def kinds_named(names: Iterable[str] | None) -> list[Kind]:
    """The kinds with these names (all when None); a ValueError names an unknown one."""
    if not names:
        return list(KINDS)
    by_name = {k.name: k for k in KINDS}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise ValueError(f"unknown damage kind {', '.join(unknown)} (known: {', '.join(by_name)})")
    return [by_name[n] for n in names]


def _draw(label: str, kind: str, seed: int) -> int:
    """A number fixed by the seed, the kind and the document's label."""
    digest = hashlib.blake2b(f"{seed}:{kind}:{label}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def document_rng(label: str, kind: str, seed: int = SEED) -> random.Random:
    """The generator for one document and kind: the same on every run and machine."""
    return random.Random(_draw(label, kind, seed))


@dataclass
class Outcome:
    """What happened to the damage put into one document."""

    label: str
    found: bool  # a finding of the kind's rules at the damage, of any severity
    warned: bool  # ... of which one is a warning or an error (not only a note)
    excerpt: str  # the damaged text around the damage, for the list of misses
    new_elsewhere: int  # warnings the clean text did not have, away from the damage
    timeline: bool = False  # year-rewrite only: other years give the rewrite away


@dataclass
class KindResult:
    """A kind's outcomes over the sample."""

    kind: Kind
    outcomes: list[Outcome] = field(default_factory=list)
    skipped: int = 0  # documents whose clean text already had a finding at the place

    @property
    def found(self) -> int:
        """How many injected defects were found."""
        return sum(o.found for o in self.outcomes)

    @property
    def warned(self) -> int:
        """How many were found with a warning or an error, not only a note."""
        return sum(o.warned for o in self.outcomes)

    @property
    def recall(self) -> float | None:
        """Found / injected (None when nothing was injected)."""
        return self.found / len(self.outcomes) if self.outcomes else None

    @property
    def new_elsewhere(self) -> int:
        """Warnings that appeared away from the damage, over all damaged documents."""
        return sum(o.new_elsewhere for o in self.outcomes)


def _matches(code: str, codes: Sequence[str]) -> bool:
    return any(code.startswith(c) for c in codes)


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The lines that ``start``..``end`` touches, as a span of the text."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, len(text) if last < 0 else last


def _overlaps(d: Diagnostic, span: tuple[int, int]) -> bool:
    return d.start <= span[1] and d.end >= span[0]


def _findings(text: str, rules: Sequence[Rule], label: str) -> list[Diagnostic]:
    return check_document(Document(text, Source(label)), rules)


def _shift(d: Diagnostic, damage: Damage, inserted: int) -> tuple[int, int]:
    """A clean finding's span in the damaged text (text after the damage moves)."""
    start, end = d.start, d.end
    if start >= damage.start:
        start += inserted
    if end >= damage.start:
        end += inserted
    return start, end


def measure_kind(
    kind: Kind,
    documents: Sequence[BenchDocument],
    rules: Sequence[Rule],
    *,
    limit: int = 300,
    seed: int = SEED,
) -> KindResult:
    """Inject ``kind`` into up to ``limit`` documents and count what is found.

    The documents are taken in an order shuffled by the seed (the same on every run),
    so that a limited sample draws on every source of the corpus, not on its first file.
    """
    result = KindResult(kind)
    for doc in sorted(documents, key=lambda d: _draw(d.label, kind.name, seed)):
        if len(result.outcomes) >= limit:
            break
        damage = kind.inject(doc.text, document_rng(doc.label, kind.name, seed))
        if damage is None:
            continue
        near = _line_span(damage.text, damage.start, damage.end)
        places = [near]
        if damage.related is not None:
            places.append(_line_span(damage.text, *damage.related))
        inserted = len(damage.text) - len(doc.text)
        before = _findings(doc.text, rules, doc.label)
        moved = [_shift(d, damage, inserted) for d in before]
        if any(
            _matches(d.code, kind.codes) and span[0] <= p[1] and span[1] >= p[0]
            for d, span in zip(before, moved, strict=True)
            for p in places
        ):
            result.skipped += 1  # already flagged there: the damage cannot be told apart
            continue
        after = _findings(damage.text, rules, doc.label)
        hits = [
            d
            for d in after
            if _matches(d.code, kind.codes) and any(_overlaps(d, p) for p in places)
        ]
        old = {(d.code, span) for d, span in zip(before, moved, strict=True)}
        elsewhere = sum(
            1
            for d in after
            if d.severity >= Severity.WARNING
            and (d.code, (d.start, d.end)) not in old
            and not any(_overlaps(d, p) for p in places)
        )
        lo, hi = max(0, damage.start - 30), min(len(damage.text), damage.end + 30)
        excerpt = damage.text[lo:hi].replace("\n", "⏎")
        timeline = kind.inject is rewrite_year and has_timeline(damage)
        warned = any(d.severity >= Severity.WARNING for d in hits)
        result.outcomes.append(Outcome(doc.label, bool(hits), warned, excerpt, elsewhere, timeline))
    return result


def measure(
    kinds: Sequence[Kind],
    documents: Sequence[BenchDocument],
    rules: Sequence[Rule],
    *,
    limit: int = 300,
    seed: int = SEED,
) -> list[KindResult]:
    """Every kind measured on the same documents."""
    return [measure_kind(k, documents, rules, limit=limit, seed=seed) for k in kinds]
