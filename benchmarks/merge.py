"""Time of the cross-document stage on a ledger of many documents.

    .venv/bin/python benchmarks/merge.py --analyse 300 --documents 10000

Analyses the first ``--analyse`` texts of the geo dev set (real news) once, then
writes their ledgers again and again into a fresh store until it holds
``--documents`` documents: each copy gets its own document id, outlet and a
publication date moved on by a week per copy, so the merge sees many articles
telling the same happenings (the hard case: big clusters). Prints the merge's
time, split by step, and the counts. The merge runs with anchoring on, so it
also scans every document for phrases other documents date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = REPO.parent / "shared" / "eval" / "geo" / "dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--analyse", type=int, default=300, help="texts analysed (then copied)")
    parser.add_argument("--documents", type=int, default=10000, help="documents in the merged store")
    parser.add_argument("--db", type=Path, help="keep the store here (and reuse it when it exists)")
    parser.add_argument("--no-anchor", action="store_true", help="merge without cross-document anchoring")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.input.exists():
        print(f"no benchmark input at {args.input}", file=sys.stderr)
        return 2

    from newsledger.model import Document, content_id
    from newsledger.nlp.pipeline import Analyzer
    from newsledger.resolve.merge import merge_store
    from newsledger.store import Store

    texts = [json.loads(line)["text"] for line in open(args.input, encoding="utf-8") if line.strip()]
    texts = texts[:args.analyse]
    analyzer = None
    analyse_s = 0.0

    def get_analyzer():
        nonlocal analyzer
        if analyzer is None:
            analyzer = Analyzer()
        return analyzer

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "merge.db"
        reuse = db.exists()
        with Store(db) as store:
            if not reuse:
                t0 = time.perf_counter()
                base = list(get_analyzer().analyze_documents([Document.from_text(t) for t in texts],
                                                             published="2024-01-15"))
                analyse_s = time.perf_counter() - t0
            n = store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] if reuse else 0
            copy = 0
            while not reuse and n < args.documents:
                day = dt.date(2024, 1, 15) + dt.timedelta(days=7 * copy)
                for ledger in base:
                    if n >= args.documents:
                        break
                    text = ledger.document.text + f"\n[copy {copy}]"
                    doc = replace(ledger.document, id=content_id(text), text=text, source_id=f"copy{copy}/{n}",
                                  outlet=f"Outlet {copy % 40}", published=day.isoformat())
                    store.write(replace(ledger, document=doc))
                    n += 1
                copy += 1
            t1 = time.perf_counter()
            report = merge_store(store, analyzer_factory=get_analyzer, anchor=not args.no_anchor)
            merge_s = time.perf_counter() - t1
    out = {"documents": report.documents, "analysed_texts": len(texts), "analyse_s": round(analyse_s, 1),
           "merge_s": round(merge_s, 2), "steps_s": {k: round(v, 2) for k, v in report.timings.items()},
           "mentions": report.mentions, "events": report.events, "actors": report.actors,
           "contested": report.contested, "contradictions": report.contradictions,
           "reanalysed": report.reanalysed}
    if args.json:
        print(json.dumps(out))
    else:
        print(f"merge of {out['documents']} documents: {out['merge_s']} s "
              f"({', '.join(f'{k} {v} s' for k, v in out['steps_s'].items())})")
        print(f"  {out['mentions']} event mentions -> {out['events']} events, {out['actors']} actors, "
              f"{out['contested']} contested pairs, {out['contradictions']} contradictions, "
              f"{out['reanalysed']} documents re-dated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
