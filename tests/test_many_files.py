"""A knowledge base of several facts files: folders, lists, merging, clashes and sources."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

import cqedu
from cqedu.cli import app
from cqedu.core.errors import FactsError, NoMatchError
from cqedu.store import cache as store
from tests.conftest import MINI_FACTS, REAL_FACTS


def second_file_text() -> str:
    """The mini file as a second article: its own source and ids, one more level alias."""
    text = MINI_FACTS.read_text(encoding="utf-8")
    text = text.replace('id = "mini"', 'id = "other"').replace('"mini-', '"other-')
    return text.replace('aliases = ["elementary"]', 'aliases = ["grade school"]')


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of two facts files, a.toml (the mini file) and b.toml (a second article)."""
    found = tmp_path / "kb"
    found.mkdir()
    (found / "a.toml").write_bytes(MINI_FACTS.read_bytes())
    (found / "b.toml").write_text(second_file_text(), encoding="utf-8")
    (found / "notes.txt").write_text("not a facts file")
    nested = found / "sub"
    nested.mkdir()
    (nested / "c.toml").write_text("not read: subfolders do not count")
    return found


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def ids_and_sources(kb: cqedu.KnowledgeBase) -> list[tuple[str, str]]:
    return [(f.id, f.source) for f in kb.facts()]


def touch(path: Path, text: str) -> None:
    """Write a file so that its key changes even on a coarse clock."""
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


# ---------------------------------------------------------------- loading


def test_a_folder_loads_its_toml_files_in_sorted_order(folder: Path) -> None:
    kb = cqedu.load(folder)
    assert [f.id for f in kb.facts()][:2] == ["mini-schools", "mini-preschool-rate"]
    assert [f.id for f in kb.facts()][8:10] == ["other-schools", "other-preschool-rate"]
    assert len(kb.facts()) == 16
    assert [s.id for s in kb.sources] == ["mini", "other"]


def test_a_list_of_paths_keeps_its_order(folder: Path) -> None:
    kb = cqedu.load([folder / "b.toml", folder / "a.toml"])
    assert [s.id for s in kb.sources] == ["other", "mini"]
    assert kb.facts()[0].id == "other-schools"


def test_a_file_named_twice_counts_once(folder: Path) -> None:
    kb = cqedu.load([folder / "a.toml", folder])
    assert [s.id for s in kb.sources] == ["mini", "other"]


def test_levels_and_countries_merge_with_their_aliases_joined(folder: Path) -> None:
    kb = cqedu.load(folder)
    assert [lv.id for lv in kb.levels] == ["preschool", "primary", "system-wide"]
    assert kb.levels[1].aliases == ("elementary", "grade school")
    assert [c.name for c in kb.countries] == ["United Kingdom", "Singapore"]
    assert kb.resolve_level("grade school").id == "primary"
    assert [f.id for f in kb.figures("kindergarten")] == [
        "mini-preschool-rate",
        "other-preschool-rate",
    ]


def test_a_level_with_two_names_names_both_files(folder: Path) -> None:
    text = second_file_text().replace('name = "Primary"', 'name = "Primary school"')
    (folder / "b.toml").write_text(text, encoding="utf-8")
    with pytest.raises(FactsError) as caught:
        cqedu.load(folder)
    assert str(caught.value) == (
        f'level "primary" is named "Primary" in {folder / "a.toml"} but "Primary school" in '
        f"{folder / 'b.toml'}; give it one name"
    )


def test_a_record_id_in_two_files_names_the_id_and_both_files(folder: Path) -> None:
    text = second_file_text().replace('"other-open-day"', '"mini-open-day"')
    (folder / "b.toml").write_text(text, encoding="utf-8")
    with pytest.raises(FactsError) as caught:
        cqedu.load(folder)
    assert str(caught.value) == (
        f'record id "mini-open-day" is used in both {folder / "a.toml"} and '
        f"{folder / 'b.toml'}; rename one of them"
        f" (cqedu draft avoids the ids of the facts files --facts names)"
    )


def test_a_source_id_in_two_files_exits_2_naming_both(folder: Path) -> None:
    (folder / "b.toml").write_text(
        second_file_text().replace('id = "other"', 'id = "mini"'), encoding="utf-8"
    )
    result = run("--facts", str(folder), "stats")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f'cqedu: source id "mini" is used in both {folder / "a.toml"} and '
        f"{folder / 'b.toml'}; rename one of them"
        f" (cqedu draft avoids the ids of the facts files --facts names)\n"
    )


def test_a_clash_is_reported_again_from_the_cache(folder: Path) -> None:
    (folder / "b.toml").write_text(
        second_file_text().replace('id = "other"', 'id = "mini"'), encoding="utf-8"
    )
    for _ in range(2):
        with pytest.raises(FactsError, match='source id "mini" is used in both'):
            cqedu.load(folder)


def test_a_bad_file_among_many_is_reported_with_its_own_message(folder: Path) -> None:
    (folder / "b.toml").write_text("schema = 1\n[[stats]\n", encoding="utf-8")
    with pytest.raises(FactsError) as caught:
        cqedu.load(folder)
    assert str(caught.value) == (
        f"{folder / 'b.toml'}:2:9: invalid TOML: unclosed array table, expected `]`"
    )


def test_an_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(FactsError) as caught:
        cqedu.load(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path}: folder has no .toml files; pass a facts file or its folder"
    )


def test_export_of_many_files_loads_back_to_the_same_records(folder: Path, tmp_path: Path) -> None:
    result = run("--facts", str(folder), "export", "-f", "toml")
    assert result.exit_code == 0
    exported = tmp_path / "one.toml"
    exported.write_text(result.stdout, encoding="utf-8")
    original, again = cqedu.load(folder), cqedu.load(exported)
    # An export groups records by kind, as a facts file does; the records are the same.
    assert sorted(again.facts()) == sorted(original.facts())
    assert len(again.facts()) == 16
    assert again.levels == original.levels
    assert again.countries == original.countries
    assert again.sources == original.sources


# ---------------------------------------------------------------- the command line


def test_facts_may_be_repeated(folder: Path) -> None:
    result = run(
        "--facts", str(folder / "b.toml"), "--facts", str(folder / "a.toml"), "sources", "-f", "tsv"
    )
    assert result.stdout.splitlines() == [
        "id\ttitle\tdate\trecords\tfacts_file",
        f"other\tMini test source\t2025-01-02\t8\t{folder / 'b.toml'}",
        f"mini\tMini test source\t2025-01-02\t8\t{folder / 'a.toml'}",
    ]


def test_cqedu_facts_is_a_list_split_on_the_path_separator(folder: Path) -> None:
    # A space in a folder name must survive: Click would split the list on it.
    spaced = folder.parent / "with space"
    folder.rename(spaced)
    listed = os.pathsep.join([str(spaced / "b.toml"), str(spaced / "a.toml")])
    result = run("stats", "--level", "elementary", env={"CQEDU_FACTS": listed})
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == 'cqedu: the source gives no figure for level "primary" (Primary)\n'
    result = run("sources", "-f", "jsonl", env={"CQEDU_FACTS": listed})
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["other", "mini"]


def test_sources_in_every_format(folder: Path) -> None:
    base = ["--facts", str(folder), "sources", "-f"]
    rows = json.loads(run(*base, "json").stdout)
    assert rows[1] == {
        "id": "other",
        "title": "Mini test source",
        "date": "2025-01-02",
        "records": 8,
        "facts_file": str(folder / "b.toml"),
    }
    assert run(*base, "csv", "--no-header").stdout.splitlines()[0] == (
        f"mini,Mini test source,2025-01-02,8,{folder / 'a.toml'}"
    )
    toml = run(*base, "toml").stdout
    assert toml.startswith('[[sources]]\nid = "mini"\ntitle = "Mini test source"\n')
    wide = folder / "b.toml"
    table = run(*base, "table", env={"COLUMNS": str(len(str(wide)) + 60)}).stdout.splitlines()
    assert table[0].split() == ["Source", "Title", "Date", "Records", "Facts", "file"]
    assert table[3].split() == ["other", "Mini", "test", "source", "2025-01-02", "8", str(wide)]
    # Too narrow for the path beside a title: each source as a block, nothing cut.
    blocks = run(*base, "table", env={"COLUMNS": str(len(str(wide)) + 10)}).stdout.splitlines()
    assert blocks[4:7] == ["other  8 records, 2025-01-02", "  Mini test source", f"  {wide}"]


# ---------------------------------------------------------------- keeping some sources


def test_only_sources_keeps_their_records_in_every_query(folder: Path) -> None:
    kb = cqedu.load(folder).only_sources(["other"])
    assert {f.source for f in kb.facts()} == {"other"}
    assert [f.id for f in kb.figures("preschool")] == ["other-preschool-rate"]
    assert [f.id for f in kb.partners("UK")] == ["other-oxbridge"]
    assert [f.id for f in kb.programs("robotics")] == ["other-robot-club", "other-club-members"]
    assert [h.fact.id for h in kb.search("oxbridge")] == ["other-oxbridge"]
    assert {f.source for f in kb.document().facts} == {"other"}
    assert [info.source.id for info in kb.source_list()] == ["other"]


def test_get_finds_any_record_whatever_sources_are_kept(folder: Path) -> None:
    kb = cqedu.load(folder).only_sources(["other"])
    assert kb.get("mini-schools").source == "mini"


def test_an_unknown_source_lists_the_known_ones(folder: Path) -> None:
    with pytest.raises(NoMatchError) as caught:
        cqedu.load(folder).only_sources(["mini", "elsewhere"])
    assert str(caught.value) == 'no source has id "elsewhere"; known sources: mini, other'


def test_a_close_spelling_of_a_source_is_taken_as_it(folder: Path) -> None:
    kb = cqedu.load(folder).only_sources(["othr"])
    assert kb.only == frozenset({"other"})


# ---------------------------------------------------------------- the cache follows the files


def files_table(cache: Path) -> list[tuple[int, str]]:
    (found,) = cache.glob("kb-*.sqlite3")
    with sqlite3.connect(found) as connection:
        return connection.execute("SELECT place, path FROM files ORDER BY place").fetchall()


def test_only_the_edited_file_is_read_again(folder: Path, isolated_environment: Path) -> None:
    before = store.parse_count
    cqedu.load(folder)
    assert store.parse_count - before == 2
    cqedu.load(folder)
    assert store.parse_count - before == 2
    touch(folder / "b.toml", second_file_text().replace('"1,234"', '"1234"'))
    kb = cqedu.load(folder)
    assert store.parse_count - before == 3
    assert kb.get("other-schools").as_written == "1234"
    assert kb.get("mini-schools").as_written == "1,234"


def test_a_new_file_moves_the_others_without_reading_them(
    folder: Path, isolated_environment: Path
) -> None:
    cqedu.load(folder)
    (folder / "0.toml").write_text(
        second_file_text().replace('"other', '"zero'),
        encoding="utf-8",
    )
    before = store.parse_count
    kb = cqedu.load(folder)
    assert store.parse_count - before == 1
    assert [s.id for s in kb.sources] == ["zero", "mini", "other"]
    assert kb.facts()[0].id == "zero-schools"
    assert [f.id for f in kb.facts()][8] == "mini-schools"
    assert files_table(isolated_environment) == [
        (0, str(folder / "0.toml")),
        (1, str(folder / "a.toml")),
        (2, str(folder / "b.toml")),
    ]
    (folder / "0.toml").unlink()
    again = cqedu.load(folder)
    assert store.parse_count - before == 1
    assert [s.id for s in again.sources] == ["mini", "other"]
    assert len(again.facts()) == 16


def test_an_edit_drops_the_search_index(folder: Path, isolated_environment: Path) -> None:
    assert [h.fact.id for h in cqedu.load(folder).search("oxbridge")][:1] == ["mini-oxbridge"]
    touch(folder / "a.toml", MINI_FACTS.read_text().replace("Oxbridge College", "Camford College"))
    assert [h.fact.id for h in cqedu.load(folder).search("camford")] == ["mini-oxbridge"]


def test_many_files_are_read_in_parallel_processes(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    calls: list[int] = []
    import concurrent.futures

    original = concurrent.futures.ProcessPoolExecutor

    class Counting(original):  # type: ignore[misc,valid-type] # a subclass of the real pool
        def __init__(self, workers: int, **options: object) -> None:
            calls.append(workers)
            super().__init__(workers, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counting)
    kb = cqedu.load(folder, cache=False)
    assert calls == [2]
    assert len(kb.facts()) == 16


# ---------------------------------------------------------------- --source on the command line


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["stats", "--level", "preschool"], ["other-preschool-rate"]),
        (["programs"], ["other-robot-club", "other-club-members"]),
        (["partners", "--country", "UK"], ["other-oxbridge"]),
        (["search", "oxbridge"], ["other-oxbridge"]),
        (["export", "--kind", "events"], ["other-open-day"]),
    ],
)
def test_source_keeps_that_source_in_every_query_command(
    folder: Path, args: list[str], expected: list[str]
) -> None:
    result = run("--facts", str(folder), *args, "--source", "other", "-F", "id", "--no-header")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == expected


def test_source_may_be_repeated(folder: Path) -> None:
    result = run(
        "--facts", str(folder), "search", "oxbridge", "-S", "mini", "-S", "other", "-F", "id"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["id", "mini-oxbridge", "other-oxbridge"]


def test_ask_keeps_the_source_too(folder: Path) -> None:
    result = run(
        "--facts", str(folder), "ask", "how many teachers", "--source", "other", "-f", "tsv"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].split("\t")[0] == "other-teachers"


def test_an_unknown_source_on_the_command_line_finds_nothing(folder: Path) -> None:
    # As `show` with an id no record has: nothing matches (1), not bad usage (2).
    result = run("--facts", str(folder), "stats", "--source", "elsewhere")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == 'cqedu: no source has id "elsewhere"; known sources: mini, other\n'


def test_ask_names_the_places_every_source_covers(folder: Path) -> None:
    result = run("--facts", str(folder), "--facts", str(REAL_FACTS), "ask", "teachers in Shanghai")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        'cqedu: the sources do not mention "Shanghai" (they cover Mini and Chongqing)\n'
    )
