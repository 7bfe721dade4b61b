"""Indirect quotes: reporting verbs outside direct quotes with a subject and a reported
clause ("said (that) …", "called for …", "described … as …", "according to X, …"); a
clause that is (almost) all direct quote is not repeated."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.quotes.context import QuoteArticle
from pipeline.nlp.quotes.cues import (
    AS_VERBS,
    BELIEF_VERBS,
    CONTRAST_MARKS,
    EXPRESSED_NOUNS,
    EXPRESSING_VERBS,
    INDIRECT_VERBS,
    OBJECT_REPORT_VERBS,
    OCCASION_VERBS,
    OWN_REPORT_LINKS,
    REASON_PREPS,
    SPEAKING_PRONOUNS,
    XCOMP_REPORTING,
    as_phrase,
    belief_clause,
    clause_subject_before,
    cue_candidates,
    hosts,
    is_cue,
    is_person_head,
    may_speak,
    phrase_particle,
)
from pipeline.nlp.quotes.speakers import attribute
from pipeline.nlp.records import Quote
from pipeline.nlp.syntax import (
    FINITE_TAGS,
    SUBJECT_SLOT_DEPS,
    has_modal_aux,
    has_subject,
    is_negated,
    is_passive,
    subject_of,
)
from pipeline.nlp.token_view import view_of


def _clause_span(art: QuoteArticle, tokens: list[Token]) -> tuple[int, int] | None:
    """Character span of a reported clause: its tokens, balanced in quote marks, trimmed."""
    tokens = [t for t in tokens if not t.is_space]
    while len(tokens) > 1 and (
        tokens[0].lower_ == "that" and tokens[0].dep_ in ("mark", "det")  # "said that …" (sm parses some as det)
        or tokens[0].dep_ == "mark" and tokens[0].lower_ in ("whether", "if")
        or tokens[0].is_punct and not tokens[0].is_quote
    ):
        tokens = tokens[1:]
    while len(tokens) > 1 and (tokens[-1].dep_ == "cc" or tokens[-1].text in (",", ";", ":", "-", "—", "–")):
        tokens = tokens[:-1]  # "… as the islands are checked, and": the conjunction of what follows
    if not tokens:
        return None
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    # keep quote marks balanced: extend to a quote that the clause opens or closes
    for seg in art.segments:
        if start <= seg.open_pos < end < seg.outer_end and seg.close_pos is not None and seg.outer_end - end <= 3:
            end = seg.outer_end
        if seg.open_pos < start < seg.outer_end <= end and start - seg.open_pos <= 1:
            start = seg.open_pos
    text = art.text
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    sentence = art.ctx.sentence_at(start)
    if sentence is not None and end == sentence.char_end and end > start and text[end - 1] == ".":
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return (start, end) if end > start else None


def _set_off_name(toks: list[Token]) -> set[int]:
    """ "According to a government meteorologist, Manny Mendoza, the typhoon was …": a proper
    name set off by commas at the head of the clause, which the parser made a second subject
    of the clause's verb, is the source's name, not reported words."""
    if not toks or toks[0].pos_ != "PROPN":
        return set()
    k = 0
    while k < len(toks) and toks[k].pos_ == "PROPN":
        k += 1
    if k == len(toks) or toks[k].text != ",":
        return set()
    head = toks[k - 1]
    verb = head.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > toks[k].i]
    if head.dep_ not in ("nsubj", "nsubjpass") or not subjects:
        return set()
    return {t.i for t in toks[: k + 1]}


def _reported_clause(cue: Token) -> list[Token] | None:
    """The tokens a reporting verb reports."""
    lemma = cue.lemma_.lower()
    children = list(cue.children)
    if cue.lower_ == "according":
        clause = _claim_clause(cue.head)
        if clause is cue:
            return None
        skip = {t.i for t in cue.subtree}
        toks = [t for t in clause.subtree if t.i not in skip]
        # the sentence's closing mark after a closing "…, according to X." is not reported
        while toks and toks[-1].i > max(skip) and (toks[-1].is_space or toks[-1].is_punct and not toks[-1].is_quote):
            toks = toks[:-1]
        # "But according to X, …": the conjunction before the source joins the sentence, it is not reported
        while toks and toks[0].i < min(skip) and (toks[0].dep_ == "cc" or toks[0].is_punct and not toks[0].is_quote):
            toks = toks[1:]
        # drop the comma that set off "according to X"
        toks = [t for t in toks if not (t.text == "," and (t.i + 1 in skip or t.i - 1 in skip))]
        named = _set_off_name(toks)
        return [t for t in toks if t.i not in named]
    particle = phrase_particle(cue)
    if lemma == "call" and particle in ("for", "on"):
        prep = next((c for c in children if c.lower_ == particle and c.dep_ in ("prep", "prt")), None)
        if prep is None:
            return None
        toks = [t for t in prep.subtree if t.i != prep.i]
        if particle == "on" or prep.dep_ == "prt":
            for c in children:
                if c.dep_ in ("xcomp", "dobj", "ccomp") and c.i > prep.i:
                    toks.extend(c.subtree)
        return sorted(toks, key=lambda t: t.i) or None
    if lemma == "accuse":
        # "accused the government of lying over the Iraq war": whom and of what (eval/GUIDE.md)
        obj = next((c for c in children if c.dep_ == "dobj" and c.i > cue.i), None)
        if obj is None:
            return None
        ofs = (c for c in (*children, *obj.children) if c.dep_ == "prep" and c.lower_ == "of" and c.i > obj.i)
        of = next(ofs, None)
        if of is None:
            return None
        return sorted({*obj.subtree, *of.subtree}, key=lambda t: t.i)
    if lemma in AS_VERBS:
        found = as_phrase(cue)
        if found is not None:
            obj, as_ = found
            return sorted({*obj.subtree, *as_.subtree}, key=lambda t: t.i)
        return _reported_object(cue)
    if lemma in BELIEF_VERBS and lemma not in INDIRECT_VERBS:
        clause = belief_clause(cue)
        return _with_continuation(cue, list(clause.subtree)) if clause is not None else None
    if lemma in EXPRESSING_VERBS:
        noun = next((c for c in children if c.dep_ == "dobj" and c.lemma_.lower() in EXPRESSED_NOUNS), None)
        if noun is None:
            return None
        clause = next(
            (
                c for c in noun.children
                if c.dep_ in ("acl", "ccomp", "relcl") and any(g.dep_ == "mark" for g in c.children)
            ),
            None,
        )
        return list(clause.subtree) if clause is not None else None
    if lemma not in INDIRECT_VERBS:
        return _reported_object(cue)
    clause = next((c for c in children if c.dep_ == "ccomp"), None)
    if clause is not None:
        return _with_continuation(cue, _with_misparsed_subject(cue, clause))
    if lemma in OBJECT_REPORT_VERBS and not any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in children):
        reported = _reported_object(cue)
        if reported is not None:
            return reported  # else a clause the verb frames ("The figures, the minister admitted, had …")
    set_off = _that_clause_set_off(cue)
    if set_off is not None:
        return [t for t in set_off[0].subtree if t.i >= set_off[1].i]
    framed = _framed_clause(cue)
    if framed is not None:
        return framed
    if lemma in XCOMP_REPORTING:
        xcomp = next((c for c in children if c.dep_ == "xcomp" and c.i > cue.i), None)
        if xcomp is not None:
            obj = next((c for c in children if c.dep_ == "dobj" and c.i < xcomp.i), None)
            toks = list(xcomp.subtree) + (list(obj.subtree) if obj is not None else [])
            return sorted(toks, key=lambda t: t.i)
    return None


def _claim_clause(head: Token) -> Token:
    """The clause "according to X" sources: the word it hangs on, or, when that is a
    participle with no subject of its own that goes on with a finite clause ("The toll
    continues to rise, passing 80,000 according to reports"), that clause, the participle
    included: the source vouches for the whole claim, not for the participle alone."""
    while (
        head.dep_ == "advcl"
        and head.tag_ in ("VBG", "VBN")
        and not has_subject(head)
        and head.head.i != head.i
        and head.head.i < head.i
    ):
        head = head.head
    return head


def _reported_object(cue: Token) -> list[Token] | None:
    """ "criticised the fact that billions have been spent", "praised their decisive majority",
    "recommends gathering more details", "criticises the US for overlooking the reports": the
    object of a verb of judging, demanding or owning up (quotes.yaml object_report_verbs), with
    a "for"/"of" phrase after it, is what was said; not a pronoun ("welcomed it"), nor a
    sense of receiving someone (`hosts`), nor the needs of a subject that cannot speak
    ("the job demands long hours": `may_speak`)."""
    if cue.lemma_.lower() not in OBJECT_REPORT_VERBS or hosts(cue):
        return None
    if not may_speak(subject_of(cue, reporting=is_cue)):
        return None  # "The job demands long hours": a thing's needs, not words
    objects = (c for c in cue.children if c.i > cue.i and c.dep_ in ("dobj", "xcomp", "pcomp"))
    obj = next((c for c in objects if c.dep_ == "dobj" or c.tag_ == "VBG"), None)
    if obj is None or obj.pos_ == "PRON":
        return None
    tokens = list(obj.subtree)
    end = max(t.i for t in tokens)
    reason = [p for p in cue.children if p.dep_ == "prep" and p.lower_ in REASON_PREPS and p.i == end + 1]
    for prep in reason:
        tokens.extend(prep.subtree)
    # a short phrase ("criticised the government", "praised the report") or people with nothing
    # said of them ("criticised Tony Blair and Gordon Brown", "questioned a 35-year-old man
    # about the attack", "admitted 200 patients") is whom or what was judged, not words
    # reported; a gerund ("admitted leaking secrets") is an act
    if sum(t.is_alpha for t in tokens) < (2 if obj.tag_ == "VBG" else MIN_OBJECT_WORDS):
        return None
    if is_person_head(obj) and not reason:
        return None
    if any(t.dep_ in ("relcl", "acl") and is_cue(t) for t in tokens):
        return None  # "criticised a union leader who said …": the object is a speaker of its own
    return sorted(tokens, key=lambda t: t.i)


MIN_OBJECT_WORDS = 4


def _that_clause_set_off(cue: Token) -> tuple[Token, Token] | None:
    """ "announced last week, at the start of the hunting season, that it is working with …":
    a that-clause parted from its reporting verb by a phrase set off with commas, which the
    parser hangs on the verb as an adverbial clause, is still what the verb reports; the
    clause (with its "that") and the words from "that" on, which may lose a set-off phrase
    the parser hung on the clause."""
    for c in cue.children:
        mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ == "that"), None)
        if c.dep_ != "advcl" or c.i < cue.i or mark is None or mark.i == 0:
            continue
        before = cue.doc[mark.i - 1]  # "…, that", "announced yesterday that"; not "so that", "now that"
        if before.lower_ in ("so", "now", "such"):
            continue
        if before.text == "," or before == cue or before.head == cue and before.pos_ in ("NOUN", "PROPN", "ADV"):
            return c, mark
    return None


def _with_continuation(cue: Token, tokens: list[Token]) -> list[Token]:
    """ "said any package should reflect the firm's new ownership, and it will not accept an
    unfair burden": a clause the parser joined to the reporting verb with "and"/"but" after
    the reported clause goes on with the report when it has a subject of its own that is no
    name (a named subject starts the writer's narration: "… and Mr Brown left") and reports
    nothing itself."""
    end = max(t.i for t in tokens)
    for conj in (c for c in cue.children if c.dep_ == "conj" and c.i > end):
        # the "and" may close the clause already ("growing for change and"): the parser hung it there
        cc = [t for t in cue.doc[end + 1 : conj.i] if t.dep_ == "cc"] or [t for t in (cue.doc[end],) if t.dep_ == "cc"]
        subject = next((c for c in conj.children if c.dep_ in SUBJECT_SLOT_DEPS), None)
        if not cc or cc[-1].lower_ not in OWN_REPORT_LINKS or subject is None:
            break
        if subject.pos_ == "PROPN" or subject.ent_type_ or is_cue(conj) or any(is_cue(t) for t in conj.subtree):
            break
        tokens = tokens + list(conj.subtree)
        end = max(t.i for t in tokens)
    return sorted(set(tokens), key=lambda t: t.i)




def next_report(verb: Token) -> bool:
    """A reporting verb the parser put inside another's reported clause that makes a report
    of its own, a quote of its own; the first clause keeps its words (a criticism there may
    name its target in the second, and the events read it so): the speaker's next report,
    "said it was not possible to overstate the judgment and urged the government to move",
    "said he accepted the balance but questioned why …" (a tensed reporting verb with no
    subject after "and"/"but"), "said South Korea is a partner and he also said that …" (a
    pronoun subject after "and"/"but"), "said progress had been made, adding that …" (a
    reporting participle set off by a comma); or someone else's after "while" ("87% said
    politicians broke promises, while 92% said …")."""
    if verb.i < 2 or not is_cue(verb) or is_negated(verb):
        return False
    if clause_subject_before(verb) is not None:
        return False  # "said Smith lied … and told them …": Smith's report, not the speaker's next
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_SLOT_DEPS]
    if verb.dep_ == "advcl" and subjects and subjects[0].pos_ != "PRON":
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS), None)
        return mark is not None and mark.i == verb.left_edge.i
    if verb.dep_ == "conj" and not subjects:
        cc = doc[verb.i - 1]
        if cc.dep_ != "cc" or cc.lower_ not in OWN_REPORT_LINKS or cc.head != verb.head:
            return False
        return verb.tag_ in FINITE_TAGS or verb.tag_ == "VBN" and _misread_participle(verb)
    if verb.dep_ == "conj" and subjects[0].lower_ in SPEAKING_PRONOUNS and verb.tag_ in FINITE_TAGS:
        cc = doc[subjects[0].left_edge.i - 1]
        return cc.dep_ == "cc" and cc.lower_ in OWN_REPORT_LINKS
    if verb.dep_ != "advcl" or subjects or verb.tag_ != "VBG" or doc[verb.left_edge.i - 1].text != ",":
        return False
    lemma = verb.lemma_.lower()
    return lemma in INDIRECT_VERBS and lemma not in OCCASION_VERBS and any(c.dep_ == "ccomp" for c in verb.children)


def _misread_participle(verb: Token) -> bool:
    """ "would not be abolished and argued courts already had flexibility": a past participle
    with no auxiliary that reports a clause, coordinated with a passive, cannot share the
    passive's auxiliary (an active verb with a clause of its own), so it is a past tense."""
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return any(c.dep_ == "ccomp" for c in verb.children) and is_passive(verb.head)


TRAILING_MARKS = ("so", "while", "whereas")


def _with_trailing_clauses(cue: Token, tokens: list[Token]) -> list[Token]:
    """ "says he will produce a Timetable for Action so people can hold him to account",
    "vowed to go after any company …, using all and every legal means", "accused the Tories
    of … while Labour helped …": a clause the parser hung on the reporting verb right after
    the reported words (a second clausal complement, a participle reporting nothing itself,
    a "so"/"while" clause) is part of what was reported."""
    end = max(t.i for t in tokens)
    for child in sorted(cue.children, key=lambda c: c.i):
        if child.i <= end or child.dep_ == "punct" and child.text != ".":
            continue
        if is_cue(child) or any(is_cue(t) for t in child.subtree) or child.left_edge.i > end + 2:
            break  # another report ("…, adding that …"), or words between: not a continuation
        mark = next((c.lower_ for c in child.children if c.dep_ == "mark"), None)
        participle = child.dep_ == "advcl" and child.tag_ == "VBG" and mark is None
        participle = participle and child.lemma_.lower() not in OCCASION_VERBS  # "…, speaking in London"
        # a clause of its own right after the words ("… compete with the HDTV people were starting
        # to watch"): one clause the parser split in two; a bare predicate split off is left out,
        # unless it is tensed and its subject was taken into the words before (_swallowed_subject)
        split = child.dep_ == "ccomp" and child.left_edge.i == end + 1 and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in child.children
        )
        split = split or _swallowed_subject(child, end)
        if not (split or participle or child.dep_ == "advcl" and mark in TRAILING_MARKS):
            break
        tokens = tokens + list(child.subtree)
        end = max(t.i for t in tokens)
    return sorted(set(tokens), key=lambda t: t.i)


def _swallowed_subject(child: Token, end: int) -> bool:
    """ "said only those immigrants with skills the UK really needs will be granted permits",
    "said she did not feel her own colleagues could be trusted", "promises to ensure
    professionals, parents and patients make the key decisions": a tensed predicate with no
    subject, right after the reported words with nothing between, whose subject the parser
    took into the clause before it (as an object); one clause split in two."""
    if child.dep_ not in ("ccomp", "advcl") or child.left_edge.i != end + 1:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for c in child.children):
        return False
    modal = has_modal_aux(child)
    return modal or child.tag_ in FINITE_TAGS


ADDRESSEE_VERBS = ("tell", "inform", "assure", "brief", "remind")


def _with_misparsed_subject(cue: Token, clause: Token) -> list[Token]:
    """ "said processors for consoles had to be made …": a reported clause with no subject of
    its own whose subject the parser hung on the reporting verb as its object (and the
    object's phrases) between the two keeps those words."""
    tokens = list(clause.subtree)
    if any(c.dep_ in SUBJECT_SLOT_DEPS for c in clause.children):
        return tokens
    if cue.lemma_.lower() in ADDRESSEE_VERBS:
        return tokens  # "told MPs …": the object is whom they told
    between = [c for c in cue.children if cue.i < c.i < clause.left_edge.i]
    if not any(c.dep_ == "dobj" and c.tag_.startswith("NN") for c in between):
        return tokens
    if any(c.dep_ not in ("dobj", "prep") for c in between):
        return tokens  # something else sits between: not one misread subject
    return sorted([t for c in between for t in c.subtree] + tokens, key=lambda t: t.i)


def _framed_clause(cue: Token) -> list[Token] | None:
    """ "Group revenues were up 10%, the group said, with …": a reporting clause set off
    after the words it reports, which the parser hangs on them as a parenthetical
    (`parataxis`) or hangs them on as one; the reported words are the rest of that clause."""
    if cue.dep_ == "parataxis" and cue.head.left_edge.i < cue.left_edge.i and cue.head.pos_ in ("VERB", "AUX"):
        lo, hi = cue.left_edge.i, cue.right_edge.i
        # "Speaking in an interview Wednesday, he said, “…”": an opening participle phrase
        # with no subject says when or how the report was made, not what was reported
        setting = {
            t.i
            for c in cue.head.children
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < lo and not any(g.dep_ == "nsubj" for g in c.children)
            for t in c.subtree
        }
        before = [t for t in cue.head.subtree if t.i < lo and t.i not in setting]
        # the words before the parenthetical when it interrupts them, else those after
        return before if sum(t.is_alpha for t in before) >= 3 else [t for t in cue.head.subtree if t.i > hi] or None
    words = (c for c in cue.children if c.dep_ == "parataxis" and c.i < cue.i and c.pos_ in ("VERB", "AUX"))
    before = next(words, None)
    return list(before.subtree) if before is not None else None


def indirect_quotes(art: QuoteArticle, direct: list[Quote]) -> list[Quote]:
    ctx = art.ctx
    quotes: list[Quote] = []
    covered: list[tuple[int, int, str | None]] = []  # clauses reported, with their speaker
    direct_starts = {q.char_start for q in direct}
    view = view_of(art.doc)
    for i in cue_candidates(view):
        token = art.doc[i]
        if not (is_cue(token) or _reported_object(token)) or is_negated(token) or art.in_quote(token.idx):
            continue  # a verb of judging reports its object with no clause ("praised their majority")
        outer = [speaker for lo, hi, speaker in covered if lo <= token.idx < hi]
        if ctx.sentence_at(token.idx) is None:
            continue
        clause = _reported_clause(token)
        if not clause:
            continue
        if token.lower_ != "according" and token.lemma_.lower() not in AS_VERBS:
            clause = _with_trailing_clauses(token, clause)
        span = _clause_span(art, clause)
        if span is None:
            continue
        start, end = span
        # the clause must be reported speech, not the direct quote the verb introduces
        letters = [p for p in range(start, end) if art.text[p].isalnum()]
        unquoted = sum(1 for p in letters if not art.in_quote(p))
        alnum = len(letters)
        if unquoted < 3 or (art.in_quote(start) and unquoted < 0.4 * alnum):
            continue
        if token.lower_ == "according" and any(
            is_cue(t) and any(c.dep_ == "nsubj" for c in t.children) and t.lemma_.lower() not in BELIEF_VERBS
            for t in clause
            if t.dep_ in ("ROOT", "ccomp") or t == token.head
        ):
            # "according to a text, he told delegates: …": the inner report is the quote; not a
            # passive with no speaker of its own ("according to X, the typhoon was estimated to …"),
            # nor a belief the source reports ("according to the NOS, some now fear that …")
            continue
        sentence = ctx.sentence_at(start)
        if sentence is None or ctx.sentence_at(end - 1) is None:
            continue
        attribution = attribute(art, token)
        if attribution is None:
            continue
        if outer and not next_report(token):
            # a report inside a report ("Sands says Goldsmith warned that …") counts only
            # for a new, named speaker; "he said he stressed …" is one quote
            inner = attribution.speaker
            if inner is None or inner.kind != "name" or inner.mention_id in outer:
                continue
            if inner.surface not in (attribution.surface or ""):
                continue  # "the company said": a description, not a name of its own
        covered.append((start, end, attribution.speaker.mention_id if attribution.speaker else None))
        if start in direct_starts:
            continue
        quotes.append(
            Quote(
                quote_id=f"{ctx.article_id}#q{start}",
                article_id=ctx.article_id,
                sentence_id=sentence.sentence_id,
                speaker_mention_id=attribution.speaker.mention_id if attribution.speaker else None,
                speaker_surface=attribution.surface,
                text=art.text[start:end],
                kind="indirect",
                cue=attribution.cue,
                char_start=start,
                char_end=end,
            )
        )
    return quotes
