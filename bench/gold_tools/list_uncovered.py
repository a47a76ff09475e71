"""Usage: python bench/gold_tools/list_uncovered.py bench/SET [NN_name.txt ...]

Stand-alone completeness check of the hand-written gold (standard library only; never
imports or runs the project's code). For each article it lists
  Q?  digits and number words that no gold quantity covers,
  A?  reporting cues (and colons) outside every gold attribution span,
  S?  quantities whose speaker differs from the attributions of their sentence.
Every line it prints was read by hand: what is left is meant to be left (dates, times,
phone numbers, ranks, idioms, verbs that are not reporting cues).
"""
import json, re, sys
from pathlib import Path
D = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path.cwd()
HEADER = re.compile(r"^(URL|OUTLET|PUBLISHED|TITLE):[ \t]?(.*)$")
def body_of(path):
    lines = path.read_text(encoding="utf-8").split("\n"); i = 0
    while i < len(lines) and HEADER.match(lines[i]): i += 1
    while i < len(lines) and not lines[i].strip(): i += 1
    return "\n".join(lines[i:])
NUMW = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|half|third|thirds|quarter|quarters|fifth|double|doubled|twice|triple|tripled|single|once|score|several|few|handful|pair|couple"
CUES = r"said|says|say|told|tells|added|adds|stated|announced|claimed|claims|reported|reports|estimated|estimates|warned|accused|called|described|according|expects|expected|found|showed|shows|noted|insisted|argued|confirmed|urged|wrote|predicted|forecast|pledged|promised|vowed|conceded|admitted|acknowledged|suggests|suggested|believes|thinks|told|explained|stressed|pointed|revealed|statement|put|dismissed|criticised|criticized|welcomed|described|recalled|insisted|concluded|calculated|projects|projected|cautioned|declared|announced|went on|asked|replied|labelled|branded|quoted|complained|maintained|countered|disputed|contends|agreed|denied|hailed|praised|:"
files = sys.argv[2:] or [p.name for p in sorted(D.glob("[0-9][0-9]_*.txt"))]
for f in files:
    gp = D / "gold" / (f + ".json")
    text = body_of(D / f)
    if not gp.exists():
        print(f, "no gold"); continue
    g = json.loads(gp.read_text())
    cov = [(q["start"], q["end"]) for q in g["quantities"]]
    acov = [(a["start"], a["end"]) for a in g["attributions"]]
    inq = lambda a, b: any(s <= a and b <= e for s, e in cov)
    ina = lambda a, b: any(s <= a and b <= e for s, e in acov)
    print("=====", f, len(text.split()), "words")
    for m in re.finditer(r"\d[\d,.:]*\d|\d|\b(?:%s)\b" % NUMW, text, re.I):
        if not inq(m.start(), m.end()):
            print("  Q?", repr(m.group()), "|", text[max(0, m.start()-35):m.end()+25].replace("\n", " "))
    for m in re.finditer(r"\b(?:%s)\b|:" % CUES, text, re.I):
        if not ina(m.start(), m.end()):
            print("  A?", repr(m.group()), "|", text[max(0, m.start()-45):m.end()+25].replace("\n", " "))
    # quantity speaker vs attribution sentence: a quantity inside an attribution span with speaker None, or outside with speaker
    for q in g["quantities"]:
        spk = [a["speaker"] for a in g["attributions"] if a["start"] <= q["start"] and q["end"] <= a["end"]]
        if (q["speaker"] or None) not in (spk or [None]):
            print("  S?", q["surface"], "speaker", q["speaker"], "but sentence attributions", spk)
