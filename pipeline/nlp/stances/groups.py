"""Holders without a name: "critics say", "unions oppose the reforms", "widely applauded by
environmentalists", "business leaders have welcomed …".

The mention layer names people, bodies and states; a group the text names only by a common
noun is no entity until it takes a position (eval/GUIDE.md: a common noun becomes a GROUP when
it holds a stance or acts in an event). So the stance passes see, besides the article's
mentions, a candidate GROUP mention for every plural noun of the vocabulary's
`group_holder_nouns` that is a subject or a passive's agent and that no mention covers; the
phrase keeps its modifiers ("public sector unions"). Only candidates that end up holding a
stance join the article's mentions (`held_groups`), so a group that merely appears ("jobs for
workers") is never an entity.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from pipeline.nlp.gazetteer import load_gazetteer
from pipeline.nlp.mentions.parties import is_party
from pipeline.nlp.records import ArticleContext, Mention, Stance
from pipeline.nlp.stances.words import (
    ACTED_ON_NOUNS,
    COLLECTIVE_NOUNS,
    COMPANY_NOUNS,
    COUNT_NOUNS,
    DISSENT_NOUNS,
    GROUP_HOLDER_NOUNS,
    GROUP_TARGET_PREPOSITIONS,
    HOLDER_PREPOSITIONS,
    MEMBER_NOUNS,
    MEMBERSHIP_MODIFIERS,
    MODIFIED_GROUP_NOUNS,
    RECEIVE_VERBS,
    REVOLT_NOUNS,
    STANCE_NOMINALS,
    SURVEY_NOUNS,
)
from pipeline.nlp.syntax import PLACE_LABELS, PLACE_PREPS
from pipeline.nlp.token_view import view_of

GROUP_LABEL = "GROUP_NOUN"  # ner_label of a group named by a common noun
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_HOLDER_LEMMAS = GROUP_HOLDER_NOUNS - COMPANY_NOUNS  # firms are organisations, no group of people
_GROUP_LEMMAS = MODIFIED_GROUP_NOUNS | _HOLDER_LEMMAS  # what _group_noun reads
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# quantity and degree adjectives say how many or how prominent, not who ("many economists")
NOT_NAMING = frozenset(
    {
        "many", "some", "several", "other", "most", "few", "numerous", "leading", "senior", "top", "all",
        "more", "fewer", "further", "additional",  # "16 more MPs have deserted him": the MPs
    }
)


@dataclass(frozen=True, slots=True)
class GroupCandidates:
    """An article's candidate groups, found in one pass over its words, with why each was."""

    acting: list[Mention]  # subjects and agents: the stance passes' holders
    every: list[Mention]  # those and the groups an act is done to (`_acted_on`): the events' actors
    done_to: frozenset[str]  # ids of those only acted on or a passive's subject ("protesters were detained")
    named: list[Mention]  # a party's rebels ("Labour rebels"): a group wherever they stand (`_in_revolt`)


def group_mentions(ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
    """Candidate GROUP mentions for plural group nouns that act as subjects or agents."""
    return group_candidates(ctx, mentions).acting


def group_candidates(ctx: ArticleContext, mentions: list[Mention]) -> GroupCandidates:
    """Candidate GROUP mentions for plural group nouns that act as subjects or agents, and
    those an act is done to (`_acted_on`), for the events, whose targets take part in the act
    as much as its sources do (eval/GUIDE.md: a generic noun becomes a GROUP when it acts in
    an event; "Police detained the protesters")."""
    # a demonym before the noun describes the group ("the Macedonian opposition"), any other
    # mention names whose people they are ("Downing Street officials", "Labour MPs": the
    # stance passes resolve them to the body, `StanceArticle.mention_of`)
    taken = [m for m in mentions if m.kind != "demonym"]
    starts = {m.char_start for m in mentions}
    found: list[tuple[Mention, bool, bool]] = []  # a candidate, whether it acts, whether a passive's subject
    collectives: list[tuple[Mention, bool]] = []  # "a group of MPs", "the group": whether the phrase says whose
    rebels: set[str] = set()  # ids of a party's rebels (`_in_revolt`)
    located: set[str] = set()  # ids of those a place phrase of their own locates (`_placed`)
    view = view_of(ctx.doc)
    pos, lemma = view.pos, view.lemma
    for i in range(len(view)):
        # what _group_noun and _acting ask first, read from the view, so only the few
        # nouns of the group vocabulary become Token objects
        if pos[i] not in ("NOUN", "PROPN") or not _may_name_group(lemma[i]):
            continue
        token = ctx.doc[i]
        collective = _collective(token)
        if collective is None and not _group_noun(token):
            continue
        acting = _acting(token)
        revolt = _in_revolt(token)
        if not acting and not revolt and not _acted_on(token):
            continue
        sentence = ctx.sentence_at(token.idx)
        if sentence is None or sentence.section not in ("body", "headline"):
            continue
        first = first_modifier(token) if collective is None else collective[0]
        last = ctx.doc[token.i if collective is None else collective[1] - 1]
        start, end = ctx.doc[first].idx, last.idx + len(last.text)
        covering = [m for m in taken if m.char_start < end and start < m.char_end]
        if covering and not _dissenters_of(token, covering):
            continue
        revolt = revolt and bool(covering)  # "rebels" alone: no party names whose rebels they are
        if not acting and not revolt and not _acted_on(token):
            continue
        if _named_beside(token, taken):
            continue
        surface = ctx.text[start:end]
        # a mention id is its article and start offset; a demonym opening the phrase
        # ("Iranian MPs") already holds that one, so the group is named by its noun's offset
        key = next((offset for offset in (start, token.idx) if offset not in starts), None)
        if key is None:
            continue
        if collective is None:
            name = phrase_name(ctx.doc[first : token.i + 1])
        else:
            name = _collective_name(ctx.doc[first], surface)
        mention = Mention(
            f"{ctx.article_id}#m{key}", ctx.article_id, sentence.sentence_id, surface, start, end,
            GROUP_LABEL, "GROUP", "name", name,
        )
        if collective is not None:
            collectives.append((mention, collective[2]))
        if revolt:
            rebels.add(mention.mention_id)
        found.append((mention, acting, token.dep_ == "nsubjpass"))
        if _placed(token):
            located.add(mention.mention_id)
    found = _one_collective(found, collectives)
    # "Somali pirates ... The pirates": a group the mention layer named in full names the bare noun too
    named = [m for m in mentions if m.entity_type == "GROUP" and m.kind == "name"]
    every = _fuller_names([m for m, _, _ in found], named, located)
    return GroupCandidates(
        _fuller_names([m for m, acting, _ in found if acting], named, located),
        every,
        frozenset(m.mention_id for m, acting, passive in found if not acting or passive),
        [m for m in every if m.mention_id in rebels],
    )




def _collective(token: Token) -> tuple[int, int, bool] | None:
    """A singular noun of a body of people (`collective_nouns`) as a group: the phrase's first
    and end word, and whether it says whose the body is: "a cross-party group", "the all-party
    group", "a bipartisan group" (a `membership_modifiers` word before it: the phrase from it),
    "a group of MPs", "a group of peers" (an "of" phrase whose plural noun is a body's members,
    `member_nouns`: the phrase to it). A bare "the group" says nothing of whose it is (False): a company
    or a named body may be it, so only one the article names as above may be (`_one_collective`).
    Any other modifier ("the media group", "a group of companies") is no group of people."""
    if token.tag_ != "NN" or token.lemma_.lower() not in COLLECTIVE_NOUNS:
        return None
    doc = token.doc
    for k in (1, 2, 3):  # "bipartisan", "cross - party": the tokenizer splits a hyphenated word
        if token.i >= k and "".join(t.text for t in doc[token.i - k : token.i]).lower() in MEMBERSHIP_MODIFIERS:
            return token.i - k, token.i + 1, True
    lefts = list(token.lefts)
    members = [
        o for prep in token.rights if prep.dep_ == "prep" and prep.lower_ == "of"
        for o in prep.children if o.dep_ == "pobj"
    ]
    if members and not any(c.dep_ in ("amod", "compound", "nmod") for c in lefts):
        noun = members[0]
        word = noun.text[:-1].lower() if _acronym_plural(noun) else noun.lemma_.lower()
        if (noun.tag_ in ("NNS", "NNPS") or _acronym_plural(noun)) and word in MEMBER_NOUNS:
            return token.i, noun.i + 1, True
        return None
    if [c.lower_ for c in lefts] == ["the"]:
        return token.i, token.i + 1, False
    return None


def _collective_name(first: Token, surface: str) -> str:
    """ "A group of MPs" opening a sentence: the phrase as written, its first capital lowered."""
    return surface[0].lower() + surface[1:] if first.is_sent_start and not first.ent_type_ else surface


def _one_collective(
    found: list[tuple[Mention, bool, bool]], collectives: list[tuple[Mention, bool]]
) -> list[tuple[Mention, bool, bool]]:
    """The article's collective groups as one group (`_collective`): a body named by a
    membership modifier ("the cross-party group") names every one, else the first "group of
    MPs" does; a bare "the group" stays only where the article names such a body, for
    elsewhere it is mostly a company or a body named by its name ("Lenovo Group ... the group")."""
    if not collectives:
        return found
    said = [m for m, whose in collectives if whose]
    if not said:
        drop = {m.mention_id for m, _ in collectives}
        return [f for f in found if f[0].mention_id not in drop]
    modified = [m for m in said if not m.name.lower().startswith(tuple(COLLECTIVE_NOUNS))]
    name = (modified or said)[0].name
    ids = {m.mention_id for m, _ in collectives}
    return [(replace(m, name=name) if m.mention_id in ids else m, acting, passive) for m, acting, passive in found]


def _named_beside(token: Token, mentions: list[Mention]) -> bool:
    """ "two UWB groups, WiMedia Alliance and Multi-band OFDM alliance, had merged": an
    apposition names who the noun means, and the named ones act, not a generic group. One
    with a modifier of its own names an example only ("Amnesty among them", "notably
    Amnesty", "among them Amnesty"): the group is more than those named and stays."""
    for child in token.children:
        if child.dep_ != "appos" or any(g.dep_ in ("prep", "advmod") for g in child.children):
            continue
        if any(m.char_start <= child.idx < m.char_end for m in mentions):
            return True
    return False


def _placed(token: Token) -> bool:
    """ "Students in London", "pirates off Nigeria": a place phrase of the noun's own says which
    ones it means, so it is no bare noun for a group named elsewhere to take up."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in PLACE_PREPS
        and any(o.dep_ == "pobj" and o.ent_type_ in PLACE_LABELS for o in prep.children)
        for prep in token.rights
    )


def _fuller_names(groups: list[Mention], named: list[Mention], located: set[str]) -> list[Mention]:
    """A bare group noun ("unions") is the group the article names more fully with the same
    noun ("public sector unions"; also a GROUP the mention layer `named`, "Somali pirates"),
    the nearest such phrase before it, else after it: it takes that name, so the article has
    one group, as a bare definite noun takes its fuller label. Not a noun a place phrase of
    its own locates (`located`: "Students in London"), nor one that several different fuller
    names before it could mean ("Palestinian militants ... Kurdish militants ... the
    militants"): which group it is, the text does not say."""
    fuller = sorted((m for m in [*groups, *named] if " " in m.name), key=lambda m: m.char_start)
    if not fuller:
        return groups
    out: list[Mention] = []
    for mention in groups:
        noun = mention.name.lower()
        bare = " " not in noun and mention.mention_id not in located
        same = [m for m in fuller if m.name.lower().endswith(" " + noun)] if bare else []
        before = [m for m in same if m.char_start < mention.char_start]
        if len({m.name.lower() for m in before}) > 1:
            before = same = []
        found = before[-1] if before else same[0] if same else None
        out.append(replace(mention, name=found.name) if found is not None else mention)
    return out


def polled_groups_dropped(
    ctx: ArticleContext, groups: list[Mention], stances: list[Stance], mentions: list[Mention] = ()
) -> list[Stance]:
    """The stances, less those a group holds in a sentence that reports a survey ("Consumers
    are very concerned about RFID tags, a survey says"), and those of any holder whose clause
    a survey reports ("a poll suggests two-thirds of Britons support …", "less than half the
    UK wants a ban, the Mori survey suggests"): a poll is never a stance of its respondents
    (eval/GUIDE.md)."""
    ids = {m.mention_id for m in groups}
    by_id = {m.mention_id: m for m in mentions}
    held_in = {s.sentence_id for s in stances}  # only the sentences a stance is held in are read
    polled = {
        s.sentence_id
        for s in ctx.sentences
        if s.sentence_id in held_in and any(w in SURVEY_NOUNS for w in s.text.lower().replace(",", " ").split())
    }
    return [
        s for s in stances
        if s.sentence_id not in polled
        or s.holder_mention_id not in ids and not _polled_holder(ctx, by_id.get(s.holder_mention_id or ""), s)
    ]


def _polled_holder(ctx: ArticleContext, holder: Mention | None, stance: Stance) -> bool:
    """Whether the holder, named in the stance's sentence, stands in a clause a survey reports:
    a verb above it has a survey noun for its subject ("a poll suggests …")."""
    if holder is None or holder.sentence_id != stance.sentence_id:
        return False
    span = ctx.doc.char_span(holder.char_start, holder.char_end, alignment_mode="expand")
    if span is None:
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in SURVEY_NOUNS
        for above in span.root.ancestors
        for c in above.children
    )


def held_groups(groups: list[Mention], stances: list[Stance]) -> list[Mention]:
    """The candidate groups that hold a stance."""
    holders = {s.holder_mention_id for s in stances}
    return [m for m in groups if m.mention_id in holders]


def _group_noun(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ not in ("NOUN", "PROPN"):
        return False  # "Unions criticised …": a capital may make it a proper noun to the tagger
    if _acronym_plural(token):
        return token.text[:-1].lower() in GROUP_HOLDER_NOUNS  # "MPs urged …"
    if _capitalised_plural(token):
        return token.lower_[:-1] in _HOLDER_LEMMAS  # "Rebels attacked …"
    if lemma in MODIFIED_GROUP_NOUNS:
        # "many Chinese people", not "people say"
        return any(c.dep_ in ("amod", "compound") and (c.ent_type_ == "NORP" or c.pos_ == "PROPN") for c in token.lefts)
    if lemma not in _HOLDER_LEMMAS:
        return False
    return token.tag_ in ("NNS", "NNPS") or lemma == "opposition"


def _may_name_group(lemma: str) -> bool:
    """The gate before _group_noun: its vocabulary, or a plural abbreviation ("MPs") that
    the tagger keeps as its own lemma."""
    key = lemma.lower()
    return key in _GROUP_LEMMAS or (key.endswith("s") and key[:-1] in GROUP_HOLDER_NOUNS)


def _acronym_plural(token: Token) -> bool:
    """ "MPs", "MEPs": the tagger reads a plural abbreviation as a singular proper noun and
    keeps it as its own lemma."""
    text = token.text
    return len(text) >= 3 and text.endswith("s") and text[:-1].isupper() and text[:-1].isalpha()


def _capitalised_plural(token: Token) -> bool:
    """ "Rebels", "Guerrillas" opening a sentence: the tagger may read a capitalised plural
    as a proper noun and keep it as its own lemma; one NER leaves untagged is still the
    common noun (a name NER tags, "the Tigers", is left to the mention layer)."""
    text = token.text
    return (
        token.tag_ in ("NNP", "NNPS")
        and token.lemma_ == text
        and not token.ent_type_
        and len(text) > 3
        and text[0].isupper()
        and text[1:].islower()
        and text.endswith("s")
    )


def _acting(token: Token) -> bool:
    """A subject, the agent of a passive ("applauded by environmentalists"), a noun with a
    participle ("advocates demanding …"), or the one whose stance a stance noun names
    ("support for the plan from unions", "opposition among backbenchers", "critics' calls
    for …", "the decision provoked fury among farmers")."""
    if token.dep_ in SUBJECT_DEPS:
        return True
    if token.dep_ == "poss" and token.head.lemma_.lower() in STANCE_NOMINALS:
        return True  # "critics' calls for …", "the unions' opposition to …"
    if any(c.dep_ == "acl" and c.tag_ == "VBG" for c in token.children):
        return True  # "protesters calling for …": the noun does what its participle says
    if token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ == "of" and prep.head.lower_ in COUNT_NOUNS and prep.head.dep_ in SUBJECT_DEPS:
        return True  # "Millions of public service workers could strike": the counted group is the subject
    if prep.dep_ == "agent":
        return True
    if prep.lower_ not in HOLDER_PREPOSITIONS or prep.lower_ == "by":
        return False
    # the parser may hang "from" on the stance noun or on its own object ("support for the bill from …")
    owner = prep.head
    if owner.lemma_.lower() not in STANCE_NOMINALS and owner.dep_ == "pobj":
        owner = owner.head.head
    if owner.lemma_.lower() in RECEIVE_VERBS:
        # "the decision provoked fury among farmers": hung on the verb whose object it names
        owner = next((c for c in owner.children if c.dep_ == "dobj" and c.i < prep.i), owner)
    return owner.lemma_.lower() in STANCE_NOMINALS


def _dissenters_of(token: Token, covering: list[Mention]) -> bool:
    """ "62 Labour rebels", "Tory rebels": a party's name before a noun of dissent
    (`dissent_nouns`) describes the group, whose position is against the party's, so the phrase
    is a group of its own, not the party's members (`member_nouns`), who speak for it. Only
    where every name in the phrase is a party's and lies in its modifiers: "FARC rebels",
    "Houthi rebels" are the armed group itself, named by what it is."""
    if not is_dissent_noun(token):
        return False
    gaz = load_gazetteer()
    return all(m.char_end <= token.idx and is_party(gaz, m) for m in covering)


def _in_revolt(token: Token) -> bool:
    """ "rebels", "dissidents" (`revolt_nouns`, plural): after a party's name (`_dissenters_of`)
    the party's own members in revolt, a group the text names as such wherever the phrase
    stands ("despite the support of 62 Labour rebels"), as "Russian peacekeepers" is one."""
    return token.lemma_.lower() in REVOLT_NOUNS and token.tag_ in ("NNS", "NNPS")


def is_dissent_noun(token: Token) -> bool:
    """ "rebels", "critics" (`dissent_nouns`, plural): people who break with the body named
    before them and stand against the one their "of" phrase names, so neither speaks through
    them (one "opponent" may still be named in apposition: "his opponent, John Kerry")."""
    return token.lemma_.lower() in DISSENT_NOUNS and token.tag_ in ("NNS", "NNPS")


def _acted_on(token: Token) -> bool:
    """A verb's direct object ("released the detainees"), the object of a preposition of the
    verb's target ("a crackdown on protesters"), or the "of" phrase of an act named by a
    noun ("the release of the detainees"): the one an act is done to. Not a
    counted crowd ("balloting 800,000 workers"), and only the people acts are done to
    (`acted_on_nouns`: "sent doctors", "sanctioned Iranian companies" name what is sent or
    whose state is the target)."""
    if token.lemma_.lower() not in ACTED_ON_NOUNS or any(c.dep_ == "nummod" for c in token.children):
        return False
    if token.dep_ == "dobj":
        return token.head.pos_ in ("VERB", "AUX")
    if token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ == "of":
        return prep.head.pos_ == "NOUN" and prep.head.tag_ == "NN" and prep.head.lemma_.lower() not in _GROUP_LEMMAS
    return prep.lower_ in GROUP_TARGET_PREPOSITIONS


def first_modifier(token: Token) -> int:
    """Index of the first word of the noun's contiguous modifiers ("public sector unions")."""
    first = token.i
    while first > 0:
        left = token.doc[first - 1]
        if (
            left.dep_ in MODIFIER_DEPS
            and left.pos_ in ("NOUN", "ADJ", "PROPN")
            and left.lower_ not in NOT_NAMING
            and left.head.i in range(first, token.i + 1)
        ):
            first -= 1
        else:
            break
    return first


def phrase_name(span) -> str:
    """The phrase as a name: the group noun and a sentence-initial capital in lower case, a
    name kept ("Chinese people", "civil rights campaigners"), words joined as the text joins
    them ("pro-hunt campaigners", not "pro - hunt campaigners")."""
    last = span[-1].i
    words = [t.text.lower() if t.i == last or t.is_sent_start and not t.ent_type_ else t.text for t in span]
    spaces = [" " if t.whitespace_ else "" for t in span]
    return "".join(map(str.__add__, words, spaces)).strip()
