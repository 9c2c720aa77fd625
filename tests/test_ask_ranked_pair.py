"""Which of two figures is the higher or the lower (`cqedu.ask.ranked_pair`).

"Which is higher, A or B" asks for one of them: the one the comparative asks for answers,
the other stands beside it. "Is A higher than B" asks of both, which are named.
"""

from __future__ import annotations

import pytest

from cqedu.ask.ranked_pair import ranked
from cqedu.facts.model import Fact
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused

LEVELS = {"primary": frozenset({"primary"}), "middle": frozenset({"middle"})}


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
        # another measure of one unit
        _rate("Middle dropout rate", 95.0, "middle"),
        # another unit
        _rate("Middle enrollment rate", 95.0, "middle")._replace(unit="students"),
    ],
)
def test_no_order_the_figures_do_not_tell(other: Fact) -> None:
    assert ranked([PRIMARY, other], "higher", LEVELS) is None


def test_a_bound_clear_of_the_other_figure_orders_them() -> None:
    over = _rate("Middle enrollment rate", 92.0, "middle", "over")
    assert ranked([PRIMARY, over], "higher", LEVELS) == (over, PRIMARY)
    assert ranked([PRIMARY, MIDDLE], "better", LEVELS) is None  # no comparative of size


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


def test_the_answer_gives_the_one_figure(real_kb: KnowledgeBase) -> None:
    found = real_kb.ask("Which is higher, the preschool or the high school enrollment rate?")
    assert found.text == (
        "98.47% high school enrollment rate (as of 2025; Building a Strong Education System "
        "\u00b61)"
    )


@pytest.mark.parametrize(
    "question",
    [
        "Is the preschool enrollment rate higher than the high school enrollment rate?",
        "Which is higher: the preschool enrollment rate or the share of inclusive kindergartens?",
    ],
)
def test_a_yes_no_question_or_two_measures_name_both(real_kb: KnowledgeBase, question: str) -> None:
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
