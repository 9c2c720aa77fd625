"""A unit may be typed as its sign: `--unit %` is percent, `--unit ¥` yuan, when the
figures have that unit."""

from __future__ import annotations

from pathlib import Path

import pytest

import cqedu
from cqedu.core.errors import NoMatchError, QueryError
from cqedu.knowledge import KnowledgeBase

HILLCREST = Path(__file__).parents[1] / "data" / "hillcrest_facts.toml"


@pytest.mark.parametrize("sign", ["%", " % ", "\uff05"])  # the last: a full-width percent
def test_a_percent_sign_is_percent(real_kb: KnowledgeBase, sign: str) -> None:
    ids = [fact.id for fact in real_kb.figures(unit=sign)]
    assert ids == [fact.id for fact in real_kb.figures(unit="percent")]
    assert ids[:2] == ["preschool-enrollment-rate", "high-school-enrollment-rate"]


def test_a_currency_sign_is_its_currency() -> None:
    kb = cqedu.load(HILLCREST, cache=False)
    try:
        assert [fact.id for fact in kb.figures(unit="¥")] == ["hillcrest-building-spending"]
    finally:
        kb.close()


@pytest.mark.parametrize("sign", ["$", "¥", "€", "₹", "°", "+"])
def test_a_sign_of_a_unit_no_figure_has_is_not_held(real_kb: KnowledgeBase, sign: str) -> None:
    # looked up as % is, a currency or other sign is a unit the figures hold or not (exit 1),
    # no malformed name (it was "has no letters or digits", exit 2)
    with pytest.raises(NoMatchError) as caught:
        real_kb.figures(unit=sign)
    assert str(caught.value) == (
        f'no figure is counted in "{sign}"; units of figures: {", ".join(real_kb.units())}'
    )


@pytest.mark.parametrize("marks", ["-", "--", ",", "..."])
def test_punctuation_alone_is_still_no_unit(real_kb: KnowledgeBase, marks: str) -> None:
    with pytest.raises(QueryError) as caught:
        real_kb.figures(unit=marks)
    assert str(caught.value).startswith(f'unit "{marks}" has no letters or digits; units of ')
