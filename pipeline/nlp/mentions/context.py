"""The frozen per-article context every mention pass reads, the candidate record the
passes hand on, and the step that turns candidates into `Mention` rows.

Passes are functions `(MentionContext, candidates) -> candidates`; none keeps state of
its own, so the order in `detect_mentions` is the whole pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Doc, Token

from pipeline.nlp.gazetteer import Gazetteer
from pipeline.nlp.quotes.context import quote_blocks
from pipeline.nlp.quotes.marks import find_quote_segments
from pipeline.nlp.records import ArticleContext, Mention
from pipeline.nlp.token_view import view_of

# Named things that are no actors, kept with their own type (schemas.NAMED_THING_TYPES).
THING_OF_LABEL = {"LAW": "LAW", "EVENT": "EVENT", "WORK_OF_ART": "WORK", "PRODUCT": "PRODUCT"}
NER_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", *THING_OF_LABEL})
TYPE_OF_LABEL = {
    "PERSON": "PERSON",
    "GPE": "LOCATION",
    "ORG": "ORGANIZATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    **THING_OF_LABEL,
}
SECTIONS_WITH_MENTIONS = ("headline", "caption", "body", "trailer")  # trailer: reporters, editors
UNRESOLVED = "?"  # a candidate kept only if a later rule types it
QUOTED = re.compile(r"“[^”]{0,3000}”|\"[^\"\n]{0,3000}\"")


@dataclass(frozen=True)
class Candidate:
    """A span some rule proposes as a mention, before overlaps are settled."""

    tok_start: int
    tok_end: int
    label: str  # ner_label
    entity_type: str
    kind: str
    name: str
    priority: int  # phrase rules 3, gazetteer ruler 2, statistical NER 1
    gazetteer_id: str | None = None
    role: str | None = None
    country_iso3: str | None = None
    gender: str | None = None
    antecedent: str | None = None
    char_end: int | None = None  # when the mention ends inside its last token ("U.S.-mediated")


@dataclass(frozen=True)
class MentionContext:
    """One article as the mention passes see it: the parse, the gazetteer, and what is
    worked out once per article (each token's section, the quoted stretches, the words
    that may form a title, each country's usual demonym)."""

    ctx: ArticleContext
    gaz: Gazetteer
    doc: Doc
    section: tuple[str | None, ...]
    quoted: tuple[tuple[int, int], ...]
    speech: tuple[tuple[int, int], ...]  # the quoted stretches as the quote pass pairs the marks
    role_words: frozenset[str]
    primary_demonym: Mapping[str, str]

    @classmethod
    def build(cls, ctx: ArticleContext, gaz: Gazetteer) -> MentionContext:
        return cls(
            ctx=ctx,
            gaz=gaz,
            doc=ctx.doc,
            section=tuple(sentence.section if sentence else None for sentence in ctx.token_sentences()),
            quoted=tuple((m.start(), m.end()) for m in QUOTED.finditer(ctx.text)),
            speech=quoted_stretches(ctx),
            role_words=role_words(gaz),
            primary_demonym=primary_demonyms(gaz),
        )

    def in_sections(self, start: int, end: int, sections=SECTIONS_WITH_MENTIONS) -> bool:
        """Whether tokens start and end - 1 both lie in sections that carry mentions."""
        return self.section[start] in sections and self.section[end - 1] in sections

    def inside_quote(self, char: int) -> bool:
        return any(s < char < e for s, e in self.quoted)

    def inside_speech(self, char: int) -> bool:
        """Inside a quote, as marks two by two or as the quote pass pairs them (`quoted_stretches`)."""
        return self.inside_quote(char) or any(s < char < e for s, e in self.speech)


def quoted_stretches(ctx: ArticleContext) -> tuple[tuple[int, int], ...]:
    """(opening mark, end) of every double-quoted stretch, paired as the quote pass pairs
    them (`quotes.marks`): a paragraph that goes on quoting opens with a mark but leaves the
    last one open (`"Disunity … the country. "Gordon Brown is …"`), so pairing marks two by
    two (`quoted`) would put the second paragraph's names outside the quote, where a
    pronoun would take them for its antecedent."""
    blocks = [(lo, hi, chained) for lo, hi, chained, _ in quote_blocks(ctx)]
    return tuple((s.open_pos, s.outer_end) for s in find_quote_segments(ctx.text, blocks) if not s.single)


def to_mentions(mc: MentionContext, chosen: list[Candidate]) -> list[Mention]:
    """The chosen candidates as `Mention` rows, one per start offset."""
    out = []
    seen = set()
    for c in chosen:
        m = make_mention(mc, c)
        if m is not None and m.char_start not in seen:
            seen.add(m.char_start)
            out.append(m)
    return out


def make_mention(mc: MentionContext, c: Candidate, antecedent: str | None = None) -> Mention | None:
    """One candidate as a `Mention`; None when it leaves its sentence or lies outside
    the sections that carry mentions."""
    view = view_of(mc.doc)
    start = view.idx[c.tok_start]
    end = c.char_end if c.char_end is not None else view.char_end[c.tok_end - 1]
    sentence = mc.ctx.sentence_at(start)
    if sentence is None or end > sentence.char_end or sentence.section not in SECTIONS_WITH_MENTIONS:
        return None
    article_id = mc.ctx.article_id
    return Mention(
        mention_id=f"{article_id}#m{start}",
        article_id=article_id,
        sentence_id=sentence.sentence_id,
        surface=mc.ctx.text[start:end],
        char_start=start,
        char_end=end,
        ner_label=c.label,
        entity_type=c.entity_type,
        kind=c.kind,
        name=c.name,
        gazetteer_id=c.gazetteer_id,
        role=c.role,
        country_iso3=c.country_iso3,
        antecedent=antecedent or c.antecedent,
    )


def body_key(m: Mention) -> str:
    """One key per organisation however it is written: its gazetteer id, else its name."""
    return m.gazetteer_id or m.name.lower()


def clean_spaces(text: str) -> str:
    return " ".join(text.split())


def ents_covering(doc: Doc, i: int):
    """The doc's entity spans that contain token i."""
    last = doc[i].i  # as spaCy reads i (negative from the end; out of range raises)
    for ent in view_of(doc).ents:
        if ent.start <= i < ent.end:
            yield ent
        elif ent.start > last:
            break


def is_whole_ent(doc: Doc, start: int, end: int) -> bool:
    """NER's name is exactly doc[start:end]: one begins at `start` and none runs on past `end`."""
    return doc[start].ent_iob_ == "B" and (end == len(doc) or doc[end].ent_iob_ != "I")


def is_plural_demonym(token: Token, gaz: Gazetteer) -> bool:
    text = token.text
    return (
        text.endswith("s")
        and len(text) > 3
        and gaz.demonym_country(text[:-1]) is not None
        and gaz.demonym_country(text) is not None
    )


def with_candidates(chosen: list[Candidate], new: list[Candidate]) -> list[Candidate]:
    """The chosen candidates with new ones put in, in text order; a chosen candidate that
    starts where a new one does, or shares a token with one, gives way."""
    if not new:
        return chosen
    starts = {c.tok_start for c in new}
    covered = {i for c in new for i in range(c.tok_start, c.tok_end)}
    kept = [c for c in chosen if c.tok_start not in starts and not covered.intersection(range(c.tok_start, c.tok_end))]
    return sorted(kept + new, key=lambda c: c.tok_start)


def overlaps_any(i: int, c: Candidate) -> bool:
    return c.tok_start <= i < c.tok_end


_GAZETTEER_WORDS: dict[str, tuple[Gazetteer, object]] = {}


def _once_per_gazetteer(what: str, gaz: Gazetteer, make):
    """What `make(gaz)` gives, made once per gazetteer object: the gazetteer is loaded once
    per process, and building its word sets for every article cost as much as reading it."""
    cached = _GAZETTEER_WORDS.get(what)
    if cached is None or cached[0] is not gaz:
        cached = _GAZETTEER_WORDS[what] = (gaz, make(gaz))
    return cached[1]


def role_words(gaz: Gazetteer) -> frozenset[str]:
    """Every word of every role variant: the words a title can be made of."""
    return _once_per_gazetteer("role_words", gaz, _role_words)


def is_role_variant(gaz: Gazetteer, text: str) -> bool:
    """The text is, case aside, a whole variant of the role it names ("Home Secretary"), not
    a longer phrase holding one."""
    role = gaz.match_role(text)
    return role is not None and any(v.lower() == text.lower() for v in role.variants)


def _role_words(gaz: Gazetteer) -> frozenset[str]:
    words = set()
    for role in gaz.roles:
        for variant in role.variants:
            for w in re.findall(r"[\w'-]+", variant.replace(".", "")):
                # "Co-Chairman" as one token, and its parts as the parser splits them
                words.update([w.lower(), *(part for part in w.lower().split("-") if part)])
    return frozenset(words)


def primary_demonyms(gaz: Gazetteer) -> Mapping[str, str]:
    """Each country's first-listed demonym, which names its ministries ("Armenian")."""
    return _once_per_gazetteer("primary_demonyms", gaz, _primary_demonyms)


def _primary_demonyms(gaz: Gazetteer) -> Mapping[str, str]:
    out: dict[str, str] = {}
    for surface, iso3 in gaz.demonyms:
        out.setdefault(iso3, surface)
    return MappingProxyType(out)
