"""Claim matching: does a new claim find the earlier verdict it repeats?

    python bench/matching.py                  # the gold pairs, and matching in a 1M-claim ledger
    python bench/matching.py --claims 0       # the gold pairs only
    python bench/matching.py --errors         # also list the pairs it gets wrong (stderr)

**Quality.** ``matching_pairs.py`` holds claim pairs written for this project (a prior,
already checked, and a new claim): paraphrases, the same figure in other words and the same
claim by another speaker should match; the same words with another figure, and claims on
a neighbouring subject, should not. Every prior goes into one fresh ledger, half as
imported ClaimReviews (references), half as the desk's own reviewed claims; then each new
claim is added by hand and its matches asked for (``workflow.prior.matches_of``).

- at the top match, for a threshold (``shown``: listed, ``strong``: the queue's mark): a
  pair that should match counts as found when its own prior is the top match and scores at
  least the threshold; a prediction is any top match at or above it. Precision = right
  top matches / predictions; recall = right top matches / pairs that should match;
- MRR: the mean over pairs that should match of 1 / the rank of their prior among every
  candidate (no threshold), 0 when it is not found at all;
- per kind: the share of pairs whose top match is right (should match) or that have no
  match at the threshold (should not).

**Speed.** In a ledger of ``--claims`` claims built by ``bench/scale.py``'s builder (10 % of
them reviewed, so the checked index holds ~100,000 claims) with ``--references`` imported
references, the time to find one claim's matches in-process: the median over
``--probes`` claims, after a warm-up. Target: < 50 ms.

Prints ONE JSON object.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from matching_pairs import PAIRS  # noqa: E402

TARGET_MS = 50


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _claimreview(i: int, prior: dict) -> dict:
    from ledger.claimreview import RATINGS

    value, label = RATINGS[prior["verdict"]]
    item = {"@type": "Claim", "datePublished": prior["date"]}
    if prior.get("speaker"):
        item["author"] = {"@type": "Person", "name": prior["speaker"]}
    return {"@context": "https://schema.org", "@type": "ClaimReview", "url": f"https://desk.example/checks/{i}",
            "claimReviewed": prior["text"], "datePublished": prior["date"],
            "author": {"@type": "Organization", "name": prior["publisher"]},
            "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1,
                             "alternateName": label}, "itemReviewed": item}


def _hand(engine, text: str, speaker: str | None) -> int:
    """Add one claim by hand; its id."""
    from sqlmodel import select

    from ledger.storage.db import session_scope
    from ledger.storage.models import Claim
    from ledger.workflow.ingest import add_claim_by_hand

    out = add_claim_by_hand(engine, text=text, speaker=speaker)
    with session_scope(engine) as session:
        return session.exec(select(Claim.id).where(Claim.document_id == out.document_id)).first()


def load_priors(engine) -> dict[int, tuple[str, int]]:
    """Every prior into the ledger; for each pair, the (kind, id) its prior got."""
    from ledger.storage.db import session_scope
    from ledger.workflow.references import import_text
    from ledger.workflow.review import record_verdict

    where: dict[int, tuple[str, int]] = {}
    refs = [(i, p["prior"]) for i, p in enumerate(PAIRS) if i % 2 == 0]
    import_text(engine, name="bench", text=json.dumps([_claimreview(i, prior) for i, prior in refs]))
    with session_scope(engine) as session:
        from ledger.storage.references import references

        by_url = {r.url: r.id for r in references(session)}
    for i, _ in refs:
        where[i] = ("reference", by_url[f"https://desk.example/checks/{i}"])
    for i, p in enumerate(PAIRS):
        if i % 2:
            claim_id = _hand(engine, p["prior"]["text"], p["prior"].get("speaker"))
            with session_scope(engine) as session:
                record_verdict(session, claim_id=claim_id, verdict=p["prior"]["verdict"], reviewer="bench")
            where[i] = ("claim", claim_id)
    return where


def quality(show_errors: bool) -> dict:
    from ledger.storage.db import open_ledger, session_scope
    from ledger.workflow import prior

    with tempfile.TemporaryDirectory() as tmp:
        engine = open_ledger(f"sqlite:///{Path(tmp) / 'm.db'}")
        where = load_priors(engine)
        results = []
        for i, p in enumerate(PAIRS):
            claim_id = _hand(engine, p["new"]["text"], p["new"].get("speaker"))
            with session_scope(engine) as session:
                found = prior.matches_of(session, claim_id=claim_id, limit=1000, least=0.0)
            ranked = [(m.kind, m.id) for m in found]
            rank = ranked.index(where[i]) + 1 if where[i] in ranked else None
            top = found[0] if found else None
            results.append((p, rank, top, (top.kind, top.id) == where[i] if top else False))
        engine.dispose()
    out = {"pairs": len(PAIRS), "should_match": sum(p["match"] for p in PAIRS)}
    for name, threshold in (("shown", prior.SHOWN), ("strong", prior.STRONG)):
        predicted = [(p, right) for p, _, top, right in results if top and top.score >= threshold]
        right = sum(1 for p, r in predicted if r and p["match"])
        gold = out["should_match"]
        P = right / len(predicted) if predicted else 0.0
        R = right / gold if gold else 0.0
        kinds = {}
        for p, _, top, r in results:
            hit = top is not None and top.score >= threshold
            ok = (hit and r) if p["match"] else not hit
            kinds.setdefault(p["kind"], []).append(ok)
        out[name] = {"threshold": threshold, "P": round(100 * P, 1), "R": round(100 * R, 1),
                     "F1": round(200 * P * R / (P + R), 1) if P + R else 0.0, "predictions": len(predicted),
                     "right": right,
                     "per_kind": {k: f"{sum(v)}/{len(v)}" for k, v in sorted(kinds.items())}}
    out["MRR"] = round(statistics.mean(1 / rank if rank else 0.0 for p, rank, _, _ in results if p["match"]), 3)
    if show_errors:
        for p, rank, top, right in results:
            bad = (not right or top.score < prior.STRONG) if p["match"] else (top and top.score >= prior.STRONG)
            if bad:
                log(f"{p['kind']}: rank {rank}, top {top.score if top else None} "
                    f"{'(its prior)' if right else ''}\n  new:   {p['new']['text']}\n  prior: {p['prior']['text']}"
                    + (f"\n  top:   {top.text}" if top and not right else ""))
    return out


def speed(n_claims: int, n_refs: int, probes: int) -> dict:
    import scale

    from ledger.storage.db import open_ledger, session_scope
    from ledger.storage.models import Claim
    from ledger.workflow import prior
    from ledger.workflow.references import import_text
    from sqlmodel import select

    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.db"
        t0 = time.perf_counter()
        meta = scale.build_ledger(path, n_claims, seed=11)
        log(f"  built {n_claims:,} claims in {time.perf_counter() - t0:.0f} s")
        engine = open_ledger(f"sqlite:///{path}")
        with session_scope(engine) as session:
            texts = list(session.exec(select(Claim.text).where(Claim.id % 997 == 0).limit(5000)))
        fake = [{"verdict": rng.choice(("verified", "disputed", "unverified")), "date": "2024-01-02",
                 "publisher": f"Desk {k % 7}", "text": rng.choice(texts), "speaker": None} for k in range(n_refs)]
        t0 = time.perf_counter()
        import_text(engine, name="bench", text=json.dumps([_claimreview(k, f) for k, f in enumerate(fake)]))
        import_s = time.perf_counter() - t0
        ids = rng.sample(range(1, n_claims + 1), probes + 5)
        times = []
        with session_scope(engine) as session:
            for k, claim_id in enumerate(ids):
                t0 = time.perf_counter()
                prior.matches_of(session, claim_id=claim_id, limit=5)
                if k >= 5:  # after a warm-up
                    times.append(1000 * (time.perf_counter() - t0))
        engine.dispose()
    return {"claims": n_claims, "reviewed": sum(v for k, v in meta["status"].items() if k != "pending"),
            "references": n_refs, "import_references_s": round(import_s, 1),
            "matches_ms_inprocess_median": round(statistics.median(times), 1),
            "matches_ms_p90": round(sorted(times)[int(0.9 * len(times))], 1), "target_ms": f"< {TARGET_MS}"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--references", type=int, default=5000)
    ap.add_argument("--probes", type=int, default=50)
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    out = {"quality": quality(args.errors)}
    if args.claims:
        out["speed"] = speed(args.claims, args.references, args.probes)
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
