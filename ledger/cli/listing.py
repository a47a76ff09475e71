"""Listing commands and the output options they share (in the manner of sqlite-utils).

Every listing command takes ``--format table|json|jsonl|csv|tsv`` (``--json`` is
``--format json``) and ``--no-truncate``. ``json`` is one array, ``jsonl`` one object a
line, both in the claim object's shape (``show --json`` without the reviews). ``csv`` and
``tsv`` are flat rows with a header, text cells guarded against spreadsheet formulas like
the report's. A ``table`` on a terminal fits its width and cuts long claims around their
figure; written to a pipe or file it is not cut to 80 columns, and ``--no-truncate``
shows every claim in full anywhere.
"""
from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from typing import Callable, Iterable, List, Optional

import typer

from ledger.cli import OutputFormat, _filter, _json, _state, app, reported


def format_option():
    return typer.Option(OutputFormat.table, "--format", "-f", help="table, json, jsonl, csv or tsv.")


def json_option():
    return typer.Option(False, "--json", help="The same as --format json.")


def no_truncate_option():
    return typer.Option(False, "--no-truncate", help="Show every text in full in a table.")


def chosen(fmt: OutputFormat, as_json: bool) -> OutputFormat:
    return OutputFormat.json if as_json else fmt


def wide() -> bool:
    """Whether a table may take the whole text: stdout is not a terminal."""
    stream = sys.stdout
    return not (hasattr(stream, "isatty") and stream.isatty())


def emit(objects: list[dict], fmt: OutputFormat, *, flat: Callable[[dict], dict]) -> None:
    """``objects`` written as json, jsonl, csv or tsv (``flat`` makes a row of an object)."""
    if fmt is OutputFormat.json:
        typer.echo(_json(objects))
    elif fmt is OutputFormat.jsonl:
        from ledger.inert import inert_json

        for obj in objects:
            typer.echo(inert_json(json.dumps(obj, ensure_ascii=False)))
    else:
        _delimited([flat(o) for o in objects], delimiter="," if fmt is OutputFormat.csv else "\t")


def _delimited(rows: list[dict], *, delimiter: str) -> None:
    from ledger.export import neutralise
    from ledger.inert import visible

    if not rows:
        return
    writer = csv.writer(sys.stdout, delimiter=delimiter, lineterminator="\n")
    writer.writerow(list(rows[0]))
    for row in rows:
        writer.writerow(["" if v is None else neutralise(visible(v)) if isinstance(v, str) else v
                         for v in row.values()])


# ------------------------------------------------------------------ claims


def claim_row(obj: dict) -> dict:
    """A claim object as one flat row (csv/tsv)."""
    from ledger.export import CHANGE_WORDS

    q, s, d = obj.get("quantity") or {}, obj.get("speaker") or {}, obj.get("document") or {}
    return {
        "id": obj["id"], "status": obj["status"], "claim": obj["text"], "quantity": q.get("surface"),
        "value": q.get("value"), "value_max": q.get("value_max"), "unit": q.get("unit"),
        "change": CHANGE_WORDS.get(q.get("change"), q.get("change")),
        "concept": q.get("concept"), "speaker": s.get("name"), "document_id": d.get("id"), "title": d.get("title"),
        "outlet": d.get("outlet"), "url": d.get("url"), "published": d.get("published"),
        "worthiness": obj.get("worthiness"), "appearances": obj.get("appearances"),
        "checked_before": "{kind} {id}".format(**obj["checked_before"]) if obj.get("checked_before") else None,
    }


def show_claims(views: list, fmt: OutputFormat, *, no_truncate: bool, empty: str, with_status: bool) -> None:
    """The claims of ``queue`` and ``claims`` in the chosen format."""
    if fmt is not OutputFormat.table:
        emit([v.to_json() for v in views], fmt, flat=claim_row)
        return
    if not views:
        typer.echo(empty)
        return
    from ledger.cli import _console

    full = no_truncate or wide()
    table = claim_table(views, full=full, with_status=with_status, width=_console().width)
    print_table(table, full=full)


def print_table(table, *, full: bool) -> None:
    """A table on stdout; ``full``: as wide as its longest cell, not cut to the terminal."""
    from ledger.cli import _console

    console = _console()
    if full:
        console.width = 1_000_000  # the table sizes its columns to their content (expand off)
    console.print(table)


_SHARES = {"quantity": 2, "speaker": 2, "outlet": 1}  # of the width left after id, status, date; claim 6


def claim_table(views: list, *, full: bool, with_status: bool, width: int | None = None):
    """The claims as a table: in full (content-wide), or fitted to a terminal ``width``
    columns wide, where the figure, the speaker and the outlet wrap between words, never
    inside one (the outlet, then the date, are left out when there is no room for that)."""
    from rich.table import Table

    from ledger.cli import _date, _highlighted, _snippet, _text

    cells = {"quantity": [_quantity_cell(v) for v in views], "speaker": [v.speaker.name if v.speaker else ""
                                                                        for v in views],
             "outlet": [v.document.outlet or "" for v in views]}
    sizes = {} if full or width is None else _fitted(views, cells, width=width, with_status=with_status)
    table = Table(expand=False)
    table.add_column("id", no_wrap=True, justify="right")
    if with_status:
        table.add_column("status", no_wrap=True)
    for name in ("claim", "quantity", "speaker", "outlet"):
        if full or name in sizes:
            table.add_column(name, width=sizes.get(name))
    if full or "published" in sizes:
        table.add_column("published", no_wrap=True)
    for i, v in enumerate(views):
        claim = _highlighted(v, start=v.claim.start, end=v.claim.end) if full else _snippet(v)
        row = [_text(v.id), *([_text(v.claim.status)] if with_status else []), claim]
        row += [_text(cells[k][i]) for k in ("quantity", "speaker", "outlet") if full or k in sizes]
        row += [_text(_date(v.document))] if full or "published" in sizes else []
        table.add_row(*row)
    return table


def _quantity_cell(v) -> str:
    marks = ([f"×{v.appearances}"] if v.appearances > 1 else []) + (["⚠"] if v.conflicts else [])
    if v.claim.prior_id is not None:  # strongly matches an earlier verdict (`ledger matches ID`)
        marks.append(f"checked before: {v.claim.prior_kind} {v.claim.prior_id}")
    return (v.claim.q_surface or "") + (f" ({', '.join(marks)})" if marks else "")


def _fitted(views, cells: dict, *, width: int, with_status: bool) -> dict:
    """Column widths for a terminal: each of quantity, speaker, outlet at least its longest
    word, at most its share; the claim what is left (at least 16)."""
    fixed = max(len(str(v.id)) for v in views) + (10 if with_status else 0)
    optional = ["outlet", "published"]
    while True:
        shown = ["quantity", "speaker", *optional]
        edges = 3 * (len(shown) + 2 + with_status) + 1  # borders and padding of every column
        room = width - 1 - edges - fixed - (10 if "published" in shown else 0)
        sizes = {k: max(len(k), _share(cells[k], room * _SHARES[k] // 11)) for k in shown if k in cells}
        claim = room - sum(sizes.values())
        if claim >= 16 or not optional:
            sizes.update(claim=max(claim, 8), **({"published": 10} if "published" in shown else {}))
            return sizes
        optional.pop(0)


def _share(cells: list[str], share: int) -> int:
    longest_cell = max((len(c) for c in cells), default=1)
    return max(_longest_word(cells, cap=24), min(longest_cell, share), 1)


def _longest_word(cells: Iterable[str | None], *, cap: int = 16) -> int:
    """The width a column needs so that no word of ``cells`` is cut (at most ``cap``)."""
    return min(cap, max((len(w) for c in cells if c for w in c.split()), default=1))


def pair_row(pair: dict) -> dict:
    """A conflict pair as one flat row (csv/tsv): both sides, side by side."""
    row = {"kind": pair["kind"]}
    for side in ("claim", "other"):
        c = pair[side]
        row.update({f"{side}_{k}": c.get(k) for k in ("id", "status", "surface", "value", "unit", "text", "outlet",
                                                      "url", "published")})
    return row


class ClaimSort(str, Enum):
    rank = "rank"
    worthiness = "worthiness"
    oldest = "oldest"
    newest = "newest"
    published = "published"


@app.command("claims")
def claims_command(
    ctx: typer.Context,
    status: Optional[List[str]] = typer.Option(None, "--status", "-s", help="Only this status (repeatable)."),
    search: Optional[str] = typer.Option(None, "--search", "-q", help="Only claims whose text or speaker holds every word."),
    doc: Optional[int] = typer.Option(None, "--doc", help="Only the claims of this document."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only claims by speakers whose name contains this."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only claims from outlets whose name contains this."),
    since: Optional[str] = typer.Option(None, "--since", help="Published on or after (e.g. 2021-04-01, 'last week')."),
    until: Optional[str] = typer.Option(None, "--until", help="Published before."),
    sort: Optional[ClaimSort] = typer.Option(
        None, "--sort", help="rank (best match; the default with --search), worthiness, oldest (the default), newest"
        " or published."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="How many claims to list."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many first."),
    fmt: OutputFormat = format_option(),
    as_json: bool = json_option(),
    no_truncate: bool = no_truncate_option(),
) -> None:
    """List claims of any status: search them, filter them, sort them."""
    from ledger.storage.db import session_scope
    from ledger.workflow.review import list_claims

    order = (sort.value if sort else "rank" if search else "oldest")
    if order == "rank" and not search:
        raise typer.BadParameter("--sort rank needs --search", param_hint="--sort")
    where = _claim_filter(status=status, search=search, doc=doc, speaker=speaker, outlet=outlet, since=since,
                          until=until)
    with reported(), session_scope(_state(ctx).engine) as session:
        views = list_claims(session, where=where, limit=limit, offset=offset, order=order)
    show_claims(views, chosen(fmt, as_json), no_truncate=no_truncate, empty="No claims match.", with_status=True)


def check_statuses(status: Iterable[str] | None) -> tuple[str, ...]:
    from ledger.storage.models import Status

    valid = {s.value for s in Status}
    for s in status or ():
        if s not in valid:
            raise typer.BadParameter(f"{s!r} is not one of {', '.join(sorted(valid))}", param_hint="--status")
    return tuple(status or ())


def _claim_filter(*, status, search, doc, speaker, outlet, since, until):
    return _filter(status=check_statuses(status), speaker=speaker, outlet=outlet, since=since, until=until,
                   document_id=doc, search=search)
