"""Whatever a user feeds the ledger: a clear answer, a documented exit code, nothing lost."""
from __future__ import annotations

import codecs
import csv
import io
import json
import os
from pathlib import Path

import pytest

from ledger.errors import ExitCode
from conftest import report_rows
from test_cli import claims_of

ARTICLE = "The council said it spent £40m on 12 new bridges, a “record” for the city.\n"


def stats(ledger):
    return ledger.json("stats", "--json")


# ------------------------------------------------------------------ the audit report


def test_formulas_in_free_text_are_neutralised_and_read_back_exactly(ledger):
    nasty = ['=HYPERLINK("http://x","click") 5 people', "+1 555 0100 says 3 votes", "-2 is 4 goals", "@SUM(A1) 6 cars",
             "\tTabbed 7 cats", "＝1+1 is 8 dogs", "＋9 mice", "－10 rats", "＠ 11 owls"]
    for i, text in enumerate(nasty):
        ledger("add", "--claim", text, "--speaker", "=cmd|' /C calc'!A0" if i == 0 else f"Speaker {i}")
    out = ledger("export").stdout
    rows = report_rows(out)
    stored = {c["id"]: c for c in ledger.json("export", "--format", "json")}
    assert len(rows) == len(nasty)
    for row in rows:
        claim = stored[int(row["claim_id"])]
        text = " ".join(claim["text"].split())
        expected = "'" + text if text[0] in "=+-@\t＝＋－＠" else text
        assert row["claim"] == expected
        assert not row["claim"].startswith(("=", "+", "-", "@", "\t", "＝", "＋", "－", "＠"))
        assert not row["speaker"].startswith(("=", "+", "-", "@"))
    assert rows[0]["speaker"] == "'=cmd|' /C calc'!A0"


def test_numeric_columns_stay_numbers(ledger):
    ledger("add", "--claim", "The temperature fell to -12 degrees Celsius overnight")
    [row] = report_rows(ledger("export").stdout)
    assert float(row["quantity_value"]) == -12
    assert not row["quantity_value"].startswith("'")


def test_quotes_and_separators_are_escaped(ledger):
    ledger("add", "--claim", 'He said "12, maybe 13" people,\r\n came', "--speaker", 'A "quoted", name')
    [row] = report_rows(ledger("export").stdout)
    assert row["speaker"] == 'A "quoted", name'
    assert row["claim"] == 'He said "12, maybe 13" people, came'


def test_excel_export_starts_with_a_bom_and_keeps_non_ascii_names(ledger, tmp_path):
    ledger("add", "--claim", "Zoë Łukasiewicz said 14 schools closed", "--speaker", "Zoë Łukasiewicz")
    target = tmp_path / "excel.csv"
    assert ledger("export", "--excel", "-o", str(target)).exit_code == 0
    data = target.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    [row] = report_rows(data.decode("utf-8-sig"))
    assert row["speaker"] == "Zoë Łukasiewicz"


# ------------------------------------------------------------------ inputs


def test_whitespace_only_file_is_skipped_and_the_rest_goes_in(ledger, tmp_path):
    blank = tmp_path / "blank.txt"
    blank.write_text(" \t\n \n")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    result = ledger("add", str(blank), str(good))
    assert result.exit_code == ExitCode.SKIPPED
    assert f"Warning: {blank}: skipped (empty file)" in result.stderr
    assert stats(ledger)["documents"] == 1


@pytest.mark.parametrize(
    "name, data",
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256))),
        ("nul.txt", b"Officials said 300\x00 homes\x00 flooded.\x00"),
        ("noise.md", bytes((i * 7919) % 256 for i in range(4000))),
    ],
)
def test_binary_files_are_refused_and_nothing_is_stored(ledger, tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    result = ledger("add", str(path))
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr.startswith(f"Error: {path}: not a text file")
    assert stats(ledger)["documents"] == 0


@pytest.mark.parametrize(
    "encoding, bom",
    [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
     ("cp1252", b""), ("latin-1", b"")],
)
def test_encodings_are_decoded_with_claims_and_offsets_right(ledger, tmp_path, encoding, bom):
    text = ARTICLE if encoding != "latin-1" else ARTICLE.replace("“", '"').replace("”", '"')
    path = tmp_path / "article.txt"
    path.write_bytes(bom + text.encode(encoding))
    result = ledger("add", str(path))
    assert result.exit_code == 0, result.output
    claims = claims_of(ledger)
    values = sorted(c["quantity"]["value"] for c in claims if c["quantity"])
    assert values == [12, 40_000_000]
    for c in claims:
        shown = ledger.json("show", str(c["id"]), "--json")
        assert shown["sentence"].startswith("The council said it spent £40m")
        q = c["quantity"]
        assert shown["text"][q["start"] - c["start"]: q["end"] - c["start"]] == q["surface"]


def test_invalid_bytes_in_utf8_are_replaced_with_a_warning(ledger, tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes("Café owners said 25 shops closed \xff and 3 reopened.\n".encode("utf-8").replace(b"\\xff", b"")
                     .replace("\xff".encode("utf-8"), b"\xff"))
    result = ledger("add", str(path))
    assert result.exit_code == 0, result.output
    assert f"Warning: {path}: 1 invalid UTF-8 byte sequence replaced" in result.stderr
    assert sorted(c["quantity"]["value"] for c in claims_of(ledger) if c["quantity"]) == [3, 25]


def test_a_file_over_the_size_limit_is_refused(ledger, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 200)
    result = ledger("add", str(big), "--max-bytes", "1000")
    assert result.exit_code == ExitCode.INPUT
    assert f"Error: {big}: {big.stat().st_size:,} bytes, larger than the limit of 1,000 (see --max-bytes)" in result.stderr
    assert stats(ledger)["documents"] == 0
    assert ledger("add", str(big)).exit_code == 0


def test_a_long_line_without_punctuation_and_many_numbers_goes_in(ledger, tmp_path):
    words = "the council said that many people were in the area near the river".split()
    line = " ".join(words[i % len(words)] for i in range(40_000)) + " " + " ".join(str(i) for i in range(2000))
    path = tmp_path / "long.txt"
    path.write_text(line)
    result = ledger("add", str(path))
    assert result.exit_code == 0, result.output
    assert stats(ledger)["claims"] > 0


def test_text_in_another_language_is_stored_with_a_warning(ledger, tmp_path):
    path = tmp_path / "es.txt"
    path.write_text(
        "El gobierno dijo que 300 casas fueron destruidas por la tormenta en la costa norte del país, "
        "según las autoridades locales, que pidieron ayuda a los vecinos de la región durante la noche.\n"
    )
    result = ledger("add", str(path))
    assert result.exit_code == 0
    assert f"Warning: {path}: may not be English: extraction is tuned for English" in result.stderr
    assert stats(ledger)["documents"] == 1


def test_look_alike_letters_are_stored_as_written_and_flagged(seeded):
    claims = claims_of(seeded)
    flags = claims[0]["document"]["flags"]
    assert any("baсked" in f and "manipulation" in f for f in flags)
    sentence = next(c["sentence"] for c in seeded.json("export", "--format", "json") if "baсked" in c["sentence"]) \
        if any("baсked" in c["sentence"] for c in seeded.json("export", "--format", "json")) else None
    doc_text = Path(__file__).resolve().parent.parent.joinpath("seeds/biden-putin-2021-04-14.txt").read_text()
    assert "baсked" in doc_text and (sentence is None or "baсked" in sentence)
    assert "possible text manipulation" in seeded("show", str(claims[0]["id"])).stdout
    rows = report_rows(seeded("export").stdout)
    assert all("baсked" in r["document_flags"] for r in rows)


def test_unreadable_file_is_named_and_the_rest_goes_in(ledger, tmp_path, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE)
    good = tmp_path / "good.txt"
    good.write_text("The mayor said 9 roads were closed.\n")
    real = os.open

    def guarded(path, flags, *args, **kwargs):  # root reads any file: refuse this one as a user is refused
        if os.fspath(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    result = ledger("add", str(secret), str(good))
    assert result.exit_code == ExitCode.INPUT
    assert f"Error: {secret}: permission denied" in result.stderr
    assert [c["quantity"]["value"] for c in claims_of(ledger)] == [9]


def test_a_folder_with_a_symlink_loop_is_walked_once(ledger, tmp_path):
    root = tmp_path / "inbox"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text("The mayor said 9 roads were closed.\n")
    os.symlink(root, root / "sub" / "loop")
    result = ledger("add", str(root))
    assert result.exit_code == 0, result.output
    assert stats(ledger)["documents"] == 1


def test_bad_published_date_is_a_usage_error(ledger, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    result = ledger("add", str(path), "--published", "not a date")
    assert result.exit_code == ExitCode.USAGE
    assert "--published" in result.stderr and "'not a date' is not a date" in result.stderr
    assert stats(ledger)["documents"] == 0


def test_a_read_only_database_reads_but_refuses_writes(tmp_path):
    from conftest import SEED, Ledger

    path = tmp_path / "l.db"
    Ledger(f"sqlite:///{path}")("add", str(SEED))
    ro = Ledger(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert ro("queue", "--json").exit_code == 0
    assert ro("export").exit_code == 0
    result = ro("mark", "1", "--status", "verified")
    assert result.exit_code == ExitCode.DATABASE
    assert result.stderr.startswith("Error: ") and "read-only" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_legacy_cyrillic_file_is_decoded_and_flagged_as_not_english(ledger, tmp_path):
    text = ("Правительство заявило, что 300 домов были разрушены штормом на северном побережье страны, "
            "сообщили местные власти в понедельник вечером, призвав жителей региона к осторожности.\n")
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    result = ledger("add", str(path))
    assert result.exit_code == 0, result.output
    assert f"Warning: {path}: not UTF-8; read as cp1251" in result.stderr
    assert "may not be English" in result.stderr
    doc = ledger.json("export", "--format", "json")
    assert not doc or "Правительство" in doc[0]["sentence"]


def test_a_ledger_from_a_newer_version_is_refused_untouched(tmp_path):
    from sqlalchemy import create_engine, text as sql

    from conftest import Ledger
    from ledger.storage.db import open_ledger

    path = tmp_path / "newer.db"
    ledger = Ledger(f"sqlite:///{path}")
    open_ledger(ledger.url).dispose()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(sql("UPDATE alembic_version SET version_num = '0099'"))
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file
    engine.dispose()
    before = path.read_bytes()
    result = ledger("queue")
    assert result.exit_code == ExitCode.DATABASE
    assert result.stderr == (
        f"Error: {path}: schema revision 0099 is newer than this version of ledger knows; upgrade claim-ledger\n")
    assert path.read_bytes() == before
