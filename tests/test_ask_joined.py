"""Two counts asked in one question ("how many X ..., and how many Y ...", "number of X
and number of Y") are each answered, or the whole is refused (ask/question.py)."""

from __future__ import annotations

import pytest

import cqedu
from cqedu.knowledge import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "records"),
    [
        (
            "Number of international vocational education platforms and number of overseas "
            "programs set up by Chongqing?",
            ["international-vocational-platforms", "overseas-vocational-programs"],
        ),
        # the second question's pronoun stands for the first's noun phrase
        (
            "How many Sino-foreign cooperative institutions and programs does Chongqing "
            "have, and how many students do they enroll per year?",
            ["sino-foreign-annual-enrollment", "sino-foreign-cooperative-programs"],
        ),
        ("how many teachers and how many schools", ["schools", "teachers"]),
        # "it" is the city, not the plural counted
        (
            "how many schools does chongqing have, and how many students does it have",
            ["schools", "students"],
        ),
        # a keyword string of nouns ending in a count noun asks each noun's count
        (
            "vocational education platforms and overseas programs counts",
            ["international-vocational-platforms", "overseas-vocational-programs"],
        ),
        ("schools and teachers numbers", ["schools", "teachers"]),
        (
            "the number of special education schools and the number of schools",
            ["schools", "special-education-schools"],
        ),
    ],
)
def test_each_of_two_joined_counts_is_answered_in_the_records_order(
    real_kb: KnowledgeBase, question: str, records: list[str]
) -> None:
    found = real_kb.ask(question)
    assert (found.kind, [f.id for f in found.named]) == ("figure", records)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "how many schools in 2020 and how many teachers",
            "the article gives 9,177 schools as of 2025, not for 2020; worth a look: "
            "special-education-schools",
        ),
        (
            "schools and kindergartens counts",
            "the article gives no schools figure for preschool; worth a look: schools, "
            "special-education-schools, frontline-employees-trained-locally",
        ),
        (
            "how many teachers and how many kindergartens",
            'the article gives no count of "kindergartens"; worth a look: '
            "preschool-enrollment-rate, inclusive-preschool-coverage, free-preschool-children",
        ),
    ],
)
def test_a_half_the_article_cannot_answer_refuses_the_whole(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    with pytest.raises(cqedu.NoMatchError) as refusal:
        real_kb.ask(question)
    assert str(refusal.value) == message
