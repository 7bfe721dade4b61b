"""Event candidates from all articles -> one row per real-world event.

Input: the `EventCandidate`s of every article, `entity_of` (mention id -> entity id from
entity resolution), `articles` (article id -> `ArticleInfo`: publication date, outlet)
and, optionally, `entity_names` (entity id -> name, for summaries) and `entities` (the
entity rows, for types and country affiliations).

What happens, in order:

1. Only `asserted` candidates are kept (negated, hypothetical and future ones are not
   events). Mention ids become entity ids; a candidate left without any entity is
   dropped. Relative dates are resolved against the article's date
   (`pipeline.nlp.dates.resolve_date`); without an article date they stay unresolved.
2. Candidates are clustered: two reports are one event when they have the same PLOVER
   type or type family (`type_families` in `pipeline/knowledge/events.yaml`: a
   conviction and a jailing of one person are one case, and merge only with a shared
   target), compatible dates (equal at the coarser precision; an undated report agrees
   with any date, except that across articles it happened by its article's day, and two
   undated reports in dated articles more than a year apart are two events), compatible
   places (equal, or one unknown), overlapping actors and no contradiction:
   * actors match when they are the same entity, or when one is a country and the
     other a person/organisation of that country ("Armenia" ~ "Nikol Pashinyan");
     two different people of one country do not match;
   * directed types need their sources to match when both reports name sources, and
     their targets likewise; CONSULT/COOPERATE pool all actors;
   * mediators, when both reports name some, must mostly agree (Jaccard >= 0.5 over
     their countries) - the EU-hosted Brussels meetings are not the US-mediated rounds;
   * a person of country C on one side and only other people of C on the other is a
     contradiction (the foreign ministers' talks are not the leaders' meetings);
   * a "separate meeting" merges only with reports of exactly the same actors;
   * within one article, directed reports from different sentences whose doers differ
     ("A and B fought two wars" / "B recaptured territory in 2020") stay apart;
   * visits: the visitor must match;
   * across articles the evidence must be strong: two matched actors, or one plus the
     same mode, place or day; and when nothing ties the two reports to the same time
     (both articles undated and both reports undated, or dated articles more than a
     week apart) speech acts (ACCUSE, REJECT, REQUEST, SUPPORT, AGREE, THREATEN,
     CONCEDE) are never merged - "X accused Y" in two such articles is usually two
     accusations - and other events need two identical entities or the same place.
   Blocking keeps this near-linear: a report is only compared with clusters that share
   its article, an entity pair, or (when dated) an entity and month.
3. Articles without a date take the date of an event they share with a dated article
   (`article_dates`): the latest day-precision date of such an event that lies within
   a week before the dated article's own date, unless their report also fitted an event
   of another date (no date flows through an ambiguous link). Their relative expressions ("on
   Tuesday") are then resolved against it and the clustering is run again.
4. Rows: the event takes its most precise date, its most frequent place, mode and
   CAMEO root; each entity gets one role (mediator > source > target > participant,
   weighted by how often each report gives it); `n_articles`, `n_outlets` (articles of
   unknown outlet count as distinct outlets) and one `event_mentions` row per reporting
   sentence, whose `link_reason` says why it is this event ("first report", or the
   evidence of the merge: same or another article, shared actors, same place, compatible
   date, same mode, type family). A type family's event takes its most reported type.
   `event_id` = "ev-" + the first 12 hex digits of sha1(type|date|sorted entity ids) -
   plus the place, then the first report, only if two events collide.
"""

from pipeline.nlp.event_resolution.records import ArticleInfo, EventResolution
from pipeline.nlp.event_resolution.resolve import resolve_events

__all__ = ["ArticleInfo", "EventResolution", "resolve_events"]
