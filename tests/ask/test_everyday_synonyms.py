"""Everyday words for the records' own ("hires" for employees, "smarts" for wisdom, "in
charge" for director), declared as `[[terms]]`: they find the record, and a word beside
them no record uses still vetoes."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "record"),
    [
        (
            "What share of new frontline hires were trained by local vocational schools?",
            "frontline-employees-trained-locally",
        ),
        (
            "what does Chongqing want to contribute to China's modernization, its own smarts?",
            "chongqing-wisdom",
        ),
        ("tell me about chongqing smarts", "chongqing-wisdom"),
        # "in charge of" is what a director or head is
        (
            "liu yanbing is in charge of which government body",
            "chongqing-municipal-education-commission",
        ),
        ("who is in charge of the education commission", "liu-yanbing"),
    ],
)
def test_answered(real_kb: KnowledgeBase, question: str, record: str) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("what share of new frontline hires are women", 'the article does not mention "women"'),
        (
            "who is in charge of the Leicester joint college",
            "the article gives no person or organization for Joint college with the University "
            "of Leicester; worth a look: leicester-joint-college, university-of-leicester, "
            "sino-foreign-cooperative-programs",
        ),
        (
            "how many frontline hires were trained by local vocational schools",
            'the article gives no count of "frontline hires"; worth a look: '
            "frontline-employees-trained-locally",
        ),
    ],
)
def test_refused(real_kb: KnowledgeBase, question: str, message: str) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize("question", ["how many faculty", "how many faculty members"])
def test_faculty_are_the_teachers(real_kb: KnowledgeBase, question: str) -> None:
    # "faculty" is the teaching staff the article counts as teachers (fresh-eyes trial)
    assert real_kb.ask(question).record.id == "teachers"


def test_faculty_of_a_level_the_figure_is_not_of_is_refused(real_kb: KnowledgeBase) -> None:
    assert refused(real_kb, "how many university faculty") == (
        "the article gives no faculty figure for higher education; worth a look: teachers"
    )
