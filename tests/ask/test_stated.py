"""A record's summary opens by naming what it is (`cqedu.ask.stated`): a question that
asks of that word ("what does Chongqing *hope* to contribute", "hope" standing for the
summary's "stated aim") asks of the record itself, not of a word it only mentions."""

from __future__ import annotations

import pytest

from cqedu.ask.stated import compound_restated, summary_head
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused

WISDOM = (
    "Chongqing wisdom: The stated aim of an open, innovative and inclusive education "
    "ecosystem that shares Chongqing's experience with China and the world. (Integrating "
    "Education with Industry and Innovation ¶5)"
)


@pytest.mark.parametrize(
    ("fact_id", "head"),
    [
        ("mini-preschool-rate", "share"),
        ("mini-oxbridge", "college"),
        ("mini-open-day", "day"),
    ],
)
def test_a_summary_head_is_the_last_word_of_its_opening_noun_phrase(
    mini_kb: KnowledgeBase, fact_id: str, head: str
) -> None:
    assert summary_head(mini_kb.get(fact_id)) == head


def test_a_summary_head_after_a_determiner_and_an_adjective(real_kb: KnowledgeBase) -> None:
    assert summary_head(real_kb.get("chongqing-wisdom")) == "aim"
    assert summary_head(real_kb.get("teaching-follows-industry")) == "model"


@pytest.mark.parametrize(
    "question",
    [
        "What does Chongqing hope to contribute to China's modernization?",
        "What does Chongqing aim to contribute to China's modernization?",
        "tell me Chongqing's aims for education, technology and talent going forward",
        "What does Chongqing hope to offer China's modernisation and education worldwide?",
    ],
)
def test_a_hope_or_aim_asks_of_the_record_whose_summary_states_the_aim(
    real_kb: KnowledgeBase, question: str
) -> None:
    assert real_kb.ask(question).text == WISDOM


def test_a_model_asks_of_the_record_that_is_the_model(real_kb: KnowledgeBase) -> None:
    answer = real_kb.ask("what model chongqing use for help enterprises going overseas")
    assert [f.id for f in answer.named] == ["teaching-follows-industry"]


@pytest.mark.parametrize(
    ("question", "message"),
    [
        # a plan or hope the article does not state stays refused
        (
            "What does Chongqing hope to build by 2035?",
            "the article mentions Chongqing wisdom but does not say it was in 2035",
        ),
        (
            "what does chongqing hope to achieve for its football teams",
            'the article does not mention "teams"',
        ),
        ("What are Chongqing's hopes for rural schools?", 'the article does not mention "rural"'),
    ],
)
def test_a_hope_the_article_does_not_state_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("tokens", "position", "summary", "restated"),
    [
        (("school", "enrolment", "rate"), 0, "Share of pupils enrolled in school.", True),
        (("school", "enrollment", "rate"), 0, "Share enrolled in the school.", True),
        # the summary says it of another action, or not after the action
        (("school", "enrolment", "rate"), 0, "Share of school pupils enrolled.", False),
        (("school", "rate"), 0, "Share of pupils enrolled in school.", False),
        (("school",), 0, "Share of pupils enrolled in school.", False),
    ],
)
def test_a_compound_noun_restates_the_summary_action_and_its_object(
    tokens: tuple[str, ...], position: int, summary: str, restated: bool
) -> None:
    assert compound_restated(tokens, position, summary) is restated


def test_a_school_enrolment_rate_is_the_rate_of_enrolment_in_school(
    real_kb: KnowledgeBase,
) -> None:
    answer = real_kb.ask("school enrolment rate for children with disabilites")
    assert [f.id for f in answer.named] == ["disability-enrollment-rate"]


def test_a_summary_word_in_no_compound_with_its_action_still_vetoes(
    real_kb: KnowledgeBase,
) -> None:
    assert refused(real_kb, "school rate for children with disabilities") == (
        "the article gives 98.99% enrollment rate of children with disabilities, "
        'but no figure for "school"'
    )
