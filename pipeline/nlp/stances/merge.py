"""One stance per holder and target in an article (eval/GUIDE.md: "one per (holder, target)"):
the strongest signal, its target linked to an entity only when the label is that entity. The
holder is told by its mention's name, so "the Lib Dems" twice in an article is one holder."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from pipeline.nlp.names import may_name_one_person
from pipeline.nlp.records import Mention, Stance
from pipeline.nlp.stances.absence import denied
from pipeline.nlp.stances.accord import with_person
from pipeline.nlp.stances.context import StanceArticle
from pipeline.nlp.stances.phrases import TIME_ENTITIES, abbreviation, clean
from pipeline.nlp.stances.signals import Signal
from pipeline.nlp.syntax import ARTICLES

# who can take a position: people, bodies, states and groups (eval/GUIDE.md, entities)
HOLDER_TYPES = frozenset({"PERSON", "ORGANIZATION", "COUNTRY", "GROUP"})


def merge(art: StanceArticle, signals: list[Signal]) -> list[Stance]:
    best: dict[tuple, Signal] = {}
    for signal in signals:
        if signal.polarity == 0:
            continue  # a weak cue negated takes no side; neutral is for explicit neutrality only
        if signal.holder.entity_type not in HOLDER_TYPES:
            continue  # "the Xbox would also support …", "Gateshead backs …": a thing or place holds no position
        sentence = art.ctx.sentence_at(signal.token.idx)
        if sentence is None:
            continue
        holder = headline_person(art, signal.holder) or signal.holder
        key = (holder.mention_id, signal.target.lower(), sentence.sentence_id)
        kept = best.get(key)
        if kept is None or _strength(signal) > _strength(kept):
            best[key] = signal
    # the kept signals of each holder in each sentence, which `_part_of_another` compares
    beside: dict[tuple[str, int], list[Signal]] = {}
    for (holder_id, _, sentence_id), signal in best.items():
        beside.setdefault((holder_id, sentence_id), []).append(signal)
    stances = []
    for (holder_id, _, sentence_id), signal in best.items():
        if _part_of_another(signal, beside[holder_id, sentence_id]):
            continue
        target_mention = art.index.at(signal.target_head)
        if target_mention is not None and target_mention.kind == "pronoun":
            target_mention = None
        if target_mention is not None and not _mention_is_target(target_mention, signal):
            target_mention = None
        if target_mention is not None and _same_one(art.by_id.get(holder_id), target_mention):
            continue  # "he insisted he still trusted Mr Blair" read as Blair's: nobody takes sides on themselves
        target = signal.target
        if target_mention is not None and target_mention.kind in ("title", "pronoun", "metonym"):
            named = _named_antecedent(art, target_mention)
            if named is not None:
                target = named  # "the prime minister" -> "Tony Blair"
        target = _possessor_named(art, signal.target_head, target)
        target = _full_name(art, target, target_mention)
        target = _long_form(signal.target_head, target, target_mention)
        if _empty_target(art, signal, target) or denied(signal.target_head) or with_person(signal, target_mention):
            continue  # no issue, or one the sentence says is not there
        sentence = art.ctx.sentences[sentence_id]
        polarity = {1: "support", -1: "oppose", 0: "neutral"}[signal.polarity]
        stances.append(
            Stance(
                article_id=art.ctx.article_id,
                sentence_id=sentence_id,
                holder_mention_id=holder_id,
                target=target,
                target_mention_id=target_mention.mention_id if target_mention else None,
                polarity=polarity,
                score=signal.score,
                evidence=sentence.text,
                quote_id=signal.in_quote.quote_id if signal.in_quote else None,
            )
        )
    kept = _once_per_person(art, _once_per_article(art, stances))
    return sorted(kept, key=lambda s: (s.sentence_id, s.holder_mention_id or "", s.target))


def _same_one(holder: Mention | None, target: Mention) -> bool:
    """Whether the target names the holder itself: the same name, or one person's surname
    written without the given name ("Mr Blair" for Tony Blair; Ed Miliband is not David)."""
    if holder is None or holder.entity_type != target.entity_type:
        return False
    if holder.name.lower() == target.name.lower():
        return bool(holder.name)
    return holder.entity_type == "PERSON" and may_name_one_person(holder.name, target.name)


def _part_of_another(signal: Signal, same_holder: list[Signal]) -> bool:
    """A target inside a longer target of the same holder and side in the same sentence, its
    head below the other's head by no coordination and all its words in the other's label
    ("discussions" inside "enter into constructive discussions with his party", "science"
    inside "case for embracing science"; "discussions" beside "entering into discussions", the
    same head read bare and as the object of its act), is a piece of that issue, not one of its own. A
    conjunct ("attacked the government over Iraq and its response …") stays an issue of its
    own, and so does one the outer act turns round ("welcomed the decision to scrap tuition
    fees": against the fees)."""
    words = set(signal.target.lower().split())
    return any(
        other is not signal
        and other.polarity == signal.polarity
        and (other.target_head == signal.target_head or _below(signal.target_head, other.target_head))
        and len(other.target.split()) > len(signal.target.split())
        and words <= set(other.target.lower().split())
        for other in same_holder
    )


def _below(token: Token, head: Token) -> bool:
    """Whether a token hangs under a head through dependencies that are not coordination."""
    while token.head != token and token.dep_ != "conj":
        token = token.head
        if token == head:
            return True
    return False


def _once_per_article(art: StanceArticle, stances: list[Stance]) -> list[Stance]:
    """One stance per holder (by name) and target in an article, the strongest kept."""

    def key(stance: Stance) -> tuple[str, str]:
        holder = art.by_id.get(stance.holder_mention_id or "")
        return (holder.name if holder else "").lower(), stance.target.lower()

    return _strongest_by(stances, key)


def _once_per_person(art: StanceArticle, stances: list[Stance]) -> list[Stance]:
    """A person's stance under the surname alone ("Letwin") and the same stance (target and
    side) under the one full name of the article's holders it may name ("Oliver Letwin") are
    one stance, as entity resolution later makes them one holder: the stronger is kept."""
    holders = (art.by_id.get(s.holder_mention_id or "") for s in stances)
    full = {m.name for m in holders if m is not None and m.entity_type == "PERSON" and len(m.name.split()) > 1}

    def key(stance: Stance) -> tuple[str, str, str]:
        holder = art.by_id.get(stance.holder_mention_id or "")
        name = holder.name if holder is not None else stance.holder_mention_id or ""
        if holder is not None and holder.entity_type == "PERSON" and name not in full:
            fuller = [f for f in full if may_name_one_person(f, name)]
            name = fuller[0] if len(fuller) == 1 else name
        return name.lower(), stance.target.lower(), stance.polarity

    return _strongest_by(stances, key)


def _strongest_by(stances: list[Stance], key: Callable[[Stance], tuple]) -> list[Stance]:
    """One stance per key, the strongest kept (the earlier sentence on a tie), in the order
    the keys first occur."""
    best: dict[tuple, Stance] = {}
    for stance in stances:
        found = key(stance)
        kept = best.get(found)
        if kept is None or (stance.score, -stance.sentence_id) > (kept.score, -kept.sentence_id):
            best[found] = stance
    return list(best.values())


def headline_person(art: StanceArticle, holder: Mention) -> Mention | None:
    """A title no name resolves ("The prime minister has defended …" under "Blair defends
    terror law changes"): the one person the headline names, when no other person is named
    before the title in the body. BBC reports name their subject in the headline and go on
    by title."""
    if holder.kind != "title" or holder.antecedent or holder.entity_type != "PERSON":
        return None
    start, end = art.labeller.headline
    if start >= end:
        return None
    top, bottom = art.doc[start].idx, art.doc[end - 1].idx + len(art.doc[end - 1])
    named = [m for m in art.by_id.values() if m.entity_type == "PERSON" and m.kind == "name"]
    in_headline = {m.name: m for m in named if top <= m.char_start < bottom}
    if len(in_headline) != 1:
        return None
    person = next(iter(in_headline.values()))
    surname = person.name.split()[-1]
    before = {m.name.split()[-1] for m in named if bottom <= m.char_start < holder.char_start}
    return person if before <= {surname} else None


def _empty_target(art: StanceArticle, signal: Signal, target: str) -> bool:
    """A target that is the holder ("the Cardinal" said by the Cardinal), only a judgement
    ("oppose failure") or a date ("calls in February"): no issue to take a position on."""
    if signal.target_head.ent_type_ in TIME_ENTITIES and len(target.split()) <= 2:
        return True
    if target.lower() in (signal.holder.name.lower(), (_named_antecedent(art, signal.holder) or "").lower()):
        return True
    words = target.split()
    return len(words) == 1 and art.lex.evaluative(words[0]) is not None


def _possessor_named(art: StanceArticle, head: Token, target: str) -> str:
    """A label opened by a title possessor takes the name it stands for ("prime minister's
    view that …" -> "Tony Blair's view that …"), as a reader names whose view it is."""
    poss = next((c for c in head.lefts if c.dep_ == "poss"), None)
    mention = art.index.at(poss) if poss is not None else None
    if mention is None or mention.kind != "title":
        return target
    named = _named_antecedent(art, mention)
    surface = clean(mention.surface)
    if surface.lower().startswith("the "):
        surface = surface[4:]
    if named is None or not target.lower().startswith(surface.lower()):
        return target
    return named + target[len(surface):]


def _full_name(art: StanceArticle, target: str, mention: Mention | None) -> str:
    """A person taken sides on, named by surname alone ("marched against Bush", "attacked Mr
    Blair"), is named as the article first named them in full ("George W. Bush"), as a reader
    names the person: the one earlier name of two or more words that can be the same person."""
    if mention is None or mention.kind != "name" or mention.entity_type != "PERSON" or " " in mention.name:
        return target
    if clean(mention.surface).lower() != target.lower():
        return target
    full = {
        m.name
        for m in art.by_id.values()
        if m.kind == "name" and m.entity_type == "PERSON" and m.char_start < mention.char_start
        and " " in m.name and may_name_one_person(m.name, mention.name)
    }
    return full.pop() if len(full) == 1 else target


def _long_form(head: Token, target: str, mention: Mention | None) -> str:
    """A target that is only a short form the text introduced in brackets after its long form
    ("Community Support Officers (CSOs) … CSOs are making a real difference") is named as the
    text first named it, brackets included ("Community Support Officers (CSOs)"): the long
    form says what the thing is, as a reader's label does. A body's short form is a name (a
    mention): the body as its mention names it, with the initials the text writes ("the EDL"
    -> "English Defence League (EDL)"), as a reader names the body taken sides on."""
    if " " in target:
        return target
    if mention is not None and mention.kind == "name":
        name = mention.name.split(" ", 1)[1] if mention.name.split(" ", 1)[0].lower() in ARTICLES else mention.name
        named = name != target and mention.surface == target and abbreviation(head) and " " in name
        return f"{name} ({target})" if named else target
    doc = head.doc
    for short in doc[: head.i]:
        if short.text != target or not abbreviation(short) or short.i < 2 or short.i + 1 >= len(doc):
            continue
        if doc[short.i - 1].text != "(" or doc[short.i + 1].text != ")":
            continue
        words = _initialled(doc[: short.i - 1], target)
        if words:
            return f"{words} ({target})"
    return target


def _initialled(before, short: str) -> str | None:
    """The words right before a bracket whose initials spell the short form ("Community
    Support Officers" for "CSOs", "personal video recorders" for "PVRs"; "of", "and", "for",
    "the" inside them skipped)."""
    letters = (short[:-1] if short.endswith("s") else short).lower()
    words: list[str] = []
    initials = ""
    for token in reversed(before):
        if token.lower_ in ("of", "and", "for", "the") and words:
            words.insert(0, token.text)
            continue
        if not token.is_alpha:
            break
        words.insert(0, token.text)
        initials = token.text[0].lower() + initials
        if initials == letters:
            return " ".join(words)
        if not letters.endswith(initials):
            break
    return None


def _named_antecedent(art: StanceArticle, mention: Mention) -> str | None:
    """The name a title or pronoun mention refers back to, following its antecedents."""
    seen = set()
    while mention.antecedent and mention.antecedent not in seen:
        seen.add(mention.antecedent)
        found = art.by_id.get(mention.antecedent)
        if found is None:
            return None
        mention = found
        if mention.kind == "name":
            return mention.name
    return None


def _mention_is_target(mention: Mention, signal: Signal) -> bool:
    """A target links to an entity only when the label is that entity, not something of it,
    or that entity in a role it is judged in ("China as potential competitor …",
    `judgements._actor_role`)."""
    surface = clean(mention.surface).lower()
    if surface.startswith("the "):
        surface = surface[4:]
    label = signal.target.lower()
    return label == surface or label.startswith(f"{surface} as ") or (
        label.endswith(surface)
        and len(label.split()) <= len(surface.split()) + 1
        and signal.target_head.pos_ == "PROPN"
    )


def _strength(signal: Signal) -> tuple[float, float]:
    return abs(signal.polarity) * signal.score, signal.score
