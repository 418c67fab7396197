"""The benchmark's command line: ``python -m lint.bench [PATH ...] [--patho] [--process]``."""

from __future__ import annotations

import argparse
import dataclasses
import json
import shlex
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from lint.bench import furniture, pages, patho, process, recall, report
from lint.bench.corpus import Corpus, build_corpus, clean_corpus, find_shared
from lint.bench.timing import FLOOR_PATTERN, load_rules, measure_corpus, split_selectors

DESCRIPTION = """\
Measure scrapelint's speed: CPU time of this process, best of N, on a corpus the
benchmark builds itself (../shared/corpus/clean + dirty pages + the seed; seeds/
alone when ../shared is absent).

  python -m lint.bench            the floor (read + json.loads + one regex pass), all
                                  rules, each family and each rule: CPU s, MB/s,
                                  docs/s, findings, multiple of the floor
  python -m lint.bench --patho    each pathological input at 1x, 2x, 4x: seconds,
                                  growth per doubling, seconds per MB, flags
  python -m lint.bench --process  scrapelint check processes on a 200 MB JSONL file:
                                  wall s, MB/s, peak RSS, --jobs 2 speed-up, start-up
                                  (--ray: also --engine ray --jobs 2 starting Ray, and
                                  attached to a running instance: speed-ups, phases)
  python -m lint.bench --recall   recall on damage injected into clean documents (a
                                  list item written twice, a miscount, a rewritten year,
                                  masks, a pasted paragraph): found / injected per kind
  python -m lint.bench --pages    furniture on pages generated around clean articles:
                                  recall per kind, article lines flagged, exact --fix
  python -m lint.bench PATH ...   the same on your own .txt/.md/.jsonl files or folders
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m lint.bench",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="files or folders (.txt, .md, .jsonl) to use instead of the default corpus",
    )
    p.add_argument(
        "--shared",
        type=Path,
        default=None,
        help="the shared evaluation folder (default: ../shared next to the checkout)",
    )
    p.add_argument(
        "--select",
        action="append",
        default=None,
        metavar="RULES",
        help="rules to time (codes, prefixes, ALL; comma-separated; default: default rules)",
    )
    p.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    p.add_argument("--no-per-rule", action="store_true", help="skip the per-rule rows")
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    g = p.add_argument_group("pathological inputs")
    g.add_argument("--patho", action="store_true", help="time the pathological inputs")
    g.add_argument("--patho-kb", type=float, default=64, help="1x size in KB (default 64)")
    g.add_argument(
        "--long-line-mb",
        type=float,
        default=1.25,
        help="1x size of the long line of plain text in MB (default 1.25, so 4x is 5 MB)",
    )
    g.add_argument(
        "--patho-limit",
        type=float,
        default=10.0,
        help="CPU seconds after which one check is stopped (default 10)",
    )
    g = p.add_argument_group("whole processes")
    g.add_argument("--process", action="store_true", help="time scrapelint check processes")
    g.add_argument("--size-mb", type=float, default=200, help="JSONL size (default 200)")
    g.add_argument("--jobs-list", default="1,2", help="values of --jobs to run (default 1,2)")
    g.add_argument(
        "--ray",
        action="store_true",
        help="also time --engine ray --jobs 2 (needs scrapelint[ray]) twice: starting its own"
        " local Ray, and attached to a local instance started beforehand (start timed apart)",
    )
    g.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="where to write the JSONL file and outputs (default: a temporary folder)",
    )
    g = p.add_argument_group("recall on injected damage")
    g.add_argument(
        "--recall",
        action="store_true",
        help="inject damage into clean documents (default: ../shared/corpus/clean) and count"
        " what the rules find",
    )
    g.add_argument(
        "--kind",
        action="append",
        default=None,
        metavar="KIND",
        help="kinds of damage (comma-separated; default all: "
        + ", ".join(k.name for k in recall.KINDS)
        + ")",
    )
    g.add_argument("--recall-limit", type=int, default=300, help="documents per kind (default 300)")
    g.add_argument(
        "--seed",
        type=int,
        default=recall.SEED,
        help=f"seed of the injections (default {recall.SEED})",
    )
    g.add_argument(
        "--show-missed", type=int, default=0, metavar="N", help="print N missed injections per kind"
    )
    g = p.add_argument_group("furniture on generated pages")
    g.add_argument(
        "--pages",
        action="store_true",
        help="wrap clean articles into pages with furniture and count what the rules find"
        " and what --fix leaves (uses --seed and --show-missed)",
    )
    g.add_argument("--pages-limit", type=int, default=300, help="pages (default 300)")
    return p


def _say(enabled: bool) -> Callable[[str], None]:
    def say(message: str) -> None:
        if enabled:
            print(f"  timing {message} ...", file=sys.stderr, flush=True)

    return say


def _header(args: argparse.Namespace, argv: Sequence[str], corpus: Corpus) -> list[str]:
    lines = [
        "scrapelint benchmark: " + report.Machine.here().line(),
        "command: python -m lint.bench" + (" " + shlex.join(argv) if argv else ""),
        f"corpus: {len(corpus.documents):,} documents, {corpus.mb:.2f} MB of UTF-8 text"
        f" ({corpus.description})",
    ]
    lines += [f"note: {n}" for n in corpus.notes]
    return lines


def run_corpus(args: argparse.Namespace, corpus: Corpus, say: Callable[[str], None]) -> dict:
    """Corpus mode: the timing table and its figures."""
    rules = load_rules(split_selectors(args.select))
    timing = measure_corpus(
        corpus.documents,
        corpus.files,
        rules,
        repeat=args.repeat,
        per_rule=not args.no_per_rule,
        progress=say,
    )
    text = "\n".join(
        [
            f"CPU time of this process (time.process_time), best of {args.repeat};"
            " fresh documents every run; MB = 10^6 bytes of UTF-8 text",
            "floor = read every file, json.loads every record, one regex.finditer pass of the"
            f" literal {FLOOR_PATTERN!r} over every text (matches consumed)",
            "",
            report.corpus_table(timing),
            "",
            f"all rules / floor: {timing.ratio:.1f}x",
            report.targets_line(timing),
            *filter(None, [report.errors_line(timing)]),
        ]
    )
    data = {
        "repeat": args.repeat,
        "ratio_all_to_floor": timing.ratio,
        "rows": [
            {**dataclasses.asdict(r), "mb_per_s": r.mb_per_s, "docs_per_s": r.docs_per_s}
            for r in timing.rows()
        ],
    }
    return {"text": text, "data": data}


def run_patho(args: argparse.Namespace, corpus: Corpus, say: Callable[[str], None]) -> dict:
    """Patho mode: each pathological input at 1x, 2x and 4x."""
    rules = load_rules(split_selectors(args.select))
    base = int(args.patho_kb * 1000)
    cases = patho.standard_cases(base)
    texts = [d.text for d in corpus.documents]
    cases.append(
        patho.PathoCase(
            patho.LONG_LINE,
            lambda size: patho.long_line(texts, size),
            int(args.long_line_mb * 1e6),
        )
    )
    for case in cases:  # warm up lazy loads (lexicons, compiled patterns)
        patho.check_once(case.make(2000), rules, None)
    rows = []
    for case in cases:
        say(f"patho {case.name}")
        rows.append(patho.time_case(case, rules, repeat=args.repeat, limit=args.patho_limit))
    text = "\n".join(
        [
            f"pathological inputs: all selected rules ({len(rules)}), CPU seconds, best of"
            f" {args.repeat} (one run above 1 s); stopped after {args.patho_limit:g} s CPU",
            "",
            report.patho_table(rows),
            "",
            report.patho_summary(rows),
        ]
    )
    return {"text": text, "data": [dataclasses.asdict(r) for r in rows]}


def run_process(args: argparse.Namespace, corpus: Corpus, say: Callable[[str], None]) -> dict:
    """Process mode: scrapelint check on a large JSONL file with each --jobs value."""
    jobs_list = [int(j) for j in args.jobs_list.split(",") if j.strip()]
    with tempfile.TemporaryDirectory(prefix="scrapelint-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        say(f"writing {args.size_mb:g} MB of JSONL")
        target = workdir / f"bench-{args.size_mb:g}mb.jsonl"
        jsonl = process.write_jsonl(corpus.documents, target, int(args.size_mb * 1e6))
        runs = []
        for jobs in jobs_list:
            say(f"scrapelint check --jobs {jobs}")
            run = process.run_check(jsonl, jobs, workdir)
            runs.append(run)
            if run.problem and run.problem.startswith("usage error") and "--jobs" in run.problem:
                say("scrapelint check without --jobs")
                runs.append(process.run_check(jsonl, None, workdir))
                break
        if args.ray:
            say("scrapelint check --engine ray --jobs 2, starting Ray")
            runs.append(process.run_check(jsonl, 2, workdir, engine="ray"))
            say("ray start (a local instance of 2 CPUs)")
            try:
                with process.running_ray(cpus=2) as instance:
                    say("scrapelint check --engine ray --jobs 2, attached to it")
                    runs.append(process.run_check(jsonl, 2, workdir, engine="ray", ray=instance))
            except RuntimeError as exc:
                say(f"no attached run: {exc}")
        say("start-up")
        start = process.startup_time(workdir)
        if args.workdir is None:
            target.unlink()
    base = " ".join(process.scrapelint_command())
    text = "\n".join(
        [
            f"whole processes: {base} check --isolated --exit-zero --output-format jsonl"
            f" --output-file OUT --jobs J {target.name}",
            f"input: {jsonl.records:,} records, {jsonl.file_bytes / 1e6:.1f} MB of JSONL"
            f" ({jsonl.text_bytes / 1e6:.1f} MB of text); one run each",
            "load = 1-minute load average when the run started (other work on the machine);",
            "MB/s = MB of the file per wall second; CPU s = user + system of the process tree;",
            "peak RSS = largest single process (getrusage in a fresh wrapper per run);",
            "tree RSS = largest sum over the process tree (sampled every 0.05 s, less often when",
            "a sample is slow: sampling takes at most 2% of one CPU)",
            "",
            report.process_table(runs),
            "",
            report.process_summary(runs, start),
        ]
    )
    data = {
        "jsonl": {**dataclasses.asdict(jsonl), "path": str(jsonl.path)},
        "runs": [{**dataclasses.asdict(r), "mb_per_s": r.mb_per_s} for r in runs],
        "speedup_jobs2_over_jobs1": process.speedup(runs),
        "speedup_ray_over_jobs1": process.speedup(runs, engine="ray", instance=process.STARTED),
        "speedup_ray_attached_over_jobs1": process.speedup(
            runs, engine="ray", instance=process.ATTACHED
        ),
        "identical_output": process.same_output(runs),
        "startup": dataclasses.asdict(start),
    }
    return {"text": text, "data": data}


def run_recall(args: argparse.Namespace, corpus: Corpus, say: Callable[[str], None]) -> dict:
    """Recall mode: damage injected into clean documents, found or not, per kind."""
    rules = load_rules(split_selectors(args.select))
    kinds = recall.kinds_named(split_selectors(args.kind))
    results = []
    for kind in kinds:
        say(f"recall {kind.name}")
        results.append(
            recall.measure_kind(
                kind, corpus.documents, rules, limit=args.recall_limit, seed=args.seed
            )
        )
    text = "\n".join(
        [
            f"recall on injected damage: all selected rules ({len(rules)}); one injection per"
            f" document, at most {args.recall_limit} documents per kind, seed {args.seed}",
            "found = a finding of the kind's rules on a line the damage touches (or on the count"
            " it contradicts);",
            "new elsewhere = warnings the clean text did not have, away from the damage;"
            " * = found / injected where two",
            "or more other years give the rewrite away",
            "",
            report.recall_table(results),
            *(["", report.recall_misses(results, args.show_missed)] if args.show_missed else []),
        ]
    )
    pages: list[furniture.PageResult] = []
    shared = None if args.paths else find_shared(args.shared)
    if shared is not None:
        say("furniture on the pages with a ground truth")
        pages = [furniture.measure_page(p, rules) for p in furniture.gold_pages(shared)]
    if pages:
        text += "\n".join(
            [
                "",
                "",
                "page furniture on real pages with a human ground truth (corpus/dirty/mh-*,"
                " gold from corpus/clean/magic_html_groundtruth_zh.jsonl):",
                "lines not in the article are furniture; found = covered by a finding of the"
                f" {furniture.PREFIX} rules; fixed = deleted by --fix;",
                "content flagged / deleted = lines of the article covered by a warning /"
                " deleted by --fix",
                "",
                report.furniture_table(pages),
            ]
        )
    injected = [
        {
            "kind": r.kind.name,
            "codes": list(r.kind.codes),
            "injected": len(r.outcomes),
            "found": r.found,
            "warned": r.warned,
            "recall": r.recall,
            "new_elsewhere": r.new_elsewhere,
            "skipped": r.skipped,
            "missed": [o.label for o in r.outcomes if not o.found],
        }
        for r in results
    ]
    return {
        "text": text,
        "data": {
            "injected": injected,
            "furniture": [dataclasses.asdict(p) for p in pages],
        },
    }


def run_pages(args: argparse.Namespace, corpus: Corpus, say: Callable[[str], None]) -> dict:
    """Pages mode: furniture on pages generated around clean articles, per kind."""
    rules = load_rules(split_selectors(args.select))
    say("generating pages")
    generated = pages.generate_pages(corpus.documents, limit=args.pages_limit, seed=args.seed)
    say(f"measuring {len(generated)} pages")
    outcomes = pages.measure(generated, rules)
    text = "\n".join(
        [
            f"furniture on generated pages: {len(generated)} pages (clean articles wrapped in"
            f" furniture, seed {args.seed}); all selected rules ({len(rules)})",
            f"found = covered by a finding of the {'/'.join(pages.PREFIXES)} rules (any severity);"
            " fixed = deleted by --fix;",
            "safe pages = pages with this kind whose furniture all has a safe fix (no (note)"
            " line); exact fix = --fix leaves exactly the article",
            "",
            pages.pages_table(outcomes),
            "",
            pages.summary(outcomes),
            *(["", pages.missed(outcomes, args.show_missed)] if args.show_missed else []),
        ]
    )
    data = [
        {
            "label": o.label,
            "kinds": {str(n): k for n, k in sorted(o.kinds.items())},
            "found": sorted(o.found),
            "warned": sorted(o.warned),
            "fixed": sorted(o.fixed),
            "content": o.content,
            "content_flagged": o.content_flagged,
            "content_deleted": o.content_deleted,
            "exact": o.exact,
            "all_safe": o.all_safe,
        }
        for o in outcomes
    ]
    return {"text": text, "data": data}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its tables (or JSON with ``--json``)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _parser().parse_args(argv)
    say = _say(sys.stderr.isatty())
    try:
        if (args.recall or args.pages) and not args.paths:
            corpus = clean_corpus(args.shared)
        else:
            corpus = build_corpus(args.paths, args.shared)
    except (FileNotFoundError, UnicodeDecodeError, ValueError) as exc:
        print(f"python -m lint.bench: {exc}", file=sys.stderr)
        return 2
    if not corpus.documents:
        print(
            "python -m lint.bench: the corpus has no documents (name files or folders,"
            " or --shared DIR)",
            file=sys.stderr,
        )
        return 2
    modes = []
    if args.patho:
        modes.append(("patho", run_patho))
    if args.process:
        modes.append(("process", run_process))
    if args.recall:
        try:
            recall.kinds_named(split_selectors(args.kind))
        except ValueError as exc:
            print(f"python -m lint.bench: {exc}", file=sys.stderr)
            return 2
        modes.append(("recall", run_recall))
    if args.pages:
        modes.append(("pages", run_pages))
    if not modes:
        modes.append(("corpus_timing", run_corpus))
    results = {name: fn(args, corpus, say) for name, fn in modes}
    header = _header(args, argv, corpus)
    if args.json:
        machine = dataclasses.asdict(report.Machine.here())
        doc = {
            "machine": machine,
            "command": ["python", "-m", "lint.bench", *argv],
            "corpus": {
                "documents": len(corpus.documents),
                "bytes": corpus.nbytes,
                "description": corpus.description,
                "files": [str(f) for f in corpus.files],
                "notes": corpus.notes,
            },
            **{name: r["data"] for name, r in results.items()},
        }
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        print("\n".join(header))
        for r in results.values():
            print()
            print(r["text"])
    return 0
