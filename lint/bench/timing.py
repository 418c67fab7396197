"""CPU timing of the rules (per rule, per family, all together) and of the floor.

Every figure is CPU time of this process (``time.process_time``), the best of N
runs. Each run checks fresh ``Document`` objects (no memo survives from one run to
the next) and drops each document once it has been checked, as a streaming run
does, so that its analyses do not pile up for the garbage collector.

The floor is what any linter of these files must at least do: read the bytes,
parse every record (``json.loads`` per line) and make one literal-anchored regex
pass over every text, consuming the matches.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

from lint.bench.corpus import BenchDocument, texts_of
from lint.config import Config
from lint.document import Document, Source
from lint.linter import check_document
from lint.plugins import load_plugins
from lint.rule import Rule
from lint.ruleset import CliSelection, build_ruleset

FLOOR_PATTERN = "的"


def best_cpu(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Best CPU seconds of ``repeat`` calls of ``run``, and the last call's result."""
    best = float("inf")
    result: object = None
    for _ in range(max(1, repeat)):
        gc.collect()
        t0 = time.process_time()
        result = run()
        best = min(best, time.process_time() - t0)
    return best, result


def load_rules(select: Sequence[str] | None = None) -> list[Rule]:
    """The configured rules: the default selection, or the given selectors (codes, ALL…)."""
    plugins = load_plugins()
    selection = CliSelection(select=tuple(select)) if select else CliSelection()
    return build_ruleset(Config(), plugins.rules(), selection).rules


def split_selectors(values: Sequence[str] | None) -> list[str] | None:
    """``["DL,SA", "MC001"]`` → ``["DL", "SA", "MC001"]``; ``None`` when nothing was given."""
    if not values:
        return None
    return [s.strip() for v in values for s in v.split(",") if s.strip()]


def by_family(rules: Sequence[Rule]) -> dict[str, list[Rule]]:
    """Rules grouped by ``Rule.family``, in the order the families first appear."""
    families: dict[str, list[Rule]] = {}
    for rule in rules:
        families.setdefault(rule.family, []).append(rule)
    return families


@dataclass(frozen=True)
class Timed:
    """Best CPU seconds of a timed check, its findings, and how many were engine errors."""

    seconds: float
    findings: int
    errors: int  # SL codes: a rule that failed did not do its work, the time is too low


def time_rules(documents: Sequence[BenchDocument], rules: Sequence[Rule], repeat: int) -> Timed:
    """Best CPU seconds to check every document with ``rules``, and what was found."""
    best = float("inf")
    found = errors = 0
    for _ in range(max(1, repeat)):
        fresh: list[Document | None] = [Document(d.text, Source(d.label)) for d in documents]
        gc.collect()
        t0 = time.process_time()
        found = errors = 0
        for i in range(len(fresh)):
            doc = fresh[i]
            fresh[i] = None  # released once checked, with its analyses
            diagnostics = check_document(doc, rules)  # type: ignore[arg-type]
            found += len(diagnostics)
            for d in diagnostics:
                if d.code.startswith("SL"):
                    errors += 1
        doc = None
        best = min(best, time.process_time() - t0)
    return Timed(best, found, errors)


def warm_up_sample(documents: Sequence[BenchDocument], every: int = 20) -> list[BenchDocument]:
    """Every ``every``-th document plus every whole-file one (pages, seeds): a warm-up run."""
    return [d for i, d in enumerate(documents) if i % every == 0 or d.record == 0]


def floor_pass(files: Sequence[Path], pattern: regex.Pattern) -> tuple[int, int]:
    """Read and parse every file, scan each text once; return (documents, matches)."""
    docs = matches = 0
    for path in files:
        for _, text in texts_of(path, path.read_bytes()):
            if text is None:
                continue
            docs += 1
            for _ in pattern.finditer(text):
                matches += 1
    return docs, matches


@dataclass(frozen=True)
class Row:
    """One timed line of the table: what ran, its CPU seconds and findings."""

    kind: str  # "floor", "all", "family" or "rule"
    label: str
    seconds: float
    findings: int | None
    nbytes: int
    documents: int
    errors: int = 0  # engine errors (SL codes) among the findings

    @property
    def mb_per_s(self) -> float:
        """Megabytes of UTF-8 text per CPU second."""
        return self.nbytes / 1e6 / max(self.seconds, 1e-9)

    @property
    def docs_per_s(self) -> float:
        """Documents per CPU second."""
        return self.documents / max(self.seconds, 1e-9)


@dataclass
class CorpusTiming:
    """The rows of one corpus benchmark: floor, all rules, families, rules."""

    floor: Row
    all_rules: Row
    families: list[Row]
    rules: list[Row]

    @property
    def ratio(self) -> float:
        """All default rules' CPU time over the floor's (the issue's target is at most 10)."""
        return self.all_rules.seconds / max(self.floor.seconds, 1e-9)

    def rows(self) -> list[Row]:
        """Every row, in table order."""
        return [self.floor, self.all_rules, *self.families, *self.rules]


def measure_corpus(
    documents: Sequence[BenchDocument],
    files: Sequence[Path],
    rules: Sequence[Rule],
    *,
    repeat: int = 3,
    per_rule: bool = True,
    progress: Callable[[str], None] | None = None,
) -> CorpusTiming:
    """Time the floor, all ``rules`` together, each family and (``per_rule``) each rule."""
    nbytes = sum(d.nbytes for d in documents)
    n = len(documents)
    say = progress or (lambda _msg: None)

    pattern = regex.compile(FLOOR_PATTERN)
    say("floor")
    seconds, result = best_cpu(lambda: floor_pass(files, pattern), repeat)
    floor_docs = result[0]  # type: ignore[index]
    if floor_docs != n:
        raise ValueError(f"the floor parsed {floor_docs} documents, the corpus has {n}")
    label = "floor (read, parse, one regex pass)"
    floor = Row("floor", label, seconds, None, nbytes, n)

    say("warm-up")
    time_rules(warm_up_sample(documents), rules, 1)  # lazy loads: lexicons, patterns

    say("all rules")
    t = time_rules(documents, rules, repeat)
    label = f"all selected rules ({len(rules)})"
    all_rules = Row("all", label, t.seconds, t.findings, nbytes, n, t.errors)

    families = []
    for family, members in by_family(rules).items():
        say(f"family {family}")
        t = time_rules(documents, members, repeat)
        codes = sorted({r.code[:2] for r in members})
        label = f"{'/'.join(codes)} {family} ({len(members)})"
        families.append(Row("family", label, t.seconds, t.findings, nbytes, n, t.errors))

    rule_rows = []
    if per_rule:
        for rule in rules:
            say(f"rule {rule.code}")
            t = time_rules(documents, [rule], repeat)
            label = f"{rule.code} {rule.name}"
            rule_rows.append(Row("rule", label, t.seconds, t.findings, nbytes, n, t.errors))
    return CorpusTiming(floor, all_rules, families, rule_rows)
