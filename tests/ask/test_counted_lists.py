"""A list of partner countries that the article counts more of than it names gives the
count and every country named for that subject (`cqedu.ask.counted_lists`): a partial list
is never taken for the whole. A question of one country named, or a list the article
gives whole, stays as it was. Records are our own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import loaded_text, refused

FACTS = """
schema = 1

[[sources]]
id = "town"
title = "Town schools"
file = "town.txt"
date = "2025-01-02"
summary = "Invented facts for tests."
sections = ["Abroad", "Skills", "Exchange"]

[[countries]]
name = "Spain"

[[countries]]
name = "Chile"

[[countries]]
name = "Kenya"

[[stats]]
id = "partner-countries"
name = "Countries in education cooperation"
summary = "The town's education cooperation reaches this many countries."
value = 40
unit = "countries"
qualifier = "more than"
as_written = "more than 40"
section = "Abroad"
paragraph = 1

[[stats]]
id = "skills-countries"
name = "Countries in skills training cooperation"
summary = "The town's skills training cooperation abroad covers this many countries."
value = 20
unit = "countries"
qualifier = "over"
as_written = "over 20"
section = "Skills"
paragraph = 1

[[stats]]
id = "exchange-countries"
name = "Countries in the pupil exchange"
summary = "Pupils of the town went on exchange visits to this many countries."
value = 9
unit = "countries"
as_written = "nine"
section = "Exchange"
paragraph = 1

[[partners]]
id = "madrid-college"
name = "Madrid College"
summary = "Spanish college running a joint music school with the town."
category = "institution"
country = "Spain"
section = "Abroad"
paragraph = 2

[[partners]]
id = "andes-centre"
name = "Andes Centre"
summary = "Centre the town set up for cooperation on mountain farming."
category = "centre"
country = "Chile"
keywords = ["farming", "centre"]
section = "Abroad"
paragraph = 3

[[partners]]
id = "kenya"
name = "Kenya"
summary = "Named as one of the countries of the town's skills training cooperation."
category = "country"
country = "Kenya"
related = ["skills-countries"]
section = "Abroad"
paragraph = 4
"""

ALL = (
    "more than 40 countries (countries in education cooperation; Abroad ¶1); the article "
    "names 3: Spain, Chile, Kenya (Abroad ¶2, ¶3, ¶4)"
)


@pytest.fixture
def town(tmp_path: Path) -> Iterator[KnowledgeBase]:
    with loaded_text(tmp_path / "town.toml", FACTS) as kb:
        yield kb


@pytest.mark.parametrize(
    "question",
    [
        "which countries does the town cooperate with",
        "which partner countries are named",
        "what countries does the town work with",
        "town education cooperation countries",
        "which countries does the town have education cooperation with",
    ],
)
def test_a_list_of_fewer_countries_than_counted_says_the_count(
    town: KnowledgeBase, question: str
) -> None:
    found = town.ask(question)
    assert found.text == ALL
    assert [f.id for f in found.named] == ["madrid-college", "andes-centre", "kenya"]
    assert found.related[0].id == "partner-countries"


def test_the_count_of_the_subject_asked_is_the_one_given(town: KnowledgeBase) -> None:
    assert town.ask("which countries does the town work with on skills training").text == (
        "over 20 countries (countries in skills training cooperation; Skills ¶1); the "
        "article names 1: Kenya (Abroad ¶4)"
    )


def test_a_question_of_one_named_country_is_no_list(town: KnowledgeBase) -> None:
    assert town.ask("is Kenya one of the skills training partner countries").text == (
        "Kenya (Abroad ¶4)"
    )


def test_a_count_of_countries_it_names_none_of_stays_refused(town: KnowledgeBase) -> None:
    assert refused(town, "which countries take part in the pupil exchange") == (
        "the article counts nine countries in the pupil exchange but does not name them"
    )


def test_what_the_article_does_not_say_stays_refused(town: KnowledgeBase) -> None:
    assert refused(town, "which countries send students to the town") == (
        'the article does not mention "students"'
    )


def test_a_list_the_article_gives_whole_is_left_as_it_is(tmp_path: Path) -> None:
    whole = FACTS.replace("value = 40", "value = 3").replace('"more than 40"', '"more than 3"')
    with loaded_text(tmp_path / "whole.toml", whole) as kb:
        assert kb.ask("which countries does the town cooperate with").text == (
            "Spain, Chile, Kenya (Abroad ¶2, ¶3, ¶4)"
        )


REAL_ALL = (
    "more than 70 countries and regions (countries and regions in education cooperation; "
    "2025; Deepening Global Cooperation and Mutual Learning ¶1); the article names 7: "
    "United Kingdom, Singapore, Russia, Spain, Thailand, Greece, South Asia (Deepening "
    "Global Cooperation and Mutual Learning ¶2, ¶3, ¶5)"
)


@pytest.mark.parametrize(
    "question",
    [
        "which countries does chongqing cooperate with",
        "chongqing education cooperation countries",
        "which countries does chongqing have education cooperation with",
        "which countries and regions cooperate with chongqing",
    ],
)
def test_the_bundled_facts_give_the_count_of_partner_countries(
    real_kb: KnowledgeBase, question: str
) -> None:
    assert real_kb.ask(question).text == REAL_ALL


def test_the_bundled_vocational_partners_come_with_their_count(real_kb: KnowledgeBase) -> None:
    found = real_kb.ask("which countries does Chongqing work with on vocational training?")
    assert found.text == (
        "more than 50 countries (countries in vocational training cooperation; as of 2025; "
        "Deepening Global Cooperation and Mutual Learning ¶3); the article names 3: Russia, "
        "Spain, Thailand (Deepening Global Cooperation and Mutual Learning ¶3)"
    )
    assert [f.id for f in found.named] == ["russia", "spain", "thailand"]
