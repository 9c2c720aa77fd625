"""Checking facts files for people who write them: every problem, one `path:line:column` each."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from cqedu.core.errors import FactsError
from cqedu.facts.article import check_against_articles
from cqedu.facts.draft.write import is_placeholder
from cqedu.facts.files import facts_files
from cqedu.facts.loader import Problem, check_facts, read_facts_bytes
from cqedu.facts.merge import clash_message, merge_levels
from cqedu.facts.model import KIND_TABLES, TABLE_OF_KIND, FactsDocument, Level
from cqedu.facts.read import looks_like_article
from cqedu.facts.review import review_warnings

_LINE_PREFIX = re.compile(r":(\d+)(?::(\d+))?: ")
_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\]", re.MULTILINE)


class CheckReport(NamedTuple):
    """What `check` found."""

    files: int
    """How many facts files were checked."""
    faulty_files: int
    """How many of them have a problem of their own or a clash with another."""
    problems: tuple[str, ...]
    """One line per problem, `path:line:column: message`, in file order, clashes last."""
    warnings: tuple[str, ...] = ()
    """`path:line:column: warning: message`: drafted tables not reviewed yet, figures of
    an article that no record holds. They do not make a file faulty."""
    skipped: tuple[str, ...] = ()
    """Article files not found (each once): their figures were not verified."""
    verified: int = 0
    """How many as_written (and date_as_written) were found where their records cite them."""


class _Checked(NamedTuple):
    """One file as `check` read it."""

    label: str
    """The path as given."""
    text: str
    """Its text, to find the line of an id."""
    document: FactsDocument | None
    """What passed validation."""
    record_ids: tuple[str, ...]
    """Every record id it gives, faulty records included."""
    age: tuple[int, int]
    """When it was last written (ns), and its place: the older of two clashing files
    declared the name first, so the clash is reported at the newer."""


def check_paths(paths: Sequence[Path], articles: Path | None = None) -> CheckReport:
    """Check the facts files that `paths` name (folders: their `*.toml` files, sorted).

    Each valid file's figures are verified against its sources' article files, found
    under `articles` or next to the facts file (see `cqedu.facts.article`).

    FactsError (a usage error) when a path does not exist or a folder has no facts file;
    every problem inside the files is listed instead, with the problems across files.
    """
    lines: list[str] = []
    faulty: set[str] = set()
    checked: list[_Checked] = []
    warnings: list[str] = []
    skipped: list[str] = []
    verified = 0
    files = facts_files(paths)
    for file in files:
        label = file.label
        try:
            data = read_facts_bytes(Path(label))
        except FactsError as error:
            lines.append(format_problem(label, Problem(str(error), "", 1, 1)))
            faulty.add(label)
            continue
        document, problems, record_ids = check_facts(data, label)
        text = data.decode("utf-8", errors="replace")
        if document is None and _not_toml(problems) and looks_like_article(label, text):
            # Not a facts file: its one problem says so, and nothing else is said of it
            # (the `# REVIEW:` lines of a README's code blocks are no warnings).
            lines.append(format_problem(label, Problem(_article_message(label), "", 1, 1)))
            faulty.add(label)
            continue
        lines.extend(format_problem(label, problem) for problem in problems)
        if problems:
            faulty.add(label)
        try:
            written = Path(label).stat().st_mtime_ns
        except OSError:  # gone since it was read: its place decides
            written = 0
        age = (written, len(checked))
        checked.append(_Checked(label, text, document, record_ids, age))
        reviewing = review_warnings(label, text)
        warnings.extend(reviewing)
        if document is not None:
            warnings.extend(_placeholders(checked[-1], document, "\n".join(reviewing)))
            against = check_against_articles(label, text, document, articles)
            lines.extend(against.problems)
            faulty.update(label for _ in against.problems[:1])
            # a record left out for a problem may hold a figure: "no record holds" waits
            # until the file's problems are fixed
            warnings.extend(() if problems else against.warnings)
            skipped.extend(f for f in against.skipped if f not in skipped)
            verified += against.verified
    # A faulty file's valid records still take part: its clashes are worth knowing too.
    clashes = _clashes([c for c in checked if c.document is not None])
    order = {c.label: index for index, c in enumerate(checked)}
    clashes.sort(key=lambda clash: (order[clash[0]], _line_number(clash)))
    lines.extend(line for _, line in clashes)
    faulty.update(label for label, _ in clashes)
    return CheckReport(
        len(files), len(faulty), tuple(lines), tuple(warnings), tuple(skipped), verified
    )


#: How a placeholder warning reads, after the table and id.
_PLACEHOLDER = "{field} is still the draft's placeholder"


def _placeholders(checked: _Checked, document: FactsDocument, reviewing: str) -> list[str]:
    """`path:line:column: warning: stats "id" summary is still the draft's placeholder;
    ...` for each title or summary a person was meant to write and has not, in a table
    whose `# REVIEW:` line is gone (`reviewing`: the file's review warnings, joined):
    `--strict` must not pass a file whose records say "as the article gives it"."""
    found: list[str] = []
    fixes = {"title": "give the article's own title", "summary": "write one in your own words"}
    for source in document.sources:
        if f'sources "{source.id}" not reviewed yet' in reviewing:
            continue  # its REVIEW line already lists the fields
        for field, value in (("title", source.title), ("summary", source.summary)):
            if is_placeholder(field, value, source.file):
                message = (
                    f'warning: sources "{source.id}" {_PLACEHOLDER.format(field=field)}; '
                    f"{fixes[field]}"
                )
                found.append(_at_id(checked, source.id, message, ("sources",)))
    for fact in document.facts:
        table = TABLE_OF_KIND[fact.kind]
        if f'{table} "{fact.id}" not reviewed yet' in reviewing:
            continue
        if is_placeholder("summary", fact.summary):
            message = (
                f'warning: {table} "{fact.id}" {_PLACEHOLDER.format(field="summary")}; '
                "say what the record is in your own words"
            )
            found.append(_at_id(checked, fact.id, message, (table,)))
    return found


#: The kinds of warning, by how their message ends or runs, each with how it is counted.
_WARNING_KINDS = (
    (re.compile(r": warning: \w+ \".*\" not reviewed yet: "), "table", "not reviewed"),
    (re.compile(r"that no record holds$"), "figure", "of the article that no record holds"),
    (re.compile(_PLACEHOLDER.format(field=r"\w+") + "; "), "placeholder", "left from the draft"),
)


def strict_failures(report: CheckReport) -> str:
    """What `--strict` fails a report of no problem on, counted by kind: "9 warnings (8
    tables not reviewed, 1 figure of the article that no record holds)", and the
    articles not found."""
    parts: list[str] = []
    if report.warnings:
        counted: list[str] = []
        left = len(report.warnings)
        for pattern, noun, what in _WARNING_KINDS:
            count = sum(1 for line in report.warnings if pattern.search(line))
            left -= count
            if count:
                counted.append(f"{count} {noun}{'s' if count != 1 else ''} {what}")
        if left:
            counted.append(f"{left} other")
        total = len(report.warnings)
        parts.append(f"{total} warning{'s' if total != 1 else ''} ({', '.join(counted)})")
    if report.skipped:
        count = len(report.skipped)
        parts.append(
            f"{count} article{'s' if count != 1 else ''} not found, so not verified "
            f"({', '.join(report.skipped)})"
        )
    return " and ".join(parts)


def _not_toml(problems: Sequence[Problem]) -> bool:
    return len(problems) == 1 and "invalid TOML: " in problems[0].message


def _article_message(label: str) -> str:
    """What to do with an article given to `check` in place of its facts file."""
    path = Path(label)
    # an article named .toml must not be drafted over itself
    target = path.with_name(f"{path.stem}-facts.toml") if path.suffix == ".toml" else None
    output = target or path.with_suffix(".toml")
    return (
        "this looks like an article, not a facts file (it is not TOML): draft a facts file "
        f"from it with cqedu draft {label} > {output}, then check that file"
    )


def format_problem(label: str, problem: Problem) -> str:
    """A problem as `path:line:column: message`, whatever position its message carried."""
    rest = problem.message[len(label) :] if problem.message.startswith(label) else problem.message
    position = _LINE_PREFIX.match(rest)
    if position is not None:
        line, column = int(position[1]), int(position[2] or 1)
        rest = rest[position.end() :]
    else:
        line, column = problem.line or 1, problem.column or 1
        rest = rest.removeprefix(": ")
    return f"{label}:{line}:{column}: {rest}"


def _clashes(files: Sequence[_Checked]) -> list[tuple[str, str]]:
    """(file, line) for each id or level that clashes across files.

    Each is reported in the file that introduced it, at its line, naming the file that
    declared it first: of two files, the one written earlier (else given earlier) came
    first, so an untouched file is not blamed for a newer file's name.
    """
    found: list[tuple[str, str]] = []
    by_age = sorted(files, key=lambda checked: checked.age)
    for what in ("source", "record"):
        first_file: dict[str, str] = {}
        for checked in by_age:
            assert checked.document is not None  # only valid files are compared
            document = checked.document
            ids = [s.id for s in document.sources] if what == "source" else checked.record_ids
            for ident in ids:
                # An id used twice in one file is that file's own problem, reported with it.
                if first_file.get(ident, checked.label) != checked.label:
                    message = clash_message(what, ident, first_file[ident], checked.label)
                    tables = ("sources",) if what == "source" else KIND_TABLES
                    found.append((checked.label, _at_id(checked, ident, message, tables)))
                else:
                    first_file.setdefault(ident, checked.label)
    first_level: dict[str, tuple[str, Level]] = {}
    for checked in by_age:
        assert checked.document is not None
        for level in checked.document.levels:
            first = first_level.setdefault(level.id, (checked.label, level))
            _, clash = merge_levels([first, (checked.label, level)])
            if clash is not None:
                found.append((checked.label, _at_id(checked, level.id, clash, ("levels",))))
    return found


def _line_number(clash: tuple[str, str]) -> int:
    """The line a clash is reported at (its text starts `path:line:column: `)."""
    label, text = clash
    return int(text[len(label) + 1 :].split(":", 1)[0])


def _at_id(checked: _Checked, ident: str, message: str, tables: Collection[str]) -> str:
    """`message` placed at the line that declares `id = "ident"` in one of `tables` of a
    file (a level "primary" is not placed at a record that has the same id)."""
    pattern = re.compile(r'^[ \t]*id[ \t]*=[ \t]*"' + re.escape(ident) + '"', re.MULTILINE)
    starts, names = _headers(checked.text)
    for match in pattern.finditer(checked.text):
        before = bisect_right(starts, match.start())
        if not before or names[before - 1] in tables:
            line = checked.text.count("\n", 0, match.start()) + 1
            column = match.start() - checked.text.rfind("\n", 0, match.start())
            return f"{checked.label}:{line}:{column}: {message}"
    return f"{checked.label}:1:1: {message}"


@lru_cache(maxsize=4)  # the clashes of one file ask in turn; a folder's files one by one
def _headers(text: str) -> tuple[list[int], list[str]]:
    """Where each `[[table]]` header of a text starts, and its table."""
    found = [(match.start(), match[1]) for match in _HEADER.finditer(text)]
    return [start for start, _ in found], [name for _, name in found]
