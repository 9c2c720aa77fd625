"""Clashes across files are blamed on the file that introduced the second name, at its
line, naming the first (issue 16, item 5)."""

from __future__ import annotations

import os
from pathlib import Path

from cqedu.facts.check import check_paths
from tests.conftest import MINI_FACTS


def line_of(text: str, needle: str) -> int:
    return text.count("\n", 0, text.index(needle)) + 1


def test_a_new_file_that_sorts_first_is_blamed_not_the_untouched_one(tmp_path: Path) -> None:
    bundled = tmp_path / "facts.toml"
    bundled.write_bytes(MINI_FACTS.read_bytes())
    os.utime(bundled, ns=(1_700_000_000_000_000_000,) * 2)  # untouched for a long time
    text = MINI_FACTS.read_text(encoding="utf-8")
    for old, new in (
        ('name = "Primary"', 'name = "Primary school"'),
        ('id = "mini-teachers"', 'id = "new-teachers"'),
    ):
        text = text.replace(old, new, 1)
    new_file = tmp_path / "a-new.toml"  # sorts before facts.toml
    new_file.write_text(text, encoding="utf-8")
    report = check_paths([tmp_path])
    source, level, record = (
        line_of(text, f'id = "{ident}"') for ident in ("mini", "primary", "mini-schools")
    )
    assert (report.files, report.faulty_files) == (2, 1)
    assert report.problems[:3] == (
        f'{new_file}:{source}:1: source id "mini" is used in both '
        f"{bundled} and {new_file}; rename one of them"
        f" (cqedu draft avoids the ids of the facts files --facts names)",
        f'{new_file}:{level}:1: level "primary" is named '
        f'"Primary" in {bundled} but "Primary school" in {new_file}; give it one name',
        f'{new_file}:{record}:1: record id "mini-schools" is '
        f"used in both {bundled} and {new_file}; rename one of them"
        f" (cqedu draft avoids the ids of the facts files --facts names)",
    )
    assert all(line.startswith(f"{new_file}:") for line in report.problems)
    assert not any("new-teachers" in line for line in report.problems)


def test_files_written_at_the_same_time_are_taken_in_the_order_given(tmp_path: Path) -> None:
    first, second = tmp_path / "b.toml", tmp_path / "a.toml"
    for path in (first, second):
        path.write_bytes(MINI_FACTS.read_bytes())
        os.utime(path, ns=(1_700_000_000_000_000_000,) * 2)
    report = check_paths([first, second])
    assert report.problems[0] == (
        f'{second}:5:1: source id "mini" is used in both {first} and {second}; rename one of them'
        f" (cqedu draft avoids the ids of the facts files --facts names)"
    )


def test_a_level_clash_is_placed_at_the_level_not_at_a_record_of_the_same_id(
    tmp_path: Path,
) -> None:
    first = tmp_path / "a.toml"
    first.write_bytes(MINI_FACTS.read_bytes())
    concept = (
        '\n[[concepts]]\nid = "primary"\nname = "Primary idea"\n'
        'summary = "A concept named like a level."\nsection = "Intro"\nparagraph = 1\n'
    )
    text = MINI_FACTS.read_text(encoding="utf-8").replace(
        'sections = ["Intro", "Schools"]\n', f'sections = ["Intro", "Schools"]\n{concept}', 1
    )
    text = text.replace('id = "mini"', 'id = "other"').replace('"Primary"', '"Primary school"')
    second = tmp_path / "b.toml"
    second.write_text(text, encoding="utf-8")
    os.utime(first, ns=(1_700_000_000_000_000_000,) * 2)
    level_line = line_of(text, '[[levels]]\nid = "primary"') + 1
    assert level_line > line_of(text, 'id = "primary"')
    assert check_paths([first, second]).problems[0] == (
        f'{second}:{level_line}:1: level "primary" is named "Primary" in {first} but '
        f'"Primary school" in {second}; give it one name'
    )
