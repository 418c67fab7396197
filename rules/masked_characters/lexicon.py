"""The MC lexicons: a word list (from jieba) and standard formulas, loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

MIN_WORD = 4  # a stray mask must sit inside a word at least this long
MAX_WORD = 8


def _data_lines(name: str) -> list[str]:
    text = files("rules.masked_characters").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def default_words() -> frozenset[str]:
    """The shipped word list (words of 4+ Han characters from jieba's dictionary)."""
    return frozenset(_data_lines("words.txt"))


@cache
def words(extra: tuple[str, ...] = ()) -> frozenset[str]:
    """The word list with ``extra`` words added (cached per distinct extension)."""
    return default_words() | frozenset(extra) if extra else default_words()


@dataclass(frozen=True, slots=True)
class Formula:
    """A fixed sequence of terms (each with its alternative spellings) and its source."""

    terms: tuple[tuple[str, ...], ...]
    source: str

    @property
    def text(self) -> str:
        """The formula as usually written (first spelling of each term)."""
        return "、".join(t[0] for t in self.terms)


def parse_formula(line: str) -> Formula:
    """Parse ``a|a2、b、c<TAB># source`` into a Formula."""
    body, _, source = line.partition("\t")
    terms = tuple(tuple(alt.strip() for alt in term.split("|")) for term in body.split("、"))
    return Formula(terms, source.lstrip("# ").strip())


@cache
def formulas(extra: tuple[str, ...] = ()) -> tuple[Formula, ...]:
    """The shipped formulas plus ``extra`` ones (same line syntax, source optional)."""
    return tuple(parse_formula(x) for x in (*_data_lines("formulas.txt"), *extra))
