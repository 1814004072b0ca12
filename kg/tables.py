"""Rows of plain values as a terminal table, CSV or JSON: one format option for every command."""

from __future__ import annotations

import csv
import io
import json

from tabulate import tabulate

from kg.errors import KgError

FORMATS = ("table", "csv", "json")


def format_rows(rows: list[dict], fmt: str, columns: list[str] | None = None) -> str:
    """Format ``rows`` (dicts sharing keys) in ``fmt``.

    >>> print(format_rows([{"actor": "aldoria", "degree": 0.5}], "csv"))
    actor,degree
    aldoria,0.5
    """
    columns = columns or (list(rows[0]) if rows else [])
    if fmt == "json":
        return json.dumps(
            [{c: row.get(c) for c in columns} for row in rows], indent=2, ensure_ascii=False
        )
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: row.get(c, "") for c in columns} for row in rows)
        return buffer.getvalue().rstrip("\n")
    if fmt == "table":
        cells = [["" if row.get(c) is None else row.get(c) for c in columns] for row in rows]
        return tabulate(cells, headers=columns, tablefmt="simple", disable_numparse=True)
    raise KgError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
