"""Issue 15, item 6: the cache never serves a file's old content after an edit that leaves
its size, modification time and inode as they were (tar -x, rsync -t, cp -p, or two edits
within one timestamp tick)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cqedu
from cqedu.facts import files as listing
from cqedu.store import cache as store
from tests.conftest import subprocess_env
from tests.facts.helpers import HEADER, STAT

#: The facts file of the issue: its header, then one stat.
ISSUE_FACTS = HEADER + STAT
EDITED_FACTS = ISSUE_FACTS.replace("value = 1234", "value = 4321").replace('"1,234"', '"4,321"')


def rewrite_in_place(path: Path, text: str) -> None:
    """Overwrite the file's bytes in the same inode, as cp -p and tar -x over a file do."""
    with path.open("r+b") as file:
        file.write(text.encode())
        file.truncate()


def figures(path: Path) -> list[tuple[str, float | None, str | None]]:
    kb = cqedu.load(path)
    try:
        return [(f.id, f.value, f.as_written) for f in kb.figures()]
    finally:
        kb.close()


def wait_for_a_new_ctime(path: Path) -> None:
    """Sleep until a change to `path` would get a later ctime than it has now (the file
    system's clock moves in ticks of a few milliseconds)."""
    before = path.stat().st_ctime_ns
    probe = path.with_name(".probe")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        probe.write_bytes(b"")
        if probe.stat().st_ctime_ns > before:
            probe.unlink()
            return
        time.sleep(0.005)
    pytest.fail("the file system's clock did not move in 5 s")


@pytest.fixture
def facts(tmp_path: Path) -> Path:
    path = tmp_path / "facts.toml"
    path.write_text(ISSUE_FACTS, encoding="utf-8")
    return path


@pytest.fixture
def digests(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files whose content the cache hashed to check it, in order."""
    hashed: list[Path] = []
    real = store._file_digest

    def counting(path: Path) -> bytes | None:
        hashed.append(path)
        return real(path)

    monkeypatch.setattr(store, "_file_digest", counting)
    return hashed


def never_racy(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if every file had been listed long after its last change."""
    monkeypatch.setattr(listing, "RACY_NS", -(10**18))


def frozen_status(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every listing report the status of the first: what a file system with a coarse
    clock reports for a second edit within the same tick."""
    first: dict[str, listing.FactsFile] = {}
    real = store.facts_files

    def frozen(paths: list[Path]) -> list[listing.FactsFile]:
        found = real(paths)
        return [first.setdefault(file.path, file)._replace(racy=file.racy) for file in found]

    monkeypatch.setattr(store, "facts_files", frozen)


# ---------------------------------------------------------------- the issue's steps


def test_the_issues_steps_print_the_new_figure(facts: Path) -> None:
    """Step by step as the issue gives them, with touch(1) and real processes."""
    if shutil.which("touch") is None:
        pytest.skip("needs touch(1)")

    def cqedu_stats() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "cqedu", "--facts", str(facts), "stats", "-F", "id,as_written"],
            capture_output=True,
            text=True,
            env=subprocess_env(),
            timeout=60,
            check=False,
        )

    stamp = "2025-06-01 12:00:00"
    subprocess.run(["touch", "-d", stamp, str(facts)], check=True)
    before = facts.stat()
    assert cqedu_stats().stdout == "id\tas_written\nschools\t1,234\n"
    rewrite_in_place(facts, EDITED_FACTS)
    subprocess.run(["touch", "-d", stamp, str(facts)], check=True)
    after = facts.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    second = cqedu_stats()
    assert (second.returncode, second.stdout, second.stderr) == (
        0,
        "id\tas_written\nschools\t4,321\n",
        "",
    )


# ---------------------------------------------------------------- each way an edit can hide


@pytest.mark.parametrize(
    "restamp",
    [
        pytest.param(
            lambda path, stat: os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns)),
            id="mtime set back (tar -x, rsync -t, cp -p)",
        ),
        pytest.param(lambda path, stat: None, id="mtime left as the edit set it"),
    ],
)
def test_an_edit_of_the_same_size_is_seen_through_the_ctime(
    facts: Path,
    monkeypatch: pytest.MonkeyPatch,
    digests: list[Path],
    restamp: Callable[[Path, os.stat_result], None],
) -> None:
    never_racy(monkeypatch)  # only the ctime can tell
    os.utime(facts, ns=(0, 1_748_779_200_000_000_000))
    stat = facts.stat()
    assert figures(facts) == [("schools", 1234, "1,234")]
    wait_for_a_new_ctime(facts)
    rewrite_in_place(facts, EDITED_FACTS)
    restamp(facts, stat)
    parses = store.parse_count
    assert figures(facts) == [("schools", 4321, "4,321")]
    assert store.parse_count - parses == 1
    assert digests == [facts.resolve()]  # same size: hashed first, then read


def test_a_second_edit_within_one_clock_tick_is_seen_through_the_hash(
    facts: Path, monkeypatch: pytest.MonkeyPatch, digests: list[Path]
) -> None:
    frozen_status(monkeypatch)  # size, mtime, ctime and inode all as at the first load
    assert figures(facts) == [("schools", 1234, "1,234")]
    rewrite_in_place(facts, EDITED_FACTS)
    assert figures(facts) == [("schools", 4321, "4,321")]
    assert digests == [facts.resolve()]


def test_a_file_listed_long_after_its_change_is_trusted_on_its_status(
    facts: Path, monkeypatch: pytest.MonkeyPatch, digests: list[Path]
) -> None:
    """The other side of the hash: a status that can vouch for the file is not re-hashed,
    so a repeated run over thousands of files reads none of them."""
    never_racy(monkeypatch)
    assert figures(facts) == [("schools", 1234, "1,234")]
    parses = store.parse_count
    assert figures(facts) == [("schools", 1234, "1,234")]
    assert (store.parse_count - parses, digests) == (0, [])


def test_a_racy_file_is_hashed_until_its_status_can_vouch_for_it(
    facts: Path, monkeypatch: pytest.MonkeyPatch, digests: list[Path]
) -> None:
    parses = store.parse_count
    assert figures(facts) == [("schools", 1234, "1,234")]  # just written: racy
    assert figures(facts) == [("schools", 1234, "1,234")]
    assert digests == [facts.resolve()]
    never_racy(monkeypatch)  # the clock has moved on
    assert figures(facts) == [("schools", 1234, "1,234")]
    assert digests == [facts.resolve()] * 2  # checked once more, now without a doubt
    assert figures(facts) == [("schools", 1234, "1,234")]
    assert digests == [facts.resolve()] * 2
    assert store.parse_count - parses == 1


def test_a_file_dated_in_the_future_is_racy(facts: Path) -> None:
    future = time.time_ns() + 3600 * 10**9
    os.utime(facts, ns=(future, future))
    (listed,) = listing.facts_files([facts])
    assert listed.racy is True
    os.utime(facts, ns=(0, 1_748_779_200_000_000_000))
    (listed,) = listing.facts_files([facts])
    assert listed.racy is True  # the utime itself just changed its ctime


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda path: path.chmod(0o600), id="chmod"),
        pytest.param(lambda path: os.utime(path, ns=(0, 1_000_000_000)), id="touch -d"),
        pytest.param(
            lambda path: (
                path.with_name("new").write_bytes(path.read_bytes()),
                path.with_name("new").replace(path),
            ),
            id="same bytes in a new inode",
        ),
    ],
)
def test_a_status_change_without_a_content_change_is_not_read_again(
    facts: Path,
    monkeypatch: pytest.MonkeyPatch,
    digests: list[Path],
    change: Callable[[Path], object],
) -> None:
    never_racy(monkeypatch)
    assert figures(facts) == [("schools", 1234, "1,234")]
    wait_for_a_new_ctime(facts)
    change(facts)
    parses = store.parse_count
    assert figures(facts) == [("schools", 1234, "1,234")]
    assert (store.parse_count - parses, digests) == (0, [facts.resolve()])
    assert figures(facts) == [("schools", 1234, "1,234")]  # the new status is stored
    assert digests == [facts.resolve()]


def test_a_status_change_keeps_the_search_index(
    facts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    never_racy(monkeypatch)
    kb = cqedu.load(facts, for_search=True)
    kb.close()
    facts.chmod(0o600)
    dropped: list[object] = []
    monkeypatch.setattr(store, "drop_search_index", dropped.append)
    kb = cqedu.load(facts)
    assert [hit.fact.id for hit in kb.search("schools", 1)] == ["schools"]
    kb.close()
    assert dropped == []


def test_a_new_size_is_read_without_hashing(
    facts: Path, monkeypatch: pytest.MonkeyPatch, digests: list[Path]
) -> None:
    never_racy(monkeypatch)
    assert figures(facts) == [("schools", 1234, "1,234")]
    facts.write_text(
        ISSUE_FACTS.replace("value = 1234", "value = 12345").replace('"1,234"', '"12,345"'),
        encoding="utf-8",
    )
    assert figures(facts) == [("schools", 12345, "12,345")]
    assert digests == []


def test_the_stored_digest_is_the_hash_of_the_bytes_read(
    facts: Path, isolated_environment: Path
) -> None:
    import hashlib
    import sqlite3

    cqedu.load(facts).close()
    (cache,) = isolated_environment.glob("kb-*.sqlite3")
    with sqlite3.connect(cache) as connection:
        row = connection.execute("SELECT name, path, size, digest FROM files").fetchone()
    connection.close()
    assert row == (
        os.fsencode(facts.resolve()),
        str(facts.resolve()),
        len(ISSUE_FACTS),
        hashlib.sha256(ISSUE_FACTS.encode()).digest(),
    )


# ---------------------------------------------------------------- any sequence of edits

#: Ways to change a file: (name, does it change the content).
CHANGES = ["rewrite, mtime set back", "rewrite", "rename over", "chmod", "touch -d"]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    steps=st.lists(
        st.tuples(st.integers(1000, 9999), st.sampled_from(CHANGES), st.booleans()),
        min_size=1,
        max_size=6,
    ),
    racy=st.booleans(),
)
def test_any_sequence_of_edits_loads_the_files_content(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    steps: list[tuple[int, str, bool]],
    racy: bool,
) -> None:
    """Whatever way a file is changed, and whether its status is trusted (an old file) or
    not (a file changed moments ago), a load gives what the file holds now."""
    with monkeypatch.context() as patched:
        if not racy:
            never_racy(patched)
        folder = Path(tempfile.mkdtemp(dir=tmp_path))
        patched.setenv("CQEDU_CACHE_DIR", str(folder / "cache"))
        path = folder / "facts.toml"
        path.write_text(ISSUE_FACTS, encoding="utf-8")
        os.utime(path, ns=(0, 1_748_779_200_000_000_000))
        value = 1234
        assert figures(path) == [("schools", 1234, "1,234")]
        for new, change, load in steps:
            if not racy:
                wait_for_a_new_ctime(path)  # an old file: its next change gets a new ctime
            stat = path.stat()
            text = ISSUE_FACTS.replace("1234", str(new)).replace("1,234", f"{new:,}")
            if change.startswith("rewrite"):
                rewrite_in_place(path, text)
                value = new
                if change == "rewrite, mtime set back":
                    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            elif change == "rename over":
                path.with_name("new").write_text(text, encoding="utf-8")
                path.with_name("new").replace(path)
                value = new
            elif change == "chmod":
                path.chmod(0o600 if stat.st_mode & 0o044 else 0o644)
            else:
                os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - 10**9))
            if load:
                assert figures(path) == [("schools", value, f"{value:,}")]
        assert figures(path) == [("schools", value, f"{value:,}")]
