"""Benchmark: time each selected rule over a corpus (``python -m lint.bench PATH...``)."""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

from lint.config import Config, ConfigFinder
from lint.discovery import Target, discover
from lint.document import Document
from lint.linter import check_document
from lint.plugins import load_plugins
from lint.ruleset import CliSelection, build_ruleset
from lint.runner import pick_reader
from lint.selection import split_selectors


def load_documents(paths: Sequence[str], include_jsonl: bool = True) -> list[Document]:
    """Read every document under ``paths`` with the registered readers."""
    plugins = load_plugins()
    readers = plugins.readers()
    include = ("*.txt", "*.md", "*.jsonl") if include_jsonl else ("*.txt", "*.md")
    finder = ConfigFinder(Config(root=Path.cwd(), include=include))
    docs: list[Document] = []
    for item in discover(list(paths), finder):
        if not isinstance(item, Target) or item.path is None:
            continue
        reader = pick_reader(readers, item.path, item.display)
        docs.extend(reader.read(item.path.read_bytes(), item.display, {}).documents)
    return docs


def main(argv: Sequence[str] | None = None) -> int:
    """Print per-rule and total throughput over the documents under the given paths."""
    parser = argparse.ArgumentParser(prog="python -m lint.bench", description=__doc__)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--select", action="append", default=None)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    args = parser.parse_args(argv)

    plugins = load_plugins()
    select = tuple(split_selectors(args.select)) if args.select else ("ALL",)
    rules = build_ruleset(Config(), plugins.rules(), CliSelection(select=select)).rules
    docs = load_documents(args.paths)
    chars = sum(len(d.text) for d in docs)
    mbytes = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    print(f"{len(docs)} documents, {chars:,} characters, {mbytes:.2f} MB (UTF-8)")
    print(f"{'rule':<34} {'seconds':>8} {'MB/s':>9} {'findings':>9}")
    total = 0.0
    for rule in rules:
        best = float("inf")
        found = 0
        for _ in range(args.repeat):
            fresh = [Document(d.text, d.source) for d in docs]  # no shared memo between runs
            t0 = time.perf_counter()
            found = sum(len(check_document(d, [rule])) for d in fresh)
            best = min(best, time.perf_counter() - t0)
        total += best
        label = f"{rule.code} {rule.name}"
        print(f"{label:<34} {best:>8.3f} {mbytes / best:>9.1f} {found:>9}")
    best_all = float("inf")
    for _ in range(args.repeat):
        fresh = [Document(d.text, d.source) for d in docs]
        t0 = time.perf_counter()
        for d in fresh:
            check_document(d, rules)
        best_all = min(best_all, time.perf_counter() - t0)
    print(f"{'all rules together':<34} {best_all:>8.3f} {mbytes / best_all:>9.1f}")
    print(f"documents per second (all rules): {len(docs) / best_all:,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
