"""The one resolver of typed names, and its "did you mean" wording."""

from __future__ import annotations

import pytest

from cqedu.core.errors import NoMatchError, QueryError
from cqedu.core.matching import (
    EXACT_SCORE,
    START_SCORE,
    WORD_SCORE,
    Candidate,
    Vocabulary,
    did_you_mean,
    suggest,
)

LEVELS = Vocabulary(
    "level",
    [
        ("preschool", "preschool", ("Preschool", "kindergarten")),
        ("junior-secondary", "junior-secondary", ("Junior secondary", "lower secondary")),
        ("high-school", "high-school", ("High school", "senior high", "upper secondary")),
        ("higher-education", "higher-education", ("Higher education", "higher ed")),
    ],
)
COUNTRIES = Vocabulary(
    "country",
    [("uk", "United Kingdom", ("UK", "U.K.", "Britain")), ("sg", "Singapore", ())],
    listing="partner countries and regions",
)


def test_exact_names_and_aliases_fold_case_and_punctuation() -> None:
    assert COUNTRIES.resolve("  united   KINGDOM ") == "uk"
    assert COUNTRIES.resolve("u.k.") == "uk"
    assert LEVELS.candidates("Kindergarten") == [
        Candidate("preschool", "kindergarten", EXACT_SCORE)
    ]


def test_a_word_that_begins_one_name_resolves_to_it() -> None:
    assert LEVELS.candidates("high") == [Candidate("high-school", "high-school", START_SCORE)]
    assert LEVELS.resolve("senior") == "high-school"


def test_a_word_inside_several_names_is_ambiguous() -> None:
    assert LEVELS.candidates("secondary") == [
        Candidate("junior-secondary", "junior-secondary", WORD_SCORE),
        Candidate("high-school", "upper secondary", WORD_SCORE),
    ]
    with pytest.raises(QueryError) as caught:
        LEVELS.resolve("secondary")
    assert str(caught.value) == (
        'level "secondary" could mean junior-secondary or high-school; '
        "type one of them (or more of its name)"
    )


def test_close_spellings_resolve_and_exact_names_win_over_them() -> None:
    assert COUNTRIES.resolve("Singapur") == "sg"
    assert LEVELS.resolve("kindergarden") == "preschool"
    assert LEVELS.resolve("higher ed") == "higher-education"


def test_unknown_names_list_the_valid_ones() -> None:
    with pytest.raises(QueryError) as caught:
        COUNTRIES.resolve("Mongolia")
    assert str(caught.value) == (
        'unknown country "Mongolia"; partner countries and regions: United Kingdom, Singapore'
    )
    with pytest.raises(QueryError) as caught:
        LEVELS.resolve("preschol center")
    assert str(caught.value) == (
        'unknown level "preschol center" (did you mean "preschool"?); '
        "valid levels: preschool, junior-secondary, high-school, higher-education"
    )
    assert COUNTRIES.candidates("") == []
    assert COUNTRIES.candidates("!!") == []


def test_resolve_all_keeps_every_name_the_words_stand_in() -> None:
    fields = Vocabulary("field", [(f, f, ()) for f in ("medicine", "clinical medicine", "art")])
    assert fields.resolve_all("medicine") == ["medicine", "clinical medicine"]
    assert fields.resolve_all("clinical") == ["clinical medicine"]
    with pytest.raises(QueryError, match=r'^unknown field "zzz"; valid fields: medicine, '):
        fields.resolve_all("zzz")


def test_suggestions_and_did_you_mean() -> None:
    names = ["United Kingdom", "UK", "Britain", "Singapore"]
    assert suggest("Singa", names) == ["Singapore"]
    assert suggest("", names) == []
    assert did_you_mean("Singa", names) == ' (did you mean "Singapore"?)'
    assert did_you_mean("zzzz", names) == ""


def test_exact_resolution_refuses_close_spellings() -> None:
    assert LEVELS.resolve("Higher Education", exact=True) == "higher-education"
    with pytest.raises(QueryError, match=r'^unknown level "kindergarden" \(did you mean'):
        LEVELS.resolve("kindergarden", exact=True)


def test_a_close_spelling_in_resolve_all_means_all_the_name_it_spells_means() -> None:
    fields = Vocabulary("field", [(f, f, ()) for f in ("medicine", "clinical medicine", "art")])
    assert fields.resolve_all("medecine") == ["medicine", "clinical medicine"]


def test_a_word_key_makes_other_forms_of_a_name_the_name() -> None:
    from cqedu.core.text import stem

    forms = {"children": "child", "child": "child"}
    units = Vocabulary(
        "unit",
        ((u, u, ()) for u in ("children", "countries", "countries and regions")),
        absent='no figure is counted in "{name}"',
        word_key=lambda word: stem(forms.get(word, word)),
    )
    assert units.resolve("child") == "children"
    assert units.resolve("country") == "countries"
    assert units.resolve_all("country") == ["countries", "countries and regions"]
    assert units.resolve("country and region") == "countries and regions"
    with pytest.raises(NoMatchError, match=r'^no figure is counted in "co"'):
        units.resolve("co")  # two letters are a code, taken only as written
