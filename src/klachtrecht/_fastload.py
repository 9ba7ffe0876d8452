"""The fast path of :func:`klachtrecht.serialize.load`: all or nothing.

Loading a stored case checks the document (plain JSON data of bounded size),
reads each event (its keys, moment, actor and every field's type through the
one converter) and replays the history (the transition table and every
field's check). The general path does this in three passes and builds every
record twice; here a well-formed document is read and replayed in one pass
through the engine's precompiled plans (:mod:`klachtrecht._plan`), which run
the same checks. Anything unusual (a key, type or value the fast path does not
judge, a guard or actor rule that today's rules would refuse, a transition
the table does not allow) makes it answer None, and ``load`` then runs the
general path, which raises the exact error or loads what it may. So a value
this path accepts is one the general path accepts, and the case is equal:
``tests/test_serialize.py`` compares both on every example and hostile input.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from typing import Any

import attrs

from klachtrecht._capacities import RENAMED
from klachtrecht._case import Case, Party, Role
from klachtrecht._fast import prechecked_builder
from klachtrecht._plan import Plan

__all__ = ["plain_json", "replay"]

_ROLE_OF = {role.value: role for role in Role}
_EVENT_KEYS = frozenset({"event", "at", "by", "basis", "data"})
_REQUIRED_KEYS = _EVENT_KEYS - {"basis"}
_SCALARS = (str, int, bool)
_fromisoformat = datetime.fromisoformat


def plain_json(
    document: dict[str, Any],
    max_depth: int,
    max_string: int,
    max_history: int,
    max_int: int,
) -> bool:
    """True if ``document`` is plain JSON data (dicts, lists, str, int,
    finite float, bool, None) within the limits of ``serialize``; False if
    not or if unsure (the general check then names the problem)."""
    history = document.get("history")
    if type(history) is list and len(history) > max_history:
        return False
    stack: list[tuple[Any, int]] = [(document, 0)]
    pop, push = stack.pop, stack.append
    while stack:
        container, depth = pop()
        if depth >= max_depth:
            return False
        if type(container) is dict:
            for key in container:
                if type(key) is not str or len(key) > max_string:
                    return False
            values = container.values()
        else:
            values = container
        for value in values:
            kind = type(value)
            if kind is str:
                if len(value) > max_string:
                    return False
            elif kind is dict or kind is list:
                push((value, depth + 1))
            elif kind is int:
                if not -max_int < value < max_int:
                    return False
            elif kind is float:
                if not math.isfinite(value):
                    return False
            elif kind is not bool and value is not None:
                return False
    return True


_PARTY_KEYS = frozenset({"role", "ref", "capacity", "name", "contact"})
#: Party from its field values, without its checks (``_party`` makes them);
#: the capacity through its converter.
_build_party: Callable[..., Party] = prechecked_builder(Party)


def _party(value: object) -> Party:
    """A stored party as the converter structures it (a mapping of exactly
    Party's fields, ``role`` by value, the others ``str``), or raising when
    unsure. Party's own checks (``role`` a Role, ``ref`` a non-blank str, the
    others str, the capacity converter) are the ones made here, so its slots
    are written directly."""
    if type(value) is not dict or not value.keys() <= _PARTY_KEYS:
        raise TypeError
    get = value.get
    role = _ROLE_OF.get(get("role"))  # type: ignore[arg-type]
    ref, capacity = get("ref"), get("capacity", "")
    name, contact = get("name", ""), get("contact", "")
    if (
        role is None
        or type(ref) is not str
        or type(capacity) is not str
        or type(name) is not str
        or type(contact) is not str
        or not ref.strip()
    ):
        raise TypeError
    return _build_party(role, ref, capacity, name, contact)


def _field_reader(
    types: tuple[type, ...], hooks: tuple[tuple[type, Any], ...]
) -> Callable[[object], object]:
    """A function structuring one field's stored value as the general path
    does (the first hook of its types that succeeds), or raising."""
    if types == (Party,):
        return _party
    if len(types) == 1 and types[0] in _SCALARS:
        kind = types[0]

        def scalar(value: object) -> object:
            if type(value) is kind:  # the strict scalar hook returns it as it is
                return value
            raise TypeError

        return scalar

    if len(types) == 1 and _frozen_value(types[0]):
        return _cached(types[0], hooks[0][1])

    def general(value: object) -> object:
        for kind, hook in hooks:
            try:
                return hook(value, kind)
            except Exception:  # noqa: S112 - as serialize._structure_field
                continue
        raise TypeError

    return general


def _frozen_value(kind: type) -> bool:
    """Whether ``kind`` is a frozen attrs class other than Party (a settings
    object: no personal data, immutable, so one instance may be shared)."""
    return (
        kind is not Party
        and attrs.has(kind)
        and getattr(kind.__setattr__, "__name__", "") == "_frozen_setattrs"
    )


def _cached(kind: type, hook: Any) -> Callable[[object], object]:
    """A reader of a frozen settings object that structures each exact stored
    form once: the key holds every value with its type (so ``True`` and ``1``
    differ); a form with a float, list or mapping in it is structured every
    time."""
    cache: dict[object, object] = {}

    def read(value: object) -> object:
        if type(value) is not dict:
            raise TypeError
        kinds = tuple(map(type, value.values()))
        if float in kinds:  # 0.0 and -0.0 are equal: not cached
            return hook(value, kind)
        try:
            key = (tuple(value.items()), kinds)
            found = cache.get(key)
        except TypeError:  # an unhashable value: not cached
            return hook(value, kind)
        if found is None:
            found = hook(value, kind)
            if len(cache) < 256:
                cache[key] = found
        return found

    return read


#: Per plan (one per regime, state and event; plans live as long as their
#: regime): a reader per field of the event.
_READERS: dict[object, dict[str, Callable[[object], object]]] = {}


def _readers(
    reg: Any, plan: object, event: str, hooks: Callable[[tuple[type, ...]], Any]
) -> dict[str, Callable[[object], object]]:
    """The field readers of ``event`` in ``reg``, made once per plan."""
    found = _READERS.get(plan)
    if found is None:
        spec = reg._by_id[event]
        found = {f.name: _field_reader(f.types, hooks(f.types)) for f in spec.fields}
        if len(_READERS) < 4096:
            _READERS[plan] = found
    return found


#: Per regime (kept, so its id is not reused): the plan of its open event,
#: applied to the blank case ``Regime.open`` starts from.
_OPEN: dict[int, tuple[Any, Plan]] = {}


def _open_plan(reg: Any) -> Plan:
    entry = _OPEN.get(id(reg))
    if entry is None or entry[0] is not reg:
        definition = reg._definition
        plan = Plan(
            reg.open_event,
            reg._initial,
            definition.guards.get(reg.open_event.id),
            definition.reduce,
        )
        if len(_OPEN) < 64:
            _OPEN[id(reg)] = (reg, plan)
        return plan
    return entry[1]


def replay(
    reg: Any,
    case_id: str,
    history: list[Any],
    hooks: Callable[[tuple[type, ...]], Any],
    judge: bool = False,
    fresh: bool = False,
) -> Case | None:
    """The case ``history`` replays to through ``reg``'s plans, or None when
    anything is unusual (see the module docstring); ``hooks`` gives the
    converter hooks of a field's types; ``judge`` as ``Regime.replay``'s.
    ``fresh``: ``history`` was not upgraded (:mod:`klachtrecht._upgrade`) and
    the regime renames no field's codes, so any mapping with a renamed
    capacity (all the upgrade could change) answers None."""
    plans, cal = reg._plans, reg.calendar
    case = None
    for raw in history:
        if type(raw) is not dict or not _REQUIRED_KEYS <= raw.keys() <= _EVENT_KEYS:
            return None
        event, at, by, data = raw["event"], raw["at"], raw["by"], raw["data"]
        if type(event) is not str or type(at) is not str or type(by) is not str:
            return None
        if case is not None:
            plan = plans.get((case.state, event))
        elif event == reg.open_event.id:
            plan = _open_plan(reg)
        else:
            return None
        role = _ROLE_OF.get(by)
        if plan is None or role is None or type(data) is not dict:
            return None
        try:
            moment = _fromisoformat(at)
        except ValueError:
            return None
        readers = _READERS.get(plan) or _readers(reg, plan, event, hooks)
        values: dict[str, object] = {}
        for key, value in data.items():
            read = readers.get(key)
            if read is None:
                return None
            if fresh and type(value) is dict:
                capacity = value.get("capacity")
                if type(capacity) is str and capacity in RENAMED:
                    return None
            try:
                values[key] = read(value)
            except Exception:
                return None
        if case is None:  # the blank case Regime.open starts from
            settings = values.get("settings")
            try:
                facts = reg._definition.initial_facts(settings)
                case = Case(case_id, reg.name, "-", 0, (), (), settings, facts)
            except Exception:
                return None
        moved = plan.apply(case, moment, role, values, cal, judge)
        if moved is None:
            return None
        case = moved
    return case
