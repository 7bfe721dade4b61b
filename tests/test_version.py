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


def test_fingerprint_changes_with_the_model_version(tmp_path, monkeypatch):
    """A spaCy pipeline upgraded in place under the same name parses differently, so cached
    extractions made with the old one must go stale."""
    model = tmp_path / "model"
    model.mkdir()
    (model / "meta.json").write_text('{"name": "core_web_sm", "version": "3.8.0"}')
    monkeypatch.setenv("NEWSEVENTS_SPACY_MODEL", str(model))
    version.extractor_version.cache_clear()
    try:
        before = version.extractor_version()
        assert version.model_version(str(model)) == "3.8.0"
        (model / "meta.json").write_text('{"name": "core_web_sm", "version": "3.8.1"}')
        version.extractor_version.cache_clear()
        assert version.extractor_version() != before
    finally:
        version.extractor_version.cache_clear()


def test_model_version_of_an_unknown_or_broken_model_reads_unknown(tmp_path):
    (tmp_path / "meta.json").write_text("{not json")
    assert version.model_version(str(tmp_path)) == "unknown"
    assert version.model_version("no_such_spacy_model_package") == "unknown"
    assert version.model_version("not-a-module-name") == "unknown"
