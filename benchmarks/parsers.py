"""Compare TOML parsers for reading facts files: import time, parse speed, TOML 1.0.

    pip install tomli rtoml toml-rs tomli-rs pytomlpp fasttoml   # the candidates
    python benchmarks/parsers.py [--rounds N]

Writes the 130,000-record file and the 2,000-file folder (generate.py) to a temporary
folder, then for each candidate that is installed: its import time (median of
interleaved `python -c "import X"`, less `python -c pass`); the 130,000-record parse and
the parse of every file of the folder one after another (medians, each run in its own
process, less that process's start-up and import); and the conformance cases of
tests/facts/test_toml_conformance.py: valid documents read right, invalid ones refused,
and refused with a line and column in the message.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.metadata
import importlib.util
import math
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PYTHON = sys.executable

# name -> (module to import, call that parses the str `text`)
CANDIDATES = {
    "tomllib": ("tomllib", "tomllib.loads(text)"),
    "tomli (mypyc)": ("tomli", "tomli.loads(text)"),
    "toml-rs": ("toml_rs", "toml_rs.loads(text, toml_version='1.0.0')"),
    "rtoml": ("rtoml", "rtoml.loads(text)"),
    "tomli-rs": ("tomli_rs", "tomli_rs.loads(text)"),
    "pytomlpp": ("pytomlpp", "pytomlpp.loads(text)"),
    "fasttoml": ("fasttoml", "fasttoml.loads(text)"),
}
_POSITION = re.compile(r"line \d+,? col(?:umn)? \d+|line \d+:\d+|\(\d+:\d+\)", re.IGNORECASE)


def seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def import_ms(module: str, rounds: int) -> float:
    """Median extra milliseconds that importing `module` adds to `python -c pass`."""
    bare, loaded = [], []
    for _ in range(rounds):
        bare.append(seconds([PYTHON, "-c", "pass"]))
        loaded.append(seconds([PYTHON, "-c", f"import {module}"]))
    return (statistics.median(loaded) - statistics.median(bare)) * 1000


def parse_seconds(module: str, call: str, files: str, rounds: int) -> float:
    """Median seconds of parsing `files` (a Python expression: a list of paths)."""
    setup = f"import pathlib, {module}\ntexts = [p.read_text('utf-8') for p in {files}]\n"
    code = setup + f"for text in texts:\n    {call}\n"
    base = statistics.median(seconds([PYTHON, "-c", setup]) for _ in range(rounds))
    return statistics.median(seconds([PYTHON, "-c", code]) for _ in range(rounds)) - base


def conformance(parse: Callable[[str], Any]) -> tuple[str, str, str]:
    """(valid read right, invalid refused, refused with a position) as "n/N"."""
    spec = importlib.util.spec_from_file_location(
        "toml_cases", REPO / "tests" / "facts" / "test_toml_conformance.py"
    )
    assert spec is not None and spec.loader is not None
    cases = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cases)
    right = 0
    for _, text, expected in cases.VALID:
        try:
            parsed = parse(text)
        except Exception:  # noqa: S112 - any failure counts as a wrong answer
            continue
        right += parsed == expected and cases._types(parsed) == cases._types(expected)
    nan = "a = nan\nb = +nan\nc = -nan"
    with contextlib.suppress(Exception):  # a failure is a wrong answer
        right += all(math.isnan(value) for value in parse(nan).values())
    refused = placed = 0
    for _, text in cases.INVALID:
        try:
            parse(text)
        except RecursionError:
            refused += 1
        except Exception as error:  # every parser has its own error type
            refused += 1
            placed += bool(_POSITION.search(str(error)))
    valid, invalid = len(cases.VALID) + 1, len(cases.INVALID)
    return f"{right}/{valid}", f"{refused}/{invalid}", f"{placed}/{invalid}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs per measure (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big, folder = Path(tmp) / "facts-130000.toml", Path(tmp) / "folder"
        generate = [PYTHON, str(HERE / "generate.py")]
        subprocess.run([*generate, "130000", str(big)], check=True)
        subprocess.run([*generate, "--folder", "2000", str(folder)], check=True)
        print(f"{time.strftime('%Y-%m-%d %H:%M %Z')}; Python {sys.version.split()[0]}\n")
        print("| parser | version | import | 130,000 records | 2,000 files | valid read "
              "right | invalid refused | refused with line:col |")  # fmt: skip
        print("|---|---|---:|---:|---:|---:|---:|---:|")
        for name, (module, call) in CANDIDATES.items():
            try:
                imported = importlib.import_module(module)
            except ImportError:
                print(f"| {name} | not installed | | | | | | |")
                continue
            try:
                version = importlib.metadata.version(name.split()[0])
            except importlib.metadata.PackageNotFoundError:
                version = "stdlib"
            namespace = {module: imported}
            results = conformance(lambda text, c=call, ns=namespace: eval(c, ns, {"text": text}))  # noqa: S307 - our own fixed expressions
            imports = import_ms(module, 11)
            one = parse_seconds(module, call, f"[pathlib.Path({str(big)!r})]", args.rounds)
            every = f"sorted(pathlib.Path({str(folder)!r}).glob('*.toml'))"
            many = parse_seconds(module, call, every, args.rounds)
            print(
                f"| {name} | {version} | {imports:.1f} ms | {one:.2f} s | {many:.2f} s | "
                f"{' | '.join(results)} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
