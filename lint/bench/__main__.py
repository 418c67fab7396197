"""``python -m lint.bench``: see ``lint.bench.cli``."""

from lint.bench.cli import main

raise SystemExit(main())
