"""What only a real process shows: pipes closed early, terminals, encodings, signals."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cqedu import __version__
from tests.conftest import MINI_FACTS, REPO, SKIPPED_NOTE, shell, subprocess_env

CQEDU = [sys.executable, "-m", "cqedu"]


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("cqedu")
    result = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, check=False, timeout=60
    )
    assert (result.returncode, result.stdout) == (0, f"cqedu {__version__}\n")


@pytest.mark.parametrize(
    "pipeline",
    [
        "cqedu stats | head -1",
        "cqedu stats -f table | head -1",
        "cqedu export -f json | head -c 10",
        "cqedu export -f tsv | head -c 1",
        "cqedu export -f toml | true",
        "cqedu search leicester | true",
        "cqedu search school -n 100 -f jsonl | head -1",
        "cqedu --help | true",
        "cqedu stats --help | head -1",
    ],
)
def test_a_reader_that_stops_early_ends_the_run_quietly(pipeline: str) -> None:
    result = shell(pipeline)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_a_reader_that_stops_early_keeps_the_commands_own_exit_code(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(MINI_FACTS.read_text().replace("value = 1234", 'value = "1234"'))
    result = shell(f"cqedu check {broken} | true")
    assert result.returncode == 1
    assert result.stderr == SKIPPED_NOTE + "cqedu: 1 problem in 1 of 1 facts file\n"


def test_output_that_cannot_be_written_is_exit_74_not_a_bug() -> None:
    result = shell("cqedu stats > /dev/full")
    assert result.returncode == 74
    assert result.stderr == "cqedu: cannot write the output: No space left on device\n"


def test_head_gets_the_first_line() -> None:
    result = shell("cqedu stats | head -2 | tail -1 | cut -f1,8")
    assert result.stdout == "core-goals-met\t12\n"


def test_output_is_a_pipe_format_by_default_and_parses() -> None:
    result = shell("cqedu search leicester -f json")
    data = json.loads(result.stdout)
    assert data[0]["id"] == "university-of-leicester"
    tsv = shell("cqedu stats --level preschool")
    assert tsv.stdout.splitlines()[1].split("\t")[:2] == ["preschool-enrollment-rate", "stat"]


def run_on_terminal(args: list[str], **env: str) -> str:
    """Run cqedu with a pseudo-terminal as stdout and return what it showed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [*CQEDU, *args],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=subprocess_env(COLUMNS="100", **env),
        cwd=REPO,
    )
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=30) == 0
    return b"".join(chunks).decode()


def test_a_message_wraps_between_words_only_when_stderr_is_a_terminal() -> None:
    leader, follower = pty.openpty()
    process = subprocess.run(
        [*CQEDU, "show", "leicester"],
        stdout=subprocess.PIPE,
        stderr=follower,
        env=subprocess_env(COLUMNS="40"),
        cwd=REPO,
        timeout=60,
        check=False,
    )
    os.close(follower)
    shown = os.read(leader, 65536).decode()
    os.close(leader)
    assert process.returncode == 1
    assert shown.splitlines() == [
        'cqedu: no record has id "leicester"; did',
        "       you mean leicester-joint-college,",
        "       university-of-leicester?",
    ]
    # stderr piped: a script reading it gets each message as one line
    piped = shell("cqedu show leicester", COLUMNS="40")
    assert piped.stderr == (
        'cqedu: no record has id "leicester"; did you mean leicester-joint-college, '
        "university-of-leicester?\n"
    )


def test_a_terminal_gets_a_coloured_table() -> None:
    shown = run_on_terminal(["stats", "--level", "preschool"], TERM="xterm")
    assert "\x1b[" in shown
    assert "Name, id" in shown and "93.5%" in shown
    assert "preschool-enrollment-rate" in shown


@pytest.mark.parametrize("env", [{"NO_COLOR": "1", "TERM": "xterm"}, {"TERM": "dumb"}])
def test_no_color_and_dumb_terminals_get_no_escapes(env: dict[str, str]) -> None:
    shown = run_on_terminal(["stats", "--level", "preschool"], **env)
    assert "\x1b" not in shown
    assert "93.5%" in shown


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "jsonl", "toml"])
def test_force_color_never_colours_machine_formats(fmt: str) -> None:
    result = shell(f"cqedu stats -f {fmt}", FORCE_COLOR="1")
    assert result.returncode == 0
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize("columns", ["20", "500"])
def test_table_widths(columns: str) -> None:
    result = shell("cqedu stats -f table", COLUMNS=columns)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= int(columns)
    assert "9,177" in result.stdout
    assert "".join("6.4 million".split()) in "".join(result.stdout.split())


def test_ascii_output_encoding_keeps_json_valid_and_tables_readable() -> None:
    result = shell("cqedu export -f json", PYTHONIOENCODING="ascii")
    assert result.returncode == 0, result.stderr
    assert result.stdout.isascii()
    data = json.loads(result.stdout)
    assert len(data) == 67
    table = shell("cqedu stats -f table", PYTHONIOENCODING="ascii")
    assert table.returncode == 0, table.stderr
    assert table.stdout.isascii()
    assert "##########" in table.stdout
    tsv = shell("cqedu partners", PYTHONIOENCODING="ascii")
    assert tsv.returncode == 0, tsv.stderr
    toml = shell("cqedu export -f toml", PYTHONIOENCODING="ascii")
    assert toml.returncode == 0 and toml.stdout.isascii()


def test_c_locale() -> None:
    result = shell("cqedu search leicester -f table", LANG="C", LC_ALL="C")
    assert result.returncode == 0, result.stderr
    assert "University of Leicester" in result.stdout


def test_no_home_and_unusable_home(tmp_path: Path) -> None:
    env = subprocess_env()
    for name in ("HOME", "CQEDU_CACHE_DIR", "XDG_CACHE_HOME"):
        env.pop(name, None)
    home_is_a_file = tmp_path / "home"
    home_is_a_file.write_text("")
    for home in (None, str(home_is_a_file)):
        if home is not None:
            env["HOME"] = home
        result = subprocess.run(
            [*CQEDU, "show", "schools", "-f", "tsv", "--no-header"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            cwd=tmp_path,
        )
        assert (result.returncode, result.stderr) == (0, ""), home
        assert result.stdout.split("\t")[4] == "9177"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]


def test_broken_facts_file_in_a_process(tmp_path: Path) -> None:
    broken = tmp_path / "bad.toml"
    broken.write_bytes(b"schema = 1\n\xff\xfe oops\n")
    result = shell(f"cqedu --facts '{broken}' stats")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"cqedu: {broken}:2: not UTF-8 (byte 0xff at offset 11); save the file as UTF-8\n"
    )


def test_a_folder_without_facts_files(tmp_path: Path) -> None:
    result = shell(f"CQEDU_FACTS='{tmp_path}' cqedu stats")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"cqedu: {tmp_path}: folder has no .toml files; pass a facts file or its folder\n"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_facts_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.toml"
    locked.write_bytes(MINI_FACTS.read_bytes())
    locked.chmod(0)
    result = shell(f"cqedu --facts '{locked}' stats")
    assert result.returncode == 2
    assert result.stderr == f"cqedu: {locked}: permission denied; make the file readable\n"


def _as_a_foreground_command() -> None:
    """Give the child the SIGINT handling an interactive shell gives a foreground command.

    A runner started in the background of a script (`pytest ... &`), or under nohup,
    ignores SIGINT, and a child inherits that: Python then keeps ignoring it, as a
    background job must, and the run below would wait on its FIFO for ever.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupt_a_run_blocked_on_a_fifo(tmp_path: Path) -> tuple[int, bytes, bytes]:
    """(exit code, stdout, stderr) of a run sent SIGINT while it waits to open a FIFO."""
    fifo = tmp_path / "facts.toml"
    os.mkfifo(fifo)  # opening it blocks until a writer comes: a run that waits forever
    process = subprocess.Popen(
        [*CQEDU, "--facts", str(fifo), "stats"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=subprocess_env(),
        preexec_fn=_as_a_foreground_command,  # noqa: PLW1509 - no threads of ours are running
    )
    try:
        wchan = Path(f"/proc/{process.pid}/wchan")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if wchan.read_text() == "wait_for_partner":
                    break
            except OSError:
                pass
            time.sleep(0.05)
        else:
            pytest.skip("could not see the process wait on the FIFO")
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:  # never left behind, blocked on the FIFO
            process.kill()
            process.communicate()
    return process.returncode, out, err


def test_ctrl_c_exits_130_without_a_traceback(tmp_path: Path) -> None:
    assert _interrupt_a_run_blocked_on_a_fifo(tmp_path) == (130, b"", b"cqedu: interrupted\n")


def test_ctrl_c_exits_130_when_the_test_runner_ignores_sigint(tmp_path: Path) -> None:
    # `pytest &` in a script starts pytest with SIGINT ignored; the run must still be a
    # foreground command's (this test timed out under such a runner).
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        outcome = _interrupt_a_run_blocked_on_a_fifo(tmp_path)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert outcome == (130, b"", b"cqedu: interrupted\n")


def test_control_characters_in_queries_are_not_echoed_raw() -> None:
    result = shell("cqedu search $'\\e[31mzqxv\\a'")
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert (
        result.stderr == 'cqedu: nothing matches "\\x1b[31mzqxv\\x07"; try other or fewer words\n'
    )
