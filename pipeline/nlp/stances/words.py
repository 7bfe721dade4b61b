"""Stance vocabulary."""

from __future__ import annotations

# Verbs whose to-infinitive carries the subject's own stance ("wants to end …").
VOLITION_VERBS = frozenset(
    """want wish hope intend plan seek try aim decide agree refuse promise pledge vow threaten
    continue begin start need prefer demand ask expect mean attempt vote""".split()
)
# Verbs whose object is the addressee and whose to-infinitive the action ("urged Iran to halt …").
ADDRESSEE_VERBS = frozenset({"urge", "encourage", "ask", "press", "push", "persuade", "invite", "tell", "implore", "call", "warn"})
# Verbs whose clause states a wished-for state ("hope that solutions will be found").
CLAUSE_STANCE_VERBS = frozenset({"hope", "want", "wish", "demand", "insist", "urge", "propose", "welcome", "pray"})
BELIEF_VERBS = frozenset({"think", "believe", "expect", "feel", "consider", "say"})
DENIAL_VERBS = frozenset({"deny", "dismiss", "reject", "refute", "dispute"})
# Nouns of wanting or intending: "the need to end …", "no intention of imposing …".
ATTITUDE_NOUNS = frozenset(
    {"need", "necessity", "intention", "determination", "commitment", "readiness", "willingness", "desire", "wish", "resolve"}
)
# Nouns of trying: a target only through a cue or "no" ("no attempts to impose …").
ATTEMPT_NOUNS = frozenset({"attempt", "effort", "bid", "plan", "move", "push", "try"})
# Nouns that point at their complement: "due consideration of the rights" is about the rights.
LIGHT_NOUNS = frozenset({"consideration", "respect", "regard", "observance", "attention"})
# Verbs that only carry their noun's stance: "expressed support for", "voiced hope that".
LIGHT_VERBS = frozenset({"express", "voice", "reiterate", "reaffirm", "declare", "give", "lend", "offer", "signal", "stress", "underline"})
# Adjectives that say nothing about the issue itself.
DROP_ADJECTIVES = frozenset(
    """immediate certain any such latest further possible real whole current recent due full proper
    so-called alleged same other various several many much more most some new own very particular
    specific main key major""".split()
)
# Verbs too light to name an action ("show the strength", "make the mistake", "draw a line").
EMPTY_VERBS = frozenset({"show", "make", "take", "give", "do", "put", "go", "come", "see", "be", "find", "draw", "let", "use"})
# Verbs whose to-infinitive is what their subject does through them ("used a message to denounce …").
INSTRUMENT_VERBS = frozenset({"use"})
# Verbs of judging someone whose "over"/"for" complement is the issue ("criticised the
# government over its case for war").
GROUNDS_PREPOSITIONS = frozenset({"over", "for"})
# Participles linking an issue to its cause ("a crisis resulting from the blockade").
CAUSE_LINKS = {"result": "from", "stem": "from", "arise": "from", "cause": "by", "create": "by", "trigger": "by"}
# Participles whose agent proposes the noun they modify ("the quota system planned by the Tories").
PROPOSAL_VERBS = frozenset({"plan", "propose", "back", "support", "champion", "favour", "favor", "advocate", "endorse"})
# Verbs whose object is the issue itself ("a commitment to reach 0.7% of income").
TRANSPARENT_VERBS = frozenset({"reach", "achieve", "meet", "keep", "maintain", "have", "get", "secure", "deliver", "hold"})
# Volition verbs that reverse the action they govern ("refused to sign").
NEGATIVE_VOLITION = frozenset({"refuse", "decline", "reject", "resist", "oppose", "fail"})
# Adjectives that carry their subject's stance to the action they govern ("ready to back",
# "reluctant to support", "uneasy about supporting").
WILLING_ADJECTIVES = frozenset({"ready", "willing", "prepared", "determined", "keen", "eager", "happy", "glad", "pleased", "committed", "anxious"})
UNWILLING_ADJECTIVES = frozenset({"reluctant", "unwilling", "uneasy", "loath", "hesitant", "wary", "unhappy", "opposed", "afraid"})
# Passive stance verbs whose subject holds the stance ("was committed to the plan").
HOLDER_PASSIVES = frozenset({"commit", "oppose", "dedicate", "devote", "determine", "prepare"})
KEEP_PREPOSITIONS = frozenset({"of", "over", "to", "for", "on", "against", "between", "with"})
IRREGULAR_PARTICIPLES = {
    "make": "made", "take": "taken", "build": "built", "hold": "held", "give": "given", "set": "set",
    "put": "put", "break": "broken", "bring": "brought", "keep": "kept", "send": "sent", "sell": "sold",
    "buy": "bought", "win": "won", "lose": "lost", "seek": "sought", "tell": "told", "say": "said",
    "find": "found", "lead": "led", "leave": "left", "cut": "cut", "shut": "shut", "run": "run",
    "begin": "begun", "draw": "drawn", "drive": "driven", "write": "written", "choose": "chosen",
    "freeze": "frozen", "steal": "stolen", "speak": "spoken", "forget": "forgotten", "get": "got",
    "pay": "paid", "lay": "laid", "mean": "meant", "meet": "met", "spend": "spent", "lend": "lent",
    "strike": "struck", "fight": "fought", "teach": "taught", "think": "thought", "hit": "hit",
    "let": "let", "lift": "lifted", "withdraw": "withdrawn", "overthrow": "overthrown", "rebuild": "rebuilt",
}
