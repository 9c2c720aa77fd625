"""A refusal quotes the words the user typed, spaced as typed (`cqedu.ask.quoting`).

A question the reading rewrites ("how do you see X" read as "what do you see X as") holds
words the user never typed: the quote leaves them out rather than gluing them on.
"""

from __future__ import annotations

import pytest

from cqedu.ask.quoting import as_typed
from cqedu.ask.reading import Reading
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused

FIGURE = "figure"


def _reading(question: str, typed: tuple[str, ...]) -> Reading:
    return Reading(question, typed, tuple(w.lower() for w in typed), FIGURE)


@pytest.mark.parametrize(
    ("question", "typed", "positions", "quoted"),
    [
        # a word the rewriting added is left out
        (
            "how do you see the future",
            ("what", "do", "you", "see", "the", "future", "as"),
            (5, 6),
            "future",
        ),
        # a word the reading split is quoted as typed, in one piece
        (
            "who is the outgoing head",
            ("who", "is", "the", "out", "going", "head"),
            (3, 4, 5),
            "outgoing head",
        ),
        # the user's own spacing and capitals
        (
            "Who is the Former  Director?",
            ("who", "is", "the", "Former", "Director"),
            (3, 4),
            "Former  Director",
        ),
    ],
)
def test_a_quote_keeps_only_the_words_typed(
    question: str, typed: tuple[str, ...], positions: tuple[int, ...], quoted: str
) -> None:
    assert as_typed(_reading(question, typed), positions) == quoted


def test_a_rewritten_question_is_refused_in_the_users_words(real_kb: KnowledgeBase) -> None:
    assert refused(real_kb, "how do you see the future") == (
        'the article gives Chongqing wisdom at the time it reports, not "future"; '
        "worth a look: chongqing-wisdom"
    )


def test_a_split_word_is_still_quoted_whole(real_kb: KnowledgeBase) -> None:
    assert refused(real_kb, "who is the outgoing director") == (
        'the article gives Liu Yanbing at the time it reports, not "outgoing director"; '
        "worth a look: liu-yanbing"
    )


def test_a_verb_the_user_never_typed_is_not_quoted(real_kb: KnowledgeBase) -> None:
    # read as "what do you see Liu Yanbing as": the "as" asked for is no word typed
    assert refused(real_kb, "how do you see liu yanbing") == (
        'the article does not say "how do you see liu yanbing"'
    )


def test_a_verb_typed_is_still_quoted(real_kb: KnowledgeBase) -> None:
    assert refused(real_kb, "what did Liu Yanbing emphasize") == (
        "the article mentions Liu Yanbing (Director of the Chongqing Municipal Education "
        "Commission, who presented the results and the aims ahead) but does not say what "
        'Liu Yanbing did "emphasize"'
    )


def test_no_word_typed_quotes_nothing() -> None:
    reading = _reading("how do you see it", ("what", "do", "you", "see", "it", "as"))
    assert as_typed(reading, (5,)) == ""
