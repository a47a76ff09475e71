"""Errors the core raises, and the exit codes the CLI turns them into.

| code | name          | meaning                                                              |
|------|---------------|----------------------------------------------------------------------|
| 0    | OK            | everything asked for was done                                        |
| 1    | SKIPPED       | some inputs were skipped with a warning (e.g. empty); the rest went in |
| 2    | USAGE         | a bad option, argument or value on the command line                  |
| 3    | INPUT         | an input could not be used (missing or unreadable file, unknown claim id); the rest of the batch still went in |
| 4    | DATABASE      | the database could not be opened, is not a ledger, or is too new     |
| 5    | INTERNAL      | an unexpected error: a bug of ours, or a value edited into the database by hand; one line (``LEDGER_DEBUG=1`` shows the traceback) |
"""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    SKIPPED = 1
    USAGE = 2
    INPUT = 3
    DATABASE = 4
    INTERNAL = 5
    INTERRUPTED = 130  # Ctrl-C: the shell's 128 + SIGINT


class LedgerError(Exception):
    """Base of the errors the core raises for the CLI to report."""

    exit_code = ExitCode.INPUT


class InputError(LedgerError):
    """An input (file, claim id, value) cannot be used."""

    exit_code = ExitCode.INPUT


class ClaimNotFound(InputError):
    def __init__(self, claim_id: int):
        super().__init__(f"no claim with id {claim_id}")
        self.claim_id = claim_id


class DatabaseError(LedgerError):
    """The database cannot be opened or used."""

    exit_code = ExitCode.DATABASE


class UsageError(LedgerError):
    """A value given on the command line (or in its environment, e.g. ``$LEDGER_DB``) that cannot be used."""

    exit_code = ExitCode.USAGE
