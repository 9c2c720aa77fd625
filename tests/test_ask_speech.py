"""Questions as a voice assistant transcribes them: filled pauses, opening interjections,
hedges and trailing asides (`ask/disfluency.py`), and days said as ordinals (`ask/days.py`).

Each kind is pinned by phrasings of our own, with the exact answer, and beside it a
question of the same shape the article cannot answer, which speech must not let through.
"""

from __future__ import annotations

import pytest

from cqedu.ask.days import said_days
from cqedu.ask.disfluency import fluent
from cqedu.knowledge import KnowledgeBase
from tests.conftest import answered, refused

# ------------------------------------------------ what speech adds, dropped


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("um how many teachers are there", "how many teachers are there"),
        ("how many teachers does uh chongqing have", "how many teachers does chongqing have"),
        ("uhh, what is the rate", "what is the rate"),
        ("hmm what is the erm rate", "what is the rate"),
        ("okay so, which university hosted the fair", "which university hosted the fair"),
        ("hey, where was the fair", "where was the fair"),
        ("hello is the rate high", "is the rate high"),
        ("is it like 40 schools", "is it 40 schools"),
        ("40ish teachers", "about 40 teachers"),
        ("40-odd teachers", "about 40 teachers"),
        ("how many are there exactly?", "how many are there?"),
        ("how many are there, roughly", "how many are there"),
        ("its own kind of wisdom or something", "its own kind of wisdom"),
        ("how many are there, is it about 40?", "how many are there?"),
        ("is it about 40 schools, how many are there", "how many schools are there"),
        ("what is the rate, like 99 percent?", "what is the rate?"),
        ("what is the rate, 93.5% right", "what is the rate"),
        # a year after the question sets its time: no guess
        ("how many teachers were there, 2019?", "how many teachers were there, 2019?"),
        # what is no filler stays
        ("so many schools", "so many schools"),
        ("what is it like", "what is it like"),
        ("what was the conference about", "what was the conference about"),
        ("well how many", "well how many"),  # "well" is a word of the records below
        ("platforms like the center", "platforms like the center"),
    ],
)
def test_what_speech_adds_is_dropped(said: str, meant: str) -> None:
    assert fluent(said, {"so", "well"}) == meant


def test_a_filler_that_is_a_word_of_the_records_stays() -> None:
    assert fluent("hmm how many", {"hmm"}) == "hmm how many"


@pytest.mark.parametrize(
    ("question", "record", "text"),
    [
        (
            "uh how many overseas vocational programs has the city got, umm, exactly",
            "overseas-vocational-programs",
            "22 programs (overseas vocational programs; as of 2025; "
            "Deepening Global Cooperation and Mutual Learning ¶3)",
        ),
        (
            "hey so like how many scholars go abroad each year",
            "scholars-sponsored-abroad",
            "over 1,000 scholars (scholars sponsored for study abroad each year; per year; "
            "Deepening Global Cooperation and Mutual Learning ¶5)",
        ),
        (
            "okay, is it like eighty something subjects in the top 1 percent, "
            "how many are there exactly",
            "esi-top-subjects",
            "83 subjects (subjects in the ESI global top 1%; higher education; as of 2025; "
            "Integrating Education with Industry and Innovation ¶2)",
        ),
        (
            "how many principals train in singapore every year, is it about 200?",
            "principals-trained-at-ntu",
            "200 principals (school principals trained at NTU each year; per year; "
            "Deepening Global Cooperation and Mutual Learning ¶5)",
        ),
        (
            "what percentage of kids with disabilities go to school, like ninety nine percent?",
            "disability-enrollment-rate",
            "98.99% enrollment rate of children with disabilities (as of 2025; "
            "Building a Strong Education System ¶5)",
        ),
        (
            "erm when was the press conference or something",
            "press-conference",
            "October 20 (press conference on education progress; Opening ¶1)",
        ),
    ],
)
def test_a_question_said_with_fillers_is_answered(
    real_kb: KnowledgeBase, question: str, record: str, text: str
) -> None:
    assert answered(real_kb, question) == (record, text)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("um how many primary schools are there", "the article gives no figure for primary"),
        ("hey how many teachers are there in chengdu", 'the article does not mention "chengdu"'),
        (
            "how many teachers were there, like 2019?",
            "the article gives over 500,000 teachers as of 2025, not for 2019",
        ),
        (
            "okay so what is the middle school enrollment rate exactly",
            "the article gives no enrollment figure for junior secondary; worth a look: "
            "high-school-enrollment-rate, frontline-employees-trained-locally, "
            "disability-enrollment-rate",
        ),
    ],
)
def test_a_filler_lets_no_unanswerable_question_through(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


# ------------------------------------------------ days said as ordinals


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("on october thirteenth", "on October 13"),
        ("on the sixth of december", "on December 6"),
        ("on october the twentieth", "on October 20"),
        ("Sept twenty-first", "September 21"),
        ("the 2nd of March", "March 2"),
        ("oct 13th", "October 13"),
        ("what happened on the thirty first?", "what happened on the 31?"),
        # no day: ordinals of other things, a month's name as a verb, a year
        ("the fourteenth five-year plan", "the fourteenth five-year plan"),
        ("the first national pilots", "the first national pilots"),
        ("may 3 schools", "may 3 schools"),
        ("in september 2025", "in september 2025"),
        ("on the first day", "on the first day"),
    ],
)
def test_a_day_said_as_an_ordinal_is_written_as_the_records_write_it(
    said: str, written: str
) -> None:
    assert said_days(said) == written


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("who gave the go lesson on the thirteenth of october", "li-xuanhao"),
        ("what happened on the sixth of december", "world-culture-fair"),
        ("what was photographed on september eighteenth", "changan-factory-photo"),
        ("what happened on october 20th", "press-conference"),
    ],
)
def test_a_question_naming_a_day_said_as_an_ordinal_finds_that_day(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


def test_a_day_said_as_an_ordinal_that_no_record_gives_is_refused(real_kb: KnowledgeBase) -> None:
    assert refused(real_kb, "what happened on october fourteenth").startswith(
        'the article does not answer "what happened on october fourteenth"; '
        "no record covers all its words"
    )


# ------------------------------------------------ declared clippings shape the question


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("which uni gave presentations on stage", "southwest-university"),
        ("which unis gave presentations on stage", "southwest-university"),
        (
            "which uni hosted the world culture fair",
            "southwest-university-of-political-science-and-law",
        ),
    ],
)
def test_a_declared_clipping_asks_as_its_word(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


def test_a_declared_clipping_lets_no_other_place_through(real_kb: KnowledgeBase) -> None:
    assert refused(real_kb, "which uni in chengdu hosted the fair") == (
        'the article does not mention "chengdu"'
    )


def test_a_round_figure_said_as_a_fraction_is_checked_as_typed(real_kb: KnowledgeBase) -> None:
    assert answered(real_kb, "are there half a million teachers") == (
        "teachers",
        "Yes: the article gives over 500,000 teachers (as of 2025; Building a Strong Education"
        " System ¶1)",
    )
