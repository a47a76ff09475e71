"""Long fuzz run of the extractor (not in CI): random and mutated news text, hostile text
(figures too large to read, terminal escape sequences, bidi and invisible characters),
every invariant checked on every example, and the slowest inputs reported.

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


CONTROLS = ["\x1b[2J", "\x1b[31;1m", "\x1b[10;20H", "\x1b[0m", "\x1b]0;window title 2024\x07",
            "\x1b]8;;http://x/1\x1b\\", "\x1b]8;;\x1b\\", "\x9b5m", "\x9b", "\x1b", "\x1b]2;77", "\x07", "\x00",
            "\u202e", "\u202d", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c", "\u200b", "\u200c", "\u200d",
            "\u2060", "\ufeff", "\u2028", "\r", "\x85"]


def huge_figure(rng: random.Random) -> str:
    """A figure too large (or small) to read: digit runs, comma groups, exponents, powers, words."""
    n = rng.randrange(2, 600)
    return rng.choice([
        lambda: str(rng.randrange(1, 10)) + "".join(rng.choice("0123456789") for _ in range(n)),
        lambda: "1" + ",000" * min(n, 150),
        lambda: f"{rng.randrange(1, 10)}e{rng.choice('+-')}{n}",
        lambda: f"10^{rng.choice(['', '-'])}{n}",
        lambda: f"{rng.randrange(1, 10)} x 10^{n}",
        lambda: "5" + " trillion" * min(n, 80),
        lambda: "a" + " hundred" * n,
        lambda: "one" + " dozen" * n,
        lambda: f"between 3 and {'9' * n}",
        lambda: f"1 in {'9' * n}",
        lambda: f"{'9' * n}%",
        lambda: f"${'9' * n}bn",
    ])()


def hostile_text(rng: random.Random) -> str:
    """News fragments mixed with huge figures, escape sequences, bidi and invisible characters."""
    parts = []
    for _ in range(rng.randrange(1, 40)):
        r = rng.random()
        parts.append(huge_figure(rng) if r < 0.2 else rng.choice(CONTROLS) if r < 0.45 else rng.choice(FRAGMENTS))
    return "".join(parts)


def random_text(rng: random.Random, seed_text: str) -> str:
    kind = rng.random()
    if kind < 0.25:
        return hostile_text(rng)
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
        r = rng.random()
        insert = rng.choice(FRAGMENTS) if r < 0.55 else huge_figure(rng) if r < 0.65 else rng.choice(CONTROLS) \
            if r < 0.8 else "".join(chr(rng.randrange(1, 0x2FFF)) for _ in range(rng.randrange(1, 6)))
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
