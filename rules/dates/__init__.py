"""Built-in rule family: dates (DT) — impossible, inconsistent and future dates.

``extract`` finds the date expressions of a text, ``evidence`` the dated references
that place it in an era, ``era`` combines them; one module per rule.
"""

from lint import Rule
from rules.dates.future_date import FutureDate
from rules.dates.inconsistent_year import InconsistentYear
from rules.dates.invalid_date import InvalidDate

RULES: list[type[Rule]] = [InvalidDate, InconsistentYear, FutureDate]

__all__ = ["RULES", "FutureDate", "InconsistentYear", "InvalidDate"]
