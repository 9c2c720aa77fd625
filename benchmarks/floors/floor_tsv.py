"""Floor for `cqedu stats --level preschool -f tsv`: a minimal Typer app printing one TSV line."""

from typing import Annotated

import typer

app = typer.Typer(add_completion=False)


@app.command()
def stats(
    level: Annotated[str | None, typer.Option("--level")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f")] = "tsv",
) -> None:
    """Print one TSV line."""
    print(f"preschool-enrollment-rate\t{level}\t93.5\t{fmt}")


@app.command()
def other() -> None:
    """A second command, so Typer builds a group as cqedu's does."""


if __name__ == "__main__":
    app()
