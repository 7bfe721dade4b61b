"""A speaker's own party is not the target of the criticism, demand, refusal or threat their
words carry: "Mr Howard said the Tories would get a grip on crime" (Tory leader Michael
Howard) and "A Tory government would sort out the shambles, he said" report the party's line,
not an attack on it (eval/GUIDE.md: a leader or member speaking for the party speaks in their
own right). Only a party named inside the speaker's own quote is dropped, and only when the
article introduces the speaker with its name ("Tory leader Michael Howard", "Labour's Alan
Milburn"); a member who turns on the party with a verb of their own ("Kilroy-Silk accused
UKIP of betraying its supporters", "voting against his own Labour government") or charges
it in the quote with a done act ("Labour has betrayed us") is not touched. A speech act with
no target left is no event (eval/GUIDE.md: it needs one)."""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.nlp.events.draft import Draft, EventContext
from pipeline.nlp.membership import introduced_with, same_person
from pipeline.nlp.records import Mention, Quote
from pipeline.nlp.syntax import has_modal_aux

SPEECH_ACTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})


def _speaker_quote(ec: EventContext, quotes: Iterable[Quote], speaker: Mention, target: Mention) -> bool:
    """Whether the target is named inside a quote of the speaker's (the quote's speaker may
    be a pronoun or a shorter name of the same person: "he", "Mr Howard")."""
    by_id = ec.index.by_id
    for q in quotes:
        said_by = by_id.get(q.speaker_mention_id or "")
        if said_by is None or not (q.char_start <= target.char_start and target.char_end <= q.char_end):
            continue
        if said_by.mention_id == speaker.mention_id or same_person(said_by.name, speaker.name):
            return True
    return False


def without_own_party(ec: EventContext, draft: Draft, quotes: list[Quote]) -> bool:
    """Drop from a speech act's targets the speaker's own party named in their quote; whether
    the draft is still an event (a target is left)."""
    if draft.event_type not in SPEECH_ACTS or len(draft.sources) != 1:
        return True
    speaker = draft.sources[0]
    own = [
        t for t in draft.targets
        if _speaker_quote(ec, quotes, speaker, t)
        and not _charged_as_done(draft, t)
        and introduced_with(ec.ctx.text, ec.index.mentions, speaker, t, kinds=("name", "title"), doc=ec.ctx.doc)
    ]
    if not own:
        return True
    draft.targets = [t for t in draft.targets if t not in own]
    return bool(draft.targets)


def _charged_as_done(draft: Draft, party: Mention) -> bool:
    """ "Labour has betrayed us," said a Labour backbencher: the party as the subject of the
    judged act, told as done (no modal), is the member turning on it, not the party's line
    ("A Tory government would sort out the shambles")."""
    verb = draft.token
    if verb.pos_ not in ("VERB", "AUX") or has_modal_aux(verb):
        return False
    return any(
        c.dep_ == "nsubj"
        and c.left_edge.idx <= party.char_start
        and party.char_end <= c.right_edge.idx + len(c.right_edge)
        for c in verb.children
    )
