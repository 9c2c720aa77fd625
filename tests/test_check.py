"""`cqedu check`: every problem of every file, one `path:line:column: message` line each."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cqedu.cli import app
from cqedu.core.errors import FactsError
from cqedu.facts.check import check_paths, format_problem
from cqedu.facts.loader import Problem, check_facts
from tests.conftest import MINI_FACTS, SKIPPED_NOTE


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def mini_with(*replacements: tuple[str, str]) -> str:
    text = MINI_FACTS.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new, 1)
    return text


def line_of(text: str, needle: str, after: str = "") -> int:
    start = text.index(after) if after else 0
    return text.count("\n", 0, text.index(needle, start)) + 1


def test_several_problems_of_one_file_each_with_its_line(tmp_path: Path) -> None:
    text = mini_with(
        ("value = 1234", 'value = "lots"'),
        ('level = "preschool"', 'level = "kindergarden"'),
        (
            'paragraph = 2\n\n[[stats]]\nid = "mini-teachers"',
            'paragraph = 0\n\n[[stats]]\nid = "mini-teachers"',
        ),
        ('name = "Singapore"', 'name = "Singapore"\nflag = "red"'),
    )
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f'{path}:{line_of(text, "flag")}:1: countries[1] (name "Singapore"): flag: unknown field',
        f'{path}:{line_of(text, "value = ")}:1: stats[0] (id "mini-schools"): value: expected '
        'a number, got "lots"',
        f'{path}:{line_of(text, "kindergarden")}:1: stats[1] (id "mini-preschool-rate"): level: '
        'unknown level "kindergarden" (did you mean "kindergarten"?); valid levels: preschool, '
        "primary, system-wide",
        f'{path}:{line_of(text, "paragraph = 0")}:1: stats[1] (id "mini-preschool-rate"): '
        "paragraph: expected 1 or more, got 0",
    ]
    assert result.stderr == SKIPPED_NOTE + "cqedu: 4 problems in 1 of 1 facts file\n"


def test_a_faulty_source_or_record_hides_no_other_problem(tmp_path: Path) -> None:
    text = mini_with(
        ('date = "2025-01-02"', 'date = "2025-13-45"'),
        ("value = 1234", 'value = "1234"'),
        ('id = "mini-teachers"', 'id = "mini-schools"'),
    )
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    report = check_paths([path])
    second = line_of(text, 'id = "mini-schools"', after='value = "1234"')
    assert report.problems == (
        f'{path}:{line_of(text, "2025-13-45")}:1: sources[0] (id "mini"): date: expected a date '
        'as "YYYY-MM-DD", got "2025-13-45"',
        f'{path}:{line_of(text, "value = ")}:1: stats[0] (id "mini-schools"): value: expected '
        'a number, got "1234"',
        f'{path}:{second}:1: stats[2] (id "mini-schools"): id: "mini-schools" is already used '
        'by stats[0] (id "mini-schools")',
    )


def test_loading_still_raises_the_first_problem_only(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        mini_with(("value = 1234", 'value = "lots"'), ("paragraph = 2", "paragraph = 0")),
        encoding="utf-8",
    )
    result = run("--facts", str(path), "stats")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f'cqedu: {path}: stats[0] (id "mini-schools"): value: expected a number, got "lots"\n'
    )


def test_valid_files_exit_0(tmp_path: Path) -> None:
    result = run("check", str(MINI_FACTS))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == SKIPPED_NOTE + "cqedu: 1 facts file checked, no problems\n"


def test_check_without_paths_checks_the_facts_option(tmp_path: Path) -> None:
    result = run("--facts", str(MINI_FACTS), "check")
    assert result.stderr == SKIPPED_NOTE + "cqedu: 1 facts file checked, no problems\n"


def test_problems_across_files(tmp_path: Path) -> None:
    first = tmp_path / "a.toml"
    first.write_bytes(MINI_FACTS.read_bytes())
    second_text = mini_with(
        ('id = "mini"', 'id = "other"'),
        ('name = "Primary"', 'name = "Primary school"'),
    )
    second = tmp_path / "b.toml"
    second.write_text(second_text, encoding="utf-8")
    report = check_paths([tmp_path])
    assert report.files == 2
    assert report.faulty_files == 1
    assert len(report.problems) == 9  # the level, and the eight records, in line order
    assert report.problems[0] == (
        f'{second}:{line_of(second_text, "primary")}:1: level "primary" is named "Primary" in '
        f'{first} but "Primary school" in {second}; give it one name'
    )
    assert report.problems[1] == (
        f'{second}:{line_of(second_text, "mini-schools")}:1: record id "mini-schools" is used '
        f"in both {first} and {second}; rename one of them"
        f" (cqedu draft avoids the ids of the facts files --facts names)"
    )


def test_a_syntax_error_at_the_end_still_has_a_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "cut.toml"
    path.write_text('schema = 1\n[[stats]]\nid = "x"\nname = "unfinished', encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert result.stdout == f'{path}:4:19: invalid TOML: invalid basic string, expected `"`\n'


def test_a_file_that_cannot_be_read_is_a_problem_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes(b"schema = 1\n# caf\xe9\n")
    (problem,) = check_paths([path]).problems
    assert problem == (f"{path}:2:1: not UTF-8 (byte 0xe9 at offset 16); save the file as UTF-8")


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "missing.toml"))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"cqedu: {tmp_path / 'missing.toml'}: no such file; pass an existing facts file\n"
    )
    with pytest.raises(FactsError):
        check_paths([tmp_path])  # an empty folder


def test_file_level_problems_point_at_their_key_or_the_first_line() -> None:
    text = 'schema = 2\nnotes = "x"\n'
    document, problems, _ = check_facts(text.encode(), "f.toml")
    assert document is not None
    assert document.facts == ()
    assert [format_problem("f.toml", p) for p in problems] == [
        "f.toml:1:1: schema: expected 1, got 2",
        "f.toml:1:1: sources: missing; add at least one [[sources]] table",
        "f.toml:1:1: no records; add at least one of [[stats]], [[programs]], [[partners]], "
        "[[events]], [[people]], [[organizations]], [[concepts]]",
        'f.toml:2:1: notes: unknown table (did you mean "terms"?)',
    ]


def test_a_problem_keeps_a_position_its_message_gives() -> None:
    problem = Problem("f.toml:19:6: invalid TOML: Invalid value", "", 19, 6)
    assert format_problem("f.toml", problem) == "f.toml:19:6: invalid TOML: Invalid value"


def test_a_nul_byte_in_a_path_is_a_usage_error() -> None:
    result = run("check", "x\x00")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "cqedu: 'x\\x00': a path cannot hold a NUL character\n"


ARTICLES = Path(__file__).parent / "data" / "articles"


def test_strict_fails_a_draft_left_unreviewed(tmp_path: Path) -> None:
    (tmp_path / "a1.txt").write_bytes((ARTICLES / "a1.txt").read_bytes())
    drafted = run("draft", str(tmp_path / "a1.txt"))
    assert drafted.exit_code == 0
    (tmp_path / "a1.toml").write_text(drafted.stdout, encoding="utf-8")
    lenient = run("check", str(tmp_path / "a1.toml"))
    strict = run("check", "--strict", str(tmp_path / "a1.toml"))
    assert lenient.exit_code == 0
    assert (strict.exit_code, strict.stdout) == (1, lenient.stdout)
    assert lenient.stderr == (
        "cqedu: 1 facts file checked, no problems; 37 verified in the article (38 warnings)\n"
    )
    assert strict.stderr == (
        "cqedu: 1 facts file checked, no problems, but --strict fails it on 38 warnings (38 "
        "tables not reviewed); 37 verified in the article\n"
    )
    assert "warning: " in strict.stdout


def test_strict_fails_when_the_article_was_not_found() -> None:
    result = run("check", "--strict", str(MINI_FACTS))
    assert result.exit_code == 1
    assert result.stderr == SKIPPED_NOTE + (
        "cqedu: 1 facts file checked, no problems, but --strict fails it on 1 article not "
        "found, so not verified (mini.txt)\n"
    )


def test_strict_passes_a_file_verified_and_reviewed(tmp_path: Path) -> None:
    (tmp_path / "mini.txt").write_text("Minitown - The town has 1,234 schools.\n", encoding="utf-8")
    facts = tmp_path / "mini.toml"
    facts.write_text(
        'schema = 1\n\n[[sources]]\nid = "mini"\ntitle = "Mini"\nfile = "mini.txt"\n'
        'date = "2025-01-02"\nsummary = "A town\'s schools."\nsections = ["Opening"]\n\n'
        '[[stats]]\nid = "schools"\nname = "Schools"\nsummary = "How many schools."\n'
        'value = 1234\nunit = "schools"\nas_written = "1,234"\nsection = "Opening"\n'
        "paragraph = 1\n",
        encoding="utf-8",
    )
    result = run("check", "--strict", str(facts))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "cqedu: 1 facts file checked, no problems; 1 verified in the article\n"


def test_a_level_the_file_does_not_declare_says_so_and_no_figure_reads_as_unheld(
    tmp_path: Path,
) -> None:
    # The record left out for its level still holds "120": no warning says none does.
    (tmp_path / "lv.txt").write_text(
        "Lakeview Schools\n\nLakeview has 120 vocational students.\n", encoding="utf-8"
    )
    facts = tmp_path / "lv.toml"
    facts.write_text(
        'schema = 1\n\n[[sources]]\nid = "lv"\ntitle = "Lakeview schools"\nfile = "lv.txt"\n'
        'date = "2025-03-04"\nsummary = "Lakeview\'s schools."\nsections = ["Opening"]\n\n'
        '[[stats]]\nid = "lv-vocational-students"\nname = "Vocational students"\n'
        'summary = "Students of the vocational schools."\nvalue = 120\nunit = "students"\n'
        'level = "vocational"\nas_written = "120"\nsection = "Opening"\nparagraph = 1\n',
        encoding="utf-8",
    )
    report = check_paths([facts])
    assert report.problems == (
        f'{facts}:17:1: stats[0] (id "lv-vocational-students"): level: unknown level '
        '"vocational"; valid levels: this file declares none; add a [[levels]] table for it '
        "to this file (each facts file declares the levels its records use; see "
        "docs/schema.md)",
    )
    assert report.warnings == ()


ARTICLE = "Portwick - The ferry carried 4.2 million riders last year, the board said.\n"


@pytest.mark.parametrize(
    ("name", "text", "output"),
    [
        ("ferries.txt", ARTICLE, "ferries.toml"),
        ("ferries.md", "# Ferries\n\n" + ARTICLE, "ferries.toml"),
        # no article suffix: told by its text, and not drafted over itself
        ("ferries.toml", ARTICLE, "ferries-facts.toml"),
        ("ferries", "Ferries\n\n" + ARTICLE, "ferries.toml"),
    ],
)
def test_an_article_given_to_check_is_named_one_with_the_draft_command(
    tmp_path: Path, name: str, text: str, output: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:1:1: this looks like an article, not a facts file (it is not TOML): draft a "
        f"facts file from it with cqedu draft {path} > {tmp_path / output}, then check that "
        "file\n"
    )
    assert result.stderr == "cqedu: 1 problem in 1 of 1 facts file\n"


def test_a_broken_facts_file_is_still_told_its_toml_fault(tmp_path: Path) -> None:
    # A line of prose in a file that has TOML lines is a fault of the facts file.
    path = tmp_path / "broken.toml"
    path.write_text(mini_with(("schema = 1", "schema = 1\nthis line is not toml at all")))
    assert run("check", str(path)).stdout == (
        f"{path}:3:6: invalid TOML: key with no value, expected `=`\n"
    )


def test_strict_says_on_its_summary_line_what_failed(tmp_path: Path) -> None:
    text = mini_with(("[[stats]]", "[[stats]]\n# REVIEW: name, summary"))
    path = tmp_path / "facts.toml"
    path.write_text(text, encoding="utf-8")
    plain = run("check", str(path))
    assert plain.exit_code == 0
    assert plain.stderr == SKIPPED_NOTE + "cqedu: 1 facts file checked, no problems (1 warning)\n"
    strict = run("check", "--strict", str(path))
    assert (strict.exit_code, strict.stdout) == (1, plain.stdout)
    assert strict.stderr == SKIPPED_NOTE + (
        "cqedu: 1 facts file checked, no problems, but --strict fails it on 1 warning (1 table "
        "not reviewed) and 1 article not found, so not verified (mini.txt)\n"
    )
    (tmp_path / "mini.txt").write_text(MINI_ARTICLE, encoding="utf-8")
    strict = run("check", "--strict", str(path))
    assert strict.stdout.splitlines()[1:] == [
        f'{path}:7:1: warning: "7" in paragraph 1 of "Schools" is a figure of mini.txt that '
        "no record holds"
    ]
    assert strict.stderr == (
        "cqedu: 1 facts file checked, no problems, but --strict fails it on 2 warnings (1 table "
        "not reviewed, 1 figure of the article that no record holds); 6 verified in the "
        "article\n"
    )


#: An article for the mini facts file: its figures where the records cite them, and one
#: more ("7 pools") that no record holds.
MINI_ARTICLE = """\
# Mini

## Intro

The town's three robot clubs have about 40 members.

The open day is on January 2.

## Schools

It has 1,234 schools and 7 pools.

Enrollment is 88.5% and over 2.5 million teachers work there.
"""


GUIDE = (
    "# Ferry guide\n\nThe ferry carried 4.2 million riders last year.\n\n```toml\n[[stats]]\n"
    '# REVIEW: name, summary, unit\nid = "riders"\nvalue = 4200000\n```\n'
)


@pytest.mark.parametrize("name", ["GUIDE.md", "guide.txt"])
def test_nothing_more_is_said_of_a_file_that_is_no_facts_file(tmp_path: Path, name: str) -> None:
    # `check README.md` went on to warn of the `# REVIEW:` lines of its code blocks.
    path = tmp_path / name
    path.write_text(GUIDE, encoding="utf-8")
    result = run("check", str(path))
    assert (result.exit_code, result.stdout) == (
        1,
        f"{path}:1:1: this looks like an article, not a facts file (it is not TOML): draft a "
        f"facts file from it with cqedu draft {path} > {path.with_suffix('.toml')}, then check "
        "that file\n",
    )
    assert result.stderr == "cqedu: 1 problem in 1 of 1 facts file\n"


def test_an_empty_articles_path_is_a_usage_error() -> None:
    # it was silently ignored, while every other empty path is refused
    result = run("check", "--articles", "", str(MINI_FACTS))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "cqedu: --articles: the path is empty; give the folder of the article files "
        "(. for the current folder)\n"
    )


def test_an_articles_path_that_is_a_file_says_so_and_names_its_folder(tmp_path: Path) -> None:
    article = tmp_path / "mini.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("check", "--articles", str(article), str(MINI_FACTS))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"cqedu: --articles {article}: is a file, not a folder; give the folder that holds "
        f"the article files (--articles {tmp_path})\n"
    )
    missing = run("check", "--articles", str(tmp_path / "nope"), str(MINI_FACTS))
    assert (missing.exit_code, missing.stderr) == (
        2,
        f"cqedu: --articles {tmp_path / 'nope'}: no such folder\n",
    )


def test_an_absolute_article_path_that_exists_is_read(tmp_path: Path) -> None:
    # "/srv/a.txt not found beside the facts file" named a file that exists
    article = tmp_path / "elsewhere" / "town.txt"
    article.parent.mkdir()
    article.write_text("Intro\n\nThe town has 1,234 schools.\n", encoding="utf-8")
    path = tmp_path / "kb" / "facts.toml"
    path.parent.mkdir()
    path.write_text(mini_with(('file = "mini.txt"', f'file = "{article}"')), encoding="utf-8")
    result = run("check", str(path))
    # verified against that file: its figures are not where the records cite them
    assert (result.exit_code, result.stderr) == (
        1,
        "cqedu: 6 problems in 1 of 1 facts file (1 warning)\n",
    )
    assert f'{path}:40:1: as_written "1,234" is not in paragraph 1 of "Schools"' in result.stdout


def test_an_absolute_article_path_that_is_missing_is_named_as_given(tmp_path: Path) -> None:
    missing = tmp_path / "gone" / "town.txt"
    path = tmp_path / "facts.toml"
    path.write_text(mini_with(('file = "mini.txt"', f'file = "{missing}"')), encoding="utf-8")
    result = run("check", str(path))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (
        f"cqedu: figures not verified against the article: {missing} not found; give its "
        "folder with --articles DIR\ncqedu: 1 facts file checked, no problems\n"
    )


def test_an_empty_file_of_a_source_is_one_problem_and_no_empty_name(tmp_path: Path) -> None:
    # a second message followed: "figures not verified against the article:  not found"
    path = tmp_path / "facts.toml"
    path.write_text(mini_with(('file = "mini.txt"', 'file = ""')), encoding="utf-8")
    result = run("check", str(path))
    assert (result.exit_code, result.stdout) == (
        1,
        f'{path}:7:1: sources[0] (id "mini"): file: must not be empty\n',
    )
    assert result.stderr == "cqedu: 1 problem in 1 of 1 facts file\n"
