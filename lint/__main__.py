"""``python -m lint``: the same as the ``scrapelint`` command."""

from lint.cli import main

raise SystemExit(main())
