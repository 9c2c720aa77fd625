"""Units several layers know by name: the currencies of sums of money."""

from __future__ import annotations

#: Currency signs printed before a figure, and the unit a draft proposes for each.
CURRENCIES: dict[str, str] = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yuan"}
#: The units of a sum of money: those above, in the singular, and their ISO 4217 codes.
MONEY_UNITS = frozenset(
    {*CURRENCIES.values(), "dollar", "pound", "euro", "rmb", "usd", "gbp", "eur", "cny"}
)
