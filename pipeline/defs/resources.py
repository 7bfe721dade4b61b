"""Dagster resources: where seeds are read and outputs written."""

from __future__ import annotations

from pathlib import Path

from dagster import ConfigurableResource

from pipeline import settings


class NewsPaths(ConfigurableResource):
    """Folders for one deployment; defaults come from NEWSEVENTS_SEEDS_DIR / NEWSEVENTS_DATA_DIR."""

    seeds_dir: str
    data_dir: str

    @classmethod
    def from_environment(cls) -> NewsPaths:
        return cls(seeds_dir=str(settings.seeds_dir()), data_dir=str(settings.data_dir()))

    @property
    def seeds(self) -> Path:
        return Path(self.seeds_dir)

    @property
    def data(self) -> Path:
        """The data folder; a path-like object on fsspec for an s3:// address (see `settings.data_path`)."""
        return settings.data_path(self.data_dir)
