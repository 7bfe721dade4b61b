"""The real services some tests need (PostgreSQL, a Dask cluster, an S3 endpoint).

Where one is missing a test skips and says which and why; under CI=true it fails instead,
since CI runs on a machine that has them and a skip there would hide a broken deployment.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PG_HOST = os.environ.get("DAGSTER_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("DAGSTER_PG_PORT", "5432"))
PG_USER = os.environ.get("DAGSTER_PG_USER", "postgres")
PG_PASSWORD = os.environ.get("DAGSTER_PG_PASSWORD", "")


def unavailable(reason: str) -> None:
    """Skip with the reason, or fail under CI=true."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the service must be there)")
    pytest.skip(reason)


def _connect(dbname: str):
    try:
        import psycopg2
    except ImportError as error:
        unavailable(f"psycopg2 is not installed: {error}")
    try:
        connection = psycopg2.connect(
            host=PG_HOST, port=PG_PORT, user=PG_USER, password=PG_PASSWORD, dbname=dbname, connect_timeout=3
        )
    except Exception as error:  # noqa: BLE001 - any failure to connect means no usable server
        unavailable(f"no PostgreSQL at {PG_USER}@{PG_HOST}:{PG_PORT}: {error}".strip())
    connection.autocommit = True
    return connection


@contextlib.contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A new, empty database for one test, dropped afterwards (its name is yielded)."""
    name = f"newsevents_test_{uuid.uuid4().hex[:12]}"
    admin = _connect("postgres")
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def postgres_environment(db_name: str) -> dict[str, str]:
    """The DAGSTER_PG_* variables deploy/dagster.yaml reads, pointing at `db_name`."""
    return {
        "DAGSTER_PG_HOST": PG_HOST,
        "DAGSTER_PG_PORT": str(PG_PORT),
        "DAGSTER_PG_USER": PG_USER,
        "DAGSTER_PG_PASSWORD": PG_PASSWORD,
        "DAGSTER_PG_DB": db_name,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def moto_server() -> Iterator[str]:
    """A moto S3 server on a free local port, stopped afterwards; yields its endpoint URL."""
    try:
        import moto.server  # noqa: F401
    except ImportError as error:
        unavailable(f"moto[server] is not installed: {error}")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            if process.poll() is not None or time.monotonic() > deadline:
                unavailable(f"the moto S3 server did not start on port {port}")
            time.sleep(0.1)
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)
