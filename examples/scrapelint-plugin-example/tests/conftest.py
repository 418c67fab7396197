"""Run the example's tests from a checkout too: use ``src/`` when the package is not installed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

if importlib.util.find_spec("scrapelint_example") is None:
    sys.path.insert(0, str(Path(__file__).parents[1] / "src"))
