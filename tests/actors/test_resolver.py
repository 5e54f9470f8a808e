import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dyad.actors import make_actor_resolver
from dyad.errors import ConfigError
from dyad.model import Actor, Article, Event, EventType, TextSpan
from dyad.nlp import ParsedArticle, find_body_start, load_nlp

SHARED = Path(__file__).resolve().parents[3] / "shared"  # ../shared beside the repo, as CI has it

EXAMPLES = SHARED / "examples"
GOLD = SHARED / "gold" / "plover_gsr_dev.jsonl"


@pytest.fixture(scope="module")
def resolver():
    return make_actor_resolver()


def parse(text, published=None, article_id="t"):
    article = Article(article_id, text, published_at=published)
    offset = find_body_start(text)
    return ParsedArticle(article, load_nlp()(text[offset:]), offset)


def example(name):
    record = json.loads((EXAMPLES / f"{name}.jsonl").read_text().splitlines()[0])
    published = datetime.fromisoformat(record["published"]).replace(tzinfo=UTC)
    return parse(record["text"], published, record["id"])


def span_of(parsed, phrase, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = parsed.article.text.index(phrase, start + 1)
    return TextSpan(start, start + len(phrase), phrase)


def event(parsed, actor=None, recipient=None):
    trigger = TextSpan(0, 1, parsed.article.text[0])
    return Event(
        parsed.article.id,
        EventType.ACCUSE,
        trigger,
        trigger,
        "test.v1",
        actors=(Actor(span=span_of(parsed, actor)),) if actor else (),
        recipients=(Actor(span=span_of(parsed, recipient)),) if recipient else (),
    )


def resolve(resolver, parsed, phrase, occurrence=0):
    return resolver.resolve_span(parsed, span_of(parsed, phrase, occurrence))


# --- the guiding example -----------------------------------------------------------------


@pytest.fixture(scope="module")
def iraq():
    return example("iraq-mps-coalition")


def test_resolver_members_of_iraqi_parliament_are_irq_leg(resolver, iraq):
    (actor,) = resolve(resolver, iraq, "Around 100 members of the Iraqi parliament")
    assert (actor.country, actor.sector) == ("IRQ", ("LEG",))


def test_resolver_khazali_learned_from_apposition(resolver, iraq):
    (actor,) = resolve(resolver, iraq, "Faleh al-Khazali")
    assert (actor.name, actor.country, actor.sector) == ("Faleh al-Khazali", "IRQ", ("LEG",))
    assert actor.resolved_by == "apposition+document-country"
    assert "religion:shia" in actor.attributes


def test_resolver_later_khazali_and_shiite_lawmaker_corefer(resolver, iraq):
    (later,) = resolve(resolver, iraq, "Khazali", occurrence=1)
    (lawmaker,) = resolve(resolver, iraq, "The Shiite lawmaker")
    for actor in (later, lawmaker):
        assert (actor.name, actor.country, actor.sector) == ("Faleh al-Khazali", "IRQ", ("LEG",))
        assert actor.resolved_by == "coreference"


def test_resolver_mandalawi_is_irq_leg_via_the_parliament(resolver, iraq):
    (actor,) = resolve(resolver, iraq, "The parliament’s First Deputy Speaker Muhsin al-Mandalawi")
    assert (actor.name, actor.country, actor.sector) == ("Muhsin al-Mandalawi", "IRQ", ("LEG",))
    assert actor.resolved_by is not None


def test_resolver_coalition_is_multinational_mil(resolver, iraq):
    (actor,) = resolve(resolver, iraq, "the coalition", occurrence=1)
    assert actor.name == "Global Coalition against ISIS"
    assert actor.country is None
    assert actor.sector == ("MIL",)
    assert "led_by:USA" in actor.attributes


def test_resolver_iran_aligned_militias_are_prm_aligned_irn(resolver, iraq):
    (actor,) = resolve(resolver, iraq, "Iran-aligned militias")
    assert actor.sector == ("PRM",)
    assert "aligned:IRN" in actor.attributes
    assert actor.country is None  # alignment is not nationality


@pytest.mark.parametrize(
    ("text", "phrase", "country", "attribute"),
    [
        # ACLED-style notes: forces for a leader or a group of a country are of that country.
        ("Pro-Hadi troops reportedly took control of Jabal Sha'ir.", "Pro-Hadi troops", "YEM", "aligned:YEM"),
        ("Pro-Houthi forces shelled positions in Hays.", "Pro-Houthi forces", "YEM", "aligned:YEM"),
        ("Houthi-led fighters attacked the camp.", "Houthi-led fighters", "YEM", "led_by:YEM"),
        # Backed by a state or a group, or against one: the side, never the nationality.
        ("Iran-backed militias fired rockets.", "Iran-backed militias", None, "aligned:IRN"),
        ("Pro-Iranian militias fired rockets.", "Pro-Iranian militias", None, "aligned:IRN"),
        ("Anti-Houthi fighters stormed the town.", "Anti-Houthi fighters", None, "opposed:YEM"),
    ],
)
def test_resolver_forces_for_a_leader_or_group_take_its_country(resolver, text, phrase, country, attribute):
    parsed = parse(text, datetime(2018, 3, 7, tzinfo=UTC))
    (actor,) = resolve(resolver, parsed, phrase)
    assert actor.country == country
    assert attribute in actor.attributes


def test_resolver_us_forces_government_and_american_attacks(resolver, iraq):
    (forces,) = resolve(resolver, iraq, "US forces")
    (government,) = resolve(resolver, iraq, "The Iraqi government")
    (attacks,) = resolve(resolver, iraq, "American retaliatory attacks")
    assert (forces.country, forces.sector) == ("USA", ("MIL",))
    assert (government.country, government.sector, government.resolved_by) == ("IRQ", ("GOV",), "kb:country")
    assert attacks.country == "USA"


def test_resolver_splits_kurdish_and_iraqi_forces(resolver, iraq):
    actors = resolve(resolver, iraq, "Kurdish and Iraqi forces")
    assert [a.span.text for a in actors] == ["Kurdish", "Iraqi forces"]
    assert all(a.sector == ("MIL",) for a in actors)
    assert "ethnicity:kurdish" in actors[0].attributes


def test_resolver_stage_fills_events_and_coded_by(resolver, iraq):
    (out,) = resolver(iraq, [event(iraq, "US forces", "Iran-aligned militias")])
    assert out.actors[0].country == "USA"
    assert out.recipients[0].sector == ("PRM",)
    assert out.coded_by == ("actors.dictionary.v1",)


def test_resolver_named_kb_people_with_their_roles_on_the_day(resolver, iraq):
    (soleimani,) = resolve(resolver, iraq, "Iranian commander Qasem Soleimani")
    (muhandis,) = resolve(resolver, iraq, "Muhandis", occurrence=1)
    assert (soleimani.country, soleimani.sector, soleimani.resolved_by) == ("IRN", ("MIL",), "kb:named")
    assert (muhandis.name, muhandis.country, muhandis.sector) == ("Abu Mahdi al-Muhandis", "IRQ", ("PRM",))


# --- Reuters examples ------------------------------------------------------------------------


def test_resolver_kuwait_foreign_ministry_and_pronoun(resolver):
    parsed = example("reuters21578-17925")
    (ministry,) = resolve(resolver, parsed, "the Foreign Ministry")
    it_said = span_of(parsed, "It said Iranian")
    (it,) = resolver.resolve_span(parsed, TextSpan(it_said.start_char, it_said.start_char + 2, "It"))
    (the_ministry,) = resolve(resolver, parsed, "the Ministry")
    for actor in (ministry, it, the_ministry):
        assert (actor.country, actor.sector) == ("KWT", ("GOV",))
    assert it.resolved_by == "coreference"


def test_resolver_irna_kuna_and_crown_prince(resolver):
    parsed = example("reuters21578-17925")
    (irna,) = resolve(resolver, parsed, "The Iranian News Agency IRNA")
    (kuna,) = resolve(resolver, parsed, "the Kuwait\nNews Agency KUNA")
    (prince,) = resolve(resolver, parsed, "Kuwait's Crown Prince")
    assert (irna.country, irna.sector) == ("IRN", ("JRN",))
    assert (kuna.country, kuna.sector) == ("KWT", ("JRN",))
    assert (prince.country, prince.sector) == ("KWT", ("GOV",))


def test_resolver_state_department_we_and_journalist(resolver):
    parsed = example("reuters21578-18717")
    (glass,) = resolve(resolver, parsed, "American journalist Charles Glass")
    (dept,) = resolve(resolver, parsed, "the department")
    (usayran,) = resolve(resolver, parsed, "Usayran", occurrence=1)
    assert (glass.name, glass.country, glass.sector, glass.resolved_by) == (
        "Charles Glass",
        "USA",
        ("JRN",),
        "sector-noun",
    )
    assert (dept.country, dept.sector, dept.resolved_by) == ("USA", ("GOV",), "coreference")
    assert usayran.country == "LBN"
    we = span_of(parsed, "we repeat")
    (actor,) = resolver.resolve_span(parsed, TextSpan(we.start_char, we.start_char + 2, "we"))
    assert (actor.country, actor.sector) == ("USA", ("GOV",))


def test_resolver_kidnappers_are_uaf_without_country(resolver):
    parsed = example("reuters21578-18717")
    (actor,) = resolve(resolver, parsed, "the kidnappers")
    assert (actor.country, actor.sector) == (None, ("UAF",))


def test_resolver_saudi_crown_prince_and_naval_forces(resolver):
    parsed = example("reuters21578-20891")
    (prince,) = resolve(resolver, parsed, "Saudi Arabia's Crown Prince Abdullah\nbin Abdul Aziz")
    (later,) = resolve(resolver, parsed, "the Crown\nPrince")
    (navy,) = resolve(resolver, parsed, "U.S. naval forces")
    (pentagon,) = resolve(resolver, parsed, "the Pentagon")
    (reagan,) = resolve(resolver, parsed, "President Reagan")
    assert (prince.country, prince.sector, prince.resolved_by) == ("SAU", ("GOV",), "kb:named")
    assert (later.country, later.sector) == ("SAU", ("GOV",))
    assert (navy.country, navy.sector) == ("USA", ("MIL",))
    assert (pentagon.country, pentagon.sector) == ("USA", ("MIL",))
    assert (reagan.name, reagan.country, reagan.sector) == ("Ronald Reagan", "USA", ("GOV",))


def test_resolver_unidentified_planes_are_uaf(resolver):
    parsed = example("reuters21578-9208")
    (planes,) = resolve(resolver, parsed, "Unidentified planes")
    (tehran,) = resolve(resolver, parsed, "Tehran")
    (western,) = resolve(resolver, parsed, "Western diplomats")
    assert (planes.country, planes.sector) == (None, ("UAF",))
    assert (tehran.country, tehran.sector) == ("IRN", ("GOV",))
    assert western.country is None


def test_resolver_iraqi_warplanes_and_miners(resolver):
    (warplanes,) = resolve(resolver, example("reuters21578-8440"), "Iraqi warplanes")
    (miners,) = resolve(resolver, example("reuters21578-309"), "About 15,000 miners")
    assert (warplanes.country, warplanes.sector) == ("IRQ", ("MIL",))
    assert miners.sector == ("LAB", "CVL")


# --- date-bounded roles -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("published", "name", "sector"),
    [
        (datetime(1987, 10, 19, tzinfo=UTC), "George H. W. Bush", ("GOV",)),
        (datetime(2005, 3, 1, tzinfo=UTC), "George W. Bush", ("GOV",)),
        (datetime(1995, 3, 1, tzinfo=UTC), "George H. W. Bush", ("ELI",)),
    ],
)
def test_resolver_bush_depends_on_the_date(resolver, published, name, sector):
    parsed = parse("Bush met the Saudi foreign minister on Monday.", published)
    (actor,) = resolve(resolver, parsed, "Bush")
    assert (actor.name, actor.country, actor.sector) == (name, "USA", sector)


def test_resolver_sudani_before_and_after_taking_office(resolver):
    text = "Mohammed Shia al-Sudani criticised the strikes."
    before = resolve(resolver, parse(text, datetime(2021, 6, 1, tzinfo=UTC)), "Mohammed Shia al-Sudani")[0]
    after = resolve(resolver, parse(text, datetime(2023, 6, 1, tzinfo=UTC)), "Mohammed Shia al-Sudani")[0]
    assert before.sector == ("ELI",)
    assert after.sector == ("GOV",)
    assert before.country == after.country == "IRQ"


# --- PLOVER gold sentences ----------------------------------------------------------------------

GOLD_CASES = [
    ("PLOVER-GSR01-DISAPPROVE-0004", "Haitian government", "HTI", "GOV"),
    ("PLOVER-GSR01-DISAPPROVE-0012", "Nigeria", "NGA", None),
]


def gold_records():
    return {r["id"]: r for r in map(json.loads, GOLD.read_text().splitlines())}


@pytest.mark.parametrize(
    ("record_id", "phrase", "country", "sector"), GOLD_CASES, ids=[c[0] for c in GOLD_CASES]
)
def test_resolver_gold_sentences(resolver, record_id, phrase, country, sector):
    parsed = parse(gold_records()[record_id]["text"])
    (actor,) = resolve(resolver, parsed, phrase)
    assert actor.country == country
    assert (actor.sector[:1] or (None,))[0] == sector


@pytest.mark.parametrize(
    ("text", "phrase", "country", "sector"),
    [
        (
            "The Sudanese government has refused to negotiate with Darfur rebels.",
            "Darfur rebels",
            "SDN",
            "REB",
        ),
        (
            "Judge Alejandro Rivera charged Chilean government officials.",
            "Chilean government officials",
            "CHL",
            "GOV",
        ),
        ("Turkish police detained students at Cumhuriyet University.", "Turkish police", "TUR", "COP"),
        ("Israeli soldiers shot Palestinians in the West Bank.", "Israeli soldiers", "ISR", "MIL"),
        ("Ousted President Askar Akayev condemned the vote.", "Ousted President Askar Akayev", "KGZ", "ELI"),
        ("The IAEA criticised Iran.", "The IAEA", "IGO", None),
    ],
)
def test_resolver_common_phrases(resolver, text, phrase, country, sector):
    (actor,) = resolve(resolver, parse(text), phrase)
    assert actor.country == country
    assert (actor.sector[:1] or (None,))[0] == sector


# --- user files -------------------------------------------------------------------------------------


def test_make_actor_resolver_reads_user_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "named:\n  - name: Kataib Sayyid al-Shuhada\n    aliases: [KSS]\n"
        "    country: IRQ\n    sector: [PRM]\n"
    )
    resolver = make_actor_resolver([str(path)])
    parsed = parse("KSS fighters attacked the base.")
    (actor,) = resolve(resolver, parsed, "KSS")
    assert (actor.name, actor.country, actor.sector) == ("Kataib Sayyid al-Shuhada", "IRQ", ("PRM",))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "named:\n  - name: X\n    country: IRQ\n    sector: [BAD]\n",
            "mine.yaml:4: unknown sector code(s) BAD",
        ),
        ("named:\n  - name: X\n    country: Iraq\n", "mine.yaml:3: country must be an ISO alpha-3 code"),
        ("people:\n  - name: X\n", "mine.yaml:1: unknown section 'people'"),
        (
            "named:\n  - name: X\n    roles: [{sector: [GOV], from: yesterday}]\n",
            "mine.yaml:3: from 'yesterday'",
        ),
        ("named:\n  - name: [unclosed\n", "mine.yaml:3: not valid YAML"),
        ("named:\n  - aliases: [X]\n", "mine.yaml:2: entry has no 'name'"),
    ],
)
def test_make_actor_resolver_malformed_file_names_file_and_line(tmp_path, content, message):
    path = tmp_path / "mine.yaml"
    path.write_text(content)
    with pytest.raises(ConfigError) as info:
        make_actor_resolver([str(path)])
    assert message in str(info.value)


def test_make_actor_resolver_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read actor file"):
        make_actor_resolver([str(tmp_path / "absent.yaml")])
