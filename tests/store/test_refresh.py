"""An edit to one file of a cached folder: only that file is read and checked again, with the
same results and messages as a load without the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

import cqedu
from cqedu.core.errors import FactsError
from cqedu.store import cache as store
from tests.conftest import MINI_FACTS
from tests.test_many_files import second_file_text, touch


def third_file_text() -> str:
    """The mini file as a third article: its own source and ids."""
    text = MINI_FACTS.read_text(encoding="utf-8")
    return text.replace('id = "mini"', 'id = "third"').replace('"mini-', '"third-')


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of three facts files, each its own article, loaded once into the cache."""
    found = tmp_path / "kb"
    found.mkdir()
    (found / "a.toml").write_bytes(MINI_FACTS.read_bytes())
    (found / "b.toml").write_text(second_file_text(), encoding="utf-8")
    (found / "c.toml").write_text(third_file_text(), encoding="utf-8")
    cqedu.load(folder := found)
    return folder


def fault(folder: Path, *, cache: bool = True) -> str:
    with pytest.raises(FactsError) as caught:
        cqedu.load(folder, cache=cache)
    return str(caught.value)


def test_an_id_taken_from_an_earlier_file_is_found_in_the_edited_one(folder: Path) -> None:
    touch(folder / "c.toml", third_file_text().replace('"third-open-day"', '"mini-open-day"'))
    before = store.parse_count
    assert fault(folder) == (
        f'record id "mini-open-day" is used in both {folder / "a.toml"} and '
        f"{folder / 'c.toml'}; rename one of them"
        f" (cqedu draft avoids the ids of the facts files --facts names)"
    )
    assert store.parse_count - before == 1
    assert fault(folder, cache=False) == fault(folder)


def test_of_two_clashes_the_first_in_file_order_is_reported(folder: Path) -> None:
    # c.toml takes an id of b.toml's first record and one of a.toml's last: the one whose
    # first use comes first (in a.toml) is reported, as a load without the cache does.
    text = third_file_text().replace('"third-schools"', '"other-schools"')
    touch(folder / "c.toml", text.replace('"third-open-day"', '"mini-open-day"'))
    expected = (
        f'record id "mini-open-day" is used in both {folder / "a.toml"} and '
        f"{folder / 'c.toml'}; rename one of them"
        f" (cqedu draft avoids the ids of the facts files --facts names)"
    )
    assert (fault(folder), fault(folder, cache=False)) == (expected, expected)


def test_a_source_id_taken_by_an_edit_is_reported(folder: Path) -> None:
    touch(folder / "a.toml", MINI_FACTS.read_text().replace('id = "mini"', 'id = "third"'))
    expected = (
        f'source id "third" is used in both {folder / "a.toml"} and '
        f"{folder / 'c.toml'}; rename one of them"
        f" (cqedu draft avoids the ids of the facts files --facts names)"
    )
    assert (fault(folder), fault(folder, cache=False)) == (expected, expected)


def test_a_level_renamed_by_an_edit_is_reported_and_its_fix_clears_it(folder: Path) -> None:
    renamed = third_file_text().replace('name = "Primary"', 'name = "Primary school"')
    touch(folder / "c.toml", renamed)
    assert fault(folder) == (
        f'level "primary" is named "Primary" in {folder / "a.toml"} but "Primary school" in '
        f"{folder / 'c.toml'}; give it one name"
    )
    touch(folder / "c.toml", third_file_text().replace("Oxbridge", "Camford"))
    assert [h.fact.id for h in cqedu.load(folder).search("camford")] == ["third-oxbridge"]


def test_an_alias_added_by_an_edit_is_merged(folder: Path) -> None:
    touch(folder / "c.toml", third_file_text().replace('"elementary"', '"elementary", "lower"'))
    kb = cqedu.load(folder)
    assert kb.resolve_level("lower").id == "primary"
    assert kb.levels == cqedu.load(folder, cache=False).levels


def test_an_edit_that_declares_the_same_keeps_the_merged_vocabularies(folder: Path) -> None:
    before = cqedu.load(folder)
    levels, countries, terms = before.levels, before.countries, before.terms
    touch(folder / "b.toml", second_file_text().replace('"1,234"', '"1234"'))
    kb = cqedu.load(folder)
    assert (kb.levels, kb.countries, kb.terms) == (levels, countries, terms)
    assert kb.get("other-schools").as_written == "1234"


def test_an_edit_to_a_store_with_a_clash_is_checked_whole(folder: Path) -> None:
    touch(folder / "b.toml", second_file_text().replace('"other-open-day"', '"mini-open-day"'))
    assert "mini-open-day" in fault(folder)
    # The clash is in b.toml; an edit of c.toml leaves it, and the whole store is checked.
    touch(folder / "c.toml", third_file_text().replace("Oxbridge", "Camford"))
    assert fault(folder) == (
        f'record id "mini-open-day" is used in both {folder / "a.toml"} and '
        f"{folder / 'b.toml'}; rename one of them"
        f" (cqedu draft avoids the ids of the facts files --facts names)"
    )
    touch(folder / "b.toml", second_file_text())
    assert len(cqedu.load(folder).facts()) == 24
