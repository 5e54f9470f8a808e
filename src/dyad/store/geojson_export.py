"""GeoJSON for maps: a FeatureCollection of the located events (RFC 7946).

Each event with coordinates is one Feature: a Point at ``[longitude, latitude]`` (RFC 7946's
order), its ``id`` the event id, its properties the main flat fields. Events with no
coordinates are left out: a map has nowhere to put them.
"""

from __future__ import annotations

import json
from typing import Any

import polars as pl

GEOJSON_PROPERTIES = (
    "event_id", "article_id", "type", "mode", "context", "cameo", "quad_class", "score", "status",
    "event_date", "date_granularity", "actor_name", "actor_text", "actor_country", "actor_sector",
    "recipient_name", "recipient_text", "recipient_country", "recipient_sector", "location_name",
    "location_country", "location_admin1", "geo_precision", "geonameid", "killed", "injured",
    "arrested", "size", "trigger_text", "sentence", "confidence", "rule", "url",
)  # fmt: skip


def geojson_collection(events: pl.DataFrame, articles: pl.DataFrame) -> dict[str, Any]:
    """Return the located ``events`` (store ``events`` rows) as a GeoJSON FeatureCollection.

    ``articles`` gives each article's ``url``. List fields (modes, contexts) are arrays;
    dates are ISO strings.
    """
    located = events.filter(pl.col("latitude").is_not_null() & pl.col("longitude").is_not_null())
    located = located.join(articles.select("article_id", "url"), on="article_id", how="left")
    properties = located.select(GEOJSON_PROPERTIES).with_columns(pl.col("event_date").cast(pl.String))
    features = [
        {
            "type": "Feature",
            "id": props["event_id"],
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": props,
        }
        for props, lon, lat in zip(
            properties.iter_rows(named=True), located["longitude"], located["latitude"], strict=True
        )
    ]
    return {"type": "FeatureCollection", "features": features}


def geojson_bytes(collection: dict[str, Any]) -> bytes:
    """Return a FeatureCollection as UTF-8 JSON text (RFC 7946 requires UTF-8)."""
    return (json.dumps(collection, ensure_ascii=False) + "\n").encode("utf-8")
