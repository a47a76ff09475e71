"""Bare htmldate (``find_date`` with its defaults and ``original_date=True``, the page's URL given) speaking the web
contract: a date only, no text, no title.

    python ../shared/eval/web_score.py PACK --cmd "python bench/web_adapters/htmldate_bare.py"
"""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _loop import serve  # noqa: E402


def read(html: str, url: str | None) -> dict:
    from htmldate import find_date

    published = find_date(html, url=url, original_date=True) if html.strip() else None
    return {"text": "", "meta": {"title": None, "published": published, "outlet": None, "url": url}}


if __name__ == "__main__":
    serve(read)
