"""The JSON-lines extraction contract (shared/eval/README.md): one request in, one answer out.

A text line ``{"id", "text"}`` is answered ``{"id", "claims"}`` (with ``"format": "transcript"``
the text is read as a transcript: :mod:`ledger.extract.transcript`); every claim carries its
``worthiness`` (:mod:`ledger.extract.checkworthy`); a web page line
``{"id", "html", "url"?}`` is read the way `ledger add` reads a page (:func:`read_page`,
the page's metadata under what the request gives) and answered ``{"id", "text", "meta",
"claims"}``, the claims' offsets indexing ``text``.
"""
from __future__ import annotations

import json

from ledger.extract import extract
from ledger.extract.types import DocumentMeta


class ContractError(ValueError):
    """A request line that the contract cannot answer (not JSON, or no id/text)."""


def answer(line: str, line_number: int) -> dict:
    """The contract's answer to one request line."""
    try:
        request = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ContractError(f"line {line_number}: not valid JSON ({exc.msg})") from None
    if isinstance(request, dict) and "id" in request and isinstance(request.get("html"), str):
        try:
            return _page(request)
        except Exception as exc:  # noqa: BLE001 - the web contract's own answer for a page it cannot read
            said = " ".join(str(exc).split())[:160]
            return {"id": request["id"], "error": f"line {line_number}: could not read the page "
                                                  f"({type(exc).__name__}{': ' + said if said else ''})"}
    if not isinstance(request, dict) or "id" not in request or not isinstance(request.get("text"), str):
        raise ContractError(f"line {line_number}: needs an \"id\" and a string \"text\" (or \"html\")")
    if request.get("format") == "transcript":
        return _transcript(request)
    published = None
    if request.get("published"):
        from ledger.extract.metadata import parse_date

        published = parse_date(str(request["published"]))
    doc = extract(
        request["text"],
        title=request.get("title"),
        url=request.get("url"),
        outlet=request.get("outlet"),
        published=published,
        published_raw=request.get("published"),
    )
    return {"id": request["id"], "claims": [c.contract() for c in doc.claims]}


def _transcript(request: dict) -> dict:
    from ledger.extract.transcript import extract_transcript

    meta = DocumentMeta(title=_given(request, "title"), url=_given(request, "url"), outlet=_given(request, "outlet"))
    doc = extract_transcript(request["text"], forced=True, meta=meta)
    return {"id": request["id"], "claims": [c.contract() for c in doc.claims]}


def _given(request: dict, key: str) -> str | None:
    return request[key] if isinstance(request.get(key), str) else None


def _page(request: dict) -> dict:
    from ledger.extract.web import read_page

    url = request.get("url") if isinstance(request.get("url"), str) else None
    page = read_page(request["html"], url)
    m = page.meta
    doc = extract(page.text, title=m.title, url=url or m.url, outlet=m.outlet, published=m.published,
                  published_raw=m.published_raw)
    return {
        "id": request["id"],
        "text": doc.text,
        "meta": {
            "title": doc.meta.title,
            "published": published_iso(doc.meta, m),
            "outlet": doc.meta.outlet,
            "url": doc.meta.url,
        },
        "claims": [c.contract() for c in doc.claims],
    }


_PRECISION_CHARS = {"year": 4, "month": 7, "day": 10}


def published_iso(meta: DocumentMeta, page: DocumentMeta) -> str | None:
    """ISO 8601 in the page's own offset; only as much as the page states (a day is a date)."""
    if meta.published is None:
        return None
    precision = page.published_precision if meta.published == page.published else None
    stamp = meta.published.isoformat()
    return stamp[: _PRECISION_CHARS[precision]] if precision in _PRECISION_CHARS else stamp
