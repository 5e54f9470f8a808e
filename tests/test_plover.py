"""The PLOVER ontology tables and the CAMEO crosswalk."""

from dyad.model import EventType
from dyad.plover import QUADS, from_cameo, score, to_cameo


def test_every_type_has_a_quad_and_a_score() -> None:
    for event_type in EventType:
        assert QUADS[event_type] in {
            "verbal cooperation",
            "material cooperation",
            "verbal conflict",
            "material conflict",
        }
        assert -10 <= score(event_type) <= 10


def test_mode_refines_the_score() -> None:
    assert score(EventType.ASSAULT) == -9
    assert score(EventType.ASSAULT, ("drone",)) == -9.5
    assert score(EventType.PROTEST, ("riot",)) == -7


def test_reverse_crosswalk_round_trips() -> None:
    assert to_cameo(EventType.COERCE, ("arrest",)) == "173"
    assert from_cameo(to_cameo(EventType.COERCE, ("arrest",))).event_type == EventType.COERCE
    assert to_cameo(EventType.ASSAULT, ("abduct",)) == "181"
    assert from_cameo("0841").mode == "release"
    assert from_cameo("1953").event_type == EventType.ASSAULT  # falls back to its parent code 195
