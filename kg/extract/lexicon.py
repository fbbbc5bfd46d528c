"""The extraction lexicons: data files a user can read and extend, loaded into one object.

Every list the extractor uses lives in ``kg/extract/lexicons/`` as a small tab-separated file
with a header line and ``#`` comments that say what each column means: reporting verbs and
their default stance, hedging, denial, conditional and relay cues, titles and the bodies they
imply, organisation head nouns, well-known bodies, states and their demonyms, news outlets,
evidence phrases, settings, page furniture, presupposing modifiers, word classes and stop
words.

To extend them, put files with the same names in a directory of your own and pass it to
:func:`load_lexicon` (``kg extract --lexicon DIR``): their rows are added to the shipped ones,
and a row whose first column repeats a shipped entry replaces it.

Example:
    >>> lex = load_lexicon()
    >>> lex.verbs["dismissed"].stance, lex.verbs["told"].cls
    ('denies', 'speech')
    >>> lex.country_by_form["South Korean"].name
    'South Korea'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.extract.portfolios import portfolio_forms

LEXICON_DIR = Path(__file__).with_name("lexicons")

STANCES = ("affirms", "denies", "hedges")
VERB_CLASSES = ("speech", "belief", "release", "cite", "topic")
PRESUPPOSITION_CLASSES = ("evaluative", "trend", "standing")


@dataclass(frozen=True)
class Verb:
    """One form of a reporting verb: ``said`` of *say*, affirms, speech."""

    form: str
    lemma: str
    stance: str
    cls: str


@dataclass(frozen=True)
class Country:
    """A state and the forms that name it."""

    id: str
    name: str
    demonyms: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Title:
    """A title or role and whom its holder acts for (see ``titles.tsv``)."""

    title: str
    affiliation: str  # state | body | org | place
    body: str | None = None
    body_kind: str | None = None


@dataclass(frozen=True)
class OrgHead:
    """The head noun of an organisation's name or description."""

    head: str
    kind: str
    cls: str


@dataclass(frozen=True)
class KnownOrg:
    """A body that texts name without its state ("White House")."""

    name: str
    kind: str
    state: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """All lexicons, indexed for look-up. Build it with :func:`load_lexicon`."""

    verbs: dict[str, Verb]
    hedges: dict[str, str]
    denials: dict[str, str]
    conditionals: dict[str, str]
    relays: dict[str, str]
    settings: dict[str, str]
    evidence: dict[str, str]
    countries: dict[str, Country]
    titles: dict[str, Title]
    org_heads: dict[str, OrgHead]
    organisations: dict[str, KnownOrg]
    outlet_names: dict[str, str]
    outlet_heads: frozenset[str]
    furniture: frozenset[str]
    synonyms: dict[str, str]
    stopwords: frozenset[str]
    #: first words of outlets' names ("Radio Nord"), ``outlets.tsv`` type ``lead``
    outlet_leads: frozenset[str] = frozenset()
    #: nouns for an event ("strike", "blast"): a claim may name with one what another describes
    events: frozenset[str] = frozenset()
    presuppositions: dict[str, str] = field(default_factory=dict)
    #: negative subjects ("nobody") -> the positive word put in their place ("somebody")
    negative_subjects: dict[str, str] = field(default_factory=dict)
    country_by_form: dict[str, Country] = field(default_factory=dict)
    org_by_form: dict[str, KnownOrg] = field(default_factory=dict)

    def __post_init__(self) -> None:
        forms: dict[str, Country] = {}
        for country in self.countries.values():
            for form in (country.name, *country.demonyms, *country.aliases):
                forms.setdefault(form, country)
        self.country_by_form.update(forms)
        for org in self.organisations.values():
            for form in (org.name, *org.aliases):
                self.org_by_form.setdefault(form, org)

    def labels(self) -> tuple[str, ...]:
        """The denial labels (``denial_cues.tsv``, scope ``label``: "baseless", "inflated"),
        longest first: words that call a claim false, wherever a rule reads such a word."""
        return tuple(c for c in self.by_length(self.denials) if self.denials[c] == "label")

    def by_length(self, table: dict[str, str] | dict[str, Verb]) -> list[str]:
        """The keys of ``table``, longest first, so that multi-word entries win."""
        return sorted(table, key=lambda key: (-len(key), key))


def _rows(path: Path) -> Iterator[list[str]]:
    """The data rows of a TSV file: comments and the header line skipped."""
    header_seen = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        yield [cell.strip() for cell in line.split("\t")]


def _lines(path: Path) -> Iterator[str]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield line.strip()


def package_words(name: str) -> list[str]:
    """The entries of one of the package's own one-a-line lists (comments and blank lines
    skipped), for grammar the rules read at import, not extended by a user's directories."""
    return list(_lines(LEXICON_DIR / name))


def _cell(row: list[str], index: int) -> str:
    return row[index] if index < len(row) else ""


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _table_files(name: str, extra: tuple[Path, ...]) -> list[Path]:
    return [p for p in (LEXICON_DIR / name, *(d / name for d in extra)) if p.exists()]


def _merge_rows(name: str, extra: tuple[Path, ...]) -> list[list[str]]:
    """Rows of a table from the shipped file and then each extra directory; a later row with
    the same first column replaces an earlier one."""
    merged: dict[str, list[str]] = {}
    for path in _table_files(name, extra):
        for row in _rows(path):
            if row and row[0]:
                merged[row[0]] = row
    return list(merged.values())


def _pairs(name: str, extra: tuple[Path, ...], lower: bool = True) -> dict[str, str]:
    return {(r[0].lower() if lower else r[0]): _cell(r, 1) for r in _merge_rows(name, extra)}


def _verbs(extra: tuple[Path, ...]) -> dict[str, Verb]:
    verbs: dict[str, Verb] = {}
    for row in _merge_rows("reporting_verbs.tsv", extra):
        lemma, stance, cls = row[0], _cell(row, 2), _cell(row, 3)
        if stance not in STANCES or cls not in VERB_CLASSES:
            raise ValueError(f"reporting_verbs.tsv: {lemma!r}: stance must be one of "
                             f"{STANCES}, class one of {VERB_CLASSES}")
        for form in _split(_cell(row, 1)):
            verbs[form] = Verb(form, lemma, stance, cls)
    return verbs


def _presuppositions(extra: tuple[Path, ...]) -> dict[str, str]:
    cues = _pairs("presupposition_cues.tsv", extra)
    for cue, cls in cues.items():
        if cls not in PRESUPPOSITION_CLASSES:
            raise ValueError(f"presupposition_cues.tsv: {cue!r}: class must be one of "
                             f"{PRESUPPOSITION_CLASSES}")
    return cues


@cache
def _load(extra: tuple[Path, ...]) -> Lexicon:
    countries = {
        r[0]: Country(r[0], _cell(r, 1), _split(_cell(r, 2)), _split(_cell(r, 3)))
        for r in _merge_rows("countries.tsv", extra)
    }
    titles = {
        r[0].lower(): Title(r[0].lower(), _cell(r, 1), _cell(r, 2) or None, _cell(r, 3) or None)
        for r in _merge_rows("titles.tsv", extra)
    }
    titles |= portfolio_forms(titles)  # "Minister of the Interior" as "interior minister"
    heads = {r[0].lower(): OrgHead(r[0].lower(), _cell(r, 1), _cell(r, 2))
             for r in _merge_rows("org_heads.tsv", extra)}
    orgs = {r[0]: KnownOrg(r[0], _cell(r, 1), _cell(r, 2) or None, _split(_cell(r, 3)))
            for r in _merge_rows("organisations.tsv", extra)}
    outlet_rows = _merge_rows("outlets.tsv", extra)
    synonyms: dict[str, str] = {}
    for row in _merge_rows("synonyms.tsv", extra):
        synonyms[row[0].lower()] = row[0].lower()
        for variant in _split(_cell(row, 1)):
            synonyms[variant.lower()] = row[0].lower()
    furniture = frozenset(
        line.lower() for path in _table_files("furniture.tsv", extra)
        for line in list(_lines(path))[1:]
    )
    stopwords = frozenset(
        line.lower() for path in _table_files("stopwords.txt", extra) for line in _lines(path)
    )
    return Lexicon(
        verbs=_verbs(extra),
        hedges=_pairs("hedge_cues.tsv", extra),
        denials=_pairs("denial_cues.tsv", extra),
        conditionals=_pairs("conditional_cues.tsv", extra),
        relays=_pairs("relay_cues.tsv", extra),
        settings=_pairs("settings.tsv", extra),
        evidence=_pairs("evidence_kinds.tsv", extra),
        countries=countries,
        titles=titles,
        org_heads=heads,
        organisations=orgs,
        outlet_names={r[0]: _cell(r, 2) or r[0] for r in outlet_rows if _cell(r, 1) == "name"},
        outlet_heads=frozenset(r[0] for r in outlet_rows if "head" in _split(_cell(r, 1))),
        outlet_leads=frozenset(r[0] for r in outlet_rows if "lead" in _split(_cell(r, 1))),
        furniture=furniture,
        synonyms=synonyms,
        stopwords=stopwords,
        events=frozenset(line.lower() for path in _table_files("event_nouns.txt", extra)
                         for line in _lines(path)),
        presuppositions=_presuppositions(extra),
        negative_subjects={r[0].lower(): _cell(r, 2) for r in _merge_rows("denial_cues.tsv", extra)
                           if _cell(r, 1) == "subject"},
    )


def load_lexicon(*extra_dirs: Path | str) -> Lexicon:
    """The shipped lexicons, extended by the files in ``extra_dirs`` (same file names).

    Args:
        extra_dirs: directories holding any of the lexicon files, with the same columns.

    Returns:
        The merged lexicon (cached: the same directories give the same object).

    Raises:
        ValueError: a reporting verb with an unknown stance or class.
    """
    return _load(tuple(Path(d).resolve() for d in extra_dirs))


def phrase_alternation(phrases: Iterable[str]) -> str:
    r"""A regular-expression alternation of lexicon phrases, each with an optional plural "s"
    and any whitespace between its words, longest first (so "cargo manifest" wins over
    "manifest"); ``(?!)``, which matches nothing, for no phrases.

    Example:
        >>> phrase_alternation(["report", "lab report", "report"])
        'lab\\s+reports?|reports?'
        >>> phrase_alternation([])
        '(?!)'
    """
    escaped = dict.fromkeys(re.escape(p).replace(r"\ ", r"\s+") + "s?" for p in phrases)
    return "|".join(sorted(escaped, key=len, reverse=True)) or "(?!)"


__all__ = ["LEXICON_DIR", "Country", "KnownOrg", "Lexicon", "OrgHead", "Title", "Verb",
           "load_lexicon", "package_words", "phrase_alternation"]
