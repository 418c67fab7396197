"""scrapelint on Ray Data (``pip install 'scrapelint[ray]'``).

``lint_dataset(ds)`` maps the linter over a ``ray.data.Dataset`` with ``map_batches``
on a pool of CPU actors; each actor loads the plugins and builds the rule set once,
then checks its batches with the same worker as ``scrapelint check``. The result has
the input's columns plus:

- ``scrapelint_findings`` (``list<string>``): one JSON object per finding, exactly the
  line ``--output-format jsonl`` prints (``json.loads`` each). Strings, not Arrow
  structs: findings of different shapes (with or without a fix, a record id…) never
  force Arrow to unify schemas between blocks.
- ``scrapelint_info``, ``scrapelint_warning``, ``scrapelint_error`` (``int64``): the
  number of findings of each severity.
- ``scrapelint_failed`` (``bool``): a finding at or above ``fail_on`` (or the text is
  not a string): what ``--reject`` would reject.
- with ``fix=True``, ``scrapelint_fixed_text`` (``string``): the text with the safe
  (and with ``unsafe_fixes=True`` the unsafe) fixes applied; findings are those that
  remain after fixing, as with ``scrapelint check --fix``.

``split(ds)`` returns the clean and the rejected datasets.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lint.integrations.records import SEVERITIES, LinterSettings

PREFIX = "scrapelint_"
FINDINGS_COLUMN = PREFIX + "findings"
FAILED_COLUMN = PREFIX + "failed"
FIXED_COLUMN = PREFIX + "fixed_text"
COUNT_COLUMNS = tuple(PREFIX + s for s in SEVERITIES)
EXTRA_HINT = "the Ray integration needs Ray Data: pip install 'scrapelint[ray]'"


def _ray_data() -> Any:
    try:
        import ray.data
    except ImportError:
        raise ImportError(EXTRA_HINT) from None
    return ray.data


class LintBatch:
    """A Ray Data callable class: lints the text column of each batch (an Arrow table)."""

    def __init__(
        self,
        text_column: str = "text",
        id_column: str | None = None,
        path_column: str | None = None,
        record_column: str | None = None,
        path: str = "-",
        settings: LinterSettings | None = None,
    ) -> None:
        self.text_column = text_column
        self.id_column = id_column
        self.path_column = path_column
        self.record_column = record_column
        self.path = path
        self.linter = (settings or LinterSettings()).linter()

    def __call__(self, table: Any) -> Any:
        """The batch with the findings, counts, failure flag (and fixed text) appended."""
        import pyarrow as pa

        n = table.num_rows
        texts = table.column(self.text_column).to_pylist()
        ids = self._column(table, self.id_column, n)
        paths = self._column(table, self.path_column, n)
        records = self._column(table, self.record_column, n)
        findings: list[list[str]] = []
        counts: dict[str, list[int]] = {s: [] for s in SEVERITIES}
        failed: list[bool] = []
        fixed: list[str | None] = []
        lint = self.linter.lint
        for text, rid, path, record in zip(texts, ids, paths, records, strict=True):
            result = lint(
                text,
                path=self.path if path is None else str(path),
                record=None if record is None else int(record),
                record_id=rid,
                text_field=self.text_column,
            )
            findings.append(result.finding_lines())
            tally = result.counts()
            for s in SEVERITIES:
                counts[s].append(tally.get(s, 0))
            failed.append(result.failed)
            fixed.append(result.fixed_text)
        table = table.append_column(FINDINGS_COLUMN, pa.array(findings, pa.list_(pa.string())))
        for s, column in zip(SEVERITIES, COUNT_COLUMNS, strict=True):
            table = table.append_column(column, pa.array(counts[s], pa.int64()))
        table = table.append_column(FAILED_COLUMN, pa.array(failed, pa.bool_()))
        if self.linter.fix:
            table = table.append_column(FIXED_COLUMN, pa.array(fixed, pa.string()))
        return table

    @staticmethod
    def _column(table: Any, name: str | None, n: int) -> list[Any]:
        if name is None:
            return [None] * n
        return table.column(name).to_pylist()


def lint_dataset(
    ds: Any,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    path_column: str | None = None,
    record_column: str | None = None,
    path: str = "-",
    select: str | Sequence[str] | None = None,
    extend_select: str | Sequence[str] | None = None,
    ignore: str | Sequence[str] | None = None,
    config: str | Path | None = None,
    fix: bool = False,
    unsafe_fixes: bool = False,
    fail_on: str | None = None,
    actors: int | tuple[int, int] | None = None,
    batch_size: int | None = 256,
) -> Any:
    """Lint a Ray dataset's text column on CPU actors; return it with the findings columns.

    ``id_column`` names the record id reported in each finding, ``path_column`` and
    ``record_column`` its file and record number (otherwise ``path`` and none). The
    selection, ``config`` (a scrapelint TOML or pyproject file), ``fix``,
    ``unsafe_fixes`` and ``fail_on`` mean what they mean for ``scrapelint check``.
    ``actors`` is the size of the actor pool, a number or a (min, max) range; the
    default, ``(1, CPUs of the cluster)``, grows as upstream read tasks free their CPUs
    (a fixed pool as large as the cluster would leave the reads no CPU and wait
    forever). Nothing runs until the dataset is consumed.
    """
    ray_data = _ray_data()
    if actors is None:
        import ray

        cpus = int(ray.cluster_resources().get("CPU", 1)) if ray.is_initialized() else 1
        actors = (1, max(1, cpus))
    if isinstance(actors, int):
        pool = ray_data.ActorPoolStrategy(size=actors)
    else:
        pool = ray_data.ActorPoolStrategy(min_size=actors[0], max_size=actors[1])
    settings = LinterSettings.of(
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        config=config,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        fail_on=fail_on,
    )
    settings.linter()  # fail now, in the driver, on a bad selection or configuration
    kwargs = {
        "text_column": text_column,
        "id_column": id_column,
        "path_column": path_column,
        "record_column": record_column,
        "path": path,
        "settings": settings,
    }
    return ds.map_batches(
        LintBatch,
        fn_constructor_kwargs=kwargs,
        batch_format="pyarrow",
        batch_size=batch_size,
        compute=pool,
        num_cpus=1,
    )


def _clean_rows(table: Any) -> Any:
    import pyarrow.compute as pc

    return table.filter(pc.invert(table.column(FAILED_COLUMN)))


def _failed_rows(table: Any) -> Any:
    return table.filter(table.column(FAILED_COLUMN))


def split(ds: Any, *, materialize: bool = True, **options: Any) -> tuple[Any, Any]:
    """Lint ``ds`` (options as for ``lint_dataset``) and return (clean, rejected) datasets.

    Both keep the findings columns. With ``materialize`` (the default) the linted
    dataset is computed once and held in the object store, so consuming both halves
    does not lint twice; without it each half lints on its own when consumed.
    """
    linted = lint_dataset(ds, **options)
    if materialize:
        linted = linted.materialize()
    clean = linted.map_batches(_clean_rows, batch_format="pyarrow", batch_size=None)
    rejected = linted.map_batches(_failed_rows, batch_format="pyarrow", batch_size=None)
    return clean, rejected
