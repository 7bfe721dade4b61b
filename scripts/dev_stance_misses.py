"""Sort the dev-split gold stances the pipeline misses by cause (dev split only).

Runs the pipeline core on the `split: dev` articles alone (as `make eval` does), records
every stance signal the passes make (holder, target, sentence; before merging; every pass,
also those that make their signals through `signals.target_signals`), and puts
each missed gold stance in one class, by the signals in its evidence sentences:

* `no signal`: no pass read the evidence (detection);
* `right holder, other target`: a signal with the gold holder, its target not matching;
* `holder unresolved`: a signal there whose holder is None;
* `other holder`: signals there, all with another holder.

It prints one line per miss with the signals found, then the counts. Held-out articles
are never read.

    .venv/bin/python scripts/dev_stance_misses.py [--evidence]

`--evidence` adds each miss's gold evidence under it.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from collections import Counter

from dev_speaker_errors import dev_predictions  # the sibling script: the dev split run alone

from pipeline.evaluation.scoring import Prediction, name_key, score_stances
from pipeline.nlp.stances import signals


def _recording(seen: list[dict]):
    """`signals.signal`, noting each call's article, sentence, holder and target."""
    original = signals.signal

    def signal(art, token, polarity, score, target, head, holder, quote):
        seen.append({
            "article": art.ctx.article_id, "sentence": token.sent.text, "target": target,
            "holder": (holder.name, holder.surface) if holder is not None else None,
        })
        return original(art, token, polarity, score, target, head, holder, quote)

    return signal


def _stance_modules() -> list:
    """Every module of the stances package, imported (the passes, their helpers)."""
    package = importlib.import_module("pipeline.nlp.stances")
    return [
        importlib.import_module(f"pipeline.nlp.stances.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
    ]


def _cause(found: list[dict], holder_names: set[str]) -> str:
    if any(s["holder"] and {name_key(n) for n in s["holder"]} & holder_names for s in found):
        return "right holder, other target"
    if any(s["holder"] is None for s in found):
        return "holder unresolved"
    return "other holder" if found else "no signal"


def main() -> int:
    evidence = "--evidence" in sys.argv[1:]
    seen: list[dict] = []
    recording = _recording(seen)
    for module in _stance_modules():
        if getattr(module, "signal", None) is signals.signal and module is not signals:
            module.signal = recording  # the passes that import `signal` by name
    signals.signal = recording  # and `target_signals`, which every other pass goes through
    gold, predictions = dev_predictions()
    causes: Counter = Counter()
    for article in gold:
        assert article.split == "dev"
        outcome = score_stances(article, predictions.get(article.article_id, Prediction()).stances)
        for miss in outcome.missed:
            pieces = [p.strip(" \"'“”.") for p in re.split(r"\.\.\.|…", miss.evidence or "")]
            pieces = [p[:40] for p in pieces if len(p) > 8]
            found = [s for s in seen if s["article"] == article.article_id and any(p in s["sentence"] for p in pieces)]
            entity = article.entity(miss.holder)
            names = {name_key(n) for n in (entity.name, *entity.surfaces)} if entity else set()
            cause = _cause(found, names)
            causes[cause] += 1
            print(f"[{cause}] {article.article_id}: {miss.holder}: {miss.polarity} {miss.target}")
            if evidence:
                print(f"    evidence: {miss.evidence}")
            for s in found:
                print(f"    signal: {s['holder'][0] if s['holder'] else None}: {s['target']}")
    print("\n" + ", ".join(f"{n} {c}" for c, n in causes.most_common()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
