"""A question's noun is another word than a record's word Snowball stems alike when the
inflection table (pyinflect) gives each a noun of its own: "nationalities" asks nothing of
a record's "national" programs, "educators" nothing of "education" (`Lexicon.matches`).
A verb and the noun of its act stay one word ("cooperate", "cooperation"), and a rare
noun one letter off a record word is still its typo ("eduction"). Records are our own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cqedu.ask.language import Lexicon
from cqedu.knowledge import KnowledgeBase
from cqedu.store.lemmas import other_nouns
from tests.conftest import loaded_text, refused

FACTS = """
schema = 1

[[sources]]
id = "town"
title = "Town schools"
file = "town.txt"
date = "2025-01-02"
summary = "Invented facts for tests."
sections = ["Intro"]

[[stats]]
id = "overseas-pupils"
name = "International students"
summary = "How many international students the town's colleges drew."
value = 500
unit = "students"
as_written = "500"
section = "Intro"
paragraph = 1

[[programs]]
id = "football-pilot"
name = "School football pilot"
summary = "The town's football lessons, picked as one of the first national pilot programs."
section = "Intro"
paragraph = 2

[[stats]]
id = "partner-towns"
name = "Partner towns in education cooperation"
summary = "The town's education cooperation reaches this many towns abroad."
value = 12
unit = "towns"
as_written = "twelve"
section = "Intro"
paragraph = 3
"""


@pytest.fixture
def town(tmp_path: Path) -> Iterator[KnowledgeBase]:
    with loaded_text(tmp_path / "town.toml", FACTS) as kb:
        yield kb


@pytest.mark.parametrize(
    ("first", "second", "apart"),
    [
        ("nationalities", "national", True),
        ("nationality", "national", True),
        ("educators", "education", True),
        ("industrial", "industry", True),
        # forms of one noun, a verb and the noun of its act, a word the table lacks
        ("nationals", "national", False),
        ("cooperate", "cooperation", False),
        ("training", "trained", False),
        ("internationally", "international", False),
    ],
)
def test_the_table_sets_apart_nouns_of_their_own(first: str, second: str, apart: bool) -> None:
    assert other_nouns(first, second) is apart


@pytest.mark.parametrize("noun", ["nationalities", "nationality"])
def test_a_noun_stemmed_as_a_record_adjective_is_not_that_adjective(
    town: KnowledgeBase, noun: str
) -> None:
    assert "national" not in Lexicon(town).matches(noun)
    assert refused(town, f"what {noun} are the international students") == (
        f'the article does not mention "{noun}"'
    )


def test_the_record_words_themselves_still_answer(town: KnowledgeBase) -> None:
    assert town.ask("which national pilot programs does the town run").record.id == (
        "football-pilot"
    )
    assert town.ask("how many international students").text == (
        "500 students (international students; Intro ¶1)"
    )


def test_a_verb_still_stands_for_the_noun_of_its_act(town: KnowledgeBase) -> None:
    assert Lexicon(town).matches("cooperate")["cooperation"] == 0.9
    assert town.ask("how many towns does the town cooperate with").record.id == "partner-towns"


def test_a_rare_noun_one_letter_off_is_still_a_typo(town: KnowledgeBase) -> None:
    assert "education" in Lexicon(town).matches("eduction")
