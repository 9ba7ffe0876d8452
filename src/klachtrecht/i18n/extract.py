"""Write the template catalog ``locale/klachtrecht.pot`` from the library.

A developer tool (needs Babel, from the ``dev`` extra); the runtime never
imports it. Labels are data (regime definitions, enums, message codes), not
string literals in code, so ``pybabel extract`` cannot find them: this module
does the extraction from :func:`klachtrecht.i18n.catalog_entries`, then the
usual Babel commands take over (see docs/languages.md)::

    .venv/bin/python -m klachtrecht.i18n.extract
    .venv/bin/pybabel update -i src/klachtrecht/i18n/locale/klachtrecht.pot \\
        -d src/klachtrecht/i18n/locale -D klachtrecht --no-fuzzy-matching
    # fill in the new msgstr entries of nl and en, then:
    .venv/bin/pybabel compile -d src/klachtrecht/i18n/locale -D klachtrecht
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from klachtrecht.i18n import DOMAIN, LOCALEDIR, catalog_entries

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

__all__ = ["POT", "main", "template_catalog"]

#: The template catalog shipped with the library (a start for a new language).
POT = LOCALEDIR / f"{DOMAIN}.pot"


def template_catalog() -> Catalog:
    """The template as a ``babel.messages.catalog.Catalog``; the Dutch text a
    definition carries is kept as an extracted comment for translators."""
    from babel.messages.catalog import Catalog  # noqa: PLC0415 - dev tool only

    catalog = Catalog(
        domain=DOMAIN,
        project="klachtrecht",
        copyright_holder="klachtrecht developers",
        charset="utf-8",
        fuzzy=False,
    )
    for context, code, default in catalog_entries():
        comments = [f"nl: {default}"] if default else []
        catalog.add(code, context=context, auto_comments=comments)
    return catalog


def main(argv: Sequence[str] | None = None) -> int:
    """Write the .pot file (or the path given as the only argument)."""
    from babel.messages.pofile import write_po  # noqa: PLC0415 - dev tool only

    args = list(sys.argv[1:] if argv is None else argv)
    target = Path(args[0]) if args else POT
    with target.open("wb") as handle:
        write_po(handle, template_catalog(), omit_header=False)
    sys.stdout.write(f"wrote {target}\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
