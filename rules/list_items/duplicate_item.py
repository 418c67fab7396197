"""DL001 duplicate-list-item and DL002 near-duplicate-list-item."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from lint import Diagnostic, Document, Edit, Fix, FixAvailability, Rule, Severity
from rules.list_items.enumerations import (
    TRIGGERS,
    Enumeration,
    Item,
    clause_lists,
    enumerations,
    is_route,
    may_hold_lists,
)
from rules.text import fold_punctuation
from rules.vocabulary import marker_numerals

_QUOTES = str.maketrans("", "", "“”‘’\"'「」 \u3000\t")


def normalise(item: str) -> str:
    """An item with spaces and quotes removed and punctuation folded to half-width."""
    return fold_punctuation(item).translate(_QUOTES)


def _ignored(item: Item) -> bool:
    """Numbers (denominations) and one-character items: judged apart (see duplicates)."""
    return len(item.text) < 2 or all(c.isdigit() or c in ".%．" for c in item.text)


# numerals that may number the list's items (一、二、二、总则 at a line's start: DL004's)
_NUMERALS = frozenset(marker_numerals())


def _adjacent_copy(text: str, items: list[Item], j: int) -> bool:
    """Whether item ``j`` repeats item ``j - 1`` right before it, and is no stutter.

    ``听、说、说、读、写``: a copy next to its original is damage, even of one character
    or in a route. Not: a stutter or a reduplication (``我、我、我``, three in a row or
    more; ``是、是、是的``, ``就我、我``, a neighbour that extends the copy), items that
    are numbers or punctuation (``1、1、2``, ``…、…``), and numerals that open a line
    (``一、一、总则``: numbering, see DL004).
    """
    if j == 0 or j >= len(items):
        return False
    copy = items[j].text
    if copy != items[j - 1].text or not copy.isalpha() or copy.isascii():
        return False
    if j >= 2 and items[j - 2].text.endswith(copy):
        return False  # 我、我、我 / 一说话就我、我: a stutter
    if j + 1 < len(items) and items[j + 1].text.startswith(copy):
        return False  # 我、我、我 / 是、是、是的
    return not _numbering(text, items)


def _one_character(item: Item) -> bool:
    """Whether an item is one Chinese character (not a digit, letter or punctuation)."""
    return len(item.text) == 1 and item.text.isalpha() and not item.text.isascii()


def _numbering(text: str, items: list[Item]) -> bool:
    """Whether a list opens its line with a bare numeral (一、一、总则: DL004's markers)."""
    if items[0].text not in _NUMERALS:
        return False
    first = items[0].start
    lead = text[max(0, first - 4) : first]
    return first == 0 or lead.rstrip(" \u3000\t").endswith("\n") or lead.isspace()


def duplicate_items(document: Document) -> list[tuple[Enumeration, int, int, bool]]:
    """(list, earlier index, later index, exact) for each later copy of an earlier item.

    Computed once per document for DL001 and DL002.
    """
    return document.memo(_duplicate_items)


def _duplicate_items(document: Document) -> list[tuple[Enumeration, int, int, bool]]:
    text = document.text
    lists = enumerations(document).lists
    if "、" in text:
        lists = [*lists, *clause_lists(document)]
    found = [(enum, i, j, exact) for enum in lists for i, j, exact in duplicates(text, enum)]
    if found and any(enum.inner for enum in lists):
        found = _once_per_item(found)
    return found


def _once_per_item(
    found: list[tuple[Enumeration, int, int, bool]],
) -> list[tuple[Enumeration, int, int, bool]]:
    """Each copy once: a list counted inside a clause is judged again in the clause's list
    (the counted list, first, keeps it)."""
    seen: set[int] = set()
    out = []
    for enum, i, j, exact in found:
        start = enum.items[j].start
        if start not in seen:
            seen.add(start)
            out.append((enum, i, j, exact))
    return out


def duplicates(text: str, enum: Enumeration) -> list[tuple[int, int, bool]]:
    """(earlier index, later index, exact) for each later copy of an earlier item."""
    items = enum.items
    if enum.announcement is None:
        if len(items) < 3:
            return []  # 红灯、红灯: a word said twice for emphasis
        if is_route(items, text, items[0].start):
            # routes pass a place twice, but never twice in a row
            return [
                (j - 1, j, True) for j in range(1, len(items)) if _adjacent_copy(text, items, j)
            ]
    exact: dict[str, int] = {}
    near: dict[str, int] = {}
    group: dict[str, int] = {}  # one-character items since the last longer item
    short = []  # copies of one-character items
    out = []
    for j, item in enumerate(items):
        if _ignored(item):
            if j and item.text == items[j - 1].text:
                if _adjacent_copy(text, items, j):
                    short.append((j - 1, j, True))  # 红、黄、黄、绿: a one-character item twice
            elif _one_character(item) and item.text not in _NUMERALS:
                if item.text in group:
                    short.append((group[item.text], j, True))  # 鸡、鸭、鹅、鸭、鸽子
                group.setdefault(item.text, j)
            continue
        if j:
            group.clear()  # 南、北回归线、南、北极圈: a longer item closes a group
        if item.text in exact:
            out.append((exact[item.text], j, True))
            continue
        key = normalise(item.text)
        if key and key in near:
            out.append((near[key], j, False))
            continue
        exact[item.text] = j
        near.setdefault(key, j)
    if len(short) == 1:  # two copies or more: a sequence (对、错、对、错; 平、仄、仄、平)
        out = sorted([*out, *short], key=lambda found: found[1])
    return out


class DuplicateListItem(Rule):
    """An item listed twice in one enumeration (``…带头弘扬正气、带头遵纪守法、带头弘扬正气``).

    What
    ----
    A later exact copy of an earlier item in a list: items separated by 、 within
    one clause, or by commas after an announcement (``“四个始终”，即…``); a list
    counted after it is cut at its count (``会展、会展四大现代服务业``: the last item is
    ``会展``, see DL003), and so is a list of two joined by 和/及/与 and counted after it
    (``发展物流和物流两大``). Uncounted lists of
    fewer than three items (``红灯、红灯``: emphasis) and numeric items (denominations
    ``1、5、10``) are not judged. One-character items are judged next to their
    original (``听、说、说、读、写``) and among other one-character items
    (``鸡、鸭、鹅、鸭、鸽子``; not numerals: ``一、二、一``), not across a longer item
    (``南、北回归线、南、北极圈``: abbreviations sharing its ending), and only when the
    list repeats one of them once (``对、错、错、对``, ``平、仄、仄、平``: a sequence).
    Paths (roads and stops after 途经/开经 in the same clause, or lists of road names),
    where a route may pass a place twice, are judged only for a copy right after its
    original. A stutter is no copy: three in a row or more (``我、我、我``) or a
    neighbour that extends it (``是、是、是的``), nor are numerals that open a line
    (``一、一、总则``: numbering, see DL004).
    When several announced lists end in one sentence (``…即：a，“三个b”即：c、d``),
    the first one is judged: the others lie inside it.

    Why
    ---
    Copy-paste and scraping duplicate items; the list then says something its
    author did not, and often contradicts its own announced count.

    Examples
    --------
    Flagged: ``“五带头”即:带头学习提高、带头争创佳绩、带头服务群众、带头弘扬正气、``
    ``带头遵纪守法、带头弘扬正气`` (the last item); ``东非、红海、波斯湾、模里西斯、``
    ``波斯湾、马尔地夫``; ``红、黄、黄、绿``; ``蛋白质、维生素、维生素、矿物质``.

    Not flagged: ``硬币面额有1、2、5和1、5索莫尼``; ``开经：窝打老道、亚皆老街、窝打老道``;
    ``“我、我、我”``; ``哈、哈``;
    ``政治建设、思想建设、组织建设`` (items that share words are different items).

    Fix
    ---
    Safe when the list announces a count (before or after it) and deleting the copies
    makes the count match, or, in a list without a count, when the copy directly
    repeats its neighbour: it deletes the copy with the separator before it. Otherwise
    unsafe: which copy is wrong is not certain, and in ``物流、金融、会展、会展四大`` the
    copy took the place of a lost item (deleting it leaves three for 四大).
    """

    code = "DL001"
    name = "duplicate-list-item"
    family = "list-items"
    triggers = TRIGGERS
    gate = may_hold_lists  # shared: the engine asks it once per document
    fix_availability = FixAvailability.ALWAYS

    def check(self, document: Document) -> list[Diagnostic]:
        """Report each exact later copy."""
        if not may_hold_lists(document):
            return []
        copies = document.memo(_duplicate_items)
        if not copies:
            return []
        found = [(enum, i, j) for enum, i, j, exact in copies if exact]
        return list(self._report(document, found))

    def _report(
        self, document: Document, found: list[tuple[Enumeration, int, int]]
    ) -> Iterator[Diagnostic]:
        copies = Counter(id(enum) for enum, _, _ in found)  # exact copies per list
        for enum, i, j in found:
            ann = enum.announcement
            counted = ann is not None and ann.listed is not None
            fixes_count = counted and ann.listed - copies[id(enum)] == ann.count
            item, prev = enum.items[j], enum.items[j - 1]
            edit = Edit(prev.end, item.end)
            description = f"Delete the second `{item.text}`"
            # with a count, deleting is safe only when it restores the count (会展、会展四大
            # keeps four: the copy took a lost item's place); else a copy next to its
            # original is safe to delete
            safe = fixes_count if counted else i == j - 1
            fix = Fix.safe(description, edit) if safe else Fix.unsafe(description, edit)
            where = document.position(enum.items[i].start)
            note = f"; {ann.label} announces {ann.count}" if counted else ""
            yield self.report(
                item.start,
                item.end,
                f"duplicate list item `{item.text}`: already item {i + 1}"
                f" (line {where[0]}, column {where[1]}){note}",
                fix=fix,
            )


class NearDuplicateListItem(Rule):
    """An item that repeats an earlier one up to spaces, quotes or punctuation width.

    What
    ----
    Two items of one list that differ only in spaces, quotation marks or full-width
    versus half-width punctuation (``“双争”`` and ``双争``, ``带头学习 提高`` and
    ``带头学习提高``).

    Why
    ---
    Usually the same item pasted twice from two sources; worth a look, but the
    difference means it may be intended, so this is only a note.

    Examples
    --------
    Flagged (info): ``“双争”、“双育”、双争``.

    Not flagged: exact copies (DL001), ``政治建设、思想建设``.

    Fix
    ---
    None.
    """

    code = "DL002"
    name = "near-duplicate-list-item"
    family = "list-items"
    triggers = TRIGGERS
    gate = may_hold_lists  # shared: the engine asks it once per document
    default_severity = Severity.INFO

    def check(self, document: Document) -> list[Diagnostic]:
        """Note each near copy."""
        if not may_hold_lists(document):
            return []
        copies = document.memo(_duplicate_items)
        if not copies:
            return []
        return [
            self.report(
                enum.items[j].start,
                enum.items[j].end,
                f"list item `{enum.items[j].text}` nearly repeats item {i + 1}"
                f" `{enum.items[i].text}` (differs only in spaces, quotes or punctuation)",
            )
            for enum, i, j, exact in copies
            if not exact
        ]
