"""The README's SQL runs: every ```sql block against a warehouse built on the seeds.

The section "Querying the warehouse" shows each query's result on the seeds in a
```text block right below it. Those results are real output; regenerate them after
`make run` with

    .venv/bin/python -m tests.test_readme_sql --update

which re-runs each query of that section on data/warehouse.duckdb and rewrites the
result blocks (and nothing else). The tests check that every block still runs, that
each shown result has the query's columns, and that the warehouse explains itself:
a COMMENT on every table, view and column.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # runs the whole pipeline on the seeds

README = ROOT / "README.md"
SECTION = "## Querying the warehouse"
VIEWS = ("event_timeline", "actor_stances", "quote_book")
SQL_BLOCK = re.compile(r"```sql\n(.*?)```", re.S)
# a ```sql block, optionally followed by its ```text result block
EXAMPLE = re.compile(r"```sql\n(?P<sql>.*?)```\n(?:\n?```text\n(?P<result>.*?)```\n)?", re.S)
MAX_ROWS = 12


def readme_section(text: str) -> str:
    start = text.index(SECTION)
    following = text.find("\n## ", start + len(SECTION))
    return text[start : following if following != -1 else len(text)]


def render(connection: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The result as DuckDB prints it (box table with column types), at most MAX_ROWS rows."""
    total = len(connection.execute(sql).fetchall())
    lines = str(connection.sql(sql).limit(MAX_ROWS)).splitlines()
    box = lines[: next(i for i, line in enumerate(lines) if line.startswith("└")) + 1]
    if total > MAX_ROWS:
        box.append(f"{total} rows, the first {MAX_ROWS} shown")
    return "\n".join(box) + "\n"


def header_of(result: str) -> list[str]:
    """Column names from the first row of a DuckDB box table."""
    names = result.splitlines()[1]
    return [c.strip() for c in names.strip("│").split("│")]


def update_readme(database: Path, readme: Path = README) -> int:
    text = readme.read_text(encoding="utf-8")
    section = readme_section(text)
    connection = duckdb.connect(str(database), read_only=True)

    def replace(match: re.Match) -> str:
        sql = match.group("sql")
        return f"```sql\n{sql}```\n\n```text\n{render(connection, sql)}```\n"

    updated, n = EXAMPLE.subn(replace, section)
    readme.write_text(text.replace(section, updated), encoding="utf-8")
    connection.close()
    return n


@pytest.fixture(scope="module")
def warehouse(seed_run):
    _, data, _ = seed_run
    connection = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    yield connection
    connection.close()


def test_every_readme_sql_block_runs(warehouse):
    blocks = SQL_BLOCK.findall(README.read_text(encoding="utf-8"))
    assert blocks
    for sql in blocks:
        try:
            warehouse.execute(sql).fetchall()
        except duckdb.Error as error:
            pytest.fail(f"README query failed: {error}\n{sql}", pytrace=False)


def test_query_section_shows_a_result_for_each_of_at_least_five_queries(warehouse):
    examples = list(EXAMPLE.finditer(readme_section(README.read_text(encoding="utf-8"))))
    assert len(examples) >= 5
    for example in examples:
        sql, result = example.group("sql"), example.group("result")
        assert result, f"no ```text result below:\n{sql}"
        columns = [d[0] for d in warehouse.execute(sql).description]
        assert header_of(result) == columns, f"shown result is stale (regenerate with --update):\n{sql}"


@pytest.mark.parametrize("view", VIEWS)
def test_views_answer(warehouse, view):
    assert warehouse.execute(f"SELECT count(*) FROM {view}").fetchone()[0] >= 1


def test_every_table_view_and_column_has_a_comment(warehouse):
    relations = warehouse.execute(
        "SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main' "
        "UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal"
    ).fetchall()
    assert {name for name, _ in relations} >= set(VIEWS) | {"articles", "events", "entities", "stances"}
    assert [name for name, comment in relations if not comment] == []
    columns = warehouse.execute(
        "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE schema_name = 'main' AND NOT internal"
    ).fetchall()
    missing = [f"{table}.{column}" for table, column, comment in columns if not (comment or "").strip()]
    coverage = 1 - len(missing) / len(columns)
    assert coverage == 1.0, f"{coverage:.0%} of {len(columns)} columns commented; missing: {missing}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Re-run the README's example queries and rewrite their results.")
    parser.add_argument("--update", action="store_true", help="rewrite the result blocks of the README section")
    parser.add_argument("--database", type=Path, default=ROOT / "data" / "warehouse.duckdb")
    args = parser.parse_args(argv)
    if not args.update:
        parser.print_help()
        return 2
    print(f"rewrote {update_readme(args.database)} result blocks from {args.database}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
