"""Usage: python bench/gold_tools/make_gold.py bench/SET/tools/specs/NN.py

The one copy for every hand-annotated set under bench/ (own_news, own_news_b, ...): the set
is the folder that holds ``tools/specs/`` of the spec given.

Turn a hand-written gold spec (read from stdin as a Python expression) into
gold/<article>.json with character offsets into the article body.

Standalone: uses only the standard library, never the project's code.

Spec:
  {"file": "01_x.txt",
   "S": {"key": ("Canonical name", ["alias", ...])},          # speakers
   "Q": [(surface, value, value_max, unit, change, concept, speaker_key_or_None, optional)],
   "A": [(start_snippet, end_snippet, speaker_key, cue, optional)]}
A surface (or snippet) that occurs more than once must carry a suffix "§n" (n-th occurrence, 0-based),
or be given in context as "left [[surface]] right".
Quantities are located in the order given and must not overlap one another.
An attribution span runs from the start snippet to the end of the end snippet (searched after it).
"""
import ast, json, re, sys
from pathlib import Path

HERE = Path(sys.argv[1]).resolve().parents[2] if len(sys.argv) > 1 else Path.cwd()  # SET/tools/specs/NN.py
HEADER = re.compile(r"^(URL|OUTLET|PUBLISHED|TITLE):[ \t]?(.*)$")


def body_of(path):
    lines = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(lines) and HEADER.match(lines[i]):
        i += 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    return "\n".join(lines[i:])


def locate(text, s, after=0):
    if "[[" in s:  # "left [[surface]] right": the surface inside the context
        pre, rest = s.split("[[", 1)
        mid, post = rest.split("]]", 1)
        a, _, _ = locate(text, pre + mid + post, after)
        return a + len(pre), a + len(pre) + len(mid), mid
    n = None
    if "§" in s:
        s, n = s.rsplit("§", 1)
        n = int(n)
    hits = [m.start() for m in re.finditer(re.escape(s), text)]
    hits = [h for h in hits if h >= after] if after else hits
    if not hits:
        raise SystemExit(f"not found: {s!r}")
    if n is None:
        if len(hits) > 1 and not after:
            raise SystemExit(f"ambiguous ({len(hits)}x): {s!r}")
        n = 0
    return hits[n], hits[n] + len(s), s


def main():
    spec = eval((open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin).read(), {"__builtins__": {}})  # own hand-written spec; arithmetic such as 2/3 allowed
    body = body_of(HERE / spec["file"])
    S = spec["S"]
    quantities, attributions = [], []
    for surface, value, vmax, unit, change, concept, spk, opt in spec["Q"]:
        a, b, s = locate(body, surface)
        item = {"surface": s, "value": value, "value_max": vmax, "unit": unit, "change": change,
                "concept": concept, "speaker": S[spk][0] if spk else None}
        if spk:
            item["aliases"] = list(S[spk][1])
        item.update({"start": a, "end": b, "optional": bool(opt)})
        quantities.append(item)
    spans = sorted((q["start"], q["end"], q["surface"]) for q in quantities)
    for x, y in zip(spans, spans[1:]):
        if y[0] < x[1]:
            raise SystemExit(f"overlapping quantities: {x} {y}")
    for s0, s1, spk, cue, opt in spec["A"]:
        a, _, _ = locate(body, s0)
        b0, b, _ = locate(body, s1, after=a)
        attributions.append({"speaker": S[spk][0], "aliases": list(S[spk][1]), "cue": cue,
                             "start": a, "end": b, "optional": bool(opt)})
    out = {"file": spec["file"], "quantities": quantities, "attributions": attributions}
    dest = HERE / "gold" / (spec["file"] + ".json")
    dest.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{dest.name}: {len(quantities)} quantities "
          f"({sum(not q['optional'] for q in quantities)} required), {len(attributions)} attributions")


main()
