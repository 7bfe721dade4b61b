"""A fingerprint of everything that shapes extraction output.

Cached per-article results are valid only for the fingerprint they were made with, so
changing an extractor, a gazetteer file, the spaCy model or the HTML main-text extractor
reprocesses every article.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
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
    digest.update(f"{settings.spacy_model_name()}|{installed_version('spacy')}".encode())
    digest.update(f"trafilatura {installed_version('trafilatura')}".encode())  # what HTML pages read as
    return digest.hexdigest()[:16]


def installed_version(package: str) -> str:
    """The installed version of a package, read from its metadata: without importing it
    (spaCy's import is a second of every run's start-up)."""
    return importlib.metadata.version(package)
