"""A second-language writer's words for the records' words (false friends: "formation" for
training, "investigation" for research, "in the exterior" for abroad), declared as
`[[terms]]`; a record word that is a function word ("abroad") stays one when a synonym is
declared for it, so it never vetoes a record that says it otherwise ("Singapore")."""

from __future__ import annotations

import pytest

from cqedu.ask.language import Lexicon
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "With how many countries Chongqing has cooperation of vocational formation?",
            "more than 50 countries (countries in vocational training cooperation; as of 2025; "
            "Deepening Global Cooperation and Mutual Learning ¶3)",
        ),
        (
            "How many investigators are sponsored each year for to study in the exterior?",
            "over 1,000 scholars (scholars sponsored for study abroad each year; per year; "
            "Deepening Global Cooperation and Mutual Learning ¶5)",
        ),
        (
            "Which is the percent of the basic investigation that make the universities in "
            "Chongqing?",
            "about 90% share of basic research done by universities (as of 2025; Integrating "
            "Education with Industry and Innovation ¶4)",
        ),
        (
            "What percent of the students of vocational formation continue studying after?",
            "surpassed 70% vocational students going on to further study (as of 2025; Building "
            "a Strong Education System ¶4)",
        ),
        (
            "What is the rate of matriculation in preschool?",
            "93.5% preschool enrollment rate (as of 2025; Building a Strong Education System ¶1)",
        ),
        (
            "what is the enrollment rate of superior education in Chongqing",
            "64.25% higher education enrollment rate (as of 2025; Building a Strong Education "
            "System ¶1)",
        ),
    ],
)
def test_answered(real_kb: KnowledgeBase, question: str, answer: str) -> None:
    assert real_kb.ask(question).text == answer


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "How many investigators does Chongqing have?",
            "the article gives over 1,000 scholars sponsored for study abroad each year, but no "
            'overall figure for "investigators"',
        ),
        (
            "What is the rate of matriculation in primary school?",
            "the article gives no matriculation figure for primary; worth a look: "
            "high-school-enrollment-rate, preschool-enrollment-rate, "
            "higher-education-enrollment-rate",
        ),
    ],
)
def test_refused(real_kb: KnowledgeBase, question: str, message: str) -> None:
    assert refused(real_kb, question) == message


def test_a_function_word_term_stays_common(real_kb: KnowledgeBase) -> None:
    declared = Lexicon(real_kb).declared
    assert "exterior" in declared
    assert "abroad" not in declared
    # "abroad" does not veto the training record that says "Singapore"
    assert (
        real_kb.ask(
            "Tell me about the scheme that gives school heads advanced training abroad"
        ).record.id
        == "principal-training-singapore"
    )
