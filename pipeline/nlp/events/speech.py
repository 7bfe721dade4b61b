"""Events from reported speech: a quote that criticises a named actor is ACCUSE.

"X said Mr Howard's proposals were 'unworkable'", "'This government has shown crass
insensitivity,' said Y": PLOVER codes criticism as ACCUSE (disapprove) when it is made,
with the speaker as source and the criticised actor as target. The quotes come from the
quotes extractor (its speakers are right about nine times in ten); a quote criticises when
a judging word of it criticises (`criticism.py`) and is not negated (`negation.py`); a
speaker the quotes layer leaves unnamed because it is a group noun ("Labour backbenchers
said") speaks as the party or group the noun phrase names; the target is whom the judging
word judges (`judged.py`, `judged_referents.py`), else whom the quote is said of ("said of
Y: ..."). The speaker is never their own target, "I" and "we" never a target, and a quote
whose criticism names no actor gives no event (criticism of a product or "the system" is a
stance only). A quote whose sentence already reports an ACCUSE event by the same speaker
gives none, and one speaker's criticism of one target is one event per article. A stance of
the stances extractor that opposes a named actor (its target mention) is the same
criticism, found where no judging word is ("X said Y's proposals would mean there would be
no safe haven"). A label ("X branded Y's plans 'a shambles'") criticises or praises the
actor its object names (`labels.py` reads what is labelled).

This module drafts the events; the judgement, its targets and its negation live in the
modules named above, which praise, rulings and critical adjectives read too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Span, Token

from pipeline.nlp.events.criticism import criticises, denied_virtue, unsound, untrusted
from pipeline.nlp.events.criticism_gate import may_judge
from pipeline.nlp.events.draft import (
    ADDRESSING_VERBS,
    Draft,
    EventContext,
    actor_key,
    is_actor,
    is_question,
    lemma_in,
    quote_span,
    same_actor,
    speech_act_draft,
    unique,
)
from pipeline.nlp.events.hypotheticals import judges_a_hypothetical
from pipeline.nlp.events.judged import judged_actors
from pipeline.nlp.events.judged_referents import SPEAKER_PRONOUNS, THIRD_PERSON
from pipeline.nlp.events.labels import (
    LABEL_DEPS,
    approves,
    by_actors,
    label_denied,
    label_heads,
    labelled_actors,
    labelled_objects,
    labels_the_person,
)
from pipeline.nlp.events.negation import negated, words_said
from pipeline.nlp.events.phrases import np_actors
from pipeline.nlp.events.subjects import subject_actors
from pipeline.nlp.events.vocabulary import (
    DENIAL_VERBS,
    DISMISSING_VERBS,
    LABELLING_VERBS,
    POLL_NOUNS,
    REPORTING_VERBS,
    RULING_NOUNS,
)
from pipeline.nlp.lexicons import Trigger
from pipeline.nlp.quotes import is_accusation
from pipeline.nlp.records import Mention, Quote, Sentence, Stance
from pipeline.nlp.syntax import (
    has_that_marker,
    is_passive,
    mention_root,
)
from pipeline.nlp.token_view import view_of

ACCUSE_SPEECH = Trigger(
    lemma="criticism", event_type="ACCUSE", mode="disapprove", cameo_root="11", quad="verbal_conflict", pos="NOUN"
)


PRAISE_SPEECH = Trigger(
    lemma="praise", event_type="SUPPORT", mode=None, cameo_root="05", quad="verbal_coop", pos="VERB"
)


def _sentence(ec: EventContext, sentence_id: int) -> Sentence | None:
    """The article's sentence of that number, None past its last."""
    return ec.ctx.sentences[sentence_id] if sentence_id < len(ec.ctx.sentences) else None


def _spoken_of(ec: EventContext, quote: Quote, speaker: Mention) -> list[Mention] | None:
    """ "Mr Kennedy said of the prime minister: ...": the actor a reporting verb's "of"
    phrase names, outside the quote, is whom the quote is about; None when no "of" phrase
    says whom (an empty list when one does but names no actor: no one else is guessed)."""
    sentence = _sentence(ec, quote.sentence_id)
    span = ec.ctx.sentence_span(sentence) if sentence is not None else None
    if span is None:
        return None
    found: list[Mention] = []
    said_of = False
    view = view_of(span.doc)
    for i in range(span.start, span.end):
        if quote.char_start <= view.idx[i] < quote.char_end or view.lower[i] != "of" or view.dep[i] != "prep":
            continue  # read from the view: a Token is made only for an "of" phrase
        token = span.doc[i]
        if not lemma_in(token.head, REPORTING_VERBS):
            continue
        said_of = True
        found += [
            m
            for p in token.children
            if p.dep_ == "pobj"
            for m in np_actors(p, ec.index)
            if is_actor(m) and m.kind != "pronoun" and m.entity_type != "LOCATION" and not same_actor(m, speaker)
        ]
    return unique(found) if said_of else None


def speech_drafts(ec: EventContext, quotes: Iterable[Quote]) -> list[Draft]:
    """ACCUSE drafts for the quotes that criticise a named actor, by sentence order."""
    by_id = ec.index.by_id
    drafts: list[Draft] = []
    for quote in quotes:
        speaker = by_id.get(quote.speaker_mention_id or "") or group_speaker(ec, quote)
        if speaker is None or not is_actor(speaker) or speaker.surface.lower() in SPEAKER_PRONOUNS - {"we"}:
            continue
        if is_accusation(quote):
            continue  # "X accused Y of lying": the verb's own event is that criticism
        if (quote.speaker_surface or "").lower() == "it" and speaker.entity_type == "PERSON":
            # "The book, by X … It claims Blair felt he had lost trust": a document restating findings
            continue
        if _titled_place(ec, speaker):
            continue
        span = quote_span(quote, ec.ctx.doc)
        if span is None or not words_said(ec, span) or _denied(span) or _polled(span):
            continue
        spoken_of = _spoken_of(ec, quote, speaker)
        scope = _fragment_scope(quote, span)
        view = view_of(span.doc)
        for i in range(span.start, span.end):
            if not may_judge(view, i):
                continue  # (told on the token view: no Token made for a word that cannot judge)
            token = span.doc[i]
            denied = unsound(token) or untrusted(token) or denied_virtue(token)
            if not denied and (not criticises(token) or negated(token)):
                continue
            if judges_a_hypothetical(token):
                continue  # "it would be wrong to exclude students": nobody has done it
            if _in_ruling(token):
                continue  # "X said ... the Law Lords' ruling that the detention is unlawful": the court's finding
            targets = judged_actors(ec, token, scope, speaker, spoken_of)
            if not targets:
                continue
            sentence = ec.ctx.sentence_at(token.idx)
            if sentence is None:
                continue
            drafts.append(speech_act_draft(ACCUSE_SPEECH, token, sentence, [speaker], targets))
            break  # one criticism per quote
    return drafts


def _in_ruling(token: Token) -> bool:
    """ "act on the Law Lords' ruling that detention without trial is unlawful": a judging word
    in the "that" clause of a ruling noun (`ruling_nouns`) states the ruling's finding, which
    `rulings.court_findings` gives to the court, not to whoever mentions the ruling."""
    for node in token.ancestors:
        if node.dep_ in ("acl", "ccomp") and lemma_in(node.head, RULING_NOUNS) and node.head.pos_ == "NOUN":
            return has_that_marker(node)
    return False


def _titled_place(ec: EventContext, speaker: Mention) -> bool:
    """ "According to a new book, Brown's Britain, ...": a country a person's name possesses
    names a book or an era, not the country speaking."""
    if speaker.entity_type != "COUNTRY":
        return False
    root = mention_root(ec.ctx.doc, speaker)
    return root is not None and any(
        c.dep_ == "poss" and any(m.entity_type == "PERSON" for m in ec.index.all_at(c)) for c in root.children
    )


def attributed_quotes(ec: EventContext, quotes: Iterable[Quote]) -> Iterator[tuple[Mention, Span]]:
    """Each quote whose speaker is an actor (its speaker mention, or the group its speaker
    noun names), not "I", "we" or "you", with the quote's tokens: what praise and refusals
    (`praise`, `refusals`) read."""
    by_id = ec.index.by_id
    for quote in quotes:
        speaker = by_id.get(quote.speaker_mention_id or "") or group_speaker(ec, quote)
        if speaker is None or not is_actor(speaker) or speaker.surface.lower() in SPEAKER_PRONOUNS:
            continue
        span = quote_span(quote, ec.ctx.doc)
        if span is not None:
            yield speaker, span


FRAGMENT_DEPS = frozenset({"acomp", "attr", "dobj", "oprd", "amod", "appos", "conj", "npadvmod", "advmod"})


# the verbs whose clause a quoted fragment may sit in and is read elsewhere: saying,
# telling (`ADDRESSING_VERBS`) and labelling
_FRAME_VERBS = ADDRESSING_VERBS | LABELLING_VERBS


def _fragment_scope(quote: Quote, span: Span) -> Span:
    """ "... but Labour had been 'a bit complacent' about debt": a direct quote of a few words
    inside a reported clause judges that clause's actors, so the clause the fragment
    completes is where they are looked for (not when it hangs from the verb of saying:
    "he told BBC Radio 4: '...'" names whom he told)."""
    root = span.root
    head = root.head
    if quote.kind != "direct" or root.dep_ not in FRAGMENT_DEPS or span.start <= head.i < span.end:
        return span
    if head.pos_ not in ("VERB", "AUX") or lemma_in(head, _FRAME_VERBS):
        return span  # a label's clause is read by `labelled_drafts`
    return span.doc[head.left_edge.i : head.right_edge.i + 1]


_THIRD_PERSON_OR_SPEAKER_PRONOUNS = THIRD_PERSON | SPEAKER_PRONOUNS


def group_speaker(ec: EventContext, quote: Quote) -> Mention | None:
    """ "Labour backbenchers said the plans were unworkable", "Critics said ...": a quote whose
    speaker is a group named by a common noun (no speaker mention for the quotes layer)
    speaks, for its events, as the actor that noun phrase names: the party or body that
    modifies it ("Labour backbenchers", "Tory MPs": the party, as for a criticising verb's
    subject) or the group itself ("critics", "union leaders")."""
    surface = quote.speaker_surface
    sentence = _sentence(ec, quote.sentence_id)
    if not surface or sentence is None or surface.lower() in _THIRD_PERSON_OR_SPEAKER_PRONOUNS:
        return None
    start = ec.ctx.text.find(surface, sentence.char_start, sentence.char_end)
    if start < 0 or quote.char_start <= start < quote.char_end:
        return None
    span = ec.ctx.doc.char_span(start, start + len(surface), alignment_mode="expand")
    if span is None:
        return None
    actors = [m for m in np_actors(span.root, ec.index) if is_actor(m) and m.kind != "pronoun"]
    return actors[0] if len(actors) == 1 and actors[0].entity_type != "LOCATION" else None


def labelled_drafts(ec: EventContext, span: Span, sentence: Sentence) -> list[Draft]:
    """ACCUSE drafts for labels that criticise ("X branded Y's plans 'a shambles'", "described
    Y's policy as a disaster", "called the Tory proposals unworkable"), SUPPORT drafts for
    labels that approve and do not criticise ("described him as 'very talented'"): a labelling verb whose
    object or label holds a criticising word criticises the actor its object names (the
    object itself, its possessor or a name modifying it), the verb's subject the source. In
    the passive ("Y's plans were branded 'a shambles' by X") the passive subject is the
    labelled object and the "by" agent the source."""
    if is_question(sentence):
        return []
    drafts: list[Draft] = []
    doc, view = span.doc, view_of(span.doc)
    pos, lemma = view.pos, view.lemma
    for i in range(span.start, span.end):
        if pos[i] != "VERB":
            continue  # only a verb labels (tested from the view: no Token for other words)
        if (word := lemma[i].lower()) not in DISMISSING_VERBS and word not in LABELLING_VERBS:
            continue  # nor for a verb that neither dismisses nor labels
        verb = doc[i]
        dismissing = lemma_in(verb, DISMISSING_VERBS) and any(
            c.dep_ == "prep" and c.lower_ == "as" for c in verb.children
        )
        if verb.pos_ != "VERB" or not (dismissing or lemma_in(verb, LABELLING_VERBS)) or label_denied(verb):
            continue
        # "X branded Y's plans a shambles"; passive: "Y's plans were branded a shambles by X"
        passive = is_passive(verb)
        objects = labelled_objects(verb, passive)
        if not objects:
            continue
        labels = [c for c in verb.children if c.dep_ in LABEL_DEPS]
        labels = [c for c in labels if c.dep_ != "dobj" or passive]
        words = [t for c in objects + labels for t in c.subtree if c.dep_ != "prep" or c.lower_ == "as"]
        judging = verb if dismissing else next((t for t in words if criticises(t) and not negated(t)), None)
        trigger = ACCUSE_SPEECH
        if judging is None and not dismissing:
            # "described Mr Campbell as 'very talented'", "called him a 'giant' of the movement":
            # an approving label with no criticism in it praises whom it labels (SUPPORT)
            judging = next((t for t in label_heads(labels) if approves(t)), None)
            trigger = PRAISE_SPEECH
        sources = [m for m in subject_actors(verb, ec.index) if is_actor(m)]
        if passive and not sources:
            # the parser often hangs the "by" agent on the label ("branded 'a shambles' by X")
            agents = [t for c in labels for t in c.subtree if t.dep_ in ("prep", "agent") and t.lower_ == "by"]
            sources = by_actors(agents, ec)
            sources = [m for m in sources if is_actor(m)]
        if judging is None or not sources:
            continue
        sources = list({actor_key(m): m for m in sources}.values())  # "the Commission (IHRC)": one
        targets = [m for m in labelled_actors(objects[0], ec, sources) if is_actor(m)]
        targets = [m for m in targets if m.entity_type != "LOCATION" and not any(same_actor(m, s) for s in sources)]
        if trigger is PRAISE_SPEECH:
            targets = [m for m in targets if labels_the_person(objects[0], m)]
        if targets:
            drafts.append(speech_act_draft(trigger, verb, sentence, sources, unique(targets)))
    return drafts


def _denied(span: Span) -> bool:
    """ "The tobacco companies deny that they illegally conspired": words a verb of denying
    (events.yaml denial_verbs) takes up are what the speaker says is untrue; the judging
    word in them is the charge denied, no criticism by the speaker."""
    root = span.root
    return root.dep_ == "ccomp" and lemma_in(root.head, DENIAL_VERBS)


def _polled(span: Span) -> bool:
    """ "A poll for the News of the World suggests the Conservatives are on course for their
    worst defeat": what a poll or a survey (events.yaml poll_nouns) finds measures opinion;
    the judging word in it is no criticism by the poll or whoever commissioned it."""
    root = span.root
    return root.dep_ == "ccomp" and any(
        c.dep_ in ("nsubj", "nsubjpass") and lemma_in(c, POLL_NOUNS) for c in root.head.children
    )


def stance_drafts(ec: EventContext, stances: Iterable[Stance], quotes: Iterable[Quote] = ()) -> list[Draft]:
    """ACCUSE drafts for stances against a named actor ("X opposes Y's plan"): the holder
    criticises the actor the stance's target names; not when the stance comes from a quote
    whose words are foretold or imagined ("critics might argue that ...", `words_said`)."""
    by_id = ec.index.by_id
    quoted = {q.quote_id: q for q in quotes}
    drafts: list[Draft] = []
    for stance in stances:
        holder = by_id.get(stance.holder_mention_id or "")
        target = by_id.get(stance.target_mention_id or "")
        if stance.polarity != "oppose" or holder is None or target is None:
            continue
        if not is_actor(holder) or not is_actor(target) or target.kind == "pronoun" or same_actor(holder, target):
            continue
        if target.entity_type == "LOCATION":
            continue
        quote = quoted.get(stance.quote_id or "")
        span = quote_span(quote, ec.ctx.doc) if quote is not None else None
        if span is not None and (not words_said(ec, span) or _denied(span)):
            continue
        sentence = _sentence(ec, stance.sentence_id)
        if sentence is None or is_question(sentence):
            continue  # a question asserts no criticism
        span = ec.ctx.doc.char_span(target.char_start, target.char_end, alignment_mode="expand")
        if span is None:
            continue
        drafts.append(speech_act_draft(ACCUSE_SPEECH, span.root, sentence, [holder], [target]))
    return drafts


def new_speech_events(speech: list[Draft], reported: list[Draft]) -> list[Draft]:
    """The speech drafts not already reported: no second ACCUSE by a speaker in a sentence
    that reports one, and one per speaker and target in the article."""

    kept: list[Draft] = []
    seen: set[tuple[str, str]] = set()
    for draft in speech:
        speaker = draft.sources[0]
        if any(
            d.event_type == "ACCUSE"
            and d.sentence.sentence_id == draft.sentence.sentence_id
            and any(same_actor(s, speaker) for s in d.sources)
            for d in reported
        ):
            continue
        pairs = {(actor_key(speaker), actor_key(t)) for t in draft.targets}
        if pairs <= seen:
            continue
        seen |= pairs
        kept.append(draft)
    return kept
