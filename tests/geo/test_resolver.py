from __future__ import annotations

import pytest

from dyad.errors import ConfigError
from dyad.geo.gazetteer import name_key
from dyad.geo.resolver import LocationResolver, make_location_resolver
from dyad.model import Article, EventType
from dyad.registry import stages

from .helpers import load_example, make_event, parse


@pytest.fixture(scope="module")
def resolver() -> LocationResolver:
    return make_location_resolver()


def countries(event) -> set[str | None]:
    return {location.country for location in event.locations}


def test_resolver_is_registered_under_its_versioned_name():
    assert stages.get("geo.gazetteer.v1") is make_location_resolver
    assert make_location_resolver().name == "geo.gazetteer.v1"


def test_resolver_rejects_a_negative_population_floor():
    with pytest.raises(ConfigError, match="min_population"):
        make_location_resolver(min_population=-1)


def test_resolver_militia_attacks_are_in_iraq_and_syria(resolver):
    parsed = parse(load_example("iraq-mps-coalition"))
    event = make_event(
        parsed,
        "struck",
        "Iran-aligned militias",
        actors=("Iran-aligned militias",),
        recipients=("bases of the international coalition",),
    )
    [located] = resolver(parsed, [event])
    assert countries(located) == {"IRQ", "SYR"}
    assert {loc.precision for loc in located.locations} == {"country"}
    assert located.coded_by == ("geo.gazetteer.v1",)


def test_resolver_never_places_events_at_the_erbil_dateline(resolver):
    parsed = parse(load_example("iraq-mps-coalition"))
    petition = make_event(
        parsed,
        "signed",
        "Around 100 members",
        EventType.REQUEST,
        actors=("Around 100 members of the Iraqi parliament",),
    )
    us_strikes = make_event(parsed, "strikes", "US forces have responded", actors=("US forces",))
    located = resolver(parsed, [petition, us_strikes])
    for event in located:
        assert "Erbil" not in {loc.name for loc in event.locations}
        assert countries(event) == {"IRQ"}


def test_resolver_kidnapping_is_in_beirut(resolver):
    parsed = parse(load_example("reuters21578-18717"))
    event = make_event(parsed, "kidnapped", "were", recipients=("Glass",))
    [located] = resolver(parsed, [event])
    assert "Beirut" in {loc.name for loc in located.locations}
    assert countries(located) == {"LBN"}


def test_resolver_a_place_of_the_reporting_verb_does_not_locate_the_attack(resolver):
    parsed = parse(load_example("reuters21578-8440"))
    event = make_event(parsed, "hit", "tanker Avaj was", recipients=("the 162,046-ton Iranian\ntanker Avaj",))
    [located] = resolver(parsed, [event])
    assert "GBR" not in countries(located)


def test_resolver_kharg_raid_is_in_iran(resolver):
    parsed = parse(load_example("reuters21578-8440"))
    event = make_event(parsed, "hit", "communique said warplanes", actors=("warplanes",))
    [located] = resolver(parsed, [event])
    assert countries(located) == {"IRN"}
    assert [loc.name for loc in located.locations] == ["Kharg island"]
    assert located.locations[0].precision == "point"


def test_resolver_offshore_raid_off_abu_dhabi_is_in_the_emirates(resolver):
    parsed = parse(load_example("reuters21578-9208"))
    event = make_event(
        parsed, "hit", "Unidentified planes", actors=("Unidentified planes",), recipients=("the field",)
    )
    [located] = resolver(parsed, [event])
    assert countries(located) == {"ARE"}


def test_resolver_an_actor_country_is_not_the_location(resolver):
    text = "Kuwait rejected the demand on Monday, officials in Baghdad said."
    parsed = parse(Article("kuwait", text))
    event = make_event(parsed, "rejected", "Kuwait", EventType.REJECT, actors=("Kuwait",))
    [located] = resolver(parsed, [event])
    assert "Kuwait" not in {loc.name for loc in located.locations}


def test_resolver_an_actor_of_another_event_in_the_sentence_is_not_the_location(resolver):
    text = (
        "Thousands of foreign military personnel are stationed in Iraq. "
        "In January 2020, angry over the US killing of Soleimani and Muhandis, the Iraqi parliament "
        "passed a non-binding resolution to expel all foreign forces."
    )
    parsed = parse(Article("resolution", text))
    killing = make_event(parsed, "killing", "the US", actors=("US",), recipients=("Soleimani",))
    resolution = make_event(
        parsed, "resolution", "non-binding", EventType.REQUEST, actors=("Iraqi parliament",)
    )
    located = resolver(parsed, [killing, resolution])
    assert "USA" not in {loc.country for loc in located[1].locations}


def test_resolver_curated_base_is_a_point_in_anbar(resolver):
    text = "Rockets struck Ain al-Asad air base in western Iraq on Tuesday, the coalition said."
    parsed = parse(Article("asad", text))
    event = make_event(parsed, "struck", "Rockets", actors=("Rockets",))
    [located] = resolver(parsed, [event])
    [location] = located.locations
    assert (location.name, location.country, location.admin1, location.precision) == (
        "Ain al-Asad",
        "IRQ",
        "Anbar",
        "point",
    )


def test_resolver_dateline_only_when_the_body_names_no_place(resolver):
    article = Article(
        "dl", "BEIRUT, June 18 (Reuters) - Gunmen kidnapped a businessman on Thursday, police said."
    )
    parsed = parse(article)
    event = make_event(parsed, "kidnapped", "Gunmen", actors=("Gunmen",))
    [located] = resolver(parsed, [event])
    assert [(loc.name, loc.country) for loc in located.locations] == [("Beirut", "LBN")]


def test_resolver_trigger_place_beats_the_speakers_place(resolver):
    text = "Speaking in Baghdad on Monday, the minister said militants attacked a checkpoint near Kirkuk."
    parsed = parse(Article("kirkuk", text))
    event = make_event(parsed, "attacked", "militants", actors=("militants",))
    [located] = resolver(parsed, [event])
    assert [(name_key(loc.name), loc.country) for loc in located.locations] == [("kirkuk", "IRQ")]
    assert located.locations[0].precision == "town"


def test_resolver_body_place_beats_the_dateline(resolver):
    article = Article(
        "dl2",
        "BEIRUT, June 18 (Reuters) - Gunmen kidnapped a businessman in Baalbek on Thursday, police said.",
    )
    parsed = parse(article)
    event = make_event(parsed, "kidnapped", "Gunmen", actors=("Gunmen",))
    [located] = resolver(parsed, [event])
    assert [(loc.name, loc.country) for loc in located.locations] == [("Baalbek", "LBN")]


# PLOVER GSR dev (Reuters): the journalist was killed in Beirut, not in "anti-Syria".
ANTI_SYRIA = (
    "A prominent anti-Syria journalist has been killed in a car bomb explosion in a residential "
    "sector of mostly Christian eastern Beirut."
)


def test_resolver_a_place_in_a_hyphenated_modifier_never_locates_the_event(resolver):
    parsed = parse(Article("anti-syria", ANTI_SYRIA))
    event = make_event(parsed, "killed", "journalist", recipients=("A prominent anti-Syria journalist",))
    [located] = resolver(parsed, [event])
    assert "SYR" not in countries(located)


def test_resolver_a_modifier_place_alone_gives_no_location(resolver):
    text = "Iran-backed militiamen attacked the convoy on Sunday."
    parsed = parse(Article("iran-backed", text))
    event = make_event(parsed, "attacked", "militiamen", actors=("Iran-backed militiamen",))
    [located] = resolver(parsed, [event])
    assert located.locations == ()


def test_resolver_follows_the_triggers_chain_of_locative_phrases(resolver):
    parsed = parse(Article("anti-syria", ANTI_SYRIA))
    event = make_event(parsed, "killed", "journalist")
    [located] = resolver(parsed, [event])
    assert [(loc.name, loc.country, loc.precision) for loc in located.locations] == [
        ("Beirut", "LBN", "town")
    ]


def test_resolver_a_locative_place_beats_the_objects_owner(resolver):
    # Reuters style: the object names a country, the locative phrase the town.
    text = "Gunmen attacked an office of Syria's allies in Baalbek on Sunday, police said."
    parsed = parse(Article("baalbek", text))
    event = make_event(parsed, "attacked", "Gunmen", actors=("Gunmen",))
    [located] = resolver(parsed, [event])
    assert [loc.country for loc in located.locations] == ["LBN"]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        # "Whole Foods in Seattle": the gazetteer lacks the shop; the town stated after it holds it.
        (" in Seattle", ["Seattle"]),
        # The place mentions list a bare "Whole Foods" in Tacoma (basis focus); a guess from
        # the article's town says nothing of the town the robbery was in. "Tacoma police",
        # a participant's place, tells its country only.
        ("", ["United States"]),
    ],
    ids=["stated-town", "focus-guess"],
)
def test_resolver_locates_an_event_at_a_venue_only_through_its_stated_town(resolver, where, expected):
    text = (
        "Tacoma police said on Thursday they were looking for two men. "
        f"The men robbed a cashier at Whole Foods{where} on Wednesday."
    )
    parsed = parse(Article("wf", text))
    event = make_event(parsed, "robbed", "The men", actors=("The men",))
    [located] = resolver(parsed, [event])
    assert [loc.name for loc in located.locations] == expected


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        # No place the gazetteer knows: the target's country, then the doer's.
        ("Pro-Houthi snipers claim to have killed 4 Saudi soldiers at the Moanq sites.", "killed", "SAU"),
        ("Houthi fighters shelled the Kabani hills overnight.", "shelled", "YEM"),
    ],
)
def test_resolver_places_an_unplaced_attack_in_its_participants_country(pipeline, text, trigger, country):
    events = [e for e in pipeline.extract(Article("t", text)) if e.trigger.text == trigger]
    assert events, f"no event on {trigger!r}"
    assert [(loc.country, loc.precision) for loc in events[0].locations] == [(country, "country")]


def test_resolver_a_named_place_beats_the_participants_country(pipeline):
    events = pipeline.extract(Article("t", "Houthi fighters killed 4 Saudi soldiers in Taiz."))
    assert {loc.country for e in events for loc in e.locations} == {"YEM"}


def test_resolver_the_participants_countries_choose_between_namesakes(pipeline):
    # "Gaza" is also a province of Mozambique; Hamas and Israeli forces say which is meant.
    text = "Israeli forces hit with tank fire two Hamas observation posts in northern Gaza."
    events = [e for e in pipeline.extract(Article("t", text)) if e.event_type.value == "ASSAULT"]
    assert events and all(loc.country == "PSE" for e in events for loc in e.locations)
    assert events[0].locations


def test_resolver_places_named_only_in_the_participants_give_the_country(pipeline):
    # Isfahan is where the farmers come from, not where they gathered: only the country is told.
    text = "Farmers from Isfahan staged a protest over the lack of water."
    [protest] = [e for e in pipeline.extract(Article("t", text)) if e.event_type.value == "PROTEST"]
    assert [(loc.country, loc.precision) for loc in protest.locations] == [("IRN", "country")]


def test_resolver_a_small_foreign_namesake_among_places_of_one_country_is_a_local_village(pipeline):
    # Talan is a Yemeni village the gazetteer lacks, not Talant in Burgundy: Sadah and the
    # Houthi and Hadi forces speak of Yemen, and nothing else of France.
    text = (
        "Pro-Hadi forces clashed with Houthi forces and took control of Jabal Al Azhur, "
        "Hawali and Talan in Sadah. No deaths or injuries were reported."
    )
    events = [e for e in pipeline.extract(Article("t", text)) if e.locations]
    assert events
    assert {loc.country for e in events for loc in e.locations} == {"YEM"}


def test_resolver_the_attackers_country_never_makes_the_place_a_stray(pipeline):
    # Voices alone do not outvote a place: Deir al Balah is in Gaza, whoever fired.
    text = "Israeli tanks stationed near the border opened fire on lands southeast of Deir al Balah."
    [attack] = [e for e in pipeline.extract(Article("t", text)) if e.event_type.value == "ASSAULT"]
    assert [loc.country for loc in attack.locations] == ["PSE"]


@pytest.mark.parametrize(
    "text",
    [
        "A girl was shot by border guards as she attempted to enter Turkey from the Darkosh area of Idleb.",
        "A child was killed by Turkish border guards as he attempted to cross into Turkey from Idleb.",
    ],
)
def test_resolver_the_goal_of_an_attempt_is_not_where_it_happened(pipeline, text):
    events = [e for e in pipeline.extract(Article("t", text)) if e.event_type.value == "ASSAULT"]
    assert events
    assert {(loc.name, loc.country) for e in events for loc in e.locations} == {("Idlib", "SYR")}


def test_resolver_a_place_where_the_attempt_was_made_still_locates_it(pipeline):
    text = "The Turkish army shot a civilian while he was trying to cross the border in Idleb countryside."
    [shooting] = [e for e in pipeline.extract(Article("t", text)) if e.event_type.value == "ASSAULT"]
    assert [loc.country for loc in shooting.locations] == ["SYR"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # The target of the text's other act says whose ground it is, not the doer's flag.
        (
            "Turkish forces completely controlled the Menagh military airport, "
            "likely following clashes with YPG.",
            "SYR",
        ),
        # A place the text names elsewhere beats the doer's country.
        ("Israeli forces carried out 3 airstrikes north of Rafah targeting Qassam sites overnight.", "PSE"),
    ],
)
def test_resolver_a_foreign_doers_country_is_the_last_guess(pipeline, text, country):
    first = min(pipeline.extract(Article("t", text)), key=lambda e: e.trigger.start_char)
    assert [loc.country for loc in first.locations] == [country]


def test_resolver_a_place_naming_a_force_is_not_where_it_acted(pipeline):
    # Olive Branch (a town in Mississippi) names the Turkish-backed factions here.
    text = "Olive Branch factions shelled the village of Qatma, held by YPG fighters."
    [shelling] = [e for e in pipeline.extract(Article("t", text)) if e.event_type.value == "ASSAULT"]
    # Qatma is in no package gazetteer: better no place than the Mississippi town.
    assert [loc.country for loc in shelling.locations] == []
