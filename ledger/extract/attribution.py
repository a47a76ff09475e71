"""Who a sentence is attributed to (first cut: nothing; being replaced)."""
from __future__ import annotations

from ledger.extract.types import Speaker


def attribute(text: str, sentences: list[tuple[int, int]]) -> list[Speaker | None]:
    """One speaker (or None) per sentence span, pronouns resolved within the document."""
    return [None for _ in sentences]
