"""The extractors' fingerprint covers the code of extractor subpackages, not only top-level modules."""

from __future__ import annotations

from pipeline.nlp import version


def test_fingerprint_changes_with_subpackage_code(tmp_path, monkeypatch):
    (tmp_path / "nlp" / "quotes").mkdir(parents=True)
    (tmp_path / "knowledge").mkdir()
    rule = tmp_path / "nlp" / "quotes" / "cues.py"
    rule.write_text("SAY = 1\n")
    monkeypatch.setattr(version, "PACKAGE", tmp_path)
    version.extractor_version.cache_clear()
    try:
        before = version.extractor_version()
        rule.write_text("SAY = 2\n")
        version.extractor_version.cache_clear()
        assert version.extractor_version() != before
    finally:
        version.extractor_version.cache_clear()
