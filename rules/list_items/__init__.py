"""Built-in rule family: list items (DL) — duplicated, miscounted and misnumbered lists.

``numerals`` reads Chinese numbers, ``enumerations`` finds lists and the counts that
announce them once per document; one module per rule.
"""

from lint import Rule
from rules.list_items.broken_numbering import BrokenNumbering
from rules.list_items.count_mismatch import ListCountMismatch
from rules.list_items.duplicate_item import DuplicateListItem, NearDuplicateListItem
from rules.list_items.repeated_sentence import RepeatedSentence

RULES: list[type[Rule]] = [
    DuplicateListItem,
    NearDuplicateListItem,
    ListCountMismatch,
    BrokenNumbering,
    RepeatedSentence,
]
