"""Formal English read as the plain question it asks: a complex preposition ("with respect
to", "as regards", "concerning") is a preposition, not a word the article must say; "how
many X and how many Y" sharing one predicate asks both counts; "the municipality" is the
city (a declared term). What the formal words ask of something the article does not give
is still refused. Phrasings are our own.
"""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


def named(kb: KnowledgeBase, question: str) -> list[str]:
    return [fact.id for fact in kb.ask(question).named]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "With respect to the Double First-Class Initiative, how many universities have "
            "been selected?",
            ["double-first-class-universities"],
        ),
        ("As regards teachers, how many does Chongqing have?", ["teachers"]),
        (
            "With regard to special education, how many schools are there?",
            ["special-education-schools"],
        ),
        ("What is the enrollment rate concerning high school?", ["high-school-enrollment-rate"]),
        ("As for teachers, how many are there in Chongqing?", ["teachers"]),
        (
            "In relation to the Double First-Class Initiative, how many Chongqing universities "
            "and how many disciplines were selected?",
            ["double-first-class-universities", "double-first-class-disciplines"],
        ),
        ("how many schools and how many teachers does Chongqing have", ["schools", "teachers"]),
        (
            "what share of the basic research conducted in the municipality do universities "
            "account for?",
            ["basic-research-share"],
        ),
        ("how many teachers does the municipality have", ["teachers"]),
    ],
)
def test_formal_words_read_plainly(
    real_kb: KnowledgeBase, question: str, expected: list[str]
) -> None:
    assert named(real_kb, question) == expected


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("With respect to middle schools, how many are there?", "the article gives no"),
        (
            "With regard to Beijing, how many universities are in Double First-Class?",
            'the article does not mention "Beijing"',
        ),
        # a place named before the question is what it asks of, not the asker's aside
        (
            "For Beijing, how many universities are in Double First-Class?",
            'the article does not mention "Double First Class For Beijing"',
        ),
        ("how many schools and how many libraries does Chongqing have", "the article"),
        ("how many municipal schools are there", 'the article does not answer "how many'),
    ],
)
def test_formal_words_of_what_is_not_given_refused(
    real_kb: KnowledgeBase, question: str, reason: str
) -> None:
    assert refused(real_kb, question).startswith(reason)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("To what extent do universities account for basic research?", ["basic-research-share"]),
        (
            "To what extent, expressed as a percentage, are kindergartens inclusive?",
            ["inclusive-preschool-coverage"],
        ),
        (
            "what share of basic research do universities do, expressed as a percentage?",
            ["basic-research-share"],
        ),
    ],
)
def test_a_degree_asked_formally_is_a_share(
    real_kb: KnowledgeBase, question: str, expected: list[str]
) -> None:
    assert named(real_kb, question) == expected


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        # the margin of a comparison, which the article does not give
        (
            "to what extent is the preschool enrollment rate above the national average",
            'the article does not mention "extent"',
        ),
        (
            "To what extent has Chongqing improved education?",
            'the article does not mention "improved"',
        ),
    ],
)
def test_a_degree_the_article_does_not_give_refused(
    real_kb: KnowledgeBase, question: str, reason: str
) -> None:
    assert refused(real_kb, question).startswith(reason)
