"""Every data file the package reads is declared as package data, so `pip install .`
(not only an editable install) ships it."""
from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_data_file_of_the_package_is_shipped():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    missing = []
    for path in (ROOT / "ledger").rglob("*"):
        if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
            continue
        package = ".".join(path.relative_to(ROOT).parent.parts)
        owners = [(p, globs) for p, globs in declared.items() if package == p or package.startswith(p + ".")]
        relative = [str(path.relative_to(ROOT / Path(*p.split(".")))) for p, _ in owners]
        if not any(fnmatch.fnmatch(r, g) for (p, globs), r in zip(owners, relative) for g in globs):
            missing.append(str(path.relative_to(ROOT)))
    assert missing == []
