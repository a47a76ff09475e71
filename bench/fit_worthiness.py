"""Fit the check-worthiness weights (ledger/extract/worthiness_weights.json) on debate transcripts.

    python bench/fit_worthiness.py ../shared/data/checkthat/ct19-train.jsonl            # cross-validate, report
    python bench/fit_worthiness.py ../shared/data/checkthat/ct19-train.jsonl --write    # ... and write the weights

Each debate is turned into the transcript the scorer sends (``SPEAKER: sentence`` lines), read
by ``ledger.extract.transcript`` exactly as `ledger extract` reads it, and each line gets the
features of its sentences (the element-wise maximum over its claims). A logistic regression
(L2-penalised, Newton's method, pure Python: the features are few and sparse) is fitted on the
lines' labels. It is cross-validated leave-one-debate-out: each debate is ranked by the weights
fitted on the other debates, with the run-time rules (moderators' lines and sentences below the
candidate floor without a figure are not claims and rank last), and the debates' average
precisions are averaged (MAP, as the lab computes it). Only weights and figures are written;
no sentence or label of the data leaves this script.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ledger.extract import checkworthy  # noqa: E402
from ledger.extract.transcript import (  # noqa: E402
    CANDIDATE_FLOOR, find_turns, mask_stage, sentence_features, spoken_sentences,
)

NAMES = list(checkworthy.FEATURE_NAMES)


def debate_rows(debate: dict) -> tuple[list[dict], list[int], list[bool], list[bool]]:
    """Per gold line: features, label, whether it can be a claim at all, whether it holds a figure."""
    lines = debate["sentences"]
    text = "".join(f"{s['speaker']}: {s['text']}\n" for s in lines)
    starts, at = [], 0
    for s in lines:
        starts.append(at)
        at += len(s["speaker"]) + 2 + len(s["text"]) + 1
    masked = mask_stage(text)
    turns, header = find_turns(masked, forced=True)
    feats = [dict() for _ in lines]
    speaks = [False] * len(lines)
    figure = [False] * len(lines)
    import bisect
    for sp in spoken_sentences(masked, turns, header):
        i = bisect.bisect_right(starts, sp.start) - 1
        if sp.moderating:
            continue
        speaks[i] = True
        for q, f in sentence_features(masked, sp):
            figure[i] = figure[i] or q is not None
            for k, v in f.items():
                feats[i][k] = max(feats[i].get(k, 0.0), v)
    return feats, [int(s["label"]) for s in lines], speaks, figure


def fit(rows: list[dict], labels: list[int], l2: float, iterations: int = 12) -> tuple[float, dict[str, float]]:
    """L2-penalised logistic regression by Newton's method over sparse rows."""
    n = len(NAMES) + 1
    index = {k: i + 1 for i, k in enumerate(NAMES)}
    xs = [[(0, 1.0)] + [(index[k], v) for k, v in r.items() if k in index] for r in rows]
    w = [0.0] * n
    for _ in range(iterations):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for x, y in zip(xs, labels):
            z = sum(w[j] * v for j, v in x)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g, h = p - y, p * (1 - p)
            for j, v in x:
                grad[j] += g * v
                row = hess[j]
                for k, u in x:
                    row[k] += h * v * u
        for j in range(1, n):
            grad[j] += l2 * w[j]
            hess[j][j] += l2
        hess[0][0] += 1e-6
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-5:
            break
    return w[0], {k: w[i + 1] for i, k in enumerate(NAMES)}


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            if f:
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        if abs(m[r][r]) < 1e-12:
            continue
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def ranked_scores(bias, weights, feats, speaks, figure) -> list[float]:
    out = []
    for f, ok, fig in zip(feats, speaks, figure):
        s = bias + sum(weights.get(k, 0.0) * v for k, v in f.items())
        out.append(s if ok and (fig or s >= CANDIDATE_FLOOR) else -math.inf)
    return out


def average_precision(scores: list[float], labels: list[int]) -> float:
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    hits, total = 0, 0.0
    for rank, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data")
    ap.add_argument("--l2", type=float, nargs="*", default=[1.0, 10.0])
    ap.add_argument("--write", action="store_true", help="write the weights fitted on all debates")
    args = ap.parse_args()
    debates = [json.loads(line) for line in open(args.data, encoding="utf-8")]
    data = [debate_rows(d) for d in debates]
    print(f"{len(debates)} debates, {sum(len(d[1]) for d in data)} lines", file=sys.stderr)
    best = None
    for l2 in args.l2:
        aps = []
        for held in range(len(data)):
            rows = [r for i, d in enumerate(data) if i != held for r in d[0]]
            labels = [y for i, d in enumerate(data) if i != held for y in d[1]]
            bias, weights = fit(rows, labels, l2)
            f, y, speaks, figure = data[held]
            aps.append(average_precision(ranked_scores(bias, weights, f, speaks, figure), y))
        cv = sum(aps) / len(aps)
        print(f"l2={l2}: leave-one-debate-out MAP {cv:.4f}", file=sys.stderr)
        if best is None or cv > best[1]:
            best = (l2, cv)
    l2, cv = best
    bias, weights = fit([r for d in data for r in d[0]], [y for d in data for y in d[1]], l2)
    train = sum(average_precision(ranked_scores(bias, weights, *d[::2][:1], d[2], d[3]), d[1]) for d in data) / len(data)
    out = {
        "about": "Check-worthiness weights (logit) for ledger.extract.checkworthy, fitted by "
                 "bench/fit_worthiness.py: L2-penalised logistic regression on the CLEF CheckThat! 2019 "
                 "Task 1 training debates' sentence labels.",
        "l2": l2, "leave_one_debate_out_map": round(cv, 4), "train_map": round(train, 4),
        "bias": round(bias, 4), "weights": {**{k: round(v, 4) for k, v in weights.items()}, **checkworthy.PRIORS},
        "stated_not_fitted": sorted(checkworthy.PRIORS),
    }
    print(json.dumps(out, indent=1))
    if args.write:
        checkworthy.WEIGHTS_FILE.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {checkworthy.WEIGHTS_FILE}", file=sys.stderr)


if __name__ == "__main__":
    main()
