"""A list of counts asked as "the numbers of X, Y and Z", or closed by an echo ("all three
please", "both", "list them all"), names each noun's own record (`cqedu.ask.echoes`); a
noun the article does not count still refuses the whole. Phrasings are our own.
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
        (
            "what are the numbers of schools, students and teachers, all three?",
            ["schools", "students", "teachers"],
        ),
        ("THE NUMBERS OF SCHOOLS AND TEACHERS!!", ["schools", "teachers"]),
        ("how many schools and teachers, both?", ["schools", "teachers"]),
        (
            "give me the figures for platforms and overseas programs... list them all",
            ["international-vocational-platforms", "overseas-vocational-programs"],
        ),
        (
            "how many universities and disciplines are in Double First-Class, both please",
            ["double-first-class-universities", "double-first-class-disciplines"],
        ),
    ],
)
def test_each_count_of_a_list(real_kb: KnowledgeBase, question: str, expected: list[str]) -> None:
    assert named(real_kb, question) == expected


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        (
            "what were the numbers of schools and libraries",
            'the article does not mention "libraries"',
        ),
        ("the numbers of schools, students and parents... all three please", "the article"),
        ("how many kindergartens and teachers, both?", "the article"),
    ],
)
def test_a_list_with_an_uncounted_noun_refused(
    real_kb: KnowledgeBase, question: str, reason: str
) -> None:
    assert refused(real_kb, question).startswith(reason)
