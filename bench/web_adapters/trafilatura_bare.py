"""Bare trafilatura (default settings, metadata on) speaking the web contract.

    python ../shared/eval/web_score.py PACK --cmd "python bench/web_adapters/trafilatura_bare.py"
"""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _loop import serve  # noqa: E402


def read(html: str, url: str | None) -> dict:
    from trafilatura import bare_extraction

    doc = bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return {"text": "", "meta": {"title": None, "published": None, "outlet": None, "url": url}}
    return {"text": doc.text or "", "meta": {"title": doc.title, "published": doc.date,
                                             "outlet": doc.sitename, "url": doc.url or url}}


if __name__ == "__main__":
    serve(read)
