"""The cached SQLite index: reused when fresh, rebuilt when stale or corrupt, optional."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

import cqedu
from cqedu import loader, store
from cqedu.errors import FactsError
from tests.conftest import MINI_FACTS


@pytest.fixture
def facts_copy(tmp_path: Path) -> Path:
    path = tmp_path / "facts.toml"
    path.write_bytes(MINI_FACTS.read_bytes())
    return path


def cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("kb-*.sqlite3"))


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = loader.parse_facts

    def counting(data: bytes, label: str) -> cqedu.FactsDocument:
        calls.append(label)
        return real(data, label)

    monkeypatch.setattr(loader, "parse_facts", counting)
    return calls


def test_second_load_reads_the_cache_without_parsing(
    facts_copy: Path, isolated_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_parses(monkeypatch)
    first = cqedu.load(facts_copy)
    assert [f.id for f in first.facts()][:2] == ["mini-schools", "mini-preschool-rate"]
    second = cqedu.load(facts_copy)
    assert second.facts() == first.facts()
    assert calls == [str(facts_copy)]
    assert len(cache_files(isolated_environment)) == 1


def test_a_changed_file_is_read_again(
    facts_copy: Path, isolated_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_parses(monkeypatch)
    cqedu.load(facts_copy)
    text = facts_copy.read_text().replace('as_written = "1,234"', 'as_written = "1234"')
    facts_copy.write_text(text)
    os.utime(facts_copy, ns=(1, 1))  # a different mtime even on coarse clocks
    assert cqedu.load(facts_copy).get("mini-schools").as_written == "1234"
    assert len(calls) == 2


def test_a_file_broken_after_caching_is_reported(facts_copy: Path) -> None:
    cqedu.load(facts_copy)
    facts_copy.write_text("schema = 1\n[[stats]\n")
    with pytest.raises(FactsError) as caught:
        cqedu.load(facts_copy)
    assert (
        str(caught.value)
        == f"{facts_copy}:2:8: invalid TOML: Expected ']]' at the end of an array declaration"
    )


def test_a_corrupt_cache_is_rebuilt(
    facts_copy: Path, isolated_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cqedu.load(facts_copy)
    (cache,) = cache_files(isolated_environment)
    cache.write_bytes(b"this is not a database" * 100)
    calls = count_parses(monkeypatch)
    assert cqedu.load(facts_copy).get("mini-teachers").value == 2500000
    assert calls == [str(facts_copy)]
    with sqlite3.connect(cache) as connection:
        assert connection.execute("SELECT COUNT(*) FROM facts").fetchone() == (8,)


def test_a_cache_from_another_version_is_rebuilt(
    facts_copy: Path, isolated_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cqedu.load(facts_copy)
    (cache,) = cache_files(isolated_environment)
    with sqlite3.connect(cache) as connection:
        connection.execute("UPDATE meta SET value = 'old' WHERE key = 'format'")
    calls = count_parses(monkeypatch)
    cqedu.load(facts_copy)
    assert calls == [str(facts_copy)]


def test_a_read_only_cache_folder_falls_back_to_memory(
    facts_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("CQEDU_CACHE_DIR", str(blocked / "cqedu"))
    kb = cqedu.load(facts_copy)
    assert kb.get("mini-oxbridge").country == "United Kingdom"
    assert list(tmp_path.glob("**/*.sqlite3")) == []


def test_no_cache_leaves_nothing_behind(facts_copy: Path, isolated_environment: Path) -> None:
    cqedu.load(facts_copy, cache=False)
    assert cache_files(isolated_environment) == []


def test_no_temporary_files_are_left(facts_copy: Path, isolated_environment: Path) -> None:
    cqedu.load(facts_copy)
    assert [p.name for p in isolated_environment.iterdir() if p.suffix == ".tmp"] == []


def test_default_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CQEDU_CACHE_DIR", "/x/y")
    assert store.default_cache_dir() == Path("/x/y")
    monkeypatch.delenv("CQEDU_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    assert store.default_cache_dir() == Path("/xdg/cqedu")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", "/home/someone")
    assert store.default_cache_dir() == Path("/home/someone/.cache/cqedu")


def test_the_cache_holds_no_executable_format(facts_copy: Path, isolated_environment: Path) -> None:
    cqedu.load(facts_copy)
    (cache,) = cache_files(isolated_environment)
    assert cache.read_bytes().startswith(b"SQLite format 3\x00")
