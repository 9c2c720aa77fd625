"""Reading figures as the article writes them."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

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
        ("46 percent", Figure(None, Decimal(46), True)),
        ("46 per cent", Figure(None, Decimal(46), True)),
        ("below 55 percent", Figure("below", Decimal(55), True)),
        ("a third", Figure(None, Decimal("33.33"), True, Fraction(1, 3))),
        ("roughly a third", Figure("roughly", Decimal("33.33"), True, Fraction(1, 3))),
        ("Nearly half", Figure("nearly", Decimal(50), True, Fraction(1, 2))),
        ("just under half", Figure("just under", Decimal(50), True, Fraction(1, 2))),
        ("nearly a quarter", Figure("nearly", Decimal(25), True, Fraction(1, 4))),
        ("more than three quarters", Figure("more than", Decimal(75), True, Fraction(3, 4))),
        ("two-thirds", Figure(None, Decimal("66.67"), True, Fraction(2, 3))),
        ("one in five", Figure(None, Decimal(20), True, Fraction(1, 5))),
        ("9 out of 10", Figure(None, Decimal(90), True, Fraction(9, 10))),
        ("one-eighth", Figure(None, Decimal("12.5"), True, Fraction(1, 8))),
        ("a dozen", Figure(None, Decimal(12), False)),
        ("two dozen", Figure(None, Decimal(24), False)),
        ("3.2 million", Figure(None, Decimal("3200000.0"), False)),
        ("1.5 billion", Figure(None, Decimal("1500000000.0"), False)),
        ("$48.5 million", Figure(None, Decimal("48500000.0"), False, currency="$")),
        ("£3,000", Figure(None, Decimal(3000), False, currency="£")),
        ("Between 300 and 400", Figure("between", Decimal(300), False, upper=Decimal(400))),
        ("up to 5,000", Figure("up to", Decimal(5000), False)),
        ("top 10%", Figure("top", Decimal(10), True)),
        ("ninety", Figure(None, Decimal(90), False)),
        ("Ninety-nine", Figure(None, Decimal(99), False)),
        ("forty-five", Figure(None, Decimal(45), False)),
        ("Twenty-six", Figure(None, Decimal(26), False)),
    ],
)
def test_parse_figure_reads_each_written_form(written: str, expected: Figure) -> None:
    assert parse_figure(written) == expected


@pytest.mark.parametrize(
    "written",
    [
        "lots",
        "",
        "8,00",
        "over",
        "93.5 %%",
        "1e5",
        "twenty one",
        "a third %",
        "half million",
        "one in 0",
        "640 in 2024",
        "over between 3 and 4",
        "hundred",
    ],
)
def test_parse_figure_refuses_what_is_not_a_figure(written: str) -> None:
    assert parse_figure(written) is None


def test_same_number_compares_exactly() -> None:
    assert same_number(Decimal("6400000.0"), 6400000)
    assert same_number(Decimal("93.5"), 93.5)
    assert same_number(Decimal("98.47"), 98.47)
    assert not same_number(Decimal("98.47"), 98.4700001)
    assert not same_number(Decimal(8000), 8001)


def test_every_number_word_to_ninety_nine_reads_as_its_number() -> None:
    ones = "one two three four five six seven eight nine".split()
    tens = "twenty thirty forty fifty sixty seventy eighty ninety".split()
    words = ["zero", *ones, "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen"]
    words += ["sixteen", "seventeen", "eighteen", "nineteen"]
    words += [f"{t}-{o}" if o else t for t in tens for o in ["", *ones]]
    assert [parse_figure(w.capitalize()) for w in words] == [
        Figure(None, Decimal(n), False) for n in range(100)
    ]


def test_a_third_is_stored_to_two_decimals_and_kept_exact_as_a_fraction() -> None:
    figure = parse_figure("a third")
    assert figure is not None and figure.fraction == Fraction(1, 3)
    assert same_number(figure.value, 33.33)
    assert not same_number(figure.value, 33.3)


def _mini_rate(value: str, qualifier: str | None, as_written: str) -> str:
    from tests.conftest import MINI_FACTS

    text = MINI_FACTS.read_text(encoding="utf-8")
    figure = f'value = {value}\nunit = "percent"\n'
    figure += f'qualifier = "{qualifier}"\n' if qualifier else ""
    return text.replace(
        'value = 88.5\nunit = "percent"\nas_written = "88.5%"',
        f'{figure}as_written = "{as_written}"',
        1,
    )


@pytest.mark.parametrize(
    ("value", "qualifier", "as_written"),
    [
        ("46", None, "46 percent"),
        ("46", None, "46 per cent"),
        ("33.33", None, "a third"),
        ("50", "nearly", "nearly half"),
        ("20", None, "one in five"),
        ("66.67", None, "two-thirds"),
    ],
)
def test_the_loader_accepts_figures_as_news_prints_them(
    value: str, qualifier: str | None, as_written: str
) -> None:
    from cqedu.facts.loader import check_facts

    text = _mini_rate(value, qualifier, as_written)
    assert as_written in text
    document, problems, _ = check_facts(text.encode(), "mini.toml")
    assert problems == []
    assert document is not None


def test_the_loader_refuses_a_third_stored_to_one_decimal() -> None:
    from cqedu.facts.loader import check_facts

    _, problems, _ = check_facts(_mini_rate("33.3", None, "a third").encode(), "mini.toml")
    assert [p.message for p in problems] == [
        'mini.toml: stats[1] (id "mini-preschool-rate"): as_written: "a third" reads as 33.33, '
        "but value is 33.3"
    ]
