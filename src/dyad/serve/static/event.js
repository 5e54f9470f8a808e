// One event: its fields with the words each came from and why (rule, basis, resolution), and the
// article text with every field's evidence highlighted.
"use strict";

const FIELD_CLASSES = ["sentence", "trigger", "actor", "recipient", "date", "location", "quantity", "speaker"];

function spanOf(field, label, start, end, why) {
  return start === null || start === undefined || end === null || end === undefined || end <= start
    ? null : { field, label, start, end, why };
}

// Every highlighted field of the record, with its offsets into the article text.
function evidenceSpans(event, text) {
  const spans = [];
  const ev = event.evidence || {};
  spans.push(spanOf("sentence", "evidence sentence", ev.start, ev.end, "the sentence the event was coded from"));
  spans.push(spanOf("trigger", "trigger", ev.trigger_start, ev.trigger_end, `rule ${event.rule}`));
  for (const role of ["actor", "recipient"]) {
    for (const a of event[role] || []) {
      const code = [a.country, (a.sector || []).join("/")].filter(Boolean).join(" ");
      spans.push(spanOf(role, role, a.start, a.end,
        `resolved by ${a.resolved_by || "—"}${code ? " → " + code : ""}${a.name ? " (" + a.name + ")" : ""}`));
    }
  }
  const d = event.date;
  if (d) {
    spans.push(spanOf("date", "date", d.start, d.end,
      `basis ${d.basis}, ${d.granularity}: ${d.value}${d.until ? " until " + d.until : ""}`));
  }
  for (const loc of event.location || []) {
    spans.push(spanOf("location", "location", loc.start, loc.end,
      `${loc.precision} precision${loc.geonameid ? ", GeoNames " + loc.geonameid : ""}`));
  }
  // Quantities carry their words, not offsets: find them in the evidence sentence.
  for (const [key, q] of Object.entries(event.quantities || {})) {
    if (!q || !q.text || ev.start === undefined) continue;
    const at = text.slice(ev.start, ev.end).indexOf(q.text);
    if (at >= 0) {
      spans.push(spanOf("quantity", key, ev.start + at, ev.start + at + q.text.length,
        `${key} = ${q.value}${q.approx ? " (approximate)" : ""}; words found in the sentence`));
    }
  }
  const s = event.speaker;
  if (s && s.start !== undefined) spans.push(spanOf("speaker", "speaker", s.start, s.end, "reported by"));
  return spans.filter(Boolean);
}

// Cut the text at every span boundary; each piece is wrapped in one element naming all its fields.
function renderText(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, s.start)); cuts.add(Math.min(text.length, s.end)); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = document.getElementById("article-text");
  out.replaceChildren();
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const active = spans.filter((s) => s.start <= a && s.end >= b);
    if (!active.length) { out.append(piece); continue; }
    const classes = [...new Set(active.map((s) => "ev-" + s.field))];
    const node = el("mark", { class: "ev " + classes.join(" "),
      title: active.filter((s) => s.field !== "sentence").map((s) => `${s.label}: ${s.why}`).join("\n") || active[0].why },
    piece);
    out.append(node);
  }
}

function fieldRow(name, value, evidence, why) {
  return el("tr", { "data-field": name }, el("th", {}, name), el("td", {}, value || "—"),
    el("td", {}, evidence || ""), el("td", { class: "why" }, why || ""));
}

function drawFields(event) {
  const ev = event.evidence || {};
  const rows = [
    fieldRow("type", `${event.type}${event.mode.length ? " / " + event.mode.join(", ") : ""}`, ev.trigger,
      `rule ${event.rule}; confidence ${event.confidence}; coded by ${(event.coded_by || []).join(", ")}`),
    fieldRow("status", `${event.status}${event.historical ? " (historical)" : ""}`, "", "factuality of the report"),
    fieldRow("score", `${event.score} (${event.quad}; CAMEO ${event.cameo || "—"})`, "", "PLOVER score of type and mode"),
  ];
  for (const role of ["actor", "recipient"]) {
    for (const a of event[role] || []) {
      rows.push(fieldRow(role, [a.name, a.country, (a.sector || []).join("/")].filter(Boolean).join(" · "), a.text,
        `resolved by ${a.resolved_by || "—"}`));
    }
  }
  const d = event.date;
  if (d) rows.push(fieldRow("date", d.value + (d.until ? " → " + d.until : ""), d.text,
    `basis: ${d.basis}; granularity: ${d.granularity}`));
  for (const loc of event.location || []) {
    rows.push(fieldRow("location", [loc.name, loc.admin1, loc.country].filter(Boolean).join(", "), loc.text,
      `precision: ${loc.precision}${loc.lat !== null ? ` at ${loc.lat}, ${loc.lon}` : ""}`));
  }
  for (const [key, q] of Object.entries(event.quantities || {})) {
    if (q) rows.push(fieldRow(key, String(q.value) + (q.approx ? " (approx.)" : ""), q.text, "quantity grammar"));
  }
  if (event.speaker) rows.push(fieldRow("speaker", event.speaker.name || event.speaker.text, event.speaker.text, "reported speech"));
  document.querySelector("#fields tbody").replaceChildren(...rows);
}

async function showEvent() {
  const id = new URLSearchParams(location.search).get("id");
  if (!id) { showStatus("No event id: open this page from the dashboard's table.", true); return; }
  try {
    const body = await getJSON("/api/events/" + encodeURIComponent(id));
    const event = body.event, article = body.article;
    document.getElementById("event-title").textContent = `${event.type} — ${event.evidence.trigger}`;
    document.getElementById("event-summary").textContent = `event ${event.event_id} · rule ${event.rule}`;
    drawFields(event);
    if (article) {
      document.getElementById("article-title").textContent = article.title || article.article_id;
      document.getElementById("article-meta").textContent = [article.article_id, article.published, article.source,
        article.url].filter(Boolean).join(" · ");
      renderText(article.text, evidenceSpans(event, article.text));
      document.getElementById("article-legend").replaceChildren(...FIELD_CLASSES.map((f) =>
        el("mark", { class: "ev ev-" + f }, f)));
      const first = document.querySelector("#article-text .ev-trigger");
      if (first) first.scrollIntoView({ block: "center" });
    }
    showStatus("");
    document.body.dataset.loads = "1";
  } catch (error) {
    showStatus(error.message, true);
  }
}

showEvent();
