"""How to make a word inside a Chinese name findable: the options of issue 15, item 8, measured.

Usage: python benchmarks/unspaced.py [RECORDS]   (default 10,000; dev environment)

Writes a facts file of RECORDS partners with Chinese names and summaries (invented from a
pool of common characters), then for each way of splitting a run of an unspaced script
measures: the load (records split into words), the first search (the index built), a
repeated search, the cache file's size, and whether `大学` (a two-character word inside a
longer name) is found. Also the FTS5 trigram tokenizer over the same texts, and jieba's
import and segmentation (when installed: `pip install jieba`).
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import tomli_w

import cqedu
from cqedu.core import text

POOL = "重庆成都北京上海广州西南东华中山师范理工医科交通财经政法农业林业工业科技外国语民族艺术体育"
SUFFIXES = ["大学", "医科大学", "师范大学", "理工学院", "职业技术学院", "中学", "小学", "研究院"]


def facts(records: int, out: Path) -> None:
    rng = random.Random(15)
    partners = []
    for number in range(records):
        stem = "".join(rng.choice(POOL) for _ in range(rng.randint(2, 4)))
        partners.append(
            {
                "id": f"p-{number:06d}",
                "name": stem + rng.choice(SUFFIXES),
                "summary": "".join(rng.choice(POOL) for _ in range(rng.randint(12, 24))) + "。",
                "category": "institution",
                "country": "China",
                "section": "Intro",
                "paragraph": 1,
            }
        )
    document = {
        "schema": 1,
        "sources": [
            {
                "id": "cjk",
                "title": "Synthetic Chinese names",
                "file": "cjk.txt",
                "date": "2025-01-02",
                "summary": "Invented partners.",
                "sections": ["Intro"],
            }
        ],
        "countries": [{"name": "China", "aliases": ["中国"]}],
        "partners": partners,
    }
    out.write_text(tomli_w.dumps(document), encoding="utf-8")


PIECES = text._pieces  # the splitting cqedu does


def whole(run: str) -> list[str]:
    return [run]  # what FTS5's unicode61 does: the run is one token


def bigrams(run: str) -> list[str]:
    return PIECES(run)


def unigrams_and_bigrams(run: str) -> list[str]:
    return [*run, *PIECES(run)] if len(run) > 1 else [run]


def measure(path: Path, split: Callable[[str], list[str]]) -> dict[str, object]:
    text._pieces = split  # type: ignore[assignment]  # the one switch measured here
    with tempfile.TemporaryDirectory() as cache:
        os.environ["CQEDU_CACHE_DIR"] = cache
        started = time.perf_counter()
        kb = cqedu.load(path)
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        kb.search("大学")
        built = time.perf_counter() - started
        times = []
        for query in ["大学", "重庆", "医科大学", "重庆师范"] * 3:
            started = time.perf_counter()
            hits = kb.search(query, 10)
            times.append(time.perf_counter() - started)
        found = len(kb.search("大学", 10_000))
        kb.close()
        size = sum(f.stat().st_size for f in Path(cache).iterdir())
    return {
        "load (split)": f"{loaded:.2f} s",
        "first search (index)": f"{built:.2f} s",
        "repeated search": f"{statistics.median(times) * 1000:.1f} ms",
        "cache file": f"{size / 1e6:.1f} MB",
        "records found by 大学": found,
        "top hit for 重庆师范": hits[0].fact.name if hits else "",
    }


def trigram(path: Path) -> dict[str, object]:
    import tomllib

    rows = tomllib.loads(path.read_text(encoding="utf-8"))["partners"]
    with tempfile.TemporaryDirectory() as folder:
        db = sqlite3.connect(Path(folder) / "t.sqlite3")
        started = time.perf_counter()
        db.execute("CREATE VIRTUAL TABLE t USING fts5(name, summary, tokenize='trigram')")
        db.executemany("INSERT INTO t VALUES (?, ?)", [(r["name"], r["summary"]) for r in rows])
        db.commit()
        built = time.perf_counter() - started
        two = db.execute("SELECT count(*) FROM t WHERE t MATCH '大学'").fetchone()[0]
        started = time.perf_counter()
        three = db.execute("SELECT count(*) FROM t WHERE t MATCH '师范大'").fetchone()[0]
        queried = time.perf_counter() - started
        db.close()
        size = (Path(folder) / "t.sqlite3").stat().st_size
    return {
        "build": f"{built:.2f} s",
        "query 师范大": f"{queried * 1000:.1f} ms ({three} rows)",
        "rows found by 大学 (two characters)": two,
        "size": f"{size / 1e6:.1f} MB",
    }


def jieba(path: Path) -> dict[str, object]:
    code = (
        "import time, tomllib, sys; t = time.perf_counter(); import jieba; "
        "jieba.setLogLevel(60); i = time.perf_counter() - t; "
        f"rows = tomllib.loads(open({str(path)!r}, encoding='utf-8').read())['partners']; "
        "t = time.perf_counter(); list(jieba.cut_for_search(rows[0]['name'])); "
        "d = time.perf_counter() - t; t = time.perf_counter(); "
        "n = sum(len(list(jieba.cut_for_search(r['name'] + r['summary']))) for r in rows); "
        "s = time.perf_counter() - t; print(f'{i:.2f} {d:.2f} {s:.2f} {n}')"
    )
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    if done.returncode != 0:
        return {"not measured": done.stderr.strip().splitlines()[-1]}
    imported, dictionary, segmented, count = done.stdout.split()
    return {
        "import": f"{imported} s",
        "dictionary load (first cut)": f"{dictionary} s",
        "segment every record": f"{segmented} s ({count} words)",
    }


def main() -> None:
    records = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cjk.toml"
        facts(records, path)
        print(f"# {records:,} partners with Chinese names ({path.stat().st_size / 1e6:.1f} MB)")
        for label, split in [
            ("run as one word (unicode61)", whole),
            ("bigrams (chosen)", bigrams),
            ("unigrams and bigrams", unigrams_and_bigrams),
        ]:
            print(f"\n## {label}")
            for key, value in measure(path, split).items():
                print(f"- {key}: {value}")
        print("\n## FTS5 trigram tokenizer (names and summaries only)")
        for key, value in trigram(path).items():
            print(f"- {key}: {value}")
        print("\n## jieba (cut_for_search)")
        for key, value in jieba(path).items():
            print(f"- {key}: {value}")


if __name__ == "__main__":
    main()
