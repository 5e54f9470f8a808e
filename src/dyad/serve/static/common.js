// Shared by the dashboard and the event page: fetch JSON from the API, build DOM/SVG nodes.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";

// The API answers errors as {ok: false, status, error, hint}: show that message as it is.
async function getJSON(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!body.ok) throw new Error(body.error + (body.hint ? " (" + body.hint + ")" : ""));
  return body;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children) node.append(child === null || child === undefined ? "" : child);
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

function showStatus(message, isError) {
  const line = document.getElementById("status-line");
  line.textContent = message;
  line.className = isError ? "error" : "";
}

// One colour per PLOVER type (and for other series), stable across reloads.
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
  "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"];
const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

function colour(key, keys) {
  const i = TYPES.indexOf(key);
  return PALETTE[(i >= 0 ? i : keys.indexOf(key)) % PALETTE.length];
}
