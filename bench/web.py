"""Reading saved web pages: pages per second, ours against bare trafilatura, in one run.

Pages: a web pack (``../shared/data/web/dev.jsonl.gz`` by default; measured there, never
copied here) or, when it is absent, the pages written for the project's tests. Each side
is warmed up on a few pages first; each timing is the best of ``--repeat`` passes.

    python bench/web.py [PACK] [--repeat 2] [--limit N]
    python bench/web.py --hostile [--mb 2]

``--hostile`` reads pages built to be slow instead (tens of thousands of tiny tables, list
items or unclosed tags, and deep nesting) and prints each one's seconds per MB beside an
ordinary article page of the same size, and their ratio: a ratio far above 1 is a
super-linear blow-up.

Prints one JSON object: pages, pages per second for bare trafilatura (``bare_extraction``
with metadata, its defaults), ``read_page`` alone and ``read_page`` then ``extract``
(what `ledger add` does to a page before storing it), and each of ours as a ratio to bare
trafilatura.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_PACK = ROOT.parent / "shared" / "data" / "web" / "dev.jsonl.gz"


def pack_pages(path: Path, limit: int | None) -> list[tuple[str, str | None]]:
    if not path.exists():
        return project_pages()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [(r["html"], r.get("url")) for r in rows[:limit]]


def project_pages() -> list[tuple[str, str | None]]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from web_pages import ARTICLE, ld, page

    return [(page(title=f"Port handles record traffic, part {i}", article=ARTICLE * (1 + i % 4),
                  head=ld(datePublished=f"2024-03-{1 + i % 28:02d}T21:00:00-05:00")), None) for i in range(40)]


def bare(pages):
    from trafilatura import bare_extraction

    for html, url in pages:
        bare_extraction(html, url=url, with_metadata=True)


def read_alone(pages):
    from ledger.extract.web import read_page

    for html, url in pages:
        read_page(html, url)


def read_and_extract(pages):
    from ledger.extract import extract
    from ledger.extract.web import read_page

    for html, url in pages:
        p = read_page(html, url)
        m = p.meta
        extract(p.text, title=m.title, url=m.url, outlet=m.outlet, published=m.published, published_raw=m.published_raw)


def hostile_pages(size: int) -> dict[str, str]:
    """Pages built to be slow, each about ``size`` characters (written for the bench)."""
    def fill(unit: str, head: str = "<html><body>", tail: str = "</body></html>") -> str:
        return head + unit * max(1, size // len(unit)) + tail

    return {
        "tiny_tables": fill("<table><tr><td>1</td><td>2</td></tr></table>"),
        "list_items": fill("<li>Item 3</li>", "<html><body><ul>", "</ul></body></html>"),
        "unclosed_tags": fill("<p><b><i>text 5 ", tail=""),
        "deep_nesting": "<html><body>" + "<div>" * (size // 11) + "12 people" + "</div>" * (size // 11) + "</body></html>",
    }


def ordinary_page(size: int) -> str:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from web_pages import ARTICLE, page

    one = page()
    return page(article=ARTICLE * max(1, (size - len(one)) // len(ARTICLE) + 1))


def hostile(mb: float) -> dict:
    from ledger.extract.web import read_page

    size = int(mb * 1_000_000)
    read_page(ordinary_page(10_000))  # warm up
    out = {}
    for name, html in {"ordinary_article": ordinary_page(size), **hostile_pages(size)}.items():
        t0 = time.perf_counter()
        read_page(html)
        out[name] = round((time.perf_counter() - t0) / (len(html) / 1e6), 2)
    base = out["ordinary_article"]
    return {"mb": mb, "seconds_per_mb": out,
            "ratio_to_ordinary": {k: round(v / base, 1) for k, v in out.items() if k != "ordinary_article"}}


def best(run, pages, repeat: int) -> float:
    run(pages[:5])  # warm up: imports, parsers, caches
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run(pages)
        times.append(time.perf_counter() - t0)
    return len(pages) / min(times)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pack", nargs="?", default=str(DEFAULT_PACK))
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--hostile", action="store_true", help="pages built to be slow, against an ordinary page")
    ap.add_argument("--mb", type=float, default=2.0, help="size of each --hostile page")
    args = ap.parse_args(argv)
    import logging

    logging.disable(logging.WARNING)  # trafilatura logs pages it finds nothing in
    if args.hostile:
        print(json.dumps(hostile(args.mb), indent=1))
        return
    path = Path(args.pack)
    pages = pack_pages(path, args.limit)
    speeds = {name: best(run, pages, args.repeat)
              for name, run in (("trafilatura_bare", bare), ("read_page", read_alone),
                                ("read_page_then_extract", read_and_extract))}
    base = speeds["trafilatura_bare"]
    print(json.dumps({
        "pages": len(pages),
        "source": str(path) if path.exists() else "tests/web_pages.py",
        "pages_per_s": {k: round(v, 1) for k, v in speeds.items()},
        "ratio_to_trafilatura": {k: round(v / base, 2) for k, v in speeds.items() if k != "trafilatura_bare"},
    }, indent=1))


if __name__ == "__main__":
    main()
