"""Entities and mentions: detection on real text, resolution within and across articles.

The seeds and three BBC politics articles (copied under tests/fixtures/entities, MIT
licensed, none of them held out) run through build_context -> detect_mentions ->
resolve_entities once per module; synthetic mentions exercise the cross-article rules.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline.nlp.entity_resolution import RESOLUTIONS, resolve_entities
from pipeline.nlp.extract import build_context
from pipeline.nlp.mentions import detect_mentions
from pipeline.nlp.records import Mention

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {"000_c5783bed5a5e9dc2", "004_c365d3e2393e820b"}
BBC = {"abbas-will-not-tolerate-attacks", "blair-and-brown-criticised-by-mps", "blair-congratulates-bush-on-win"}
FIXTURES = ROOT / "tests" / "fixtures" / "entities"


@pytest.fixture(scope="module")
def run():
    texts = {stem: (ROOT / "seeds" / f"{stem}.txt").read_text(encoding="utf-8") for stem in sorted(SEEDS)}
    texts |= {stem: (FIXTURES / f"{stem}.txt").read_text(encoding="utf-8") for stem in sorted(BBC)}
    contexts = {stem: build_context(stem, text) for stem, text in texts.items()}
    mentions = [m for stem in sorted(contexts) for m in detect_mentions(contexts[stem])]
    resolution = resolve_entities(mentions)
    entities = {row["entity_id"]: row for row in resolution.entities}
    return texts, contexts, mentions, resolution, entities


def entity_of(run, article: str, surface: str, start_after: int = -1) -> str:
    _, _, mentions, resolution, _ = run
    for m in mentions:
        if m.article_id == article and m.surface == surface and m.char_start > start_after:
            return resolution.links[m.mention_id][0]
    raise AssertionError(f"no mention {surface!r} in {article}")


def seed_entity_ids(run) -> set[str]:
    _, _, mentions, resolution, _ = run
    return {resolution.links[m.mention_id][0] for m in mentions if m.article_id in SEEDS}


# ---------------------------------------------------------------------- invariants
def test_every_mention_is_linked_and_exact(run):
    texts, contexts, mentions, resolution, entities = run
    assert mentions
    assert len({m.mention_id for m in mentions}) == len(mentions)
    untied = {m.mention_id for m in mentions if m.kind == "title" and m.antecedent is None}
    assert set(resolution.links) | untied == {m.mention_id for m in mentions}  # an untied title may go unlinked
    for m in mentions:
        if m.mention_id in untied:
            assert m.role, m  # "the chancellor" with no antecedent carries its post
            if m.mention_id not in resolution.links:
                continue
        assert m.surface == texts[m.article_id][m.char_start : m.char_end]
        if m.mention_id != f"{m.article_id}#m{m.char_start}":
            # a national group whose start its country's demonym holds is keyed by its noun
            # ("Russian peacekeepers", mentions.groups.nested_demonyms)
            key = int(m.mention_id.rsplit("#m", 1)[1])
            assert m.entity_type == "GROUP" and m.char_start < key < m.char_end, m
            assert f"{m.article_id}#m{m.char_start}" in {n.mention_id for n in mentions if n.kind == "demonym"}, m
        sentence = contexts[m.article_id].sentence_at(m.char_start)
        assert sentence is not None and sentence.sentence_id == m.sentence_id and m.char_end <= sentence.char_end
        assert sentence.section in ("headline", "caption", "body", "trailer")
        entity_id, how = resolution.links[m.mention_id]
        assert entity_id in entities, f"dangling {entity_id}"
        assert how in RESOLUTIONS
        if m.kind in ("pronoun", "title") and m.mention_id not in untied:
            assert m.antecedent and m.antecedent.startswith(f"{m.article_id}#m")
    for row in entities.values():
        # the five actor types, and the things NER or a kind noun names ("the Kyoto protocol": LAW)
        actors = ("PERSON", "COUNTRY", "ORGANIZATION", "LOCATION", "GROUP")
        assert row["entity_type"] in actors + ("LAW", "EVENT", "WORK", "PRODUCT")
        assert row["n_mentions"] >= 1 and row["n_articles"] >= 1


def test_no_numeric_entities_and_no_dateline(run):
    _, _, mentions, _, _ = run
    assert not {m.ner_label for m in mentions} & {"DATE", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "TIME"}
    surfaces = {m.surface for m in mentions}
    assert "Reuters" not in surfaces  # "(Reuters) –" is a dateline, not a sentence
    assert {"Ron Popeski", "Jamie Freed"} <= surfaces  # the trailer names the reporters


# ---------------------------------------------------------------------- seeds: must-show
PEOPLE = {
    "person:sergei-lavrov": ("Sergei Lavrov", "RUS", "Foreign Minister", {"Lavrov", "Sergei Lavrov"}),
    "person:ararat-mirzoyan": ("Ararat Mirzoyan", "ARM", "Foreign Minister", {"Mirzoyan", "Ararat Mirzoyan"}),
    "person:jeyhun-bayramov": ("Jeyhun Bayramov", "AZE", "Foreign Minister", {"Bayramov", "Jeyhun Bayramov"}),
    "person:ilham-aliyev": ("Ilham Aliyev", "AZE", "President", {"Aliyev", "Ilham Aliyev"}),
}


@pytest.mark.parametrize("entity_id", sorted(PEOPLE))
def test_seed_politicians(run, entity_id):
    entities = run[4]
    name, country, role, aliases = PEOPLE[entity_id]
    row = entities[entity_id]
    assert (row["name"], row["entity_type"], row["country_iso3"], row["role"]) == (name, "PERSON", country, role)
    assert aliases <= set(row["aliases"])


def test_pashinyan_spellings_merged(run):
    entities = run[4]
    rows = [r for r in entities.values() if any("Pashi" in a for a in r["aliases"])]
    assert len(rows) == 1
    row = rows[0]
    assert {"Nikol Pashinian", "Nikol Pashiynyan", "Pashinian"} <= set(row["aliases"])
    assert row["entity_id"].startswith("person:nikol-pashi")
    assert (row["entity_type"], row["country_iso3"], row["role"], row["n_articles"]) == ("PERSON", "ARM", "Prime Minister", 2)
    pashiynyan = entity_of(run, "004_c365d3e2393e820b", "Nikol Pashiynyan")
    assert pashiynyan == row["entity_id"]


def test_seed_places_organisations_countries(run):
    entities = run[4]
    expected = {
        "person:charles-michel": ("Charles Michel", "PERSON"),
        "country:RUS": ("Russia", "COUNTRY"),
        "country:ARM": ("Armenia", "COUNTRY"),
        "country:AZE": ("Azerbaijan", "COUNTRY"),
        "country:USA": ("United States", "COUNTRY"),
        "org:eu": ("European Union", "ORGANIZATION"),
        "org:rus-foreign-ministry": ("Russian Foreign Ministry", "ORGANIZATION"),
        "org:arm-foreign-ministry": ("Armenian Foreign Ministry", "ORGANIZATION"),
        "city:moscow": ("Moscow", "LOCATION"),
        "location:lachin-corridor": ("Lachin corridor", "LOCATION"),
        "location:nagorno-karabakh": ("Nagorno-Karabakh", "LOCATION"),
        "location:almaty": ("Almaty", "LOCATION"),
        "city:washington": ("Washington", "LOCATION"),
        "city:brussels": ("Brussels", "LOCATION"),
        "location:south-caucasus": ("South Caucasus", "LOCATION"),
        "group:armenians": ("Armenians", "GROUP"),  # "ethnic Armenians"
        "group:armenians-of-nagorno-karabakh": ("Armenians of Nagorno-Karabakh", "GROUP"),
        "group:russian-peacekeepers": ("Russian peacekeepers", "GROUP"),
        "group:western-powers": ("Western powers", "GROUP"),
    }
    for entity_id, (name, etype) in expected.items():
        assert entity_id in entities, entity_id
        assert (entities[entity_id]["name"], entities[entity_id]["entity_type"]) == (name, etype)
    assert entities["org:rus-foreign-ministry"]["country_iso3"] == "RUS"
    assert entities["org:arm-foreign-ministry"]["country_iso3"] == "ARM"
    assert "Armenia’s foreign ministry" in entities["org:arm-foreign-ministry"]["aliases"]
    assert entities["org:eu"]["aliases"] == ["EU", "European Union"]
    assert {"Karabakh", "Nagorno-Karabakh"} <= set(entities["location:nagorno-karabakh"]["aliases"])
    assert entities["location:lachin-corridor"]["n_articles"] == 2


def test_demonyms_and_capitals_name_countries(run):
    entities = run[4]
    assert {"Azeri", "Azerbaijani", "Baku", "Azerbaijan"} <= set(entities["country:AZE"]["aliases"])
    assert {"Yerevan", "Armenian", "Armenia"} <= set(entities["country:ARM"]["aliases"])
    assert "Moscow" in entities["country:RUS"]["aliases"]
    links = run[3].links
    baku = next(m for m in run[2] if m.surface == "Baku")
    assert links[baku.mention_id] == ("country:AZE", "metonym")
    azeri = next(m for m in run[2] if m.surface == "Azeri")
    assert links[azeri.mention_id] == ("country:AZE", "demonym")


def test_moscow_city_or_government_by_usage(run):
    text = run[0]["004_c365d3e2393e820b"]
    assert entity_of(run, "004_c365d3e2393e820b", "Moscow") == "country:RUS"  # "Moscow had no intention"
    in_moscow = text.index("talks in Moscow") + len("talks in ")
    assert entity_of(run, "004_c365d3e2393e820b", "Moscow", in_moscow - 1) == "city:moscow"
    brokered = text.index("brokered by Moscow") + len("brokered by ")
    assert entity_of(run, "004_c365d3e2393e820b", "Moscow", brokered - 1) == "country:RUS"
    seed0 = run[0]["000_c5783bed5a5e9dc2"]
    first_body_moscow = seed0.index("counterparts in Moscow") + len("counterparts in ")
    assert entity_of(run, "000_c5783bed5a5e9dc2", "Moscow", first_body_moscow - 1) == "city:moscow"
    assert entity_of(run, "000_c5783bed5a5e9dc2", "Yerevan") == "country:ARM"


def test_no_duplicate_or_mistyped_seed_entities(run):
    entities = run[4]
    seed_rows = [entities[e] for e in seed_entity_ids(run)]
    names = [r["name"] for r in seed_rows]
    assert len(names) == len(set(names))
    surnames = [r["name"].split()[-1] for r in seed_rows if r["entity_type"] == "PERSON"]
    assert len(surnames) == len(set(surnames))
    by_type = {r["name"]: r["entity_type"] for r in seed_rows}
    for word in ("Azerbaijani", "Azeri", "Lachin", "Yerevan", "Baku", "Karabakh", "Lavrov", "Pashinian"):
        assert word not in by_type, word  # never an entity of its own
    assert not any("Hosts" in n or "Fresh" in n for n in names)  # headline fragment
    people = {n for n, t in by_type.items() if t == "PERSON"}
    assert people == {
        "Sergei Lavrov", "Ararat Mirzoyan", "Jeyhun Bayramov", "Nikol Pashinian", "Ilham Aliyev", "Charles Michel",
        "Ron Popeski", "Jamie Freed",  # reporter and editor, from the trailer
    }
    lachin = [m for m in run[2] if m.surface.startswith("Lachin")]
    assert lachin and all(m.surface == "Lachin corridor" and m.entity_type == "LOCATION" for m in lachin)


def test_seed_pronouns_link_to_lavrov(run):
    _, _, mentions, resolution, _ = run
    pronouns = [m for m in mentions if m.article_id == "000_c5783bed5a5e9dc2" and m.kind == "pronoun"]
    assert len(pronouns) >= 3
    assert all(resolution.links[m.mention_id] == ("person:sergei-lavrov", "pronoun") for m in pronouns)


# ---------------------------------------------------------------------- BBC politics
def test_bbc_abbas_straw_blair(run):
    entities = run[4]
    article = "abbas-will-not-tolerate-attacks"
    abbas = entity_of(run, article, "Mahmoud Abbas")
    assert abbas == "person:mahmoud-abbas" == entity_of(run, article, "Mr Abbas") == entity_of(run, article, "Abbas")
    assert entities[abbas]["country_iso3"] == "PSE"
    straw = entities[entity_of(run, article, "Jack Straw")]
    assert straw["entity_id"] == entity_of(run, article, "Mr Straw") == "person:jack-straw"
    assert (straw["role"], straw["country_iso3"]) == ("Foreign Minister", "GBR")
    blair = entities[entity_of(run, article, "Tony Blair")]
    assert blair["entity_id"] == entity_of(run, article, "Mr Blair") == "person:tony-blair"
    assert (blair["role"], blair["country_iso3"]) == ("Prime Minister", "GBR")
    assert blair["n_articles"] == 3  # linked across articles
    title = next(m for m in run[2] if m.article_id == article and m.kind == "title")
    assert title.surface == "Prime Minister"
    assert run[3].links[title.mention_id] == ("person:tony-blair", "title")
    assert entities[entity_of(run, article, "PA")]["entity_id"] == "org:palestinian-authority"


def test_bbc_brown_bush(run):
    entities = run[4]
    assert entity_of(run, "blair-and-brown-criticised-by-mps", "Mr Brown") == "person:gordon-brown"
    assert entity_of(run, "blair-congratulates-bush-on-win", "Mr Bush") == "person:george-bush"
    assert entities["person:george-bush"]["role"] == "President"
    people = [r for r in entities.values() if r["entity_type"] == "PERSON"]
    assert not any(r["name"].endswith((" the", "-")) for r in people)


# ---------------------------------------------------------------------- synthetic mentions
def person(article: str, start: int, name: str, role: str | None = None, country: str | None = None, surface: str | None = None) -> Mention:
    surface = surface or name
    return Mention(
        mention_id=f"{article}#m{start}", article_id=article, sentence_id=0, surface=surface,
        char_start=start, char_end=start + len(surface), ner_label="PERSON", entity_type="PERSON",
        kind="name", name=name, role=role, country_iso3=country,
    )


def links_by_name(resolution) -> dict[str, str]:
    return {mention_id: entity_id for mention_id, (entity_id, _) in resolution.links.items()}


def test_cross_article_fuzzy_merge():
    mentions = [
        person("a", 0, "Nikol Pashinian", "Prime Minister", "ARM"),
        person("a", 50, "Pashinian"),
        person("b", 0, "Nikol Pashiynyan", "Prime Minister", "ARM"),
        person("c", 0, "Nikol Pashinyan", country="ARM"),
        person("i", 0, "Ronald Reagan", "President", "USA"),
        person("j", 0, "Ronald Regan"),  # similar, but nothing says it is the same man
        person("d", 0, "Sergey Lavrov", "Foreign Minister", "RUS"),
        person("e", 0, "Sergei Lavrov", "Foreign Minister", "RUS"),
        person("f", 0, "John Smith", "MP", "GBR"),
        person("g", 0, "Jane Smith", "MP", "GBR"),
        person("h", 0, "Nikol Pashinov", "General", "BGR"),  # similar but conflicting country
    ]
    res = resolve_entities(mentions)
    link = links_by_name(res)
    assert link["a#m0"] == link["a#m50"] == link["b#m0"] == link["c#m0"]
    assert res.links["b#m0"][1] == "fuzzy"
    assert link["d#m0"] == link["e#m0"]
    assert link["f#m0"] != link["g#m0"]
    assert link["h#m0"] != link["a#m0"]
    assert link["i#m0"] != link["j#m0"]
    row = next(r for r in res.entities if r["entity_id"] == link["a#m0"])
    assert row["name"] == "Nikol Pashinian"  # the most frequent spelling
    assert set(row["aliases"]) == {"Nikol Pashinian", "Pashinian", "Nikol Pashiynyan", "Nikol Pashinyan"}


def test_lone_surnames_are_conservative():
    mentions = [
        person("a", 0, "Gordon Brown", "Chancellor of the Exchequer", "GBR"),
        person("b", 0, "Nick Brown", "Minister", "GBR"),
        person("c", 0, "Brown", surface="Mr Brown"),  # two Browns in the corpus: stays apart
        person("d", 0, "Brown", "Chancellor of the Exchequer"),  # the role picks Gordon Brown
        person("e", 0, "Jack Straw", "Foreign Minister", "GBR"),
        person("f", 0, "Straw", surface="Mr Straw"),  # the only Straw
        person("g", 0, "Kinnock"),
        person("h", 0, "Kinnock"),  # no full name anywhere: one entity per article
    ]
    res = resolve_entities(mentions)
    link = links_by_name(res)
    assert link["c#m0"] not in (link["a#m0"], link["b#m0"])
    assert link["d#m0"] == link["a#m0"] == "person:gordon-brown"
    assert link["f#m0"] == link["e#m0"] == "person:jack-straw"
    assert link["g#m0"] != link["h#m0"]
    assert res.links["f#m0"] == ("person:jack-straw", "alias")


def test_deterministic_and_order_free():
    mentions = [
        person("a", 0, "Nikol Pashinian", "Prime Minister", "ARM"),
        person("b", 0, "Nikol Pashiynyan", "Prime Minister", "ARM"),
        person("c", 5, "Brown"),
        person("d", 0, "Tony Blair", "Prime Minister", "GBR"),
        person("d", 40, "Blair", surface="Mr Blair"),
    ]
    first = resolve_entities(mentions)
    shuffled = mentions[:]
    random.Random(7).shuffle(shuffled)
    second = resolve_entities(shuffled)
    assert first.entities == second.entities and first.links == second.links


def synthetic_corpus(n_articles: int, seed: int = 0) -> list[Mention]:
    """Articles of 15 person mentions: full names, their surnames, stray surnames."""
    rng = random.Random(seed)

    def word(n: int) -> str:
        return "".join(rng.choice("bcdfghjklmnprstvz") + rng.choice("aeiou") for _ in range(n)).title()

    firsts = sorted({word(2) for _ in range(300)})
    lasts = sorted({word(rng.choice((2, 3, 4))) for _ in range(3000)})
    mentions = []
    for a in range(n_articles):
        article = f"art{a}"
        for k in range(6):
            full = f"{rng.choice(firsts)} {rng.choice(lasts)}"
            mentions.append(person(article, k * 100, full, rng.choice([None, "MP", "Minister"]), rng.choice([None, "GBR"])))
            mentions.append(person(article, k * 100 + 40, full.split()[-1]))
            if k % 2:
                mentions.append(person(article, k * 100 + 70, rng.choice(lasts)))
    return mentions


def test_resolution_links_every_mention_of_a_corpus_sized_input():
    """Blocking keeps corpus-scale linking cheap (timed by `make bench`); here: it stays complete."""
    mentions = synthetic_corpus(2065)
    resolution = resolve_entities(mentions)
    assert len(resolution.links) == len(mentions)
    known = {row["entity_id"] for row in resolution.entities}
    assert {entity for entity, _ in resolution.links.values()} <= known



def _mentions_of(text: str) -> list[Mention]:
    return detect_mentions(build_context("synthetic-entities", text))


def test_titles_pronouns_and_places_on_synthetic_text():
    """Title references, pronoun chains, the Soviet Union and places NER calls people."""
    text = (
        "Bishops meet\n\n"
        "Cardinal Basil Hume-O'Keefe has criticised the plan, the church said on Monday.\n\n"
        "The cardinal said the scheme was wrong. He added that more talks were needed. "
        "The former Soviet republics were not consulted.\n\n"
        "Flights from Heathrow and Gatwick were delayed, said Mr Jones.\n"
    )
    mentions = _mentions_of(text)
    by_surface = {m.surface: m for m in mentions}
    person = next(m for m in mentions if m.entity_type == "PERSON" and m.kind == "name" and "Keefe" in m.name)
    assert person.role == "Cardinal"
    title = next(m for m in mentions if m.kind == "title" and m.surface.lower() == "cardinal")
    assert title.antecedent == person.mention_id
    pronoun = next(m for m in mentions if m.kind == "pronoun" and m.surface == "He")
    assert pronoun.antecedent == person.mention_id
    assert by_surface["Soviet"].entity_type == "COUNTRY"
    assert by_surface.get("Gatwick") is None or by_surface["Gatwick"].entity_type != "PERSON"
    assert by_surface["Mr Jones"].entity_type == "PERSON"


def test_gendered_titles_never_merge_across():
    """A "Mrs. Clinton" never joins a man: within an article nor across articles."""
    mentions = [
        person("a", 0, "Bill Clinton", "President", "USA"),
        person("a", 40, "Clinton", surface="Mr Clinton"),
        person("a", 80, "Clinton", surface="Mrs. Clinton"),  # the article names no other Clinton
        person("b", 0, "Hillary Clinton", "Senator", "USA"),
        person("b", 40, "Clinton", surface="Mrs Clinton"),
        person("c", 0, "Clinton", surface="Mr Clinton"),
        person("c", 40, "Clinton", surface="Mrs Clinton"),  # one article, two Clintons
    ]
    res = resolve_entities(mentions)
    link = links_by_name(res)
    assert link["a#m40"] == link["a#m0"]
    assert link["a#m80"] != link["a#m0"]
    assert link["b#m40"] == link["b#m0"] != link["a#m0"]
    assert link["c#m0"] != link["c#m40"]
    for row in res.entities:
        surfaces = set(row["aliases"])
        assert not ({"Mr Clinton", "Mrs Clinton"} <= surfaces or {"Mr Clinton", "Mrs. Clinton"} <= surfaces), row


def test_a_bare_surname_joins_its_one_titled_form():
    """ "Vohor" and "Mr. Vohor" in an article naming no Vohor in full are one man; beside
    both a "Mr" and a "Mrs" Clinton a bare "Clinton" stays apart from each."""
    mentions = [
        person("a", 0, "Vohor", surface="Mr. Vohor"),
        person("a", 40, "Vohor"),
        person("b", 0, "Clinton", surface="Mr Clinton"),
        person("b", 40, "Clinton", surface="Mrs Clinton"),
        person("b", 80, "Clinton"),
    ]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m40"] == link["a#m0"]
    assert len({link["b#m0"], link["b#m40"], link["b#m80"]}) == 3


def test_a_lone_middle_name_joins_the_one_full_name_holding_it():
    mentions = [
        person("a", 0, "Luiz Inácio Lula da Silva", "President", "BRA"),
        person("a", 60, "Lula", surface="Mr. Lula"),
        person("b", 0, "Iain Duncan Smith"),
        person("b", 40, "Duncan Smith"),
        person("b", 80, "Ann Smith"),
        person("b", 120, "Smith"),  # two Smiths: the surname alone stays apart from both
    ]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m60"] == link["a#m0"]
    assert link["b#m40"] == link["b#m0"]


def test_a_given_name_spelled_out_names_the_person_over_its_initial():
    """ "B Hinshelwood" in three team line-ups and "Ben Hinshelwood" in one report are one
    man, named by the fullest plain form: the given name written out, not its initial."""
    mentions = [person(article, 0, "B Hinshelwood") for article in ("a", "b", "c")]
    mentions.append(person("d", 0, "Ben Hinshelwood"))
    res = resolve_entities(mentions)
    link = links_by_name(res)
    assert link["a#m0"] == link["b#m0"] == link["c#m0"] == link["d#m0"]
    assert [row["name"] for row in res.entities] == ["Ben Hinshelwood"]


def test_a_hyphenated_surname_joins_the_full_name_written_without_the_hyphen():
    """ "Mr Kilroy-Silk" after "Robert Kilroy Silk" is him: a double surname written with and
    without its hyphen."""
    mentions = [
        person("a", 0, "Robert Kilroy Silk"),
        person("a", 60, "Kilroy-Silk", surface="Mr Kilroy-Silk"),
        person("a", 120, "Robert Kilroy-Silk"),
    ]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m60"] == link["a#m0"] == link["a#m120"]


def test_the_less_used_gendered_short_form_is_someone_else():
    """ "Mrs Howard" before "Mr Howard" in an article about Michael Howard is his wife."""
    mentions = [
        person("a", 0, "Michael Howard", "Leader", "GBR"),
        person("a", 40, "Howard", surface="Mrs Howard"),
        person("a", 80, "Howard", surface="Mr Howard"),
        person("a", 120, "Howard", surface="Mr Howard"),
    ]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m80"] == link["a#m120"] == link["a#m0"]
    assert link["a#m40"] != link["a#m0"]


def test_a_knight_s_given_name_joins_the_knight():
    """ "Sir John" after "Sir John Bourn" is him, not another John, and not a new person."""
    mentions = [
        person("a", 0, "John Bourn", "Auditor General", "GBR", surface="Sir John Bourn"),
        person("a", 40, "John Smith"),
        person("a", 80, "John", surface="Sir John"),
        person("b", 0, "John Smith"),
        person("b", 40, "John", surface="Sir John"),  # no knight named John here: stays apart
    ]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m80"] == link["a#m0"] != link["a#m40"]
    assert link["b#m40"] != link["b#m0"]


def _untied(article: str, start: int, role: str, surface: str) -> Mention:
    return Mention(
        mention_id=f"{article}#m{start}", article_id=article, sentence_id=0, surface=surface,
        char_start=start, char_end=start + len(surface), ner_label="ROLE", entity_type="PERSON",
        kind="title", name=role, role=role,
    )


def test_an_untied_title_is_the_one_person_of_the_article_holding_the_post_elsewhere():
    """ "The chancellor said" where the article names Gordon Brown without his post: the
    corpus gives him the post in another article. With no holder, or two, the title is no
    mention at all (no entity named "Chancellor"), unless the article's one person named
    before it holds no post (test_an_untied_post_nobody_holds_is_the_person_the_article_opens_on)."""
    mentions = [
        person("a", 0, "Gordon Brown", "Chancellor", "GBR"),
        person("b", 0, "Gordon Brown"),
        person("b", 40, "Michael Howard"),
        _untied("b", 80, "Chancellor", "chancellor"),
        person("c", 0, "Michael Howard", "Leader", "GBR"),
        _untied("c", 40, "Chancellor", "chancellor"),
    ]
    res = resolve_entities(mentions)
    link = links_by_name(res)
    assert link["b#m80"] == link["b#m0"] == link["a#m0"]
    assert "c#m40" not in link
    assert not any(row["name"] == "Chancellor" for row in res.entities)


def test_an_untied_title_is_the_person_the_corpus_gives_the_post_far_more_often():
    """ "The prime minister said" in a story naming Tony Blair and John Prescott: the corpus
    calls Mr Blair prime minister three times, Mr Prescott once (a "Deputy" NER left off), so
    the title is Mr Blair; two people given the post about as often leave it untied."""
    mentions = [person(a, 0, "Tony Blair", "Prime Minister", "GBR") for a in ("a", "b", "c")]
    mentions += [
        person("d", 0, "John Prescott", "Prime Minister", "GBR"),
        person("e", 0, "Tony Blair"),
        person("e", 40, "John Prescott"),
        _untied("e", 80, "Prime Minister", "prime minister"),
        person("f", 0, "Jean-Pierre Raffarin", "Prime Minister", "FRA"),
        person("g", 0, "Jean-Pierre Raffarin", "Prime Minister", "FRA"),
        person("h", 0, "Jean-Pierre Raffarin", "Prime Minister", "FRA"),
        person("i", 0, "Tony Blair"),
        person("i", 40, "Jean-Pierre Raffarin"),
        _untied("i", 80, "Prime Minister", "prime minister"),
    ]
    link = links_by_name(resolve_entities(mentions))
    assert link["e#m80"] == link["e#m0"] == link["a#m0"]
    assert "i#m80" not in link


def _org(article: str, start: int, name: str, ner_label: str = "ORG", entity_type: str = "ORGANIZATION") -> Mention:
    return Mention(
        mention_id=f"{article}#m{start}", article_id=article, sentence_id=0, surface=name,
        char_start=start, char_end=start + len(name), ner_label=ner_label, entity_type=entity_type,
        kind="name", name=name,
    )


def test_a_company_is_one_body_with_or_without_its_legal_form():
    """ "Kmart Corp." and "Kmart" are one company; "Sears Holdings" is not "Sears"."""
    mentions = [_org("a", 0, "Kmart Corp."), _org("a", 40, "Kmart"), _org("a", 80, "Sears"), _org("a", 120, "Sears Holdings")]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m0"] == link["a#m40"]
    assert link["a#m80"] != link["a#m120"]


def test_a_holding_company_is_one_body_with_or_without_group():
    """ "Lenovo Group" and "Lenovo" are one company (corporate_suffixes: group)."""
    mentions = [_org("a", 0, "Lenovo"), _org("a", 40, "Lenovo Group"), _org("a", 80, "Altria Group"), _org("a", 120, "Altria")]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m0"] == link["a#m40"]
    assert link["a#m80"] == link["a#m120"] != link["a#m0"]


def test_a_party_is_one_body_with_or_without_the_word_party():
    """ "Veritas Party" and "Veritas" are one party; "Green Party" is no "Greenpeace"."""
    mentions = [_org("a", 0, "Veritas Party"), _org("a", 40, "Veritas"), _org("a", 80, "Greenpeace"), _org("a", 120, "Green Party")]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m0"] == link["a#m40"]
    assert link["a#m80"] != link["a#m120"]


def test_the_word_party_is_dropped_only_within_one_article():
    """ "Reform" (a think tank) in one article is no "Reform Party" in another, and a party's
    full name finds the gazetteer's entry ("Democratic Party" is the US party, not a new one)."""
    mentions = [_org("a", 0, "Reform"), _org("b", 0, "Reform Party"), _org("c", 0, "Democratic Party"),
                _org("d", 0, "Scottish National Party")]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m0"] != link["b#m0"]
    assert link["c#m0"] == "org:us-democratic-party"
    assert link["d#m0"] == "org:snp"


def _group(article: str, start: int, name: str) -> Mention:
    return _org(article, start, name, ner_label="NORP", entity_type="GROUP")


def test_one_people_named_three_ways_in_an_article_is_one_group():
    """ "the Kurdish population", "Kurdish Iraqis" and "the Kurds" of one article are one people,
    and "the Albanian minority" the "Albanians"; "Kurdish rebels" and "the Macedonian
    opposition" (a camp) stay apart, and so does "the Kurdish population" of another article
    that names no other form."""
    mentions = [
        _group("a", 0, "Kurdish population"), _group("a", 40, "Kurdish Iraqis"), _group("a", 80, "Kurds"),
        _group("a", 120, "Kurdish rebels"), _group("a", 160, "Sunni minority"), _group("a", 200, "Sunni Arabs"),
        _group("a", 240, "Sunni insurgents"),
        _group("b", 0, "Albanian minority"), _group("b", 40, "Albanians"), _group("b", 80, "Macedonian opposition"),
        _group("b", 120, "Macedonians"),
        _group("c", 0, "Turkish population"),
    ]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m0"] == link["a#m40"] == link["a#m80"] != link["a#m120"]
    assert link["a#m160"] == link["a#m200"] != link["a#m240"]
    assert link["b#m0"] == link["b#m40"]
    assert link["b#m80"] != link["b#m120"]
    assert link["c#m0"] != link["a#m0"]


def test_a_nation_noun_and_the_plural_demonym_are_one_people():
    """ "the British people" and "Britons" (an irregular plural: the stems "brit" and "briton"
    differ), "the American public" and "Americans" of one article are one people, keyed by
    the country the demonyms name."""
    mentions = [
        _group("a", 0, "British people"), _group("a", 40, "Britons"),
        _group("b", 0, "American public"), _group("b", 40, "Americans"),
    ]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m0"] == link["a#m40"]
    assert link["b#m0"] == link["b#m40"]


def test_a_group_with_more_modifiers_is_the_group_its_last_words_name():
    """ "large net service firms" and "net service firms" of one article are one group, and
    "Arbor Network" the "Arbor Networks" named beside it; "public sector unions" stays apart
    from "unions" (one word may be others), and so does a group of another article."""
    mentions = [
        _group("a", 0, "large net service firms"), _group("a", 40, "net service firms"),
        _group("a", 80, "public sector unions"), _group("a", 120, "unions"),
        _org("a", 160, "Arbor Networks"), _org("a", 200, "Arbor Network"),
        _group("b", 0, "large net service firms"),
    ]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m0"] == link["a#m40"]
    assert link["a#m80"] != link["a#m120"]
    assert link["a#m160"] == link["a#m200"]
    assert link["b#m0"] != link["a#m40"]


def _place(article: str, start: int, surface: str, name: str) -> Mention:
    return Mention(
        mention_id=f"{article}#m{start}", article_id=article, sentence_id=0, surface=surface,
        char_start=start, char_end=start + len(surface), ner_label="GPE", entity_type="LOCATION",
        kind="name", name=name,
    )


def test_a_one_word_place_joins_the_longer_place_only_when_written_alone():
    """ "Aceh" beside "Banda Aceh" is Banda Aceh; "Aceh province", named Aceh, stays the province."""
    mentions = [_place("a", 0, "Banda Aceh", "Banda Aceh"), _place("a", 40, "Aceh", "Aceh")]
    mentions += [_place("b", 0, "Banda Aceh", "Banda Aceh"), _place("b", 40, "Aceh province", "Aceh")]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m0"] == link["a#m40"]
    assert link["b#m0"] != link["b#m40"]


def test_a_one_word_place_joins_the_feature_or_building_it_opens():
    """ "Guantanamo" beside "Guantanamo Bay" and "Wembley" beside "Wembley Stadium" are those
    places; "Washington" beside "Washington State" (an area, not a feature) stays apart."""
    mentions = [_place("a", 0, "Guantanamo Bay", "Guantanamo Bay"), _place("a", 40, "Guantanamo", "Guantanamo")]
    mentions += [_place("b", 0, "Wembley Stadium", "Wembley Stadium"), _place("b", 40, "Wembley", "Wembley")]
    mentions += [_place("c", 0, "Washington State", "Washington State"), _place("c", 40, "Seattle", "Seattle")]
    mentions += [_place("c", 80, "Washington", "Washington")]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m0"] == link["a#m40"]
    assert link["b#m0"] == link["b#m40"]
    assert link["c#m0"] != link["c#m80"]


def test_a_bare_place_the_article_also_names_with_its_area_noun_stays_that_place():
    """ "Aceh" in an article that writes "Banda Aceh" and "Aceh province" is the province."""
    mentions = [_place("c", 0, "Banda Aceh", "Banda Aceh"), _place("c", 40, "Aceh", "Aceh")]
    mentions += [_place("c", 80, "Aceh province", "Aceh")]
    link = links_by_name(resolve_entities(mentions))
    assert link["c#m40"] == link["c#m80"] != link["c#m0"]


def test_the_corpus_less_used_gender_of_a_person_is_someone_else():
    """An article about Sandra Howard ("Mrs Howard" four times, "Mr Howard" once) must not
    make "Mrs Howard" an alias of Michael Howard, whom the corpus calls "Mr Howard". Where an
    article's short forms give both genders, "Michael" (a man's name) decides, however often
    it writes "Mrs Howard" (article d): "Mr Howard" is him, "Mrs Howard" someone else."""
    mentions = [
        person("d", 0, "Michael Howard", "Leader", "GBR"),
        person("d", 40, "Howard", surface="Mrs Howard"),
        person("d", 80, "Howard", surface="Mr Howard"),
        person("d", 120, "Howard", surface="Mrs Howard"),
        person("d", 160, "Howard", surface="Mrs Howard"),
        person("a", 0, "Michael Howard", "Leader", "GBR"),
        person("a", 40, "Howard", surface="Mrs Howard"),
        person("a", 80, "Howard", surface="Mrs Howard"),
        person("a", 120, "Howard", surface="Mr Howard"),
        person("b", 0, "Michael Howard", "Leader", "GBR"),
        person("b", 40, "Howard", surface="Mr Howard"),
        person("b", 80, "Howard", surface="Mr Howard"),
        person("c", 0, "Michael Howard", "Leader", "GBR"),
        person("c", 40, "Howard", surface="Mr Howard"),
    ]
    res = resolve_entities(mentions)
    link = links_by_name(res)
    assert link["a#m40"] == link["a#m80"] != link["a#m0"]
    assert link["a#m0"] == link["b#m0"] == link["c#m40"] == link["d#m80"] == link["d#m0"]
    assert link["d#m40"] == link["d#m120"] == link["d#m160"] != link["d#m0"]
    for row in res.entities:
        assert not ({"Mr Howard", "Mrs Howard"} <= set(row["aliases"])), row


def test_an_untied_post_nobody_holds_is_the_person_the_article_opens_on():
    """ "Patricia Hewitt has said … The minister said" with no one in the article holding the
    post: the story's subject, the one person named before it, who holds no other post. Not
    someone introduced with a post of their own, and not one of two people named before it
    (bbc-news/politics/hewitt-decries-career-sexism.txt has the construction)."""
    mentions = [
        person("a", 0, "Patricia Hewitt"),
        _untied("a", 80, "Trade Secretary", "trade secretary"),
        person("b", 0, "Patricia Hewitt"),
        person("b", 40, "Alan Milburn"),
        _untied("b", 80, "Trade Secretary", "trade secretary"),
        person("c", 0, "Liam Fox", "Co-Chairman", "GBR"),
        _untied("c", 40, "Trade Secretary", "trade secretary"),
    ]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m80"] == link["a#m0"]
    assert "b#m80" not in link
    assert "c#m40" not in link


def test_a_family_name_written_first_is_the_person_it_begins():
    """ "Mr Hu" after "Hu Jintao" is Hu Jintao (a family name written first); "Mr Gordon" is
    not Gordon Brown, whose first word is a common given name."""
    mentions = [person("a", 0, "Hu Jintao", "President", "CHN"), person("a", 40, "Hu", surface="Mr Hu")]
    mentions += [person("b", 0, "Gordon Brown", "Chancellor", "GBR"), person("b", 40, "Gordon", surface="Mr Gordon")]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m0"] == link["a#m40"]
    assert link["b#m0"] != link["b#m40"]


@pytest.mark.parametrize(
    "text",
    ["He joined the Communist Party of the", "He joined the Communist Party of", "The Daily Telegraph Sunday Review"],
)
def test_a_text_ending_inside_a_name_is_read_whole(text):
    """A body's name cut off by the end of the text ("… Party of the") is read without
    looking past the last token: the article keeps its other mentions."""
    mentions = detect_mentions(build_context("cut-off", text))
    assert all(0 <= m.char_start < m.char_end <= len(text) for m in mentions)


def test_a_peoples_noun_after_a_country_is_that_people_in_the_article():
    """ "UK Muslims" and "British Jews" beside "Muslims" and "the Jewish community" of one article
    are one people each (a country's name or adjective says where they live); "British Muslims"
    of an article that names no other form stays apart, and "British soldiers" is no people;
    "Gypsy communities" beside "Gypsies" is one people too (a plural in -ies)."""
    mentions = [
        _group("a", 0, "UK Muslims"), _group("a", 40, "Muslims"),
        _group("b", 0, "British Jews"), _group("b", 40, "Jewish community"),
        _group("c", 0, "British Muslims"), _group("c", 40, "British soldiers"),
        _group("d", 0, "Gypsy communities"), _group("d", 40, "Gypsies"),
    ]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m0"] == link["a#m40"]
    assert link["b#m0"] == link["b#m40"]
    assert link["c#m0"] != link["a#m0"]
    assert link["c#m0"] != link["c#m40"]
    assert link["d#m0"] == link["d#m40"]  # "gypsies" is the people "gypsy" names, as "kurds" is "kurd"


def test_spellings_of_one_peoples_name_are_one_group():
    """ "Shiites", "Shia Muslims" and "the Shia majority" of one article are one community
    (people_spellings: "shia" and "shiite"), "Uighurs" and "the Uyghur community" one people,
    and "the Sunni" the "Sunnis"; "Sunni Muslims" beside "Muslims" stay apart (a branch of the
    faith, not the whole)."""
    mentions = [
        _group("a", 0, "Shiites"), _group("a", 40, "Shia Muslims"), _group("a", 80, "Shia majority"),
        _group("b", 0, "Uighurs"), _group("b", 40, "Uyghur community"),
        _group("c", 0, "Sunni"), _group("c", 40, "Sunnis"),
        _group("d", 0, "Sunni Muslims"), _group("d", 40, "Muslims"),
    ]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m0"] == link["a#m40"] == link["a#m80"]
    assert link["b#m0"] == link["b#m40"]
    assert link["c#m0"] == link["c#m40"]
    assert link["d#m0"] != link["d#m40"]


def test_a_states_agents_named_by_its_name_or_demonym_are_one_group():
    """ "UK troops" and "British troops" of one article are one national group (the state's
    troops), and so are "French peacekeepers" and "French soldiers" (armed_force_nouns);
    "British detainees" beside "UK troops" is another, and so are "Spanish troops"."""
    mentions = [
        _group("a", 0, "UK troops"), _group("a", 40, "British troops"), _group("a", 80, "British detainees"),
        _group("b", 0, "French peacekeepers"), _group("b", 40, "French soldiers"), _group("b", 80, "Spanish troops"),
    ]
    link = links_by_name(resolve_entities(mentions))
    assert link["a#m0"] == link["a#m40"] != link["a#m80"]
    assert link["b#m0"] == link["b#m40"] != link["b#m80"]


def test_a_minute_is_decimal_digits_only():
    """ "²" passes `str.isdigit` but not `int`: read as a minute it stopped the article's extraction."""
    from spacy.tokens import Doc

    from pipeline.nlp.mentions.people import _minute
    from pipeline.nlp.model import load_nlp
    from pipeline.nlp.token_view import TokenView

    view = TokenView(Doc(load_nlp().vocab, words=["Bergkamp", "68", "Smith", "²", "Jones", "121"]))
    assert [_minute(view, k) for k in range(len(view))] == [False, True, False, False, False, False]
