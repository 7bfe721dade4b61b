"""Event triggers, stance cues and lemma fixes, read from `pipeline/knowledge`.

The vocabulary lives in data so that reviewers can audit and extend it without reading
code; this module only validates it and answers lookups. Every key and every query is
normalised the same way (lower case, straight apostrophes, hyphens read as spaces), so
callers can pass spaCy lemmas or lower-cased tokens as they come.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from pipeline.nlp.yaml_text import UniqueKeyLoader

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"
TRIGGERS_PATH = KNOWLEDGE_DIR / "plover_triggers.yaml"
STANCE_LEXICON_PATH = KNOWLEDGE_DIR / "stance_lexicon.yaml"
LEMMA_FIXES_PATH = KNOWLEDGE_DIR / "lemma_fixes.yaml"

PLOVER_QUAD_BY_TYPE: Mapping[str, str] = MappingProxyType(
    {
        "AGREE": "verbal_coop",
        "CONSULT": "verbal_coop",
        "SUPPORT": "verbal_coop",
        "CONCEDE": "verbal_coop",
        "COOPERATE": "material_coop",
        "AID": "material_coop",
        "RETREAT": "material_coop",
        "REQUEST": "verbal_conflict",
        "ACCUSE": "verbal_conflict",
        "REJECT": "verbal_conflict",
        "THREATEN": "verbal_conflict",
        "PROTEST": "material_conflict",
        "SANCTION": "material_conflict",
        "MOBILIZE": "material_conflict",
        "COERCE": "material_conflict",
        "ASSAULT": "material_conflict",
    }
)
SUBJECT_ROLES = ("source", "recipient", "mediator")
EVENT_MODALITIES = ("negated", "hypothetical", "future")
STANCE_POLARITIES = ("support", "oppose")

_TRIGGER_FIELDS = {"lemma", "mode", "cameo_root", "subject_role", "requires_verb"}
_CAMEO_ROOT = re.compile(r"(0[1-9]|1[0-9]|20)")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "-": " "})


@functools.lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """One spelling for keys and queries: "Cease-fire" and "cease fire" must meet.

    Remembered: the lexicons ask it of the same few thousand words at every token of every
    article (a tenth of the stance passes' time went into re-spelling them)."""
    return " ".join(text.lower().translate(_APOSTROPHES).split())


@dataclass(frozen=True)
class Trigger:
    """One word that announces a PLOVER event, with what the dictionary says about it."""

    lemma: str  # normalised, with its particle or modifier ("call for", "air strike")
    event_type: str
    mode: str | None
    cameo_root: str
    quad: str
    pos: str  # VERB | NOUN, as spaCy tags them
    subject_role: str = "source"  # who the subject (verbs) or possessor (nouns) is
    requires_verb: bool = False  # a topic noun: an event only when a verb realises it


@dataclass(frozen=True)
class EventTriggers:
    verb_triggers: Mapping[str, Trigger]
    noun_triggers: Mapping[str, Trigger]
    light_verb_lemmas: frozenset[str]
    modality_by_cue: Mapping[str, str]
    historical_cues: frozenset[str]

    def verb(self, lemma: str, particle: str | None = None) -> Trigger | None:
        """The trigger for a verb; "call for" outranks "call" because it is more specific."""
        return _most_specific(self.verb_triggers, lemma, particle, extra_first=False)

    def noun(self, lemma: str, modifier: str | None = None) -> Trigger | None:
        """The trigger for a noun; "hunger strike" outranks "strike" for the same reason."""
        return _most_specific(self.noun_triggers, lemma, modifier, extra_first=True)

    @functools.cached_property
    def _verb_words(self) -> frozenset[str]:
        return frozenset(word for key in self.verb_triggers for word in key.split())

    @functools.cached_property
    def _noun_words(self) -> frozenset[str]:
        return frozenset(word for key in self.noun_triggers for word in key.split())

    def may_be_verb(self, lemma: str) -> bool:
        """False when no verb entry holds every word of the lemma: then `verb` answers None
        for it with any particle (a cheap test before a verb's dependents are read)."""
        return _held(self._may_be_verb, self._verb_words, lemma)

    def may_be_noun(self, lemma: str) -> bool:
        """False when no noun entry holds every word of the lemma: then `noun` and
        `noun_with_preposition` answer None for it with any modifier or preposition."""
        return _held(self._may_be_noun, self._noun_words, lemma)

    @functools.cached_property
    def _may_be_verb(self) -> dict[str, bool]:
        return {}  # `may_be_verb`'s answers: asked of every verb of every article

    @functools.cached_property
    def _may_be_noun(self) -> dict[str, bool]:
        return {}  # `may_be_noun`'s answers: asked of every noun of every article

    def noun_with_preposition(self, lemma: str, preposition: str) -> Trigger | None:
        """The trigger for a noun that is one only with the preposition after it ("call
        for", "call on"): a plain "call" is a phone call, a decision or a cry."""
        return self.noun_triggers.get(normalise(f"{lemma} {preposition}"))

    def modality(self, word_lower: str) -> str | None:
        """Which way the word makes an event non-factual: negated, hypothetical or future."""
        return self.modality_by_cue.get(normalise(word_lower))

    def is_historical_cue(self, word_lower: str) -> bool:
        """Whether the word places an event in the past ("years ago", "previously")."""
        return normalise(word_lower) in self.historical_cues

    def is_light_verb(self, lemma: str, particle: str | None = None) -> bool:
        """Whether the verb only realises its trigger-noun object ("hold talks")."""
        if particle and normalise(f"{lemma} {particle}") in self.light_verb_lemmas:
            return True
        return normalise(lemma) in self.light_verb_lemmas


_KEPT_ANSWERS = 100_000
"""Words whose answer `_held` remembers at most; past that it starts again."""


def _held(answers: dict[str, bool], words: frozenset[str], lemma: str) -> bool:
    """Whether every word of `lemma` is one of `words`, remembered in `answers`."""
    found = answers.get(lemma)
    if found is None:
        if len(answers) > _KEPT_ANSWERS:
            answers.clear()
        found = answers[lemma] = all(word in words for word in normalise(lemma).split())
    return found


@dataclass(frozen=True)
class StanceLexicon:
    cue_polarity: Mapping[str, tuple[str, float]]
    evaluative_weight: Mapping[str, float]  # signed: negative words below zero
    negator_words: frozenset[str]
    intensifier_multiplier: Mapping[str, float]
    generic_targets: frozenset[str]

    def cue(self, lemma_or_phrase: str) -> tuple[str, float] | None:
        """("support" | "oppose", score) when the verb or phrase takes a side on its object."""
        return self.cue_polarity.get(normalise(lemma_or_phrase))

    def may_start_cue(self, word: str) -> bool:
        """False when `cue` answers None for the word and for every phrase it starts ("word
        particle preposition" …): no cue begins with it (a cheap test before a verb's
        dependents are read). A word that normalises to nothing may start anything."""
        first = normalise(word).split()[:1]
        return not first or first[0] in self._cue_first_words

    @functools.cached_property
    def _cue_first_words(self) -> frozenset[str]:
        return frozenset(key.split()[0] for key in self.cue_polarity if key.split())

    def evaluative(self, word: str) -> float | None:
        """Signed weight of a judging word: "constructive" > 0, "illegal" < 0."""
        return self.evaluative_weight.get(normalise(word))

    @functools.cached_property
    def phrase_ends(self) -> frozenset[str]:
        """The last words of the two-word judging phrases ("conceived" of "ill conceived"),
        which the tokenizer splits from their first word when they are written with a hyphen."""
        return frozenset(key.split()[1] for key in self.evaluative_weight if len(key.split()) == 2)

    @functools.cached_property
    def last_words(self) -> frozenset[str]:
        """The last word of every judging word and phrase: a word that is none of them ends
        no judging phrase, whatever comes before it (the stance passes' gate)."""
        return frozenset(key.split()[-1] for key in self.evaluative_weight if key.split())

    def evaluative_token(self, lower: str, lemma: str) -> float | None:
        """`evaluative` of a word as written (lower-cased), else of its lemma ("illegally"
        as written, "condemned" by "condemn")."""
        weight = self.evaluative(lower)
        if weight is None and lemma.lower() != lower:
            weight = self.evaluative(lemma)
        return weight

    def is_negator(self, word: str) -> bool:
        return normalise(word) in self.negator_words

    def intensity(self, word: str) -> float:
        """Multiplier a modifier applies to a score; 1.0 for words that are not intensifiers."""
        return self.intensifier_multiplier.get(normalise(word), 1.0)

    def is_generic_target(self, noun: str) -> bool:
        """Whether the noun is too vague to name an issue ("the situation")."""
        return normalise(noun) in self.generic_targets


@functools.lru_cache(maxsize=4)
def load_event_triggers(path: str | Path | None = None) -> EventTriggers:
    """The trigger dictionary, validated; a bad file fails here, not mid-pipeline."""
    data = _read_yaml(Path(path) if path else TRIGGERS_PATH)
    verbs: dict[str, Trigger] = {}
    nouns: dict[str, Trigger] = {}
    for event_type, spec in _section(data, "event_types", dict).items():
        for trigger in _type_triggers(event_type, spec):
            _add_unique(verbs if trigger.pos == "VERB" else nouns, trigger)
    cues = _section(data, "modality_cues", dict)
    return EventTriggers(
        verb_triggers=MappingProxyType(verbs),
        noun_triggers=MappingProxyType(nouns),
        light_verb_lemmas=_word_set(data, "light_verbs"),
        modality_by_cue=MappingProxyType(_modality_by_cue(cues)),
        historical_cues=frozenset(_expand_all(cues.get("historical", []), "modality_cues.historical")),
    )


@functools.lru_cache(maxsize=4)
def load_stance_lexicon(path: str | Path | None = None) -> StanceLexicon:
    """The stance lexicon, validated; contradictory entries are rejected, not resolved."""
    data = _read_yaml(Path(path) if path else STANCE_LEXICON_PATH)
    cues = _signed_scores(data, "support_cues", "oppose_cues", labels=STANCE_POLARITIES)
    evaluative = _signed_scores(data, "evaluative_positive", "evaluative_negative", labels=(1.0, -1.0))
    intensifiers = _scored_words(_section(data, "intensifiers", dict), "intensifiers", upper=None)
    return StanceLexicon(
        cue_polarity=MappingProxyType(cues),
        evaluative_weight=MappingProxyType({word: sign * w for word, (sign, w) in evaluative.items()}),
        negator_words=_word_set(data, "negators"),
        intensifier_multiplier=MappingProxyType(intensifiers),
        generic_targets=_word_set(data, "target_stoplist"),
    )


def _most_specific(
    table: Mapping[str, Trigger], lemma: str, extra: str | None, extra_first: bool
) -> Trigger | None:
    if extra:
        phrase = f"{extra} {lemma}" if extra_first else f"{lemma} {extra}"
        found = table.get(normalise(phrase))
        if found:
            return found
    return table.get(normalise(lemma))


def _read_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=UniqueKeyLoader)  # a SafeLoader: no arbitrary objects
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


def _section(data: Mapping, name: str, kind: type) -> Any:
    value = data.get(name)
    if not isinstance(value, kind):
        raise ValueError(f"section {name!r} must be a {kind.__name__}")
    return value


def _variants(entry: Any, where: str) -> list[str]:
    """Both spellings of "criticise/criticize"; also catches unquoted YAML booleans ("no")."""
    if not isinstance(entry, str) or not entry.strip():
        raise ValueError(f"{where}: {entry!r} is not a word (quote YAML keywords such as 'no')")
    return [normalise(variant) for variant in entry.split("/") if variant.strip()]


def _expand_all(entries: Iterable[Any], where: str) -> list[str]:
    return [word for entry in entries for word in _variants(entry, where)]


def _word_set(data: Mapping, name: str) -> frozenset[str]:
    return frozenset(_expand_all(_section(data, name, list), name))


def _type_triggers(event_type: str, spec: Any) -> Iterable[Trigger]:
    if event_type not in PLOVER_QUAD_BY_TYPE:
        raise ValueError(f"unknown event type {event_type!r}; expected one of the 16 PLOVER types")
    if not isinstance(spec, dict):
        raise ValueError(f"{event_type}: expected a mapping")
    quad = spec.get("quad")
    if quad != PLOVER_QUAD_BY_TYPE[event_type]:
        raise ValueError(f"{event_type}: quad {quad!r} should be {PLOVER_QUAD_BY_TYPE[event_type]!r}")
    type_root = _cameo_root(spec.get("cameo_root"), event_type)
    modes = set(spec.get("modes") or [])
    for pos, key in (("VERB", "verbs"), ("NOUN", "nouns")):
        for entry in spec.get(key) or []:
            yield from _entry_triggers(entry, event_type, quad, type_root, modes, pos)


def _entry_triggers(
    entry: Any, event_type: str, quad: str, type_root: str, modes: set, pos: str
) -> Iterable[Trigger]:
    fields = entry if isinstance(entry, dict) else {"lemma": entry}
    where = f"{event_type} {pos.lower()} {fields.get('lemma')!r}"
    unknown = set(fields) - _TRIGGER_FIELDS
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {sorted(unknown)}")
    mode = fields.get("mode")
    if mode is not None and mode not in modes:
        raise ValueError(f"{where}: mode {mode!r} is not one of {event_type}'s modes {sorted(modes)}")
    role = fields.get("subject_role", "source")
    if role not in SUBJECT_ROLES:
        raise ValueError(f"{where}: subject_role {role!r} is not one of {SUBJECT_ROLES}")
    requires_verb = fields.get("requires_verb", False)
    if not isinstance(requires_verb, bool):
        raise ValueError(f"{where}: requires_verb must be true or false")
    root = _cameo_root(fields["cameo_root"], where) if "cameo_root" in fields else type_root
    for lemma in _variants(fields.get("lemma"), where):
        yield Trigger(lemma, event_type, mode, root, quad, pos, role, requires_verb)


def _cameo_root(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _CAMEO_ROOT.fullmatch(value):
        raise ValueError(f"{where}: cameo_root {value!r} must be a quoted two-digit string from '01' to '20'")
    return value


def _add_unique(table: dict[str, Trigger], trigger: Trigger) -> None:
    earlier = table.get(trigger.lemma)
    if earlier:
        raise ValueError(
            f"duplicate {trigger.pos.lower()} trigger {trigger.lemma!r}: "
            f"listed under {earlier.event_type} and {trigger.event_type}"
        )
    table[trigger.lemma] = trigger


def _modality_by_cue(cues: Mapping) -> dict[str, str]:
    unknown = set(cues) - {*EVENT_MODALITIES, "historical"}
    if unknown:
        raise ValueError(f"modality_cues: unknown group(s) {sorted(unknown)}")
    by_cue: dict[str, str] = {}
    for modality in EVENT_MODALITIES:
        for word in _expand_all(cues.get(modality, []), f"modality_cues.{modality}"):
            if by_cue.setdefault(word, modality) != modality:
                raise ValueError(f"modality cue {word!r} is both {by_cue[word]} and {modality}")
    return by_cue


def _scored_words(entries: Mapping, where: str, upper: float | None = 1.0) -> dict[str, float]:
    """Words with their score; scores lie in (0, upper], or are merely positive without upper."""
    scored: dict[str, float] = {}
    for entry, score in entries.items():
        is_number = isinstance(score, (int, float)) and not isinstance(score, bool)
        if not is_number or score <= 0 or (upper is not None and score > upper):
            bound = "above 0" if upper is None else f"in (0, {upper}]"
            raise ValueError(f"{where}: {entry!r} has score {score!r}, expected a number {bound}")
        for word in _variants(entry, where):
            if word in scored:
                raise ValueError(f"{where}: {word!r} listed twice")
            scored[word] = float(score)
    return scored


def _signed_scores(data: Mapping, first: str, second: str, labels: tuple) -> dict[str, tuple[Any, float]]:
    """Merge two opposite sections, refusing any word that sits on both sides."""
    merged: dict[str, tuple[Any, float]] = {}
    for section, label in ((first, labels[0]), (second, labels[1])):
        for word, score in _scored_words(_section(data, section, dict), section).items():
            if word in merged:
                raise ValueError(f"{word!r} is listed in both {first} and {second}")
            merged[word] = (label, score)
    return merged


def _check_word(word: Any, where: str) -> None:
    if not isinstance(word, str) or not word or word != word.strip() or word != word.lower():
        raise ValueError(f"{where}: {word!r} is not a lower-case word (quote YAML keywords such as 'no')")


# ------------------------------------------------------------------------- lemma fixes

_LEMMA_FIX_FIELDS = {"lemma", "wrong", "forms"}


@dataclass(frozen=True)
class LemmaFix:
    """A token written as one of `forms`, tagged as a verb, whose model lemma is `wrong`,
    has the lemma `lemma`."""

    lemma: str
    wrong: str
    forms: tuple[str, ...]


@functools.lru_cache(maxsize=4)
def load_lemma_fixes(path: str | Path | None = None) -> tuple[LemmaFix, ...]:
    """The lemma corrections, validated: lower-case words, each form fixed once."""
    file = Path(path) if path else LEMMA_FIXES_PATH
    fixes: list[LemmaFix] = []
    fixed: set[str] = set()
    for entry in _section(_read_yaml(file), "fixes", list):
        if not isinstance(entry, dict) or set(entry) != _LEMMA_FIX_FIELDS:
            raise ValueError(f"{file.name}: each fix needs exactly {sorted(_LEMMA_FIX_FIELDS)}, got {entry!r}")
        where = f"{file.name}: fix {entry.get('lemma')!r}"
        _check_word(entry["lemma"], where)
        _check_word(entry["wrong"], where)
        forms = entry["forms"]
        if not isinstance(forms, list) or not forms:
            raise ValueError(f"{where}: `forms` must be a non-empty list")
        for form in forms:
            _check_word(form, where)
            if form in fixed:
                raise ValueError(f"{where}: {form!r} is fixed twice")
            fixed.add(form)
        if entry["lemma"] == entry["wrong"]:
            raise ValueError(f"{where}: the lemma is the wrong lemma")
        fixes.append(LemmaFix(entry["lemma"], entry["wrong"], tuple(forms)))
    return tuple(fixes)
