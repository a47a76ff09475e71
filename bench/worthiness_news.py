"""Check-worthiness on news: do the gold numeric claims come first in the queue?

    python bench/worthiness_news.py                      # ../shared/corpus/dev
    python bench/worthiness_news.py DIR                  # any folder in the corpus format

Every article of DIR (``NAME.txt`` with ``gold/NAME.txt.json``) is extracted as ``ledger
add`` extracts it, and all claims of all articles are ranked by ``worthiness``, as one
queue, highest first (ties: in document order). Printed, as JSON:

- ``gold_numeric_in_top_half``: the share of the gold numeric claims (non-optional gold
  quantities) whose figure is a claim in the top half of that queue;
- ``top_half_with_gold_figure``: the share of the top half's claims that hold a gold figure;
- the same two for the whole queue, as the baseline a random order would give
  (``gold_numeric_found``: the extractor's recall; ``claims_with_gold_figure``).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from ledger.workflow.ingest import Overrides, extract_article  # noqa: E402


def ranked_claims(folder: Path) -> tuple[list[tuple[float, str, int, int]], dict[str, list[tuple[int, int]]]]:
    claims, gold = [], {}
    for path in sorted(folder.glob("*.txt")):
        answer = json.loads((folder / "gold" / f"{path.name}.json").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        at = _body_start(text)  # gold offsets index the body, after the header lines
        gold[path.name] = [(q["start"] + at, q["end"] + at) for q in answer["quantities"] if not q.get("optional")]
        doc, _ = extract_article(path.name, text, Overrides())
        for c in doc.claims:
            q = c.quantity
            claims.append((c.worthiness or 0.0, path.name, q.start if q else -1, q.end if q else -1))
    order = sorted(range(len(claims)), key=lambda i: (-claims[i][0], i))
    return [claims[i] for i in order], gold


_HEADER = re.compile(r"(?:(?:URL|OUTLET|PUBLISHED|TITLE):[^\n]*\n)*\n*")


def _body_start(text: str) -> int:
    return _HEADER.match(text).end()


def _hits(claims, gold) -> tuple[set, int]:
    found, with_gold = set(), 0
    for _, name, q0, q1 in claims:
        spans = [g for g in gold[name] if q0 < g[1] and g[0] < q1]
        found.update((name, g) for g in spans)
        with_gold += bool(spans)
    return found, with_gold


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared" / "corpus" / "dev"
    claims, gold = ranked_claims(folder)
    total = sum(len(v) for v in gold.values())
    top = claims[: len(claims) // 2]
    found_top, top_gold = _hits(top, gold)
    found_all, all_gold = _hits(claims, gold)
    print(json.dumps({
        "articles": len(gold), "claims": len(claims), "gold_numeric": total,
        "gold_numeric_in_top_half": round(len(found_top) / total, 3),
        "top_half_with_gold_figure": round(top_gold / max(1, len(top)), 3),
        "gold_numeric_found": round(len(found_all) / total, 3),
        "claims_with_gold_figure": round(all_gold / max(1, len(claims)), 3),
    }, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
