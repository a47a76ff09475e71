"""CLI commands that correct the ledger: every correction is a new, audited row."""
from __future__ import annotations

from typing import Optional

import typer

from ledger.cli import MAX_ID, _reviewer, _state, app, reported
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
