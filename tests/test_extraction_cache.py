"""The extraction cache remembers, within a process, which entries it found current."""

from __future__ import annotations

import os

from pipeline import storage
from pipeline.nlp.records import ArticleExtraction
from pipeline.storage import ExtractionCache

SHA = "a" * 64


def _extraction(text: str) -> ArticleExtraction:
    return ArticleExtraction({"article_id": "a1", "content_sha256": SHA, "headline": text}, [], [], [], [], [])


def _settled(path, seconds: int = 60) -> None:
    """The file's modification time moved back, as for an entry written in an earlier run."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 10**9))


def test_a_settled_current_entry_is_read_once_and_again_when_replaced_or_damaged(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "_FOUND_CURRENT", set())
    cache = ExtractionCache(tmp_path)
    reads = []
    real = ExtractionCache._body
    monkeypatch.setattr(ExtractionCache, "_body", lambda self, *a: reads.append(a[0]) or real(self, *a))
    cache.put(_extraction("first"), "v1")
    path = cache._path("a1")
    assert cache.is_current("a1", SHA, "v1") and cache.is_current("a1", SHA, "v1")
    assert len(reads) == 2  # just written: read each time
    _settled(path)
    assert cache.is_current("a1", SHA, "v1") and cache.is_current("a1", SHA, "v1")
    assert len(reads) == 3  # settled: read once, then remembered
    assert not cache.is_current("a1", SHA, "v2") and len(reads) == 4  # another version: read, and not current

    cache.put(_extraction("second"), "v1")  # renamed over it: a new file
    _settled(path)
    assert cache.is_current("a1", SHA, "v1") and len(reads) == 5

    raw = path.read_bytes()
    stat = path.stat()
    path.write_bytes(raw[: len(raw) // 2])  # damaged in place
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert not cache.is_current("a1", SHA, "v1") and len(reads) == 6
    path.unlink()
    assert not cache.is_current("a1", SHA, "v1")
