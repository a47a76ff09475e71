"""Full-text search and the queue on a big ledger, and what the search index costs a write.

    python bench/search.py                       # a ledger of 1,000,000 claims (bench/scale.py's)
    python bench/search.py --claims 100000       # a quicker run

Builds its own synthetic ledger with ``bench/scale.py``'s builder (rows written at an old
revision, then migrated, so migration 0012 builds the index the way it does for an old
ledger) and prints ONE JSON object of figures on stdout; progress goes to stderr.

- ``search_first_page_ms_inprocess``: ``list_claims(where=ClaimFilter(search=W), limit=20,
  order="rank")``, the median over several queries (a common word, a rare one, two words,
  a speaker's name) of the median of 5 runs each, after a warm-up; ``meta`` also has each
  query with ``--status pending`` (every match is then joined to its claim before ranking).
- ``search_first_page_s_cli``: ``ledger --db X claims --search W``, median of 3 per query.
- ``queue_s_cli``: ``ledger --db X queue``, median of 5; ``python_startup_s``: ``python -c
  pass`` in the same run, the floor any command stands on.
- ``store_s_with_index`` / ``store_s_without_index``: storing the same prepared batch of
  generated articles (extraction done beforehand) into fresh ledgers, with the index and
  with ``search.index_claims`` replaced by a no-op; median of 3 each, alternating.
  ``index_store_overhead``: with / without - 1.

Targets (reported, not enforced): search < 100 ms in-process and < 1 s from the CLI; the
index adds <= 15 % to storing a batch; ``ledger queue`` < 0.35 s.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import scale  # noqa: E402  (bench/scale.py: the synthetic ledger and articles)

QUERIES = ("percent", "homes flooded", "unemployment", "bridge collapsed")  # words of scale.py's templates
TARGETS = {"search_first_page_ms_inprocess": "< 100", "search_first_page_s_cli": "< 1",
           "index_store_overhead": "<= 0.15", "queue_s_cli": "< 0.35"}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def search_inprocess(db: Path) -> dict:
    from ledger.storage.db import open_ledger, session_scope
    from ledger.storage.repo import ClaimFilter
    from ledger.workflow.review import list_claims

    engine = open_ledger(str(db))
    out = {}
    try:
        for words in QUERIES:
            where, filtered = ClaimFilter(search=words), ClaimFilter(search=words, status=("pending",))
            with session_scope(engine) as s:
                found = len(list_claims(s, where=where, limit=20, order="rank"))
            out[words] = {"median_ms": _median_ms(engine, where), "rows": found,
                          "with_status_filter_ms": _median_ms(engine, filtered)}
    finally:
        engine.dispose()
    return out


def _median_ms(engine, where, runs: int = 5) -> float:
    """The first page of ranked matches, median of ``runs``, in milliseconds."""
    from ledger.storage.db import session_scope
    from ledger.workflow.review import list_claims

    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        with session_scope(engine) as s:
            list_claims(s, where=where, limit=20, order="rank")
        times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 2)


def store_cost(work: Path, articles: int) -> dict:
    """Seconds to store one prepared batch with and without the search index."""
    from ledger.storage import search
    from ledger.storage.db import open_ledger
    from ledger.workflow import ingest

    folder = work / "articles"
    scale.write_articles(folder, articles, 1)
    paths = sorted(folder.rglob("*.txt"))
    prepared = [ingest.prepare(p.name, p) for p in paths]
    claims = sum(len(p.rows) for p in prepared if p.doc is not None)
    real = search.index_claims
    times = {"with": [], "without": []}
    for run in range(3):
        for mode in ("with", "without"):
            search.index_claims = real if mode == "with" else (lambda session, rows: None)
            engine = open_ledger(str(work / f"store-{mode}-{run}.db"), create=True)
            t0 = time.perf_counter()
            for at in range(0, len(prepared), 100):
                ingest.store_batch(engine, prepared[at:at + 100])
            times[mode].append(time.perf_counter() - t0)
            engine.dispose()
    search.index_claims = real
    w, wo = statistics.median(times["with"]), statistics.median(times["without"])
    return {"documents": len(prepared), "claims": claims, "with_s": round(w, 3), "without_s": round(wo, 3),
            "overhead": round(w / wo - 1, 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--articles", type=int, default=400, help="articles in the stored batch [400]")
    args = ap.parse_args()
    ledger = scale.ledger_command(None)
    figures: dict = {}
    meta: dict = {"claims_requested": args.claims, "targets": TARGETS, "queries": QUERIES}
    with tempfile.TemporaryDirectory(prefix="ledger-search-") as tmp:
        work = Path(tmp)
        db = work / "big.db"
        log(f"building a ledger of {args.claims:,} claims")
        t0 = time.perf_counter()
        meta["ledger"] = {k: v for k, v in scale.build_ledger(db, args.claims, 1).items()
                          if k in ("documents", "claims", "schema_revision")}
        meta["ledger"]["build_and_migrate_s"] = round(time.perf_counter() - t0, 1)
        log(f"  {meta['ledger']}")
        log("search, in-process")
        meta["search_inprocess"] = search_inprocess(db)
        figures["search_first_page_ms_inprocess"] = statistics.median(
            q["median_ms"] for q in meta["search_inprocess"].values())
        log("search, CLI")
        cli = {w: round(wall([*ledger, "--db", str(db), "claims", "--search", w], 3), 3) for w in QUERIES}
        meta["search_cli_s"] = cli
        figures["search_first_page_s_cli"] = statistics.median(cli.values())
        log("queue and python start-up, CLI")
        figures["queue_s_cli"] = round(wall([*ledger, "--db", str(db), "queue"], 5), 3)
        figures["python_startup_s"] = round(wall([sys.executable, "-c", "pass"], 5), 3)
        log(f"storing {args.articles} articles with and without the index")
        meta["store"] = store_cost(work, args.articles)
        figures["store_s_with_index"] = meta["store"]["with_s"]
        figures["store_s_without_index"] = meta["store"]["without_s"]
        figures["index_store_overhead"] = meta["store"]["overhead"]
    print(json.dumps({"figures": figures, "meta": meta}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
