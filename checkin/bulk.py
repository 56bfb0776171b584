"""Inserting many rows at once straight through the database driver.

SQLAlchemy's executemany processes every parameter of every row on its own; for a 50,000-row
guest list that is most of the import's time. Here each column's own bind processor (the same
conversion SQLAlchemy would apply: JSON, timestamps, booleans) runs once per distinct value and
the rows go to the driver's executemany, in its parameter style.
"""

from collections.abc import Callable, Sequence
from operator import itemgetter
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
    given = list(rows[0])
    # Column defaults SQLAlchemy would have filled in (e.g. badge_prints = 0); a default that is
    # a function must be given by the caller, as calling it per row is its whole point.
    defaults: dict[str, Any] = {}
    for column in table.columns:
        if column.name in rows[0] or column.primary_key:
            continue
        default = column.default
        if default is not None and getattr(default, "is_scalar", False):
            defaults[column.name] = getattr(default, "arg", None)
        elif default is not None:
            raise ValueError(f"bulk_insert into {table.name}: give {column.name} (its default is a function)")
    names = given + list(defaults)
    style = dialect.paramstyle
    if style not in ("named", "pyformat", "qmark", "format"):
        conn.execute(table.insert(), list(rows))  # numeric styles: no driver we use has them
        return
    # Conversions only where the column type has one (JSON, timestamps…); the defaults once.
    converted: list[tuple[int, Callable[[Any], Any]]] = []
    for i, name in enumerate(given):
        process = table.c[name].type._cached_bind_processor(dialect)
        if process is not None:
            converted.append((i, _memo(process)))
    tail = []
    for name, value in defaults.items():
        process = table.c[name].type._cached_bind_processor(dialect)
        tail.append(process(value) if process is not None else value)
    fixed = tuple(tail)
    pick = itemgetter(*given)
    params: list[Any] = []
    for row in rows:
        values = pick(row)
        if not isinstance(values, tuple):
            values = (values,)
        if converted:
            as_list = list(values)
            for i, convert in converted:
                as_list[i] = convert(as_list[i])
            values = tuple(as_list)
        params.append(values + fixed)
    quote = dialect.identifier_preparer.quote
    if style in ("named", "pyformat"):
        marks = [f":{n}" if style == "named" else f"%({n})s" for n in names]
        params = [dict(zip(names, p, strict=True)) for p in params]
    else:
        marks = ["?" if style == "qmark" else "%s"] * len(names)
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
        f"VALUES ({', '.join(marks)})"
    )
    conn.exec_driver_sql(sql, params)
