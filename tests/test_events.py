"""Event detection (parse -> PLOVER candidates) and cross-article event resolution."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from pipeline.nlp.entity_resolution import resolve_entities
from pipeline.nlp.event_resolution import ArticleInfo, resolve_events
from pipeline.nlp.events import detect_events
from pipeline.nlp.extract import build_context
from pipeline.nlp.mentions import detect_mentions
from pipeline.nlp.records import EventCandidate, Mention
from tests.conftest import SEED_000, SEED_004, seed_text

# --------------------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seeds():
    candidates, mentions, articles, contexts = [], [], {}, {}
    for stem in (SEED_000, SEED_004):
        ctx = build_context(stem, seed_text(stem))
        found = detect_mentions(ctx)
        mentions += found
        candidates += detect_events(ctx, found)
        articles[stem] = ArticleInfo(ctx.published_date, ctx.layout.outlet)
        contexts[stem] = ctx
    entities = resolve_entities(mentions)
    entity_of = {mention_id: link[0] for mention_id, link in entities.links.items()}
    names = {row["entity_id"]: row["name"] for row in entities.entities}
    result = resolve_events(candidates, entity_of, articles, entity_names=names, entities=entities.entities)
    return {
        "candidates": candidates, "result": result, "entity_of": entity_of, "articles": articles,
        "entities": entities.entities, "names": names, "contexts": contexts, "mentions": mentions,
    }


def _participants(result, event_id):
    return {(p["entity_id"], p["role"]) for p in result.participants if p["event_id"] == event_id}


def _ids(result, event_id):
    return {p["entity_id"] for p in result.participants if p["event_id"] == event_id}


def _roles(result, event_id):
    return frozenset((p["entity_id"], p["role"]) for p in result.participants if p["event_id"] == event_id)


def _moscow_talks(result):
    return [
        e for e in result.events
        if e["event_type"] == "CONSULT" and e["location_entity_id"] and "moscow" in e["location_entity_id"]
    ]


def test_seed_000_has_a_date_and_004_has_none(seeds):
    assert seeds["articles"][SEED_000].published_date == date(2023, 7, 25)
    assert seeds["articles"][SEED_004].published_date is None


def test_moscow_talks_reported_once_across_both_articles(seeds):
    result = seeds["result"]
    talks = _moscow_talks(result)
    assert len(talks) == 1
    event = talks[0]
    assert event["event_date"] == date(2023, 7, 25) and event["date_precision"] == "day"
    assert event["event_mode"] == "third-party"
    assert event["n_articles"] == 2 and event["n_outlets"] == 2
    rows = {row["entity_id"]: row for row in seeds["entities"]}
    countries = {rows[e]["country_iso3"] for e in _ids(result, event["event_id"])}
    assert {"RUS", "ARM", "AZE"} <= countries
    roles = dict(_participants(result, event["event_id"]))
    assert roles["country:ARM"] == "participant" and roles["country:AZE"] == "participant"
    assert "mediator" in {role for e, role in roles.items() if rows[e]["country_iso3"] == "RUS"}
    reporting = {m["article_id"] for m in result.mentions if m["event_id"] == event["event_id"]}
    assert reporting == {SEED_000, SEED_004}
    assert event["summary"] == "Armenia and Azerbaijan consult, hosted by Russia, in Moscow on 2023-07-25"
    assert 0.8 <= event["confidence"] <= 1.0


def test_undated_article_takes_its_date_from_the_shared_event(seeds):
    assert seeds["result"].article_dates == {SEED_004: date(2023, 7, 25)}


def test_other_seed_events_found_once(seeds):
    result = seeds["result"]
    rows = {row["entity_id"]: row for row in seeds["entities"]}

    def events(kind, *entities, place=None):
        found = []
        for e in result.events:
            ids = _ids(result, e["event_id"])
            if e["event_type"] == kind and set(entities) <= ids and (place is None or e["location_entity_id"] == place):
                found.append(e)
        return found

    blockade = events("COERCE", "country:AZE")
    assert len(blockade) == 1 and blockade[0]["n_articles"] == 2
    washington = events("CONSULT", "country:USA")
    washington = [e for e in washington if e["location_entity_id"] and "washington" in e["location_entity_id"]]
    # "two rounds of ... negotiations outside Washington in May and June": one event per round
    assert sorted((e["event_date"], e["date_precision"]) for e in washington) == [
        (date(2023, 5, 1), "month"),
        (date(2023, 6, 1), "month"),
    ]
    assert all(("country:USA", "mediator") in _participants(result, e["event_id"]) for e in washington)
    brussels = [e for e in events("CONSULT", "org:eu") if e["location_entity_id"] and "brussels" in e["location_entity_id"]]
    assert len(brussels) == 1
    assert ("org:eu", "mediator") in _participants(result, brussels[0]["event_id"])
    staged = [e for e in events("CONSULT", "country:RUS", "country:USA", "org:eu")]
    assert len(staged) == 1  # "staged by Russia, the United States and the European Union"
    pledge = [e for e in result.events if e["event_type"] == "AGREE" and e["event_date"] != date(2020, 1, 1)]
    assert len(pledge) == 1
    assert any(rows[e]["name"].startswith("Nikol") for e in _ids(result, pledge[0]["event_id"]))
    # the Armenian foreign ministry's call, and Lavrov's "stressed the need to end ... Azerbaijan's
    # blockade" (a need pressed concerning Azerbaijan, events/needs.py)
    request = [_ids(result, e["event_id"]) for e in result.events if e["event_type"] == "REQUEST"]
    assert len(request) == 2 and {"org:arm-foreign-ministry"} in request
    assert {"person:sergei-lavrov", "country:AZE"} in request, request
    # "Armenia and Azerbaijan have fought two wars" (undated) and "in 2020, Azerbaijan
    # recaptured ..." are two events, each reported once
    war = sorted(events("ASSAULT", "country:AZE"), key=lambda e: e["event_date"] is None)
    assert len(war) == 2
    assert war[0]["event_date"] == date(2020, 1, 1) and war[0]["date_precision"] == "year"
    assert war[1]["event_date"] is None and {"country:ARM", "country:AZE"} <= _ids(result, war[1]["event_id"])
    truce = events("AGREE", "country:RUS")  # "a 2020 truce brokered by Moscow": an agreement, once
    assert len(truce) == 1 and truce[0]["event_date"] == date(2020, 1, 1)


def test_no_duplicate_events(seeds):
    # actors in their roles: "the two sides exchange harsh invective" is one ACCUSE each way
    result = seeds["result"]
    keys = [
        (e["event_type"], e["event_date"], e["location_entity_id"], _roles(result, e["event_id"]))
        for e in result.events
    ]
    assert len(keys) == len(set(keys))
    assert len({e["event_id"] for e in result.events}) == len(result.events)


def test_rows_are_well_formed(seeds):
    result = seeds["result"]
    ids = {e["event_id"] for e in result.events}
    for event in result.events:
        assert event["event_id"].startswith("ev-") and len(event["event_id"]) == 15
        assert event["summary"] and 0 <= event["confidence"] <= 1
        assert event["date_precision"] in (None, "day", "month", "year")
        assert (event["event_date"] is None) == (event["date_precision"] is None)
        assert event["event_date"] is None or event["event_date"] <= date(2023, 7, 25)
    assert {p["event_id"] for p in result.participants} == ids
    assert {m["event_id"] for m in result.mentions} == ids
    assert all(p["role"] in ("source", "target", "participant", "mediator") for p in result.participants)
    entity_ids = {row["entity_id"] for row in seeds["entities"]}
    assert {p["entity_id"] for p in result.participants} <= entity_ids
    sentences = {
        (stem, s.sentence_id): s.text for stem, ctx in seeds["contexts"].items() for s in ctx.sentences
    }
    for mention in result.mentions:
        assert sentences[(mention["article_id"], mention["sentence_id"])] == mention["evidence"]
        assert mention["trigger"] in mention["evidence"]
    pairs = [(m["event_id"], m["article_id"], m["sentence_id"]) for m in result.mentions]
    assert len(pairs) == len(set(pairs))


def test_non_asserted_seed_events_are_not_rows(seeds):
    by_trigger = {}
    for c in seeds["candidates"]:
        by_trigger.setdefault(c.trigger, []).append(c)
    assert {c.modality for c in by_trigger["unblock"]} == {"negated"}  # "gave no indications ..."
    assert all(c.modality != "asserted" for c in by_trigger.get("agreement", []))  # "could be finalized"
    assert all(c.modality != "asserted" for c in by_trigger.get("discussion", []))  # "will be found during"
    assert all(c.modality != "asserted" for c in by_trigger.get("recognize", []))  # content of a pledge
    rows = seeds["result"].mentions
    assert not any(m["trigger"] in ("unblock", "agreement", "discussion", "recognize") for m in rows)


def test_candidates_reference_given_mentions(seeds):
    known = {m.mention_id for m in seeds["mentions"]}
    for c in seeds["candidates"]:
        for ids in (c.sources, c.targets, c.participants, c.mediators):
            assert set(ids) <= known
        assert c.location_mention_id is None or c.location_mention_id in known
        assert c.sources or c.targets or c.participants or c.mediators  # no actorless events


# ------------------------------------------------------- hand-made mentions, real parses


def _mention(ctx, surface, entity_type, ner_label, kind="name", nth=0, gazetteer_id=None, country=None):
    article_id = ctx.article_id
    start = [m.start() for m in re.finditer(rf"\b{re.escape(surface)}\b", ctx.text)][nth]
    sentence = ctx.sentence_at(start)
    return Mention(
        f"{article_id}#m{start}", article_id, sentence.sentence_id, surface, start, start + len(surface),
        ner_label, entity_type, kind, surface, gazetteer_id, None, country,
    )


def _by_surface(mentions):
    return {m.mention_id: m.surface for m in mentions}


def test_hosted_talks_with_hand_made_mentions():
    text = (
        "Russian Foreign Minister Sergei Lavrov hosted talks between Armenia and Azerbaijan "
        "in Moscow on Tuesday."
    )
    ctx = build_context("hand", text)
    mentions = [
        _mention(ctx, "Sergei Lavrov", "PERSON", "PERSON", country="RUS"),
        _mention(ctx, "Armenia", "COUNTRY", "GPE"),
        _mention(ctx, "Azerbaijan", "COUNTRY", "GPE"),
        _mention(ctx, "Moscow", "LOCATION", "GPE"),
    ]
    names = _by_surface(mentions)
    [event] = detect_events(ctx, mentions)
    assert (event.event_type, event.event_mode, event.cameo_root) == ("CONSULT", "third-party", "04")
    assert event.modality == "asserted" and event.trigger == "talks"
    assert [names[m] for m in event.mediators] == ["Sergei Lavrov"]
    assert sorted(names[m] for m in event.participants) == ["Armenia", "Azerbaijan"]
    assert names[event.location_mention_id] == "Moscow"
    assert event.date_text == "on Tuesday"
    assert event.evidence == text


def test_possessor_of_a_nominal_trigger_and_its_place():
    text = "A crisis resulted from Azerbaijan's blockade of the Lachin corridor."
    ctx = build_context("hand2", text)
    mentions = [
        _mention(ctx, "Azerbaijan", "COUNTRY", "GPE"),
        _mention(ctx, "Lachin corridor", "LOCATION", "LOC"),
    ]
    names = _by_surface(mentions)
    [event] = detect_events(ctx, mentions)
    assert (event.event_type, event.event_mode) == ("COERCE", "restrict")
    assert [names[m] for m in event.sources] == ["Azerbaijan"] and not event.targets
    assert names[event.location_mention_id] == "Lachin corridor"


def test_broker_and_compound_actors():
    text = (
        "Russian peacekeepers stayed under a 2020 truce brokered by Moscow. "
        "A series of meetings between Ilham Aliyev and Nikol Pashinyan was staged by Russia, "
        "the United States and the European Union."
    )
    ctx = build_context("hand3", text)
    mentions = [
        _mention(ctx, "Moscow", "COUNTRY", "GPE", kind="metonym"),
        _mention(ctx, "Ilham Aliyev", "PERSON", "PERSON"),
        _mention(ctx, "Nikol Pashinyan", "PERSON", "PERSON"),
        _mention(ctx, "Russia", "COUNTRY", "GPE"),
        _mention(ctx, "United States", "COUNTRY", "GPE"),
        _mention(ctx, "European Union", "ORGANIZATION", "ORG"),
    ]
    names = _by_surface(mentions)
    truce, meetings = detect_events(ctx, mentions)
    # a brokered truce is an agreement between the sides (AGREE), not one side's ceasefire
    assert (truce.event_type, truce.event_mode, truce.date_text) == ("AGREE", None, "2020")
    assert [names[m] for m in truce.mediators] == ["Moscow"]
    assert meetings.event_type == "CONSULT"
    assert sorted(names[m] for m in meetings.participants) == ["Ilham Aliyev", "Nikol Pashinyan"]
    assert sorted(names[m] for m in meetings.mediators) == ["European Union", "Russia", "United States"]


def test_no_actor_no_event():
    text = "But border clashes are frequent and the talks were useful."
    ctx = build_context("hand4", text)
    assert detect_events(ctx, []) == []


# ------------------------------------------------------------------ modality, real mentions


def _events(text):
    ctx = build_context("mod", text)
    return detect_events(ctx, detect_mentions(ctx))


def test_definite_noun_refers_back_to_the_event():
    events = _events(
        "Armenian Foreign Minister Ararat Mirzoyan met Azerbaijani Foreign Minister Jeyhun Bayramov in Moscow. "
        "The talks were described as useful."
    )
    met, talks = events
    assert talks.trigger == "talks" and set(talks.participants) == set(met.participants)
    assert talks.location_mention_id == met.location_mention_id


def test_billboard_accusing_speaks_for_its_author():
    found = [c for c in _events("The Green Party unveiled a billboard opposite the Palace of Westminster "
                                "accusing Tony Blair of lying.") if c.event_type == "ACCUSE"]
    assert found and found[0].sources and found[0].modality == "asserted"


def test_person_inside_a_title_phrase_is_the_actor():
    text = "Both the Cardinal and Archbishop of Canterbury Dr Rowan Williams appealed for the inspectors to be given more time."
    ctx = build_context("mod", text)
    mentions = detect_mentions(ctx)
    surface = {m.mention_id: m.surface for m in mentions}
    found = [c for c in detect_events(ctx, mentions) if c.event_type == "REQUEST"]
    assert found and any(surface[m].endswith("Rowan Williams") for m in found[0].sources)


def test_theatre_country_alone_is_no_assault():
    """"the Iraq war" names where, not who: a topic, not an event report."""
    assert not [c for c in _events("Menzies Campbell said the Iraq war had hit trust in politics.")
                if c.event_type == "ASSAULT"]


@pytest.mark.parametrize("noun", ["support", "backing", "pledge", "funding", "conference"])
def test_topic_nouns_need_a_light_verb(noun):
    assert not [c for c in _events(f"The {noun} for Labour was discussed by Tony Blair and Gordon Brown.")
                if c.trigger == noun]


# ---------------------------------------------------------- resolution, synthetic input


def _cand(article, sentence, event_type="CONSULT", sources=(), targets=(), participants=(), mediators=(),
          date_text=None, place=None, modality="asserted", trigger="talks", mode=None):
    m = lambda ids: tuple(f"{article}#{e}" for e in ids)  # noqa: E731 - mention id = article + entity
    return EventCandidate(
        article, sentence, trigger, event_type, mode, "04", modality, m(sources), m(targets), m(participants),
        m(mediators), date_text, f"{article}#{place}" if place else None, f"sentence {sentence} of {article}",
    )


def _entity_of(candidates):
    out = {}
    for c in candidates:
        for mid in (*c.sources, *c.targets, *c.participants, *c.mediators, c.location_mention_id):
            if mid:
                out[mid] = mid.split("#", 1)[1]
    return out


ENTITIES = [
    {"entity_id": "country:ARM", "entity_type": "COUNTRY", "country_iso3": "ARM"},
    {"entity_id": "country:AZE", "entity_type": "COUNTRY", "country_iso3": "AZE"},
    {"entity_id": "country:RUS", "entity_type": "COUNTRY", "country_iso3": "RUS"},
    {"entity_id": "country:USA", "entity_type": "COUNTRY", "country_iso3": "USA"},
    {"entity_id": "org:eu", "entity_type": "ORGANIZATION", "country_iso3": None},
    {"entity_id": "person:lavrov", "entity_type": "PERSON", "country_iso3": "RUS"},
    {"entity_id": "person:mirzoyan", "entity_type": "PERSON", "country_iso3": "ARM"},
    {"entity_id": "person:pashinyan", "entity_type": "PERSON", "country_iso3": "ARM"},
    {"entity_id": "person:bayramov", "entity_type": "PERSON", "country_iso3": "AZE"},
    {"entity_id": "person:aliyev", "entity_type": "PERSON", "country_iso3": "AZE"},
]
NAMES = {"country:ARM": "Armenia", "country:AZE": "Azerbaijan", "country:RUS": "Russia", "city:moscow": "Moscow"}


def _resolve(candidates, articles):
    return resolve_events(candidates, _entity_of(candidates), articles, entity_names=NAMES, entities=ENTITIES)


DATED = ArticleInfo(date(2023, 7, 25), "Reuters")
UNDATED = ArticleInfo(None, "RFE/RL")


def test_cross_article_report_becomes_one_event():
    candidates = [
        _cand("a", 1, participants=["country:ARM", "country:AZE"], mediators=["person:lavrov"], date_text="on Tuesday", place="city:moscow"),
        _cand("b", 3, participants=["person:mirzoyan", "person:bayramov", "person:lavrov"], place="city:moscow"),
    ]
    result = _resolve(candidates, {"a": DATED, "b": UNDATED})
    [event] = result.events
    assert (event["n_articles"], event["n_outlets"]) == (2, 2)
    assert event["event_date"] == date(2023, 7, 25) and event["location_entity_id"] == "city:moscow"
    assert len(result.mentions) == 2
    assert result.article_dates == {"b": date(2023, 7, 25)}
    assert ("person:lavrov", "mediator") in _participants(result, event["event_id"])


def test_relative_dates_resolved_after_the_article_date_is_found():
    candidates = [
        _cand("a", 1, participants=["country:ARM", "country:AZE"], date_text="on Tuesday", place="city:moscow"),
        _cand("b", 1, participants=["country:ARM", "country:AZE"], place="city:moscow"),
        _cand("b", 2, "ACCUSE", sources=["country:ARM"], targets=["country:AZE"], date_text="yesterday", trigger="accused"),
    ]
    result = _resolve(candidates, {"a": DATED, "b": UNDATED})
    accuse = [e for e in result.events if e["event_type"] == "ACCUSE"]
    assert accuse[0]["event_date"] == date(2023, 7, 24)


def test_relative_date_without_any_reference_stays_null():
    result = _resolve([_cand("b", 2, "ACCUSE", sources=["country:ARM"], targets=["country:AZE"], date_text="yesterday")], {"b": UNDATED})
    assert result.events[0]["event_date"] is None and result.article_dates == {}


@pytest.mark.parametrize(
    "first, second",
    [
        ({"place": "city:moscow"}, {"place": "city:brussels"}),  # different places
        ({"date_text": "in May"}, {"date_text": "in June"}),  # different months
        ({"mediators": ["country:USA"]}, {"mediators": ["org:eu"]}),  # different mediators
        ({"mediators": ["country:RUS"]}, {"mediators": ["country:RUS", "country:USA", "org:eu"]}),
    ],
)
def test_incompatible_reports_stay_apart(first, second):
    base = {"participants": ["country:ARM", "country:AZE"]}
    candidates = [_cand("a", 1, **{**base, **first}), _cand("b", 1, **{**base, **second})]
    assert len(_resolve(candidates, {"a": DATED, "b": DATED}).events) == 2


def test_different_people_of_the_same_countries_are_different_meetings():
    candidates = [
        _cand("a", 1, participants=["person:mirzoyan", "person:bayramov"]),
        _cand("b", 1, participants=["person:pashinyan", "person:aliyev"]),
    ]
    assert len(_resolve(candidates, {"a": DATED, "b": DATED}).events) == 2


def test_person_matches_their_country():
    candidates = [
        _cand("a", 1, participants=["person:pashinyan", "person:aliyev"], mediators=["org:eu"], place="city:brussels"),
        _cand("b", 1, participants=["country:ARM", "country:AZE"], mediators=["org:eu"]),
    ]
    [event] = _resolve(candidates, {"a": DATED, "b": UNDATED}).events
    assert event["n_articles"] == 2


def test_undated_speech_acts_in_undated_articles_are_not_merged():
    """Without any date, "X accused Y" in two articles is usually two accusations."""
    accuse = dict(sources=["person:pashinyan"], targets=["person:aliyev"], trigger="accused")
    candidates = [_cand("a", 1, "ACCUSE", **accuse), _cand("b", 1, "ACCUSE", **accuse)]
    assert len(_resolve(candidates, {"a": UNDATED, "b": UNDATED}).events) == 2
    dated = [_cand("a", 1, "ACCUSE", date_text="on 3 May 2023", **accuse), _cand("b", 1, "ACCUSE", date_text="3 May 2023", **accuse)]
    assert len(_resolve(dated, {"a": UNDATED, "b": UNDATED}).events) == 1
    week = {"a": ArticleInfo(date(2023, 5, 3), "AP"), "b": ArticleInfo(date(2023, 5, 4), "BBC")}
    assert len(_resolve(candidates, week).events) == 1
    months_apart = {"a": ArticleInfo(date(2023, 5, 3), "AP"), "b": ArticleInfo(date(2023, 9, 4), "BBC")}
    assert len(_resolve(candidates, months_apart).events) == 2


def test_directed_events_need_matching_targets():
    candidates = [
        _cand("a", 1, "ACCUSE", sources=["country:ARM"], targets=["country:AZE"], trigger="accused"),
        _cand("b", 1, "ACCUSE", sources=["country:ARM"], targets=["country:RUS"], trigger="accused"),
        _cand("c", 1, "ACCUSE", sources=["person:pashinyan"], targets=["country:AZE"], trigger="accused"),
    ]
    result = _resolve(candidates, {"a": DATED, "b": DATED, "c": DATED})
    assert sorted(e["n_articles"] for e in result.events) == [1, 2]


@pytest.mark.parametrize("event_type", ["ACCUSE", "THREATEN", "COERCE"])
@pytest.mark.parametrize("articles", ["aaaaaa", "abcdef"])
def test_reversed_directed_events_are_never_merged(event_type, articles):
    """"A accused B" and "B accused A" are two acts of one dispute, in one article or two;
    one-sided reports ("A's accusations", "the charges against A") join one direction
    only, and never chain the two together."""
    a, b = "person:pashinyan", "person:aliyev"
    sides = [dict(sources=[a], targets=[b]), dict(sources=[a]), dict(targets=[a]),
             dict(sources=[b], targets=[a]), dict(sources=[b]), dict(targets=[b])]
    told = enumerate(zip(articles, sides, strict=True), 1)
    candidates = [_cand(art, i, event_type, trigger="accused", **roles) for i, (art, roles) in told]
    result = _resolve(candidates, dict.fromkeys(articles, DATED))
    for event in result.events:
        reports = {(m["article_id"], m["sentence_id"]) for m in result.mentions if m["event_id"] == event["event_id"]}
        reporting = [c for c in candidates if (c.article_id, c.sentence_id) in reports]
        doers = {m.split("#", 1)[1] for c in reporting for m in c.sources}
        targets = {m.split("#", 1)[1] for c in reporting for m in c.targets}
        assert not doers & targets, (event["summary"], reports)
    assert {frozenset(_participants(result, e["event_id"])) for e in result.events if len(_ids(result, e["event_id"])) == 2} == {
        frozenset({(a, "source"), (b, "target")}), frozenset({(b, "source"), (a, "target")}),
    }


def test_separate_meeting_is_not_merged():
    candidates = [
        _cand("a", 1, participants=["person:lavrov", "country:ARM", "country:AZE"], date_text="today"),
        _cand("a", 2, participants=["person:lavrov", "person:mirzoyan"], date_text="today", trigger="separate meeting"),
    ]
    assert len(_resolve(candidates, {"a": DATED}).events) == 2


def test_within_article_mentions_of_one_event():
    candidates = [
        _cand("a", 1, participants=["country:ARM", "country:AZE"], place="city:moscow"),
        _cand("a", 4, participants=["country:ARM", "country:AZE"], trigger="meeting"),
        _cand("a", 4, participants=["country:ARM", "country:AZE"], trigger="talks"),
    ]
    result = _resolve(candidates, {"a": DATED})
    [event] = result.events
    assert event["n_articles"] == 1
    assert [(m["article_id"], m["sentence_id"]) for m in result.mentions] == [("a", 1), ("a", 4)]


def test_one_article_different_doers_in_two_sentences_stay_apart():
    """"Armenia and Azerbaijan fought two wars" and "Azerbaijan recaptured territory in 2020"."""
    candidates = [
        _cand("a", 1, "ASSAULT", sources=["country:ARM", "country:AZE"], trigger="fought"),
        _cand("a", 2, "ASSAULT", sources=["country:AZE"], targets=["country:ARM"], trigger="recaptured", date_text="in 2020"),
    ]
    assert len(_resolve(candidates, {"a": UNDATED}).events) == 2
    same = [
        _cand("a", 1, "COERCE", sources=["country:AZE"], trigger="blockade"),
        _cand("a", 3, "COERCE", sources=["country:AZE"], trigger="blockade"),
    ]
    assert len(_resolve(same, {"a": UNDATED}).events) == 1


def test_only_asserted_candidates_become_rows():
    candidates = [
        _cand("a", 1, participants=["country:ARM", "country:AZE"], modality=modality)
        for modality in ("negated", "hypothetical", "future")
    ]
    assert _resolve(candidates, {"a": DATED}).events == []


def test_candidates_whose_mentions_are_unknown_are_dropped():
    result = resolve_events([_cand("a", 1, participants=["country:ARM"])], {}, {"a": DATED})
    assert result.events == []


def _synthetic(n, seed=3):
    rng = random.Random(seed)
    countries = [f"country:C{i:03d}" for i in range(150)]
    people = [f"person:p{i}" for i in range(8000)]
    entities = [{"entity_id": c, "entity_type": "COUNTRY", "country_iso3": c[-4:]} for c in countries]
    entities += [{"entity_id": p, "entity_type": "PERSON", "country_iso3": rng.choice(countries)[-4:]} for p in people]
    articles, candidates = {}, []
    for a in range(n // 5):
        article = f"art{a:05d}"
        articles[article] = ArticleInfo(date(2023, 1, 1 + a % 28) if a % 3 else None, rng.choice(["AP", "BBC", None]))
        for s in range(5):
            actors = [rng.choice(people) if rng.random() < 0.5 else rng.choice(countries[:40]) for _ in range(rng.randint(1, 3))]
            kind = rng.choice(["CONSULT", "ACCUSE", "REJECT", "AGREE", "ASSAULT"])
            when = rng.choice([None, "on Tuesday", "in 2022", "yesterday", None])
            candidates.append(_cand(article, s, kind, sources=actors[:1], targets=actors[1:], date_text=when))
    return candidates, articles, entities


def test_deterministic_ids_whatever_the_input_order():
    candidates, articles, entities = _synthetic(2000)
    first = resolve_events(candidates, _entity_of(candidates), articles, entities=entities)
    shuffled = list(candidates)
    random.Random(11).shuffle(shuffled)
    second = resolve_events(shuffled, _entity_of(shuffled), articles, entities=entities)
    assert first.events == second.events
    assert sorted(map(str, first.participants)) == sorted(map(str, second.participants))
    assert sorted(map(str, first.mentions)) == sorted(map(str, second.mentions))
    assert len({e["event_id"] for e in first.events}) == len(first.events)


# ---------------------------------------------------------- resolution: type families, date guards, link reasons


def _case(article, sentence, trigger, event_type="SANCTION", mode="convict", target="person:aliyev", **kw):
    return _cand(article, sentence, event_type, sources=["country:RUS"], targets=[target], trigger=trigger, mode=mode, **kw)


def test_conviction_and_jailing_of_one_person_are_one_case():
    week = {"a": ArticleInfo(date(2023, 7, 25), "AP"), "b": ArticleInfo(date(2023, 7, 26), "BBC"),
            "c": ArticleInfo(date(2023, 7, 26), "DW")}
    candidates = [
        _case("a", 1, "convicted"),
        _case("b", 1, "jailed", "COERCE", "arrest"),
        _case("c", 1, "arrested", "COERCE", "arrest"),  # an arrest is another step of the case
        _case("c", 2, "jailed", "COERCE", "arrest", target="person:bayramov"),  # another person
    ]
    result = _resolve(candidates, week)
    by_articles = {tuple(sorted({m["article_id"] for m in result.mentions if m["event_id"] == e["event_id"]})): e
                   for e in result.events}
    assert set(by_articles) == {("a", "b"), ("c",)} and len(result.events) == 3
    assert by_articles[("a", "b")]["event_type"] == "SANCTION"
    reasons = {m["article_id"]: m["link_reason"] for m in result.mentions if m["event_id"] == by_articles[("a", "b")]["event_id"]}
    assert reasons["a"] == "first report"
    assert "type family verdict" in reasons["b"] and "shared actors" in reasons["b"] and "another article" in reasons["b"]


def test_reports_years_apart_are_two_events():
    far = {"a": ArticleInfo(date(2001, 3, 1), "AP"), "b": ArticleInfo(date(2004, 6, 1), "BBC")}
    assert len(_resolve([_case("a", 1, "convicted"), _case("b", 1, "convicted")], far).events) == 2


def test_an_article_cannot_report_an_event_dated_after_it():
    """An undated 2001 report and a conviction dated May 2004 share both actors, yet the 2001
    article cannot be reporting a 2004 event."""
    articles = {"a": ArticleInfo(date(2001, 3, 1), "AP"), "b": UNDATED}
    candidates = [_case("a", 1, "convicted"), _case("b", 1, "convicted", date_text="in May 2004")]
    assert len(_resolve(candidates, articles).events) == 2
    recent = {"a": ArticleInfo(date(2004, 6, 1), "AP"), "b": UNDATED}
    assert len(_resolve(candidates, recent).events) == 1


def test_no_date_flows_through_an_ambiguous_link():
    """Two convictions of one person years apart; an undated article's undated report fits
    both, so it takes neither date."""
    articles = {"a": ArticleInfo(date(2001, 3, 1), "AP"), "b": ArticleInfo(date(2004, 6, 2), "BBC"), "c": UNDATED}
    candidates = [
        _case("a", 1, "convicted", date_text="on Tuesday"),
        _case("b", 1, "convicted", date_text="on Monday"),
        _case("c", 1, "convicted"),
    ]
    result = _resolve(candidates, articles)
    assert len({e["event_date"] for e in result.events}) == 2
    assert "c" not in result.article_dates
    alone = _resolve(candidates[1:], articles)  # one conviction only: the link is safe
    assert alone.article_dates == {"c": date(2004, 5, 31)}
