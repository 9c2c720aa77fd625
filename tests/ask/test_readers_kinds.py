"""Questions as readers type them, read for what they ask (ask/reading.py, ask/choice.py):

- a role noun after an organisation ("education commission director") asks for the one
  the summaries call that role *of* it, a person, not the organisation;
- "N percent" typed after a number is the figure "N%", no share asked ("ESI top 1 percent
  subjects count" asks the count of subjects, not the top-1% band);
- a topic set off before a count question ("free preschool year - how many kids
  benefit") is the count's context, read after it;
- "what was <verb>ed as ..." asks for the record said to have been <verb>ed itself (the
  football reform chosen as a national pilot), not one that did the verb to another.
"""

from __future__ import annotations

import pytest

from cqedu.knowledge import KnowledgeBase
from tests.conftest import answered, refused

LIU = (
    "Liu Yanbing: Director of the Chongqing Municipal Education Commission, who presented the "
    "results and the aims ahead. (Opening ¶3)"
)
ESI_SUBJECTS = (
    "83 subjects (subjects in the ESI global top 1%; higher education; as of 2025; "
    "Integrating Education with Industry and Innovation ¶2)"
)
FREE_CHILDREN = (
    "more than 200,000 children (children benefiting from free preschool; from 2025; "
    "Building a Strong Education System ¶4)"
)
FOOTBALL = (
    "Campus football reform: Chongqing's school football reform, chosen among China's first "
    "national pilot programs. (Building a Strong Education System ¶2)"
)


@pytest.mark.parametrize(
    "question",
    [
        "chongqing education commission director",
        "education commission head",
        "education commission chief",
        "Chongqing Municipal Education Commission leader?",
        "director of the chongqing municipal education commission",
    ],
)
def test_a_role_noun_after_an_organisation_asks_for_its_holder(
    real_kb: KnowledgeBase, question: str
) -> None:
    assert answered(real_kb, question) == ("liu-yanbing", LIU)


def test_an_organisation_alone_is_still_the_organisation(real_kb: KnowledgeBase) -> None:
    assert answered(real_kb, "chongqing education commission")[0] == (
        "chongqing-municipal-education-commission"
    )


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("shanghai education commission director", 'the article does not mention "shanghai"'),
        ("education ministry director", 'the article does not mention "ministry"'),
    ],
)
def test_a_role_of_an_organisation_the_article_does_not_name_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    "question",
    [
        "ESI top 1 percent subjects count",
        "ESI top 1% subjects number",
        "ESI top 1 per cent subjects",
        "number of subjects in the ESI top one percent",
    ],
)
def test_a_percent_word_after_a_number_is_the_figure_typed(
    real_kb: KnowledgeBase, question: str
) -> None:
    assert answered(real_kb, question) == ("esi-top-subjects", ESI_SUBJECTS)


@pytest.mark.parametrize(
    "question",
    [
        "free preschool year - how many kids benefit",
        "free preschool year \u2014 how many children benefit",
        "free preschool, how many children benefit",
    ],
)
def test_a_topic_before_a_count_question_is_its_context(
    real_kb: KnowledgeBase, question: str
) -> None:
    assert answered(real_kb, question) == ("free-preschool-children", FREE_CHILDREN)


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("study in chongqing - how many international students", "international-students"),
        ("vocational training - how many countries", "vocational-cooperation-countries"),
        ("in chongqing, how many teachers", "teachers"),
    ],
)
def test_other_topics_before_a_count_question(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert answered(real_kb, question)[0] == record


def test_a_topic_before_a_count_the_article_does_not_give_is_refused(
    real_kb: KnowledgeBase,
) -> None:
    assert refused(real_kb, "free preschool year - how many teachers") == (
        "the article gives no teachers figure for preschool; worth a look: teachers"
    )


@pytest.mark.parametrize(
    "question",
    [
        "what was selected as a national pilot program",
        "what was chosen as a national pilot",
        "what was selected as one of china's first national pilot programs",
        "which reform was selected as a national pilot program",
    ],
)
def test_what_was_done_to_a_thing_is_the_record_said_so_of_itself(
    real_kb: KnowledgeBase, question: str
) -> None:
    assert answered(real_kb, question) == ("campus-football-reform", FOOTBALL)


def test_what_was_selected_for_the_initiative_stays_its_universities(
    real_kb: KnowledgeBase,
) -> None:
    assert answered(real_kb, "what was selected for the double first-class initiative")[0] == (
        "double-first-class-universities"
    )


@pytest.mark.parametrize(
    ("question", "message"),
    [
        # the university hosted the fair; it was not itself held there
        (
            "what was held on the yubei campus",
            'the article does not describe "held"; Southwest University of Political Science '
            "and Law only mentions it",
        ),
        ("what was selected as a world heritage site", 'the article does not mention "heritage"'),
        (
            "what was selected as a national pilot program in 2019",
            "the article mentions Campus football reform but does not say it was in 2019",
        ),
    ],
)
def test_what_was_done_to_something_else_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "message"),
    [
        # an owner by name the records never tie to the figure: the national figure
        (
            "what is china's high school enrollment rate",
            'the article gives 98.47% high school enrollment rate, but no figure for "china"',
        ),
        (
            "china's preschool enrollment rate",
            'the article gives 93.5% preschool enrollment rate, but no figure for "china"',
        ),
        # a modifier between the determiner and the role no record uses: another role
        (
            "who is the vice director of the education commission",
            'the article names no "vice director"; it names Liu Yanbing as director; '
            "worth a look: liu-yanbing",
        ),
        (
            "who is the acting director of the education commission",
            'the article does not mention "acting"',
        ),
        # a noun no record uses at the end of a keyword string is what is asked
        ("chongqing education commission director salary", 'the article does not mention "salary"'),
    ],
)
def test_another_owner_role_or_attribute_is_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        # the sources' own place, or an owner the record names, keeps the answer
        ("what is chongqing's high school enrollment rate", "high-school-enrollment-rate"),
        ("what is china's double first-class initiative", "double-first-class-initiative"),
        (
            "what is singapore's nanyang technological university",
            "nanyang-technological-university",
        ),
        ("who is the director of the education commission", "liu-yanbing"),
        ("which Go champion taught children", "li-xuanhao"),
    ],
)
def test_an_owner_or_role_the_records_state_is_answered(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert answered(real_kb, question)[0] == record


@pytest.mark.parametrize(
    "question",
    [
        "how many principals are trained in the us each year",
        "are there 200 principals trained in the us each year",
    ],
)
def test_a_pronoun_after_a_determiner_is_a_name_the_article_does_not_give(
    real_kb: KnowledgeBase, question: str
) -> None:
    assert refused(real_kb, question) == 'the article does not mention "us"'


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("how many principals are trained each year", "principals-trained-at-ntu"),
        ("can you tell us how many schools there are", "schools"),
    ],
)
def test_a_pronoun_said_to_the_reader_stays_a_pronoun(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert answered(real_kb, question)[0] == record
