"""Where the ledger lives when no ``--db`` or ``$LEDGER_DB`` names it.

Like git, the ledger is looked for as ``db/ledger.db`` in the current folder and then in
each parent folder. The search stops at the user's home folder (inclusive) when the
current folder is inside it, else at the file system root: a ledger in ``/tmp/db`` or
``/home/db`` left by someone else is never picked up from inside a home folder.

Pure path logic: nothing is created here.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PATH = Path("db") / "ledger.db"


@dataclass(frozen=True)
class Search:
    """Where a search started and the last folder it looked in."""

    start: Path
    ceiling: Path | None  # None: up to the file system root

    def folders(self) -> list[Path]:
        out = []
        for folder in (self.start, *self.start.parents):
            out.append(folder)
            if folder == self.ceiling:
                break
        return out

    def looked_in(self) -> str:
        """The search for people: ``in /a/b and its parents up to /a``."""
        if self.ceiling is not None and self.ceiling != self.start:
            return f"in {self.start} and its parents up to {self.ceiling}"
        if self.ceiling == self.start:
            return f"in {self.start}"
        return f"in {self.start} and its parents"


def search_from(start: Path | None = None) -> Search:
    start = Path(os.path.abspath(start or Path.cwd()))
    home = _home()
    ceiling = home if home is not None and (start == home or home in start.parents) else None
    return Search(start, ceiling)


def _home() -> Path | None:
    try:
        return Path(os.path.abspath(Path.home()))
    except (RuntimeError, KeyError):  # no home folder known
        return None


def find_ledger(search: Search) -> Path | None:
    """The nearest ``db/ledger.db`` file, or None."""
    for folder in search.folders():
        candidate = folder / DEFAULT_PATH
        if candidate.is_file():
            return candidate
    return None


def new_ledger_path(search: Search) -> Path:
    """Where a command that writes starts a ledger when none is found: here."""
    return search.start / DEFAULT_PATH
