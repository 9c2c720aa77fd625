"""Forgiving lookup of typed names."""

from __future__ import annotations

from cqedu.matching import did_you_mean, lookup, suggest

NAMES = {"United Kingdom": "uk", "UK": "uk", "Singapore": "sg"}


def test_exact_after_normalising() -> None:
    assert lookup("  united   KINGDOM ", NAMES) == "uk"
    assert lookup("u.k.", {"U.K.": "uk"}) == "uk"


def test_fuzzy_within_the_accept_score() -> None:
    assert lookup("Singapur", NAMES) == "sg"
    assert lookup("Mongolia", NAMES) is None
    assert lookup("", NAMES) is None


def test_suggestions_and_did_you_mean() -> None:
    assert suggest("Singa", list(NAMES)) == ["Singapore"]
    assert suggest("", list(NAMES)) == []
    assert did_you_mean("Singa", list(NAMES)) == ' (did you mean "Singapore"?)'
    assert did_you_mean("zzzz", list(NAMES)) == ""
