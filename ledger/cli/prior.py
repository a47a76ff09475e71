"""Prior checks: ``import claimreview``, ``references`` and ``matches``.

``show`` and ``review`` list a claim's best matches through :func:`matches_lines`.
"""
from __future__ import annotations

import sys
from typing import List, Optional

import typer

from ledger.cli import MAX_ID, OutputFormat, _check_id, _console, _json, _n, _state, _text, app, err, reported
from ledger.cli import listing
from ledger.errors import ExitCode

import_app = typer.Typer(help="Read other desks' verdicts into the ledger.", no_args_is_help=True)
app.add_typer(import_app, name="import")


@import_app.command("claimreview")
def import_claimreview(
    ctx: typer.Context,
    inputs: List[str] = typer.Argument(..., metavar="FILE|URL|-...",
                                       help="ClaimReview JSON-LD files, saved fact-check pages, URLs, or -."),
    max_bytes: int = typer.Option(10_000_000, "--max-bytes", min=1, help="Refuse inputs larger than this."),
    timeout: float = typer.Option(20.0, "--timeout", min=0.1, help="Seconds to wait for each URL."),
) -> None:
    """Import schema.org ClaimReview verdicts (other desks', or another ledger's export) as
    references: matched against claims, never put in the queue or the desk's audit chain.

    Reads a ClaimReview object, a list of them, a @graph, or the JSON-LD blocks of a saved
    page. Importing the same reviews again updates them (a new rating) instead of copying."""
    from ledger.workflow.references import import_text, read_text

    engine = _state(ctx).engine
    stdin_data = sys.stdin.buffer.read(max_bytes + 1) if "-" in inputs else None
    failed = refused = 0
    for name in inputs:
        try:
            with reported():
                text = read_text(name, stdin_data=stdin_data, max_bytes=max_bytes, timeout=timeout)
                done = import_text(engine, name=name, text=text)
        except typer.Exit as stop:
            if stop.exit_code == int(ExitCode.DATABASE):
                raise
            failed += 1
            continue
        for problem in done.problems:
            err(f"Warning: {problem}; left out")
        refused += len(done.problems)
        extra = f"; {_n(done.urls_left_out, 'appearance URL')} left out (not http(s))" if done.urls_left_out else ""
        typer.echo(f"{name}: {_n(done.added, 'reference')} added, {done.updated} updated,"
                   f" {done.unchanged} already in the ledger; {_n(done.marked, 'pending claim')} now"
                   f" match{'es' if done.marked == 1 else ''} them{extra}.")
    if failed:
        raise typer.Exit(int(ExitCode.INPUT))
    if refused:
        raise typer.Exit(int(ExitCode.SKIPPED))


def reference_json(r) -> dict:
    from ledger.workflow.prior import appearances_json

    return {
        "id": r.id, "claim": r.claim_text, "claimant": r.claimant, "claimant_type": r.claimant_type,
        "claim_date": r.claim_date, "publisher": r.publisher, "rating": r.rating, "rating_value": r.rating_value,
        "best_rating": r.best_rating, "worst_rating": r.worst_rating, "review_date": r.review_date, "url": r.url,
        "appearances": appearances_json(r.appearances),
        "quantity": {"surface": r.q_surface, "value": r.q_value, "unit": r.q_unit} if r.q_value is not None else None,
        "source": r.source,
    }


def _reference_row(obj: dict) -> dict:
    q = obj.get("quantity") or {}
    return {**{k: v for k, v in obj.items() if k not in ("appearances", "quantity")},
            "appearances": " ".join(obj["appearances"]), "quantity": q.get("surface")}


@app.command("references")
def references_command(
    ctx: typer.Context,
    search: Optional[str] = typer.Option(None, "--search", "-q", help="Only references holding every word."),
    publisher: Optional[str] = typer.Option(None, "--publisher", help="Only this publisher (part of its name)."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="How many to list."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many first."),
    fmt: OutputFormat = listing.format_option(),
    as_json: bool = listing.json_option(),
    no_truncate: bool = listing.no_truncate_option(),
) -> None:
    """List imported fact-checks (ClaimReview references), oldest import first."""
    from ledger.storage.db import session_scope
    from ledger.storage.references import references

    with reported(), session_scope(_state(ctx).engine) as session:
        rows = [reference_json(r) for r in references(session, words=search, publisher=publisher, limit=limit,
                                                      offset=offset)]
    fmt = listing.chosen(fmt, as_json)
    if fmt is not OutputFormat.table:
        listing.emit(rows, fmt, flat=_reference_row)
        return
    if not rows:
        typer.echo("No references." if not (search or publisher) else "No references match.")
        return
    from rich.table import Table

    table = Table(expand=False)
    for name in ("id", "claim", "claimant", "rating", "publisher", "reviewed"):
        table.add_column(name, no_wrap=name in ("id", "reviewed"), justify="right" if name == "id" else "left")
    for r in rows:
        rating = r["rating"] or ""
        table.add_row(_text(r["id"]), _text(r["claim"]), _text(r["claimant"] or ""), _text(rating),
                      _text(r["publisher"] or ""), _text((r["review_date"] or "")[:10]))
    listing.print_table(table, full=no_truncate or listing.wide())


def match_line(m) -> str:
    """``checked before: disputed by Desk X on 2024-03-02 — 'MoD figure is 39,500'``"""
    who = f" by {m.by}" if m.by else ""
    when = f" on {m.date}" if m.date else ""
    what = "claim" if m.kind == "claim" else "reference"
    text = m.text if len(m.text) <= 140 else m.text[:139] + "…"
    line = f"{m.verdict}{who}{when} — '{text}'"
    if m.speaker:
        line += f" ({m.speaker})"
    return f"{line} [{what} {m.id}, match {m.score:.2f}{', strong' if m.strong else ''}]"


def matches_lines(console, matches: list) -> None:
    """The "Checked before" part of ``show`` and ``review``."""
    if not matches:
        return
    console.print()
    console.print(_text("Checked before:", style="bold"))
    for m in matches:
        console.print(_text(f"  {match_line(m)}", style="bold" if m.strong else ""))
        if m.note:
            console.print(_text(f"    note: {m.note}", style="dim"))
        if m.url:
            console.print(_text(f"    {m.url}", style="dim"))


@app.command("matches")
def matches_command(
    ctx: typer.Context,
    claim_id: int = typer.Argument(..., metavar="ID", max=MAX_ID, help="Claim id."),
    limit: int = typer.Option(5, "--limit", "-n", min=1, help="How many matches to list."),
    as_json: bool = typer.Option(False, "--json", help="A JSON array of matches, best first."),
) -> None:
    """Earlier verdicts this claim likely repeats: the desk's reviewed claims and imported
    fact-checks, best first, with the score's parts (text, figure, speaker)."""
    from ledger.storage.db import session_scope
    from ledger.workflow.prior import matches_of

    with reported():
        engine = _state(ctx).engine
        _check_id(engine, claim_id)
        with session_scope(engine) as session:
            found = matches_of(session, claim_id=claim_id, limit=limit)
    if as_json:
        typer.echo(_json([m.to_json() for m in found]))
        return
    if not found:
        typer.echo(f"No earlier verdict matches claim {claim_id}.")
        return
    console = _console()
    for m in found:
        console.print(_text(match_line(m)))

