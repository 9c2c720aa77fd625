"""Partners asked as foreign, overseas or international, and who pays (issue 14, set G).

Every partner record is of another country or region than the source's own (`country` is
required), so "which *foreign* universities" asks what "which universities" asks; a verb
of paying ("funds", "pays for") asks a sum of money the partner records never give.
"""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "named", "text"),
    [
        (
            "which foreign universities does chongqing work with",
            ["university-of-leicester", "nanyang-technological-university"],
            "University of Leicester, Nanyang Technological University (Deepening Global "
            "Cooperation and Mutual Learning ¶2, ¶5)",
        ),
        (
            "which overseas university runs the medical joint college",
            ["university-of-leicester"],
            "University of Leicester (United Kingdom; Deepening Global Cooperation and Mutual "
            "Learning ¶2)",
        ),
        (
            "what international partner trains chongqing's principals",
            ["nanyang-technological-university"],
            "Nanyang Technological University (Singapore; Deepening Global Cooperation and "
            "Mutual Learning ¶5)",
        ),
        (
            "which foreign countries cooperate with chongqing on vocational training",
            ["russia", "spain", "thailand"],
            # the article counts more than it names: the count comes first
            "more than 50 countries (countries in vocational training cooperation; as of 2025; "
            "Deepening Global Cooperation and Mutual Learning ¶3); the article names 3: Russia, "
            "Spain, Thailand (Deepening Global Cooperation and Mutual Learning ¶3)",
        ),
    ],
)
def test_a_foreign_partner_is_a_partner(
    real_kb: KnowledgeBase, question: str, named: list[str], text: str
) -> None:
    found = real_kb.ask(question)
    assert [f.id for f in found.named] == named
    assert found.text == text


def test_a_foreign_university_in_a_partner_country_is_no_country(real_kb: KnowledgeBase) -> None:
    # once "overseas" named Russia's record; no university is said to be in Russia
    assert refused(real_kb, "which overseas university is in russia") == (
        'the article does not answer "which overseas university is in russia"'
    )


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "which university pays for the leicester joint college",
            'the article does not say which university "pays for the leicester joint '
            'college"; worth a look: university-of-leicester',
        ),
        (
            "which countries finance vocational training",
            'the article does not say which countries "finance vocational training"; worth a '
            "look: russia, spain, thailand",
        ),
        (
            "which university sponsors the principals",
            'the article does not say which university "sponsors the principals"; worth a '
            "look: nanyang-technological-university",
        ),
    ],
)
def test_which_partner_pays_is_refused(real_kb: KnowledgeBase, question: str, message: str) -> None:
    assert refused(real_kb, question) == message
