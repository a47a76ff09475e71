"""CLI commands: listing (filled in by its branch)."""
from __future__ import annotations
