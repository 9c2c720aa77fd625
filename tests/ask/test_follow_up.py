"""A yes-no question, then a bare which- or what-question of the kind it lists
(`follow_up`): asked as one, the country the first asks about left out when the second
lists countries; any other pair of questions is read as before."""

from __future__ import annotations

import pytest

from cqedu.ask.follow_up import followed_up
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused

COUNTRIES = ["Spain", "Russia", "Thailand", "España"]


@pytest.mark.parametrize(
    ("question", "one"),
    [
        (
            "In Spain there is cooperation vocational with Chongqing? Which are the countries "
            "that are named?",
            "Which are the countries that are named in there is cooperation vocational with "
            "Chongqing?",
        ),
        (
            "Do the Sino-foreign programs cover robotics? Which fields?",
            "Which fields do the Sino-foreign programs cover robotics?",
        ),
    ],
)
def test_asked_as_one(question: str, one: str) -> None:
    assert followed_up(question, COUNTRIES, ["nations"]) == one


@pytest.mark.parametrize(
    "question",
    [
        "How many schools? How many teachers?",  # the first asks a figure of its own
        "Is the rate high? What is it?",  # the second lists no kind
        "Is Spain a partner? Which university hosted the World Culture Fair?",  # its own
        "Which countries cooperate with Chongqing?",
    ],
)
def test_not_a_follow_up(question: str) -> None:
    assert followed_up(question, COUNTRIES, ["nations"]) is None


def test_answered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.ask(
        "In Spain there is cooperation vocational with Chongqing? Which are the countries that "
        "are named?"
    )
    assert [f.id for f in answer.named] == ["russia", "spain", "thailand"]
    assert answer.question.startswith("In Spain there is")


def test_refused(real_kb: KnowledgeBase) -> None:
    assert (
        refused(
            real_kb, "Does Chongqing cooperate with Japan in vocational training? Which countries?"
        )
        == 'the article does not mention "Japan" (it covers Chongqing)'
    )
