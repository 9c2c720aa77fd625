"""General nouns ("the guy who", "the idea where", "the person who") stand for what is
asked as a pronoun does (`ask/reading.py`); a share claimed in a yes-no question asks a
share ("is it 93.5 percent for preschool", `reading.claim`).

Phrasings are our own; beside each, one the article cannot answer stays refused.
"""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("who's the guy who heads the education commission", "liu-yanbing"),
        ("who is the person who heads the education commission", "liu-yanbing"),
        ("the guy who's world champion at go, what's his name", "li-xuanhao"),
        # a general noun of people asks who
        ("what's the name of the person who taught go", "li-xuanhao"),
        ("what's the guy's name who taught go", "li-xuanhao"),
        ("name the guy who heads the education commission", "liu-yanbing"),
        (
            "what's the idea called where schools follow companies abroad",
            "teaching-follows-industry",
        ),
    ],
)
def test_a_general_noun_stands_for_what_is_asked(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "the guy who's the mayor of chongqing, what's his name",
            'the article does not mention "mayor"',
        ),
        # "robot" is no form of the records' "robotics" (askR): both words are unknown
        ("who's the guy who founded the robot club", 'the article does not mention "robot club"'),
        (
            "what's the name of the guy who founded the robot club",
            'the article does not mention "robot club"',
        ),
        (
            "what's the idea called where schools give free lunches",
            'the article does not mention "lunches"',
        ),
    ],
)
def test_a_general_noun_lets_no_unanswerable_question_through(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("is it ninety three point five percent for preschool", "preschool-enrollment-rate"),
        ("is it 98.47% for high school", "high-school-enrollment-rate"),
        ("is it like 64.25 percent for higher education?", "higher-education-enrollment-rate"),
    ],
)
def test_a_share_claimed_of_it_asks_that_share(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


def test_a_share_claimed_of_a_level_without_one_stays_refused(real_kb: KnowledgeBase) -> None:
    assert refused(real_kb, "is it 50 percent for primary school") == (
        "the article gives no figure for primary"
    )
