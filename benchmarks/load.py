"""The read-only JSON API under load: N concurrent clients for D seconds, on 127.0.0.1 only.

    .venv/bin/python benchmarks/load.py                        # 50 clients, 60 s, 10,000+ events
    .venv/bin/python benchmarks/load.py --clients 20 --duration 10 --think 0
    .venv/bin/python benchmarks/load.py --db my.db             # an existing ledger (not rebuilt)
    .venv/bin/python benchmarks/load.py --cache-mb 0            # the server without its response cache
    .venv/bin/python benchmarks/load.py --workers 2             # two server processes
    .venv/bin/python benchmarks/load.py --write-every 1         # a new document committed every second

The ledger is built synthetically (DocLedgers written through ``Store``, no model run):
``--docs`` documents of ``--events`` events each, with actors, claims, figures, places and
dates.  The server is ``newsledger api --db LEDGER --port PORT`` (uvicorn; ``--workers``, ``--cache-mb``
passed on) in its own process;
each client is a keep-alive HTTP/1.1 connection that sends a request from a fixed mix, waits
for the whole answer, then waits ``--think`` seconds (uniform 0..2×think, mean think) before
the next.  ``--think 0`` is a closed loop (saturation).  Prints requests, errors (any status
other than 200 or a broken connection), requests/s and latency percentiles, as JSON with
``--json``.  Exit code 1 when any request failed or p95 is over ``--p95-limit`` ms.

Nothing but 127.0.0.1 is ever contacted; the run is bounded by ``--duration`` (plus at most
``--timeout`` s for the requests in flight).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"

ACTORS = [("RU", "Russia", "state", "RU"), ("UA", "Ukraine", "state", "UA"), ("MD", "Moldova", "state", "MD"),
          ("AM", "Armenia", "state", "AM"), ("AZ", "Azerbaijan", "state", "AZ"), ("EU", "European Union", "org", None),
          ("person:dorin-recean", "Dorin Recean", "person", "MD"), ("org:osce", "the OSCE mission", "org", None)]
TYPES = ["AGREE", "CONSULT", "SUPPORT", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
         "SANCTION", "ASSAULT", None]
PLACES = [("Kyiv", 50.45, 30.52, "UA"), ("Chisinau", 47.01, 28.86, "MD"), ("Baku", 40.38, 49.89, "AZ"),
          ("Yerevan", 40.18, 44.51, "AM"), ("Brussels", 50.85, 4.35, "BE")]


def synthetic_ledger(i: int, n_events: int):
    """One DocLedger with ``n_events`` events, every span indexing its text."""
    from newsledger.model import (Actor, ActorRef, Claim, DocLedger, Document, Event, PlaceMention, PlaceRef,
                                  Quantity, Span, TimeValue, Timex)

    rng = random.Random(i)
    parts, spans = [], []
    pos = 0
    events, claims, quantities, places, timexes = [], [], [], [], []
    mentions: dict[str, list] = {}
    for k in range(n_events):
        src, tgt = rng.sample(ACTORS, 2)
        place = PLACES[(i + k) % len(PLACES)]
        day = f"2023-{1 + (i + k) % 12:02d}-{1 + (i * 7 + k) % 28:02d}"
        etype = TYPES[(i + k) % len(TYPES)]
        verb = (etype or "happened").lower()
        figure = 10 * (1 + (i * 31 + k) % 500)
        sentence = (f"{src[1]} {verb} {tgt[1]} in {place[0]} on {day}, officials said, "
                    f"and {figure} people were affected (report {i}.{k}). ")
        s0 = pos
        parts.append(sentence)
        pos += len(sentence)

        def span(sub: str, _s=sentence, _o=s0) -> Span:
            j = _s.index(sub)
            return Span(_o + j, _o + j + len(sub), sub)

        src_sp, tgt_sp, place_sp, day_sp = span(src[1]), span(tgt[1]), span(place[0]), span(day)
        trig = span(verb)
        evidence = Span(s0, s0 + len(sentence) - 1, sentence[:-1])
        mentions.setdefault(src[0], []).append(src_sp)
        mentions.setdefault(tgt[0], []).append(tgt_sp)
        events.append(Event(type=etype, trigger=trig, evidence=evidence, modality="reported",
                            source_actors=[ActorRef(src[0], src_sp.start, src_sp.end, src_sp.text)],
                            target_actors=[ActorRef(tgt[0], tgt_sp.start, tgt_sp.end, tgt_sp.text)],
                            time=TimeValue(day, how="explicit", granularity="day"),
                            place=PlaceRef(place[0], place[1], place[2], place[3]),
                            cameo_root=None, intensity=float((i + k) % 10) - 5.0))
        timexes.append(Timex(day_sp.start, day_sp.end, day_sp.text, "DATE", day, anchor="explicit"))
        places.append(PlaceMention(place_sp.start, place_sp.end, place_sp.text, place[0], place[1], place[2],
                                   place[3], kind="city"))
        fig_sp = span(f"{figure} people")
        quantities.append(Quantity(value=float(figure), evidence=fig_sp, unit="people", counts="people"))
        cue = span("said")
        claims.append(Claim(speaker=span("officials"), cue=cue, content=span(f"{src[1]} {verb} {tgt[1]} in {place[0]} on {day}"),
                            kind="indirect", speaker_name="officials"))
    text = f"Synthetic report {i}. " + "".join(parts)
    shift = len(f"Synthetic report {i}. ")

    def moved(sp):
        sp.start += shift
        sp.end += shift
        return sp

    for e in events:
        for sp in (e.trigger, e.evidence, *e.source_actors, *e.target_actors):
            moved(sp)
    for c in claims:
        for sp in (c.speaker, c.cue, c.content):
            moved(sp)
    for q in quantities:
        moved(q.evidence)
    for x in (*places, *timexes):
        moved(x)
    actors = [Actor(a[0], a[1], a[2], a[3], mentions=[moved(s) for s in mentions[a[0]]])
              for a in ACTORS if a[0] in mentions]
    doc = Document.from_text(text, source_id=f"synthetic/{i}.txt", title=f"Synthetic report {i}",
                             outlet=["Reuters", "AP", "BBC", "Le Monde"][i % 4], url=f"https://news.example/{i}",
                             published=f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}", published_source="input")
    return DocLedger(document=doc, timexes=timexes, places=places, actors=actors, claims=claims, events=events,
                     quantities=quantities)


def build_ledger(db: str | Path, docs: int = 1000, events: int = 10) -> dict:
    """Write ``docs`` synthetic ledgers of ``events`` events each into the store ``db``."""
    from newsledger.store import Store

    with Store(db) as store:
        for i in range(docs):
            store.write(synthetic_ledger(i, events))
        return store.counts()


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(db: str | Path, port: int, timeout: float = 5.0, *, workers: int = 1,
                 cache_mb: Optional[int] = None) -> subprocess.Popen:
    """``newsledger api`` on 127.0.0.1:port, waited for until it answers."""
    exe = Path(sys.executable).with_name("newsledger")
    args = [str(exe), "api", "--db", str(db), "--host", HOST, "--port", str(port), "--timeout", str(timeout)]
    if workers != 1:
        args += ["--workers", str(workers)]
    if cache_mb is not None:
        args += ["--cache-mb", str(cache_mb)]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server stopped: {proc.stderr.read().decode(errors='replace')}")
        try:
            with socket.create_connection((HOST, port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the server did not start within 60 s")


def request_mix(db: str | Path) -> list[str]:
    """The paths the clients send, in a fixed mix over the whole API."""
    import sqlite3

    conn = sqlite3.connect(f"file:{Path(db).resolve()}?mode=ro", uri=True)
    ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY rowid LIMIT 20")]
    conn.close()
    paths = ["/api/events", "/api/events?limit=20", "/api/events?actor=Russia&limit=50",
             "/api/events?type=ASSAULT&from=2023-03&to=2023-06", "/api/events?place=Kyiv&limit=20",
             "/api/events?source=Reuters&limit=20&offset=200", "/api/claims?limit=50",
             "/api/claims?actor=officials&q=Armenia&limit=20", "/api/actors", "/api/places",
             "/api/quantities?unit=people&limit=50", "/api/relations?actor=UA",
             "/api/documents?q=Moldova&limit=20", "/api/documents?from=2023-02&to=2023-04&limit=50",
             "/api/contested", "/api/contradictions", "/openapi.json"]
    paths += [f"/api/documents/{i}" for i in ids[:5]] + [f"/api/events?document={i}" for i in ids[5:10]]
    return paths


async def _client(port: int, paths: list[str], end: float, think: float, timeout: float, rng: random.Random,
                  latencies: list, errors: list) -> None:
    reader = writer = None
    if think:  # clients arrive spread over the first pause, not all in the same millisecond
        await asyncio.sleep(rng.uniform(0, 2 * think))
    while time.monotonic() < end:
        path = rng.choice(paths)
        t0 = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), timeout)
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\n\r\n".encode())
            status, body = await asyncio.wait_for(_response(reader), timeout)
            latencies.append(time.perf_counter() - t0)
            if status != 200:
                errors.append(f"{status} {path}: {body[:200]!r}")
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError) as exc:
            latencies.append(time.perf_counter() - t0)
            errors.append(f"{type(exc).__name__} {path}: {exc}")
            if writer is not None:
                writer.close()
            reader = writer = None
        if think:
            await asyncio.sleep(rng.uniform(0, 2 * think))
    if writer is not None:
        writer.close()


async def _response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = None
    chunked = False
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if length is not None:
        return status, await reader.readexactly(length)
    if chunked:
        body = b""
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            body += await reader.readexactly(size + 2)
            if size == 0:
                return status, body
    raise ValueError("response without a length")


def run_load(port: int, paths: list[str], *, clients: int = 50, duration: float = 60.0, think: float = 0.0,
             timeout: float = 10.0, seed: int = 0) -> dict:
    """``clients`` concurrent clients for ``duration`` seconds; the figures."""
    latencies: list[float] = []
    errors: list[str] = []

    async def main():
        end = time.monotonic() + duration
        await asyncio.gather(*(_client(port, paths, end, think, timeout, random.Random(seed * 1000 + c),
                                       latencies, errors) for c in range(clients)))

    t0 = time.monotonic()
    asyncio.run(main())
    elapsed = time.monotonic() - t0
    lat = sorted(latencies)

    def pct(p: float) -> float:
        return round(1000 * lat[min(len(lat) - 1, int(p * len(lat)))], 1) if lat else float("nan")

    return {"clients": clients, "duration_s": round(elapsed, 1), "think_s": think, "requests": len(lat),
            "errors": len(errors), "first_errors": errors[:5], "requests_per_s": round(len(lat) / elapsed, 1),
            "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
            "max_ms": round(1000 * lat[-1], 1) if lat else float("nan")}


class _Writer:
    """A thread that commits one new synthetic document every ``every`` seconds."""

    def __init__(self, db: str | Path, every: float, start: int):
        import threading

        self.db, self.every, self.next = db, every, start + 100_000
        self.done = threading.Event()
        self.writes = 0
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        from newsledger.store import Store

        with Store(self.db) as store:
            while not self.done.wait(self.every):
                store.write(synthetic_ledger(self.next, 10))
                self.next += 1
                self.writes += 1

    def stop(self) -> int:
        self.done.set()
        self.thread.join(timeout=30)
        return self.writes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="an existing ledger file (default: build a synthetic one in a temp folder)")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--events", type=int, default=10, help="events per synthetic document")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--think", type=float, default=0.25, help="mean pause between a client's requests (s)")
    parser.add_argument("--p95-limit", type=float, default=200.0)
    parser.add_argument("--workers", type=int, default=1, help="server processes (newsledger api --workers)")
    parser.add_argument("--cache-mb", type=int, help="the server's response cache (0: none; default: its own)")
    parser.add_argument("--write-every", type=float, default=0.0,
                        help="commit a new synthetic document to the ledger every S seconds while serving "
                             "(as `newsledger analyze` does): every answer cached before is stale then")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        build_s = None
        if db is None:
            db = os.path.join(tmp, "load.db")
            t0 = time.monotonic()
            counts = build_ledger(db, args.docs, args.events)
            build_s = round(time.monotonic() - t0, 1)
        else:
            from newsledger.store import Store

            with Store(db, readonly=True) as store:
                counts = store.counts()
        port = free_port()
        server = start_server(db, port, workers=args.workers, cache_mb=args.cache_mb)
        load_before = os.getloadavg()
        writer = _Writer(db, args.write_every, start=counts["documents"]) if args.write_every else None
        try:
            result = run_load(port, request_mix(db), clients=args.clients, duration=args.duration, think=args.think)
        finally:
            if writer is not None:
                result_writes = writer.stop()
            server.terminate()
            server.wait(timeout=10)
        if writer is not None:
            result["writes"] = result_writes
    result.update(events=counts["events"], documents=counts["documents"], build_s=build_s,
                  workers=args.workers, cache_mb=args.cache_mb,
                  load_avg_before=[round(x, 2) for x in load_before],
                  load_avg_after=[round(x, 2) for x in os.getloadavg()],
                  machine=f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>15}: {value}")
    return 0 if result["errors"] == 0 and result["p95_ms"] < args.p95_limit else 1


if __name__ == "__main__":
    sys.exit(main())
