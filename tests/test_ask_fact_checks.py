"""A fact-check is answered by the record that states the figure it checks (ask/reading.py):
a tag that offers the alternative (", or not?"), "most of" as a majority claimed, the
claim's own verb before its figure."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # a tag offering the alternative asks whether it holds, and names nothing
        (
            "Does Chongqing really have 83 subjects in the ESI top 1%, not fewer?",
            "esi-top-subjects",
        ),
        ("does chongqing have 41 special education schools, or not?", "special-education-schools"),
        # "most of": a majority, a share claimed
        (
            "Do universities actually do most of Chongqing's basic research, or not?",
            "basic-research-share",
        ),
        (
            "do most of the vocational students go on to further study",
            "vocational-further-study-share",
        ),
        # the claim's verb before its figure says what was done, not what is counted
        (
            "Is it true Chongqing's education cooperation reaches only about 30 countries and "
            "regions?",
            "cooperation-countries-and-regions",
        ),
        (
            "does chongqing's vocational cooperation cover only 20 countries",
            "vocational-cooperation-countries",
        ),
    ],
)
def test_a_fact_check_is_answered_by_the_record_of_its_figure(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "message"),
    [
        # a tag keeps what the question claims
        (
            "was the world culture fair cancelled, or not?",
            'the article does not say "cancelled" of World Culture Fair; worth a look: '
            "world-culture-fair",
        ),
        # the extreme is still one
        (
            "which level has the most students",
            'the article\'s figures on "students" count different things (students, percent); '
            "ask about one of them",
        ),
    ],
)
def test_what_a_fact_check_claims_beyond_its_tag_still_counts(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "records"),
    [
        # the record states the relation ("above the national average"): it settles a
        # yes-no question either way, and lists those of the same relation
        (
            "Isn't Chongqing's higher education enrollment rate below the national average?",
            ["higher-education-enrollment-rate"],
        ),
        (
            "is the preschool enrollment rate above the national average",
            ["preschool-enrollment-rate"],
        ),
        (
            "which enrollment rates are above the national average",
            [
                "preschool-enrollment-rate",
                "high-school-enrollment-rate",
                "higher-education-enrollment-rate",
            ],
        ),
    ],
)
def test_a_relation_the_record_states_is_answered_by_it(
    real_kb: KnowledgeBase, question: str, records: list[str]
) -> None:
    assert [f.id for f in real_kb.ask(question).named] == records


@pytest.mark.parametrize(
    ("question", "message"),
    [
        # the other relation listed, the average itself, a record that states none
        (
            "which enrollment rates are below the national average",
            "the article gives 93.5% preschool enrollment rate, but no figure for "
            '"national average"; worth a look: high-school-enrollment-rate, '
            "higher-education-enrollment-rate",
        ),
        (
            "what is the national average higher education enrollment rate",
            "the article gives 64.25% higher education enrollment rate, but no figure for "
            '"national average"',
        ),
        (
            "is the inclusive preschool coverage above the national average",
            "the article gives 95.2% inclusive preschool coverage, but no figure for "
            '"national average"; worth a look: preschool-enrollment-rate, '
            "high-school-enrollment-rate, higher-education-enrollment-rate",
        ),
        # a negative question opening asks for confirmation; a denial later still counts
        (
            "isn't the world culture fair cancelled",
            'the article does not say "cancelled" of World Culture Fair; worth a look: '
            "world-culture-fair",
        ),
    ],
)
def test_a_relation_no_record_states_is_still_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # a bound of a rate before its figure ("higher than 90%", "above 60%") is the claim
        ("is the preschool enrollment rate higher than 90%", "preschool-enrollment-rate"),
        ("is the high school enrollment rate below 95%", "high-school-enrollment-rate"),
        ("is the higher education enrollment rate above 60%", "higher-education-enrollment-rate"),
    ],
)
def test_a_bound_claimed_of_a_rate_is_checked_by_its_record(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "Is the national higher education gross enrollment rate above 60%?",
            "the article gives 64.25% higher education enrollment rate, but no figure for "
            '"national"',
        ),
        (
            "is the preschool enrollment rate higher than 2020",
            "the article gives 93.5% preschool enrollment rate as of 2025, not for 2020",
        ),
    ],
)
def test_a_bound_of_another_figure_or_year_is_still_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message
