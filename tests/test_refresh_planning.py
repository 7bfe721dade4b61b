"""Planning between extraction rounds: the instance is asked again only when the folder may
have changed since the round that was extracted."""

from __future__ import annotations

from pipeline.defs import refresh
from pipeline.defs.resources import NewsPaths
from tests.conftest import next_ctime_tick


class Instance:
    """What planning asks of a Dagster instance, counting the queries."""

    def __init__(self):
        self.partitions: list[str] = []
        self.materialized: set[str] = set()
        self.queries = 0

    def get_dynamic_partitions(self, name):
        self.queries += 1
        return list(self.partitions)

    def add_dynamic_partitions(self, name, keys):
        self.partitions += keys

    def delete_dynamic_partition(self, name, key):
        self.partitions.remove(key)

    def get_materialized_partitions(self, key):
        self.queries += 1
        return set(self.materialized)


class Cache:
    """The extraction cache, current for the (article, content) pairs in `current`."""

    current: set[tuple[str, str]] = set()

    def __init__(self, data):
        pass

    def stale(self, articles, version):
        return [a for a in articles if (a.seed.article_id, a.seed.content_sha256) not in Cache.current]


def test_after_a_successful_round_an_unchanged_folder_is_not_planned_against_the_instance(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("a", "b", "c"):
        (seeds / f"{name}.txt").write_text(f"Headline {name}\n\nThe council of {name} met on Monday.\n",
                                           encoding="utf-8")
    monkeypatch.setattr(refresh, "ExtractionCache", Cache)
    monkeypatch.setattr(Cache, "current", set())
    paths = NewsPaths(seeds_dir=str(seeds), data_dir=str(tmp_path / "data"))
    instance = Instance()

    ranges, to_extract, planned = refresh._plan(instance, paths)
    assert ranges == [("a.txt", "c.txt")] and to_extract == 3

    # the round's run extracted and materialised every partition of its range
    Cache.current = {(a.seed.article_id, a.seed.content_sha256) for a in planned.articles}
    instance.materialized = set(instance.partitions)
    asked = instance.queries
    assert refresh._plan(instance, paths, planned) == ([], 0, planned)
    assert instance.queries == asked  # nothing changed since that survey: the instance is not asked

    # a file edited while its neighbours were extracted: planned again, with the instance
    next_ctime_tick(seeds / "b.txt")
    (seeds / "b.txt").write_text("Headline b\n\nThe council of b met on Tuesday.\n", encoding="utf-8")
    ranges, to_extract, replanned = refresh._plan(instance, paths, planned)
    assert ranges == [("b.txt", "b.txt")] and to_extract == 1 and replanned is not planned
    assert instance.queries > asked

    # a partition never materialised is planned when no round was extracted from this survey
    Cache.current |= {(a.seed.article_id, a.seed.content_sha256) for a in replanned.articles}
    instance.materialized = {"a.txt", "b.txt"}
    assert refresh._plan(instance, paths)[:2] == ([("c.txt", "c.txt")], 0)
    assert refresh._plan(instance, paths, replanned)[:2] == ([], 0)  # as after a successful run of it


class Run:
    success = True
    all_events: list = []


class Job:
    """An extraction job that records its runs."""

    def __init__(self, seen):
        self.seen = seen

    def execute_in_process(self, **kwargs):
        self.seen.append("extraction run")
        return Run()


def test_a_worker_forked_before_planning_is_stopped_when_planning_finds_nothing_to_extract(tmp_path, monkeypatch):
    """`make run` forks the warm worker before it plans (`cli.start_warm_worker`); when the
    partitions to run hold no article to extract (never materialised, but extracted), the
    worker is stopped at once, not once the runs are over."""
    seen: list[str] = []
    plans = iter([([("a.txt", "a.txt")], 0, None), ([], 0, None)])
    monkeypatch.setattr(refresh, "_plan", lambda instance, paths, extracted_from=None: next(plans))
    monkeypatch.setattr(refresh.warm_worker, "start", lambda: seen.append("start") or True)
    monkeypatch.setattr(refresh.warm_worker, "stop", lambda: seen.append("stop"))
    monkeypatch.setattr(refresh.warm_worker, "waiting", lambda: False)

    class Location:
        def resolve_job_def(self, name):
            return Job(seen)

    monkeypatch.setattr(refresh, "extraction_definitions", lambda paths: Location())
    monkeypatch.setattr(refresh.corpus_state, "inputs_fingerprint", lambda paths, job: "inputs")
    monkeypatch.setattr(refresh.corpus_state, "is_current", lambda paths, job, fingerprint: True)
    monkeypatch.setattr(refresh.corpus_state, "forget", lambda paths: None)
    monkeypatch.setattr(refresh.corpus_state, "record", lambda paths, job, fingerprint: None)
    monkeypatch.setattr("pipeline.defs.side_by_side.execute_side_by_side",
                        lambda *args, **kwargs: seen.append("corpus run") or Run())
    paths = NewsPaths(seeds_dir=str(tmp_path / "seeds"), data_dir=str(tmp_path / "data"))

    def whole_location():
        seen.append("code location")
        return Location()

    assert refresh.refresh(whole_location, Instance(), paths).success
    assert seen == ["stop", "extraction run", "stop", "code location", "corpus run"]
