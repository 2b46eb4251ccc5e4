"""``benchmarks/stages.py`` on two short texts: one run, and the median of runs in fresh processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "benchmarks" / "stages.py"


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("stages") / "texts.jsonl"
    rows = [{"text": "Officials in Nairobi said on Monday that the road to Mombasa had reopened.",
             "url": "https://example.test/news/1"},
            {"text": "Moscow summoned the ambassador after talks in Geneva broke down on 3 March 2023."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=600)


def test_one_run_gives_each_part_its_seconds(texts):
    done = _run("--input", str(texts), "--limit", "2", "--json")
    assert done.returncode == 0, done.stderr
    costs = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"spaCy model", "newsledger_places", "newsledger_time"} <= set(costs)
    assert all(v >= 0 for v in costs.values())


def test_runs_in_fresh_processes_give_median_shares(texts):
    done = _run("--input", str(texts), "--limit", "2", "--runs", "2", "--json")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert sum(line.startswith("run ") for line in lines) == 2
    assert any("median share (least - most)" in line for line in lines)
    shares = json.loads(lines[-1])
    assert shares["newsledger_places"] > 0 and shares["spaCy model"] > shares["newsledger_places"]
    # (medians of each part's share: near a whole, not exactly one)
    assert 80 <= sum(shares.values()) <= 120


def test_runs_must_be_one_or_more(texts):
    done = _run("--input", str(texts), "--runs", "0")
    assert done.returncode == 2 and "--runs must be 1 or more" in done.stderr


def test_no_warmup_times_a_fresh_processs_first_texts(texts):
    done = _run("--input", str(texts), "--limit", "2", "--runs", "2", "--no-warmup", "--json")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert sum(line.startswith("run ") for line in lines) == 2
    assert any("no warm-up: median seconds" in line for line in lines)
    assert json.loads(lines[-1])["newsledger_places"] > 0
