"""Frozen dataclasses (Question, Flashcard) to plain JSON data and back, field by field.

Generic on purpose: the compiled bank stores whatever fields a question has, so a field
added to ``Question`` is carried without touching the bank. Types come from the class's
annotations: tuples come back as tuples (nested too), dataclasses (``Source``) as
themselves. A stored field the class no longer has is dropped; a missing one takes
its default.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any


def to_record(obj: Any) -> Any:
    """A dataclass (or tuple, list, dict of them) as JSON-ready plain data."""
    if obj is None or isinstance(obj, str | int | float):
        return obj
    names = _field_names(type(obj))
    if names is not None:
        return {name: to_record(getattr(obj, name)) for name in names}
    if isinstance(obj, tuple | list):
        return [to_record(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_record(v) for k, v in obj.items()}
    return obj


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type (None for any other type)."""
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(f.name for f in dataclasses.fields(cls))


def from_record(cls: type, data: dict) -> Any:
    """The ``cls`` instance that ``to_record`` turned into ``data``."""
    hints = _hints(cls)
    known = {f.name for f in dataclasses.fields(cls) if f.init}
    values = {name: _convert(hints.get(name), value) for name, value in data.items()}
    return cls(**{name: value for name, value in values.items() if name in known})


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """The class's field types; a field whose annotation cannot be resolved gets None."""
    try:
        return typing.get_type_hints(cls)
    except Exception:  # an annotation naming something imported only for type checkers
        import sys

        hints: dict[str, Any] = {}
        for klass in reversed(cls.__mro__):
            namespace = vars(sys.modules.get(klass.__module__, object()))
            for name, annotation in vars(klass).get("__annotations__", {}).items():
                try:
                    hints[name] = (
                        eval(annotation, namespace) if isinstance(annotation, str) else annotation
                    )
                except Exception:
                    hints[name] = None
        return hints


def _convert(hint: Any, value: Any) -> Any:
    """``value`` (plain JSON data) as the type ``hint`` names."""
    if value is None or hint is None or hint is Any:
        return as_tuples(value)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        arms = [a for a in args if a is not type(None)]
        return _convert(arms[0], value) if len(arms) == 1 else as_tuples(value)
    if origin is tuple and isinstance(value, list):
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        if args and len(args) == len(value):
            return tuple(_convert(a, v) for a, v in zip(args, value, strict=True))
        return as_tuples(value)
    if origin is list and isinstance(value, list):
        return [_convert(args[0] if args else None, v) for v in value]
    if origin is dict and isinstance(value, dict):
        inner = args[1] if len(args) == 2 else None
        return {k: _convert(inner, v) for k, v in value.items()}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return from_record(hint, value)
    return as_tuples(value)


def as_tuples(value: Any) -> Any:
    """Lists as tuples, all the way down (frozen dataclasses hold tuples)."""
    if isinstance(value, list):
        return tuple(as_tuples(v) for v in value)
    if isinstance(value, dict):
        return {k: as_tuples(v) for k, v in value.items()}
    return value
