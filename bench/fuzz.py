"""Long fuzz run of the extractor (not in CI): random and mutated news text, every
invariant checked on every example, and the slowest inputs reported.

    python bench/fuzz.py                 # 100,000 examples
    python bench/fuzz.py --examples 5000 --seed 7

Prints one JSON object: examples, failures, seconds, chars_per_s, slowest (ms, length and
the first characters of the slowest inputs).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_extract_properties import check  # noqa: E402  (the same invariants the tests check)

FRAGMENTS = ["41,000", " troops", "£40m", "$-50.8bn", " more than ", "10-15", " between 12 and 15 million", "%",
             " per cent", '"', "“", "”", " said ", ", she added.", " according to ", "\n\n", ". ", "Mr. ", "U.S.", "—",
             "½", "٣", "一", "\u200b", "\ufeff", "\t", "Published April 14th, 2021 at 11:43 IST\n", "| Image:self\n",
             "2014", "11:43", " two ", " a dozen ", " forty-one thousand ", "minus-5 yards", "COVID-19", "Flight 370"]


def random_text(rng: random.Random, seed_text: str) -> str:
    kind = rng.random()
    if kind < 0.3:
        return "".join(chr(rng.randrange(0x20, 0x3000)) if rng.random() < 0.3 else rng.choice(FRAGMENTS)
                       for _ in range(rng.randrange(0, 80)))
    if kind < 0.6:
        words = [rng.choice(FRAGMENTS).strip() or "x" for _ in range(rng.randrange(0, 400))]
        return " ".join(words)
    text = seed_text
    for _ in range(rng.randrange(1, 15)):
        at = rng.randrange(0, len(text) + 1)
        insert = rng.choice(FRAGMENTS) if rng.random() < 0.7 else "".join(
            chr(rng.randrange(1, 0x2FFF)) for _ in range(rng.randrange(1, 6)))
        text = text[:at] + insert + text[at + rng.randrange(0, 30):]
    return text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--top", type=int, default=5)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    seed_text = (ROOT / "seeds" / "biden-putin-2021-04-14.txt").read_text()
    slowest: list[tuple[float, str]] = []
    failures = []
    chars = 0
    started = time.perf_counter()
    for _ in range(args.examples):
        text = random_text(rng, seed_text)
        chars += len(text)
        t0 = time.perf_counter()
        try:
            check(text)
        except Exception as exc:  # report, keep going
            failures.append({"error": f"{type(exc).__name__}: {exc}"[:300], "input": text[:300]})
        dt = time.perf_counter() - t0
        slowest.append((dt, text))
        if len(slowest) > 4 * args.top:
            slowest = sorted(slowest, reverse=True)[: args.top]
    elapsed = time.perf_counter() - started
    slowest = sorted(slowest, reverse=True)[: args.top]
    print(json.dumps({
        "examples": args.examples,
        "failures": len(failures),
        "first_failures": failures[:5],
        "seconds": round(elapsed, 1),
        "chars_per_s": round(chars / elapsed),
        "slowest": [{"ms": round(dt * 1000, 1), "chars": len(t), "start": t[:120]} for dt, t in slowest],
    }, ensure_ascii=False, indent=1))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
