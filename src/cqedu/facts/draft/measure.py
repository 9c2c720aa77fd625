"""How well a draft finds an article's figures, against a list of them made by hand.

Used by the tests (on articles with labelled figures) and by the benchmarks (on the bundled
article, whose figures are those of facts.toml).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from cqedu.facts.figures import same_number


class Labelled(NamedTuple):
    """A figure as a person marked it: as printed, its value, and where it stands."""

    as_written: str
    value: int | float
    section: str
    paragraph: int
    unit: str | None = None
    """The counted noun, when marked."""


class DraftMeasures(NamedTuple):
    """What a draft got right."""

    labelled: int
    """Figures marked by hand."""
    found: int
    """Of them, drafted with the same as_written, section, paragraph and value."""
    drafted: int
    """Stats in the draft."""
    not_figures: int
    """Drafted stats that match no labelled figure (a year, a date, a name, ...)."""
    units: int = 0
    """Of those found with a unit marked, drafted with it: the draft's unit is the marked
    one, or ends with it and adds words before ("special education schools" for "schools");
    one that runs on past it ("students taught") is wrong."""
    marked_units: int = 0
    """Of those found, how many have a unit marked."""

    @property
    def found_share(self) -> float:
        """found / labelled (1.0 when nothing was labelled)."""
        return self.found / self.labelled if self.labelled else 1.0

    @property
    def not_figure_share(self) -> float:
        """not_figures / drafted (0.0 for an empty draft)."""
        return self.not_figures / self.drafted if self.drafted else 0.0


def measure_draft(draft_toml: str, labelled: Iterable[Labelled]) -> DraftMeasures:
    """Compare the stats of a drafted facts file with the figures marked by hand; each
    drafted stat answers for one labelled figure at most."""
    stats = tomllib.loads(draft_toml).get("stats", [])
    left = [(s["as_written"], s["section"], s["paragraph"], s["value"], s["unit"]) for s in stats]
    labels = list(labelled)
    found = units = marked = 0
    for label in labels:
        for index, (written, section, paragraph, value, unit) in enumerate(left):
            place = (written, section, paragraph) == (label.as_written, *label[2:4])
            if place and same_number(Decimal(repr(value)), label.value):
                found += 1
                if label.unit is not None:
                    marked += 1
                    units += unit.split()[-len(label.unit.split()) :] == label.unit.split()
                del left[index]
                break
    placed = {(label.as_written, label.section, label.paragraph) for label in labels}
    strays = sum(
        1 for written, section, paragraph, *_ in left if (written, section, paragraph) not in placed
    )
    return DraftMeasures(len(labels), found, len(stats), strays, units, marked)
