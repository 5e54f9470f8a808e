"""Events a statement makes without an event word of its own.

A reported "must" is the speaker's demand ("Russia said Sudan must return the helicopter");
a reported charge is an accusation ("X said the coalition has escalated its violations").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyad.coding.syntax import children, clause_ancestors, modal, subjects
from dyad.model import Actor, Event, EventType
from dyad.nlp import ParsedArticle

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from dyad.coding.frames import FrameBook
    from dyad.coding.restatements import Trigger


class ReportedSpeech:
    """Codes reported obligations and charges (mixed into ``FrameCoder``)."""

    name: str
    book: FrameBook

    def _actors(self, parsed: ParsedArticle, tokens: list[Token], trigger: Token) -> tuple[Actor, ...]:
        raise NotImplementedError  # FrameCoder's

    def _reported_obligations(
        self, parsed: ParsedArticle, sent: Span, trigger_indices: set[int]
    ) -> list[Event]:
        """Code "Russia said Sudan must return the helicopter" as Russia demanding it of Sudan.

        A reported "must" or "should" is the speaker's demand on the clause's subject, whatever
        the demanded act is; triggers with their own frame are recoded in ``_event`` instead.
        """
        events = []
        for verb in sent:
            if verb.i in trigger_indices or modal(verb) not in ("must", "should"):
                continue
            speaker = None
            for dep, head in clause_ancestors(verb):
                if dep == "ccomp" and head.pos_ == "VERB" and head.lemma_.lower() in self.book.reporting:
                    speaker = subjects(head)
                    break
                if dep not in ("ccomp", "acl", "conj"):
                    break
            addressee = [a for a in subjects(verb) if a.pos_ != "PRON" or a.lower_ in ("it", "they")]
            if not speaker or not addressee:
                continue
            rule = "request.reported-obligation.v1"
            events.append(
                self._speech_event(parsed, sent, verb, EventType.REQUEST, rule, speaker, addressee, 0.6)
            )
        return events

    def _reported_accusations(
        self, parsed: ParsedArticle, sent: Span, triggers: list[Trigger]
    ) -> list[Event]:
        """Code "X said the coalition has escalated its violations" as X accusing the coalition.

        A statement whose content charges its subject with a wrong is an accusation even with
        no accusing verb. Only statements without a coded accusation of their own count.
        """
        accused_spans = [t.token for t in triggers if t.frame.event_type == EventType.ACCUSE]
        events = []
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.book.reporting:
                continue
            for clause in children(verb, "ccomp"):
                subtree = list(clause.subtree)
                if any(t in subtree for t in accused_spans):
                    continue
                # The charge must be what the statement predicates of its subject ("has
                # escalated its violations", "have become a threat"), not a word in an adjunct.
                predicates = {clause.i, *(c.i for c in clause.conjuncts)}
                cue = next(
                    (
                        t
                        for t in subtree
                        if (
                            t.lemma_.lower() in self.book.accusation_cues
                            or t.lower_ in self.book.accusation_cues
                        )
                        and t.dep_ in ("dobj", "attr", "acomp", "oprd")
                        and t.head.i in predicates
                    ),
                    None,
                )
                if cue is None:
                    continue
                speaker = subjects(verb)
                # A pronoun may be the speaker itself ("Syria says it ..."): only named accused.
                accused = [a for a in subjects(cue.head) if a.pos_ != "PRON"]
                if not speaker or not accused:
                    continue
                rule = f"accuse.reported-cue.{cue.lemma_.lower()}.v1"
                events.append(
                    self._speech_event(
                        parsed, sent, verb, EventType.ACCUSE, rule, speaker, accused, 0.55, mode=("allege",)
                    )
                )
                break
        return events

    def _speech_event(
        self,
        parsed: ParsedArticle,
        sent: Span,
        verb: Token,
        event_type: EventType,
        rule: str,
        speaker: list[Token],
        recipients: list[Token],
        confidence: float,
        mode: tuple[str, ...] = (),
    ) -> Event:
        """Return the event a statement makes, triggered by ``verb``: the speaker acts on ``recipients``."""
        return Event(
            article_id=parsed.article.id,
            event_type=event_type,
            trigger=parsed.text_span(verb),
            sentence=parsed.text_span(sent),
            rule=rule,
            mode=mode,
            actors=self._actors(parsed, speaker, verb),
            recipients=self._actors(parsed, recipients, verb),
            confidence=confidence,
            coded_by=(self.name,),
        )
