"""Event clustering: reports of the same real-world event across articles become one event.

Input: event mentions, as output-contract records or stored ``events`` rows
(``Mention.from_record``, ``Mention.from_row``). Output: a cluster id per mention (its
cluster's founding mention's ``event_id``, stable as later reports join) and the merged
event of each cluster (``EventCluster``: the most precise date and place, casualty figures
with every source's value kept, how many mentions, articles and sources report it).
Works on plain records only, never on spaCy objects; the store runs it at ingest.
"""

from dyad.cluster.clusterer import Clusterer, cluster_mentions
from dyad.cluster.compare import DEFAULT_SETTINGS, ClusterSettings, compatible, similarity
from dyad.cluster.mention import Mention, Party, Place, timex_span
from dyad.cluster.merge import EventCluster, Figure, FigureRange, merge_cluster

__all__ = [
    "DEFAULT_SETTINGS",
    "ClusterSettings",
    "Clusterer",
    "EventCluster",
    "Figure",
    "FigureRange",
    "Mention",
    "Party",
    "Place",
    "cluster_mentions",
    "compatible",
    "merge_cluster",
    "similarity",
    "timex_span",
]
