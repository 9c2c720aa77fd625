"""The verb forms table's indexed copy in the cache folder answers as pyinflect's table does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cqedu.store import lemmas

FORMS = {
    "brought": ("bring",),
    "paid": ("pay",),
    "taught": ("teach",),
    "met": ("meet",),
    "won": ("win",),
    "drew": ("draw",),
    "drawn": ("draw",),
    "held": ("hold",),
    "led": ("lead",),
    "made": ("make",),
    # Snowball joins these to their verb already: no entry
    "trained": (),
    "teaching": (),
    "school": (),
}


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    lemmas._table.cache_clear()
    lemmas._in_memory.cache_clear()
    yield
    lemmas._table.cache_clear()
    lemmas._in_memory.cache_clear()


def test_the_indexed_copy_gives_the_verbs_of_irregular_forms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CQEDU_CACHE_DIR", str(tmp_path))
    assert {word: lemmas.verb_lemmas(word) for word in FORMS} == FORMS
    copies = [p.name for p in tmp_path.iterdir()]
    assert len(copies) == 1 and copies[0].startswith("verb-lemmas-1-")


def test_without_a_cache_folder_the_table_in_memory_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lemmas, "default_cache_dir", lambda: None)
    assert {word: lemmas.verb_lemmas(word) for word in FORMS} == FORMS
    assert lemmas._table() is None


def test_a_copy_damaged_under_a_reader_falls_back_to_the_table_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CQEDU_CACHE_DIR", str(tmp_path))
    assert lemmas.verb_lemmas("brought") == ("bring",)
    (copy,) = tmp_path.iterdir()
    copy.write_bytes(b"not a database")
    lemmas._table.cache_clear()
    assert lemmas.verb_lemmas("paid") == ("pay",)


def test_a_form_gives_the_verbs_whose_form_it_is() -> None:
    # "lay" is the past of "lie"; "found" the past of "find" ("founded" is of "found")
    assert "lie" in lemmas.verb_lemmas("lay")
    assert lemmas.verb_lemmas("found") == ("find",)


VERBS = {
    "meet": ["met"],
    "teach": ["taught"],
    "draw": ["drawn", "drew"],
    # regular forms Snowball joins to their verb: none
    "walk": [],
    "school": [],
}


def test_a_verb_gives_its_irregular_forms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CQEDU_CACHE_DIR", str(tmp_path))
    assert {verb: sorted(lemmas.verb_forms(verb)) for verb in VERBS} == VERBS


def test_a_verb_gives_its_irregular_forms_without_a_cache_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lemmas, "default_cache_dir", lambda: None)
    assert {verb: sorted(lemmas.verb_forms(verb)) for verb in VERBS} == VERBS


PLURALS = {
    "children": "child",
    "people": "person",
    "analyses": "analysis",
    "criteria": "criterion",
    # regular plurals stem as their singular already, and a singular is itself
    "countries": "countries",
    "schools": "schools",
    "child": "child",
}


def test_an_irregular_plural_gives_its_singular(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lemmas._noun_table.cache_clear()
    monkeypatch.setenv("CQEDU_CACHE_DIR", str(tmp_path))
    assert {word: lemmas.noun_singular(word) for word in PLURALS} == PLURALS
    assert [p.name.split("-1-")[0] for p in tmp_path.iterdir()] == ["noun-lemmas"]
    lemmas._noun_table.cache_clear()


def test_without_a_cache_folder_the_plurals_in_memory_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lemmas._noun_table.cache_clear()
    monkeypatch.setattr(lemmas, "default_cache_dir", lambda: None)
    assert {word: lemmas.noun_singular(word) for word in PLURALS} == PLURALS
    lemmas._noun_table.cache_clear()
