// The dashboard: filters → one query string → timeline, map, network and table, all from /api.
"use strict";

const state = { types: new Set(), nextOffset: null, loads: 0 };
const MAP_W = 960, MAP_H = 480;
// geo_precision in words, as ACLED has it (model.Location): finest first.
const PRECISIONS = ["point", "town", "admin1", "country"];

// The filters as the API's query parameters: the same names as `dyad events` flags.
function filterParams() {
  const form = document.getElementById("filters");
  const params = new URLSearchParams();
  for (const type of state.types) params.append("type", type);
  for (const name of ["status", "historical", "actor_country", "recipient_country", "location_country",
    "since", "until", "text"]) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

function withParams(path, extra) {
  const params = filterParams();
  for (const [key, value] of extra || []) params.append(key, value);
  return path + "?" + params.toString();
}

// --- type chips: counts per type under the other filters; a click toggles the type filter --------

async function drawTypeChips() {
  const params = filterParams();
  params.delete("type");
  params.append("by", "type");
  params.append("measure", "events");
  const body = await getJSON("/api/stats?" + params.toString());
  const counts = Object.fromEntries(body.rows.map((r) => [r.type, r.events]));
  const box = document.getElementById("type-chips");
  box.replaceChildren();
  for (const type of TYPES) {
    const chip = el("button", { type: "button", class: "chip" + (state.types.has(type) ? " on" : ""),
      "data-type": type, "aria-pressed": state.types.has(type) ? "true" : "false" },
    type + " " + (counts[type] || 0));
    chip.style.borderColor = colour(type, TYPES);
    chip.addEventListener("click", () => {
      if (state.types.has(type)) state.types.delete(type); else state.types.add(type);
      refresh();
    });
    box.append(chip);
  }
}

// --- timeline: stacked bars of counts per bucket, by type or by dyad --------------------------------

async function drawTimeline() {
  const group = document.getElementById("timeline-group").value;
  const bucket = document.getElementById("timeline-bucket").value;
  const body = await getJSON(withParams("/api/stats",
    [["by", bucket], ["by", group], ["measure", "events"]]));
  const keyOf = group === "type" ? (r) => r.type
    : (r) => (r.actor_country || "?") + "→" + (r.recipient_country || "?");
  // By dyad, the six busiest pairs get a colour each, the rest are "other".
  let keys = [...new Set(body.rows.map(keyOf))];
  if (group === "dyad") {
    const totals = {};
    for (const r of body.rows) totals[keyOf(r)] = (totals[keyOf(r)] || 0) + r.events;
    keys = keys.sort((a, b) => totals[b] - totals[a]).slice(0, 6);
  }
  const series = {};
  for (const r of body.rows) {
    const t = r[bucket];
    const key = keys.includes(keyOf(r)) ? keyOf(r) : "other";
    series[t] = series[t] || {};
    series[t][key] = (series[t][key] || 0) + r.events;
  }
  if (group === "dyad" && body.rows.some((r) => !keys.includes(keyOf(r)))) keys.push("other");
  const times = Object.keys(series).sort();
  const chart = document.getElementById("timeline");
  chart.replaceChildren();
  const W = 960, H = 220, left = 40, bottom = 20;
  const max = Math.max(1, ...times.map((t) => Object.values(series[t]).reduce((a, b) => a + b, 0)));
  const step = times.length ? (W - left) / times.length : 0;
  chart.append(svg("text", { x: 2, y: 12, class: "axis" }, String(max)));
  chart.append(svg("line", { x1: left, x2: W, y1: H - bottom, y2: H - bottom, class: "axis-line" }));
  times.forEach((t, i) => {
    let y = H - bottom;
    for (const key of keys) {
      const n = series[t][key] || 0;
      if (!n) continue;
      const h = (n / max) * (H - bottom - 10);
      y -= h;
      const bar = svg("rect", { x: left + i * step + 1, y, width: Math.max(1, step - 2), height: h,
        fill: colour(key, keys), class: "bar", "data-key": key });
      bar.append(svg("title", {}, `${t} ${key}: ${n}`));
      chart.append(bar);
    }
    if (times.length <= 24 || i % Math.ceil(times.length / 12) === 0) {
      chart.append(svg("text", { x: left + i * step, y: H - 4, class: "axis" }, t));
    }
  });
  const legend = document.getElementById("timeline-legend");
  legend.replaceChildren(...keys.map((key) => {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = colour(key, keys);
    return el("span", { class: "legend-item" }, swatch, key);
  }));
  if (!times.length) legend.replaceChildren("No dated events match the filters.");
}

// --- map: world outlines (world-atlas) and one circle per place, area ∝ events -----------------------

let worldPaths = null;

function project(lon, lat) {
  // Equirectangular: plain, and a point's place on it is easy to read off.
  return [((lon + 180) / 360) * MAP_W, ((90 - lat) / 180) * MAP_H];
}

function ringPath(ring) {
  let d = "";
  let previous = null;
  for (const [lon, lat] of ring) {
    const [x, y] = project(lon, lat);
    // Start a new piece where a ring jumps across the antimeridian, instead of a line across.
    d += (previous === null || Math.abs(lon - previous) > 180 ? "M" : "L") + x.toFixed(1) + "," + y.toFixed(1);
    previous = lon;
  }
  return d + "Z";
}

async function loadWorld() {
  if (worldPaths) return worldPaths;
  const topology = await (await fetch("/static/vendor/world-atlas/countries-110m.json")).json();
  const countries = topojson.feature(topology, topology.objects.countries).features;
  worldPaths = countries.map((feature) => {
    const g = feature.geometry;
    if (!g) return null;
    const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    const d = polygons.map((polygon) => polygon.map(ringPath).join("")).join("");
    return { d, name: feature.properties.name };
  }).filter(Boolean);
  return worldPaths;
}

function precisionColour(precision) {
  return { point: "#b30000", town: "#e34a33", admin1: "#fc8d59", country: "#6a51a3" }[precision]
    || "#636363";
}

async function drawMap() {
  const [paths, body] = await Promise.all([loadWorld(), getJSON(withParams("/api/places", [["limit", "2000"]]))]);
  const map = document.getElementById("map");
  map.replaceChildren(svg("rect", { x: 0, y: 0, width: MAP_W, height: MAP_H, class: "sea" }));
  const land = svg("g", { class: "countries" });
  for (const p of paths) {
    const path = svg("path", { d: p.d, class: "country" });
    path.append(svg("title", {}, p.name));
    land.append(path);
  }
  map.append(land);
  const points = svg("g", { class: "points" });
  const max = Math.max(1, ...body.rows.map((r) => r.events));
  for (const r of body.rows) {
    const [x, y] = project(r.longitude, r.latitude);
    const circle = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 17 * Math.sqrt(r.events / max)).toFixed(1),
      class: "point precision-" + (r.geo_precision || "unknown"), fill: precisionColour(r.geo_precision),
      "data-place": r.location_name || "", "data-events": r.events, "data-precision": r.geo_precision || "" });
    circle.append(svg("title", {}, `${r.location_name} (${r.geo_precision || "precision unknown"}): ${r.events} event(s)`
      + (r.killed ? `, ${r.killed} killed` : "")));
    points.append(circle);
  }
  map.append(points);
  document.getElementById("map-legend").replaceChildren(...PRECISIONS.map((p) => {
    const swatch = el("span", { class: "swatch round" });
    swatch.style.background = precisionColour(p);
    return el("span", { class: "legend-item" }, swatch, p);
  }), el("span", { class: "legend-item" }, "· circle area ∝ events"));
  document.getElementById("map-note").textContent = body.unlocated
    ? `${body.unlocated} matching event(s) have no coordinates and are not on the map.` : "";
}

// --- actor network: countries on a circle, a line per dyad, thicker with more events ------------------

async function drawNetwork() {
  const body = await getJSON(withParams("/api/dyads", [["limit", "60"]]));
  const rows = body.rows.filter((r) => r.actor_country && r.recipient_country);
  const nodes = [...new Set(rows.flatMap((r) => [r.actor_country, r.recipient_country]))];
  const net = document.getElementById("network");
  net.replaceChildren();
  if (!nodes.length) {
    net.append(svg("text", { x: 20, y: 40, class: "axis" }, "No events with both countries known."));
    return;
  }
  const place = {};
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    place[n] = [240 + 190 * Math.cos(a), 240 + 190 * Math.sin(a)];
  });
  const max = Math.max(1, ...rows.map((r) => r.events));
  for (const r of rows) {
    const [x1, y1] = place[r.actor_country], [x2, y2] = place[r.recipient_country];
    const link = svg("line", { x1, y1, x2, y2, class: "link " + ((r.score_mean || 0) < 0 ? "conflict" : "cooperation"),
      "stroke-width": (1 + 7 * r.events / max).toFixed(1) });
    link.append(svg("title", {}, `${r.actor_country} → ${r.recipient_country}: ${r.events} event(s)`));
    net.append(link);
  }
  for (const n of nodes) {
    const [x, y] = place[n];
    net.append(svg("circle", { cx: x, cy: y, r: 14, class: "node" }));
    net.append(svg("text", { x, y: y + 4, class: "node-label" }, n));
  }
}

// --- event table, a page at a time -----------------------------------------------------------------

function eventRow(e) {
  const link = el("a", { href: "/event?id=" + encodeURIComponent(e.event_id) }, e.event_date || "undated");
  const location = e.location_name ? `${e.location_name} (${e.geo_precision})` : "";
  return el("tr", { "data-event-id": e.event_id },
    el("td", {}, link), el("td", {}, e.type), el("td", {}, (e.mode || []).join(", ")), el("td", {}, e.status),
    el("td", {}, e.actor_name || e.actor_text || ""), el("td", {}, e.recipient_name || e.recipient_text || ""),
    el("td", {}, location), el("td", {}, e.killed === null ? "" : String(e.killed)), el("td", {}, e.trigger_text));
}

async function drawTable(append) {
  const offset = append ? state.nextOffset : 0;
  const body = await getJSON(withParams("/api/events", [["limit", "100"], ["offset", String(offset)]]));
  const tbody = document.querySelector("#events tbody");
  if (!append) tbody.replaceChildren();
  tbody.append(...body.events.map(eventRow));
  state.nextOffset = body.next_offset;
  document.getElementById("more").hidden = body.next_offset === null;
}

async function refresh() {
  showStatus("Loading…");
  try {
    await Promise.all([drawTypeChips(), drawTimeline(), drawMap(), drawNetwork(), drawTable(false)]);
    const shown = document.querySelectorAll("#events tbody tr").length;
    showStatus(`${shown}${state.nextOffset === null ? "" : "+"} event(s) match.`);
    // Browser tests wait on this: it counts the finished refreshes.
    document.body.dataset.loads = String(++state.loads);
  } catch (error) {
    showStatus(error.message, true);
  }
}

document.getElementById("filters").addEventListener("submit", (event) => { event.preventDefault(); refresh(); });
document.getElementById("filters").addEventListener("reset", () => { state.types.clear(); setTimeout(refresh, 0); });
document.getElementById("timeline-group").addEventListener("change", drawTimeline);
document.getElementById("timeline-bucket").addEventListener("change", drawTimeline);
document.getElementById("more").addEventListener("click", () => drawTable(true));
refresh();
