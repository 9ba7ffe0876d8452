"""Statements of the case store run with less per-call work (speed).

``Connection.execute(statement, rows)`` looks the statement up in the compiled
cache, builds an execution context and processes every value on every call:
about two thirds of a small insert. :func:`run` compiles each of the store's
fixed statements once per dialect and sends it with
``Connection.exec_driver_sql``, the values converted by the same bind
processors Core uses (JSON, dates and times as the dialect stores them), so the
rows written are the same, and errors still arrive as SQLAlchemy's
(``sa.exc.IntegrityError``, ...) in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy.engine import Connection, CursorResult
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

__all__ = ["run"]

#: How one parameter is filled: from the row's ``key`` through ``processor``
#: (None: as it is), or, for a literal of the statement, the fixed ``value``.
_Param = tuple[str, str, Callable[[Any], Any] | None, bool, Any]
_Prepared = tuple[str, bool, tuple[_Param, ...]]

#: Per (dialect class, paramstyle, statement): the SQL text, whether its
#: parameters are positional, and per parameter (name, key, processor).
_PREPARED: dict[tuple[type, str, int], tuple[ClauseElement, _Prepared]] = {}


def _prepare(conn: Connection, statement: ClauseElement) -> _Prepared:
    dialect = conn.dialect
    key = (type(dialect), dialect.paramstyle, id(statement))
    found = _PREPARED.get(key)
    if found is not None and found[0] is statement:
        return found[1]
    compiled = cast(SQLCompiler, statement.compile(dialect=dialect))
    escaped = getattr(compiled, "escaped_bind_names", None) or {}
    names = compiled.positiontup if compiled.positional else list(compiled.binds)
    params: list[_Param] = []
    for name in names or ():
        bind = compiled.binds[name]
        processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
        shown = escaped.get(name, name)
        if bind.value is not None and not bind.required:  # a literal in the SQL
            value = bind.value if processor is None else processor(bind.value)
            params.append((bind.key, shown, None, True, value))
        else:
            params.append((bind.key, shown, processor, False, None))
    prepared = (compiled.string, bool(compiled.positional), tuple(params))
    if len(_PREPARED) < 64:  # the store's few fixed statements
        _PREPARED[key] = (statement, prepared)
    return prepared


def _value(row: Mapping[str, Any], param: _Param) -> Any:
    key, _, processor, fixed, value = param
    if fixed:
        return value
    return row[key] if processor is None else processor(row[key])


def run(
    conn: Connection, statement: ClauseElement, rows: Sequence[Mapping[str, Any]]
) -> CursorResult[Any]:
    """Execute ``statement`` (one of the store's fixed statements: bound
    parameters only, every one given in each row) for ``rows``."""
    sql, positional, params = _prepare(conn, statement)
    if positional:
        values: list[Any] = [tuple(_value(row, p) for p in params) for row in rows]
    else:
        values = [{p[1]: _value(row, p) for p in params} for row in rows]
    return conn.exec_driver_sql(sql, values if len(values) != 1 else values[0])
