"""The bundled facts.toml: every figure of the article, exactly, with its provenance."""

from __future__ import annotations

import pytest

from cqedu.facts.figures import parse_figure, same_number
from cqedu.facts.model import Fact
from cqedu.knowledge import KnowledgeBase

# Every figure the article prints: (id, as_written, value, unit, qualifier, level,
# section number (0 = the untitled opening), paragraph within the section).
ARTICLE_FIGURES: list[tuple[str, str, float, str, str | None, str | None, int, int]] = [
    ("core-goals-met", "12", 12, "goals", None, "system-wide", 0, 3),
    (
        "cooperation-countries-and-regions",
        "more than 70",
        70,
        "countries and regions",
        "more than",
        None,
        1,
        1,
    ),
    ("sino-foreign-cooperative-programs", "78", 78, "institutions and programs", None, None, 1, 2),
    ("sino-foreign-annual-enrollment", "over 8,000", 8000, "students", "over", None, 1, 2),
    ("globally-promoted-brands", "six", 6, "brands", None, None, 1, 2),
    ("international-students", "over 10,000", 10000, "students", "over", None, 1, 2),
    ("international-vocational-platforms", "10", 10, "platforms", None, "vocational", 1, 3),
    ("overseas-vocational-programs", "22", 22, "programs", None, "vocational", 1, 3),
    (
        "vocational-cooperation-countries",
        "more than 50",
        50,
        "countries",
        "more than",
        "vocational",
        1,
        3,
    ),
    ("scholars-sponsored-abroad", "over 1,000", 1000, "scholars", "over", None, 1, 5),
    ("principals-trained-at-ntu", "200", 200, "principals", None, None, 1, 5),
    ("schools", "9,177", 9177, "schools", None, "system-wide", 2, 1),
    ("students", "6.4 million", 6_400_000, "students", None, "system-wide", 2, 1),
    ("teachers", "over 500,000", 500_000, "teachers", "over", "system-wide", 2, 1),
    ("preschool-enrollment-rate", "93.5%", 93.5, "percent", None, "preschool", 2, 1),
    ("high-school-enrollment-rate", "98.47%", 98.47, "percent", None, "high-school", 2, 1),
    (
        "higher-education-enrollment-rate",
        "64.25%",
        64.25,
        "percent",
        None,
        "higher-education",
        2,
        1,
    ),
    ("inclusive-preschool-coverage", "95.2%", 95.2, "percent", None, "preschool", 2, 4),
    ("free-preschool-year", "one", 1, "year", None, "preschool", 2, 4),
    (
        "free-preschool-children",
        "more than 200,000",
        200_000,
        "children",
        "more than",
        "preschool",
        2,
        4,
    ),
    (
        "vocational-further-study-share",
        "surpassed 70%",
        70,
        "percent",
        "surpassed",
        "vocational",
        2,
        4,
    ),
    ("special-education-schools", "41", 41, "schools", None, "special-education", 2, 5),
    ("disability-enrollment-rate", "98.99%", 98.99, "percent", None, "special-education", 2, 5),
    ("skilled-graduates", "1.85 million", 1_850_000, "graduates", None, "higher-education", 3, 1),
    (
        "frontline-employees-trained-locally",
        "more than 70%",
        70,
        "percent",
        "more than",
        "vocational",
        3,
        2,
    ),
    ("major-industries", "three", 3, "industries", None, None, 3, 2),
    ("double-first-class-universities", "Two", 2, "universities", None, "higher-education", 3, 2),
    ("double-first-class-disciplines", "five", 5, "disciplines", None, "higher-education", 3, 2),
    ("esi-top-subjects", "83", 83, "subjects", None, "higher-education", 3, 2),
    ("esi-top-threshold", "top 1%", 1, "percent", "top", "higher-education", 3, 2),
    ("basic-research-share", "about 90%", 90, "percent", "about", "higher-education", 3, 4),
    ("enterprises-benefited", "over 3,300", 3300, "enterprises", "over", "higher-education", 3, 4),
]
SECTIONS = [
    "Opening",
    "Deepening Global Cooperation and Mutual Learning",
    "Building a Strong Education System",
    "Integrating Education with Industry and Innovation",
]


@pytest.mark.parametrize(
    ("fact_id", "as_written", "value", "unit", "qualifier", "level", "section", "paragraph"),
    ARTICLE_FIGURES,
    ids=[row[0] for row in ARTICLE_FIGURES],
)
def test_every_article_figure_is_held_exactly(
    real_kb: KnowledgeBase,
    fact_id: str,
    as_written: str,
    value: float,
    unit: str,
    qualifier: str | None,
    level: str | None,
    section: int,
    paragraph: int,
) -> None:
    fact = real_kb.get(fact_id)
    assert (fact.as_written, fact.value, fact.unit, fact.qualifier, fact.level) == (
        as_written,
        value,
        unit,
        qualifier,
        level,
    )
    assert (fact.section, fact.paragraph) == (SECTIONS[section], paragraph)


def test_the_knowledge_base_holds_no_figure_beyond_the_list(real_kb: KnowledgeBase) -> None:
    assert sorted(f.id for f in real_kb.figures()) == sorted(row[0] for row in ARTICLE_FIGURES)


def test_every_as_written_parses_back_to_its_value_and_qualifier(real_kb: KnowledgeBase) -> None:
    for fact in real_kb.figures():
        assert fact.as_written is not None and fact.value is not None
        figure = parse_figure(fact.as_written)
        assert figure is not None, fact.id
        assert same_number(figure.value, fact.value), fact.id
        assert figure.qualifier == fact.qualifier, fact.id
        assert figure.percent == (fact.unit == "percent"), fact.id


NAMED_PARTNERS = {
    "university-of-leicester": ("University of Leicester", "United Kingdom", "institution"),
    "nanyang-technological-university": (
        "Nanyang Technological University",
        "Singapore",
        "institution",
    ),
    "russia": ("Russia", "Russia", "country"),
    "spain": ("Spain", "Spain", "country"),
    "thailand": ("Thailand", "Thailand", "country"),
    "chinese-greek-civilizations-center": (
        "Center of Chinese and Greek Ancient Civilizations",
        "Greece",
        "centre",
    ),
    "south-asia-poverty-alleviation-center": (
        "China-South Asian Countries Poverty Alleviation and Cooperative Development Center",
        "South Asia",
        "centre",
    ),
}


def test_every_named_partner_is_a_partner_record(real_kb: KnowledgeBase) -> None:
    found = {f.id: (f.name, f.country, f.category) for f in real_kb.partners()}
    assert found == NAMED_PARTNERS


def test_programs_initiatives_people_and_events_are_records(real_kb: KnowledgeBase) -> None:
    names = {f.name for f in real_kb.facts()}
    for expected in [
        "Sino-foreign cooperative institutions and programs",
        "Joint college with the University of Leicester",
        "Study in Chongqing",
        "Teaching follows industry",
        "Overseas study sponsorship",
        "Principal training at Nanyang Technological University",
        "Educational openness initiative",
        "Campus football reform",
        "One year of free preschool",
        "Education Strengthening Chongqing Action",
        "Double First-Class Initiative",
        "Five Educations in One",
        "Shi Tingmao",
        "Wu Yingjie",
        "Li Xuanhao",
        "Liu Yanbing",
        "World Culture Fair",
    ]:
        assert expected in names


@pytest.mark.parametrize(
    ("fact_id", "date", "as_written", "inferred"),
    [
        ("press-conference", "2025-10-20", "October 20", True),
        ("world-culture-fair", "2024-12-06", "December 6, 2024", False),
        ("go-lesson", "2025-10-13", "October 13", True),
        ("changan-factory-photo", "2025-09-18", "September 18, 2025", False),
    ],
)
def test_dates_record_whether_the_year_is_inferred(
    real_kb: KnowledgeBase, fact_id: str, date: str, as_written: str, inferred: bool
) -> None:
    fact: Fact = real_kb.get(fact_id)
    assert (fact.date, fact.date_as_written) == (date, as_written)
    assert (fact.inference is not None) == inferred


def test_levels_without_figures_are_still_known(real_kb: KnowledgeBase) -> None:
    assert [lv.id for lv in real_kb.levels] == [
        "preschool",
        "primary",
        "junior-secondary",
        "high-school",
        "higher-education",
        "vocational",
        "special-education",
        "system-wide",
    ]
    with_figures = {f.level for f in real_kb.figures()}
    assert "primary" not in with_figures
    assert "junior-secondary" not in with_figures


def test_every_record_cites_a_real_section_and_paragraph(real_kb: KnowledgeBase) -> None:
    for fact in real_kb.facts():
        assert fact.section in SECTIONS, fact.id
        assert 1 <= fact.paragraph <= 5, fact.id
