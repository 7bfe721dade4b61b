"""Corpus-level entity resolution: every mention of every article to one canonical entity.

A pure function over the per-article `Mention` records, run once after all articles. The
records are held as rows of integer codes (`table.MentionTable`: about 60 bytes a mention
where a record costs 250), every pass walks row numbers, and the answer, each mention's
(entity_id, resolution), is a `table.Links` mapping over the same codes:

* Gazetteer hits keep the gazetteer's id (`country:AZE`, `org:eu`, `city:moscow`); so do
  the ids `mentions` derives from it (`org:arm-foreign-ministry`). Demonyms and capitals
  used as actors were already turned into their country there (kinds demonym/metonym).
* People are resolved in two steps. Within an article, full names are clustered (same
  surname and a compatible first name, or one name the tail of the other: "Duncan Smith"
  / "Iain Duncan Smith"), and a lone surname or "Mr Abbas" joins the full name it
  shortens. Across articles, clusters with the same (first name, surname) merge; spelling
  variants merge by string similarity (rapidfuzz) plus evidence: "Nikol Pashinian" and
  "Nikol Pashiynyan" share the first name, similar surnames, and role and country. Only
  candidates sharing a blocking key are compared (first name + surname initial, surname +
  first initial), so the work grows with the corpus, not with its square.
* A lone surname in an article without a full name is linked across articles only when
  exactly one person in the corpus has that surname, or exactly one such person shares its
  role or country: "Brown" in one article does not become an unrelated Brown. Unlinked
  lone surnames found in several articles get one entity per article
  (`person:brown--politics-some-article`).
* Organisations, places and groups the gazetteer does not know link by normalised name;
  a one-word place that is the tail of a longer one in the same article is that place, and
  an acronym spelled out one way only in the corpus ("General Motors (GM)") is that body.
* Pronouns and "the minister" take the entity of their antecedent. A title with no
  antecedent in its article ("The chancellor said", the article naming Gordon Brown but
  not his post) is the one person of that article whom the corpus gives the post
  elsewhere; with none or several it is linked to nothing and makes no mention row.

Everything iterates in sorted order, so the output does not depend on input order, dict
order or the hash seed. Canonical names are the fullest, most frequent form; a person's
role is the most senior title seen (`roles.yaml` seniority), ties going to the most frequent.
"""

from pipeline.nlp.entity_resolution.resolve import RESOLUTIONS, EntityResolution, resolve_entities

__all__ = ["RESOLUTIONS", "EntityResolution", "resolve_entities"]
