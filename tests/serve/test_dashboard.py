"""The dashboard in a real browser: Playwright driving Debian's chromium against a live dyad serve."""

from __future__ import annotations

import struct
import zlib

import pytest

from dyad.store import open_store

pytestmark = pytest.mark.usefixtures("live_server")


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Offline means offline: any request that leaves the server is a failure.
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(live_server) or route.request.url.startswith("data:")
            else (errors.append("external request " + route.request.url), route.abort())
        ),
    )
    yield page
    context.close()
    assert errors == []


def png_colours(data: bytes) -> int:
    """Count the distinct colours of an 8-bit RGB(A) PNG (what chromium's screenshots are)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind, body = data[position + 4 : position + 8], data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, colour_type = header[:4]
    assert depth == 8 and colour_type in (2, 6), header
    bpp = 3 if colour_type == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    previous, pixels = bytearray(stride), set()
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        pixels.update(bytes(line[i : i + 3]) for i in range(0, stride, bpp * 4))  # every 4th pixel
        previous = line
    return len(pixels)


def loaded(page, n: int = 1) -> None:
    page.wait_for_selector(f"body[data-loads='{n}']", timeout=20_000)


def test_dashboard_a_type_click_updates_the_map_and_the_table(page, live_server, served_db) -> None:
    page.goto(live_server + "/")
    loaded(page)
    all_rows = page.locator("#events tbody tr").count()
    all_points = page.locator("#map circle.point").count()
    page.click("#type-chips button[data-type='PROTEST']")
    loaded(page, 2)
    with open_store(served_db) as store:
        protests = store.query(type="PROTEST")
        places = store.stats(["place"], type="PROTEST", measures=["events"])
    types = page.locator("#events tbody tr td:nth-child(2)").all_inner_texts()
    assert types == ["PROTEST"] * protests.height and protests.height < all_rows
    n_located = places.filter(places["latitude"].is_not_null()).height
    assert page.locator("#map circle.point").count() == n_located < all_points
    assert page.locator("#type-chips button[data-type='PROTEST']").get_attribute("aria-pressed") == "true"


def test_dashboard_map_has_a_point_per_place_and_a_screenshot_that_is_not_blank(
    page, live_server, served_db, tmp_path
) -> None:
    page.goto(live_server + "/")
    loaded(page)
    with open_store(served_db) as store:
        places = store.stats(["place"], measures=["events"])
    expected = places.filter(places["latitude"].is_not_null()).height
    points = page.locator("#map circle.point")
    assert points.count() == expected > 5
    assert page.locator("#map path.country").count() > 150  # world-atlas 110m: 177 countries
    precisions = {points.nth(i).get_attribute("data-precision") for i in range(points.count())}
    assert "country" in precisions and precisions <= {"point", "town", "admin1", "country"}
    # Sea, land, borders and points of several precisions: a blank or one-colour map has few.
    assert png_colours(page.locator("#map").screenshot()) > 20, "the map screenshot is (nearly) blank"
    assert page.locator("#timeline rect.bar").count() > 0


def test_dashboard_event_page_highlights_its_evidence_and_says_why(page, live_server, served_db) -> None:
    with open_store(served_db) as store:
        record = next(r for r in store.records(type="ASSAULT", text="Kharg") if r["actor"] and r["date"])
    page.goto(f"{live_server}/event?id={record['event_id']}")
    loaded(page)
    trigger = "".join(page.locator("#article-text mark.ev-trigger").all_inner_texts())
    assert trigger == record["evidence"]["trigger"]
    actor = "".join(page.locator("#article-text mark.ev-actor").all_inner_texts())
    assert actor == "".join(a["text"] for a in record["actor"])
    assert "".join(page.locator("#article-text mark.ev-date").all_inner_texts()) == record["date"]["text"]
    sentence = "".join(page.locator("#article-text mark.ev-sentence").all_inner_texts())
    assert sentence.split() == record["evidence"]["sentence"].split()
    why = page.locator("#fields tr[data-field='type'] td.why").inner_text()
    assert record["rule"] in why
    assert (
        f"basis: {record['date']['basis']}"
        in page.locator("#fields tr[data-field='date'] td.why").inner_text()
    )
    assert record["rule"] in (
        page.locator("#article-text mark.ev-trigger").first.get_attribute("title") or ""
    )


def test_dashboard_table_links_to_the_event_page(page, live_server) -> None:
    page.goto(live_server + "/")
    loaded(page)
    first = page.locator("#events tbody tr").first
    event_id = first.get_attribute("data-event-id")
    first.locator("a").click()
    loaded(page)
    assert page.url.endswith(f"/event?id={event_id}")
    assert page.locator("#article-text mark.ev-trigger").count() >= 1


def test_dashboard_shows_the_api_error_for_a_bad_filter(page, live_server) -> None:
    page.goto(live_server + "/")
    loaded(page)
    page.fill("input[name='actor_country']", "Iraq")
    page.click("button[type='submit']")
    page.wait_for_selector("#status-line.error", timeout=20_000)
    assert "IRQ" in page.inner_text("#status-line")
