"""Nouns for what a text says of a thing ("give me *info* on the college", "the *details*
of the plan", "the *bit* about the hub"): they ask for the text on the topic after them,
as "tell me about" does, and name nothing of it; a word of the topic the records never
use still vetoes."""

from __future__ import annotations

import pytest

from cqedu.ask.reading import _information_nouns
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("give me info on the college", {2}),
        ("the details of the plan", {1}),
        ("a summary of the reform", {1}),
        ("give me the bit about the hub", {3}),
        # before "of", a part of something else
        ("what part of the budget", set()),
        # no topic after it: the noun is what is asked
        ("what info is there", set()),
        ("the details", set()),
    ],
)
def test_information_nouns(question: str, found: set[int]) -> None:
    assert _information_nouns(question.split()) == found


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("give me info on the Leicester joint college", "leicester-joint-college"),
        (
            "tell me the details of the principal training in Singapore",
            "principal-training-singapore",
        ),
        ("summary of the campus football reform", "campus-football-reform"),
        ("what are the highlights of the fourteenth five year plan", "fourteenth-five-year-plan"),
        (
            "give me the bit about Chongqing becoming a hub for international education in "
            "inland China",
            "international-education-hub",
        ),
        ("give me the paragraph about the Leicester joint college", "leicester-joint-college"),
    ],
)
def test_answered(real_kb: KnowledgeBase, question: str, record: str) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("give me the details of the teacher salaries", 'the article does not mention "salaries"'),
        ("info on nurses in Chongqing", 'the article does not mention "nurses"'),
        (
            "what are the details of the budget of the principal training",
            'the article does not mention "budget"',
        ),
        (
            "give me a rundown of the tuition at the Leicester joint college",
            'the article gives no figure for "tuition at the Leicester joint college"',
        ),
    ],
)
def test_refused(real_kb: KnowledgeBase, question: str, message: str) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # a noun for a wording before a record's whole name, in apposition to it
        ("What does the term Chongqing wisdom mean?", "chongqing-wisdom"),
        (
            'What does the phrase "teaching follows industry" refer to?',
            "teaching-follows-industry",
        ),
        ('what is the expression "Five Educations in One" about', "five-educations-in-one"),
    ],
)
def test_wording_answered(real_kb: KnowledgeBase, question: str, record: str) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "message"),
    [
        # no record's name after it: the noun is what is asked
        ("what does the term tuition mean", 'the article does not mention "term"'),
        (
            "what is the slogan of the Leicester joint college",
            'the article does not mention "slogan"',
        ),
    ],
)
def test_wording_refused(real_kb: KnowledgeBase, question: str, message: str) -> None:
    assert refused(real_kb, question) == message
