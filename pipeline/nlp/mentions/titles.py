"""Title references: "the Prime Minister", "the Tory leader", "our correspondent" tied to
the person of the article who holds the post.

The posts people are given (before their names, or by an earlier title reference) are
collected per surname, and a definite post is tied to its one holder, to the one person
just named when many hold such a post, or left untied (carrying only the role) when nobody
in the article holds it. Only title references read the posts each person holds
(`roles_by_name`, `holds`, `lead_posts`), so that bookkeeping lives here with them.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.mentions.bodies import surname
from pipeline.nlp.mentions.context import MentionContext, body_key
from pipeline.nlp.mentions.office_holders import known_holder
from pipeline.nlp.mentions.people import is_bare_title, title_words
from pipeline.nlp.mentions.pronouns import is_clause_subject, is_modifier, names_a_post
from pipeline.nlp.mentions.vocabulary import OFFICE_NOUNS, TITLE_MODIFIERS
from pipeline.nlp.names import deputy_post, role_compatible
from pipeline.nlp.quotes.cues import PROXY_NOUNS
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import POSSESSIVES, is_subject
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
# Modifiers of a post its holder no longer holds ("the former Labour leader"): the person, not the post.
FORMER_WORDS = ("former", "ex", "outgoing")



def holds(mc: MentionContext, roles: dict[str, set[str]], start: int, end: int, target: Mention) -> None:
    """A title reference tied to someone gives that person its post for the references after
    it: "the Trade and Industry Secretary has said. Patricia Hewitt said … The minister told
    delegates" (a Trade Minister is a minister), as a title before the name would."""
    role = mc.gaz.match_role(mc.doc[start:end].text)
    if role is None or role.seniority <= GENERIC_POST_SENIORITY:
        return  # "the MP", "the Tory leader": a post many hold names nobody's office
    if not any(mc.doc[k].lower_ in FORMER_WORDS for k in range(start, end)):
        roles.setdefault(surname(target.name), set()).add(role.name)


def lead_posts(mc: MentionContext, persons: list[Mention], roles: dict[str, set[str]]) -> None:
    """A news lead that gives the speaker only an indefinite post ("UK Muslims should accept
    …, a Home Office minister has said.") names its holder next ("Hazel Blears said …"): that
    person holds the post for the title references after it ("The minister had been saying"),
    found as `_named_after_lead` finds the holder of a definite lead post."""
    first = next((s for s in mc.ctx.sentences if s.section == "body"), None)
    if first is None:
        return
    view = view_of(mc.doc)
    tokens = view.token_range(first.char_start, first.char_end)
    for k in range(*tokens) if tokens is not None else ():
        subject = view.dep[view.head[k]] in ("nsubj", "nsubjpass")
        if view.lower[k] not in ("a", "an") or view.dep[k] != "det" or not subject:
            continue  # told on the view, a Token made only for an indefinite subject's article
        det = mc.doc[k]
        head = det.head
        role = mc.gaz.match_role(mc.doc[det.i + 1 : head.i + 1].text) or mc.gaz.match_role(head.text)
        if role is None or role.seniority <= GENERIC_POST_SENIORITY or head.tag_ != "NN":
            continue
        named = _named_after_lead(mc, det, persons, roles, role.name)
        if named is not None:
            roles.setdefault(surname(named.name), set()).add(role.name)


def roles_by_name(mc: MentionContext, persons: list[Mention]) -> dict[str, set[str]]:
    """Roles per person in this article, keyed by surname."""
    roles: dict[str, set[str]] = {}
    for m in persons:
        if m.role and not _former_post(mc, m):
            roles.setdefault(surname(m.name), set()).add(m.role)
    return roles


def _former_post(mc: MentionContext, m: Mention) -> bool:
    """ "ex-Conservative chancellor Ken Clarke", "former home secretary David Blunkett": a post
    written before the name as no longer held, so its holder is nobody "the chancellor" means."""
    view = view_of(mc.doc)
    tokens = view.token_range(m.char_start, m.char_end)
    if tokens is None:
        return False
    for k in reversed(range(max(0, tokens[0] - 6), tokens[0])):
        if view.lower[k] in FORMER_WORDS:
            return True
        if not (view.text[k] == "-" or view.lower[k] in mc.role_words or view.ent_type[k] or view.is_title[k]):
            return False
    return False


def _not_former(mc: MentionContext, persons: list[Mention], title: str) -> list[Mention]:
    """The people the office-holder knowledge may give a post: not those the text gives it as
    no longer held ("ex-Conservative chancellor Ken Clarke" is no "the chancellor" of the
    article, whatever the knowledge says he once held)."""
    former = {surname(m.name) for m in persons if m.role and role_compatible(title, m.role) and _former_post(mc, m)}
    return [m for m in persons if surname(m.name) not in former]


def title_reference(
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
    view = view_of(mc.doc)
    start = the.i + 1
    former = start < len(view) and view.lower[start] in FORMER_WORDS
    start += former  # "the former Labour leader": the party's post, held before
    body = bodies.get(start)
    if body is not None:
        start = _after_mention(mc, body, start)
        if start < len(view) and view.text[start] in POSSESSIVES:
            start += 1
    start, place = _place_before_post(mc, start, bodies if body is None else {})
    if body is None and place is not None and (body := bodies.get(start)) is not None:
        # "the Scottish Conservative leader", "the Welsh Labour leader": a party after the place
        start = _after_mention(mc, body, start)
    idx = title_words(mc, start, 1, 5)
    if not idx or idx[0] != start:
        return None
    doc = mc.doc
    words = [view.lower[k] for k in idx]
    if "and" in words and mc.gaz.match_role(" ".join(view.text[k] for k in idx[: words.index("and")])) is not None:
        # "the Cardinal and Archbishop of Canterbury ...": two titles; "the trade and
        # industry secretary" is one post of a two-part department
        idx = idx[: words.index("and")]
        if not idx:
            return None
    if view.tag[idx[-1]] in ("NNS", "NNPS"):
        return None
    after = idx[-1] + 1
    if after < len(doc) and (
        view.lower[after] == "of" and not _charge_after(doc[after], doc[idx[-1]])
        or view.ent_type[after]
        or view.pos[after] == "PROPN"
    ):
        return None  # "the Prime Minister Tony Blair" / "the President of Azerbaijan"
    typed = any(view.ent_type[k] for k in idx)
    if typed and not is_bare_title(mc, doc[idx[0] : idx[-1] + 1]) or any(view.ent_id[k] for k in idx):
        return None  # "the Labour leader": a name inside; "the Cardinal" typed ORG is still a title
    if former and body is None and place is None or any(view.lower[k] in TITLE_MODIFIERS for k in idx):
        return None  # "the then Lord Chancellor", "the former minister": maybe someone else
    if view.dep[idx[-1]] in ("amod", "compound") or after < len(doc) and view.tag[after].startswith("NN"):
        return None  # "the general election": the title word modifies another noun
    role = mc.gaz.match_role(" ".join(view.text[k] for k in idx))
    if role is None:
        return None
    before = [m for m in persons if m.char_start < the.idx]
    head = doc[idx[0] : idx[-1] + 1].root
    alone = head.dep_ in ("nsubj", "nsubjpass") and not any(c.dep_ in ("cc", "conj") for c in head.children)
    # the knowledge may name the holder of a post the title's own head word is ("the prime
    # minister"), not of one inside a longer phrase ("the economy and the chancellor")
    ask_knowledge = head.i == idx[-1] and not _names_no_holder(head)
    if former or place is not None:
        # "the former Labour leader", "the Salford MP", "The French president": a post of a
        # party or place, or one held before, is no office the text's holders of the post share;
        # as a clause's subject it is the one person just named, when nothing ties that person
        # to another country; "the Israeli prime minister" the knowledge gives one person
        # the article names is that person, subject or not
        unknown = former or not place or role.seniority <= GENERIC_POST_SENIORITY or not ask_knowledge
        known = None if unknown or _placed_holders(before, role.name, place) else known_holder(
            mc, the, _not_former(mc, persons, role.name), roles, role.name, place
        )
        if known is not None:
            return idx[0], idx[-1] + 1, known
        if not alone:
            return None
        if not former and role.seniority > GENERIC_POST_SENIORITY:
            # "The French president" after "French President Jacques Chirac": a holder of the
            # post from that country, when the article names one
            placed = _placed_holders(before, role.name, place)
            if len({surname(m.name) for m in placed}) == 1:
                return idx[0], idx[-1] + 1, placed[-1]
            if placed:
                return None
        linked = [m for m in references if m.char_start < the.idx and m.kind == "pronoun"]
        candidates = sorted(_not_of_other_party(before + linked, before, parties, body), key=lambda m: m.char_start)
        generic = role.seniority <= GENERIC_POST_SENIORITY  # an MP may hold another post too
        recent = _just_named(mc, the, candidates, {} if former or generic else roles, role.name, roles)
        if recent is None or place and recent.country_iso3 not in (None, place):
            return None
        return idx[0], idx[-1] + 1, recent
    named_before = {surname(m.name) for m in before}  # a holder named only later is not meant yet
    holders = {
        key for key, held in roles.items() if key in named_before and any(role_compatible(role.name, r) for r in held)
    }
    if body is not None:
        wanted = body_key(body)
        of_body = {surname(m.name) for m in before if parties.get(m.mention_id) == wanted}
        holders = (holders & of_body) or {
            h for h in holders if not any(parties.get(m.mention_id) for m in before if surname(m.name) == h)
        }
        if not holders:  # nobody holds the post in the text: the one party member just named
            sentence = mc.ctx.sentence_at(the.idx)
            recent = {
                surname(m.name)
                for m in before
                if parties.get(m.mention_id) == wanted
                and not roles.get(surname(m.name))
                and sentence is not None
                and sentence.sentence_id - m.sentence_id <= 1
            }
            holders = recent
    # "the prime minister's official spokesman said": the post whose holder the proxy speaks for
    alone = alone or head.dep_ == "poss" and head.head.lemma_.lower() in PROXY_NOUNS and is_subject(head.head)
    if not holders and ask_knowledge and (body is not None or not _held_in_article(roles, role.name)):
        # nobody in the text is given the post: the one person it names whom the knowledge
        # gives it ("Tony Blair has defended his record. The prime minister criticised …");
        # "the Tory leader": the one leader of the party the knowledge gives the article's names
        party = body_key(body) if body is not None else None
        known = known_holder(mc, the, _not_former(mc, persons, role.name), roles, role.name, None, party)
        if known is not None:
            return idx[0], idx[-1] + 1, known
    if not holders and alone and (body is not None or role.seniority <= GENERIC_POST_SENIORITY):
        # "Labour backbencher Stephen Pound said … The MP for Ealing North claimed", "Mr Howard
        # will say … But the Tory leader will argue": a post many hold, or a party's post
        # nobody in the text is given, as a clause's subject is the one person just named
        linked = [m for m in references if m.char_start < the.idx and m.kind == "pronoun"]
        generic = role.seniority <= GENERIC_POST_SENIORITY  # an MP may hold another post too
        held = {} if generic else roles
        candidates = _not_of_other_party(before + linked, before, parties, body)
        recent = _just_named(mc, the, sorted(candidates, key=lambda m: m.char_start), held, role.name, roles)
        if recent is not None:
            return idx[0], idx[-1] + 1, recent
    if not holders and body is None and alone:
        # a news lead gives the post before the name ("The home secretary said he would not …"
        # then "Home Secretary Charles Clarke told …"): the one holder the article names later
        later = _holders_anywhere(roles, role.name)
        if len(later) == 1:
            key = next(iter(later))
            after = [m for m in persons if m.char_start > the.idx and surname(m.name) == key]
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
    named = [m for m in before if surname(m.name) == key]
    # "President Barack Obama … a speech by Michelle Obama … The President spoke": of the
    # people sharing the holder's surname, the one named with the post, and holding it still
    # ("President George W Bush met his father, former President George Bush")
    holding = {m.name for m in named if m.role and role_compatible(role.name, m.role) and not _former_post(mc, m)}
    named = [m for m in named if m.name in holding] or named
    if not named:
        return None
    return idx[0], idx[-1] + 1, named[-1]


def _not_of_other_party(
    candidates: list[Mention], before: list[Mention], parties: dict[str, str], body: Mention | None
) -> list[Mention]:
    """ "Labour MP Tony Wright was angry. The Tory leader said", "… The Scottish Conservative
    leader said": not him; of the people a party's post may be, those the text ties to no
    other party (all of them when the post names no party)."""
    if body is None:
        return candidates
    wanted = body_key(body)
    other = {surname(m.name) for m in before if parties.get(m.mention_id) not in (None, wanted)}
    return [m for m in candidates if surname(m.name) not in other]


def _names_no_holder(head: Token) -> bool:
    """Whether a bare title says nothing of who holds the office now, so the office-holder
    knowledge must not name anyone: a predicate ("whoever is the prime minister", "he would
    be the prime minister": its subject is whoever holds it), a title given its own name in
    apposition ("the prime minister at the time, Margaret Thatcher": that person, maybe a
    past holder), or the office itself ("the prime minister's job", "the role of the
    president", `OFFICE_NOUNS`)."""
    if head.dep_ in ("attr", "oprd"):
        return True
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children):
        return True
    if head.dep_ == "poss":
        return head.head.lemma_.lower() in OFFICE_NOUNS
    return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in OFFICE_NOUNS


def _charge_after(of: Token, title: Token) -> bool:
    """ "accused the chancellor of ducking tough choices", "accusing the prime minister of
    \"hiding away\"": an "of" that hangs from the verb, or whose object is a clause (an
    -ing verb), says what the post's holder is charged with, not whose post it is (as in
    "the President of Azerbaijan")."""
    return of.head.i != title.i or any(c.dep_ == "pcomp" for c in of.children)


def _after_mention(mc: MentionContext, mention: Mention, default: int) -> int:
    """The position of the word after `mention` ("the Tory leader": "leader" after "Tory"),
    or `default` where the mention's characters fall on no words."""
    tokens = view_of(mc.doc).token_range(mention.char_start, mention.char_end)
    return tokens[1] if tokens is not None else default


def _place_before_post(mc: MentionContext, start: int, bodies: dict[int, Mention]) -> tuple[int, str | None]:
    """ "the Salford MP", "The French president": a place or nationality NER typed before the
    post (a constituency may come out PRODUCT or FAC), as (where the post starts, the place's
    country code, or "" when the gazetteer does not know it); (start, None) when there is none.
    A party among `bodies` may stand between the place and the post ("the Scottish
    Conservative leader"): the post then starts at the party."""
    view, k = view_of(mc.doc), start
    while (
        k < len(view)
        and k - start < 3
        and view.ent_type[k] in PLACE_TYPES
        and view.is_title[k]
        and (view.lower[k] not in mc.role_words or k + 1 in bodies)
    ):
        k += 1
    post = k
    if k > start and (body := bodies.get(k)) is not None:
        k = _after_mention(mc, body, k)
    if k == start or k >= len(view) or view.ent_type[k] or view.lower[k] not in mc.role_words:
        return start, None
    # the first country in text order ("the French German minister": France), never a
    # set's order, which changes with the hash seed
    ids = (view.ent_id[i] for i in range(start, post))
    country = next((i.split(":", 1)[1] for i in ids if i.startswith("country:")), "")
    return post, country


def _placed_holders(before: list[Mention], title: str, place: str) -> list[Mention]:
    """Mentions of people given a post compatible with the title, of the place's country when
    it is known and any of them carries a country."""
    held = [m for m in before if m.role and role_compatible(title, m.role)]
    if place and any(m.country_iso3 for m in held):
        held = [m for m in held if m.country_iso3 == place]
    return held


def _just_named(
    mc: MentionContext,
    the: Token,
    before: list[Mention],
    roles: dict[str, set[str]],
    title: str,
    posts: dict[str, set[str]] | None = None,
) -> Mention | None:
    """The one person named in the last of the two sentences before a title reference that
    names anyone (else the one subject among them), when nobody is named earlier in its own
    sentence and that person holds no other post in the text (`roles`), nor the deputy's post
    of this one (`posts`, all the posts the text gives: "Deputy Mayor Nicky Gavron said … The
    mayor accused …" is someone else, even where a post many hold may be held beside others)."""
    sentence = mc.ctx.sentence_at(the.idx)
    if sentence is None:
        return None
    named = [
        m for m in before if not mc.inside_quote(m.char_start) and (not is_modifier(mc, m) or names_a_post(mc, m))
    ]
    if any(m.sentence_id == sentence.sentence_id for m in named):
        return None  # "Mr Blair said the chancellor would …": someone else
    earlier = [m for m in named if 0 < sentence.sentence_id - m.sentence_id <= 2]
    last = max((m.sentence_id for m in earlier), default=None)  # a quoted question may sit between
    previous = [m for m in earlier if m.sentence_id == last]
    people = {surname(m.name) for m in previous}
    if len(people) != 1:
        subjects = [m for m in previous if is_clause_subject(mc, m)]
        if len({surname(m.name) for m in subjects}) != 1:
            return None
        previous = subjects
    found = previous[-1]
    held = roles.get(surname(found.name), set())
    if held and not any(role_compatible(title, r) for r in held):
        return None
    if any(deputy_post(title, r) for r in (posts or {}).get(surname(found.name), ())):
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
        mc.section[view_of(mc.doc).token_range(m.char_start, m.char_end)[0]] == "body"
        and m.sentence_id <= sentence.sentence_id
        for m in persons
    ):
        return None
    following = [
        m
        for m in persons
        if 0 < m.sentence_id - sentence.sentence_id <= 2
        and not mc.inside_quote(m.char_start)
        and is_clause_subject(mc, m)
    ]
    following = [m for m in following if m.sentence_id == min((f.sentence_id for f in following), default=-1)]
    if len({surname(m.name) for m in following}) != 1:
        return None
    found = following[0]
    held = roles.get(surname(found.name), set())
    if held and not any(role_compatible(title, r) for r in held):
        return None
    return found


def _held_in_article(roles: dict[str, set[str]], title: str) -> bool:
    """Whether anyone in the article holds the post, named before the title or after."""
    return bool(_holders_anywhere(roles, title))


def _holders_anywhere(roles: dict[str, set[str]], title: str) -> set[str]:
    """The surnames of everyone the article gives the post, named before the title or after."""
    return {key for key, held in roles.items() if any(role_compatible(title, r) for r in held)}
