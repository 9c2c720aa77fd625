"""A who-question about the doer a record names: "who founded chongqing" is not "who
founded the centre" (ask/choice.py, `_done_by`)."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import answered, refused

CENTRE = "Center of Chinese and Greek Ancient Civilizations"


@pytest.mark.parametrize(
    "question", ["who founded chongqing", "who established chongqing", "hey who founded chongqing"]
)
def test_the_doer_asked_about_is_refused_saying_what_it_did(
    real_kb: KnowledgeBase, question: str
) -> None:
    # was "Chongqing (founded Center of ...)", exit 0: the city answered as its own founder
    assert refused(real_kb, question) == (
        f"the article does not say who founded Chongqing; it says Chongqing founded {CENTRE}"
    )


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("who founded the greek civilizatons center", "chinese-greek-civilizations-center"),
        ("who founded chongqing's greek centre", "chinese-greek-civilizations-center"),
        ("who set up the poverty alleviation center", "south-asia-poverty-alleviation-center"),
    ],
)
def test_the_doer_of_the_record_asked_about_still_answers(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    found, line = answered(real_kb, question)
    assert found == record
    assert line.startswith("Chongqing (founded ")
