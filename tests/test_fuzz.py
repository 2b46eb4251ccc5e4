"""Coverage-guided fuzzing of the readers with atheris (libFuzzer), a fixed number of runs.

The target (tests/fuzz/fuzz_readers.py) runs in a child process because libFuzzer ends its
process when done; a crash is any exception other than InputError from decode, HTML, JSONL,
WARC or RSS/Atom reading.  Seeds are small valid inputs of each kind, so mutations start
from the formats' structure.  Longer runs: see docs/reliability.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris")

from newsledger.sources.warc import warc_record  # noqa: E402

from .corpus_util import page  # noqa: E402

TARGET = Path(__file__).with_name("fuzz") / "fuzz_readers.py"
RUNS = 8000

FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title>'
        b"<link>https://news.example/a</link><pubDate>Mon, 06 Nov 2023 10:00:00 GMT</pubDate>"
        b"<description>Officials in Kyiv said on Monday that 40 drones were shot down.</description>"
        b"</item></channel></rss>")


def test_readers_survive_fuzzing(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    samples = [b"\x00Officials in Kyiv said on Monday that 40 drones were shot down.",
               b"\x01" + page(1).encode(),
               b"\x02" + json.dumps({"id": "a", "text": "Kyiv said so.", "published": "2023-01-02"}).encode()
               + b"\n{bad\n" + json.dumps({"id": "b", "html": page(2)}).encode(),
               b"\x03" + warc_record("https://news.example/1", page(1)),
               b"\x04" + FEED]
    for i, sample in enumerate(samples):
        (seeds / f"seed{i}").write_bytes(sample)
    proc = subprocess.run([sys.executable, str(TARGET), f"-runs={RUNS}", "-max_len=8192", "-seed=1",
                           f"-artifact_prefix={tmp_path}/", "-timeout=20", str(seeds)],
                          capture_output=True, text=True, timeout=600, cwd=tmp_path)
    crashes = sorted(p.name for p in tmp_path.glob("crash-*")) + sorted(p.name for p in tmp_path.glob("timeout-*"))
    assert proc.returncode == 0 and not crashes, (crashes, proc.stderr[-3000:])
    assert f"Done {RUNS} runs" in proc.stderr, proc.stderr[-2000:]
