"""Kinds of question a fresh reader asks that `ask` once got wrong (issue 14, second round).

Each kind is pinned by several phrasings of our own, over other values and sections of the
article, with the exact answer or refusal; controls of the same shape that the article
does answer sit beside them.
"""

from __future__ import annotations

import pytest

from cqedu.core.errors import NoMatchError
from cqedu.knowledge import KnowledgeBase


def refused(kb: KnowledgeBase, question: str) -> str:
    with pytest.raises(NoMatchError) as caught:
        kb.ask(question)
    assert caught.value.exit_code == 1
    return str(caught.value)


def answer(kb: KnowledgeBase, question: str) -> tuple[str, str]:
    found = kb.ask(question)
    return found.record.id, found.text


# ------------------------------------------------ a scope other than the records' own


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "how many teachers nationwide",
            'the article gives over 500,000 teachers, but no figure for "nationwide"; worth a '
            "look: preschool-enrollment-rate, high-school-enrollment-rate, "
            "higher-education-enrollment-rate",
        ),
        (
            "how many teachers nationally",
            'the article gives over 500,000 teachers, but no figure for "nationally"; worth a '
            "look: preschool-enrollment-rate, high-school-enrollment-rate, "
            "higher-education-enrollment-rate",
        ),
        (
            "how many schools are there nationwide",
            'the article gives 9,177 schools, but no figure for "nationwide"; worth a look: '
            "preschool-enrollment-rate, high-school-enrollment-rate, "
            "higher-education-enrollment-rate",
        ),
        (
            "what is the national higher education enrollment rate",
            "the article gives 64.25% higher education enrollment rate, but no figure for "
            '"national"',
        ),
        ("how many schools does China have", 'the article gives no count of "schools" for "China"'),
        (
            "how many universities does china have",
            "the article gives two universities in the Double First-Class Initiative, but no "
            'figure for "china"',
        ),
    ],
)
def test_a_scope_word_for_another_place_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


def test_the_whole_nationwide_question_kind_is_refused_for_a_rate_too(
    real_kb: KnowledgeBase,
) -> None:
    assert refused(real_kb, "what is the preschool enrollment rate nationwide").startswith(
        'the article gives 93.5% preschool enrollment rate, but no figure for "nationwide"'
    )


# ------------------------------------------------ a rare word the figure does not cover


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "how many teachers work abroad",
            'the article gives over 500,000 teachers, but no figure for "abroad"; worth a look: '
            "international-students, vocational-cooperation-countries, scholars-sponsored-abroad",
        ),
        (
            "how many students study medicine",
            'the article gives 6.4 million students, but no figure for "medicine"; worth a '
            "look: sino-foreign-cooperative-programs, leicester-joint-college, "
            "university-of-leicester",
        ),
        (
            "how many teachers teach robotics",
            'the article gives over 500,000 teachers, but no figure for "robotics"; worth a '
            "look: sino-foreign-cooperative-programs",
        ),
        (
            "how many schools offer football",
            'the article gives 9,177 schools, but no figure for "football"; worth a look: '
            "campus-football-reform",
        ),
    ],
)
def test_a_rare_word_after_what_is_counted_narrows_it(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("how many teachers does Chongqing have", "teachers"),
        ("how many teachers citywide", "teachers"),
        # the verb shares the noun's root, the place is the sources' own
        ("how many students study in chongqing", "students"),
        # the figure covers the rare word
        ("how many scholars study abroad each year", "scholars-sponsored-abroad"),
        # a declared synonym where the verb stands ("receive": take)
        ("how many principals receive training in singapore", "principals-trained-at-ntu"),
        (
            "how many countries take part in vocational training cooperation",
            "vocational-cooperation-countries",
        ),
    ],
)
def test_verbs_and_the_records_own_words_do_not_narrow(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record
