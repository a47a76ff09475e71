"""CLI commands that correct the ledger: every correction is a new, audited row."""
from __future__ import annotations

from typing import Optional

import typer

from ledger.cli import MAX_ID, _reviewer, _state, app, reported, speakers_app
from ledger.inert import visible


@app.command()
def undo(
    ctx: typer.Context,
    review_id: int = typer.Argument(..., metavar="REVIEW_ID", max=MAX_ID,
                                    help="The review to undo (`ledger show ID` lists a claim's reviews)."),
    note: Optional[str] = typer.Option(None, "--note", help="Why."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Who [default: $LEDGER_REVIEWER or your user]."),
) -> None:
    """Undo a claim's latest review: a new review restores the status it had before."""
    from ledger.workflow.review import undo as undo_review

    who = _reviewer(reviewer)
    with reported():
        result = undo_review(_state(ctx).engine, review_id=review_id, reviewer=who, note=note)
    review = result.review
    typer.echo(f"Claim {review.claim_id}: {visible(review.verdict)} again (review {review_id} undone"
               f" by review {review.id})")


doc_app = typer.Typer(help="Correct a stored document (every correction is an audited row).",
                      no_args_is_help=True)
app.add_typer(doc_app, name="doc")

_SHOWN = ("title", "url", "outlet", "published_raw")


@doc_app.command("edit")
def doc_edit(
    ctx: typer.Context,
    document_id: int = typer.Argument(..., metavar="ID", max=MAX_ID, help="Document id (`claims --json`: document.id)."),
    title: Optional[str] = typer.Option(None, "--title", help="The corrected title (\"\" clears it)."),
    published: Optional[str] = typer.Option(None, "--published", help="The corrected publication date."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="The corrected outlet."),
    url: Optional[str] = typer.Option(None, "--url", help="The corrected source URL (http:// or https://)."),
    note: Optional[str] = typer.Option(None, "--note", help="Why."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Who [default: $LEDGER_REVIEWER or your user]."),
) -> None:
    """Correct a document's title, date, outlet or URL; the old values stay in its history."""
    from ledger.workflow.corrections import document_changes, edit_document

    who = _reviewer(reviewer)
    with reported():
        changes = document_changes(title=title, url=url, outlet=outlet, published=published)
        edited = edit_document(_state(ctx).engine, document_id=document_id, changes=changes, actor=who, note=note)
    for field in _SHOWN:
        if field in edited.after:
            name = "published" if field == "published_raw" else field
            typer.echo(visible(f"{name}: {_shown(edited.before.get(field))} → {_shown(edited.after[field])}"))
    typer.echo(f"Document {document_id} corrected (correction {edited.correction_id}).")


def _shown(value) -> str:
    return "(none)" if value is None else repr(value) if isinstance(value, str) else str(value)


@doc_app.command("history")
def doc_history(
    ctx: typer.Context,
    document_id: int = typer.Argument(..., metavar="ID", max=MAX_ID, help="Document id."),
    as_json: bool = typer.Option(False, "--json", help="A JSON array of corrections."),
) -> None:
    """A document's corrections, oldest first."""
    from ledger.cli import _json, _local_time
    from ledger.workflow.corrections import document_history

    with reported():
        rows = document_history(_state(ctx).engine, document_id=document_id)
    if as_json:
        typer.echo(_json(rows))
        return
    if not rows:
        typer.echo(f"Document {document_id} has no corrections.")
        return
    from datetime import datetime

    for r in rows:
        when = _local_time(datetime.fromisoformat(r["created_at"]))
        changes = "; ".join(f"{'published' if k == 'published_raw' else k}: {_shown(r['before'].get(k))} →"
                            f" {_shown(v)}" for k, v in r["after"].items() if k in _SHOWN)
        typer.echo(visible(f"#{r['id']} {when} {r['actor']}: {changes}" + (f" — {r['note']}" if r["note"] else "")))


@doc_app.command("rm")
def doc_rm(
    ctx: typer.Context,
    document_id: int = typer.Argument(..., metavar="ID", max=MAX_ID, help="Document id."),
    force: bool = typer.Option(False, "--force", help="Remove it even though its claims have reviews."),
    note: Optional[str] = typer.Option(None, "--note", help="Why."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Who [default: $LEDGER_REVIEWER or your user]."),
) -> None:
    """Remove a document: its claims leave the queue, the listings and the report. It is
    kept, with its claims' review history (`ledger show` still shows them), as an audited
    correction."""
    from ledger.cli import _n
    from ledger.workflow.corrections import remove_document

    who = _reviewer(reviewer)
    with reported():
        removed = remove_document(_state(ctx).engine, document_id=document_id, actor=who, note=note, force=force)
    kept = f"; the history of the {_n(removed.reviewed, 'reviewed claim')} is kept" if removed.reviewed else ""
    typer.echo(f"Document {document_id} removed: {_n(removed.claims, 'claim')} left the queue and the report{kept}"
               f" (correction {removed.correction_id}).")


@app.command()
def reextract(
    ctx: typer.Context,
    document_ids: Optional[list[int]] = typer.Argument(None, metavar="[DOC_ID]...", help="Documents to read again."),
    every: bool = typer.Option(False, "--all", help="Every document in the ledger."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Who [default: $LEDGER_REVIEWER or your user]."),
) -> None:
    """Run today's extractor over stored documents: claims found again keep their reviews,
    new ones enter the queue, those not found any more are kept and marked superseded."""
    from ledger.cli import _n
    from ledger.extract import VERSION
    from ledger.workflow.reextract import document_ids as chosen, reextract_document

    if every == bool(document_ids):
        raise typer.BadParameter("give document ids or --all (not both)", param_hint="DOC_ID")
    who = _reviewer(reviewer)
    totals = [0, 0, 0]
    with reported():
        engine = _state(ctx).engine
        ids = chosen(engine, every=every, ids=list(document_ids or []))
        for document_id in ids:
            done = reextract_document(engine, document_id=document_id, actor=who)
            totals = [totals[0] + done.kept, totals[1] + done.added, totals[2] + done.superseded]
            if done.added or done.superseded:
                typer.echo(f"Document {document_id}: {done.kept} kept, {done.added} new, {done.superseded} superseded")
    typer.echo(f"Re-extracted {_n(len(ids), 'document')} with extractor {VERSION}: {totals[0]} claims kept"
               f" (with their reviews), {totals[1]} new, {totals[2]} superseded.")


# ------------------------------------------------------------------ speakers


@speakers_app.command("rename")
def speakers_rename(
    ctx: typer.Context,
    speaker: str = typer.Argument(..., metavar="SPEAKER", help="The speaker's id or exact name."),
    name: str = typer.Argument(..., metavar="NEW_NAME", help="The name to give it."),
    role: Optional[str] = typer.Option(None, "--role", help="Its role too (\"\" clears it)."),
    note: Optional[str] = typer.Option(None, "--note", help="Why."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Who [default: $LEDGER_REVIEWER or your user]."),
) -> None:
    """Rename a speaker on every claim it made (an audited correction)."""
    from ledger.workflow.corrections import rename_speaker

    with reported():
        done = rename_speaker(_state(ctx).engine, speaker=speaker, name=name, role=role, actor=_reviewer(reviewer),
                              note=note)
    typer.echo(f"Speaker {done.speaker_id} is now {visible(done.name)} (correction {done.correction_id};"
               f" {done.claims} claim(s) re-fingerprinted).")


@speakers_app.command("merge")
def speakers_merge(
    ctx: typer.Context,
    source: str = typer.Argument(..., metavar="SPEAKER", help="The speaker to merge away (id or exact name)."),
    into: str = typer.Argument(..., metavar="INTO", help="The speaker it is (id or exact name); it keeps its name."),
    note: Optional[str] = typer.Option(None, "--note", help="Why."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Who [default: $LEDGER_REVIEWER or your user]."),
) -> None:
    """Two speakers that are one person or body: SPEAKER's claims become INTO's (audited)."""
    from ledger.workflow.corrections import merge_speakers

    with reported():
        done = merge_speakers(_state(ctx).engine, source=source, into=into, actor=_reviewer(reviewer), note=note)
    typer.echo(f"Merged {visible(source)} into {visible(done.name)} (speaker {done.speaker_id}):"
               f" {done.claims} claim(s) moved (correction {done.correction_id}).")
