"""Another holder or occurrence than the one the article reports (issue 14, set G).

"The former director", "who will succeed Liu Yanbing", "the next World Culture Fair" ask of
a time the article does not tell; "the current director" asks of the time it does.
"""

from __future__ import annotations

import pytest

from cqedu.ask.holders import another_holder
from cqedu.ask.reading import CLOSED_CLASS
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused

LIU = "the article gives Liu Yanbing at the time it reports, not "
LOOK_LIU = "; worth a look: liu-yanbing"


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("who is the next director", f'{LIU}"next director"{LOOK_LIU}'),
        ("Who is the former head of the education commission?", f'{LIU}"former head"{LOOK_LIU}'),
        ("who was director before liu yanbing", f'{LIU}"before liu yanbing"{LOOK_LIU}'),
        ("who was Director prior to Liu Yanbing", f'{LIU}"prior to Liu Yanbing"{LOOK_LIU}'),
        (
            "who was the outgoing commission director",
            f'{LIU}"outgoing commission director"{LOOK_LIU}',
        ),
        (
            "which university will host the next world culture fair",
            "the article gives Southwest University of Political Science and Law at the time "
            'it reports, not "next world culture fair"; worth a look: '
            "southwest-university-of-political-science-and-law",
        ),
        (
            "where will the next go lesson be",
            'the article gives Go lesson by Li Xuanhao at the time it reports, not "next go '
            'lesson"; worth a look: go-lesson',
        ),
    ],
)
def test_another_holder_or_occurrence_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a span of time is no other holder
        ("how many skilled graduates in the past five years", "skilled-graduates"),
        ("how many skilled graduates over the past 5 years", "skilled-graduates"),
        # the time the article reports
        ("who is the current director of the education commission", "liu-yanbing"),
        ("who is the incumbent head of the education commission", "liu-yanbing"),
        ("what is the present preschool enrollment rate", "preschool-enrollment-rate"),
        ("what is the current number of teachers", "teachers"),
    ],
)
def test_a_span_of_time_or_the_time_reported_is_answered(
    real_kb: KnowledgeBase, question: str, expected: str
) -> None:
    assert real_kb.ask(question).record.id == expected


def test_the_current_figure_of_another_year_is_still_refused(real_kb: KnowledgeBase) -> None:
    assert refused(real_kb, "what was the current number of schools in 2019") == (
        "the article gives 9,177 schools as of 2025, not for 2019; worth a look: "
        "special-education-schools"
    )


def test_a_word_the_record_itself_says_asks_of_it(real_kb: KnowledgeBase) -> None:
    # a record that calls its holder "former" is asked of by "former"
    fact = real_kb.get("liu-yanbing")
    fact = fact._replace(summary="Former director of the commission.")
    tokens = ("who", "is", "the", "former", "director")
    assert another_holder(tokens, fact, CLOSED_CLASS) is None
    assert another_holder(("who", "will", "succeed", "him"), fact, CLOSED_CLASS) == range(2, 3)
