"""A yes-no question that claims a figure opens its answer with the article's verdict on
it (`cqedu.ask.verdict`): "Yes:" when the article's figure bears it out, "No:" when it
contradicts it, "The article does not settle it:" when the article gives only a bound
the claim lies beyond; a question that claims nothing is answered as before."""

from __future__ import annotations

import pytest

from cqedu.core.errors import NoMatchError
from cqedu.facts.loader import parse_facts
from cqedu.knowledge import KnowledgeBase, from_document
from tests.conftest import MINI_FACTS, answered, refused

SCHOOLS = "9,177 schools (as of 2025; Building a Strong Education System ¶1)"
PRESCHOOL = "93.5% preschool enrollment rate (as of 2025; Building a Strong Education System ¶1)"
HIGH_SCHOOL = (
    "98.47% high school enrollment rate (as of 2025; Building a Strong Education System ¶1)"
)
TEACHERS = "over 500,000 teachers (as of 2025; Building a Strong Education System ¶1)"
RESEARCH = (
    "about 90% share of basic research done by universities (as of 2025; Integrating "
    "Education with Industry and Innovation ¶4)"
)


@pytest.mark.parametrize(
    ("question", "record", "line"),
    [
        # a figure other than the article's, of any kind and phrasing
        (
            "is it true that chongqing has 10,000 schools",
            "schools",
            f"No: the article gives {SCHOOLS}",
        ),
        (
            "are there ten thousand schools in chongqing",
            "schools",
            f"No: the article gives {SCHOOLS}",
        ),
        (
            "is it true that the preschool enrollment rate is 95%",
            "preschool-enrollment-rate",
            f"No: the article gives {PRESCHOOL}",
        ),
        (
            "is the preschool enrollment rate 95 percent",
            "preschool-enrollment-rate",
            f"No: the article gives {PRESCHOOL}",
        ),
        ("does chongqing have 400,000 teachers", "teachers", f"No: the article gives {TEACHERS}"),
        (
            "is the high school enrollment rate higher than 99%",
            "high-school-enrollment-rate",
            f"No: the article gives {HIGH_SCHOOL}",
        ),
        (
            "do universities undertake 80% of basic research",
            "basic-research-share",
            f"No: the article gives {RESEARCH}",
        ),
        # the record's name holds its own share (top 1%): another one claimed is wrong
        (
            "is it true that 83 subjects rank in the top 5%",
            "esi-top-subjects",
            "No: the article gives 83 subjects (subjects in the ESI global top 1%; higher "
            "education; as of 2025; Integrating Education with Industry and Innovation ¶2)",
        ),
        # "about" spans a twentieth either side: 9,000 holds 9,177, 10,000 does not
        (
            "is it true that chongqing has about 10,000 schools",
            "schools",
            f"No: the article gives {SCHOOLS}",
        ),
    ],
)
def test_a_claimed_figure_that_differs_is_answered_no(
    real_kb: KnowledgeBase, question: str, record: str, line: str
) -> None:
    assert answered(real_kb, question) == (record, line)


@pytest.mark.parametrize(
    ("question", "record", "line"),
    [
        (
            "is it true that chongqing has 9,177 schools",
            "schools",
            f"Yes: the article gives {SCHOOLS}",
        ),
        (
            "is it true that chongqing has about 9,000 schools",
            "schools",
            f"Yes: the article gives {SCHOOLS}",
        ),
        (
            "is the high school enrollment rate higher than 90%",
            "high-school-enrollment-rate",
            f"Yes: the article gives {HIGH_SCHOOL}",
        ),
        (
            "does chongqing have more than 400,000 teachers",
            "teachers",
            f"Yes: the article gives {TEACHERS}",
        ),
        # the article's own bound, typed without it
        ("does chongqing have 500,000 teachers", "teachers", f"Yes: the article gives {TEACHERS}"),
        (
            "do universities undertake about 90% of basic research",
            "basic-research-share",
            f"Yes: the article gives {RESEARCH}",
        ),
        # a majority claimed with no figure
        (
            "do universities do most of chongqing's basic research",
            "basic-research-share",
            f"Yes: the article gives {RESEARCH}",
        ),
    ],
)
def test_a_claimed_figure_the_article_bears_out_is_answered_yes(
    real_kb: KnowledgeBase, question: str, record: str, line: str
) -> None:
    assert answered(real_kb, question) == (record, line)


def test_a_claim_beyond_the_articles_bound_is_not_settled(real_kb: KnowledgeBase) -> None:
    assert answered(real_kb, "does chongqing have more than 600,000 teachers") == (
        "teachers",
        f"The article does not settle it: it gives {TEACHERS}",
    )


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("is chongqing's high school enrollment rate above the national average", "Yes"),
        # "isn't it below": no, the summary says above
        ("isn't the high school enrollment rate below the national average", "No"),
        ("is chongqing's high school enrollment rate below the national average", "No"),
    ],
)
def test_a_relation_the_summary_states_is_answered_yes_or_no(
    real_kb: KnowledgeBase, question: str, verdict: str
) -> None:
    assert answered(real_kb, question) == (
        "high-school-enrollment-rate",
        f"{verdict}: the article gives it as above the national average: {HIGH_SCHOOL}",
    )


@pytest.mark.parametrize(
    ("question", "record", "line"),
    [
        # no yes-no question, no verdict
        ("how many schools does chongqing have", "schools", SCHOOLS),
        ("what is the preschool enrollment rate", "preschool-enrollment-rate", PRESCHOOL),
        # a figure of the record's own name ("the ESI top 1%") is no claim of its count
        (
            "how many subjects are in the ESI top 1%",
            "esi-top-subjects",
            "83 subjects (subjects in the ESI global top 1%; higher education; as of 2025; "
            "Integrating Education with Industry and Innovation ¶2)",
        ),
    ],
)
def test_a_question_that_claims_nothing_has_no_verdict(
    real_kb: KnowledgeBase, question: str, record: str, line: str
) -> None:
    assert answered(real_kb, question) == (record, line)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        # a claim of another place or year is still refused, never answered yes or no
        ("is it true that shanghai has 9,177 schools", 'the article does not mention "shanghai"'),
        (
            "is it true that chongqing had 9,177 schools in 2019",
            "the article gives 9,177 schools as of 2025, not for 2019; worth a look: "
            "special-education-schools",
        ),
    ],
)
def test_a_claim_of_what_the_article_does_not_give_stays_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "line"),
    [
        (
            "is it true that there are 1,234 schools",
            "Yes: the article gives 1,234 schools (Schools ¶1)",
        ),
        (
            "is it true that there are 1,300 schools",
            "No: the article gives 1,234 schools (Schools ¶1)",
        ),
        ("are there fewer than 1,000 schools", "No: the article gives 1,234 schools (Schools ¶1)"),
        (
            "are there 3 million teachers",
            "The article does not settle it: it gives over 2.5 million teachers (Schools ¶2)",
        ),
        (
            "are there 2 million teachers",
            "No: the article gives over 2.5 million teachers (Schools ¶2)",
        ),
        (
            "are there at least 2 million teachers",
            "Yes: the article gives over 2.5 million teachers (Schools ¶2)",
        ),
        (
            "is the preschool rate above 90%",
            "No: the article gives 88.5% preschool enrollment rate (Schools ¶2)",
        ),
    ],
)
def test_the_verdict_holds_for_other_values_and_records(
    mini_kb: KnowledgeBase, question: str, line: str
) -> None:
    assert mini_kb.ask(question).text == line


_TWO_SHARES = (
    "the article gives 2 shares of {}: surpassed 70% vocational students going on to "
    "further study; more than 70% new frontline employees trained by local vocational "
    "schools; ask about one of them"
)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        # a share typed is no count that holds the same digits: the shares of that number
        # are named, since the article has two
        ("what is 70%", _TWO_SHARES.format("70%")),
        ("more than 70 percent of what", _TWO_SHARES.format("more than 70 percent")),
        # a word neither share says: the count is said for what it is
        (
            "what does the 70% refer to",
            "the article gives more than 70 countries and regions in education cooperation, "
            "a count, not a share of 70%",
        ),
    ],
)
def test_a_share_typed_is_not_answered_by_a_count_of_the_same_number(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("which 70% is about frontline workers", "frontline-employees-trained-locally"),
        ("70% of vocational students do what", "vocational-further-study-share"),
    ],
)
def test_a_share_typed_with_words_of_one_record_is_that_record(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert real_kb.ask(question).record.id == record


@pytest.mark.parametrize(
    ("question", "record"),
    [
        ("what is 93.5%", "preschool-enrollment-rate"),
        ("how many subjects are in the ESI top 1%", "esi-top-subjects"),
    ],
)
def test_a_share_typed_still_finds_its_share(
    real_kb: KnowledgeBase, question: str, record: str
) -> None:
    assert answered(real_kb, question)[0] == record


_ONE_SHARE_AND_A_COUNT = b"""
[[stats]]
id = "mini-clubs"
name = "Clubs"
summary = "After-school clubs in the town."
value = 40
unit = "clubs"
as_written = "40"
level = "system-wide"
section = "Schools"
paragraph = 3

[[stats]]
id = "mini-bus-share"
name = "Pupils riding the bus"
summary = "Share of pupils who ride the school bus."
value = 40
unit = "percent"
as_written = "40%"
level = "system-wide"
section = "Schools"
paragraph = 4
"""


def test_a_share_typed_is_the_one_share_of_that_number() -> None:
    document = parse_facts(MINI_FACTS.read_bytes() + _ONE_SHARE_AND_A_COUNT, "mini+40.toml")
    knowledge = from_document(document)
    try:
        # "40" alone finds both records; the typed share is the bus pupils', not the clubs
        assert knowledge.ask("what is 40%").record.id == "mini-bus-share"
        with pytest.raises(NoMatchError) as caught:
            knowledge.ask("what is 40% of teachers")
        assert "mini-bus-share" not in str(caught.value).split("worth a look")[0]
    finally:
        knowledge.close()
