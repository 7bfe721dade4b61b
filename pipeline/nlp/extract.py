"""One article in, every per-article record out: the pure core the assets call.

`extract_articles` parses in worker processes and runs every extractor there too,
so only compact records cross process boundaries and each article is parsed once.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import re
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.chunking import parse_texts
from pipeline.nlp.events import detect_events
from pipeline.nlp.events.crowds import protest_crowds
from pipeline.nlp.events.senses import load_senses
from pipeline.nlp.ingest import DecodedArticle, parse_text_for_nlp
from pipeline.nlp.layout import Layout, parse_layout
from pipeline.nlp.lexicons import load_event_triggers, load_stance_lexicon
from pipeline.nlp.mentions import detect_mentions
from pipeline.nlp.mentions.office_holders import load_office_holders
from pipeline.nlp.model import load_nlp
from pipeline.nlp.quotes import extract_quotes
from pipeline.nlp.records import ArticleContext, ArticleExtraction, EventCandidate, Mention, Quote, Sentence, Stance
from pipeline.nlp.stances import stances_and_groups
from pipeline.nlp.stances.groups import group_candidates
from pipeline.nlp.stances.opinion import opinion_weight
from pipeline.nlp.stances.owned_groups import held_for_someone, of_someone
from pipeline.nlp.stances.speech_acts import speech_act_stances
from pipeline.own_process import collect_less, die_with_parent, name_process
from pipeline.storage import ExtractionCache

SENTENCE_SECTIONS = ("headline", "caption", "body", "trailer")
BATCH_SIZE = 32
MIN_BATCH_SIZE = 4


def sentences_from_doc(text: str, doc: Doc, layout: Layout) -> list[Sentence]:
    """Sentences trimmed of white space, each inside one layout block, numbered from 0."""
    blocks = layout.blocks(*SENTENCE_SECTIONS)
    sentences: list[Sentence] = []
    block_index = 0
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        while block_index < len(blocks) and blocks[block_index].end <= start:
            block_index += 1
        if block_index == len(blocks) or blocks[block_index].start > start:
            continue  # dateline or blank space
        block = blocks[block_index]
        end = min(end, block.end)
        sentences.append(Sentence(len(sentences), block.section, block.paragraph_id, start, end, text[start:end]))
    return sentences


_FILE_DATE = re.compile(r"((?:19|20)\d\d-[01]\d-[0-3]\d)[_ ]")  # "2004-11-30_us-president-bush-visits-canada.txt"


def article_row(article: DecodedArticle, layout: Layout, sentences: list[Sentence], processed_at: datetime) -> dict:
    """The `articles` row as far as one article alone can tell."""
    meta = article.metadata
    published, source = None, None
    if meta.get("published"):
        published, source = _parse_iso_date(meta["published"]), "metadata"
    if published is None and layout.caption_date:
        published, source = layout.caption_date, "caption"
    if published is None and layout.explicit_date:
        published, source = layout.explicit_date, "explicit"
    if published is None and (named := _FILE_DATE.match(article.seed.source_file.rsplit("/", 1)[-1])):
        published, source = _parse_iso_date(named.group(1)), "filename"
    body = layout.body_text(article.text)
    return {
        "article_id": article.seed.article_id,
        "source_file": article.seed.source_file,
        "content_sha256": article.seed.content_sha256,
        "encoding": article.encoding,
        "outlet": meta.get("outlet") or layout.outlet,
        "url": meta.get("url"),
        "headline": layout.headline,
        "dateline": layout.dateline,
        "published_date": published,
        "published_date_source": source if published else None,
        "authors": list(layout.authors),
        "editors": list(layout.editors),
        "body": body,
        "n_sentences": len(sentences),
        "n_words": sum(1 for t in _body_tokens(sentences)),
        "processed_at": processed_at,
    }


def _body_tokens(sentences: list[Sentence]) -> Iterator[str]:
    for sentence in sentences:
        if sentence.section == "body":
            yield from sentence.text.split()


def _parse_iso_date(value: str):
    try:
        return datetime.fromisoformat(value.strip()[:10]).date()
    except ValueError:
        return None


def build_context(article_id: str, text: str) -> ArticleContext:
    """Parse one text into the context extractors see (for tests and notebooks)."""
    nlp = load_nlp()
    layout = parse_layout(text)
    doc = next(iter(_docs(nlp, [text], [layout])))
    sentences = sentences_from_doc(text, doc, layout)
    return ArticleContext(article_id, text, doc, layout, sentences, layout.caption_date or layout.explicit_date)


def build_contexts(items: Iterable[tuple[str, str]]) -> list[ArticleContext]:
    """Parse many (article_id, text) pairs in one spaCy batch (rule test cases, notebooks)."""
    items = list(items)
    nlp = load_nlp()
    layouts = [parse_layout(text) for _, text in items]
    docs = _docs(nlp, [text for _, text in items], layouts)
    contexts = []
    for (article_id, text), doc, layout in zip(items, docs, layouts, strict=True):
        sentences = sentences_from_doc(text, doc, layout)
        published = layout.caption_date or layout.explicit_date
        contexts.append(ArticleContext(article_id, text, doc, layout, sentences, published))
    return contexts


def extract_one(article: DecodedArticle, doc: Doc, layout: Layout, processed_at: datetime) -> ArticleExtraction:
    text = article.text
    sentences = sentences_from_doc(text, doc, layout)
    row = article_row(article, layout, sentences, processed_at)
    ctx = ArticleContext(article.seed.article_id, text, doc, layout, sentences, row["published_date"])
    mentions, quotes, stances, events = chain_extractors(ctx)
    return ArticleExtraction(row, sentences, mentions, quotes, stances, events)


def chain_extractors(ctx: ArticleContext) -> tuple[list[Mention], list[Quote], list[Stance], list[EventCandidate]]:
    """Mentions, quotes, stances and events of one parsed article, each extractor fed what
    the ones before found. A group named by a common noun ("creditors", "environmentalists")
    joins the mentions once it holds a stance or acts in an event (eval/GUIDE.md), a party's
    rebels ("Labour rebels") wherever they stand: the events
    see every candidate group. The speech acts the events find add the stances they imply
    (`speech_acts`), which the stance passes, run before the events, missed."""
    mentions = detect_mentions(ctx)
    quotes = extract_quotes(ctx, mentions)
    found = group_candidates(ctx, mentions)
    stances, groups = stances_and_groups(ctx, quotes, mentions, found.acting)
    stances, groups = held_for_someone(ctx, stances, groups, mentions)
    candidates = [g for g in found.every if not of_someone(ctx, g, mentions)]
    crowds = protest_crowds(ctx, mentions + candidates)  # "a demonstration against X": its protesters
    events = detect_events(ctx, sorted(mentions + candidates, key=lambda m: m.char_start), quotes, stances, crowds)
    events = _not_only_acted_on(events, found.done_to)
    everyone = list({m.mention_id: m for m in mentions + groups + candidates + crowds}.values())
    stances = stances + speech_act_stances(ctx, quotes, everyone, events, stances)
    acting = {i for e in events for i in e.sources + e.targets + e.participants + e.mediators}
    held = {m.mention_id for m in groups}
    kept = acting | {m.mention_id for m in found.named}  # "despite the support of 62 Labour rebels"
    groups = groups + [m for m in candidates + crowds if m.mention_id in kept and m.mention_id not in held]
    return mentions + groups, quotes, stances, events


def _not_only_acted_on(events: list[EventCandidate], done_to: frozenset[str]) -> list[EventCandidate]:
    """The events, less those whose only actors are groups the act is done to (`done_to`:
    "protesters were detained", "detained the protesters"): an unnamed group on the receiving
    end takes part in an act someone the article names does ("police detained the
    protesters"), but is no event of its own, as a trigger with no actor at all is none."""
    return [e for e in events if not set(e.sources + e.targets + e.participants + e.mediators) <= done_to]


def _docs(nlp: Language, texts: list[str], layouts: list[Layout]) -> Iterable[Doc]:
    """Long texts are parsed in pieces (see `chunking`), so no length stops a batch."""
    starts = [[b.start for b in lay.blocks(*SENTENCE_SECTIONS)] for lay in layouts]
    return parse_texts(nlp, [parse_text_for_nlp(text) for text in texts], starts, BATCH_SIZE)


def extract_batch(articles: list[DecodedArticle], processed_at: datetime) -> list[ArticleExtraction]:
    """Parse and extract a batch in this process (the unit of work of each worker)."""
    nlp = load_nlp()
    layouts = [parse_layout(a.text) for a in articles]
    return [
        extract_one(article, doc, layout, processed_at)
        for article, doc, layout in zip(articles, _docs(nlp, [a.text for a in articles], layouts), layouts, strict=True)
    ]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` items (the last one shorter), read lazily."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def batch_sizes(total: int, n_process: int, size: int = BATCH_SIZE) -> Iterator[int]:
    """The pool's batch sizes for `total` articles: `size` while there is plenty left, then
    smaller, down to `MIN_BATCH_SIZE`, so that the workers run out of work nearly together.
    With batches of 32 to the end, one worker parsed its last batch (about 3 s on this
    machine) while the other had nothing left; each batch is now at most a quarter of what is
    left with two workers (`remaining / (2 * n_process)`). A document's parse does not
    depend on the batch it came in, so the records are the same. Sizes go on (at the
    smallest) past `total`, for a count that was an estimate."""
    remaining = total
    while True:
        step = min(size, max(MIN_BATCH_SIZE, -(-remaining // (2 * n_process))))
        yield step
        remaining -= step


def extract_articles(
    articles: Iterable[DecodedArticle],
    processed_at: datetime,
    n_process: int = 1,
    on_progress: Callable[[int, int], None] | None = None,
    total: int | None = None,
    in_flight: int = 2048,
) -> Iterator[ArticleExtraction]:
    """Extract many articles, yielded in input order as each batch finishes (so a caller can
    store results as they come and memory does not grow with the corpus); `on_progress(done,
    total)` after each batch. `articles` is read lazily, at most `in_flight` articles ahead of
    what was yielded; `total` is how many it holds (its length when it is a list), which
    decides between this process (one batch's worth, or one process) and the fork pool, and
    the sizes of the pool's batches (`batch_sizes`)."""
    if total is None:
        articles = list(articles)
        total = len(articles)
    if n_process <= 1 or total <= BATCH_SIZE:
        chunks = _chunks(articles, BATCH_SIZE)
        yield from _with_progress((extract_batch(c, processed_at) for c in chunks), total, on_progress)
        return
    yield from _with_progress(
        _pooled(_extract_batch_star, articles, total, n_process, (processed_at,), in_flight), total, on_progress
    )


def extract_into_cache(
    articles: Iterable[DecodedArticle],
    processed_at: datetime,
    cache: ExtractionCache,
    version: str,
    n_process: int = 1,
    on_progress: Callable[[int, int], None] | None = None,
    total: int | None = None,
    in_flight: int = 2048,
) -> int:
    """`extract_articles` with each record written to `cache` (for extractor `version`); how
    many were extracted. In the fork pool each worker writes the entries of its own batches
    and hands back only their count: the records no longer cross from the workers to this
    process, pickled there and unpickled here (on the 2,014 non-gold BBC articles about 21 MB,
    some 0.5 s of the workers' CPU and as much of this process's, beside the workers on the
    same cores). The entries are those this process writes: the same records, encoded alike."""
    if total is None:
        articles = list(articles)
        total = len(articles)
    if n_process <= 1 or total <= BATCH_SIZE:
        done = 0
        for extraction in extract_articles(articles, processed_at, n_process, on_progress, total, in_flight):
            cache.put(extraction, version)
            done += 1
        return done
    done = 0
    for count in _pooled(
        _extract_batch_into_cache, articles, total, n_process, (processed_at, cache, version), in_flight
    ):
        done += count
        if on_progress:
            on_progress(done, total)
    return done


def _pooled(
    task: Callable, articles: Iterable[DecodedArticle], total: int, n_process: int, args: tuple, in_flight: int
) -> Iterator:
    """`task((batch, *args))` for each batch of `articles` (`batch_sizes`), in the fork pool,
    its answers in input order."""
    load_nlp()  # load before forking so workers share the model's memory pages
    load_knowledge()  # and the extractors' word lists, read once here rather than by each worker
    context = multiprocessing.get_context("fork")
    feed = _Feed(articles, batch_sizes(total, n_process), args, max(1, in_flight // BATCH_SIZE))
    with context.Pool(n_process, initializer=_init_worker, initargs=(os.getpid(),)) as pool:
        try:
            yield from feed.consumed(pool.imap(task, feed))
        finally:
            feed.stop()  # before the pool's exit, whose task thread may be waiting in the feed
        pool.close()  # let the workers take their exit sentinels and leave on their own
        pool.join()


class _Feed:
    """The pool's tasks, (batch, *args), read from the articles as the pool's task
    thread asks for them, at most `limit` batches ahead of those consumed: the texts in memory
    do not grow with a collection, and no batch waits for the ones before it to be consumed,
    so no worker idles between windows of articles."""

    def __init__(self, articles: Iterable[DecodedArticle], sizes: Iterator[int], args: tuple, limit: int):
        self._articles = iter(articles)
        self._sizes = sizes
        self._args = args
        self._slots = threading.Semaphore(limit)
        self._stopped = False

    def __iter__(self) -> Iterator[tuple]:
        for size in self._sizes:
            self._slots.acquire()
            if self._stopped:
                return
            batch = list(itertools.islice(self._articles, size))
            if not batch:
                return
            yield batch, *self._args

    def consumed(self, batches: Iterable) -> Iterator:
        for batch in batches:
            self._slots.release()
            yield batch

    def stop(self) -> None:
        self._stopped = True
        self._slots.release()


def load_knowledge() -> None:
    """Read the knowledge files the extractors load on first use (the event senses, the trigger
    and stance lexicons, the opinion words, the office holders), so that forked workers inherit them: parsing
    their YAML was about a twentieth of the extractors' CPU in each worker."""
    load_senses()
    load_event_triggers()
    load_stance_lexicon()
    opinion_weight("good")
    load_office_holders()


def _init_worker(parent: int) -> None:
    """Workers die with the process that forked them (`own_process.die_with_parent`: a pool
    run by the warm worker must not parse on when the warm worker is killed), obey
    Pool.terminate() (SIGTERM) and leave Ctrl-C to the parent, and keep what
    they inherited (the model, the knowledge files: about 100,000 objects) out of their garbage
    collections (`gc.freeze`). Every full collection walked all of those, and the extractors'
    many short-lived objects start one every few articles: the collector took about 3% of a
    worker's CPU, a fifth of what the extractors cost; frozen, a quarter of that. Nothing
    inherited is collected in a worker anyway, and its pages are no longer written to (less
    memory copied after the fork). They also start a young-generation collection every
    `own_process.FEWER_COLLECTIONS` allocations rather than every 700 (`collect_less`): what
    a batch makes and drops is freed by reference counts, and the collections at 700 found
    next to nothing (on the 2,014 non-gold BBC articles, 2,700 collections and about 1 s of
    the workers' 133 s of CPU; 300 articles in one process: 513 collections, 0.10 s, against
    one, 0.02 s, peak RSS 574 and 579 MiB). Cycles are still collected, less often.

    Forked workers inherit the parent's handlers, and under Dagster those only note a
    SIGTERM/SIGINT for later; a worker still waiting for work when the pool was
    terminated then never exited, and the parent hung in Pool.join forever.
    """
    die_with_parent(parent)
    name_process("extract-pool")
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()
    collect_less()


def _extract_batch_star(args: tuple[list[DecodedArticle], datetime]) -> list[ArticleExtraction]:
    return extract_batch(*args)


def _extract_batch_into_cache(args: tuple[list[DecodedArticle], datetime, ExtractionCache, str]) -> int:
    articles, processed_at, cache, version = args
    for extraction in extract_batch(articles, processed_at):
        cache.put(extraction, version)
    return len(articles)


def _with_progress(
    batches: Iterable[list[ArticleExtraction]], total: int, on_progress: Callable[[int, int], None] | None
) -> Iterator[ArticleExtraction]:
    done = 0
    for batch in batches:
        yield from batch
        done += len(batch)
        if on_progress:
            on_progress(done, total)
