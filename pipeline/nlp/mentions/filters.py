"""Filters over the chosen candidates: headline spans the body does not confirm, acronyms
defined in the text, short forms of a body named before ("the Bank" after "the Bank of
England"), and one mention per start offset.

Headlines fool NER ("Blair Backs ..."), so a headline span is kept only when the gazetteer
knows it or the body names it; "The Palestinian Authority (PA)" makes later "PA"s that
organisation.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from pipeline.nlp.mentions.context import Candidate, MentionContext, clean_spaces
from pipeline.nlp.mentions.people import two_names
from pipeline.nlp.mentions.vocabulary import BODY_HEADS, ORG_HEADS
from pipeline.nlp.records import Mention
from pipeline.nlp.token_view import TokenView, view_of

ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
# "MoD", "DfES": capitals with the lower-case initials of the function words between them
MIXED_ACRONYM = re.compile(r"^[A-Z][a-z]?[A-Z][a-zA-Z]{0,5}$")
# "Gavi", "Apacs": an acronym written as a word, recognised only in brackets after its name
WORD_ACRONYM = re.compile(r"^[A-Z][a-z]{2,7}$")


def filter_headline(mc: MentionContext, chosen: list[Candidate]) -> list[Candidate]:
    """Keep a headline span only if the gazetteer knows it or the body names it, as the body
    first does; but a phrase that makes one mention a product or work ("the Nasdaq stock
    index", "the Hutton report", kinded.py) types only that mention, so the headline takes the
    body's next reading of the name ("Nasdaq Stock Market plans")."""
    body_names: dict[str, Candidate] = {}
    for c in chosen:
        if mc.section[c.tok_start] == "headline":
            continue
        first = body_names.get(c.name.lower())
        if first is None or _typed_by_its_phrase(first) and not _typed_by_its_phrase(c):
            body_names[c.name.lower()] = c
        if c.entity_type == "PERSON" and c.kind == "name":
            parts = c.name.split()
            if len(parts) >= 2:
                body_names.setdefault(parts[-1].lower(), c)
                written = clean_spaces(mc.doc[c.tok_start : c.tok_end].text)
                if " " not in written:  # "… closely with Ken": a given name the body gives as Ken Livingstone
                    body_names.setdefault(written.lower(), c)
    out = []
    covered: set[int] = set()
    for c in chosen:
        if mc.section[c.tok_start] != "headline":
            out.append(c)
            continue
        if c.gazetteer_id or c.priority >= 2:
            out.append(c)
            covered.update(range(c.tok_start, c.tok_end))
            continue
        hit = _headline_subspan(mc, c.tok_start, c.tok_end, body_names)
        if hit is None and _full_name_in_plain_headline(mc, c):
            hit = c  # "Saddam Hussein profited roughly 1B …": named in the headline only
        if hit:
            out.append(hit)
            covered.update(range(hit.tok_start, hit.tok_end))
    # Title-cased words that NER missed but the body names ("Blair Backs ...").
    for i, section in enumerate(mc.section):  # one section a token
        if section != "headline":
            continue
        token = mc.doc[i]
        if mc.section[token.i] != "headline" or token.i in covered or not token.is_alpha:
            continue
        if not (token.is_title or token.is_upper) or any(c.tok_start <= token.i < c.tok_end for c in out):
            continue
        body = body_names.get(token.lower_)
        if body is not None and body.entity_type == "PERSON":
            out.append(
                replace(
                    body,
                    tok_start=token.i,
                    tok_end=token.i + 1,
                    label="PERSON",
                    role=None,
                    country_iso3=None,
                    antecedent=None,
                    char_end=None,
                )
            )
    return sorted(out, key=lambda c: c.tok_start)


def _typed_by_its_phrase(c: Candidate) -> bool:
    """A product or work a kind noun after the name types for this mention only (kinded.py's priority 2)."""
    return c.entity_type in ("WORK", "PRODUCT") and c.priority == 2 and c.gazetteer_id is None


def _full_name_in_plain_headline(mc: MentionContext, c: Candidate) -> bool:
    """A person's full name (two or three capitalised words) in a headline written in sentence
    case, where NER reads capitals as it does in the body, and no word of which the article
    writes in lower case; a title-cased headline ("Blair Backs New Plan") fools NER."""
    span = mc.doc[c.tok_start : c.tok_end]
    if c.entity_type != "PERSON" or not two_names(span):
        return False
    names = {w.lower_ for w in span}
    if any(t.is_lower and t.lower_ in names for t in mc.doc):
        return False  # "… asylum seekers to Tsunami Zone": words the article writes in lower case
    words = [t for t in mc.doc if mc.section[t.i] == "headline" and t.is_alpha and not (c.tok_start <= t.i < c.tok_end)]
    return len(words) >= 3 and 2 * sum(t.is_lower for t in words) > len(words)


def _headline_subspan(mc: MentionContext, start: int, end: int, body_names: dict[str, Candidate]) -> Candidate | None:
    for length in range(end - start, 0, -1):
        for s in range(start, end - length + 1):
            text = clean_spaces(mc.doc[s : s + length].text).lower()
            body = body_names.get(text)
            if body is not None:
                return replace(
                    body,
                    tok_start=s,
                    tok_end=s + length,
                    role=None,
                    char_end=None,
                    country_iso3=body.country_iso3 if body.entity_type != "PERSON" else None,
                )
    return None


def expand_acronyms(mc: MentionContext, chosen: list[Candidate]) -> list[Candidate]:
    """ "The Palestinian Authority (PA)", "the Liberal Democratic Party or LDP": later "PA"s
    and "LDP"s, and this one, are that organisation."""
    doc = mc.doc
    view = view_of(doc)
    acronyms: dict[str, Candidate] = {}
    for c in chosen:
        if c.entity_type != "ORGANIZATION" or c.tok_end + 1 >= len(doc):
            continue
        short = view.text[c.tok_end + 1]
        bracketed = c.tok_end + 2 < len(doc) and view.text[c.tok_end] == "(" and view.text[c.tok_end + 2] == ")"
        alternative = view.lower[c.tok_end] == "or"  # "the Liberal Democratic Party or LDP"
        full = view.span_text(c.tok_start, c.tok_end)
        if (bracketed or alternative) and ACRONYM.match(short) and _abbreviates(short, full):
            acronyms.setdefault(short, c)
        elif bracketed and WORD_ACRONYM.match(short) and _spells_initials(short, full):
            acronyms.setdefault(short, c)  # "the Global Alliance for Vaccines and Immunisation (Gavi)"
    _initials_of_one_body(doc, chosen, acronyms)
    if not acronyms:
        return chosen
    out = [c for c in chosen if not (c.gazetteer_id is None and view.span_text(c.tok_start, c.tok_end) in acronyms)]
    taken = {i for c in out for i in range(c.tok_start, c.tok_end)}
    for i, text in enumerate(view_of(doc).text):
        full = acronyms.get(text)
        if full is None:
            continue
        token = doc[i]
        if token.i in taken or not mc.in_sections(token.i, token.i + 1):
            continue
        out.append(replace(full, tok_start=token.i, tok_end=token.i + 1, priority=1, char_end=None))
    return sorted(out, key=lambda c: c.tok_start)


# what a common noun's initials are struck from: the types of a name, not a group's noun
# ("community support officers (CSOs)") nor a product or work, which the gold set leaves out
_NAME_TYPES = frozenset({"ORGANIZATION", "PERSON", "LOCATION"})
_OPENING, _CLOSING = ("(", "["), (")", "]")


def common_noun_acronyms(mc: MentionContext, chosen: list[Candidate]) -> list[Candidate]:
    """ "gross domestic product (GDP)", "qualified majority voting (QMV)", "the driver's BAC
    [blood alcohol content]": initials whose expansion, right before or after them in
    brackets, is lower-case words are a common noun's short form, not a name, so neither that
    mention nor the article's other uses of the initials name an organisation, person or
    place NER took them for; a name the gazetteer knows keeps its entity."""
    doc = mc.doc
    texts = view_of(doc).text
    defined = set()
    for i in range(1, len(doc) - 1):
        text = texts[i]
        if not ("A" <= text[0] <= "Z") or (short := _singular_initials(text)) is None:
            continue  # an acronym starts with a capital: the test before the pattern, for every token
        if texts[i - 1] in _OPENING and texts[i + 1] in _CLOSING:
            # "gross domestic product (GDP)": the words before the brackets end in its expansion
            if _spelled_by(short[::-1], _lower_words(doc, i - 2, -1), whole=False):
                defined.add(short)
        elif texts[i + 1] in _OPENING:
            # "BAC [blood alcohol content]": the brackets hold its expansion and nothing else
            words = _lower_words(doc, i + 2, 1)
            if _spelled_by(short, words, whole=True) and _closed_after(doc, i + 2):
                defined.add(short)
    if not defined:
        return chosen
    return [
        c
        for c in chosen
        if not (
            c.gazetteer_id is None
            and c.entity_type in _NAME_TYPES
            and c.tok_end - c.tok_start == 1
            and _singular_initials(doc[c.tok_start].text) in defined
        )
    ]


def _singular_initials(text: str) -> str | None:
    """ "GDP", and "SUV" of "SUVs": capitals of an acronym (a plural's "s" left off)."""
    short = text[:-1] if len(text) > 2 and text.endswith("s") else text
    return short if ACRONYM.match(short) and "&" not in short else None


def _lower_words(doc, i: int, step: int) -> list[str]:
    """The lower-case words from doc[i] on, walking by `step`, hyphenated parts as words of
    their own ("liquid-crystal displays"), up to the first other token."""
    words: list[str] = []
    while 0 <= i < len(doc) and len(words) < 8:
        token = doc[i]
        if token.text == "-":
            i += step
            continue
        if not (token.is_lower and token.text.replace("-", "").isalpha()):
            break
        parts = token.text.split("-")
        words.extend(parts if step > 0 else parts[::-1])
        i += step
    return words


# function words an expansion may hold that its initials spell or leave out ("weapons of
# mass destruction (WMD)", "freedom of information (FOI)")
_SKIPPABLE_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "to", "a"})


def _closed_after(doc, i: int) -> bool:
    """Whether the lower-case words from doc[i] on run up to a closing bracket."""
    while i < len(doc) and (doc[i].is_lower or doc[i].text == "-"):
        i += 1
    return i < len(doc) and doc[i].text in _CLOSING


def _spelled_by(letters: str, words: list[str], whole: bool) -> bool:
    """Whether `words`, read outwards from the initials, open with words whose first letters
    spell `letters` read the same way (function words spelled or skipped), the nearest word
    spelled; with `whole`, every word is used."""
    letters = letters.lower()

    def match(k: int, w: int) -> bool:
        if k == len(letters):
            return not whole or w == len(words)
        if w == len(words):
            return False
        if words[w][0] == letters[k] and match(k + 1, w + 1):
            return True
        return words[w] in _SKIPPABLE_WORDS and match(k, w + 1)

    return len(letters) >= 2 and bool(words) and words[0][0] == letters[0] and match(0, 0)


def bracketed_aliases(mc: MentionContext, chosen: list[Candidate]) -> list[Candidate]:
    """ "the Palacio do Planalto (Plateau Palace)": a name that fills the brackets right after
    a name of the same type is that entity's other name (a translation, a former name), not a
    second entity of the article. Not in a line-up, where people's names follow one another
    each with a bracket in one sentence ("T Bowe (Ulster), K Campbell (Ulster)", "Allister Hogg
    (Edinburgh Rugby)"): there each bracket names the person's side, which NER types a person
    as it types the names around it; it is that side, a body."""
    doc = mc.doc
    by_start = {c.tok_start: c for c in chosen}
    pairs: list[tuple[Candidate, Candidate, int]] = []  # (name, bracketed name, its sentence's start)
    for c in chosen:
        inner = by_start.get(c.tok_end + 1)
        if inner is None or c.tok_end >= len(doc) or doc[c.tok_end].text != "(":
            continue
        if inner.tok_end >= len(doc) or doc[inner.tok_end].text != ")" or inner.entity_type != c.entity_type:
            continue
        if inner.gazetteer_id is not None and inner.gazetteer_id != c.gazetteer_id:
            continue
        pairs.append((c, inner, doc[c.tok_start].sent.start))
    people_bracketed = Counter(sentence for c, _, sentence in pairs if c.entity_type == "PERSON")
    renamed: dict[int, Candidate] = {}
    for c, inner, sentence in pairs:
        if c.entity_type == "PERSON" and people_bracketed[sentence] > 1:
            renamed[inner.tok_start] = replace(inner, entity_type="ORGANIZATION")
            continue
        renamed[inner.tok_start] = replace(
            inner, name=c.name, gazetteer_id=c.gazetteer_id, country_iso3=c.country_iso3, label=c.label
        )
    return [renamed.get(c.tok_start, c) for c in chosen]


def one_per_start(mentions: list[Mention]) -> list[Mention]:
    """Mention ids are keyed by start offset: where two rules found a span at the same place,
    keep the named mention over a reference, then the longer span."""
    best: dict[str, Mention] = {}
    for mention in mentions:
        kept = best.get(mention.mention_id)
        rank = (mention.kind in ("name", "demonym", "metonym"), mention.char_end - mention.char_start)
        if kept is None or rank > (kept.kind in ("name", "demonym", "metonym"), kept.char_end - kept.char_start):
            best[mention.mention_id] = mention
    return sorted(best.values(), key=lambda m: (m.char_start, m.char_end))


def _initials_of_one_body(doc, chosen: list[Candidate], acronyms: dict[str, Candidate]) -> None:
    """ "the Institute of Fiscal Studies" ... "the IFS": an acronym never spelled out in
    brackets is the one organisation of the article whose capitalised words it is the
    initials of; with two such bodies, or none, it stays what it was."""
    view = view_of(doc)
    bodies: dict[str, dict[str, Candidate]] = {}
    for c in chosen:
        if c.entity_type != "ORGANIZATION" or c.tok_end - c.tok_start < 2:
            continue
        tokens = range(c.tok_start, c.tok_end)
        words = [view.text[k] for k in tokens if view.is_alpha[k] and view.text[k][0].isupper()]
        if len(words) >= 2:
            bodies.setdefault("".join(w[0] for w in words), {}).setdefault(c.name, c)
            for initials in _mixed_initials(view, tokens):
                bodies.setdefault(initials, {}).setdefault(c.name, c)
    for c in chosen:
        if c.tok_end - c.tok_start != 1 or c.gazetteer_id is not None:
            continue
        short = view.text[c.tok_start]
        if short in acronyms:
            continue
        if not (ACRONYM.match(short) or MIXED_ACRONYM.match(short)):
            continue
        named = bodies.get(short, {})
        if len(named) == 1:
            acronyms[short] = next(iter(named.values()))


def _mixed_initials(view: TokenView, tokens: range) -> set[str]:
    """ "MoD" for "Ministry of Defence", "DfES" for "Department for Education and Skills": the
    capitalised words' initials with those of the lower-case words between them in lower
    case, each lower-case word's letter present or left out."""
    found = {""}
    for k in tokens:
        if not view.is_alpha[k]:
            continue
        text = view.text[k]
        if text[0].isupper():
            found = {f + text[0] for f in found}
        elif view.is_lower[k] and found != {""} and len(found) < 16:
            found |= {f + text[0] for f in found}
    return {f for f in found if any(ch.islower() for ch in f)}


def _spells_initials(short: str, full: str) -> bool:
    """ "Gavi" for "Global Alliance for Vaccines and Immunisation", "Apacs" for "Association for
    Payment Clearing Services": an acronym written as a word holds the initials of every
    capitalised word of the name, in order, and abbreviates it."""
    initials = [w[0].lower() for w in full.split() if w[:1].isupper()]
    letters = iter(short.lower())
    return len(initials) >= 3 and all(i in letters for i in initials) and _abbreviates(short, full)


def _abbreviates(short: str, full: str) -> bool:
    """ "PA" for "Palestinian Authority", "UWB" for "Ultra Wideband"; not "PLP" for "Labour Party"."""
    letters, text = short.lower().replace("&", ""), full.lower()
    if not letters or not text or letters[0] != text[0]:
        return False
    position = 0
    for letter in letters:
        position = text.find(letter, position) + 1
        if position == 0:
            return False
    return True


def _without_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


_BODY_HEADS_OR_ORG_HEADS = BODY_HEADS | ORG_HEADS


def short_body_names(mc: MentionContext, chosen: list[Candidate]) -> list[Candidate]:
    """ "The Bank of England held rates … The Bank said", "Marsh & McLennan … Marsh said": one
    capitalised word NER took for a name of its own, written after a longer organisation
    name that begins with it (or, after "the", ends in it when it is a body's word: "the
    European Commission … the Commission"), is that organisation, when exactly one
    organisation named before fits and no person the article names has it as a name. A
    headline's word may shorten a name the body gives only later ("Hyundai to build new
    India plant" over "South Korea's Hyundai Motor has announced …")."""
    doc = mc.doc
    people_words = {  # the words of the people the article names in full
        w for c in chosen if c.entity_type == "PERSON" and c.kind == "name" and " " in c.name for w in c.name.split()
    }
    out = []
    for c in chosen:
        if (
            c.tok_end - c.tok_start != 1
            or c.kind != "name"
            or c.gazetteer_id is not None
            or c.entity_type not in ("ORGANIZATION", "PERSON")
            or c.role
            or c.gender
            or c.name in people_words
            or not c.name[:1].isupper()
        ):
            out.append(c)
            continue
        after_the = c.tok_start > 0 and doc[c.tok_start - 1].lower_ == "the"
        body_word = c.name.lower() in _BODY_HEADS_OR_ORG_HEADS
        headline = mc.section[c.tok_start] == "headline"  # a headline shortens a name the body gives in full
        fits = {
            o.name: o
            for o in chosen
            if o.entity_type == "ORGANIZATION"
            and (o.tok_end <= c.tok_start or headline)
            and len(o.name.split()) > 1
            and (
                _without_possessive(o.name.split()[0]) == c.name  # "Lloyd's of London ... Lloyd's chief"
                or after_the and body_word and o.name.split()[-1] == c.name
            )
        }
        if len(fits) != 1:
            out.append(c)
            continue
        body = next(iter(fits.values()))
        out.append(
            replace(
                c, name=body.name, entity_type="ORGANIZATION", label=body.label,
                gazetteer_id=body.gazetteer_id, country_iso3=body.country_iso3,
            )
        )
    return out


def headed_short_names(mc: MentionContext, chosen: list[Candidate]) -> list[Candidate]:
    """ "Belmarsh Prison … held at Belmarsh prison", "Heathrow Airport … delays at Heathrow
    airport": a place's or body's name written before its head word in lower case is the
    name the article also writes with the head capitalised, one entity, not a second one
    named without its head."""
    doc = mc.doc
    named: dict[tuple[str, str], list[Candidate]] = {}
    for o in chosen:
        if o.kind == "name" and o.entity_type in ("LOCATION", "ORGANIZATION"):
            named.setdefault((o.name, o.entity_type), []).append(o)
    out = []
    for c in chosen:
        after = doc[c.tok_end] if c.tok_end < len(doc) else None
        if (
            after is None
            or c.kind != "name"
            or c.entity_type not in ("LOCATION", "ORGANIZATION")
            or not (after.is_lower and after.is_alpha)
        ):
            out.append(c)
            continue
        headed = named.get((f"{c.name} {after.text.title()}", c.entity_type), ())
        longer = {(o.name, o.gazetteer_id, o.country_iso3) for o in headed}
        if len(longer) != 1:
            out.append(c)
            continue
        name, gazetteer_id, iso3 = next(iter(longer))
        out.append(replace(c, name=name, gazetteer_id=gazetteer_id, country_iso3=iso3))
    return out
