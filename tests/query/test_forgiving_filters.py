"""A forgiving filter never gives fewer results for a typo than for the word (issue 15, 9).

For every name a filter takes (--field, --country, --level, --unit, --kind) and every
single-character typo of it (a letter left out, doubled, swapped with the next, replaced,
or one added) that still resolves, the typo's results hold every result of the name;
a typo may instead be refused (unknown, or ambiguous between several values).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import cqedu
from cqedu.core.errors import NoMatchError, QueryError
from cqedu.core.text import normalise_phrase
from cqedu.knowledge import KnowledgeBase
from tests.conftest import MINI_FACTS, REAL_FACTS

WORLD_FACTS = Path(__file__).parents[1] / "data" / "world_facts.toml"
LETTERS = "abcdefghijklmnopqrstuvwxyz "


def typos(name: str) -> Iterator[str]:
    """Every single-character typo of a name, over a-z and space."""
    text = name.casefold()
    for i in range(len(text)):
        yield text[:i] + text[i + 1 :]  # left out
        if i + 1 < len(text):
            yield text[:i] + text[i + 1] + text[i] + text[i + 2 :]  # swapped
        for letter in LETTERS:
            yield text[:i] + letter + text[i + 1 :]  # replaced
    for i in range(len(text) + 1):
        for letter in LETTERS:
            yield text[:i] + letter + text[i:]  # added


def ids(facts: list[cqedu.Fact]) -> frozenset[str]:
    return frozenset(fact.id for fact in facts)


# filter -> (its declared names, the values a text resolves to, the results of a text)
Filter = tuple[list[str], Callable[[str], object], Callable[[str], frozenset[str]]]


def filters(kb: KnowledgeBase) -> dict[str, Filter]:
    names = kb.names

    def figures_of_level(text: str) -> frozenset[str]:
        try:
            return ids(kb.figures(level=text))
        except NoMatchError:  # a known level without figures
            return frozenset()

    return {
        "field": (
            kb.program_fields(),
            lambda t: tuple(names.fields(t)),
            lambda t: ids(kb.programs(t)),
        ),
        "country": (
            [n for c in kb.countries for n in (c.name, *c.aliases)],
            lambda t: names.countries.resolve(t).name,
            lambda t: ids(kb.partners(t)),
        ),
        "level": (
            [n for lv in kb.levels for n in (lv.id, lv.name, *lv.aliases)],
            lambda t: names.levels.resolve(t).id,
            figures_of_level,
        ),
        "unit": (kb.units(), lambda t: tuple(names.unit(t)), lambda t: ids(kb.figures(unit=t))),
        "kind": (
            ["stat", "stats", "program", "programs", "partner", "partners", "person", "people"],
            names.kinds.resolve,
            lambda t: ids(kb.records(t)) if kb.records else frozenset(),
        ),
    }


@pytest.fixture(scope="module", params=[REAL_FACTS, MINI_FACTS, WORLD_FACTS], ids=lambda p: p.stem)
def kb(request: pytest.FixtureRequest) -> Iterator[KnowledgeBase]:
    loaded = cqedu.load(request.param, cache=False)
    yield loaded
    loaded.close()


def results_or_none(results: Callable[[str], frozenset[str]], text: str) -> frozenset[str]:
    try:
        return results(text)
    except NoMatchError:
        return frozenset()


@pytest.mark.parametrize("kind", ["field", "country", "level", "unit", "kind"])
def test_a_typo_never_finds_fewer_than_the_word(kb: KnowledgeBase, kind: str) -> None:
    declared, resolve, results = filters(kb)[kind]
    known = {normalise_phrase(name) for name in declared}
    by_resolution: dict[object, frozenset[str]] = {}
    losses: list[tuple[str, str]] = []
    tried = 0
    for name in declared:
        wanted = results_or_none(results, name)
        for typo in set(typos(name)):
            if normalise_phrase(typo) in known:
                continue  # not a typo: another name as declared
            try:
                resolved = resolve(typo)
            except (QueryError, NoMatchError):
                continue  # refused: ambiguous between values (2), or names none (1)
            tried += 1
            if resolved not in by_resolution:
                by_resolution[resolved] = results_or_none(results, typo)
            if not wanted <= by_resolution[resolved]:
                losses.append((name, typo))
    assert tried > 0
    assert losses == []


def test_medcine_finds_what_medicine_finds(real_kb: KnowledgeBase) -> None:
    assert [f.id for f in real_kb.programs("medcine")] == [
        "sino-foreign-cooperative-programs",
        "sino-foreign-annual-enrollment",
        "leicester-joint-college",
    ]
    assert real_kb.programs("medcine") == real_kb.programs("medicine")


def test_a_typo_of_a_word_of_a_name_stands_for_that_word(real_kb: KnowledgeBase) -> None:
    assert real_kb.programs("clinicl") == real_kb.programs("clinical")
    assert real_kb.names.fields("clinicl") == ["clinical medicine"]


def test_a_typo_as_close_to_two_values_is_refused_not_guessed(real_kb: KnowledgeBase) -> None:
    with pytest.raises(QueryError) as refused:
        real_kb.figures(unit="schols")  # schools or scholars, one letter off each
    assert str(refused.value) == (
        'unit "schols" could mean schools or scholars; type one of them (or more of its name)'
    )


def test_a_typo_stands_for_the_name_it_misspells_before_a_word_it_happens_to_be(
    real_kb: KnowledgeBase,
) -> None:
    # "colleges" is a word of "vocational colleges", and one letter off "college"
    assert real_kb.names.levels.resolve("colleges").id == "higher-education"
    # "sian" is one letter off the alias "Siam" (and close to "Asian")
    assert real_kb.names.countries.resolve("sian").name == "Thailand"


def test_two_letters_are_taken_only_as_written(real_kb: KnowledgeBase) -> None:
    with pytest.raises(
        NoMatchError, match=r'^the facts know no level "ce" \(did you mean "ece"\?\)'
    ):
        real_kb.names.levels.resolve("ce")
    with pytest.raises(
        NoMatchError, match=r'^the facts name no partner in "u" \(did you mean "UK"\?\); '
    ):
        real_kb.names.countries.resolve("u")  # not the start of "U.K."
