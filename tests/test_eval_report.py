"""The parts of `make eval` around the scorer: optional gold fields, bootstrap intervals,
per-domain and per-type breakdowns, the change against the last report, the dev error
list and the agreement of two annotation passes. Hand-made articles; no spaCy parse."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.evaluation import agreement
from pipeline.evaluation.bootstrap import f1_interval
from pipeline.evaluation.breakdown import scores_by_type
from pipeline.evaluation.errors import format_dev_errors, summarise_dev_errors
from pipeline.evaluation.gold import GoldArticle, GoldEntity, GoldEvent, GoldFormatError, GoldStance, load_annotations
from pipeline.evaluation.last_report import accept, deltas, flat_f1, format_changes, load_last, score_key
from pipeline.evaluation.report import build_report
from pipeline.evaluation.scoring import (
    PredEntity,
    PredEvent,
    Prediction,
    Score,
    score_article,
    score_entities,
)
from pipeline.evaluation.tables import format_all, format_domains, format_table, format_types

TEXT = (
    'Lavrov said: "The path is not easy." Armenia and Azerbaijan met in Moscow. '
    "Russia opposes Western involvement in the South Caucasus."
)
ENTITIES = (
    GoldEntity("Sergei Lavrov", "PERSON", "RUS", None, ("Lavrov",)),
    GoldEntity("Armenia", "COUNTRY", "ARM", None, ("Armenia",)),
    GoldEntity("Azerbaijan", "COUNTRY", "AZE", None, ("Azerbaijan",)),
    GoldEntity("Moscow", "LOCATION", "RUS", None, ("Moscow",)),
    GoldEntity("Russia", "COUNTRY", "RUS", None, ("Russia",)),
)
EVENTS = (
    GoldEvent("CONSULT", None, ("Armenia", "Azerbaijan"), (), (), date(2023, 7, 25), "day", "Moscow", "met"),
    GoldEvent("ACCUSE", None, ("Russia",), (), (), None, None, None, "opposes"),
)
LAVROV = PredEntity("Sergei Lavrov", frozenset({"Lavrov"}), frozenset({"PERSON"}))
ARMENIA = PredEntity("Armenia", frozenset({"Armenia"}), frozenset({"COUNTRY"}))
RUSSIA = PredEntity("Russia", frozenset({"Russia"}), frozenset({"COUNTRY"}))


def article(article_id: str, split: str = "dev", domain: str = "wikinews") -> GoldArticle:
    stances = (GoldStance("Russia", "Western involvement in the South Caucasus", "oppose", None),)
    return GoldArticle(article_id, split, TEXT, ENTITIES, (), stances, EVENTS, domain=domain)


PARTIAL = Prediction(
    entities=(
        LAVROV,
        ARMENIA,
        PredEntity("Moscow", types=frozenset({"COUNTRY"})),  # wrong type
        PredEntity("Lavrov", types=frozenset({"PERSON"})),  # Lavrov again
    ),
    events=(
        PredEvent("CONSULT", (ARMENIA,), None, None),  # right
        PredEvent("ACCUSE", (ARMENIA,), None, None),  # no shared actor
        PredEvent("AGREE", (RUSSIA,), None, None),  # a type gold lacks
    ),
)


def perfect(gold: GoldArticle) -> Prediction:
    return Prediction(
        entities=tuple(PredEntity(e.name, frozenset(e.surfaces), frozenset({e.type})) for e in gold.entities),
        events=tuple(PredEvent(e.type, tuple(PredEntity(n) for n in e.actors), e.date, e.date_precision)
                     for e in gold.events),
    )


# --------------------------------------------------------------------------- bootstrap


def test_bootstrap_interval_is_exact_on_a_two_article_case_and_deterministic():
    # Resampling two articles (F1 1 and F1 0) gives F1 1, 0.5 or 0: the 95 % interval spans 0 to 1.
    scores = [Score(1, 1, 1), Score(0, 1, 1)]
    assert f1_interval(scores) == (0.0, 1.0)
    assert f1_interval(scores * 40) == f1_interval(scores * 40)
    low, high = f1_interval(scores * 40)
    assert 0.0 < low < 0.5 < high < 1.0  # more articles, narrower interval around the point F1


def test_bootstrap_interval_degenerates_without_variation():
    assert f1_interval([Score(2, 4, 4)] * 10) == (0.5, 0.5)
    assert f1_interval([Score(3, 3, 3)]) == (1.0, 1.0)
    assert f1_interval([Score(0, 0, 0)] * 3) == (0.0, 0.0)
    assert f1_interval([]) is None


# --------------------------------------------------------------------------- per type and per domain


def test_scores_by_type_split_the_matching_exactly():
    gold = article("a")
    outcomes = score_article(gold, PARTIAL)
    entities = scores_by_type(gold, "entities", outcomes["entities"])
    assert {k: (s.matched, s.predicted, s.gold) for k, s in entities.items()} == {
        "PERSON": (1, 2, 1),  # Lavrov twice: one-to-one
        "COUNTRY": (1, 2, 3),  # Moscow predicted as a country
        "LOCATION": (0, 0, 1),
    }
    assert sum(entities.values(), Score()) == outcomes["entities"].score
    events = scores_by_type(gold, "events", outcomes["events"])
    assert {k: (s.matched, s.predicted, s.gold) for k, s in events.items()} == {
        "ACCUSE": (0, 1, 1),
        "AGREE": (0, 1, 0),
        "CONSULT": (1, 1, 1),
    }


def test_a_baseline_gpe_guess_counts_against_both_readings():
    gold = article("a")
    gpe = PredEntity("Caucasus", types=frozenset({"COUNTRY", "LOCATION"}))
    by_type = scores_by_type(gold, "entities", score_entities(gold, [gpe, ARMENIA]))
    assert (by_type["COUNTRY"].matched, by_type["COUNTRY"].predicted) == (1, 2)
    assert (by_type["LOCATION"].matched, by_type["LOCATION"].predicted) == (0, 1)


def report_of(articles: list[tuple[GoldArticle, Prediction]]) -> dict:
    outcomes = {a.article_id: score_article(a, p) for a, p in articles}
    baseline = {a.article_id: score_entities(a, p.entities) for a, p in articles}
    return build_report([a for a, _ in articles], outcomes, baseline)


@pytest.fixture(scope="module")
def report() -> dict:
    return report_of([
        (article("d1", "dev", "wikinews"), PARTIAL),
        (article("d2", "dev", "bbc-politics"), perfect(article("d2"))),
        (article("h1", "heldout", "wikinews"), perfect(article("h1"))),
        (article("h2", "heldout", "unknown"), Prediction()),
    ])


def test_report_breaks_down_per_domain_and_type_with_intervals(report):
    dev_wikinews = report["domains"]["dev"]["wikinews"]
    assert dev_wikinews["n_articles"] == 1
    assert (dev_wikinews["entities"]["matched"], dev_wikinews["entities"]["predicted"]) == (2, 4)
    assert report["domains"]["dev"]["bbc-politics"]["events"]["f1"] == 1.0
    assert set(report["domains"]["heldout"]) == {"wikinews", "unknown"}
    assert report["domains"]["all"]["wikinews"]["n_articles"] == 2
    assert report["by_type"]["dev"]["events"]["CONSULT"]["matched"] == 2
    assert report["by_type"]["dev"]["events"]["AGREE"]["gold"] == 0
    assert report["by_type"]["heldout"]["entities"]["LOCATION"]["recall"] == 0.5
    assert report["by_type"]["all"]["baseline_entities"]["PERSON"]["gold"] == 4
    # Every F1 has an interval; a split with one perfect and one empty article spans 0 to 1.
    assert report["splits"]["heldout"]["events"]["f1_ci"] == (0.0, 1.0)
    assert report["by_type"]["dev"]["events"]["CONSULT"]["f1_ci"] == (1.0, 1.0)
    assert report["articles"]["d1"]["domain"] == "wikinews"


def test_tables_show_every_breakdown(report):
    assert format_table(report).count("\n") == 1 + 3 * 5
    domains = format_domains(report)
    assert "| heldout | unknown (1) |" in domains and "| dev | wikinews (1) |" in domains
    events = format_types(report, "events")
    assert "| CONSULT | 1.000 [1.00–1.00] 2/2/2 |" in events
    entities = format_types(report, "entities")
    assert "| PERSON, baseline |" in entities
    assert all(heading in format_all(report) for heading in ("Per split", "Per domain", "Per event type",
                                                            "Per entity type"))


# --------------------------------------------------------------------------- change against the last report


def test_change_against_the_last_report(report, tmp_path):
    path = tmp_path / "last_report.json"
    assert load_last(path) is None
    assert "no " in format_changes(report, None, path) and "make eval-accept" in format_changes(report, None, path)
    accept(report, path)
    last = load_last(path)
    assert "articles" not in last and last["splits"]["dev"]["events"]["f1"] == report["splits"]["dev"]["events"]["f1"]
    assert set(deltas(report, last).values()) == {0.0}
    assert flat_f1(last) == flat_f1(report)

    # Now the dev article d2 loses its events; the last report is the one accepted above.
    worse = report_of([
        (article("d1", "dev", "wikinews"), PARTIAL),
        (article("d2", "dev", "bbc-politics"), Prediction(entities=perfect(article("d2")).entities)),
        (article("h1", "heldout", "wikinews"), perfect(article("h1"))),
        (article("h2", "heldout", "unknown"), Prediction()),
    ])
    change = deltas(worse, last)
    before = report["splits"]["dev"]["events"]["f1"]  # 3 matched, 5 predicted, 4 gold: 2/3
    assert before == pytest.approx(0.6667, abs=1e-4)
    assert change[score_key("dev", "events")] == pytest.approx(2 / 7 - 2 / 3, abs=1e-3)  # now 1 / 3 / 4
    assert change[score_key("dev", "events", "bbc-politics")] == -1.0
    assert change[score_key("heldout", "events")] == 0.0
    assert change[score_key("dev", "entities")] == 0.0
    text = format_changes(worse, last, path)
    assert "dev/domain:bbc-politics/events -1.000" in text and "drops" in text
    assert "-1.000" in format_domains(worse, change)


# --------------------------------------------------------------------------- dev errors


def test_dev_errors_list_dev_items_only(report):
    text = format_dev_errors(report)
    assert "== d1 (wikinews)" in text
    assert "entities  - Moscow (LOCATION)" in text and "entities  + Moscow (COUNTRY)" in text
    assert "events    + AGREE [Russia] no date" in text
    assert "h1" not in text and "h2" not in text
    assert all("missed" not in report["articles"][a]["events"] for a in ("h1", "h2"))
    summary = summarise_dev_errors(report)
    assert summary.startswith(
        "dev errors (2 articles): entities 3 missed, 2 false hits; events 1 missed, 2 false hits; "
        "quotes 0 missed, 0 false hits; stances 2 missed, 0 false hits"
    )
    assert "most errors: d1 (9), d2 (1)" in summary  # d2's one error: its stance was not predicted
    assert "h2" not in summary


# --------------------------------------------------------------------------- optional gold fields


def write_pass(folder: Path, annotation: str, stem: str = "talks") -> Path:
    (folder / "articles").mkdir(parents=True)
    (folder / "annotations").mkdir()
    (folder / "articles" / f"{stem}.txt").write_text(TEXT + "\n", encoding="utf-8")
    (folder / "annotations" / f"{stem}.yaml").write_text(f"article: {stem}.txt\nsplit: dev\n" + annotation,
                                                        encoding="utf-8")
    return folder


FIRST_PASS = """domain: wikinews
source: wikinews 2023-07-25
reviewer_note: an extra key the loader does not know
entities:
  - {name: Sergei Lavrov, type: PERSON, surfaces: [Lavrov]}
  - {name: Armenia, type: COUNTRY, surfaces: [Armenia]}
  - {name: Azerbaijan, type: COUNTRY, surfaces: [Azerbaijan]}
  - {name: Moscow, type: LOCATION, surfaces: [Moscow]}
  - {name: Russia, type: COUNTRY, surfaces: [Russia]}
quotes:
  - {speaker: Sergei Lavrov, text: The path is not easy., kind: direct}
stances:
  - {holder: Russia, target: Western involvement in the South Caucasus, polarity: oppose,
     issue: foreign involvement, issue_polarity: oppose}
events:
  - {type: CONSULT, mode: third-party, sources: [Armenia, Azerbaijan], mediators: [Russia], date: '2023-07-25'}
"""


def test_optional_fields_are_read_and_missing_ones_default(tmp_path):
    [gold] = load_annotations(write_pass(tmp_path, FIRST_PASS) / "annotations", tmp_path / "articles")
    assert (gold.domain, gold.source) == ("wikinews", "wikinews 2023-07-25")
    assert (gold.stances[0].issue, gold.stances[0].issue_polarity) == ("foreign involvement", "oppose")
    assert gold.events[0].mediators == ("Russia",)
    bare = tmp_path / "bare"
    [plain] = load_annotations(write_pass(bare, "entities: []\n") / "annotations", bare / "articles")
    assert (plain.domain, plain.source) == ("unknown", None)


def test_optional_fields_of_the_wrong_type_are_refused(tmp_path):
    broken = (FIRST_PASS.replace("domain: wikinews", "domain: reuters")
              .replace("source: wikinews 2023-07-25", "source: [a, b]")
              .replace("issue_polarity: oppose", "issue_polarity: meh")
              .replace("mediators: [Russia]", "mediators: Russia"))
    with pytest.raises(GoldFormatError) as raised:
        load_annotations(write_pass(tmp_path, broken) / "annotations", tmp_path / "articles")
    message = str(raised.value)
    for expected in ("domain 'reuters' not in", "`source` should be a str", "issue_polarity 'meh'",
                     "`mediators` should be a list"):
        assert expected in message


# --------------------------------------------------------------------------- agreement


def test_agreement_of_two_passes_per_layer(tmp_path, capsys):
    second = (FIRST_PASS.replace("{name: Moscow, type: LOCATION", "{name: Moscow, type: COUNTRY")
              .replace("polarity: oppose,", "polarity: support,")
              .replace("type: CONSULT", "type: AGREE"))
    first_dir, second_dir = write_pass(tmp_path / "a", FIRST_PASS), write_pass(tmp_path / "b", second)
    result = agreement.agreement(agreement.load_pass(first_dir), agreement.load_pass(second_dir))
    totals = {layer: sum(scores, Score()) for layer, scores in result["layers"].items()}
    assert result["articles"] == ["talks"]
    assert totals["entities"].f1 == pytest.approx(0.8)  # 4 of 5 on each side
    assert totals["quotes"].f1 == 1.0 and totals["quotes"].accuracy("speaker") == 1.0
    assert totals["stances"].f1 == 1.0 and totals["stances"].accuracy("polarity") == 0.0
    assert totals["events"].f1 == 0.0
    same = agreement.agreement(agreement.load_pass(first_dir), agreement.load_pass(first_dir))
    assert all(sum(scores, Score()).f1 == 1.0 for scores in same["layers"].values())

    assert agreement.main([str(first_dir), str(second_dir)]) == 0
    out = capsys.readouterr().out
    assert "| entities | 0.800 |" in out and "| events | 0.000 |" in out and "| talks | 0.800 |" in out
    empty = tmp_path / "empty"
    empty.mkdir()
    assert agreement.main([str(first_dir), str(empty)]) == 1


# --------------------------------------------------------------------------- the command and the asset


def test_eval_command_prints_every_table_and_accepts(report, tmp_path, monkeypatch, capsys):
    from pipeline.evaluation import report as report_module

    monkeypatch.setattr(report_module, "evaluate", lambda n_process=1: report)
    monkeypatch.setenv("NEWSEVENTS_DATA_DIR", str(tmp_path / "data"))
    last = tmp_path / "last_report.json"
    assert report_module.run_evaluation(last_report=last) == 0
    out = capsys.readouterr().out
    assert "## Per domain" in out and "## Per event type" in out and "no " in out and not last.exists()
    assert (tmp_path / "data" / "eval" / "dev_errors.txt").read_text(encoding="utf-8") == format_dev_errors(report)
    assert report_module.run_evaluation(accept=True, last_report=last) == 0
    assert load_last(last)["splits"]["heldout"]["n_articles"] == 2
    report_module.run_evaluation(last_report=last)
    assert "0 dropped and 0 rose" in capsys.readouterr().out


def test_accept_is_an_eval_option_only():
    from pipeline.cli import main

    with pytest.raises(SystemExit):
        main(["bench", "--accept"])


def test_the_asset_is_stale_when_the_last_report_changes(tmp_path, monkeypatch):
    from pipeline.defs.assets import evaluation as asset_module

    last = tmp_path / "last_report.json"
    monkeypatch.setattr(asset_module, "LAST_REPORT", last)
    without = asset_module.evaluation_fingerprint()
    last.write_text("{}", encoding="utf-8")
    with_one = asset_module.evaluation_fingerprint()
    last.write_text('{"entities": {}}', encoding="utf-8")
    assert len({without, with_one, asset_module.evaluation_fingerprint()}) == 3
