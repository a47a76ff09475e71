"""The JSON-lines extraction contract (shared/eval/README.md): one request in, one answer out."""
from __future__ import annotations

import json

from ledger.extract import extract


class ContractError(ValueError):
    """A request line that the contract cannot answer (not JSON, or no id/text)."""


def answer(line: str, line_number: int) -> dict:
    """The contract's answer ``{"id", "claims"}`` to one request line."""
    try:
        request = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ContractError(f"line {line_number}: not valid JSON ({exc.msg})") from None
    if not isinstance(request, dict) or "id" not in request or not isinstance(request.get("text"), str):
        raise ContractError(f"line {line_number}: needs an \"id\" and a string \"text\"")
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
