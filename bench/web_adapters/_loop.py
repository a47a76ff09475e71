"""The web contract's loop (shared/eval/README.md, "Web pages") for the bare-library adapters:
one JSON page in on stdin, one JSON answer out. Not part of the product: these adapters let the
closing note give bare trafilatura's and htmldate's figures in the same run as ours."""
from __future__ import annotations

import json
import sys
from typing import Callable


def serve(read: Callable[[str, str | None], dict]) -> None:
    """Answer each page line with ``{"id", **read(html, url)}``, or an error answer."""
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            out = {"id": request["id"], **read(request.get("html") or "", request.get("url"))}
        except Exception as exc:  # noqa: BLE001 - one page must not end the run
            out = {"id": request["id"], "error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        sys.stdout.flush()
