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


def _script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("stages_benchmark", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_in_pipe_times_each_stage_inside_one_run(nlp):
    from newsledger.nlp import components

    stages = _script()
    ours = [name for name in components.STAGES if name in nlp.pipe_names]
    texts = ["Officials in Nairobi said on Monday that the road to Mombasa had reopened.",
             "Moscow summoned the ambassador after talks in Geneva broke down on 3 March 2023."]
    costs, docs = stages._in_pipe(nlp, ours, texts, [None, None])
    assert list(costs) == ["spaCy model", *ours]
    # (each stage ran on each Doc inside the run: its output is there, and its time counted)
    assert {p.text for p in docs[0]._.places} >= {"Nairobi", "Mombasa"}
    assert docs[1]._.timexes and docs[1]._.places
    assert all(costs[name] > 0 for name in ours) and costs["spaCy model"] > 0
    # (the components are left as they were: no timed pipe stays behind)
    assert not any(hasattr(nlp.get_pipe(name), "pipe") for name in ours)


def test_in_pipe_from_the_command_line(texts):
    done = _run("--input", str(texts), "--limit", "2", "--runs", "2", "--in-pipe", "--json")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert any("in one nlp.pipe: median seconds" in line for line in lines)
    shares = json.loads(lines[-1])
    assert shares["newsledger_places"] > 0 and shares["spaCy model"] > shares["newsledger_places"]
