"""The coder on real sentences: types, status, actors, figures, dates and evidence offsets."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import dyad
from dyad.acled import acled_type
from dyad.model import EventType, Status
from dyad.records import event_to_record

PUBLISHED = datetime(2023, 12, 11, tzinfo=UTC)


def code(pipeline: dyad.Pipeline, text: str, published: datetime | None = PUBLISHED) -> list[dict]:
    article = dyad.Article(id="t", text=text, published_at=published)
    return [event_to_record(event) for event in pipeline.extract(article)]


def find(records: list[dict], event_type: str, trigger: str) -> dict:
    matches = [r for r in records if r["type"] == event_type and r["evidence"]["trigger"] == trigger]
    assert matches, (
        f"no {event_type} on {trigger!r} in {[(r['type'], r['evidence']['trigger']) for r in records]}"
    )
    return matches[0]


@pytest.fixture(scope="module")
def iraq(pipeline: dyad.Pipeline, load_example) -> tuple[dyad.Article, list[dict]]:
    article = load_example("iraq-mps-coalition")
    return article, [event_to_record(event) for event in pipeline.extract(article)]


def test_every_offset_quotes_the_article(iraq: tuple[dyad.Article, list[dict]]) -> None:
    article, records = iraq
    assert records
    for record in records:
        evidence = record["evidence"]
        assert article.text[evidence["start"] : evidence["end"]] == evidence["sentence"]
        assert article.text[evidence["trigger_start"] : evidence["trigger_end"]] == evidence["trigger"]
        for actor in record["actor"] + record["recipient"]:
            assert article.text[actor["start"] : actor["end"]] == actor["text"]
        if record["date"] and record["date"]["text"]:
            assert article.text[record["date"]["start"] : record["date"]["end"]] == record["date"]["text"]


def test_petition_is_an_asserted_request_and_the_expulsion_only_demanded(iraq) -> None:
    _, records = iraq
    petition = find(records, "REQUEST", "petition")
    assert petition["status"] == "asserted"
    assert petition["historical"] is False
    assert (petition["actor"][0]["country"], petition["actor"][0]["sector"]) == ("IRQ", ["LEG"])
    assert petition["quantities"]["size"]["value"] == 100
    assert petition["quantities"]["size"]["approx"] is True
    assert petition["date"]["value"] == "2023-12-10"  # from the restatement "announced on Sunday"
    expulsions = [r for r in records if r["type"] == "SANCTION"]
    assert expulsions and all(r["status"] == "demanded" for r in expulsions)


def test_dateline_is_never_an_actor_or_a_place(iraq) -> None:
    _, records = iraq
    for record in records:
        assert all("Kurdistan Region" not in a["text"] for a in record["actor"] + record["recipient"])
        assert all(loc["name"] != "Erbil" for loc in record["location"])


def test_militia_attacks_carry_count_modes_and_range(iraq) -> None:
    _, records = iraq
    attack = find(records, "ASSAULT", "struck")
    assert attack["quantities"]["count"]["low"] == 100
    assert set(attack["mode"]) == {"drone", "heavy-weapons"}
    assert attack["date"]["value"] == "2023-10-17" and attack["date"]["until"] == "2023-12-11"
    assert attack["recipient"][0]["sector"] == ["MIL"]
    assert {loc["country"] for loc in attack["location"]} >= {"IRQ", "SYR"}


def test_restated_us_strikes_merge_with_their_toll(iraq) -> None:
    _, records = iraq
    strikes = [
        r for r in records if r["type"] == "ASSAULT" and any(a["country"] == "USA" for a in r["actor"])
    ]
    merged = [r for r in strikes if "killed" in r["quantities"]]
    assert merged and merged[0]["quantities"]["killed"]["low"] == 11
    assert "MIL" in merged[0]["actor"][0]["sector"]


def test_2020_resolution_is_historical(iraq) -> None:
    _, records = iraq
    resolution = find(records, "REQUEST", "resolution")
    assert resolution["historical"] is True
    assert resolution["date"]["value"] == "2020-01" and resolution["date"]["granularity"] == "month"


def test_refusal_to_yield_is_a_reject(pipeline: dyad.Pipeline) -> None:
    text = "The United States today insisted it would not yield to terrorist blackmail."
    records = code(pipeline, text, datetime(1987, 6, 18, tzinfo=UTC))
    refusal = find(records, "REJECT", "yield")
    assert refusal["status"] == "asserted"
    assert refusal["rule"].endswith("+refusal")
    assert not [r for r in records if r["type"] == "CONCEDE" and r["status"] == "asserted"]


def test_call_for_release_is_demanded_not_done(pipeline: dyad.Pipeline) -> None:
    text = "Shaheen asked Tehran to free all fishing boats and sailors held by Iran."
    records = code(pipeline, text)
    request = find(records, "REQUEST", "asked")
    assert request["recipient"][0]["country"] == "IRN"
    release = find(records, "RETREAT", "free")
    assert release["status"] == Status.DEMANDED.value


def test_accusation_with_gold_actors(pipeline: dyad.Pipeline) -> None:
    text = "The Sudanese government has accused Darfur rebels of violating a month-old ceasefire."
    accusation = find(code(pipeline, text, None), EventType.ACCUSE.value, "accused")
    assert (accusation["actor"][0]["country"], accusation["actor"][0]["sector"]) == ("SDN", ["GOV"])
    assert "REB" in accusation["recipient"][0]["sector"]


def test_stated_intention_to_cooperate_is_agree(pipeline: dyad.Pipeline) -> None:
    text = "Syria says it is willing to withdraw its troops from neighboring Lebanon."
    intent = find(code(pipeline, text, None), "AGREE", "withdraw")
    assert intent["status"] == "asserted" and intent["rule"].endswith("+intent")


def test_stated_intention_to_harm_is_threaten(pipeline: dyad.Pipeline) -> None:
    text = "Palestinian leaders said they would boycott all official contact with the United States."
    threat = find(code(pipeline, text, None), "THREATEN", "boycott")
    assert threat["status"] == "asserted"


def test_passive_kidnapping_has_victims_as_recipients(pipeline: dyad.Pipeline) -> None:
    text = "Glass and Usayran were kidnapped in the southern suburbs of Beirut on June 17."
    kidnapping = find(code(pipeline, text, datetime(1987, 6, 18, tzinfo=UTC)), "ASSAULT", "kidnapped")
    assert kidnapping["mode"] == ["abduct"]
    assert [r["text"] for r in kidnapping["recipient"]] == ["Glass", "Usayran"]
    assert kidnapping["actor"] == []
    assert kidnapping["date"]["value"] == "1987-06-17"
    assert kidnapping["cameo"] == "181"


def test_empty_and_blank_articles_yield_nothing(pipeline: dyad.Pipeline) -> None:
    assert code(pipeline, "") == []
    assert code(pipeline, "   \n\n  ") == []


def test_object_of_another_act_is_a_reference(pipeline: dyad.Pipeline) -> None:
    records = code(pipeline, "Japan said on Tuesday it had halted economic aid to Serbia.", None)
    halt = find(records, "SANCTION", "halted")
    assert halt["actor"][0]["country"] == "JPN"
    assert not [r for r in records if r["type"] == "AID"]  # the aid is what was halted


def test_reported_obligation_is_the_speakers_request(pipeline: dyad.Pipeline) -> None:
    text = "Russia said on Tuesday that Sudan must return a Mi-26 helicopter."
    request = find(code(pipeline, text, None), "REQUEST", "return")
    assert request["actor"][0]["country"] == "RUS"
    assert request["recipient"][0]["country"] == "SDN"
    assert request["rule"].endswith("+demand")


def test_ultimatum_is_a_threat(pipeline: dyad.Pipeline) -> None:
    text = (
        "Nigeria today announced that it will withdraw their peacekeeping force from Chad unless "
        "President Goukouni Oueddei arranged a ceasefire with rebels."
    )
    threat = find(code(pipeline, text, None), "THREATEN", "withdraw")
    assert threat["status"] == "asserted"


def test_withdrawing_inspectors_is_a_sanction_not_a_retreat(pipeline: dyad.Pipeline) -> None:
    text = "The United Nations withdrew its weapons inspectors from Iraq on Monday."
    withdrawal = find(code(pipeline, text, None), "SANCTION", "withdrew")
    assert withdrawal["rule"].endswith("+presence")


def test_compound_act_noun_takes_its_heads_arguments(pipeline: dyad.Pipeline) -> None:
    text = "Qatar's emir launched a mediation effort on Saturday between the Emirates and Saudi Arabia."
    mediation = find(code(pipeline, text, None), "CONSULT", "mediation")
    assert mediation["actor"][0]["country"] == "QAT"
    assert {r["country"] for r in mediation["recipient"]} == {"ARE", "SAU"}


@pytest.mark.parametrize(
    "name",
    [
        "iraq-mps-coalition",
        "reuters21578-20891",
        "reuters21578-8440",
        "reuters21578-9208",
        "reuters21578-309",
    ],
)
def test_examples_meet_every_must_item(pipeline: dyad.Pipeline, shared, name: str) -> None:
    from dyad.evaluation import score_expected

    def extract(article: dyad.Article) -> list[dict]:
        return [event_to_record(event) for event in pipeline.extract(article)]

    examples = shared / "examples"
    score = score_expected(examples / f"{name}.jsonl", examples / f"{name}.expected.yaml", extract)
    assert [item.id for item in score.must if not item.is_passed] == []
    assert score.violations == ()


def test_anaphoric_raid_merges_into_the_reported_hit(pipeline: dyad.Pipeline, load_example) -> None:
    records = [event_to_record(e) for e in pipeline.extract(load_example("reuters21578-9208"))]
    raid = find(records, "ASSAULT", "hit")
    assert raid["quantities"]["killed"]["value"] == 8
    assert raid["date"]["value"] == "1986-11-25"
    assert raid["actor"][0]["sector"] == ["UAF"] and raid["actor"][0]["country"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The transport union attacked the loss figures published by the port.", ["ACCUSE"]),
        ("Rebels attacked the government's plan to hold elections.", ["ACCUSE"]),
        ("Iraqi jets attacked Iran's Kharg Island oil terminal.", ["ASSAULT"]),
        ("Unidentified planes hit the field, 100 miles off Abu Dhabi.", ["ASSAULT"]),
        ("The drought hit production.", []),
    ],
)
def test_attacking_an_idea_is_a_verbal_attack(
    pipeline: dyad.Pipeline, text: str, expected: list[str]
) -> None:
    assert [r["type"] for r in code(pipeline, text)] == expected


def test_a_participial_result_clause_is_the_attacks_toll_not_an_attack_of_its_own(pipeline) -> None:
    records = code(
        pipeline,
        "Gunmen attacked a police station in Kirkuk on Sunday, killing three policemen and wounding "
        "five others.",
    )
    assert [r["type"] for r in records] == ["ASSAULT"]
    quantities = records[0]["quantities"]
    assert (quantities["killed"]["value"], quantities["injured"]["value"]) == (3, 5)


def test_a_result_clause_of_another_kind_is_an_event_of_its_own(pipeline) -> None:
    records = code(
        pipeline,
        "Egyptian police opened fire to disperse Moslem fundamentalist demonstrators on Monday night, "
        "killing one person and arresting 12, security sources said.",
    )
    by_type = {r["type"]: r for r in records}
    assert by_type["ASSAULT"]["quantities"]["killed"]["value"] == 1
    assert "arrested" not in by_type["ASSAULT"]["quantities"]
    assert by_type["COERCE"]["quantities"]["arrested"]["value"] == 12


def test_an_offset_dates_the_clause_above_and_leaves_its_reference_point_undated(pipeline) -> None:
    text = (
        "Unidentified planes hit the field, 100 miles off Abu Dhabi, last November 25. "
        "Iran was working to reopen its Sassan field, located only a few miles away. Sassan was "
        "heavily damaged by an Iraqi air raid only 10 days before Abu al-Bukhoosh was attacked."
    )
    records = code(pipeline, text, datetime(1987, 3, 25, tzinfo=UTC))
    raid = find(records, "ASSAULT", "raid")
    assert [(a["text"], a["country"]) for a in raid["actor"]] == [("Iraqi", "IRQ")]
    # The bare "Sassan" is the field named before as Iran's.
    assert [(a["text"], a["country"]) for a in raid["recipient"]] == [("Sassan", "IRN")]
    assert raid["date"]["value"] == "1986-11-15"
    # The attack the offset counts from is not dated by it, nor by the publication date.
    attacked = find(records, "ASSAULT", "attacked")
    assert attacked["date"] is None


def test_a_declared_state_of_emergency_is_emergency_rule(pipeline) -> None:
    text = (
        "The crowd, one of the largest to attend a meeting since\nSouth Africa declared a state of "
        "emergency last June, also shouted approval of a proposal."
    )
    emergency = find(code(pipeline, text, datetime(1987, 3, 1, tzinfo=UTC)), "COERCE", "emergency")
    assert emergency["mode"] == ["martial-law"]
    assert [(a["text"], a["country"]) for a in emergency["actor"]] == [("South Africa", "ZAF")]
    assert (emergency["date"]["value"], emergency["historical"]) == ("1986-06", True)


def test_martial_law_needs_its_modifier(pipeline) -> None:
    assert [r["type"] for r in code(pipeline, "The army imposed martial law in the capital on Friday.")] == [
        "COERCE"
    ]
    assert [r["type"] for r in code(pipeline, "The state of the economy worried officials.")] == []


@pytest.mark.parametrize(
    ("text", "trigger", "tolls"),
    [
        (
            "The death toll from Saturday's attack on a mosque in Peshawar rose to 30, officials said.",
            "attack",
            {"killed": 30},
        ),
        (
            "Two soldiers died and three were wounded in an ambush by al-Shabaab militants "
            "in Lower Shabelle.",
            "ambush",
            {"killed": 2, "injured": 3},
        ),
        (
            "Clashes between the army and RSF fighters in El Fasher left dozens dead.",
            "Clashes",
            {"killed": 12},
        ),
        ("Three people were killed when police opened fire on the crowd.", "opened", {"killed": 3}),
    ],
)
def test_tolls_told_in_other_words_belong_to_the_attack(pipeline, text: str, trigger: str, tolls) -> None:
    records = code(pipeline, text)
    assert [r["type"] for r in records] == ["ASSAULT"]  # one attack, not a killing beside it
    attack = find(records, "ASSAULT", trigger)
    assert {role: q["value"] for role, q in attack["quantities"].items()} == tolls


@pytest.mark.parametrize(
    ("text", "trigger", "role", "value", "low"),
    [
        # ACLED notes: a victim named in the singular is one death.
        (
            "Unidentified armed men killed a rapid reaction forces officer in Tooz Khormatu.",
            "killed",
            "killed",
            1,
            None,
        ),
        (
            "A young man was killed in Ar-Rastan city by a sniper of the regime forces.",
            "killed",
            "killed",
            1,
            None,
        ),
        (
            "An Israeli settler was fatally stabbed by a Palestinian in the Old City of Jerusalem.",
            "stabbed",
            "killed",
            1,
            None,
        ),
        ("Police arrested a man in Basra on Sunday.", "arrested", "arrested", 1, None),
        # Every part of the list of victims is counted, and summed.
        (
            "Two security forces personnel were killed along with 15 militants in the clash.",
            "killed",
            "killed",
            17,
            None,
        ),
        ("At least 4 from the army and 15 from the militia were killed.", "killed", "killed", 19, 19),
        # Victims reported killed, a bare "one", "shot dead", the "of" of a killing.
        ("28 pro-Houthi fighters were reported killed and 23 injured.", "killed", "killed", 28, None),
        # The clash is the event, as "an attack ... killed" is, and carries its toll.
        ("An armed clash in Ain el Hilweh killed one and injured two.", "clash", "killed", 1, None),
        (
            "Unidentified gunmen have shot dead a prominent cleric in a mosque in Tarim.",
            "shot",
            "killed",
            1,
            None,
        ),
        (
            "Clashes between IS militants and PMF resulted in the killing of 5 IS militants.",
            "killing",
            "killed",
            5,
            None,
        ),
        # A word for the dead that the attack brought about.
        ("The clashes resulted in 23 fatalities of the Syrian Army.", "clashes", "killed", 23, None),
        (
            "Regime warplanes carried out raids on the town of Arbin, leading to 3 civilian deaths "
            "and additional injuries, as regime forces shelled the city.",
            "raids",
            "killed",
            3,
            None,
        ),
        # To gun down is to kill; a nationality with "a" is one person.
        (
            "Pro-Houthi snipers claim to have gunned down 3 Saudi soldiers in al-Dukhan Mountain "
            "in Jizan region.",
            "gunned",
            "killed",
            3,
            None,
        ),
        (
            "A Palestinian was killed during clashes with Israeli forces in the north of the occupied "
            "West Bank late Wednesday.",
            "killed",
            "killed",
            1,
            None,
        ),
        # A participle after a preposition is done to its subject.
        (
            "Heavy clashes erupted at the Palestinian refugee camp of Shatila between Fatah al-Intifada "
            "and Al-Saiqa Forces, resulting in at least one Fatah al-Intifada fighter killed.",
            "killed",
            "killed",
            1,
            1,
        ),
        # A passive coordinated without its auxiliary; an event noun in a when-clause.
        (
            "Islamic State militants targeted an Iraqi army convoy with a series of IED detonations "
            "in the area of Turaysha, an armored vehicle was destroyed and four soldiers killed.",
            "killed",
            "killed",
            4,
            None,
        ),
        (
            "Two civilians were killed when a Saudi-led coalition airstrike hit a car in Aqiq area "
            "on the 19th of Feb.",
            "airstrike",
            "killed",
            2,
            None,
        ),
        # A figure that opens a sentence stays with its noun.
        (
            "Fierce fighting took place between pro-Hadi forces and Houthi militias in Burkana, Madhabi, "
            "and Jabal Auid in Maqbanah. 5 Houthis were killed during clashes, and others wounded.",
            "killed",
            "killed",
            5,
            None,
        ),
        # A part the text does not count makes the figure a lower bound.
        (
            "An unknown number of Houthi fighters and a pro-Hadi commander were killed in the battles.",
            "killed",
            "killed",
            1,
            1,
        ),
    ],
)
def test_victims_are_counted_in_the_singular_and_summed_over_a_list(
    pipeline, text: str, trigger: str, role: str, value: int, low: int | None
) -> None:
    records = [r for r in code(pipeline, text) if r["evidence"]["trigger"] == trigger]
    assert records, f"no event on {trigger!r}"
    figure = records[0]["quantities"][role]
    assert (figure["value"], figure["low"]) == (value, low)


def test_the_sufferers_of_an_absolute_participle_are_its_recipients(pipeline) -> None:
    records = code(
        pipeline,
        "Heavy clashes erupted at the Palestinian refugee camp of Shatila between Fatah al-Intifada "
        "and Al-Saiqa Forces, resulting in at least one Fatah al-Intifada fighter killed.",
    )
    killing = find(records, "ASSAULT", "killed")
    assert killing["actor"] == []
    assert [a["text"] for a in killing["recipient"]] == ["at least one Fatah al-Intifada fighter"]


def test_those_reported_dead_are_the_toll_of_the_clash_before(pipeline) -> None:
    records = code(
        pipeline,
        "Pro-Hadi forces claim to have taken control over Jabal Ahmar and Al Sakhr mountains in Nihm "
        "district after clashing with Houthi militias. 18 Houthi forces were reported dead as a result "
        "of the clashes, and 2 military vehicles burned.",
    )
    assert find(records, "ASSAULT", "clashing")["quantities"]["killed"]["value"] == 18


def test_a_killing_told_again_by_its_perpetrators_and_victim_is_one_killing(pipeline) -> None:
    records = code(
        pipeline,
        "Unidentified gunmen opened fire and killed a senior officer of Yemen's Criminal Investigation "
        "Department (CID) in the southern port city of Aden on Monday. The perpetrators reportedly "
        "gunned down the CID officer in Mansoura neighborhood of Aden and fled on a motorcycle.",
    )
    assert [r["evidence"]["trigger"] for r in records if r["type"] == "ASSAULT"] == ["opened", "killed"]


def test_killed_or_wounded_is_no_death_toll(pipeline) -> None:
    records = code(pipeline, "Gunmen killed or wounded 20 people in the market on Friday.")
    assert records
    assert all("killed" not in r["quantities"] for r in records)


def test_a_plural_victim_without_a_number_has_no_figure(pipeline) -> None:
    records = code(pipeline, "Regime shelling killed civilians in eastern Ghouta.")
    assert records
    assert all("killed" not in r["quantities"] for r in records)


def test_a_weapon_in_a_when_clause_is_the_unnamed_attacker(pipeline) -> None:
    text = "At least 12 people were killed when a car bomb exploded near a checkpoint in Mogadishu on Sunday."
    (attack,) = code(pipeline, text)
    assert [(a["text"], a["sector"], a["country"]) for a in attack["actor"]] == [
        ("a car bomb", ["UAF"], "SOM")
    ]
    assert attack["quantities"]["killed"]["low"] == 12


@pytest.mark.parametrize(
    ("text", "event_type", "recipients"),
    [
        (
            "Houthi rebels fired a missile at a commercial ship in the Red Sea.",
            "ASSAULT",
            ["a commercial ship"],
        ),
        (
            "Ukrainian air defences shot down a Russian drone over Kyiv.",
            "ASSAULT",
            ["a Russian drone over Kyiv"],
        ),
        ("Hundreds of rioters torched cars and looted shops in Dakar.", "COERCE", ["cars"]),
        ("Israeli troops and Palestinian gunmen exchanged fire in Jenin.", "ASSAULT", ["Jenin"]),
    ],
)
def test_weapons_fired_are_not_targets_and_sites_are(
    pipeline, text: str, event_type: str, recipients
) -> None:
    record = find(code(pipeline, text), event_type, code(pipeline, text)[0]["evidence"]["trigger"])
    assert [a["text"] for a in record["recipient"]] == recipients


def test_a_big_city_the_model_calls_a_person_is_the_place_shelled(pipeline) -> None:
    (attack,) = code(
        pipeline, "Russian forces shelled Kharkiv overnight, killing four civilians, the governor said."
    )
    assert [(loc["name"], loc["country"]) for loc in attack["location"]] == [("Kharkiv", "UKR")]
    assert [(a["text"], a["country"]) for a in attack["recipient"]] == [("Kharkiv", "UKR")]
    assert attack["quantities"]["killed"]["value"] == 4


def test_who_claims_an_attack_is_its_actor_by_their_own_word(pipeline) -> None:
    (bombing,) = code(
        pipeline,
        "The Islamic State claimed responsibility for the suicide bombing that killed 14 people in Kabul.",
    )
    (actor,) = bombing["actor"]
    assert actor["text"] == "The Islamic State" and "claimed-responsibility" in actor["attributes"]
    assert bombing["quantities"]["killed"]["value"] == 14
    assert code(pipeline, "No group has claimed responsibility for the attack.") == []


def test_storming_a_town_is_an_attack_on_it(pipeline) -> None:
    (attack,) = code(
        pipeline, "Fighters from the Rapid Support Forces stormed the town of Wad Madani, residents said."
    )
    assert attack["type"] == "ASSAULT"
    assert [(a["text"], a["country"]) for a in attack["recipient"]] == [("Wad Madani", "SDN")]


def test_a_purpose_belongs_to_the_subject_unless_the_verb_hands_it_to_the_object(pipeline) -> None:
    records = code(
        pipeline, "Iran summoned the British ambassador on Monday to protest against the sanctions."
    )
    summoned = find(records, "ACCUSE", "summoned")
    assert [a["text"] for a in summoned["recipient"]] == ["the British ambassador"]  # not "... on Monday"
    assert [a["text"] for a in find(records, "PROTEST", "protest")["actor"]] == ["Iran"]
    expel = find(code(pipeline, "Iraqi MPs urged the government to expel US forces."), "SANCTION", "expel")
    assert [a["text"] for a in expel["actor"]] == ["the government"]


def test_a_toll_read_as_the_attack_nouns_clause_is_still_its_toll(pipeline) -> None:
    text = (
        "Israeli air strikes killed at least 25 Palestinians across the Gaza Strip on Thursday, "
        "officials said."
    )
    (attack,) = code(pipeline, text)
    assert attack["quantities"]["killed"]["low"] == 25


def test_leaving_dead_and_injured_is_the_toll_of_the_act_before(pipeline) -> None:
    (clash,) = code(
        pipeline, "Protesters clashed with police in Dhaka, leaving at least 6 dead and 100 injured."
    )
    assert {role: q["value"] for role, q in clash["quantities"].items()} == {"killed": 6, "injured": 100}


@pytest.mark.parametrize(
    ("text", "trigger", "killed"),
    [
        # ACLED notes (develop part): the toll told by the attack's result, its coordinated
        # act, or a noun for the dead, however the parser hangs it.
        ("Houthi forces shot dead 3 pro Hadi fighters in Midi desert in Hajjah on March 2.", "shot", 3),
        (
            "Clashes in Nihm between pro-Hadi troops and Houthi forces led to the death of 13 Houthi "
            "fighters, including two field commanders.",
            "Clashes",
            13,
        ),
        (
            "Houthi forces clashed with pro Hadi forces and took control of Sayad hill on February 23, "
            "leaving 18 pro Hadi fighters dead and others injured.",
            "clashed",
            18,
        ),
        (
            "HPG website reported that on April 27, the group conducted an attack on Turkish Forces and "
            "killed three soldiers in Yuksekova district of Hakkari.",
            "attack",
            3,
        ),
    ],
)
def test_the_toll_of_an_attack_told_by_its_course(pipeline, text: str, trigger: str, killed: int) -> None:
    attack = find(code(pipeline, text), "ASSAULT", trigger)
    assert attack["quantities"]["killed"]["value"] == killed


@pytest.mark.parametrize(
    ("text", "trigger", "killed"),
    [
        # ACLED notes (develop part): one victim, however the killing is told.
        ("A woman was shot and killed by a regime sniper in the northern countryside of Homs.", "killed", 1),
        ("Israeli forces shot one man dead and the other was injured and arrested.", "shot", 1),
        (
            "Islamic State militants assassinated the mokhtar (local official) in the Intissar area "
            "of Mosul.",
            "assassinated",
            1,
        ),
        # Those after "including" are among the seven, not beside them.
        (
            "At least seven people including a senior intelligence official, five policemen and Tribal "
            "fighters and a woman were killed.",
            "killed",
            7,
        ),
    ],
)
def test_victims_are_counted_once(pipeline, text: str, trigger: str, killed: int) -> None:
    attack = find(code(pipeline, text), "ASSAULT", trigger)
    assert attack["quantities"]["killed"]["value"] == killed


def test_an_attack_told_again_of_the_same_victims_is_one_attack(pipeline) -> None:
    text = (
        "A child was shot dead near Al Khulal in Al Misrakh of Taizz on February 14. It is said that "
        "the child was killed by a Houthi sniper according to pro Hadi sources."
    )
    (attack,) = code(pipeline, text)
    assert attack["quantities"]["killed"]["value"] == 1
    assert [a["text"] for a in attack["actor"]] == ["a Houthi sniper"]


def test_an_attack_also_told_on_the_same_victims_is_another_attack(pipeline) -> None:
    text = (
        "An unspecified number of Saudi soldiers were killed in clashes with pro-Hadi troops in Nahoqa, "
        "Najran. An explosion set by the Houthi rebels also killed an unspecified number of the soldiers "
        "in the same location."
    )
    assert len([r for r in code(pipeline, text) if r["type"] == "ASSAULT"]) == 2


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "recipient"),
    [
        # ACLED notes (develop part): a weapon thrown, launched or fired at a target.
        (
            "Regime forces launched four artillery shells at the Jobar neighborhood, causing material "
            "damage.",
            "launched",
            "Regime forces",
            "the Jobar neighborhood",
        ),
        (
            "Protesters threw stones at the police outside the governor's office.",
            "threw",
            "Protesters",
            "the police",
        ),
    ],
)
def test_a_weapon_thrown_or_launched_at_a_target_is_an_attack_on_it(
    pipeline, text: str, trigger: str, actor: str, recipient: str
) -> None:
    attack = find(code(pipeline, text), "ASSAULT", trigger)
    assert ([a["text"] for a in attack["actor"]], [r["text"] for r in attack["recipient"]]) == (
        [actor],
        [recipient],
    )


@pytest.mark.parametrize(
    "text",
    ["The army launched a campaign against corruption.", "The minister threw a party for the delegates."],
)
def test_launching_or_throwing_what_is_no_weapon_is_no_attack(pipeline, text: str) -> None:
    assert [r["type"] for r in code(pipeline, text)] == []


def test_the_dead_of_an_attack_on_a_thing_are_whom_it_struck(pipeline) -> None:
    # ACLED note (develop part): ACLED's "Violence against civilians".
    (attack,) = code(
        pipeline,
        "Unidentified gunmen opened fire on a car in Western Ghariyeh town in eastern Dar'a, killing a man.",
    )
    assert [(r["text"], r["sector"]) for r in attack["recipient"]] == [("a car", []), ("a man", ["CVL"])]
    assert attack["quantities"]["killed"]["value"] == 1


def test_a_killing_after_a_seizure_is_an_attack_of_its_own(pipeline) -> None:
    records = code(
        pipeline, "IS fighters were able to gain control over the station, killing 14 regime fighters."
    )
    assert find(records, "COERCE", "gain")["quantities"] == {}
    assert find(records, "ASSAULT", "killing")["quantities"]["killed"]["value"] == 14


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Clashes took place between pro-Hadi forces and Houthi forces in Nihm district. "
            "Unknown fatalities coded as 10.",
            10,
        ),
        (
            "Israeli jets struck a residential building in Gaza City on Monday. "
            "The death toll rose to 30 on Tuesday, the health ministry said.",
            30,
        ),
    ],
)
def test_a_count_of_the_dead_told_on_its_own_is_the_toll_of_the_attack_before(
    pipeline, text: str, killed: int
) -> None:
    (attack,) = [r for r in code(pipeline, text) if r["type"] == "ASSAULT"]
    assert attack["quantities"]["killed"]["value"] == killed
    assert attack["quantities"]["killed"]["text"] == str(killed)  # the figure where the text gives it


def test_a_count_of_the_dead_goes_to_no_attack_that_has_its_own(pipeline) -> None:
    text = "Gunmen killed two policemen in Kirkuk. Deaths were estimated at 200 across the province."
    (attack,) = [r for r in code(pipeline, text) if r["type"] == "ASSAULT"]
    assert attack["quantities"]["killed"]["value"] == 2


def test_a_weapons_test_is_a_show_of_force_not_an_attack(pipeline) -> None:
    (test,) = code(pipeline, "North Korea test-fired a ballistic missile into the sea off its east coast.")
    assert (test["type"], test["recipient"]) == ("MOBILIZE", [])
    assert [a["country"] for a in test["actor"]] == ["PRK"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Regime forces recaptured the town of Wasita after clashes with HTS.", "recaptured"),
        ("IS fighters were able to gain control over the station, killing 14 regime fighters.", "gain"),
        ("Pro-Houthi forces claim to have taken control over Qaita mountains in Jawf province.", "taken"),
        ("Olive Branch forces announced the capture of Medaya village in southwest Afrin.", "capture"),
        ("Regime forces managed to reclaim 18 villages in southern Aleppo.", "reclaim"),
        ("The Syrian army established full control over Abyan village in Hama.", "established"),
        # Ground named by its kind inside a quantity, by an Arabic generic word, or taken from someone.
        ("Rebel forces took control of a number of towns and villages in eastern Idleb.", "took"),
        ("Pro-Hadi soldiers took control over Jabal Hamam after violent clashes.", "took"),
        ("Turkish forces captured Basuta from YPG fighters.", "captured"),
    ],
)
def test_ground_seized_by_force_is_occupied_territory(pipeline, text: str, trigger: str) -> None:
    seizure = find(code(pipeline, text), "COERCE", trigger)
    assert seizure["mode"] == ["seize"]
    assert seizure["context"] == ["military", "territory"]


def test_things_seized_are_no_territory(pipeline) -> None:
    seizure = find(code(pipeline, "Iranian guards seized two Kuwaiti boats in the Gulf."), "COERCE", "seized")
    assert seizure["context"] == []
    seizure = find(code(pipeline, "Police seized weapons from the militants."), "COERCE", "seized")
    assert seizure["context"] == []


def test_coordinated_attack_verbs_share_their_victim_a_civilian(pipeline) -> None:
    records = code(
        pipeline,
        "Unidentified gunmen shot and killed a young man in the road between the towns of Da'el and Nawa.",
    )
    for trigger in ("shot", "killed"):
        attack = find(records, "ASSAULT", trigger)
        assert [(r["text"], r["sector"]) for r in attack["recipient"]] == [("a young man", ["CVL"])]


@pytest.mark.parametrize(
    ("text", "trigger", "mode"),
    [
        # The weapon fired at a target named after it.
        (
            "Pro-Houthi forces claim to have fired artillery shells at soldiers in al-Faridah sites "
            "in Al Khobh.",
            "fired",
            "heavy-weapons",
        ),
        # The weapon used.
        (
            "Militants attacked using a rocket from Afrin into the Reyhanli district.",
            "attacked",
            "heavy-weapons",
        ),
        # The weapon of a passive agent, shared by the coordinated passive verbs.
        (
            "2 Turkish soldiers were killed and 1 was injured by an improvised explosive device in Semdinli.",
            "killed",
            "explosives",
        ),
        # ACLED notes (develop part): the blow that killed is named in a phrase of its own.
        (
            "Reported on Tuesday, 17 April 2018: 7 PKK militants were killed during an airstrike "
            "conducted by the Turkish Military Forces in the Pervari district.",
            "killed",
            "aerial",
        ),
        (
            "On Feb 18, 1 civilian was injured in a suspected IS IED explosion in al-Radwaniyah area, "
            "southern Baghdad.",
            "injured",
            "explosives",
        ),
        # ACLED notes (develop part): what is fired states the mode, however it is told.
        (
            "A rocket was fired by the PYD/PKK militants from Afrin into the Sih Mehmet neighbourhood.",
            "fired",
            "heavy-weapons",
        ),
        (
            "Islamist factions launched around 20 shells on areas on Old Damascus city, killing 5 people.",
            "launched",
            "heavy-weapons",
        ),
        # The toll clause's blow is its main clause's object.
        (
            "A minibus carrying civilians triggered a road-side bomb in Sanah area, killing 3.",
            "killing",
            "explosives",
        ),
        # ACLED notes (develop part): shooting and executions told by a phrase or a noun.
        (
            "Pro-Houthi snipers claim to have gunned down 3 Saudi soldiers in al-Dukhan Mountain.",
            "gunned",
            "firearms",
        ),
        (
            "Unidentified tribal gunmen fired at three trucks carrying crude oil in Iyadh.",
            "fired",
            "firearms",
        ),
        (
            "HTS fighters carried out field executions against AAS fighters in Hazra village.",
            "executions",
            "targeted",
        ),
    ],
)
def test_the_weapon_states_the_mode(pipeline, text: str, trigger: str, mode: str) -> None:
    assert mode in find(code(pipeline, text), "ASSAULT", trigger)["mode"]


def test_a_weapon_destroyed_is_the_target_not_the_mode(pipeline) -> None:
    attack = find(
        code(pipeline, "Pro-Houthi forces destroyed a Saudi tank in Najran."), "ASSAULT", "destroyed"
    )
    assert attack["mode"] == ["destroy"]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("Russia accused Ukraine of striking a hospital in Donetsk.", "striking", "Ukraine"),
        ("Hamas blamed Israel for bombing the camp.", "bombing", "Israel"),
    ],
)
def test_the_accused_is_the_actor_of_what_they_are_accused_of_and_it_is_only_claimed(
    pipeline, text: str, trigger: str, actor: str
) -> None:
    attack = find(code(pipeline, text), "ASSAULT", trigger)
    assert [a["text"] for a in attack["actor"]] == [actor]
    assert attack["status"] == "claimed"


def test_an_allegation_accuses_the_doer_of_the_alleged_act(pipeline) -> None:
    records = code(pipeline, "The ministry alleged that rebels had executed 12 prisoners.")
    accusation = find(records, "ACCUSE", "alleged")
    assert [r["text"] for r in accusation["recipient"]] == ["rebels"]
    assert find(records, "ASSAULT", "executed")["status"] == "claimed"


def test_an_event_noun_referred_to_counts_no_one(pipeline) -> None:
    records = code(pipeline, "Protests followed the arrest of the opposition leader in Dhaka.")
    assert all("arrested" not in r["quantities"] for r in records)


def test_an_event_marked_by_its_anniversary_is_background_dated_years_back(pipeline) -> None:
    text = (
        "The European Union has approved a tenth package of sanctions against Russia on the one-year "
        "anniversary of Moscow's full-scale invasion of Ukraine, EU officials said."
    )
    invasion = find(code(pipeline, text, datetime(2023, 2, 24, tzinfo=UTC)), "ASSAULT", "invasion")
    assert (invasion["historical"], invasion["date"]["value"], invasion["date"]["text"]) == (
        True,
        "2022-02",
        "one-year anniversary",
    )


def test_an_execution_is_a_targeted_killing_and_acled_one_sided_violence(pipeline) -> None:
    text = "On Apr 03, IS militants executed a member of the Iraqi secret service near Marata village."
    execution = find(code(pipeline, text), "ASSAULT", "executed")
    assert execution["mode"] == ["targeted"]
    assert execution["quantities"]["killed"]["value"] == 1
    recipient_sectors = [s for r in execution["recipient"] for s in r["sector"]]
    kind = acled_type("ASSAULT", execution["mode"], recipient_sectors)
    assert kind == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    ("text", "trigger", "tolls"),
    [
        (
            "Israeli forces shot and injured an unarmed Palestinian man near Khirbat Jubarah. "
            "The man later succumbed to his wounds.",
            "injured",
            {"injured": 1, "killed": 1},
        ),
        ("Gunmen shot and wounded a policeman in Aden. He died of his injuries on Sunday.", "wounded",
         {"injured": 1, "killed": 1}),
        ("Islamic State militants abducted two shepherds near Ashlij village. The two shepherds were "
         "later found dead.", "abducted", {"killed": 2}),
        # Dying of something else is no toll of the attack.
        ("Gunmen shot and wounded a policeman in Aden. The former mayor died in 2010.", "wounded",
         {"injured": 1}),
    ],
)  # fmt: skip
def test_those_struck_who_die_of_it_later_are_the_attacks_dead(pipeline, text, trigger, tolls) -> None:
    attack = find(code(pipeline, text), "ASSAULT", trigger)
    assert {role: q["value"] for role, q in attack["quantities"].items()} == tolls


@pytest.mark.parametrize(
    ("text", "event_type", "trigger"),
    [
        # ACLED notes (develop part): "IS" is the Islamic State, never the verb "is".
        ("IS controlled Talhan village in north-eastern countryside of Hama.", "COERCE", "controlled"),
        ("IS militants attacked a checkpoint of the army near Hawija.", "ASSAULT", "attacked"),
    ],
)
def test_the_acronym_is_names_the_group_that_acts(pipeline, text: str, event_type: str, trigger: str) -> None:
    event = find(code(pipeline, text), event_type, trigger)
    assert event["actor"][0]["text"].startswith("IS")


def test_one_person_of_a_nation_is_a_civilian_and_their_killing_one_sided(pipeline) -> None:
    # ACLED note (develop part): "a Palestinian" is a person of no told role, not the country.
    records = code(pipeline, "A Palestinian was shot by Israeli forces near Hebron.")
    shot = find(records, "ASSAULT", "shot")
    victim = shot["recipient"][0]
    assert (victim["country"], victim["sector"]) == ("PSE", ["CVL"])
    sectors = [s for r in shot["recipient"] for s in r["sector"]]
    assert acled_type("ASSAULT", shot["mode"], sectors)[0] == "Violence against civilians"


def test_a_victim_named_by_a_trade_is_a_civilian(pipeline) -> None:
    records = code(pipeline, "Unidentified gunmen shot dead a pharmacist in Aden on Monday.")
    assert find(records, "ASSAULT", "shot")["recipient"][0]["sector"] == ["CVL"]


def test_a_place_after_in_gives_a_killing_no_mode(pipeline) -> None:
    records = code(pipeline, "Two men were killed in Gaza, where airstrikes continued overnight.")
    assert find(records, "ASSAULT", "killed")["mode"] == []


def test_clashes_that_broke_out_between_two_sides_have_both_as_parties(pipeline) -> None:
    clash = find(
        code(pipeline, "Clashes broke out between regime forces and rebels in Daraa."), "ASSAULT", "Clashes"
    )
    assert [a["text"] for a in clash["actor"]] == ["regime forces"]
    assert [r["text"] for r in clash["recipient"]] == ["rebels"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # ACLED notes (develop part): a sit-in is one word, not "sit" and "in".
        (
            "Staff of Yemen's Aden-based Ministry of Justice are holding a sit-in over unpaid salaries.",
            "sit-in",
        ),
        (
            "An unspecified but reportedly large number of Yemenis took to the streets of the capital "
            "Sana'a to denounce the rape of a woman.",
            "took",
        ),
    ],
)
def test_protests_told_by_idiom(pipeline, text: str, trigger: str) -> None:
    assert find(code(pipeline, text), "PROTEST", trigger)["mode"] == ["demo"]


def test_taking_to_anything_but_the_streets_is_no_protest(pipeline) -> None:
    assert not [
        r for r in code(pipeline, "The minister took to the podium on Monday.") if r["type"] == "PROTEST"
    ]


def test_who_an_act_is_done_for_is_neither_its_target_nor_its_place(pipeline) -> None:
    # Example aljazeera2023-31 (develop part).
    text = (
        "Yevgeny Prigozhin, founder of the Wagner private military company that is fighting on "
        "Moscow's behalf in Ukraine, took a bitter public feud with the top army brass to a new level."
    )
    fighting = find(code(pipeline, text), "ASSAULT", "fighting")
    assert fighting["recipient"] == []
    assert [p["country"] for p in fighting["location"]] == ["UKR"]


def test_hitting_out_at_someone_is_criticism(pipeline) -> None:
    text = "The owner of the Wagner Group hit out at Russia's military elite on Wednesday."
    hit = find(code(pipeline, text), "ACCUSE", "hit")
    assert hit["mode"] == ["disapprove"]
    assert not [r for r in code(pipeline, text) if r["type"] == "ASSAULT"]


def test_those_who_died_in_an_attack_are_its_victims_not_its_doers(pipeline) -> None:
    # Example bbc2023-165 (develop part).
    attack = find(
        code(pipeline, "Local authorities confirmed at least seven people died in the attack."),
        "ASSAULT",
        "attack",
    )
    assert attack["actor"] == []
    assert [r["text"] for r in attack["recipient"]] == ["at least seven people"]
    assert attack["quantities"]["killed"]["value"] == 7


def test_a_headline_kicker_names_no_actor(pipeline) -> None:
    # Example bbc2023-165 (develop part): "Ukraine war" is the story's topic.
    records = code(
        pipeline, "Ukraine war: Russian missile tears hole through Mykolaiv administrative building"
    )
    assert all(a["country"] != "UKR" for r in records for a in r["actor"])


@pytest.mark.parametrize(
    ("text", "trigger", "killed"),
    [
        # ACLED notes (develop part).
        (
            "1 civilian was beaten to death by QSD fighters in Arisha camp in Al-Hasakeh countryside.",
            "beaten",
            1,
        ),
        ("A man died under torture in a regime prison in Homs governorate.", "torture", 1),
    ],
)
def test_deaths_told_by_what_the_victims_died_of(pipeline, text: str, trigger: str, killed: int) -> None:
    assert find(code(pipeline, text), "ASSAULT", trigger)["quantities"]["killed"]["value"] == killed


def test_documenting_torture_does_not_make_one_its_doer(pipeline) -> None:
    assert not [
        r for r in code(pipeline, "Human rights groups documented the torture of detainees.") if r["actor"]
    ]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # ACLED notes (develop part): the parse makes "controlled" an adjective of the village.
        ("The Syrian army controlled Otaya town in Rural Damascus.", "controlled", "The Syrian army"),
        (
            "HTS controlled Taqad village in the western countryside of Aleppo after clashes with "
            "Nour Al Din Al Zinki Movement.",
            "controlled",
            "HTS",
        ),
        # Tagged a present verb, "retook" kept its form as its lemma.
        ("Rebels retook control of Tal Kalbah town in western Idleb following clashes.", "retook", "Rebels"),
    ],
)
def test_ground_taken_in_a_misparsed_clause_is_a_seizure(
    pipeline, text: str, trigger: str, actor: str
) -> None:
    seizure = find(code(pipeline, text), "COERCE", trigger)
    assert seizure["mode"] == ["seize"] and "territory" in seizure["context"]
    assert [a["text"] for a in seizure["actor"]] == [actor]


def test_a_controlled_thing_in_a_sentence_with_a_verb_is_no_seizure(pipeline) -> None:
    records = code(pipeline, "Residents fled the regime-controlled town of Douma on Monday.")
    assert not [r for r in records if r["type"] == "COERCE"]


def test_attacking_a_vehicle_is_force_not_words(pipeline) -> None:
    text = "The PKK militants attacked a vehicle carrying Turkish soldiers in the Ulgen village."
    assert find(code(pipeline, text), "ASSAULT", "attacked")["recipient"][0]["text"] == "a vehicle"


def test_executing_a_plan_is_no_killing(pipeline) -> None:
    assert not [r for r in code(pipeline, "The execution of the plan was delayed.") if r["type"] == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # ACLED notes (develop part): workers strike by stopping work.
        (
            "Around 100 workers of South Pars striked and gathered in front of the complex in Kangan.",
            "striked",
        ),
        (
            "A group of shopowners in Daran went on a strike to protest bad conditions of the market.",
            "strike",
        ),
    ],
)
def test_a_labour_strike_is_a_protest(pipeline, text: str, trigger: str) -> None:
    assert find(code(pipeline, text), "PROTEST", trigger)["mode"] == ["strike"]


def test_a_strike_on_a_target_stays_an_attack(pipeline) -> None:
    assert find(code(pipeline, "Israeli jets struck a Hamas post in Gaza."), "ASSAULT", "struck")


def test_a_date_before_the_verb_makes_no_phrasal_verb(pipeline) -> None:
    # ACLED note (develop part): "On March 27th, ... workers fired from health centers" is no "fire on".
    text = "On March 27th, tens of workers fired from health centers gathered in front of the governorate."
    assert not [r for r in code(pipeline, text) if r["type"] == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "trigger", "dead", "killed"),
    [
        (
            "The bodies of two men who had signs of torture were found on the outskirts of al-Bab.",
            "found",
            ["two men"],
            2,
        ),
        (
            "The body of a young man was found on the outskirts of the village of Najih.",
            "found",
            ["a young man"],
            1,
        ),
    ],
)
def test_bodies_found_tell_of_a_killing_by_no_one_named(pipeline, text, trigger, dead, killed) -> None:
    record = find(code(pipeline, text), "ASSAULT", trigger)
    assert record["actor"] == []
    assert [r["text"] for r in record["recipient"]] == dead
    assert record["quantities"]["killed"]["value"] == killed


def test_police_who_find_bodies_are_not_their_killers(pipeline) -> None:
    record = find(
        code(pipeline, "Police found the bodies of five men in a house in Baghdad."), "ASSAULT", "found"
    )
    assert "Police" not in [a["text"] for a in record["actor"]]
    assert record["quantities"]["killed"]["value"] == 5


def test_finding_what_is_no_body_is_no_event(pipeline) -> None:
    assert code(pipeline, "Police found weapons in the house.") == []


def test_an_attempted_killing_is_an_attack_that_killed_no_one(pipeline) -> None:
    text = "Unidentified gunmen attempted to assassinate a judge, opening fire near Qarnas village."
    record = find(code(pipeline, text), "ASSAULT", "assassinate")
    assert [a["text"] for a in record["actor"]] == ["Unidentified gunmen"]
    assert "killed" not in record["quantities"]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("YPG forces reportedly handed over Menagh town in northern Aleppo to QDW forces.", "RETREAT"),
        ("Islamic State fighters handed over control of the village of Jdideh to regime forces.", "RETREAT"),
        ("The Red Crescent handed over food aid to the refugees.", "AID"),
    ],
)
def test_ground_handed_over_is_a_withdrawal_and_goods_are_aid(pipeline, text, event_type) -> None:
    [record] = [r for r in code(pipeline, text) if r["evidence"]["trigger"] == "handed"]
    assert record["type"] == event_type
    assert ("withdraw" in record["mode"]) == (event_type == "RETREAT")


@pytest.mark.parametrize(
    ("text", "trigger", "event_type"),
    [
        # A crowd that gathers protests; ministers who gather do not.
        ("Workers of Urmia Steel company gathered in front of the governorate.", "gathered", "PROTEST"),
        ("Pro-secession demonstrators gathered in al-Orouth Square in Khormaksar.", "gathered", "PROTEST"),
        ("European foreign ministers gathered in Brussels on Monday.", "gathered", None),
        # Armed forces entering ground move; a company entering a market does not.
        (
            "Israeli forces early Monday entered Palestinian lands in Beit Lahia in Gaza.",
            "entered",
            "MOBILIZE",
        ),
        ("The company entered the Indian market last year.", "entered", None),
    ],
)
def test_a_frame_that_requires_its_subject_codes_only_that_subject(
    pipeline, text, trigger, event_type
) -> None:
    types = [r["type"] for r in code(pipeline, text) if r["evidence"]["trigger"] == trigger]
    assert types == ([event_type] if event_type else [])
