"""Write synthetic but valid facts files, for scale benchmarks.

Usage: python benchmarks/generate.py N OUT.toml     one file of N records
       python benchmarks/generate.py --folder N OUT  a folder of N facts files, each a full
                                                     article (about 65 records) with its own
                                                     source and ids (2,000 files: about 70 MB)
"""

from __future__ import annotations

import copy
import random
import sys
from pathlib import Path
from typing import Any

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


def article_tables(base: dict[str, Any], number: int, rng: random.Random) -> dict[str, Any]:
    """The bundled article as article `number`: its own source id, record ids and name words."""
    tables = copy.deepcopy(base)
    prefix = f"a{number:05d}-"
    source = tables["sources"][0]
    source["id"] = f"article-{number:05d}"
    source["title"] = f"Synthetic article {number} on {word(rng)} education"
    for name, records in tables.items():
        if name in ("schema", "sources", "levels", "countries", "terms"):
            continue
        for row in records:
            row["id"] = prefix + row["id"]
            if "related" in row:
                row["related"] = [prefix + other for other in row["related"]]
            # A word of its own per record, so searches tell the articles apart.
            row["name"] = f"{row['name']} {word(rng)}"
    return tables


def write_folder(count: int, out: Path, seed: int = 20251020) -> None:
    """`count` facts files in `out`, named article-00000.toml, ..."""
    rng = random.Random(seed)
    base = document_tables(load(cache=False).document())
    out.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        text = tomli_w.dumps(article_tables(base, number, rng))
        (out / f"article-{number:05d}.toml").write_text(text, encoding="utf-8")


def main() -> None:
    if sys.argv[1] == "--folder":
        write_folder(int(sys.argv[2]), Path(sys.argv[3]))
        return
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    out.write_text(tomli_w.dumps(synthetic_tables(count)), encoding="utf-8")


if __name__ == "__main__":
    main()
