"""Worst-case inputs for extraction: a 1 MB line with no sentence punctuation, thousands
of numbers in a row. Prints chars/s for each beside the baseline (ordinary news text, the
seed article repeated to the same size) measured in the same run, and their ratio: a ratio
far below 1 would mean a super-linear blow-up.

    python bench/worst_case.py [--mb 1.0]
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

from ledger.extract import extract  # noqa: E402


def rate(text: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    doc = extract(text)
    return len(text) / (time.perf_counter() - t0), len(doc.claims)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=1.0)
    args = ap.parse_args()
    size = int(args.mb * 1_000_000)
    rng = random.Random(1)
    words = "the council said that many people were in the area near the river and more".split()
    seed = (ROOT / "seeds" / "biden-putin-2021-04-14.txt").read_text()
    cases = {
        "no_punctuation_line": " ".join(rng.choice(words) for _ in range(size // 4))[:size],
        "numbers_in_a_row": " ".join(str(rng.randint(1, 99999)) for _ in range(size // 6))[:size],
        "money_and_percent_soup": " ".join(rng.choice(["$4m", "12%", "3.5 per cent", "£40m", "two", "10-15", "and"])
                                           for _ in range(size // 5))[:size],
    }
    # baseline: ordinary news text (paragraphs varied so no paragraph is a verbatim repeat)
    paras = [p for p in seed.split("\n\n") if len(p) > 80]
    base_text, i = [], 0
    while sum(map(len, base_text)) < size:
        tag = "".join(chr(97 + int(d)) for d in str(i))  # a unique word, so no paragraph repeats verbatim
        base_text.append(paras[i % len(paras)] + f" Filed by desk {tag}.")
        i += 1
    extract("Warm up: 12 people said so.")
    baseline, _ = rate("\n\n".join(base_text))
    out = {"bytes": size, "baseline_chars_per_s": round(baseline)}
    for name, text in cases.items():
        r, n = rate(text)
        out[f"{name}_chars_per_s"] = round(r)
        out[f"{name}_claims"] = n
        out[f"{name}_ratio"] = round(r / baseline, 2)
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
