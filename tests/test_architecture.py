"""The core never imports typer or prints: the CLI module is the only place that talks to people."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ledger"
CLI = {*(PACKAGE / "cli").rglob("*.py"), PACKAGE / "__main__.py"}


def core_modules():
    return [p for p in PACKAGE.rglob("*.py") if p not in CLI]


def test_core_does_not_import_typer_or_rich_or_print():
    offenders = []
    for path in core_modules():
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
                offenders.append(f"{path.name}:{node.lineno} print()")
                continue
            else:
                continue
            for name in names:
                if name.split(".")[0] in {"typer", "rich", "click"} or name == "ledger.cli":
                    offenders.append(f"{path.name}:{node.lineno} imports {name}")
    assert offenders == []


def test_extraction_and_storage_do_not_import_the_layers_above_them():
    upward = {"ledger.workflow", "ledger.export", "ledger.cli"}
    offenders = []
    for sub in ("extract", "storage"):
        for path in (PACKAGE / sub).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.ImportFrom) and node.module and any(
                    node.module.startswith(u) for u in upward
                ):
                    offenders.append(f"{sub}/{path.name} imports {node.module}")
                if sub == "extract" and isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                    "ledger.storage"
                ):
                    offenders.append(f"extract/{path.name} imports {node.module}")
    assert offenders == []
