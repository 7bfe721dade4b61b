"""Wiki markup in article text: link markup blanked for the parser, and where a story's
back matter (sources, links, categories) begins, which the layout leaves out of the story.

Wiki-sourced news (Wikinews) keeps traces of its link markup in plain text
("[[United Nations|UN]]", or a link whose opening the conversion lost: "Volcker|Paul
Volcker]], a former American official ..."). The tokenizer glues it to the words
("Volcker|Paul" is one token), so the model misses the names and the parse goes wrong; so
does an external link's address ("[http://www.example.org/ Board of Studies]"). The
parser reads the text with that markup turned into spaces: the string keeps its length,
so every offset still indexes the original text, and a name's surface is the words the
reader sees ("Paul Volcker", "US District Court"). Italic and bold marks around a name
are left alone: the model reads the name between them as well as without them, and
sometimes better.
"""

from __future__ import annotations

import re

# "[[Target|" (a link's opening and its target) or a bare "[[".
_LINK_OPEN = re.compile(r"\[\[(?:[^\[\]|\n]{1,100}\|)?")
# A link whose "[[" the conversion lost: its target (capitalised words at the start of a
# line, or one word anywhere), then "|" and the shown text up to "]]".
_BROKEN_TARGET = re.compile(
    r"(?:^(?:[A-Z][\w.'-]* ?){1,5}|(?<=\s)[^\s\[\]|]{1,60})\|(?=[^\[\]|\n]{1,100}\]\])", re.M
)
_LINK_CLOSE = re.compile(r"\]\]")
# An external link, "[http://www.example.org/ Shown Text]" or a bare "[http://…]": the
# bracket and the address are blanked, the shown text stays.
_EXTERNAL_LINK = re.compile(r"\[(?:https?|ftp)://[^\s\[\]]+ ?([^\[\]\n]{0,200})\]")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _blank_external(match: re.Match[str]) -> str:
    shown_at = match.start(1) - match.start(0)
    return " " * shown_at + match.group(1) + " "


def blank_wiki_markup(text: str) -> str:
    """The text with wiki link brackets and link targets turned into spaces of the same
    length (see the module docstring)."""
    if "[http" in text or "[ftp" in text:
        text = _EXTERNAL_LINK.sub(_blank_external, text)
    if "[[" not in text and "]]" not in text:
        return text
    text = _LINK_OPEN.sub(_blank, text)
    text = _BROKEN_TARGET.sub(_blank, text)
    return _LINK_CLOSE.sub(_blank, text)


# Wikinews back matter: the headings of the lists that follow a story (its sources, related
# stories, links, pictures), matched however the conversion spaced them ("== Sources ==").
_BACK_MATTER_HEADING = re.compile(
    r"==\s*(?:Sources?|Related (?:news|stories|articles)|External links?|References?|Sister links|"
    r"Earlier stories|Gallery|See also)\s*=="
)
# A category tag ("Category:Asia"), which Wikinews writes only after the story; hand-typed
# tags misspell the word by swapping its letters ("Catgeory:", "Categroy:"), so "Cat" and any
# five of the letters of "egory" count.
_CATEGORY_TAG = re.compile(r"(?<!\S)[Cc]at[egory]{5}:(?=\S)")


def back_matter_start(text: str) -> int:
    """Where a wiki story's back matter begins (its length when it has none): the first
    heading of a source, link or picture list ("==Sources==", "== Related news ==",
    "==External links==", "== Gallery =="), or the first category tag of the last line
    ("Category:Asia Category:India ... de:<the story in German>"). What follows is the
    sources' titles, category names and other-language titles, no part of the story: read
    as text it gave "Asia", "Oceania" or the German "Griechen" as entities of the article.
    Headings inside a story ("== Game summaries ==") are left alone."""
    found = [len(text)]
    if (heading := _BACK_MATTER_HEADING.search(text)) is not None:
        found.append(heading.start())
    last_line = text.rstrip().rfind("\n") + 1
    if (tag := _CATEGORY_TAG.search(text, last_line)) is not None:
        found.append(tag.start())
    return min(found)
