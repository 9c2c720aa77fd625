""" "What role does X play in Y" (`cqedu.ask.described.role_played`): the idiom asks what X
is for Y, or who X is there for a person; the role and "play" name nothing to look up."""

from __future__ import annotations

import pytest

from cqedu.ask.described import role_played, what_sets_apart
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "meant"),
    [
        (
            "What role does education play in the city's industrial transformation?",
            "what is education in the city's industrial transformation?",
        ),
        (
            "what role education play for industrial transformation of chongqing",
            "what is education for industrial transformation of chongqing",
        ),
        (
            "what part is Liu Yanbing playing at the press conference",
            "who is Liu Yanbing at the press conference",
        ),
        # no idiom: unchanged
        ("what role model did Chongqing produce", "what role model did Chongqing produce"),
        ("what games do children play", "what games do children play"),
    ],
)
def test_role_played(real_kb: KnowledgeBase, question: str, meant: str) -> None:
    assert role_played(question, real_kb) == meant


@pytest.mark.parametrize(
    ("question", "meant"),
    [
        (
            "What makes the joint college with Leicester unique in central and western China?",
            "what is special about the joint college with Leicester in central and western China?",
        ),
        ("what made the fair so special?", "what was special about the fair?"),
        # any other adjective is what is asked
        ("what makes the college expensive", "what makes the college expensive"),
        ("what makes up the Five Educations", "what makes up the Five Educations"),
    ],
)
def test_what_sets_apart(question: str, meant: str) -> None:
    assert what_sets_apart(question) == meant


@pytest.mark.parametrize(
    ("question", "record"),
    [
        (
            "What role does education play in the city's industrial transformation?",
            "education-drives-industry",
        ),
        ("what role does Liu Yanbing play at the press conference", "liu-yanbing"),
        ("what role did Li Xuanhao play in the Go lesson", "li-xuanhao"),
        (
            "What makes the joint college with Leicester unique in central and western China?",
            "leicester-joint-college",
        ),
        ("what made the World Culture Fair so special?", "world-culture-fair"),
    ],
)
def test_answered(real_kb: KnowledgeBase, question: str, record: str) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "what part does the education commission play in hiring nurses",
            'the article does not mention "hiring nurses"',
        ),
        (
            "what role do women play in the education commission",
            'the article does not mention "women"',
        ),
        (
            "what makes the Leicester joint college expensive",
            'the article does not mention "expensive"',
        ),
        (
            "what makes the joint college with Leicester unique among hospitals",
            'the article does not mention "hospitals"',
        ),
    ],
)
def test_refused(real_kb: KnowledgeBase, question: str, message: str) -> None:
    assert refused(real_kb, question) == message
