"""The extraction cache remembers which entries it found current, within a process and, through
the memo beside it, for the next process."""

from __future__ import annotations

import os
import shutil
from types import SimpleNamespace

import pytest

from pipeline import storage
from pipeline.nlp import file_identity
from pipeline.nlp.records import ArticleExtraction
from pipeline.storage import ExtractionCache
from tests.conftest import next_ctime_tick

SHA = "a" * 64


def _extraction(text: str) -> ArticleExtraction:
    return ArticleExtraction({"article_id": "a1", "content_sha256": SHA, "headline": text}, [], [], [], [], [])


@pytest.fixture
def reads(monkeypatch):
    """A fresh memory of current entries, and the entries read since (article ids)."""
    monkeypatch.setattr(storage, "_FOUND_CURRENT", set())
    monkeypatch.setattr(storage.RememberedEntries, "_LOADED", set())
    seen = []
    real = ExtractionCache._body
    monkeypatch.setattr(ExtractionCache, "_body", lambda self, *a: seen.append(a[0]) or real(self, *a))
    return seen


def _later(monkeypatch, seconds: int = 60) -> None:
    """Every file as it is now counts as settled, as if the check ran `seconds` later (the
    kernel sets ctime to "now" at each change, so a test cannot age a file itself)."""
    monkeypatch.setattr(file_identity, "SETTLED_NS", file_identity.SETTLED_NS - seconds * 10**9)


def test_a_settled_current_entry_is_read_once_and_again_when_replaced_or_damaged(tmp_path, reads, monkeypatch):
    cache = ExtractionCache(tmp_path)
    cache.put(_extraction("first"), "v1")
    path = cache._path("a1")
    assert cache.is_current("a1", SHA, "v1") and cache.is_current("a1", SHA, "v1")
    assert len(reads) == 2  # just written: read each time
    _later(monkeypatch)
    assert cache.is_current("a1", SHA, "v1") and cache.is_current("a1", SHA, "v1")
    assert len(reads) == 3  # settled: read once, then remembered
    assert not cache.is_current("a1", SHA, "v2") and len(reads) == 4  # another version: read, and not current

    cache.put(_extraction("second"), "v1")  # renamed over it: a new file
    assert cache.is_current("a1", SHA, "v1") and len(reads) == 5

    raw = path.read_bytes()
    stat = path.stat()
    path.write_bytes(raw[: len(raw) // 2])  # damaged in place
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert not cache.is_current("a1", SHA, "v1") and len(reads) == 6
    path.unlink()
    assert not cache.is_current("a1", SHA, "v1")


def test_a_change_that_keeps_size_and_times_is_not_missed(tmp_path, reads, monkeypatch):
    """Within one process (tests run several pipelines in one), an entry can be damaged in
    place with its size and modification time kept, or replaced by a copy that carries the
    old times (`shutil.copy2`): the entry is read again, not taken as remembered."""
    cache = ExtractionCache(tmp_path)
    cache.put(_extraction("first"), "v1")
    path = cache._path("a1")
    _later(monkeypatch)
    assert cache.is_current("a1", SHA, "v1") and cache.is_current("a1", SHA, "v1") and len(reads) == 1

    raw, stat = path.read_bytes(), path.stat()
    next_ctime_tick(path)
    path.write_bytes(raw[:-1] + (b"x" if raw[-1:] != b"x" else b"y"))  # one byte changed, same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the time set back
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    assert not cache.is_current("a1", SHA, "v1") and len(reads) == 2

    elsewhere = tmp_path / "elsewhere.json"
    path.write_bytes(raw)
    shutil.copy2(path, elsewhere)
    assert cache.is_current("a1", SHA, "v1") and cache.is_current("a1", SHA, "v1") and len(reads) == 3
    damaged = tmp_path / "damaged.json"
    damaged.write_bytes(raw[:-1] + (b"x" if raw[-1:] != b"x" else b"y"))
    os.utime(damaged, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))
    next_ctime_tick(path)
    shutil.copy2(damaged, path)  # copied over it with the same size and times
    assert not cache.is_current("a1", SHA, "v1") and len(reads) == 4
    shutil.copy2(elsewhere, path)  # the good entry back
    assert cache.is_current("a1", SHA, "v1") and len(reads) == 5


def test_an_entry_changed_within_the_settling_time_is_read_each_time(tmp_path, reads):
    cache = ExtractionCache(tmp_path)
    cache.put(_extraction("first"), "v1")
    path = cache._path("a1")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - 60 * 10**9))  # an old time, set just now
    assert cache.is_current("a1", SHA, "v1") and cache.is_current("a1", SHA, "v1") and len(reads) == 2


def _article(article_id: str, sha: str = SHA) -> SimpleNamespace:
    return SimpleNamespace(seed=SimpleNamespace(article_id=article_id, content_sha256=sha))


def _new_process(monkeypatch) -> None:
    """What another process starts with: nothing remembered, no memo read."""
    monkeypatch.setattr(storage, "_FOUND_CURRENT", set())
    monkeypatch.setattr(storage.RememberedEntries, "_LOADED", set())


def test_the_next_process_takes_remembered_entries_as_current_without_reading_them(tmp_path, reads, monkeypatch):
    cache = ExtractionCache(tmp_path)
    cache.put(_extraction("first"), "v1")
    _later(monkeypatch)
    assert cache.stale([_article("a1"), _article("gone")], "v1") == [_article("gone")]
    assert len(reads) == 1 and (tmp_path / "cache" / storage.RememberedEntries.FILE).is_file()

    _new_process(monkeypatch)
    assert cache.stale([_article("a1")], "v1") == [] and len(reads) == 1  # taken from the memo
    assert cache.is_current("a1", SHA, "v1") and len(reads) == 1
    assert cache.stale([_article("a1", "b" * 64)], "v1") and len(reads) == 2  # other content: read

    _new_process(monkeypatch)
    assert cache.stale([_article("a1")], "v2") and len(reads) == 3  # another version remembers nothing

    _new_process(monkeypatch)
    cache.put(_extraction("second"), "v1")  # renamed over it: another identity, read again
    assert cache.stale([_article("a1")], "v1") == [] and len(reads) == 4


def test_a_damaged_memo_remembers_nothing(tmp_path, reads, monkeypatch):
    cache = ExtractionCache(tmp_path)
    cache.put(_extraction("first"), "v1")
    _later(monkeypatch)
    assert cache.stale([_article("a1")], "v1") == [] and len(reads) == 1
    memo = tmp_path / "cache" / storage.RememberedEntries.FILE
    for damage in (memo.read_text()[:-5], '{"identity": "v1", "passed": ["x 1 2"]}', "[]"):
        memo.write_text(damage)
        _new_process(monkeypatch)
        assert cache.stale([_article("a1")], "v1") == []
    assert len(reads) == 4  # read in each process
