"""Did-you-mean hints for a value that abbreviates a name, and the two faults an unknown
name can be: malformed (usage, exit 2) or absent from the data (no match, exit 1)."""

from __future__ import annotations

import pytest

from cqedu.core.errors import NoMatchError, QueryError
from cqedu.core.matching import Vocabulary, abbreviated, did_you_mean

KINDS = [
    "stat",
    "stats",
    "program",
    "programs",
    "person",
    "people",
    "organization",
    "organizations",
]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("orgs", "organizations"),  # 47% alike: no spelling score offers it
        ("ppl", "people"),
        ("progs", "programs"),
        ("prog", "program"),  # begins a name: the shortest it begins
        ("tab", None),
        ("o", None),  # one letter begins too much
        ("xyz", None),
        ("org people", None),  # one word only
    ],
)
def test_abbreviated_finds_the_name_a_value_shortens(typed: str, meant: str | None) -> None:
    assert abbreviated(typed, KINDS) == meant


def test_did_you_mean_prefers_a_close_spelling_then_an_abbreviation() -> None:
    assert did_you_mean("peeple", KINDS) == ' (did you mean "people"?)'
    assert did_you_mean("orgs", KINDS) == ' (did you mean "organizations"?)'
    assert did_you_mean("zzz", KINDS) == ""


COUNTRIES = Vocabulary(
    "country",
    [("uk", "United Kingdom", ["UK"]), ("sg", "Singapore", [])],
    listing="countries",
    absent='no partner in "{name}"',
)
CLOSED = Vocabulary("kind", [("stat", "stat", ["stats"])])


def test_a_name_the_data_does_not_hold_matches_nothing() -> None:
    with pytest.raises(NoMatchError) as caught:
        COUNTRIES.resolve("India")
    assert str(caught.value) == 'no partner in "India"; countries: United Kingdom, Singapore'
    with pytest.raises(NoMatchError):
        COUNTRIES.resolve_all("\u0627\u0644\u064a\u0645\u0646")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "empty country; countries: United Kingdom, Singapore"),
        ("  ", "empty country; countries: United Kingdom, Singapore"),
        ("?!", 'country "?!" has no letters or digits; countries: United Kingdom, Singapore'),
        (
            "\U0001f30d",
            'country "\U0001f30d" has no letters or digits; countries: United Kingdom, Singapore',
        ),
    ],
)
def test_a_name_without_letters_or_digits_is_malformed(typed: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        COUNTRIES.resolve(typed)
    assert str(caught.value) == message


def test_a_name_outside_a_closed_set_is_a_usage_error() -> None:
    with pytest.raises(QueryError) as caught:
        CLOSED.resolve("events")
    assert str(caught.value) == 'unknown kind "events"; valid kinds: stat'
