"""The gold set is well formed and the scorer computes what its docstring promises.

No spaCy parse here: predictions are built by hand or from the gold itself.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from datetime import date

import pandas as pd
import pytest
from dagster import AssetKey

from pipeline.defs.assets.evaluation import KEPT_FILES, current_report, score_metadata
from pipeline.evaluation.gold import (
    GOLD_DIR,
    SPLITS,
    GoldArticle,
    GoldEntity,
    GoldEvent,
    GoldFormatError,
    GoldQuote,
    GoldStance,
    load_gold,
    parse_gold_date,
)
from pipeline.evaluation.predictions import predictions_from_tables
from pipeline.evaluation.report import build_report, format_table, write_report
from pipeline.evaluation.scoring import (
    TABLES,
    PredEntity,
    PredEvent,
    Prediction,
    PredQuote,
    PredStance,
    Score,
    coverage,
    dates_compatible,
    name_key,
    score_article,
    score_entities,
    speaker_right,
    words,
)
from pipeline.schemas import PLOVER_TYPES


@pytest.fixture(scope="module")
def gold() -> list[GoldArticle]:
    return load_gold()


def tables_from_gold(articles: list[GoldArticle]) -> dict[str, pd.DataFrame]:
    """The contract's tables as a perfect pipeline would fill them for these articles."""
    rows: dict[str, list[dict]] = {t: [] for t in ("entities", "mentions", "quotes", "stances", "events",
                                                   "event_participants", "event_mentions")}
    ids: dict[tuple[str, str], str] = {}
    for article in articles:
        for entity in article.entities:
            entity_id = f"{entity.type.lower()}:{entity.name}"
            ids[(article.article_id, entity.name)] = entity_id
            if entity_id not in {r["entity_id"] for r in rows["entities"]}:
                rows["entities"].append({"entity_id": entity_id, "name": entity.name, "entity_type": entity.type})
            rows["mentions"] += [{"article_id": article.article_id, "entity_id": entity_id, "surface": s}
                                 for s in entity.surfaces]
        for quote in article.quotes:
            rows["quotes"].append({"article_id": article.article_id, "text": quote.text, "kind": quote.kind,
                                   "speaker_entity_id": ids.get((article.article_id, quote.speaker))})
        for stance in article.stances:
            rows["stances"].append({"article_id": article.article_id, "target": stance.target,
                                    "polarity": stance.polarity,
                                    "holder_entity_id": ids[(article.article_id, stance.holder)]})
        for k, event in enumerate(article.events):
            event_id = f"{article.article_id}#e{k}"
            rows["events"].append({"event_id": event_id, "event_type": event.type, "event_date": event.date,
                                   "date_precision": event.date_precision})
            rows["event_mentions"].append({"event_id": event_id, "article_id": article.article_id})
            for role, names in (("source", event.sources), ("target", event.targets), ("mediator", event.mediators)):
                rows["event_participants"] += [{"event_id": event_id, "role": role,
                                                "entity_id": ids[(article.article_id, n)]} for n in names]
    columns = {"entities": ["entity_id", "name", "entity_type"], "mentions": ["article_id", "entity_id", "surface"],
               "quotes": ["article_id", "text", "kind", "speaker_entity_id"],
               "stances": ["article_id", "target", "polarity", "holder_entity_id"],
               "events": ["event_id", "event_type", "event_date", "date_precision"],
               "event_mentions": ["event_id", "article_id"], "event_participants": ["event_id", "role", "entity_id"]}
    return {t: pd.DataFrame(r, columns=columns[t]) for t, r in rows.items()}


def total(outcomes: list[dict], table: str) -> Score:
    return sum((o[table].score for o in outcomes), Score())


# --------------------------------------------------------------------------- the gold set


def test_gold_set_is_complete_and_valid(gold):
    assert {a.split for a in gold} == set(SPLITS)
    for article in gold:
        assert article.entities, article.article_id
        assert all(e.type in ("PERSON", "COUNTRY", "ORGANIZATION", "LOCATION", "GROUP") for e in article.entities)
        assert all(q.text in article.text for q in article.quotes)
        assert all(s.polarity in ("support", "oppose", "neutral") for s in article.stances)
        assert all(e.type in PLOVER_TYPES for e in article.events)


def test_gold_set_is_large_and_varied_enough_to_measure(gold):
    """The sizes the quality numbers rest on: 58+ articles (30+ dev, 28+ held out), every domain
    present, and every layer annotated somewhere in each split (an article may lack quotes or events)."""
    by_split = Counter(a.split for a in gold)
    domains = Counter(a.domain for a in gold)
    assert len(gold) >= 58 and by_split["heldout"] >= 28 and by_split["dev"] >= 30
    assert domains["wikinews"] >= 22 and domains["bbc-other"] >= 7 and domains["bbc-politics"] >= 27
    assert domains["seeds"] == 2 and "unknown" not in domains
    for split in SPLITS:
        articles = [a for a in gold if a.split == split]
        for layer in ("entities", "quotes", "stances", "events"):
            assert sum(len(getattr(a, layer)) for a in articles) > 0, (split, layer)


def test_every_gold_article_file_is_annotated(gold):
    assert {a.article_id for a in gold} == {p.stem for p in (GOLD_DIR / "articles").glob("*.txt")}


def test_broken_annotation_is_refused_with_every_problem(tmp_path, gold):
    article = gold[0]
    (tmp_path / "articles").mkdir()
    (tmp_path / "annotations").mkdir()
    shutil.copy(GOLD_DIR / "articles" / f"{article.article_id}.txt", tmp_path / "articles")
    (tmp_path / "annotations" / f"{article.article_id}.yaml").write_text(
        f"""article: {article.article_id}.txt
split: training
entities:
  - {{name: Nobody, type: PERSONA, surfaces: [Zzyzx Nobody]}}
quotes:
  - {{speaker: Ghost, text: "words never written here", kind: reported}}
stances:
  - {{holder: Nobody, target: peace, polarity: meh}}
events:
  - {{type: HUG, sources: [Nobody], targets: [Ghost], date: null}}
""",
        encoding="utf-8",
    )
    with pytest.raises(GoldFormatError) as raised:
        load_gold(tmp_path)
    message = str(raised.value)
    for expected in ("split 'training'", "type 'PERSONA'", "'Zzyzx Nobody' is not in the article",
                     "not verbatim", "kind 'reported'", "speaker 'Ghost' is not an entity",
                     "polarity 'meh'", "'HUG' is not a PLOVER type", "'Ghost' is not an entity"):
        assert expected in message


def test_gold_dates_keep_their_precision():
    assert parse_gold_date("2023-07-25") == (date(2023, 7, 25), "day")
    assert parse_gold_date(date(2023, 7, 25)) == (date(2023, 7, 25), "day")
    assert parse_gold_date("2023-07") == (date(2023, 7, 1), "month")
    assert parse_gold_date(2020) == (date(2020, 1, 1), "year")
    assert parse_gold_date(None) == (None, None)


# --------------------------------------------------------------------------- the scorer


def test_perfect_predictions_score_one_everywhere(gold):
    predictions = predictions_from_tables(tables_from_gold(gold))
    outcomes = [score_article(a, predictions[a.article_id]) for a in gold]
    for table in TABLES:
        score = total(outcomes, table)
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), table
    assert total(outcomes, "quotes").accuracy("speaker") == 1.0
    assert total(outcomes, "quotes").accuracy("kind") == 1.0
    assert total(outcomes, "stances").accuracy("polarity") == 1.0


def test_empty_predictions_score_zero(gold):
    outcomes = [score_article(a, Prediction()) for a in gold]
    for table in TABLES:
        score = total(outcomes, table)
        assert score.gold > 0 and score.matched == 0
        assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0), table
    assert total(outcomes, "quotes").accuracy("speaker") is None


TEXT = (
    'Lavrov said: "The path is not easy." Armenia and Azerbaijan met in Moscow. '
    "Russia opposes Western involvement in the South Caucasus."
)
HAND = GoldArticle(
    article_id="hand",
    split="dev",
    text=TEXT,
    entities=(
        GoldEntity("Sergei Lavrov", "PERSON", "RUS", "Foreign Minister", ("Lavrov",)),
        GoldEntity("Armenia", "COUNTRY", "ARM", None, ("Armenia",)),
        GoldEntity("Azerbaijan", "COUNTRY", "AZE", None, ("Azerbaijan",)),
        GoldEntity("Moscow", "LOCATION", "RUS", None, ("Moscow",)),
        GoldEntity("Russia", "COUNTRY", "RUS", None, ("Russia",)),
    ),
    quotes=(
        GoldQuote("Sergei Lavrov", "Lavrov", "The path is not easy.", "direct", "said"),
        GoldQuote(None, None, "Armenia and Azerbaijan met in Moscow", "indirect", None),
    ),
    stances=(GoldStance("Russia", "Western involvement in the South Caucasus", "oppose", None),),
    events=(
        GoldEvent("CONSULT", None, ("Armenia", "Azerbaijan"), (), (), date(2023, 7, 25), "day", "Moscow", "met"),
        GoldEvent("ACCUSE", None, ("Russia",), (), (), date(2023, 7, 1), "month", None, "opposes"),
    ),
)
LAVROV = PredEntity("Sergei Lavrov", frozenset({"Lavrov"}), frozenset({"PERSON"}))
ARMENIA = PredEntity("Armenia", frozenset({"Armenia"}), frozenset({"COUNTRY"}))
RUSSIA = PredEntity("Russia", frozenset({"the Russians"}), frozenset({"COUNTRY"}))


def test_hand_made_partial_predictions_score_exactly():
    prediction = Prediction(
        entities=(
            LAVROV,  # right
            ARMENIA,  # right
            PredEntity("Moscow", frozenset({"Moscow"}), frozenset({"COUNTRY"})),  # wrong type
            PredEntity("Lavrov", types=frozenset({"PERSON"})),  # Lavrov again: one-to-one
        ),
        quotes=(
            PredQuote("The path is not easy", "indirect", LAVROV),  # matched, speaker right, kind wrong
            PredQuote("met in Moscow", "indirect", None),  # 3 of 6 gold tokens
        ),
        stances=(
            PredStance(RUSSIA, "Western involvements", "support"),  # 2 of 4 content tokens, polarity wrong
            PredStance(None, "Western involvement in the South Caucasus", "oppose"),  # no holder
        ),
        events=(
            PredEvent("CONSULT", (ARMENIA,), date(2023, 7, 1), "month"),  # same month, shared actor
            PredEvent("ACCUSE", (RUSSIA,), date(2023, 8, 2), "day"),  # another month
            PredEvent("AGREE", (ARMENIA,), None, None),  # wrong type
        ),
    )
    scores = {t: o.score for t, o in score_article(HAND, prediction).items()}
    expected = {  # matched, predicted, gold, precision, recall, f1
        "entities": (2, 4, 5, 0.5, 0.4, 4 / 9),
        "quotes": (1, 2, 2, 0.5, 0.5, 0.5),
        "stances": (1, 2, 1, 0.5, 1.0, 2 / 3),
        "events": (1, 3, 2, 1 / 3, 0.5, 0.4),
    }
    for table, (matched, predicted, gold_count, precision, recall, f1) in expected.items():
        score = scores[table]
        assert (score.matched, score.predicted, score.gold) == (matched, predicted, gold_count), table
        assert score.precision == pytest.approx(precision) and score.recall == pytest.approx(recall), table
        assert score.f1 == pytest.approx(f1), table
    assert scores["quotes"].accuracy("speaker") == 1.0 and scores["quotes"].accuracy("kind") == 0.0
    assert scores["stances"].accuracy("polarity") == 0.0


def test_only_the_baseline_gpe_may_be_country_or_location():
    gpe = PredEntity("Moscow", types=frozenset({"COUNTRY", "LOCATION"}))
    country = PredEntity("Moscow", types=frozenset({"COUNTRY"}))
    assert score_entities(HAND, [gpe]).score.matched == 1
    assert score_entities(HAND, [country]).score.matched == 0


def test_kinds_the_gold_never_annotates_are_out_of_scope():
    """A law, event, work or product the pipeline extracts is neither a hit nor a false hit."""
    named_things = [PredEntity(n, types=frozenset({t})) for n, t in (("Kyoto Protocol", "LAW"), ("Today", "WORK"))]
    outcome = score_entities(HAND, [LAVROV, *named_things])
    assert (outcome.score.matched, outcome.score.predicted) == (1, 1)
    assert outcome.spurious == ()


def test_wrong_or_missing_speaker_is_counted_against_accuracy():
    quotes = (
        PredQuote("The path is not easy.", "direct", ARMENIA),  # wrong speaker
        PredQuote("Armenia and Azerbaijan met in Moscow", "indirect", None),  # both null: right
    )
    outcome = score_article(HAND, Prediction(quotes=quotes))["quotes"]
    assert outcome.score.matched == 2 and outcome.score.accuracy("speaker") == 0.5
    # the matched pairs are kept, so a script can list which matched quote has which speaker
    assert [speaker_right(HAND, HAND.quotes[i], quotes[j]) for i, j in outcome.pairs].count(True) == 1


def test_tighter_prediction_wins_the_match():
    loose = PredQuote(TEXT, "direct", LAVROV)
    tight = PredQuote("The path is not easy.", "direct", LAVROV)
    outcome = score_article(HAND, Prediction(quotes=(loose, tight)))["quotes"]
    assert outcome.score.matched == 2  # the loose one still covers the indirect quote
    outcome = score_article(HAND, Prediction(quotes=(loose, tight, tight)))["quotes"]
    assert outcome.spurious == (tight,)


def test_normalisation_and_dates():
    assert name_key("  the  Tories’ ") == name_key("Tories") == "tories"
    assert name_key("Azerbaijan’s") == "azerbaijan"
    assert name_key("U.S.") == name_key("u.s.")
    assert coverage(words("The path is not easy,"), words("“The path is NOT easy”")) == 1.0
    assert dates_compatible(date(2023, 7, 25), "day", date(2023, 7, 1), "month")
    assert dates_compatible(date(2023, 7, 25), "day", None, None)
    assert dates_compatible(date(2020, 1, 1), "year", date(2020, 5, 3), "day")
    assert not dates_compatible(date(2023, 7, 25), "day", date(2023, 7, 24), "day")
    assert not dates_compatible(date(2023, 5, 1), "month", date(2023, 6, 1), "month")


# --------------------------------------------------------------------------- the report


def test_report_has_every_split_and_hides_heldout_errors(gold, tmp_path):
    predictions = predictions_from_tables(tables_from_gold(gold))
    outcomes = {a.article_id: score_article(a, predictions[a.article_id]) for a in gold}
    baseline = {a.article_id: score_entities(a, ()) for a in gold}
    report = build_report(gold, outcomes, baseline)
    assert report["n_articles"] == len(gold)
    for table in TABLES:
        assert report[table]["f1"] == 1.0
    assert report["baseline"]["entities"]["recall"] == 0.0
    assert sum(report["splits"][s]["n_articles"] for s in SPLITS) == len(gold)
    for details in report["articles"].values():
        assert ("missed" in details["entities"]) == (details["split"] == "dev")
    table = format_table(report)
    assert table.count("\n") == 1 + 3 * 5 and "| heldout (" in table and "speaker 1.000" in table
    path = write_report(report, tmp_path)
    assert json.loads(path.read_text(encoding="utf-8"))["splits"]["dev"]["quotes"]["f1"] == 1.0
    metadata = score_metadata(report)
    assert metadata["entities/f1"] == 1.0 and metadata["heldout/quotes/speaker_accuracy"] == 1.0
    assert metadata["dev/baseline/entities/recall"] == 0.0


def test_evaluation_asset_stands_apart_from_the_seeds():
    from pipeline.definitions import defs

    asset = defs.get_assets_def("evaluation_report")
    assert asset.group_names_by_key[AssetKey("evaluation_report")] == "evaluation"
    assert not asset.dependency_keys


def test_a_report_is_evaluated_once_per_inputs_and_copied_into_fresh_data_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path / "cache"))
    evaluated = []

    def evaluate_into(eval_dir):
        evaluated.append(eval_dir)
        eval_dir.mkdir(parents=True, exist_ok=True)
        for name in KEPT_FILES:
            (eval_dir / name).write_text(f"{name} of evaluation {len(evaluated)}")

    first, second = tmp_path / "data1" / "eval", tmp_path / "data2" / "eval"
    assert current_report(first, "inputs-a", evaluate_into) == "evaluated"
    assert current_report(first, "inputs-a", evaluate_into) == "up to date"
    assert current_report(second, "inputs-a", evaluate_into) == "copied"  # a fresh data folder, same inputs
    assert (second / "report.json").read_text() == "report.json of evaluation 1" and len(evaluated) == 1
    assert current_report(second, "inputs-b", evaluate_into) == "evaluated"  # inputs changed
    assert (second / "report.json").read_text() == "report.json of evaluation 2"
    (first / "dev_errors.txt").unlink()  # an output gone: copied again, not trusted
    assert current_report(first, "inputs-a", evaluate_into) == "copied" and len(evaluated) == 2
