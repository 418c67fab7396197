"""Rule selection: which rules run, from ``select``/``extend-select``/``ignore`` selectors.

A selector is ``ALL``, a rule code (``MC001``), a code prefix (``MC``, ``MC0``) or a
rule name (``stray-mask-in-word``). The most specific selector that matches a rule
decides; between a select and an ignore equally specific, ignore wins. Without
``select``, the rules that are on by default are selected.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from lint.rule import Rule


class SelectorError(ValueError):
    """A selector that matches no rule (never silently ignored)."""


def split_selectors(values: Iterable[str]) -> list[str]:
    """Split comma-separated selector arguments into a flat, stripped list."""
    out = []
    for value in values:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return out


def specificity(selector: str, rule: type[Rule]) -> int:
    """How specifically a selector names a rule: -1 none, 0 ALL, prefix length, 100 exact."""
    if selector == "ALL":
        return 0
    if selector in (rule.code, rule.name):
        return 100
    if rule.code.startswith(selector.upper()) and selector[:1].isalpha():
        return len(selector)
    return -1


def validate_selectors(
    selectors: Iterable[str], rules: Mapping[str, type[Rule]], where: str = ""
) -> None:
    """Raise SelectorError for a selector that matches no known rule."""
    for sel in selectors:
        if sel == "ALL" or any(specificity(sel, r) >= 0 for r in rules.values()):
            continue
        known = [*rules, *(r.name for r in rules.values())]
        import difflib  # only for a selector that matches nothing

        close = difflib.get_close_matches(sel, known, n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        origin = f" in {where}" if where else ""
        raise SelectorError(f"unknown rule selector {sel!r}{origin}{hint}")


@dataclass(frozen=True)
class Selection:
    """Selectors gathered from config and command line, in the order they apply."""

    select: Sequence[str] | None = None  # None: the rules on by default
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()

    def resolve(self, rules: Mapping[str, type[Rule]]) -> list[str]:
        """Return the codes of the selected rules, in code order."""
        chosen = []
        for code, rule in rules.items():
            if self.select is None:
                best_select = 0 if rule.enabled_by_default else -1
            else:
                best_select = max((specificity(s, rule) for s in self.select), default=-1)
            best_select = max([best_select, *(specificity(s, rule) for s in self.extend_select)])
            best_ignore = max((specificity(s, rule) for s in self.ignore), default=-1)
            if best_select >= 0 and best_select > best_ignore:
                chosen.append(code)
        return chosen
