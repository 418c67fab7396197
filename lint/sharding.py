"""Sharded runs without a cluster: ``check --shard K/N`` and ``scrapelint merge DIR...``.

Every copy of a sharded run discovers the same inputs in the same order and checks a
deterministic K-th of them: files up to ``STRIPE_BYTES`` go whole to one shard
(largest first, each to the shard with the fewest bytes so far, ties to the lowest
shard), and a larger file is cut into stripes of ``STRIPE_BYTES`` of its input,
stripe *s* going to shard *s mod N* (every copy reads the file, each checks only its
stripes; a unit of input, about a megabyte of whole records when nothing is written,
belongs to the stripe its end falls in). A shard writes, into ``--shard-dir``, its
findings as JSON Lines (every field a report needs, with the file's place in the
run) and a small manifest: the inputs, the files and what became of them, the
counts, the rule set, the version. Suppressions are decided as a single run would: a
shard keeps every finding a suppression silenced (``--show-suppressed`` of the merge)
next to its findings, and writes in its manifest the allow entries that suppressed
nothing *in this shard* (``unused_allow``); an entry is unused in the run when it is
unused in every shard. Comments and record fields are judged per document, so their
SL005 findings are ordinary findings of the shard that checked the document.

``scrapelint merge DIR...`` reads the shards, refuses to combine shards of different
runs (rule sets, versions, inputs or N), and reports their findings in the order a
single run would, through the check command's own outputs and exit-code rules.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lint import __version__
from lint.atomic import write_atomic
from lint.check_command import UsageError
from lint.diagnostic import Severity
from lint.discovery import Target
from lint.document import Source
from lint.finding import EditInfo, Excerpt, Finding, FixInfo, Span
from lint.fix import Applicability
from lint.gates import CountingRunner, FileTotals
from lint.readers import Unit
from lint.suppression import Suppressed

FORMAT = "scrapelint-shard/1"
STRIPE_BYTES = 64 * 1024 * 1024
PATH_PROBLEMS = "paths not found or unreadable"
_SPEC = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


@dataclass(frozen=True)
class ShardSpec:
    """Shard ``k`` (1-based) of ``n``."""

    k: int
    n: int

    @classmethod
    def parse(cls, text: str) -> ShardSpec:
        """``K/N`` with 1 <= K <= N; raise UsageError otherwise."""
        m = _SPEC.match(text or "")
        if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
            raise UsageError(f"--shard {text!r}: expected K/N with 1 <= K <= N, e.g. 2/8")
        return cls(int(m.group(1)), int(m.group(2)))

    @property
    def stem(self) -> str:
        """The file name stem of this shard's results."""
        return f"shard-{self.k:04d}-of-{self.n:04d}"


def _size(target: Target) -> int:
    try:
        return target.path.stat().st_size if target.path is not None else 0
    except OSError:
        return 0


def plan(targets: Sequence[Target], n: int, stripe: int | None = None) -> list[int | None]:
    """For each target, the shard (0-based) that checks it whole, or None when striped."""
    stripe = STRIPE_BYTES if stripe is None else stripe
    sizes = [_size(t) for t in targets]
    owner: list[int | None] = [None] * len(targets)
    load = [0] * n
    order = sorted(range(len(targets)), key=lambda i: (-sizes[i], targets[i].display, i))
    for i in order:
        if sizes[i] > stripe:
            continue
        shard = min(range(n), key=lambda s: (load[s], s))
        owner[i] = shard
        load[shard] += max(sizes[i], 1)
    return owner


# -- findings as JSON, every field kept ----------------------------------------------


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else list(span)


def finding_to_json(finding: Finding) -> dict[str, Any]:
    """Every field of a finding, as JSON (``finding_from_json`` gives it back unchanged)."""
    f = finding
    fix = None
    if f.fix is not None:
        edits = [[list(e.span), e.replacement] for e in f.fix.edits]
        fix = [f.fix.applicability.value, f.fix.description, edits]
    return {
        "code": f.code,
        "name": f.name,
        "severity": int(f.severity),
        "message": f.message,
        "source": list(f.source),
        "span": _span(f.span),
        "excerpt": None if f.excerpt is None else list(f.excerpt),
        "fix": fix,
        "flagged": f.flagged,
        "fingerprint": f.fingerprint,
    }


def finding_from_json(data: dict[str, Any]) -> Finding:
    """The finding ``finding_to_json`` wrote."""
    fix = None
    if data["fix"] is not None:
        applicability, description, edits = data["fix"]
        fix = FixInfo(
            Applicability(applicability),
            description,
            tuple(EditInfo(Span(*span), text) for span, text in edits),
        )
    return Finding(
        code=data["code"],
        name=data["name"],
        severity=Severity(data["severity"]),
        message=data["message"],
        source=Source(*data["source"]),
        span=None if data["span"] is None else Span(*data["span"]),
        excerpt=None if data["excerpt"] is None else Excerpt(*data["excerpt"]),
        fix=fix,
        flagged=data["flagged"],
        fingerprint=data["fingerprint"],
    )


# -- the shard side -------------------------------------------------------------------


class _Tee:
    """Passes the runner's reports on, keeping the findings for the shard's file."""

    def __init__(
        self,
        reporter: Any,
        keep: Callable[[Finding], None],
        keep_suppressed: Callable[[Suppressed], None],
    ) -> None:
        self.reporter = reporter
        self.keep = keep
        self.keep_suppressed = keep_suppressed

    def finding(self, finding: Finding) -> None:
        """Keep the finding, then report it as usual."""
        self.keep(finding)
        self.reporter.finding(finding)

    def suppressed(self, items: list[Suppressed]) -> None:
        """Keep what a suppression silenced, then pass it on to a reporter that takes it."""
        for item in items:
            self.keep_suppressed(item)
        take = getattr(self.reporter, "suppressed", None)
        if take is not None:
            take(items)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.reporter, name)


class ShardRunner(CountingRunner):
    """Checks this shard's part of the targets and writes its findings and manifest."""

    def __init__(self, *, spec: ShardSpec, out_dir: Path, identity: dict, **kwargs: Any) -> None:
        kwargs["reporter"] = _Tee(kwargs["reporter"], self._keep, self._keep_suppressed)
        super().__init__(**kwargs)
        self.spec = spec
        self.out_dir = out_dir
        self.identity = identity
        self._lines: list[str] = []
        self._index: dict[str, int] = {}
        self._striped: set[int] = set()
        self._status: dict[str, str] = {}
        self._suppressed_lines = 0
        self._manifest: dict[str, Any] = {}
        self._done = False  # findings reported after the run (SL005) are the merge's own

    def _keep(self, finding: Finding) -> None:
        if self._done:
            return
        fail_on = self.options.fail_on
        entry = {
            "file": self._index.get(finding.source.path, -1),
            "fail_on": None if fail_on is None else int(fail_on),
            "finding": finding_to_json(finding),
        }
        self._lines.append(json.dumps(entry, ensure_ascii=False))

    def _keep_suppressed(self, item: Suppressed) -> None:
        """Keep a suppressed finding and what silenced it (a line of the findings file)."""
        finding = item.finding
        entry = {
            "file": self._index.get(finding.source.path, -1),
            "suppressed": {"how": item.how, "allowed": list(item.allowed), "config": item.config},
            "finding": finding_to_json(finding),
        }
        self._lines.append(json.dumps(entry, ensure_ascii=False))
        self._suppressed_lines += 1

    def keep_unused_allow(self, findings: Sequence[Finding]) -> None:
        """Record the allow entries this shard did not use (SL005 candidates of the merge)."""
        self._manifest["unused_allow"] = [finding_to_json(f) for f in findings]
        self._write_manifest()

    def _units(self, state: Any) -> Iterator[Unit]:
        units = super()._units(state)
        if state.job.index not in self._striped:
            yield from units
            return
        k, n = self.spec.k - 1, self.spec.n
        for unit in units:
            stripe = max(unit.consumed - 1, 0) // STRIPE_BYTES
            if stripe % n == k:
                yield unit

    def _finish_file(self, state: Any) -> None:
        super()._finish_file(state)
        self._status[state.target.display] = state.skipped or "checked"

    def run(self, targets: Sequence[Target]) -> None:
        """Check this shard's targets, then write its findings and manifest."""
        owners = plan(targets, self.spec.n)
        mine: list[Target] = []
        for i, (target, owner) in enumerate(zip(targets, owners, strict=True)):
            self._index[target.display] = i
            if owner is None or owner == self.spec.k - 1:
                if owner is None:
                    self._striped.add(len(mine))
                mine.append(target)
        super().run(mine)
        self.write(targets)
        self._done = True

    def write(self, targets: Sequence[Target]) -> None:
        """Write ``shard-K-of-N.jsonl`` (findings) and ``shard-K-of-N.manifest.json``."""
        checked = self.checked
        whole_files = Counter(v for v in self._status.values() if v != "checked")
        manifest = {
            "format": FORMAT,
            "shard": self.spec.k,
            "of": self.spec.n,
            **self.identity,
            "targets": [t.display for t in targets],
            "files": self._status,
            "striped": sorted(targets[i].display for i in self._striped_indexes(targets)),
            "checked": {
                "documents": checked.documents,
                "records": checked.records,
                "bytes": checked.bytes,
                "skipped": dict(checked.skipped - whole_files),  # records and paths
            },
            "per_file": {k: [v.documents, v.bytes] for k, v in self.per_file.items()},
            "findings": len(self._lines) - self._suppressed_lines,
            "suppressed": self._suppressed_lines,
            "unused_allow": [],  # filled by keep_unused_allow once the run is over
            **_times(self.started),
        }
        self.out_dir.mkdir(parents=True, exist_ok=True)
        body = "".join(line + "\n" for line in self._lines).encode("utf-8", "surrogatepass")
        write_atomic(self.out_dir / f"{self.spec.stem}.jsonl", body)
        self._manifest = manifest
        self._write_manifest()

    def _write_manifest(self) -> None:
        text = json.dumps(self._manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        write_atomic(self.out_dir / f"{self.spec.stem}.manifest.json", text.encode("utf-8"))

    def _striped_indexes(self, targets: Sequence[Target]) -> list[int]:
        return [i for i, owner in enumerate(plan(targets, self.spec.n)) if owner is None]


def _times(started: float) -> dict[str, float]:
    """When the shard started and how long it ran (fixed by ``SOURCE_DATE_EPOCH``, if set)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return {"started": float(epoch), "seconds": 0.0}
    return {"started": started, "seconds": round(time.time() - started, 3)}


def run_identity(args: argparse.Namespace, rules: Sequence[str], config: Any) -> dict[str, Any]:
    """What shards of one run share: inputs, rule set (codes and options), version."""
    rule_list = sorted(rules)
    settings = {"rules": config.rules, "severity": config.severity, "codes": rule_list}
    text = json.dumps(settings, sort_keys=True, default=str, ensure_ascii=False)
    import hashlib  # (here: importing it costs every check a few milliseconds)

    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return {
        "version": __version__,
        "inputs": list(args.paths),
        "rules": rule_list,
        "rules_digest": digest,
    }


def shard_runner(
    args: argparse.Namespace, rules: Sequence[str], config: Any
) -> Callable[..., ShardRunner]:
    """The runner class of a ``--shard K/N`` run."""
    spec = ShardSpec.parse(args.shard)
    for flag, on in (
        ("--fix/--diff/--fix-only", args.fix or args.diff or args.fix_only),
        ("--output", args.output),
        ("--reject", args.reject),  # N copies would write one file; rejects are per run
        ("--in-place", args.in_place),
        ("--add-ignore", getattr(args, "add_ignore", False)),
        ("--gate (gates judge the merged run: give them to scrapelint merge)", args.gate),
    ):
        if on:
            raise UsageError(f"--shard checks and reports only: it cannot be used with {flag}")
    if "-" in args.paths:
        raise UsageError("--shard cannot split standard input")
    out_dir = Path(getattr(args, "shard_dir", None) or "scrapelint-shards")
    return functools.partial(
        ShardRunner, spec=spec, out_dir=out_dir, identity=run_identity(args, rules, config)
    )


# -- the merge side -------------------------------------------------------------------


class MergeError(UsageError):
    """Shard results that cannot be merged (exit 2)."""


@dataclass
class ShardResult:
    """One shard's manifest and the path of its findings."""

    manifest: dict[str, Any]
    findings: Path


def read_shards(dirs: Sequence[str | Path]) -> list[ShardResult]:
    """Every shard in the directories, checked to come from one run, in shard order."""
    shards: list[ShardResult] = []
    for d in dirs:
        found = sorted(Path(d).glob("shard-*-of-*.manifest.json"))
        if not Path(d).is_dir():
            raise MergeError(f"{d}: not a directory")
        for path in found:
            try:
                manifest = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise MergeError(f"{path}: not a readable shard manifest: {exc}") from None
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise MergeError(f"{path}: not a scrapelint shard manifest ({FORMAT})")
            findings = path.with_name(path.name.replace(".manifest.json", ".jsonl"))
            if not findings.is_file():
                raise MergeError(f"{path}: its findings file {findings.name} is missing")
            shards.append(ShardResult(manifest, findings))
    if not shards:
        raise MergeError(
            "no shard results (shard-K-of-N.manifest.json) in " + ", ".join(map(str, dirs))
        )
    first = shards[0].manifest
    for shard in shards[1:]:
        m = shard.manifest
        for key, what in (
            ("version", "scrapelint versions"),
            ("rules_digest", "rule sets"),
            ("of", "shard counts"),
            ("inputs", "inputs"),
            ("targets", "input files"),
        ):
            if m.get(key) != first.get(key):
                raise MergeError(
                    f"shards {first['shard']}/{first['of']} and {m['shard']}/{m['of']} were"
                    f" made with different {what} ({first.get(key)!r:.80} vs {m.get(key)!r:.80});"
                    " refusing to merge"
                )
    numbers = Counter(s.manifest["shard"] for s in shards)
    twice = sorted(k for k, c in numbers.items() if c > 1)
    if twice:
        raise MergeError(f"shard {twice[0]}/{first['of']} appears more than once")
    missing = sorted(set(range(1, first["of"] + 1)) - set(numbers))
    if missing:
        shown = ", ".join(f"{k}/{first['of']}" for k in missing[:10])
        raise MergeError(f"missing shard results: {shown}")
    return sorted(shards, key=lambda s: s.manifest["shard"])


class MergeRunner(CountingRunner):
    """Replays the findings of shard results in a single run's order."""

    def __init__(self, *, shards: Sequence[ShardResult], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.shards = shards
        self.run_inputs: list[str] = list(shards[0].manifest["inputs"])  # the run's summary
        starts = [s.manifest.get("started") or s.findings.stat().st_mtime for s in shards]
        self.started = min(starts)  # when the first shard started

    def run(self, targets: Sequence[Target]) -> None:
        """Report every shard's findings in order, then unused allow entries; count."""
        entries: list[tuple[tuple[int, int, int, int], dict[str, Any]]] = []
        suppressed: list[tuple[tuple[int, int, int, int], dict[str, Any]]] = []
        for shard in self.shards:
            with shard.findings.open(encoding="utf-8") as fh:
                for seq, line in enumerate(fh):
                    entry = json.loads(line)
                    record = entry["finding"]["source"][1]
                    file = entry["file"] if entry["file"] >= 0 else 1 << 62
                    rec = -1 if record is None else record
                    key = (file, rec, shard.manifest["shard"], seq)
                    (suppressed if "suppressed" in entry else entries).append((key, entry))
        entries.sort(key=lambda item: item[0])
        for _key, entry in entries:
            fail_on = entry.get("fail_on")
            self._report(
                finding_from_json(entry["finding"]),
                None if fail_on is None else Severity(fail_on),
            )
        suppressed.sort(key=lambda item: item[0])
        if suppressed:
            self._suppressed([_suppressed_from_json(entry) for _key, entry in suppressed])
        for finding in self._unused_allow():
            self.report(finding)  # as a single run does once its files are checked
        self._count()

    def _unused_allow(self) -> list[Finding]:
        """The allow entries no shard used, in the order a single run reports them."""
        lists = [s.manifest.get("unused_allow") or [] for s in self.shards]
        keyed = [[json.dumps(f, sort_keys=True, ensure_ascii=False) for f in x] for x in lists]
        everywhere = set(keyed[0]).intersection(*keyed[1:])
        return [
            finding_from_json(f)
            for f, key in zip(lists[0], keyed[0], strict=True)
            if key in everywhere
        ]

    def _count(self) -> None:
        checked = self.checked
        status: dict[str, str] = {}
        paths = 0
        for shard in self.shards:
            m = shard.manifest
            counts = m["checked"]
            checked.documents += counts["documents"]
            checked.records += counts["records"]
            checked.bytes += counts["bytes"]
            for display, state in m["files"].items():
                if status.get(display, "checked") == "checked":
                    status[display] = state
            for display, (docs, nbytes) in m["per_file"].items():
                totals = self.per_file.setdefault(display, FileTotals())
                totals.documents += docs
                totals.bytes += nbytes
            for reason, n in counts["skipped"].items():
                if reason == PATH_PROBLEMS:  # every shard saw the same paths
                    paths = max(paths, n)
                else:
                    checked.skipped[reason] += n
        order = {d: i for i, d in enumerate(self.shards[0].manifest["targets"])}
        self.per_file = dict(sorted(self.per_file.items(), key=lambda kv: order.get(kv[0], 0)))
        for state in status.values():
            if state == "checked":
                checked.files += 1
            else:
                checked.skipped[state] += 1
        if paths:
            checked.skipped[PATH_PROBLEMS] += paths
            self.errors += 1  # a single run exits 2 for a path it cannot read


def _suppressed_from_json(entry: dict[str, Any]) -> Suppressed:
    """The suppressed finding a shard kept (``ShardRunner._keep_suppressed``)."""
    why = entry["suppressed"]
    finding = finding_from_json(entry["finding"])
    return Suppressed(finding, why["how"], tuple(why["allowed"]), why["config"])


def merge_runner(args: argparse.Namespace) -> Callable[..., MergeRunner]:
    """The runner class of ``scrapelint merge``."""
    return functools.partial(MergeRunner, shards=read_shards(args.shard_results))


def merge_args(check_defaults: argparse.Namespace, merge: argparse.Namespace) -> argparse.Namespace:
    """The arguments of a ``check`` run that reports the shards (no paths, no discovery)."""
    args = argparse.Namespace(**vars(check_defaults))
    for key, value in vars(merge).items():
        setattr(args, key, value)
    args.paths = []
    args.command = "check"
    return args


# -- command line ---------------------------------------------------------------------


def add_shard_arguments(group: Any) -> None:
    """``--shard K/N`` and ``--shard-dir`` on the ``check`` command."""
    group.add_argument(
        "--shard",
        metavar="K/N",
        help="check only the K-th of N deterministic parts of the inputs (CI matrix, Slurm array)",
    )
    group.add_argument(
        "--shard-dir",
        type=Path,
        metavar="DIR",
        help="where --shard writes its findings and manifest (default: scrapelint-shards)",
    )


def add_merge_parser(sub: Any, formats: Sequence[str]) -> None:
    """The ``merge`` command: shard results in, one report out."""
    merge = sub.add_parser(
        "merge", help="combine the results of --shard runs into one report", allow_abbrev=False
    )
    merge.add_argument("shard_results", nargs="+", metavar="DIR", help="--shard-dir of the shards")
    merge.add_argument("--output-format", choices=formats, default=None)
    merge.add_argument("--output-file", type=Path, default=None)
    merge.add_argument("--statistics", action="store_true", help="show counts per rule")
    merge.add_argument("-q", "--quiet", action="store_true", help="print findings only")
    merge.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    merge.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    merge.add_argument("--fail-on", choices=("info", "warning", "error"), default=None)
    merge.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    merge.add_argument(
        "--show-suppressed",
        action="store_true",
        help="list the findings a suppression silenced in the shards, and by what",
    )
    merge.add_argument(
        "--gate",
        action="append",
        default=None,
        metavar="SPEC",
        help="quality gate SELECTOR=THRESHOLD[@GLOB], judged on the merged run (as for check)",
    )
