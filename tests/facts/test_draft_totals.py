"""A figure with no noun of its own counts what its sentence counts, never the time span
the sentence is told over: "hired 40 nurses in three months, bringing the total to 900"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.facts.helpers import drafted


@pytest.mark.parametrize(
    ("sentence", "stats"),
    [
        # a total counts on from the count before it: its head noun, not the words that
        # pick out the new ones
        (
            "The board took on more than 2,400 new wardens over the past six years, "
            "bringing the total to 9,130.",
            [
                ("more than 2,400", 2400, "new wardens", "new-wardens"),
                ("9,130", 9130, "wardens", "wardens"),
            ],
        ),
        (
            "The port hired 35 pilots in four months, bringing the total to 610.",
            [("35", 35, "pilots", "pilots"), ("610", 610, "pilots", "pilots-2")],
        ),
        (
            "The clinic added 14 beds in nine days, raising the number to 275.",
            [("14", 14, "beds", "beds"), ("275", 275, "beds", "beds-2")],
        ),
        (
            "The depot bought 8 electric ferries in seven weeks, taking the total to 52.",
            [("8", 8, "electric ferries", "electric-ferries"), ("52", 52, "ferries", "ferries")],
        ),
        (
            "The league signed 27 referees over three decades, a total of 88.",
            [("27", 27, "referees", "referees"), ("88", 88, "referees", "referees-2")],
        ),
        (
            "The fund paid 4 million yuan in March, bringing the total to 11 million.",
            [("4 million", 4000000, "yuan", "yuan"), ("11 million", 11000000, "yuan", "yuan-2")],
        ),
        # a change's base counts just what the figure counts, modifiers and all
        (
            "The town trained 64 lifeguards in two months, up from 41.",
            [("64", 64, "lifeguards", "lifeguards"), ("41", 41, "lifeguards", "lifeguards-2")],
        ),
        (
            "The league hired 19 youth coaches in five weeks, up from 12.",
            [
                ("19", 19, "youth coaches", "youth-coaches"),
                ("12", 12, "youth coaches", "youth-coaches-2"),
            ],
        ),
        # the number of something names what it counts itself
        (
            "The city opened 3 reading rooms in ten days, bringing the number of libraries to 44.",
            [("3", 3, "reading rooms", "reading-rooms"), ("44", 44, "libraries", "libraries")],
        ),
        # a clause's first plural is no word of time
        (
            "Over six years wardens grew to 730.",
            [("730", 730, "wardens", "wardens")],
        ),
        (
            "The port hired pilots in four months, reaching 610.",
            [("610", 610, "pilots", "pilots")],
        ),
    ],
)
def test_a_total_counts_what_the_count_before_it_counts_not_its_time_span(
    tmp_path: Path, sentence: str, stats: list[tuple[object, ...]]
) -> None:
    assert drafted(tmp_path, sentence) == stats


@pytest.mark.parametrize(
    ("sentence", "stats"),
    [
        # "over" before a time is the span's preposition, not a qualifier
        ("The firm grew over two decades to 300 staff.", [("300", 300, "staff", "staff")]),
        ("Over five years, the port built 9 berths.", [("9", 9, "berths", "berths")]),
        # ... and a qualifier before any other noun, or a time that is of something
        (
            "Wardens gave over 5,000 hours of service.",
            [("over 5,000", 5000, "hours", "hours")],
        ),
        (
            "The port served over 8,000 pilots.",
            [("over 8,000", 8000, "pilots", "pilots")],
        ),
        # a count of days or years after its figure stays a count
        ("The course has 180 days of lessons.", [("180", 180, "days", "days")]),
        ("The 12 pilots train for 3 years.", [("12", 12, "pilots", "pilots")]),
    ],
)
def test_a_span_of_time_is_no_figure_and_a_count_of_time_stays_one(
    tmp_path: Path, sentence: str, stats: list[tuple[object, ...]]
) -> None:
    assert drafted(tmp_path, sentence) == stats
