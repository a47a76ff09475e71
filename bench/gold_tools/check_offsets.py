"""Usage: python bench/gold_tools/check_offsets.py bench/SET

Check every gold file under SET/gold against its article (standard library only; does not
import or run the project's code). The one copy for every hand-annotated set under bench/;
curly closing quotes (\u201d, \u2019) end a sentence too.

For each quantity: text[start:end] == surface, value/value_max numeric (value_max > value),
change label valid, no two quantity spans overlap. No (sentence, speaker) pair twice.
For each attribution: span inside the text, cue appears in the span, the span starts at a
sentence start and ends at a sentence end (the cue of a
multi-sentence quotation may sit in another sentence of the paragraph), speaker or an alias appears in the article.
"""
import json, re, sys
from pathlib import Path

HERE = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path.cwd()
HEADER = re.compile(r"^(URL|OUTLET|PUBLISHED|TITLE):[ \t]?(.*)$")
CHANGES = {"=", "~", ">", "<", "up", "down"}


def body_of(path):
    lines = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(lines) and HEADER.match(lines[i]):
        i += 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    return "\n".join(lines[i:])


problems = 0
tot = [0, 0, 0, 0]
for gp in sorted((HERE / "gold").glob("*.json")):
    g = json.loads(gp.read_text(encoding="utf-8"))
    art = HERE / g["file"]
    text = body_of(art)
    words = len(text.split())
    bad = []
    for q in g["quantities"]:
        if text[q["start"]:q["end"]] != q["surface"]:
            bad.append(f"surface mismatch {q['surface']!r} != {text[q['start']:q['end']]!r}")
        if not isinstance(q["value"], (int, float)) or (q["value_max"] is not None and not isinstance(q["value_max"], (int, float))):
            bad.append(f"value not numeric: {q['surface']!r}")
        if q["value_max"] is not None and not q["value_max"] > q["value"]:
            bad.append(f"value_max not above value: {q['surface']!r}")
        if q["change"] not in CHANGES:
            bad.append(f"bad change {q['change']!r} for {q['surface']!r}")
        if q["speaker"] and not any(n.lower() in text.lower() for n in [q["speaker"], *q.get("aliases", [])]):
            bad.append(f"speaker not in text: {q['speaker']!r}")
    spans = sorted((q["start"], q["end"]) for q in g["quantities"])
    if any(y[0] < x[1] for x, y in zip(spans, spans[1:])):
        bad.append("overlapping quantity spans")
    pairs = [(a["start"], a["end"], a["speaker"]) for a in g["attributions"]]
    if len(pairs) != len(set(pairs)):
        bad.append("duplicate (sentence, speaker) attribution")
    for a in g["attributions"]:
        span = text[a["start"]:a["end"]]
        if not (0 <= a["start"] < a["end"] <= len(text)):
            bad.append(f"attribution span out of range {a}")
        # the cue is in the sentence, or (a quotation running over several sentences)
        # in the same paragraph
        para0 = text.rfind("\n", 0, a["start"]) + 1
        para1 = text.find("\n", a["end"]) % (len(text) + 1)
        if a["cue"].lower() not in span.lower() and a["cue"].lower() not in text[para0:para1 or len(text)].lower():
            bad.append(f"cue {a['cue']!r} not in span or its paragraph {span[:60]!r}")
        if a["start"] > 0 and not (text[a["start"] - 1] in " \n" and (text[a["start"] - 2:a["start"] - 1] in (".", '"', "\u201d", "\u2019", "?", "!", "\n", ":", "") or a["start"] < 2)):
            bad.append(f"span does not start at a sentence start: {span[:50]!r}")
        if span[-1] not in '.?!"\u201d\u2019':
            bad.append(f"span does not end at a sentence end: {span[-50:]!r}")
        if not any(n.lower() in text.lower() for n in [a["speaker"], *a.get("aliases", [])]):
            bad.append(f"speaker not in text: {a['speaker']!r}")
    nq = len(g["quantities"]); nqr = sum(not q["optional"] for q in g["quantities"])
    na = len(g["attributions"]); nar = sum(not a["optional"] for a in g["attributions"])
    tot = [tot[0] + nq, tot[1] + nqr, tot[2] + na, tot[3] + nar]
    status = "OK" if not bad else f"{len(bad)} PROBLEM(S)"
    print(f"{g['file']}: {words} words, {nq} quantities ({nqr} required), {na} attributions ({nar} required): {status}")
    for b in bad:
        print("   -", b)
    problems += len(bad)
print(f"total: {tot[0]} quantities ({tot[1]} required), {tot[2]} attributions ({tot[3]} required); problems: {problems}")
sys.exit(1 if problems else 0)
