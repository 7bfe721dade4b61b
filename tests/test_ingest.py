"""File discovery and decoding: every kind of bad file becomes a Rejection, never an exception."""

import hashlib
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp import ingest as ingest_module
from pipeline.nlp.ingest import (
    DecodedArticle,
    Rejection,
    SeedFile,
    decode_article,
    discover_seed_files,
    ingest,
    parse_text_for_nlp,
    read_sidecar,
)

ARTICLE = "Lavrov hosts talks.\n\nThe ministers met in Moscow on Tuesday.\n"


def seed_from_bytes(raw: bytes, tmp_path: Path, name: str = "article.txt") -> SeedFile:
    return SeedFile(
        path=tmp_path / name,
        source_file=name,
        article_id=name[: -len(".txt")],
        raw=raw,
        content_sha256=hashlib.sha256(raw).hexdigest(),
    )


def decoded(raw: bytes, tmp_path: Path) -> DecodedArticle:
    result = decode_article(seed_from_bytes(raw, tmp_path))
    assert isinstance(result, DecodedArticle), result
    return result


def rejection_reason(raw: bytes, tmp_path: Path) -> str:
    result = decode_article(seed_from_bytes(raw, tmp_path))
    assert isinstance(result, Rejection), result
    return result.reason


def write(path: Path, content: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def reasons_by_file(rejections: list[Rejection]) -> dict[str, str]:
    return {rejection.source_file: rejection.reason for rejection in rejections}


# --------------------------------------------------------------------------- content


def test_empty_file_is_rejected(tmp_path):
    assert rejection_reason(b"", tmp_path) == "empty file (0 bytes)"


def test_whitespace_only_file_is_rejected(tmp_path):
    assert rejection_reason(b" \r\n\t\n  ", tmp_path) == "only whitespace"


def test_file_with_nul_bytes_is_binary(tmp_path):
    assert rejection_reason(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff", tmp_path) == "binary file: contains NUL bytes"


def test_file_of_control_characters_is_binary(tmp_path):
    raw = bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 14, 27, 31]) * 20 + b"some words"
    assert rejection_reason(raw, tmp_path).startswith("binary file:")


def test_a_few_control_characters_do_not_make_a_file_binary(tmp_path):
    assert decoded(ARTICLE.encode() + b"\x0b\x1b", tmp_path).encoding == "utf-8"


def test_cp1252_curly_quotes_decode_to_the_right_characters(tmp_path):
    article = decoded(b"He called it \x93quoted\x94 at the caf\xe9.", tmp_path)
    assert article.text == "He called it \u201cquoted\u201d at the caf\u00e9."
    assert article.encoding == "cp1252"


def test_latin1_decodes_to_the_right_characters(tmp_path):
    raw = "El ministro dijo que las conversaciones fueron útiles en España.".encode("latin-1")
    article = decoded(raw, tmp_path)
    assert article.text == "El ministro dijo que las conversaciones fueron útiles en España."
    assert article.encoding == "latin-1"


def test_non_western_legacy_encoding_is_left_to_the_detector(tmp_path):
    text = "Министр иностранных дел России провел переговоры."
    article = decoded(text.encode("cp1251"), tmp_path)
    assert article.encoding != "cp1252"
    assert all(not ("\u00c0" <= char <= "\u00ff") for char in article.text)


@pytest.mark.parametrize("bom_and_codec", [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
def test_utf16_with_bom_is_decoded_and_bom_dropped(tmp_path, bom_and_codec):
    bom, codec = bom_and_codec
    article = decoded(bom + ARTICLE.encode(codec), tmp_path)
    assert article.text == ARTICLE
    assert article.encoding == "utf-16"


def test_damaged_utf8_is_read_as_utf8_with_a_note_rather_than_as_mojibake(tmp_path):
    raw = "It isn’t “fine”.".encode() + b" caf\xe9"
    article = decoded(raw, tmp_path)
    assert (article.text, article.encoding) == ("It isn’t “fine”. caf\ufffd", "utf-8")
    assert article.notes == ("damaged UTF-8: 1 invalid byte replaced by U+FFFD (first at byte offset 26); "
                             "the rest of the file is UTF-8",)


def test_undecodable_bytes_are_rejected(tmp_path):
    assert rejection_reason(bytes(range(0x80, 0x100)) * 3, tmp_path).startswith("could not determine the text encoding")


def test_utf16_without_bom_is_recognised_by_its_nul_pattern(tmp_path):
    article = decoded(ARTICLE.encode("utf-16-le"), tmp_path)
    assert article.text == ARTICLE
    assert article.encoding == "utf-16-le"


def test_utf32_with_bom_is_not_mistaken_for_utf16(tmp_path):
    article = decoded(ARTICLE.encode("utf-32"), tmp_path)
    assert (article.text, article.encoding) == (ARTICLE, "utf-32")


def test_utf8_bom_is_dropped_and_nothing_else_changes(tmp_path):
    article = decoded(b"\xef\xbb\xbf" + ARTICLE.encode(), tmp_path)
    assert article.text == ARTICLE
    assert article.encoding == "utf-8-sig"


def test_bom_followed_by_invalid_bytes_is_rejected(tmp_path):
    assert "byte-order mark" in rejection_reason(b"\xef\xbb\xbfcaf\xe9", tmp_path)


def test_bom_alone_is_an_empty_file(tmp_path):
    assert rejection_reason(b"\xef\xbb\xbf", tmp_path) == "empty file (only a byte-order mark)"


def test_crlf_is_kept_and_nlp_text_keeps_every_offset(tmp_path):
    article = decoded(b"Headline\r\n\r\nFirst sentence. Second one.\r\n", tmp_path)
    assert article.text == "Headline\r\n\r\nFirst sentence. Second one.\r\n"
    nlp_text = parse_text_for_nlp(article.text)
    assert len(nlp_text) == len(article.text)
    assert "\r" not in nlp_text
    assert nlp_text.index("First") == article.text.index("First")


def test_html_document_is_converted_to_text(tmp_path):
    html = (
        "<!DOCTYPE html><html><head><title>Talks in  Moscow</title>"
        "<style>p { color: red }</style><script>var x = '<p>no</p>';</script></head>"
        "<body><h1>Talks</h1><p>Lavrov said the talks were &ldquo;useful&rdquo; &amp; long.</p>"
        "<p>No deal<br>was reached.</p></body></html>"
    )
    article = decoded(html.encode(), tmp_path)
    assert article.text == (
        "Talks in Moscow\n\nTalks\n\nLavrov said the talks were \u201cuseful\u201d & long.\n\nNo deal\nwas reached."
    )
    assert article.notes == ("html converted to text",)


def test_html_fragment_without_document_start_is_converted(tmp_path):
    html = "<p>First paragraph.</p>\n<p>Second <b>bold</b> paragraph.</p>\n"
    article = decoded(html.encode(), tmp_path)
    assert article.text == "First paragraph.\n\nSecond bold paragraph."


def test_text_that_mentions_a_tag_stays_plain_text(tmp_path):
    text = "Line one.\nUse <b> for bold.\nLine three.\nLine four.\nLine five.\n"
    article = decoded(text.encode(), tmp_path)
    assert (article.text, article.notes) == (text, ())


def test_html_without_article_text_is_rejected(tmp_path):
    html = b"<html><head><title>Only a title</title><script>track()</script></head><body> <div></div></body></html>"
    assert rejection_reason(html, tmp_path) == "HTML with no article text"


def test_html_the_parser_cannot_read_is_rejected(tmp_path):
    assert rejection_reason(b"<html><![bogus[ x ]]><p>text</p></html>", tmp_path).startswith("malformed HTML")


def test_oversize_text_is_rejected(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_module, "MAX_ARTICLE_CHARS", 10)
    assert rejection_reason(b"Eleven chars", tmp_path) == "too large: 12 characters; limit 10"


# --------------------------------------------------------------------------- sidecars


def test_sidecar_metadata_is_read(tmp_path):
    write(tmp_path / "a.meta.json", json.dumps({
        "url": "https://example.org/a", "outlet": "Reuters", "published": "2023-07-25", "extra": "dropped",
    }))
    article = decode_article(seed_from_bytes(ARTICLE.encode(), tmp_path, "a.txt"))
    assert article.metadata == {"url": "https://example.org/a", "outlet": "Reuters", "published": "2023-07-25"}
    assert article.notes == ()


def test_malformed_sidecar_is_ignored_with_a_note(tmp_path):
    write(tmp_path / "a.meta.json", "{not json")
    article = decode_article(seed_from_bytes(ARTICLE.encode(), tmp_path, "a.txt"))
    assert article.metadata == {}
    assert article.notes == ("sidecar a.meta.json ignored: not valid JSON",)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('["a list"]', ({}, "sidecar s.meta.json ignored: expected a JSON object")),
        ('{"url": 3, "outlet": "AP"}', ({"outlet": "AP"}, "sidecar s.meta.json: ignored non-text values for url")),
        ('{"url": "\\ud800"}', ({}, "sidecar s.meta.json: ignored non-text values for url")),
        ("[" * 100_000, ({}, "sidecar s.meta.json ignored: not valid JSON")),
    ],
)
def test_unusable_sidecar_values_are_noted(tmp_path, content, expected):
    assert read_sidecar(write(tmp_path / "s.meta.json", content)) == expected


def test_missing_sidecar_is_no_metadata_and_no_note(tmp_path):
    assert read_sidecar(tmp_path / "absent.meta.json") == ({}, None)


# --------------------------------------------------------------------------- discovery


def test_only_txt_files_are_articles(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "B.TXT", ARTICLE + "more")
    write(tmp_path / "a.meta.json", "{}")
    write(tmp_path / "notes.md", "not an article")
    seeds, rejections = discover_seed_files(tmp_path)
    assert [(s.source_file, s.article_id) for s in seeds] == [("B.TXT", "B"), ("a.txt", "a")]
    assert rejections == []


def test_hidden_files_and_folders_are_ignored(tmp_path):
    write(tmp_path / ".hidden.txt", ARTICLE)
    write(tmp_path / ".git" / "x.txt", ARTICLE)
    write(tmp_path / "visible.txt", ARTICLE)
    seeds, rejections = discover_seed_files(tmp_path)
    assert [s.source_file for s in seeds] == ["visible.txt"]
    assert rejections == []


def test_subfolder_path_is_part_of_the_article_id(tmp_path):
    write(tmp_path / "politics" / "a.txt", ARTICLE)
    write(tmp_path / "tech" / "a.txt", ARTICLE + "different")
    seeds, _ = discover_seed_files(tmp_path)
    expected = [("politics/a", "politics/a.txt"), ("tech/a", "tech/a.txt")]
    assert [(s.article_id, s.source_file) for s in seeds] == expected
    assert seeds[0].path == tmp_path / "politics" / "a.txt"
    assert seeds[0].raw == ARTICLE.encode()
    assert seeds[0].content_sha256 == hashlib.sha256(ARTICLE.encode()).hexdigest()


def test_names_differing_only_in_suffix_case_cannot_share_an_article_id(tmp_path):
    write(tmp_path / "a.TXT", ARTICLE)
    write(tmp_path / "a.txt", ARTICLE + "other")
    seeds, rejections = discover_seed_files(tmp_path)
    assert [s.source_file for s in seeds] == ["a.TXT"]
    assert reasons_by_file(rejections) == {"a.txt": "article id 'a' is already used by a.TXT; rename one file"}


def test_symlink_pointing_outside_is_rejected(tmp_path):
    seeds_dir, outside = tmp_path / "seeds", tmp_path / "outside"
    write(outside / "secret.txt", ARTICLE)
    seeds_dir.mkdir()
    (seeds_dir / "linked.txt").symlink_to(outside / "secret.txt")
    (seeds_dir / "linked_dir").symlink_to(outside, target_is_directory=True)
    seeds, rejections = discover_seed_files(seeds_dir)
    assert seeds == []
    reason = "symbolic link pointing outside the seeds folder; not followed"
    assert reasons_by_file(rejections) == {"linked.txt": reason, "linked_dir": reason}


def test_symlink_inside_is_followed_and_cycles_are_stopped(tmp_path):
    write(tmp_path / "real" / "a.txt", ARTICLE)
    (tmp_path / "alias.txt").symlink_to(tmp_path / "real" / "a.txt")
    (tmp_path / "real" / "loop").symlink_to(tmp_path, target_is_directory=True)
    seeds, rejections = discover_seed_files(tmp_path)
    assert [s.source_file for s in seeds] == ["alias.txt", "real/a.txt"]
    assert seeds[0].raw == ARTICLE.encode()
    reason = "symbolic link back into one of its parent folders; not followed"
    assert reasons_by_file(rejections) == {"real/loop": reason}


def test_broken_and_self_referencing_links_are_rejected(tmp_path):
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    seeds, rejections = discover_seed_files(tmp_path)
    assert seeds == []
    assert sorted(reasons_by_file(rejections)) == ["broken.txt", "self.txt"]


def test_names_with_spaces_quotes_and_accents_work(tmp_path):
    name = "a b;'\"é.txt"
    write(tmp_path / "sub dir" / name, ARTICLE)
    articles, rejections = ingest(tmp_path)
    assert rejections == []
    assert [a.seed.article_id for a in articles] == [f"sub dir/{name[:-4]}"]
    assert articles[0].text == ARTICLE


def test_name_that_is_not_utf8_is_rejected_with_a_printable_name(tmp_path):
    write(Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt")), ARTICLE)
    seeds, rejections = discover_seed_files(tmp_path)
    assert seeds == []
    assert rejections == [Rejection("caf\\xe9.txt", None, "file name is not valid UTF-8; rename it")]


def test_unreadable_file_is_rejected_with_the_os_error(tmp_path, monkeypatch):
    write(tmp_path / "locked.txt", ARTICLE)
    write(tmp_path / "fine.txt", ARTICLE + "x")

    def refuse_locked(path, limit):
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(path, limit)

    real_read = ingest_module._read_at_most
    monkeypatch.setattr(ingest_module, "_read_at_most", refuse_locked)
    seeds, rejections = discover_seed_files(tmp_path)
    assert [s.source_file for s in seeds] == ["fine.txt"]
    assert rejections == [Rejection("locked.txt", None, "could not read file: permission denied")]


def test_file_too_big_to_read_is_rejected_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_module, "MAX_FILE_BYTES", 8)
    write(tmp_path / "big.txt", ARTICLE)
    seeds, rejections = discover_seed_files(tmp_path)
    assert seeds == []
    assert rejections == [Rejection("big.txt", None, "too large: over 8 bytes on disk; not read")]


def test_fifo_named_txt_is_rejected_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    seeds, rejections = discover_seed_files(tmp_path)
    assert seeds == []
    assert reasons_by_file(rejections) == {"pipe.txt": "not a regular file (device, pipe or socket)"}


def test_missing_seeds_folder_is_a_configuration_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="seeds folder not found"):
        discover_seed_files(tmp_path / "nope")


# --------------------------------------------------------------------------- whole folder


def test_duplicate_content_keeps_the_first_file(tmp_path):
    write(tmp_path / "politics" / "a.txt", ARTICLE)
    write(tmp_path / "world" / "copy.txt", ARTICLE)
    write(tmp_path / "b.txt", ARTICLE + "different")
    articles, rejections = ingest(tmp_path)
    assert [a.seed.article_id for a in articles] == ["b", "politics/a"]
    sha = hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert rejections == [Rejection("world/copy.txt", sha, "duplicate of politics/a.txt (same content)")]


def test_identical_bad_files_keep_their_own_reason(tmp_path):
    write(tmp_path / "a.txt", b"")
    write(tmp_path / "b.txt", b"")
    _, rejections = ingest(tmp_path)
    assert reasons_by_file(rejections) == {"a.txt": "empty file (0 bytes)", "b.txt": "empty file (0 bytes)"}


def test_ingest_is_deterministic_and_sorted(tmp_path):
    for name in ["z.txt", "m/b.txt", "a.txt", "m/a.txt", "empty.txt"]:
        write(tmp_path / name, b"" if name == "empty.txt" else (ARTICLE + name).encode())
    first, second = ingest(tmp_path), ingest(tmp_path)
    assert first == second
    assert [a.seed.article_id for a in first[0]] == ["a", "m/a", "m/b", "z"]
    assert [r.source_file for r in first[1]] == ["empty.txt"]


# --------------------------------------------------------------------------- never raises


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_article_never_raises_on_arbitrary_bytes(tmp_path_factory, raw):
    result = decode_article(seed_from_bytes(raw, tmp_path_factory.getbasetemp()))
    assert isinstance(result, (DecodedArticle, Rejection))
    if isinstance(result, DecodedArticle):
        result.text.encode("utf-8")  # storable: no lone surrogates
        assert result.text.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/!-[]&;#x =\"'abcdehlmoprstyi \n")), max_size=300))
def test_decode_article_never_raises_on_html_like_input(tmp_path_factory, body):
    raw = ("<html>" + body).encode()
    result = decode_article(seed_from_bytes(raw, tmp_path_factory.getbasetemp()))
    assert isinstance(result, (DecodedArticle, Rejection))
