"""The actor knowledge base: countries, IGOs, named actors and the sector lexicon.

Everything is read from YAML files (the shipped ``data/*.yaml`` plus user files of the same
format) into plain lookup tables keyed by a normalised form of the words, so resolving an
actor is a handful of dictionary lookups, never a scan of the whole base.

A file is a mapping with any of these sections: ``countries``, ``igos``, ``named``,
``sectors``, ``affiliations``, ``kin``, ``modifiers`` (see the shipped files for each one's
fields). Problems are reported as ``ConfigError`` with the file, the line and the fix.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from dyad.errors import ConfigError

DATA_DIR = Path(__file__).parent / "data"
SHIPPED_FILES = ("countries.yaml", "igos.yaml", "named.yaml", "leaders.yaml", "groups.yaml", "sectors.yaml")

SECTIONS = ("countries", "igos", "named", "sectors", "affiliations", "kin", "modifiers")

# PLOVER's sector codes (frequent, then less frequent); below, its non-state "country" codes.
SECTOR_CODES = frozenset(
    {
        *("COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK"),
        *("AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC"),
    }
)
NONSTATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS"})

# Arabic article and English determiners carry no identity: "al-Khazali" = "Khazali" = "Al Khazali".
_DROP_WORDS = frozenset({"the", "al", "el", "a", "an"})
_SPLIT = re.compile(r"[^\w']+")
# libyaml's C parser composes the shipped files ten times faster than the pure-Python one
# (which is the fallback where PyYAML was built without it); both keep line numbers.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """Return the lookup key of a phrase: lowercase, no accents, dots, hyphens or articles."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace(".", "")
    text = re.sub(r"'s\b", "", text)
    words = [w.strip("'") for w in _SPLIT.split(text)]
    return " ".join(w for w in words if w and w not in _DROP_WORDS)


def _is_acronym(alias: str) -> bool:
    """Short all-capital aliases ("US", "UN", "PMF") must match case: "us" is a pronoun."""
    bare = alias.replace(".", "").replace("-", "")
    return bare.isalpha() and bare.isupper() and len(bare) <= 4


@dataclass(frozen=True, slots=True)
class Role:
    """One office a person held, with its dates (``end`` None: still in office)."""

    sector: tuple[str, ...]
    country: str | None
    start: date | None
    end: date | None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing the knowledge base knows by name: a country, IGO, group, outlet or person.

    ``kind`` is ``country`` (a state's name), ``demonym``, ``place`` (a capital or seat of
    government, which stands for the government), ``institution``, ``igo`` or ``named``.
    """

    name: str | None
    kind: str
    country: str | None
    sector: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    is_person: bool = False
    died: date | None = None
    context: tuple[str, ...] = ()
    origin: str = ""

    def at(self, when: date | None) -> tuple[str | None, tuple[str, ...], str | None]:
        """Return (country, sectors, role title) on ``when``; roles are date-bounded."""
        if not self.roles:
            return self.country, self.sector, None
        if when is None:
            current = [r for r in self.roles if r.end is None]
            role = current[-1] if current else self.roles[-1]
            return role.country or self.country, role.sector, role.title
        for role in reversed(self.roles):
            if (role.start is None or role.start <= when) and (role.end is None or when < role.end):
                return role.country or self.country, role.sector, role.title
        ended = [r for r in self.roles if r.end is not None and r.end <= when]
        if ended:
            last = max(ended, key=lambda r: r.end or date.max)
            if self.died is not None and when >= self.died:
                # The dead are only written about in their last office.
                return last.country or self.country, last.sector, last.title
            return last.country or self.country, ("ELI",), f"former {last.title}" if last.title else None
        return self.country, self.sector, None

    def covers(self, when: date | None) -> bool:
        """Return whether one of the person's roles spans ``when`` (always True without roles)."""
        if not self.roles or when is None:
            return True
        return any(
            (r.start is None or r.start <= when) and (r.end is None or when < r.end) for r in self.roles
        )


@dataclass(frozen=True, slots=True)
class SectorTerm:
    """A lexicon noun: its sectors and kind (person, body, title)."""

    sector: tuple[str, ...]
    kind: str


@dataclass(frozen=True, slots=True)
class Modifier:
    """A word that changes the sectors of the phrase it modifies or adds an attribute."""

    sector: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()
    prefer: tuple[str, ...] = ()
    attribute: str | None = None


@dataclass(slots=True)
class KnowledgeBase:
    """Lookup tables of the actor knowledge, keyed by ``normalize``d words."""

    names: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    acronyms: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    weak: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    terms: dict[str, SectorTerm] = field(default_factory=dict)
    affiliations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    kin: set[str] = field(default_factory=set)
    modifiers: dict[str, Modifier] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    # Fuzzy prefilter: first three letters of a person alias's last word → aliases.
    fuzzy_buckets: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # A person alias's last word → the people it ends, for "pro-Hadi" and "pro-Assad".
    surnames: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    max_words: int = 1
    sources: list[str] = field(default_factory=list)

    def lookup(self, text: str, key: str | None = None) -> list[Entry]:
        """Return the entries named exactly ``text`` (acronyms only in capitals)."""
        key = normalize(text) if key is None else key
        found = list(self.names.get(key, ()))
        if key in self.acronyms:
            bare = text.replace(".", "").replace("-", "").replace(" ", "").strip("'")
            if bare.isupper():
                found += self.acronyms[key]
        return found

    def term(self, key: str) -> SectorTerm | None:
        """Return the lexicon term for ``key``, trying simple plural forms."""
        found = self.terms.get(key)
        if found is None and key.endswith("s"):
            found = self.terms.get(key[:-1]) or (self.terms.get(key[:-2]) if key.endswith("es") else None)
        return found

    def add(self, alias: str, entry: Entry) -> None:
        """Index ``entry`` under ``alias`` (and its surname for people)."""
        key = normalize(alias)
        if not key:
            return
        table = self.acronyms if _is_acronym(alias) else self.names
        if entry not in table[key]:
            table[key].append(entry)
        self.max_words = max(self.max_words, len(key.split()))
        if entry.is_person:
            last = key.split()[-1]
            if len(last) >= 3 and key not in self.fuzzy_buckets[last[:3]]:
                self.fuzzy_buckets[last[:3]].append(key)
            if len(last) >= 3 and entry not in self.surnames[last]:
                self.surnames[last].append(entry)

    def by_surname(self, word: str) -> list[Entry]:
        """Return the person whose surname ``word`` is, when only one person bears it."""
        people = self.surnames.get(normalize(word), [])
        return people if len({p.name for p in people}) == 1 else []


class _Reader:
    """Reads one YAML file into a ``KnowledgeBase``, keeping line numbers for errors."""

    def __init__(self, path: Path, kb: KnowledgeBase) -> None:
        self.path = path
        self.kb = kb
        # One constructor turns the composed nodes (which keep their line numbers) into values.
        self.constructor = yaml.SafeLoader("")

    def fail(self, node: yaml.Node | None, problem: str, fix: str) -> ConfigError:
        line = f":{node.start_mark.line + 1}" if node is not None else ""
        return ConfigError(f"{self.path}{line}: {problem}. {fix}")

    def read(self) -> None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError as e:
            raise ConfigError(
                f"cannot read actor file {self.path}: {e.strerror}. "
                'Check the path in [stages."actors.dictionary.v1"].actors.'
            ) from e
        try:
            root = yaml.compose(text, Loader=_LOADER)
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            where = f":{mark.line + 1}" if mark is not None else ""
            raise ConfigError(
                f"{self.path}{where}: not valid YAML ({getattr(e, 'problem', e)}). Fix the syntax there."
            ) from e
        if root is None:
            return
        if not isinstance(root, yaml.MappingNode):
            raise self.fail(
                root, "the file must be a mapping of sections", f"Use sections: {', '.join(SECTIONS)}"
            )
        for key_node, value_node in root.value:
            section = key_node.value
            if section not in SECTIONS:
                raise self.fail(
                    key_node, f"unknown section {section!r}", f"Known sections: {', '.join(SECTIONS)}"
                )
            getattr(self, f"_{section}")(value_node)
        self.kb.sources.append(str(self.path))

    # --- node helpers -------------------------------------------------------------------
    def items(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{what} must be a list", "Write it as a YAML list of entries (`- ...`)")
        return list(node.value)

    def mapping(self, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, Any]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping", "Write it as `key: value` lines")
        fields = {}
        for k, v in node.value:
            try:
                fields[k.value] = (v, self.constructor.construct_object(v, deep=True))
            except (ValueError, yaml.YAMLError) as e:  # "from: 1990-13-45" fails in PyYAML itself
                raise self.fail(v, f"{k.value}: {e}", "Fix the value (dates are YYYY-MM-DD)") from e
        return fields

    def strings(self, node: yaml.Node | None, value: Any, what: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(node, f"{what} must be a list of strings, not {value!r}", "Write e.g. [GOV, MIL]")
        return tuple(value)

    def sectors(self, node: yaml.Node | None, value: Any) -> tuple[str, ...]:
        codes = self.strings(node, value, "sector")
        bad = [c for c in codes if c not in SECTOR_CODES]
        if bad:
            raise self.fail(
                node,
                f"unknown sector code(s) {', '.join(bad)}",
                f"Use PLOVER codes: {', '.join(sorted(SECTOR_CODES))}",
            )
        return codes

    def country(self, node: yaml.Node | None, value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not (
            value in NONSTATE_CODES or (len(value) == 3 and value.isalpha() and value.isupper())
        ):
            raise self.fail(
                node, f"country must be an ISO alpha-3 code, IGO or null, not {value!r}", "Write e.g. IRQ"
            )
        return value

    def day(self, node: yaml.Node | None, value: Any, what: str) -> date | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError as e:
            raise self.fail(node, f"{what} {value!r} is not a date", "Write it as YYYY-MM-DD") from e

    def required(self, fields: dict[str, tuple[yaml.Node, Any]], key: str, node: yaml.Node) -> Any:
        if key not in fields or fields[key][1] in (None, ""):
            raise self.fail(node, f"entry has no {key!r}", f"Add `{key}:` to the entry")
        return fields[key][1]

    def origin(self, node: yaml.Node) -> str:
        return f"{self.path.name}:{node.start_mark.line + 1}"

    # --- sections -------------------------------------------------------------------------
    def _countries(self, node: yaml.Node) -> None:
        for item in self.items(node, "countries"):
            f = self.mapping(item, "a country")
            unknown = set(f) - {
                "code",
                "name",
                "names",
                "demonyms",
                "places",
                "institutions",
                "formerly",
                "note",
            }
            if unknown:
                raise self.fail(
                    item,
                    f"unknown field(s) {', '.join(sorted(unknown))} in a country",
                    "Allowed: code, name, names, demonyms, places, institutions, formerly, note",
                )
            code = str(self.country(item, self.required(f, "code", item)))
            name = str(self.required(f, "name", item))
            self.kb.country_names[code] = name
            roles = self._succession(f, code)
            names = self.strings(f.get("names", (None,))[0], f.get("names", (None, [name]))[1], "names")
            for alias in {name, *names}:
                self.kb.add(alias, Entry(name, "country", code, roles=roles, origin=self.origin(item)))
            for dnode_value in (f.get("demonyms") or (None, None))[1] or []:
                if isinstance(dnode_value, dict):
                    text = dnode_value.get("text")
                    attrs = tuple(dnode_value.get("attributes") or ())
                else:
                    text, attrs = dnode_value, ()
                if not isinstance(text, str):
                    raise self.fail(
                        item, f"demonym {dnode_value!r} has no text", "Write a string or {text: ...}"
                    )
                self.kb.add(
                    text,
                    Entry(name, "demonym", code, attributes=attrs, roles=roles, origin=self.origin(item)),
                )
            places_node, places = f.get("places", (None, None))
            for place in self.strings(places_node, places, "places"):
                place_roles = tuple(replace(r, sector=("GOV",)) for r in roles)
                self.kb.add(
                    place, Entry(name, "place", code, ("GOV",), roles=place_roles, origin=self.origin(item))
                )
            inst_node, institutions = f.get("institutions", (None, None))
            if institutions is not None and not isinstance(institutions, dict):
                raise self.fail(
                    inst_node, "institutions must map a phrase to sectors", "Write e.g. the Pentagon: [MIL]"
                )
            for phrase, sectors in (institutions or {}).items():
                entry = Entry(
                    phrase.removeprefix("the "),
                    "institution",
                    code,
                    self.sectors(inst_node, sectors),
                    origin=self.origin(item),
                )
                self.kb.add(phrase, entry)

    def _succession(self, f: dict[str, tuple[yaml.Node, Any]], code: str) -> tuple[Role, ...]:
        """Return the roles of a seceded state's names: the former state's until the date."""
        node, value = f.get("formerly", (None, None))
        if value is None:
            return ()
        if not isinstance(value, dict) or set(value) != {"country", "until"}:
            raise self.fail(
                node,
                f"formerly must be {{country, until}}, not {value!r}",
                "Write e.g. {country: SDN, until: 2011-07-09}",
            )
        until = self.day(node, value["until"], "until")
        return (
            Role((), self.country(node, value["country"]), None, until),
            Role((), code, until, None),
        )

    def _entries(self, node: yaml.Node, kind: str) -> None:
        for item in self.items(node, kind):
            f = self.mapping(item, f"an entry of {kind}")
            name = str(self.required(f, "name", item))
            unknown = set(f) - {
                "name",
                "aliases",
                "weak_aliases",
                "context",
                "country",
                "sector",
                "attributes",
                "roles",
                "person",
                "died",
                "note",
            }
            if unknown:
                raise self.fail(
                    item,
                    f"unknown field(s) {', '.join(sorted(unknown))} in {name!r}",
                    "Allowed: name, aliases, weak_aliases, context, country, sector, attributes, "
                    "roles, person, died, note",
                )
            country = self.country(f.get("country", (item,))[0], f.get("country", (None, None))[1])
            sector = self.sectors(f.get("sector", (item,))[0], f.get("sector", (None, None))[1])
            roles = []
            roles_node, roles_value = f.get("roles", (None, None))
            if roles_value is not None:
                for role_node in self.items(roles_node, "roles"):
                    r = self.mapping(role_node, "a role")
                    roles.append(
                        Role(
                            sector=self.sectors(role_node, self.required(r, "sector", role_node)),
                            country=self.country(role_node, r.get("country", (None, None))[1]),
                            start=self.day(role_node, r.get("from", (None, None))[1], "from"),
                            end=self.day(role_node, r.get("to", (None, None))[1], "to"),
                            title=r.get("title", (None, None))[1],
                        )
                    )
            entry = Entry(
                name=name,
                kind=kind,
                country=country,
                sector=sector,
                attributes=self.strings(item, f.get("attributes", (None, None))[1], "attributes"),
                roles=tuple(roles),
                is_person=bool(f.get("person", (None, False))[1]),
                died=self.day(item, f.get("died", (None, None))[1], "died"),
                context=tuple(
                    normalize(c) for c in self.strings(item, f.get("context", (None, None))[1], "context")
                ),
                origin=self.origin(item),
            )
            aliases_node, aliases = f.get("aliases", (item, None))
            for alias in (name, *self.strings(aliases_node, aliases, "aliases")):
                self.kb.add(alias, entry)
            weak_node, weak = f.get("weak_aliases", (item, None))
            for alias in self.strings(weak_node, weak, "weak_aliases"):
                if not entry.context:
                    raise self.fail(
                        weak_node,
                        f"{name!r} has weak_aliases but no context",
                        "Add `context:` words that must occur in the article",
                    )
                self.kb.weak[normalize(alias)].append(entry)

    def _igos(self, node: yaml.Node) -> None:
        self._entries(node, "igo")

    def _named(self, node: yaml.Node) -> None:
        self._entries(node, "named")

    def _sectors(self, node: yaml.Node) -> None:
        for item in self.items(node, "sectors"):
            f = self.mapping(item, "a sector group")
            sector = self.sectors(item, self.required(f, "sector", item))
            kind = f.get("kind", (None, "person"))[1]
            if kind not in ("person", "body", "title", "weapon"):
                raise self.fail(
                    item, f"kind must be person, body, title or weapon, not {kind!r}", "Fix the kind"
                )
            terms_node, terms = f.get("terms", (item, None))
            for term in self.strings(terms_node, terms, "terms"):
                self.kb.terms[normalize(term)] = SectorTerm(sector, kind)

    def _affiliations(self, node: yaml.Node) -> None:
        for noun, (value_node, value) in self.mapping(node, "affiliations").items():
            self.kb.affiliations[normalize(noun)] = self.sectors(value_node, value)

    def _kin(self, node: yaml.Node) -> None:
        loader_value = [n.value for n in self.items(node, "kin")]
        self.kb.kin.update(normalize(str(v)) for v in loader_value)

    def _modifiers(self, node: yaml.Node) -> None:
        for item in self.items(node, "modifiers"):
            f = self.mapping(item, "a modifier")
            words_node, words = f.get("words", (item, None))
            modifier = Modifier(
                sector=self.sectors(item, f.get("sector", (None, None))[1]),
                replaces=self.sectors(item, f.get("replaces", (None, None))[1]),
                prefer=self.sectors(item, f.get("prefer", (None, None))[1]),
                attribute=f.get("attribute", (None, None))[1],
            )
            for word in self.strings(words_node, words, "words"):
                self.kb.modifiers[normalize(word)] = modifier


def load_knowledge(extra: Iterable[Path | str] = ()) -> KnowledgeBase:
    """Load the shipped actor files, then each user file in ``extra`` (later ones add to earlier).

    The shipped knowledge alone is read once per process and shared (the coder's agent nouns
    and the actor stage use the same one): treat the result as read-only.

    Raises:
        ConfigError: a file is missing, is not valid YAML, or has a malformed entry; the
            message names the file and line.
    """
    paths = [Path(p) for p in extra]
    return _read_knowledge(paths) if paths else _shipped_knowledge()


@lru_cache(maxsize=1)
def _shipped_knowledge() -> KnowledgeBase:
    return _read_knowledge([])


def _read_knowledge(extra: list[Path]) -> KnowledgeBase:
    kb = KnowledgeBase()
    for path in [*(DATA_DIR / name for name in SHIPPED_FILES), *extra]:
        _Reader(path, kb).read()
    return kb
