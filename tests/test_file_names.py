"""Issue 15, item 4: facts files whose names are not UTF-8 (paths are bytes on POSIX).

Any name a file system allows is read, cached (by its bytes) and printed: each byte that
is not UTF-8 shows as `\\xNN`, in messages, `check`, `sources` and every format.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

import cqedu
from cqedu.cli import app
from cqedu.core.errors import FactsError
from cqedu.facts.files import display_path, path_bytes
from cqedu.store import cache as store
from tests.conftest import MINI_FACTS, SKIPPED_NOTE, shell, subprocess_env

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX names are bytes")

CAFE = b"caf\xe9.toml"  # "café.toml" in Latin-1: not UTF-8
FOLDER = b"d\xf6ssier"  # "dössier" in Latin-1
MINI_FIGURES = "id\nmini-schools\nmini-preschool-rate\nmini-teachers\nmini-club-members\n"
MINI_FIGURES += "mini-robot-club\n"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def named(folder: Path, *parts: bytes) -> Path:
    """A path under `folder` whose last parts are raw bytes, as os.fsdecode gives it."""
    return Path(os.fsdecode(b"/".join((os.fsencode(folder), *parts))))


@pytest.fixture
def cafe(tmp_path: Path) -> Path:
    """The mini facts file as dössier/café.toml, both names in Latin-1 bytes."""
    folder = named(tmp_path, FOLDER)
    try:
        folder.mkdir()
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    path = folder / os.fsdecode(CAFE)
    path.write_bytes(MINI_FACTS.read_bytes())
    return path


def shown(path: Path) -> str:
    return f"{path.parent.parent}/d\\xf6ssier/{path.name[:3]}\\xe9.toml"


def test_display_path_shows_each_byte_that_is_not_utf8_as_an_escape() -> None:
    assert display_path(os.fsdecode(b"/kb/caf\xe9.toml")) == "/kb/caf\\xe9.toml"
    assert display_path(os.fsdecode(b"/kb/\xff\xfe.toml")) == "/kb/\\xff\\xfe.toml"
    assert display_path("/kb/café.toml") == "/kb/café.toml"  # UTF-8 names stay as they are
    assert display_path(Path("/kb/a.toml")) == "/kb/a.toml"
    assert path_bytes(os.fsdecode(b"/kb/caf\xe9.toml")) == b"/kb/caf\xe9.toml"


@pytest.mark.parametrize("given", ["folder", "file", "CQEDU_FACTS", "relative folder"])
def test_any_name_loads_and_queries(cafe: Path, given: str) -> None:
    env: dict[str, str] = {}
    args: list[str] = []
    if given == "CQEDU_FACTS":
        env["CQEDU_FACTS"] = str(cafe)
    elif given == "file":
        args = ["--facts", str(cafe)]
    elif given == "folder":
        args = ["--facts", str(cafe.parent)]
    else:
        args = ["--facts", os.path.relpath(cafe.parent)]
    result = run(*args, "stats", "-F", "id", env=env)
    assert (result.exit_code, result.stdout, result.stderr) == (0, MINI_FIGURES, "")


def test_the_cache_knows_the_file_by_its_bytes(cafe: Path, isolated_environment: Path) -> None:
    cqedu.load(cafe.parent).close()
    (cache,) = isolated_environment.glob("kb-*.sqlite3")
    with sqlite3.connect(cache) as connection:
        rows = connection.execute("SELECT name, path FROM files").fetchall()
    connection.close()
    assert rows == [(os.fsencode(cafe.resolve()), shown(cafe.resolve()))]
    kb = cqedu.load(cafe.parent)  # and the second run is served by the cache
    assert kb.get("mini-schools").as_written == "1,234"
    kb.close()


def test_names_that_differ_only_in_a_byte_get_their_own_caches(
    tmp_path: Path, isolated_environment: Path
) -> None:
    try:
        for byte in (b"\xe8", b"\xe9"):
            path = named(tmp_path, b"caf" + byte + b".toml")
            path.write_bytes(MINI_FACTS.read_bytes().replace(b"1,234", b"1234", 1))
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    for byte in (b"\xe8", b"\xe9"):
        kb = cqedu.load(named(tmp_path, b"caf" + byte + b".toml"))
        assert [s.facts_file for s in kb.source_list()] == [f"{tmp_path}/caf\\x{byte[0]:02x}.toml"]
        kb.close()
    assert len(list(isolated_environment.glob("kb-*.sqlite3"))) == 2


@pytest.mark.parametrize(
    ("fmt", "facts_file"),
    [
        ("tsv", lambda out: out.splitlines()[1].split("\t")[4].replace("\\\\", "\\")),
        ("csv", lambda out: out.splitlines()[1].split(",")[4]),
        ("json", lambda out: json.loads(out)[0]["facts_file"]),
        ("jsonl", lambda out: json.loads(out)["facts_file"]),
        ("toml", lambda out: tomllib.loads(out)["sources"][0]["facts_file"]),
        ("table", lambda out: out.splitlines()[2].split()[-1]),
    ],
)
def test_sources_prints_the_name_in_every_format(cafe: Path, fmt: str, facts_file: object) -> None:
    result = run("--facts", str(cafe.parent), "sources", "-f", fmt, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert facts_file(result.stdout) == shown(cafe.resolve())  # type: ignore[operator]


def test_a_broken_file_is_named_in_the_message(cafe: Path) -> None:
    cafe.write_bytes(MINI_FACTS.read_bytes().replace(b"value = 1234", b'value = "1234"'))
    result = run("--facts", str(cafe.parent), "stats")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f'cqedu: {shown(cafe)}: stats[0] (id "mini-schools"): value: expected a number, '
        'got "1234"\n'
    )


def test_the_api_raises_messages_that_can_be_printed(cafe: Path, tmp_path: Path) -> None:
    cafe.write_bytes(MINI_FACTS.read_bytes().replace(b"value = 1234", b'value = "1234"'))
    with pytest.raises(FactsError) as caught:
        cqedu.load(cafe.parent)
    assert str(caught.value) == (
        f'{shown(cafe)}: stats[0] (id "mini-schools"): value: expected a number, got "1234"'
    )
    gone = named(tmp_path, b"gone\xe9.toml")
    with pytest.raises(FactsError) as caught:
        cqedu.load(gone)
    assert (
        str(caught.value) == f"{tmp_path}/gone\\xe9.toml: no such file; pass an existing facts file"
    )
    empty = named(tmp_path, b"empty\xe9")
    empty.mkdir()
    with pytest.raises(FactsError) as caught:
        cqedu.load(empty)
    assert str(caught.value) == (
        f"{tmp_path}/empty\\xe9: folder has no .toml files; pass a facts file or its folder"
    )


def test_check_lists_problems_under_the_name(cafe: Path) -> None:
    cafe.write_bytes(MINI_FACTS.read_bytes().replace(b"value = 1234", b'value = "1234"'))
    result = run("check", str(cafe.parent))
    assert result.exit_code == 1
    assert result.stdout == (
        f'{shown(cafe)}:38:1: stats[0] (id "mini-schools"): value: expected a number, got "1234"\n'
    )
    assert result.stderr == SKIPPED_NOTE + "cqedu: 1 problem in 1 of 1 facts file\n"


def test_a_name_with_a_newline_keeps_check_to_one_line_per_problem(tmp_path: Path) -> None:
    path = tmp_path / "new\nline.toml"
    path.write_bytes(MINI_FACTS.read_bytes().replace(b"value = 1234", b'value = "1234"'))
    result = run("check", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout == (
        f'{tmp_path}/new\\x0aline.toml:38:1: stats[0] (id "mini-schools"): value: '
        'expected a number, got "1234"\n'
    )


def test_files_read_by_worker_processes_keep_their_names(
    cafe: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = cafe.with_name(os.fsdecode(b"\xff.toml"))
    text = MINI_FACTS.read_text(encoding="utf-8")
    other.write_text(text.replace('id = "mini"', 'id = "other"').replace('"mini-', '"other-'))
    monkeypatch.setattr(store, "PARALLEL_BYTES", 0)  # read them in worker processes
    kb = cqedu.load(cafe.parent)
    assert [(s.source.id, s.facts_file) for s in kb.source_list()] == [
        ("mini", shown(cafe.resolve())),
        ("other", shown(cafe.resolve()).replace("caf\\xe9", "\\xff")),
    ]
    kb.close()


def test_a_clash_names_both_files(cafe: Path) -> None:
    other = cafe.with_name(os.fsdecode(b"\xff.toml"))
    other.write_bytes(MINI_FACTS.read_bytes())
    with pytest.raises(FactsError) as caught:
        cqedu.load(cafe.parent)
    first = shown(cafe.resolve())
    second = first.replace("caf\\xe9", "\\xff")
    assert str(caught.value) == (
        f'source id "mini" is used in both {first} and {second}; rename one of them'
        f" (cqedu draft avoids the ids of the facts files --facts names)"
    )


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_a_real_process_given_the_bytes(cafe: Path, encoding: str) -> None:
    """argv and the environment as bytes, as a shell passes them."""
    folder = os.fsencode(cafe.parent)
    result = subprocess.run(
        [
            os.fsencode(sys.executable),
            b"-m",
            b"cqedu",
            b"--facts",
            folder,
            b"sources",
            b"-f",
            b"csv",
        ],
        capture_output=True,
        env=subprocess_env(PYTHONIOENCODING=encoding),
        timeout=60,
        check=False,
    )
    expected = f"mini,Mini test source,2025-01-02,8,{shown(cafe.resolve())}\n"
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.decode("ascii").splitlines()[1] + "\n" == expected
    env = subprocess_env()
    env_bytes = {os.fsencode(k): os.fsencode(v) for k, v in env.items()}
    env_bytes[b"CQEDU_FACTS"] = os.fsencode(cafe)
    broken = subprocess.run(
        [sys.executable, "-m", "cqedu", "show", "nothing-here"],
        capture_output=True,
        env=env_bytes,  # type: ignore[arg-type]
        timeout=60,
        check=False,
    )
    assert (broken.returncode, broken.stdout) == (1, b"")
    assert broken.stderr.startswith(b'cqedu: no record has id "nothing-here"')


def test_arguments_in_bytes_that_are_not_utf8_are_never_a_crash() -> None:
    """Text arguments (an id, a query, a level) can hold such bytes too: no record matches
    them, and the messages show them as \\xNN."""
    typed = os.fsdecode(b"teach\xe9rs")
    result = run("show", typed)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith('cqedu: no record has id "teach\\xe9rs"')
    result = run("stats", "--level", typed)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith('cqedu: the facts know no level "teach\\xe9rs"; valid levels: ')
    result = run("ask", typed)
    assert (result.exit_code, result.stdout) == (1, "")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.binary(min_size=1, max_size=60).filter(
        lambda name: b"/" not in name and b"\0" not in name
    )
)
def test_any_name_a_file_system_allows(tmp_path: Path, name: bytes) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    path = named(folder, name + b".toml")
    try:
        path.write_bytes(MINI_FACTS.read_bytes())
    except OSError:
        return  # a name this file system refuses
    expected = display_path(path.resolve())
    expected.encode("utf-8")  # printable whatever the name
    for _ in range(2):  # read, then served by the cache
        kb = cqedu.load(folder)
        assert [info.facts_file for info in kb.source_list()] == [expected]
        kb.close()
    result = run("--facts", str(folder), "sources", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0]["facts_file"] == expected


def test_a_facts_file_piped_in_is_read_each_time_as_it_is(tmp_path: Path) -> None:
    # /dev/stdin and a shell's <(...) (/dev/fd/63) are links to a pipe, which no path
    # names; what comes down the pipe differs from run to run, whatever its status says.
    result = shell(
        f'cqedu --facts <(cat "{MINI_FACTS}") show mini-schools -F value --no-header\n'
        f'sed "s/1234/1235/; s/1,234/1,235/" "{MINI_FACTS}" '
        "| cqedu --facts /dev/stdin show mini-schools -F value --no-header\n"
        f'cqedu --facts <(sed "s/1234/1236/; s/1,234/1,236/" "{MINI_FACTS}") show mini-schools '
        "-F value --no-header",
        timeout=120,
        CQEDU_CACHE_DIR=str(tmp_path / "cache"),
    )
    assert (result.returncode, result.stderr, result.stdout) == (0, "", "1234\n1235\n1236\n")
