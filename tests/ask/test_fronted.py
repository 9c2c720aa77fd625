"""Text-speak and topic-first questions read as the same question in the usual order
(`cqedu.ask.fronted`); a list of plural nouns typed without commas names each
(`cqedu.ask.reading.conjunct_phrases`); a number that begins a record's name is that name
(`cqedu.ask.reading`). Phrasings are our own.
"""

from __future__ import annotations

import pytest

from cqedu.ask.fronted import in_order
from cqedu.ask.language import Lexicon
from cqedu.ask.reading import conjunct_phrases
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


def named(kb: KnowledgeBase, question: str) -> list[str]:
    return [fact.id for fact in kb.ask(question).named]


def plural(word: str) -> bool:
    return word.endswith("s")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("schools n teachers how many cq", "how many schools and teachers cq"),
        ("teachers & schools, how many?", "how many teachers and schools"),
        ("5 educations what r they", "what are 5 educations"),
        ("go champ lesson for kids where was it", "where was go champ lesson for kids"),
        ("five educations in one meaning", "what is the meaning of five educations in one"),
        # a question word before the noun: a question of its own
        ("what is its meaning", "what is its meaning"),
        (
            "do voc school kids keep studying after? how many",
            "how many voc school kids keep studying after",
        ),
        (
            "the universities is doing how much of the basic research",
            "how much of the basic research the universities is doing",
        ),
        # a lead-up before the question, not a topic: its noun comes after "how many"
        ("in chongqing, how many teachers", "in chongqing, how many teachers"),
        (
            "as a parent im curious - how many teachers",
            "as a parent im curious - how many teachers",
        ),
        # a letter that stands alone at either end is no word said
        ("n schools", "n schools"),
        # a letter beside another is an initialism's
        ("what share of r & d", "what share of r & d"),
        ("universities in the u k", "universities in the u k"),
        ("how many schools r there", "how many schools are there"),
    ],
)
def test_text_speak_is_spelt_out_and_a_topic_said_first_goes_after_its_question(
    question: str, expected: str
) -> None:
    assert in_order(question, plural) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("schools n teachers how many cq", ["schools", "teachers"]),
        ("how many schools students and teachers", ["schools", "students", "teachers"]),
        (
            "how many schools students and teachers does chongqing have",
            ["schools", "students", "teachers"],
        ),
        ("5 educations what r they", ["five-educations-in-one"]),
        ("go champ lesson for kids where was it", ["go-lesson"]),
        ("five educatons in one meaning", ["five-educations-in-one"]),
        ("what are the five educations", ["five-educations-in-one"]),
        ("what are the 5 educations", ["five-educations-in-one"]),
        (
            "the universities is doing how much of the basic research in chongqing",
            ["basic-research-share"],
        ),
    ],
)
def test_such_questions_are_answered(
    real_kb: KnowledgeBase, question: str, expected: list[str]
) -> None:
    assert named(real_kb, question) == expected


def test_a_list_without_commas_is_split_only_when_it_ends_in_and(real_kb: KnowledgeBase) -> None:
    lexicon = Lexicon(real_kb)
    assert conjunct_phrases("how many schools students and teachers", lexicon)[1] == [
        "schools",
        "students",
        "teachers",
    ]
    # the plural is followed by its verb, and "and" joins nouns further on
    question = (
        "How many students enroll each year in Chongqing's Sino-foreign institutions and programs?"
    )
    assert conjunct_phrases(question, lexicon) == ("", [], "")


def test_a_stated_count_of_names_is_still_checked(real_kb: KnowledgeBase) -> None:
    assert refused(real_kb, "what are the 5 partner universities") == (
        "the article names 2 (University of Leicester, Nanyang Technological University), not 5"
    )
    assert refused(real_kb, "schools n hospitals how many cq").startswith(
        'the article does not mention "hospitals"'
    )
    assert refused(real_kb, "hospital meaning") == 'the article does not mention "hospital"'
