"""The ``newsledger`` command line: thin wrappers over library functions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .evaluate import TASKS

EXIT_FAILED = 1  # some input failed (the rest was analysed)


def _db_option(required: bool = True):
    return click.option("--db", type=click.Path(dir_okay=False), required=required,
                        help="SQLite ledger file (created if missing).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsledger")
def main() -> None:
    """Turn news and opinion articles into a dated, sourced ledger.

    \b
    newsledger analyze article.html notes.txt --db ledger.db
    newsledger show --db ledger.db
    newsledger export --db ledger.db --format csv -o out/
    newsledger evaluate timex ../shared/eval/timex/dev.jsonl
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@_db_option(required=False)
@click.option("--jsonl", "jsonl_path", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write one DocLedger per input document (JSON Lines, the contract); '-' for stdout.")
@click.option("--published", help="Publication date for documents that carry none (YYYY-MM-DD).")
@click.option("--model", help="spaCy model package or path (default: best installed English model).")
@click.option("--allow-private-urls", is_flag=True, help="Allow URLs on loopback/private addresses.")
@click.option("--author-claims", is_flag=True,
              help="Opinion pieces: record the author's own assertions as claims of the author.")
@click.option("--author", "author_name", help="The author's name for --author-claims when a document gives none.")
@click.option("--follow-feed-links", is_flag=True, help="RSS/Atom items: read each item's page (its link) instead of its own content.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes (each loads the model once); output stays in input order.")
@click.option("--resume", is_flag=True,
              help="Continue an interrupted run: append to --jsonl after its last complete line. "
                   "(With --db, documents already stored by the same analysis are never analysed again.)")
@click.option("--doc-timeout", type=click.FloatRange(0), default=300.0, show_default=True,
              help="Seconds one document may take to analyse (0: no limit); past it: E202, the batch goes on. "
                   "Hard with --workers/--max-memory (the worker is killed and replaced), else an alarm.")
@click.option("--max-memory", "max_memory", type=click.FloatRange(min=1), default=None,
              help="MB of resident memory a worker process may use (model included); past it: E203, "
                   "the worker is replaced. Runs a worker process even with --workers 1.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@click.option("--parse", "parse_mode", type=click.Choice(["all", "selective"]), default="all", show_default=True,
              help="Dependency parsing: every sentence, or only sentences with an event trigger, an "
                   "attribution cue or a quotation (faster; sentence boundaries from the model's senter).")
def analyze(inputs, db, jsonl_path, published, model, allow_private_urls, follow_feed_links, workers, resume,
            doc_timeout, max_memory, quiet, author_claims=False, author_name=None, parse_mode="all"):
    """Analyse INPUTS: files (.txt, .html, .jsonl[.gz]), folders, URLs or '-' (stdin).

    Writes the ledger to --db and/or --jsonl. Exit code 1 when any input failed
    (each failure is reported with its code; the other inputs are still analysed).
    """
    from dataclasses import replace

    from .nlp.pipeline import check_published
    from .options import AnalyzeOptions, ReadOptions
    from .runner import analyze_inputs

    if db is None and jsonl_path is None:
        raise click.UsageError("say where the ledger goes: --db FILE and/or --jsonl FILE")
    try:
        check_published(published)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from None
    _check_user_places()
    options = AnalyzeOptions(model=model, published=published,
                             read=replace(ReadOptions(), allow_private_urls=allow_private_urls,
                                          follow_feed_links=follow_feed_links),
                             author_claims=author_claims, author=author_name, parse=parse_mode)
    many = len(inputs) > 1 or any(Path(i).is_dir() or i.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".warc", ".warc.gz", ".rss", ".atom", ".xml")) for i in inputs)
    failures: list[str] = []

    def report(ledger):
        for err in ledger.errors:
            failures.append(f"{err.code} {ledger.document.source_id}: {err.message}")

    out = None
    skip_items = 0
    try:
        if jsonl_path == "-":
            out = sys.stdout
        elif jsonl_path and resume:
            from .runner import count_jsonl_lines

            skip_items = count_jsonl_lines(jsonl_path)
            out = open(jsonl_path, "a", encoding="utf-8")
        elif jsonl_path:
            out = open(jsonl_path, "w", encoding="utf-8")
        from .nlp.model_loader import ModelError
        from .runner import WorkerCrashed

        try:
            summary = analyze_inputs(inputs, options=options, db=db, jsonl=out,
                                     progress=many and not quiet and sys.stderr.isatty(), on_ledger=report,
                                     workers=workers, skip_items=skip_items,
                                     doc_timeout=doc_timeout or None, max_memory_mb=max_memory)
        except (ModelError, WorkerCrashed) as exc:
            raise click.ClickException(str(exc)) from None
    finally:
        if out is not None and out is not sys.stdout:
            out.close()
    for line in failures:
        click.secho(line, fg="red", err=True)
    if not quiet:
        click.echo(summary.format(), err=True)
    sys.exit(0 if summary.ok else EXIT_FAILED)


@main.command()
@click.argument("document", required=False)
@_db_option()
@click.option("--color/--no-color", default=None, help="Colour the output (default: when a terminal).")
def show(document, db, color):
    """Print one document's ledger, readably (default: the latest analysed).

    DOCUMENT is a document id (or its first characters) or the path/URL it was read from.
    """
    from .show import render_ledger
    from .store import Store

    if not Path(db).exists():
        raise click.ClickException(f"no ledger file at {db}: run 'newsledger analyze ... --db {db}' first")
    with Store(db, readonly=True) as store:
        if document:
            doc_id = store.find_document(document)
            if doc_id is None:
                raise click.ClickException(f"no document {document!r} in {db}")
        else:
            row = store.conn.execute("SELECT id FROM documents ORDER BY analyzed_at DESC, rowid DESC LIMIT 1").fetchone()
            if row is None:
                raise click.ClickException(f"{db} holds no documents yet")
            doc_id = row[0]
        ledger = store.ledger(doc_id)
    click.echo(render_ledger(ledger, color=sys.stdout.isatty() if color is None else color))


@main.command()
@_db_option()
@click.option("--format", "fmt", default="jsonl", show_default=True,
              type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "timelinejs", "gexf", "graphml", "geojson",
                                 "ledger"]),
              help="See 'Exports' in the README (export.FORMATS).")
@click.option("-o", "--output", required=True, type=click.Path(),
              help="Output file ('-' for stdout) or folder (csv, parquet: one file per table).")
def export(db, fmt, output):
    """Export the ledger of every document in --db."""
    from .api import MissingExtra
    from .export import export_ledger
    from .store import Store

    if not Path(db).exists():
        raise click.ClickException(f"no ledger file at {db}")
    with Store(db, readonly=True) as store:
        try:
            written = export_ledger(store, fmt, output)
        except MissingExtra as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"wrote {', '.join(written)}", err=True)


def _merged(db: str, *, quiet: bool = False):
    """Open --db, merging first when its documents changed since the last merge."""
    from .resolve.merge import ensure_merged
    from .store import Store

    if not Path(db).exists():
        raise click.ClickException(f"no ledger file at {db}: run 'newsledger analyze ... --db {db}' first")
    with Store(db) as store:
        report = ensure_merged(store, progress=None if quiet else lambda msg: click.echo(msg + " …", err=True))
    if report is not None and not quiet:
        click.echo(report.format(), err=True)


def _filters(fn):
    """The filters of the merged-ledger views."""
    for opt in reversed([
        click.option("--actor", help="An actor id (RU, person:...) or name."),
        click.option("--type", "type_", help="A PLOVER type (ASSAULT, AGREE, ...); 'none' for untyped happenings."),
        click.option("--place", help="A place name."),
        click.option("--from", "date_from", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--to", "date_to", help="Up to this date, inclusive."),
        click.option("--source", help="An outlet, URL, path or document id."),
        click.option("--limit", type=click.IntRange(1), default=None, help="Show at most N items."),
    ]):
        fn = opt(fn)
    return fn


def _doc_names(ledger) -> dict[str, str]:
    return {d.id: d.outlet or d.source_id or d.id[:10] for d in ledger.documents()}


@main.command()
@_db_option()
@click.option("--method", type=click.Choice(["words", "embedding"]), default="words", show_default=True,
              help="How contested claims are found to be about one matter: shared words, or sentence "
                   "embeddings (pip install 'newsledger[embed]').")
@click.option("--no-anchor", is_flag=True, help="Do not re-date documents from the dates other documents give.")
def merge(db, method, no_anchor):
    """Merge the ledgers of every document in --db: actors, events, contradictions, contested claims."""
    from .resolve.merge import merge_store
    from .store import Store

    if not Path(db).exists():
        raise click.ClickException(f"no ledger file at {db}: run 'newsledger analyze ... --db {db}' first")
    with Store(db) as store:
        try:
            report = merge_store(store, method=method, anchor=not no_anchor,
                                 progress=lambda msg: click.echo(msg + " …", err=True))
        except ImportError as exc:
            raise click.ClickException(f"--method embedding needs its extra: pip install 'newsledger[embed]' ({exc})")
    click.echo(report.format())


@main.command()
@_db_option()
@_filters
def timeline(db, actor, type_, place, date_from, date_to, source, limit):
    """The merged events in date order, each with every source's sentence."""
    import newsledger
    from .views import render_timeline

    _merged(db)
    with newsledger.open(db) as ledger:
        events = ledger.timeline(actor=actor, type=type_, place=place, date_from=date_from, date_to=date_to,
                                 source=source, limit=limit)
        click.echo(render_timeline(events))


@main.command()
@_db_option()
@click.option("--contested", is_flag=True, help="Only pairs of claims that oppose each other.")
@click.option("--actor", help="The speaker (an actor id or name).")
@click.option("--source", help="An outlet, URL, path or document id.")
@click.option("--limit", type=click.IntRange(1), default=None, help="Show at most N items.")
def claims(db, contested, actor, source, limit):
    """Who said what; with --contested, the claims that oppose each other, side by side."""
    import newsledger
    from .views import render_claims, render_contested

    _merged(db)
    with newsledger.open(db) as ledger:
        if contested:
            click.echo(render_contested(ledger.contested(actor=actor, source=source, limit=limit), _doc_names(ledger)))
        else:
            click.echo(render_claims(ledger.claims(actor=actor, source=source, limit=limit)))


@main.command()
@_db_option()
@click.option("--kind", type=click.Choice(["date", "figure", "other"]), help="Only this kind.")
@click.option("--source", help="An outlet, URL, path or document id.")
def contradictions(db, kind, source):
    """Dates and figures that sources (or one text) give in ways that cannot all be true."""
    import newsledger
    from .views import render_contradictions

    _merged(db)
    with newsledger.open(db) as ledger:
        click.echo(render_contradictions(ledger.contradictions(kind=kind, source=source), _doc_names(ledger)))


@main.command()
@_db_option()
@_filters
@click.option("--csv", "as_csv", is_flag=True, help="Write CSV (one row per actor pair and month).")
def relations(db, actor, type_, place, date_from, date_to, source, limit, as_csv):
    """Per actor pair and month: events, cooperation and conflict, and their summed intensity."""
    import csv as _csv
    import dataclasses

    import newsledger
    from .views import render_relations

    _merged(db, quiet=as_csv)
    with newsledger.open(db) as ledger:
        rows = ledger.relations(actor=actor, type=type_, place=place, date_from=date_from, date_to=date_to,
                                source=source)[:limit]
    if as_csv:
        fields = [f.name for f in dataclasses.fields(newsledger.api.Relation)]
        writer = _csv.DictWriter(sys.stdout, fieldnames=fields)
        writer.writeheader()
        for r in rows:
            row = dataclasses.asdict(r)
            row["event_ids"] = " ".join(row["event_ids"])
            writer.writerow(row)
    else:
        click.echo(render_relations(rows))


def _server_options(fn):
    """--db, --host (loopback by default), --port, --timeout, --workers and --cache-mb, shared by `api` and `serve`."""
    fn = click.option("--cache-mb", default=64, show_default=True, type=click.IntRange(0),
                      help="Memory (MB) for cached JSON answers, kept until the ledger file changes; 0: none.")(fn)
    fn = click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
                      help="Server processes (each with its own connections and cache).")(fn)
    fn = click.option("--timeout", default=5.0, show_default=True, type=float,
                      help="Seconds any one query may run.")(fn)
    fn = click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))(fn)
    fn = click.option("--host", default="127.0.0.1", show_default=True,
                      help="Address to bind (127.0.0.1: this machine only; 0.0.0.0 exposes it to the network).")(fn)
    return _db_option()(fn)


def _run_server(db: str, host: str, port: int, timeout: float, *, ui: bool, workers: int = 1,
                cache_mb: int = 64) -> None:
    """Serve the web UI (``ui``) or the JSON API alone over ``db`` with uvicorn."""
    if not Path(db).exists():
        raise click.ClickException(f"no ledger file at {db}: run 'newsledger analyze ... --db {db}' first")
    import os

    try:
        import uvicorn

        if ui:
            from .web.app import create_app
        else:
            from .web.api import create_app
    except ImportError as exc:
        needs = "starlette, jinja2 and uvicorn" if ui else "starlette and uvicorn"
        what = "the web UI" if ui else "the JSON API"
        raise click.ClickException(f"{what} needs {needs}: pip install 'newsledger[web]' ({exc})")
    if ui:
        click.echo(f"newsledger web UI on http://{host}:{port}/ (JSON API under /api/)", err=True)
    else:
        click.echo(f"newsledger JSON API on http://{host}:{port}/api/ (schema: /openapi.json)", err=True)
    cache_bytes = cache_mb * 2**20
    options = {"host": host, "port": port, "log_level": "warning", "access_log": False}
    if workers > 1:
        # each worker process builds its own app from these (uvicorn needs an import string for workers)
        os.environ.update(NEWSLEDGER_SERVE_DB=str(Path(db).resolve()), NEWSLEDGER_SERVE_TIMEOUT=str(timeout),
                          NEWSLEDGER_SERVE_CACHE_BYTES=str(cache_bytes), NEWSLEDGER_SERVE_UI="1" if ui else "0")
        uvicorn.run("newsledger.web.api:app_from_environment", factory=True, workers=workers, **options)
    else:
        uvicorn.run(create_app(db, timeout=timeout, cache_bytes=cache_bytes), **options)


@main.command("api")
@_server_options
def api_command(db, host, port, timeout, workers, cache_mb):
    """Serve the read-only JSON API over --db (OpenAPI schema at /openapi.json)."""
    _run_server(db, host, port, timeout, ui=False, workers=workers, cache_mb=cache_mb)


@main.command()
@_server_options
def serve(db, host, port, timeout, workers, cache_mb):
    """Serve the web UI over --db, with the JSON API under /api (schema at /openapi.json)."""
    _run_server(db, host, port, timeout, ui=True, workers=workers, cache_mb=cache_mb)


@main.command()
@click.argument("task", type=click.Choice(TASKS))
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=int, help="Score only the first N records (quick checks).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--model", help="spaCy model package or path.")
@click.option("--parse", "parse_mode", type=click.Choice(["all", "selective"]), default="all", show_default=True,
              help="Dependency parsing: every sentence, or only the sentences that need it.")
def evaluate(task, file, limit, as_json, model, parse_mode="all"):
    """Score newsledger on a benchmark FILE of TASK (see each task's README for the metric)."""
    from .evaluate import evaluate as run

    analyzer = None
    if task != "extract":
        from .nlp.pipeline import Analyzer
        from .options import AnalyzeOptions

        analyzer = Analyzer(AnalyzeOptions(model=model, parse=parse_mode))
    report = run(task, file, analyzer=analyzer, limit=limit)
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.format())


@main.command()
@_db_option()
def failures(db):
    """List the inputs that failed, with their error codes."""
    from .store import Store

    with Store(db, readonly=True) as store:
        rows = store.failures()
    for f in rows:
        click.echo(f"{f.code}\t{f.source_id}\t{f.message}")
    if not rows:
        click.echo("no failures", err=True)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", required=True, type=click.Path(file_okay=False),
              help="Folder for the Parquet tables (documents, events, claims, quantities, places, failures).")
@click.option("--master", help="Spark master for a local run, e.g. local[2] (spark-submit sets its own).")
@click.option("--partitions", type=click.IntRange(1), help="Spark partitions (default: 4 x the default parallelism).")
@click.option("--published", help="Publication date for documents that carry none (YYYY-MM-DD).")
@click.option("--model", help="spaCy model package or path (installed on every executor).")
@click.option("--allow-private-urls", is_flag=True, help="Allow URLs on loopback/private addresses.")
def spark(inputs, output, master, partitions, published, model, allow_private_urls):
    """Analyse INPUTS on Apache Spark (pip install 'newsledger[spark]'); write Parquet to --output.

    Load the result into a ledger with 'newsledger import OUTPUT --db ledger.db'.
    """
    from dataclasses import replace

    from .nlp.pipeline import check_published
    from .options import AnalyzeOptions, ReadOptions
    from .spark import run_spark

    try:
        check_published(published)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from None
    _check_user_places()
    options = AnalyzeOptions(model=model, published=published,
                             read=replace(ReadOptions(), allow_private_urls=allow_private_urls))
    summary = run_spark(inputs, output, options=options, master=master, partitions=partitions)
    click.echo(summary.format(), err=True)


def _check_user_places() -> None:
    """Stop at once, with the file, the line and what is wrong, when a place
    file ``$NEWSLEDGER_PLACES`` names cannot be read (rather than at the first text)."""
    from .gazetteer import userplaces
    from .gazetteer.core import country_codes

    files = userplaces.configured_files()
    if files:
        try:
            userplaces.read_files(files, country_codes())
        except userplaces.PlacesFileError as exc:
            raise click.ClickException(str(exc)) from None


def _open_gazetteer():
    from .gazetteer import get_gazetteer, index_path

    _check_user_places()
    if not index_path(build=False).exists():
        click.echo("building the gazetteer index (once for these inputs, about 20 s) ...", err=True)
    return get_gazetteer()


@main.group()
def gazetteer() -> None:
    """The offline gazetteer: look names up, build its index, check your own place files.

    \b
    newsledger gazetteer lookup Kyiv "Gaza Strip"
    newsledger gazetteer check my_places.tsv
    NEWSLEDGER_PLACES=my_places.tsv newsledger gazetteer build
    """


@gazetteer.command("lookup")
@click.argument("names", nargs=-1, required=True)
@click.option("--exact", is_flag=True, help="No closest spelling when no name matches exactly.")
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True, help="Places shown per name.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (every place of each name).")
def gazetteer_lookup(names, exact, limit, as_json):
    """The places each of NAMES may be, most important first (exit 1 when one is no place's name).

    A name no place has shows the places of the closest prominent name ("Tbilisii": Tbilisi), unless --exact.
    """
    g = _open_gazetteer()
    found = {name: g.exact(name) for name in names}
    # (a name no place has: the places of the closest prominent name, unless --exact)
    closest = {name: g.lookup(name) for name, entries in found.items() if not entries and not exact}
    found.update({name: entries for name, entries in closest.items() if entries})
    if as_json:
        click.echo(json.dumps([{"name": name, "closest_spelling": bool(closest.get(name)),
                                "places": [_place_dict(e, g.main_ids(name)) for e in entries]}
                               for name, entries in found.items()], indent=2, ensure_ascii=False))
    else:
        for name, entries in found.items():
            if not entries:
                click.echo(f"{name}: no place of that name", err=True)
                continue
            click.echo(f"{name}: {len(entries)} place(s)" + (f", the first {limit}" if len(entries) > limit else "")
                       + (f" (no place of that name: those of the closest, {entries[0].name})"
                          if closest.get(name) else ""))
            own = g.main_name_ids(name)
            for e in entries[:limit]:
                where = " ".join(x for x in (e.country or "", e.admin1 or "") if x) or "-"
                point = f"{e.lat:.4f}, {e.lon:.4f}" if e.lat is not None else "no point"
                other = e.id not in own and not closest.get(name)
                notes = ("  (another of its names)" if other else "") + ("  (approximate point)" if e.approx else "")
                click.echo(f"  {e.name:32s} {e.kind:8s} {where:8s} pop {e.population:>10,}  {point:20s}  "
                           f"{e.source}{' ' + str(e.geonameid) if e.geonameid else ''}{notes}")
    sys.exit(0 if all(found.values()) else EXIT_FAILED)


def _place_dict(e, own: frozenset[int]) -> dict:
    """A gazetteer entry as JSON; ``own``: the ids of the places whose own name was asked."""
    return {"name": e.name, "kind": e.kind, "country": e.country, "admin1": e.admin1, "population": e.population,
            "lat": e.lat, "lon": e.lon, "geonameid": e.geonameid, "source": e.source, "approx": e.approx,
            "own_name": e.id in own}


@gazetteer.command("build")
def gazetteer_build():
    """Build the index for the installed data and your place files (if not built yet) and describe it."""
    import time

    from .gazetteer import userplaces

    start = time.perf_counter()
    g = _open_gazetteer()
    counts = g.counts()
    click.echo(f"{g.path}\n  {counts['entries']:,} places under {counts['names']:,} names, "
               f"{g.path.stat().st_size / 1e6:.0f} MB, ready in {time.perf_counter() - start:.1f} s")
    for path in userplaces.configured_files():
        click.echo(f"  with {path} ({userplaces.ENV})")


@gazetteer.command("check")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
def gazetteer_check(files):
    """Check place FILES (default: those $NEWSLEDGER_PLACES names) and list every problem.

    A place file is a TSV file in the format of the package's places_extra.tsv: a header line
    (name, aliases, kind, country, admin1, lat, lon, population, note, demonyms; name, lat and
    lon required), then one place per line; lines opening with '#' are comments.
    """
    from .gazetteer import userplaces
    from .gazetteer.core import country_codes

    paths = [Path(f) for f in files] or userplaces.configured_files()
    if not paths:
        raise click.UsageError(f"name the files to check, or set {userplaces.ENV}")
    codes = country_codes()
    bad = False
    for path in paths:
        rows, problems = userplaces.check_file(path, codes)
        for problem in problems:
            click.secho(str(problem), fg="red", err=True)
        bad = bad or bool(problems)
        click.echo(f"{path}: {len(rows)} place(s)" + (f", {len(problems)} problem(s)" if problems else ", no problem"))
    sys.exit(EXIT_FAILED if bad else 0)


@main.command("import")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@_db_option()
def import_command(folder, db):
    """Load the Parquet output of 'newsledger spark' (FOLDER) into the ledger --db."""
    from .store import Store
    from .store.parquet import import_parquet

    try:
        with Store(db) as store:
            counts = import_parquet(folder, store)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"imported {counts['documents']} document(s) ({counts['written']} new or changed) "
               f"and {counts['failures']} failed input(s) into {db}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
