"""The benchmark's inputs: the corpus sample, its replicas, the one edit, the code snapshot.

Replicas: copy k (k = 0, 1, ...) of `<cat>/<name>.txt` is written as `x<k>/<cat>/<name>.txt`
with `k` newline characters appended. The pipeline rejects byte-identical duplicates, and
trailing blank lines change nothing it extracts, so replica k is the same article under a new
id and content hash. (Replicas repeat the same names and events, so cross-article resolution
sees k copies of each entity rather than k times as many distinct ones; that is the growth
curve's known simplification.)
"""

from __future__ import annotations

import compileall
import shutil
from pathlib import Path, PurePosixPath

from pipeline import settings

EDIT_SUFFIX = "\nThis article was updated by the benchmark.\n"
SNAPSHOT_ITEMS = ("pipeline", "benchmarks", "eval", "dagster.yaml", "pyproject.toml")
COMPILED_PACKAGES = ("pipeline", "benchmarks")  # those `make setup` compiles; eval/ holds no code


def article_files(root: Path) -> list[Path]:
    """The article files as the pipeline sees them: `*.txt` (any case), no hidden parts, sorted."""
    found = []
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() == ".txt" and path.is_file():
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def spread_sample(files: list[Path], n: int | None) -> list[Path]:
    """`n` files spread evenly over the sorted list (so every topic folder is represented)."""
    if n is None or n >= len(files):
        return list(files)
    if n <= 0:
        return []
    step = len(files) / n
    return [files[int(i * step)] for i in range(n)]


def sidecar_of(path: Path) -> Path:
    return path.with_name(path.name[: -len(path.suffix)] + ".meta.json")


def replicate(files: list[Path], root: Path, dest: Path, copies: int) -> list[Path]:
    """Write `copies` replicas of `files` (relative to `root`) under `dest/x<k>/`.

    Replica k gets k newlines appended, so no two replicas are byte-identical (the
    pipeline would drop them as duplicates) while their text is the same article.
    Sidecars (`<stem>.meta.json`) travel along unchanged.
    """
    written = []
    for k in range(copies):
        for path in files:
            relative = PurePosixPath(path.relative_to(root).as_posix())
            target = dest / f"x{k}" / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes() + b"\n" * k)
            written.append(target)
            sidecar = sidecar_of(path)
            if sidecar.is_file():
                shutil.copyfile(sidecar, sidecar_of(target))
    return written


def count_words(files: list[Path]) -> int:
    """White-space separated words of the files' text (UTF-8, undecodable bytes replaced)."""
    return sum(len(p.read_bytes().decode("utf-8", errors="replace").split()) for p in files)


def edit_one_article(path: Path) -> None:
    """A real content change: one sentence appended to the article."""
    path.write_bytes(path.read_bytes().rstrip(b"\n") + EDIT_SUFFIX.encode("utf-8"))


def snapshot_code(dest: Path, root: Path = settings.PROJECT_ROOT) -> Path:
    """Copy the code (packages, gold set, instance settings) so every stage runs the same code.

    Engineers editing extractors during a long bench would otherwise change the
    extractor fingerprint between stages, and a "rerun" would reprocess every article.
    The copy's modules are compiled to bytecode once here, as `make setup` compiles the
    checkout's (no cache is copied): where PYTHONDONTWRITEBYTECODE is set, every stage
    would otherwise compile each module it imports from source again.
    """
    dest.mkdir(parents=True, exist_ok=True)
    for name in SNAPSHOT_ITEMS:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            if name in COMPILED_PACKAGES:
                compileall.compile_dir(dest / name, quiet=1)
        elif source.is_file():
            shutil.copy2(source, dest / name)
    return dest
