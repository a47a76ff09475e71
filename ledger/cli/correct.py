"""CLI commands: correct (filled in by its branch)."""
from __future__ import annotations
