"""Full-text search in the warehouse, in plain DuckDB SQL: BM25 over quotes, stances and sentences.

DuckDB's `fts` extension is not installable offline for the DuckDB version the project
pins, so the warehouse carries its own small index, built with the other tables:

- `search_documents`: one row per quote, stance and sentence (`kind`), with the words
  shown (`text`), who said or holds it (`who`), and the number of indexed terms;
- `search_terms`: one row per (document, term) with the term frequency. A term is a
  word lowercased and stemmed by `search_stem(word)` (plural and -ing/-ed endings and a
  final "e" dropped: "talks", "talked", "talking" -> "talk"), function words left out
  (pipeline/knowledge/search.yaml);
- the table macro `search(q)`: the documents that contain any of the query's terms,
  ranked by BM25 (k1 = 1.2, b = 0.75), those that contain the query as written first.

    SELECT kind, score, who, text FROM search('Lachin corridor') LIMIT 5;

`make search Q="..."` prints the same ranking.
"""

from __future__ import annotations

from functools import cache

import duckdb

from pipeline.nlp.lexicons import KNOWLEDGE_DIR
from pipeline.nlp.yaml_text import safe_load

STOPWORDS_PATH = KNOWLEDGE_DIR / "search.yaml"
K1, B = 1.2, 0.75
WORD_SPLIT = r"[^\p{L}\p{N}]+"
SHOWN_CHARS = 90  # `make search` cuts longer texts


@cache
def stopwords() -> tuple[str, ...]:
    words = safe_load(STOPWORDS_PATH.read_text(encoding="utf-8"))["stopwords"]
    return tuple(sorted({str(w).lower() for w in words}))


def _list_literal(words) -> str:
    return "[" + ", ".join(map(sql_string, words)) + "]"


def _stem_macro() -> str:
    # One suffix rule (the first that matches; a word with none loses a final "e", so
    # "imposed" and "impose" both give "impos", "agreed" and "agree" "agre"), then a
    # doubled final consonant undone ("stopped" -> "stopp" -> "stop").
    suffix = r"""CASE
        WHEN length(w) <= 3 OR regexp_matches(w, '(ss|us|is)$') THEN w
        WHEN regexp_matches(w, '..[^aeiou]ies$') THEN regexp_replace(w, 'ies$', 'y')
        WHEN regexp_matches(w, '...ied$') THEN regexp_replace(w, 'ied$', 'y')
        WHEN regexp_matches(w, '...ing$') THEN regexp_replace(w, 'ing$', '')
        WHEN regexp_matches(w, '...ed$') THEN regexp_replace(w, 'ed$', '')
        WHEN regexp_matches(w, '...s$') THEN regexp_replace(w, 's$', '')
        ELSE regexp_replace(w, '(...)e$', '\1') END"""
    undouble = (f"CASE WHEN regexp_matches(({suffix}), '(bb|dd|gg|mm|nn|pp|rr|tt)$') "
                f"THEN left(({suffix}), length(({suffix})) - 1) ELSE ({suffix}) END")
    return f"CREATE OR REPLACE MACRO search_stem(w) AS {undouble}"


def _terms(text_sql: str) -> str:
    """The indexed words of a text expression, one per row, as column `w`."""
    return (
        f"SELECT unnest(regexp_split_to_array(lower({text_sql}), '{WORD_SPLIT}')) AS w"
    )


def _keep(word: str) -> str:
    return f"length({word}) >= 2 AND NOT list_contains({_list_literal(stopwords())}, {word})"


DOCUMENTS_SQL = """
CREATE TEMP TABLE search_source AS
SELECT 'quote:' || q.quote_id AS doc_id, 'quote' AS kind, q.article_id, q.sentence_id,
       coalesce(sp.name, q.speaker_surface) AS who, q.text AS text, q.text AS indexed
FROM quotes q LEFT JOIN entities sp ON sp.entity_id = q.speaker_entity_id
UNION ALL
SELECT 'stance:' || s.stance_id, 'stance', s.article_id, s.sentence_id,
       coalesce(h.name, q.speaker_surface), s.polarity || ' ' || s.target || ': ' || s.evidence,
       s.target || ' ' || s.evidence
FROM stances s LEFT JOIN entities h ON h.entity_id = s.holder_entity_id
LEFT JOIN quotes q ON q.quote_id = s.quote_id
UNION ALL
SELECT 'sentence:' || article_id || ':' || sentence_id, 'sentence', article_id, sentence_id, NULL, text, text
FROM sentences
"""

COMMENTS = {
    "search_documents": (
        "What search(q) ranks: one row per quote, stance and sentence.",
        {
            "doc_id": "Stable id: kind, then the quote, stance or article and sentence id",
            "kind": "quote, stance or sentence",
            "article_id": "Article of the quote, stance or sentence",
            "sentence_id": "Sentence where it is (starts)",
            "who": "Speaker (quotes) or holder (stances) by name; NULL for sentences",
            "text": "The words shown: the quote, 'polarity issue: evidence' for a stance, the sentence",
            "n_terms": "Number of indexed terms (document length for BM25)",
        },
    ),
    "search_terms": (
        "The search index: one row per document and stemmed term, with its frequency.",
        {
            "doc_id": "FK to search_documents",
            "term": "A word, lowercased and stemmed by search_stem(); function words are left out",
            "tf": "How often the term occurs in the document",
        },
    ),
}


def _search_macro() -> str:
    return f"""
CREATE OR REPLACE MACRO search(q) AS TABLE
WITH query AS (
    SELECT DISTINCT search_stem(w) AS term FROM ({_terms('q')}) WHERE {_keep('w')}
),
stats AS (SELECT count(*) AS n_docs, greatest(avg(n_terms), 1) AS avg_terms FROM search_documents),
df AS (SELECT term, count(*) AS n FROM search_terms JOIN query USING (term) GROUP BY term),
scored AS (
    SELECT t.doc_id, count(*) AS terms_matched,
           sum(ln(1 + (stats.n_docs - df.n + 0.5) / (df.n + 0.5))
               * t.tf * ({K1} + 1)
               / (t.tf + {K1} * (1 - {B} + {B} * d.n_terms / stats.avg_terms))) AS bm25
    FROM search_terms t
    JOIN query USING (term)
    JOIN df USING (term)
    JOIN search_documents d USING (doc_id)
    CROSS JOIN stats
    GROUP BY t.doc_id
)
SELECT d.kind, round(s.bm25, 3) AS score, s.terms_matched,
       contains(lower(d.text), lower(trim(q))) AS exact_phrase,
       d.who, d.text, d.article_id, d.sentence_id, d.doc_id
FROM scored s JOIN search_documents d USING (doc_id)
ORDER BY exact_phrase DESC, score DESC, d.doc_id
"""


def create_search(connection: duckdb.DuckDBPyConnection) -> None:
    """Build the index tables and the macros in the open (warehouse) connection; the
    contract's tables quotes, stances, sentences and entities must be there.

    In a warehouse that already holds an index (a copy of the last build, see
    `pipeline.warehouse`), a document whose kind and text are those it had then keeps its
    index rows, and only the others are split into words and stemmed; a document whose row
    is the same as then (who, article and sentence too) keeps its row in `search_documents`,
    and only the others are written again. The index then holds the rows a fresh build makes,
    the new ones after the kept ones, where a fresh build sorts them all by document
    (`search()` orders its hits itself). A document's terms are a function of its text: a
    quote or sentence is indexed as shown, and a stance's shown text is its polarity word
    before the very words it indexes. After a small edit, copying and sorting the whole index
    again, and writing every document's row back to the file, was most of the warehouse step."""
    previous = _has_index(connection)
    connection.execute(_stem_macro())
    connection.execute(DOCUMENTS_SQL)
    if previous:
        connection.execute("""
            CREATE TEMP TABLE search_kept AS
            SELECT s.doc_id, (p.who IS NOT DISTINCT FROM s.who AND p.article_id IS NOT DISTINCT FROM s.article_id
                              AND p.sentence_id IS NOT DISTINCT FROM s.sentence_id) AS same_row
            FROM search_source s
            JOIN search_documents p ON p.doc_id = s.doc_id AND p.kind = s.kind AND p.text = s.text
        """)
        connection.execute("DELETE FROM search_terms t WHERE NOT EXISTS "
                           "(SELECT 1 FROM search_kept k WHERE k.doc_id = t.doc_id)")
        fresh, made = "(SELECT * FROM search_source ANTI JOIN search_kept USING (doc_id))", "INSERT INTO search_terms"
    else:
        fresh, made = "search_source", "CREATE TABLE search_terms AS"
    # Each distinct word is filtered and stemmed once, not at each of its occurrences.
    connection.execute(f"""
        {made}
        WITH words AS MATERIALIZED (
            SELECT doc_id, unnest(regexp_split_to_array(lower(indexed), '{WORD_SPLIT}')) AS w FROM {fresh}
        ),
        stems AS (SELECT w, search_stem(w) AS term FROM (SELECT DISTINCT w FROM words) WHERE {_keep('w')})
        SELECT doc_id, term, count(*)::INTEGER AS tf FROM words JOIN stems USING (w) GROUP BY ALL
        ORDER BY doc_id, term
    """)
    rows, made, counted = "search_source", "CREATE TABLE search_documents AS", ""
    if previous:
        connection.execute("DELETE FROM search_documents d WHERE NOT EXISTS "
                           "(SELECT 1 FROM search_kept k WHERE k.doc_id = d.doc_id AND k.same_row)")
        rows = "(SELECT * FROM search_source ANTI JOIN (SELECT doc_id FROM search_kept WHERE same_row) USING (doc_id))"
        made, counted = "INSERT INTO search_documents", f"WHERE doc_id IN (SELECT doc_id FROM {rows})"
    connection.execute(f"""
        {made}
        SELECT s.doc_id, s.kind, s.article_id, s.sentence_id, s.who, s.text,
               coalesce(l.n_terms, 0)::INTEGER AS n_terms
        FROM {rows} s
        LEFT JOIN (SELECT doc_id, sum(tf) AS n_terms FROM search_terms {counted} GROUP BY doc_id) l USING (doc_id)
        ORDER BY s.doc_id
    """)
    connection.execute("DROP TABLE search_source")
    if previous:
        connection.execute("DROP TABLE search_kept")
    connection.execute(_search_macro())
    for table, (meaning, columns) in COMMENTS.items():
        connection.execute(f"COMMENT ON TABLE {table} IS {sql_string(meaning)}")
        for column, column_meaning in columns.items():
            connection.execute(f"COMMENT ON COLUMN {table}.{column} IS {sql_string(column_meaning)}")


def _has_index(connection: duckdb.DuckDBPyConnection) -> bool:
    found = connection.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND table_name IN ('search_terms', 'search_documents')"
    ).fetchone()[0]
    return found == 2


def sql_string(text: str) -> str:
    """`text` as a SQL string literal (single quotes doubled)."""
    return "'" + text.replace("'", "''") + "'"


def search(connection: duckdb.DuckDBPyConnection, query: str, limit: int = 10) -> duckdb.DuckDBPyRelation:
    """The ranked hits for `query`, as a relation (print it for DuckDB's box table)."""
    return connection.sql(
        "SELECT kind, score, coalesce(who, '') AS who, "
        f"CASE WHEN length(text) > {SHOWN_CHARS} THEN left(text, {SHOWN_CHARS - 1}) || '…' ELSE text END AS text, "
        f"article_id, sentence_id FROM search({sql_string(query)}) LIMIT {int(limit)}"
    )
