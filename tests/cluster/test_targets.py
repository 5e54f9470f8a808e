"""The target an act names (``dyad.cluster.targets``), and how it keeps one day's raids apart.

The reports are Reuters-21578 sentences with fields set by hand as dyad codes them.
"""

from __future__ import annotations

from dyad.cluster import Clusterer, ClusterSettings
from dyad.cluster.clusterer import _against_targets
from dyad.cluster.targets import same_name, target_kinds, target_names

from .records import GULF, mention, party, record

# 23 March 1987 (reuters21578:8167): two Iraqi raids, one on each of two Iranian oilfields.
NOWRUZ = record(
    "reuters21578:8167",
    "Iraq said its warplanes launched two bombing raids on Iran's offshore Nowruz oilfield in the "
    "northern Gulf today.",
    "raids",
    date="1987-03-23",
    actor=[party(None, "MIL", text="its warplanes")],
    recipient=[party("IRN", text="Iran's offshore Nowruz oilfield")],
)
ARDESHIR_SENTENCE = (
    "Iraqi planes yesterday raided the nearby Ardeshir oil field, resuming attacks on Iranian "
    "targets after a month-long lull."
)
ARDESHIR = record(
    "reuters21578:8167",
    ARDESHIR_SENTENCE,
    "raided",
    date="1987-03-22",
    actor=[party("IRQ", "MIL", text="Iraqi planes")],
    recipient=[party("IRN", text="the nearby Ardeshir oil field")],
    sentence_start=484,
)
RESUMING = record(
    "reuters21578:8167",
    ARDESHIR_SENTENCE,
    "attacks",
    date="1987-03-22",
    actor=[party("IRQ", "MIL", text="Iraqi planes")],
    recipient=[party("IRN", text="Iranian targets")],
    sentence_start=484,
)
PUBLISHED = "1987-03-23T06:08:19"


def test_targets_are_the_names_of_the_field_not_of_its_country():
    assert target_names(mention(NOWRUZ, PUBLISHED)) == {"nowruz"}
    assert target_names(mention(ARDESHIR, PUBLISHED)) == {"ardeshir"}
    # "Iranian targets" say whose they are, not which.
    assert target_names(mention(RESUMING, PUBLISHED)) == frozenset()


def test_targets_same_name_is_a_name_or_its_adjective():
    assert same_name("iran", "iranian") and same_name("lebanon", "lebanese")
    assert same_name("palestine", "palestinian")
    assert not same_name("nowruz", "ardeshir") and not same_name("iran", "iraq")


def test_issue14_clusterer_keeps_raids_on_two_named_oilfields_apart():
    nowruz, ardeshir = mention(NOWRUZ, PUBLISHED), mention(ARDESHIR, PUBLISHED)
    # One actor, overlapping days, one article: without the targets the two raids are one.
    together = Clusterer(ClusterSettings(distinct_targets=False))
    assert together.add(nowruz) == together.add(ardeshir)
    apart = Clusterer()
    assert apart.add(nowruz) != apart.add(ardeshir)


# 19 October 1987: the U.S. shelling of the Rashadat platforms, which one report also calls Rostam.
FIRED = record(
    "reuters21578:21013",
    "U.S. Defense Secretary Caspar Weinberger told a Pentagon news conference the destroyers Kidd, "
    "Young, Leftwich and Hoel fired about 1,000 rounds of five-inch shells at Iran's Rostam oil rig "
    "120 miles east of Bahrain beginning at about 1400 Gulf time (0700 EDT) on Monday.",
    "fired",
    date="1987-10-19",
    recipient=[party("IRN", text="Iran's Rostam oil rig 120 miles east of Bahrain")],
    location=[GULF],
)
FORMERLY = record(
    "reuters21578:21149",
    "Washington said four American frigates shelled and destroyed two Iranian platforms at the "
    "Rashadat (formerly Rostam) field at 1100 GMT on Monday in response to Friday's missile attack "
    "on a U.S.-flag ship in Kuwaiti waters.",
    "shelled",
    date="1987-10-19",
    actor=[party("USA", text="four American frigates")],
    recipient=[party("IRN", text="two Iranian platforms")],
)
RASHADAT = record(
    "reuters21578:21149",
    "A broadcast monitored in Nicosia said several civilian personnel on the Rashadat oil platforms "
    "in the Gulf east of Qatar were injured when U.S. Warships bombarded them this afternoon.",
    "bombarded",
    date="1987-10-19",
    actor=[party("USA", "MIL", text="U.S. Warships")],
    recipient=[party(None, text="the Rashadat oil platforms")],
    sentence_start=267,
)


def test_targets_a_name_any_report_of_the_cluster_gives_is_no_other_target():
    clusterer = Clusterer()
    clusterer.seed(mention(FIRED, "1987-10-19T15:23:36"), "rostam")
    rashadat = mention(RASHADAT, "1987-10-19T13:52:56")
    assert target_names(rashadat) == {"rashadat"}
    assert _against_targets(rashadat, clusterer._clusters["rostam"])
    # Once a report says "the Rashadat (formerly Rostam) field", the two names are one target.
    clusterer.seed(mention(FORMERLY, "1987-10-19T13:52:56"), "rostam")
    assert not _against_targets(rashadat, clusterer._clusters["rostam"])


# 23 March 1987 (reuters21578:8516): the day after the Ardeshir raid, Iraq's attack on a
# supertanker off Kharg; no proper name tells it from the field, the kind of target does.
SUPERTANKER = record(
    "reuters21578:8516",
    "Iraq said its warplanes had attacked a supertanker and four Iranian oil sites and vowed to "
    "keep up such raids until the Gulf war ends.",
    "attacked",
    date="1987-03-23",
    actor=[party("IRQ", "MIL", text="Iraqi warplanes")],
    recipient=[party("IRN", text="a supertanker and four Iranian oil sites"), party("IRN", text="Iran")],
)
# 19 October 1987 (reuters21578:21002): gunboats destroyed earlier in the month, told in a
# report of the platform attack and dated by the report.
GUNBOATS = record(
    "reuters21578:21002",
    "U.S. helicopters destroyed three Iranian gunboats after an American helicopter came under "
    "fire earlier this month and U.S. forces attacked, seized, and sank an Iranian ship they said "
    "had been caught laying mines.",
    "destroyed",
    date="1987-10-19",
    basis="publication",
    actor=[party("USA", "MIL", text="U.S. helicopters")],
    recipient=[party("IRN", "MIL", text="three Iranian gunboats")],
    sentence_start=532,
)


def test_targets_kind_is_the_head_of_the_first_recipient():
    assert target_kinds(mention(SUPERTANKER, "1987-03-23T16:31:12")) == {"vessel"}
    assert target_kinds(mention(ARDESHIR, PUBLISHED)) == {"field"}
    assert target_kinds(mention(FIRED, "1987-10-19T15:23:36")) == {"rig"}
    assert target_kinds(mention(GUNBOATS, "1987-10-19T15:35:53")) == {"boat"}
    # "Iranian targets" say nothing of what was hit.
    assert target_kinds(mention(RESUMING, PUBLISHED)) == frozenset()


def test_issue14_clusterer_keeps_a_tanker_out_of_an_oilfield_raid():
    ardeshir, tanker = mention(ARDESHIR, PUBLISHED), mention(SUPERTANKER, "1987-03-23T16:31:12")
    # One actor, days a day apart, neither target named the other's way.
    together = Clusterer(ClusterSettings(distinct_kinds=False))
    assert together.add(ardeshir) == together.add(tanker)
    apart = Clusterer()
    assert apart.add(ardeshir) != apart.add(tanker)
