"""A yes/no question put as the statement it asks about: "Did the pump fail?" asks whether
"The pump failed"; "Was the gate locked?" whether "The gate was locked".

A transcript's "No" or "Yes" (kg/extract/transcript.py) denies or affirms what the question
before it asked, so the claim must be the question turned round into a sentence. With "did",
"does" or "do" the auxiliary goes and the verb after the subject takes its tense ("the pump
fail" is no sentence); with "was", "has", "can" and the like the auxiliary moves after the
subject. "you" is the one who answers. Where the subject's end cannot be told from the words
(no verb that can follow it), there is no claim: a broken clause would be worse than none.

Example:
    >>> declarative("Did the pump fail?")
    'The pump failed.'
    >>> declarative("Was the gate locked at 9pm?")
    'The gate was locked at 9pm.'
    >>> declarative("Did you see the van?", answerer="Mr Lind")
    'Mr Lind saw the van.'
"""

from __future__ import annotations

import re

from lemminflect import getAllLemmas, getInflection

from kg.extract.stance import sentence_text

_DO = {"did": "VBD", "does": "VBZ", "do": "VB"}
# the auxiliary for a third person put in place of "you"
_THIRD = {"do": "does", "were": "was", "are": "is", "have": "has"}
_MODALS = {"can", "could", "will", "would", "should"}
_AUXILIARIES = {"was", "were", "is", "are", "has", "have", "had", *_MODALS}
_PRONOUNS = {"i", "you", "he", "she", "it", "we", "they", "anyone", "anybody", "someone",
             "somebody", "everyone", "nobody", "this", "that"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its",
                "their", "our", "my", "your", "any", "some", "every", "each", "no", "either",
                "neither", "both", "all", "none"}
# words that end the verb phrase's verb: its object's determiner, a preposition, an adverb
_AFTER_VERB = _DETERMINERS | {"at", "in", "on", "to", "from", "for", "with", "by", "of",
                              "off", "out", "up", "down", "after", "before", "because",
                              "when", "while", "about", "into", "over", "under", "again",
                              "ever", "yet", "all", "him", "them", "it", "me", "us"}
_WORD = re.compile(r"\S+")


def _subject_end(words: list[str]) -> int | None:
    """How many words the subject takes: a pronoun, a run of capitalised words (a name), or
    a determiner and its noun phrase (decided by the caller); None when none of these."""
    first = words[0]
    if first.lower() in _PRONOUNS:
        return 1
    if first[:1].isupper():
        end = 1
        while end < len(words) and words[end][:1].isupper():
            end += 1
        return end
    return 0 if first.lower() in _DETERMINERS else None


def _verb_at(words: list[str]) -> int | None:
    """The index of the bare verb after a determiner's noun phrase: a word that can be a verb
    in its base form, after a plural noun, or before its object, a preposition or the end."""
    candidates = []
    for i in range(2, len(words)):
        lemmas = getAllLemmas(words[i].lower())
        if words[i].lower() not in lemmas.get("VERB", ()):
            continue
        after = i + 1 == len(words) or words[i + 1].lower() in _AFTER_VERB
        plural_before = words[i - 1].lower() not in getAllLemmas(words[i - 1].lower()).get(
            "NOUN", (words[i - 1].lower(),))
        if "NOUN" not in lemmas or after or plural_before:
            return i
        candidates.append(i)
    return candidates[-1] if candidates else None


def _predicate_at(words: list[str]) -> int | None:
    """The index where the predicate starts after an auxiliary's subject noun phrase: a
    participle, an adjective, an adverb or a preposition."""
    for i in range(2, len(words)):
        word = words[i].lower()
        lemmas = getAllLemmas(word)
        verb = lemmas.get("VERB", ())
        if word in _AFTER_VERB or word in {"have", "be", "been", "not", "never"} or \
                word.endswith("ly") or \
                (verb and word not in verb) or ("ADJ" in lemmas and "NOUN" not in lemmas):
            return i
    return len(words) - 1 if len(words) >= 3 else None  # "Is the bridge safe?"


def declarative(question: str, *, answerer: str | None = None) -> str | None:
    """The statement a yes/no ``question`` asks about, or None (see the module text)."""
    words = _WORD.findall(question.strip().rstrip("?").strip())
    if len(words) < 3 or ((aux := words[0].lower()) not in _DO and aux not in _AUXILIARIES):
        return None
    rest = words[1:]
    end = _subject_end(rest)
    if end is None:
        return None
    if end == 0:
        # (after "did" or "can" a bare verb, after "was" or "has" a participle or the like)
        end = _verb_at(rest) if aux in _DO or aux in _MODALS else _predicate_at(rest)
        if end is None:
            return None
    subject, predicate = rest[:end], rest[end:]
    if not predicate:
        return None
    if [w.lower() for w in subject] == ["you"] and answerer:
        # the one who answers, in the third person: "Do you know him?" asks "X knows him"
        subject, aux = [answerer], _THIRD.get(aux, aux)
    if aux in _DO:
        verb = predicate[0].lower()
        if verb not in getAllLemmas(verb).get("VERB", ()):
            return None
        inflected = getInflection(verb, _DO[aux])
        predicate = [inflected[0] if inflected else verb, *predicate[1:]]
    else:
        predicate = [aux, *predicate]
    return sentence_text(" ".join([*subject, *predicate]))


__all__ = ["declarative"]
