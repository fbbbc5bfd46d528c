"""The words two claims are compared on, and how alike two claims are.

A claim's text becomes a set of normal forms of its content words:

- quotation marks dropped; states folded to one token ("North Korean", "Pyongyang" and "DPRK"
  are ``country:north-korea``, from ``countries.tsv``);
- numbers written as digits ("3,000", "three thousand" and "3000" are ``3000``; "2.5
  million" is ``2500000``); durations in hours or weeks as whole days ("48 hours" is ``2``
  ``day``); a rough number as its range ("thousands" is ``2000~999999``), which a number in
  it matches when two claims are compared;
- the words that give a stance rather than the claim left out (:func:`stance_spans`: the
  hedges and denial frames of ``hedge_cues.tsv`` and ``denial_cues.tsv`` said inside a claim,
  a denial's label after "as", and contracted negations): "the pumps appeared to be idle" is
  about "the pumps were idle"; so is what comes before "(no) doubt (in our minds) that P",
  and the words a denial leaves behind when its negation is taken out ("anyone", "ever",
  "either", "of any kind": "no one ever opened the safe" is about "the safe was opened");
- each word lemmatised with the dictionary of LemmInflect (MIT licence; its lemma tables ship in
  the package, nothing is downloaded: "took" and "taken" are "take", "seized" is "seize") and
  then stemmed with the Snowball English stemmer (snowballstemmer, BSD licence: "legally" and
  "legal" are ``legal``);
- word classes of ``synonyms.tsv`` folded ("soldiers" is "troops"): a row matches the forms
  it lists, exactly (see the file's header), and may hold phrases ("turn off"), matched before
  stop words are dropped, since particles such as "off" are stop words, also with a pronoun
  between verb and particle ("turned it off");
- stop words dropped (``stopwords.txt``).

The words of a subject opened by a demonstrative ("This vessel turned off its transponder")
are marked ``soft``: the subject points back to something named before, perhaps in other
words or as "it", so they count when the other claim has them and are left out when it has
not.

How alike two claims are is :func:`similarity` (Jaccard, with containment, two numbers in
common and two guards), :func:`names_earlier` (a noun phrase naming an earlier claim) and
:func:`says_again` (a short claim about "the X" after a fuller one); :mod:`kg.extract.claims`
uses them to merge statements into claims.

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
from functools import cache, cached_property

import snowballstemmer
from lemminflect import getAllLemmas, getInflection

from kg.extract.claim_numbers import align_rough, in_days, read_number, rough_number
from kg.extract.lexicon import Lexicon

_WORD = re.compile(r"\d+(?:\.\d+)?|[A-Za-z0-9]+(?:[\u2019'][a-z]+)?")
# the order in which a word's dictionary lemmas are tried: a claim's content words are mostly
# verbs and nouns, and "building" as "build" or "fell" as "fall" joins more forms than it parts
_POS_ORDER = ("VERB", "NOUN", "ADJ", "ADV", "AUX", "PROPN")
MERGE_THRESHOLD = 0.6
CONTAINMENT_FLOOR = 0.3
#: the Jaccard similarity at which two claims with two names in common share a claim
NAMES_FLOOR = 0.5
_STEMMER = snowballstemmer.stemmer("english")
_AUXILIARIES = frozenset((
    "is", "are", "was", "were", "am", "be", "been", "has", "have", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must"))
#: words a denial leaves behind when its negation is taken out ("no one ever" -> "anyone
#: ever"): they say how much of P is denied, not what P is
_POLARITY = frozenset(("ever", "anyone", "anybody", "anything", "either", "whatsoever"))
#: a phrase a denial leaves behind as "any" is ("no information of any kind"): how much is
#: denied, not what
_ANY_KIND = re.compile(r"\bof\s+any\s+(?:kind|sort|description)\b", re.I)
#: a demonstrative opening a claim's subject ("This vessel ...", "Those warnings ..."): the
#: words up to its verb point back to a thing named before, in the same or other words
_DEMONSTRATIVES = frozenset(("this", "that", "these", "those"))
_SOFT_MAX_WORDS = 3
#: a personal pronoun opening a claim ("It entered at 22:40."): its subject was named before
_PRONOUN_SUBJECTS = frozenset(("it", "they", "he", "she"))
#: a pronoun object between a verb and its particle: "turned it off", "covered them up"
_OBJECT_PRONOUNS = frozenset(("it", "them", "this", "that", "him", "her"))
# "(no) doubt (in our minds) that P": how sure the speaker is of P; P is what follows
_DOUBT_FRAME = re.compile(r"^.*?\bdoubts?\s+(?:in\s+\w+\s+minds?\s+)?(?:that|whether)\s+",
                          re.I | re.S)
# a verb phrase that stands for one said before: "do that", "did so", "doing it"
_PROFORM = re.compile(r"\b(?:do|does|did|done|doing)\s+(?:not\s+|n[\u2019']t\s+|never\s+)?"
                      r"(?:do\s+|did\s+)?(?:that|this|so|it)\b", re.I)
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
    #: the words of a subject that points back ("This vessel turned off ..."): counted when
    #: the other claim has them, ignored when it does not (see :func:`similarity`)
    soft: frozenset[str] = frozenset()
    #: a short claim about "the X" ("The crew had been cleared to cross."): X is one named
    #: before, so an earlier claim holding all its words and more is this one, said in full;
    #: so is one opened by a figure ("Four soldiers had been killed."), which pins X down,
    #: and one opened by a personal pronoun ("It entered at 22:40."), whose X was named before
    definite: bool = False
    #: the verb phrase is a pro-form ("Paper kites do not do that", "did so"): what is done
    #: was said before, so the words here are only who did it (see :func:`similarity`)
    proform: bool = False

    @cached_property  # (asked for at every comparison; a frozen dataclass can cache it)
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


def common_noun(word: str) -> bool:
    """Whether LemmInflect's dictionary knows ``word`` (any case) as a noun.

    Example:
        >>> [common_noun(w) for w in ("harbour", "master", "Varga", "quickly")]
        [True, True, False, False]
    """
    return bool(getAllLemmas(word.lower()).get("NOUN"))


def plural_common_noun(word: str) -> bool:
    """Whether ``word`` is one word that LemmInflect's dictionary knows as the plural of a
    common noun ("Soldiers", "Rescuers"); names ("Harlan", "Nokia") are not in it.

    Example:
        >>> [plural_common_noun(w) for w in ("Soldiers", "Harlan", "Police", "Harlan Freight")]
        [True, False, False, False]
    """
    if not re.fullmatch(r"[A-Za-z]+s", word):
        return False
    nouns = getAllLemmas(word.lower()).get("NOUN", ())
    return bool(nouns) and word.lower() not in nouns


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


#: scopes of ``hedge_cues.tsv`` and ``denial_cues.tsv`` whose cues say how sure a speaker is of
#: a claim, or that it is false, rather than what it says: left out when claims are compared
STANCE_SCOPES = frozenset(("claim", "any", "quoted", "frame", "act"))
_NEGATED = re.compile(r"\w+n[\u2019']t", re.I)  # "haven't", "can't", "won't"


@cache
def _stance_pattern(cues: tuple[str, ...], labels: tuple[str, ...]) -> re.Pattern[str]:
    def either(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                        for w in sorted(words, key=len, reverse=True)) or "(?!)"
    # a label only as what a thing was called ("rejected X as baseless", "as a fabrication"):
    # "published false figures" says what was published
    label = rf"as\s+(?:an?\s+)?(?:\w+ly\s+)?(?:{either(labels)})"
    return re.compile(rf"(?<![\w'\u2019])(?:{either(cues)}|{label})(?![\w'\u2019])", re.I)


def stance_spans(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Where ``text`` gives a stance on its claim rather than the claim: hedges ("appears to",
    "may well", "is likely"), denial frames ("there is no evidence that") and a denial's label
    for what it rejects ("X as baseless"). A denial of P, a hedge on P and P itself are about
    one claim; the stance is recorded apart (the statement's ``stance``), so these words are
    not compared.

    Example:
        >>> from kg.extract.lexicon import load_lexicon
        >>> text = "The leak appears to have come from the plant."
        >>> [text[a:b] for a, b in stance_spans(text, load_lexicon())]
        ['appears to']
    """
    cues = tuple(sorted(cue for table in (lex.hedges, lex.denials)
                        for cue, scope in table.items() if scope in STANCE_SCOPES))
    labels = tuple(sorted(cue for cue, scope in lex.denials.items() if scope == "label"))
    return [m.span() for m in _stance_pattern(cues, labels).finditer(text)]


def content_words(text: str, lex: Lexicon) -> Words:
    """The words two claims are compared on (see the module docstring)."""
    text = re.sub(r"[\u201c\u201d\"]", "", text)
    text = _DOUBT_FRAME.sub("", text, count=1)
    text = _ANY_KIND.sub(" ", text)
    text = re.sub(r"(\d),(\d{3})\b", r"\1\2", text)
    text = re.sub(r"(\d),(\d{3})\b", r"\1\2", text)  # "1,000,000": the second group
    countries: list[str] = []
    for form in sorted(lex.country_by_form, key=len, reverse=True):
        pattern = rf"(?<![\w.]){re.escape(form)}(?:\u2019s|'s)?(?![\w])"
        if re.search(pattern, text):
            countries.append("country:" + lex.country_by_form[form].id)
            text = re.sub(pattern, " ", text)
    spans = stance_spans(text, lex)
    found = list(_WORD.finditer(text))
    every = [re.sub(r"[\u2019'](?:s)?$", "", m.group(0)) for m in found]
    capitalised = [i > 0 and w[:1].isupper() for i, w in enumerate(every)]
    # the stance words and contracted negations are dropped; capitals and finite verbs are
    # read on the whole text ("Perhaps Norland ...": Norland is still a name)
    kept = [i for i, m in enumerate(found) if not _NEGATED.fullmatch(m.group(0))
            and not any(a <= m.start() < b for a, b in spans)]
    raw = [every[i] for i in kept]
    capitalised = [capitalised[i] for i in kept]
    phrases = _synonym_phrases(lex)
    longest = max((len(p) for p in phrases), default=1)
    words, qualifiers, events = set(countries), set(countries), set()
    pointing = _pointing_subject(raw)
    # the subject's words, read alone (no demonstrative opens them: no recursion)
    soft = content_words(" ".join(raw[1:pointing]), lex).words if pointing else frozenset()
    i = 0
    while i < len(raw):
        rough = rough_number(raw, i)
        if rough is not None:
            words.add(rough[0])
            qualifiers.add(rough[0])
            i += rough[1]
            continue
        number = read_number(raw, i)
        if number is not None and not (number[1] == 1 and raw[i].lower() == "one"):
            value, i = in_days(number[0], raw[i + number[1]:i + number[1] + 1]), i + number[1]
            if value != number[0]:
                words.add(normal_form("day"))
                i += 1  # the unit, now days
            words.add(value)
            qualifiers.add(value)
            continue
        lowered = raw[i].lower()
        split = tuple(w.lower() for w in raw[i:i + 3])
        if len(split) == 3 and split[1] in _OBJECT_PRONOUNS and (split[0], split[2]) in phrases:
            words.add(phrases[(split[0], split[2])])  # "turned it off" is "turned off"
            i += 3
            continue
        window = tuple(w.lower() for w in raw[i:i + longest])
        size = next((n for n in range(len(window), 0, -1) if window[:n] in phrases
                     and (n > 1 or lowered not in lex.stopwords)), 0)
        if size:
            words.add(phrases[window[:size]])
            i += size
            continue
        i += 1
        if lowered in lex.stopwords or lowered in _POLARITY or len(lowered) < 2:
            continue
        form = normal_form(lowered)
        words.add(form)
        if lowered in lex.events:
            events.add(form)
        if capitalised[i - 1]:
            qualifiers.add(form)
    nominal = 0 < len(words) <= NOMINAL_MAX_WORDS and not _finite(every)
    # "The crew had been cleared ...", a figure and two words ("Four soldiers had been
    # killed.") or a pronoun ("It entered at 22:40."): a short claim about a thing named
    # before (see says_again)
    definite = 2 <= len(words) <= NOMINAL_MAX_WORDS and len(raw) > 1 and (
        (not words & qualifiers and raw[0].lower() == "the" and not raw[1][:1].isupper())
        or raw[0].lower() in _PRONOUN_SUBJECTS
        or (read_number(raw, 0) is not None and len(words & qualifiers) == 1
            and len(words - qualifiers) >= 2))
    return Words(frozenset(words), frozenset(qualifiers), frozenset(events), nominal,
                 frozenset(soft - qualifiers), definite, bool(_PROFORM.search(text)))


def _pointing_subject(raw: list[str]) -> int:
    """Where the words of a subject opened by a demonstrative end ("This vessel | turned off
    its transponder"): 0 when the claim opens no such subject, or it has no verb after at most
    :data:`_SOFT_MAX_WORDS` words ("That account." names a statement: :mod:`anaphora`)."""
    if not raw or raw[0].lower() not in _DEMONSTRATIVES:
        return 0
    for end in range(2, min(len(raw), _SOFT_MAX_WORDS + 2)):
        lowered = raw[end].lower()
        if lowered in _AUXILIARIES or any(
                lowered in (*getInflection(lemma, "VBD"), *getInflection(lemma, "VBZ"))
                for lemma in getAllLemmas(lowered).get("VERB", ())):
            return end
    return 0


def similarity(a: Words, b: Words) -> float:
    """How far two claims say the same thing, in [0, 1]: the Jaccard similarity of their
    words (a pointing subject's words that the other lacks left out), raised to
    :data:`MERGE_THRESHOLD` when one's words contain the other's and the larger adds no
    qualifier, or when they have two numbers in common (either with a Jaccard similarity of
    at least :data:`CONTAINMENT_FLOOR`), or two names, states or numbers (with at least
    :data:`NAMES_FLOOR`). Claims that give different numbers are different
    claims, and so is a claim and a narrower version of it (:func:`refines`): both 0.

    Example:
        >>> from kg.extract.lexicon import load_lexicon
        >>> lex = load_lexicon()
        >>> similarity(content_words("Two ferries sank.", lex),
        ...            content_words("Three ferries sank.", lex))
        0.0
    """
    a, b = _aligned(a, b), _aligned(b, a)
    union = a.words | b.words
    if not union or (a.numbers and b.numbers and not a.numbers & b.numbers) \
            or refines(a, b) or refines(b, a):
        return 0.0
    jaccard = len(a.words & b.words) / len(union)
    if jaccard >= MERGE_THRESHOLD:
        return jaccard
    # two figures in common ("17 patients on Ward 12" / "17 Ward 12 patients") pin one
    # event down, whatever else each says of it; two names (or states) in common pin its
    # participants down, when half the words are shared and two of them say what was done
    # ("It was by Arno Vell" says only who)
    if len(a.numbers & b.numbers) >= 2 and jaccard >= CONTAINMENT_FLOOR:
        return MERGE_THRESHOLD
    if len(a.qualifiers & b.qualifiers) >= 2 and jaccard >= NAMES_FLOOR \
            and len((a.words & b.words) - a.qualifiers - b.qualifiers) >= 2:
        return MERGE_THRESHOLD
    small, large = (a, b) if len(a.words) <= len(b.words) else (b, a)
    # the smaller must say something besides names and numbers ("It was by Van Haelen" says
    # only who): else what the larger adds may be all it says
    # ("Paper kites do not do that" names only who, the deed being said before)
    if len(small.words) >= 2 and small.words < large.words and jaccard >= CONTAINMENT_FLOOR \
            and small.words - small.qualifiers and not small.proform \
            and not (large.words - small.words) & large.qualifiers:
        return MERGE_THRESHOLD
    return jaccard


def _aligned(a: Words, b: Words) -> Words:
    """``a`` with its rough numbers read as the numbers of ``b`` they cover, and without the
    words of its pointing subject that ``b`` lacks ("This vessel" may be b's "it")."""
    dropped = a.soft - b.words
    if not dropped and not any("~" in w for w in a.words):
        return a
    return Words(align_rough(a.words - dropped, b.words),
                 align_rough(a.qualifiers - dropped, b.words), a.events - dropped,
                 a.nominal, a.soft - dropped, proform=a.proform)


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


def says_again(new: Words, earlier: Words) -> bool:
    """Whether ``new`` is a short claim about "the X" whose words all occur in an earlier,
    fuller claim ("The crew had been cleared to cross." after "whether the ATR crew had been
    cleared to cross"): the definite article points back to what the fuller one named, so
    the qualifiers the short one lacks are not left out but taken as read. Only in this
    direction: a fuller claim after a short one adds to it, and may refine it.

    Example:
        >>> from kg.extract.lexicon import load_lexicon
        >>> lex = load_lexicon()
        >>> says_again(content_words("The bridge was closed.", lex),
        ...            content_words("The Lune Street bridge was closed on Monday.", lex))
        True
    """
    return new.definite and new.words < earlier.words


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


__all__ = ["CONTAINMENT_FLOOR", "MERGE_THRESHOLD", "NAMES_FLOOR", "NOMINAL_MAX_WORDS",
           "Words",
           "content_words", "names_earlier", "normal_form", "refines", "says_again",
           "similarity"]
