"""Fast construction of plain frozen values, for the engine's hot path.

``attrs``' generated ``__init__`` of a frozen class sets each field through
``object.__setattr__`` and runs converters, and ``attrs.evolve`` introspects
the class on every call: together most of the cost of applying an event. A
*plain* class (slotted, no validators, converters, ``on_setattr`` hooks,
``__attrs_post_init__`` or cached hash) can be built by writing its slots
directly with the same result; :func:`builder` and :func:`evolver` do that for
plain classes and fall back to the class's own ``__init__`` and to
``attrs.evolve`` for every other class, so a validator added to a class later
is never skipped. ``tests/test_engine.py`` checks that both paths build equal
values.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import attrs

from klachtrecht._case import EventRecord
from klachtrecht.deadlines import MAX_DATE, MIN_DATE

__all__ = [
    "builder",
    "day_of",
    "evolve",
    "evolver",
    "is_plain",
    "prechecked_builder",
    "slot_writes",
]

T = TypeVar("T")


def is_plain(cls: type, *, converters: bool = False, slots: bool = True) -> bool:
    """Whether ``cls`` is an attrs class whose ``__init__`` only stores its
    arguments, after plain converter functions if ``converters`` (so writing
    its slots, or with ``slots=False`` its ``__dict__``, builds an equal
    value)."""
    if not attrs.has(cls) or ("__slots__" in cls.__dict__) is not slots:
        return False
    if hasattr(cls, "__attrs_post_init__") or hasattr(cls, "__attrs_pre_init__"):
        return False
    fields = attrs.fields(cls)
    if any(
        f.validator is not None
        or (f.converter is not None and not converters)
        or type(f.converter) is attrs.Converter
        or f.on_setattr not in (None, attrs.setters.NO_OP)
        or not f.init
        for f in fields
    ):
        return False
    if not slots:
        return all("__slots__" not in k.__dict__ for k in cls.__mro__[:-1])
    names: set[str] = set()
    for klass in cls.__mro__:
        names.update(klass.__dict__.get("__slots__", ()))
    return names - {"__weakref__"} == {f.name for f in fields}


def _compile(name: str, source: str, namespace: dict[str, Any]) -> Any:
    """Compile one generated function (unrolled, as attrs generates __init__)."""
    exec(compile(source, f"<klachtrecht._fast {name}>", "exec"), namespace)  # noqa: S102
    return namespace[name]


@cache
def builder(cls: type[T]) -> Callable[..., T]:
    """A function building ``cls`` from all its field values, positionally.

    For a plain class the slots are written directly, each value passed
    through the field's converter as ``__init__`` would; otherwise it is the
    class itself (its ``__init__`` runs as usual).
    """
    if not is_plain(cls, converters=True):
        return cls
    fields = attrs.fields(cls)  # type: ignore[arg-type]
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    args = ", ".join(f"v{i}" for i in range(len(fields)))
    lines = [f"def build({args}):", "    obj = new(cls)"]
    for i, field in enumerate(fields):
        namespace[f"set{i}"] = getattr(cls, field.name).__set__
        if field.converter is None:
            lines.append(f"    set{i}(obj, v{i})")
        else:
            namespace[f"conv{i}"] = field.converter
            lines.append(f"    set{i}(obj, conv{i}(v{i}))")
    lines.append("    return obj")
    built: Callable[..., T] = _compile("build", "\n".join(lines), namespace)
    return built


def slot_writes(
    cls: type,
    var: str,
    values: dict[str, str],
    namespace: dict[str, Any],
    *,
    raw: frozenset[str] = frozenset(),
) -> list[str] | None:
    """Source lines building ``cls`` in ``var`` by writing its slots, each
    field from the expression ``values[name]`` after the field's converter (a
    field named in ``raw`` is written as given: the caller converted it),
    WITHOUT its validators and ``__attrs_post_init__`` checks; the names the
    lines use are put in ``namespace``. None if ``cls`` cannot be built so
    (no slots, pre-init hooks, ``on_setattr``, a ``Converter`` taking the
    instance): its own constructor must run.

    Only for a caller that has itself checked every value as the class would:
    the engine's :class:`~klachtrecht._plan.Plan` for :class:`EventRecord`
    and :class:`~klachtrecht.Case` on its fast path (``tests/test_engine.py``
    checks the values equal the constructor's).
    """
    fields = attrs.fields(cls)
    names: set[str] = set()
    for klass in cls.__mro__:
        names.update(klass.__dict__.get("__slots__", ()))
    if (
        "__slots__" not in cls.__dict__
        or hasattr(cls, "__attrs_pre_init__")
        or names - {"__weakref__"} != {f.name for f in fields}
        or set(values) != names - {"__weakref__"}
        or any(
            type(f.converter) is attrs.Converter
            or f.on_setattr not in (None, attrs.setters.NO_OP)
            or not f.init
            for f in fields
        )
    ):
        return None
    prefix = f"_{cls.__name__}"
    namespace.update({"_new": object.__new__, prefix: cls})
    lines = [f"{var} = _new({prefix})"]
    for i, field in enumerate(fields):
        value = values[field.name]
        namespace[f"{prefix}_set{i}"] = getattr(cls, field.name).__set__
        if field.converter is not None and field.name not in raw:
            namespace[f"{prefix}_conv{i}"] = field.converter
            value = f"{prefix}_conv{i}({value})"
        lines.append(f"{prefix}_set{i}({var}, {value})")
    return lines


@cache
def prechecked_builder(
    cls: type[T], *, raw: frozenset[str] = frozenset()
) -> Callable[..., T]:
    """A function building ``cls`` from all its field values, positionally,
    by :func:`slot_writes` (so WITHOUT the class's checks: only for a caller
    that checked every value); the class itself if it cannot be built so."""
    fields = attrs.fields(cls)  # type: ignore[arg-type]
    namespace: dict[str, Any] = {}
    values = {f.name: f"v{i}" for i, f in enumerate(fields)}
    lines = slot_writes(cls, "obj", values, namespace, raw=raw)
    if lines is None:
        return cls
    args = ", ".join(values.values())
    source = "\n    ".join([f"def build({args}):", *lines, "return obj"])
    built: Callable[..., T] = _compile("build", source, namespace)
    return built


@cache
def evolver(cls: type[T]) -> Callable[..., T]:
    """A function ``evolve(instance, **changes)`` for ``cls``: equal to
    ``attrs.evolve`` (an unknown field name raises ``TypeError``), faster for
    a plain class."""
    if is_plain(cls, slots=False):
        return _dict_evolver(cls)
    if not is_plain(cls):
        return attrs.evolve
    fields = attrs.fields(cls)  # type: ignore[arg-type]
    namespace: dict[str, Any] = {
        "new": object.__new__,
        "cls": cls,
        "known": frozenset(f.name for f in fields),
        "unknown": _unknown,
    }
    lines = [
        "def evolve(inst, /, **changes):",
        "    if not known.issuperset(changes):",
        "        unknown(cls, changes, known)",
        "    obj = new(cls)",
    ]
    for i, field in enumerate(fields):
        name = field.name
        namespace[f"set{i}"] = getattr(cls, name).__set__
        value = f"changes[{name!r}] if {name!r} in changes else inst.{name}"
        lines.append(f"    set{i}(obj, {value})")
    lines.append("    return obj")
    evolve_fn: Callable[..., T] = _compile("evolve", "\n".join(lines), namespace)
    return evolve_fn


def _dict_evolver(cls: type[T]) -> Callable[..., T]:
    """``evolve`` for a plain class without slots: a copy of its ``__dict__``
    (frozen attrs classes refuse ``setattr``, not a change to the dict)."""
    known = frozenset(f.name for f in attrs.fields(cls))  # type: ignore[arg-type]
    new = object.__new__
    set_dict = object.__setattr__

    def evolve(inst: T, /, **changes: Any) -> T:
        if not known.issuperset(changes):
            _unknown(cls, changes, known)
        obj: T = new(cls)
        values = inst.__dict__.copy()
        values.update(changes)
        set_dict(obj, "__dict__", values)
        return obj

    return evolve


def _unknown(cls: type, changes: dict[str, Any], known: frozenset[str]) -> None:
    names = ", ".join(sorted(set(changes) - known))
    raise TypeError(f"{cls.__name__} has no field(s) {names}")


def evolve(inst: T, **changes: Any) -> T:
    """``attrs.evolve(inst, **changes)``, fast for plain classes (see
    :func:`evolver`); the reducers of the regimes use it."""
    evolve_fn = _EVOLVERS.get(type(inst))
    if evolve_fn is None:
        evolve_fn = _EVOLVERS.setdefault(type(inst), evolver(type(inst)))  # type: ignore[arg-type]
    result: T = evolve_fn(inst, **changes)
    return result


_EVOLVERS: dict[type, Callable[..., Any]] = {}


_AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def day_of(record: EventRecord) -> date:
    """``record.day`` (the Europe/Amsterdam date of its ``at``), for the
    reducers: a record's ``at`` is aware and checked, so only the range check
    of :func:`~klachtrecht.deadlines.receipt_date` remains (out of range, the
    property itself raises its error)."""
    day = record.at.astimezone(_AMSTERDAM).date()
    if MIN_DATE <= day <= MAX_DATE:
        return day
    return record.day
