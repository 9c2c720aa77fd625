"""A compound typed in two words (`reading._compounds`): joined when the records write it
as one word, when a declared term does ("head masters": headmasters), or when the join is
one edit from a record word and no English word ("kinder gardens": kindergartens); two
words of English that join into no record word stay apart."""

from __future__ import annotations

import pytest

from cqedu.ask import reading
from cqedu.ask.language import Lexicon
from cqedu.ask.spelling import joined_typo
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "joined"),
    [
        ("percent of kinder gardens with inclusive pre school", ["kindergartens", "preschool"]),
        ("how many inter nationl students", ["international"]),
        ("how many head masters are trained", ["headmasters"]),
        ("how many voca tionl platforms", ["vocational"]),
    ],
)
def test_joined(real_kb: KnowledgeBase, question: str, joined: list[str]) -> None:
    tokens = reading.read(Lexicon(real_kb), question).tokens
    assert all(word in tokens for word in joined)


def test_two_words_of_english_stay_apart(real_kb: KnowledgeBase) -> None:
    tokens = reading.read(Lexicon(real_kb), "how many class rooms are there").tokens
    assert "class" in tokens
    assert "rooms" in tokens


def test_a_join_that_is_english_is_no_typo() -> None:
    assert joined_typo("kindergardens", ["kindergarten", "kindergartens"]) == "kindergartens"
    assert joined_typo("workshop", ["workforce"]) is None


def test_answered_and_refused(real_kb: KnowledgeBase) -> None:
    assert real_kb.ask("percent of kinder gardens with inclusive pre school").text == (
        "95.2% inclusive preschool coverage (as of 2025; Building a Strong Education System ¶4)"
    )
    assert refused(real_kb, "how many kinder gardens offer inclusive pre school") == (
        'the article gives no count of "kinder-gardens"; worth a look: free-preschool-year, '
        "inclusive-preschool-coverage, preschool-enrollment-rate"
    )
