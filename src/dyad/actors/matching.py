"""Finding knowledge-base names, lexicon terms and alliance modifiers in a phrase's words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from dyad.actors.document import Document, Match
from dyad.actors.knowledge import Entry, KnowledgeBase, normalize

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyad.geo.gazetteer import Gazetteer

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# How many times more populous a place must be than its namesakes abroad to be taken alone.
_PLACE_DOMINANCE = 5

# "Iran-aligned", "US-led", "government-sponsored": the first word is an ally or sponsor,
# not the actor's own country.
_LINK_WORDS = {
    "aligned": "aligned",
    "allied": "aligned",
    "affiliated": "aligned",
    "backed": "aligned",
    "sponsored": "aligned",
    "funded": "aligned",
    "supported": "aligned",
    "linked": "aligned",
    "led": "led_by",
    "run": "led_by",
    "controlled": "led_by",
    "dominated": "led_by",
}
_STATE_WORDS = {"state", "government"}
# "pro-Iranian" is aligned with Iran; "anti-Syria" is against Syria, and never Syrian.
_STANCE_WORDS = {"pro": "aligned", "anti": "opposed"}
# Below this rapidfuzz ratio two spellings are different names.
_FUZZY_MIN = 88.0


class Matching:
    """Word-level matching against the knowledge base (mixed into ``ActorResolver``)."""

    kb: KnowledgeBase
    places: Gazetteer | None

    def place_country(self, tokens: list[Token], root: Token, document: Document) -> tuple[str, bool] | None:
        """Return the country of a place named in ``tokens`` and whether the head is that place.

        The places are spaCy's GPE/LOC/FAC entities that the KB does not know, looked up in
        the geo gazetteer. A name several countries share ("Jericho") is taken only when
        one of them is already in the article, or when its most populous place dwarfs the
        others'.
        """
        if self.places is None:
            return None
        runs: list[list[Token]] = []
        for token in tokens:
            # spaCy often leaves a sentence-initial town untagged ("Cizre was under curfew"):
            # an untagged proper-noun head is tried too, never a PERSON or ORG.
            untagged_head = token.i == root.i and token.pos_ == "PROPN" and not token.ent_type_
            if token.ent_type_ not in _PLACE_LABELS and not untagged_head:
                continue
            if runs and token.ent_iob_ == "I" and runs[-1][-1].i == token.i - 1:
                runs[-1].append(token)
            else:
                runs.append([token])
        for run in reversed(runs):
            name = " ".join(t.text for t in run if t.lower_ != "the")
            if not name or self.kb.lookup(name):
                continue
            country = self._place_candidate(name, document)
            if country is not None:
                return country, run[0].i <= root.i <= run[-1].i
        return None

    def _place_candidate(self, name: str, document: Document) -> str | None:
        assert self.places is not None
        best: dict[str, int] = {}
        for place in self.places.lookup(name):
            if place.country and place.kind != "country":
                best[place.country] = max(best.get(place.country, 0), place.population)
        if len(best) <= 1:
            return next(iter(best), None)
        in_article = [c for c in best if c == document.country or c in document.countries]
        if len(in_article) == 1:
            return in_article[0]
        ranked = sorted(best.items(), key=lambda kv: kv[1], reverse=True)
        # Washington, D.C. over the towns named after it: a clear majority only.
        return ranked[0][0] if ranked[0][1] >= _PLACE_DOMINANCE * max(ranked[1][1], 1) else None

    def scan(self, tokens: list[Token], document: Document | None) -> list[Match]:
        """Find KB names, lexicon terms and link modifiers in ``tokens``, longest first."""
        matches: list[Match] = []
        i, n = 0, len(tokens)
        while i < n:
            token = tokens[i]
            named = self._named_at(tokens, i)
            if named is not None:  # "US-led coalition" is a name before "US-led" is a link
                matches.append(named)
                i += named.end - named.start
                continue
            link = self._link(tokens, i)
            if link is not None:
                matches.append(link)
                i = tokens.index(document.doc[link.end - 1]) + 1 if document else i + 1
                continue
            found = None
            for j in range(min(n, i + self.kb.max_words + 2), i, -1):
                words = tokens[i:j]
                text = " ".join(t.text for t in words)
                key = normalize(text)
                if not key:
                    break
                entries = self.kb.lookup(text.replace(" - ", "-"), key)
                if not entries and document is not None and key in self.kb.weak:
                    entries = [
                        e for e in self.kb.weak[key] if any(f" {c} " in document.text_key for c in e.context)
                    ]
                if entries:
                    found = Match(words[0].i, words[-1].i + 1, "entry", tuple(entries))
                    break
                lemma_key = normalize(" ".join([*(t.text for t in words[:-1]), words[-1].lemma_]))
                for candidate in (key, lemma_key):
                    if self.kb.term(candidate) is not None:
                        found = Match(words[0].i, words[-1].i + 1, "term", term_key=candidate)
                        break
                if found:
                    break
                if j == i + 1 and key in self.kb.modifiers:
                    found = Match(words[0].i, words[-1].i + 1, "modifier", term_key=key)
            if found:
                matches.append(found)
                i += found.end - found.start
            else:
                if "-" in token.text:  # "U.S.-flagged": the part before the hyphen
                    head, _, tail = token.text.rpartition("-")
                    entries = self.kb.lookup(head)
                    if entries and tail.lower() not in _LINK_WORDS:
                        matches.append(Match(token.i, token.i + 1, "entry", tuple(entries)))
                i += 1
        return matches

    def _named_at(self, tokens: list[Token], i: int) -> Match | None:
        """Return a KB name that runs on past a hyphenated word starting at ``tokens[i]``.

        "US-led coalition" is a name; read word by word it would be a link and a noun.
        """
        if not any("-" in t.text for t in tokens[i : i + 3]):
            return None
        for j in range(min(len(tokens), i + self.kb.max_words + 2), i + 1, -1):
            words = tokens[i:j]
            text = " ".join(t.text for t in words).replace(" - ", "-")
            last_hyphen = max((k for k, t in enumerate(words) if "-" in t.text), default=-1)
            if last_hyphen < 0 or last_hyphen == len(words) - 1 or text.endswith("-"):
                continue  # the name must go past the hyphen: "Iran -" is not "Iran-aligned"
            entries = self.kb.lookup(text)
            if entries:
                return Match(words[0].i, words[-1].i + 1, "entry", tuple(entries))
        return None

    def _link(self, tokens: list[Token], i: int) -> Match | None:
        """Match "Iran-aligned", "US-led", "pro-Iranian", "state-linked" at ``tokens[i]``."""
        token = tokens[i]
        if "-" in token.text and token.text not in ("-",):
            head, _, tail = token.text.rpartition("-")
            if head.lower() in _STANCE_WORDS:
                return self._link_match(token.i, token.i + 1, tail, _STANCE_WORDS[head.lower()], stance=True)
            if tail.lower() in _LINK_WORDS:
                return self._link_match(token.i, token.i + 1, head, _LINK_WORDS[tail.lower()])
        if i + 2 < len(tokens) and tokens[i + 1].text == "-":
            nxt = tokens[i + 2]
            if token.lower_ in _STANCE_WORDS:
                return self._link_match(
                    token.i, nxt.i + 1, nxt.text, _STANCE_WORDS[token.lower_], stance=True
                )
            if nxt.lower_ in _LINK_WORDS:
                return self._link_match(token.i, nxt.i + 1, token.text, _LINK_WORDS[nxt.lower_])
        return None

    def _link_match(
        self, start: int, end: int, ally: str, relation: str, stance: bool = False
    ) -> Match | None:
        if ally.lower() in _STATE_WORDS:
            return Match(start, end, "link", attribute="state-linked")
        entries = [e for e in self.kb.lookup(ally) if e.country]
        if not entries and stance:
            entries = [e for e in self.kb.by_surname(ally) if e.country]  # "pro-Hadi", "pro-Assad"
        if not entries:
            # "anti-government", "anti-Syria" with an unknown target: still not the actor's country.
            return Match(start, end, "link") if relation == "opposed" else None
        # Those for a leader or an armed group of a country, or led by one, are of that
        # country: "pro-Hadi forces" are Yemen's army, "Houthi-led fighters" Yemenis. Those
        # backed by someone are not ("Iran-backed militias", "Hezbollah-backed groups"
        # fight in Iraq and Syria), so only the attribute says whose side they are on.
        shares = (stance and relation == "aligned" or relation == "led_by") and entries[0].kind == "named"
        return Match(
            start, end, "link", entries[:1] if shares else (), attribute=f"{relation}:{entries[0].country}"
        )

    def _pick(self, entries: Sequence[Entry], when: date | None) -> Entry:
        """Choose among entries sharing a name: the one in office on ``when``, else the first."""
        if len(entries) == 1:
            return entries[0]
        covering = [e for e in entries if e.covers(when) and e.roles]
        return covering[0] if covering else entries[0]

    def _fuzzy(self, key: str) -> list[Entry]:
        """Fuzzy-match a person's name, only against aliases sharing the surname's first letters."""
        last = key.split()[-1]
        if len(last) < 4:
            return []
        best, best_score = None, _FUZZY_MIN
        for alias in self.kb.fuzzy_buckets.get(last[:3], ()):
            # A bare name matches only a bare alias the knowledge base lists ("Khazali"): a
            # common surname ("Ahmed") must not stand for the one leader who bears it.
            if " " not in key and " " in alias:
                continue
            score = fuzz.ratio(key, alias)
            if score > best_score:
                best, best_score = alias, score
        return list(self.kb.names.get(best, ())) if best else []
