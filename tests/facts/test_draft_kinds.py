"""What a draft proposes for each figure (its unit, its period, whether it is one) and the
levels it declares, on articles and phrasings we wrote ourselves."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cqedu.cli import app
from cqedu.facts.draft import draft_file
from cqedu.facts.model import Level

ARTICLES = Path(__file__).parent.parent / "data" / "articles"
LEVELS = (
    Level("primary", "Primary", ("primary school", "elementary")),
    Level("high-school", "High school", ("senior high",)),
    Level("adult", "Adult", ("adult learners",)),
)


def drafted(tmp_path: Path, text: str) -> list[dict[str, object]]:
    article = tmp_path / "article.txt"
    article.write_text("Port News\n\n" + text + "\n", encoding="utf-8")
    stats: list[dict[str, object]] = tomllib.loads(draft_file(article, date="2025-01-01"))["stats"]
    return stats


def test_each_of_our_articles_drafts_exactly_as_reviewed() -> None:
    # Units stop at the counted noun ("12,000 pupils take part"), periods are the figure's
    # own clause's, and durations, "one of" and "first" are no figures.
    assert draft_file(ARTICLES / "winter.txt", levels=LEVELS) == (
        ARTICLES / "winter.draft.toml"
    ).read_text(encoding="utf-8")
    assert draft_file(ARTICLES / "museum.txt", date="2025-05-01") == (
        ARTICLES / "museum.draft.toml"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("sentence", "units"),
    [
        ("Around 900 volunteers helped at the fair.", ["volunteers"]),
        ("Some 75 nurses work nights.", ["nurses"]),
        ("Some 5 clinics take part in the trial.", ["clinics"]),
        ("The city runs 18 bus routes serving the port.", ["bus routes"]),
        ("It trained 4,000 drivers, the agency said.", ["drivers"]),
        ("It trained 4,000 drivers, officials said.", ["drivers"]),
        ("The firm hired 60 engineers and designers in March.", ["engineers and designers"]),
        ("The port has 3 cranes and 2 tugs.", ["cranes", "tugs"]),
        ("Police logged 120 thefts, down from 150 a year before.", ["thefts", "thefts"]),
        ("Exports reached 2.1 million tonnes.", ["tonnes"]),
        ("The number of licensed cabs rose to 5,600.", ["licensed cabs"]),
        (
            "Teacher numbers fell to 310, of whom 40 are part-time tutors.",
            ["teacher", "part-time tutors"],
        ),
        ("The club offers 7 summer sports programmes.", ["summer sports programmes"]),
        # a part of a whole named before it counts what the whole counts
        ("Of the 11 targets, 9 were met.", ["targets", "targets"]),
        ("Of its 300 pilots, 20 came from abroad.", ["pilots", "pilots"]),
        ("Of the new funds, 3 million yuan went to docks.", ["yuan"]),
        # a currency word ends a singular phrase: "yuan", not "yuan went"
        ("The port spent 2 billion yuan last year.", ["yuan"]),
        # what a figure is per, unless it is a time (a period) or "per cent"
        ("A free lunch costs 8 yuan per meal.", ["yuan per meal"]),
        ("The port spends $3,200 per pupil.", ["dollars per pupil"]),
        ("Classes hold 30 pupils per class.", ["pupils per class"]),
        ("It trains 200 pilots per year.", ["pilots"]),
        # an -s word that takes an object is the verb after the noun
        ("Each of its 42 vocational colleges joins a local firm.", ["vocational colleges"]),
        ("Its 12 port authorities runs the docks.", ["port authorities"]),
        # ... but not before a time ("this term") or after the clause ends
        ("Schools added 5 new winter sports this term.", ["new winter sports"]),
        ("It funds 3 new branches, the first in May.", ["new branches"]),
        ("Its 12 Chinese partners signed.", ["Chinese partners"]),
        ("Officials added one year of free lessons.", ["year"]),
        # a figure with no noun after it counts what an earlier one of its sentence counts
        ("It opened 45 clinics, and 12 more will open.", ["clinics", "clinics"]),
        ("About 2,300 residents came, while 400 others watched.", ["residents", "residents"]),
        ("It sees 150 patients a day and 4,000 a month.", ["patients", "patients"]),
        ("It drew 1.2 million visitors; this year it expects 1.5 million.", ["visitors"] * 2),
        ("Enrolment stood at 4,500 pupils, down from 4,800 two years ago.", ["pupils"] * 2),
        ("Attendance fell by 15 percent to 34,000 after the fire.", ["percent", "attendance"]),
        # what a figure joined by a hyphen counts
        ("The 4,000-seat arena opened.", ["seats"]),
        ("The 12-member panel met.", ["members"]),
    ],
)
def test_a_unit_is_the_counted_noun_not_the_words_after_it(
    tmp_path: Path, sentence: str, units: list[str]
) -> None:
    assert [s["unit"] for s in drafted(tmp_path, sentence)] == units


@pytest.mark.parametrize(
    ("sentence", "periods"),
    [
        # another figure's year is not borrowed
        ("The port handled 12 ships in 2024, and 30% of cargo was grain.", ["2024", None]),
        ("The port will add 4 cranes by 2030. It handled 50 ships.", ["by 2030", None]),
        # a clause without a figure of its own dates the sentence
        ("In 2023, the port handled 12 ships and 900 containers.", ["2023", "2023"]),
        ("Each month, crews load 40 barges.", ["per month"]),
        ("Crews earn 500 dollars a month.", ["per month"]),
        ("It sees 150 patients a day and 4,000 a month.", ["per day", "per month"]),
        ("Fees fall to 300 pounds a term.", ["per term"]),
        # "weekly" before a noun describes the noun, not the figure
        ("Some 900 pupils join weekly lessons.", [None]),
        # "a year earlier" is no rate; "on 2023" is the base of the change
        ("Ships rose to 70, up from 60 a year earlier.", [None, None]),
        ("It carried 4.2 million riders last year, up 12 percent on 2023.", ["last year"] * 2),
        # a year in a name or a date is not the figure's
        ("Under its 2024-2030 Port Plan, it will add 6 berths.", [None]),
        ("The port moved 80 ships, the board said on March 3, 2025.", [None]),
        # a rate of a kind of day or year keeps its kind
        ("Each school day, 3,100 pupils take the ferry.", ["per school day"]),
        ("The port trains 20 pilots every academic year.", ["per academic year"]),
        # a stretch counted from the telling, alone or bounding a rate
        ("Over the past five years, the port built 12 berths.", ["over the past five years"]),
        (
            "The port will add 30 cranes a year over the next three years.",
            ["per year over the next three years"],
        ),
        (
            "It will add 30 cranes in the coming two years, up from 20 in 2024.",
            ["in the coming two years", "2024"],
        ),
        # a figure that opens its sentence takes nothing from the sentence before
        (
            "By 2028, the port will spend 2.4 billion yuan on berths. A third of pilots "
            "train abroad.",
            ["by 2028", None],
        ),
        ("In 2024 the port hired 40 pilots. 12 pilots came from abroad.", ["2024", None]),
        ("The port had 40 pilots in 2024. Two thirds of pilots are local.", ["2024", None]),
    ],
)
def test_a_period_is_the_figures_own_not_a_neighbours(
    tmp_path: Path, sentence: str, periods: list[str | None]
) -> None:
    assert [s.get("period") for s in drafted(tmp_path, sentence)] == periods


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Around 45 percent of graduates stay in the city.", "Share of graduates"),
        ("Two thirds of the 600 graduates found jobs.", "Share of graduates"),
        ("Some 60% of new members joined online.", "Share of new members"),
        # "one in four" is a share of the noun after it
        ("About one in four graduates joins a local firm.", "Share of graduates"),
        ("Two out of three pupils walk to school.", "Share of pupils"),
    ],
)
def test_a_share_is_named_by_the_noun_it_is_of_not_the_verb_after(
    tmp_path: Path, sentence: str, name: str
) -> None:
    assert drafted(tmp_path, sentence)[0]["name"] == name


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Its preschool enrollment rate reached 91.2 percent in 2025.",
            "Preschool enrollment rate",
        ),
        ("Kunming's employment rate for graduates stood at 92 percent.", "Employment rate"),
        ("The dropout rate fell to 3 percent.", "Dropout rate"),
        ("The graduation rate rose by 2 percent.", "Change in graduation rate"),
        ("The share of girls in science classes was 48 percent.", "Share of girls"),
        ("The proportion of rural pupils reached 30 percent.", "Proportion of rural pupils"),
        # a rate noun with no name of its own before it is only that noun
        ("The city reached a rate of 40 percent.", "Rate"),
    ],
)
def test_a_percentage_is_named_by_the_rate_phrase_before_it(
    tmp_path: Path, sentence: str, name: str
) -> None:
    assert drafted(tmp_path, sentence)[0]["name"] == name


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "The port has 1,450 berths, 600 of them in deep water.",
            ["Berths", "Berths in deep water"],
        ),
        (
            "It has 40 cranes, 12 of which are run by private firms.",
            ["Cranes", "Cranes run by private firms"],
        ),
        ("It has 300 pilots, 20 of them from abroad.", ["Pilots", "Pilots from abroad"]),
    ],
)
def test_a_part_of_them_is_named_by_where_it_is(
    tmp_path: Path, sentence: str, names: list[str]
) -> None:
    assert [s["name"] for s in drafted(tmp_path, sentence)] == names


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("Within six months, 40 ships docked.", ["40"]),
        ("Two days later, 40 ships docked.", ["40"]),
        ("In ten weeks the port will open 3 berths.", ["3"]),
        ("After 2 years of work, 3 berths opened.", ["3"]),
        ("The cranes were idle for three years, until 5 arrived.", ["5"]),
        ("One of the 9 cranes failed four years ago.", ["9"]),
        ("The first of 9 cranes arrived.", ["9"]),
        # a time counted is a figure: not led by a preposition of time nor followed by a
        # word of time
        ("Waits fell from 31 weeks to 21 weeks.", ["31", "21"]),
        ("Pupils get one year of free lessons.", ["one"]),
        # an age is not a count
        ("The school has 900 pupils aged 11 to 16.", ["900"]),
        ("It admits 40 children under 5 years old.", ["40"]),
        # a length joined to its noun describes the thing
        ("It holds a 3-day festival for 900 guests.", ["900"]),
    ],
)
def test_a_stretch_of_time_that_dates_something_is_no_figure(
    tmp_path: Path, sentence: str, figures: list[str]
) -> None:
    assert [s["as_written"] for s in drafted(tmp_path, sentence)] == figures


def test_check_does_not_demand_a_stretch_of_time_as_a_record(tmp_path: Path) -> None:
    (tmp_path / "winter.txt").write_bytes((ARTICLES / "winter.txt").read_bytes())
    facts = tmp_path / "winter.toml"
    facts.write_text((ARTICLES / "winter.draft.toml").read_text(encoding="utf-8"))
    result = CliRunner().invoke(app, ["check", "--strict", str(facts)])
    assert "no record holds" not in result.stdout
    assert result.stderr == (
        "cqedu: 1 facts file checked, no problems, but --strict fails it on 12 warnings (12 "
        "tables not reviewed); 9 verified in the article\n"
    )


def test_a_figure_whose_clause_names_no_level_takes_its_names_level(tmp_path: Path) -> None:
    sentence = (
        "The senior high enrollment rate stands at 97.3 percent, and the port aims to lift "
        "it to 99 percent by 2030."
    )
    article = tmp_path / "article.txt"
    article.write_text(f"Port News\n\n{sentence}\n", encoding="utf-8")
    stats = tomllib.loads(draft_file(article, date="2025-01-01", levels=LEVELS))["stats"]
    assert [(s["name"], s.get("level")) for s in stats] == [
        ("Senior high enrollment rate", "high-school"),
        ("Senior high enrollment rate", "high-school"),
    ]


def test_a_draft_declares_the_levels_its_article_names_and_check_refuses_others(
    tmp_path: Path,
) -> None:
    (tmp_path / "winter.txt").write_bytes((ARTICLES / "winter.txt").read_bytes())
    result = CliRunner().invoke(app, ["draft", str(tmp_path / "winter.txt")])
    data = tomllib.loads(result.stdout)
    # the bundled facts' levels that the article names, and the stats whose clause does
    # (or whose name: "up from 35" counts primary schools and kindergartens too)
    assert [level["id"] for level in data["levels"]] == ["primary", "high-school"]
    assert [(s["as_written"], s.get("level")) for s in data["stats"] if "level" in s] == [
        ("62", "primary"),
        ("35", "primary"),
        ("30 percent", "high-school"),
    ]
    facts = tmp_path / "winter.toml"
    facts.write_text(result.stdout.replace('level = "primary"', 'level = "adult"'))
    checked = CliRunner().invoke(app, ["check", str(facts)])
    line = result.stdout.splitlines().index('level = "primary"') + 1
    assert checked.stdout.splitlines()[0] == (
        f'{facts}:{line}:1: stats[4] (id "primary-schools-and-kindergartens"): level: unknown '
        'level "adult"; valid levels: primary, high-school'
    )


def drafted_events(tmp_path: Path, sentence: str) -> list[tuple[str, str]]:
    """(date, inference) of the events drafted from an article dated March 12, 2026."""
    article = tmp_path / "article.txt"
    article.write_text(
        f"Port News\n\nThe bureau spoke on March 12, 2026, about its schools.\n\n{sentence}\n",
        encoding="utf-8",
    )
    events = tomllib.loads(draft_file(article))["events"]
    return [(str(event["date"]), str(event.get("inference", ""))) for event in events[1:]]


@pytest.mark.parametrize(
    ("sentence", "date", "why"),
    [
        # told as past, yet after the article's date in the latest year: the year before
        (
            "A science centre, opened on September 1, hosts pupils.",
            "2025-09-01",
            "told as past, it is the last one before the article's 2026-03-12",
        ),
        (
            "The fair was held on 20 October to great acclaim.",
            "2025-10-20",
            "told as past, it is the last one before the article's 2026-03-12",
        ),
        # told as to come, yet before the article's date: the year after
        (
            "Enrollment is to close on January 5 for the new intake.",
            "2027-01-05",
            "told as to come, it is the next one after the article's 2026-03-12",
        ),
        # the tense agrees with the latest year, or there is none: the latest year
        (
            "The centre will open on September 1.",
            "2026-09-01",
            "it is the latest year printed with a date in the article",
        ),
        (
            "Visits were paid on February 2.",
            "2026-02-02",
            "it is the latest year printed with a date in the article",
        ),
        (
            "Classes begin on September 1.",
            "2026-09-01",
            "it is the latest year printed with a date in the article",
        ),
    ],
)
def test_a_date_without_a_year_takes_the_year_its_tense_says(
    tmp_path: Path, sentence: str, date: str, why: str
) -> None:
    year = date[:4]
    assert drafted_events(tmp_path, sentence) == [
        (date, f"The year {year} is not printed with the date; {why}.")
    ]
