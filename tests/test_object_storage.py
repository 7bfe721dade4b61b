"""NEWSEVENTS_DATA_DIR as s3://bucket/prefix, against a moto S3 server the tests start: the
cache and the Parquet tables go to the bucket, each written in one PUT; the DuckDB
warehouse is a local file built from them."""

from __future__ import annotations

import contextlib
import shutil

import duckdb
import pandas as pd
import pytest

from pipeline import settings
from pipeline.schemas import TABLES
from pipeline.storage import ExtractionCache, atomic_path, read_table, table_path
from pipeline.warehouse_guard import parquet_row_counts, warehouse_path
from tests.conftest import SEEDS, run_pipeline
from tests.services import moto_server

BUCKET = "newsevents-test"
BBC_ARTICLE = (
    SEEDS.parent.parent / "shared" / "corpora" / "bbc-news" / "politics" /
    "abbas-will-not-tolerate-attacks.txt"
)


@pytest.fixture(scope="module")
def s3_endpoint():
    with moto_server() as endpoint:
        yield endpoint


@pytest.fixture
def s3_data(s3_endpoint, monkeypatch, tmp_path, request):
    """An empty prefix of the bucket as the data folder, the AWS_* variables pointing at moto."""
    for name, value in {
        "AWS_ENDPOINT_URL": s3_endpoint,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "NEWSEVENTS_LOCAL_DIR": str(tmp_path / "local"),
    }.items():
        monkeypatch.setenv(name, value)
    import s3fs

    with contextlib.suppress(FileExistsError):  # made by an earlier test of this module
        s3fs.S3FileSystem(use_listings_cache=False).mkdir(BUCKET)
    return settings.data_path(f"s3://{BUCKET}/{request.node.name}")


def objects(data) -> set[str]:
    root = data.path
    return {path[len(root) + 1 :] for path in data.fs.find(root)}


def test_s3_address_is_remote_and_writes_are_whole_or_absent(s3_data):
    assert not settings.is_local(s3_data)
    target = s3_data / "cache" / "articles" / "x.json"
    with atomic_path(target) as temp:
        temp.write_bytes(b"complete")
    assert target.read_bytes() == b"complete"

    with pytest.raises(RuntimeError), atomic_path(s3_data / "half.json") as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("the writer died")
    assert objects(s3_data) == {"cache/articles/x.json"}  # nothing half-written, no temp object
    assert settings.local_dir(s3_data).name == "local"


def test_evaluation_report_is_kept_and_copied_with_the_data_folder_on_s3(s3_data, tmp_path, monkeypatch):
    """`make run` with an s3:// data folder: the report goes from the bucket to the local
    cache folder and back (the gold-set evaluation itself replaced by a stand-in)."""
    from pipeline.defs.assets.evaluation import KEPT_FILES, current_report

    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path / "cache"))

    def evaluate_into(eval_dir):
        for name in KEPT_FILES:
            (eval_dir / name).write_text(f"{name} evaluated")

    assert current_report(s3_data / "a" / "eval", "inputs", evaluate_into) == "evaluated"
    assert current_report(s3_data / "b" / "eval", "inputs", evaluate_into) == "copied"
    assert (s3_data / "b" / "eval" / "report.json").read_text() == "report.json evaluated"
    assert (tmp_path / "cache" / "evaluation" / "inputs" / "dev_errors.txt").read_text() == "dev_errors.txt evaluated"


@pytest.mark.slow
def test_pipeline_on_s3_equals_local_run(s3_data, seed_run, tmp_path):
    from dagster import DagsterInstance

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, seeds / path.name)
    instance = DagsterInstance.ephemeral()
    assert run_pipeline(seeds, str(s3_data), instance=instance).success

    stored = objects(s3_data)
    assert {f"parquet/{t}/{t}.parquet" for t in TABLES} <= stored
    assert sum(1 for key in stored if key.startswith("cache/articles/")) == len(list(seeds.glob("*.txt")))
    assert not any(key.endswith(".tmp") for key in stored)
    assert not any(key.endswith(".duckdb") for key in stored)  # the warehouse stays local

    _, local_data, _ = seed_run
    for table in TABLES:
        remote, local = read_table(s3_data, table), read_table(local_data, table)
        run_time = [c for c in ("processed_at", "detected_at") if c in local.columns]
        pd.testing.assert_frame_equal(remote.drop(columns=run_time), local.drop(columns=run_time))

    database = warehouse_path(s3_data)
    assert database.parent == settings.local_dir(s3_data) and database.is_file()
    with duckdb.connect(str(database), read_only=True) as connection:
        counts = {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}
    assert counts == parquet_row_counts(s3_data)
    assert table_path(s3_data, "articles").exists()

    # Again with nothing changed (the markers and tables on S3 are read, not rewritten), then
    # with one article more (the previous tables on S3 are read for what they can keep).
    assert run_pipeline(seeds, str(s3_data), instance=instance).success
    shutil.copy(BBC_ARTICLE, seeds / BBC_ARTICLE.name)
    assert run_pipeline(seeds, str(s3_data), instance=instance).success
    assert len(read_table(s3_data, "articles")) == len(list(seeds.glob("*.txt")))
    cache = ExtractionCache(s3_data)
    assert cache.prune(set()) == len(list(seeds.glob("*.txt")))
