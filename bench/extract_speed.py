"""Extraction speed: the whole extractor (metadata, sentences, numbers, attribution)
against bare ``quantulum3.parser.parse`` over the same texts, in one run.

Texts: the annotated dev corpus (whole articles) and the NewsQuant sentences, read from
``../shared`` beside the repository (measured there, never copied here). Each side is
warmed up first; each timing is the best of ``--repeat`` passes.

    python bench/extract_speed.py [--shared ../shared] [--repeat 3]

Prints one JSON object: chars, ledger_chars_per_s, quantulum3_chars_per_s, ratio
(ledger / quantulum3; the target is >= 1.0), and the same per text set.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus_texts(shared: Path) -> list[str]:
    texts = []
    for path in sorted((shared / "corpus" / "dev").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        i = 0
        while i < len(lines) and lines[i].split(":")[0] in ("URL", "OUTLET", "PUBLISHED", "TITLE"):
            i += 1
        texts.append("\n".join(lines[i:]).strip())
    return texts


def newsquant_texts(shared: Path) -> list[str]:
    path = shared / "data" / "newsquant" / "formatted_test_set" / "NewsQuant.json"
    return [item["text"] for item in json.loads(path.read_text())] if path.exists() else []


def best_rate(fn, texts: list[str], repeat: int) -> float:
    chars = sum(map(len, texts))
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return chars / best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser as q3

    from ledger.extract import extract

    sets = {"corpus": corpus_texts(args.shared), "newsquant": newsquant_texts(args.shared)}
    sets = {k: v for k, v in sets.items() if v}
    if not sets:
        raise SystemExit(f"no texts under {args.shared}")
    warm = "Officials said 41,000 troops and $2.3 billion, up 4.5%, on Tuesday."
    extract(warm)
    q3.parse(warm)
    out: dict = {}
    total_chars = total_ledger = total_q3 = 0.0
    for name, texts in sets.items():
        chars = sum(map(len, texts))
        ledger_rate = best_rate(extract, texts, args.repeat)
        q3_rate = best_rate(q3.parse, texts, args.repeat)
        out[name] = {"texts": len(texts), "chars": chars, "ledger_chars_per_s": round(ledger_rate),
                     "quantulum3_chars_per_s": round(q3_rate), "ratio": round(ledger_rate / q3_rate, 2)}
        total_chars += chars
        total_ledger += chars / ledger_rate
        total_q3 += chars / q3_rate
    out = {"chars": int(total_chars), "ledger_chars_per_s": round(total_chars / total_ledger),
           "quantulum3_chars_per_s": round(total_chars / total_q3), "ratio": round(total_q3 / total_ledger, 2), **out}
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
