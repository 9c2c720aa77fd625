"""Which of two figures is the higher or the lower (`cqedu.ask.ranked_pair`).

"Which is higher, A or B" asks for one of them: the one the comparative asks for answers,
the line says what it is larger than, and the other stands beside it. Two figures of one
kind of quantity compare, counts of whatever they count, shares of one measure only; a
share and a count do not. "Is A higher than B" asks of both, which are named.
"""

from __future__ import annotations

import pytest

from cqedu.ask.ranked_pair import ranked
from cqedu.facts.model import Fact
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


def _rate(name: str, value: float, level: str, qualifier: str | None = None) -> Fact:
    return Fact(
        id=name.lower().replace(" ", "-"),
        kind="stats",
        name=name,
        summary="",
        section="S",
        paragraph=1,
        source="s",
        value=value,
        unit="percent",
        qualifier=qualifier,
        level=level,
    )


LEVELS = {"primary": frozenset({"primary"}), "middle": frozenset({"middle"})}
PRIMARY = _rate("Primary enrollment rate", 90.0, "primary")
MIDDLE = _rate("Middle enrollment rate", 95.0, "middle")


@pytest.mark.parametrize(
    ("comparative", "first"),
    [("higher", MIDDLE), ("bigger", MIDDLE), ("lower", PRIMARY), ("smaller", PRIMARY)],
)
def test_the_figure_asked_for_comes_first(comparative: str, first: Fact) -> None:
    pair = ranked([PRIMARY, MIDDLE], comparative, LEVELS)
    assert pair is not None
    assert pair[0] == first
    assert pair[1] == (PRIMARY if first == MIDDLE else MIDDLE)


@pytest.mark.parametrize(
    "other",
    [
        # bounds that overlap: "over 85%" may be above 95%
        _rate("Middle enrollment rate", 85.0, "middle", "over"),
        # a qualifier that bounds nothing
        _rate("Middle enrollment rate", 95.0, "middle", "about"),
        # the same figure
        _rate("Middle enrollment rate", 90.0, "middle"),
        # a count, no share
        _rate("Middle enrollment rate", 95.0, "middle")._replace(unit="students"),
        # a span of time
        _rate("Middle schooling", 95.0, "middle")._replace(unit="years"),
        # a share of another measure: of another whole
        _rate("Middle dropout rate", 95.0, "middle"),
    ],
)
def test_no_order_the_figures_do_not_tell(other: Fact) -> None:
    assert ranked([PRIMARY, other], "higher", LEVELS) is None


def test_a_bound_clear_of_the_other_figure_orders_them() -> None:
    over = _rate("Middle enrollment rate", 92.0, "middle", "over")
    assert ranked([PRIMARY, over], "higher", LEVELS) == (over, PRIMARY)
    assert ranked([PRIMARY, MIDDLE], "better", LEVELS) is None  # no comparative of size


def test_counts_of_two_things_are_ordered() -> None:
    pupils = _rate("Pupils", 8000.0, "middle")._replace(unit="pupils")
    clubs = _rate("Clubs", 300.0, "middle")._replace(unit="clubs")
    assert ranked([clubs, pupils], "smaller", LEVELS) == (clubs, pupils)


def test_two_figures_bounded_alike_are_ordered_by_their_values() -> None:
    many = _rate("Pupils", 10000.0, "middle", "over")._replace(unit="pupils")
    fewer = _rate("Teachers", 8000.0, "middle", "more than")._replace(unit="teachers")
    assert ranked([fewer, many], "bigger", LEVELS) == (many, fewer)
    same = _rate("Teachers", 10000.0, "middle", "over")._replace(unit="teachers")
    assert ranked([same, many], "bigger", LEVELS) is None
    nearly = _rate("Teachers", 8000.0, "middle", "nearly")._replace(unit="teachers")
    assert ranked([nearly, many], "bigger", LEVELS) == (many, nearly)  # bounds clear of each other


@pytest.mark.parametrize(
    ("question", "first", "other"),
    [
        (
            "Which is higher, the preschool or the high school enrollment rate?",
            "high-school-enrollment-rate",
            "preschool-enrollment-rate",
        ),
        (
            "which is lower: the higher education enrollment rate or the preschool enrollment rate",
            "higher-education-enrollment-rate",
            "preschool-enrollment-rate",
        ),
    ],
)
def test_which_of_two_is_answered_by_it(
    real_kb: KnowledgeBase, question: str, first: str, other: str
) -> None:
    found = real_kb.ask(question)
    assert [f.id for f in found.named] == [first]
    assert [f.id for f in found.related] == [other]


def test_the_answer_gives_the_one_figure_and_what_it_is_larger_than(
    real_kb: KnowledgeBase,
) -> None:
    found = real_kb.ask("Which is higher, the preschool or the high school enrollment rate?")
    assert found.text == (
        "98.47% high school enrollment rate (as of 2025; Building a Strong Education System "
        "\u00b61), higher than 93.5% preschool enrollment rate (as of 2025; Building a Strong "
        "Education System \u00b61)"
    )


@pytest.mark.parametrize(
    ("question", "first", "other"),
    [
        (
            "Which figure is bigger: international students attracted, or annual enrollment "
            "in Sino-foreign programs?",
            "international-students",
            "sino-foreign-annual-enrollment",
        ),
        (
            "Which is larger, the number of international vocational education platforms or "
            "the number of overseas vocational programs?",
            "overseas-vocational-programs",
            "international-vocational-platforms",
        ),
        (
            "which is smaller: the number of disciplines or the number of subjects in the esi "
            "top 1%",
            "double-first-class-disciplines",
            "esi-top-subjects",
        ),
    ],
)
def test_two_records_of_one_kind_of_quantity(
    real_kb: KnowledgeBase, question: str, first: str, other: str
) -> None:
    found = real_kb.ask(question)
    assert [f.id for f in found.named] == [first]
    assert [f.id for f in found.related] == [other]


def test_the_line_names_the_other_figure(real_kb: KnowledgeBase) -> None:
    found = real_kb.ask(
        "Which is larger, the number of international vocational education platforms or "
        "the number of overseas vocational programs?"
    )
    assert found.text == (
        "22 programs (overseas vocational programs; as of 2025; Deepening Global Cooperation "
        "and Mutual Learning \u00b63), larger than 10 platforms (international vocational "
        "education platforms; as of 2025; Deepening Global Cooperation and Mutual Learning "
        "\u00b63)"
    )


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "which is larger, the preschool enrollment rate or the number of schools",
            "the article gives 93.5% preschool enrollment rate and 9,177 schools: a share and "
            "a count, which do not compare",
        ),
        (
            "is the preschool enrollment rate larger than the number of schools",
            "the article gives 93.5% preschool enrollment rate and 9,177 schools: a share and "
            "a count, which do not compare",
        ),
    ],
)
def test_a_share_and_a_count_are_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    "question",
    [
        "Is the preschool enrollment rate higher than the high school enrollment rate?",
        "Which is higher: the preschool enrollment rate or the share of inclusive kindergartens?",
        "Which is larger: Chongqing's preschool enrollment rate or its inclusive preschool "
        "coverage of kindergartens?",
    ],
)
def test_a_yes_no_question_or_two_shares_of_two_measures_name_both(
    real_kb: KnowledgeBase, question: str
) -> None:
    assert len(real_kb.ask(question).named) == 2


@pytest.mark.parametrize(
    "question",
    [
        "which is higher, the preschool rate or the high school rate",
        "which is higher, the preschool enrollment rate or the national average",
    ],
)
def test_a_side_the_article_lacks_still_refuses(real_kb: KnowledgeBase, question: str) -> None:
    assert refused(real_kb, question) == (
        "the article gives no comparison of these; ask for each figure on its own"
    )
