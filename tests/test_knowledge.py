"""The public query API over the tiny test facts file."""

from __future__ import annotations

import pytest

import cqedu
from cqedu.core.errors import NoMatchError, QueryError
from cqedu.knowledge import KnowledgeBase
from tests.conftest import MINI_FACTS, REAL_FACTS


def ids(facts: list[cqedu.Fact]) -> list[str]:
    return [f.id for f in facts]


def test_figures_lists_every_record_with_a_value_in_file_order(mini_kb: KnowledgeBase) -> None:
    assert ids(mini_kb.figures()) == [
        "mini-schools",
        "mini-preschool-rate",
        "mini-teachers",
        "mini-club-members",
        "mini-robot-club",
    ]


@pytest.mark.parametrize(
    "typed", ["preschool", "Preschool", "kindergarten", "kindergarden", "PRESCHOL"]
)
def test_levels_match_by_id_alias_or_close_spelling(mini_kb: KnowledgeBase, typed: str) -> None:
    assert ids(mini_kb.figures(typed)) == ["mini-preschool-rate"]


def test_a_known_level_without_figures_is_no_match(mini_kb: KnowledgeBase) -> None:
    with pytest.raises(NoMatchError) as caught:
        mini_kb.figures("elementary")
    assert str(caught.value) == 'the source gives no figure for level "primary" (Primary)'


def test_an_unknown_level_matches_nothing_and_lists_the_valid_ones(
    mini_kb: KnowledgeBase,
) -> None:
    with pytest.raises(NoMatchError) as caught:
        mini_kb.figures("doctoral")
    assert str(caught.value) == (
        'the facts know no level "doctoral"; valid levels: preschool, primary, system-wide'
    )
    with pytest.raises(NoMatchError) as caught:
        mini_kb.figures("overal school")
    assert str(caught.value) == (
        'the facts know no level "overal school" (did you mean "overall"?); '
        "valid levels: preschool, primary, system-wide"
    )


def test_programs_come_with_their_figures(mini_kb: KnowledgeBase) -> None:
    assert ids(mini_kb.programs()) == ["mini-robot-club", "mini-club-members"]


@pytest.mark.parametrize("typed", ["robotics", "Robotic", "computer", "computer science"])
def test_programs_by_field(mini_kb: KnowledgeBase, typed: str) -> None:
    assert ids(mini_kb.programs(typed)) == ["mini-robot-club", "mini-club-members"]


def test_unknown_field(mini_kb: KnowledgeBase) -> None:
    with pytest.raises(NoMatchError) as caught:
        mini_kb.programs("poetry")
    assert str(caught.value) == (
        'no program is in the subject field "poetry"; '
        "subject fields of programs: robotics, computer science"
    )


@pytest.mark.parametrize(
    "typed", ["UK", "uk", "Britain", "United Kingdom", "Untied Kingdom", "britian"]
)
def test_partners_by_country_name_alias_or_spelling(mini_kb: KnowledgeBase, typed: str) -> None:
    assert ids(mini_kb.partners(typed)) == ["mini-oxbridge"]


def test_all_partners_and_unknown_country(mini_kb: KnowledgeBase) -> None:
    assert ids(mini_kb.partners()) == ["mini-oxbridge", "mini-lion-school"]
    with pytest.raises(NoMatchError) as caught:
        mini_kb.partners("Brazil")
    assert str(caught.value) == (
        'the facts name no partner in "Brazil" (did you mean "Britain"?); '
        "partner countries and regions: United Kingdom, Singapore"
    )


def test_get_and_unknown_id_with_suggestions(mini_kb: KnowledgeBase) -> None:
    assert mini_kb.get("mini-open-day").date == "2025-01-02"
    with pytest.raises(NoMatchError) as caught:
        mini_kb.get("mini-open-dy")
    assert str(caught.value) == 'no record has id "mini-open-dy"; did you mean mini-open-day?'
    with pytest.raises(NoMatchError) as caught:
        mini_kb.get("zzz")
    assert str(caught.value) == 'no record has id "zzz"; list ids with: cqedu export -F id'
    assert mini_kb.get(" MINI-Open-Day ").id == "mini-open-day"
    with pytest.raises(QueryError) as empty:
        mini_kb.get("  ")
    assert str(empty.value) == "empty id; give a record id (list them with: cqedu export -F id)"


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        # a word of an id, whole or misspelt, is too small a part of it for a ratio
        ("club", "did you mean mini-club-members, mini-robot-club?"),
        ("clb", "did you mean mini-club-members, mini-robot-club?"),
        ("Robot Club", "did you mean mini-robot-club?"),
        # a word every id holds: too many to offer, so the way to find one
        ("mini", "8 ids hold those words; find the one with: cqedu search mini"),
        ("mini  school ", "did you mean mini-schools, mini-lion-school?"),
        ("robot members", "list ids with: cqedu export -F id"),
    ],
)
def test_unknown_id_offers_the_ids_holding_its_words(
    mini_kb: KnowledgeBase, typed: str, hint: str
) -> None:
    with pytest.raises(NoMatchError) as caught:
        mini_kb.get(typed)
    assert str(caught.value).startswith(f'no record has id "{typed}"; ')
    assert str(caught.value).endswith(hint)


def test_document_round_trips_through_from_document(mini_kb: KnowledgeBase) -> None:
    document = mini_kb.document()
    again = cqedu.from_document(document)
    assert again.document() == document
    assert again.path is None


def test_load_defaults_to_the_bundled_facts() -> None:
    bundled = cqedu.load()
    assert bundled.path is not None
    assert bundled.path.read_bytes() == REAL_FACTS.read_bytes()
    assert bundled.get("schools").value == 9177


def test_load_accepts_a_string_path() -> None:
    assert cqedu.load(str(MINI_FACTS), cache=False).ids()[0] == "mini-schools"


def test_vocabularies(mini_kb: KnowledgeBase) -> None:
    assert [lv.id for lv in mini_kb.levels] == ["preschool", "primary", "system-wide"]
    assert [c.name for c in mini_kb.countries] == ["United Kingdom", "Singapore"]
    assert mini_kb.sources[0].sections == ("Intro", "Schools")
    assert mini_kb.program_fields() == ["robotics", "computer science"]


def test_units_kinds_and_filters(mini_kb: KnowledgeBase) -> None:
    assert mini_kb.units() == ["schools", "percent", "teachers", "pupils", "clubs"]
    assert [f.id for f in mini_kb.figures(unit="pupil")] == ["mini-club-members"]
    assert [f.id for f in mini_kb.figures("overall", "teachers")] == ["mini-teachers"]
    assert mini_kb.resolve_kind("people") == "person"
    assert [f.id for f in mini_kb.records("partners")] == ["mini-oxbridge", "mini-lion-school"]
    assert [h.fact.id for h in mini_kb.find("robot club", 1, kind="stat")] == ["mini-club-members"]


def test_an_unknown_id_longer_than_any_name_is_not_quoted_back(mini_kb: KnowledgeBase) -> None:
    with pytest.raises(NoMatchError) as caught:
        mini_kb.get("x" * 5000)
    assert str(caught.value) == (
        "no record has that id (5,000 characters); list ids with: cqedu export -F id"
    )
