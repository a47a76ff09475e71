"""Whatever state the database is in, or however it is named: a clear answer, a documented
exit code, never a traceback, nothing changed behind the user's back."""
from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import uuid
from functools import partial
from pathlib import Path

import pytest

from conftest import SEED, Ledger, report_rows
from ledger.errors import ExitCode

ARTICLE = "The council said it spent £40m on 12 new bridges, a record for the city.\n"


def one_error_line(result, *, code: int, contains: str = "") -> None:
    """The command failed with ``code`` and one line on stderr starting ``Error: ``."""
    assert result.exit_code == code, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.output
    assert contains in lines[0], lines[0]


def checkpointed_ledger(path: Path, *extra: str) -> Ledger:
    """A ledger at ``path`` with the seed article (and ``extra`` files), all in the main file."""
    ledger = Ledger(f"sqlite:///{path}")
    assert ledger("add", str(SEED), *extra).exit_code == 0
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return ledger


# ------------------------------------------------------------------ damaged files

COMMANDS = [
    ("add", str(SEED)),
    ("queue",),
    ("show", "1"),
    ("mark", "1", "--status", "verified"),
    ("review", "--reviewer", "ana"),
    ("export",),
    ("export", "-o", "{out}"),
    ("conflicts",),
    ("speakers",),
    ("stats",),
    ("audit", "verify"),
]


def _random_bytes(path: Path, good: bytes) -> None:
    path.write_bytes(bytes(random.Random(7).randrange(256) for _ in range(len(good))))


def _truncated(path: Path, good: bytes) -> None:
    path.write_bytes(good[: len(good) // 2])


@pytest.fixture(scope="module")
def good_ledger_bytes(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("good") / "l.db"
    checkpointed_ledger(path)
    return path.read_bytes()


@pytest.mark.parametrize("damage", [_random_bytes, _truncated], ids=["random-bytes", "truncated-to-half"])
@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c[:2]) for c in COMMANDS])
def test_a_damaged_file_is_one_clear_line_and_exit_4_in_every_command(tmp_path, good_ledger_bytes, damage, command):
    path = tmp_path / "l.db"
    damage(path, good_ledger_bytes)
    before = path.read_bytes()
    out = tmp_path / "report.csv"
    result = Ledger(f"sqlite:///{path}")(*(a.format(out=out) for a in command), input="q\n")
    one_error_line(result, code=ExitCode.DATABASE, contains=str(path))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("report")) == []


def _overwrite_a_claims_page(path: Path) -> None:
    """Garbage over a leaf page in the middle of the claims table: the ledger opens, and
    reading claims fails part way ("database disk image is malformed")."""
    with sqlite3.connect(path) as conn:
        try:
            pages = [p for (p,) in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'claims' AND pagetype = 'leaf' ORDER BY pageno")]
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table to find a page of the claims table")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    assert len(pages) >= 3, "make the ledger bigger"
    page = pages[len(pages) // 2]
    with open(path, "r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(bytes(random.Random(3).randrange(256) for _ in range(size)))


def _big_article(tmp_path: Path, n: int = 600) -> Path:
    path = tmp_path / "big.txt"
    path.write_text("Story\n\n" + " ".join(f"The agency said {i + 10} families in district {i} were moved."
                                          for i in range(n)) + "\n")
    return path


def test_damage_found_mid_export_is_exit_4_and_the_previous_report_is_kept(tmp_path):
    path = tmp_path / "l.db"
    ledger = checkpointed_ledger(path, str(_big_article(tmp_path)))
    out = tmp_path / "report.csv"
    assert ledger("export", "-o", str(out)).exit_code == 0
    previous = out.read_bytes()
    _overwrite_a_claims_page(path)
    for args in (("export", "-o", str(out)), ("export",), ("export", "--format", "json", "-o", str(out))):
        result = ledger(*args)
        one_error_line(result, code=ExitCode.DATABASE, contains="malformed")
    assert out.read_bytes() == previous
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.parametrize("failure", [KeyboardInterrupt, RuntimeError, OSError])
def test_an_export_that_fails_half_way_leaves_no_part_file_and_the_old_report(seeded, tmp_path, monkeypatch, failure):
    import ledger.export as export

    out = tmp_path / "report.csv"
    out.write_text("the previous report\n")
    real = export.write_csv

    def breaks_half_way(rows, fh, **kw):
        fh.write("claim_id,half a row")
        raise failure(28, "No space left on device") if failure is OSError else failure()

    monkeypatch.setattr(export, "write_csv", breaks_half_way)
    from ledger.cli import app

    try:
        result = seeded.runner.invoke(app, ["--db", seeded.url, "export", "-o", str(out)])
    finally:
        monkeypatch.setattr(export, "write_csv", real)
    assert result.exit_code != 0
    if failure is OSError:
        one_error_line(result, code=ExitCode.INPUT, contains="cannot write")
    assert out.read_text() == "the previous report\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    assert seeded("export", "-o", str(out)).exit_code == 0  # and the next export works
    assert report_rows(out.read_text())


def test_export_to_a_missing_folder_is_exit_3_with_no_part_file(seeded, tmp_path):
    result = seeded("export", "-o", str(tmp_path / "nope" / "report.csv"))
    one_error_line(result, code=ExitCode.INPUT, contains="cannot write")
    assert not (tmp_path / "nope").exists()


def test_an_exported_report_has_ordinary_permissions(seeded, tmp_path):
    out = tmp_path / "report.csv"
    old = os.umask(0o022)
    try:
        assert seeded("export", "-o", str(out)).exit_code == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


# ------------------------------------------------------------------ read-only folders and file systems


def _can(cmd: list[str]) -> bool:
    try:
        return subprocess.run(cmd, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def closed_ledger(path: Path) -> None:
    """A ledger that no process has open: made by a CLI process that has ended, so its
    -wal and -shm are gone, as they are on a ledger at rest."""
    made = subprocess.run([sys.executable, "-m", "ledger", "--db", str(path), "add", str(SEED)],
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def _world_readable_dir() -> Path:
    """A folder outside pytest's (root-only) tmp_path that an unprivileged user can enter."""
    path = Path("/tmp") / f"ledger-ro-{uuid.uuid4().hex[:10]}"
    path.mkdir(mode=0o755)
    path.chmod(0o755)
    return path


class Ran:
    def __init__(self, returncode: int, stdout: str, stderr: str):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def _run(prefix: list[str], db: Path, *args: str) -> Ran:
    """The CLI in a process of its own (run with ``prefix``, e.g. runuser)."""
    done = subprocess.run([*prefix, sys.executable, "-m", "ledger", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120, cwd="/")
    return Ran(done.returncode, done.stdout, done.stderr)


def _as_nobody(db: Path, args: tuple[str, ...], out) -> None:
    try:
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)
        from typer.testing import CliRunner

        from ledger.cli import app

        result = CliRunner().invoke(app, ["--db", str(db), *args])
        out.put((result.exit_code, result.stdout, result.stderr + "".join(
            __import__("traceback").format_exception(result.exception)) if result.exception and
            not isinstance(result.exception, SystemExit) else result.stderr))
    except BaseException as exc:  # noqa: BLE001 - reported to the test
        out.put((-1, "", f"{type(exc).__name__}: {exc}"))


def _run_as_nobody(db: Path, *args: str) -> Ran:
    """The CLI in a forked process that gave up root for `nobody`: its Python files are
    already loaded, so it needs none of root's folders (a pyenv Python under /root is
    not readable by nobody, which rules out runuser)."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    proc = ctx.Process(target=_as_nobody, args=(db, args, out))
    proc.start()
    code, stdout, stderr = out.get(timeout=120)
    proc.join(timeout=30)
    return Ran(code, stdout, stderr)


def _load_what_the_commands_use() -> None:
    """Import, as root, every module the CLI loads lazily, for a child that cannot read them later."""
    import importlib
    import pkgutil

    import ledger

    for module in pkgutil.walk_packages(ledger.__path__, "ledger."):
        if not module.name.endswith("__main__") and ".migrations" not in module.name:  # those run things
            importlib.import_module(module.name)
    import rich.console, rich.progress, rich.table, rich.text  # noqa: F401,E401
    import sqlalchemy.dialects.sqlite, sqlalchemy.dialects.sqlite.pysqlite  # noqa: F401,E401
    import alembic.command, alembic.config  # noqa: F401,E401
    import csv, getpass, tempfile, traceback, urllib.parse, uuid  # noqa: F401,E401
    from typer.testing import CliRunner

    from ledger.cli import app

    CliRunner().invoke(app, ["--help"])
    CliRunner().invoke(app, ["extract", str(SEED)])  # what reading and extracting an article loads


@pytest.fixture(params=["read-only-mount", "read-only-folder-runuser", "read-only-folder-setuid"])
def read_only_ledger(request):
    """(ledger file that cannot be written, its folder's real location, how to run the CLI).

    read-only-mount: the folder is a read-only bind mount: nothing can be written there.
    read-only-folder-*: the folder belongs to root and the CLI runs as `nobody`, for whom
    it is read-only (as root, permission bits would not stop anything), through runuser,
    or in a forked child that dropped root. Each is skipped where the sandbox does not
    allow it."""
    if os.geteuid() != 0:
        pytest.skip("needs root, to mount or to become another user")
    base = _world_readable_dir()
    source = base / "src"
    source.mkdir(mode=0o755)
    closed_ledger(source / "l.db")
    (source / "l.db").chmod(0o644)
    try:
        if request.param == "read-only-mount":
            target = base / "ro"
            target.mkdir()
            if not _can(["mount", "--bind", "-o", "ro", str(source), str(target)]):
                pytest.skip("cannot make a read-only bind mount here")
            try:
                if _can(["touch", str(target / "probe")]):
                    pytest.skip("the bind mount is not read-only")
                yield target / "l.db", source, partial(_run, [])
            finally:
                subprocess.run(["umount", str(target)], capture_output=True)
                if os.path.ismount(target):
                    subprocess.run(["umount", "-l", str(target)], capture_output=True)
        elif request.param == "read-only-folder-runuser":
            prefix = ["runuser", "-u", "nobody", "--"]
            if not _can([*prefix, sys.executable, "-c", "import ledger.cli, sqlalchemy"]):
                pytest.skip("cannot run the CLI as an unprivileged user here (its Python is not readable by nobody)")
            yield source / "l.db", source, partial(_run, prefix)
        else:
            _load_what_the_commands_use()
            yield source / "l.db", source, _run_as_nobody
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_a_ledger_in_a_read_only_folder_reads_and_refuses_writes_clearly(read_only_ledger):
    db, source, run = read_only_ledger
    before = sorted(p.name for p in source.iterdir())
    for args in (("queue", "--json"), ("show", "1"), ("export",), ("stats",), ("conflicts",), ("speakers",),
                 ("audit", "verify")):
        result = run(db, *args)
        assert result.returncode == 0, (args, result.stderr)
    assert report_rows(run(db, "export").stdout)
    outdir = _world_readable_dir()
    outdir.chmod(0o777)
    try:
        result = run(db, "export", "-o", str(outdir / "r.csv"))
        assert result.returncode == 0, result.stderr
        assert report_rows((outdir / "r.csv").read_text())
    finally:
        shutil.rmtree(outdir, ignore_errors=True)
    article = _world_readable_dir()
    try:
        (article / "a.txt").write_text(ARTICLE)
        (article / "a.txt").chmod(0o644)
        for args in (("mark", "1", "--status", "verified"), ("add", str(article / "a.txt"))):
            result = run(db, *args)
            assert result.returncode == ExitCode.DATABASE, (args, result.stdout, result.stderr)
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("Error: ") and "read-only" in lines[0], result.stderr
    finally:
        shutil.rmtree(article, ignore_errors=True)
    assert sorted(p.name for p in source.iterdir()) == before


def test_a_read_only_ledger_being_written_elsewhere_is_read_with_its_latest_commits(tmp_path):
    """While a writer has the ledger open (its -wal holds commits not yet in the main
    file), a reader through a read-only mount sees them: immutable=1, which ignores the
    -wal, is not used then."""
    base = _world_readable_dir()
    source, target = base / "src", base / "ro"
    source.mkdir()
    target.mkdir()
    try:
        closed_ledger(source / "l.db")
        if os.geteuid() != 0 or not _can(["mount", "--bind", "-o", "ro", str(source), str(target)]):
            pytest.skip("cannot make a read-only bind mount here")
        try:
            writer = sqlite3.connect(source / "l.db", isolation_level=None)
            writer.execute("PRAGMA wal_autocheckpoint = 0")
            writer.execute("UPDATE documents SET title = 'changed while you read'")
            assert (source / "l.db-wal").stat().st_size > 0
            result = _run([], target / "l.db", "export", "--format", "json")
            assert result.returncode == 0, result.stderr
            assert "changed while you read" in result.stdout
            writer.close()
        finally:
            subprocess.run(["umount", str(target)], capture_output=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_a_new_ledger_cannot_be_made_in_a_read_only_folder(read_only_ledger):
    db, _, run = read_only_ledger
    result = run(db.with_name("new.db"), "queue")
    assert result.returncode == ExitCode.DATABASE, result.stderr
    assert result.stderr.startswith("Error: ") and len(result.stderr.strip().splitlines()) == 1, result.stderr


# ------------------------------------------------------------------ ids


@pytest.mark.parametrize("args", [("show", "99999999999999999999"),
                                  ("mark", "99999999999999999999", "--status", "verified"),
                                  ("mark", "1", "99999999999999999999", "--status", "verified")])
def test_an_id_no_database_can_hold_is_a_usage_error(seeded, args):
    result = seeded(*args)
    assert result.exit_code == ExitCode.USAGE, result.output
    assert "Invalid value for 'ID" in result.stderr and "Traceback" not in result.output
    assert seeded.json("show", "1", "--json")["reviews"] == []  # nothing was marked


@pytest.mark.parametrize("claim_id", ["2147483648", "9223372036854775807", "0"])
def test_an_id_beyond_the_id_column_names_no_claim(seeded, claim_id):
    """PostgreSQL ids are 4-byte integers: 2147483648 cannot be a claim there, nor 2^63-1
    on either backend."""
    one_error_line(seeded("show", claim_id), code=ExitCode.INPUT, contains=f"no claim with id {claim_id}")
    one_error_line(seeded("mark", claim_id, "--status", "verified"), code=ExitCode.INPUT,
                   contains=f"no claim with id {claim_id}")
    result = seeded("mark", "1", claim_id, "--status", "verified")  # the good id is still marked
    assert result.exit_code == ExitCode.INPUT and "Claim 1: verified" in result.stdout
    assert f"no claim with id {claim_id}" in result.stderr


# ------------------------------------------------------------------ filters


def _article(tmp_path: Path, name: str, sentence: str) -> str:
    path = tmp_path / name
    path.write_text(f"{name}\n\n{sentence}\n")
    return str(path)


def test_speaker_and_outlet_filters_take_percent_and_underscore_literally(ledger, tmp_path):
    assert ledger("add", _article(tmp_path, "a.txt", "The mayor said 12 roads were closed."),
                  "--outlet", "a_b Daily").exit_code == 0
    assert ledger("add", _article(tmp_path, "b.txt", "The mayor said 14 bridges were closed."),
                  "--outlet", "axb Daily").exit_code == 0
    assert ledger("add", _article(tmp_path, "c.txt", "The mayor said 16 parks were closed."),
                  "--outlet", "a/b Daily").exit_code == 0
    for text, speaker in (("The 50% Club said 30 members left", "The 50% Club"),
                          ("The 500 Club said 40 members left", "The 500 Club")):
        assert ledger("add", "--claim", text, "--speaker", speaker).exit_code == 0

    def outlets(*args):
        return sorted({c["document"]["outlet"] for c in ledger.json("queue", "--json", *args)})

    def speakers(*args):
        return sorted({c["speaker"]["name"] for c in ledger.json("queue", "--json", *args) if c["speaker"]})

    assert outlets("--outlet", "a_b") == ["a_b Daily"]
    assert outlets("--outlet", "A_B") == ["a_b Daily"]  # still case-insensitive
    assert outlets("--outlet", "a/b") == ["a/b Daily"]  # the escape character itself is a letter too
    assert outlets("--outlet", "%") == []
    assert outlets("--outlet", "daily") == ["a/b Daily", "a_b Daily", "axb Daily"]
    found = speakers("--speaker", "50%")
    assert len(found) == 1 and "50%" in found[0]
    assert speakers("--speaker", "_") == []


# ------------------------------------------------------------------ database URLs


def test_an_unsupported_database_url_is_a_usage_error():
    result = Ledger("foo://bar")("queue")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == ("Error: foo://bar: unsupported database URL"
                             " (use a file path, sqlite:///PATH or postgresql+psycopg://...)\n")


@pytest.mark.parametrize("url, says", [
    ("mysql://ana:s3cret-pw@db.example/ledger", "unsupported database URL"),
    ("postgresql+psycopg2://ana:s3cret-pw@127.0.0.1/ledger", "unsupported database URL"),
    ("postgresql+psycopg://ana:s3cret-pw@127.0.0.1:notaport/ledger", "not a valid database URL"),
    ("://ana:s3cret-pw@nowhere", "not a valid database URL"),
    ("sqlite://", "in-memory database"),
    ("sqlite:///:memory:", "in-memory database"),
])
def test_other_database_urls_are_usage_errors_that_never_show_the_password(url, says):
    for args in (("queue",), ("stats",), ("add", "--claim", "The mayor said 12 roads were closed.")):
        result = Ledger(url)(*args)
        one_error_line(result, code=ExitCode.USAGE, contains=says)
        assert "s3cret-pw" not in result.output


def test_a_database_url_from_the_environment_is_checked_too(tmp_path):
    from typer.testing import CliRunner

    from ledger.cli import app

    result = CliRunner().invoke(app, ["stats"], env={"LEDGER_DB": "mysql://ana:s3cret-pw@h/db"})
    one_error_line(result, code=ExitCode.USAGE, contains="unsupported database URL")
    assert "s3cret-pw" not in result.output


def test_postgresql_without_a_driver_name_means_psycopg(pg_url):
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://", 1)
    assert plain != pg_url
    ledger = Ledger(plain)
    assert ledger("add", "--claim", "The mayor said 12 roads were closed.").exit_code == 0
    assert ledger.json("stats", "--json")["claims"] == 1


def test_an_unreachable_postgresql_server_is_exit_4_without_the_password():
    result = Ledger("postgresql+psycopg://ana:s3cret-pw@127.0.0.1:1/ledger?connect_timeout=2")("stats")
    one_error_line(result, code=ExitCode.DATABASE)
    assert "s3cret-pw" not in result.output
