"""A word the records never use offered as another for one they do ("the events *or
scenes*"): the asker takes either, so it vetoes nothing; a name, or a figure's second
noun ("teachers or nurses" counts both), still does."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "records"),
    [
        (
            "List the events or scenes shown in the article's photos.",
            ["world-culture-fair", "southwest-university-presentations", "go-lesson"],
        ),
        (
            "which universities or hospitals partner with Chongqing",
            ["university-of-leicester", "nanyang-technological-university"],
        ),
    ],
)
def test_answered(real_kb: KnowledgeBase, question: str, records: list[str]) -> None:
    named = [f.id for f in real_kb.ask(question).named]
    assert named[: len(records)] == records


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("how many teachers or nurses are there", 'the article does not mention "nurses"'),
        ("list the schools in Chongqing or shanghai", 'the article does not mention "shanghai"'),
        ("list the schools in shanghai or chongqing", 'the article does not mention "shanghai"'),
        (
            "how many teachers in Chongqing or Shanghai",
            'the article does not mention "Shanghai" (it covers Chongqing)',
        ),
        ("what is the salary or pay of teachers", 'the article does not mention "salary"'),
    ],
)
def test_refused(real_kb: KnowledgeBase, question: str, message: str) -> None:
    assert refused(real_kb, question) == message
