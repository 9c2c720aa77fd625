"""An answer of the type asked, from the record the question is about (ask/choice.py,
ask/reading.py): a question word that ends the question, a place the question names
already, a person's record asked what the person said."""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "kind", "record"),
    [
        ("go champ lesson for kids where was it", "place", "go-lesson"),
        ("world culture fair when was it", "date", "world-culture-fair"),
        ("the go lesson in dadukou, who was it", "who", "li-xuanhao"),
        # controls: the question word leads
        ("where was the go lesson", "place", "go-lesson"),
        ("when was the world culture fair", "date", "world-culture-fair"),
    ],
)
def test_a_question_word_ending_the_question_asks_of_the_words_before_it(
    real_kb: KnowledgeBase, question: str, kind: str, record: str
) -> None:
    found = real_kb.ask(question)
    assert (found.kind, found.record.id) == (kind, record)


def test_a_place_the_question_names_already_is_no_answer_to_where(real_kb: KnowledgeBase) -> None:
    assert refused(real_kb, "where is the study in chongqing initiative promoted") == (
        "the article names Globally promoted education brands but does not say where it is"
    )


def test_a_place_the_question_does_not_name_still_answers(real_kb: KnowledgeBase) -> None:
    assert real_kb.ask("where is nanyang technological university").text == (
        "Singapore (Nanyang Technological University; Deepening Global Cooperation and "
        "Mutual Learning \u00b65)"
    )


_LIU = (
    "the article mentions Liu Yanbing (Director of the Chongqing Municipal Education "
    "Commission, who presented the results and the aims ahead) but does not say what Liu "
    "Yanbing {}"
)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("what did liu yanbing emphasize", 'did "emphasize"'),
        ("what did liu yanbing say", 'did "say"'),
        ("what does liu yanbing promise", 'does "promise"'),
    ],
)
def test_what_a_person_said_is_refused_when_the_record_says_only_who_they_are(
    real_kb: KnowledgeBase, question: str, said: str
) -> None:
    assert refused(real_kb, question) == _LIU.format(said)


def test_what_a_body_said_is_refused_when_its_record_says_only_what_it_is(
    real_kb: KnowledgeBase,
) -> None:
    assert refused(real_kb, "what did the education commission emphasize") == (
        "the article mentions Chongqing Municipal Education Commission (The city government "
        "body responsible for education, led by Liu Yanbing) but does not say what Chongqing "
        'Municipal Education Commission did "emphasize"'
    )


@pytest.mark.parametrize(
    "question",
    [
        # the record states the verb, or a word it stands for ("lead": "leads", director)
        "what did liu yanbing present",
        "what does liu yanbing lead",
        "who is liu yanbing",
    ],
)
def test_what_a_person_did_still_answers_when_the_record_states_it(
    real_kb: KnowledgeBase, question: str
) -> None:
    assert real_kb.ask(question).record.id == "liu-yanbing"


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # a claim of the thing: the programme's own record, not a count it helps
        ("kindergarten free in cq?", "free-preschool-year"),
        ("is kindergarten free in chongqing", "free-preschool-year"),
        ("free kindergarten in chongqing", "free-preschool-year"),
        # controls: the count asked, or what the stat counts named
        ("how many kids get free kindergarten", "free-preschool-children"),
        ("kindergarten free how many children", "free-preschool-children"),
        ("are principals trained in singapore", "principals-trained-at-ntu"),
    ],
)
def test_a_claim_of_a_programme_is_answered_by_its_own_record(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


_FIELDS = (
    "Sino-foreign cooperative institutions and programs: Joint institutions and programs run "
    "with foreign partners, in fields such as clinical medicine, robotics and computer "
    "science. (Deepening Global Cooperation and Mutual Learning \u00b62)"
)


@pytest.mark.parametrize(
    "question",
    [
        "list the sino-foreign program fields",
        "In what fields does Chongqing offer Sino-foreign cooperative programs?",
        "which fields do sino-foreign programs cover",
    ],
)
def test_fields_asked_are_answered_by_the_record_that_names_them_not_its_count(
    real_kb: KnowledgeBase, question: str
) -> None:
    found = real_kb.ask(question)
    assert (found.kind, found.text) == ("name", _FIELDS)


def test_a_count_in_a_field_is_still_refused(real_kb: KnowledgeBase) -> None:
    assert refused(
        real_kb, "How many of the 78 Sino-foreign cooperative programs are in clinical medicine?"
    )


def test_a_figure_asked_by_the_name_of_the_record_it_is_tied_to_answers(
    real_kb: KnowledgeBase,
) -> None:
    # the enrollment's own record names the programmes by "related"; their name's words
    # ("institutions") say whose figure it is, not a narrower count
    found = real_kb.ask(
        "How many students enroll each year in Chongqing's Sino-foreign cooperative "
        "institutions and programs?"
    )
    assert found.record.id == "sino-foreign-annual-enrollment"


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "how many international students study medicine",
            "the article gives over 10,000 students (international students attracted), but "
            'no figure for "medicine"; worth a look: sino-foreign-cooperative-programs, '
            "leicester-joint-college, university-of-leicester",
        ),
    ],
)
def test_a_word_no_tied_record_names_still_narrows_the_figure(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    "question",
    [
        # a programme run with a partner abroad is not where the partner is
        "where is the joint college with leicester",
        "where are the sino-foreign programs",
    ],
)
def test_a_programme_s_partner_country_is_no_answer_to_where_it_is(
    real_kb: KnowledgeBase, question: str
) -> None:
    found = real_kb.get(
        "leicester-joint-college"
        if "leicester" in question
        else "sino-foreign-cooperative-programs"
    )
    assert refused(real_kb, question) == (
        f"the article names {found.name} but does not say where it is"
    )


@pytest.mark.parametrize(
    ("question", "text"),
    [
        # a programme whose description says where it is, a partner's own country
        (
            "where is the principal training program",
            "Singapore (Principal training at Nanyang Technological University; Deepening "
            "Global Cooperation and Mutual Learning \u00b65)",
        ),
        (
            "where is the university of leicester",
            "United Kingdom (University of Leicester; Deepening Global Cooperation and Mutual "
            "Learning \u00b62)",
        ),
    ],
)
def test_a_place_a_record_gives_still_answers_where(
    real_kb: KnowledgeBase, question: str, text: str
) -> None:
    assert real_kb.ask(question).text == text
