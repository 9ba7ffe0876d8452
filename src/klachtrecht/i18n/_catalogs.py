"""The gettext catalogs: shipped and registered languages, label lookup."""

from __future__ import annotations

import gettext
import itertools
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Final

from klachtrecht.errors import ArgumentTypeError, KlachtrechtError

__all__ = [
    "DOMAIN",
    "LOCALEDIR",
    "UnknownLanguageError",
    "has_label",
    "label",
    "languages",
    "register_catalog",
    "unregister_catalogs",
]

#: The gettext domain of klachtrecht's catalogs.
DOMAIN: Final = "klachtrecht"
#: The shipped catalogs: ``LOCALEDIR/<lang>/LC_MESSAGES/klachtrecht.mo``.
LOCALEDIR: Final = Path(__file__).parent / "locale"


class UnknownLanguageError(KlachtrechtError, LookupError):
    """No catalog (or date table) is available for the requested language."""


_lock = threading.Lock()
_registered: dict[str, list[Path]] = {}
_loaded: dict[str, gettext.NullTranslations] = {}


def _shipped() -> set[str]:
    return {p.parent.parent.name for p in LOCALEDIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")}


def languages() -> tuple[str, ...]:
    """The languages with a catalog: shipped (``en``, ``nl``) or registered."""
    return tuple(sorted(_shipped() | set(_registered)))


def register_catalog(lang: str, path: str | Path) -> None:
    """Add or override the catalog of ``lang`` without forking klachtrecht.

    ``path`` is a compiled catalog (a ``.mo`` file) or a locale directory
    holding ``<lang>/LC_MESSAGES/klachtrecht.mo``. Its messages take precedence;
    for anything it lacks, the shipped catalog of ``lang`` (if any) answers.
    Registering again for the same language adds another, stronger layer.
    """
    _check_lang(lang)
    file = Path(path)
    if file.is_dir():
        file = file / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not file.is_file():
        raise UnknownLanguageError(
            "no compiled catalog at the given path (expected a .mo file or "
            f"<dir>/<lang>/LC_MESSAGES/{DOMAIN}.mo)"
        )
    with _lock:
        _registered.setdefault(lang, []).append(file)
        _loaded.pop(lang, None)
        _translate.cache_clear()


_LANG = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*")


def _check_lang(lang: object) -> None:
    if not isinstance(lang, str):
        raise ArgumentTypeError(f"lang must be a str, got {type(lang).__name__}")
    if not _LANG.fullmatch(lang):
        raise UnknownLanguageError(
            f"not a language code; available: {', '.join(languages())}"
        )


def unregister_catalogs(lang: str | None = None) -> None:
    """Forget the catalogs registered for ``lang`` (all languages when None);
    the shipped catalogs stay."""
    with _lock:
        if lang is None:
            _registered.clear()
        else:
            _registered.pop(lang, None)
        _loaded.clear()
        _translate.cache_clear()


def _catalog(lang: str) -> gettext.NullTranslations:
    found = _loaded.get(lang)
    if found is not None:
        return found
    _check_lang(lang)
    with _lock:
        layers: list[gettext.NullTranslations] = []
        for file in reversed(_registered.get(lang, [])):
            with file.open("rb") as handle:
                layers.append(gettext.GNUTranslations(handle))
        shipped = LOCALEDIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        if shipped.is_file():
            with shipped.open("rb") as handle:
                layers.append(gettext.GNUTranslations(handle))
        if not layers:
            raise UnknownLanguageError(
                "no catalog for the requested language; available: "
                f"{', '.join(languages())} (add one with register_catalog)"
            )
        for upper, lower in itertools.pairwise(layers):
            upper.add_fallback(lower)
        _loaded[lang] = layers[0]
        return layers[0]


_SEP = "\x04"  # gettext's context separator


def _lookup(lang: str, context: str, code: str) -> str | None:
    """The catalog text of ``code`` in ``context``, or None when missing."""
    return _translate(lang, context, code)


@lru_cache(maxsize=4096)
def _translate(lang: str, context: str, code: str) -> str | None:
    if not _has(lang, context, code):
        return None
    return _catalog(lang).pgettext(context, code)


def _has(lang: str, context: str, code: str) -> bool:
    cat: gettext.NullTranslations | None = _catalog(lang)
    key = f"{context}{_SEP}{code}"
    while cat is not None:
        if key in getattr(cat, "_catalog", {}):
            return True
        cat = getattr(cat, "_fallback", None)
    return False


def label(kind: str, code: str, *, lang: str = "nl", regime: str | None = None) -> str:
    """The display label of ``code`` of ``kind`` in ``lang``.

    Kinds: ``state`` and ``event`` (pass ``regime``: the same id may read
    differently per regime), ``role``, ``status``, ``term_kind``, ``term_unit``,
    ``component``, ``provider_kind``, ``basis`` and ``choice:<field>`` for the
    codes a field accepts (``choice:outcome``, ``choice:capacity``, ...), and
    ``doc`` for a field's explanation (code ``<event>.<field>``, with
    ``regime``: ``label("doc", "open.ground", regime="wzd")``). A
    regime-specific text (context ``<regime>:<kind>``) wins over a general one.
    A code without a label comes back unchanged (see :func:`missing_labels`).
    """
    if not isinstance(kind, str) or not isinstance(code, str):
        raise ArgumentTypeError("kind and code must be str")
    if type(lang) is not str:
        raise ArgumentTypeError(f"lang must be a str, got {type(lang).__name__}")
    if regime is not None:
        found = _lookup(lang, f"{regime}:{kind}", code)
        if found is not None:
            return found
    found = _lookup(lang, kind, code)
    return code if found is None else found


def has_label(
    kind: str, code: str, *, lang: str = "nl", regime: str | None = None
) -> bool:
    """Whether :func:`label` finds a text for ``code`` (not just the code)."""
    if type(lang) is not str:
        raise ArgumentTypeError(f"lang must be a str, got {type(lang).__name__}")
    if regime is not None and _has(lang, f"{regime}:{kind}", code):
        return True
    return _has(lang, kind, code)
