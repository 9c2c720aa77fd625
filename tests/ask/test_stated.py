"""A record's summary opens by naming what it is (`cqedu.ask.stated`): a question that
asks of that word ("what does Chongqing *hope* to contribute", "hope" standing for the
summary's "stated aim") asks of the record itself, not of a word it only mentions."""

from __future__ import annotations

import pytest

from cqedu.ask.stated import summary_head
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
