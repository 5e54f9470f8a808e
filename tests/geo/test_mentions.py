from __future__ import annotations

import json

import pytest

from dyad.geo import PlaceMention, load_gazetteer, place_mentions
from dyad.model import Article

from .helpers import SHARED, load_example, parse


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def mention(mentions: list[PlaceMention], text: str) -> PlaceMention:
    return next(m for m in mentions if m.text == text)


def test_mentions_list_the_dateline_apart_from_the_body(gazetteer):
    article = load_example("iraq-mps-coalition")
    mentions = place_mentions(parse(article), gazetteer)
    first = mentions[0]
    assert (first.text, first.name, first.country, first.source) == ("ERBIL", "Erbil", "IRQ", "dateline")
    assert article.text[first.start : first.end] == "ERBIL"
    syria = mention(mentions, "Syria")
    assert (syria.country, syria.precision, syria.source) == ("SYR", "country", "GPE")


def test_mentions_carry_every_annotate_field(gazetteer):
    text = "Rockets struck Ain al-Asad air base in western Iraq on Tuesday."
    [base, iraq] = place_mentions(parse(Article("asad", text)), gazetteer)
    assert (base.text, base.start, base.end) == ("Ain al-Asad air base", 15, 35)
    assert (base.name, base.country, base.admin1, base.precision) == ("Ain al-Asad", "IRQ", "Anbar", "point")
    assert 33 < base.lat < 34 and 42 < base.lon < 43
    assert (iraq.name, iraq.geonameid, iraq.precision) == ("Iraq", 99237, "country")


def test_mentions_state_abbreviation_is_the_parent(gazetteer):
    text = "The fire broke out in Gainesville, Va., late on Sunday, officials said."
    mentions = place_mentions(parse(Article("va", text)), gazetteer)
    town = mention(mentions, "Gainesville")
    assert (town.country, town.admin1) == ("USA", "Virginia")
    assert mention(mentions, "Va.").name == "Virginia"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # "X in Y" names the parent: Portland, Maine.
        ("Police clashed with protesters in Portland in Maine on Saturday.", "Portland", ("USA", "Maine")),
        # A bare name is the larger namesake.
        ("Police clashed with protesters in Portland on Saturday.", "Portland", ("USA", "Oregon")),
        # GeoWebNews: a town listed with places is a place, though tagged alone as a person.
        (
            "The line from Amsterdam to Berlin includes stops in Hilversum and Almelo, the paper points out.",
            "Almelo",
            ("NLD", "Overijssel"),
        ),
        # GeoWebNews (BTCC calendar): the name closing "Place, Name" is the county, not Kent, Washington.
        (
            "2018 calendar. 7/8 April: Brands Hatch Indy, Kent. 28/29 April: Donington Park, Leicestershire.",
            "Kent",
            ("GBR", "Kent"),
        ),
    ],
    ids=["x-in-y-parent", "larger-namesake", "listed-with-places", "closing-container"],
)
def test_mentions_resolve_by_their_context(gazetteer, text, name, expected):
    place = mention(place_mentions(parse(Article(name, text)), gazetteer), name)
    assert (place.country, place.admin1) == expected


def test_mentions_unknown_street_is_placed_in_the_article_town(gazetteer):
    text = (
        "A man was shot on Royal Street in New Orleans on Friday. "
        "New Orleans police said the gunman fled along Royal Street toward the river."
    )
    street = mention(place_mentions(parse(Article("no", text)), gazetteer), "Royal Street")
    assert (street.name, street.admin1, street.precision, street.is_contained) == (
        "New Orleans",
        "Louisiana",
        "town",
        True,
    )


def test_mentions_mark_a_place_inside_a_hyphenated_modifier_embedded(gazetteer):
    # Reuters 21578: "Tokyo-based" says where the firm is, not where anything happened.
    text = (
        "Prism Entertainment Corp said it has entered an acquisition and distribution agreement with "
        "Tokyo-based Gaga Communications to make and distribute home video titles in Japan under the "
        "Prism label."
    )
    mentions = place_mentions(parse(Article("tokyo-based", text)), gazetteer)
    tokyo, japan = mention(mentions, "Tokyo"), mention(mentions, "Japan")
    assert (tokyo.country, tokyo.is_embedded) == ("JPN", True)
    assert (japan.country, japan.is_embedded) == ("JPN", False)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # GeoWebNews: the model tags the stadium as a person; "inside" and "into" locate it.
        (
            "Merseyside Police arrested four men in Liverpool after the match. Fans also set off "
            "fireworks inside Anfield and threw objects as City's bus made its way into Anfield.",
            "Anfield",
            ("Liverpool", "GBR", "town", "focus"),
        ),
        # GeoWebNews: Portroe and Toomevara are villages below the gazetteer's floor.
        (
            "Tipperary County Council received 50 applications for housing grants in Nenagh. "
            "There were 26 applicants in Portroe with 24 in Toomevara, the council in Nenagh said.",
            "Portroe",
            ("Nenagh", "IRL", "town", "focus"),
        ),
        # GeoWebNews: "Jones" of the golf club's name is no Philippine town in a Virginia story.
        (
            "Haymarket, Virginia, has grown fast since the 1990s, and so has Gainesville, Virginia, "
            "next door. Golfers in Haymarket play at Robert Trent Jones Golf Club, a private club.",
            "Robert Trent Jones Golf Club",
            ("Gainesville", "USA", "town", "focus"),
        ),
        # GeoWebNews (BTCC calendar): the Northamptonshire circuit, not North Carolina's town.
        (
            "The season ends in August: Rockingham, Northamptonshire. 25/26 August: Knockhill, Fife.",
            "Rockingham",
            ("Northamptonshire", "GBR", "admin1", "stated"),
        ),
        # The model tags "Donington Park, Leicestershire" as one facility: split at the comma.
        (
            "7/8 April: Brands Hatch Indy, Kent. 28/29 April: Donington Park, Leicestershire. 19 May: Croft.",
            "Donington Park",
            ("Leicestershire", "GBR", "admin1", "stated"),
        ),
    ],
    ids=[
        "venue-after-inside",
        "village",
        "far-namesake-in-a-site",
        "town-in-stated-county",
        "split-at-comma",
    ],
)
def test_mentions_place_a_name_the_gazetteer_lacks_in_its_container(gazetteer, text, name, expected):
    place = mention(place_mentions(parse(Article(name, text)), gazetteer), name)
    assert (place.name, place.country, place.precision, place.basis) == expected
    assert place.is_contained


def test_mentions_an_employer_after_in_is_no_venue(gazetteer):
    text = "He served in the Army for ten years before he moved to Denver."
    assert [m.text for m in place_mentions(parse(Article("army", text)), gazetteer)] == ["Denver"]


def test_mentions_a_name_placed_once_keeps_that_place_and_a_county_has_a_centre(gazetteer):
    # GeoWebNews: New Quay is below the gazetteer's floor; Ceredigion's centre comes from its towns.
    text = (
        "Both lifeboats from New Quay, Ceredigion were called out on Sunday. "
        "The New Quay crew found the two walkers near the cliffs, a spokesman said."
    )
    mentions = [m for m in place_mentions(parse(Article("nq", text)), gazetteer) if m.text == "New Quay"]
    assert len(mentions) == 2
    for quay in mentions:
        assert (quay.name, quay.country, quay.precision, quay.is_contained) == (
            "Ceredigion",
            "GBR",
            "admin1",
            True,
        )
        assert 51.9 < quay.lat < 52.6 and -4.8 < quay.lon < -3.6


def test_mentions_a_demonym_opening_a_name_is_an_embedded_country(gazetteer):
    # GeoWebNews: the model tags "British" alone; it names the UK inside the championship's name.
    text = "The 2018 British Touring Car Championship gets going tomorrow at Brands Hatch in Kent."
    british = mention(place_mentions(parse(Article("btcc", text)), gazetteer), "British")
    assert (british.country, british.precision, british.is_embedded) == ("GBR", "country", True)


def test_mentions_list_demonyms_as_embedded_countries_that_locate_nothing(gazetteer):
    # "Russian" inside the ministry's name and "Syrian" as a modifier name their countries;
    # "Kurdish" names a people of four states, no country.
    text = (
        "The Russian Foreign Ministry said Syrian troops and Kurdish fighters clashed near Manbij on Sunday."
    )
    mentions = place_mentions(parse(Article("norp", text)), gazetteer)
    found = {m.text: (m.country, m.basis, m.is_embedded) for m in mentions}
    assert found["Russian"] == ("RUS", "demonym", True)
    assert found["Syrian"] == ("SYR", "demonym", True)
    assert "Kurdish" not in found
    assert found["Manbij"] == ("SYR", "gazetteer", False)


def test_mentions_drop_a_stray_foreign_town_the_phrase_matcher_reads_in_a_title(gazetteer):
    # Reuters 21578 wording: "Vice" of "Vice Adm." is a Peruvian town's name, not a place.
    text = (
        "Ronald Reagan met aides at the White House in Washington on Monday. The other victims of the "
        "scandal are former National Security Adviser Vice Adm. John Poindexter, who resigned, and "
        "Marine Lt. Col. Oliver North, who was fired in Washington."
    )
    assert "Vice" not in {m.text for m in place_mentions(parse(Article("vice", text)), gazetteer)}


def test_mentions_keep_a_small_foreign_town_the_article_names_a_people_of(gazetteer):
    # "Israeli" makes Sderot no stray namesake in a story about Lebanon.
    text = "Lebanese officials in Beirut and Sidon said Hezbollah rockets hit Sderot, an Israeli town."
    town = mention(place_mentions(parse(Article("sderot", text)), gazetteer), "Sderot")
    assert (town.name, town.country, town.basis) == ("Sderot", "ISR", "gazetteer")


def test_mentions_a_name_that_speaks_is_not_placed_at_the_article_focus(gazetteer):
    # Reuters 21578 #833: the model tags "Yeutter" (the US trade representative) as a place.
    record = next(
        json.loads(line)
        for line in (SHARED / "corpus" / "reuters21578.jsonl").read_text(encoding="utf-8").splitlines()
        if '"reuters21578:833"' in line
    )
    mentions = place_mentions(parse(Article(record["id"], record["text"])), gazetteer)
    bases = [m.basis for m in mentions if m.text == "Yeutter"]
    assert bases and set(bases) == {None}
