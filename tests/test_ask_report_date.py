"""The article's own date typed in a question asks for the figure it reports
(`cqedu.ask.report_date`); any other month or day is not the article's and is refused.

The bundled article reports a press conference of 20 October 2025; the Lakeside test file
is dated 2 May 2025. Phrasings are our own.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import cqedu
from cqedu.knowledge import KnowledgeBase
from tests.conftest import TESTS, refused


@pytest.fixture
def lakeside() -> Iterator[KnowledgeBase]:
    kb = cqedu.load(TESTS / "data" / "lakeside_facts.toml", cache=False)
    yield kb
    kb.close()


def named(kb: KnowledgeBase, question: str) -> list[str]:
    return [fact.id for fact in kb.ask(question).named]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "What was Chongqing's higher education gross enrollment rate as reported in"
            " October 2025, in percent?",
            ["higher-education-enrollment-rate"],
        ),
        # a figure over 2021-2025 is what the article reports at its date
        (
            "How many enterprises have benefited from university-industry collaboration,"
            " as of the October 2025 briefing?",
            ["enterprises-benefited"],
        ),
        (
            "how many enterprises benefited as of the October 2025 press conference",
            ["enterprises-benefited"],
        ),
        ("how many teachers as of 20 October 2025", ["teachers"]),
        ("how many teachers, as of Oct 20, 2025", ["teachers"]),
        # the month alone says nothing; the year still sets the time
        ("how many teachers in October 2025", ["teachers"]),
    ],
)
def test_the_article_s_own_date_asks_the_figure_it_reports(
    real_kb: KnowledgeBase, question: str, expected: list[str]
) -> None:
    assert named(real_kb, question) == expected


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "What was Chongqing's higher education gross enrollment rate as reported in"
            " March 2025?",
            'the article does not mention "March" (it covers Chongqing)',
        ),
        (
            "how many enterprises benefited as of the March 2025 briefing",
            'the article does not mention "March" (it covers Chongqing)',
        ),
        # a date that is not a qualifier keeps its year: 2021-2025 is no figure of 2025
        (
            "how many enterprises benefited in October 2025",
            "the article gives over 3,300 enterprises helped by university-industry"
            " collaboration 2021-2025, not for 2025",
        ),
        # the noun after the date is no event of the article's day
        (
            "how many enterprises benefited as of the October 2025 fair",
            'the article does not answer "how many enterprises benefited as of the October'
            ' 2025 fair"; no record covers all its words; worth a look: enterprises-benefited,'
            " globally-promoted-brands, international-students",
        ),
    ],
)
def test_another_date_is_still_refused(real_kb: KnowledgeBase, question: str, message: str) -> None:
    assert refused(real_kb, question) == message


def test_each_source_s_own_date_is_its_own(lakeside: KnowledgeBase) -> None:
    assert named(lakeside, "how many schools as of 2 May 2025") == ["lakeside-schools"]
    assert refused(lakeside, "how many schools as of 20 October 2025").startswith(
        'the article does not mention "October"'
    )
