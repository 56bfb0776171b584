"""Inserting many rows at once straight through the database driver.

SQLAlchemy's executemany processes every parameter of every row on its own; for a 50,000-row
guest list that is most of the import's time. Here each column's own bind processor (the same
conversion SQLAlchemy would apply: JSON, timestamps, booleans) runs once per distinct value and
the rows go to the driver's executemany, in its parameter style.
"""

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Table


def _memo(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    # The rows of one import share timestamps, event id, source file: convert each object once.
    last: list[Any] = [object(), None]

    def convert(value: Any) -> Any:
        if value is not last[0]:
            last[0], last[1] = value, process(value)
        return last[1]

    return convert


def bulk_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT every row (all with the same keys) into table within the connection's transaction."""
    if not rows:
        return
    dialect = conn.dialect
    names = list(rows[0])
    # Column defaults SQLAlchemy would have filled in (e.g. badge_prints = 0); a default that is
    # a function must be given by the caller, as calling it per row is its whole point.
    constants: dict[str, Any] = {}
    for column in table.columns:
        if column.name in rows[0] or column.primary_key:
            continue
        default = column.default
        if default is not None and getattr(default, "is_scalar", False):
            constants[column.name] = getattr(default, "arg", None)
        elif default is not None:
            raise ValueError(f"bulk_insert into {table.name}: give {column.name} (its default is a function)")
    names += list(constants)
    quote = dialect.identifier_preparer.quote
    converters: list[Callable[[Any], Any] | None] = []
    for name in names:
        process = table.c[name].type._cached_bind_processor(dialect)
        converters.append(_memo(process) if process is not None else None)
    style = dialect.paramstyle
    if style in ("named", "pyformat"):
        marks = [f":{n}" if style == "named" else f"%({n})s" for n in names]
    elif style in ("qmark", "format"):
        marks = ["?" if style == "qmark" else "%s"] * len(names)
    else:  # numeric styles: no driver we support uses them; take the general path
        conn.execute(table.insert(), list(rows))
        return
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
        f"VALUES ({', '.join(marks)})"
    )
    params: list[Any] = []
    for row in rows:
        values = [
            (row[n] if n in row else constants[n]) if convert is None
            else convert(row[n] if n in row else constants[n])
            for n, convert in zip(names, converters, strict=True)
        ]
        params.append(dict(zip(names, values, strict=True)) if style in ("named", "pyformat")
                      else tuple(values))
    conn.exec_driver_sql(sql, params)
