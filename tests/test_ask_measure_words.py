"""Administrators' and business people's words for a figure, which name no other quantity,
no longer veto; beside each, a question of the same shape about something else is refused.

- a noun that labels a figure as a measure ("KPI", "metric", "tally") asks the figure, as
  "figure" does, and a keyword string ending in "figure" asks a share as well as a count
  (`ask/reading.py`);
- a verb of being said of what is asked, with no object ("are operating", "sit in",
  "in operation") says it is there (`ask/reading.py`);
- a keyword string counts the whole compound before its count noun when no plural comes
  before it ("teaching staff headcount") (`ask/reading.py`);
- "per X" cites a source as "according to X" does, and "according to X" ending a question
  needs no comma (`ask/reading.py`);
- an abbreviation typed solid after its figure ("1pct") is spelt out (`ask/textspeak.py`);
- a question put twice ("..., i.e. how many ...") is answered when both ways agree
  (`ask/restated.py`);
- a level's word after the noun asked for ("headcount citywide") is no head
  (`ask/heads.py`), and "what is the X of Y" where X is what a figure measures gives the
  figure (`ask/choice.py`).

Phrasings are our own.
"""

from __future__ import annotations

import pytest

from cqedu.ask.restated import restatement
from cqedu.ask.textspeak import spelt_out
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("what is the teacher metric", "over 500,000 teachers (as of 2025; Building a Strong"),
        ("preschool enrollment KPI", "93.5% preschool enrollment rate"),
        ("How many major industries does that frontline KPI cover?", "three industries"),
        ("how many schools are operating in Chongqing", "9,177 schools"),
        ("how many subjects sit in the ESI global top 1%", "83 subjects"),
        ("how many overseas vocational programs exist", "22 programs"),
        ("Teaching staff headcount across the Chongqing system, roughly?", "over 500,000 teachers"),
        (
            "How many companies have gained from university-industry collaboration, per the"
            " officials?",
            "over 3,300 enterprises",
        ),
        ("how many teachers according to the officials", "over 500,000 teachers"),
        ("esi top 1pct subjects count", "83 subjects"),
        ("what's the school headcount, i.e. how many schools are there?", "9,177 schools"),
        (
            "What's the total school headcount citywide in Chongqing, i.e. how many schools are"
            " operating?",
            "9,177 schools",
        ),
        (
            "What is the annual intake across the Sino-foreign cooperative institutions and"
            " programs?",
            "over 8,000 students (students enrolled each year in Sino-foreign programs; per year",
        ),
    ],
)
def test_words_for_a_figure_do_not_veto(real_kb: KnowledgeBase, question: str, text: str) -> None:
    assert real_kb.ask(question).text.startswith(text)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("what is the hospital KPI", 'the article does not mention "hospital"'),
        ("teacher turnover metric", 'the article does not mention "turnover"'),
        ("how many schools operate buses", 'the article does not mention "operate buses"'),
        ("how many schools are running out of money", 'the article does not mention "money"'),
        (
            "what is the operating budget of schools",
            'the article does not mention "operating budget"',
        ),
        ("how many schools remain open", 'the article does not mention "remain"'),
        ("support staff headcount", 'the article does not mention "support"'),
        (
            "teaching staff headcount in 2020",
            "the article gives over 500,000 teachers as of 2025, not for 2020",
        ),
        (
            "how many teachers, per the national bureau of statistics",
            'the article does not mention "statistics"',
        ),
        (
            "how many teachers, per the national bureau",
            'the article gives over 500,000 teachers, but no figure for "national bureau"',
        ),
        # each word is the records' ("education bureau", "national"), but of no one source
        (
            "how many schools, according to the national bureau",
            'the article gives 9,177 schools, but no figure for "national bureau"',
        ),
        (
            "how many teachers per school",
            'the article gives over 500,000 teachers, but no figure per "school"',
        ),
        ("how many teachers according to the ministry", 'the article does not mention "ministry"'),
        (
            "what's the school headcount, i.e. how many teachers are there?",
            "the article does not answer \"what's the school headcount, i.e. how many teachers"
            ' are there?" as one question: "what\'s the school headcount" and "how many'
            ' teachers are there?" ask different things; ask each on its own',
        ),
        ("what is the school headcount nationwide", 'the article does not mention "nationwide"'),
    ],
)
def test_the_same_shapes_about_something_else_are_refused(
    real_kb: KnowledgeBase, question: str, message: str
) -> None:
    assert refused(real_kb, question) == message


def test_the_intake_asked_with_what_is_gives_the_figure_not_the_summary(
    real_kb: KnowledgeBase,
) -> None:
    answer = real_kb.ask("what is the intake of sino-foreign programs")
    assert answer.kind == "figure"
    assert answer.text.startswith("over 8,000 students")


@pytest.mark.parametrize(
    ("typed", "spelt"),
    [
        ("esi top 1pct subjects", "esi top 1 percent subjects"),
        ("graduates over 5yrs", "graduates over 5 years"),
        ("the 2nd plan", "the 2nd plan"),
        ("about 10k students", "about 10k students"),
    ],
)
def test_an_abbreviation_typed_solid_after_its_figure_is_spelt_out(typed: str, spelt: str) -> None:
    assert spelt_out(typed, known=set()) == spelt


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "what's the school headcount, i.e. how many schools are there?",
            ("what's the school headcount", "how many schools are there?"),
        ),
        (
            "teacher figure ie how many teachers",
            ("teacher figure", "how many teachers"),
        ),
        (
            "the staff count - in other words, how many teachers?",
            ("the staff count", "how many teachers?"),
        ),
        ("how many schools are there", None),
        ("which program is it that is run abroad", None),
    ],
)
def test_a_restatement_splits_at_its_marker(question: str, parts: tuple[str, str] | None) -> None:
    assert restatement(question) == parts
