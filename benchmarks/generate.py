"""Write a synthetic but valid facts file of N records, for scale benchmarks.

Usage: python benchmarks/generate.py N OUT.toml
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import tomli_w

from cqedu import load
from cqedu.render.tomlfmt import document_tables

# Invented words, so synthetic records never look like the article's facts.
SYLLABLES = "ka lo mi ra te vu zen do pa si qu ne ho bri sta gol fen tor lim cas".split()
UNITS = ["schools", "students", "teachers", "percent", "programs", "centres", "enterprises"]
QUALIFIERS = [None, "over", "more than", "about"]


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def record(
    rng: random.Random, index: int, levels: list[str], sections: list[str]
) -> dict[str, object]:
    unit = rng.choice(UNITS)
    qualifier = rng.choice(QUALIFIERS)
    if unit == "percent":
        value: int | float = round(rng.uniform(1, 99), 2)
        written = f"{value!r}%"
    else:
        value = rng.randint(1, 5_000_000)
        written = f"{value:,}"
    name = " ".join(word(rng) for _ in range(3)).capitalize()
    row: dict[str, object] = {
        "id": f"synthetic-{index:06d}",
        "name": name,
        "summary": (
            f"Synthetic {unit} figure for {word(rng)} {word(rng)} in the {word(rng)} district."
        ),
        "value": value,
        "unit": unit,
        "as_written": f"{qualifier} {written}" if qualifier else written,
        "level": rng.choice(levels),
        "period": rng.choice(["per year", "as of 2025", "2021-2025"]),
        "keywords": sorted({word(rng) for _ in range(rng.randint(0, 3))}),
        "section": rng.choice(sections),
        "paragraph": rng.randint(1, 5),
    }
    if qualifier:
        row["qualifier"] = qualifier
    return row


def synthetic_tables(count: int, seed: int = 20251020) -> dict[str, object]:
    """The bundled facts, plus synthetic stats up to `count` records in all."""
    rng = random.Random(seed)
    tables = document_tables(load(cache=False).document())
    levels = [lv["id"] for lv in tables["levels"]]  # type: ignore[index]
    sections = list(tables["sources"][0]["sections"])  # type: ignore[index]
    stats: list[dict[str, object]] = tables["stats"]  # type: ignore[assignment]
    existing = sum(
        len(v)
        for k, v in tables.items()
        if isinstance(v, list) and k not in ("sources", "levels", "countries")
    )
    for index in range(max(0, count - existing)):
        stats.append(record(rng, index, levels, sections))
    return tables


def main() -> None:
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    out.write_text(tomli_w.dumps(synthetic_tables(count)), encoding="utf-8")


if __name__ == "__main__":
    main()
