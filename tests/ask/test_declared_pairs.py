"""A declared term of two words is one noun: "school heads" are principals, not schools."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # was 9,177 schools: "heads" read as a verb after "school"
        ("how many school heads", "principals-trained-at-ntu"),
        ("school heads trained in singapore", "principals-trained-at-ntu"),
        ("how many school directors", "principals-trained-at-ntu"),
        # a verb after the counted noun still ends it
        ("how many goals chongqing meet", "core-goals-met"),
    ],
)
def test_a_declared_pair_is_counted_whole(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record
