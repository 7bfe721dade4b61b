"""What ingest says about one seed file: a `Note` kept with the article, or the reason
(`Unusable`) it cannot be one. Shared by `ingest`, `decoding` and `html_text`."""

from __future__ import annotations


class Note(str):
    """A remark about one ingested file. Compares equal to its message; `kind` says what it
    is about (see `NOTE_KINDS`), for the `ingest_notes` table."""

    kind: str

    def __new__(cls, message: str, kind: str = "other"):
        note = super().__new__(cls, message)
        note.kind = kind
        return note

    def __reduce__(self):
        return (Note, (str(self), self.kind))


NOTE_KINDS = ("decoding", "html", "sidecar", "collection", "changed_during_run", "other")


class Unusable(Exception):
    """Raised by the decoding and HTML steps so `decode_article` can turn any of them into one Rejection."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
