"""A person's role as the question words it (`cqedu.ask.roles`): a modifier of the role
noun the record does not say ("vice", "acting") asks of another office, and is refused."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from cqedu.ask.reading import CLOSED_CLASS
from cqedu.ask.roles import role_nouns, unsaid_modifier
from cqedu.facts.model import Fact
from cqedu.knowledge import KnowledgeBase
from tests.conftest import answered, refused

DEAN = Fact(
    id="ana-ruiz",
    kind="person",
    name="Ana Ruiz",
    summary="Dean of the Harbour Arts College, who opened the new library.",
    section="S",
    paragraph=1,
    source="s",
    keywords=("dean", "speaker"),
)


def _nothing(positions: Iterable[int]) -> set[str]:
    return set()


def test_the_role_nouns_are_the_summary_opening_and_keywords() -> None:
    assert role_nouns(DEAN, CLOSED_CLASS) == {"dean", "speaker"}


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("who is the vice dean of the college", range(3, 5)),
        ("who is the acting dean", range(3, 5)),
        ("who is the associate college dean", range(3, 6)),
    ],
)
def test_a_modifier_the_record_does_not_say(question: str, span: range) -> None:
    assert unsaid_modifier(tuple(question.split()), DEAN, CLOSED_CLASS, _nothing) == span


@pytest.mark.parametrize(
    "question",
    [
        "who is the dean of the college",
        "who is the current dean",
        "who is the harbour arts college dean",
        "who is the top speaker",
        "who are the two speakers",
    ],
)
def test_words_the_record_says_or_of_the_holder_now(question: str) -> None:
    assert unsaid_modifier(tuple(question.split()), DEAN, CLOSED_CLASS, _nothing) is None


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "Who is the vice director of Chongqing education commission?",
            'the article names no "vice director"; it names Liu Yanbing as director; '
            "worth a look: liu-yanbing",
        ),
        (
            # a word no record uses is vetoed before the role is read (askO's check)
            "who is the acting director of the education commission",
            'the article does not mention "acting"',
        ),
        (
            "who is the associate director of the commission",
            'the article names no "associate director"; it names Liu Yanbing as director; '
            "worth a look: liu-yanbing",
        ),
        (
            "who is the vice-director of the education commission",
            'the article names no "vice-director"; it names Liu Yanbing as director; '
            "worth a look: liu-yanbing",
        ),
        (
            "who is the new director of the education commission",
            'the article names no "new director"; it names Liu Yanbing as director; '
            "worth a look: liu-yanbing",
        ),
    ],
)
def test_another_office_is_refused(real_kb: KnowledgeBase, question: str, message: str) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("Who is the director of the education commission?", "liu-yanbing"),
        ("who is the current director of the education commission", "liu-yanbing"),
        ("Who is the top official at Chongqing's education authority?", "liu-yanbing"),
        ("Who is the Go world champion?", "li-xuanhao"),
        ("who is the olympic champion", "shi-tingmao"),
    ],
)
def test_the_office_reported_is_answered(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert answered(real_kb, question)[0] == record
