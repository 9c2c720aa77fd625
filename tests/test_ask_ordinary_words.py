"""Ordinary English does not veto an answer; a subject noun the records never use still does
(issue 14, kind 2).

A function word read into the noun phrase, a verb typed as itself whose record form is
irregular ("meet": "met"), an everyday word for a record word declared as a synonym
(`[[terms]]`), and a declared phrase typed in the other spelling all find their record;
beside each, a phrasing of the same shape whose unknown noun names another subject or
quantity is refused with the word it hinges on. Phrasings are our own.
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
        # "made" is a function word, even where the reading takes it into the noun phrase
        ("when was a free year of preschool made available", ["free-preschool-year"]),
        ("since when has a year of preschool been made free", ["free-preschool-year"]),
        # a verb typed as itself, its record form irregular ("met")
        ("how many of its core goals did the city meet", ["core-goals-met"]),
        ("how many core goals did chongqing meet", ["core-goals-met"]),
        # everyday words for record words, declared as synonyms in facts.toml
        ("how many key goals did chongqing reach", ["core-goals-met"]),
        ("how many main goals did chongqing meet", ["core-goals-met"]),
        (
            "what drive did chongqing start this year to open up its education",
            ["openness-initiative"],
        ),
        (
            "which fair let international students try dishes from many countries",
            ["world-culture-fair"],
        ),
        (
            "how many countries and regions does the city collaborate with on education",
            ["cooperation-countries-and-regions"],
        ),
        (
            "how many countries does chongqing team up with on vocational training",
            ["vocational-cooperation-countries"],
        ),
        (
            "how many countries does job-skills cooperation reach",
            ["vocational-cooperation-countries"],
        ),
        ("which reform was chosen for the national trials", ["campus-football-reform"]),
        # a declared phrase ("gross enrollment") typed in the other spelling
        ("what is the gross enrolment rate of preschools", ["preschool-enrollment-rate"]),
        ("what is the gross enrolment rate in high schools", ["high-school-enrollment-rate"]),
    ],
)
def test_an_ordinary_word_finds_its_record(
    real_kb: KnowledgeBase, question: str, expected: list[str]
) -> None:
    assert named(real_kb, question) == expected


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("when was preschool made compulsory", 'the article does not mention "compulsory"'),
        (
            "how many goals did the city fail to meet",
            'the article does not say "fail" of Core goals of the 14th Five-Year Plan met; '
            "worth a look: core-goals-met",
        ),
        ("how many dishes were served at the fair", 'the article does not mention "served"'),
        ("what is the gross enrolment rate in sichuan", 'the article does not mention "sichuan"'),
        ("what is the salary of chongqing principals", 'the article does not mention "salary"'),
        (
            "how many principals train in singapore each month",
            'the article does not mention "month"',
        ),
        (
            "who is the vice president of southwest university",
            'the article does not mention "president"',
        ),
        ("what is the key budget for preschool", 'the article does not mention "budget"'),
        (
            "how many national trials has chongqing run",
            'the article gives no count of "national trials"',
        ),
        ("how many schools were hit by floods", 'the article does not mention "floods"'),
    ],
)
def test_a_subject_noun_the_records_never_use_still_vetoes(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


# ------------------------------------------------ a common word said aside


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # common words where a verb or adverb stands, the other words picking the records
        (
            "name the platforms chongqing set up to raise its voice in global education dialogue",
            ["chinese-greek-civilizations-center", "south-asia-poverty-alleviation-center"],
        ),
        (
            "is chongqing adding university places so kids can study nearer their homes",
            ["higher-education-expansion"],
        ),
        (
            "which centre did chongqing set up to fight poverty",
            ["south-asia-poverty-alleviation-center"],
        ),
    ],
)
def test_a_common_word_said_aside_does_not_veto(
    real_kb: KnowledgeBase, question: str, expected: list[str]
) -> None:
    assert named(real_kb, question) == expected


@pytest.mark.parametrize(
    ("question", "message"),
    [
        # a figure question: the word may name what is counted
        (
            "how many platforms did chongqing set up to raise its voice in global dialogue",
            'the article does not mention "raise" or "voice"',
        ),
        # another word the records never use leaves the record unclear
        (
            "which fair did international students secretly dislike",
            'the article does not mention "secretly"',
        ),
        (
            "is chongqing adding university places so kids can stay nearer their parents",
            'the article does not mention "stay" or "parents"',
        ),
        # the other words fit two centres: which one is meant is not clear
        ("which centre did chongqing set up and later sell", 'the article does not mention "sell"'),
        # rare in general English ("quartile"): a subject of its own ("percentile" asks a
        # share, as "percent" does: see test_ask_filler_words.py)
        (
            "which subjects sit in the esi quartile band",
            'the article does not mention "quartile"',
        ),
    ],
)
def test_a_word_said_aside_still_vetoes_unless_common_and_clear(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message
