"""Chat abbreviations ("tbh", "rn", "bc") and conventional written abbreviations ("nos.",
"approx.", "yrs") read as the words they stand for (`cqedu.ask.textspeak`); one that
stands for words the article does not use ("ms" for middle school, "phd") is still
refused. Phrasings are our own.
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
        # stance and time markers of chat, read as said and dropped as hedges
        ("how many teachers in cq tbh", ["teachers"]),
        ("tbh how many special ed schools are there", ["special-education-schools"]),
        ("free preschool, how many kids get it tbh", ["free-preschool-children"]),
        ("how many schools does chongqing have rn", ["schools"]),
        # "atm": at the moment, declared with the article's "as of 2025" as "at present" is
        ("how many schools atm", ["schools"]),
        ("imo what is the hs enrolment rate", ["high-school-enrollment-rate"]),
        ("btw how many scholars go abroad each yr", ["scholars-sponsored-abroad"]),
        # chat's "even" between the question word and its verb stresses the asking
        ("who even is shi tingmao", ["shi-tingmao"]),
        ("where even was the go lesson tbh", ["go-lesson"]),
        # "bc" for "because"
        ("how many intl students came bc of study in chongqing", ["international-students"]),
        # "hs" is the article's high school
        ("hs enrolment rate in chongqing?", ["high-school-enrollment-rate"]),
        ("whats the hs enrollment rate", ["high-school-enrollment-rate"]),
        # conventional written abbreviations
        ("Tell the total nos. of special education schools.", ["special-education-schools"]),
        ("approx. what share of basic research do universities do", ["basic-research-share"]),
        ("how many skilled grads were supplied in 5 yrs", ["skilled-graduates"]),
        ("no. of special education schools in the city", ["special-education-schools"]),
        # chat spellings abbrfix's table lacks (the fresh-eyes trials typed them)
        ("high school enrollment rate pls", ["high-school-enrollment-rate"]),
        ("wat is the hs enrolment rate", ["high-school-enrollment-rate"]),
    ],
)
def test_abbreviations_read_as_their_words(
    real_kb: KnowledgeBase, question: str, expected: list[str]
) -> None:
    assert named(real_kb, question) == expected


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        # what the short form stands for is not in the article
        ("ms enrolment rate in chongqing?", "the article gives no enrolment figure for junior"),
        ("MS enrolment rate", "the article gives no enrolment figure for junior secondary"),
        ("how many phd students tbh", 'the article does not mention "phd"'),
        ("how many govt schools rn", 'the article does not answer "how many govt schools rn"'),
        ("how many middle school kids rn", "the article gives no kids figure for junior"),
        ("how many ppl are unemployed", 'the article does not mention "unemployed"'),
    ],
)
def test_abbreviations_of_other_words_refused(
    real_kb: KnowledgeBase, question: str, reason: str
) -> None:
    assert refused(real_kb, question).startswith(reason)
