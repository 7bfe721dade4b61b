"""Sport reports: a judging word there praises or damns play, not an issue.

An article in which `MIN_SPORT_WORDS` distinct words of `sport_report_words` occur reports
sport ("Italy are really brave opposition", "my service was good", "disappointed with her
display", "we're positive about Hal"). There the passes that read a judgement of quality
(`PLAY_JUDGING_PASSES`: judging words, feelings about something, priorities, conditions,
consequences, effects, idioms, norm conflicts, manners) keep only a judgement of an issue
(`issue_words.issue_like`) that names no play or result (`play_nouns`: "service",
"contribution", "record" name issues elsewhere) and no team, nation or player (a team is a
named body or state, a position on it no policy), and the article's issue (`article_issue`,
read from a headline such as "Charvis set to lose fitness bid") is no position at all. Verbs
and nouns of stance count unless what they are about is play or a result ("defend her title",
"block the ball", "want to win a medal"): "called for the doping charges to be dropped", "hit
out at the club's decision", "Iran refuses to recognise Israel's right to exist".
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.nlp.stances.issue_words import issue_like
from pipeline.nlp.stances.signals import Signal
from pipeline.nlp.stances.words import PLAY_NOUNS, SPORT_REPORT_WORDS
from pipeline.nlp.token_view import view_of

MIN_SPORT_WORDS = 3
PLAYER_OR_TEAM_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def sport_report(doc: Doc) -> bool:
    """Whether the article reports sport: `MIN_SPORT_WORDS` distinct sport words in it."""
    view = view_of(doc)  # the token columns, not a `Token` per word
    seen: set[str] = set()
    for lower, lemma in zip(view.lower, view.lemma, strict=True):
        if lower in SPORT_REPORT_WORDS:
            seen.add(lower)
        lemma = lemma.lower()
        if lemma in SPORT_REPORT_WORDS:
            seen.add(lemma)
        if len(seen) >= MIN_SPORT_WORDS:
            return True
    return False


def about_play(signal: Signal) -> bool:
    """Whether a signal's target, in a sport report, is play or a result (`play_nouns`: "defend
    her title", "block the ball", "win away matches", "score another goal"), named by the noun
    or as the object of the action the target names."""
    head = signal.target_head
    words = [head, *(c for c in head.children if c.dep_ in ("dobj", "obj"))] if head.pos_ == "VERB" else [head]
    return any(w.lower_ in PLAY_NOUNS or w.lemma_.lower() in PLAY_NOUNS for w in words)


def play_judgement(signal: Signal) -> bool:
    """Whether a judging pass's signal, in a sport report, judges play rather than an issue:
    its target names no issue, play or a result (`about_play`), or a team, nation or player."""
    head = signal.target_head
    return head.ent_type_ in PLAYER_OR_TEAM_TYPES or about_play(signal) or not issue_like(head)
