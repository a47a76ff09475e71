"""Worst-case inputs for extraction: a line of several MB with no sentence punctuation,
thousands of numbers in a row, quotations and names with no full stop, one word of
several MB, escape sequences and invisible characters throughout. For each case it
prints chars/s beside the baseline (ordinary news text, the seed article varied to the
same size) and their ratio: a ratio far below 1 would mean a super-linear blow-up.

It also prints each case's peak memory. Every case runs in its own child process, which
reads the text from a file, warms up, notes its peak RSS (interpreter, libraries and the
text itself), runs ``extract`` and notes the peak again: ``<case>_peak_mb`` is the
child's peak, ``<case>_mb_per_mb`` is the growth during extraction per MB of input.

    python bench/worst_case.py [--mb 1.0] [--only no_punctuation_line]
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from ledger.extract import extract
extract("Warm up: 12 people said so, the mayor told reporters.")
text = open(sys.argv[1], encoding="utf-8").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
doc = extract(text)
seconds = time.perf_counter() - t0
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "claims": len(doc.claims), "before_kb": before, "peak_kb": after}))
"""


def cases(size: int) -> dict[str, str]:
    rng = random.Random(1)
    words = "the council said that many people were in the area near the river and more".split()
    quoted = ['"he', "said", "Smith", "told", "the", 'people"', "12", "troops", "Jones", "added"]
    return {
        "no_punctuation_line": " ".join(rng.choice(words) for _ in range(size // 4))[:size],
        "numbers_in_a_row": " ".join(str(rng.randint(1, 99999)) for _ in range(size // 6))[:size],
        "money_and_percent_soup": " ".join(rng.choice(["$4m", "12%", "3.5 per cent", "£40m", "two", "10-15", "and"])
                                           for _ in range(size // 5))[:size],
        "quotes_names_numbers_line": " ".join(rng.choice(quoted) for _ in range(size // 5))[:size],
        "one_long_word": ("a7" * (size // 2))[:size],  # no space at all: regexes must not backtrack over it
        "escapes_and_invisibles": "".join(rng.choice(["\x1b[31;1m", "12", " troops", "\x1b]0;t 4\x07", "bu\u200bdget",
                                                      "\u202e", " said", "\x9b2J", " "]) for _ in range(size // 5))[:size],
    }


def baseline(size: int) -> str:
    """Ordinary news text (paragraphs varied so no paragraph is a verbatim repeat)."""
    seed = (ROOT / "seeds" / "biden-putin-2021-04-14.txt").read_text()
    paras = [p for p in seed.split("\n\n") if len(p) > 80]
    out, i, n = [], 0, 0
    while n < size:
        tag = "".join(chr(97 + int(d)) for d in str(i))  # a unique word, so no paragraph repeats verbatim
        out.append(paras[i % len(paras)] + f" Filed by desk {tag}.")
        n += len(out[-1]) + 2
        i += 1
    return "\n\n".join(out)


def measure(text: str) -> dict:
    """Extract ``text`` in a child process: seconds, claims and peak RSS (KB)."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(text)
    try:
        out = subprocess.run([sys.executable, "-c", _CHILD, f.name, str(ROOT)], capture_output=True, text=True,
                             check=True)
    finally:
        Path(f.name).unlink()
    return json.loads(out.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--only", action="append", help="run only this case (repeatable); the baseline always runs")
    args = ap.parse_args()
    size = int(args.mb * 1_000_000)
    todo = {k: v for k, v in cases(size).items() if not args.only or k in args.only}
    out: dict = {"bytes": size}
    for name, text in {"baseline": baseline(size), **todo}.items():
        m = measure(text)
        mb = len(text.encode("utf-8")) / 1e6
        out[f"{name}_chars_per_s"] = round(len(text) / m["seconds"])
        out[f"{name}_claims"] = m["claims"]
        out[f"{name}_peak_mb"] = round(m["peak_kb"] / 1024, 1)
        out[f"{name}_mb_per_mb"] = round((m["peak_kb"] - m["before_kb"]) / 1024 / mb, 1)
        if name != "baseline":
            out[f"{name}_ratio"] = round(out[f"{name}_chars_per_s"] / out["baseline_chars_per_s"], 2)
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
