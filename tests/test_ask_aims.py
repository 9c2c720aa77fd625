"""Questions of what a thing is for (`cqedu.ask.aims`): "what is X meant to support", "what
function does X serve in Y", "what is the purpose of X", "what does X imply about Y" ask
X's description; a sum of money, a stat's target, or a Y the article does not say of X
stay refused."""

from __future__ import annotations

import pytest

from cqedu.ask.aims import for_its_aim
from cqedu.ask.checks import PAYING, PRICE_WORDS
from cqedu.ask.language import Lexicon
from cqedu.core.text import stem
from cqedu.knowledge import KnowledgeBase
from tests.conftest import answered, refused

TEACHING = (
    "Teaching follows industry: Model in which vocational teaching goes abroad alongside "
    "Chongqing companies that expand overseas. (Deepening Global Cooperation and Mutual "
    "Learning ¶3)"
)
OPENNESS = (
    "Educational openness initiative: New 2025 initiative for open, two-way international "
    "education exchange with shared benefits. (Deepening Global Cooperation and Mutual "
    "Learning ¶1)"
)
CENTRE = (
    "Center of Chinese and Greek Ancient Civilizations: Platform founded by Chongqing for "
    "dialogue on the ancient civilizations of China and Greece. (Deepening Global "
    "Cooperation and Mutual Learning ¶5)"
)
BRAND = (
    "Study in Chongqing: City brand for recruiting international students, one of its six "
    "globally promoted brands. (Deepening Global Cooperation and Mutual Learning ¶2)"
)


@pytest.mark.parametrize(
    ("question", "meant"),
    [
        ("What is the Go lesson meant to inspire?", "describe the Go lesson"),
        (
            "What purpose does the campus football reform serve in schools?",
            "describe the campus football reform",
        ),
        (
            "what is the purpose of the Study in Chongqing brand",
            "describe the Study in Chongqing brand",
        ),
        (
            "What drives the 'teaching follows industry' model, i.e. what is it meant to support?",
            "describe the 'teaching follows industry' model",
        ),
        # a sum of money, a word the records do not say of X, a stat's target: unchanged
        ("What is the campus football reform meant to cost?", None),
        ("What does the free preschool year imply about teacher salaries?", None),
        ("What is the share of vocational students meant to reach?", None),
        ("What is the openness initiative meant to achieve by 2030?", None),
        # a noun of aim the records use may name a record of its own
        ("What goal does the education plan have?", None),
    ],
)
def test_a_question_of_what_a_thing_is_for_asks_its_description(
    real_kb: KnowledgeBase, question: str, meant: str | None
) -> None:
    money = PAYING | {stem(w) for w in PRICE_WORDS}
    assert for_its_aim(question, Lexicon(real_kb), money) == (meant or question)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "What drives the 'teaching follows industry' model, i.e. what is it meant to support?",
            ("teaching-follows-industry", TEACHING),
        ),
        (
            "How is the teaching follows industry model supposed to help companies abroad?",
            ("teaching-follows-industry", TEACHING),
        ),
        (
            "How is the new openness initiative meant to reshape exchanges: inbound, outbound, "
            "or both?",
            ("openness-initiative", OPENNESS),
        ),
        (
            "What function does the Center of Chinese and Greek Ancient Civilizations serve in "
            "Chongqing's global engagement?",
            ("chinese-greek-civilizations-center", CENTRE),
        ),
        ("What is the Study in Chongqing brand intended to do?", ("study-in-chongqing", BRAND)),
        (
            "What does the share of vocational students continuing their studies imply about "
            "pathways to success?",
            (
                "vocational-further-study-share",
                "surpassed 70% vocational students going on to further study (as of 2025; "
                "Building a Strong Education System ¶4)",
            ),
        ),
    ],
)
def test_what_a_thing_is_for_is_answered_by_its_description(
    real_kb: KnowledgeBase, question: str, expected: tuple[str, str]
) -> None:
    assert answered(real_kb, question) == expected


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "What is the campus football reform meant to cost?",
            'the article does not mention "meant" or "cost"',
        ),
        (
            "What does the openness initiative imply about visa rules?",
            'the article does not mention "visa rules"',
        ),
        (
            "What function does the Study in Chongqing brand serve in tuition fees?",
            'the article does not mention "function" or "serve"',
        ),
        (
            "What is the share of vocational students meant to reach by 2030?",
            'the article does not mention "meant"',
        ),
    ],
)
def test_what_the_article_does_not_say_a_thing_is_for_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message
