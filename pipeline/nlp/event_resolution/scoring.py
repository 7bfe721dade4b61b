"""Whether a report can be the event of a cluster, and how well it fits."""

from __future__ import annotations

from pipeline.nlp.dates import DAY, MONTH, compatible
from pipeline.nlp.event_resolution.clusters import Cluster
from pipeline.nlp.event_resolution.constants import LINK_WINDOW, RECALL_WINDOW, SPEECH_ACTS, SYMMETRIC_TYPES
from pipeline.nlp.event_resolution.entities import KnownEntities, entity_group
from pipeline.nlp.event_resolution.reports import Report


class ReportGroups:
    """A report's entity groups, computed once per report."""

    def __init__(self, report: Report, known: KnownEntities):
        self.all = report.entities
        self.parties = entity_group(report.parties, known)
        self.doers = report.doers
        self.targets = set(report.roles["target"])
        self.mediators = set(report.roles["mediator"])
        self.mediator_sides = {known.side(e) for e in self.mediators}
        self.party_sides = {known.side(e) for e in report.parties}


def fit_score(report: Report, groups: ReportGroups, cluster: Cluster, known: KnownEntities) -> float | None:
    """How well a report fits a cluster, or None when it cannot be the same event."""
    if report.date is not None:
        for other in cluster.dated:  # every dated report must agree, not just the best
            if not compatible((report.date, report.precision), other):
                return None
    if not _times_agree(report, cluster):
        return None
    if any(r.candidate.event_type != report.candidate.event_type for r in cluster.reports) and not (
        set(report.roles["target"]) & cluster.roles["target"]
    ):
        return None  # a conviction and a jailing are one case only for one convicted person
    if report.place and cluster.places and report.place not in cluster.places:
        return None
    if groups.mediators and cluster.roles["mediator"]:
        theirs = cluster.group("mediators").sides(known)
        if len(groups.mediator_sides & theirs) / len(groups.mediator_sides | theirs) < 0.5:
            return None
    if (report.separate or cluster.separate) and groups.party_sides != cluster.group("parties").sides(known):
        return None
    if groups.parties.people:
        their_people = cluster.group("parties").people
        for country, people in groups.parties.people.items():  # different people, same country
            theirs = their_people.get(country)
            if theirs and not (people & theirs):
                return None

    if cluster.event_type in SYMMETRIC_TYPES:
        visits = report.roles["source"] and cluster.roles["source"]
        if visits and not cluster.group("doers").matched(report.roles["source"], known):
            return None  # visits: the visitor must match
        everyone = cluster.group("all")
        matched = everyone.matched(groups.all, known)
        needed = min(2, len(groups.all), len(everyone.ids))
        if matched < max(1, needed):
            return None
    else:
        their_doers = cluster.roles["source"] | cluster.roles["participant"]
        if (
            report.article_id in cluster.articles and groups.doers and their_doers
            and set(groups.doers) != their_doers
            and all(r.candidate.sentence_id != report.candidate.sentence_id for r in cluster.reports)
        ):
            # one article, two sentences, different doers: "A and B fought two wars" and
            # "B recaptured territory" are two events, however alike
            return None
        doers, targets = cluster.group("doers"), cluster.group("targets")
        matched_s = doers.matched(groups.doers, known) if groups.doers and doers else 0
        matched_t = targets.matched(groups.targets, known) if groups.targets and targets else 0
        if groups.doers and doers and not matched_s:
            return None
        if groups.targets and targets and not matched_t:
            return None
        matched_m = cluster.group("mediators").matched(groups.mediators, known) if groups.mediators else 0
        matched = matched_s + matched_t + matched_m
        if matched == 0:
            return None

    same_place = bool(report.place and report.place in cluster.places)
    same_day = report.precision == DAY and cluster.precision == DAY and report.date == cluster.date
    same_mode = bool(report.candidate.event_mode and report.candidate.event_mode in cluster.modes)
    same_article = report.article_id in cluster.articles
    if not same_article:
        strength = min(matched, 2) + same_mode + 2 * same_place + same_day
        if strength < 2:
            return None
        if not _same_time(report, cluster):
            # Nothing says the two reports are from the same time (two undated articles,
            # undated reports): a speech act is repeated too often to merge on names alone,
            # and other events need the very same entities, or the same place.
            if cluster.event_type in SPEECH_ACTS:
                return None
            exact = len(report.entities & cluster.entities)
            if exact < 2 and not (same_place and exact >= 1):
                return None
    return matched * 2 + 2 * same_place + same_day + same_mode * 0.5 + same_article * 1.0


def _times_agree(report: Report, cluster: Cluster) -> bool:
    """No merge across articles that the dates contradict: every report of another article
    must leave a common time (an article reports only what happened by its publication day,
    so an event dated after an article cannot be that article's report), and two undated
    reports in dated articles more than a year apart are two events however alike."""
    lo, hi = report.window()
    for other in cluster.reports:
        if other.article_id == report.article_id:
            continue
        their_lo, their_hi = other.window()
        if lo is not None and their_hi is not None and lo > their_hi:
            return False
        if their_lo is not None and hi is not None and their_lo > hi:
            return False
        if (
            report.date is None and other.date is None and report.published and other.published
            and abs(report.published - other.published) > RECALL_WINDOW
        ):
            return False
    return True


def link_reason(report: Report, groups: ReportGroups, cluster: Cluster, known: KnownEntities) -> str:
    """Why a report joined a cluster, in words: the evidence `fit_score` weighed."""
    parts = ["same article" if report.article_id in cluster.articles else "another article"]
    shared = sorted(e for e in groups.all if any(known.match(e, c) for c in cluster.entities))
    if shared:
        parts.append("shared actors " + ", ".join(shared))
    if report.place and report.place in cluster.places:
        parts.append(f"same place {report.place}")
    if report.date is not None and cluster.date is not None:
        parts.append(f"compatible date {cluster.date.isoformat()}")
    if report.candidate.event_mode and report.candidate.event_mode in cluster.modes:
        parts.append(f"same mode {report.candidate.event_mode}")
    types = {r.candidate.event_type for r in cluster.reports}
    if report.candidate.event_type not in types:
        parts.append(f"type family {report.family.split(':', 1)[1]}")
    return "; ".join(parts)


def _same_time(report: Report, cluster: Cluster) -> bool:
    """Evidence that a report and a cluster are about the same time."""
    if report.date is not None and report.precision in (DAY, MONTH) and cluster.date is not None:
        return True  # both dated (and compatible: `fit_score` checked)
    if report.published is None and None in cluster.published:
        return False  # undated articles on both sides
    if report.published is not None and any(
        p is not None and abs(p - report.published) <= LINK_WINDOW for p in cluster.published
    ):
        return True  # dated articles of the same week
    # one side dated, the other not: possible (the undated one may get its date from it);
    # a far-apart pair of dated articles is not
    return report.published is None or None in cluster.published
