"""Shared inputs of the integration tests: a small JSONL corpus cut from the seed document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.corpus import SEED, SEED_FIXED

CLEAN_TEXTS = [
    "今天天气很好，我们去公园散步。",
    "北京是中华人民共和国的首都，也是全国的政治和文化中心。",
]


def seed_records() -> list[dict]:
    """Records with ids: the seed and its fixed version cut into pieces, and clean texts."""
    records = []
    for name, path in (("seed", SEED), ("fixed", SEED_FIXED)):
        lines = path.read_text(encoding="utf-8").split("\n")
        for i in range(0, len(lines), 12):
            records.append({"id": f"{name}-{i}", "text": "\n".join(lines[i : i + 12])})
    records.append({"id": "whole-seed", "text": SEED.read_text(encoding="utf-8")})
    for i, text in enumerate(CLEAN_TEXTS):
        records.append({"id": f"clean-{i}", "text": text})
    return records


def write_jsonl(path: Path, records: list[dict]) -> Path:
    """Write records as JSON Lines (UTF-8, one per line)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="session")
def records() -> list[dict]:
    """The small corpus as a list of records."""
    return seed_records()


@pytest.fixture(scope="package")
def ray_local():
    """One local Ray instance (2 CPUs) for the Ray tests, shut down after this package.

    Ray's background threads print worker events on standard output; once the package is
    done nothing of Ray is left to write into the output of later tests.
    """
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'scrapelint[ray]')")
    pytest.importorskip("ray.data", reason="Ray Data is not installed")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    import ray.data

    ray.data.DataContext.get_current().enable_progress_bars = False
    yield ray
    ray.shutdown()
