"""The event sentence suite (`tests/cases/events.yaml`) scored per PLOVER type.

Every case is a sentence and the event records it must (`expect`) or must not (`absent`)
yield; `tests/test_cases_events.py` runs each as a test. Here the cases are read as a
coding exercise: a case's gold type is the type of its first expected asserted event, or
"none" when it asks for no asserted event at all (negation, questions, speculation, a
non-political sense); cases that check only a detail (a modality, a date) have no gold
type and are left out. A case passes when every expectation holds (as in the test, known
failures included as failures); the predicted type is that of the asserted event that
matches the expectation best, or "none". `make eval` prints the accuracy per type and the
confusion table (gold type x predicted type) next to the gold-set scores.

    .venv/bin/python -m pipeline.evaluation.event_suite
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline.evaluation.case_patterns import matches, with_newline

SUITE = Path(__file__).resolve().parents[2] / "tests" / "cases" / "events.yaml"
NONE = "none"
TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "REJECT", "ACCUSE", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True)
class SuiteResult:
    case_id: str
    gold: str
    predicted: str
    passed: bool


def passes(case: dict, records: list[dict]) -> bool:
    if not all(any(matches(p, r) for r in records) for p in case.get("expect") or ()):
        return False
    if any(matches(p, r) for p in case.get("absent") or () for r in records):
        return False
    return case.get("count") is None or len(records) == case["count"]


def gold_type(case: dict) -> str | None:
    """The type the case codes its sentence as, "none", or None (a detail-only case)."""
    for pattern in case.get("expect") or ():
        if "type" in pattern and pattern.get("modality", "asserted") == "asserted":
            return pattern["type"]
    if case.get("count") == 0 or any(p in ({}, {"modality": "asserted"}) for p in case.get("absent") or ()):
        return NONE
    return None


def predicted_type(case: dict, records: list[dict]) -> str:
    asserted = [r for r in records if r.get("modality") == "asserted"]
    expected = [p for p in case.get("expect") or () if "type" in p]
    for pattern in expected[:1]:
        for loose in (pattern, {k: v for k, v in pattern.items() if k not in ("type", "mode")}):
            found = [r for r in asserted if matches(loose, r)]
            if found:
                return found[0]["type"]
    return asserted[0]["type"] if asserted else NONE


def records(mentions, events) -> list[dict]:
    """The flat records a case's patterns are matched against (also the test's)."""
    by_id = {m.mention_id: m for m in mentions}

    def names(ids: tuple[str, ...]) -> list[str]:
        return [by_id[i].name for i in ids]

    out = []
    for e in events:
        row = {
            "trigger": e.trigger,
            "type": e.event_type,
            "mode": e.event_mode,
            "modality": e.modality,
            "sources": names(e.sources),
            "targets": names(e.targets),
            "participants": names(e.participants),
            "mediators": names(e.mediators),
            "date": e.date_text,
            "place": by_id[e.location_mention_id].surface if e.location_mention_id in by_id else None,
        }
        row["actors"] = row["sources"] + row["targets"] + row["participants"] + row["mediators"]
        out.append(row)
    return out


def case_records(ctx) -> list[dict]:
    """A case sentence's events as records, from the extractors the pipeline chains
    (mentions, quotes, stances, events); the case test uses the same."""
    from pipeline.nlp.extract import chain_extractors

    mentions, _, _, events = chain_extractors(ctx)
    return records(mentions, events)


def run_suite(path: Path = SUITE) -> list[SuiteResult]:
    """Every coding case of the suite, extracted and scored."""
    from pipeline.nlp.extract import build_contexts

    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    coded = [(c, g) for c in cases if (g := gold_type(c)) is not None]
    texts = [(f"case-{c['id']}", with_newline(c["text"])) for c, _ in coded]
    results = []
    for (case, gold), ctx in zip(coded, build_contexts(texts), strict=True):
        found = case_records(ctx)
        results.append(SuiteResult(case["id"], gold, predicted_type(case, found), passes(case, found)))
    return results


def format_suite(results: list[SuiteResult]) -> str:
    """Accuracy per gold type and the confusion table, as markdown."""
    if not results:
        return "## Event sentence suite\n\n(no cases)"
    by_type: dict[str, list[SuiteResult]] = defaultdict(list)
    for result in results:
        by_type[result.gold].append(result)
    order = [t for t in (*TYPES, NONE) if t in by_type]
    passed = sum(r.passed for r in results)
    lines = [
        "## Event sentence suite (tests/cases/events.yaml)",
        "",
        f"{passed} / {len(results)} coding cases pass ({passed / len(results):.1%}); per gold type:",
        "",
        "| gold type | cases | passed | accuracy |",
        "|---|---:|---:|---:|",
    ]
    for gold in order:
        group = by_type[gold]
        ok = sum(r.passed for r in group)
        lines.append(f"| {gold} | {len(group)} | {ok} | {ok / len(group):.0%} |")
    known = (*TYPES, NONE)
    predicted = sorted({r.predicted for r in results}, key=lambda t: known.index(t) if t in known else len(known))
    confusion = Counter((r.gold, r.predicted) for r in results)
    short = {t: t[:4] if t != NONE else NONE for t in predicted}
    lines += [
        "",
        "Confusion (rows: gold type, columns: predicted type of the best-matching asserted event):",
        "",
        "| gold \\ predicted | " + " | ".join(short[t] for t in predicted) + " |",
        "|---|" + "---:|" * len(predicted),
    ]
    for gold in order:
        cells = [str(confusion[(gold, t)] or "") for t in predicted]
        lines.append(f"| {gold} | " + " | ".join(cells) + " |")
    failed = [r.case_id for r in results if not r.passed]
    if failed:
        lines += ["", f"failing: {', '.join(failed)}"]
    return "\n".join(lines)


def main() -> int:
    print(format_suite(run_suite()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
