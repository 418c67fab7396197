"""The benchmark, ``python -m lint.bench``: honest, reproducible speed figures.

Modules: ``corpus`` (which documents), ``timing`` (CPU time of rules and of the
floor), ``patho`` (pathological inputs at 1x/2x/4x), ``process`` and ``child``
(whole ``scrapelint check`` processes: wall time, memory), ``report`` (tables),
``cli`` (the command line).
"""
