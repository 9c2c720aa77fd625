"""Questions of how the article describes a thing (`cqedu.ask.described`): "how is X
described" asks the description, and "which city is described as Y" what Y is said of."""

from __future__ import annotations

import pytest

from cqedu.ask.described import as_described
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused

HUB = (
    "Emerging hub for international education in inland China: How officials describe "
    "Chongqing's new role in international education away from the coast. (Deepening Global "
    "Cooperation and Mutual Learning ¶1)"
)


@pytest.mark.parametrize(
    ("question", "meant"),
    [
        (
            "How is Chongqing described in terms of international education?",
            "what is Chongqing described as in terms of international education?",
        ),
        ("how was the fair described as a success", "what was the fair described as a success"),
        ("How are the brands seen abroad?", "what are the brands seen as abroad?"),
        (
            "Which city is described as an emerging hub?",
            "what is described as an emerging hub?",
        ),
        # the sources call their place "the city", not "the university"
        (
            "Which university is described as an emerging hub?",
            "Which university is described as an emerging hub?",
        ),
        (
            "How do officials describe Chongqing in terms of international education?",
            "what do officials describe Chongqing in terms of international education as?",
        ),
        ("how does the article portray it as a hub", "what does the article portray it as a hub"),
        # a manner of doing stays one
        ("how are teachers paid", "how are teachers paid"),
        ("how do teachers get paid", "how do teachers get paid"),
    ],
)
def test_a_question_of_a_description_asks_what_it_says(
    real_kb: KnowledgeBase, question: str, meant: str
) -> None:
    assert as_described(question, real_kb) == meant


@pytest.mark.parametrize(
    "question",
    [
        "How is Chongqing described in terms of international education in inland China?",
        "Which city is described as an emerging hub for international education in inland China?",
        "which city is known as a hub for international education",
        "How do officials describe Chongqing in terms of international education?",
    ],
)
def test_a_description_asked_of_finds_its_record(real_kb: KnowledgeBase, question: str) -> None:
    found = real_kb.ask(question)
    assert (found.record.id, found.text) == ("international-education-hub", HUB)


def test_how_a_record_is_described_is_its_description(real_kb: KnowledgeBase) -> None:
    # no manner of doing, and no figure (a scholars count once answered it)
    found = real_kb.ask("how is Study in Chongqing described")
    assert (found.record.id, found.text) == (
        "study-in-chongqing",
        "Study in Chongqing: City brand for recruiting international students, one of its six "
        "globally promoted brands. (Deepening Global Cooperation and Mutual Learning ¶2)",
    )


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "Which city is described as a hub for medical education in inland China?",
            'the article does not answer "Which city is described as a hub for medical '
            'education in inland China?"; no record covers all its words; worth a look: '
            "international-education-hub, globally-promoted-brands, students",
        ),
        (
            "Which university is described as an emerging hub for international education in "
            "inland China?",
            "the article gives no partner for Emerging hub for international education in "
            "inland China; worth a look: international-education-hub",
        ),
        ("how are teachers paid", 'the article does not say "how are teachers paid"'),
        (
            "How do officials describe Chongqing in terms of medical education?",
            'the article does not answer "How do officials describe Chongqing in terms of '
            'medical education?"; no record covers all its words; worth a look: '
            "globally-promoted-brands, students, teachers",
        ),
    ],
)
def test_a_description_the_article_does_not_give_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message
