"""Questions answered from the records (cqedu.ask), the answer wording, the labelled set."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cqedu
from cqedu.ask.question import Answer
from cqedu.core.errors import NoMatchError, QueryError
from cqedu.core.text import stem
from cqedu.facts.loader import parse_facts
from cqedu.knowledge import KnowledgeBase, from_document
from cqedu.query.wording import FIGURE, answer_line, figure_answer, provenance
from tests.conftest import MINI_FACTS, REAL_FACTS

# Records only these tests need, added to the mini file in memory so that the counts
# other tests pin stay as they are: a per-year figure, a person, a second enrollment rate.
EXTRA_RECORDS = b"""
[[stats]]
id = "mini-partner-visits"
name = "Partner visits each year"
summary = "Visits partner teachers make to the town every year."
value = 12
unit = "visits"
as_written = "12"
period = "per year"
section = "Intro"
paragraph = 2

[[stats]]
id = "mini-adult-enrollment-rate"
name = "Adult enrollment rate"
summary = "Share of grown-ups taking evening classes."
value = 12.5
unit = "percent"
as_written = "12.5%"
level = "system-wide"
section = "Schools"
paragraph = 3

[[people]]
id = "mini-head"
name = "Ada Stone"
summary = "Head of the town's schools office, who opened the open day."
related = ["mini-open-day"]
section = "Intro"
paragraph = 2
"""


@pytest.fixture
def kb() -> Iterator[KnowledgeBase]:
    """The mini facts plus EXTRA_RECORDS, in memory."""
    document = parse_facts(MINI_FACTS.read_bytes() + EXTRA_RECORDS, "mini+ask.toml")
    knowledge = from_document(document)
    yield knowledge
    knowledge.close()


def answered(kb: KnowledgeBase, question: str) -> tuple[str, str, list[str]]:
    """(record id, answer line, related ids) of a question's answer."""
    answer = kb.ask(question)
    return answer.record.id, answer.text, [f.id for f in answer.related]


def refusal(kb: KnowledgeBase, question: str) -> str:
    with pytest.raises(NoMatchError) as caught:
        kb.ask(question)
    assert caught.value.exit_code == 1
    return str(caught.value)


# ---------------------------------------------------------------- figures


def test_how_many_gives_the_figure_with_unit_and_provenance(kb: KnowledgeBase) -> None:
    assert answered(kb, "How many schools are there?") == (
        "mini-schools",
        "1,234 schools (Schools \u00b61)",
        [],
    )


def test_a_typo_still_finds_the_figure(kb: KnowledgeBase) -> None:
    assert answered(kb, "how many teachrs")[:2] == (
        "mini-teachers",
        "over 2.5 million teachers (Schools \u00b62)",
    )


def test_a_share_names_what_it_is_a_share_of(kb: KnowledgeBase) -> None:
    assert answered(kb, "what is the kindergarten enrollment rate")[:2] == (
        "mini-preschool-rate",
        "88.5% preschool enrollment rate (Schools \u00b62)",
    )


def test_a_figure_other_than_its_unit_is_named_and_its_related_records_follow(
    kb: KnowledgeBase,
) -> None:
    assert answered(kb, "how many pupils joined the robot club") == (
        "mini-club-members",
        "about 40 pupils (robot club members; Intro \u00b61)",
        ["mini-robot-club"],
    )


def test_a_counted_program_answers_how_many(kb: KnowledgeBase) -> None:
    assert answered(kb, "how many robot clubs are there")[:2] == (
        "mini-robot-club",
        "three clubs (robot club; Intro \u00b61)",
    )


def test_each_year_picks_the_per_year_figure(kb: KnowledgeBase) -> None:
    assert answered(kb, "how many partner visits each year")[:2] == (
        "mini-partner-visits",
        "12 visits (partner visits each year; per year; Intro \u00b62)",
    )


def test_each_year_without_a_per_year_figure_is_refused(kb: KnowledgeBase) -> None:
    assert refusal(kb, "how many schools are there annually") == (
        "the article gives no per-year figure for Schools; worth a look: mini-schools"
    )


def test_how_many_counts_what_it_names(kb: KnowledgeBase) -> None:
    # The visits record is about partner teachers, but it counts visits, not teachers.
    assert refusal(kb, "how many teachers visit each year") == (
        "the article gives no per-year figure for Teachers; worth a look: mini-teachers"
    )
    assert answered(kb, "how many partner visits each year")[0] == "mini-partner-visits"
    assert refusal(kb, "how many teachers are there each year") == (
        "the article gives no per-year figure for Teachers; worth a look: mini-teachers"
    )
    assert refusal(kb, "how many principals does Lion City School train") == (
        'the article gives no count of "principals" for "Lion City"'
    )
    assert refusal(kb, "how many robot club pupils are there each year") == (
        "the article gives no per-year figure for Robot club members; "
        "worth a look: mini-club-members"
    )


def test_highest_and_lowest_compare_figures_of_one_unit(kb: KnowledgeBase) -> None:
    assert answered(kb, "which enrollment rate is highest?") == (
        "mini-preschool-rate",
        "88.5% preschool enrollment rate (Schools \u00b62)",
        ["mini-adult-enrollment-rate"],
    )
    assert answered(kb, "what is the lowest enrollment rate")[:2] == (
        "mini-adult-enrollment-rate",
        "12.5% adult enrollment rate (Schools \u00b63)",
    )


def test_highest_of_figures_in_different_units_is_refused(kb: KnowledgeBase) -> None:
    assert refusal(kb, "which robot club figure is largest") == (
        'the article\'s figures on "robot club" count different things (clubs, pupils); '
        "ask about one of them"
    )


# ---------------------------------------------------------------- other shapes


def test_when_gives_the_date_as_printed(kb: KnowledgeBase) -> None:
    assert answered(kb, "When was the open day?") == (
        "mini-open-day",
        "January 2 (open day; Intro \u00b62)",
        [],
    )


def test_who_gives_the_person(kb: KnowledgeBase) -> None:
    assert answered(kb, "who is the head of the schools office")[:2] == (
        "mini-head",
        "Ada Stone: Head of the town's schools office, who opened the open day. (Intro \u00b62)",
    )


def test_which_countries_names_every_partner_country(kb: KnowledgeBase) -> None:
    answer = kb.ask("which countries does it work with?")
    assert answer.text == "United Kingdom, Singapore (Intro \u00b61, \u00b62)"
    assert [f.id for f in answer.named] == ["mini-oxbridge", "mini-lion-school"]
    assert [f.id for f in answer.related] == ["mini-lion-school"]


def test_which_college_gives_the_partner_and_its_country(kb: KnowledgeBase) -> None:
    assert answered(kb, "which college helps run the robot club")[:2] == (
        "mini-oxbridge",
        "Oxbridge College (United Kingdom; Intro \u00b61)",
    )


def test_where_gives_the_place(kb: KnowledgeBase) -> None:
    assert answered(kb, "where are the principals trained")[:2] == (
        "mini-lion-school",
        "Singapore (Lion City School; Intro \u00b62)",
    )


def test_what_is_gives_the_summary(kb: KnowledgeBase) -> None:
    assert answered(kb, "what is the robot club?")[:2] == (
        "mini-robot-club",
        "Robot club: After-school club building robots with a partner abroad. (Intro \u00b61)",
    )


def test_a_record_without_the_asked_for_detail_is_refused(kb: KnowledgeBase) -> None:
    assert refusal(kb, "when was the robot club") == (
        "the article gives no date for Robot club; "
        "worth a look: mini-robot-club, mini-club-members, mini-oxbridge"
    )
    assert refusal(kb, "how many schools open each year") == (
        "the article gives no per-year figure for Schools; worth a look: mini-schools"
    )


# ---------------------------------------------------------------- refusals


def test_a_known_level_without_the_figure_is_refused(kb: KnowledgeBase) -> None:
    assert refusal(kb, "what is the elementary enrollment rate") == (
        "the article gives no enrollment figure for primary; "
        "worth a look: mini-preschool-rate, mini-adult-enrollment-rate"
    )


def test_a_place_other_than_the_covered_one_is_refused(kb: KnowledgeBase) -> None:
    assert refusal(kb, "how many teachers does Shanghai have") == (
        'the article does not mention "Shanghai" (it covers Mini)'
    )
    assert refusal(kb, "how many schools are there in Hong Kong?") == (
        'the article does not mention "Hong Kong" (it covers Mini)'
    )


def test_a_partner_country_is_not_the_covered_place(kb: KnowledgeBase) -> None:
    assert refusal(kb, "how many teachers does Britain have") == (
        "the article gives no teachers figure for Britain; "
        "worth a look: mini-teachers, mini-partner-visits, mini-oxbridge"
    )


def test_a_word_the_records_never_use_is_named(kb: KnowledgeBase) -> None:
    assert refusal(kb, "how many hospitals are there") == (
        'the article does not mention "hospitals"'
    )
    assert refusal(kb, "what is the GDP or the budget") == (
        'the article does not mention "GDP" or "budget"'
    )


def test_a_question_of_filler_words_names_nothing(kb: KnowledgeBase) -> None:
    assert refusal(kb, "what is it?") == (
        '"what is it?" names nothing to look up; ask about a figure, date, person or '
        'partner, such as: cqedu ask "how many teachers?"'
    )


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("", 'empty question; ask one, such as: cqedu ask "how many teachers?"'),
        ("  \t ", 'empty question; ask one, such as: cqedu ask "how many teachers?"'),
        (
            "?! ...",
            'question has no letters or digits; ask one, such as: cqedu ask "how many teachers?"',
        ),
        ("x" * 501, "question is too long (501 characters); use at most 500"),
    ],
)
def test_empty_wordless_and_long_questions_are_usage_errors(
    kb: KnowledgeBase, question: str, message: str
) -> None:
    with pytest.raises(QueryError) as caught:
        kb.ask(question)
    assert (str(caught.value), caught.value.exit_code) == (message, 2)


def test_the_answer_keeps_the_question_as_asked(kb: KnowledgeBase) -> None:
    answer = kb.ask("  how many schools?  ")
    assert isinstance(answer, Answer)
    assert (answer.question, answer.kind) == ("how many schools?", FIGURE)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("enrollment", "enrol"),
        ("enrolled", "enrol"),
        ("enrolment", "enrol"),
        ("universities", "universiti"),
        ("trained", "train"),
        ("training", "train"),
        ("taught", "taught"),  # irregular forms are synonyms in [[terms]], not stems
        ("rate", "rate"),
        ("go", "go"),
    ],
)
def test_stem_is_snowballs_english_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


# ---------------------------------------------------------------- wording


def test_the_answer_line_of_a_figure_matches_the_issue(real_kb: KnowledgeBase) -> None:
    teachers = real_kb.get("teachers")
    assert figure_answer(teachers) == (
        "over 500,000 teachers (as of 2025; Building a Strong Education System \u00b61)"
    )
    assert figure_answer(teachers, ascii_only=True) == (
        "over 500,000 teachers (as of 2025; Building a Strong Education System para 1)"
    )


def test_a_figure_names_its_level_when_the_name_does_not(real_kb: KnowledgeBase) -> None:
    assert answer_line(FIGURE, [real_kb.get("skilled-graduates")]) == (
        "1.85 million graduates (skilled graduates supplied to society; higher education; "
        "2021-2025; Integrating Education with Industry and Innovation \u00b61)"
    )


def test_provenance_groups_paragraphs_by_section(real_kb: KnowledgeBase) -> None:
    facts = [real_kb.get(i) for i in ("spain", "teachers", "nanyang-technological-university")]
    assert provenance(facts, ascii_only=True) == (
        "Deepening Global Cooperation and Mutual Learning para 3, para 5; "
        "Building a Strong Education System para 1"
    )


# ---------------------------------------------------------------- the labelled questions

MIN_RIGHT = 0.95
#: The tuning set, which the question logic was tuned on.
QUESTIONS = Path(__file__).parent / "data" / "questions.toml"
#: The kept-apart set, never tuned on: written from the article alone, and run as it is.
HELD_APART = Path(__file__).parent / "data" / "questions_heldapart.toml"
#: A second kept-apart set, written the same way before the third round of ask work.
HELD_APART_2 = Path(__file__).parent / "data" / "questions_heldapart2.toml"
#: A third, written before the fourth round of `ask` changes by a writer who never saw the
#: code; only its one answered unanswerable question was read (see README).
HELD_APART_3 = Path(__file__).parent / "data" / "questions_heldapart3.toml"
#: A fourth, written the same way before the sixth round of `ask` changes; only its one
#: answered unanswerable question was read (see README).
HELD_APART_4 = Path(__file__).parent / "data" / "questions_heldapart4.toml"
#: A fifth, written the same way before the eleventh round of `ask` changes; only its three
#: answered unanswerable questions were read (see README).
HELD_APART_5 = Path(__file__).parent / "data" / "questions_heldapart5.toml"
#: A sixth, written the same way before the thirteenth round of `ask` changes; only its one
#: answered unanswerable question was read (see README).
HELD_APART_6 = Path(__file__).parent / "data" / "questions_heldapart6.toml"
#: A seventh: half of 200 questions by ten new personas (voice transcripts, search-box
#: strings, British spelling, ...), split at random from fresh set I before this round's
#: changes; none of its questions was read.
HELD_APART_7 = Path(__file__).parent / "data" / "questions_heldapart7.toml"
#: An eighth: half of 200 questions by ten more personas (formal research, phone slang,
#: Indian English, a translator, numbers said aloud, negations, other cities, time,
#: fact-checks, capitals), split at random from fresh set J before this round's question
#: changes landed; none of its questions was read.
HELD_APART_8 = Path(__file__).parent / "data" / "questions_heldapart8.toml"
#: A ninth: half of 200 questions by ten more personas (a principal's jargon, a parent abroad,
#: keyword strings, long polite asides, Spanish false friends, quiz frames, a reporter's
#: tempting near misses, autocorrect, why/how questions, business words), split at random
#: from fresh set K before this round's question changes; only its one answered
#: unanswerable question was read.
HELD_APART_9 = Path(__file__).parent / "data" / "questions_heldapart9.toml"
#: Four more tuning sets, written from the article alone by four writers who never saw the
#: code (short queries, non-native grammar, fact-checks, keyword strings), each with the
#: right answers the question logic reached on it: a floor, so that no change loses ground.
FRESH = {
    "fresh_a": (Path(__file__).parent / "data" / "questions_fresh_a.toml", 109),
    "fresh_b": (Path(__file__).parent / "data" / "questions_fresh_b.toml", 108),
    "fresh_c": (Path(__file__).parent / "data" / "questions_fresh_c.toml", 96),
    "fresh_d": (Path(__file__).parent / "data" / "questions_fresh_d.toml", 98),
    # two more writers (heavy paraphrase; phone typing and second-language English)
    "fresh_e": (Path(__file__).parent / "data" / "questions_fresh_e.toml", 87),
    "fresh_f": (Path(__file__).parent / "data" / "questions_fresh_f.toml", 98),
    # mixed personas: typos, totals and comparisons, years said aloud, reported speech
    "fresh_g": (Path(__file__).parent / "data" / "questions_fresh_g.toml", 104),
    # five personas: parent, second-language speaker, data journalist, student, skeptic
    "fresh_h": (Path(__file__).parent / "data" / "questions_fresh_h.toml", 135),
    # ten personas (voice transcripts, search-box strings, British spelling, paraphrase,
    # second-language English, fact-checks, comparisons, phone typing, study plans, quizzes)
    "fresh_i": (Path(__file__).parent / "data" / "questions_fresh_i.toml", 90),
    # ten more personas (formal research, phone slang, Indian English, a translator, numbers
    # said aloud, negations, other cities, time, fact-checks, capitals)
    "fresh_j": (Path(__file__).parent / "data" / "questions_fresh_j.toml", 86),
    # ten more personas (a principal's jargon, a parent abroad, keyword strings, long polite
    # asides, Spanish false friends, quiz frames, a reporter's near misses, autocorrect,
    # why/how questions, business words)
    "fresh_k": (Path(__file__).parent / "data" / "questions_fresh_k.toml", 88),
}


def labelled(path: Path) -> list[dict[str, object]]:
    """The labelled questions of a set: its one array of tables, whatever its key."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    arrays = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
    assert len(arrays) == 1, f"{path.name} should hold one array of questions"
    return list(arrays[0])


def outcome(kb: KnowledgeBase, item: dict[str, object]) -> tuple[bool, bool]:
    """(answered right, an unanswerable question was answered) for one labelled question.

    `expect`: the answer's record; `named`: the records a list names, in order; `refuse`:
    the article cannot answer, and the refusal holds that text (`true`: any refusal).
    """
    question = str(item["question"])
    try:
        answer = kb.ask(question)
    except NoMatchError as error:
        refuse = item.get("refuse")
        right = refuse is True or (isinstance(refuse, str) and refuse in str(error))
        return right, False
    if "refuse" in item:
        return False, True
    if "named" in item:
        return [f.id for f in answer.named] == item["named"], False
    return answer.record.id == item["expect"], False


def score(kb: KnowledgeBase, path: Path) -> tuple[int, int, list[str], list[str]]:
    """(right, total, questions answered wrongly, unanswerable questions answered)."""
    items = labelled(path)
    outcomes = {str(item["question"]): outcome(kb, item) for item in items}
    wrong = [q for q, (right, _) in outcomes.items() if not right]
    answered = [q for q, (_, unanswerable) in outcomes.items() if unanswerable]
    return len(items) - len(wrong), len(items), wrong, answered


def test_the_tuning_questions_are_answered_right(real_kb: KnowledgeBase) -> None:
    items = labelled(QUESTIONS)
    assert len(items) >= 80
    assert sum("refuse" in item for item in items) >= 20
    right, total, wrong, _ = score(real_kb, QUESTIONS)
    assert right >= MIN_RIGHT * total, wrong


@pytest.mark.parametrize("name", sorted(FRESH))
def test_the_fresh_tuning_questions_keep_their_floor(real_kb: KnowledgeBase, name: str) -> None:
    path, floor = FRESH[name]
    right, _, wrong, _ = score(real_kb, path)
    assert right >= floor, wrong


#: Near misses of change, ending and denial, and details a record lacks (ask8), all refused.
NEAR_MISSES = Path(__file__).parent / "data" / "questions_near_misses.toml"


@pytest.mark.parametrize(
    "path",
    [
        QUESTIONS,
        HELD_APART,
        HELD_APART_2,
        HELD_APART_3,
        HELD_APART_4,
        HELD_APART_5,
        HELD_APART_6,
        HELD_APART_7,
        HELD_APART_8,
        HELD_APART_9,
        NEAR_MISSES,
        *(path for path, _ in FRESH.values()),
    ],
    ids=[
        "tuning",
        "heldapart",
        "heldapart2",
        "heldapart3",
        "heldapart4",
        "heldapart5",
        "heldapart6",
        "heldapart7",
        "heldapart8",
        "heldapart9",
        "near_misses",
        *FRESH,
    ],
)
def test_no_unanswerable_question_is_answered(real_kb: KnowledgeBase, path: Path) -> None:
    assert sum("refuse" in item for item in labelled(path)) >= 20
    *_, answered = score(real_kb, path)
    assert answered == []


# ---------------------------------------------------------------- any text

QUESTION_WORDS = (
    "how many what which who when where highest each year rate teachers schools shanghai"
    " kindergarden primary robot club partners countries [bold] :smile: %s ?"
).split()
QUESTION_TEXT = st.lists(
    st.one_of(st.sampled_from(QUESTION_WORDS), st.text(max_size=8)), max_size=10
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(QUESTION_TEXT)
def test_any_question_is_answered_refused_or_a_usage_error(question: str) -> None:
    document = parse_facts(MINI_FACTS.read_bytes() + EXTRA_RECORDS, "mini+ask.toml")
    knowledge = from_document(document)
    try:
        answer = knowledge.ask(question)
    except QueryError as error:
        assert error.exit_code == 2
    except NoMatchError as error:
        assert error.exit_code == 1
        assert "\n" not in str(error)
    else:
        assert answer.text.endswith(")")
        assert "\n" not in answer.text
        assert answer.record == answer.named[0]
        assert len(answer.related) <= max(3, len(answer.named) - 1)
    finally:
        knowledge.close()


def test_the_covered_place_is_the_first_name_in_the_title() -> None:
    text = MINI_FACTS.read_bytes().replace(
        b'title = "Mini test source"', b'title = "The Avalon report"'
    )
    knowledge = from_document(parse_facts(text, "avalon.toml"))
    assert refusal(knowledge, "how many teachers does Shanghai have") == (
        'the article does not mention "Shanghai" (it covers Avalon)'
    )


def test_a_proper_name_keeps_its_capitals_in_the_answer(real_kb: KnowledgeBase) -> None:
    assert real_kb.ask("when was the world culture fair").text == (
        "December 6, 2024 (World Culture Fair; Opening \u00b62)"
    )
    assert real_kb.ask("when was the press conference").text == (
        "October 20 (press conference on education progress; Opening \u00b61)"
    )


@pytest.mark.parametrize(
    "question",
    [
        "how many teachrs",
        "what is the kindergarten enrollment rate",
        "how many pupils joined the robot club",
        "which college helps run the robot club",
        "When was the open day?",
        "how many teachers does Shanghai have",
        "what is the elementary enrollment rate",
    ],
)
def test_candidates_come_from_the_search_index_not_a_scan_of_every_record(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    def outcome() -> str:
        try:
            return kb.ask(question).text
        except NoMatchError as error:
            return f"refused: {error}"

    expected = outcome()

    def no_scan() -> list[object]:
        raise AssertionError("ask read every record")

    monkeypatch.setattr(kb, "facts", no_scan)
    assert outcome() == expected


# ---------------------------------------------------------------- issue 14's kinds of failure

CHENGDU = Path(__file__).parent / "data" / "chengdu_facts.toml"


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "which universities are in the Double First-Class Initiative",
            "the article counts two universities in the Double First-Class Initiative "
            "but does not name them",
        ),
        (
            "what is the national average preschool enrollment rate",
            'the article gives 93.5% preschool enrollment rate, but no figure for "national '
            'average"',
        ),
        (
            "how many Sino-foreign programs are there in clinical medicine",
            "the article counts 78 institutions and programs (sino-foreign cooperative "
            "institutions and programs) across clinical medicine, robotics and computer "
            'science, but gives no figure for "clinical medicine" alone',
        ),
        (
            "how much is the tuition for preschool",
            'the article gives no count of "tuition"; worth a look: free-preschool-year, '
            "free-preschool-children",
        ),
        (
            "where is Southwest University of Political Science and Law",
            "the article names Southwest University of Political Science and Law but does not "
            "say where it is",
        ),
        (
            "how many schools are in Dadukou District",
            'the article gives no count of "schools" for "Dadukou District"',
        ),
        ("how many retired teachers are there", 'the article does not mention "retired"'),
    ],
)
def test_a_different_quantity_or_a_missing_type_is_refused_saying_what_is_given(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refusal(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "record", "line"),
    [
        (
            "which Go champion taught children",
            "li-xuanhao",
            "Li Xuanhao: Go world champion who gave children a lesson at a Dadukou District "
            "primary school. (Building a Strong Education System \u00b63)",
        ),
        (
            "how many kids get free kindergarten",
            "free-preschool-children",
            "more than 200,000 children (children benefiting from free preschool; from 2025; "
            "Building a Strong Education System \u00b64)",
        ),
        (
            "how long is free preschool",
            "free-preschool-year",
            "one year (one year of free preschool; from 2025; Building a Strong Education "
            "System \u00b64)",
        ),
        (
            "where is the Changan Digital Intelligence Factory",
            "changan-factory-photo",
            "Yubei District (Changan Digital Intelligence Factory; Integrating Education with "
            "Industry and Innovation \u00b63)",
        ),
        (
            "when did the 14th Five-Year Plan start",
            "fourteenth-five-year-plan",
            "2021-2025 (14th Five-Year Plan (education); Opening \u00b63)",
        ),
        (
            "which country is the Center of Chinese and Greek Ancient Civilizations linked to",
            "chinese-greek-civilizations-center",
            "Greece (Deepening Global Cooperation and Mutual Learning \u00b65)",
        ),
        (
            "how many students study in chongqing",
            "students",
            "6.4 million students (as of 2025; Building a Strong Education System \u00b61)",
        ),
    ],
)
def test_ordinary_english_and_synonyms_find_the_answer_of_the_asked_type(
    real_kb: KnowledgeBase, question: str, record: str, line: str
) -> None:
    answer = real_kb.ask(question)
    assert (answer.record.id, answer.text) == (record, line)


def test_a_verb_the_records_never_use_does_not_veto(kb: KnowledgeBase) -> None:
    assert answered(kb, "how many robot clubs has the town launched")[0] == "mini-robot-club"


def test_declared_synonyms_stand_for_their_term() -> None:
    terms = b'\n[[terms]]\nterm = "teachers"\nsynonyms = ["educators"]\n'
    knowledge = from_document(parse_facts(MINI_FACTS.read_bytes() + terms, "mini+terms.toml"))
    try:
        assert knowledge.ask("how many educators are there").record.id == "mini-teachers"
    finally:
        knowledge.close()
    assert (
        refusal(
            from_document(parse_facts(MINI_FACTS.read_bytes(), "m.toml")),
            ("how many educators are there"),
        )
        == 'the article does not mention "educators"'
    )


def test_a_list_question_names_every_record_that_fits(real_kb: KnowledgeBase) -> None:
    answer = real_kb.ask("what are the enrollment rates")
    assert [f.id for f in answer.named] == [
        "preschool-enrollment-rate",
        "high-school-enrollment-rate",
        "higher-education-enrollment-rate",
        "disability-enrollment-rate",
    ]


@pytest.fixture
def two_sources() -> Iterator[KnowledgeBase]:
    """The bundled facts and a small second source about Chengdu."""
    knowledge = cqedu.load([REAL_FACTS, CHENGDU], cache=False)
    yield knowledge
    knowledge.close()


LAKESIDE = Path(__file__).parent / "data" / "lakeside_facts.toml"


@pytest.fixture(scope="module")
def with_lakeside() -> Iterator[KnowledgeBase]:
    """The bundled facts and a made-up town whose schools have a total and a count of new
    vocational ones, and whose students only a vocational count."""
    knowledge = cqedu.load([REAL_FACTS, LAKESIDE], cache=False)
    yield knowledge
    knowledge.close()


@pytest.mark.parametrize(
    ("question", "text"),
    [
        # each source's best figure, not the last of its figures in the ranking
        (
            "how many schools",
            "Chongqing: 9,177 schools (as of 2025; Building a Strong Education System \u00b61); "
            "Lakeside: 900 schools (as of 2025; Schools \u00b62)",
        ),
        (
            "number of schools",
            "Chongqing: 9,177 schools (as of 2025; Building a Strong Education System \u00b61); "
            "Lakeside: 900 schools (as of 2025; Schools \u00b62)",
        ),
        # a level's count is no source's overall figure: Lakeside gives none
        (
            "how many students are there",
            "Chongqing: 6.4 million students (as of 2025; Building a Strong Education System "
            "\u00b61)",
        ),
        # named, the level's figure answers
        (
            "how many vocational students are there",
            "Lakeside: nearly 12,000 students (vocational students; as of 2025; Schools \u00b61)",
        ),
    ],
)
def test_with_several_sources_each_gives_its_own_best_figure(
    with_lakeside: KnowledgeBase, question: str, text: str
) -> None:
    assert with_lakeside.ask(question).text == text


@pytest.mark.parametrize(
    "question",
    [
        "how many teachers will lakeside hire by 2027",
        "how many new teachers will be hired",
        "how many teachers does lakeside plan to hire",
    ],
)
def test_a_target_after_the_source_date_answers_a_question_about_the_future(
    with_lakeside: KnowledgeBase, question: str
) -> None:
    assert with_lakeside.ask(question).text == (
        "Lakeside: up to 300 teachers (new teachers to be hired; system wide; by 2027; "
        "Schools \u00b63)"
    )


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "how many teachers will chongqing hire",
            "the source on Chongqing gives over 500,000 teachers as of 2025, no plan or forecast",
        ),
        (
            "how many schools will lakeside build",
            "the source on Lakeside gives 900 schools as of 2025, no plan or forecast",
        ),
    ],
)
def test_a_count_of_today_answers_no_question_about_the_future(
    with_lakeside: KnowledgeBase, question: str, message: str
) -> None:
    assert refusal(with_lakeside, question) == message


@pytest.mark.parametrize(
    "question", ["how much did lakeside spend", "how much did lakeside spend on buildings"]
)
def test_how_much_was_spent_is_answered_by_a_sum_of_money_named_so(
    with_lakeside: KnowledgeBase, question: str
) -> None:
    assert with_lakeside.ask(question).text == (
        "Lakeside: 40 million yuan (spending on school buildings; 2021-2025; Schools \u00b63)"
    )


def test_how_much_a_source_without_sums_of_money_spent_is_refused(
    with_lakeside: KnowledgeBase,
) -> None:
    assert refusal(with_lakeside, "how much did chongqing spend") == (
        'the source on Chongqing does not answer "how much did chongqing spend"'
    )


def test_with_two_sources_several_counts_each_name_their_source(
    two_sources: KnowledgeBase,
) -> None:
    answer = two_sources.ask("how many schools and teachers are there")
    assert (answer.text, answer.sources) == (
        "Chongqing: 9,177 schools (as of 2025; Building a Strong Education System \u00b61); "
        "Chongqing: over 500,000 teachers (as of 2025; Building a Strong Education System "
        "\u00b61); Chengdu: about 300,000 teachers (as of 2024; Schools \u00b61)",
        ("Chongqing", "Chongqing", "Chengdu"),
    )


def test_with_two_sources_an_answer_names_its_source(two_sources: KnowledgeBase) -> None:
    answer = two_sources.ask("how many schools are there")
    assert (answer.text, answer.sources) == (
        "Chongqing: 9,177 schools (as of 2025; Building a Strong Education System \u00b61)",
        ("Chongqing",),
    )
    assert two_sources.ask("how many teachers does Chengdu have").text == (
        "Chengdu: about 300,000 teachers (as of 2024; Schools \u00b61)"
    )


def test_with_two_sources_each_ones_figure_is_given(two_sources: KnowledgeBase) -> None:
    answer = two_sources.ask("how many teachers")
    assert [f.id for f in answer.named] == ["teachers", "cd-teachers"]
    assert answer.text == (
        "Chongqing: over 500,000 teachers (as of 2025; Building a Strong Education System "
        "\u00b61); Chengdu: about 300,000 teachers (as of 2024; Schools \u00b61)"
    )


def test_a_refusal_never_names_a_covered_place_as_missing(two_sources: KnowledgeBase) -> None:
    assert refusal(two_sources, "how many schools does Chengdu have") == (
        'the source on Chengdu gives no count of "schools"; worth a look: cd-teachers'
    )
    assert refusal(two_sources, "how many teachers are in Shanghai") == (
        'the sources do not mention "Shanghai" (they cover Chongqing and Chengdu)'
    )


@pytest.mark.parametrize(
    "question",
    ["student population", "school population", "champion population", "go champion population"],
)
def test_a_noun_phrase_is_not_cut_to_the_part_a_record_covers(
    real_kb: KnowledgeBase, question: str
) -> None:
    # "population" stands in one summary in passing; a record covering only "student" (a
    # student hero) or "champion" names something else, so nothing answers the phrase.
    with pytest.raises(NoMatchError, match=r"^the article does not answer \""):
        real_kb.ask(question)


@pytest.mark.parametrize(
    "question",
    [
        "how many schools in china",
        "how many teachers are there in China",
        "what is the preschool enrollment rate in China",
    ],
)
def test_a_place_after_a_preposition_restricts_however_common_the_word(
    real_kb: KnowledgeBase, question: str
) -> None:
    # "China" stands in many records' names (China-UK, Western China), so it is common in
    # the records; after "in" it still asks for another place than the article covers.
    with pytest.raises(NoMatchError, match=r"(?i)china"):
        real_kb.ask(question)


def test_the_sources_own_place_after_a_preposition_is_no_restriction(
    real_kb: KnowledgeBase,
) -> None:
    assert real_kb.ask("how many teachers are there in Chongqing").record.id == "teachers"
    assert real_kb.ask("how many teachers in chongqing schools").record.id == "teachers"
    # a common noun after a preposition ("the city", "school") names no other place
    assert real_kb.ask("How many schools are there in the city?").record.id == "schools"
    assert real_kb.ask("what share of disabled children are in school").record.id == (
        "disability-enrollment-rate"
    )


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            # "robots" is no word of the records ("robotics" is a noun of its own)
            "how many computers in chengdu",
            'the source on Chengdu does not answer "how many computers in chengdu"',
        ),
        (
            "what is the tuition in chengdu",
            'the source on Chengdu does not answer "what is the tuition in chengdu"',
        ),
    ],
)
def test_with_two_sources_a_refusal_names_the_place_once(
    two_sources: KnowledgeBase, question: str, message: str
) -> None:
    with pytest.raises(NoMatchError) as refused:
        two_sources.ask(question)
    assert str(refused.value) == message
