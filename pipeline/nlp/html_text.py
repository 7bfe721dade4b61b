"""HTML documents and fragments to plain article text.

A file is HTML when it starts as a document or most of its lines carry real tags; its
title, a blank line, then one paragraph per block element become the article text.
Scripts and styles are dropped.

Only the page's main text is kept: trafilatura (a maintained main-text extractor, link
density and boilerplate heuristics) decides which lines are article text, so menus,
headers, footers, cookie banners and related-links lists are left out. The paragraphs
and line breaks themselves come from the standard library's `html.parser`, as before:
a line is kept when trafilatura kept the same text. When trafilatura finds nothing, or
its text is not found among the page's lines, every line is kept. The title is the
page's <title>, or its headline alone when the <title> also names the site.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from pipeline.nlp.file_notes import Note, Unusable

_DOCUMENT_START = re.compile(r"\s*<(!doctype\s+html|html)\b", re.IGNORECASE)
_HTML_TAG_NAMES = (
    "a|abbr|article|aside|b|blockquote|body|br|caption|div|em|figcaption|figure|footer|h[1-6]|head|"
    "header|hr|i|img|li|link|main|meta|nav|ol|p|script|section|span|strong|style|table|td|th|title|tr|u|ul"
)
_HTML_TAG = re.compile(rf"</?(?:{_HTML_TAG_NAMES})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_MIN_TAGS_FOR_FRAGMENT = 3
_MIN_TAGGED_LINE_SHARE = 0.5

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
})
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


def as_plain_text(text: str) -> tuple[str, list[str]]:
    """Plain text as is; HTML converted, since tags and scripts would otherwise reach NLP."""
    if not _looks_like_html(text):
        if not text.strip():
            raise Unusable("only whitespace" if text else "empty file (only a byte-order mark)")
        return text, []
    converted = _html_to_text(text)
    if not converted:
        raise Unusable("HTML with no article text")
    return converted, [Note("html converted to text", "html")]


def _looks_like_html(text: str) -> bool:
    """A document start, or a fragment where most lines carry real HTML tags (so an
    article that merely mentions "<b>" stays plain text)."""
    if _DOCUMENT_START.match(text):
        return True
    if len(_HTML_TAG.findall(text)) < _MIN_TAGS_FOR_FRAGMENT:
        return False
    lines = [line for line in text.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if _HTML_TAG.search(line))
    return tagged / len(lines) >= _MIN_TAGGED_LINE_SHARE


def _html_to_text(html: str) -> str:
    """Title, blank line, then the body's main text with one paragraph per block element.

    Returns "" when the body has no text: a title alone is not an article.
    """
    extractor = _HtmlTextExtractor()
    try:
        extractor.feed(html)
        extractor.close()
    except AssertionError as error:  # html.parser's reaction to some malformed "<![" sections
        raise Unusable(f"malformed HTML: {error}") from None
    return extractor.text(main_text_lines(html))


MIN_MAIN_TEXT_FOUND = 0.8
"""Share of the main text's characters that must be found among the page's lines for the
selection to be used; below it the two readings disagree and every line is kept."""


def _normalised(text: str) -> str:
    return " ".join(text.split())


def main_text_lines(html: str) -> tuple[frozenset[str], int] | None:
    """(every line of the page's main text, whitespace-normalised; its length in
    characters), or None when trafilatura finds no main text or fails on the page.

    The broad except is deliberate: an extractor failure on one odd page must fall back
    to keeping every line, not reject the file or stop the run.
    """
    try:
        import trafilatura

        document = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=True, include_formatting=False, include_links=False,
            with_metadata=False, deduplicate=False,
        )  # fmt: skip
        body = None if document is None else document.body
        if body is None:
            return None
        for line_break in body.iter("lb"):
            line_break.tail = "\n" + (line_break.tail or "")
        lines = {_normalised(line) for element in body.iter() for line in "".join(element.itertext()).split("\n")}
        size = len(_normalised(document.text or ""))
    except Exception:  # noqa: BLE001 - see docstring
        return None
    lines.discard("")
    return (frozenset(lines), size) if lines else None


_TITLE_SEPARATORS = (" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 ", " : ")


def _headline(title: str, h1: str, lines: list[str]) -> str:
    """The <title>, or the part of it that is the headline when it also names the site or
    section ("Talks resume | Example News"): the first <h1> when the title starts or ends
    with it, else the one part that is also a line of the page, if it is the longest."""
    if h1 and title != h1:
        for separator in _TITLE_SEPARATORS:
            if title.startswith(h1 + separator) or title.endswith(separator + h1):
                return h1
    page_lines = {_normalised(line) for line in lines}
    for separator in _TITLE_SEPARATORS:
        parts = [part.strip() for part in title.split(separator)]
        on_page = [part for part in parts if part in page_lines]
        if len(parts) > 1 and len(on_page) == 1 and len(on_page[0]) == max(len(part) for part in parts):
            return on_page[0]
    return title


class _HtmlTextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self._title: list[str] = []
        self._body: list[str] = []
        self._h1: list[str] = []
        self._skip_depth = 0
        self._in_title = False
        self._h1_state = "before"  # before, inside, after the first <h1>

    def handle_starttag(self, tag, attrs):
        self._on_tag(tag, opening=True)

    def handle_endtag(self, tag):
        self._on_tag(tag, opening=False)

    def _on_tag(self, tag: str, opening: bool) -> None:
        if tag == "h1":
            self._h1_state = "inside" if opening and self._h1_state == "before" else "after"
        if tag in _SKIPPED_TAGS:
            self._skip_depth = self._skip_depth + 1 if opening else max(0, self._skip_depth - 1)
        elif tag == "title":
            self._in_title = opening
        elif tag == "br" and opening:
            self._body.append("\n")
        elif tag in _BLOCK_TAGS:
            self._body.append("\n\n")

    def handle_data(self, data):
        if self._skip_depth:
            return
        (self._title if self._in_title else self._body).append(_HTML_WHITESPACE.sub(" ", data))
        if self._h1_state == "inside" and not self._in_title:
            self._h1.append(data)

    def text(self, main: tuple[frozenset[str], int] | None = None) -> str:
        lines = [line.strip() for line in "".join(self._body).split("\n")]
        title = _headline(_normalised("".join(self._title)), _normalised("".join(self._h1)), lines)
        if main is not None:
            lines = _main_lines(lines, *main) or lines
        body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
        if title and body.split("\n\n", 1)[0] == title:
            body = body[len(title) :].lstrip("\n")
        return f"{title}\n\n{body}" if title and body else body


def _main_lines(lines: list[str], main: frozenset[str], main_size: int) -> list[str] | None:
    """`lines` without those outside the main text (blank lines stay: they part paragraphs),
    or None when too little of the main text is among them."""
    kept = [line for line in lines if not line or _normalised(line) in main]
    found = sum(len(_normalised(line)) for line in kept)
    return kept if found and found >= MIN_MAIN_TEXT_FOUND * main_size else None
