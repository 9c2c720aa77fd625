"""Counts of people named by what they do (`cqedu.ask.people`): "how many people study"
counts students, the agent noun of "study", when the records count it."""

from __future__ import annotations

import pytest

from cqedu.ask.language import Lexicon
from cqedu.ask.people import agents, of_people
from cqedu.knowledge import KnowledgeBase
from tests.conftest import answered, refused


@pytest.mark.parametrize(
    ("verb", "agent"),
    [
        ("study", "students"),
        ("studying", "students"),
        ("teach", "teachers"),
        ("taught", "teachers"),
        ("teaches", "teachers"),
        ("learn", "learners"),
        ("instruct", "instructors"),
        ("train", "trainees"),
    ],
)
def test_a_verb_has_its_agent_noun_among_its_derivations(verb: str, agent: str) -> None:
    assert agent in agents(verb)


@pytest.mark.parametrize(
    ("question", "meant"),
    [
        ("how many people study in chongqing", "how many students in chongqing"),
        ("how many people are studying in chongqing", "how many students in chongqing"),
        ("the number of people who teach in chongqing", "the number of teachers in chongqing"),
        ("How many individuals research abroad", "How many researchers abroad"),
        # no record counts the agent of "live" or "attend": the question stays as asked
        ("how many people live in chongqing", "how many people live in chongqing"),
        ("how many people attended the fair", "how many people attended the fair"),
        # people not counted, or counted by no verb
        ("people who study in chongqing", "people who study in chongqing"),
        ("how many people in chongqing", "how many people in chongqing"),
    ],
)
def test_a_generic_person_noun_counted_reads_as_the_agent_of_its_verb(
    real_kb: KnowledgeBase, question: str, meant: str
) -> None:
    assert of_people(question, Lexicon(real_kb)) == meant


@pytest.mark.parametrize(
    ("question", "expected", "answer"),
    [
        (
            "how many people study in chongqing",
            "students",
            "6.4 million students (as of 2025; Building a Strong Education System ¶1)",
        ),
        (
            "how many people are studying in chongqing",
            "students",
            "6.4 million students (as of 2025; Building a Strong Education System ¶1)",
        ),
        (
            "the number of people who teach in chongqing",
            "teachers",
            "over 500,000 teachers (as of 2025; Building a Strong Education System ¶1)",
        ),
    ],
)
def test_a_count_of_people_by_their_verb_finds_the_record_of_that_group(
    real_kb: KnowledgeBase, question: str, expected: str, answer: str
) -> None:
    assert answered(real_kb, question) == (expected, answer)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("how many people live in chongqing", 'the article does not mention "live"'),
        (
            "how many people attended the world culture fair",
            'the article gives no count of "people"; worth a look: high-school-enrollment-rate, '
            "higher-education-enrollment-rate",
        ),
        (
            "how many people work in chongqing schools",
            'the article gives no count of "people"; worth a look: high-school-enrollment-rate, '
            "higher-education-enrollment-rate",
        ),
    ],
)
def test_a_count_of_people_the_records_do_not_count_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message
