"""Candidates from the entity ruler and statistical NER, typed by how the sentence uses them.

This is the pass: each NER span is trimmed of markup and stray words (`ner_spans`), then
typed by the evidence the modules beside it weigh, in order of strength. A gazetteer span
keeps its id and is read by its use (`gazetteer_hits`: a capital used as an actor becomes
its country, kind `metonym`; a demonym adjective its country, kind `demonym`); peoples and
nationalities are GROUPs (`groups`); posts and their remits name no body (`post_words`);
events, laws, works and sites are named things (`named_things`); and the words that make a
span a body's name or a person's are in `org_names` and `people`. NER spans are split from
titles and honorifics and dropped when they are only a title ("the Cardinal" typed ORG) or
part of one ("Canterbury" in "Archbishop of Canterbury"). Names NER left untagged come from
`untagged_names`, `org_names` and `sovereigns`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from pipeline.nlp.mentions.article_words import capitalised_common_noun, lowered_words, word_positions
from pipeline.nlp.mentions.context import (
    NER_LABELS,
    THING_OF_LABEL,
    TYPE_OF_LABEL,
    UNRESOLVED,
    Candidate,
    MentionContext,
    clean_spaces,
    ents_covering,
)
from pipeline.nlp.mentions.gazetteer_hits import gazetteer_candidate, short_country_demonym, short_country_name
from pipeline.nlp.mentions.groups import followers_or_dwellers, members_named, people_phrase
from pipeline.nlp.mentions.kinds import known_place, shaped_like_a_person
from pipeline.nlp.mentions.name_context import (
    bare_chamber,
    chamber_named,
    law_word_after,
    named_among_people,
    noun_before_a_name,
    opens_a_body,
    series_label,
)
from pipeline.nlp.mentions.named_things import (
    code_name,
    facility_name,
    law_name,
    listed_product,
    maker_before_product,
    named_thing,
    operation_name,
    premises_place,
    product_name,
    the_before,
    thing_naming_a_person,
    vessel_start,
)
from pipeline.nlp.mentions.ner_spans import (
    acronym,
    across_a_hyphen,
    after_inverted_verb,
    ampersand_name,
    before_a_score,
    before_markup,
    belief_name,
    common_abbreviation,
    expands_common_abbreviation,
    loose_preposition,
    opening_group_noun,
    opening_premodifier,
    pair_named_apart,
    repeated_head_pair,
    sentence_case_word,
)
from pipeline.nlp.mentions.org_names import (
    adjectives_opening,
    bodies_by_their_noun,
    body_then_holder,
    country_of_body,
    demonym_led_bodies,
    described_body,
    description_start,
    leaders_government,
    legal_form_end,
    maker_of_product,
    site_name,
    untagged_bodies,
    untagged_sites,
)
from pipeline.nlp.mentions.parties import party_branch
from pipeline.nlp.mentions.people import (
    completes_title,
    is_bare_title,
    listed_player,
    person,
    playing_minute,
    starts_title,
    titled_name,
)
from pipeline.nlp.mentions.post_words import (
    country_of_a_remit,
    is_title_phrase,
    listed_remit,
    modifies_the_post_after,
    party_portfolio,
    portfolio,
    post_after_a_qualifier,
    post_place,
    qualifies_a_post,
    remit_after_a_country,
)
from pipeline.nlp.mentions.sovereigns import sovereigns
from pipeline.nlp.mentions.untagged_names import (
    untagged_given_names,
    untagged_known_places,
    untagged_listed_bodies,
    untagged_listed_places,
    untagged_members_seats,
    untagged_names,
    untagged_owning_places,
)
from pipeline.nlp.mentions.vocabulary import (
    BODY_HEADS,
    BUILDING_HEADS,
    EVENT_HEADS,
    GIVEN_NAMES,
    HOLIDAYS,
    HONORIFICS,
    LAW_HEADS,
    NAME_PREFIXES,
    NUMBERED_EVENT_HEADS,
    ORG_HEADS,
    ORG_NOUNS,
    POST_NOMINALS,
    REGION_ADJECTIVES,
    SEE_TITLES,
    UNIT_WORDS,
    WORLD_NAMES,
    is_body_word,
)
from pipeline.nlp.syntax import trim_tokens
from pipeline.nlp.token_view import view_of


def entity_candidates(mc: MentionContext) -> list[Candidate]:
    out = []
    for ent in view_of(mc.doc).ents:
        if ent.label_ not in NER_LABELS:
            continue
        # "the Duchy of Lancaster and Duchy of Cornwall", "UPS and Deutsche Post": two names
        if parts := repeated_head_pair(ent) or pair_named_apart(ent):
            out.extend(c for part in parts if (c := _classify(mc, part)) is not None)
            continue
        split = body_then_holder(mc, ent)
        if split:
            out.extend(split)
            continue
        candidate = _classify(mc, ent)
        if candidate is not None:
            out.append(candidate)
    return (
        out + untagged_names(mc) + untagged_given_names(mc) + untagged_bodies(mc) + demonym_led_bodies(mc)
        + bodies_by_their_noun(mc) + untagged_listed_places(mc) + untagged_listed_bodies(mc) + untagged_sites(mc)
        + untagged_owning_places(mc) + untagged_known_places(mc) + untagged_members_seats(mc) + sovereigns(mc)
    )


# the tags of a sentence's first word that no name takes: a participle or an adverb ("Choking
# traffic jams", "Symbolically, …"); a name the tagger reads as a proper noun ("Manning said") is left
OPENING_WORD_TAGS = frozenset({"VBG", "RB"})


def _opening_participle(doc, start: int, end: int) -> bool:
    """ "Entering Westminster in 1983, he …", "Leaving Baghdad, the convoy …": a participle
    opening the sentence is no part of the name NER ran it into when it governs the rest of
    the span (its object); or, where the parser hung it on the name as a compound, when the
    main clause's subject follows the name's comma ("Entering Westminster, he came to share
    …", not a relative pronoun: "Reading Borough Council, which …") or the rest of the span
    stands on its own elsewhere in the article ("his first attempt to enter Westminster"); a
    name's own first word is tagged a proper noun."""
    first = doc[start]
    if not first.is_sent_start or not first.is_title or first.tag_ != "VBG":
        return False
    if any(doc[k].head.i == start and doc[k].dep_ in ("dobj", "attr", "oprd") for k in range(start + 1, end)):
        return True
    after = doc[end + 1] if end + 1 < len(doc) else None
    if after is not None and doc[end].text == "," and after.dep_ == "nsubj" and after.head.dep_ == "ROOT":
        return True
    return any(k != start + 1 for k in word_positions(doc).get(doc[start + 1].text, ()))


def _hyphenated_place_end(doc, end: int) -> int:
    """Where a name written on with hyphens and no space ("Stockton" + "-on-Tees",
    "Stratford" + "-upon-Avon") ends; `end` itself when nothing is joined to it."""
    k = end
    while k + 1 < len(doc) and doc[k - 1].whitespace_ == "" and doc[k].text == "-" and doc[k + 1].is_alpha:
        k += 2
    return k


def _law_named_after(mc: MentionContext, start: int) -> bool:
    """ "the Treaty of Amsterdam", "the Convention of Geneva": a place right after a capitalised
    law word (law_heads) and "of" names the law, not a place the text speaks of."""
    doc = mc.doc
    return (
        start >= 2
        and doc[start - 1].lower_ == "of"
        and doc[start - 2].is_title
        and doc[start - 2].lower_ in LAW_HEADS
        and mc.in_sections(start - 2, start)
    )


def _party_label(mc: MentionContext, span) -> bool:
    """ "Liberal Wilson Tuckey" typed ORG: a party member's label, then a capitalised
    given name and surname, where the article names the party by the label's plural ("the
    Liberals") or with "party" after it; the party of the label is named elsewhere, and the
    rest is the member."""
    label, first, last = span[0], span[1], span[2]
    if not (label.is_title and first.is_title and last.is_title and first.pos_ == "PROPN" and last.pos_ == "PROPN"):
        return False
    if any(t.lower_ in ORG_HEADS or t.lower_ in ORG_NOUNS or is_body_word(t.lower_) for t in span[1:]):
        return False  # "Kennedy Space Center", "Ford Motor Company": one body's name
    if mc.gaz.demonym_country(label.text) is not None or mc.gaz.by_alias(label.text) is not None:
        return False  # "the Greek National Line" beside "Greeks": a nationality, no party's label
    plural, word = label.lower_ + "s", label.lower_
    view = view_of(mc.doc)
    lower, n = view.lower, len(view)
    return any(  # every word of the article, read on the view
        lower[i] == plural and view.is_title[i] or lower[i] == word and i + 1 < n and lower[i + 1] == "party"
        for i in range(n)
        if i != label.i
    )


def _first_of_joined_labels(view, start: int, end: int) -> int:
    """ "the Liberal/National party coalition government" typed one body: two party labels
    joined by a slash, then common nouns, describe an alliance, no body's name; the first
    label names its party ("CDU/CSU", whose parts NER tags apart, is left be)."""
    for k in range(start + 1, end - 2):
        if view.text[k] == "/" and view.is_title[k - 1] and view.is_title[k + 1]:
            if k - 1 == start and all(view.is_lower[j] for j in range(k + 2, end)):
                return k
            return end
    return end


def _capital_favoured(mc: MentionContext, start: int, name: str) -> str | None:
    """ISO3 of the state whose capital `name` is, written after "pro-" or "anti-" ("a
    pro-Moscow candidate", "anti-Washington protests"): favouring or opposing a capital is
    favouring or opposing its government, the capital as an actor (eval/GUIDE.md)."""
    view = view_of(mc.doc)
    if start < 2 or view.text[start - 1] != "-" or view.lower[start - 2] not in NAME_PREFIXES:
        return None
    if view.lower[start - 2] == "non":
        return None  # "non-London firms": outside the place, no state's position
    return mc.gaz.capital_country(name)


def _before_a_named_person(doc, end: int) -> bool:
    """A person's name NER found right after `end`, opening with a given name."""
    if end >= len(doc):
        return False
    after = doc[end]
    return after.ent_type_ == "PERSON" and after.ent_iob_ == "B" and after.lower_ in GIVEN_NAMES


# NER labels a player listed by initials and surname gets instead of PERSON (listed_player)
_PLAYER_MISREAD_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"})


def _classify(mc: MentionContext, ent: Span) -> Candidate | None:
    label, ent_id = ent.label_, ent.ent_id_  # read once: each read of a Span's id looks its string up
    start, end = trim_tokens(ent)
    whole = end
    end = before_markup(mc.doc, start, end)
    if label in ("ORG", "PERSON", "GPE", "LOC", "FAC", "NORP"):
        end = before_a_score(mc.doc, start, end)  # "the St. Louis Blues 4–3": the team, not the score
    if label in ("ORG", "FAC", "LOC") and end == whole:
        end = whole = across_a_hyphen(mc.doc, end)  # "the Japan Maritime Self-Defense Force" cut at "Self"
    view = view_of(mc.doc)
    negated = end - start > 2 and view.lower[start] in NAME_PREFIXES and view.text[start + 1] == "-"
    if negated and view.lower[start] != "non":
        # "pro-Moscow" only when the rest is a known name: "Anti-Slavery International" is one body
        negated = mc.gaz.by_alias(clean_spaces(view.span_text(start + 2, end))) is not None
    if negated:
        start += 2  # "Non-European Union citizens", "non-EU staff", "pro-Moscow": the name is the one after the prefix
    if start >= end or not mc.in_sections(start, end):
        return None
    start, end = after_inverted_verb(mc, start, end)
    if label == "ORG":
        end = _first_of_joined_labels(view, start, end)
    opened = start
    while end - start > 1 and view.pos[start] == "ADP" and mc.doc[start].is_sent_start and view.is_title[start]:
        start += 1  # "Across Wales, thousands …" typed PERSON: the sentence's preposition is no part of the name
    if end - start > 1 and _opening_participle(mc.doc, start, end):
        start += 1  # "Entering Westminster, he …", "Leaving Baghdad, the convoy …" typed PERSON
    if end - start > 1 and label == "ORG" and modifies_the_post_after(mc, start, end):
        start += 1  # "New Metropolitan Police Commissioner Sir Ian Blair": "new" is the post's, not the body's
    while (
        end - start > 1
        and label in ("ORG", "FAC", "GPE", "LOC")
        and view.pos[end - 1] == "ADP"  # what `loose_preposition` asks first, without a Token
        and loose_preposition(mc.doc[end - 1])
    ):
        end -= 1  # "the Scottish Local Authority Management Centre at Strathclyde University"
    span = mc.doc[start:end]
    text = clean_spaces(view.span_text(start, end))
    if not any(c.isalpha() for c in text):
        return None
    capital_of = _capital_favoured(mc, start, text)
    if capital_of is not None:  # "pro-Moscow", "anti-Washington": the capital stands for its state
        return gazetteer_candidate(mc, span, "GPE", mc.gaz.country(capital_of).entity_id)
    if common_abbreviation(text):
        return None  # "RFID" typed PERSON, "AI" typed GPE, "VAT" typed ORG: a common noun, no name
    if not ent_id and len(span) > 1 and expands_common_abbreviation(mc.doc, start, end):
        return None  # "Personal Digital Assistants (PDAs)" typed ORG: the common noun written in full
    player = listed_player(mc, span) if not ent_id and label in _PLAYER_MISREAD_LABELS else None
    if player is not None:  # "W Servat, J Milloud, G Lamboley" in a team sheet typed ORG or GPE
        # the team sheet is the evidence: priority 2 keeps settle_types' article-wide vote off it
        found = person(mc, mc.doc[player:end], "PERSON")
        return None if found is None else replace(found, priority=2)
    if not ent_id and len(span) == 1 and span[0].is_upper and view.lower[start] in POST_NOMINALS:
        return None  # "a QC, Christopher Greenwood", "Richard Mawrey, QC told" typed GPE: a rank, no place
    if label in ("GPE", "LOC") and end == whole and _law_named_after(mc, start):
        # "the Treaty of Amsterdam", "the Treaty of Rome": the treaty (no annotated kind), no place
        law = mc.doc[start - 2 : end]
        return named_thing(mc, law, "LAW", clean_spaces(law.text))
    if not ent_id and belief_name(text) and (start == 0 or mc.doc[start - 1].lower_.rstrip(".") not in HONORIFICS):
        return None  # "Islam", "Islamophobia" typed ORG: a belief, no body; "Mr Islam" is a person
    if not ent_id and label in ("GPE", "LOC") and text.lower() in WORLD_NAMES:
        return None  # "an impact with a near-Earth object": the planet, no place (world_names)
    vessel = vessel_start(mc.doc, start, end)
    if vessel is not None:  # "the MV Filitsa" typed ORG, "RMS Lusitania": a ship, no body, place or country
        return named_thing(mc, mc.doc[vessel:end], "PRODUCT", clean_spaces(mc.doc[vessel:end].text))
    joined = _hyphenated_place_end(mc.doc, end)
    if joined > end and known_place(mc.doc[start:joined].text):
        # "Stockton-on-Tees" of which NER typed "Stockton" a person: the town, written whole
        return Candidate(start, joined, "GPE", "LOCATION", "name", mc.doc[start:joined].text, 1)
    if not ent_id and sentence_case_word(mc, span):
        return None  # "Broadband has become hugely competitive" typed GPE
    if not ent_id and label not in ("GPE", "LOC") and not known_place(text) and opening_premodifier(mc, span):
        # "Media giant Viacom", "House prices fell" typed ORG: a common word before its noun; a
        # place NER or the places list knows stays ("Hollywood actors", "Manchester band Doves")
        return None
    if not ent_id and len(span) == 1 and view.sent_start[start] and view.tag[start] in OPENING_WORD_TAGS:
        return None  # "Choking traffic jams …" typed PERSON: a participle or adverb opening the sentence
    if opening_group_noun(span):
        return None  # "Farmers protested outside parliament" typed ORG: people acting, no name
    if len(span) == 1 and view.lower[start] in UNIT_WORDS and start > 0 and mc.doc[start - 1].like_num:
        return None  # "at 1900 GMT", "384 Kbps": a unit, no name
    if len(span) == 1 and view.lower[start].rstrip(".") in HONORIFICS and not span[0].is_upper and not ent_id:
        return None  # "Mr" of "Mr Justice Sullivan" typed GPE: an honorific alone names nobody
    if text.lower() in REGION_ADJECTIVES and label in ("PERSON", "ORG"):
        return None  # "English, Scottish or Welsh" typed PERSON: a nation's adjective names nobody
    if label in ("GPE", "LOC", "ORG", "FAC") and _styled_after(mc.doc, start):
        return None  # "the Prince of Wales", "the Duke of Edinburgh": the place is part of a style
    if label == "ORG" and party_portfolio(mc, span):
        return None  # "the Lib Dems' Treasury spokesman": the party's portfolio, no body
    if ent_id:
        branch = party_branch(mc, span, ent_id) if label == "ORG" else None
        if branch is not None:
            return branch  # "the Scottish Conservative Party": the party's branch, a body of its own
        of_country = country_of_body(mc, span) if label == "ORG" else None
        if of_country is not None:
            return _body_of_a_country(mc, span, ent_id, of_country)
        return gazetteer_candidate(mc, span, label, ent_id)
    minute = playing_minute(mc, span) if label in THING_OF_LABEL or label == "PERSON" else None
    if minute is not None:  # "Van Persie (Bergkamp 68)" typed LAW: the player, without the minute
        found = person(mc, mc.doc[start:minute], "PERSON")
        return None if found is None else replace(found, priority=2)
    if listed_product(span):
        return named_thing(mc, span, "PRODUCT", text)  # "Windows XP" typed a place, "iPod" a firm
    maker = maker_before_product(span) if label == "ORG" else None
    if maker is not None:  # "Microsoft Windows", "Mozilla Firefox": the maker, the product after it no part of its name
        return Candidate(start, start + maker, label, "ORGANIZATION", "name", clean_spaces(span[:maker].text), 1)
    if code_name(mc, span):
        # "codenamed Xenon": this mention only (priority 2), since a one-word code name is as
        # often a person's or a place's name the article uses elsewhere ("codenamed Denver")
        thing = named_thing(mc, span, "PRODUCT", text)
        return None if thing is None else replace(thing, priority=2)
    known = mc.gaz.by_alias(text) if negated or end < whole or start > opened else None
    if known is not None:
        return gazetteer_candidate(mc, span, label, known.entity_id)
    iso3 = mc.gaz.demonym_country(text) if end < whole else None
    if iso3 is not None:  # "many Canadians &mdash;" typed ORG with the markup: the demonym, as NORP
        return gazetteer_candidate(mc, span, "NORP", mc.gaz.country(iso3).entity_id)
    if label == "ORG" and leaders_government(mc, span):
        return None  # "the Bush Administration": the national government, no body of its own
    if label in ("ORG", "GPE", "NORP", "LOC", "PERSON") and listed_remit(mc, span):
        return None  # "Culture, Media and Sport Secretary Tessa Jowell": the post's remit, no body
    if label == "ORG" and remit_after_a_country(mc, span):
        return None  # "Zambia's Agriculture Minister": the country's post, its remit no body
    remit_of = country_of_a_remit(mc, span) if label == "ORG" else None
    if remit_of is not None:  # "the Belgian Development Aid minister": the country's post, no body
        return gazetteer_candidate(mc, span[:1], "NORP", remit_of)
    if (
        label in ("GPE", "LOC", "FAC", "PERSON", "ORG", "NORP")
        and len(span) == 1
        and followers_or_dwellers(mc, span[0])
    ):
        return Candidate(start, end, "NORP", "GROUP", "name", text, 1)  # "Thatcherites", "Londoners", "Rastafarians"
    shortened = short_country_name(mc, span) if label in ("GPE", "ORG", "LOC") else None
    if shortened is not None:
        return gazetteer_candidate(mc, span, "GPE", shortened)  # "Korea" where the article names South Korea
    shortened = short_country_demonym(mc, span) if label == "NORP" else None
    if shortened is not None:  # "Congolese" where the article names the Democratic Republic of Congo
        return gazetteer_candidate(mc, span, "NORP", shortened)
    if label != "NORP" and len(span) > 1 and people_phrase(mc, span):
        iso3 = mc.gaz.demonym_country(span[-1].text)
        return Candidate(start, end, "NORP", "GROUP", "name", text, 2, country_iso3=iso3)
    if label in ("PERSON", "ORG", "WORK_OF_ART") and members_named(mc, span):
        return Candidate(start, end, "NORP", "GROUP", "name", text, 1)  # "members of the Stolen Generations"
    post_at = post_after_a_qualifier(mc, span)
    if post_at is not None:  # "Queensland Premier, Peter Beattie": a post, named by where it is
        return post_place(mc, span[:post_at])
    if label in ("WORK_OF_ART", "PRODUCT") and len(span) == 1 and known_place(text):
        # "from Ledbury, Herefordshire" typed PRODUCT, "Hartpury, Gloucestershire" WORK_OF_ART: a
        # town or county of the places list is no work or product; the place, its type left to the
        # evidence of its words as for any name NER typed a place
        return Candidate(start, end, "GPE", "LOCATION", "name", text, 1)
    if label in THING_OF_LABEL and thing_naming_a_person(mc, span, label):
        return person(mc, span, "PERSON")  # "Dr Gillingwater" typed WORK_OF_ART after "Dr David Gillingwater"
    if label in THING_OF_LABEL:
        return named_thing(mc, span, label, text)
    of_country = country_of_body(mc, span) if label == "ORG" else None
    if of_country is not None:  # "the Liberal Party of Kenya": one body, not a party and a country
        name = clean_spaces(mc.doc[start:of_country].text)
        return Candidate(start, of_country, label, "ORGANIZATION", "name", name, 3)
    if view.lower[end - 1] in ("of", "for", "and", "de") and label in ("ORG", "FAC", "LOC"):
        # "Bank of" + the ruler's "England": NER stopped where the gazetteer span began.
        following = next((e for e in ents_covering(mc.doc, end) if e.start == end), None) if end < len(mc.doc) else None
        if following is None or not following.ent_id_ or not mc.in_sections(start, following.end):
            return None
        text = clean_spaces(mc.doc[start : following.end].text)
        return Candidate(start, following.end, label, TYPE_OF_LABEL[label], "name", text, 3)
    if (
        len(span) >= 3
        and (
            view.lower[start + 1] in GIVEN_NAMES and capitalised_common_noun(span[0], lowered_words(mc.doc))
            or noun_before_a_name(span)
        )
    ):
        return person(mc, span[1:], "PERSON")  # "Bowler Shane Warne" typed ORG, "Model Sophie Anderton"
    if label == "ORG" and len(span) == 3 and _party_label(mc, span):
        return person(mc, span[1:], "PERSON")  # "Liberal Wilson Tuckey" where the article names "the Liberals"
    if label == "PERSON" and len(span) == 1 and view.sent_start[start] and _before_a_named_person(mc.doc, end):
        return None  # "Campaigner Peter Tatchell": the word NER typed a person of its own describes the next
    for k in range(start, end - 1):  # "Commons after Mr Brown", "Mr Blair" typed ORG
        if view.lower[k] in HONORIFICS and view.text[k][0].isupper() and view.text[k + 1][:1].isupper():
            return person(mc, span[k - start :], label)
    if is_bare_title(mc, span) or completes_title(mc, start, end) or portfolio(mc, span):
        return None  # "the Cardinal" typed ORG; "Canterbury" in "Archbishop of Canterbury"
    if label in ("ORG", "GPE", "NORP", "FAC") and starts_title(mc, start, end):
        return None  # "Home" of "the Home Secretary's plans"
    if (
        label in ("ORG", "FAC", "GPE", "LOC", "NORP")
        and len(span) > 1
        and (
            view.lower[end - 1] in EVENT_HEADS
            or view.lower[end - 1] in NUMBERED_EVENT_HEADS and any(t.like_num or t.text[:1].isdigit() for t in span)
        )
        and view.is_title[end - 1]
        and not mc.gaz.by_alias(text)
    ):
        return Candidate(start, end, "EVENT", "EVENT", "name", text, 1)  # "the Third South American Summit"
    if label in ("ORG", "FAC", "GPE", "LOC", "NORP", "PERSON") and operation_name(span):
        return Candidate(start, end, "EVENT", "EVENT", "name", text, 1)  # "Operation Condor" typed a body
    if series_label(mc.doc, span):
        return None  # "qualified from Group A", "a Grade C drug", "the Group B game": a place in a series, no body
    if len(span) == 1 and view.lower[start] in HOLIDAYS:
        return Candidate(start, end, "EVENT", "EVENT", "name", text, 1)  # "the Easter recess" typed a place
    chamber = chamber_named(mc, span) if label == "ORG" else None
    if chamber is not None:  # "all sides of the House" beside "the House of Commons": that chamber
        if chamber.ent_id_:
            return gazetteer_candidate(mc, span, label, chamber.ent_id_)
        return Candidate(start, end, label, "ORGANIZATION", "name", clean_spaces(chamber.text), 1)
    if label == "ORG" and bare_chamber(mc.doc, span):
        return None  # "his guide dog threw up in the Chamber": the room, where no chamber is named in full
    if label in ("ORG", "FAC", "GPE", "LOC", "NORP", "PERSON") and law_name(mc, span, text):
        return Candidate(start, end, "LAW", "LAW", "name", text, 1)  # "the Prevention of Terrorism Bill"
    if label in ("ORG", "FAC", "GPE", "LOC", "NORP") and law_word_after(mc, span, text):
        law = clean_spaces(mc.doc[start : end + 1].text)
        return Candidate(start, end + 1, "LAW", "LAW", "name", law, 1)  # "the Mental Capacity" + "Bill"
    if (
        label in ("FAC", "GPE", "LOC")
        and len(span) > 1
        and view.is_title[end - 1]
        and view.lower[end - 1] in BODY_HEADS
    ):
        return Candidate(start, end, "ORG", "ORGANIZATION", "name", text, 1)  # "Asia-Pacific Economic Cooperation"
    building = view.lower[end - 1] in BUILDING_HEADS and (len(span) > 1 or the_before(mc, start))
    if label in ("PERSON", "ORG", "FAC", "GPE") and building:
        return Candidate(start, end, "FAC", "LOCATION", "name", text, 1)  # "Westminster Cathedral", "up to the Palace"
    if label in ("PERSON", "ORG") and facility_name(span):
        return Candidate(start, end, "FAC", "LOCATION", "name", text, 1)  # "Three Gorges Dam", "McMurdo Station"
    if label in ("PERSON", "ORG", "GPE", "LOC") and premises_place(span):
        # "the Rover factory in Longbridge" typed ORG: the place, over the evidence of its words
        return Candidate(start, end, label if label in ("GPE", "LOC") else "GPE", "LOCATION", "name", text, 3)
    if label == "PERSON" and len(span) > 1 and view.is_title[end - 1] and is_body_word(view.lower[end - 1]):
        return Candidate(start, end, "ORG", "ORGANIZATION", "name", text, 1)  # "Paws Incorporated" typed PERSON
    if label == "PERSON" and view.lower[start] not in GIVEN_NAMES and qualifies_a_post(mc, end):
        return None  # "Nottingham City" of "Nottingham City Councillor Brian Parbutt": no person
    if label == "PERSON" and product_name(mc, span):
        return named_thing(mc, span, "PRODUCT", text)  # "Xbox 2", "MSN Messenger" typed PERSON
    if label == "PERSON" or label in ("ORG", "GPE", "NORP", "FAC") and shaped_like_a_person(span):
        return person(mc, span, "PERSON")
    if label == "ORG" and named_among_people(mc, span, text):
        return person(mc, span, "PERSON")  # "Meryl Streep, Morgan Freeman and Cate Blanchett": the last typed ORG
    if label in ("ORG", "GPE", "NORP", "FAC"):
        titled = titled_name(mc, start, end)
        if titled is not None:
            return person(mc, titled, "PERSON")
    if "," in view.text[start:end] and not (label == "ORG" and legal_form_end(span)):
        return None  # "Gray, Brown": a list NER took for one name; not "Sears, Roebuck & Co."
    if label == "NORP":
        if view.tag[end - 1] in ("NNPS", "NNS") and text[0].isupper() and text.endswith("s"):
            return Candidate(start, end, label, "GROUP", "name", text, 1)
        # "Soviet", "Western" are no actor on their own; kept only if it turns out to
        # be a surname NER typed NORP ("Mirzoyan"), see _fix_person_names.
        return Candidate(start, end, label, UNRESOLVED, "name", text, 1)
    if all(t.is_lower or not (t.is_alpha or ampersand_name(t) or site_name(t)) for t in span):
        return None
    if label == "ORG" and is_title_phrase(mc, span):
        return None  # "Minister of Agriculture & Co-Operatives": a post, not a body
    if (
        label == "ORG"
        and len(span) > 2
        and view.lower[end - 1] in mc.role_words
        and view.lower[end - 2] not in mc.role_words
    ):
        # "Conservative Party Co-Chairman": the body is the name without the post
        k = len(span) - 1
        while k > 1 and span[k - 1].lower_ in mc.role_words:
            k -= 1
        body = span[:k]
        # the words after the body must be a post ("Co-Chairman"), not a body's last word that
        # only a longer post holds ("Congress" of "Member of Congress": "Trades Union Congress")
        if body[-1].lower_ in ORG_HEADS and mc.gaz.match_role(span[k:].text) is not None:
            return Candidate(start, body.end, label, "ORGANIZATION", "name", clean_spaces(body.text), 1)
    if len(span) == 1 and view.pos[start] in ("ADJ", "ADV", "VERB", "AUX", "PRON", "DET") and not acronym(span[0]):
        return None  # "Parliamentary": NER noise; "CBI" of "CBI chief economist", tagged ADJ, is a name
    if label == "ORG" and maker_of_product(mc, span):
        # "Apple iPod", "the Google knol": the maker, the product after it no part of its name
        return Candidate(start, end - 1, label, "ORGANIZATION", "name", clean_spaces(span[:-1].text), 1)
    if label == "ORG" and described_body(mc, span):
        text = clean_spaces(span[:-1].text)  # "the Renamo party", "the Kommersant newspaper": the name, described
    elif label == "ORG" and (described := description_start(span)) < len(span):
        text = clean_spaces(span[:described].text)  # "the Associated Press news agency"
    opened = adjectives_opening(mc, span) if label == "ORG" else start
    if opened < start:  # "the American Jewish Congress", "an English Defence League march"
        return Candidate(opened, end, label, "ORGANIZATION", "name", clean_spaces(mc.doc[opened:end].text), 2)
    if label in ("GPE", "LOC") and opens_a_body(mc, span, text):
        return Candidate(start, end, "ORG", "ORGANIZATION", "name", text, 1)  # "Arbor" beside "Arbor Networks"
    return Candidate(start, end, label, TYPE_OF_LABEL[label], "name", text, 1)


def _styled_after(doc, start: int) -> bool:
    """A place right after "<title> of", the title one a royal, peer or prelate is styled by
    (see_titles: "the Prince of Wales", "Diana, princess of Wales")."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in SEE_TITLES


def _body_of_a_country(mc: MentionContext, span: Span, entity_id: str, end: int) -> Candidate | None:
    """ "the Democratic Party of Japan", "the Labour Party of Norway": a body the gazetteer
    knows by its short name ("Democratic Party", the US party), followed by "of" and another
    country, is that country's own body, one name the gazetteer does not know; the country is
    no mention of its own. Followed by its own country ("the Conservative Party of Britain")
    it stays the known body, named over the longer span."""
    entry = mc.gaz.entries.get(entity_id)
    country = next((e for e in ents_covering(mc.doc, end - 1) if e.end == end and e.ent_id_), None)
    if entry is None or country is None:
        return None
    name_span = mc.doc[span.start : end]
    iso3 = country.ent_id_.split(":", 1)[1]
    if entry.country_iso3 == iso3:
        known = gazetteer_candidate(mc, span, "ORG", entity_id)
        return None if known is None else replace(known, tok_end=end)
    known = mc.gaz.by_alias(clean_spaces(name_span.text))
    if known is not None:
        return gazetteer_candidate(mc, name_span, "ORG", known.entity_id)
    return Candidate(span.start, end, "ORG", "ORGANIZATION", "name", clean_spaces(name_span.text), 3, country_iso3=iso3)
