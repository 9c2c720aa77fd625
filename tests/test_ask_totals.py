"""Totals asked as "altogether", "combined" or "in all", and counts of several noun
phrases (issue 14, set G).

The article states no sum of two counts: a question of several nouns gets each noun's
own figure, unless one figure counts them all ("78 institutions and programs").
"""

from __future__ import annotations

import pytest

from cqedu.ask.totals import in_total
from cqedu.knowledge import KnowledgeBase
from tests.conftest import refused


@pytest.mark.parametrize(
    ("asked", "read"),
    [
        ("how many schools altogether", "how many schools in total"),
        ("all told, how many", "in total, how many"),
        ("In all, how many", "in total, how many"),
        ("how many teachers in all?", "how many teachers in total?"),
        ("the combined number of programs", "the total number of programs"),
        ("schools and teachers combined", "schools and teachers in total"),
        ("taken together, how many", "in total, how many"),
        # "in all" before its noun is no total
        ("how many students in all levels", "how many students in all levels"),
    ],
)
def test_a_total_asked_in_other_words_reads_as_in_total(asked: str, read: str) -> None:
    assert in_total(asked) == read


SCHOOLS = "9,177 schools (as of 2025; Building a Strong Education System ¶1)"
TEACHERS = "over 500,000 teachers (as of 2025; Building a Strong Education System ¶1)"
PLATFORMS = (
    "10 platforms (international vocational education platforms; as of 2025; Deepening "
    "Global Cooperation and Mutual Learning ¶3)"
)
PROGRAMS = (
    "22 programs (overseas vocational programs; as of 2025; Deepening Global Cooperation "
    "and Mutual Learning ¶3)"
)


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("how many schools and teachers are there altogether", f"{SCHOOLS}; {TEACHERS}"),
        # one figure that counts only the first noun phrase is no answer to both
        ("how many overseas programs and international platforms", f"{PLATFORMS}; {PROGRAMS}"),
        (
            "all told, how many international vocational platforms and overseas programs has "
            "chongqing launched?",
            f"{PLATFORMS}; {PROGRAMS}",
        ),
        # one figure that counts both is the answer
        (
            "how many sino-foreign cooperative institutions and programs are there combined",
            "78 institutions and programs (sino-foreign cooperative institutions and programs;"
            " as of 2025; Deepening Global Cooperation and Mutual Learning ¶2)",
        ),
        (
            "what is the combined number of international students",
            "over 10,000 students (international students attracted; as of 2025; Deepening "
            "Global Cooperation and Mutual Learning ¶2)",
        ),
    ],
)
def test_a_total_of_several_nouns_gives_each_figure(
    real_kb: KnowledgeBase, question: str, text: str
) -> None:
    assert real_kb.ask(question).text == text


def test_a_modifier_of_the_first_noun_is_read_of_a_bare_noun_after_it(
    real_kb: KnowledgeBase,
) -> None:
    # "special education teachers": never all the city's teachers
    assert refused(real_kb, "how many special education schools and teachers in all?") == (
        "the article gives 41 schools (special education schools), but no figure for "
        '"teachers"; worth a look: teachers'
    )


def test_a_total_with_a_part_the_article_lacks_is_refused(real_kb: KnowledgeBase) -> None:
    assert refused(real_kb, "How many schools and universities are there altogether?") == (
        "the article gives no schools figure for higher education; worth a look: schools, "
        "special-education-schools, frontline-employees-trained-locally"
    )
