"""Who speaks through a document: "a report by the National Audit Office said", "The FBI
statement said", "Oxfam says in a report … The report said", "issued a statement saying":
the body or person whose words a document gives (quotes.yaml document_nouns), found from
its "by" phrase, a name modifying it, who issued it or said something in it, or the body
the next sentence opens on."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.quotes.cues import DOCUMENT_NOUNS, is_cue, possessor_speaks
from pipeline.nlp.quotes.previous import last_speech, spoken_by
from pipeline.nlp.records import Mention
from pipeline.nlp.syntax import mention_of, subject_of

SPEAKER_TYPES = frozenset({"PERSON", "COUNTRY", "ORGANIZATION", "GROUP"})


def published_by(art: QuoteArticle, subject: Token) -> Mention | None:
    """ "A report by the National Audit Office said", "a statement issued on behalf of Robert
    Zoellick": the body or person whose words it gives. Reads only `index` and `doc` of the
    article, so stance holders use it as well ("A report by the committee called for …")."""
    if subject.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    found = _author_of(art, subject) or _introduced_by_next(art, subject)
    if found is None and determined(subject, DEFINITE):
        # "A report by two Commons committees called for … The report said": the one named before
        for earlier in reversed(art.doc[: subject.i]):
            if earlier.lemma_.lower() == subject.lemma_.lower() and earlier.pos_ == "NOUN":
                found = _author_of(art, earlier) or _issued_in(art, earlier) or _introduced_by_next(art, earlier)
                if found is not None or determined(earlier, INDEFINITE):
                    break  # the one that introduced the document, or one whose author is named
    return found


DEFINITE = ("the", "this")
INDEFINITE = ("a", "an")


def determined(noun: Token, articles: tuple[str, ...]) -> bool:
    """`noun` has one of `articles` as its determiner ("the report", "a report"), or "a" hangs
    on a plural possessor of it, which "a" cannot determine ("a new MPs' report")."""
    if any(c.dep_ == "det" and c.lower_ in articles for c in noun.children):
        return True
    return any(
        _plural_possessor(c) and any(d.dep_ == "det" and d.lower_ in articles for d in c.children)
        for c in noun.children
        if set(articles) <= set(INDEFINITE)
    )


def _plural_possessor(token: Token) -> bool:
    """A plural possessor: tagged plural, or marked by a bare apostrophe ("MPs'", "students'"),
    which the tagger may read as a singular proper noun."""
    if token.dep_ != "poss":
        return False
    return token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "case" and c.text in ("'", "’") for c in token.children)


def _introduced_by_next(art: QuoteArticle, document: Token) -> Mention | None:
    """ "…, a report says. The National Audit Office praised ministers …": a document brought
    in with no author ("a report") is the body the next sentence opens on as its subject."""
    if not determined(document, INDEFINITE):
        return None
    if any(c.dep_ == "prep" for c in document.children):
        return None  # "a report on …", "a report by …": described in its own sentence
    sentence = document.sent
    if sentence.end >= len(art.doc):
        return None
    root = art.doc[sentence.end].sent.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    found = mention_of(subject, art.index) if subject is not None else None
    if found is None or found.entity_type != "ORGANIZATION" or found.kind != "name":
        return None
    return found


def _issued_in(art: QuoteArticle, document: Token) -> Mention | None:
    """ "Oxfam says in a report …", "In a new report, the Electoral Commission says …": a
    document brought in as where someone says something is that speaker's, so a later "The
    report said" speaks for them."""
    prep = document.head
    if document.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep" or not is_cue(prep.head):
        return None
    speaker = subject_of(prep.head)
    found = mention_of(speaker, art.index) if speaker is not None else None
    return found if found is not None and found.kind == "name" and found.entity_type in SPEAKER_TYPES else None


def _author_of(art: QuoteArticle, subject: Token) -> Mention | None:
    found = _named_modifier(art, subject)
    if found is not None:
        return found  # "The FBI statement said", "the VDGIF press release says": the body it is of
    for prep in _by_phrases(subject):
        # the phrase's head noun first: "by Sunday Telegraph journalist Robert Peston" is Peston
        head = next((c for c in prep.children if c.dep_ == "pobj"), None)
        found = art.index.at(head) if head is not None else None
        if found is not None and found.entity_type in SPEAKER_TYPES:
            return found
        for t in prep.subtree:
            if _unowned_possessor(t, prep):
                continue  # "a report by the government's finance watchdog": the watchdog's, not the government's
            found = art.index.at(t)
            if found is not None and found.entity_type in SPEAKER_TYPES:
                return found
    issuing = _issuing_verb(subject)
    if issuing is not None:
        # "The Foreign Office issued a statement saying …", "Hamas responded with a statement
        # saying …": whoever issued it; "The NAACP national office put out a statement": the
        # body naming the office that issued it
        issuer = subject_of(issuing)
        found = (mention_of(issuer, art.index) or _named_modifier(art, issuer)) if issuer is not None else None
        if found is not None and found.entity_type in SPEAKER_TYPES:
            return found
    for behalf in subject.subtree:  # "a statement issued on behalf of Robert Zoellick"
        if behalf.lower_ == "behalf" and behalf.i > subject.i:
            for of in (c for c in behalf.children if c.dep_ == "prep" and c.lower_ == "of"):
                found = next((m for t in of.subtree if (m := art.index.at(t)) is not None), None)
                if found is not None and found.entity_type in SPEAKER_TYPES:
                    return found
    return None


def _issuing_verb(document: Token) -> Token | None:
    """The verb a document is the object of ("issued a statement"), or the verb of its "with"
    phrase ("responded with a statement")."""
    if document.dep_ == "dobj" and document.head.pos_ == "VERB":
        return document.head
    prep = document.head
    if document.dep_ == "pobj" and prep.lower_ == "with" and prep.dep_ == "prep" and prep.head.pos_ == "VERB":
        return prep.head
    return None


def _unowned_possessor(token: Token, top: Token) -> bool:
    """Whether a token sits in the possessor of a noun that speaks for itself (below `top`)."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ == "poss" and not possessor_speaks(token.head):
            return True
        token = token.head
    return False


def _by_phrases(document: Token) -> list[Token]:
    """The "by"/"from" phrases naming a document's author: on the noun ("a report by the
    NAO") or on a participle describing it ("research done by Sophos", "a letter signed by")."""
    found = [c for c in document.children if c.dep_ == "prep" and c.lower_ in ("by", "from")]
    for acl in document.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            found.extend(c for c in acl.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by")
    return found


def _named_modifier(art: QuoteArticle, noun: Token) -> Mention | None:
    """A speaking body's name written as a modifier before the noun ("the FBI statement",
    "the NAACP national office"), never a place ("the Downing Street statement" is kept;
    "a London report" is no one)."""
    for child in noun.children:
        if child.dep_ in ("compound", "nmod") and child.i < noun.i and child.pos_ == "PROPN":
            found = art.index.at(child)
            if found is not None and found.entity_type in SPEAKER_TYPES and found.kind == "name":
                return found
    return None


def speaking_body_document(art: QuoteArticle, subject: Token) -> Mention | None:
    """ "The NAO urged the government to … It said member states needed to be more accountable
    … The report said: …": a definite document (`document_nouns`) with no modifier of its own
    that the text never introduced (no earlier noun of its kind) is the report of the body that
    spoke just before, in that sentence or the one before it, when that speaker is an
    organisation: a body's report is the body's speech (`published_by` finds one named with it)."""
    if subject.lemma_.lower() not in DOCUMENT_NOUNS or not determined(subject, DEFINITE):
        return None
    if any(c.dep_ in ("poss", "compound", "amod", "prep", "nmod", "appos", "acl", "relcl") for c in subject.children):
        return None
    if any(t.lemma_.lower() == subject.lemma_.lower() and t.pos_ == "NOUN" for t in art.doc[: subject.i]):
        return None  # a document introduced before: `published_by` reads its author
    event = last_speech(art, subject.idx, sentences=1)
    speaker = spoken_by(art, event) if event is not None else None
    return speaker if speaker is not None and speaker.entity_type == "ORGANIZATION" else None
