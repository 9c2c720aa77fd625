"""Reading figures as the article writes them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cqedu.facts.figures import Figure, parse_figure, same_number


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("93.5%", Figure(None, Decimal("93.5"), True)),
        ("over 8,000", Figure("over", Decimal(8000), False)),
        ("6.4 million", Figure(None, Decimal("6400000.0"), False)),
        ("1.85 million", Figure(None, Decimal("1850000.00"), False)),
        ("more than 70", Figure("more than", Decimal(70), False)),
        ("surpassed 70%", Figure("surpassed", Decimal(70), True)),
        ("about 90%", Figure("about", Decimal(90), True)),
        ("Two", Figure(None, Decimal(2), False)),
        ("six", Figure(None, Decimal(6), False)),
        ("9,177", Figure(None, Decimal(9177), False)),
        ("more than 200,000", Figure("more than", Decimal(200000), False)),
        ("  over   500,000 ", Figure("over", Decimal(500000), False)),
    ],
)
def test_parse_figure_reads_each_written_form(written: str, expected: Figure) -> None:
    assert parse_figure(written) == expected


@pytest.mark.parametrize("written", ["ninety", "lots", "", "8,00", "over", "93.5 %%", "1e5"])
def test_parse_figure_refuses_what_is_not_a_figure(written: str) -> None:
    assert parse_figure(written) is None


def test_same_number_compares_exactly() -> None:
    assert same_number(Decimal("6400000.0"), 6400000)
    assert same_number(Decimal("93.5"), 93.5)
    assert same_number(Decimal("98.47"), 98.47)
    assert not same_number(Decimal("98.47"), 98.4700001)
    assert not same_number(Decimal(8000), 8001)
