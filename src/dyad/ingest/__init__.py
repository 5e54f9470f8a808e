"""Read news articles from files, directories, URLs and stdin.

Input: input names — JSON lines or JSON arrays (``.jsonl``/``.json``), ``.csv``/``.tsv``
tables, ``.txt`` and ``.html`` files, RSS/Atom feeds (``.xml``/``.rss``/``.atom``), web
archives (``.warc``), any of them gzipped (``.gz``), directories of them, ``http(s)://``
addresses of feeds and pages, ``-`` for stdin. Output: ``Article`` records, in input
order, with an ``IngestError`` yielded (not raised) in place of each bad record, so a bad
line never loses the good ones around it.
"""

from dyad.ingest.fields import FieldMap
from dyad.ingest.published import parse_published
from dyad.ingest.records import article_from_record
from dyad.ingest.sources import read_articles

__all__ = ["FieldMap", "article_from_record", "parse_published", "read_articles"]
