"""Names in other scripts and Unicode forms are found by queries typed normally (issue 15, 7-8).

The facts file tests/data/world_facts.toml holds decomposed (NFD), accented, ligature,
Greek, Cyrillic, Turkish, Chinese, Japanese, Korean and Thai names.
"""

# ruff: noqa: RUF001 - full-width, Cyrillic and dotless letters are what these tests are about

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

import cqedu
from cqedu.knowledge import KnowledgeBase

WORLD_FACTS = Path(__file__).parents[1] / "data" / "world_facts.toml"


@pytest.fixture(scope="module")
def world() -> Iterator[KnowledgeBase]:
    kb = cqedu.load(WORLD_FACTS, cache=False)
    yield kb
    kb.close()


def found(kb: KnowledgeBase, query: str) -> list[tuple[str, float]]:
    return [(hit.fact.id, hit.score) for hit in kb.search(query)]


def test_the_file_holds_decomposed_names_as_written() -> None:
    text = WORLD_FACTS.read_text(encoding="utf-8")
    assert "Dog\u0306u" in text and "Doğu" not in text  # a g, then a combining breve
    assert not unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Doğu", [("odtu", 100.0)]),  # typed composed, written decomposed
        ("dogu universitesi", [("odtu", 100.0)]),
        ("ＬＥＩＣＥＳＴＥＲ", [("leicester", 100.0)]),  # full-width
        ("Sao", [("usp", 100.0), ("med-exchange", 95.0)]),  # accents folded
        ("SÃO PAULO", [("usp", 100.0), ("med-exchange", 95.0)]),
        ("istanbul", [("itu", 100.0)]),  # written with a dotted capital I
        ("ıstanbul", [("itu", 100.0)]),  # dotless i
        ("ΠΟΛΥΤΕΧΝΕΙΟ", [("ntua", 100.0)]),  # Greek upper case, no tonos
        ("МОСКОВСКИЙ университет", [("msu", 100.0)]),  # Cyrillic case
        ("office scientific", [("science-office", 100.0)]),  # written with ligatures
        ("hochschule technik", [("hochschule", 100.0)]),  # soft hyphen, zero-width joiner
    ],
)
def test_search_finds_names_in_any_form(
    world: KnowledgeBase, query: str, expected: list[tuple[str, float]]
) -> None:
    assert found(world, query) == expected


def test_names_print_as_written(world: KnowledgeBase) -> None:
    hit = world.search("Doğu")[0]
    assert hit.fact.name == unicodedata.normalize("NFD", "Orta Doğu Teknik Üniversitesi")
    assert world.search("Sao")[0].fact.name == "Universidade de São Paulo"


def test_a_word_inside_an_unspaced_name_is_found(world: KnowledgeBase) -> None:
    assert found(world, "大学") == [("cqu", 100.0), ("utokyo", 100.0), ("cqmu", 100.0)]
    assert found(world, "重庆") == [("cqu", 100.0), ("cqmu", 100.0)]
    # the exact name first; the other lacks one of its pieces ("庆大")
    assert found(world, "重庆大学") == [("cqu", 100.0), ("cqmu", 66.7)]
    assert found(world, "医科") == [("cqmu", 100.0)]
    # one character finds the names whose pieces it begins, below a whole piece
    assert found(world, "大") == [("cqu", 90.0), ("utokyo", 90.0), ("cqmu", 90.0)]
    assert found(world, "医") == [("cqmu", 90.0)]
    assert found(world, "東京") == [("utokyo", 100.0)]
    assert found(world, "대학") == [("snu", 100.0)]
    assert found(world, "มหาวิทยาลัย") == [("chula", 100.0)]


def test_option_values_fold_alike(world: KnowledgeBase) -> None:
    assert [f.id for f in world.partners("Sao Paulo")] == ["usp"]
    assert [f.id for f in world.partners("ＴＵＲＫＩＹＥ")] == ["odtu", "itu"]
    assert [f.id for f in world.partners("ελλάδα")] == ["ntua"]
    assert [f.id for f in world.figures(level="ensino medio")] == ["exchange-students"]
    assert [f.id for f in world.figures(level="SECUNDARIO")] == ["exchange-students"]
    assert [f.id for f in world.figures(unit="etudiants")] == ["exchange-students"]
    assert [f.id for f in world.programs("medecine")] == ["med-exchange"]
    assert [f.id for f in world.programs("sao paulo")] == ["med-exchange"]


def test_the_loader_compares_names_folded_and_stores_them_as_declared(
    world: KnowledgeBase,
) -> None:
    # the records write "Turkiye", "TÜRKIYE", "Sao Paulo", "ΕΛΛΑΔΑ", "ENSINO MEDIO", "université"
    by_id = {fact.id: fact for fact in world.facts()}
    turkiye = unicodedata.normalize("NFD", "Türkiye")
    assert (by_id["odtu"].country, by_id["itu"].country) == (turkiye, turkiye)
    assert by_id["usp"].country == "São Paulo"
    assert by_id["ntua"].country == "Ελλάδα"
    assert by_id["exchange-students"].level == "ensino-medio"
    assert by_id["med-exchange"].level == "higher-education"


def test_ask_folds_accents_as_search_does(world: KnowledgeBase) -> None:
    answer = world.ask("where is Universidade de Sao Paulo")
    # a where question is answered with the place, the partner named beside it
    assert answer.text == "São Paulo (Universidade de São Paulo; Intro ¶2)"


def test_left_out_words_are_named_as_typed(world: KnowledgeBase) -> None:
    assert world.search_outcome("Doğu Zqxvé").ignored_words == ("Zqxvé",)
    assert world.search_outcome("Doğu Leicester").set_aside == ("Doğu",)
