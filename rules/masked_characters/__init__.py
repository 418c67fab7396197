"""Built-in rule family: masked characters (MC) — placeholder glyphs that hide text.

``detect`` finds the glyphs and decides which are masks, ``lexicon`` loads the word
list and the formulas, ``restore`` decides what a mask stood for; one module per rule.
"""

from lint import Rule
from rules.masked_characters.masked_digits import MaskedDigits
from rules.masked_characters.masked_formula import MaskedFormulaTerm
from rules.masked_characters.masked_text import MaskedText
from rules.masked_characters.placeholder import PlaceholderName
from rules.masked_characters.stray_mask import StrayMaskInWord

RULES: list[type[Rule]] = [
    MaskedDigits,
    StrayMaskInWord,
    MaskedFormulaTerm,
    MaskedText,
    PlaceholderName,
]
