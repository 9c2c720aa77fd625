"""The noun a question asks for must name what its record is (`cqedu.ask.heads`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import cqedu
from cqedu.ask import heads
from cqedu.ask.checks import _Question
from cqedu.ask.language import Lexicon
from cqedu.ask.question import made
from cqedu.ask.reading import read
from cqedu.knowledge import KnowledgeBase
from cqedu.query.wording import SUMMARY
from tests.conftest import refused

RIVERTON = Path(__file__).parent / "data" / "riverton_facts.toml"

_SWUPL = "Southwest University of Political Science and Law is a university"
_SWUPL_LOOK = "worth a look: southwest-university-of-political-science-and-law, world-culture-fair"
_CENTRE = "Center of Chinese and Greek Ancient Civilizations is a center"
_CENTRE_LOOK = "worth a look: chinese-greek-civilizations-center"
_INSTITUTE = "Riverton Institute of Music and Dance is an institute"
_INSTITUTE_LOOK = "worth a look: riverton-conservatory, lantern-festival"
_ALPINE = "Center for Alpine Ecology and Music is a center"


@pytest.fixture(scope="module")
def riverton() -> Iterator[KnowledgeBase]:
    knowledge = cqedu.load(RIVERTON, cache=False)
    yield knowledge
    knowledge.close()


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "what is the law on education",
            f'the article does not describe "law on education": {_SWUPL}, not a law; {_SWUPL_LOOK}',
        ),
        (
            "What's the law on education?",
            f'the article does not describe "law on education": {_SWUPL}, not a law; {_SWUPL_LOOK}',
        ),
        (
            "which is the law on education",
            f'the article does not describe "law on education": {_SWUPL}, not a law; {_SWUPL_LOOK}',
        ),
        (
            "give me the law on education",
            f'the article does not describe "law on education": {_SWUPL}, not a law; {_SWUPL_LOOK}',
        ),
        (
            "what are the laws on education",
            f'the article does not describe "laws on education": {_SWUPL}, not laws; {_SWUPL_LOOK}',
        ),
        (
            "what is chongqing's law on education",
            f'the article does not describe "chongqing\'s law on education": {_SWUPL}, not a '
            f"law; {_SWUPL_LOOK}",
        ),
        (
            "what is the university's law",
            f'the article does not describe "university\'s law": {_SWUPL}, not a law; '
            f"{_SWUPL_LOOK}",
        ),
        (
            "what is the law for universities",
            f'the article does not describe "law for universities": {_SWUPL}, not a law; '
            f"{_SWUPL_LOOK}",
        ),
        (
            "what is the science of the university",
            f'the article does not describe "science of the university": {_SWUPL}, not a '
            f"science; {_SWUPL_LOOK}",
        ),
        (
            "what is the culture of the school",
            f'the article does not describe "culture of the school": {_CENTRE}, not a culture; '
            f"{_CENTRE_LOOK}",
        ),
        (
            "describe the culture of the school",
            f'the article does not describe "culture of the school": {_CENTRE}, not a culture; '
            f"{_CENTRE_LOOK}",
        ),
        (
            "what is the centre's culture",
            f'the article does not describe "centre\'s culture": {_CENTRE}, not a culture; '
            f"{_CENTRE_LOOK}",
        ),
        # the head of "civilization level" is "level": the centre holds only "civilization"
        (
            "what is the civilization level of chongqing",
            f'the article does not describe "civilization level of chongqing": {_CENTRE}, not '
            f"a level; {_CENTRE_LOOK}",
        ),
        (
            "what is the dialogue with greece",
            f'the article does not describe "dialogue with greece": {_CENTRE}, not a dialogue; '
            f"{_CENTRE_LOOK}",
        ),
        (
            "what is the medicine of leicester",
            'the article does not describe "medicine of leicester": University of Leicester is '
            "a university, not a medicine; worth a look: university-of-leicester, "
            "leicester-joint-college",
        ),
        # a plural name is a plural kind
        (
            "what is the science of chongqing",
            'the article does not describe "science of chongqing": Sino-foreign cooperative '
            "institutions and programs are programs, not a science; worth a look: "
            "sino-foreign-cooperative-programs, sino-foreign-annual-enrollment, "
            "leicester-joint-college",
        ),
        # a record's keyword of one word is a topic, not a name ("tuition waiver" is one)
        (
            "what is the tuition of preschool",
            'the article does not describe "tuition of preschool": One year of free preschool '
            "is a year, not a tuition; worth a look: free-preschool-year, free-preschool-children",
        ),
    ],
)
def test_a_noun_naming_another_kind_of_thing_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            "what is the dance on the river",
            f'the article does not describe "dance on the river": {_INSTITUTE}, not a dance; '
            f"{_INSTITUTE_LOOK}",
        ),
        (
            "what is the music of riverton",
            f'the article does not describe "music of riverton": {_INSTITUTE}, not a music; '
            f"{_INSTITUTE_LOOK}",
        ),
        (
            "what are the dances of riverton",
            f'the article does not describe "dances of riverton": {_INSTITUTE}, not dances; '
            f"{_INSTITUTE_LOOK}",
        ),
        (
            "what is the music for the mountains",
            f'the article does not describe "music for the mountains": {_ALPINE}, not a music; '
            "worth a look: alpine-ecology-center",
        ),
        (
            "what is the forest of switzerland",
            f'the article does not describe "forest of switzerland": {_ALPINE}, not a forest; '
            "worth a look: alpine-ecology-center",
        ),
        # a name's verb form is no kind: the record's kind says what it is
        (
            "what is the story of the library",
            'the article does not describe "story of the library": Reading for All is a '
            "program, not a story; worth a look: reading-for-all",
        ),
        (
            "what is the lantern of the festival",
            'the article does not describe "lantern of the festival": Spring lantern festival '
            "is a festival, not a lantern; worth a look: lantern-festival",
        ),
    ],
)
def test_the_kind_holds_in_another_knowledge_base(
    riverton: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(riverton, question) == message


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a measure the record carries
        ("what is the enrollment rate of preschool", "preschool-enrollment-rate"),
        ("what is the number of schools", "schools"),
        ("what is the share of basic research done by universities", "basic-research-share"),
        ("what is the date of the world culture fair", "world-culture-fair"),
        ("what is the period of the five-year plan", "fourteenth-five-year-plan"),
        ("what is the country of the university of leicester", "university-of-leicester"),
        # a field every record fills
        ("what is the name of the Go champion", "li-xuanhao"),
        # a figure measures what its name says
        ("what is the enrollment of higher education", "higher-education-enrollment-rate"),
        # the record's own head, by its name, summary or a declared synonym
        (
            "what is the center of chinese and greek ancient civilizations",
            "chinese-greek-civilizations-center",
        ),
        ("what is the joint college with the university of leicester", "leicester-joint-college"),
        ("what is the brand for international students", "study-in-chongqing"),
        ("what is the director of the education commission", "liu-yanbing"),
        ("what is the head of the education commission", "liu-yanbing"),
        # a keyword of several words is another name ("law school")
        (
            "what is the law school in chongqing",
            "southwest-university-of-political-science-and-law",
        ),
        # a verb after the noun phrase: its subject is not what is asked
        (
            "what were the international students doing at the world culture fair",
            "world-culture-fair",
        ),
        # a possessive's noun the record does not hold is asked of it
        ("what is Chongqing's goal", "modern-education-system-goal"),
    ],
)
def test_a_noun_the_record_is_or_gives_keeps_its_answer(
    real_kb: KnowledgeBase, question: str, expected: str
) -> None:
    assert real_kb.ask(question).record.id == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what is the academy of music", "riverton-conservatory"),  # a declared synonym
        ("what is the music school of riverton", "riverton-conservatory"),  # a keyword's head
        ("what is the concert hall of riverton", "riverton-conservatory"),
        ("what is the date of the lantern festival", "lantern-festival"),
        ("what is the country of the center for alpine ecology", "alpine-ecology-center"),
        ("what is the rate of pupils reading at grade level", "riverton-reading-share"),
        ("what is the number of primary pupils", "riverton-pupils"),
        ("what is the year of reading for all", "reading-for-all"),
    ],
)
def test_a_noun_the_record_is_or_gives_keeps_its_answer_elsewhere(
    riverton: KnowledgeBase, question: str, expected: str
) -> None:
    assert riverton.ask(question).record.id == expected


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # the noun is asked of the record, which holds none of it: not this check's to refuse
        ("what is the goal of the Study in Chongqing brand", "study-in-chongqing"),
        ("what is the aim of the openness initiative", "openness-initiative"),
        (
            "what is the purpose of the double first-class initiative",
            "double-first-class-initiative",
        ),
        # the record is what the noun names
        (
            "what is the law school of southwest university",
            "southwest-university-of-political-science-and-law",
        ),
    ],
)
def test_an_answer_of_the_noun_asked_passes(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    lexicon = Lexicon(real_kb)
    q = _Question(real_kb, lexicon, read(lexicon, question))
    answer = made(question, SUMMARY, [real_kb.get(record)], [])
    assert heads.of_its_kind(q, answer) is answer


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("what is the law on education", "law"),
        ("what is the civilization level of chongqing", "level"),
        ("what's the high school enrollment rate", "rate"),
        ("what is the school's culture", "culture"),
        ("what is Chongqing's goal", "goal"),
        ("what is the training of principals", "training"),
        ("which are the laws for schools", "laws"),
        ("what is special about the college", None),  # an adjective, no noun
        ("what is the city trying to build", None),  # a clause's subject
        ("what were the students doing at the fair", None),
        ("how many laws are there", None),  # no "what is"
        ("what is law", None),  # no determiner nor possessive
    ],
)
def test_the_noun_asked_for_is_read_from_the_question(
    real_kb: KnowledgeBase, question: str, head: str | None
) -> None:
    reading = read(Lexicon(real_kb), question)
    found = heads.asked(reading)
    assert (reading.tokens[found.head] if found else None) == head


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Conservatory whose concert hall hosted the festival.", {"conservatory"}),
        ("Ferries and barges on the lake", {"ferries", "barges"}),
        ("Rowing as a sport of the town", {"rowing", "sport"}),
        ("Emerging market for lake fish", {"market"}),
        ("Boat training at the harbour", {"boat", "training"}),
        ("Harbour Improving Works Office", {"office"}),  # a name in title case
        ("The stated plan of the council", {"plan"}),
        ("Town's harbour authority", {"authority"}),
        ("Mill (photo caption; photo by a resident)", {"mill", "caption", "photo"}),
    ],
)
def test_the_head_nouns_of_a_record_text(text: str, found: set[str]) -> None:
    assert heads._heads(text) == found


@pytest.mark.parametrize(
    ("noun", "said"),
    [
        ("university", "a university"),
        ("institute", "an institute"),
        ("euro", "a euro"),
        ("laws", "laws"),
        ("campus", "a campus"),
    ],
)
def test_a_noun_takes_its_article(noun: str, said: str) -> None:
    assert heads._a(noun) == said
