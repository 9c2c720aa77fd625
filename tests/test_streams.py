"""Issue 15, item 5: a process started with stdin, stdout or stderr closed (cron, daemons,
CI runners, `>&-`). Output that cannot be written is exit 74 with the reason on stderr
(when stderr is open), never 70; a stream a run does not need does not matter.

Real processes, as a user's shell starts them (PYTHONUNBUFFERED unset).
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from cqedu import __version__
from cqedu.cli import app
from tests.conftest import MINI_FACTS, REAL_FACTS, REPO, subprocess_env

#: One run of each command that prints results, as the tests start it.
PRINTING: dict[str, list[str]] = {
    "stats": ["stats", "--level", "preschool"],
    "programs": ["programs", "--field", "robotics"],
    "partners": ["partners", "-f", "table"],
    "search": ["search", "leicester", "-f", "json"],
    "show": ["show", "teachers"],
    "export": ["export", "--kind", "events", "-f", "toml"],
    "ask": ["ask", "how", "many", "teachers"],
    "sources": ["sources", "-f", "csv"],
    "check": ["check", str(REAL_FACTS), str(REAL_FACTS.with_name("pyproject.toml"))],
    "schema": ["schema"],
    "draft": ["draft", str(REAL_FACTS.parent / "tests" / "data" / "articles" / "a1.txt")],
    "--version": ["--version"],
    "--help": ["--help"],
    "stats --help": ["stats", "--help"],
}
#: Runs that print nothing on stdout: a valid facts file checked, and a query that finds nothing.
SILENT: dict[str, tuple[list[str], int, str]] = {
    "check": (
        ["check", str(REAL_FACTS)],
        0,
        "cqedu: figures not verified against the article: 000_ed46c7c8f7a8eaaf.txt not found"
        " beside the facts file; give its folder with --articles DIR\n"
        "cqedu: 1 facts file checked, no problems\n",
    ),
    "no match": (
        ["stats", "--level", "primary"],
        1,
        'cqedu: the source gives no figure for level "primary" (Primary)\n',
    ),
}
CLOSED_STDOUT = "cqedu: cannot write the output: stdout is closed\n"


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the module's runs: the streams are the subject, not the first load."""
    return tmp_path_factory.mktemp("stream-cache")


def cqedu(args: list[str], redirections: str, cache: Path) -> subprocess.CompletedProcess[bytes]:
    """cqedu run by bash with `redirections` (such as `>&-`) applied to it alone."""
    return subprocess.run(
        ["bash", "-c", f'"$@" {redirections}', "bash", sys.executable, "-m", "cqedu", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=subprocess_env(CQEDU_CACHE_DIR=str(cache), COLUMNS="80"),
        timeout=60,
        check=False,
        cwd=REPO,
    )


def test_every_command_is_tried() -> None:
    names = {command.callback.__name__ for command in app.registered_commands if command.callback}
    assert names <= set(PRINTING), f"add the new commands to PRINTING: {names - set(PRINTING)}"


@pytest.mark.parametrize("name", PRINTING)
def test_each_stream_closed_alone_and_together(name: str, cache: Path) -> None:
    args = PRINTING[name]
    # Independent processes: run side by side, compared with the run with every stream open.
    with ThreadPoolExecutor(3) as pool:
        expected, no_stdin, no_stderr, no_stdout, none = pool.map(
            lambda redirections: cqedu(args, redirections, cache),
            ["", "0<&-", "2>&-", ">&-", ">&- 2>&- 0<&-"],
        )
    assert expected.returncode == (1 if name == "check" else 0)  # pyproject.toml is no facts file
    assert expected.stdout
    # Streams the run does not need: the same output and exit code.
    assert (no_stdin.returncode, no_stdin.stdout, no_stdin.stderr) == (
        expected.returncode,
        expected.stdout,
        expected.stderr,
    )
    assert (no_stderr.returncode, no_stderr.stdout) == (expected.returncode, expected.stdout)
    # No stdout: exit 74, and the reason on stderr while there is one.
    assert (no_stdout.returncode, no_stdout.stdout, no_stdout.stderr.decode()) == (
        74,
        b"",
        CLOSED_STDOUT,
    )
    assert (none.returncode, none.stdout, none.stderr) == (74, b"", b"")


@pytest.mark.parametrize("name", SILENT)
@pytest.mark.parametrize("redirections", [">&- 0<&-", ">&- 2>&- 0<&-"])
def test_a_run_with_nothing_to_print_keeps_its_exit_code(
    name: str, redirections: str, cache: Path
) -> None:
    args, code, message = SILENT[name]
    result = cqedu(args, redirections, cache)
    expected_stderr = b"" if "2>&-" in redirections else message.encode()
    assert (result.returncode, result.stdout, result.stderr) == (code, b"", expected_stderr)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["stats", "--level", "postdoc"], 1),
        (["stats", "--level", "!!"], 2),
        (["show", "teacher"], 1),
        (["--facts", "/nonexistent/facts.toml", "stats"], 2),
        (["stats", "--limit", "3"], 2),
    ],
)
def test_errors_keep_their_exit_code_with_stderr_closed(
    args: list[str], code: int, cache: Path
) -> None:
    for redirections in ("2>&-", "2>&- >&- 0<&-"):
        result = cqedu(args, redirections, cache)
        assert (result.returncode, result.stdout) == (code, b""), redirections


@pytest.mark.parametrize(
    "args",
    [[], ["--help"], ["stats", "--help"], ["--show-completion", "bash"], ["stats"]],
    ids=["bare cqedu (help)", "--help", "stats --help", "--show-completion", "stats"],
)
@pytest.mark.parametrize(
    ("redirections", "reason"),
    [
        (">&-", "stdout is closed"),
        ("> /dev/full", "No space left on device"),
        ("1</dev/null", "Bad file descriptor"),
    ],
)
def test_output_written_by_click_or_by_cqedu_fails_the_same_way(
    args: list[str], redirections: str, reason: str, cache: Path
) -> None:
    """Help and completion scripts are written by Click, results by cqedu: either way a
    stdout that cannot take them is exit 74 with the reason, never 70 or a traceback."""
    if "/dev/full" in redirections and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    result = cqedu(args, redirections, cache)
    assert (result.returncode, result.stdout) == (74, b"")
    assert result.stderr.decode() == f"cqedu: cannot write the output: {reason}\n"


def test_a_stderr_open_for_reading_only_changes_nothing(cache: Path) -> None:
    result = cqedu(["--version"], "2</dev/null", cache)
    assert (result.returncode, result.stdout) == (0, f"cqedu {__version__}\n".encode())


def test_a_first_run_with_streams_closed_leaves_a_sound_cache(tmp_path: Path) -> None:
    """Files opened while a standard descriptor is closed would take its number; a
    stray write to that stream must never land in a facts file's cache."""
    facts = tmp_path / "facts.toml"
    facts.write_bytes(REAL_FACTS.read_bytes())
    args = ["--facts", str(facts), "search", "leicester", "-F", "id"]
    closed = cqedu(args, ">&- 2>&- 0<&-", tmp_path / "cache")
    assert closed.returncode == 74
    result = cqedu(args, "", tmp_path / "cache")
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == b"id\nuniversity-of-leicester\nleicester-joint-college\n"
    assert facts.read_bytes() == REAL_FACTS.read_bytes()


@pytest.mark.skipif(not hasattr(fcntl, "F_SETPIPE_SZ"), reason="needs Linux pipe sizes")
@pytest.mark.parametrize("args", [["export", "-f", "json"], ["export", "-f", "table", "-L"]])
def test_a_non_blocking_stdout_gets_every_byte(args: list[str], cache: Path) -> None:
    """A parent may hand over a non-blocking pipe: once it is full, the rest of the
    output waits for the reader instead of ending in exit 74 with most of it lost."""
    expected = cqedu(args, "", cache)
    reader, writer = os.pipe()
    fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, 4096)  # full long before the output ends
    os.set_blocking(writer, False)
    process = subprocess.Popen(
        [sys.executable, "-m", "cqedu", *args],
        stdout=writer,
        stderr=subprocess.PIPE,
        env=subprocess_env(CQEDU_CACHE_DIR=str(cache), COLUMNS="80"),
        cwd=REPO,
    )
    os.close(writer)
    time.sleep(0.5)  # a slow reader: the pipe fills and the writer meets EAGAIN
    received = b""
    while chunk := os.read(reader, 65536):
        received += chunk
    os.close(reader)
    assert process.wait(60) == 0
    assert process.stderr is not None
    assert (received, process.stderr.read()) == (expected.stdout, b"")
    assert len(received) > 4096 * 4


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (["stats", "--level"], "level"),
        (["partners", "--country"], "country"),
        (["stats", "--unit"], "unit"),
    ],
)
def test_a_filter_value_longer_than_any_name_is_refused_without_quoting_it(
    args: list[str], what: str
) -> None:
    # search and ask refuse input over 500 characters; a filter value is a name, and a
    # 5,000-character one was matched and quoted back whole, twice, with exit 1
    result = subprocess.run(
        [sys.executable, "-m", "cqedu", *args, "a" * 5000],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        f"cqedu: {what} is too long (5000 characters); use at most 200\n",
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--facts", "/dev/stdin", "stats"],
        ["check", "/dev/stdin"],
        ["--facts", "/dev/fd/0", "stats"],
    ],
)
def test_facts_read_from_a_closed_stdin_say_it_is_closed(args: list[str], cache: Path) -> None:
    # Held on the null device, the closed stdin read as an empty facts file: "file is empty".
    result = cqedu(args, "0<&-", cache)
    path = args[1] if args[0] == "--facts" else args[-1]
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == (
        f"cqedu: {path}: standard input is closed; pipe a facts file in "
        f"(cqedu --facts {path} ... < facts.toml)\n"
    )


def dash_run(args: list[str], cwd: Path, cache: Path) -> subprocess.CompletedProcess[bytes]:
    """cqedu run in `cwd` with the mini facts file piped to its standard input."""
    return subprocess.run(
        [sys.executable, "-m", "cqedu", *args],
        input=MINI_FACTS.read_bytes(),
        capture_output=True,
        env=subprocess_env(CQEDU_CACHE_DIR=str(cache), COLUMNS="80"),
        timeout=60,
        check=False,
        cwd=cwd,
    )


@pytest.mark.parametrize(
    ("args", "stdout"),
    [
        (["--facts", "-", "show", "mini-schools", "-F", "value", "--no-header"], b"1234\n"),
        (
            ["--facts", "-", "--facts", str(REAL_FACTS), "show", "mini-schools", "-F", "id"],
            b"id\nmini-schools\n",
        ),
        (["check", "-"], b""),
        (["--facts", "-", "check"], b""),
    ],
)
def test_a_dash_reads_the_facts_file_from_standard_input(
    args: list[str], stdout: bytes, tmp_path: Path, cache: Path
) -> None:
    result = dash_run(args, tmp_path, cache)
    assert (result.returncode, result.stdout) == (0, stdout), result.stderr


def test_a_dash_is_standard_input_even_beside_a_file_named_dash(
    tmp_path: Path, cache: Path
) -> None:
    # "-" means the same in every folder, as for cat; the file is ./-
    (tmp_path / "-").write_text(REAL_FACTS.read_text(encoding="utf-8"), encoding="utf-8")
    piped = dash_run(["--facts", "-", "show", "mini-schools", "-F", "id"], tmp_path, cache)
    named = dash_run(["--facts", "./-", "show", "teachers", "-F", "id"], tmp_path, cache)
    assert (piped.returncode, piped.stdout) == (0, b"id\nmini-schools\n")
    assert (named.returncode, named.stdout) == (0, b"id\nteachers\n")


@pytest.mark.parametrize("args", [["--facts", "-", "stats"], ["check", "-"]])
def test_a_dash_with_stdin_closed_says_it_is_closed(args: list[str], cache: Path) -> None:
    result = cqedu(args, "0<&-", cache)
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr == (
        b"cqedu: -: standard input is closed; pipe a facts file in "
        b"(cqedu --facts - ... < facts.toml)\n"
    )


def test_a_dash_reads_standard_input_where_the_system_has_no_dev_stdin(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from cqedu import cli

    monkeypatch.setattr(cli, "_STDIN_DEVICE", str(tmp_path / "no-such-device"))
    monkeypatch.setattr(cli, "_spooled", [])
    result = CliRunner().invoke(
        app,
        ["--facts", "-", "show", "mini-schools", "-F", "value", "--no-header"],
        input=MINI_FACTS.read_text(encoding="utf-8"),
    )
    assert (result.exit_code, result.stdout) == (0, "1234\n")
    copy = cli._spooled[0]
    assert copy.read_bytes() == MINI_FACTS.read_bytes()
