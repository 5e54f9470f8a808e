"""Named operations (``dyad.cluster.operations``) and the undated references that name them.

The reports are Reuters-21578 sentences of 7 April 1987 with fields set by hand as dyad codes
them: an April story's background line on January's Karbala-5 offensive, and the day's news
of the new Karbala-8 offensive on the same front.
"""

from __future__ import annotations

import pytest

from dyad.cluster import Clusterer, ClusterSettings
from dyad.cluster.compare import fell_back
from dyad.cluster.operations import operation_names

from .records import IRAQ, mention, party, place, record

BASRA = place("Basrah", "IRQ", "town", 30.50852, 47.7804)
KARBALA5_SENTENCE = (
    "Iran launched a major offensive, codenamed Karbala-5, towards the major southern Iraqi port "
    "of Basra in January, but there have been no reports of heavy fighting in the area in recent "
    "weeks."
)
# reuters21578:13365 and :13529 carry the same background line; dyad dates it by the report.
KARBALA5 = record(
    "reuters21578:13365",
    KARBALA5_SENTENCE,
    "offensive",
    date="1987-04-07",
    basis="publication",
    actor=[party("IRN", text="Iran")],
    location=[BASRA],
    sentence_start=243,
)
KARBALA5_AGAIN = {**KARBALA5, "article_id": "reuters21578:13529", "event_id": "4cce14f1c46fb514"}
# reuters21578:13527: the new offensive, dated by the text ("today").
CHECKING = record(
    "reuters21578:13527",
    "Iraq said today its troops had killed thousands of Iranians in checking a new Tehran "
    "offensive on their southern war front.",
    "offensive",
    date="1987-04-07",
    actor=[party("IRN", "GOV", text="Iran")],
    recipient=[party("IRQ", "PTY", text="the party's")],
    location=[IRAQ],
)
KARBALA8 = record(
    "reuters21578:13527",
    "The Iranian news agency IRNA said Iranian forces had killed or wounded over 2,600 Iraqis in "
    "their new Karbala-8 offensive and the thrust through Iraqi defences was continuing.",
    "offensive",
    date="1987-04-07",
    basis="publication",
    actor=[party("IRN", "MIL", text="their")],
    recipient=[party("IRQ", "CVL", text="over 2,600 Iraqis")],
    location=[IRAQ],
    sentence_start=520,
)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (KARBALA5_SENTENCE, {"karbala-5"}),
        ("in their new Karbala-8 offensive", {"karbala-8"}),
        ("U.S. forces began Operation Nimble Archer at 1400 Gulf time", {"nimble archer"}),
        ("Iraq said today its troops had killed thousands of Iranians", set()),
    ],
    ids=["codenamed", "numbered", "operation", "none"],
)
def test_operations_names_in_a_sentence(sentence, names):
    assert operation_names(sentence) == names


def test_issue14_undated_reference_to_karbala5_does_not_gather_karbala8_reports():
    first = mention(KARBALA5, "1987-04-07T03:18:44")
    assert fell_back(first)
    checking = mention(CHECKING, "1987-04-07T07:19:19")
    karbala8 = mention(KARBALA8, "1987-04-07T07:19:19")
    again = mention(KARBALA5_AGAIN, "1987-04-07T07:19:32")
    # Same actor, day and front: without the rule the new offensive joins the January one.
    loose = Clusterer(ClusterSettings(named_background=False))
    assert loose.add(first) == loose.add(checking)
    clusterer = Clusterer()
    founded = clusterer.add(first)
    new = clusterer.add(checking)
    assert new != founded
    # The report naming Karbala-8 joins the new offensive; the same background line joins its own.
    assert clusterer.add(karbala8) == new
    assert clusterer.add(again) == founded
