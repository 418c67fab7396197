"""The ``check`` command: from parsed arguments to a run, its report and its exit code."""

from __future__ import annotations

import argparse
import functools
import sys
from collections import Counter
from collections.abc import Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TextIO

from lint import __version__
from lint.config import Config, ConfigFinder, parse_table
from lint.discovery import STDIN, PathProblem, Target, discover, stdin_target
from lint.document import Source
from lint.finding import Finding
from lint.gates import CountingRunner, close, conclude, gates_for_run
from lint.linter import DEFAULT_TIME_BUDGET
from lint.options import CheckOptions, UsageError
from lint.output.base import OutputFormat, RunInfo
from lint.output.printable import printable
from lint.output.summary import SummaryFormat, plural
from lint.parallel import cpu_count
from lint.plugins import Plugins
from lint.progress import wanted
from lint.readers.base import DEFAULT_MAX_DOCUMENT_BYTES
from lint.ruleset import RuleSets
from lint.runner import Runner, RunOptions, pick_reader
from lint.selection import validate_selectors
from lint.suppression import Suppressed, SuppressionReport
from lint.worker import Worker, WorkerSettings

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
# Below this much input, worker processes cost more than they save.
IN_PROCESS_BYTES = 4 * 1024 * 1024


def err(message: str) -> None:
    """Print an error message on standard error."""
    print(f"scrapelint: error: {printable(message)}", file=sys.stderr)


def _base_config(plugins: Plugins) -> Config:
    base = Config(root=Path.cwd().resolve())
    for name, table in plugins.default_config():
        base = parse_table(table, where=f"default configuration of plugin {name}", base=base)
    return base


def _color(opts: CheckOptions, stream: TextIO) -> bool:
    from lint.output.terminal import color_wanted

    return color_wanted(opts.color, stream)


def _width() -> int:
    from lint.output.terminal import terminal_columns

    return max(60, terminal_columns(100))


class _Report:
    """Receives results from the runner and sends them to every output of the run."""

    def __init__(self, run: RunInfo, progress: Any) -> None:
        self.run = run
        self.formats: list[OutputFormat] = []
        self.progress_bar = progress
        self.diff_stream: TextIO | None = None
        self.fixed_counts: dict[str, Counter[str]] = {}
        self.fixed_names: dict[str, str] = {}
        self.fixed_total = 0
        self.suppression = SuppressionReport()
        # whether standard output carries a report for people (closing lines go there
        # too) or for machines (they go to standard error); set by _open_outputs
        self.human = True

    def suppressed(self, items: list[Suppressed]) -> None:
        """Take the findings a suppression silenced (``--show-suppressed``, unused entries)."""
        self.suppression.suppressed(items)

    def finding(self, finding: Finding) -> None:
        """Count a finding and hand it to every format."""
        for fmt in self.formats:
            fmt.handle(finding)

    def fixed(self, source: Source, code: str, name: str) -> None:
        """Count an applied fix per file and rule."""
        self.fixed_total += 1
        self.fixed_counts.setdefault(source.path, Counter())[code] += 1
        self.fixed_names[code] = name

    def diff(self, text: str) -> None:
        """Print a piece of the diff."""
        if self.diff_stream is not None:
            self.diff_stream.write(text)

    def progress(self, files: int, consumed: int, documents: int) -> None:
        """Move the progress bar."""
        if self.progress_bar is not None:
            self.progress_bar.update(files, consumed, documents)


def _targets(opts: CheckOptions, finder: ConfigFinder) -> tuple[list[Target], list[str]]:
    if opts.paths.count(STDIN) > 1:
        raise UsageError("standard input (-) can be named only once")
    targets: list[Target] = []
    problems: list[str] = []
    for item in discover(list(opts.paths), finder, force_exclude=opts.force_exclude):
        if isinstance(item, PathProblem):
            problems.append(f"{item.display}: {item.message}")
        elif item.path is None:  # standard input: a target that carries its stream
            targets.append(stdin_target(sys.stdin.buffer, opts.stdin_filename))
        else:
            targets.append(item)
    return targets, problems


def _verbose(targets: list[Target], config_for: Any) -> None:
    """``-v``: the version, what will be checked and which configuration each file uses."""
    info = sys.stderr
    print(f"scrapelint {__version__}", file=info)
    used: dict[str, int] = {}
    for target in targets:
        label = config_for(target.config_path()).label
        used[label] = used.get(label, 0) + 1
    print(f"{plural(len(targets), 'file')} to check", file=info)
    for label, n in used.items():
        print(f"configuration {printable(label)}: {plural(n, 'file')}", file=info)


def _size(target: Target) -> int:
    if target.path is None:
        return 0
    try:
        return target.path.stat().st_size
    except OSError:
        return 0


def run_check(args: argparse.Namespace, plugins: Plugins, formats: Mapping[str, Any]) -> int:
    """Run ``scrapelint check`` and return its exit code."""
    runner_class: Any = CountingRunner
    if getattr(args, "engine", "local") == "ray":  # files checked on Ray actors
        from lint.integrations import ray_engine

        ray_engine.prepare_args(args)
        runner_class = ray_engine.runner_factory(args)
    if getattr(args, "shard_results", None):  # scrapelint merge
        from lint.sharding import merge_runner

        runner_class = merge_runner(args)
    opts = CheckOptions.from_args(args)  # the one place the arguments are read
    mode = opts.mode
    add_ignore = getattr(args, "add_ignore", False)
    if add_ignore and (
        mode.apply or opts.output or opts.reject or opts.isolated or opts.output_file
    ):
        raise UsageError(
            "--add-ignore only writes suppressions: it cannot be used with --fix, --diff,"
            " --fix-only, --output, --reject, --output-file or --isolated"
        )
    rules = plugins.rules()
    readers = plugins.readers()
    cli = opts.selection
    for sels in (cli.select or (), cli.extend_select, cli.ignore, cli.unfixable):
        validate_selectors(sels, rules, "the command line")
    validate_selectors(cli.extend_fixable, rules, "the command line")
    finder = ConfigFinder(_base_config(plugins), opts.config, opts.overlay)

    def config_for(path: Path) -> Config:
        return finder.base if opts.isolated else finder.for_path(path)

    run_config = config_for(Path.cwd())
    rulesets = RuleSets(rules, cli)  # each configuration's rules, built once
    ruleset = rulesets.for_config(run_config)  # validates the run's own config early
    if opts.show_settings is not None:
        from lint.settings_view import write_settings

        where = opts.show_settings
        config = config_for(where)
        write_settings(sys.stdout, where, config, rulesets.for_config(config), fail_on=opts.fail_on)
        return EXIT_OK
    gate_run = gates_for_run(run_config.gates, getattr(args, "gate", None), rules)
    if getattr(args, "shard", None):
        gate_run = None  # gates judge the whole run: `scrapelint merge` does, not each shard
    targets, path_problems = _targets(opts, finder)
    if opts.show_files:
        for target in targets:
            print(printable(target.display))
        for message in path_problems:
            err(message)
        return EXIT_ERROR if path_problems else EXIT_OK
    if opts.verbose:
        _verbose(targets, config_for)
    if getattr(args, "shard", None):  # --shard K/N: a K-th of the targets
        from lint.sharding import shard_runner

        runner_class = shard_runner(args, [r.code for r in ruleset.rules], run_config)
    reads_stdin = any(t.path is None for t in targets)
    if add_ignore and reads_stdin:
        raise UsageError("--add-ignore cannot write suppressions into standard input")
    if mode.write and opts.output is None and not opts.in_place:
        shards = [
            t.display
            for t in targets
            if t.path is not None and pick_reader(readers, t.path.name).is_shard
        ]
        if shards:
            more = f" and {len(shards) - 3} more" if len(shards) > 3 else ""
            raise UsageError(
                f"--fix on corpus shards ({', '.join(shards[:3])}{more}) needs --output DIR"
                " (write the fixed shards there) or --in-place"
            )
    total_bytes = sum(_size(t) for t in targets)
    jobs = opts.jobs if opts.jobs is not None else cpu_count()
    if opts.jobs is None and total_bytes < IN_PROCESS_BYTES:
        jobs = 1
    max_mb = run_config.max_document_mb
    options = RunOptions(
        mode=mode,
        jobs=jobs,
        fail_on=opts.fail_on,  # None: each file's configuration decides
        output_dir=opts.output,
        in_place=opts.in_place,
        reject=opts.reject,
        max_bytes=max_mb * 1024 * 1024 if max_mb else DEFAULT_MAX_DOCUMENT_BYTES,
    )
    run_info = RunInfo(rules=rules, unsafe_fixes=opts.unsafe_fixes, tool_version=__version__)
    baseline = recorder = None
    if opts.baseline or opts.write_baseline:
        from lint.baseline import BaselineFilter, BaselineRecorder, load_baseline

        baseline = BaselineFilter(load_baseline(opts.baseline)) if opts.baseline else None
        recorder = BaselineRecorder(opts.write_baseline) if opts.write_baseline else None

    with ExitStack() as stack:
        progress = None
        if wanted(quiet=opts.quiet, disabled=opts.no_progress) and targets:
            from lint.progress import Progress

            progress = stack.enter_context(Progress(len(targets), total_bytes))
        report = _Report(run_info, progress)
        report.suppression.show = opts.show_suppressed
        # Standard output carries the fixed text of standard input: reports go to stderr.
        fixed_stdin = reads_stdin and mode.write
        out: TextIO = sys.stderr if fixed_stdin else sys.stdout
        _open_outputs(opts, formats, report, out, stack)
        # the closing lines: a reporter too, with the report on stdout when it is for people
        summary = SummaryFormat(human=report.human, unsafe_fixes=opts.unsafe_fixes)
        summary.start(out if report.human else sys.stderr, run_info)
        report.formats.append(summary)
        adder = None
        if add_ignore:  # findings become suppressions instead of a report
            from lint.suppression.add_ignore import IgnoreWriter

            encoding = opts.reader_overrides.get("encoding")
            adder = IgnoreWriter(config_for, rules, encoding=encoding, cli=cli)
            report.formats = [adder]
        if gate_run is not None:
            report.formats.append(gate_run)  # counts findings per gate as they arrive
        budget = run_config.time_budget or DEFAULT_TIME_BUDGET
        settings = WorkerSettings(
            cli=cli,
            mode=mode,
            time_budget=budget,
            max_bytes=options.max_bytes,
            # a shard keeps every suppressed finding: the merge may be asked to list them
            show_suppressed=report.suppression.show or bool(getattr(args, "shard", None)),
        )
        # in-process, the worker shares the run's rule sets; worker processes build their own
        local = opts.engine == "local"
        shared = rulesets if jobs == 1 and local else None
        factory = functools.partial(Worker, rules, readers, settings, rulesets=shared)
        runner = runner_class(
            readers=readers,
            config_for=config_for,
            worker_factory=factory,
            reporter=report,
            options=options,
            reader_overrides=opts.reader_overrides,
            is_new=baseline.is_new if baseline else None,
            record=recorder.add if recorder else None,
        )
        for message in path_problems:
            err(message)
            runner.checked.skipped["paths not found or unreadable"] += 1
        try:
            runner.run(targets)
        except KeyboardInterrupt:
            _interrupted(runner)
            return EXIT_INTERRUPTED
        except BrokenPipeError:
            raise  # the reader of the report went away: a quiet end (lint.cli)
        except OSError as exc:  # the reject file cannot be created
            where = getattr(exc, "path", None) or exc.filename or opts.reject
            err(f"{where}: {exc.strerror or exc}")
            return EXIT_ERROR
        # a runner over every target sees every use (local or Ray); a shard records what
        # it did not use, and the merge reports what no shard used
        sees_all = runner_class is CountingRunner or opts.engine == "ray"
        unused_allow = report.suppression.unused_allow(
            [config_for(t.path) for t in targets if t.path is not None],
            [Path(p) for p in opts.paths if p != STDIN and Path(p).is_dir()]
            if sees_all or getattr(args, "shard", None)
            else [],
            lambda c: [r.code for r in rulesets.for_config(c).rules],
            rules,
        )
        keep_unused = getattr(runner, "keep_unused_allow", None)
        if keep_unused is not None:  # --shard: the merge decides
            keep_unused(unused_allow)
        else:
            for finding in unused_allow:
                runner.report(finding)  # allow entries that suppressed nothing (SL005)
        conclude(
            runner,
            report.formats,
            gate_run,
            inputs=getattr(runner, "run_inputs", None) or opts.paths,  # merge: the shards'
            rules=[r.code for r in ruleset.rules],
            version=__version__,
            artifact=report.formats[0] if opts.output_file else None,
            url_field=run_config.report_url_field,
        )
        for fmt in report.formats:
            fmt.finish()
    if adder is not None:
        written = adder.write(sys.stderr, quiet=opts.quiet)
        return EXIT_ERROR if not written or runner.errors or path_problems else EXIT_OK
    if recorder is not None:
        try:
            n = recorder.write()
        except OSError as exc:
            err(f"--write-baseline {opts.write_baseline}: {exc.strerror or exc}")
            return EXIT_ERROR
        if not opts.quiet:
            print(
                f"Wrote {plural(n, 'finding')} to baseline {opts.write_baseline}", file=sys.stderr
            )
    stale = baseline.unmatched() if baseline is not None else 0
    if stale and not opts.quiet and not opts.write_baseline:
        verb = "entry no longer matches" if stale == 1 else "entries no longer match"
        print(f"{stale:,} baseline {verb}; --write-baseline to prune", file=sys.stderr)
    if fixed_stdin:
        sys.stdout.flush()
        sys.stdout.buffer.write(runner.stdin_output())
        sys.stdout.flush()
    if report.suppression.show:  # after the findings; machine formats keep stdout clean
        report.suppression.write(out if report.human else sys.stderr)
    _closing_lines(opts, report, summary, runner, out)
    code = _exit_code(opts, runner, path_problems)
    if code == EXIT_OK and opts.exit_non_zero_on_fix and report.fixed_total:
        code = EXIT_FINDINGS  # something was fixed: the caller wants to know
    stream = out if report.human else sys.stderr
    return close(gate_run, code, exit_zero=opts.exit_zero, quiet=opts.quiet, stream=stream)


def _open_outputs(
    opts: CheckOptions,
    formats: Mapping[str, Any],
    report: _Report,
    out: TextIO,
    stack: ExitStack,
) -> None:
    """Start the terminal format and the ``--output-file`` format (streams open now)."""
    tty = bool(getattr(out, "isatty", lambda: False)())
    chosen = opts.output_format or ("full" if tty else "concise")
    if opts.output_file is not None:
        try:
            opts.output_file.parent.mkdir(parents=True, exist_ok=True)
            fh = stack.enter_context(
                open(opts.output_file, "w", encoding="utf-8", errors="backslashreplace")  # noqa: SIM115
            )
        except OSError as exc:
            raise UsageError(f"--output-file {opts.output_file}: {exc.strerror or exc}") from None
        file_fmt: OutputFormat = formats[chosen](color=False, width=_width())
        file_fmt.start(fh, report.run)
        report.formats.append(file_fmt)
        terminal = "full"
    else:
        terminal = chosen
    report.human = bool(getattr(formats.get(terminal), "human", False))
    if opts.diff:
        report.diff_stream = out
        return
    fmt: OutputFormat
    if opts.statistics:  # counts instead of findings
        from lint.output.statistics import StatisticsFormat

        machine = None if opts.output_file else opts.output_format
        fmt = StatisticsFormat(color=_color(opts, out), output_format=machine)
    elif opts.fix_only:
        return
    else:
        fmt = formats[terminal](color=_color(opts, out), width=_width())
    fmt.start(out, report.run)
    report.formats.append(fmt)
    report.human = bool(getattr(fmt, "human", False))


def _closing_lines(
    opts: CheckOptions, report: _Report, summary: SummaryFormat, runner: Runner, out: TextIO
) -> None:
    """The fixes applied and the summary's lines, printed after the findings."""
    info = sys.stderr
    if opts.diff:
        if not opts.quiet:
            n = report.fixed_total
            print(
                f"Would fix {plural(n, 'finding')}." if n else "No fixes available.",
                file=info,
            )
            print(runner.checked.line(), file=info)
        return
    if opts.show_fixes and report.fixed_total and report.human:
        _write_fixes(report, out)
    if opts.quiet:
        return
    lines = summary.lines(
        runner.checked,
        fixed=report.fixed_total,
        fixing=opts.fix or opts.fix_only,
        fix_only=opts.fix_only,
        problems=bool(runner.errors),
        output=printable(str(opts.output)) if opts.output is not None else None,
        reject=printable(str(opts.reject)) if opts.reject is not None else None,
    )
    for line in lines:
        print(line, file=summary.out())


def _write_fixes(report: _Report, out: TextIO) -> None:
    out.write(f"Fixed {plural(report.fixed_total, 'finding')}:\n")
    for path, counts in report.fixed_counts.items():
        out.write(f"- {printable(path)}:\n")
        for code, n in sorted(counts.items()):
            out.write(f"    {n} × {code} ({report.fixed_names[code]})\n")


def _interrupted(runner: Runner) -> None:
    written = runner.written
    if written:
        shown = ", ".join(printable(w) for w in written[:10])
        more = f" and {len(written) - 10} more" if len(written) > 10 else ""
        err(f"interrupted; {plural(len(written), 'file')} already written: {shown}{more}")
    else:
        err("interrupted; no file was changed")


def _exit_code(opts: CheckOptions, runner: Runner, path_problems: list[str]) -> int:
    if path_problems or runner.errors:
        return EXIT_ERROR
    if not runner.checked.documents:
        if not opts.quiet:
            err("no documents were checked")
        return EXIT_ERROR
    if opts.diff:
        return EXIT_FINDINGS if runner.diffs and not opts.exit_zero else EXIT_OK
    if opts.fix_only or opts.exit_zero or opts.write_baseline:
        return EXIT_OK  # a baseline just written covers every finding
    return EXIT_FINDINGS if runner.failing else EXIT_OK
