"""Benchmark cqedu against the start-up floor, at scale, and for search quality.

Run from the repository root in the dev environment:

    python benchmarks/run.py                 # everything (about 15 minutes on 2 cores)
    python benchmarks/run.py --quick         # fewer rounds, scale up to 10,000 records
                                             # and a folder of 100 facts files
    python benchmarks/run.py --only-scale    # the first runs at 130,000 records and of
                                             # the 2,000-file folder (about 5 minutes)

A target that a run does not measure (the 130,000-record and 2,000-file targets under
--quick) is reported as "not measured", never as met.

Whole processes are timed, interleaved with their floors, and medians reported.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PYTHON = sys.executable
CQEDU = str(Path(PYTHON).with_name("cqedu"))
BUNDLED = [
    # (label, cqedu arguments, floor script, floor arguments)
    ("stats --level preschool -f tsv", ["stats", "--level", "preschool", "-f", "tsv"],
     "floor_tsv.py", ["stats", "--level", "preschool", "-f", "tsv"]),
    ("search leicester -f json", ["search", "leicester", "-f", "json"],
     "floor_search.py", ["search", "leicester", "-f", "json"]),
    ("stats -f table", ["stats", "-f", "table"],
     "floor_table.py", ["stats", "-f", "table"]),
    # ask is held to the search floor: a question costs a fuzzy match over the records.
    ("ask how many teachers -f json", ["ask", "how", "many", "teachers", "-f", "json"],
     "floor_search.py", ["search", "how", "many", "teachers", "-f", "json"]),
    ("ask kindergarden enrolment rate", ["ask", "kindergarden", "enrolment", "rate"],
     "floor_search.py", ["search", "kindergarden", "enrolment", "rate", "-f", "json"]),
]  # fmt: skip
SCALE_COMMANDS = [
    ("search", ["search", "synthetic", "schools"]),
    ("stats --level", ["stats", "--level", "preschool"]),
    ("show", ["show", "schools"]),
]


def run_once(command: Sequence[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one whole process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=REPO
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit {process.returncode}")
    return elapsed, usage.ru_maxrss


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


#: The bar for each bundled command (its median against its floor's) and how many of the
#: runs must meet it: the machine is shared, so one run alone says little.
BUNDLED_BAR = 1.20
BUNDLED_RUNS = 4
BUNDLED_MET = 3


def bundled_runs(rounds: int, env: dict[str, str]) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Seconds of every process over `rounds` interleaved rounds, and peak RSS (KiB)."""
    scale = {
        "python -c pass": [PYTHON, "-c", "pass"],
        "python -c 'import typer'": [PYTHON, "-c", "import typer"],
    }
    jobs = list(scale.items())
    for label, args, floor, floor_args in BUNDLED:
        jobs += [
            (label, [CQEDU, *args]),
            (f"floor: {label}", [PYTHON, str(HERE / "floors" / floor), *floor_args]),
        ]
    times: dict[str, list[float]] = {}
    memory: dict[str, int] = {}
    for round_number in range(rounds):
        # alternate the order so neither side always runs first
        for name, command in reversed(jobs) if round_number % 2 else jobs:
            elapsed, rss = run_once(command, env)
            times.setdefault(name, []).append(elapsed)
            memory[name] = max(memory.get(name, 0), rss)
    return times, memory


def bundled_benchmark(rounds: int, env: dict[str, str]) -> bool:
    """Each bundled-facts command against its floor in BUNDLED_RUNS runs; True when every
    command is within BUNDLED_BAR in BUNDLED_MET of them, under 60 MB."""
    run_once([CQEDU, "stats"], env)  # warm the cache, as a user's second run finds it
    run_once([CQEDU, "search", "leicester"], env)
    # a question with a typo indexes the English word list once (store/english.py): a
    # user's later questions find it, and its one-time load is no question's peak memory
    run_once([CQEDU, "ask", "kindergarden", "enrolment", "rate"], env)
    runs = [bundled_runs(rounds, env) for _ in range(BUNDLED_RUNS)]
    print(
        f"\n## Bundled facts: {BUNDLED_RUNS} runs, each the medians of {rounds} interleaved "
        "rounds\n"
    )
    print("| command | median | floor | ratio (each run) | runs <= "
          f"{BUNDLED_BAR:.2f}x | target | peak RSS |")  # fmt: skip
    print("|---|---:|---:|---|---:|---|---:|")
    ok = True
    for name in ("python -c pass", "python -c 'import typer'"):
        median = ms(statistics.median(t for times, _ in runs for t in times[name]))
        peak = max(memory[name] for _, memory in runs)
        print(f"| `{name}` | {median} | | | | | {peak / 1024:.1f} MB |")
    for label, *_ in BUNDLED:
        ratios = [
            statistics.median(times[label]) / statistics.median(times[f"floor: {label}"])
            for times, _ in runs
        ]
        mine = statistics.median(t for times, _ in runs for t in times[label])
        floor = statistics.median(t for times, _ in runs for t in times[f"floor: {label}"])
        peak = max(memory[label] for _, memory in runs) / 1024
        within = sum(ratio <= BUNDLED_BAR for ratio in ratios)
        met = within >= BUNDLED_MET and peak < 60
        ok &= met
        shown = ", ".join(f"{ratio:.2f}x" for ratio in ratios)
        print(
            f"| `cqedu {label}` | {ms(mine)} | {ms(floor)} | {shown} "
            f"(spread {min(ratios):.2f}-{max(ratios):.2f}x) | {within} of {len(ratios)} | "
            f"<= {BUNDLED_BAR:.2f}x in {BUNDLED_MET} of {BUNDLED_RUNS}, < 60 MB: "
            f"{'met' if met else 'NOT met'} | {peak:.1f} MB |"
        )
    return ok


#: (module, call on `text`) of the reference parser and of the one cqedu uses.
TOMLLIB = ("tomllib", "tomllib.loads(text)")
TOML_RS = ("toml_rs", "toml_rs.loads(text, toml_version='1.0.0')")


def parse_seconds(
    paths: str, env: dict[str, str], rounds: int, parser: tuple[str, str] = TOMLLIB
) -> float:
    """Median time of parsing files one after another, in its own process, less start-up
    and reading; `paths` is a Python expression for the list of paths."""
    module, call = parser
    setup = f"import pathlib, {module}\ntexts = [p.read_text('utf-8') for p in {paths}]\n"
    code = setup + f"for text in texts:\n    {call}\n"
    base = statistics.median(run_once([PYTHON, "-c", setup], env)[0] for _ in range(3))
    runs = [run_once([PYTHON, "-c", code], env)[0] for _ in range(rounds)]
    return statistics.median(runs) - base


def stages(path: Path, env: dict[str, str]) -> None:
    """Where a first run's CPU time goes (benchmarks/stages.py), printed as it comes."""
    print(f"\nWhere the time goes (`benchmarks/stages.py`, one core; {path.name}):\n")
    result = subprocess.run(
        [PYTHON, str(HERE / "stages.py"), str(path)],
        env=env, cwd=REPO, capture_output=True, text=True, check=True,
    )  # fmt: skip
    print("```\n" + result.stdout.rstrip() + "\n```")


def verdict(ok: bool | None) -> str:
    """How a target came out; None: this run did not measure it."""
    return "not measured" if ok is None else "met" if ok else "NOT met"


#: A first run against the tomllib parse of the same facts: the bar, and the goal.
FIRST_BAR, FIRST_GOAL = 0.5, 0.3
FOLDER_BAR, FOLDER_GOAL = 0.6, 0.4


def scale_benchmark(sizes: list[int], rounds: int, env: dict[str, str], work: Path) -> bool | None:
    print(f"\n## Scale: synthetic facts files (repeated runs: medians of {rounds})\n")
    print(
        "| records | file | tomllib parse | toml-rs parse | command | first run "
        "| first / tomllib parse | repeated | peak RSS |"
    )
    print("|---:|---:|---:|---:|---|---:|---:|---:|---:|")
    ok: bool | None = None  # until the 130,000-record file is measured
    ratios: list[float] = []
    for size in sizes:
        path = work / f"facts-{size}.toml"
        # In a child process: a large benchmark process would inflate the children's peak
        # RSS, which counts the parent's memory at fork time.
        subprocess.run([PYTHON, str(HERE / "generate.py"), str(size), str(path)], check=True)
        first_rounds = 3
        listed = f"[pathlib.Path({str(path)!r})]"
        parse = parse_seconds(listed, env, first_rounds)
        fast = parse_seconds(listed, env, first_rounds, TOML_RS)
        for label, args in SCALE_COMMANDS:
            command = [CQEDU, "--facts", str(path), *args]
            firsts = []
            for _ in range(first_rounds):
                shutil.rmtree(env["CQEDU_CACHE_DIR"], ignore_errors=True)
                firsts.append(run_once(command, env)[0])
            first = statistics.median(firsts)
            repeated: list[float] = []
            peak = 0
            for _ in range(rounds):
                elapsed, rss = run_once(command, env)
                repeated.append(elapsed)
                peak = max(peak, rss)
            again = statistics.median(repeated)
            if size >= 130_000:
                limit = 1.0 if label == "search" else 0.5
                ok = (ok is not False) and again < limit and first / parse <= FIRST_BAR
                ratios.append(first / parse)
            print(
                f"| {size:,} | {path.stat().st_size / 1e6:.1f} MB | {parse:.2f} s | {fast:.2f} s "
                f"| `{label}` | {first:.2f} s | {first / parse:.2f}x | {ms(again)} "
                f"| {peak / 1024:.0f} MB |"
            )
        if size == sizes[-1]:
            stages(path, env)
        shutil.rmtree(env["CQEDU_CACHE_DIR"], ignore_errors=True)
        path.unlink()
    print("\nTargets at 130,000 records: repeated search < 1.0 s, stats --level and show < 0.5 s,")
    print(
        f"first run <= {FIRST_BAR}x the tomllib parse (goal {FIRST_GOAL}x): {verdict(ok)}", end=""
    )
    print(f"; first / parse {min(ratios):.2f}-{max(ratios):.2f}x" if ratios else "")
    return ok


def edit_one(folder: Path, number: int) -> None:
    """Change one figure's summary in one file, as an author would, with a new mtime."""
    path = sorted(folder.glob("*.toml"))[number]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('summary = "', f'summary = "Edit {number}: ', 1), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def folder_benchmark(count: int, rounds: int, env: dict[str, str], work: Path) -> bool | None:
    """A folder of `count` facts files: first search, repeated search, stats after one edit."""
    folder = work / f"folder-{count}"
    subprocess.run(
        [PYTHON, str(HERE / "generate.py"), "--folder", str(count), str(folder)], check=True
    )
    size = sum(p.stat().st_size for p in folder.glob("*.toml"))
    every = f"sorted(pathlib.Path({str(folder)!r}).glob('*.toml'))"
    parse = parse_seconds(every, env, 3)
    fast = parse_seconds(every, env, 3, TOML_RS)
    facts = ["--facts", str(folder)]
    search = [CQEDU, *facts, "search", "leicester", "medicine"]
    stats = [CQEDU, *facts, "stats", "--level", "preschool"]
    firsts = []
    for _ in range(3):
        shutil.rmtree(env["CQEDU_CACHE_DIR"], ignore_errors=True)
        firsts.append(run_once(search, env)[0])
    first = statistics.median(firsts)
    # The load alone (parse, validate, store), without building the search index:
    first_stats = []
    for _ in range(3):
        shutil.rmtree(env["CQEDU_CACHE_DIR"], ignore_errors=True)
        first_stats.append(run_once(stats, env)[0])
    loaded = statistics.median(first_stats)
    again = statistics.median(run_once(search, env)[0] for _ in range(rounds))
    edited = []
    for number in range(rounds):
        edit_one(folder, number * 7 % count)
        edited.append(run_once(stats, env)[0])
    after_edit = statistics.median(edited)
    shutil.rmtree(env["CQEDU_CACHE_DIR"], ignore_errors=True)
    stages(folder, env)
    shutil.rmtree(folder)
    print(f"\n## A folder of {count:,} facts files ({size / 1e6:.1f} MB; medians)\n")
    print("| measure | time | target |")
    print("|---|---:|---|")
    print(f"| tomllib parse of every file, one after another | {parse:.2f} s | |")
    print(f"| toml-rs parse of every file, one after another | {fast:.2f} s | |")
    print(
        f"| first `stats --level`, empty cache (the load alone) | {loaded:.2f} s "
        f"({loaded / parse:.2f}x) | |"
    )
    measured = count >= 2_000  # the targets are set at 2,000 files
    results = [
        ("first `search`, empty cache", f"{first:.2f} s ({first / parse:.2f}x the tomllib parse)",
         f"<= {FOLDER_BAR}x the tomllib parse (goal {FOLDER_GOAL}x)",
         first <= FOLDER_BAR * parse),
        ("repeated `search`", f"{again:.2f} s", "< 0.3 s", again < 0.3),
        ("`stats --level` after editing one file", f"{after_edit:.2f} s", "< 0.5 s",
         after_edit < 0.5),
    ]  # fmt: skip
    for label, shown, target, met in results:
        print(f"| {label} | {shown} | {target}: {verdict(met if measured else None)} |")
    ok = all(met for *_, met in results) if measured else None
    if not measured:
        print("\nThe targets are set at 2,000 files; this run did not measure them.")
    return ok


def accuracy() -> bool:
    import cqedu

    queries = tomllib.loads((REPO / "tests" / "data" / "labelled_queries.toml").read_text())
    kb = cqedu.load(REPO / "facts.toml", cache=False)
    top1 = top3 = 0
    misses = []
    for item in queries["queries"]:
        found = [hit.fact.id for hit in kb.search(item["query"], 3)]
        top1 += found[:1] == [item["expect"]]
        top3 += item["expect"] in found
        if found[:1] != [item["expect"]]:
            misses.append(f"{item['query']!r} -> {found[:1]} (expected {item['expect']})")
    total = len(queries["queries"])
    print(f"\n## Search quality on {total} labelled queries\n")
    print(f"top-1: {top1}/{total} = {top1 / total:.1%}; top-3: {top3}/{total} = {top3 / total:.1%}")
    for miss in misses:
        print(f"  top-1 miss: {miss}")
    return top3 / total >= 0.95


#: The labelled question sets: the tuning set `ask` was tuned on, and the kept-apart set,
#: written from the article alone and never tuned on (its score is reported as it is).
QUESTION_SETS = (
    ("tuning set", REPO / "tests" / "data" / "questions.toml"),
    ("kept-apart set", REPO / "tests" / "data" / "questions_heldapart.toml"),
    ("kept-apart set 2", REPO / "tests" / "data" / "questions_heldapart2.toml"),
    ("kept-apart set 3", REPO / "tests" / "data" / "questions_heldapart3.toml"),
    ("kept-apart set 4", REPO / "tests" / "data" / "questions_heldapart4.toml"),
    ("kept-apart set 5", REPO / "tests" / "data" / "questions_heldapart5.toml"),
    ("kept-apart set 6", REPO / "tests" / "data" / "questions_heldapart6.toml"),
    ("kept-apart set 7", REPO / "tests" / "data" / "questions_heldapart7.toml"),
    ("kept-apart set 8", REPO / "tests" / "data" / "questions_heldapart8.toml"),
    ("kept-apart set 9", REPO / "tests" / "data" / "questions_heldapart9.toml"),
    ("fresh tuning set A", REPO / "tests" / "data" / "questions_fresh_a.toml"),
    ("fresh tuning set B", REPO / "tests" / "data" / "questions_fresh_b.toml"),
    ("fresh tuning set C", REPO / "tests" / "data" / "questions_fresh_c.toml"),
    ("fresh tuning set D", REPO / "tests" / "data" / "questions_fresh_d.toml"),
    ("fresh tuning set E", REPO / "tests" / "data" / "questions_fresh_e.toml"),
    ("fresh tuning set F", REPO / "tests" / "data" / "questions_fresh_f.toml"),
    ("fresh tuning set G", REPO / "tests" / "data" / "questions_fresh_g.toml"),
    ("fresh tuning set H", REPO / "tests" / "data" / "questions_fresh_h.toml"),
    ("fresh tuning set I", REPO / "tests" / "data" / "questions_fresh_i.toml"),
    ("fresh tuning set J", REPO / "tests" / "data" / "questions_fresh_j.toml"),
    ("fresh tuning set K", REPO / "tests" / "data" / "questions_fresh_k.toml"),
)
#: The sets tuned on, whose misses are printed; the kept-apart set's questions stay unread.
TUNING_SETS = frozenset(path for label, path in QUESTION_SETS if "kept-apart" not in label)


def _questions(path: Path) -> list[dict[str, object]]:
    """The labelled questions of a set: its one array of tables, whatever its key."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return next(v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict))


def ask_accuracy() -> bool:
    """Share of each set's labelled questions `ask` answers right; no unanswerable answered.

    `expect`: the answer's record; `named`: a list's records in order; `refuse`: the article
    cannot answer, and the refusal holds that text (`true`: any refusal).
    """
    import cqedu

    kb = cqedu.load(REPO / "facts.toml", cache=False)
    ok = True
    for label, path in QUESTION_SETS:
        items = _questions(path)
        right = 0
        answered_wrongly: list[str] = []
        misses: list[str] = []
        for item in items:
            question = str(item["question"])
            try:
                answer = kb.ask(question)
            except cqedu.NoMatchError as error:
                refuse = item.get("refuse")
                good = refuse is True or (isinstance(refuse, str) and refuse in str(error))
                got = f"refused: {error}"
            else:
                if "refuse" in item:
                    answered_wrongly.append(f"{question!r} -> {answer.text}")
                ids = [f.id for f in answer.named]
                good = "refuse" not in item and (
                    ids == item["named"] if "named" in item else ids[0] == item.get("expect")
                )
                got = answer.text
            right += good
            if not good:
                misses.append(f"{question!r} -> {got}")
        total = len(items)
        refusals = sum("refuse" in item for item in items)
        print(f"\n## ask on the {label}: {total} questions ({refusals} unanswerable)\n")
        print(f"answered right: {right}/{total} = {right / total:.1%} (target >= 95%)")
        print(f"unanswerable questions answered: {len(answered_wrongly)} (target 0)")
        # The kept-apart set's questions stay unread: only its score is shown.
        if path in TUNING_SETS:
            for miss in misses:
                print(f"  miss: {miss}")
        ok &= right / total >= 0.95 and not answered_wrongly
    return ok


def draft_accuracy(articles: Path) -> bool | None:
    """How many figures `cqedu draft` finds right in the labelled test articles and, when
    `articles` holds it, in the bundled article (whose figures are those of facts.toml)."""
    from cqedu.facts.draft import draft_file
    from cqedu.facts.draft.measure import Labelled, measure_draft

    print("\n## draft: figures found with the right value, as_written, section and paragraph\n")
    print("article | figures | found | drafted | not figures | unit right")
    print("---|---|---|---|---|---")
    folder = REPO / "tests" / "data" / "articles"
    for name in ("a1", "a2", "a3", "a4"):
        labels = tomllib.loads((folder / f"{name}.figures.toml").read_text())["figures"]
        m = measure_draft(
            draft_file(folder / f"{name}.txt"),
            [
                Labelled(f["as_written"], f["value"], f["section"], f["paragraph"], f["unit"])
                for f in labels
            ],
        )
        print(f"{name} | {m.labelled} | {m.found} ({m.found_share:.1%}) | {m.drafted} | "
              f"{m.not_figures} ({m.not_figure_share:.1%}) | "
              f"{m.units} of {m.marked_units}")  # fmt: skip
    facts = tomllib.loads((REPO / "facts.toml").read_text())
    source = facts["sources"][0]
    article = articles / source["file"]
    if not article.is_file():
        print(f"\nbundled article: not measured ({article} not found)")
        return None
    records = [r for table in facts.values() if isinstance(table, list) for r in table]
    labelled = [
        Labelled(r["as_written"], r["value"], r["section"], r["paragraph"], r.get("unit"))
        for r in records
        if "as_written" in r
    ]
    m = measure_draft(draft_file(article), labelled)
    print(f"bundled | {m.labelled} | {m.found} ({m.found_share:.1%}) | {m.drafted} | "
          f"{m.not_figures} ({m.not_figure_share:.1%}) | "
          f"{m.units} of {m.marked_units}")  # fmt: skip
    draft_levels(article, facts, records)
    print("\ntargets: found >= 95%, not figures <= 10% (bundled article)")
    return m.found_share >= 0.95 and m.not_figure_share <= 0.10


def draft_levels(article: Path, facts: dict[str, Any], records: list[dict[str, Any]]) -> None:
    """The levels the draft proposes for the bundled article's figures, drafted with
    facts.toml's levels as the knowledge base's, against the levels facts.toml gives."""
    from cqedu.facts.draft import draft_file
    from cqedu.facts.model import Level

    levels = [Level(v["id"], v["name"], tuple(v.get("aliases", ()))) for v in facts["levels"]]
    place = {
        (r["as_written"], r["section"], r["paragraph"]): r.get("level")
        for r in records
        if "as_written" in r
    }
    stats = tomllib.loads(draft_file(article, levels=levels))["stats"]
    given = [
        (s.get("level"), place.get((s["as_written"], s["section"], s["paragraph"]))) for s in stats
    ]
    right = sum(1 for drafted, labelled in given if drafted is not None and drafted == labelled)
    wrong = sum(1 for drafted, labelled in given if drafted is not None and drafted != labelled)
    unset = sum(1 for drafted, labelled in given if drafted is None and labelled is not None)
    print(
        f"\nbundled levels: {right + wrong} of {len(stats)} figures given one, {right} as in "
        f"facts.toml, {wrong} not; {unset} with a level in facts.toml left without one"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few rounds, up to 10,000 records")
    parser.add_argument("--rounds", type=int, default=None, help="interleaved rounds (bundled)")
    parser.add_argument(
        "--files", type=int, default=None, help="facts files in the folder (default 2,000)"
    )
    parser.add_argument(
        "--articles",
        type=Path,
        default=REPO.parent / "shared" / "source",
        help="folder holding the bundled article (default ../shared/source)",
    )
    parser.add_argument("--only-draft", action="store_true", help="only the draft measures")
    parser.add_argument(
        "--only-scale",
        action="store_true",
        help="only the first runs at scale: the largest file and the folder (with --quick, "
        "10,000 records and 100 files)",
    )
    parser.add_argument(
        "--only-bundled",
        action="store_true",
        help="only the bundled commands against their start-up floors",
    )
    args = parser.parse_args()
    if args.only_draft:
        draft_accuracy(args.articles)
        return
    files = args.files or (100 if args.quick else 2_000)
    rounds = args.rounds or (5 if args.quick else 11)
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 130_000]

    # pip compiles bytecode when it installs cqedu; this machine may forbid writing it
    # (PYTHONDONTWRITEBYTECODE), so compile here to time what users run.
    import cqedu

    compileall.compile_dir(Path(cqedu.__file__).parent, quiet=1)
    compileall.compile_dir(HERE / "floors", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
        env["CQEDU_CACHE_DIR"] = str(work / "cache")
        print("# cqedu benchmark")
        print(f"\n{time.strftime('%Y-%m-%d %H:%M %Z')}; Python {platform.python_version()} on "
              f"{platform.machine()}, {os.cpu_count()} CPUs")  # fmt: skip
        if args.only_bundled:
            bundled_benchmark(rounds, env)
            return
        if args.only_scale:
            scale_benchmark(sizes[-1:], 3 if args.quick else 5, env, work)
            folder_benchmark(files, 3 if args.quick else 5, env, work)
            return
        results = [
            bundled_benchmark(rounds, env),
            scale_benchmark(sizes, 3 if args.quick else 5, env, work),
            folder_benchmark(files, 3 if args.quick else 5, env, work),
            accuracy(),
            ask_accuracy(),
            draft_accuracy(args.articles),
        ]
    measured = [result for result in results if result is not None]
    print(f"\nall measured targets met: {all(measured)}", end="")
    unmeasured = len(results) - len(measured)
    print(f"; {unmeasured} not measured by this run" if unmeasured else "")


if __name__ == "__main__":
    main()
