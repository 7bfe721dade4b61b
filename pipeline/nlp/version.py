"""A fingerprint of everything that shapes extraction output.

Cached per-article results are valid only for the fingerprint they were made with, so
changing an extractor, a gazetteer file, the spaCy model or the HTML main-text extractor
reprocesses every article.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import importlib.util
import json
from pathlib import Path

from pipeline import settings

PACKAGE = Path(__file__).resolve().parent.parent
FINGERPRINTED = ("nlp/**/*.py", "knowledge/*")  # extractor subpackages included


@functools.lru_cache(maxsize=1)
def extractor_version() -> str:
    digest = hashlib.sha256()
    for pattern in FINGERPRINTED:
        for path in sorted(PACKAGE.glob(pattern)):
            if path.is_file():
                digest.update(path.relative_to(PACKAGE).as_posix().encode())
                digest.update(path.read_bytes())
    model = settings.spacy_model_name()
    digest.update(f"{model} {model_version(model)}|{installed_version('spacy')}".encode())
    digest.update(f"trafilatura {installed_version('trafilatura')}".encode())  # what HTML pages read as
    return digest.hexdigest()[:16]


def installed_version(package: str) -> str:
    """The installed version of a package, read from its metadata: without importing it
    (spaCy's import is a second of every run's start-up)."""
    return importlib.metadata.version(package)


def model_version(model: str) -> str:
    """The spaCy pipeline's own version from its meta.json, found without loading it: a
    model upgraded in place under the same name changes every parse, so it must change
    the fingerprint too. A model given as a folder is read there; one that cannot be
    found reads as "unknown" (loading it fails later with spaCy's own message)."""
    folder = Path(model)
    if not folder.is_dir():
        spec = importlib.util.find_spec(model) if model.isidentifier() else None
        if spec is None or not spec.submodule_search_locations:
            return "unknown"
        folder = Path(next(iter(spec.submodule_search_locations)))
    try:
        return str(json.loads((folder / "meta.json").read_text(encoding="utf-8")).get("version", "unknown"))
    except (OSError, ValueError):
        return "unknown"
