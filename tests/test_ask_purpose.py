"""A purpose for coming or going that the record does not say (`cqedu.ask.purpose`).

"How many foreign students come to work": the record counts students who come to study,
and no count of foreign workers is in the article. A purpose it says, a place or an
education level gone to asks nothing more of it.
"""

from __future__ import annotations

import pytest

from cqedu.ask.purpose import unsaid_purpose
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused

STUDENTS = "the article gives international students attracted, and nothing of those who "
LOOK = "; worth a look: international-students"


def _lemmas(word: str) -> tuple[str, ...]:
    return {"came": ("come",), "went": ("go",)}.get(word, ())


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("foreign students come to work", range(2, 5)),
        ("students came to the city to invest", range(1, 7)),
        ("who went to teach", range(1, 4)),
        # said by the record, a place, a group after "the", an education level
        ("students come to study", None),
        ("students come to chongqing", None),
        ("students go to the city", None),
        ("students go to university", None),
    ],
)
def test_an_unsaid_purpose_is_found(question: str, found: range | None) -> None:
    tokens = tuple(question.split())
    said = {"students", "study", "city", "foreign"}.__contains__
    levels = {i for i, t in enumerate(tokens) if t == "university"}
    got = unsaid_purpose(tokens, tokens, said, {"chongqing"}, lemmas=_lemmas, levels=levels)
    assert got == found


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("how many foreign students come to work in chongqing", "come to work"),
        ("how many foreign students are coming to work in chongqing", "coming to work"),
        ("how many foreign students come to teach in chongqing", "come to teach"),
    ],
)
def test_a_purpose_the_record_does_not_say_is_refused(
    real_kb: KnowledgeBase, question: str, quoted: str
) -> None:
    assert refused(real_kb, question) == f'{STUDENTS}"{quoted}"{LOOK}'


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many foreign students come to study in chongqing", "international-students"),
        ("how many foreign students go to chongqing to study", "international-students"),
        ("how many foreign students came to chongqing", "international-students"),
        # a declared short form of the place
        ("how many intl students came to cq", "international-students"),
        ("how many principals go to singapore to train each year", "principals-trained-at-ntu"),
        ("what percent of young people goes to university", "higher-education-enrollment-rate"),
        ("who taught go to the kids", "li-xuanhao"),
    ],
)
def test_a_purpose_the_record_says_or_a_place_is_answered(
    real_kb: KnowledgeBase, question: str, expected: str
) -> None:
    assert real_kb.ask(question).record.id == expected


def test_another_purpose_of_principals_is_refused(real_kb: KnowledgeBase) -> None:
    assert refused(real_kb, "how many principals go to singapore to teach each year") == (
        "the article gives school principals trained at NTU each year, and nothing of those "
        'who "go to singapore to teach"; worth a look: principals-trained-at-ntu'
    )
