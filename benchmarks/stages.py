"""Where a first run's time goes: each stage of reading facts files, on one core.

Usage: python benchmarks/stages.py PATH   (a facts file or a folder of them)

Prints CPU seconds (one process, one core, the cycle collector paused as the reading
pipeline pauses it) for each stage a first `search` goes through: read the bytes, parse
the TOML (the parser cqedu uses; tomllib too, for the ratio), validate, split the words
for the search index, make the rows, write them into a scratch database (what a worker
does with them), copy that into the store by SQL, make the store's indexes and merge its
vocabularies, and build the search index. A first run spreads the stages up to the
scratch database over every core (and a large file over its parts); the main process
copies each part or chunk as it comes, while the others are read.
"""

from __future__ import annotations

import contextlib
import gc
import sqlite3
import sys
import tempfile
import time
import tomllib
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cqedu.facts import loader
from cqedu.facts.files import facts_files
from cqedu.facts.toml import PARSER, loads
from cqedu.store import cache, indexing


def main() -> None:
    files = [Path(file.path) for file in facts_files([Path(sys.argv[1])])]
    spent: dict[str, float] = defaultdict(float)

    def timed(stage: str, work: Callable[[], Any]) -> Any:
        start = time.process_time()
        result = work()
        spent[stage] += time.process_time() - start
        return result

    stored: list[cache.FileRows] = []
    gc.disable()
    for path in files:
        label = str(path)
        text = timed(
            "read", lambda p=path, n=label: loader.facts_text(loader.read_facts_bytes(p), n)
        )
        raw = timed(f"parse ({PARSER})", lambda t=text: loads(t))
        document = timed("validate", lambda r=raw, n=label: loader.validate(r, n))
        base = len(stored) * cache.FILE_STRIDE
        places = range(base, base + len(document.facts))
        split = timed(
            "split words", lambda d=document, p=places: indexing.record_words_rows(d.facts, p)
        )
        # the rows alone: document_rows given the words just split rather than splitting again
        real = indexing.record_words_rows
        indexing.record_words_rows = lambda *_, w=split: w  # type: ignore[assignment]
        try:
            rows = timed("rows", lambda d=document, b=base: cache.document_rows(d, b))
        finally:
            indexing.record_words_rows = real  # type: ignore[assignment]
        stored.append(rows)
        timed("tomllib parse (for the ratio)", lambda t=text: tomllib.loads(t))
        del raw, document
    with tempfile.TemporaryDirectory() as tmp:
        scratch = str(Path(tmp) / "part.sqlite3")
        timed("write (worker's database)", lambda: cache._write_rows(scratch, stored))
        with contextlib.closing(
            sqlite3.connect(Path(tmp) / "store.sqlite3", isolation_level=None)
        ) as connection:
            connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
            connection.executescript(cache._schema())

            def copy() -> None:
                connection.execute("BEGIN")
                cache._copy_part(connection, scratch, head=True)
                connection.execute("COMMIT")
                cache._detach_parts(connection)

            def indexes() -> None:
                connection.execute("BEGIN")
                cache._create_indexes(connection)
                cache._merge_vocabularies(connection)
                connection.execute("COMMIT")

            timed("copy (SQL)", copy)
            timed("store indexes", indexes)
            timed("search index", lambda: indexing.create(connection))
    ratio = spent.pop("tomllib parse (for the ratio)")
    print(f"{len(files):,} file(s), {sum(len(r.facts) for r in stored):,} records; CPU seconds:")
    for stage, seconds in spent.items():
        print(f"  {stage:26} {seconds:6.2f} s")
    print(f"  {'total':26} {sum(spent.values()):6.2f} s")
    print(f"  {'(tomllib parse)':26} {ratio:6.2f} s")


if __name__ == "__main__":
    main()
