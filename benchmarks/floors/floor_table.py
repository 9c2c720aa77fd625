"""Floor for `cqedu stats -f table`: the smallest Typer app printing a 35-row Rich table."""

from typing import Annotated

import typer

app = typer.Typer(add_completion=False)


@app.command()
def stats(
    level: Annotated[str | None, typer.Option("--level")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f")] = "table",
) -> None:
    """Print a 35-row table."""
    from rich.console import Console
    from rich.table import Table

    table = Table("Record", "Figure", "Level", "Share")
    for i in range(35):
        table.add_row(f"record-{i}\nName {i}\nA summary line {i}", f"{i * 37:,}", str(level), fmt)
    Console().print(table)


@app.command()
def other() -> None:
    """A second command, so Typer builds a group as cqedu's does."""


if __name__ == "__main__":
    app()
