"""A when/who/where question that types a record's whole name is answered by that record
or one tied to it (`choice._of_another`), never by another record's date, holder or
place; and a figure of the city is no answer to a question of the whole country."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "when was the study in chongqing initiative launched",
            "the article gives no date for International students attracted; worth a look: "
            "international-students, study-in-chongqing, scholars-sponsored-abroad",
        ),
        (
            "when did the study in chongqing initiative begin",
            "the article gives no date for International students attracted; worth a look: "
            "international-students, study-in-chongqing, scholars-sponsored-abroad",
        ),
        (
            "when was the five educations in one initiative launched",
            "the article gives no date for Educational openness initiative; worth a look: "
            "openness-initiative, cooperation-countries-and-regions, international-education-hub",
        ),
        (
            "when was study in chongqing launched",
            "the article gives no date for Study in Chongqing; worth a look: "
            "study-in-chongqing, scholars-sponsored-abroad, overseas-study-sponsorship",
        ),
    ],
)
def test_a_named_record_s_date_is_never_another_record_s(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("when was the world culture fair", "world-culture-fair"),
        (
            "where was the world culture fair held",
            "southwest-university-of-political-science-and-law",
        ),
        ("where is the Changan Digital Intelligence Factory", "changan-factory-photo"),
        ("who leads the chongqing municipal education commission", "liu-yanbing"),
    ],
)
def test_a_named_record_or_one_that_names_it_still_answers(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    "question",
    [
        "how many students are in china",
        "how many students study in china",
        "how many international students come to study in china",
    ],
)
def test_students_of_the_whole_country_are_not_the_city_s(
    real_kb: KnowledgeBase, question: str
) -> None:
    assert refused(real_kb, question).startswith(f'the article does not answer "{question}"')


def test_the_city_s_foreign_students_are_still_counted(real_kb: KnowledgeBase) -> None:
    answer = real_kb.ask("how many foreign students study in chongqing")
    assert answer.record.id == "international-students"
    assert answer.text.startswith("over 10,000 students (international students attracted;")
