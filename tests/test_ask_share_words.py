"""A share asked with a plural share word ("what *proportions* of ...", issue 14, set G)."""

from __future__ import annotations

import pytest

from cqedu.core.errors import NoMatchError
from cqedu.knowledge import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "text"),
    [
        (
            "what proportions of the new frontline employees did local vocational schools train",
            "more than 70% new frontline employees trained by local vocational schools (as of "
            "2025; Integrating Education with Industry and Innovation ¶2)",
        ),
        (
            "what percentages of kindergartens are inclusive",
            "95.2% inclusive preschool coverage (as of 2025; Building a Strong Education "
            "System ¶4)",
        ),
        (
            "what fractions of basic research do universities do",
            "about 90% share of basic research done by universities (as of 2025; Integrating "
            "Education with Industry and Innovation ¶4)",
        ),
    ],
)
def test_a_plural_share_word_asks_a_share(real_kb: KnowledgeBase, question: str, text: str) -> None:
    assert real_kb.ask(question).text == text


def test_a_plural_share_word_of_what_the_article_lacks_is_refused(real_kb: KnowledgeBase) -> None:
    with pytest.raises(NoMatchError) as caught:
        real_kb.ask("what percentages of students are international")
    assert str(caught.value) == (
        "the article gives surpassed 70% vocational students going on to further study, but "
        'no figure for "international"; worth a look: cooperation-countries-and-regions, '
        "international-students, openness-initiative"
    )
