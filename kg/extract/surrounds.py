"""What was said around an attribution in the middle or at the end of a sentence: a
paraphrase or quotation before it, a quotation split by it, a clause coordinated after it,
and ``According to X, P`` / ``P, according to X``.

Example:
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.sentences import split_sentences
    >>> sent = split_sentences("The road was closed, according to the police.")[0]
    >>> [(f.speaker_text, [sent.text[a:b] for a, b in f.claims])
    ...  for f in according(sent, sent.masked(), load_lexicon(), [])]
    [('the police', ['The road was closed'])]
"""

from __future__ import annotations

import re

from kg.extract.clauses import CLAUSE_VERB
from kg.extract.evidence import evidence_kind
from kg.extract.frame import Frame, finite, skip_adjuncts, terminator, verb_pattern
from kg.extract.lexicon import Lexicon
from kg.extract.sentences import Sentence
from kg.extract.subjects import LEADING

# a clause in the tense of reported speech: a short subject, then an auxiliary
_BACKSHIFTED = re.compile(r"(?:[\w\u2019'-]+\s+){1,5}?(?:had|would|could|were|was|might|"
                          r"should)\b")
# ("per cent", "per capita" are no source)
_ACCORDING = re.compile(r"\b(?:[Aa]ccording to|[Pp]er(?!\s+(?:cent|capita|head|annum)\b))\s+")


def front_claim(sent: Sentence, masked: str, frame: Frame, s0: int) -> None:
    """The claim before the attribution: a quote, or a paraphrase ended by a comma."""
    before = masked[:s0].rstrip(" ,")
    quotes = [(a, b) for a, b in sent.quotes if b - sent.start <= s0]
    if quotes:
        frame.quotes.extend(quotes)
        frame.claims.extend(quotes)
        frame.from_quote = True
        return
    if len(before.split()) >= 4 and finite(sent.text[:len(before)]) and \
            not LEADING.fullmatch(before + " "):
        lead = LEADING.match(before)
        start = lead.end() if lead else 0
        frame.claims.append((sent.start + start, sent.start + len(before)))


# "P, which, the council said, had been caused by Q": a relative pronoun set off before the
# attribution
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who)\s*,\s*$")


def relative_aside(sent: Sentence, masked: str, frame: Frame, s0: int, v1: int) -> bool:
    """"The council lodged a protest over the flooding, which, the council said, had been
    caused by blocked drains": the speaker says only the rest of the relative clause (the
    writer states the main clause: :func:`kg.extract.narration.lead_clause`). True if read."""
    if (aside := _RELATIVE_ASIDE.search(masked[:s0])) is None:
        return False
    start = skip_adjuncts(masked, v1)
    start += len(masked[start:]) - len(masked[start:].lstrip(" ,"))
    end = terminator(masked, start)
    if len(masked[start:end].split()) < 3:
        return True
    # the relative pronoun's antecedent is the claim's subject ("the flooding had been ..."),
    # the words between left out of it, as a split quotation's attribution is
    head = _ANTECEDENT.search(masked[:aside.start()])
    frame.claims.append((sent.start + (head.start() if head else start), sent.start + end))
    if head:
        frame.blank.append((sent.start + head.end(), sent.start + start))
    return True


# "The crates" before an attribution set off by commas: a subject noun phrase alone
_SUBJECT_THEN_COMMA = re.compile(r"(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Tt]hese|"
                                 r"[Tt]hose)\s+(?:[\w\u2019'-]+\s+){0,5}?[\w\u2019'-]+")


# the predicate after the attribution opens with an auxiliary ("were to be shipped", "had
# never left", "are still held"), perhaps after an adverb
_PREDICATE = re.compile(r"(?:[a-z]+ly\s+)?(?:had|has|have|would|could|were|was|might|should|"
                        r"is|are|will|can|did|does|do)\b")


def interrupted_paraphrase(sent: Sentence, masked: str, frame: Frame, s0: int,
                           v1: int) -> bool:
    """"The containers, he said, were to be shipped to Lagos": a paraphrase whose subject
    stands before an attribution set off by commas and whose predicate follows it, in lower
    case and in the reported tense. The speaker says the whole, the attribution left out of
    its words (``frame.blank``), as in a split quotation. True if read."""
    head = _SUBJECT_THEN_COMMA.fullmatch(masked[:s0].rstrip(" ,"))
    # (a quotation only after the attribution is part of the predicate: 'The case, he said,
    # was "built on a hunch"'; one before it is a split quotation, read elsewhere)
    if head is None or not re.search(r",\s+$", masked[:s0]) or frame.from_quote or \
            any(q0 - sent.start < v1 for q0, _ in sent.quotes):
        return False
    position = skip_adjuncts(masked, v1)
    comma = re.match(r"\s*,\s+(?=[a-z])", masked[position:])
    if comma is None:
        return False
    start = position + comma.end()
    end = terminator(masked, start)
    if not _PREDICATE.match(masked[start:end]) or len(sent.text[start:end].split()) < 3:
        return False
    frame.claims.append((sent.start, sent.start + end))
    frame.blank.append((sent.start + head.end(), sent.start + start))
    return True


_ANTECEDENT = re.compile(r"(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)\s+"
                         r"(?:[\w\u2019'-]+\s+){0,3}?[\w\u2019'-]+$")


def after_attribution(sent: Sentence, masked: str, frame: Frame, v1: int,
                      lex: Lexicon) -> None:
    """"None of them had left, she said, and most had drunk the water": a clause coordinated
    after an attribution in the middle of a paraphrase goes on with the paraphrase, when its
    verb is in the reported tense (an auxiliary: "had", "were", "would") and no reporting verb
    of its own follows ("and added that Q" is a frame of its own). After a quotation the
    clause is the narrator's ('"We are ready," she said, and the crowd cheered')."""
    if frame.from_quote or not frame.claims:
        return
    position = skip_adjuncts(masked, v1)
    joined = re.match(r"\s*,?\s+(?:and|but)\s+", masked[position:])
    if joined is None:
        return
    start = position + joined.end()
    end = terminator(masked, start)
    words = masked[start:end]
    if not _BACKSHIFTED.match(words) or verb_pattern(lex).search(words) or len(words.split()) < 3:
        return
    frame.claims.append((sent.start + start, sent.start + end))


def rejoin_quote(sent: Sentence, masked: str, frame: Frame, s0: int, v1: int) -> None:
    """'"The pumps," she said, "were never switched off."': one quotation broken by its
    attribution (from ``s0`` to ``v1``: the speaker and verb, in either order). The first half
    ends in a comma right before the attribution, and the second goes on in lower case after
    it (and its adjuncts), so it is no sentence of its own: the two halves are one claim, the
    attribution left out of its words (``frame.blank``)."""
    before = [(a, b) for a, b in sent.quotes if b - sent.start <= s0]
    if not before:
        return
    first = before[-1]
    words = sent.text[first[0] - sent.start:first[1] - sent.start]
    if not words.rstrip().endswith(",") or \
            masked[first[1] - sent.start:s0].strip(" ,\u201d\""):
        return  # the first half ends its sentence, or other words stand between
    position = skip_adjuncts(masked, v1)
    opening = re.match(r"\s*,?\s*[\u201c\"]", masked[position:])
    second = next(((a, b) for a, b in sent.quotes
                   if opening and a - sent.start == position + opening.end()), None)
    if second is None or not sent.text[second[0] - sent.start:][:1].islower():
        return
    frame.claims = [(first[0], second[1])]
    frame.quotes = [first, second]
    frame.from_quote = True
    frame.blank = [(first[0] + len(words.rstrip(" ,")), second[0])]
    if frame.appositive and "_" in frame.appositive:
        frame.appositive = None  # "said Ruiz, "...": the quotation is no apposition


def _material_subject(frame: Frame, lex: Lexicon) -> bool:
    """Whether ``frame`` is a release verb whose subject names material ("images taken by X
    show"), not an actor: no one speaks in it."""
    return frame.kind == "release" and bool(frame.speaker_text) and \
        evidence_kind(frame.speaker_text or "", lex) is not None


# "By her estimate, P", "In Holt's view, P": whose reckoning P is, before it
_BY_ESTIMATE = re.compile(r"^(?:By|In|On)\s+(?P<who>(?:her|his|their)|[A-Z][\w.-]*"
                          r"(?:\s+[A-Z][\w.-]*){0,3}[\u2019']s)\s+(?:own\s+)?"
                          r"(?:estimate|count|calculation|calculations|reckoning|tally|view|"
                          r"analysis|assessment|figures)\s*,\s+")

# a document named with a participle of making, whose maker follows ("published ... by")
_MADE = re.compile(r"\s(?:published|released|issued|compiled|prepared)$")

# the possessive pronoun names whom the subject pronoun would
_SUBJECT_FORM = {"her": "she", "his": "he", "their": "they"}


# ", which runs the route," after a source's name (not ", which the Courier has seen,": the
# publisher's own reading of a document, kg/extract/sourcing.py)
_WHICH_SET_OFF = re.compile(r"(?:which|who)\s(?![^,]*\b(?:seen|reviewed|obtained|verified)\b)"
                            r"[^,]+,\s*")


def _relative_of(frame: Frame, source: tuple[int, int]) -> bool:
    """Whether ``frame`` is the relative clause on the source named at ``source``: "P,
    according to Brightline, which said Q" (the source also says Q; P stays its claim)."""
    return frame.speaker is not None and frame.speaker[0] >= source[0] and \
        frame.speaker[1] <= source[1] and frame.verb_span is not None and \
        frame.verb_span[0] > source[1]


def verbless_report(sent: Sentence, frame: Frame) -> bool:
    """"Norlink had declared the cargo as farm machinery, according to the customs service":
    a reporting verb whose object is no clause (no finite verb, no "that", no quotation) is
    an act the sentence reports, not a statement of its subject's; with "according to Y"
    after it, Y is the one who says the whole sentence."""
    if frame.kind != "speech" or frame.from_quote or frame.same_as_previous or \
            not frame.claims or frame.quotes:
        return False
    words = " ".join(sent.text[a - sent.start:b - sent.start] for a, b in frame.claims)
    return not re.match(r"\s*that\b", words) and CLAUSE_VERB.search(words) is None


def according(sent: Sentence, masked: str, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """``According to X, P`` / ``P, according to X`` / ``per X`` / ``By X's estimate, P``."""
    found = []
    if not frames and (estimate := _BY_ESTIMATE.match(masked)) is not None:
        w0, w1 = estimate.span("who")
        w1 -= 2 if masked[w0:w1].endswith(("'s", "\u2019s")) else 0
        end = terminator(masked, estimate.end())
        frame = Frame(kind="according", verb=None, verb_span=(sent.start, sent.start + w0),
                      verb_text=masked[:w0].strip(), speaker=(sent.start + w0, sent.start + w1),
                      speaker_text=_SUBJECT_FORM.get(sent.text[w0:w1], sent.text[w0:w1]),
                      initial=True)
        if end > estimate.end():
            frame.claims.append((sent.start + estimate.end(), sent.start + end))
        frame.attribution.append((sent.start, sent.start + estimate.end()))
        return [frame]
    for match in _ACCORDING.finditer(masked):
        a0, a1 = match.span()
        rest = masked[a1:]
        name = re.match(r"((?:the\s+|a\s+|an\s+)?[\w\u2019'.&-]+(?:\s+(?:[\w\u2019'.&-]+)){0,8}?)"
                        r"(?=,|\.?\s*$|\s+on\s)", rest)
        if not name:
            continue
        n0, n1 = name.span(1)
        if _MADE.search(rest[:n1]) and (whole := re.match(r"[^,]*?(?=,|\.?\s*$)", rest)):
            # "according to a report published on June 2 by the board": the "on" is the
            # report's date, not the end of the source; the maker after "by" is the source
            n1 = whole.end()
        if rest[n1 - 1] == "." and rest[n1 - 2].islower():
            n1 -= 1  # the sentence's full stop, not an abbreviation's
        speaker = (sent.start + a1 + n0, sent.start + a1 + n1)
        frame = Frame(kind="according", verb=None, verb_span=(sent.start + a0,
                                                                sent.start + a1),
                      verb_text=match.group(0).strip(), speaker=speaker,
                      speaker_text=sent.text[a1 + n0: a1 + n1],
                      initial=a0 == 0)
        if a0 == 0:
            claim_start = a1 + n1
            claim_start += len(masked[claim_start:]) - len(masked[claim_start:].lstrip(" ,"))
            if (which := _WHICH_SET_OFF.match(masked, claim_start)) is not None:
                # "According to X, which runs the route, P": the clause describes X (or is
                # what X said, a frame of its own); P starts after it
                claim_start = which.end()
                cut = sent.start + masked.rfind(",", 0, claim_start)
                for other in frames:  # ("which said Q," ends at its comma)
                    other.claims = [(a, min(b, cut)) if a < cut else (a, b)
                                    for a, b in other.claims]
            end = terminator(masked, claim_start)
            if end > claim_start:
                frame.claims.append((sent.start + claim_start, sent.start + end))
        elif not frames or all(_material_subject(f, lex) or _relative_of(f, speaker) or
                               verbless_report(sent, f) for f in frames):
            # ("Images taken by X appear to show P, according to Y": what the material shows
            # is Y's reading of it)
            end = len(masked[:a0].rstrip(" ,"))
            frame.claims.append((sent.start, sent.start + end))
            frame.quotes.extend(q for q in sent.quotes if q[1] <= sent.start + end)
        frame.attribution.append((sent.start + a0, speaker[1]))
        found.append(frame)
    return found


__all__ = ["according", "after_attribution", "front_claim", "interrupted_paraphrase",
           "rejoin_quote", "relative_aside", "verbless_report"]
