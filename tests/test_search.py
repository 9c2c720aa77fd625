"""Ranked, typo-tolerant search."""

from __future__ import annotations

import tomllib

import pytest

import cqedu
from cqedu.core.errors import QueryError
from cqedu.knowledge import KnowledgeBase, from_document
from cqedu.query.search import SearchOutcome, outcome_lines, query_words
from tests.conftest import MINI_FACTS, TESTS

LABELLED = tomllib.loads((TESTS / "data" / "labelled_queries.toml").read_text())["queries"]


def top_ids(kb: KnowledgeBase, query: str, limit: int = 3) -> list[str]:
    return [hit.fact.id for hit in kb.search(query, limit)]


def test_search_ranks_and_scores(mini_kb: KnowledgeBase) -> None:
    hits = mini_kb.search("oxbridge")
    assert [(h.fact.id, h.score, h.matched_field) for h in hits] == [
        ("mini-oxbridge", 100.0, "name"),
    ]
    assert hits[0].matched_words == frozenset({"oxbridge"})


def test_typos_are_forgiven(mini_kb: KnowledgeBase) -> None:
    assert top_ids(mini_kb, "oxbrige", 1) == ["mini-oxbridge"]
    assert top_ids(mini_kb, "teachrs", 1) == ["mini-teachers"]


def test_prefixes_find_words(mini_kb: KnowledgeBase) -> None:
    assert top_ids(mini_kb, "oxbr", 1) == ["mini-oxbridge"]


def test_figures_are_searchable_as_written(mini_kb: KnowledgeBase) -> None:
    assert top_ids(mini_kb, "1,234", 1) == ["mini-schools"]
    assert top_ids(mini_kb, "1234", 1) == ["mini-schools"]
    assert top_ids(mini_kb, "88.5", 1) == ["mini-preschool-rate"]


def test_numbers_match_exactly_not_fuzzily(mini_kb: KnowledgeBase) -> None:
    assert mini_kb.search("1235") == []


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        # a code of two letters ("ES", Spain's alias) is found as typed, never as a typo
        ("ESI", ["esi-top-subjects", "esi-top-threshold"]),
        ("es", ["spain"]),
        ("SGP", []),  # "SG" is Singapore's code: one letter more is no typo of it
    ],
)
def test_a_code_of_two_letters_matches_only_as_typed(
    real_kb: KnowledgeBase, query: str, ids: list[str]
) -> None:
    assert [hit.fact.id for hit in real_kb.search(query)] == ids


def test_a_typo_of_a_longer_word_is_still_forgiven(real_kb: KnowledgeBase) -> None:
    assert real_kb.search("spian")[0].fact.id == "spain"


def test_natural_phrasing_drops_filler_words(mini_kb: KnowledgeBase) -> None:
    assert query_words("how many teachers are there?") == ["teachers"]
    assert top_ids(mini_kb, "how many teachers are there?", 1) == ["mini-teachers"]


def test_only_filler_words_are_still_searched() -> None:
    assert query_words("the") == ["the"]


def test_below_the_cutoff_is_not_a_result(mini_kb: KnowledgeBase) -> None:
    assert mini_kb.search("zebra crossing") == []


def test_limit_caps_results(mini_kb: KnowledgeBase) -> None:
    assert len(mini_kb.search("school", 2)) == 2
    with pytest.raises(QueryError) as caught:
        mini_kb.search("school", 0)
    assert str(caught.value) == "limit must be 1 or more, got 0"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "empty query; give a word or phrase to search for"),
        ("   \t ", "empty query; give a word or phrase to search for"),
        ("?!", "query has no letters or digits; give a word or phrase to search for"),
        ("x" * 501, "query is too long (501 characters); use at most 500"),
        (
            " ".join(f"w{i}x" for i in range(17)),
            "query has 17 distinct words; use at most 16",
        ),
    ],
)
def test_unusable_queries_are_query_errors(
    mini_kb: KnowledgeBase, query: str, message: str
) -> None:
    with pytest.raises(QueryError) as caught:
        mini_kb.search(query)
    assert str(caught.value) == message


def test_cjk_and_emoji_find_nothing_without_error(mini_kb: KnowledgeBase) -> None:
    assert mini_kb.search("重庆 教育") == []
    assert mini_kb.search("school 😀") == mini_kb.search("school")


def test_exact_name_beats_a_fuzzier_tie(real_kb: KnowledgeBase) -> None:
    assert top_ids(real_kb, "Study in Chongqing", 1) == ["study-in-chongqing"]
    assert top_ids(real_kb, "leicester", 2) == [
        "university-of-leicester",
        "leicester-joint-college",
    ]


def test_every_name_and_id_ranks_its_record_first(real_kb: KnowledgeBase) -> None:
    for fact in real_kb.facts():
        assert top_ids(real_kb, fact.name, 1) == [fact.id], fact.name
        assert top_ids(real_kb, fact.id, 1) == [fact.id], fact.id


def test_labelled_queries_are_all_found_first(real_kb: KnowledgeBase) -> None:
    assert len(LABELLED) >= 40
    misses = [q["query"] for q in LABELLED if top_ids(real_kb, q["query"], 1) != [q["expect"]]]
    assert misses == []


def test_labelled_queries_name_real_records(real_kb: KnowledgeBase) -> None:
    known = set(real_kb.ids())
    assert [q["expect"] for q in LABELLED if q["expect"] not in known] == []


def outcome_summary(outcome: SearchOutcome) -> tuple[list[tuple[str, float, str]], list[str]]:
    ranked = [(hit.fact.id, hit.score, hit.matched_field) for hit in outcome.hits]
    return ranked, outcome_lines(outcome)


def test_readme_search_examples_keep_their_scores(real_kb: KnowledgeBase) -> None:
    assert [(h.fact.id, h.score) for h in real_kb.search("leicster", 2)] == [
        ("university-of-leicester", 94.1),
        ("leicester-joint-college", 94.1),
    ]
    assert [(h.fact.id, h.score, h.matched_field) for h in real_kb.search("leicester", 2)] == [
        ("university-of-leicester", 100.0, "name"),
        ("leicester-joint-college", 100.0, "name"),
    ]
    hits = real_kb.search("how many teachers", 2)
    assert [(h.fact.id, h.score, h.matched_field) for h in hits] == [
        ("teachers", 100.0, "name"),
        ("principal-training-singapore", 80.0, "keywords"),
    ]


def test_a_word_that_matches_nothing_is_ignored_and_reported(mini_kb: KnowledgeBase) -> None:
    outcome = mini_kb.search_outcome("oxbridge zqxv")
    assert outcome.ignored_words == ("zqxv",)
    assert outcome_summary(outcome) == (
        [("mini-oxbridge", 100.0, "name")],
        ['ignored "zqxv": it matches nothing'],
    )


@pytest.mark.parametrize(
    ("query", "unread"),
    [
        ("\U0001f393 oxbridge", ["\U0001f393"]),  # an emoji alone, before the word
        ("oxbridge\U0001f393", ["\U0001f393"]),  # glued to it
        # One emoji of several code points (a joiner, a skin tone) is named whole, once.
        (
            "\U0001f468\u200d\U0001f393 oxbridge \U0001f468\u200d\U0001f393",
            ["\U0001f468\u200d\U0001f393"],
        ),
        ("oxbridge \U0001f44d\U0001f3fd", ["\U0001f44d\U0001f3fd"]),
        ("\u2192 oxbridge \u2605 \u20ac", ["\u2192", "\u2605", "\u20ac"]),  # arrow, star, euro
        ("oxbridge \ue000", ["\ue000"]),  # a private-use character
    ],
)
def test_a_symbol_that_is_no_word_is_said_to_be_ignored(
    mini_kb: KnowledgeBase, query: str, unread: list[str]
) -> None:
    outcome = mini_kb.search_outcome(query)
    quoted = ", ".join(f'"{piece}"' for piece in unread)
    assert outcome_summary(outcome) == (
        [("mini-oxbridge", 100.0, "name")],
        [f"ignored {quoted}: search reads only letters and digits"],
    )


@pytest.mark.parametrize(
    "query",
    [
        "oxbridge?",
        "oxbridge!!",
        "oxbridge \u2026",
        "oxbridge \u2014",
        "\u00aboxbridge\u00bb",
        "oxbridge%",
        "oxbridge &",
        "Oxbridge\u2122",
        "oxbridge\u200b",
    ],
)
def test_punctuation_and_invisible_characters_are_no_news(
    mini_kb: KnowledgeBase, query: str
) -> None:
    # Breaks between words, not words a reader meant: nothing to say about them.
    assert outcome_lines(mini_kb.search_outcome(query)) == []


def test_a_british_spelling_finds_the_american_one_as_a_form_of_the_word(
    real_kb: KnowledgeBase,
) -> None:
    # "programmes" met "programs" only as a close spelling (88.9), and the press conference
    # ("progress", 77.8) outranked every program found by its kind.
    hits = real_kb.search("programmes", 6)
    assert [(h.fact.id, h.score, h.matched_field) for h in hits] == [
        ("overseas-vocational-programs", 95.0, "name"),
        ("sino-foreign-cooperative-programs", 95.0, "name"),
        ("higher-education-expansion", 95.0, "name"),
        ("sino-foreign-annual-enrollment", 95.0, "name"),
        ("study-in-chongqing", 80.8, "kind"),
        ("openness-initiative", 80.8, "kind"),
    ]


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("programmes", ["programs"]),
        ("programs", ["programmes"]),
        ("centre", ["center"]),
        ("colour", ["color"]),
        ("organisation", ["organization"]),
        ("analyse", ["analyze"]),
        ("catalogue", ["catalog"]),
        ("licence", ["license"]),
        ("travelled", ["traveled"]),
        ("traveled", ["travelled"]),
        # Too short before the ending, or no ending: no other spelling.
        ("four", []),
        ("tour", []),
        ("school", []),
    ],
)
def test_respellings_follow_the_regular_patterns(word: str, other: list[str]) -> None:
    from cqedu.core.text import respellings

    assert respellings(word) == other


def test_a_level_alias_finds_the_records_that_name_the_level(real_kb: KnowledgeBase) -> None:
    # "kindergarten" is an alias of the level Preschool: the preschool enrollment rate (the
    # level's headline figure, "Preschool" in its name) was last, at 90, by its level alone.
    hits = real_kb.search("kindergarten", 4)
    assert [(h.fact.id, h.score, h.matched_field) for h in hits] == [
        ("preschool-enrollment-rate", 100.0, "name"),
        ("inclusive-preschool-coverage", 100.0, "name"),
        ("free-preschool-children", 100.0, "keywords"),
        ("free-preschool-year", 100.0, "keywords"),
    ]


def test_a_declared_synonym_finds_its_term_below_the_word_itself(mini_kb: KnowledgeBase) -> None:
    from cqedu.facts.model import Level, Term
    from cqedu.query.search import declared_equivalents

    levels = [Level("higher-education", "Higher education", ("tertiary", "unis"))]
    levels.append(Level("preschool", "Preschool", ("kindergarten", "early childhood")))
    terms = [Term("children", ("kids", "young people")), Term("students", ("kids",))]
    # A name of two words on either side is no word for a word: left out.
    assert declared_equivalents(levels, terms) == {
        "kindergarten": {"preschool": 100.0},
        "kids": {"children": 95.0, "students": 95.0},
    }


def test_a_word_no_record_shares_with_the_others_is_set_aside(real_kb: KnowledgeBase) -> None:
    outcome = real_kb.search_outcome("year 2024", 3)
    assert outcome.set_aside == ("year",)
    assert outcome_summary(outcome) == (
        [("world-culture-fair", 90.0, "date")],
        ['ignored "year": no record matches it with the other words'],
    )


def test_a_mostly_unknown_query_finds_nothing_and_reports_nothing(
    mini_kb: KnowledgeBase,
) -> None:
    outcome = mini_kb.search_outcome("teachers zqxv vzqx")
    assert (outcome.hits, outcome.ignored_words, outcome.set_aside, outcome.more) == (
        [],
        (),
        (),
        0,
    )
    assert mini_kb.search("zqxv 9999") == []


def test_the_caller_learns_how_many_more_results_there_are(mini_kb: KnowledgeBase) -> None:
    assert outcome_summary(mini_kb.search_outcome("school", 2)) == (
        # "schools" has the stem of "school": it scores STEM_SCORE, below the word as typed
        [("mini-lion-school", 100.0, "name"), ("mini-schools", 95.0, "name")],
        ["3 more results; show them with --limit 5"],
    )
    assert outcome_lines(mini_kb.search_outcome("robot", 2)) == [
        "1 more result; show it with --limit 3"
    ]
    assert mini_kb.search_outcome("school", 5).more == 0


def test_several_ignored_words_and_notes_are_worded_together(mini_kb: KnowledgeBase) -> None:
    hits = mini_kb.search("oxbridge", 1)
    outcome = SearchOutcome(hits, ("zqxv", "9999"), ("club",), 0, ("a note",))
    assert outcome_lines(outcome) == [
        'ignored "zqxv", "9999": they match nothing',
        'ignored "club": no record matches it with the other words',
        "a note",
    ]


def test_words_naming_a_kind_find_records_of_that_kind(
    mini_kb: KnowledgeBase, real_kb: KnowledgeBase
) -> None:
    assert outcome_summary(mini_kb.search_outcome("stats")) == (
        [
            ("mini-schools", 85.0, "kind"),
            ("mini-teachers", 85.0, "kind"),
            ("mini-preschool-rate", 85.0, "kind"),
            ("mini-club-members", 85.0, "kind"),
        ],
        [],
    )
    people = ["liu-yanbing", "shi-tingmao", "wu-yingjie", "li-xuanhao"]
    assert top_ids(real_kb, "people", 4) == people
    assert top_ids(real_kb, "person", 4) == people


def test_chongqing_is_a_search_word() -> None:
    assert query_words("schools in Chongqing") == ["schools", "chongqing"]


def two_source_kb() -> KnowledgeBase:
    document = cqedu.load(MINI_FACTS, cache=False).document()
    other = document.sources[0]._replace(id="other", title="Other test source")
    facts = tuple(
        fact._replace(source="other") if fact.id == "mini-lion-school" else fact
        for fact in document.facts
    )
    return from_document(document._replace(sources=(*document.sources, other), facts=facts))


def test_sources_filter_before_the_limit() -> None:
    kb = two_source_kb()
    assert top_ids(kb, "school", 1) == ["mini-lion-school"]
    mini_only = kb.only_sources(["mini"]).search_outcome("school", 1)
    assert [h.fact.id for h in mini_only.hits] == ["mini-schools"]
    assert mini_only.more == 3
    assert [h.fact.id for h in kb.only_sources(["other"]).search_outcome("school", 5).hits] == [
        "mini-lion-school"
    ]


def test_kind_filters_before_the_limit(mini_kb: KnowledgeBase) -> None:
    assert top_ids(mini_kb, "school", 1) == ["mini-lion-school"]
    stats_only = mini_kb.search_outcome("school", 1, kind="stats")
    assert [h.fact.id for h in stats_only.hits] == ["mini-schools"]
    assert [h.fact.id for h in mini_kb.find("school", 5, kind="partner")] == ["mini-lion-school"]


def test_the_word_matched_least_well_is_set_aside(real_kb: KnowledgeBase) -> None:
    # "red" only begins "reduction" (a prefix, 90); "leicester" is a record word as typed:
    # leaving out the weaker match keeps the name asked for, in either order.
    for query in ("red leicester", "leicester red", "bold leicester"):
        outcome = real_kb.search_outcome(query, 2)
        assert [hit.fact.id for hit in outcome.hits] == [
            "university-of-leicester",
            "leicester-joint-college",
        ], query
        assert outcome.set_aside == (query.replace("leicester", "").strip(),)
