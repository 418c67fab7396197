"""``python -m lint.bench --process --ray``: a run attached to a local Ray instance the
bench starts on its own (``running_ray``), with the findings of ``--jobs 1``."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("ray.data", reason="Ray Data is not installed (pip install 'scrapelint[ray]')")

from lint.bench import process
from tests.integrations.conftest import write_jsonl


def _processes_naming(text: str) -> list[int]:
    """Processes whose command line holds ``text`` (Linux /proc; none elsewhere)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if text.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_an_attached_run_uses_the_bench_instance_and_writes_what_jobs_1_writes(records, tmp_path):
    """ray.init() elsewhere does not find the instance (its own temporary directory); the run
    says it attached, its phases are kept, and the instance is gone after the block."""
    path = write_jsonl(tmp_path / "small.jsonl", records)
    corpus = process.JsonlCorpus(path, len(records), path.stat().st_size, 0)
    local = process.run_check(corpus, 1, tmp_path)
    default_address = Path("/tmp/ray/ray_current_cluster")
    with process.running_ray(cpus=1) as instance:
        assert instance.start_seconds > 0 and ":" in instance.address
        assert _processes_naming(instance.address) or not Path("/proc").exists()
        assert not (
            default_address.exists() and default_address.read_text().strip() == instance.address
        )
        attached = process.run_check(corpus, 2, tmp_path, engine="ray", ray=instance)
    assert not _processes_naming(instance.address)
    assert local.problem is None and attached.problem is None, attached.problem
    assert attached.instance == process.ATTACHED and attached.instance_start is not None
    assert attached.phase_notes["ray ready"] == "instance attached"
    phases = attached.phases
    assert phases["run"] < phases["ray ready"] <= phases["outputs written"] <= attached.wall
    assert attached.output_digest == local.output_digest and attached.findings
