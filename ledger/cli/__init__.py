"""The `ledger` command line: parses arguments, calls the core, formats output.

This package is the only place that prints: the shared helpers and most commands live
here, and groups of commands in their own modules (``listing``: claims and the output
options listings share; ``correct``: undo, doc edit/rm/history, reextract). Core errors (``ledger.errors.LedgerError``) become
one line on stderr and the exit code documented in ``ledger.errors.ExitCode``.
"""
from __future__ import annotations

import codecs
import getpass
import io
import json
import os
import sys
from contextlib import contextmanager
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Iterator, List, Optional

import typer
import typer.core

from ledger.errors import ExitCode, LedgerError
from ledger.inert import visible

def _help_where(db: str | None) -> str:
    """The ledger line of the root --help: the one a command would use, never created."""
    from ledger.errors import DatabaseError
    from ledger.storage.db import describe, resolve_url
    from ledger.storage.location import new_ledger_path, search_from

    try:
        return f"Ledger: {describe(resolve_url(db, create=False))}"
    except DatabaseError:  # none found
        return f"Ledger: none found yet; 'ledger add FILE' starts {new_ledger_path(search_from())}"
    except LedgerError as exc:  # a --db or $LEDGER_DB that cannot be used
        return f"Ledger: {exc}"


class _LedgerGroup(typer.core.TyperGroup):
    def format_epilog(self, ctx, formatter) -> None:
        super().format_epilog(ctx, formatter)
        formatter.write_paragraph()
        formatter.write(visible(_help_where(ctx.params.get("db"))) + "\n")  # unwrapped: a path stays whole


app = typer.Typer(
    cls=_LedgerGroup,
    help="Pull checkable claims out of news articles into a ledger that fact-checkers review and export.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


# The commands that start a ledger when none is found; every other command only finds one.
CREATES_LEDGER = frozenset({"add", "mark", "review"})

# Help shows the plain metavars a shell user knows (TEXT, INTEGER, PATHS...), not typer's
# Python-type labels (<str>, <list[str]>, <int range>).
_PLAIN_TYPES = {"str": "TEXT", "int": "INTEGER", "float": "FLOAT", "bool": "BOOLEAN", "path": "PATH",
                "file": "FILE", "dir": "DIRECTORY", "datetime": "DATETIME", "int range": "INTEGER RANGE",
                "float range": "FLOAT RANGE"}


def _plain_metavar(typer_label: str) -> str:
    label = typer_label.strip("<>")
    if label.startswith("list[") and label.endswith("]"):
        label = label[5:-1]
    if "|" in label:
        return f"[{label}]"
    return _PLAIN_TYPES.get(label, label.upper())


def _use_plain_metavars() -> None:
    from typer import core

    typer_display_type = core._TyperParameter.display_type
    if getattr(typer_display_type, "_ledger_plain", False):
        return

    def display_type(self, ctx):
        return _plain_metavar(typer_display_type(self, ctx))

    display_type._ledger_plain = True
    core._TyperParameter.display_type = display_type
    core.TyperArgument.display_type_rich = lambda self, ctx: None  # the name says it: PATHS...
    core.TyperArgument.display_name_raw = property(lambda self: self.metavar or (self.name or "").upper())


_use_plain_metavars()


class State:
    def __init__(self, db: str | None, *, create: bool = False):
        self.db = db
        self.create = create  # may this command start a new ledger?
        self._engine = None

    @property
    def engine(self):
        if self._engine is None:
            from ledger.storage.db import open_ledger

            self._engine = open_ledger(self.db, create=self.create)
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    @property
    def where(self) -> str:
        """The database in use: an absolute path, or the URL with its password masked."""
        from ledger.storage.db import describe, resolve_url

        return describe(resolve_url(self.db, create=self.create))


def _state(ctx: typer.Context) -> State:
    return ctx.ensure_object(State) if ctx.obj is None else ctx.obj


def err(message: str) -> None:
    """One line on stderr; control characters from file names or documents are escaped."""
    typer.echo(_ascii(visible(message)), err=True)


@contextmanager
def reported() -> Iterator[None]:
    """Turn core errors into one clean line and their exit code.

    A driver error that reached here (``sqlalchemy.exc.DatabaseError``: e.g. a damaged
    file found mid-query) is a database error too, named after the command's database."""
    try:
        yield
    except LedgerError as exc:
        err(f"Error: {exc}")
        raise typer.Exit(int(exc.exit_code)) from None
    except Exception as exc:
        driver = sys.modules.get("sqlalchemy.exc")  # loaded by then if the database was used at all
        if driver is None or not isinstance(exc, driver.DatabaseError):
            raise
        from ledger.storage.db import describe_error

        err(f"Error: {describe_error(_where(), exc)}")
        raise typer.Exit(int(ExitCode.DATABASE)) from None


def _where() -> str:
    """The current command's database, for messages (never its password)."""
    import click

    ctx = click.get_current_context(silent=True)
    state = ctx.find_object(State) if ctx is not None else None
    try:
        return state.where if state is not None else "the database"
    except LedgerError:
        return "the database"


def parse_when(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    from ledger.extract.metadata import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise typer.BadParameter(f"{value!r} is not a date", param_hint=option)
    return parsed


# ------------------------------------------------------------------ terminals that are not UTF-8

_ASCII = False  # set by main() when the terminal cannot show UTF-8 (LC_ALL=C, a latin-1 stdout)


def _escape_unencodable(exc: UnicodeError):
    """The ``ledger-escape`` error handler: a character the terminal cannot show becomes
    ``\\uXXXX`` (a surrogate pair above U+FFFF), so a fact-checker still sees that it is
    there, and JSON written this way is still valid JSON with the same value."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start:exc.end]:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), exc.end


codecs.register_error("ledger-escape", _escape_unencodable)


def _ascii(text: str) -> str:
    return text.encode("ascii", "ledger-escape").decode("ascii") if _ASCII else text


class _AsciiEncoder(codecs.IncrementalEncoder):
    def encode(self, text, final=False):
        return text.encode("ascii", "ledger-escape")


def _ledger_ascii(name: str):
    """An ASCII codec that escapes instead of failing. Its own name, not ``ascii``: click
    takes an ``ascii`` stdout for a misconfigured one and writes UTF-8 past it."""
    if name not in ("ledger-ascii", "ledger_ascii"):
        return None
    return codecs.CodecInfo(
        name="ledger-ascii",
        encode=lambda text, errors="strict": (text.encode("ascii", "ledger-escape"), len(text)),
        decode=lambda data, errors="strict": (bytes(data).decode("ascii", errors), len(data)),
        incrementalencoder=_AsciiEncoder,
        incrementaldecoder=codecs.getincrementaldecoder("ascii"),
    )


codecs.register(_ledger_ascii)


def _is_utf(encoding: str | None) -> bool:
    return (encoding or "").lower().replace("-", "").replace("_", "").startswith("utf")


def _c_locale() -> bool:
    """LC_ALL, LC_CTYPE or LANG (the first set) names the C/POSIX locale without UTF-8.
    Python runs in UTF-8 mode there, but the terminal behind it was told ASCII. An
    explicit PYTHONIOENCODING or PYTHONUTF8 wins."""
    if os.environ.get("PYTHONIOENCODING") or os.environ.get("PYTHONUTF8"):
        return False
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = os.environ.get(name)
        if value:
            return value.split(".")[0] in ("C", "POSIX") and "utf" not in value.lower().replace("-", "")
    return False


def _set_up_terminal() -> None:
    """On a terminal that is not UTF-8, stdout and stderr escape what they cannot encode
    (never a UnicodeEncodeError mid-output), rich draws ASCII boxes (it does for any
    non-UTF encoding) and :func:`_text` escapes data before rich measures it."""
    global _ASCII
    streams = [s for s in (sys.stdout, sys.stderr) if hasattr(s, "reconfigure")]
    out_encoding = getattr(sys.stdout, "encoding", None)
    if _is_utf(out_encoding) and not _c_locale():
        return
    _ASCII = True
    ascii_only = _c_locale() or codecs.lookup(out_encoding or "ascii").name == "ascii"
    for stream in streams:
        try:
            if ascii_only or not _is_utf(stream.encoding):
                stream.reconfigure(encoding="ledger-ascii" if ascii_only else stream.encoding, errors="ledger-escape")
        except (ValueError, OSError, LookupError):  # a stream already read from, or closed
            pass


def _console(stderr: bool = False):
    """A console that never interprets what it prints: no markup, no :emoji: codes, no
    highlighting. The second belt; the first is that data only ever reaches it as
    :func:`_text`."""
    from rich.console import Console

    return Console(stderr=stderr, markup=False, emoji=False, highlight=False, soft_wrap=True)


def _text(value: object, *, multiline: bool = False, style: str = ""):
    """The one way text from documents, names or the database is shown in a terminal.

    A rich ``Text`` (never a markup string), with control characters, escape sequences and
    bidi controls replaced by visible escapes (:func:`ledger.inert.visible`); one line
    unless ``multiline`` (a document's paragraphs). In a table cell a long escape folds
    onto the next line instead of hiding behind an ellipsis. The stored text is unchanged.
    """
    from rich.text import Text

    shown = _ascii(visible("" if value is None else str(value), multiline=multiline))
    return Text(shown, style=style, overflow="fold")


def _json(value) -> str:
    """``--json`` output: the exact stored text, with what a terminal would act on escaped
    the JSON way (``\\u009b``, ``\\u202e``); ``json.loads`` gives the same value back."""
    from ledger.inert import inert_json

    return inert_json(json.dumps(value, indent=2, ensure_ascii=False))


def _version(value: bool) -> None:
    if value:
        from ledger import __version__

        typer.echo(f"ledger, version {__version__}")
        raise typer.Exit()


@app.callback(epilog="Exit codes: 0 ok, 1 some inputs skipped, 2 usage error, 3 input error, 4 database error, 5 internal error.")
def _root(
    ctx: typer.Context,
    db: Optional[str] = typer.Option(
        None, "--db", envvar="LEDGER_DB", help="Database file or SQLAlchemy URL [default: the nearest db/ledger.db here or above]."
    ),
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Pull checkable claims out of news articles into a ledger that fact-checkers review and export."""
    ctx.obj = State(db, create=ctx.invoked_subcommand in CREATES_LEDGER)
    ctx.call_on_close(ctx.obj.close)  # close the database when the command ends, however it ends


# ------------------------------------------------------------------ extract


@app.command()
def extract(
    path: str = typer.Argument(..., help="An article file, or - for standard input."),
    jsonl: bool = typer.Option(False, "--jsonl", help="Speak the JSON-lines extraction contract (see README)."),
) -> None:
    """Print the claims of one document as JSON, without touching the database."""
    from ledger.extract.contract import ContractError, answer
    from ledger.inert import inert_json
    from ledger.workflow.ingest import problem, shown_name

    if jsonl:
        failed = False
        with reported():
            stream = sys.stdin if path == "-" else io.StringIO(_read_text(path))
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                out = answer(line, n)
            except ContractError as exc:
                err(f"Error: {exc}")
                failed = True
                continue
            except Exception as exc:  # noqa: BLE001 - one request must not end the stream
                err(f"Error: line {n}: could not extract claims ({problem(exc)})")
                failed = True
                continue
            if "error" in out:  # a page it could not read: said on stderr and in the answer
                err(f"Error: {out['error']}")
                failed = True
            sys.stdout.write(inert_json(json.dumps(out, ensure_ascii=False)) + "\n")
            sys.stdout.flush()
        raise typer.Exit(int(ExitCode.INPUT) if failed else 0)

    from ledger.workflow.ingest import Overrides, extract_article

    with reported():
        text = _read_text(path)
    try:
        doc, warnings = extract_article(shown_name(path), text, Overrides())
    except Exception as exc:  # noqa: BLE001 - a clear line, not a traceback
        err(f"Error: {shown_name(path)}: could not extract claims ({problem(exc)})")
        raise typer.Exit(int(ExitCode.INPUT)) from None
    for warning in warnings:
        err(f"Warning: {warning}")
    m = doc.meta
    typer.echo(
        _json(
            {
                "title": m.title,
                "url": m.url,
                "outlet": m.outlet,
                "published": _meta_published(m),
                "published_raw": m.published_raw,
                "published_precision": m.published_precision,
                "claims": [c.contract() for c in doc.claims],
            }
        )
    )


def _meta_published(m) -> str | None:
    """An extracted document's publication date in ISO 8601 as its source states it."""
    from ledger.extract.metadata import date_of
    from ledger.extract.when import as_stated, stated_offset

    if m.published is None:
        return None
    offset = stated_offset(m.published, date_of(m.published_raw) if m.published_raw else None)
    return as_stated(m.published, m.published_precision or "time", offset, iso=True)


def _read_text(path: str) -> str:
    """A document's text (``-``: standard input), read and decoded the way `add` reads it."""
    from ledger.errors import InputError
    from ledger.workflow.ingest import DEFAULT_MAX_BYTES, normalise, problem, read_input, shown_name

    name = shown_name(path)
    try:
        if path == "-":
            text, _ = read_input(path, None, stdin_data=_stdin_bytes(DEFAULT_MAX_BYTES), max_bytes=DEFAULT_MAX_BYTES)
        else:
            text, _ = read_input(name, Path(path), stdin_data=None, max_bytes=DEFAULT_MAX_BYTES)
    except LedgerError:
        raise
    except Exception as exc:  # noqa: BLE001 - a clear line, not a traceback
        raise InputError(f"{name}: could not read ({problem(exc)})") from None
    return normalise(text)


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


def _stdin_bytes(max_bytes: int) -> bytes:
    """At most ``max_bytes`` + 1 bytes of standard input (one more tells it is too long).
    On a terminal it says first that it waits for an article, and how to end one."""
    if _isatty(sys.stdin):
        err("Reading an article from standard input; end with Ctrl-D")
    stdin = getattr(sys.stdin, "buffer", None)
    if stdin is None:  # a text stream without bytes under it
        return sys.stdin.read(max_bytes + 1).encode("utf-8", "replace")
    return stdin.read(max_bytes + 1)


# ------------------------------------------------------------------ add


@app.command()
def add(
    ctx: typer.Context,
    paths: Optional[List[str]] = typer.Argument(
        None, help="Article files or folders (walked for .txt .md .html), http(s) URLs, or -."),
    claim: Optional[str] = typer.Option(None, "--claim", help="Add one claim typed by hand instead of articles."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Who made the hand-typed claim."),
    title: Optional[str] = typer.Option(None, "--title", help="Title (overrides what the article says)."),
    url: Optional[str] = typer.Option(None, "--url", help="Source URL."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Outlet that published it."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date, e.g. 2021-04-14."),
    max_bytes: int = typer.Option(10_000_000, "--max-bytes", min=1, help="Refuse files or pages larger than this."),
    jobs: int = typer.Option(
        1, "--jobs", "-j", min=1, help="Extract in this many worker processes (URLs: fetch in this many threads)."),
    follow_symlinks: bool = typer.Option(
        False, "--follow-symlinks", help="In folders, also follow links that lead outside the folder."
    ),
    feed: Optional[List[str]] = typer.Option(
        None, "--feed", help="An RSS or Atom feed (or a site page naming one): add its new articles. Repeatable."),
    since: Optional[str] = typer.Option(None, "--since", help="With --feed: only items dated on or after this."),
    timeout: float = typer.Option(20.0, "--timeout", min=0.1, help="Seconds to wait for each web page."),
    update: bool = typer.Option(False, "--update", help="A document already in the ledger gets the --title, --url,"
                                " --outlet or --published given (an audited correction, as `doc edit`)."),
    as_json: bool = typer.Option(False, "--json", help="With --claim: print the created claim object."),
    transcript: bool = typer.Option(
        False, "--transcript", help="Read the inputs as transcripts (SPEAKER: text turns), not articles."),
) -> None:
    """Add articles (or one hand-typed claim) to the ledger.

    A transcript (most lines led by a speaker label such as BIDEN: or [Moderator]) is read
    as one without --transcript; --transcript forces it (title-case labels, Q:/A:).

    Folders are walked for .txt, .md, .html and .htm files; hidden files and folders are
    left out, and so are links to outside the folder unless --follow-symlinks. URLs are
    fetched; a page fetched again is added again only if its article changed (a new
    version of its document)."""
    from ledger.workflow import ingest

    state = _state(ctx)
    when = parse_when(published, "--published")
    if claim is not None:
        if paths or feed:
            raise typer.BadParameter("give either --claim or article paths, not both", param_hint="--claim")
        with reported():
            outcome = ingest.add_claim_by_hand(
                state.engine, text=claim, speaker=speaker, url=url, published=when, published_raw=published
            )
        if outcome.status == "failed":
            err(f"Error: {outcome.message}")
            raise typer.Exit(int(ExitCode.INPUT))
        _added_by_hand(state.engine, outcome, as_json=as_json)
        return
    if as_json:
        raise typer.BadParameter("--json goes with --claim (articles: `ledger claims --doc ID --json`)",
                                 param_hint="--json")
    if speaker:
        raise typer.BadParameter("--speaker goes with --claim", param_hint="--speaker")
    if update and all(v is None for v in (title, url, outlet, published)):
        raise typer.BadParameter("--update needs the corrected --title, --url, --outlet or --published",
                                 param_hint="--update")
    if not paths and not feed:
        raise typer.BadParameter("name at least one file, folder or URL, or - for standard input", param_hint="PATHS")
    _check_urls(paths or [], feed or [])
    if since is not None and not feed:
        raise typer.BadParameter("--since goes with --feed", param_hint="--since")
    after = parse_when(since, "--since")

    overrides = ingest.Overrides(title=title, url=url, outlet=outlet, published=when, published_raw=published,
                                 transcript=transcript)
    walk = ingest.Walk(paths or [], follow_symlinks=follow_symlinks)
    inputs = list(walk)
    stdin_data = _stdin_bytes(max_bytes) if any(i.name == ingest.STDIN for i in inputs) else None
    with reported():
        engine = state.engine
    outcomes = []
    if feed:
        from ledger.workflow.feeds import feed_inputs

        for f in feed:
            try:
                inputs.extend(feed_inputs(engine, f, since=after, max_bytes=max_bytes, timeout=timeout))
            except LedgerError as exc:
                err(f"Error: {exc}")
                if exc.exit_code != ExitCode.INPUT:
                    raise typer.Exit(int(exc.exit_code)) from None
                outcomes.append(ingest.Outcome(f, "failed", str(exc)))

    say = err  # while a progress bar is drawn, lines go through its console so it redraws below them

    def report(o) -> None:
        outcomes.append(o)
        for w in o.warnings:
            say(f"Warning: {w}")
        if o.status == "failed":
            say(f"Error: {o.message}")
        elif o.status == "skipped":
            say(f"Warning: {o.source}: skipped ({o.message})")
        elif o.status == "duplicate":
            say(f"{o.source}: already in the ledger, nothing added")
        elif o.message:  # added, with something to say (a new version of a page)
            say(f"{o.source}: {o.message}")

    tally = ingest.Tally()
    results = ingest.add_inputs(
        engine, inputs, overrides=overrides, stdin_data=stdin_data, max_bytes=max_bytes, jobs=jobs, timeout=timeout,
        tally=tally,
    )
    try:
        if len(inputs) > 3 and sys.stdout.isatty():
            from rich.progress import Progress

            with Progress(console=_console(stderr=True), transient=True) as progress:
                say = lambda line: progress.console.print(visible(line), markup=False, highlight=False)  # noqa: E731
                task = progress.add_task("Adding", total=len(inputs))
                for o in results:
                    report(o)
                    progress.advance(task)
        else:
            for o in results:
                report(o)
    except LedgerError as exc:
        err(f"Error: {exc}")
        raise typer.Exit(int(exc.exit_code)) from None
    except KeyboardInterrupt:  # what was stored is whole (each batch commits whole); the rest is not
        stored = tally.added  # (a batch stored while its outcomes were still being reported counts too)
        err(f"Interrupted: stored {stored} of {_n(len(inputs), 'document')};"
            f" run the same command again to add the rest")
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None

    if update:
        _update_duplicates(engine, outcomes, title=title, url=url, outlet=outlet, published=published,
                           reviewer=reviewer_default())
    count = {k: sum(1 for o in outcomes if o.status == k) for k in ("added", "duplicate", "skipped", "failed")}
    claims = sum(o.claims for o in outcomes)
    typer.echo(
        f"Added {_n(count['added'], 'document')} with {_n(claims, 'claim')}"
        f" ({count['duplicate']} already in the ledger, {count['skipped']} skipped, {count['failed']} failed,"
        f" {walk.ignored} ignored)."
    )
    if count["failed"]:
        raise typer.Exit(int(ExitCode.INPUT))
    if count["skipped"]:
        raise typer.Exit(int(ExitCode.SKIPPED))


def _update_duplicates(engine, outcomes, *, title, url, outlet, published, reviewer: str) -> None:
    """``add --update``: correct the documents found already in the ledger."""
    from ledger.workflow.corrections import correct_duplicate, document_changes

    with reported():
        changes = document_changes(title=title, url=url, outlet=outlet, published=published)
        for o in outcomes:
            if o.status != "duplicate" or not o.digest:
                continue
            edited = correct_duplicate(engine, digest=o.digest, changes=changes, actor=reviewer)
            if edited is not None:
                fields = ", ".join("published" if k == "published_raw" else k
                                   for k in ("title", "url", "outlet", "published_raw") if k in edited.after)
                err(visible(f"{o.source}: corrected document {edited.document_id}'s {fields}"
                            f" (correction {edited.correction_id})"))


def reviewer_default() -> str:
    return _reviewer(None)


def _added_by_hand(engine, outcome, *, as_json: bool) -> None:
    """The claim typed by hand: its id (and with --json the claim object)."""
    from ledger.workflow.review import views_of_document

    if outcome.status == "duplicate":
        typer.echo("That claim is already in the ledger; nothing added.")
        return
    with reported():
        views = views_of_document(engine, document_id=outcome.document_id)
    if as_json:
        views[0].priors = _priors(engine, views[0].id)
        typer.echo(_json(views[0].to_json(with_reviews=True)))  # one claim: the object `show --json` gives
        return
    ids = ", ".join(str(v.claim.id) for v in views)
    typer.echo(f"Added claim {ids} by hand (document {outcome.document_id}).")


def _check_urls(paths: list[str], feeds: list[str]) -> None:
    """Usage error (exit 2) for a URL argument that is not a plain http(s) link."""
    from ledger.urls import url_problem
    from ledger.workflow.ingest import looks_like_url

    for value, hint in [*((p, "PATHS") for p in paths if looks_like_url(p)), *((f, "--feed") for f in feeds)]:
        said = url_problem(value)
        if said:
            raise typer.BadParameter(f"{visible(value)}: the URL {said}", param_hint=hint)


def _n(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# ------------------------------------------------------------------ queue / show


def _filter(status=(), speaker=None, outlet=None, since=None, until=None, document_id=None, search=None):
    from ledger.storage.repo import ClaimFilter

    return ClaimFilter(
        status=tuple(status),
        speaker=speaker,
        outlet=outlet,
        since=parse_when(since, "--since"),
        until=parse_when(until, "--until"),
        document_id=document_id,
        search=search,
    )


def _highlighted(view, *, start: int, end: int):
    """Text of ``document[start:end]`` (paragraphs kept) with the quantity and speaker
    mention styled.

    Escaping makes the shown text longer than the stored one, so the document is cut at
    the styled spans' edges, each piece escaped on its own, and the styles put on the
    shown positions of those edges.
    """
    from rich.text import Text

    c, doc = view.claim, view.document.text
    spans = []
    if c.q_start is not None and start <= c.q_start and c.q_end <= end:
        spans.append((c.q_start, c.q_end, "bold yellow"))
    if c.speaker_start is not None and start <= c.speaker_start and c.speaker_end <= end and c.speaker_end > c.speaker_start:
        spans.append((c.speaker_start, c.speaker_end, "bold cyan"))
    cuts = sorted({start, end, *(edge for a, b, _ in spans for edge in (a, b))})
    text = Text(overflow="fold")
    shown_at = {start: 0}  # stored offset -> offset in the shown text
    for a, b in zip(cuts, cuts[1:]):
        text.append_text(_text(doc[a:b], multiline=True))
        shown_at[b] = len(text)
    for a, b, style in spans:
        text.stylize(style, shown_at[a], shown_at[b])
    return text


def _snippet(view, width: int = 110):
    """The claim text cut to about ``width`` characters around its quantity or speaker."""
    from rich.text import Text

    c = view.claim
    start, end = c.start, c.end
    if end - start <= width:
        return _highlighted(view, start=start, end=end)
    focus = c.q_start if c.q_start is not None else (c.speaker_start if c.speaker_start is not None else start)
    lo = max(start, focus - width // 3)
    hi = min(end, lo + width)
    lo = max(start, hi - width)
    text = view.document.text
    while lo > start and not text[lo - 1].isspace():  # do not cut words
        lo += 1
    while hi < end and not text[hi].isspace():
        hi -= 1
    out = Text("… " if lo > start else "", overflow="fold")
    out.append_text(_highlighted(view, start=lo, end=hi))
    if hi < end:
        out.append(" …")
    return out


def _date(document, *, full: bool = False) -> str:
    """A document's publication date as the source stated it: the day it states (a US
    evening story stays on its day), ``2024-06`` or ``2024`` for a date known only to the
    month or year; ``full``: with the time and offset stated (``2024-06-04 19:30 -05:00``),
    and a date that could not be read whole (a wire dateline's ``March 3``) as printed.
    A date stored before precision was kept: the UTC day, as it was always shown."""
    from ledger.extract.when import as_stated

    if full and document.published is None and document.published_raw:  # "March 3": a date with no year
        return f"dated {document.published_raw!r}, not a full date"
    precision = document.published_precision
    if not full and precision == "time":
        precision = "day"
    return as_stated(document.published, precision, document.published_offset)


class OutputFormat(str, Enum):
    """The output formats every listing command takes (``ledger.cli.listing``)."""
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


class QueueOrder(str, Enum):
    worthiness = "worthiness"
    oldest = "oldest"


@app.command()
def queue(
    ctx: typer.Context,
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="How many claims to list."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only claims by speakers whose name contains this."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only claims from outlets whose name contains this."),
    since: Optional[str] = typer.Option(None, "--since", help="Published on or after (e.g. 2021-04-01, 'last week')."),
    until: Optional[str] = typer.Option(None, "--until", help="Published before."),
    sort: QueueOrder = typer.Option(QueueOrder.worthiness, "--sort", help="worthiness (check-worthiness score) or oldest."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table, json, jsonl, csv or tsv."),
    as_json: bool = typer.Option(False, "--json", help="The same as --format json."),
    no_truncate: bool = typer.Option(False, "--no-truncate", help="Show every claim in full in a table."),
) -> None:
    """List pending claims, most check-worthy first; a claim in several documents once, with its count."""
    from ledger.storage.db import session_scope
    from ledger.workflow.review import queue as pending

    where = _filter(speaker=speaker, outlet=outlet, since=since, until=until)
    with reported(), session_scope(_state(ctx).engine) as session:
        views = pending(session, where=where, limit=limit, order=sort.value)
    listing.show_claims(views, listing.chosen(fmt, as_json), no_truncate=no_truncate,
                        empty="No pending claims.", with_status=False)


def _worthiness_line(view) -> str:
    """The claim's check-worthiness and the features that made it, largest first."""
    parts = [f"{name} {value:+.2f}" for name, value in view.worthiness_reasons()]
    return f"worthiness {view.claim.worthiness:.2f}: " + ", ".join(parts)


def _show_view(view, console) -> None:
    """One claim for a person. Every line is :func:`_text` or :func:`_highlighted`."""
    c, d = view.claim, view.document
    console.print(_text(f"Claim {c.id}  [{c.status}]", style="bold"))
    byline = f"by {d.author}" if d.author else None
    source = " · ".join(x for x in (d.title, d.outlet, byline, _date(d, full=True), d.url) if x)
    console.print(_text(source or ("entered by hand" if d.by_hand else "untitled document"), style="dim"))
    from ledger.workflow.views import source_line

    if view.source is not None:
        console.print(_text(f"document {d.id} · {source_line(view.source)}", style="dim"))
    if c.superseded_at is not None:
        console.print(_text(f"superseded {_local_time(c.superseded_at)}: today's extractor no longer finds this claim"
                            f" (`ledger reextract`)", style="bold"))
    if d.removed_at is not None:
        console.print(_text(f"document removed {_local_time(d.removed_at)} (`ledger doc history {d.id}`)",
                            style="bold"))
    for flag in view.flags:
        console.print(_text(f"⚠ {flag}", style="bold red"))
    console.print()
    start = max(0, d.text.rfind("\n\n", 0, c.sentence_start) + 2) if "\n\n" in d.text[: c.sentence_start] else 0
    end = d.text.find("\n\n", c.sentence_end)
    end = len(d.text) if end < 0 else end
    end = start + len(d.text[start:end].rstrip())  # the last paragraph's line end is not a blank line
    if end - start > 1200:
        start, end = c.sentence_start, c.sentence_end
    console.print(_highlighted(view, start=start, end=end))
    console.print()
    if c.q_value is not None:
        value = f"{c.q_value:g}" + (f"–{c.q_value_max:g}" if c.q_value_max is not None else "") + (
            f"±{c.q_uncertainty:g}" if c.q_uncertainty is not None else "")
        parts = [f"quantity: {c.q_surface}", f"value {value}", f"unit {c.q_unit or '-'}", f"change {c.q_change or '='}"]
        if c.q_concept:
            parts.append(f"concept: {c.q_concept}")
        console.print(_text("  ".join(parts)))
    if view.speaker:
        role = f" ({view.speaker.role})" if view.speaker.role else ""
        console.print(_text(f"speaker: {view.speaker.name}{role}  cue: {c.cue or '-'}"))
    if view.claim.date_mentioned:
        console.print(_text(f"date mentioned: {view.claim.date_mentioned}"))
    console.print(_text(_worthiness_line(view)))
    if len(view.others) > 1:
        console.print()
        console.print(_text(f"Appears in {len(view.others)} documents:", style="bold"))
        for oc, od in view.others:
            where = " · ".join(x for x in (od.outlet, _date(od), od.title, od.url) if x) or "untitled"
            console.print(_text(f"  claim {oc.id} [{oc.status}] {oc.q_surface or ''} — {where}"))
    for link in view.conflicts + view.updates:
        other_id = view.linked_id(link)
        label = "⚠ Conflicts with" if link.kind == "conflict" else "Same series (a later or earlier figure):"
        detail = ""
        if other_id in view.linked:
            oc, od = view.linked[other_id]
            detail = " — " + ", ".join(x for x in (oc.q_surface, od.outlet, _date(od)) if x)
        console.print(_text(f"{label} claim {other_id}{detail} (ledger show {other_id})",
                            style="bold red" if link.kind == "conflict" else "yellow"))
    from ledger.cli.prior import matches_lines

    matches_lines(console, view.priors)
    if view.reviews:
        console.print()
        console.print(_text("Reviews:", style="bold"))
        for r in view.reviews:
            line = f"  #{r.id} {_local_time(r.created_at)} {r.reviewer}: {r.previous_status} → {r.verdict}"
            if r.note:
                line += f" — {r.note}"
            if r.evidence_url:
                line += f" <{r.evidence_url}>"
            console.print(_text(line))
    else:
        console.print(_text("No reviews yet.", style="dim"))


def _local_time(instant) -> str:
    """A stored UTC time as people read it: in this machine's zone ($TZ), with the zone."""
    return instant.astimezone().strftime("%Y-%m-%d %H:%M %Z")


MAX_ID = 2**63 - 1  # the largest id SQLite can store; a larger one is a usage error (exit 2)


def _check_id(engine, claim_id: int) -> None:
    """An id beyond what the database's id column holds (PostgreSQL: 4 bytes) names no claim."""
    from ledger.errors import ClaimNotFound
    from ledger.storage.db import id_fits

    if not id_fits(engine, claim_id):
        raise ClaimNotFound(claim_id)


@app.command()
def show(
    ctx: typer.Context,
    claim_id: int = typer.Argument(..., metavar="ID", max=MAX_ID, help="Claim id."),
    as_json: bool = typer.Option(False, "--json", help="The claim object with its full review history."),
) -> None:
    """Show one claim in context with its full review history and the earlier verdicts it
    likely repeats (`ledger matches ID` lists more)."""
    from ledger.storage.db import session_scope
    from ledger.workflow.prior import matches_of
    from ledger.workflow.review import claim_view

    with reported():
        engine = _state(ctx).engine
        _check_id(engine, claim_id)
        with session_scope(engine) as session:
            view = claim_view(session, claim_id=claim_id)
            view.priors = matches_of(session, claim_id=claim_id, limit=3)
    if as_json:
        typer.echo(_json(view.to_json(with_reviews=True)))
        return
    _show_view(view, _console())


# ------------------------------------------------------------------ source


@app.command()
def source(
    ctx: typer.Context,
    document_id: int = typer.Argument(
        ..., metavar="DOC_ID", max=MAX_ID, help="Document id (`show` prints it on the source line)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the raw source to this file."),
) -> None:
    """Give back a document's source exactly as it was read or fetched (its SHA-256 checked)."""
    from ledger.workflow.sources import raw_source

    if output is None and sys.stdout.isatty():
        err("Error: the source is raw bytes; write it to a file with -o FILE (or pipe the output)")
        raise typer.Exit(int(ExitCode.USAGE))
    with reported():
        engine = _state(ctx).engine
        _check_id(engine, document_id)
        data = raw_source(engine, document_id=document_id)
        if output is None:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        _write_bytes(output, data)
    err(f"Wrote {len(data):,} bytes to {visible(str(output))}.")


def _write_bytes(path: Path, data: bytes) -> None:
    from ledger.errors import InputError

    try:
        path.write_bytes(data)
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None


# ------------------------------------------------------------------ verdicts


class Verdict(str, Enum):
    verified = "verified"
    disputed = "disputed"
    unverified = "unverified"
    pending = "pending"  # reopen: back to the queue, recorded as a review like a verdict


def _reviewer(value: str | None) -> str:
    if value:
        return value
    if os.environ.get("LEDGER_REVIEWER"):
        return os.environ["LEDGER_REVIEWER"]
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


@app.command()
def mark(
    ctx: typer.Context,
    claim_ids: List[int] = typer.Argument(..., metavar="ID...", max=MAX_ID, help="Claim ids."),
    status: Verdict = typer.Option(..., "--status", "-s", help="The verdict (pending: reopen the claim)."),
    note: Optional[str] = typer.Option(None, "--note", help="Why."),
    evidence: Optional[str] = typer.Option(None, "--evidence", help="URL of the evidence (http:// or https://)."),
    evidence_file: Optional[Path] = typer.Option(
        None, "--evidence-file", help="A local file as evidence: its name and SHA-256 are added to the note."
    ),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Who [default: $LEDGER_REVIEWER or your user]."),
    all_appearances: bool = typer.Option(
        False, "--all-appearances", help="Also record it on every other appearance of the claim (a review row each)."
    ),
) -> None:
    """Record a verdict on claims without prompts; --status pending reopens them."""
    from ledger.urls import url_problem
    from ledger.workflow.evidence import hash_file, note_with_file
    from ledger.workflow.review import appearance_ids, verdict

    if evidence and url_problem(evidence):
        raise typer.BadParameter(f"the evidence URL {url_problem(evidence)}", param_hint="--evidence")
    who = _reviewer(reviewer)
    failed = False
    with reported():
        if evidence_file is not None:
            note = note_with_file(note, hash_file(evidence_file))
        engine = _state(ctx).engine
    targets: list[int] = []
    for cid in claim_ids:
        try:
            _check_id(engine, cid)
        except LedgerError as exc:
            err(f"Error: {exc}")
            failed = True
            continue
        if all_appearances:
            try:
                targets.extend(i for i in appearance_ids(engine, claim_id=cid) if i not in targets)
            except LedgerError as exc:
                err(f"Error: {exc}")
                failed = True
        elif cid not in targets:
            targets.append(cid)
    for cid in targets:
        try:
            result = verdict(engine, claim_id=cid, verdict=status.value, reviewer=who, note=note, evidence_url=evidence)
        except LedgerError as exc:
            err(f"Error: {exc}")
            if exc.exit_code != ExitCode.INPUT:
                raise typer.Exit(int(exc.exit_code)) from None
            failed = True
            continue
        typer.echo(f"Claim {cid}: {status.value} (was {visible(result.status_when_recorded)})")
    if failed:
        raise typer.Exit(int(ExitCode.INPUT))


_KEYS = {"v": "verified", "d": "disputed", "u": "unverified", "s": "skip", "q": "quit"}


def _ask_action() -> str:
    """One of verified/disputed/unverified/skip/quit; end of input means quit."""
    while True:
        try:
            answer = typer.prompt("[v]erified [d]isputed [u]nverified [s]kip [q]uit").strip().lower()
        except typer.Abort:
            return "quit"
        action = _KEYS.get(answer, answer)
        if action in _KEYS.values():
            return action
        err("Please answer v, d, u, s or q.")


def _ask_evidence() -> str:
    """An http(s) evidence URL, or "" for none; asked again until it is one or the other."""
    from ledger.urls import url_problem

    while True:
        answer = typer.prompt("Evidence URL (optional)", default="", show_default=False)
        if not answer.strip():
            return ""
        problem = url_problem(answer)
        if problem is None:
            return answer
        err(f"That evidence URL {problem}. Give an http:// or https:// link, or press Enter for none.")


class _CtrlC:
    pressed = False


@contextmanager
def _ctrl_c_noticed() -> Iterator[_CtrlC]:
    """Tells Ctrl-C apart from end of input at a prompt (click makes both ``Abort``)."""
    import signal

    seen = _CtrlC()

    def on_sigint(signum, frame):
        seen.pressed = True
        raise KeyboardInterrupt

    try:
        before = signal.signal(signal.SIGINT, on_sigint)
    except ValueError:  # not the main thread: no handler, Abort stays what click makes it
        yield seen
        return
    try:
        yield seen
    finally:
        signal.signal(signal.SIGINT, before)


@app.command()
def review(
    ctx: typer.Context,
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Who [default: $LEDGER_REVIEWER or your user]."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only claims by speakers whose name contains this."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only claims from this outlet."),
    lease: float = typer.Option(15.0, "--lease", min=0.1, help="Minutes a shown claim stays yours."),
) -> None:
    """Work through the pending queue one claim at a time.

    The claim shown is leased to you (--lease minutes, default 15) so that other reviewers
    are shown other claims; the lease ends with your verdict, a skip or quit, and lapses
    if you walk away.
    """
    from ledger.workflow.review import new_holder, release, take_next, verdict

    who = _reviewer(reviewer)
    holder = new_holder()  # this run's leases are its own, even beside another terminal of the same reviewer
    console = _console()
    where = _filter(speaker=speaker, outlet=outlet)
    skipped: list[int] = []
    done = 0
    with reported():
        engine = _state(ctx).engine
        while True:
            view = take_next(engine, reviewer=who, holder=holder, where=where, skip=tuple(skipped), minutes=lease)
            if view is None:
                typer.echo("The queue is empty." if not done and not skipped else "No more pending claims.")
                break
            try:
                view.priors = _priors(engine, view.id)
                console.rule()
                _show_view(view, console)
                action = _ask_action()
                if action in ("quit", "skip"):
                    release(engine, claim_id=view.id, holder=holder)
                    if action == "quit":
                        break
                    skipped.append(view.id)
                    continue
                with _ctrl_c_noticed() as ctrl_c:
                    try:
                        note = typer.prompt("Note (optional)", default="", show_default=False)
                        evidence = _ask_evidence()
                    except typer.Abort:
                        if not ctrl_c.pressed:
                            raise
                        err(f"Interrupted: claim {view.id} not recorded (reviewed {_n(done, 'claim')} before it)")
                        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
            except BaseException:  # Ctrl-C or a closed terminal: give the claim back
                release(engine, claim_id=view.id, holder=holder)
                raise
            result = verdict(
                engine, claim_id=view.id, verdict=action, reviewer=who, note=note, evidence_url=evidence,
                status_seen=view.claim.status,
            )
            if result.changed_since_shown:
                err(
                    f"Note: claim {view.id} changed to {result.status_when_recorded} while you were reviewing it;"
                    f" your verdict was still recorded."
                )
            typer.echo(f"Claim {view.id}: {action}.")
            done += 1
    typer.echo(f"Reviewed {_n(done, 'claim')}, skipped {len(skipped)}.")


def _priors(engine, claim_id: int) -> list:
    from ledger.storage.db import session_scope
    from ledger.workflow.prior import matches_of

    with session_scope(engine) as session:
        return matches_of(session, claim_id=claim_id, limit=3)


# ------------------------------------------------------------------ export / stats


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"
    claimreview = "claimreview"


@app.command()
def export(
    ctx: typer.Context,
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write to this file [default: stdout]."),
    status: Optional[List[str]] = typer.Option(None, "--status", help="Only claims with this status (repeatable)."),
    since: Optional[str] = typer.Option(None, "--since", help="Published on or after."),
    until: Optional[str] = typer.Option(None, "--until", help="Published before."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only claims by speakers whose name contains this."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only claims from outlets whose name contains this."),
    doc: Optional[int] = typer.Option(None, "--doc", help="Only the claims of this document."),
    search: Optional[str] = typer.Option(None, "--search", "-q", help="Only claims whose text or speaker holds every word."),
    fmt: ExportFormat = typer.Option(ExportFormat.csv, "--format", "-f", help="csv, json or claimreview."),
    excel: bool = typer.Option(False, "--excel", help="Start with a UTF-8 byte-order mark so Excel reads names right."),
    publisher: Optional[str] = typer.Option(None, "--publisher", help="claimreview: the organisation publishing the reviews."),
    review_url: Optional[str] = typer.Option(
        None, "--review-url-template", help="claimreview: each review's URL, with {id} for the claim id."
    ),
) -> None:
    """Export the audit report: every claim with quantity, speaker, source and latest verdict.

    A CSV report written with -o gets a sidecar REPORT.audit.json beside it (the audit
    chain head it was made against, its row count and SHA-256), for `ledger audit verify
    --report REPORT`. On stdout there is no sidecar: keep `ledger audit head` instead."""
    from ledger import export as report
    from ledger.storage.models import Status
    from ledger.workflow.review import iter_claims

    valid = {s.value for s in Status}
    for s in status or ():
        if s not in valid:
            raise typer.BadParameter(f"{s!r} is not one of {', '.join(sorted(valid))}", param_hint="--status")
    narrow = {"document_id": doc, "search": search}
    where = _filter(status=status or (), speaker=speaker, outlet=outlet, since=since, until=until, **narrow)
    if fmt is ExportFormat.claimreview:
        if not publisher:
            raise typer.BadParameter("--format claimreview needs --publisher", param_hint="--publisher")
        from ledger.claimreview import template_problem

        problem = template_problem(review_url or "")
        if problem:
            raise typer.BadParameter(problem, param_hint="--review-url-template")
        if not status:  # only reviewed claims can be published: do not load every pending one
            where = _filter(status=("verified", "disputed", "unverified"), speaker=speaker, outlet=outlet,
                            since=since, until=until, **narrow)
    with reported():
        engine = _state(ctx).engine
        if fmt is ExportFormat.claimreview:
            from ledger.claimreview import write_claimreview
            from ledger.workflow.review import iter_claim_views

            stream = open(output, "w", encoding="utf-8") if output else sys.stdout
            try:
                written, skipped, left_out = write_claimreview(
                    iter_claim_views(engine, where=where), stream, publisher=publisher, url_template=review_url
                )
            finally:
                if output:
                    stream.close()
            unsafe = f"; left out {_n(left_out, 'source URL')} that {'was' if left_out == 1 else 'were'} not http(s)" \
                if left_out else ""
            err(f"Wrote {_n(written, 'claim review')}; skipped {skipped} reviewed "
                f"claim{'s' if skipped != 1 else ''} lacking a speaker or a source URL{unsafe}.")
            return
        head = report.chain_head(engine) if fmt is ExportFormat.csv and output is not None else None
        if fmt is ExportFormat.csv:
            views, writer = report.report(engine, where=where), report.write_csv
        else:
            writer, views = report.write_json, iter_claims(engine, where=where)
        if output is None:
            if excel:
                sys.stdout.write("\ufeff")
            writer(views, sys.stdout)
            return
        tmp = None
        try:  # into a file of its own beside the report, which replaces the report only when complete
            tmp, fh = _part_file(output, encoding="utf-8-sig" if excel else "utf-8")
            with fh:
                n = writer(views, fh)
            os.replace(tmp, output)
            tmp = None
            if head is not None:
                report.write_sidecar(output, head=head, rows=n)
        except OSError as exc:
            err(f"Error: {output}: cannot write ({exc.strerror or exc})")
            raise typer.Exit(int(ExitCode.INPUT)) from None
        finally:  # any failure, Ctrl-C included: no .part left, the previous report untouched
            if tmp is not None:
                tmp.unlink(missing_ok=True)
    err(f"Wrote {_n(n, 'claim')} to {output}.")


def _part_file(output: Path, *, encoding: str):
    """A new file ``OUTPUT.<random>.part`` beside ``output`` (unique, so two exports to the
    same name do not write into one file), with the permissions the report has or would
    get; its path and its open text stream."""
    import tempfile

    fd, name = tempfile.mkstemp(dir=output.parent, prefix=output.name + ".", suffix=".part")
    try:
        try:
            mode = output.stat().st_mode & 0o7777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        try:
            os.fchmod(fd, mode)
        except OSError:  # a file system without Unix permissions
            pass
        return Path(name), open(fd, "w", encoding=encoding, newline="")
    except BaseException:
        os.close(fd)
        Path(name).unlink(missing_ok=True)
        raise


class SpeakerSort(str, Enum):
    total = "total"
    disputed = "disputed"
    disputed_rate = "disputed-rate"
    name = "name"


speakers_app = typer.Typer(invoke_without_command=True,
                           help="Per speaker: claims by status, and how often their figures were disputed.")
app.add_typer(speakers_app, name="speakers")


@speakers_app.callback()
def speakers(
    ctx: typer.Context,
    sort: SpeakerSort = typer.Option(SpeakerSort.total, "--sort", help="total, disputed, disputed-rate or name."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Show only the first N."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only speakers whose name contains this."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only claims from outlets whose name contains this."),
    since: Optional[str] = typer.Option(None, "--since", help="Only claims published on or after this."),
    until: Optional[str] = typer.Option(None, "--until", help="Only claims published before this."),
    search: Optional[str] = typer.Option(None, "--search", "-q", help="Only claims holding every word."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table, json, jsonl, csv or tsv."),
    as_json: bool = typer.Option(False, "--json", help="The same as --format json (one object per speaker)."),
    no_truncate: bool = typer.Option(False, "--no-truncate", help="(Tables show names in full already.)"),
) -> None:
    """Per speaker: claims by status, and how often their figures were disputed.

    `ledger speakers rename` and `ledger speakers merge` correct them (audited)."""
    if ctx.invoked_subcommand:
        return
    from ledger.storage.db import session_scope
    from ledger.workflow.review import speaker_table

    with reported(), session_scope(_state(ctx).engine) as session:
        where = _filter(speaker=speaker, outlet=outlet, since=since, until=until, search=search)
        rows = speaker_table(session, sort=sort.value, where=where)[:limit]
    fmt = listing.chosen(fmt, as_json)
    if fmt is not OutputFormat.table:
        listing.emit(rows, fmt, flat=lambda r: {k: "; ".join(v) if isinstance(v, list) else v for k, v in r.items()})
        return
    if not rows:
        typer.echo("No attributed claims yet.")
        return
    from rich.table import Table

    table = Table()
    table.add_column("speaker", min_width=16)
    table.add_column("role", max_width=18)
    for col_name in ("total", "pend.", "verif.", "disp.", "unver.", "disp.%"):
        table.add_column(col_name, justify="right")
    for r in rows:
        rate = "" if r["disputed_rate"] is None else f"{100 * r['disputed_rate']:.0f}%"
        table.add_row(_text(r["speaker"]), _text(r["role"]), *(_text(r[k]) for k in
                      ("total", "pending", "verified", "disputed", "unverified")), _text(rate))
    _console().print(table)


@app.command()
def conflicts(
    ctx: typer.Context,
    include_updates: bool = typer.Option(True, "--updates/--no-updates", help="Also list later figures in a series."),
    status: Optional[List[str]] = typer.Option(None, "--status", "-s", help="Pairs with a claim of this status (repeatable)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Pairs with a claim from an outlet whose name contains this."),
    doc: Optional[int] = typer.Option(None, "--doc", help="Pairs with a claim of this document."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Pairs with a claim by a speaker whose name contains this."),
    search: Optional[str] = typer.Option(None, "--search", "-q", help="Pairs with a claim holding every word."),
    since: Optional[str] = typer.Option(None, "--since", help="Pairs with a claim published on or after this."),
    until: Optional[str] = typer.Option(None, "--until", help="Pairs with a claim published before this."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Show only the newest N pairs."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table, json, jsonl, csv or tsv."),
    as_json: bool = typer.Option(False, "--json", help="The same as --format json."),
    no_truncate: bool = typer.Option(False, "--no-truncate", help="(Tables show each claim in full already.)"),
) -> None:
    """Figures for the same thing that differ between documents (or within one), with both sources and dates."""
    from ledger.storage.db import session_scope
    from ledger.workflow.review import conflict_pairs

    where = _filter(status=listing.check_statuses(status), speaker=speaker, outlet=outlet, since=since, until=until,
                    document_id=doc, search=search)
    with reported(), session_scope(_state(ctx).engine) as session:
        pairs = conflict_pairs(session, include_updates=include_updates, where=where, limit=limit)
    fmt = listing.chosen(fmt, as_json)
    if fmt is not OutputFormat.table:
        listing.emit(pairs, fmt, flat=listing.pair_row)
        return
    if not pairs:
        typer.echo("No conflicting figures.")
        return
    from rich.table import Table

    table = Table(expand=True)
    table.add_column("kind", no_wrap=True)
    for side in ("claim", "other"):
        table.add_column(side, ratio=1)
    for p in pairs:
        cells = []
        for side in ("claim", "other"):
            c = p[side]
            src = " · ".join(x for x in (c["outlet"], (c["published"] or "")[:10]) if x)
            cell = _text(f"#{c['id']} {c['surface']} — {src}")
            cell.append("\n")
            cell.append_text(_text(c["text"], multiline=True))
            cells.append(cell)
        kind = "conflict" if p["kind"] == "conflict" else "update\n(later figure)"
        table.add_row(_text(kind, multiline=True), *cells)
    _console().print(table)


audit_app = typer.Typer(help="Check the ledger against its fingerprints and tamper-evident review history.",
                        no_args_is_help=True)
app.add_typer(audit_app, name="audit")


def _head_option(value: Optional[str]) -> Optional[str]:
    """A chain head: the hash itself, or a line of `ledger audit head` holding it."""
    import re

    if value is None:
        return None
    found = re.search(r"\b[0-9a-f]{64}\b", value.lower())
    if found is None:
        raise typer.BadParameter("not a chain head (64 hexadecimal digits)", param_hint="--head")
    return found.group(0)


@audit_app.command("verify")
def audit_verify(
    ctx: typer.Context,
    head: Optional[str] = typer.Option(None, "--head", callback=_head_option,
                                       help="A chain head kept from earlier (`ledger audit head`) to check against."),
    report: Optional[Path] = typer.Option(None, "--report",
                                          help="A CSV report (with its REPORT.audit.json) whose chain head to check against."),
) -> None:
    """Recompute the review hash chain and every document, speaker and claim fingerprint; exit 4
    naming each row altered, deleted or inserted out of band (the first ten, then a count)."""
    from ledger.export import read_chain_head
    from ledger.workflow.audit import verify

    if report is not None:
        with reported():
            head = read_chain_head(report)
    with reported():
        result = verify(_state(ctx).engine, expected_head=head)
    if not result.ok:
        first, *others = result.problems
        err(f"Error: audit failed: {first}")
        for problem in others:
            err(f"  also: {problem}")
        if result.more:
            err(f"  and {_n(result.more, 'more problem')}")
        raise typer.Exit(int(ExitCode.DATABASE))
    corrected = f", {_n(result.corrections, 'correction')}" if result.corrections else ""
    typer.echo(f"Audit chain ok: {_n(result.reviews, 'review')}{corrected}, head {result.head}")


@audit_app.command("head")
def audit_head(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """Print the chain head as recorded, in one line to publish or mail: kept outside the
    database, `audit verify --head` can later prove the history up to it unchanged.
    Run `audit verify` first: this reads the head, it does not check it."""
    from ledger.workflow.audit import head_summary

    with reported():
        h = head_summary(_state(ctx).engine)
    at = h.recorded_at.strftime("%Y-%m-%dT%H:%M:%SZ") if h.recorded_at else None
    if as_json:
        typer.echo(json.dumps({"head": h.hash, "review_id": h.review_id, "reviews": h.reviews, "recorded_at": at}))
    elif h.review_id is None:
        typer.echo(f"ledger audit head: {h.hash} (0 reviews)")
    else:
        typer.echo(f"ledger audit head: {h.hash} after review {h.review_id} ({_n(h.reviews, 'review')}) at {at}")


@app.command()
def stats(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Machine-readable figures."),
) -> None:
    """Claims by status, by outlet and by speaker, and which database is in use."""
    from ledger.storage import repo
    from ledger.storage.db import session_scope

    state = _state(ctx)
    with reported(), session_scope(state.engine) as session:
        totals = repo.totals(session)
        groups = {f: repo.count_by(session, field=f) for f in ("status", "outlet", "speaker")}
    pivot: dict[str, dict[str, dict[str, int]]] = {}
    for field, rows in groups.items():
        table: dict[str, dict[str, int]] = {}
        for group, st, n in rows:
            key = group if group is not None else "(none)"
            table.setdefault(key, {})[st] = table.get(key, {}).get(st, 0) + n
        pivot[field] = table
    by_status = {k: sum(v.values()) for k, v in pivot["status"].items()}
    if as_json:
        typer.echo(
            _json(
                {"database": state.where, **totals, "by_status": by_status, "by_outlet": pivot["outlet"],
                 "by_speaker": pivot["speaker"]}
            )
        )
        return
    from rich.table import Table

    console = _console()
    console.print(_text(f"Database: {state.where}"))
    console.print(
        _text(
            f"{_n(totals['documents'], 'document')}, {_n(totals['claims'], 'claim')}, "
            f"{_n(totals['speakers'], 'speaker')}, {_n(totals['reviews'], 'review')}"
        )
    )
    statuses = ["pending", "verified", "disputed", "unverified"]
    t = Table(title="Claims by status")
    t.add_column("status")
    t.add_column("claims", justify="right")
    for s in statuses:
        t.add_row(_text(s), _text(by_status.get(s, 0)))
    console.print(t)
    for field, label in (("outlet", "outlet"), ("speaker", "speaker")):
        t = Table(title=f"Claims by {label}")
        t.add_column(label)
        for s in statuses:
            t.add_column(s, justify="right")
        t.add_column("total", justify="right")
        rows = sorted(pivot[field].items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        for name, counts in rows:
            t.add_row(_text(name), *(_text(counts.get(s, 0)) for s in statuses), _text(sum(counts.values())))
        console.print(t)


_ROOT_OPTIONS_WITH_VALUE = ("--db",)  # the root options a user may put after the command by habit


def _command_names() -> set[str]:
    commands = {c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands}
    return commands | {g.name for g in app.registered_groups}


def _options_taking_a_value(command: str) -> set[str]:
    found = typer.main.get_command(app).commands.get(command)
    params = found.params if found is not None else []
    options = [p for p in params if p.param_type_name == "option" and not p.is_flag and not p.count]
    return {name for o in options for name in o.opts}


def _misplaced_root_option(args: list[str]) -> str | None:
    """``ledger add a.txt --db x``: the message that says where --db goes, with the
    command line it meant, or None. Only after a known command, never past ``--``."""
    import shlex

    command_at = next((i for i, a in enumerate(args) if not a.startswith("-")), None)
    if command_at is None or args[command_at] not in _command_names():
        return None
    if command_at > 0 and args[command_at - 1] in _ROOT_OPTIONS_WITH_VALUE:
        return None  # that word is --db's value, not a command
    rest = args[command_at + 1:]
    if not any(a.split("=", 1)[0] in _ROOT_OPTIONS_WITH_VALUE for a in rest):
        return None  # the usual case, decided without building the command tree
    takes_value = _options_taking_a_value(args[command_at])
    for i, a in enumerate(rest):
        if a == "--":
            return None
        if i > 0 and rest[i - 1] in takes_value:
            continue  # the value of the command's own option (add --claim --db)
        option = a.split("=", 1)[0]
        if option in _ROOT_OPTIONS_WITH_VALUE and (a != option or i + 1 < len(rest)):
            moved = [a] if a != option else [a, rest[i + 1]]
            after = rest[:i] + rest[i + len(moved):]
            line = shlex.join(["ledger", *args[:command_at], *moved, args[command_at], *after])
            return f"Error: {option} goes before the command: {line}"
    return None


# Commands kept in their own modules register themselves on ``app`` when imported.
from ledger.cli import listing, correct, prior  # noqa: E402,F401  (after the shared helpers above)


def main() -> None:
    """The ``ledger`` command. Whatever escapes a command (a bug, or a value written into
    the database behind the ledger's back that a command cannot show) is one line and
    exit 5, not a traceback; ``LEDGER_DEBUG=1`` shows the traceback."""
    _set_up_terminal()
    try:
        misplaced = _misplaced_root_option(sys.argv[1:])
        if misplaced:
            err(misplaced)
            raise SystemExit(int(ExitCode.USAGE))
        app()
    except Exception as exc:  # noqa: BLE001 - the last boundary before the user's terminal
        if os.environ.get("LEDGER_DEBUG"):
            raise
        err(f"Error: unexpected {type(exc).__name__}: {exc} (if the database was edited by hand,"
            f" `ledger audit verify` names the rows; LEDGER_DEBUG=1 shows the traceback)")
        raise SystemExit(int(ExitCode.INTERNAL)) from None
