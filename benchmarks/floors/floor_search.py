"""Floor for `cqedu search leicester -f json`: fuzzy-match 60 strings with rapidfuzz, print JSON."""

import json
from typing import Annotated

import typer

app = typer.Typer(add_completion=False)
CHOICES = [f"record number {i} about university of leicester topic {i % 7}" for i in range(60)]


@app.command()
def search(
    query: Annotated[list[str], typer.Argument()],
    fmt: Annotated[str, typer.Option("--format", "-f")] = "json",
    limit: Annotated[int, typer.Option("--limit", "-n")] = 10,
) -> None:
    """Match and print JSON."""
    from rapidfuzz import fuzz, process

    found = process.extract(" ".join(query), CHOICES, scorer=fuzz.WRatio, limit=limit)
    print(json.dumps([{"name": c, "score": s, "format": fmt} for c, s, _ in found], indent=2))


@app.command()
def other() -> None:
    """A second command, so Typer builds a group as cqedu's does."""


if __name__ == "__main__":
    app()
