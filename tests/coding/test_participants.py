"""Who the coder takes as actor and recipient: participants, not the things an act is about."""

from __future__ import annotations

import pytest

import dyad
from dyad.records import event_to_record


def coded(pipeline: dyad.Pipeline, text: str, event_type: str) -> dict:
    records = [event_to_record(e) for e in pipeline.extract(dyad.Article(id="t", text=text))]
    matches = [r for r in records if r["type"] == event_type]
    assert matches, f"no {event_type} in {[(r['type'], r['evidence']['trigger']) for r in records]}"
    return matches[0]


def texts(participants: list[dict]) -> list[str]:
    return [p["text"] for p in participants]


@pytest.mark.parametrize(
    ("text", "event_type", "recipients"),
    [
        # A thing taken from a group: the group is the recipient, not the weapons.
        (
            "In an unprecedented move, Palestinian police in Jericho confiscated weapons and explosives "
            "from Palestinian armed groups, the Israeli army said Friday.",
            "COERCE",
            ["Palestinian armed groups"],
        ),
        # A demand is made of the subject of its clause.
        (
            "Washington along with its allies demanded that Hamas renounce its armed struggle "
            "against Israel.",
            "REQUEST",
            ["Hamas"],
        ),
        # A promise is toward whoever the promised act is toward.
        (
            "British Defence Secretary Tom King has promised to continue military aid "
            "to war-torn Mozambique.",
            "AGREE",
            ["war-torn Mozambique"],
        ),
        # The place shelled stands for the target when no one is named.
        (
            "Israeli tanks fired four shell bombs at targets in Jericho, witnesses said.",
            "ASSAULT",
            ["Jericho"],
        ),
        (
            "Turkish authorities have imposed a curfew in the town of Cizre in southeastern Turkey "
            "after a demonstration over fraud allegations.",
            "COERCE",
            ["Cizre"],
        ),
        # An installation struck is the target itself.
        ("Unidentified planes hit the field, 100 miles off Abu Dhabi.", "ASSAULT", ["the field"]),
        # A participle names who made the thing: the students, not the demonstration.
        (
            "Turkish police prevented the demonstration staged by students at Cumhuriyet University.",
            "COERCE",
            ["students"],
        ),
        # The object's "of"-phrase names the participant.
        (
            "The Ivory Coast rejected calls by Kofi Annan to adopt far-reaching reforms.",
            "REJECT",
            ["Kofi Annan"],
        ),
    ],
)
def test_recipient_is_the_participant(
    pipeline: dyad.Pipeline, text: str, event_type: str, recipients
) -> None:
    assert texts(coded(pipeline, text, event_type)["recipient"]) == recipients


def test_a_thing_that_names_no_one_is_no_recipient(pipeline: dyad.Pipeline) -> None:
    record = coded(pipeline, "Young Algerians blocked roads leading to the city centre on Sunday.", "PROTEST")
    assert record["recipient"] == []


def test_a_measure_phrase_stands_for_whom_it_counts(pipeline: dyad.Pipeline) -> None:
    record = coded(
        pipeline,
        "Thousands of Iraqi Kurds demonstrated in the northern city of Kirkuk on Sunday, witnesses said.",
        "PROTEST",
    )
    assert texts(record["actor"]) == ["Iraqi Kurds"]
    assert record["actor"][0]["country"] == "IRQ"


def test_an_adjective_complement_shares_its_subject(pipeline: dyad.Pipeline) -> None:
    # A stated willingness to withdraw is coded as PLOVER codes an intention: AGREE.
    record = coded(pipeline, "Syria is willing to withdraw its troops from neighboring Lebanon.", "AGREE")
    assert texts(record["actor"]) == ["Syria"]


def test_a_purpose_clause_names_whom_a_protest_is_against(pipeline: dyad.Pipeline) -> None:
    record = coded(
        pipeline,
        "Young Algerians blocked roads leading to the city centre on Sunday to press their demands "
        "for greater freedom from President Bouteflika's government.",
        "PROTEST",
    )
    assert texts(record["recipient"]) == ["President Bouteflika's government"]


def test_an_ultimatum_is_aimed_at_the_subject_of_its_condition(pipeline: dyad.Pipeline) -> None:
    record = coded(
        pipeline,
        "Druze inhabitants of the Syrian Golan Heights threatened today to hold a general strike "
        "unless Israel rescinded its annexation of the region within 10 days.",
        "THREATEN",
    )
    assert texts(record["recipient"]) == ["Israel"]


def test_a_declaration_speaks_for_whoever_issued_it(pipeline: dyad.Pipeline) -> None:
    record = coded(
        pipeline,
        "The rebel Kurdistan Workers' Party issued a declaration demanding that the Turkish government "
        "provide information on the safety of its leader Abdullah Ocalan.",
        "REQUEST",
    )
    assert texts(record["actor"]) == ["The rebel Kurdistan Workers' Party"]
    assert texts(record["recipient"]) == ["the Turkish government"]


def test_own_forces_moved_are_not_recipients(pipeline: dyad.Pipeline) -> None:
    record = coded(
        pipeline,
        "Syria has again offered its troops to Lebanon's new President Elias Hrawi to help him oust "
        "General Michel Aoun.",
        "AGREE",
    )
    assert texts(record["recipient"]) == ["Lebanon's new President Elias Hrawi"]
    strengthened = coded(
        pipeline,
        "Israel has strengthened its forces in Lebanon following the discovery of Katyusha rockets.",
        "MOBILIZE",
    )
    assert texts(strengthened["recipient"]) == ["Lebanon"]


def test_a_name_coordinated_with_an_apposition_is_a_second_recipient(pipeline: dyad.Pipeline) -> None:
    record = coded(
        pipeline,
        "The State Department said that Glass, a journalist on leave from his job with ABC television, "
        "and Usayran, the son of the Lebanese defense minister, were kidnapped on the Awaz'i Road "
        "in the southern suburbs of Beirut on June 17.",
        "ASSAULT",
    )
    # Both victims, and not the road they were taken on.
    assert texts(record["recipient"]) == ["Glass", "Usayran"]


def test_forces_named_by_a_state_are_recipients_of_aid(pipeline: dyad.Pipeline, load_example) -> None:
    records = [event_to_record(e) for e in pipeline.extract(load_example("iraq-mps-coalition"))]
    trains = [r for r in records if r["type"] == "AID" and r["recipient"]]
    assert trains, "the coalition's training of Kurdish and Iraqi forces has recipients"
    assert {"IRQ"} <= {a["country"] for r in trains for a in r["recipient"]}


@pytest.mark.parametrize(
    ("text", "attacker", "country"),
    [
        (
            "A roadside bombing near the town of Samarra on Sunday killed one U.S. soldier and wounded "
            "two others, the military said.",
            "A roadside bombing",
            "IRQ",
        ),
    ],
)
def test_violence_no_one_is_said_to_have_done_has_an_unnamed_attacker(
    pipeline: dyad.Pipeline, text: str, attacker: str, country: str
) -> None:
    (actor,) = coded(pipeline, text, "ASSAULT")["actor"]
    assert (actor["text"], actor["sector"], actor["resolved_by"]) == (attacker, ["UAF"], "unattributed")
    assert actor["country"] == country  # where it struck, as ACLED's "Unidentified Armed Group (X)"


def test_a_raid_told_before_gets_no_new_attacker(pipeline: dyad.Pipeline) -> None:
    text = (
        "Unidentified planes hit the field, 100 miles off Abu Dhabi, last November 25. "
        "The raid killed eight workers."
    )
    records = [event_to_record(e) for e in pipeline.extract(dyad.Article(id="t", text=text))]
    assert [r["type"] for r in records] == ["ASSAULT"]  # the raid is merged into the attack
    assert [a["resolved_by"] for a in records[0]["actor"]] != ["unattributed"]


def test_whom_an_act_lets_do_something_is_its_recipient(pipeline: dyad.Pipeline) -> None:
    record = coded(
        pipeline,
        "The Ivory Coast's Supreme Court decided to allow candidate Alassane Ouattara to participate "
        "in the country's upcoming elections.",
        "CONCEDE",
    )
    assert texts(record["recipient"]) == ["candidate Alassane Ouattara"]


def test_people_converging_for_a_rally_hold_it(pipeline: dyad.Pipeline) -> None:
    record = coded(
        pipeline,
        "Thousands of Nigerians from throughout the country were converging Thursday for a rally in Lagos.",
        "PROTEST",
    )
    assert texts(record["actor"]) == ["Nigerians"]


def test_a_stance_is_held_by_the_subject_of_its_passive(pipeline: dyad.Pipeline) -> None:
    record = coded(
        pipeline, "Israel is opposed to French mediation in peace negotiations with Syria.", "REJECT"
    )
    assert texts(record["actor"]) == ["Israel"]
    assert texts(record["recipient"]) == ["French mediation"]


def test_a_measure_of_a_thing_is_looked_past(pipeline: dyad.Pipeline) -> None:
    record = coded(
        pipeline,
        "The United States suspended part of a military aid program for Bosnia, the New York Times reported.",
        "SANCTION",
    )
    assert texts(record["recipient"]) == ["Bosnia"]


def test_weapons_fire_in_a_coordination_is_an_attack_by_the_subject(pipeline: dyad.Pipeline) -> None:
    record = coded(
        pipeline,
        "Vietnamese-led forces launched artillery, mortar, and rocket fire against Kampuchean guerrilla "
        "camps near the eastern Thai border today.",
        "ASSAULT",
    )
    assert record["evidence"]["trigger"] == "fire"
    assert texts(record["actor"]) == ["Vietnamese-led forces"]
    assert texts(record["recipient"]) == ["Kampuchean guerrilla camps"]


def test_a_fire_that_is_no_weapons_fire_is_no_attack(pipeline: dyad.Pipeline) -> None:
    records = [
        event_to_record(e)
        for e in pipeline.extract(dyad.Article(id="t", text="A fire broke out in the warehouse."))
    ]
    assert records == []


@pytest.mark.parametrize(
    ("text", "phrase", "country"),
    [
        (
            "Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.",
            "Up to 100 ethnic Albanians",
            "SRB",
        ),
        ("Kurdish fighters attacked a Turkish army post in Hakkari province.", "Kurdish fighters", "TUR"),
        # A state's name settles it: Iraqi Kurds stay Iraqi wherever they go.
        ("Some 800,000 Iraqi Kurds sought refuge in Germany last month.", "Some 800,000 Iraqi Kurds", "IRQ"),
    ],
)
def test_a_people_named_by_ethnicity_belongs_where_it_acts(pipeline, text, phrase, country) -> None:
    records = [event_to_record(e) for e in pipeline.extract(dyad.Article(id="t", text=text))]
    actor = next(a for r in records for a in r["actor"] if a["text"] == phrase)
    assert actor["country"] == country


def test_workers_of_no_stated_country_belong_where_they_act(pipeline: dyad.Pipeline) -> None:
    record = coded(
        pipeline,
        "Turkish police prevented the demonstration staged by students at Cumhuriyet University near "
        "AKP offices in Sivas on 15 October to protest the decision of sending troops to Iraq.",
        "COERCE",
    )
    (students,) = record["recipient"]
    assert (students["text"], students["country"]) == ("students", "TUR")
    assert students["resolved_by"].endswith("+location")


def test_people_owned_by_a_pronoun_do_not_take_the_place_where_they_were_caught(pipeline) -> None:
    text = (
        "Iran had seized seven Kuwaiti speed boats and detained their crew in the Khur Abdullah "
        "waterway which separates Kuwait and Iraq's Faw peninsula."
    )
    records = [event_to_record(e) for e in pipeline.extract(dyad.Article(id="t", text=text))]
    crews = [a for r in records for a in r["recipient"] if a["text"] == "their crew"]
    assert crews and all(a["country"] != "IRQ" for a in crews)


def test_parties_between_whom_talks_are_mediated_are_the_recipients(pipeline) -> None:
    record = coded(
        pipeline, "Egypt and Qatar are mediating talks between Israel and Hamas in Cairo.", "CONSULT"
    )
    assert [(a["text"], a["country"]) for a in record["recipient"]] == [("Israel", "ISR"), ("Hamas", "PSE")]
    # Hamas is an organisation, not the German town of Hamm that once bore the name.
    assert "DEU" not in {loc["country"] for loc in record["location"]}


def test_the_venue_of_earlier_talks_is_not_the_recipient_of_an_agreement(pipeline) -> None:
    record = coded(
        pipeline,
        "Saudi Arabia and Iran agreed to restore diplomatic relations after talks in Beijing.",
        "AGREE",
    )
    assert record["recipient"] == []


def test_a_month_with_its_day_is_a_time_not_a_recipient(pipeline) -> None:
    text = (
        "On Apr 23, unidentified armed men killed the Mukhtar of Badush village and injured his wife, "
        "after raiding their home in Badush, northwest Mosul."
    )
    killing = coded(pipeline, text, "ASSAULT")
    assert "Apr 23" not in texts(killing["recipient"])
    assert texts(killing["actor"]) == ["unidentified armed men"]


def test_coordinated_passive_verbs_share_their_subject_and_agent(pipeline: dyad.Pipeline) -> None:
    text = "A young man was shot and killed by Turkish border guards in Idleb."
    records = [event_to_record(e) for e in pipeline.extract(dyad.Article(id="t", text=text))]
    assert sorted(r["evidence"]["trigger"] for r in records) == ["killed", "shot"]
    for record in records:
        assert texts(record["actor"]) == ["Turkish border guards"]
        assert texts(record["recipient"]) == ["A young man"]
