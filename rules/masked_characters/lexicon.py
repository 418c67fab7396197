"""The MC lexicons: a word list (from jieba) and standard formulas, loaded lazily once per process.

Nothing here runs at import: the word list (92k words, about 0.03 s to parse) is read the
first time a star needs a look-up, and rules keep only their option values, never the
loaded data, so they pickle cheaply.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import NamedTuple

MIN_WORD = 4  # a stray mask must sit inside a word at least this long
MAX_WORD = 8
MIN_SIDE = 2  # characters of the word on each side of the mask

# word -> the split positions k at which a star between word[:k] and word[k:] is proof
# of a stray mark (see build_lexicon.py); an empty set: the word is known, never proof.
Lexicon = Mapping[str, frozenset[int]]
_NONE: frozenset[int] = frozenset()


DATA = Path(__file__).parent / "data"  # installed with the package (package-data)


def _data_text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _data_lines(name: str) -> list[str]:
    return [
        line for line in _data_text(name).splitlines() if line.strip() and not line.startswith("#")
    ]


def parse_words(text: str) -> dict[str, frozenset[int]]:
    """Parse the ``words.txt`` format: ``word`` or ``word<TAB>k,k`` per line, ``#`` comments."""
    lines = text.splitlines()
    # most words have no proof split: one C-level pass builds them, a loop handles the rest
    out = dict.fromkeys(
        (line for line in lines if line and line[0] != "#" and "\t" not in line), _NONE
    )
    splits: dict[str, frozenset[int]] = {}  # "2,3" -> frozenset({2, 3}), shared
    for line in lines:
        if "\t" in line and line[0] != "#":
            word, _, ks = line.partition("\t")
            parsed = splits.get(ks)
            if parsed is None:
                parsed = splits[ks] = frozenset(int(k) for k in ks.split(","))
            out[word] = parsed
    return out


@cache
def default_words() -> Lexicon:
    """The shipped word list: words of 4+ Han characters from jieba, with their proof splits."""
    return parse_words(_data_text("words.txt"))


def all_splits(word: str) -> frozenset[int]:
    """Every split of ``word`` that keeps ``MIN_SIDE`` characters on each side."""
    return frozenset(range(MIN_SIDE, len(word) - MIN_SIDE + 1))


@cache
def words(extra: tuple[str, ...] = ()) -> Lexicon:
    """The word list with ``extra`` words added; an added word is proof at every split."""
    if not extra:
        return default_words()
    out = dict(default_words())
    out.update((w, all_splits(w)) for w in extra if len(w) >= MIN_WORD)
    return out


# Records are NamedTuples, not dataclasses: a fifth of the cost to define at start-up.
class Formula(NamedTuple):
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
