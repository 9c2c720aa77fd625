"""The cached SQLite index: reused when fresh, rebuilt when stale or corrupt, optional."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import cqedu
from cqedu.core.errors import FactsError
from cqedu.facts import loader
from cqedu.facts.files import facts_files
from cqedu.store import cache as store
from cqedu.store import index, indexing
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
        str(caught.value) == f"{facts_copy}:2:9: invalid TOML: unclosed array table, expected `]`"
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
    monkeypatch.delenv("HOME")
    assert store.default_cache_dir() is None  # not the password database's home


def test_the_cache_holds_no_executable_format(facts_copy: Path, isolated_environment: Path) -> None:
    cqedu.load(facts_copy)
    (cache,) = cache_files(isolated_environment)
    assert cache.read_bytes().startswith(b"SQLite format 3\x00")


# ---------------------------------------------------------------- a large file in parts


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Split even the mini file: one record per part is enough."""
    monkeypatch.setattr(store, "PART_RECORDS", 1)


def test_a_facts_text_splits_into_parts_that_each_carry_its_head(small_parts: None) -> None:
    text = MINI_FACTS.read_text(encoding="utf-8")
    parts = store.split_facts_text(text, 3)
    assert parts is not None
    first = text.index("[[stats]]")
    head = text[:first]
    assert len(parts) == 3
    assert all(part.startswith(head + "[[") for part in parts)
    assert "".join(part[len(head) :] for part in parts) == text[first:]


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda text: text.replace('summary = "', 'summary = """', 1), "multi-line string"),
        (lambda text: text + '\n[[countries]]\nname = "Peru"\n', "a vocabulary after records"),
        (lambda text: text + "\n[stats.extra]\n", "a sub-table"),
    ],
)
def test_a_facts_text_that_cannot_be_split_safely_is_not(
    change: Callable[[str], str], why: str, small_parts: None
) -> None:
    assert store.split_facts_text(change(MINI_FACTS.read_text(encoding="utf-8")), 2) is None, why


def stored_tables(connection: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """Every row of a store's tables, in a fixed order."""
    listed = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    names = sorted(row[0] for row in listed)
    return {
        name: sorted(connection.execute(f"SELECT * FROM {name}").fetchall(), key=repr)  # noqa: S608 - names from the store
        for name in names
    }


def store_of(path: Path) -> sqlite3.Connection:
    memory = sqlite3.connect(":memory:", isolation_level=None)
    assert store._update(memory, facts_files([path])) is None
    return memory


@pytest.fixture
def split_everything(monkeypatch: pytest.MonkeyPatch, small_parts: None) -> None:
    """Read every file in parts, in worker processes."""
    monkeypatch.setattr(store, "SPLIT_BYTES", 1)
    monkeypatch.setattr(store, "PARALLEL_BYTES", 1)


@pytest.mark.parametrize("scratch", [True, False], ids=["parts written by workers", "rows sent"])
def test_a_file_read_in_parts_stores_the_rows_of_a_whole_read(
    scratch: bool, facts_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = stored_tables(store_of(facts_copy))
    folder = tmp_path / "scratch"
    folder.mkdir()
    made: list[str] = []

    def scratch_folder() -> str | None:
        made.append(str(folder))
        return str(folder) if scratch else None

    monkeypatch.setattr(store, "_scratch_folder", scratch_folder)
    monkeypatch.setattr(store, "PART_RECORDS", 1)
    monkeypatch.setattr(store, "SPLIT_BYTES", 1)
    monkeypatch.setattr(store, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(store, "PARTS_PER_CORE", 4)  # records of one table in several parts
    in_parts = store_of(facts_copy)
    assert made  # the file was read in parts
    assert stored_tables(in_parts) == whole
    attached = [row[1] for row in in_parts.execute("PRAGMA database_list")]
    assert not [name for name in attached if name.startswith("cqedu_part")]
    assert folder.exists() is not scratch  # the parts' databases are deleted once copied


@pytest.mark.parametrize(
    "change",
    [
        lambda text: text.replace("paragraph = 2", "paragraph = 0", 1),  # a fault in a part
        lambda text: text.replace('id = "mini-oxbridge"', 'id = "mini-schools"', 1),  # ids clash
        lambda text: text.replace('"mini-robot-club"]', '"mini-nowhere"]', 1),  # related
    ],
)
def test_a_fault_in_a_file_read_in_parts_is_reported_as_a_whole_read_reports_it(
    change: Callable[[str], str], tmp_path: Path, small_parts: None
) -> None:
    path = tmp_path / "facts.toml"
    path.write_text(change(MINI_FACTS.read_text(encoding="utf-8")), encoding="utf-8")
    with ThreadPoolExecutor(2) as pool:
        reader = store._read_in_parts(str(path), pool, 4)
        assert isinstance(reader, store._PartsReader)
        list(reader.parts())
        rows, fault = reader.finish() or (None, None)
    assert rows is None
    assert fault is not None
    assert (rows, fault) == store.read_rows(str(path))


def test_a_fault_in_a_file_stored_in_parts_leaves_no_rows_of_it(
    tmp_path: Path, split_everything: None
) -> None:
    path = tmp_path / "facts.toml"
    text = MINI_FACTS.read_text(encoding="utf-8")
    path.write_text(text.replace('"mini-robot-club"]', '"mini-nowhere"]', 1), encoding="utf-8")
    memory = sqlite3.connect(":memory:", isolation_level=None)
    fault = store._update(memory, facts_files([path]))
    assert fault == store.read_rows(str(path))[1]
    assert memory.execute("SELECT COUNT(*) FROM facts").fetchone() == (0,)


def test_loading_a_large_file_in_parts_loads_its_records(
    facts_copy: Path, small_parts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = cqedu.load(facts_copy, cache=False).facts()
    monkeypatch.setattr(store, "SPLIT_BYTES", 1)
    monkeypatch.setattr(store, "PARALLEL_BYTES", 1)
    assert cqedu.load(facts_copy, cache=False).facts() == whole


@pytest.mark.parametrize("scratch", [True, False], ids=["written by workers", "rows sent"])
def test_many_files_read_in_parallel_store_what_reading_them_one_by_one_stores(
    scratch: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "kb"
    folder.mkdir()
    text = MINI_FACTS.read_text(encoding="utf-8")
    for number in range(5):  # five articles: ids and sources of their own
        renamed = text.replace('"mini', f'"m{number}').replace('id = "mini"', f'id = "m{number}"')
        (folder / f"{number}.toml").write_text(renamed, encoding="utf-8")
    (folder / "3.toml").write_text(text.replace("paragraph = 2", "paragraph = 0", 1))
    files = facts_files([folder])
    one_by_one = sqlite3.connect(":memory:", isolation_level=None)
    fault = store._update(one_by_one, files)
    assert fault is not None
    assert "3.toml" in fault
    monkeypatch.setattr(store, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    if not scratch:
        monkeypatch.setattr(store, "_scratch_folder", lambda: None)
    copied: list[str] = []
    real_copy = store._copy_part

    def copy_part(connection: sqlite3.Connection, database: str, *, head: bool) -> None:
        copied.append(database)
        real_copy(connection, database, head=head)

    monkeypatch.setattr(store, "_copy_part", copy_part)
    in_parallel = sqlite3.connect(":memory:", isolation_level=None)
    assert store._update(in_parallel, files) == fault
    assert stored_tables(in_parallel) == stored_tables(one_by_one)
    assert in_parallel.execute("SELECT COUNT(*) FROM files").fetchone() == (4,)
    assert len(copied) == (5 if scratch else 0)  # a database per chunk of one file each
    assert not [path for path in copied if Path(path).exists()]


_SEARCH_TABLES = (
    "search_instance",
    "search_words",
    "search_stems",
    "search_phrases",
    "search_records",
)


def search_tables(connection: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """What a search reads of the index: (term, record, column) rows and the small tables."""
    return {
        name: sorted(connection.execute(f"SELECT * FROM {name}").fetchall(), key=repr)  # noqa: S608 - fixed names
        for name in _SEARCH_TABLES
    }


def search_index_builds(monkeypatch: pytest.MonkeyPatch) -> list[sqlite3.Connection]:
    """The connections the store builds a whole search index in, from now on (filled as
    it builds them)."""
    built: list[sqlite3.Connection] = []
    real_build = store._build_search_index

    def build(connection: sqlite3.Connection) -> None:
        built.append(connection)
        real_build(connection)

    monkeypatch.setattr(store, "_build_search_index", build)
    return built


def new_cache_in_parts(
    path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[str | None, list[str], list[sqlite3.Connection]]:
    """A new cache of the file at `path`, read in parts, for search: its fault, the parts
    indexed as they came, and the connections the search index was built after in."""
    monkeypatch.setattr(store, "PART_RECORDS", 1)
    monkeypatch.setattr(store, "SPLIT_BYTES", 1)
    monkeypatch.setattr(store, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(store, "PARTS_PER_CORE", 4)  # records of one table in several parts
    added: list[str] = []
    real_add = indexing.PartsIndex.add

    def add(self: indexing.PartsIndex, source: str) -> None:
        added.append(source)
        real_add(self, source)

    monkeypatch.setattr(indexing.PartsIndex, "add", add)
    built = search_index_builds(monkeypatch)
    connection, fault = store._new_cache(cache, facts_files([path]), for_search=True)
    assert connection is not None
    connection.close()
    return fault, added, built


@pytest.mark.skipif(not index.fts5_available(), reason="built part by part only with FTS5")
def test_a_file_read_in_parts_for_search_is_indexed_part_by_part_as_a_whole_build_indexes_it(
    facts_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = store_of(facts_copy)
    indexing.create(whole)
    fault, added, built = new_cache_in_parts(facts_copy, tmp_path / "kb.sqlite3", monkeypatch)
    assert fault is None
    assert len(added) > 1  # each part indexed as it came
    assert built == []  # nothing left to build after the store
    with contextlib.closing(sqlite3.connect(tmp_path / "kb.sqlite3")) as cache:
        assert index.is_built(cache)
        assert search_tables(cache) == search_tables(whole)
        levels = "SELECT * FROM levels ORDER BY pos"
        assert cache.execute(levels).fetchall() == whole.execute(levels).fetchall()


@pytest.mark.skipif(not index.fts5_available(), reason="built part by part only with FTS5")
def test_a_file_whose_parts_clash_is_not_indexed_and_reports_what_a_whole_read_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "facts.toml"
    text = MINI_FACTS.read_text(encoding="utf-8")
    path.write_text(text.replace('id = "mini-oxbridge"', 'id = "mini-schools"', 1))
    fault, added, built = new_cache_in_parts(path, tmp_path / "kb.sqlite3", monkeypatch)
    assert fault == store.read_rows(str(path))[1]
    assert fault is not None
    assert added  # indexed part by part, then taken out
    assert built == []  # a faulty store gets no search index
    with contextlib.closing(sqlite3.connect(tmp_path / "kb.sqlite3")) as cache:
        assert not index.is_built(cache)
        assert cache.execute("SELECT COUNT(*) FROM facts").fetchone() == (0,)


def test_a_first_load_for_search_writes_the_cache_with_its_search_index(
    facts_copy: Path, isolated_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = search_index_builds(monkeypatch)
    kb = cqedu.load(facts_copy, for_search=True)
    assert len(built) == 1  # in the new cache, before it was renamed into place
    (cache,) = cache_files(isolated_environment)
    with contextlib.closing(sqlite3.connect(cache)) as connection:
        assert index.is_built(connection)
    assert [hit.fact.id for hit in kb.search("oxbridge")][:1] == ["mini-oxbridge"]
    cqedu.load(facts_copy, for_search=True)  # served from the cache: nothing built again
    cqedu.load(facts_copy)
    assert len(built) == 1


def test_a_part_that_cannot_be_attached_is_copied_row_by_row(
    facts_copy: Path, tmp_path: Path
) -> None:
    rows, fault = store.read_rows(str(facts_copy))
    assert rows is not None
    assert fault is None
    attached = sqlite3.connect(":memory:", isolation_level=None)
    by_rows = sqlite3.connect(":memory:", isolation_level=None)
    by_rows.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)  # as when too many are attached
    databases = [tmp_path / "attached.sqlite3", tmp_path / "by-rows.sqlite3"]
    for connection, database in zip((attached, by_rows), databases, strict=True):
        store._write_rows(str(database), [rows])
        connection.executescript(store._schema())
        connection.execute("BEGIN")
        store._copy_part(connection, str(database), head=True)
        connection.execute("COMMIT")
        store._detach_parts(connection)
    assert stored_tables(by_rows) == stored_tables(attached)
    assert stored_tables(attached) == stored_tables(store_of(facts_copy)) | {
        "files": [],
        "meta": [],
        "levels": [],
        "countries": [],
        "terms": [],
    }
    assert not [database for database in databases if database.exists()]  # deleted once copied


def test_a_large_file_whose_pool_breaks_is_read_whole(facts_copy: Path, small_parts: None) -> None:
    from concurrent.futures import Future

    class Broken:
        def submit(self, *_args: object, **_kwargs: object) -> Future[object]:
            future: Future[object] = Future()
            future.set_exception(RuntimeError("a worker died"))
            return future

    reader = store._read_in_parts(str(facts_copy), Broken(), 2)  # type: ignore[arg-type] # a stub pool
    assert isinstance(reader, store._PartsReader)
    assert list(reader.parts()) == []
    assert reader.finish() == store.read_rows(str(facts_copy))


# ---------------------------------------------------------------- how workers get a large file


def read_in_main(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files this process reads whole (what a part that failed falls back to)."""
    calls: list[str] = []
    real = store.read_rows

    def counting(path: str, base: int = 0) -> tuple[store.FileRows | None, str | None]:
        calls.append(path)
        return real(path, base)

    monkeypatch.setattr(store, "read_rows", counting)
    return calls


def shared_keys(monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    """The keys large files' texts are shared under, as they are shared."""
    keys: list[int | None] = []
    real = store._share

    def sharing(split: store._Split) -> store._Split:
        shared = real(split)
        keys.append(shared.shared)
        return shared

    monkeypatch.setattr(store, "_share", sharing)
    return keys


def test_forked_workers_read_the_parts_of_the_text_they_inherit(
    facts_copy: Path, split_everything: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if store._start_method() != "fork":
        pytest.skip("workers are not forked on this platform")
    whole = stored_tables(store_of(facts_copy))
    keys, read_whole = shared_keys(monkeypatch), read_in_main(monkeypatch)
    monkeypatch.setattr(store.os, "cpu_count", lambda: 2)
    assert stored_tables(store_of(facts_copy)) == whole
    assert len(keys) == 1  # the text was shared, not sent part by part
    assert read_whole == []  # and no part failed for want of it
    assert store._SHARED_TEXTS == {}  # forgotten once the workers are gone


def test_spawned_workers_are_sent_the_parts_they_read(
    facts_copy: Path, split_everything: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = stored_tables(store_of(facts_copy))
    keys, read_whole = shared_keys(monkeypatch), read_in_main(monkeypatch)
    monkeypatch.setattr(store, "_start_method", lambda: "spawn")
    monkeypatch.setattr(store.os, "cpu_count", lambda: 2)
    assert stored_tables(store_of(facts_copy)) == whole
    assert keys == []  # a spawned worker inherits nothing
    assert read_whole == []


def test_workers_are_not_forked_on_macos(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store.sys, "platform", "darwin")
    assert store._start_method() is None  # the platform's default: spawn


def test_a_part_whose_worker_lacks_the_shared_text_has_the_file_read_whole(
    facts_copy: Path, small_parts: None
) -> None:
    split = store._split_file(str(facts_copy), 4)
    assert isinstance(split, store._Split)
    shared = store._share(split)
    store._unshare(shared.shared)  # as a worker not forked from this process sees it
    with ThreadPoolExecutor(2) as pool:
        reader = store._read_in_parts(str(facts_copy), pool, 4, split=shared)
        assert isinstance(reader, store._PartsReader)
        assert list(reader.parts()) == []
        assert reader.finish() == store.read_rows(str(facts_copy))


def test_a_multi_line_string_is_looked_for_once_the_parts_are_sent(
    tmp_path: Path, small_parts: None
) -> None:
    # A line of a multi-line string that looks like a table: a part may start there.
    text = MINI_FACTS.read_text(encoding="utf-8").replace(
        'summary = "How many schools the town has."',
        'summary = """How many schools\n[[stats]]\nthe town has."""',
        1,
    )
    path = tmp_path / "facts.toml"
    path.write_text(text, encoding="utf-8")
    assert store.split_facts_text(text, 4) is None  # the split itself refuses it
    sent: list[object] = []
    with ThreadPoolExecutor(2) as pool:
        real_submit = pool.submit

        def submit(*args: object, **kwargs: object) -> object:
            sent.append(args[0])
            return real_submit(*args, **kwargs)  # type: ignore[arg-type]

        pool.submit = submit  # type: ignore[method-assign]
        reader = store._read_in_parts(str(path), pool, 4)
        assert isinstance(reader, store._PartsReader)
        assert len(sent) == 4  # the parts went out before the text was looked at
        assert list(reader.parts()) == []
        assert reader.finish() == store.read_rows(str(path))


def test_the_parts_of_a_shared_text_are_the_parts_sent(facts_copy: Path, small_parts: None) -> None:
    split = store._split_file(str(facts_copy), 4)
    assert isinstance(split, store._Split)
    with ThreadPoolExecutor(2) as pool:
        sent = store._read_in_parts(str(facts_copy), pool, 4, split=split)
        shared = store._share(split)
        inherited = store._read_in_parts(str(facts_copy), pool, 4, split=shared)
        assert isinstance(sent, store._PartsReader)
        assert isinstance(inherited, store._PartsReader)
        parts = list(sent.parts())
        assert len(parts) == 4
        assert list(inherited.parts()) == parts
        store._unshare(shared.shared)
