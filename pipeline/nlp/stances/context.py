"""The per-article context every stance pass reads: the parse, the stance lexicon, the
article's quotes and mentions and the labeller, built once and never changed."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from pipeline.nlp.lexicons import StanceLexicon
from pipeline.nlp.mentions.vocabulary import GOVERNING_TITLES
from pipeline.nlp.quotes.committees import committee_of_members
from pipeline.nlp.quotes.cues import DOCUMENT_NOUNS, possessor_speaks
from pipeline.nlp.quotes.documents import published_by
from pipeline.nlp.quotes.speakers import body_named_like
from pipeline.nlp.records import ArticleContext, Mention, Quote
from pipeline.nlp.stances.groups import GROUP_LABEL, is_dissent_noun
from pipeline.nlp.stances.labels import Labeller
from pipeline.nlp.stances.leads import lead_actor, lead_committee
from pipeline.nlp.stances.spokespeople import principal
from pipeline.nlp.stances.words import BODY_NOUNS, MEMBER_NOUNS, PARTITIVE_WORDS, SPOKESPERSON_NOUNS
from pipeline.nlp.syntax import ACTOR_LABELS, MentionIndex, mention_of


@dataclass(frozen=True)
class StanceArticle:
    ctx: ArticleContext
    lex: StanceLexicon
    index: MentionIndex
    by_id: dict[str, Mention]
    quotes: tuple[Quote, ...]  # by position
    labeller: Labeller
    accusations: tuple[Quote, ...] = ()  # quotes an accusing verb cues: not speech here, only their speakers
    _speakers: dict[Quote, Mention | None] = field(default_factory=dict, repr=False, compare=False)  # speaker()

    @property
    def doc(self) -> Doc:
        return self.ctx.doc

    def quote_at(self, char: int, kind: str | None = None) -> Quote | None:
        """The tightest quote containing a character (a direct quote before an indirect one)."""
        found = [q for q in self.quotes if q.char_start <= char < q.char_end and (kind is None or q.kind == kind)]
        if not found:
            return None
        return min(found, key=lambda q: (q.kind != "direct", q.char_end - q.char_start))

    def speaker(self, quote: Quote | None) -> Mention | None:
        """The quote's speaker; a spokesperson's principal when the speaker phrase names it
        ("a Downing Street spokesman" -> Downing Street, "Mike Lake, a Yukos spokesman" ->
        Yukos; eval/GUIDE.md, who speaks for a body)."""
        if quote is None:
            return None
        try:
            return self._speakers[quote]
        except KeyError:  # each quote's speaker found once: the passes ask it of every signal in the quote
            found = self._speakers[quote] = self._speaker(quote)
            return found

    def _speaker(self, quote: Quote) -> Mention | None:
        if quote.speaker_mention_id is not None:
            speaker = self.by_id.get(quote.speaker_mention_id)
            if speaker is None:
                return None
            return principal(self.doc, self.index, self.by_id, speaker) or speaker
        surface = quote.speaker_surface or ""
        group = next(
            (m for m in self.by_id.values()
             if m.ner_label == GROUP_LABEL and m.sentence_id == quote.sentence_id and surface.endswith(m.surface)),
            None,
        )
        if group is not None:
            # "critics said …": the group holds what it said; "…, MPs have warned" the
            # committee the report goes on to name (`leads.lead_committee`)
            span = self.doc.char_span(group.char_start, group.char_end, alignment_mode="expand")
            committee = lead_committee(self.ctx, self.index, span.root) if span is not None else None
            return committee or group
        words = surface.lower().split()
        if not words or words[-1] not in SPOKESPERSON_NOUNS:
            return None
        inside = [
            m for m in self.by_id.values()
            if m.sentence_id == quote.sentence_id
            and m.kind == "name"
            and m.entity_type != "LOCATION"
            and m.surface in surface
        ]
        return max(inside, key=lambda m: len(m.surface)) if inside else None

    def accusation_by(self, subject: Token) -> Quote | None:
        """The accusation whose speaker phrase is this subject: its speaker is the one the
        quotes layer gave it ("… said Mr Hulme-Cross and himself had no intention … He accused
        the party of …": the quotes layer follows "He" back through the speeches before it,
        to Mr Hockney), or no one where the quotes layer found none of the pronoun's gender."""
        return self._cued_quote(subject, self.accusations)

    def _cued_quote(self, subject: Token, quotes: tuple[Quote, ...]) -> Quote | None:
        """A quote of the subject's sentence, after it, whose speaker phrase is the subject's
        phrase ("He", "His report")."""
        sentence = subject.sent
        phrase = self.doc[subject.left_edge.i : subject.i + 1].text
        return next(
            (
                quote for quote in quotes
                if sentence.start_char <= quote.char_start < sentence.end_char
                and quote.char_start > subject.idx
                and quote.speaker_surface == phrase
            ),
            None,
        )

    def actor_like(self, noun: Token) -> bool:
        """Whether a noun names someone ("the government", "ministers", "the chancellor",
        "Labour", "the party" after a party is named) rather than an issue."""
        return (
            noun.pos_ in ("PROPN", "PRON")
            or self.index.at(noun) is not None
            or noun.lemma_.lower() in BODY_NOUNS
            or noun.lemma_.lower() in GOVERNING_TITLES
            or noun.ent_type_ in ACTOR_LABELS
            or body_named_like(self, noun) is not None
        )

    def holder_of(self, subject: Token) -> Mention | None:
        """The mention a holder phrase refers to (`mention_of`), else the body a definite
        description takes up ("The Law Commission … The commission also recommended …"), as
        for speakers (`quotes.speakers.body_named_like`), or the author of a document ("A report
        by the Commons committee called for …", `published_by`) or of "his"/"her" document
        ("His report demands …", `_pronoun_author`), when it is a clause's subject ("as the
        party challenging Labour" describes a role, and refers to no one), or the actor a news
        lead describes and names next ("A chief constable has backed …", `leads`)."""
        found = None
        if subject.dep_ in ("nsubj", "nsubjpass"):
            found = committee_of_members(self.index, subject) or lead_committee(self.ctx, self.index, subject)
        found = found or self.mention_of(subject)
        if found is None and subject.dep_ in ("nsubj", "nsubjpass"):
            found = body_named_like(self, subject) or published_by(self, subject)
            found = found or self._pronoun_author(subject) or lead_actor(self.ctx, self.index, subject)
        return found

    def _pronoun_author(self, subject: Token) -> Mention | None:
        """ "Amitai Etzioni … His report demands a major overhaul of …": a document
        (`document_nouns`, which speaks for its possessor: `possessor_speaks`) owned by
        "his"/"her" is the speaker the quotes layer gave the words it introduces, which reads
        the pronoun with its gender ("Ann Taylor chaired the committee. Mr Brown welcomed the
        findings. Her report demands …" is Ann Taylor's, not Mr Brown's, the person named
        last)."""
        if subject.lemma_.lower() not in DOCUMENT_NOUNS:
            return None
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is None or owner.lower_ not in ("his", "her"):
            return None
        return self.speaker(self._cued_quote(subject, (*self.quotes, *self.accusations)))

    def mention_of(self, subject: Token) -> Mention | None:
        """The mention a holder phrase refers to; "the French government", "Downing Street
        officials" stand for the state or body that modifies them, "Labour MPs" for the party
        (`member_nouns`: only a body's name, not a state's; "32 Labour MPs" for no one). A noun
        of dissent ("Tory rebels", "critics of Mr Howard"; `is_dissent_noun`) is only the group
        it names."""
        at_subject = self.index.at(subject)
        if is_dissent_noun(subject):
            return at_subject
        if counted_members(subject) and at_subject is None:
            return None  # "some members of the Labour Party": a part, not the party (as "some Labour MPs")
        if at_subject is None:
            # "Japan's ruling party, the Liberal Democratic Party, …": an apposition the parser
            # read as a conjunct (no "and"/"or" before it) names the phrase
            for conj in subject.children:
                named = self.index.at(conj) if conj.dep_ == "conj" and not _coordinated(conj) else None
                if named is not None and named.kind == "name":
                    return named
            named = _apposed_name(self.index, subject)
            if named is not None:
                return named
        if subject.lemma_.lower() in BODY_NOUNS and at_subject is None:
            # "Japanese officials in the Defence Agency", "sources at the Treasury": the body
            # they are placed in speaks, not the state an adjective names
            placed = [g for c in subject.rights if c.dep_ == "prep" and c.lower_ in ("in", "at")
                      for g in c.children if g.dep_ == "pobj"]
            body = next((m for g in placed if (m := self.index.at(g)) is not None
                         and m.entity_type == "ORGANIZATION"), None)
            if body is not None:
                return body
        # "the government's finance watchdog" is no one's organ; "Congo's president" is the state's
        owned = possessor_speaks(subject) or subject.lemma_.lower() in GOVERNING_TITLES
        found = mention_of(subject, self.index, owned=owned)
        if found is not None:
            return found
        lemma = subject.lemma_.lower()
        if lemma in BODY_NOUNS:
            bodies, kinds = ("COUNTRY", "ORGANIZATION"), None  # "the French government", "Downing Street officials"
        elif _member_noun(subject) and not counted_members(subject):
            bodies, kinds = ("ORGANIZATION",), ("name",)  # "Labour MPs", "Tory backbenchers": the party's position
        else:
            return None
        for child in subject.lefts:
            if child.dep_ in ("amod", "compound", "nmod"):
                mention = self.index.at(child)
                if mention is not None and mention.entity_type in bodies and (kinds is None or mention.kind in kinds):
                    return mention
        return None


def stance_context(
    ctx: ArticleContext,
    quotes: list[Quote],
    mentions: list[Mention],
    lex: StanceLexicon,
    accusations: list[Quote] | None = None,
) -> StanceArticle:
    return StanceArticle(
        ctx=ctx,
        lex=lex,
        index=MentionIndex(mentions),
        by_id={m.mention_id: m for m in mentions},
        quotes=tuple(sorted(quotes, key=lambda q: (q.char_start, q.char_end))),
        labeller=Labeller(lex, ctx.doc, _headline(ctx)),
        accusations=tuple(accusations or ()),
    )


def _headline(ctx: ArticleContext) -> tuple[int, int]:
    """Token range of the article's headline sentence, (0, 0) when it has none."""
    for sentence in ctx.sentences:
        if sentence.section == "headline":
            span = ctx.sentence_span(sentence)
            return (span.start, span.end) if span is not None else (0, 0)
    return (0, 0)


def _member_noun(noun: Token) -> bool:
    """A plural noun for members of a body ("MPs", "backbenchers"; one "Labour MP" speaks for
    himself); a plural abbreviation is read without its "s", as the tagger keeps "MPs" as its
    own lemma and may tag it a singular proper noun."""
    lemma = noun.lemma_.lower()
    if lemma in MEMBER_NOUNS:
        return noun.tag_ in ("NNS", "NNPS")
    return noun.text.endswith("s") and noun.text[:-1].isupper() and lemma[:-1] in MEMBER_NOUNS


def counted_members(noun: Token) -> bool:
    """Whether a plural member noun is counted or quantified as a part ("Some 32 Labour MPs
    voted against …", "some Labour MPs had called for …", `partitive_words`): those members,
    not the party, whose position the text does not give."""
    return _member_noun(noun) and any(
        c.dep_ == "nummod" or c.dep_ in ("det", "amod") and c.lower_ in PARTITIVE_WORDS for c in noun.children
    )


def _apposed_name(index: MentionIndex, noun: Token) -> Mention | None:
    """The name in apposition to a description ("his predecessor as Cabinet Secretary, Lord
    Armstrong"; "the committee's chairman, Edward Leigh"): the description's own apposition,
    or that of the role it is described by ("as …")."""
    heads = [noun] + [
        g for c in noun.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"
    ]
    for head in heads:
        for child in head.children:
            named = index.at(child) if child.dep_ == "appos" else None
            if named is not None and named.kind == "name" and named.entity_type in ("PERSON", "ORGANIZATION"):
                return named
    return None


def _coordinated(conj: Token) -> bool:
    """Whether a conjunct follows a coordinator ("X and Y", "X or Y"), not only a comma."""
    return any(c.dep_ == "cc" and c.i < conj.i for c in conj.head.children)

