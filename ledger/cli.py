"""The `ledger` command line: parses arguments, calls the core, formats output."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

app = typer.Typer(help="Pull checkable claims out of news articles into a reviewable ledger.", no_args_is_help=True)


@app.callback()
def _root() -> None:
    """Pull checkable claims out of news articles into a reviewable ledger."""


@app.command()
def extract(
    path: str = typer.Argument(..., help="An article file, or - for standard input."),
    jsonl: bool = typer.Option(False, "--jsonl", help="Speak the JSON-lines extraction contract."),
) -> None:
    """Print the claims of one document as JSON, without touching the database."""
    from ledger.extract.contract import ContractError, answer

    if jsonl:
        stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
        failed = False
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                out = answer(line, n)
            except ContractError as exc:
                typer.echo(f"Error: {exc}", err=True)
                failed = True
                continue
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        raise typer.Exit(2 if failed else 0)
    from ledger.extract import extract as run

    text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    doc = run(text)
    typer.echo(json.dumps([c.contract() for c in doc.claims], indent=2, ensure_ascii=False))


def main() -> None:
    app()
