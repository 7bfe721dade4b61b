"""References: mentions that name someone only through the text around them.

Subject pronouns ("he said") and title references ("the Prime Minister") are linked to
the last compatible named person when that is unambiguous, and lower-case "the
government" to the article's dominant country. Each reference points at the named
mention it stands for (`antecedent`).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.mentions.context import Candidate, MentionContext, body_key, make_mention
from pipeline.nlp.mentions.people import is_bare_title, title_words
from pipeline.nlp.mentions.vocabulary import (
    GENDERED_TITLES,
    GOVERNING_TITLES,
    GOVERNMENT_QUALIFIERS,
    HONORIFICS,
    MINISTER_QUALIFIERS,
    NATIONAL_OFFICES,
    TITLE_MODIFIERS,
)
from pipeline.nlp.names import given_name_gender, role_compatible
from pipeline.nlp.quotes.cues import PROXY_NOUNS
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import GENDERED_PRONOUNS, POSSESSIVES, is_subject
from pipeline.nlp.token_view import view_of

# Determiners of a post held by someone the article names: "the Prime Minister", "our
# correspondent" (a broadcaster's or paper's own reporter).
TITLE_DETERMINERS = ("the", "our")
# Posts up to this seniority (roles.yaml: MP, leader, chairman, spokesperson, senator …) are
# held by many at once, so "the MP" names whoever the text has just named, not one office holder.
GENERIC_POST_SENIORITY = 45
# NER types a place or nationality before a post may get: GPE and NORP, and the PRODUCT or FAC
# a constituency name is sometimes mistaken for ("the Salford MP").
PLACE_TYPES = ("GPE", "LOC", "NORP", "PRODUCT", "FAC")
# How far back (sentences) a subject pronoun still reaches its antecedent when no other person
# of its gender is named in between: BBC copy runs "He said ..." paragraphs long after the name.
LONE_PERSON_SENTENCES = 6
# Modifiers of a post its holder no longer holds ("the former Labour leader"): the person, not the post.
FORMER_WORDS = ("former", "ex", "outgoing")


def national_government(mc: MentionContext, mentions: list[Mention]) -> list[Mention]:
    """Lowercase "the government" is the article's country when one country clearly
    dominates it: named most (the country itself, or a national party, ministry or office
    of it), at least twice, twice as often as any other, and named as a government's
    country (a party, ministry or office of it) or as the only country the article names
    (a business story about South Korean banks: "asked the government to mediate").
    Structure counts as evidence too: an office, department or chamber only one country has
    ("the Home Secretary", "the Commons") names that government, as its party or ministry
    would, though the country itself is never named. Split evidence (no country named twice
    as often as any other) still leaves "the government" unresolved.
    Bare lower-case "ministers" ("praised ministers for"), or capitalised only as a sentence's
    first word ("Ministers plan to …"), are that government too, and so is "the Government"
    capitalised."""
    counts: dict[str, int] = {}
    governing: dict[str, int] = {}
    for m in mentions:
        if m.entity_type == "COUNTRY" and m.gazetteer_id and m.gazetteer_id.startswith("country:"):
            counts[m.gazetteer_id] = counts.get(m.gazetteer_id, 0) + 1
            if _head_of_government(mc, m):
                governing[m.gazetteer_id] = governing.get(m.gazetteer_id, 0) + 1
        elif m.entity_type == "ORGANIZATION" and m.gazetteer_id and m.country_iso3:
            # a national party, ministry or office counts for its country too: a BBC
            # politics story names Labour and the Home Office far more than Britain
            key = f"country:{m.country_iso3}"
            governing[key] = governing.get(key, 0) + 1
            counts[key] = counts.get(key, 0) + 1
        elif m.entity_type == "LOCATION" and m.gazetteer_id and m.country_iso3:
            # a place inside a country sets the story there ("extended to all police forces in
            # England and Wales ... But the government said"), though it governs nothing itself
            key = f"country:{m.country_iso3}"
            counts[key] = counts.get(key, 0) + 1
    for key, n in _national_offices(mc).items():
        counts[key] = counts.get(key, 0) + n
        governing[key] = governing.get(key, 0) + n
    top = _dominant(counts, governing) or _dominant(governing, governing)
    if top is None:
        return mentions
    country = mc.gaz.entries[top]
    # "the Government" NER typed as a body of that name: the same national government
    capitalised = {m.char_start for m in mentions if m.surface == "Government" and not m.gazetteer_id}
    mentions = [m for m in mentions if m.char_start not in capitalised]
    taken = {m.char_start for m in mentions}
    doc, extra = mc.doc, []
    for i, lower in enumerate(view_of(doc).lower):
        if lower not in ("ministers", "government"):
            continue  # (a Token only for the words tested below)
        token = doc[i]
        if token.idx in taken:
            continue
        if (token.text == "ministers" or token.text == "Ministers" and token.is_sent_start) and _bare_ministers(token):
            pass  # "urged ministers to act", "Ministers plan to …": the government's ministers, acting for it
        elif token.lower_ != "government" or token.i == 0 or not _definite(doc, token.i):
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and (nxt.pos_ == "PROPN" or nxt.tag_.startswith("NN")):
            continue  # "the government bill"
        if nxt is not None and nxt.lower_ == "of" and not _charged_with(doc, nxt.i):
            continue  # "the government of Iraq"; not "accused the government of failing"
        if not mc.in_sections(token.i, token.i + 1):
            continue
        c = Candidate(
            token.i, token.i + 1, "ORG", "COUNTRY", "metonym", country.name, 0, top, country_iso3=country.country_iso3
        )
        m = make_mention(mc, c)
        if m is not None:
            extra.append(m)
    return sorted(mentions + extra, key=lambda m: m.char_start)


def _definite(doc, i: int) -> bool:
    """ "the government", "the current government": "the" and at most one qualifier."""
    if doc[i - 1].lower_ == "the":
        return True
    return i >= 2 and doc[i - 1].lower_ in GOVERNMENT_QUALIFIERS and doc[i - 2].lower_ == "the"


def _head_of_government(mc: MentionContext, m: Mention) -> bool:
    """ "prime minister of Macedonia", "the Macedonian President": the country is named as
    the state a head of government leads."""
    span = mc.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
    if span is None:
        return False
    doc = mc.doc
    if m.kind == "demonym":
        return span.end < len(doc) and doc[span.end].lower_ in GOVERNING_TITLES
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in GOVERNING_TITLES


_LONGEST_OFFICE = max((len(p.split()) for p in NATIONAL_OFFICES), default=0)
_OFFICE_FIRST_WORDS = frozenset(p.split(" ")[0] for p in NATIONAL_OFFICES)


def _national_offices(mc: MentionContext) -> dict[str, int]:
    """Hits per country of the offices and chambers only one country's government has
    (mentions.yaml national_offices): "the Lord Chancellor", "the Commons". A phrase after a
    place or people ("US Defence Secretary", "Northern Ireland Secretary of State") is
    another government's post, and "Secretary of State for Work" is a British one."""
    doc, found = mc.doc, {}
    lower = view_of(doc).lower
    i = 0
    while i < len(lower):
        hit = None
        # only a token that can begin a phrase is tried with the words after it (a token
        # with a space in it, white space, is tried in full, as every token once was)
        if lower[i] in _OFFICE_FIRST_WORDS or " " in lower[i]:
            for n in range(min(_LONGEST_OFFICE, len(lower) - i), 0, -1):
                phrase = " ".join(lower[i : i + n])
                if phrase in NATIONAL_OFFICES:
                    hit = (n, NATIONAL_OFFICES[phrase])
                    break
        if hit is None:
            i += 1
            continue
        n, iso3 = hit
        before = doc[i - 1] if i else None
        after = doc[i + n] if i + n < len(doc) else None
        foreign = before is not None and before.ent_type_ in ("GPE", "NORP")
        if not foreign and not (after is not None and after.lower_ == "for") and mc.in_sections(i, i + n):
            key = f"country:{iso3.upper()}"
            found[key] = found.get(key, 0) + 1
        i += n
    return found


def _dominant(counts: dict[str, int], governing: dict[str, int]) -> str | None:
    """The country named at least twice and twice as often as any other, if one of its
    parties, ministries or offices is named or it is the only country named. Tried on all names, then on those bodies
    alone: a story on a minimum wage that names the US three times and Labour and the
    Tories five is still about the British government."""
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top if n >= 2 and n >= 2 * second and (top in governing or not second) else None


def _bare_ministers(token: Token) -> bool:
    """Lower-case "ministers" with nothing naming whose they are ("Labour ministers",
    "EU foreign ministers", "ministers from both countries" name someone else's); a
    modifier that says they govern ("Cabinet ministers", "senior government ministers",
    mentions.yaml minister_qualifiers) keeps them the government's."""
    for child in token.children:
        if child.dep_ == "det" and child.lower_ in ("the",) or child.dep_ == "punct":
            continue  # "the ministers", "ministers," before a clause
        if child.dep_ in ("amod", "compound", "nmod") and child.i < token.i and _governing_modifier(child):
            continue
        if child.dep_ == "prep" and child.i == token.i + 1 and _charged_with(token.doc, child.i):
            continue  # "accused ministers of wasting money": the charge, not whose ministers
        return False
    previous = token.doc[token.i - 1] if token.i else None
    return previous is None or previous.tag_ != "POS"


def _charged_with(doc, i: int) -> bool:
    """ "accused the government of failing", "ministers of wasting money": an "of" at `i`
    followed by a gerund states a charge against the government, where "of" before a name
    or a noun ("the government of Iraq", "ministers of both countries") says whose it is."""
    return doc[i].lower_ == "of" and i + 1 < len(doc) and doc[i + 1].tag_ == "VBG"


def _governing_modifier(modifier: Token) -> bool:
    """ "Cabinet", "government", "senior" (mentions.yaml minister_qualifiers), with nothing of
    its own that names another body ("the Scottish Cabinet", "EU government")."""
    if modifier.lower_ not in MINISTER_QUALIFIERS:
        return False
    return all(c.dep_ in ("amod", "compound") and c.lower_ in MINISTER_QUALIFIERS for c in modifier.children)


def add_references(mc: MentionContext, mentions: list[Mention]) -> list[Mention]:
    """Subject pronouns and "the Prime Minister" linked back to a named person.

    References are made in text order, and each one made is itself a candidate for
    the next pronoun ("the cardinal said ... He added"), so a chain of references
    keeps the person in view; a pronoun resolved to someone also fixes that
    person's gender for the rest of the article."""
    persons = [m for m in mentions if m.entity_type == "PERSON" and m.kind == "name"]
    if not persons:
        return mentions
    genders = _genders(mc, persons)
    roles = _roles_by_name(mc, persons)
    _lead_posts(mc, persons, roles)
    bodies = _bodies_by_start(mc, mentions)
    parties = _affiliations(mc, persons, mentions)
    taken = {i for m in mentions for i in range(m.char_start, m.char_end)}
    extra: list[Mention] = []
    untied: list[Mention] = []
    view = view_of(mc.doc)
    for i, lower in enumerate(view.lower):
        if lower not in GENDERED_PRONOUNS and lower not in TITLE_DETERMINERS:
            continue  # (a Token only for the words either reading starts from)
        token = mc.doc[i]
        if mc.section[token.i] not in ("body", "caption") or token.idx in taken:
            continue
        made = None
        if token.lower_ in GENDERED_PRONOUNS and is_subject(token):
            if mc.inside_quote(token.idx):
                continue
            candidates = sorted(persons + extra, key=lambda m: m.char_start)
            target = _pronoun_antecedent(mc, token, candidates, genders, untied)
            if target is not None:
                made = _reference(mc, token.i, token.i + 1, "PRON", "pronoun", target)
                if made is not None:
                    genders.setdefault(_surname(target.name), GENDERED_PRONOUNS[token.lower_])
        elif token.lower_ in TITLE_DETERMINERS and token.i + 1 < len(mc.doc):
            found = _title_reference(mc, token, persons, roles, bodies, parties, extra)
            if found is not None:
                start, end, target = found
                made = (
                    _reference(mc, start, end, "ROLE", "title", target)
                    if isinstance(target, Mention)
                    else (_untied(mc, start, end, target))
                )
                if made is not None and isinstance(target, Mention):
                    _holds(mc, roles, start, end, target)
        if made is not None and made.antecedent is not None:
            extra.append(made)
        elif made is not None:
            untied.append(made)  # not a pronoun's antecedent: resolution may drop it
    return sorted(mentions + extra + untied, key=lambda m: m.char_start)


def _holds(mc: MentionContext, roles: dict[str, set[str]], start: int, end: int, target: Mention) -> None:
    """A title reference tied to someone gives that person its post for the references after
    it: "the Trade and Industry Secretary has said. Patricia Hewitt said … The minister told
    delegates" (a Trade Minister is a minister), as a title before the name would."""
    role = mc.gaz.match_role(mc.doc[start:end].text)
    if role is None or role.seniority <= GENERIC_POST_SENIORITY:
        return  # "the MP", "the Tory leader": a post many hold names nobody's office
    if not any(mc.doc[k].lower_ in FORMER_WORDS for k in range(start, end)):
        roles.setdefault(_surname(target.name), set()).add(role.name)


def _lead_posts(mc: MentionContext, persons: list[Mention], roles: dict[str, set[str]]) -> None:
    """A news lead that gives the speaker only an indefinite post ("UK Muslims should accept
    …, a Home Office minister has said.") names its holder next ("Hazel Blears said …"): that
    person holds the post for the title references after it ("The minister had been saying"),
    found as `_named_after_lead` finds the holder of a definite lead post."""
    first = next((s for s in mc.ctx.sentences if s.section == "body"), None)
    if first is None:
        return
    span = mc.doc.char_span(first.char_start, first.char_end, alignment_mode="expand")
    for det in span if span is not None else ():
        head = det.head
        if det.lower_ not in ("a", "an") or det.dep_ != "det" or head.dep_ not in ("nsubj", "nsubjpass"):
            continue
        role = mc.gaz.match_role(mc.doc[det.i + 1 : head.i + 1].text) or mc.gaz.match_role(head.text)
        if role is None or role.seniority <= GENERIC_POST_SENIORITY or head.tag_ != "NN":
            continue
        named = _named_after_lead(mc, det, persons, roles, role.name)
        if named is not None:
            roles.setdefault(_surname(named.name), set()).add(role.name)


def _untied(mc: MentionContext, start: int, end: int, role: str) -> Mention | None:
    """ "The chancellor said" in an article that names Gordon Brown without his post: a
    title reference with no antecedent, carrying the role. Entity resolution links it to
    the one person of the article the corpus gives that post, or drops it."""
    return make_mention(mc, Candidate(start, end, "ROLE", "PERSON", "title", role, 0, role=role))


def _reference(mc: MentionContext, start: int, end: int, label: str, kind: str, target: Mention) -> Mention | None:
    candidate = Candidate(start, end, label, "PERSON", kind, target.name, 0, role=None)
    antecedent = target.antecedent or target.mention_id
    return make_mention(mc, candidate, antecedent=antecedent)


def _genders(mc: MentionContext, persons: list[Mention]) -> dict[str, str]:
    """Gender per surname, from an honorific ("Mrs Clinton"), a gendered title just before
    the name ("Lib Dem spokesman Mark Oaten") or the given name ("Rachel Harvey")."""
    genders: dict[str, str] = {}
    for m in persons:
        first = m.surface.split()[0].lower()
        gender = HONORIFICS.get(first) or _title_gender(mc, m) or given_name_gender(m.name)
        if gender:
            for key in _person_keys(m.name):
                genders.setdefault(key, gender)
    return genders


def _title_gender(mc: MentionContext, m: Mention) -> str | None:
    """ "spokesman Mark Oaten" or "Mark Oaten, Liberal Democrat home affairs spokesman,"."""
    doc = mc.doc
    span = doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
    if span is None:
        return None
    for t in reversed(doc[max(0, span.start - 4) : span.start]):
        if t.lower_ in GENDERED_TITLES:
            return GENDERED_TITLES[t.lower_]
        if not (t.lower_ in mc.role_words or t.ent_type_ or t.is_title):
            break
    if span.end < len(doc) and doc[span.end].text == ",":
        for t in doc[span.end + 1 : span.end + 8]:
            if t.lower_ in GENDERED_TITLES:
                return GENDERED_TITLES[t.lower_]
            if t.is_punct or t.pos_ == "VERB":
                break
    return None


def _roles_by_name(mc: MentionContext, persons: list[Mention]) -> dict[str, set[str]]:
    """Roles per person in this article, keyed by surname."""
    roles: dict[str, set[str]] = {}
    for m in persons:
        if m.role and not _former_post(mc, m):
            roles.setdefault(_surname(m.name), set()).add(m.role)
    return roles


def _former_post(mc: MentionContext, m: Mention) -> bool:
    """ "ex-Conservative chancellor Ken Clarke", "former home secretary David Blunkett": a post
    written before the name as no longer held, so its holder is nobody "the chancellor" means."""
    span = mc.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
    if span is None:
        return False
    for t in reversed(mc.doc[max(0, span.start - 6) : span.start]):
        if t.lower_ in FORMER_WORDS:
            return True
        if not (t.text == "-" or t.lower_ in mc.role_words or t.ent_type_ or t.is_title):
            return False
    return False


def _pronoun_antecedent(
    mc: MentionContext,
    token: Token,
    persons: list[Mention],
    genders: dict[str, str],
    posts: list[Mention] = (),
) -> Mention | None:
    """The named person a subject pronoun stands for, or None when unclear. `posts` are the
    untied title references before it ("the prime minister" in a story that names Tony Blair
    without his post): no antecedent themselves, but someone else a "he" may mean."""
    sentence = mc.ctx.sentence_at(token.idx)
    if sentence is None:
        return None
    wanted = GENDERED_PRONOUNS[token.lower_]
    within = [
        m
        for m in persons
        if m.char_start < token.idx
        and not _is_modifier(mc, m)
        and sentence.sentence_id - m.sentence_id <= LONE_PERSON_SENTENCES
        and not mc.inside_speech(m.char_start)
        and genders.get(_surname(m.name), wanted) == wanted
        and not (m.sentence_id == sentence.sentence_id and _in_own_clause(mc, m, token))
    ]
    compatible = [m for m in within if sentence.sentence_id - m.sentence_id <= 2]
    if not compatible:
        # "He also criticised attempts to ...", paragraphs after the name: the one person
        # of that gender the last few sentences name is still who "he" means, when no one
        # else (of any gender, in a quote or not) is named in the last two sentences
        if len({_surname(m.name) for m in within}) != 1:
            return None
        lone = _surname(within[-1].name)
        others = [
            m
            for m in persons
            if m.char_start < token.idx and sentence.sentence_id - m.sentence_id <= 2 and _surname(m.name) != lone
        ]
        # an untied post named since ("… his chancellor Gordon Brown … the prime minister
        # talked about …"): someone else "he" may mean
        since = [m for m in posts if within[-1].char_start < m.char_start < token.idx]
        return None if others or since else within[-1]
    same = [m for m in compatible if m.sentence_id == sentence.sentence_id]
    if same:
        verb = token.head
        shared = _conjunct_subject(mc, token, persons, genders, same)
        if shared is not None:
            return shared
        # "Blair promised Brown he would stand down": the speaker of the governing verb.
        if verb.dep_ in ("ccomp", "xcomp"):
            for subject in (c for c in verb.head.children if is_subject(c)):
                for m in same:
                    if m.char_start <= subject.idx < m.char_end:
                        return m
        return same[-1]
    last_sentence = max(m.sentence_id for m in compatible)
    recent = [m for m in compatible if m.sentence_id == last_sentence]
    people = {_surname(m.name) for m in recent}
    if len(people) == 1:
        return None if _post_subject_since(mc, token, recent[-1], posts) else recent[-1]
    subjects = [m for m in recent if _is_clause_subject(mc, m)]
    if len({_surname(m.name) for m in subjects}) == 1:
        return subjects[-1]
    return None


def _post_subject_since(mc: MentionContext, pronoun: Token, named: Mention, posts: list[Mention]) -> bool:
    """ "The prime minister is trying to draw a line under … his relationship with Gordon
    Brown … He is saying …": an untied post as a clause's subject in the sentence of the
    name, or after it, while the name is no subject, leaves "he" unclear."""
    if _is_clause_subject(mc, named):
        return False
    return any(
        named.sentence_id <= m.sentence_id and m.char_start < pronoun.idx and _is_clause_subject(mc, m)
        for m in posts
    )


def _conjunct_subject(
    mc: MentionContext, pronoun: Token, persons: list[Mention], genders: dict[str, str], same: list[Mention]
) -> Mention | None:
    """ "Mr Howard said he would not meet Mr Blair and he accused him of lying": the subject
    pronoun of a conjoined clause, the same pronoun as the first clause's subject, means who
    that subject means, not the last name before it (the first clause's object)."""
    verb = pronoun.head
    if verb.dep_ != "conj" or not is_subject(pronoun):
        return None
    for subject in (c for c in verb.head.children if is_subject(c)):
        if mc.inside_quote(subject.idx):
            return None  # '"... he has agreed," he said': the quoted clause is someone else's
        if subject.lower_ == pronoun.lower_:
            return _pronoun_antecedent(mc, subject, persons, genders)
        return next((m for m in same if m.char_start <= subject.idx < m.char_end), None)
    return None


def _in_own_clause(mc: MentionContext, m: Mention, pronoun: Token) -> bool:
    """A name inside the pronoun's own clause, other than as a subject, is not what the
    pronoun means: "Speaking on Breakfast with Frost, he said" is not Frost. Nor is the
    subject of the clause the pronoun's verb reports: "Tony Blair would be in the front
    line, he said" is someone else speaking about Blair (the same person would be "He would
    be …, Mr Blair said")."""
    span = mc.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
    if span is None:
        return False
    verb = pronoun.head
    if is_subject(span.root):
        clause = span.root.head
        return clause.dep_ == "ccomp" and clause.head.i == verb.i and clause.i < pronoun.i
    return span.root.i != verb.i and any(t.i == span.root.i for t in verb.subtree)


def _is_modifier(mc: MentionContext, m: Mention) -> bool:
    """A name used to qualify something else ("the Attlee government") is no antecedent."""
    span = mc.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("compound", "amod")


def _names_a_post(mc: MentionContext, m: Mention) -> bool:
    """ "Frank Field MP": a name modifying the post its holder is written with."""
    span = mc.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
    return span is not None and span.root.head.lower_ in mc.role_words and span.root.head.i >= span.end


def _is_clause_subject(mc: MentionContext, m: Mention) -> bool:
    """Subject of its clause; a name heading a fragment the parser left as ROOT
    ("Trevor Phillips, chairman of ..., called on Mr Clarke") counts too."""
    span = mc.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
    return span is not None and (is_subject(span.root) or span.root.dep_ == "ROOT" and span.root.pos_ == "PROPN")


def _body_spans(mc: MentionContext, mentions: list[Mention]) -> list[tuple[int, int, Mention]]:
    """Named organisations and groups with their token spans."""
    out = []
    for m in mentions:
        if m.entity_type in ("ORGANIZATION", "GROUP") and m.kind == "name":
            span = mc.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
            if span is not None:
                out.append((span.start, span.end, m))
    return out


def _bodies_by_start(mc: MentionContext, mentions: list[Mention]) -> dict[int, Mention]:
    """Organisations and groups by the token they start at."""
    return {start: m for start, _, m in _body_spans(mc, mentions)}


def _affiliations(mc: MentionContext, persons: list[Mention], mentions: list[Mention]) -> dict[str, str]:
    """The body a person is introduced with, by person mention id: "Tory Liam Fox",
    "Tory leader Michael Howard", "Labour's Yvette Cooper" (the body right before the name,
    only title words and a possessive between)."""
    bodies_by_end = {end: m for _, end, m in _body_spans(mc, mentions)}
    doc, out = mc.doc, {}
    for p in persons:
        span = mc.doc.char_span(p.char_start, p.char_end, alignment_mode="expand")
        if span is None:
            continue
        k = span.start
        while k > 0 and span.start - k < 6 and (doc[k - 1].lower_ in mc.role_words or doc[k - 1].text in POSSESSIVES):
            k -= 1
        body = bodies_by_end.get(k)
        if body is not None:
            out[p.mention_id] = body_key(body)
    return out


def _title_reference(
    mc: MentionContext,
    the: Token,
    persons: list[Mention],
    roles: dict[str, set[str]],
    bodies: dict[int, Mention],
    parties: dict[str, str],
    references: list[Mention] = (),
):
    """ "the Prime Minister" -> the one person of the article holding that role; "the Tory
    leader" -> the one holding it who was introduced with that party, else the one person
    introduced with that party just before ("Tory Liam Fox said … The Conservative Party
    co-chairman said"); "our correspondent" -> the article's one correspondent."""
    start = the.i + 1
    former = start < len(mc.doc) and mc.doc[start].lower_ in FORMER_WORDS
    start += former  # "the former Labour leader": the party's post, held before
    body = bodies.get(start)
    if body is not None:
        body_span = mc.doc.char_span(body.char_start, body.char_end, alignment_mode="expand")
        start = body_span.end if body_span is not None else start
        if start < len(mc.doc) and mc.doc[start].text in POSSESSIVES:
            start += 1
    start, place = _place_before_post(mc, start)
    idx = title_words(mc, start, 1, 5)
    if not idx or idx[0] != start:
        return None
    doc = mc.doc
    words = [doc[k].lower_ for k in idx]
    if "and" in words and mc.gaz.match_role(" ".join(doc[k].text for k in idx[: words.index("and")])) is not None:
        # "the Cardinal and Archbishop of Canterbury ...": two titles; "the trade and
        # industry secretary" is one post of a two-part department
        idx = idx[: words.index("and")]
        if not idx:
            return None
    last = doc[idx[-1]]
    if last.tag_ in ("NNS", "NNPS"):
        return None
    after = idx[-1] + 1
    if after < len(doc) and (
        doc[after].lower_ == "of" and not _charge_after(doc[after], last)
        or doc[after].ent_type_
        or doc[after].pos_ == "PROPN"
    ):
        return None  # "the Prime Minister Tony Blair" / "the President of Azerbaijan"
    typed = [doc[k] for k in idx if doc[k].ent_type_]
    if typed and not is_bare_title(mc, doc[idx[0] : idx[-1] + 1]) or any(doc[k].ent_id_ for k in idx):
        return None  # "the Labour leader": a name inside; "the Cardinal" typed ORG is still a title
    if former and body is None and place is None or any(doc[k].lower_ in TITLE_MODIFIERS for k in idx):
        return None  # "the then Lord Chancellor", "the former minister": maybe someone else
    if last.dep_ in ("amod", "compound") or after < len(doc) and doc[after].tag_.startswith("NN"):
        return None  # "the general election": the title word modifies another noun
    role = mc.gaz.match_role(" ".join(doc[k].text for k in idx))
    if role is None:
        return None
    before = [m for m in persons if m.char_start < the.idx]
    head = doc[idx[0] : idx[-1] + 1].root
    alone = head.dep_ in ("nsubj", "nsubjpass") and not any(c.dep_ in ("cc", "conj") for c in head.children)
    if former or place is not None:
        # "the former Labour leader", "the Salford MP", "The French president": a post of a
        # party or place, or one held before, is no office the text's holders of the post share;
        # as a clause's subject it is the one person just named, when nothing ties that person
        # to another country
        if not alone:
            return None
        if not former and role.seniority > GENERIC_POST_SENIORITY:
            # "The French president" after "French President Jacques Chirac": a holder of the
            # post from that country, when the article names one
            placed = _placed_holders(before, role.name, place)
            if len({_surname(m.name) for m in placed}) == 1:
                return idx[0], idx[-1] + 1, placed[-1]
            if placed:
                return None
        linked = [m for m in references if m.char_start < the.idx and m.kind == "pronoun"]
        candidates = sorted(before + linked, key=lambda m: m.char_start)
        generic = role.seniority <= GENERIC_POST_SENIORITY  # an MP may hold another post too
        recent = _just_named(mc, the, candidates, {} if former or generic else roles, role.name)
        if recent is None or place and recent.country_iso3 not in (None, place):
            return None
        return idx[0], idx[-1] + 1, recent
    named_before = {_surname(m.name) for m in before}  # a holder named only later is not meant yet
    holders = {
        key for key, held in roles.items() if key in named_before and any(role_compatible(role.name, r) for r in held)
    }
    if body is not None:
        wanted = body_key(body)
        of_body = {_surname(m.name) for m in before if parties.get(m.mention_id) == wanted}
        holders = (holders & of_body) or {
            h for h in holders if not any(parties.get(m.mention_id) for m in before if _surname(m.name) == h)
        }
        if not holders:  # nobody holds the post in the text: the one party member just named
            sentence = mc.ctx.sentence_at(the.idx)
            recent = {
                _surname(m.name)
                for m in before
                if parties.get(m.mention_id) == wanted
                and not roles.get(_surname(m.name))
                and sentence is not None
                and sentence.sentence_id - m.sentence_id <= 1
            }
            holders = recent
    # "the prime minister's official spokesman said": the post whose holder the proxy speaks for
    alone = alone or head.dep_ == "poss" and head.head.lemma_.lower() in PROXY_NOUNS and is_subject(head.head)
    if not holders and alone and (body is not None or role.seniority <= GENERIC_POST_SENIORITY):
        # "Labour backbencher Stephen Pound said … The MP for Ealing North claimed", "Mr Howard
        # will say … But the Tory leader will argue": a post many hold, or a party's post
        # nobody in the text is given, as a clause's subject is the one person just named
        linked = [m for m in references if m.char_start < the.idx and m.kind == "pronoun"]
        generic = role.seniority <= GENERIC_POST_SENIORITY  # an MP may hold another post too
        held = {} if generic else roles
        candidates = before + linked
        if body is not None:  # "Labour MP Tony Wright was angry. The Tory leader said": not him
            wanted = body_key(body)
            other = {_surname(m.name) for m in before if parties.get(m.mention_id) not in (None, wanted)}
            candidates = [m for m in candidates if _surname(m.name) not in other]
        recent = _just_named(mc, the, sorted(candidates, key=lambda m: m.char_start), held, role.name)
        if recent is not None:
            return idx[0], idx[-1] + 1, recent
    if not holders and body is None and alone:
        # a news lead gives the post before the name ("The home secretary said he would not …"
        # then "Home Secretary Charles Clarke told …"): the one holder the article names later
        later = _holders_anywhere(roles, role.name)
        if len(later) == 1:
            key = next(iter(later))
            after = [m for m in persons if m.char_start > the.idx and _surname(m.name) == key]
            if after:
                return idx[0], idx[-1] + 1, after[0]
    if not holders and body is None and not _held_in_article(roles, role.name):
        # nobody in the article holds the post: untied, when the title alone is a clause's
        # subject ("The chancellor said"; not "the Cardinal and Archbishop of Canterbury Dr …")
        if not alone:
            return None
        named = _named_after_lead(mc, the, persons, roles, role.name)
        return (idx[0], idx[-1] + 1, named if named is not None else role.name)
    if len(holders) != 1:
        return None
    key = next(iter(holders))
    named = [m for m in before if _surname(m.name) == key]
    if not named:
        return None
    return idx[0], idx[-1] + 1, named[-1]


def _charge_after(of: Token, title: Token) -> bool:
    """ "accused the chancellor of ducking tough choices", "accusing the prime minister of
    \"hiding away\"": an "of" that hangs from the verb, or whose object is a clause (an
    -ing verb), says what the post's holder is charged with, not whose post it is (as in
    "the President of Azerbaijan")."""
    return of.head.i != title.i or any(c.dep_ == "pcomp" for c in of.children)


def _place_before_post(mc: MentionContext, start: int) -> tuple[int, str | None]:
    """ "the Salford MP", "The French president": a place or nationality NER typed before the
    post (a constituency may come out PRODUCT or FAC), as (where the post starts, the place's
    country code, or "" when the gazetteer does not know it); (start, None) when there is none."""
    doc, k = mc.doc, start
    while (
        k < len(doc)
        and k - start < 3
        and doc[k].ent_type_ in PLACE_TYPES
        and doc[k].is_title
        and doc[k].lower_ not in mc.role_words
    ):
        k += 1
    if k == start or k >= len(doc) or doc[k].ent_type_ or doc[k].lower_ not in mc.role_words:
        return start, None
    # the first country in text order ("the French German minister": France), never a
    # set's order, which changes with the hash seed
    ids = (doc[i].ent_id_ for i in range(start, k))
    country = next((i.split(":", 1)[1] for i in ids if i.startswith("country:")), "")
    return k, country


def _placed_holders(before: list[Mention], title: str, place: str) -> list[Mention]:
    """Mentions of people given a post compatible with the title, of the place's country when
    it is known and any of them carries a country."""
    held = [m for m in before if m.role and role_compatible(title, m.role)]
    if place and any(m.country_iso3 for m in held):
        held = [m for m in held if m.country_iso3 == place]
    return held


def _just_named(
    mc: MentionContext, the: Token, before: list[Mention], roles: dict[str, set[str]], title: str
) -> Mention | None:
    """The one person named in the last of the two sentences before a title reference that
    names anyone (else the one subject among them), when nobody is named earlier in its own
    sentence and that person holds no other post in the text."""
    sentence = mc.ctx.sentence_at(the.idx)
    if sentence is None:
        return None
    named = [
        m for m in before if not mc.inside_quote(m.char_start) and (not _is_modifier(mc, m) or _names_a_post(mc, m))
    ]
    if any(m.sentence_id == sentence.sentence_id for m in named):
        return None  # "Mr Blair said the chancellor would …": someone else
    earlier = [m for m in named if 0 < sentence.sentence_id - m.sentence_id <= 2]
    last = max((m.sentence_id for m in earlier), default=None)  # a quoted question may sit between
    previous = [m for m in earlier if m.sentence_id == last]
    people = {_surname(m.name) for m in previous}
    if len(people) != 1:
        subjects = [m for m in previous if _is_clause_subject(mc, m)]
        if len({_surname(m.name) for m in subjects}) != 1:
            return None
        previous = subjects
    found = previous[-1]
    held = roles.get(_surname(found.name), set())
    if held and not any(role_compatible(title, r) for r in held):
        return None
    return found


def _named_after_lead(
    mc: MentionContext, the: Token, persons: list[Mention], roles: dict[str, set[str]], title: str
) -> Mention | None:
    """A news lead that gives only the post ("Plans … should be in Labour's manifesto, the Trade
    and Industry Secretary has said.") names its holder in one of the next two sentences
    ("Patricia Hewitt said …"): the one person the first of them to name anyone as a clause
    subject has, when the lead is the article's first body sentence, nobody is named before it,
    and that person holds no other post in the text."""
    sentence = mc.ctx.sentence_at(the.idx)
    if sentence is None or sentence.section != "body":
        return None
    first_body = next((s for s in mc.ctx.sentences if s.section == "body"), None)
    if first_body is None or first_body.sentence_id != sentence.sentence_id:
        return None
    if any(
        mc.section[mc.doc.char_span(m.char_start, m.char_end, alignment_mode="expand").start] == "body"
        and m.sentence_id <= sentence.sentence_id
        for m in persons
    ):
        return None
    following = [
        m
        for m in persons
        if 0 < m.sentence_id - sentence.sentence_id <= 2
        and not mc.inside_quote(m.char_start)
        and _is_clause_subject(mc, m)
    ]
    following = [m for m in following if m.sentence_id == min((f.sentence_id for f in following), default=-1)]
    if len({_surname(m.name) for m in following}) != 1:
        return None
    found = following[0]
    held = roles.get(_surname(found.name), set())
    if held and not any(role_compatible(title, r) for r in held):
        return None
    return found


def _held_in_article(roles: dict[str, set[str]], title: str) -> bool:
    """Whether anyone in the article holds the post, named before the title or after."""
    return bool(_holders_anywhere(roles, title))


def _holders_anywhere(roles: dict[str, set[str]], title: str) -> set[str]:
    """The surnames of everyone the article gives the post, named before the title or after."""
    return {key for key, held in roles.items() if any(role_compatible(title, r) for r in held)}


def _surname(name: str) -> str:
    parts = name.lower().split()
    return parts[-1] if parts else ""


def _person_keys(name: str) -> list[str]:
    return [_surname(name)]
