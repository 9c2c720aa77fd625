"""A comparison between places is answered only from each place's own figure."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import cqedu
from cqedu.knowledge import KnowledgeBase
from tests.conftest import REAL_FACTS, refused

KUNMING = Path(__file__).parent / "data" / "kunming_facts.toml"


@pytest.fixture(scope="module")
def kb() -> Iterator[KnowledgeBase]:
    knowledge = cqedu.load(REAL_FACTS, cache=False)
    yield knowledge
    knowledge.close()


@pytest.fixture(scope="module")
def with_kunming() -> Iterator[KnowledgeBase]:
    knowledge = cqedu.load([REAL_FACTS, KUNMING], cache=False)
    yield knowledge
    knowledge.close()


_ALONE = "for Chongqing alone, and compares it with no other place"


_NONE = "the article gives no comparison of these; ask for each figure on its own"


@pytest.mark.parametrize(
    "question",
    [
        "which is higher, the preschool rate or the high school rate",
        "which rate is higher: preschool or higher education",
        "which one is bigger, schools or universities",
        "does chongqing have more schools than universities",
        "are there fewer universities than schools",
    ],
)
def test_a_comparison_of_two_things_is_no_question_one_figure_answers(
    kb: KnowledgeBase, question: str
) -> None:
    assert refused(kb, question) == _NONE


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "which city has more teachers",
            f"the article gives over 500,000 teachers as of 2025 {_ALONE}",
        ),
        (
            "what city has more teachers",
            f"the article gives over 500,000 teachers as of 2025 {_ALONE}",
        ),
        (
            "which city has the most teachers",
            f"the article gives over 500,000 teachers as of 2025 {_ALONE}",
        ),
        ("which town has fewer schools", f"the article gives 9,177 schools as of 2025 {_ALONE}"),
        (
            "which city has more students than chongqing",
            f"the article gives 6.4 million students as of 2025 {_ALONE}",
        ),
        (
            "which district has more schools",
            "the article gives no figure for each district to compare",
        ),
        (
            "which province has more universities",
            "the article gives no figure for each province to compare",
        ),
        ("which city is bigger", "the article gives no figure to compare places by; name one"),
        (
            "does chongqing have more teachers than chengdu",
            'the article gives no figure for "chengdu" to compare with',
        ),
    ],
)
def test_a_comparison_of_places_one_article_cannot_make_is_refused(
    kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(kb, question) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # controls: a comparison among the article's own figures, a figure's qualifier
        ("which level has the highest enrollment rate", "disability-enrollment-rate"),
        (
            "does chongqing cooperate with more than 70 countries",
            "cooperation-countries-and-regions",
        ),
        ("how many teachers", "teachers"),
        ("higher education enrollment rate", "higher-education-enrollment-rate"),
    ],
)
def test_comparisons_the_article_makes_still_answer(
    kb: KnowledgeBase, question: str, record: str
) -> None:
    assert kb.ask(question).record.id == record


_BOTH = (
    "Chongqing: over 500,000 teachers (as of 2025; Building a Strong Education System \u00b61); "
    "Kunming: about 79,000 teachers (as of 2025; Teachers \u00b61)"
)


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("which city has more teachers", _BOTH),
        ("which city has the largest number of teachers", _BOTH),
        (
            "which town has fewer schools",
            "Kunming: 2,100 schools (as of 2025; Teachers \u00b63); Chongqing: 9,177 schools "
            "(as of 2025; Building a Strong Education System \u00b61)",
        ),
    ],
)
def test_with_two_cities_each_figure_answers_the_larger_or_smaller_first(
    with_kunming: KnowledgeBase, question: str, text: str
) -> None:
    assert with_kunming.ask(question).text == text


def test_with_two_cities_a_figure_only_one_gives_is_refused(with_kunming: KnowledgeBase) -> None:
    assert refused(with_kunming, "which city has more students than chongqing") == (
        "the sources give 6.4 million students as of 2025 for Chongqing alone, and compare it "
        "with no other place"
    )


@pytest.mark.parametrize(
    ("question", "records"),
    [
        (
            "Is the enrollment rate for children with disabilities higher than the high "
            "school enrollment rate?",
            ["high-school-enrollment-rate", "disability-enrollment-rate"],
        ),
        (
            "is the higher education enrollment rate lower than the preschool enrollment rate",
            ["preschool-enrollment-rate", "higher-education-enrollment-rate"],
        ),
        # two shares of two measures: each of its own whole
        (
            "Which is higher: the preschool enrollment rate or the share of inclusive "
            "kindergartens?",
            ["preschool-enrollment-rate", "inclusive-preschool-coverage"],
        ),
        (
            "does chongqing train more principals at NTU each year than it sponsors "
            "scholars abroad",
            ["scholars-sponsored-abroad", "principals-trained-at-ntu"],
        ),
        (
            "are there more students enrolled each year in sino-foreign programs than "
            "international students",
            ["sino-foreign-annual-enrollment", "international-students"],
        ),
        ("are there fewer schools than teachers", ["schools", "teachers"]),
    ],
)
def test_a_comparison_of_two_figures_the_article_gives_names_both(
    kb: KnowledgeBase, question: str, records: list[str]
) -> None:
    found = kb.ask(question)
    assert (found.kind, [f.id for f in found.named]) == ("figure", records)


def test_both_figures_are_given_in_the_records_order_for_the_reader_to_compare(
    kb: KnowledgeBase,
) -> None:
    assert kb.ask(
        "is the high school enrollment rate higher than the preschool enrollment rate"
    ).text == (
        "93.5% preschool enrollment rate (as of 2025; Building a Strong Education System \u00b61); "
        "98.47% high school enrollment rate (as of 2025; Building a Strong Education System "
        "\u00b61)"
    )


@pytest.mark.parametrize(
    "question",
    [
        # a side the article lacks: a national average, another year, a count it never gives
        "is the higher education enrollment rate higher than the national average",
        "is the preschool enrollment rate higher than it was in 2020",
        "are there more teachers than universities",
        # a side that names a level and no figure of it ("which rate?")
        "which is higher, the primary or the junior middle school enrollment rate",
        "which is higher, the preschool rate or the high school rate",
        # a share against a count
        "are there more teachers than the preschool enrollment rate",
    ],
)
def test_a_comparison_with_a_side_the_article_lacks_is_still_refused(
    kb: KnowledgeBase, question: str
) -> None:
    assert refused(kb, question) == _NONE


def test_a_comparison_with_another_place_is_still_refused(kb: KnowledgeBase) -> None:
    assert refused(kb, "Is Chongqing's preschool enrollment rate higher than Shanghai's?") == (
        'the article gives no figure for "shanghai" to compare with'
    )


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # "than half" is a figure's claim, which the record's own figure checks
        (
            "Is it true that fewer than half of vocational students go on to further study?",
            "vocational-further-study-share",
        ),
        (
            "is it true that more than half of kindergartens are inclusive",
            "inclusive-preschool-coverage",
        ),
    ],
)
def test_more_or_fewer_than_half_is_a_claim_the_record_checks(
    kb: KnowledgeBase, question: str, record: str
) -> None:
    assert kb.ask(question).record.id == record
