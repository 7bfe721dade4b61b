"""The shipped gazetteer: complete, unambiguous, and usable by spaCy's EntityRuler."""

from __future__ import annotations

import json
from collections import defaultdict

import pycountry
import pytest
import spacy

from pipeline.nlp.gazetteer import RULER_CONFIG, load_gazetteer, surface_key

ENTITY_TYPES = {"COUNTRY", "LOCATION", "ORGANIZATION", "GROUP"}


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="module")
def ruler_nlp(gazetteer):
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler", config=RULER_CONFIG).add_patterns(gazetteer.entity_ruler_patterns())
    return nlp


def entities(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(ent.text, ent.label_, ent.ent_id_) for ent in nlp(text).ents]


def test_every_iso_3166_country_is_present(gazetteer):
    # Former states (the Soviet Union) are COUNTRY entities without a current ISO code; a
    # code that is part of another state (French Guiana) is a LOCATION of that state.
    countries = [entry for entry in gazetteer.entries.values() if entry.entity_type == "COUNTRY"]
    iso3 = {entry.country_iso3 for entry in countries if entry.country_iso3}
    parts = {
        entry.entity_id.removeprefix("country:"): entry.country_iso3
        for entry in gazetteer.entries.values()
        if entry.entity_id.startswith("country:") and entry.entity_type == "LOCATION"
    }
    assert parts == {"GUF": "FRA", "GLP": "FRA", "MTQ": "FRA", "MYT": "FRA", "REU": "FRA"}
    assert iso3 | set(parts) == {country.alpha_3 for country in pycountry.countries}
    assert len(iso3) + len(parts) == len(pycountry.countries)


def test_each_alias_names_exactly_one_entity(gazetteer):
    owners = defaultdict(set)
    for entry in gazetteer.entries.values():
        for surface in entry.surfaces:
            owners[surface_key(surface)].add(entry.entity_id)
    for demonym, iso3 in gazetteer.demonyms:
        owners[surface_key(demonym)].add(f"country:{iso3}")
    assert {key: ids for key, ids in owners.items() if len(ids) > 1} == {}


def test_fields_are_well_formed(gazetteer):
    countries = {entry.country_iso3 for entry in gazetteer.entries.values() if entry.entity_type == "COUNTRY"}
    for entry in gazetteer.entries.values():
        assert entry.entity_type in ENTITY_TYPES, entry
        assert entry.country_iso3 is None or entry.country_iso3 in countries, entry
        assert entry.wikidata_id is None or entry.wikidata_id[:1] == "Q" and entry.wikidata_id[1:].isdigit(), entry


@pytest.mark.parametrize(
    ("iso3", "name", "wikidata_id"),
    [
        ("RUS", "Russia", "Q159"),
        ("ARM", "Armenia", "Q399"),
        ("AZE", "Azerbaijan", "Q227"),
        ("USA", "United States", "Q30"),
        ("GBR", "United Kingdom", "Q145"),
        ("IRN", "Iran", "Q794"),
        ("KOR", "South Korea", "Q884"),
        ("SYR", "Syria", "Q858"),
    ],
)
def test_countries_use_news_names(gazetteer, iso3, name, wikidata_id):
    country = gazetteer.country(iso3)
    assert (country.name, country.wikidata_id) == (name, wikidata_id)


@pytest.mark.parametrize(
    ("surface", "entity_id"),
    [
        ("U.S.", "country:USA"),
        ("US", "country:USA"),
        ("United States", "country:USA"),
        ("the United States", "country:USA"),
        ("America", "country:USA"),
        ("Britain", "country:GBR"),
        ("Russian Federation", "country:RUS"),
        ("the EU", "org:eu"),
        ("Tories", "org:uk-conservative-party"),
        ("Lib Dems", "org:uk-liberal-democrats"),
        ("Nagorno Karabakh", "location:nagorno-karabakh"),
        ("Karabakh", "location:nagorno-karabakh"),
        ("South Caucasus", "location:south-caucasus"),
        ("Moscow", "city:moscow"),
    ],
)
def test_by_alias(gazetteer, surface, entity_id):
    assert gazetteer.by_alias(surface).entity_id == entity_id


def test_unknown_and_ambiguous_names_are_not_linked(gazetteer):
    assert gazetteer.by_alias("Atlantis") is None
    assert gazetteer.by_alias("Congo") is None  # two countries; left to context


@pytest.mark.parametrize(
    ("word", "iso3"),
    [("Azeri", "AZE"), ("Azerbaijani", "AZE"), ("Azeris", "AZE"), ("Armenian", "ARM"),
     ("Armenians", "ARM"), ("Russian", "RUS"), ("British", "GBR"), ("American", "USA"),
     ("US", "USA"), ("Israeli", "ISR"), ("Palestinian", "PSE")],
)
def test_demonym_country(gazetteer, word, iso3):
    assert gazetteer.demonym_country(word) == iso3


def test_capitals_name_their_countries(gazetteer):
    assert gazetteer.capital_country("Baku") == "AZE"
    assert gazetteer.capital_country("Yerevan") == "ARM"
    assert gazetteer.capital_country("Kiev") == gazetteer.capital_country("Kyiv") == "UKR"
    baku = gazetteer.by_alias("Baku")
    assert (baku.entity_type, baku.country_iso3) == ("LOCATION", "AZE")


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("FM", "Foreign Minister"),
        ("Russian Foreign Minister", "Foreign Minister"),
        ("Foreign Secretary", "Foreign Minister"),
        ("Secretary of State", "Foreign Minister"),
        ("Deputy Foreign Minister", "Deputy Foreign Minister"),
        ("PM", "Prime Minister"),
        ("Chancellor of the Exchequer", "Chancellor of the Exchequer"),
        ("Secretary-General", "Secretary General"),
        ("spokeswoman", "Spokesperson"),
    ],
)
def test_match_role(gazetteer, title, role):
    assert gazetteer.match_role(title).name == role


def test_specific_roles_outrank_generic_ones(gazetteer):
    seniority = {role.name: role.seniority for role in gazetteer.roles}
    assert seniority["Foreign Minister"] > seniority["Minister"] > seniority["Leader"]
    assert seniority["Foreign Minister"] > seniority["Deputy Foreign Minister"]
    assert gazetteer.match_role("the weather") is None


def test_patterns_match_headlines_and_demonyms(ruler_nlp):
    assert entities(ruler_nlp, "RUSSIAN FOREIGN MINISTER") == [("RUSSIAN", "NORP", "country:RUS")]
    assert ("Azeri", "NORP", "country:AZE") in entities(ruler_nlp, "met his Armenian and Azeri counterparts")
    assert entities(ruler_nlp, "Talks in Baku and Nagorno-Karabakh") == [
        ("Baku", "GPE", "city:baku"),
        ("Nagorno-Karabakh", "LOC", "location:nagorno-karabakh"),
    ]
    assert entities(ruler_nlp, "the U.S. and the EU") == [("U.S.", "GPE", "country:USA"), ("EU", "ORG", "org:eu")]


def test_case_sensitive_surfaces_skip_common_words(ruler_nlp):
    assert entities(ruler_nlp, "who told us about the roast turkey") == []
    assert [e[0] for e in entities(ruler_nlp, "WHO says TURKEY and Turkey")] == ["WHO", "TURKEY", "Turkey"]


def test_plain_surfaces_are_phrase_patterns_and_case_sensitive_ones_tokens(gazetteer):
    # Phrase patterns go to the ruler's PhraseMatcher, several times cheaper than token
    # patterns; only surfaces that must match case exactly need the token Matcher.
    by_id = defaultdict(list)
    for pattern in gazetteer.entity_ruler_patterns():
        by_id[pattern["id"]].append((pattern["label"], pattern["pattern"]))
    assert ("GPE", "Baku") in by_id["city:baku"]
    assert ("LOC", "Nagorno-Karabakh") in by_id["location:nagorno-karabakh"]
    assert ("GPE", "United States") in by_id["country:USA"]
    assert ("NORP", "Azeri") in by_id["country:AZE"]
    assert ("GPE", [{"ORTH": "US"}]) in by_id["country:USA"]
    assert ("GPE", [{"ORTH": "Turkey"}]) in by_id["country:TUR"]
    assert ("GPE", [{"ORTH": "TURKEY"}]) in by_id["country:TUR"]
    assert ("GPE", "Turkey") not in by_id["country:TUR"]
    token_patterns = [p for ps in by_id.values() for _, p in ps if not isinstance(p, str)]
    assert all(set(token) == {"ORTH"} for pattern in token_patterns for token in pattern)


def test_phrase_patterns_match_any_case(ruler_nlp):
    assert entities(ruler_nlp, "BAKU and baku") == [("BAKU", "GPE", "city:baku"), ("baku", "GPE", "city:baku")]


def test_exact_spellings_find_what_the_token_matcher_finds(gazetteer):
    # The gazetteer ruler finds its exact-spelling patterns with a PhraseMatcher on ORTH
    # (pipeline.nlp.model.ExactSpellings): the same matches as spaCy's token Matcher.
    from spacy.matcher import Matcher

    from pipeline.nlp.model import ExactSpellings

    nlp = spacy.blank("en")
    exact, matcher = ExactSpellings(nlp.vocab), Matcher(nlp.vocab)
    for pattern in gazetteer.entity_ruler_patterns():
        if not isinstance(pattern["pattern"], str):
            key = repr((pattern["label"], pattern["id"]))
            exact.add(key, [pattern["pattern"]])
            matcher.add(key, [pattern["pattern"]])
    doc = nlp("The LIBERAL DEMOCRATS and the Liberal Democrats met at No. 10, NO 10 and No 10 in the UAE; "
              "turkey, TURKEY and Turkey; the white house and the White House. US, us")
    found = sorted(exact(doc))
    assert found == sorted(matcher(doc))
    assert len(found) >= 8
    with pytest.raises(ValueError, match="exact spellings"):
        exact.add("lower", [[{"LOWER": "turkey"}]])


def test_the_ruler_patterns_kept_in_the_cache_folder_are_those_made(gazetteer, tmp_path, monkeypatch):
    from pipeline.nlp import model

    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    made = gazetteer.entity_ruler_patterns()
    assert model.ruler_patterns() == made  # made, and written for the next process
    assert model.patterns_path().parent == tmp_path / "gazetteer-patterns"
    assert [p.name for p in (tmp_path / "gazetteer-patterns").iterdir()] == [model.patterns_path().name]

    def not_again():
        raise AssertionError("the kept patterns were made again")

    with monkeypatch.context() as patched:
        patched.setattr(model, "load_gazetteer", not_again)
        assert model.ruler_patterns() == made  # read back as they were made: strings, ORTH lists, ids
    model.patterns_path().write_text('[{"label": "GPE", "pat', encoding="utf-8")  # a torn file
    assert model.ruler_patterns() == made  # made again, and the torn file replaced
    assert json.loads(model.patterns_path().read_text(encoding="utf-8")) == made


def test_ruler_patterns_are_made_where_the_cache_folder_cannot_be_written(gazetteer, tmp_path, monkeypatch):
    from pipeline.nlp import model

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(blocked))
    assert model.ruler_patterns() == gazetteer.entity_ruler_patterns()
