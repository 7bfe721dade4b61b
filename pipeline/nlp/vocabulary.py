"""The extractors' domain word lists, read from `pipeline/knowledge/<extractor>.yaml`: the one
loader of every extractor's vocabulary (mentions, events, quotes, stances).

Word lists are data so that they can be reviewed and extended without reading code (see
`pipeline/knowledge/README.md`). Each file is validated when it is loaded: every list says
what it is for and where it comes from, words are lower case and listed once, and a typo in
a list name fails at import rather than silently matching nothing. Closed-class words and
dependency labels stay in `pipeline/nlp/syntax.py`.

File shape:

    extractor: quotes
    source: where the lists come from (applies to every list without its own)
    lists:
      speech_verbs:
        about: what the words are for
        source: (optional) where this list comes from
        words: [say, add, tell]
    maps:
      cause_links:
        about: …
        entries: {result: from}

A map's values are words, or null where the code allows it; the code that reads a map may
name the values it allows (`mapping("honorifics", values=("m", "f", None))`), checked at load.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping
from pathlib import Path
from types import MappingProxyType

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pipeline.nlp.yaml_text import safe_load

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"


def _check_word(word: str) -> str:
    if not word or word != word.strip() or word != word.lower() or "  " in word:
        raise ValueError(f"{word!r}: words are lower case, trimmed, single-spaced")
    return word


class WordList(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    about: str = Field(min_length=10)
    source: str | None = None
    words: tuple[str, ...] = Field(min_length=1)

    @field_validator("words", mode="before")
    @classmethod
    def _split(cls, words: object) -> object:
        """A long list of single words may be one block of text, the words apart by white
        space: libyaml then reads one scalar, not thousands (the ~20,000 world_given_names
        of mentions.yaml cost about 0.3 s a process as a YAML sequence, 0.03 s as a block)."""
        return tuple(words.split()) if isinstance(words, str) else words

    @field_validator("words")
    @classmethod
    def _words(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        seen: set[str] = set()
        for word in words:
            _check_word(word)
            if word in seen:
                raise ValueError(f"{word!r} is listed twice")
            seen.add(word)
        return words


class WordMap(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    about: str = Field(min_length=10)
    source: str | None = None
    entries: dict[str, str | None] = Field(min_length=1)

    @field_validator("entries")
    @classmethod
    def _entries(cls, entries: dict[str, str | None]) -> dict[str, str | None]:
        for key, value in entries.items():
            _check_word(key)
            if value is not None:
                _check_word(value)
        return entries


class Vocabulary(BaseModel):
    """One extractor's word lists."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    extractor: str
    source: str = Field(min_length=10)
    lists: dict[str, WordList] = {}
    maps: dict[str, WordMap] = {}

    def words(self, name: str) -> frozenset[str]:
        if name not in self.lists:
            raise KeyError(f"{self.extractor}.yaml has no word list {name!r}")
        return frozenset(self.lists[name].words)

    def pairs(self, name: str) -> frozenset[tuple[str, str]]:
        """A list of two-word phrases ("go on") as (word, word) pairs."""
        out = set()
        for phrase in self.words(name):
            parts = tuple(phrase.split())
            if len(parts) != 2:
                raise ValueError(f"{self.extractor}.yaml {name}: {phrase!r} is not two words")
            out.add(parts)
        return frozenset(out)

    def mapping(self, name: str, values: Collection[str | None] | None = None) -> Mapping[str, str | None]:
        """A map, read-only; with `values`, every value must be one of them."""
        if name not in self.maps:
            raise KeyError(f"{self.extractor}.yaml has no map {name!r}")
        entries = self.maps[name].entries
        if values is not None:
            allowed = list(values)
            for word, value in entries.items():
                if value not in allowed:
                    raise ValueError(
                        f"{self.extractor}.yaml {name}: {word!r} has value {value!r}, expected one of {allowed}"
                    )
        return MappingProxyType(dict(entries))


@functools.cache
def load_vocabulary(extractor: str, directory: Path = KNOWLEDGE_DIR) -> Vocabulary:
    """The validated vocabulary of one extractor (`quotes`, `stances`, …); raises
    ValueError naming the file and the problem."""
    path = directory / f"{extractor}.yaml"
    data = safe_load(path.read_text(encoding="utf-8"))
    try:
        vocabulary = Vocabulary.model_validate(data)
    except ValidationError as error:
        raise ValueError(f"{path}: {error}") from error
    if vocabulary.extractor != extractor:
        raise ValueError(f"{path}: says extractor {vocabulary.extractor!r}, expected {extractor!r}")
    return vocabulary
