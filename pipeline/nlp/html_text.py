"""HTML documents and fragments to plain article text.

A file is HTML when it starts as a document or most of its lines carry real tags; its
title, a blank line, then one paragraph per block element become the article text.
Scripts and styles are dropped. Pure Python (the standard library's `html.parser`).
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
    """Title, blank line, then the body with one paragraph per block element.

    Returns "" when the body has no text: a title alone is not an article.
    """
    extractor = _HtmlTextExtractor()
    try:
        extractor.feed(html)
        extractor.close()
    except AssertionError as error:  # html.parser's reaction to some malformed "<![" sections
        raise Unusable(f"malformed HTML: {error}") from None
    return extractor.text()


class _HtmlTextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self._title: list[str] = []
        self._body: list[str] = []
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self._on_tag(tag, opening=True)

    def handle_endtag(self, tag):
        self._on_tag(tag, opening=False)

    def _on_tag(self, tag: str, opening: bool) -> None:
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

    def text(self) -> str:
        lines = (line.strip() for line in "".join(self._body).split("\n"))
        body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
        title = " ".join("".join(self._title).split())
        return f"{title}\n\n{body}" if title and body else body
