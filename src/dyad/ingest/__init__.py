"""Read news articles from files, directories and stdin.

Input: input names — ``.jsonl``/``.json`` JSON-lines files, ``.txt`` and ``.html``
files, directories of them, ``-`` for stdin. Output: ``Article`` records, in input
order, with an ``IngestError`` yielded (not raised) in place of each bad record, so
a bad line never loses the good ones around it.
"""

from dyad.ingest.records import article_from_record, parse_published
from dyad.ingest.sources import read_articles

__all__ = ["article_from_record", "parse_published", "read_articles"]
