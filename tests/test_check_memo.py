"""A table check whose tables hold the bytes it last ran on is not run again (`pipeline.checked`)."""

from __future__ import annotations

from dagster import AssetCheckResult, AssetCheckSeverity, MetadataValue

from pipeline.defs import checks
from pipeline.defs.resources import NewsPaths
from pipeline.storage import table_path


def _write(data, table: str, content: bytes) -> None:
    path = table_path(data, table)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def test_a_check_runs_again_only_when_a_table_it_reads_changed(tmp_path):
    data = tmp_path / "data"
    _write(data, "entities", b"one")
    _write(data, "events", b"two")
    calls = []

    def probe(paths: NewsPaths) -> AssetCheckResult:
        calls.append(1)
        return AssetCheckResult(passed=False, severity=AssetCheckSeverity.WARN, description="2 people",
                                metadata={"failing_rows": 2, "sample": MetadataValue.md("| a |")})

    def raising(paths: NewsPaths) -> AssetCheckResult:
        calls.append(2)
        raise FileNotFoundError("gone")

    probes = [checks.TableCheck("entities", "probe", "a probe", probe, also_reads=("events",)),
              checks.TableCheck("events", "raising", "raises", raising)]
    paths = NewsPaths(seeds_dir=str(tmp_path), data_dir=str(data))
    first = checks.run_checks(paths, probes)
    assert calls == [1, 2]
    again = checks.run_checks(paths, probes)
    assert again == first and calls == [1, 2, 2]  # kept; a check that raised runs every time
    assert again[0]["severity"] == AssetCheckSeverity.WARN
    assert again[0]["metadata"]["sample"] == MetadataValue.md("| a |")
    _write(data, "events", b"three")  # a table it also reads
    checks.run_checks(paths, probes)
    assert calls == [1, 2, 2, 1, 2]
    swapped = [checks.TableCheck("entities", "probe", "a probe", lambda paths: probe(paths), also_reads=("events",))]
    checks.run_checks(paths, swapped)  # other code under the same name
    assert calls == [1, 2, 2, 1, 2, 1]
