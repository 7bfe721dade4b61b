"""Who is for or against what: stances from quotes and from stance-taking statements.

A stance is (holder, target issue, polarity, score, evidence). Signals, in the parse of
each sentence, read through the shared stance lexicon (`load_stance_lexicon()`):

1. Stance verbs and phrases anywhere ("Armenia opposes an Azeri checkpoint", "called for
   the immediate opening of …", "there should be no attempts to …"): the cue's object (or
   prepositional object, or the action of its to-infinitive) is the target; the holder is
   the subject, or the quote's speaker when the verb sits in a quote with a first-person
   or no subject or under a deontic modal. Outside quotes only firm cues count
   (score >= OUTSIDE_QUOTE_MIN_SCORE) unless the verb itself reports speech.
2. Inside quotes (direct or indirect) the speaker also takes a stance through
   - evaluative words: "the “illegal” blockade", "the talks were constructive",
     "described the talks as “useful”";
   - deontic modals: "X should/must (not) <verb> <object>"; an act asked of someone other
     than the speaker's side keeps who is to do it ("peers should lead the way on reform" ->
     "peers leading way on reform"), and a modal put as a question ("Should the UK approve
     …?") takes no side;
   - attitude nouns: "the need to end …", "no intention of imposing …".
   Their holder is the quote's speaker.
3. Negation (the lexicon's negators, "not", "never", "no"): a negated deontic or attitude
   ("should not", "no intention") flips with full force; a negated verb or judging word
   flips at half strength when firm (>= 0.6) and becomes neutral when weak ("did not
   doubt"). Intensifiers multiply the score, clipped to 1.
4. Actions as targets compose: "the need to end the crisis" supports ending it, so
   opposes "humanitarian crisis" (or, when a participle names its cause, "a crisis resulting
   from the blockade", the cause instead: `signals.signal`); an action without a stance of its own becomes a label
   from its gerund and object ("impose certain agreements" -> "imposing agreements"), as
   the gold names acts ("building more prisons"); a verb with no object takes the
   preposition of its complement ("should build on GCSEs" -> "building on GCSEs", "switch to a
   local income tax"), not one of time, place or manner (`adjunct_prepositions`).

Targets are normalised noun-phrase labels: determiners, judging and hedging adjectives and
relative clauses dropped; "X of <proper name>" turned around ("blockade of the Lachin
corridor" -> "Lachin corridor blockade"); a bare definite noun ("the blockade") takes the
fuller label of its latest earlier mention in the article; a noun the lexicon calls generic
needs a complement ("the issue of ID cards" -> "ID cards") or it is no target; a name keeps
the short form it introduces in brackets ("Community Support Officers (CSOs)"), by which the
text and its readers go on to name it, and a target that is only that short form takes the
long form back ("CSOs" -> "Community Support Officers (CSOs)", `merge._long_form`). A target
that is an entity links to its mention.

5. Nouns that name a stance ("Labour's opposition to the war", "support for the bill from
   the unions", "Mr Blair's refusal to accept …", "a lack of trust in the prime minister");
   willing adjectives over plain actions ("determined to lower taxes"); an attitude adjective
   after its noun, a reduced relative ("peers angry at the house arrest proposals"), is that
   noun's attitude.
6. Evaluative reported speech: a copula that judges ("the plans were a gimmick", "it is
   right to cut taxes", "this is a dangerous step", "scrapping the tax is the right thing
   to do"), effects ("the plans would damage the economy"), idioms of praise or blame, some
   with a gap for the predicate's own words ("makes no sense", "could put thousands of jobs
   at risk", "will make a real difference"), a manner adverb judging how a thing was made
   ("the bill was badly drafted"), "so-called" as distance.
Targets are completed with their arguments ("sunset clause inserted in the Anti-Terrorism
Bill", "decision to send a junior minister", "reducing public sector workers on sick leave",
"transfer of powers to Brussels", "investigation by the information commissioner",
"relaxation of the rules governing euro zone"); a deed noun keeps the actor its "of" names
("actions of the protesters"), an act demanded of someone named keeps who is to do it
("BBC broadcasting debate", "Turkey recognising Cyprus"), and a bare "the claim" names the
charge the sentence before reports ("claim of signing up to deal with Tories");
"the plans" after "X plans to <action>" is that action, "the move" or "the decision" after "X
voted/agreed/decided to <action>" is that action, "the move" after a narrated act is that act
with its object ("scrapped the tax on fuel": "scrapping tax on fuel"; not what a clause denies)
and "the ruling" after "X ruled that …" is the
ruling with its clause (never the one who decided), a measure's relative clause that acts on an
object completes it ("regulations which would raise the pension age"), a count ("104,000 jobs") takes the
kind named before ("civil service jobs"); "it"/"this" stand for what the sentence before
is about (for "this"/"that" also the object of a phrasal verb of proposing or pursuing: "has come
up with proposals …"); a person reporting their own state's position holds it; a spokesperson, unnamed
or named ("Mike Lake, a Yukos spokesman", `spokespeople`), speaks for the body their phrase
names, unless a portfolio ("home affairs spokesman") makes them a politician in their own
right; a target naming the holder itself is dropped. Coordinated phrases each with their own determiner
or possessive are separate targets ("welcomed his apology and the review of murder laws"), so
is each member of a list closed by "and"/"or", comma-joined, hung on the verb or read as an
apposition ("criticised the tax rise, curbs on immigration and the closure of hospitals"); a
name joined to the object right before a subjectless coordinated verb is that verb's subject
("The Tories oppose the tax and the Lib Dems reject the cuts").
A side's plan, proposal, pledge or offer with a to-infinitive ("the Lib Dems' plans to scrap
tuition fees", "Tory proposals to cap the number of asylum seekers", "Mr Brown's pledge not to
increase income tax") is the owner's position on each act it names, whoever judges the plan
(`verbs.owned_plan_signals`); asking an addressee to act ("asked the WTO to investigate EU
tariffs") supports the act as urging does (`targets.asks_action`); a wish to see something
("would like to see an independent body set up", "wanted to see the council tax scrapped")
takes a side on what is to be seen (`targets.wished_sight`); the verb of a legal appeal
("appealed against a High Court decision") opposes what it appeals against.
Putting a plan forward in the passive ("Plans to abolish 162 quangos have been unveiled by the
Conservatives") is the agent's position; what a side's plans include ("Other Tory plans
include building more prisons", "solutions suggested by conservationists include …") is each
the owner's position (`verbs.inclusion_signals`).
Planning an action, stated in speech ("said it plans to axe 104,000 jobs"), is the planner's
stance for it, only when the holder is the subject of "plan"/"intend" (not a speaker
reporting someone else's plan, nor of a named maker in another speaker's words: "Mr Brown
warned that the Tories were planning …" is Brown's claim); narrated, it is a stance of a government, a minister or a
pronoun for a person named with a governing title or office ("Chancellor Gordon Brown …
He plans to axe 104,000 jobs"). A gerund after a kept preposition or "in" ("guidelines on
splitting the financial burden", "their work in tackling the problem"), a topic the parser
hung on the verb or stance noun ("opposition to the ban on smoking in pubs", "slammed Tory
proposals for cutting public spending"), a light verb's prepositional noun ("decision to go
to war") and a transparent verb's placing argument ("keeping suspects under house arrest"),
the bare clause of a manner noun ("the way Tony Blair's government
operates") and the "that" clause of a mandative verb ("demanding that he haul UN personnel
before the US Congress") complete targets; an actor judged right or wrong to do something
judges the doing ("Labour was right to reject quotas"); a measure said (not) to work is
judged by the speaker.

7. Groups named by a plural common noun ("critics", "business leaders", "unions") hold
   stances: `groups` offers them to the passes as candidate GROUP mentions, and only those
   that hold a stance join the article's mentions (`stances_and_groups`). A bare "MPs" of a
   lead ("…, MPs have warned") whose next sentences name a committee as a subject is that
   committee, throughout the article (`leads.lead_committee`).
8. Evaluative reported speech without a target: `article_issue` gives a judging speaker one
   position per article on the issue the headline names, or else the lead's recurring object;
   a judging noun that names what happens, as a verb's argument or a modifier with no owner
   ("combating low-level crime", "crime figures"), gives no tone.
9. Pledges in a body's speech (`pledges`): "Labour has said it will extend the right-to-buy
   scheme", a spokesman's "we will not raise income tax" take a side on the action; an "it"
   of several speakers, or after another body named in the quote, is not the speaker.
   Naming verbs also read general opinion words (`opinion`, VADER) the lexicon lacks
   ("branded the guidelines a mess").
   Warnings of effects (`effects`): in speech, a cause of harm or good named by a noun
   ("the Tory policies would cause economic failure", "will lead to severe problems") is
   judged as a verb of effect judges it.
   Fearing what a measure does or would do (`effects.fear_signals`: "Critics fear the move
   could hand control of the police to …") opposes the measure, and so does warning of what it
   brings about ("warned that the plans could lead to …"); "the move", "the plans"
   after "…, under plans unveiled by X" are the planned content (`Labeller.plan_content`).
   An action urged on an actor with no object to label it by is the issue as worded
   ("urged the government to think again at a later stage"); "warned X to <act>" urges it.
10. Holders are completed (`holders`, `pronouns`): a subject "it" in speech or "they" under
   a report continues the body the text is about ("It says it wants …"); "the union", "a
   report by the NAO" take up the body named like them or the author, as for speakers; a
   quote of joint speakers, named joint subjects in speech, a conjunct of a passive verb and
   a party member saying "the party would …" (the member's own position) each get theirs;
   "His report demands …" and a narrated "He accused …" are the speaker the quotes layer
   gave those words (it reads the pronoun's gender; no one where it found no one). Members
   counted or quantified as a part ("Up to 30 Labour MPs", "some WTO members") are not the
   body (`context.counted_members`); a person's stance under the surname alone and under the
   full name is one (`merge._once_per_person`).

   A court's ruling (`rulings`): "The Law Lords ruled that detention without trial was
   unlawful" is read as the court's reported speech, so its judging words are its position.
11. Speech acts the events layer finds (`speech_acts`, run by `extract.chain_extractors`
   after the events): a demand, praise or agreement supports what it is about, a refusal or
   criticism opposes it ("Frank Field criticised the reported rivalry between the pair"),
   where no pass gave the holder a stance in that sentence.
12. Sport reports (`sport`: three distinct sport words in the article): the judging passes keep
   only judgements of an issue that names no team, player, play or result, any pass drops a
   stance on play or a result ("defend his title"), and the headline gives no article issue.
   A stance noun its subject needs or seeks ("it needs creditors' backing") is nobody's yet
   (`nominals`).

The passes, each a module of functions over one frozen `StanceArticle` that return signals:
`verbs` (stance verbs, proposals, existentials, willing adjectives), `nominals` (stance
nouns), `judgements` (deontic modals, attitude nouns, judging words and "so-called" inside
quotes), `copulas` (what a copula or an effect judges), `effects` (what a causative brings
about), `pledges` (promises in speech);
with `targets`, `issue_words` (whether
a judged word names an issue), `topic`, `holders`, `pronouns`,
`polarity` and `labels` as their helpers and `merge` keeping the strongest signal per
holder and target in an article (eval/GUIDE.md: one stance per holder and target).
`issues` groups the targets of a whole corpus into canonical issues (README, "Issues").

The entry point lives in `detect.py` and is imported on first use (PEP 562 `__getattr__`):
the corpus tables import `stances.issues`, and a package `__init__` that imported the passes
would import spaCy into every `python -m pipeline.cli run`, a no-change rerun included.
"""

from __future__ import annotations

__all__ = ["extract_stances", "stances_and_groups"]


def __getattr__(name: str):
    if name == "extract_stances":
        from pipeline.nlp.stances.detect import extract_stances

        return extract_stances
    if name == "stances_and_groups":
        from pipeline.nlp.stances.detect import stances_and_groups

        return stances_and_groups
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
