"""office_holders.yaml loads, and its loader refuses data it cannot use."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.nlp.mentions.office_holders import OFFICE_HOLDERS_FILE, load_office_holders, name_key


def test_every_term_loads_with_a_country_and_dates():
    terms = load_office_holders()
    assert len(terms) > 150
    assert all(len(t.iso3) == 3 and (t.end is None or t.start < t.end) for t in terms)
    blair = [t for t in terms if t.person == "Tony Blair" and t.role == "Prime Minister"]
    assert [(t.iso3, t.held_on(date(2005, 3, 1))) for t in blair] == [("GBR", True)]


def test_names_ignore_accents_and_dots():
    assert name_key("José María Aznar") == name_key("Jose Maria Aznar")
    assert name_key("George W. Bush") == name_key("George W Bush")


@pytest.mark.parametrize(
    "change",
    [
        ("role: Prime Minister\n", "role: Prime Ministre\n"),
        ("country: United Kingdom\n", "country: Ruritania\n"),
        ("party: Conservative Party\n", "party: Ruritanian Party\n"),
        ("end: 2007-06-27}", "end: 1990-01-01}"),
    ],
)
def test_loader_refuses_unknown_roles_countries_parties_and_bad_dates(tmp_path, change):
    text = OFFICE_HOLDERS_FILE.read_text(encoding="utf-8").replace(*change, 1)
    path = tmp_path / "office_holders.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError):
        load_office_holders.__wrapped__(path)
