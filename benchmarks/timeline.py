"""The timeline of one first `search`: when each part or chunk comes back from its worker,
when the main process copies and indexes it, and what is left after the last.

Usage: python benchmarks/timeline.py PATH   (a facts file or a folder of them)

Loads PATH for search with an empty cache (in a scratch folder), as a first `cqedu search`
does, then runs one search. Prints, for each step, the wall seconds since the load began
and the main process's CPU seconds (workers' CPU at the end). Steps are observed by
wrapping the store's functions, so the numbers include a few microseconds of wrapping.
`stages.py` gives each stage's CPU on one core; this gives how they overlap on all cores.
"""

from __future__ import annotations

import functools
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cqedu
from cqedu.store import cache, indexing

STEPS = {
    "_copy_part": "copy a part or chunk",
    "_create_indexes": "store indexes",
    "_merge_vocabularies": "merge vocabularies",
    "_clashing_ids": "ids clashing across files",
    "_build_search_index": "search index, whole",
}


def main() -> None:
    path = Path(sys.argv[1])
    start = time.perf_counter()
    steps: list[tuple[float, float, float, str]] = []

    def timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            began, cpu = time.perf_counter() - start, time.process_time()
            result = function(*args, **kwargs)
            spent = time.process_time() - cpu
            steps.append((began, time.perf_counter() - start, spent, label))
            return result

        return wrapper

    for name, label in STEPS.items():
        setattr(cache, name, timed(label, getattr(cache, name)))
    indexing.PartsIndex.add = timed("index a part", indexing.PartsIndex.add)  # type: ignore[method-assign]
    indexing.PartsIndex.finish = timed("finish the index", indexing.PartsIndex.finish)  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["CQEDU_CACHE_DIR"] = scratch
        kb = timed("load", cqedu.load)(path, for_search=True)
        timed("search", kb.search)("synthetic schools")
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{'from':>7} {'to':>7} {'CPU':>6}  step (wall seconds since the load began)")
    for began, ended, spent, label in sorted(steps):
        print(f"{began:7.2f} {ended:7.2f} {spent:6.2f}  {label}")
    print(f"main process CPU {time.process_time():.2f} s; workers' CPU "
          f"{workers.ru_utime + workers.ru_stime:.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
