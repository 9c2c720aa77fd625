"""The article's date: its dateline's, else its lead's; without a year, the year that puts
the article after what it tells as past and before what it tells as to come."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from cqedu.facts.draft import draft_file


def drafted(
    tmp_path: Path, text: str, given: str | None = None
) -> tuple[str, str, list[tuple[str, str | None, str | None]]]:
    """The source's date, its REVIEW line, and each event's (as written, date, inference)."""
    article = tmp_path / "article.txt"
    article.write_text(text + "\n", encoding="utf-8")
    toml = draft_file(article, date=given)
    review = next(line for line in toml.splitlines() if line.startswith("# REVIEW:"))
    drafted = tomllib.loads(toml)
    events = [
        (e["date_as_written"], e.get("date"), e.get("inference")) for e in drafted.get("events", [])
    ]
    return drafted["sources"][0]["date"], review, events


def last_up_to_today(month: int, day: int) -> date:
    today = date.today()
    return date(today.year - ((month, day) > (today.month, today.day)), month, day)


def test_a_dateline_without_a_year_dates_the_article_and_its_events(tmp_path: Path) -> None:
    filed = last_up_to_today(6, 14).isoformat()
    year = filed[:4]
    assert drafted(
        tmp_path,
        "FERNHOLM, June 14 - The trust opened 5 surgeries on June 9, its chair said.",
    ) == (
        filed,
        "# REVIEW: title, summary, date (no year printed: the last June 14 up to today), id",
        [
            (
                "June 9",
                f"{year}-06-09",
                f"The year {year} is not printed with the date; it is the year of the "
                f"article's date {filed}.",
            )
        ],
    )


def test_a_dateline_takes_its_year_after_what_the_article_tells_as_past(tmp_path: Path) -> None:
    assert drafted(
        tmp_path,
        "Harbour Notes\n\nOld Wick, Caithness, Thursday, June 14 (Coast Wire) - The trust "
        "runs 5 surgeries, which opened on October 2, 2023.",
    ) == (
        "2024-06-14",
        "# REVIEW: title, summary, date (year inferred: after 2023-10-02, told as past), id",
        [("October 2, 2023", "2023-10-02", None)],
    )


def test_a_dateline_with_its_year_is_the_article_s_date_and_no_event(tmp_path: Path) -> None:
    assert drafted(
        tmp_path, "Harbour Notes\n\nJune 14, 2024 \u2014 The trust opened 5 surgeries."
    ) == ("2024-06-14", "# REVIEW: title, summary, id", [])


def test_a_lead_date_comes_before_what_the_article_tells_as_to_come(tmp_path: Path) -> None:
    assert drafted(
        tmp_path,
        "Harbour Notes\n\nThe trust said on April 8 that its new wing will open on "
        "February 20, 2027, with 60 beds.",
    ) == (
        "2026-04-08",
        "# REVIEW: title, summary, date (year inferred: before 2027-02-20, told as to come), id",
        [
            (
                "April 8",
                "2026-04-08",
                "The year 2026 is not printed with the date; the article's date 2026-04-08 "
                "is read from it.",
            ),
            ("February 20, 2027", "2027-02-20", None),
        ],
    )


@pytest.mark.parametrize(
    ("text", "source", "review", "events"),
    [
        # a date inside the story is no dateline: it is an event too, and the lead's year is
        # the latest printed where no tense says otherwise
        (
            "Harbour Notes\n\nOn June 14, the trust opened 5 surgeries. Its hall hosts "
            "talks, as on March 1, 2023.",
            "2023-06-14",
            "# REVIEW: title, summary, date (year inferred), id",
            [
                (
                    "June 14",
                    "2023-06-14",
                    "The year 2023 is not printed with the date; the article's date "
                    "2023-06-14 is read from it.",
                ),
                ("March 1, 2023", "2023-03-01", None),
            ],
        ),
        # the article's dates disagree: the latest year printed, said so
        (
            "Harbour Notes\n\nThe trust said on June 14 that 5 surgeries opened on July 1, "
            "2024, and will close on May 2, 2024.",
            "2024-06-14",
            "# REVIEW: title, summary, date (year inferred: the article's dates disagree), id",
            [
                (
                    "June 14",
                    "2024-06-14",
                    "The year 2024 is not printed with the date; the article's date "
                    "2024-06-14 is read from it.",
                ),
                ("July 1, 2024", "2024-07-01", None),
                ("May 2, 2024", "2024-05-02", None),
            ],
        ),
    ],
)
def test_a_date_inside_the_story_is_an_event_and_dates_the_article_only_in_its_lead(
    tmp_path: Path,
    text: str,
    source: str,
    review: str,
    events: list[tuple[str, str | None, str | None]],
) -> None:
    assert drafted(tmp_path, text) == (source, review, events)


def test_with_no_date_in_its_lead_the_article_is_today_s_for_the_reviewer(
    tmp_path: Path,
) -> None:
    today = date.today().isoformat()
    year = today[:4]
    june_9 = f"{year}-06-09" if today[5:] >= "06-09" else f"{int(year) - 1}-06-09"
    why = (
        f"it is the year of the article's date {today}"
        if today[5:] >= "06-09"
        else f"told as past, it is the last one before the article's {today}"
    )
    assert drafted(
        tmp_path, "Harbour Notes\n\nThe trust runs 5 surgeries.\n\nOne opened on June 9."
    ) == (
        today,
        "# REVIEW: title, summary, date (none printed: today's), id",
        [("June 9", june_9, f"The year {june_9[:4]} is not printed with the date; {why}.")],
    )


def test_a_given_date_dates_the_events_when_no_year_is_printed(tmp_path: Path) -> None:
    assert drafted(
        tmp_path,
        "Harbour Notes\n\nThe trust opened 5 surgeries on June 9 and will add 2 on January 12.",
        given="2025-08-01",
    ) == (
        "2025-08-01",
        "# REVIEW: title, summary, id",
        [
            (
                "June 9",
                "2025-06-09",
                "The year 2025 is not printed with the date; it is the year of the article's "
                "date 2025-08-01.",
            ),
            (
                "January 12",
                "2026-01-12",
                "The year 2026 is not printed with the date; told as to come, it is the next "
                "one after the article's 2025-08-01.",
            ),
        ],
    )


def test_a_date_alone_under_the_headline_is_a_dateline_not_a_heading(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Harbour Notes\n\nThursday, June 13, 2024\n\nThe trust opened 5 surgeries on June 9.\n",
        encoding="utf-8",
    )
    drafted = tomllib.loads(draft_file(article))
    assert drafted["sources"][0]["date"] == "2024-06-13"
    assert drafted["sources"][0]["sections"] == ["Opening"]
    assert [(e["date"], e["date_as_written"], e["paragraph"]) for e in drafted["events"]] == [
        ("2024-06-09", "June 9", 2)
    ]
    assert [(s["as_written"], s["paragraph"]) for s in drafted["stats"]] == [("5", 2)]


def test_a_date_alone_as_the_first_line_is_no_title(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "13 June 2024\n\nThe trust opened 5 surgeries, its chair said.\n", encoding="utf-8"
    )
    drafted = tomllib.loads(draft_file(article))
    assert (drafted["sources"][0]["title"], drafted["sources"][0]["date"]) == (
        "Article article",
        "2024-06-13",
    )
    assert "events" not in drafted
