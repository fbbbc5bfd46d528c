"""Which earlier claim a statement about "the accusation", "that reading" or "the figures"
is about.

A statement whose words only refer back ("dismissed the accusation", "disputes that
reading", "rejected the Harbour Watch report", "shares the assessment of the government",
"could not verify the figures") is about a claim made before. The noun says which:

1. a definite description repeated ("the figure" ... "the figures") refers to what it
   referred to before;
2. otherwise the earlier statements (within :data:`WINDOW` sentences, by another speaker, not
   the publisher's own) are scored: a verb that the noun names the act or product of
   ("accusation" -> "accused"; "reading", "assessment", "report" -> "concluded", "found";
   or a statement made "in a study" for "the findings"; less if the act is only inside the
   claim: "the request" -> "had asked for"), a speaker that the words name ("the Harbour
   Watch report", "the health office's figure", "the assessment of the Norland government",
   "the Kesarian version"; looked for as far back as the text goes), a number in a claim
   called a "figure", what an "of the X" after the noun is about ("the airline's version of
   the clearance"), a hedged statement for "that suggestion". The best score wins, the most
   recent on ties, but "X's account" or "version" takes X's first statement, the thesis an
   account opens with (:mod:`kg.extract.referents`);
3. with no score above zero the nearest earlier statement by another speaker is taken (the
   rule of :mod:`kg.extract.claims` before nouns were read); for "the accusation" (not "that
   account", which points at what was just said) that speaker's first statement in the
   window, the accusation as a whole.

Example:
    >>> from kg.extract.lexicon import load_lexicon
    >>> refers_back("it shares the assessment of the Norland government", load_lexicon())
    'agrees'
    >>> refers_back("the figures had risen", load_lexicon())
    >>> anaphor_noun("The accusation.")
    ('accusation', set())
    >>> noun, owner = anaphor_noun("The Harbour Watch report.")
    >>> noun, sorted(owner)
    ('report', ['harbour', 'watch'])
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.lexicon import Lexicon
from kg.extract.model import StatementRecord
from kg.extract.names import slug
from kg.extract.referents import (
    DEMONSTRATIVE,
    about,
    first_of_speaker,
    topic,
    with_place_adjectives,
)

WINDOW = 8  # sentences an anaphoric noun looks back
# noun -> stems of the reporting verbs whose statements it can name
_NOUNS: dict[str, tuple[str, ...]] = {
    "accusation": ("accus", "alleg", "blam", "charg"),
    "allegation": ("alleg", "accus", "charg", "claim"),
    "charge": ("charg", "accus", "alleg"),
    "assessment": ("assess", "conclu", "found", "find", "accus", "blam", "attribut", "estimat"),
    "conclusion": ("conclu", "found", "find", "assess"),
    "finding": ("found", "find", "conclu", "assess"),
    "reading": ("conclu", "found", "find", "assess"),
    "report": ("conclu", "found", "find", "report", "publish", "releas"),
    "study": ("conclu", "found", "find", "publish", "releas"),
    "request": ("ask", "request", "call", "urg", "demand"),
    # "questioned the agency's method": the conclusion the method reached
    "method": ("found", "conclu", "determin", "identif"),
    "methodology": ("found", "conclu", "determin", "identif"),
    # a suggestion is put tentatively: "said it was possible that P" (see _TENTATIVE)
    "suggestion": ("suggest", "propos"),
    "possibility": ("suggest", "rais"),
    "figure": (),
    "toll": (),
    "estimate": ("estimat",),
    "count": (),
    "tally": (),
}
# what is said against someone, who denies it: "the allegations" are those about the denier
_ACCUSED = ("accusation", "allegation", "charge")
# "that account", "the claim" name no kind of act: they take the nearest earlier statement
_GENERIC = ("claim", "account", "story", "version", "rumour", "rumor")
_NUMERIC = {"figure", "toll", "estimate", "count", "tally"}
# nouns for a claim put forward tentatively: what a hedged statement says
_TENTATIVE = {"suggestion", "possibility"}
# nouns for what a study concludes, and the words that say a statement came from one
_STUDIED = {"report", "study", "finding", "conclusion", "reading", "assessment"}
_IN_DOCUMENT = re.compile(r"\b(?:in|from)\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,3}?"
                          r"(?:report|study|analysis|review|assessment|investigation|audit)\b",
                          re.I)
# nouns for how a conclusion was reached: "questioned the agency's method"
_METHOD = {"method", "methodology"}
# a statement made as its speaker published findings: a conclusion, though "said" reports it
_PUBLISHED_FINDINGS = re.compile(r"\b(?:published|released|presented|announced|issued|set\s+out)"
                                 r"\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+)?(?:findings|"
                                 r"results|conclusions)\b", re.I)
_NOUN = re.compile(r"\b(" + "|".join((*_NOUNS, *_GENERIC)) + r")s?\b", re.I)
_NUMBER = re.compile(r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|"
                     r"hundreds?|thousands?)\b", re.I)


_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
_NP = (r"(?:(?:the|that|this|these|those|its|their|his|her|our)\s+|[\w-]+[\u2019']s\s+)"
       r"(?:[\w\u2019'-]+\s+){0,3}?")
_OF = r"(?:\s+of\s+(?:the\s+)?[\w\u2019' -]+?)?"
_REFERS = re.compile(rf"^{_NP}{_NOUN.pattern}{_OF}\W*$", re.I)
_BARE = re.compile(rf"^{_NOUN.pattern}\W*$", re.I)
# "it shares the assessment of the government": agreeing with a claim made before
# (its subject a pronoun, a name, or "the" and a noun or two: not any words, which would
# read "X has not produced a single coordinate to back its claim" as agreeing)
_AGREES = re.compile(rf"^(?:it|we|they|he|she|i|(?-i:[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*)*"
                     r"(?:\s+[a-z][\w-]*)?)|the\s+(?-i:[a-z][\w-]*(?:\s+[a-z][\w-]*)?))\s+"
                     rf"(?:shares?|shared|endorses?|endorsed|backs?|backed|accepts?|accepted|"
                     rf"agrees?\s+with|agreed\s+with|supports?|supported)\s+{_NP}"
                     rf"{_NOUN.pattern}{_OF}\W*$", re.I)


@cache
def _called_wrong(labels: tuple[str, ...]) -> re.Pattern[str]:
    """"the health office's figure was inflated": a claim made before, called wrong by a
    label of ``denial_cues.tsv`` (scope ``label``), so that a user's label counts here too."""
    words = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels) or "(?!)"
    return re.compile(rf"^{_NP}{_NOUN.pattern}\s+(?:was|were|is|are|had been|has been)\s+"
                      rf"(?:\w+ly\s+)?(?:{words})\W*$", re.I)


def refers_back(text: str, lex: Lexicon) -> str | None:
    """How ``text`` (a claim's words) is only about a claim made before: "refers" ("the
    figures"), "agrees" ("it shares the assessment of X") or "wrong" ("X's figure was
    inflated", with a label of ``denial_cues.tsv``); None if it states a claim of its own."""
    plain = re.sub(r"[\u201c\u201d\"]", "", text).strip()
    # ("findings that X has called flawed": a bare noun alone states nothing of its own)
    for how, pattern in (("refers", _REFERS), ("refers", _BARE), ("agrees", _AGREES),
                         ("wrong", _called_wrong(lex.labels()))):
        if pattern.match(plain):
            return how
    return None


def anaphor_noun(text: str) -> tuple[str, set[str]] | None:
    """The referring noun of a claim's words (singular, lower case) and the lower-cased
    words that name whose it is ("the Harbour Watch report", "the health office's figure",
    "the assessment of the Norland government"), or None."""
    match = _NOUN.search(text)
    if match is None:
        return None
    before = text[:match.start()].split()
    owner = {w.lower() for w in before[1:] if w[:1].isupper()}
    owner |= {re.sub(r"['\u2019]s?$", "", w).lower() for w in before
              if re.search(r"\w['\u2019]s?$", w)}
    after = re.match(r"\s+of\s+(?:the\s+)?((?:[A-Z][\w-]*\s*)+)", text[match.end():])
    if after:  # "of the Norland government": the name, not the noun after it
        owner |= {w.lower() for w in after.group(1).split()}
    return match.group(1).lower(), owner - {"the", "its", "their", "it"}


def anaphor_target(statements: list[StatementRecord], i: int, home: dict[int, int],
                   names: dict[str, list[str]], seen: dict[str, int]) -> int | None:
    """The cluster (an index into the caller's clusters, through ``home``) that statement
    ``i`` refers back to, or None. ``names`` maps actor ids to their names; ``seen`` maps a
    noun to the cluster it referred to (updated here)."""
    me = statements[i]
    found = anaphor_noun(me.claim_text)
    if found is not None and found[0] in seen:
        return seen[found[0]]
    target = _scored(statements, i, found, names) if found else None
    if me.own_voice and target is not None and found is not None and found[1] and len({
            statements[j].actor for j in range(i) if not statements[j].own_voice and
            found[1] <= _tokens(statements[j].actor, names)}) > 1:
        # the writer's "could not verify the ministry's account" with two ministries that
        # spoke: which one is not said, so no guess
        target = None
    if target is None and not me.own_voice:
        # (the writer's own sentence refers back only to a claim its words name)
        target = _nearest(statements, i)
        if target is not None and statements[target].actor != me.actor and \
                not DEMONSTRATIVE.match(me.claim_text):
            # "the accusation": as a whole, stated first ("that account": just said)
            target = first_of_speaker(statements, i, target, WINDOW)
    cluster = home.get(target) if target is not None else None
    if found is not None and cluster is not None:
        seen[found[0]] = cluster
    return cluster


def _scored(statements: list[StatementRecord], i: int, found: tuple[str, set[str]],
            names: dict[str, list[str]]) -> int | None:
    me = statements[i]
    noun, owner = found
    numbers = set(_DIGITS.findall(me.claim_text))
    subject = topic(me)
    best: tuple[int, int] | None = None
    for j in range(i - 1, -1, -1):
        other = statements[j]
        if other.actor == me.actor or other.own_voice or other.anaphor:
            continue
        score = 0
        if owner and owner <= _tokens(other.actor, names):
            score += 3  # whose claim it is, named: as far back as the text goes
        elif me.sentence_index - other.sentence_index > WINDOW:
            continue
        verb = (other.verb or "").lower()
        stems = _NOUNS.get(noun, ())
        if any(verb.startswith(stem) or f" {stem}" in verb for stem in stems):
            score += 2
        elif noun in _STUDIED and _IN_DOCUMENT.search(other.reported_as or ""):
            score += 2  # "said in a study that P": "the findings"
        elif noun in _STUDIED | _METHOD and _PUBLISHED_FINDINGS.search(other.reported_as or ""):
            score += 2  # "said as it published its findings": "the method", "the findings"
        elif any(re.search(rf"\b{stem}", other.claim_text, re.I) for stem in stems):
            score += 1  # "had asked for ..." reported by someone else: "the request"
        if subject and about(subject, other.claim_text):
            score += 1  # "the airline's version of the clearance": the claim about clearing
        if me.stance == "denies" and not owner and noun in _ACCUSED and \
                _names_speaker(other.claim_text, names.get(me.actor, [])):
            score += 2  # "Meravia denied the allegations": those made about Meravia
        if noun in _TENTATIVE and other.stance == "hedges":
            score += 2  # "said it was possible that P" ... "dismissed that suggestion"
        if noun in _NUMERIC and _NUMBER.search(other.claim_text):
            score += 1
            if numbers and numbers & set(_DIGITS.findall(other.claim_text)):
                score += 2  # "the union's figure of 17": the claim that gave 17
            elif numbers:
                score -= 1
        if noun in _GENERIC and other.from_quote and score > 1:
            # "the former employee's account": what the writer reported them saying, not a
            # quotation after it
            score -= 1
        # (scanning back: a tie goes to the most recent, but "X's account" or "version" to
        # X's first statement, the thesis an account opens with, not its latest detail)
        if score and (best is None or score > best[0] or
                      (score == best[0] and noun in _GENERIC)):
            best = (score, j)
    return best[1] if best else None


def _names_speaker(claim: str, names: list[str]) -> bool:
    """Whether ``claim`` names the speaker by a proper word of one of its ``names`` ("Meravia"
    of "Meravia's government"): the accused, who denies what is said of it."""
    words = {w for name in names for w in re.findall(r"\b[A-Z][\w-]{2,}", name)
             if w not in {"The", "A", "An"}}
    return any(re.search(rf"\b{re.escape(w)}\b", claim) for w in words)


def _tokens(actor: str, names: dict[str, list[str]]) -> set[str]:
    words = set(actor.split("-"))
    for name in names.get(actor, []):
        words |= set(slug(name).split("-"))
    return with_place_adjectives(words)  # "the Kesarian version" is Kesaria's


def _nearest(statements: list[StatementRecord], i: int) -> int | None:
    """The statement of the same frame, or the nearest by another speaker, within two
    sentences."""
    me = statements[i]
    for j in range(i - 1, -1, -1):
        other = statements[j]
        if me.sentence_index - other.sentence_index > 2:
            return None
        if other.group == me.group or (other.actor != me.actor and not other.own_voice):
            return j
    return None


__all__ = ["WINDOW", "anaphor_noun", "anaphor_target", "refers_back"]
