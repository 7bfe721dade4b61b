"""spaCy imported without its command line.

`import spacy` runs `from .cli.info import info` (spaCy 3.8), and with it the whole
`spacy.cli` package: typer, weasel, httpx, jinja2 and every command's module, about a
quarter of the import's CPU (0.77 -> 0.59 s of CPU on this project's machine), paid by
every process that parses: the warm worker of a one-article rerun, each extraction run,
each test session. Nothing here uses the command line. spaCy made `spacy.info` lazy for
the same reason once (explosion/spaCy#12962); the 3.8 release imports it eagerly.

`install` puts two small modules in `sys.modules` before spaCy's first import: a
`spacy.cli` package that runs nothing (its submodules still import from spaCy's own folder)
and a `spacy.cli.info` whose `info` imports the real command line when called. Asking the
package for anything else (`spacy.cli.download`, ...) imports the real one too, so the
stand-ins only ever defer the import. They are never installed once spaCy is imported.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

PACKAGE = "spacy.cli"
INFO = "spacy.cli.info"


class _DeferredPackage(types.ModuleType):
    """`spacy.cli` until something asks for one of its names."""

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_real_package(), name)


def _real_package() -> types.ModuleType:
    """The real `spacy.cli`, imported in place of the stand-ins."""
    for name in (INFO, PACKAGE):
        if isinstance(sys.modules.get(name), (_DeferredPackage, _DeferredInfo)):
            del sys.modules[name]
    return importlib.import_module(PACKAGE)


class _DeferredInfo(types.ModuleType):
    """`spacy.cli.info` whose `info` (re-exported as `spacy.info`) imports the real one."""

    @staticmethod
    def info(*args, **kwargs):
        _real_package()
        return importlib.import_module(INFO).info(*args, **kwargs)


def install() -> bool:
    """Defer `spacy.cli` in this process; True when the stand-ins were installed (not when
    spaCy or its command line is imported already, nor where spaCy is missing)."""
    if "spacy" in sys.modules or PACKAGE in sys.modules:
        return False
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return False
    package = _DeferredPackage(PACKAGE)
    package.__path__ = [f"{location}/cli" for location in spec.submodule_search_locations]
    package.__package__ = PACKAGE
    info = _DeferredInfo(INFO)
    info.__package__ = PACKAGE
    sys.modules[PACKAGE] = package
    sys.modules[INFO] = info
    return True
