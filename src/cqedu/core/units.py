"""Words of figures several layers know: the currencies of sums of money, and qualifiers."""

from __future__ import annotations

from cqedu.core.text import words

#: Currency signs printed before a figure, and the unit a draft proposes for each.
CURRENCIES: dict[str, str] = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yuan"}
#: Signs typed for a unit, and the unit each stands for: "%" (its full-width form folds to it)
#: and the currency signs. `--unit %` is how people write percent.
UNIT_SIGNS: dict[str, str] = {"%": "percent", **CURRENCIES}
#: The units of a sum of money: those above, in the singular, and their ISO 4217 codes.
MONEY_UNITS = frozenset(
    {*CURRENCIES.values(), "dollar", "pound", "euro", "rmb", "usd", "gbp", "eur", "cny"}
)

#: Words printed before a figure, longest first so "more than" wins over "more".
QUALIFIERS: tuple[str, ...] = tuple(
    sorted(
        (
            "more than",
            "less than",
            "fewer than",
            "at least",
            "at most",
            "up to",
            "as many as",
            "close to",
            "just under",
            "just over",
            "well over",
            "surpassed",
            "exceeded",
            "nearly",
            "almost",
            "around",
            "about",
            "roughly",
            "approximately",
            "some",
            "over",
            "under",
            "above",
            "below",
            "top",
        ),
        key=lambda q: (-len(q), q),
    )
)

#: The qualifiers as a set, for a question word that may be one ("roughly how many").
QUALIFIER_WORDS = frozenset(QUALIFIERS)


def in_currency(unit: str | None) -> bool:
    """Whether a figure's unit says a sum of money: a word of it is a currency ("yuan",
    "US dollars", "million rmb")."""
    return not MONEY_UNITS.isdisjoint(words(unit or ""))
