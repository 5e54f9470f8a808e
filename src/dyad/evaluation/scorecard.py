"""Render scores as plain-text tables for the terminal and for logs."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from dyad.evaluation.acled_notes import NEAR_KM, AcledScore
from dyad.evaluation.clusters import ClusterScore, ClusterScorecard
from dyad.evaluation.expected import ExpectedScore
from dyad.evaluation.plover_gsr import GsrScore, MatchCounts
from dyad.evaluation.timexes import TimexScore
from dyad.evaluation.toponyms import ToponymScore

_INDENT = "    "


def _prf(counts: MatchCounts) -> str:
    return (
        f"P {counts.precision:.3f}  R {counts.recall:.3f}  F1 {counts.f1:.3f}  "
        f"(tp {counts.tp}, fp {counts.fp}, fn {counts.fn})"
    )


def format_gsr(score: GsrScore, *, show_errors: bool = False) -> str:
    """Return the GSR scorecard: overall type scores, per-type table, actor scores.

    With ``show_errors``, list each sentence whose emitted types differ from the gold.
    """
    lines = [
        f"PLOVER GSR: {score.n_sentences} sentences, {score.n_gold_events} gold events",
        f"event types  P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}  "
        f"(gold pairs {score.n_gold}, emitted {score.n_emitted}, correct {score.n_correct})",
        f"actors on {score.n_events_matched} of {score.n_gold_events} gold events matched by type:",
        f"  country  {_prf(score.country)}",
        f"  sector   {_prf(score.sector)}",
        "",
        f"{'type':<10} {'support':>7} {'emitted':>7} {'correct':>7} {'precision':>9} {'recall':>7}",
    ]
    for event_type, type_score in score.per_type.items():
        lines.append(
            f"{event_type:<10} {type_score.support:>7} {type_score.n_emitted:>7} {type_score.n_correct:>7} "
            f"{type_score.precision:>9.3f} {type_score.recall:>7.3f}"
        )
    if show_errors:
        errors = [s for s in score.sentences if not s.is_correct]
        lines += ["", f"{len(errors)} sentence(s) with wrong types:"]
        for sentence in errors:
            lines.append(
                f"  {sentence.id}  gold: {', '.join(sentence.gold_types) or '-'}  "
                f"emitted: {', '.join(sentence.emitted_types) or '-'}"
            )
            lines += textwrap.wrap(
                sentence.text, width=100, initial_indent=_INDENT, subsequent_indent=_INDENT
            )
    return "\n".join(lines)


def format_expected(scores: Sequence[ExpectedScore]) -> str:
    """Return the expected-events scorecard: per article its must items, may matches and violations."""
    lines = []
    for score in scores:
        verdict = "PASS" if score.is_passed else "FAIL"
        lines.append(
            f"{score.article_id}: must {score.n_must_passed}/{len(score.must)}, "
            f"may {score.n_may_matched}/{len(score.may)}, violations {len(score.violations)}, "
            f"events {score.n_events}  {verdict}"
        )
        for item in score.must:
            mark = "pass" if item.is_passed else "FAIL"
            lines.append(f"  [{mark}] {item.id} ({item.event_type})")
            if not item.is_passed:
                lines += textwrap.wrap(
                    item.reason, width=100, initial_indent=_INDENT, subsequent_indent=_INDENT
                )
        matched = [item.id for item in score.may if item.is_passed]
        lines.append(f"  may matched: {', '.join(matched) or 'none'}")
        for violation in score.violations:
            lines.append(
                f"  [VIOLATION] {violation.entry_id} ({violation.event_type}) event {violation.event_id}"
            )
            if violation.sentence:
                lines += textwrap.wrap(
                    violation.sentence, width=100, initial_indent=_INDENT, subsequent_indent=_INDENT
                )
    n_must = sum(len(s.must) for s in scores)
    n_passed = sum(s.n_must_passed for s in scores)
    n_violations = sum(len(s.violations) for s in scores)
    n_clean = sum(s.is_passed for s in scores)
    lines.append(
        f"TOTAL: must {n_passed}/{n_must}, violations {n_violations}, articles passed {n_clean}/{len(scores)}"
    )
    return "\n".join(lines)


def format_acled(score: AcledScore) -> str:
    """Return the ACLED notes scorecard: type, fatalities, country, place and date of the main event."""
    return "\n".join(
        [
            f"ACLED notes: {score.n_notes} ({len(score.fatal)} with deaths)",
            f"  type {score.type_accuracy:.3f}  (no event {score.no_event:.3f})",
            f"  fatalities exact when > 0 {score.fatalities_exact:.3f}"
            f"  (none found {score.fatalities_missing:.3f})"
            f"  false fatalities {score.false_fatalities:.3f}",
            f"  country {score.country_accuracy:.3f}  within {NEAR_KM:.0f} km {score.near_accuracy:.3f}"
            f"  date {score.date_accuracy:.3f}",
        ]
    )


def format_timexes(score: TimexScore, *, show_errors: bool = False) -> str:
    """Return the TempEval DATE scorecard, with each miss when ``show_errors``."""
    lines = [
        f"TempEval-3 DATE timexes: {score.n_gold}  span recall {score.span_recall:.3f}  "
        f"value accuracy {score.value_accuracy:.3f}"
    ]
    if show_errors:
        lines += [f"  {error}" for error in score.errors]
    return "\n".join(lines)


def format_toponyms(score: ToponymScore) -> str:
    """Return the GeoWebNews scorecard: recognition recall and precision, geocoding within 161 km."""
    return (
        f"GeoWebNews toponyms: {score.n_gold}  recall {score.recall:.3f}  precision {score.precision:.3f}  "
        f"acc@161 {score.accuracy_161:.3f}  acc@161|found {score.accuracy_161_found:.3f}"
    )


def _cluster_line(name: str, score: ClusterScore) -> str:
    pair, b3 = score.pairwise, score.bcubed
    return (
        f"  {name:<13} pairwise P {pair.precision:.3f} R {pair.recall:.3f} F1 {pair.f1:.3f}   "
        f"B-cubed P {b3.precision:.3f} R {b3.recall:.3f} F1 {b3.f1:.3f}   ({score.n_clusters} clusters)"
    )


def format_clusters(card: ClusterScorecard) -> str:
    """Return the clustering scorecard: dyad's clusters and the baselines, pairwise and B-cubed."""
    dyad = card.dyad
    return "\n".join(
        [
            f"Event clusters: {dyad.n_mentions} gold mentions in {dyad.n_gold_clusters} events"
            + (f", {dyad.missing} no longer coded" if dyad.missing else ""),
            _cluster_line("dyad", dyad),
            _cluster_line("singletons", card.singletons),
            _cluster_line("type and day", card.type_and_day),
        ]
    )
