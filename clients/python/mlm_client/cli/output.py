"""How answers are shown: a table for people, JSON or YAML for scripts (`--output`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any, Protocol

import typer
import yaml
from rich.console import Console
from rich.table import Table
from rich.text import Text

stdout = Console()


class Format(StrEnum):
    table = "table"
    json = "json"
    yaml = "yaml"


class Serialisable(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


Row = dict[str, Any]
# A table column: its header and how to read it from the answer's JSON form.
Column = tuple[str, Callable[[Row], Any]]


def field(*path: str | int) -> Callable[[Row], Any]:
    def read(row: Row) -> Any:
        value: Any = row
        for step in path:
            if isinstance(value, dict) and isinstance(step, str):
                value = value.get(step)
            elif isinstance(value, list) and isinstance(step, int) and step < len(value):
                value = value[step]
            else:
                return None
        return value

    return read


def data(value: Serialisable | Sequence[Serialisable] | Row) -> Any:
    if isinstance(value, dict):
        return value
    if isinstance(value, Sequence):
        return [item.to_dict() for item in value]
    return value.to_dict()


def emit(
    value: Serialisable | Sequence[Serialisable] | Row,
    output: Format,
    columns: Sequence[Column] | None = None,
) -> None:
    """Print an answer (one resource, or a list of them) in the asked format."""
    plain = data(value)
    if output is Format.json:
        typer.echo(json.dumps(plain, indent=2, ensure_ascii=False))
    elif output is Format.yaml:
        typer.echo(yaml.safe_dump(plain, sort_keys=False, allow_unicode=True).rstrip())
    elif isinstance(plain, list):
        stdout.print(_rows(plain, columns or _columns_of(plain)))
    else:
        stdout.print(_fields(plain))


def _columns_of(rows: list[Row]) -> list[Column]:
    keys = list(rows[0]) if rows else []
    return [(key, field(key)) for key in keys]


def _rows(rows: list[Row], columns: Sequence[Column]) -> Table:
    table = Table(show_edge=False, header_style="bold")
    cells = [[_cell(read(row)) for _, read in columns] for row in rows]
    for index, (header, _) in enumerate(columns):
        if index == 0:
            # A name is what a person copies into the next command: never folded.
            widest = max([len(header), *(len(c[0]) for c in cells)])
            table.add_column(header, no_wrap=True, min_width=widest)
        else:
            table.add_column(header, overflow="fold")
    for row_cells in cells:
        table.add_row(*(Text(cell) for cell in row_cells))
    return table


def _fields(row: Row) -> Table:
    table = Table(show_header=False, show_edge=False, box=None)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for key, value in row.items():
        table.add_row(Text(key), Text(_cell(value)))
    return table


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
