"""Questions put as reported speech (`cqedu.ask.reported`): who said it leads up to the
question when the article speaks for them, and an echo question's "how many" reads at the
front. Each kind is pinned by phrasings of our own, with a refusal of the same shape."""

from __future__ import annotations

import pytest

from cqedu.ask.language import Lexicon
from cqedu.ask.reported import in_front, unreported
from cqedu.knowledge import KnowledgeBase
from tests.conftest import answered, refused


@pytest.mark.parametrize(
    ("question", "meant"),
    [
        (
            "Officials said the city works with how many countries on vocational training?",
            "how many countries the city works with on vocational training?",
        ),
        ("Liu Yanbing told reporters that how many schools", "how many schools"),
        (
            "Liu Yanbing told the press conference that how many schools",
            "how many schools",
        ),
        # whom the article does not cite as told stays, as a speaker does
        (
            "Liu Yanbing told the statistics bureau that how many schools",
            "Liu Yanbing told the statistics bureau that how many schools",
        ),
        ("the commission announced how many schools", "how many schools"),
        (
            "As officials noted, what is the preschool rate?",
            "what is the preschool rate?",
        ),
        ("how many schools are there, officials said?", "how many schools are there?"),
        # a speaker the records never name stays, to be weighed as any word is
        (
            "the statistics bureau said how many schools",
            "the statistics bureau said how many schools",
        ),
        # a clause that asks nothing is no question reported
        ("officials said the city has schools", "officials said the city has schools"),
        # the speaker is what a question word before the verb asks about
        ("who said how many schools", "who said how many schools"),
    ],
)
def test_the_speaker_of_a_reported_question_is_left_out(
    real_kb: KnowledgeBase, question: str, meant: str
) -> None:
    assert unreported(question, Lexicon(real_kb)) == meant


@pytest.mark.parametrize(
    ("clause", "asked"),
    [
        ("the city has how many teachers?", "how many teachers the city has ?"),
        (
            "it enrolls how many Sino-foreign students each year",
            "how many Sino-foreign students each year it enrolls",
        ),
        (
            "the universities do how much of the basic research",
            "how much of the basic research the universities do",
        ),
        # "how many" already in front, after a question word, or counting nothing
        ("how many teachers does it have", "how many teachers does it have"),
        ("which city has how many teachers", "which city has how many teachers"),
        ("schools, how many?", "schools, how many?"),
        # a break sets a preamble apart, read as such
        (
            "for special education: how many teachers are there",
            "for special education: how many teachers are there",
        ),
    ],
)
def test_an_echo_question_asks_its_count_at_the_front(clause: str, asked: str) -> None:
    assert in_front(clause) == asked


@pytest.mark.parametrize(
    ("question", "expected", "answer"),
    [
        (
            "Officials said the city works with how many countries on vocational training?",
            "vocational-cooperation-countries",
            "more than 50 countries (countries in vocational training cooperation; as of 2025; "
            "Deepening Global Cooperation and Mutual Learning ¶3)",
        ),
        (
            "Liu Yanbing told reporters that the city enrolls how many international students?",
            "international-students",
            "over 10,000 students (international students attracted; as of 2025; Deepening "
            "Global Cooperation and Mutual Learning ¶2)",
        ),
        (
            "The commission says how many special education schools were built?",
            "special-education-schools",
            "41 schools (special education schools; 2021-2025; Building a Strong Education "
            "System ¶5)",
        ),
        (
            "how many countries does the city work with on vocational training, officials said?",
            "vocational-cooperation-countries",
            "more than 50 countries (countries in vocational training cooperation; as of 2025; "
            "Deepening Global Cooperation and Mutual Learning ¶3)",
        ),
        (
            "the universities is doing how much of the basic research in chongqing",
            "basic-research-share",
            "about 90% share of basic research done by universities (as of 2025; Integrating "
            "Education with Industry and Innovation ¶4)",
        ),
        (
            "Liu Yanbing told the press conference that the city has how many teachers?",
            "teachers",
            "over 500,000 teachers (as of 2025; Building a Strong Education System ¶1)",
        ),
        (
            "the city has how many teachers?",
            "teachers",
            "over 500,000 teachers (as of 2025; Building a Strong Education System ¶1)",
        ),
    ],
)
def test_a_reported_question_is_answered_as_the_question_it_reports(
    real_kb: KnowledgeBase, question: str, expected: str, answer: str
) -> None:
    assert answered(real_kb, question) == (expected, answer)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "officials said how many teachers Chengdu has",
            'the article does not mention "Chengdu" (it covers Chongqing)',
        ),
        (
            "Officials said the city has how many hospitals?",
            'the article does not mention "hospitals"',
        ),
        (
            "the national statistics bureau said how many schools chongqing has?",
            'the article does not mention "statistics"',
        ),
        (
            "Officials said how many people live in chongqing",
            'the article does not mention "live"',
        ),
        (
            "universities do how much of the applied research in chongqing",
            'the article does not mention "applied"',
        ),
        (
            "Liu Yanbing told the national statistics bureau that the city has how many teachers?",
            'the article does not mention "statistics"',
        ),
    ],
)
def test_a_reported_question_the_article_does_not_answer_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message
