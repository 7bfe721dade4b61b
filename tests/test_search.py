"""The warehouse's search(q) macro: BM25 ranking in plain SQL, stemming, stop words, phrases."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.search import create_search, search

SENTENCES = [
    ("a1", 0, "Lachin corridor blockade enters its third month."),
    ("a1", 1, "The corridor is the only road; the blockade of the Lachin corridor must end, the corridor's users say."),
    ("a1", 2, "Talks on the peace treaty were held in Moscow."),
    ("a2", 0, "Ministers talked for hours about the peace treaty and the corridor."),
    ("a2", 1, "Armenia imposed new checks at the border."),
    ("a2", 2, "Nothing about that subject here at all."),
]


@pytest.fixture()
def connection():
    con = duckdb.connect()
    con.execute("CREATE TABLE entities (entity_id VARCHAR, name VARCHAR)")
    con.execute("INSERT INTO entities VALUES ('person:sergei-lavrov', 'Sergei Lavrov')")
    con.execute("CREATE TABLE sentences (article_id VARCHAR, sentence_id INTEGER, text VARCHAR)")
    con.executemany("INSERT INTO sentences VALUES (?, ?, ?)", SENTENCES)
    con.execute("""CREATE TABLE quotes (quote_id VARCHAR, article_id VARCHAR, sentence_id INTEGER,
                   speaker_entity_id VARCHAR, speaker_surface VARCHAR, text VARCHAR)""")
    con.execute("INSERT INTO quotes VALUES ('a1#q1', 'a1', 1, 'person:sergei-lavrov', 'Lavrov', "
                "'the blockade of the Lachin corridor must end')")
    con.execute("""CREATE TABLE stances (stance_id VARCHAR, holder_entity_id VARCHAR, target VARCHAR,
                   polarity VARCHAR, evidence VARCHAR, article_id VARCHAR, sentence_id INTEGER, quote_id VARCHAR)""")
    con.execute("INSERT INTO stances VALUES ('st-1', NULL, 'peace treaty', 'support', "
                "'Ministers talked for hours about the peace treaty', 'a2', 0, NULL)")
    create_search(con)
    yield con
    con.close()


def hits(con, q: str) -> list[tuple]:
    return con.execute("SELECT doc_id, score, exact_phrase FROM search(?)", [q]).fetchall()


def test_more_occurrences_in_a_shorter_text_rank_higher(connection):
    ranked = [doc for doc, _, _ in hits(connection, "corridor")]
    # a1:1 says "corridor" three times; a1:0 once in a short sentence; a2:0 once in a longer one
    assert ranked.index("sentence:a1:1") < ranked.index("sentence:a1:0") < ranked.index("sentence:a2:0")
    assert "sentence:a2:2" not in ranked


def test_scores_are_bm25_and_descending(connection):
    scores = [score for _, score, exact in hits(connection, "peace treaty") if not exact]
    assert scores == sorted(scores, reverse=True) and all(s > 0 for s in scores)


def test_exact_phrase_comes_first_and_rare_terms_weigh_more(connection):
    found = hits(connection, "Lachin corridor")
    exact = [doc for doc, _, phrase in found if phrase]
    assert {"sentence:a1:0", "sentence:a1:1", "quote:a1#q1"} == set(exact)
    assert [phrase for _, _, phrase in found] == sorted((p for _, _, p in found), reverse=True)
    # "Lachin" (rarer than "corridor") lifts a text above one with "corridor" alone
    assert found.index(next(h for h in found if h[0] == "sentence:a1:0")) < found.index(
        next(h for h in found if h[0] == "sentence:a2:0"))


def test_stemming_matches_word_forms(connection):
    talk = {doc for doc, _, _ in hits(connection, "talks")}
    assert {"sentence:a1:2", "sentence:a2:0", "stance:st-1"} <= talk  # "Talks", "talked"
    assert "sentence:a2:1" in {doc for doc, _, _ in hits(connection, "imposing")}  # "imposed"
    stems = connection.execute(
        "SELECT list(search_stem(w)) FROM unnest(['agreed', 'agree', 'countries', 'stopped', 'crisis']) t(w)"
    ).fetchone()[0]
    assert stems == ["agre", "agre", "country", "stop", "crisis"]


def test_stop_words_alone_find_nothing(connection):
    assert hits(connection, "the of and") == []
    assert hits(connection, "") == []


def test_stances_and_quotes_are_found_with_who(connection):
    rows = connection.execute("SELECT kind, who, text FROM search('peace treaty') WHERE kind <> 'sentence'").fetchall()
    assert rows == [("stance", None, "support peace treaty: Ministers talked for hours about the peace treaty")]
    quote = connection.execute("SELECT who FROM search('blockade') WHERE kind = 'quote'").fetchone()
    assert quote == ("Sergei Lavrov",)


def test_search_helper_quotes_the_query(connection):
    rows = search(connection, "corridor's users", limit=2).fetchall()
    assert len(rows) == 2 and rows[0][0] == "sentence"



def _index(con) -> dict[str, list[tuple]]:
    """The index's rows, sorted (an edited document's rows come after the kept ones, where a
    fresh build sorts them all)."""
    return {"search_documents": sorted(con.execute("SELECT * FROM search_documents").fetchall()),
            "search_terms": sorted(con.execute("SELECT * FROM search_terms").fetchall())}


def _edit(con) -> None:
    """One sentence changed, one added, a stance's polarity and a speaker's name changed."""
    con.execute("UPDATE sentences SET text = 'Ministers resumed the stalled talks.' WHERE article_id = 'a2' "
                "AND sentence_id = 2")
    con.execute("INSERT INTO sentences VALUES ('a3', 0, 'Armenia closed the corridor again.')")
    con.execute("UPDATE stances SET polarity = 'oppose'")
    con.execute("UPDATE entities SET name = 'S. Lavrov'")


def _copy(con) -> duckdb.DuckDBPyConnection:
    """A new database holding `con`'s contract tables only (no index)."""
    scratch = duckdb.connect()
    for table in ("entities", "sentences", "quotes", "stances"):
        columns = con.execute(f"DESCRIBE {table}").fetchall()
        scratch.execute(f"CREATE TABLE {table} ({', '.join(f'{c[0]} {c[1]}' for c in columns)})")
        rows = con.execute(f"SELECT * FROM {table}").fetchall()
        scratch.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' for _ in columns)})", rows)
    return scratch


def test_an_index_rebuilt_over_the_last_one_equals_a_fresh_build(connection):
    """A warehouse copied from the last build keeps the index rows of unchanged documents and
    indexes only the changed ones again: the index is row for row what a fresh build makes."""
    _edit(connection)
    create_search(connection)
    with _copy(connection) as scratch:
        create_search(scratch)
        assert _index(connection) == _index(scratch)
        assert [h[0] for h in hits(connection, "stalled talks")] == [h[0] for h in hits(scratch, "stalled talks")]
    assert any(doc == "sentence:a3:0" for doc, *_ in _index(connection)["search_terms"])


def test_only_documents_whose_text_changed_are_indexed_again(connection):
    # Marks in the last index: kept where the document is unchanged, gone where it changed.
    connection.execute("UPDATE search_terms SET tf = 99 WHERE doc_id IN ('sentence:a1:0', 'sentence:a2:2', "
                       "'stance:st-1') AND term = (SELECT min(term) FROM search_terms t WHERE t.doc_id = "
                       "search_terms.doc_id)")
    _edit(connection)
    create_search(connection)
    marked = {doc for doc, _, tf in _index(connection)["search_terms"] if tf == 99}
    assert marked == {"sentence:a1:0"}
    who = dict(connection.execute("SELECT doc_id, who FROM search_documents").fetchall())
    assert who["quote:a1#q1"] == "S. Lavrov"  # what is shown comes from the new tables


def test_only_documents_whose_row_changed_are_written_again(connection):
    # Marks in the last index's documents: kept where the row is unchanged, gone where its
    # text (a sentence edited, a stance's polarity) or who said it changed.
    marked = ("sentence:a1:0", "sentence:a2:2", "stance:st-1", "quote:a1#q1")
    connection.execute(f"UPDATE search_documents SET n_terms = 99 WHERE doc_id IN {marked}")
    _edit(connection)
    create_search(connection)
    rows = {doc: n_terms for doc, *_, n_terms in connection.execute("SELECT * FROM search_documents").fetchall()}
    assert {doc for doc, n_terms in rows.items() if n_terms == 99} == {"sentence:a1:0"}
    assert rows["sentence:a2:2"] == 4 and rows["sentence:a3:0"] > 0  # counted from the new terms


def test_warehouse_threads_leave_a_core_to_each_step_beside_it(monkeypatch):
    """DuckDB's threads for the warehouse build: the cores less one per corpus-level step that
    may run beside it, one at least; every core when the steps run one after another."""
    from pipeline import warehouse

    monkeypatch.setattr(warehouse.os, "sched_getaffinity", lambda _pid: set(range(2)), raising=False)
    monkeypatch.delenv("NEWSEVENTS_STEPS_IN_PROCESS", raising=False)
    monkeypatch.setenv("NEWSEVENTS_CORPUS_STEPS", "2")
    assert warehouse.build_config() == {**warehouse.BUILD_CONFIG, "threads": 1}
    monkeypatch.setattr(warehouse.os, "sched_getaffinity", lambda _pid: set(range(16)), raising=False)
    assert warehouse.build_config()["threads"] == 15
    monkeypatch.setenv("NEWSEVENTS_CORPUS_STEPS", "4")
    monkeypatch.setattr(warehouse.os, "sched_getaffinity", lambda _pid: set(range(2)), raising=False)
    assert warehouse.build_config()["threads"] == 1
    monkeypatch.setenv("NEWSEVENTS_STEPS_IN_PROCESS", "1")
    assert warehouse.build_config()["threads"] == 2
