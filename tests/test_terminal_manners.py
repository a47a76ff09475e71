"""Terminal manners: what the `ledger` command does on terminals that are not UTF-8.

These run the real command in a child process (the console is set up in ``main()``),
with ``LC_ALL=C`` and no ``PYTHONIOENCODING``, as a fact-checker's ssh session may have.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

ARTICLE = (
    "Floods \u2014 the mayor said\n\n"
    "The mayor, Zo\u00eb M\u00fcller, said on Monday that 40 percent of homes in K\u00f6ln "
    "were flooded in 2021 \u2014 \u201ca disaster\u201d \U0001F30A.\n"
)


def _run(db_url, *args, **env):
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8", "LC_ALL", "LC_CTYPE")}
    base.update({"LEDGER_DB": db_url, **env})
    return subprocess.run([sys.executable, "-m", "ledger", *args], capture_output=True, env=base, timeout=120)


@pytest.fixture
def stored(db_url, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = _run(db_url, "add", str(article))
    assert out.returncode == 0, out.stderr
    return db_url


def _ascii(data: bytes) -> str:
    return data.decode("ascii")  # raises if anything but ASCII was written


@pytest.mark.parametrize("command", [["queue"], ["show", "1"], ["conflicts"], ["speakers"], ["stats"]])
def test_c_locale_gets_ascii_not_a_traceback(stored, command):
    out = _run(stored, *command, LC_ALL="C")
    assert out.returncode == 0, out.stderr
    text = _ascii(out.stdout)
    assert "Traceback" not in _ascii(out.stderr)
    if command[0] in ("queue", "speakers", "stats"):
        assert "+---" in text or "|" in text  # ascii boxes, not box drawing


def test_a_character_the_terminal_cannot_show_is_escaped_not_dropped(stored):
    out = _run(stored, "show", "1", LC_ALL="C")
    text = _ascii(out.stdout)
    assert "Zo\\u00eb M\\u00fcller" in text
    assert "2021 \\u2014 \\u201ca disaster\\u201d \\ud83c\\udf0a." in text


def test_json_export_on_a_c_locale_is_whole_and_means_the_same(stored):
    out = _run(stored, "export", "--format", "json", LC_ALL="C")
    assert out.returncode == 0, out.stderr
    rows = json.loads(_ascii(out.stdout))
    assert rows[0]["speaker"]["name"] == "Zo\u00eb M\u00fcller"
    assert rows[0]["document"]["title"] == "Floods \u2014 the mayor said"
    assert "\U0001F30A" in rows[0]["text"]


def test_a_latin1_stdout_writes_what_it_can_and_escapes_the_rest(stored):
    out = _run(stored, "queue", "--json", PYTHONIOENCODING="latin-1")
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode("latin-1")
    assert '"Zo\u00eb M\u00fcller"' in text and "\\u2014" in text
    assert json.loads(text)[0]["text"].endswith("\u201ca disaster\u201d \U0001F30A.")


def test_an_error_line_on_a_c_locale_is_ascii(db_url, tmp_path):
    missing = tmp_path / "K\u00f6ln \u2014 missing.txt"
    out = _run(db_url, "add", str(missing), LC_ALL="C")
    assert out.returncode == 3
    line = _ascii(out.stderr)
    assert "K\\u00f6ln \\u2014 missing.txt" in line
    assert line.count("\n") == 1 and "Traceback" not in line


def test_a_utf8_terminal_is_left_alone(stored):
    out = _run(stored, "show", "1", LC_ALL="C.UTF-8")
    assert "Zo\u00eb M\u00fcller" in out.stdout.decode("utf-8")


# ------------------------------------------------------------------ -h, -V, plain metavars, completion


def test_dash_h_is_help_and_dash_v_the_version(ledger):
    from ledger import __version__

    assert ledger("-h").output == ledger("--help").output
    assert ledger("add", "-h").output == ledger("add", "--help").output
    assert "add [OPTIONS] [PATHS]...\n" in ledger("add", "-h").output
    result = ledger("-V")
    assert (result.exit_code, result.output) == (0, f"ledger, version {__version__}\n")


def test_help_shows_plain_metavars(ledger):
    add = ledger("add", "-h").output
    assert "<" not in add and "list[" not in add
    assert "  PATHS...  Article files or folders" in add
    assert "--claim TEXT " in add and "-j, --jobs INTEGER RANGE " in add and "--timeout FLOAT RANGE " in add
    export = ledger("export", "-h").output
    assert "-o, --output PATH " in export and "-f, --format [csv|json|claimreview]" in export


def test_shell_completion_can_be_installed(ledger):
    root = ledger("-h").output
    assert "--install-completion" in root and "--show-completion" in root


# ------------------------------------------------------------------ options in the wrong place


@pytest.mark.parametrize("args, line", [
    (["add", "a.txt", "--db", "x.db"], "ledger --db x.db add a.txt"),
    (["add", "my file.txt", "--db=x.db", "-j", "2"], "ledger --db=x.db add 'my file.txt' -j 2"),
    (["audit", "verify", "--db", "x.db"], "ledger --db x.db audit verify"),
])
def test_db_after_the_command_says_where_it_goes(tmp_path, args, line):
    out = subprocess.run([sys.executable, "-m", "ledger", *args], capture_output=True, text=True, cwd=tmp_path)
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr == f"Error: --db goes before the command: {line}\n"
    assert not (tmp_path / "x.db").exists()


def test_db_as_a_value_after_the_command_is_left_to_the_command(db_url):
    out = _run(db_url, "add", "--claim", "--db", "--speaker", "A")
    assert out.returncode == 0, out.stderr


# ------------------------------------------------------------------ standard input on a terminal


def test_add_dash_on_a_terminal_says_it_is_waiting_for_an_article(db_url):
    import pty

    main, child = pty.openpty()
    env = {**os.environ, "LEDGER_DB": db_url}
    proc = subprocess.Popen([sys.executable, "-m", "ledger", "add", "-"], stdin=child,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    os.close(child)
    os.write(main, b"The mayor said 40 percent of homes were flooded.\n\x04")
    out, errors = proc.communicate(timeout=120)
    os.close(main)
    assert proc.returncode == 0, errors
    assert errors.decode() == "Reading an article from standard input; end with Ctrl-D\n"
    assert out.decode().startswith("Added 1 document with 1 claim")


def test_add_dash_from_a_pipe_says_nothing_first(ledger):
    result = ledger("add", "-", input="The mayor said 40 percent of homes were flooded.\n")
    assert result.exit_code == 0 and "Reading an article" not in result.output


# ------------------------------------------------------------------ Ctrl-C


def test_ctrl_c_during_add_says_what_was_stored_and_a_rerun_adds_the_rest(db_url, tmp_path):
    import re
    import signal
    import time

    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(3000):
        (folder / f"{n:03}.txt").write_text(
            f"Report {n}\n\nThe mayor said {n + 1} percent of the {n + 7} homes in district {n} were flooded.\n"
        )
    env = {**os.environ, "LEDGER_DB": db_url}
    from ledger.storage.db import open_ledger

    open_ledger(db_url).dispose()  # the ledger exists before the clock starts
    proc = subprocess.Popen([sys.executable, "-m", "ledger", "add", "--jobs", "2", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
    time.sleep(3)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    out, errors = proc.communicate(timeout=120)
    if proc.returncode == 0:
        pytest.skip("the add finished before Ctrl-C")
    assert proc.returncode == 130, errors
    lines = errors.decode().splitlines()
    assert len(lines) == 1, lines
    m = re.fullmatch(r"Interrupted: stored (\d+) of 3000 documents; run the same command again to add the rest",
                     lines[0])
    assert m, lines
    assert _run(db_url, "audit", "verify").returncode == 0
    again = _run(db_url, "add", str(folder))
    assert again.returncode == 0, again.stderr
    assert again.stdout.decode().startswith(f"Added {3000 - int(m.group(1))} document")


def test_ctrl_c_at_the_review_note_prompt_exits_130_and_records_nothing(stored):
    import pty
    import signal
    import time

    main, child = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    proc = subprocess.Popen([sys.executable, "-m", "ledger", "review", "--reviewer", "ann"], stdin=child,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**env, "LEDGER_DB": stored})
    os.close(child)
    os.write(main, b"v\n")
    time.sleep(3)  # at the note prompt by then
    proc.send_signal(signal.SIGINT)
    out, errors = proc.communicate(timeout=60)
    os.close(main)
    assert proc.returncode == 130, errors
    assert errors.decode().splitlines()[-1] == "Interrupted: claim 1 not recorded (reviewed 0 claims before it)"
    assert "Aborted" not in out.decode() + errors.decode()
    assert json.loads(_run(stored, "show", "1", "--json").stdout)["status"] == "pending"
