"""scrapelint as a datatrove pipeline step (``pip install 'scrapelint[datatrove]'``).

Two steps, each one line in a FineWeb-style pipeline:

- ``ScrapelintFilter(exclusion_writer=JsonlWriter("rejected/"))`` keeps the documents
  without a finding at or above ``fail_on`` and hands the others, findings attached, to
  datatrove's exclusion writer;
- ``ScrapelintAnnotator(fix=True)`` keeps every document, writes its findings into
  ``doc.metadata`` and, with ``fix``, puts the fixed text in ``doc.text``.

Both write into ``doc.metadata``: ``scrapelint_findings`` (a list of strings, each the
JSON object ``--output-format jsonl`` prints: strings keep Parquet and JSON writers
happy whatever the findings look like), ``scrapelint_info`` / ``_warning`` /
``_error`` (counts) and ``scrapelint_failed``. The linter is built once per worker
process, on the first document; findings are the ones ``scrapelint check`` gives.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from lint.integrations.records import SEVERITIES, LinterSettings, RecordLinter, RecordResult

try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
    from datatrove.pipeline.filters.base_filter import BaseFilter
except ImportError as exc:  # pragma: no cover - depends on the extra
    raise ImportError(
        "the datatrove step needs datatrove: pip install 'scrapelint[datatrove]'"
    ) from exc

PREFIX = "scrapelint_"
REJECT_REASON = "scrapelint"


class _Linting:
    """What both steps share: the linter's settings, the linter itself, the annotation."""

    def _setup(self, settings: LinterSettings, *, path: str, annotate: bool) -> None:
        self.settings = settings
        self.path = path
        self.annotate = annotate
        self._linter: RecordLinter | None = None
        self.settings.linter()  # a bad selection or config fails when the step is built

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_linter"] = None  # each worker process builds its own
        return state

    @property
    def linter(self) -> RecordLinter:
        """The record linter, built on first use in the process that runs the step."""
        if self._linter is None:
            self._linter = self.settings.linter()
        return self._linter

    def lint_document(self, doc: Document) -> RecordResult:
        """Lint a document's text and write the findings into its metadata."""
        result = self.linter.lint(doc.text, path=self.path, record_id=doc.id)
        if self.annotate:
            meta = doc.metadata
            meta[PREFIX + "findings"] = result.finding_lines()
            counts = result.counts()
            for severity in SEVERITIES:
                meta[PREFIX + severity] = counts.get(severity, 0)
            meta[PREFIX + "failed"] = result.failed
        return result


class ScrapelintFilter(_Linting, BaseFilter):
    """Drops documents with a finding at or above ``fail_on`` (to the exclusion writer)."""

    name = "🧹 scrapelint"

    def __init__(
        self,
        exclusion_writer: Any = None,
        *,
        select: str | Sequence[str] | None = None,
        extend_select: str | Sequence[str] | None = None,
        ignore: str | Sequence[str] | None = None,
        config: str | Path | None = None,
        fail_on: str | None = None,
        path: str = "-",
        annotate: bool = True,
    ) -> None:
        BaseFilter.__init__(self, exclusion_writer)
        settings = LinterSettings.of(
            select=select,
            extend_select=extend_select,
            ignore=ignore,
            config=config,
            fail_on=fail_on,
        )
        self._setup(settings, path=path, annotate=annotate)

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        """Keep the document unless it fails; failures carry the reason ``scrapelint``."""
        result = self.lint_document(doc)
        for finding in result.findings:
            self.stat_update(PREFIX + finding.code)
        return (False, REJECT_REASON) if result.failed else True


class ScrapelintAnnotator(_Linting, PipelineStep):
    """Keeps every document; writes its findings into metadata, fixing the text if asked."""

    name = "🧹 scrapelint annotator"
    type = "🏷 - ANNOTATOR"

    def __init__(
        self,
        *,
        select: str | Sequence[str] | None = None,
        extend_select: str | Sequence[str] | None = None,
        ignore: str | Sequence[str] | None = None,
        config: str | Path | None = None,
        fix: bool = False,
        unsafe_fixes: bool = False,
        fail_on: str | None = None,
        path: str = "-",
    ) -> None:
        PipelineStep.__init__(self)
        settings = LinterSettings.of(
            select=select,
            extend_select=extend_select,
            ignore=ignore,
            config=config,
            fix=fix,
            unsafe_fixes=unsafe_fixes,
            fail_on=fail_on,
        )
        self._setup(settings, path=path, annotate=True)

    def run(
        self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1
    ) -> Iterator[Document]:
        """Annotate (and fix) each document and pass it on."""
        for doc in data:
            with self.track_time():
                result = self.lint_document(doc)
                if result.fixed_text is not None and result.fixed_text != doc.text:
                    doc.text = result.fixed_text
                    self.stat_update(PREFIX + "fixed")
            self.stat_update("documents")
            if result.failed:
                self.stat_update(PREFIX + "failed")
            yield doc
