"""The words two claims are compared on, and how alike two claims are.

A claim's text becomes a set of normal forms of its content words:

- quotation marks dropped; states folded to one token ("North Korean", "Pyongyang" and "DPRK"
  are ``country:north-korea``, from ``countries.tsv``);
- numbers written as digits ("3,000", "three thousand" and "3000" are ``3000``; "2.5
  million" is ``2500000``);
- each word lemmatised with the dictionary of LemmInflect (MIT licence; its lemma tables ship in
  the package, nothing is downloaded: "took" and "taken" are "take", "seized" is "seize") and
  then stemmed with the Snowball English stemmer (snowballstemmer, BSD licence: "legally" and
  "legal" are ``legal``);
- word classes of ``synonyms.tsv`` folded ("soldiers" is "troops"): a row matches the forms
  it lists, exactly (see the file's header), and may hold phrases ("turn off"), matched before
  stop words are dropped, since particles such as "off" are stop words;
- stop words dropped (``stopwords.txt``).

How alike two claims are is :func:`similarity` (Jaccard, with containment and two guards) and
:func:`names_earlier` (a noun phrase naming an earlier claim); :mod:`kg.extract.claims` uses
them to merge statements into claims.

Example:
    >>> from kg.extract.lexicon import load_lexicon
    >>> words = content_words("North Korean soldiers are in Russia.", load_lexicon())
    >>> sorted(words.words)
    ['country:north-korea', 'country:russia', 'troop']
    >>> sorted(content_words("Three thousand troops took the town.", load_lexicon()).words)
    ['3000', 'take', 'town', 'troop']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import snowballstemmer
from lemminflect import getAllLemmas, getInflection

from kg.extract.lexicon import Lexicon

_WORD = re.compile(r"\d+(?:\.\d+)?|[A-Za-z0-9]+(?:[\u2019'][a-z]+)?")
# the order in which a word's dictionary lemmas are tried: a claim's content words are mostly
# verbs and nouns, and "building" as "build" or "fell" as "fall" joins more forms than it parts
_POS_ORDER = ("VERB", "NOUN", "ADJ", "ADV", "AUX", "PROPN")
_UNITS = {w: n for n, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen"))}
_TENS = {w: 10 * n for n, w in enumerate((
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), start=2)}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
MERGE_THRESHOLD = 0.6
CONTAINMENT_FLOOR = 0.3
_STEMMER = snowballstemmer.stemmer("english")
_AUXILIARIES = frozenset((
    "is", "are", "was", "were", "am", "be", "been", "has", "have", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must"))
#: a claim of at most this many content words and no finite verb is a nominal ("Forced
#: overtime.", "Neglect."): what "denied forced overtime" says was not done
NOMINAL_MAX_WORDS = 3


@dataclass(frozen=True)
class Words:
    """The content words of a claim, and which of them qualify it."""

    words: frozenset[str]
    qualifiers: frozenset[str]
    events: frozenset[str] = frozenset()  # nouns for an event ("strike"): event_nouns.txt
    nominal: bool = False  # a noun phrase, no finite verb ("Forced overtime."): see _finite

    @property
    def numbers(self) -> frozenset[str]:
        """The numbers among the words ("3000", "2.5")."""
        return frozenset(w for w in self.words if w[:1].isdigit())


@cache
def normal_form(word: str) -> str:
    """A word's lemma (LemmInflect's dictionary; the word itself when it has none), stemmed.

    Example:
        >>> [normal_form(w) for w in ("seized", "seizes", "took", "legally", "legal")]
        ['seiz', 'seiz', 'take', 'legal', 'legal']
    """
    word = word.lower()
    lemmas = getAllLemmas(word)
    lemma = next((lemmas[pos][0] for pos in _POS_ORDER if lemmas.get(pos)), word)
    return _STEMMER.stemWord(lemma)


def _number(tokens: list[str], start: int) -> tuple[str, int] | None:
    """The number written at ``tokens[start]`` in digits or words, and how many tokens it
    takes; None when no number starts there."""
    total, current, i = 0.0, 0.0, start
    while i < len(tokens):
        token = tokens[i].lower()
        if re.fullmatch(r"\d+(?:\.\d+)?", token):
            if i > start:
                break
            current = float(token)
        elif token in _UNITS and (current % 100 == 0 or (current % 10 == 0 and current > 10)):
            current += _UNITS[token]
        elif token in _TENS and current % 100 == 0:
            current += _TENS[token]
        elif token == "and" and i > start and tokens[i - 1].lower() in _SCALES \
                and i + 1 < len(tokens) and tokens[i + 1].lower() in _UNITS.keys() | _TENS.keys():
            pass  # "four hundred and twenty"
        elif token in _SCALES and i > start:
            scale = _SCALES[token]
            if scale == 100:
                current *= 100
            else:
                total, current = total + current * scale, 0.0
        else:
            break
        i += 1
    if i == start:
        return None
    value = total + current
    return (str(int(value)) if value == int(value) else str(value)), i - start


def _finite(raw: list[str]) -> bool:
    """Whether the words hold a finite verb: an auxiliary or modal, or a past or third-person
    present form with a word before it (a first word "Forced" in "Forced overtime" modifies
    the noun; a form after "being" is a participle: "passports being withheld")."""
    for i, word in enumerate(raw):
        lowered = word.lower()
        if lowered in _AUXILIARIES:
            return True
        if i == 0 or raw[i - 1].lower() == "being":
            continue
        for lemma in getAllLemmas(lowered).get("VERB", ()):
            if lowered in (*getInflection(lemma, "VBD"), *getInflection(lemma, "VBZ")):
                return True
    return False


def _synonym_phrases(lex: Lexicon) -> dict[tuple[str, ...], str]:
    """``synonyms.tsv`` as lower-case phrases -> the normal form of the row's first entry.
    Rows list each form they fold ("forces" is "troops"; "forced" is not): matching any form
    of a word would let a noun's variant fold a verb that shares its stem."""
    return {tuple(phrase.split()): "-".join(normal_form(w) for w in head.split())
            for phrase, head in lex.synonyms.items()}


def content_words(text: str, lex: Lexicon) -> Words:
    """The words two claims are compared on (see the module docstring)."""
    text = re.sub(r"[\u201c\u201d\"]", "", text)
    text = re.sub(r"(\d),(\d{3})\b", r"\1\2", text)
    text = re.sub(r"(\d),(\d{3})\b", r"\1\2", text)  # "1,000,000": the second group
    countries: list[str] = []
    for form in sorted(lex.country_by_form, key=len, reverse=True):
        pattern = rf"(?<![\w.]){re.escape(form)}(?:\u2019s|'s)?(?![\w])"
        if re.search(pattern, text):
            countries.append("country:" + lex.country_by_form[form].id)
            text = re.sub(pattern, " ", text)
    raw = [re.sub(r"[\u2019'](?:s)?$", "", m.group(0)) for m in _WORD.finditer(text)]
    capitalised = [i > 0 and w[:1].isupper() for i, w in enumerate(raw)]
    phrases = _synonym_phrases(lex)
    longest = max((len(p) for p in phrases), default=1)
    words, qualifiers, events = set(countries), set(countries), set()
    i = 0
    while i < len(raw):
        number = _number(raw, i)
        if number is not None and not (number[1] == 1 and raw[i].lower() == "one"):
            words.add(number[0])
            qualifiers.add(number[0])
            i += number[1]
            continue
        lowered = raw[i].lower()
        window = tuple(w.lower() for w in raw[i:i + longest])
        size = next((n for n in range(len(window), 0, -1) if window[:n] in phrases
                     and (n > 1 or lowered not in lex.stopwords)), 0)
        if size:
            words.add(phrases[window[:size]])
            i += size
            continue
        i += 1
        if lowered in lex.stopwords or len(lowered) < 2:
            continue
        form = normal_form(lowered)
        words.add(form)
        if lowered in lex.events:
            events.add(form)
        if capitalised[i - 1]:
            qualifiers.add(form)
    nominal = 0 < len(words) <= NOMINAL_MAX_WORDS and not _finite(raw)
    return Words(frozenset(words), frozenset(qualifiers), frozenset(events), nominal)


def similarity(a: Words, b: Words) -> float:
    """How far two claims say the same thing, in [0, 1]: the Jaccard similarity of their
    words, raised to :data:`MERGE_THRESHOLD` when one's words contain the other's and the
    larger adds no qualifier (with a Jaccard similarity of at least
    :data:`CONTAINMENT_FLOOR`). Claims that give different numbers are different claims, and
    so is a claim and a narrower version of it (:func:`refines`): both 0.

    Example:
        >>> from kg.extract.lexicon import load_lexicon
        >>> lex = load_lexicon()
        >>> similarity(content_words("Two ferries sank.", lex),
        ...            content_words("Three ferries sank.", lex))
        0.0
    """
    union = a.words | b.words
    if not union or (a.numbers and b.numbers and not a.numbers & b.numbers) \
            or refines(a, b) or refines(b, a):
        return 0.0
    jaccard = len(a.words & b.words) / len(union)
    if jaccard >= MERGE_THRESHOLD:
        return jaccard
    small, large = (a, b) if len(a.words) <= len(b.words) else (b, a)
    if len(small.words) >= 2 and small.words < large.words and jaccard >= CONTAINMENT_FLOOR \
            and not (large.words - small.words) & large.qualifiers:
        return MERGE_THRESHOLD
    return jaccard


def refines(narrow: Words, broad: Words) -> bool:
    """Whether the narrower claim is the broader one with a qualifier added. The broader
    one may name the event with a noun ("civilians were killed in the strike") where the
    narrower describes it ("23 civilians were killed when a missile hit the market")."""
    named_event = broad.words - narrow.words
    core = broad.words - named_event
    if named_event and not (named_event <= broad.events and len(core) >= 2):
        return False
    return len(broad.words) >= 3 and core < narrow.words and bool(
        (narrow.words - broad.words) & narrow.qualifiers)


def names_earlier(new: Words, earlier: Words) -> bool:
    """Whether ``new`` is a nominal ("Forced overtime.") whose words all occur in an earlier
    claim: the noun phrase names that claim ("the union denied forced overtime"). Only in
    this direction: a fuller statement after a nominal adds to it, and may refine it.

    Example:
        >>> from kg.extract.lexicon import load_lexicon
        >>> lex = load_lexicon()
        >>> names_earlier(content_words("Forced overtime.", lex),
        ...               content_words("The mill forced its weavers to work overtime.", lex))
        True
    """
    return new.nominal and bool(new.words) and new.words <= earlier.words


__all__ = ["CONTAINMENT_FLOOR", "MERGE_THRESHOLD", "NOMINAL_MAX_WORDS", "Words",
           "content_words", "names_earlier", "normal_form", "refines", "similarity"]
