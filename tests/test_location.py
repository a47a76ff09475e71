"""Where the ledger lives: found like git's repository, created only by commands that write."""
from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from conftest import PG_ADMIN_URL, SEED
from ledger.cli import app
from ledger.errors import ExitCode

READERS = [["queue"], ["show", "1"], ["conflicts"], ["speakers"], ["stats"], ["export"],
           ["audit", "verify"], ["audit", "head"]]


@pytest.fixture
def here(tmp_path, monkeypatch):
    """An empty folder as the current folder, with no ledger named by the environment and
    the search stopped at it (HOME), so a ledger above the test's folder is never found."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LEDGER_DB", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_a_command_that_only_reads_creates_nothing_in_an_empty_folder(here, command):
    result = run(*command)
    assert result.exit_code == ExitCode.DATABASE
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: no ledger found (looked for db/ledger.db in {here}); 'ledger add FILE' starts one here, or pass --db\n")
    assert list(here.iterdir()) == []


def test_the_search_names_the_parents_it_looked_in(here, monkeypatch):
    sub = here / "desk" / "monday"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    result = run("queue")
    assert result.stderr == (
        f"Error: no ledger found (looked for db/ledger.db in {sub} and its parents up to {here});"
        " 'ledger add FILE' starts one here, or pass --db\n")
    assert not (sub / "db").exists()


def test_add_in_an_empty_folder_starts_db_ledger_db_there(here):
    result = run("add", str(SEED))
    assert result.exit_code == 0, result.output
    assert (here / "db" / "ledger.db").is_file()
    assert run("stats").stdout.splitlines()[0] == f"Database: {here / 'db' / 'ledger.db'}"


@pytest.mark.parametrize("writer", [["mark", "1", "--status", "verified"], ["review"]], ids=" ".join)
def test_the_other_writing_commands_start_one_too(here, writer):
    run(*writer, "--reviewer", "ann") if writer == ["review"] else run(*writer)
    assert (here / "db" / "ledger.db").is_file()


def test_a_ledger_in_a_parent_folder_is_found_from_a_subfolder(here, monkeypatch):
    assert run("add", str(SEED)).exit_code == 0
    sub = here / "notes" / "2024"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    stats = json.loads(run("stats", "--json").stdout)
    assert stats["database"] == str(here / "db" / "ledger.db")
    assert stats["claims"] > 0
    assert run("add", "--claim", "Prices rose 5%.").exit_code == 0  # added to it, not to a new one
    assert not (sub / "db").exists()


def test_the_search_stops_at_the_home_folder(here, monkeypatch):
    assert run("add", str(SEED)).exit_code == 0  # a ledger in here/db
    home = here / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(home)
    assert run("queue").exit_code == ExitCode.DATABASE


def test_db_wins_over_a_ledger_found_nearby(here):
    assert run("add", str(SEED)).exit_code == 0
    other = here / "other.db"
    assert run("--db", str(other), "add", "--claim", "Prices rose 5%.").exit_code == 0
    stats = json.loads(run("--db", str(other), "stats", "--json").stdout)
    assert (stats["database"], stats["claims"]) == (str(other), 1)
    env_stats = json.loads(run("stats", "--json", env={"LEDGER_DB": str(other)}).stdout)
    assert env_stats["database"] == str(other)


def test_a_relative_db_is_shown_absolute(here):
    assert run("--db", "mine.db", "add", "--claim", "Prices rose 5%.").exit_code == 0
    assert run("--db", "mine.db", "stats").stdout.splitlines()[0] == f"Database: {here / 'mine.db'}"


def test_a_command_that_only_reads_does_not_create_the_file_db_names(here):
    result = run("--db", "missing.db", "queue")
    assert result.exit_code == ExitCode.DATABASE
    assert result.stderr == (
        f"Error: {here / 'missing.db'}: no ledger there (the file does not exist);"
        " 'ledger add FILE' with this --db or $LEDGER_DB starts one\n")
    assert list(here.iterdir()) == []


def test_root_help_shows_the_ledger_it_would_use(here):
    assert run("--help").stdout.splitlines()[-1] == (
        f"Ledger: none found yet; 'ledger add FILE' starts {here / 'db' / 'ledger.db'}")
    assert list(here.iterdir()) == []
    assert run("add", "--claim", "Prices rose 5%.").exit_code == 0
    assert run("--help").stdout.splitlines()[-1] == f"Ledger: {here / 'db' / 'ledger.db'}"
    masked = run("--help", env={"LEDGER_DB": "postgresql+psycopg://ann:s3cret@db.example/ledger"})
    assert masked.stdout.splitlines()[-1] == "Ledger: postgresql+psycopg://ann:***@db.example/ledger"


def test_the_readme_first_command_works_from_a_fresh_folder(here):
    """README: ``ledger add seeds/ && ledger queue`` from the checkout."""
    assert run("add", str(SEED.parent)).exit_code == 0
    queue = run("queue")
    assert queue.exit_code == 0
    assert queue.stdout.strip() and "No pending claims" not in queue.stdout


# ------------------------------------------------------------------ PostgreSQL


def _with_password(url: str, password: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(password=password).render_as_string(hide_password=False)


def test_stats_masks_the_password_of_a_url(pg_url, here):
    url = _with_password(pg_url, os.environ.get("PGPASSWORD", "") or "unused-secret")
    assert run("--db", url, "add", "--claim", "Prices rose 5%.").exit_code == 0
    out = run("--db", url, "stats")
    assert out.exit_code == 0, out.output
    first = out.stdout.splitlines()[0]
    assert first.startswith("Database: postgresql+psycopg://postgres:***@")
    assert "unused-secret" not in out.output
    assert json.loads(run("--db", url, "stats", "--json").stdout)["database"] == first.removeprefix("Database: ")


def test_a_command_that_only_reads_leaves_an_empty_postgres_database_empty(pg_url, here):
    from sqlalchemy import create_engine, inspect

    result = run("--db", pg_url, "queue")
    assert result.exit_code == ExitCode.DATABASE
    from ledger.storage.db import describe

    assert result.stderr == (
        f"Error: {describe(pg_url)}: holds no ledger yet; 'ledger add FILE' with this --db or $LEDGER_DB starts one\n")
    engine = create_engine(pg_url)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()
    assert list(here.iterdir()) == []
