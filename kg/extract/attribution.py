"""Find who is reported as saying what in one sentence: the attribution frames.

A frame is a reporting verb with its speaker phrase and the text of what was said, found by
patterns over the sentence with its quotations masked (so that words inside a quote never
act as the reporting verb):

- ``SPEAKER [appositive,] VERB [recipient] [that] CLAIM`` ("X told NBC News that P");
- ``"QUOTE," SPEAKER VERB ...`` and ``"QUOTE," VERB SPEAKER`` (the quote is the claim);
- ``CLAIM, SPEAKER VERB.`` (a paraphrase before the attribution);
- ``According to SPEAKER, CLAIM`` and ``CLAIM, according to SPEAKER``;
- coordinated verbs with the same speaker: ``..., and said P``, ``..., saying P``,
  ``..., adding that P``.

Which phrase names an actor is decided later (:mod:`kg.extract.actors`); this module only
finds the pieces and their offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from kg.extract.lexicon import Lexicon, Verb
from kg.extract.sentences import Sentence
from kg.extract.subjects import (
    LEADING,
    anaphoric_subject,
    inverted_subject,
    opening_subject,
    strip_modifiers,
)
from kg.extract.subjects import (
    subject as find_subject,
)

# Words between a speaker and the verb that qualify the act of reporting.
# ("media", "news", "press" only in lower case: "Harwick Academic Press said" is a name)
_NOUN_BEFORE = re.compile(r"\b(?:(?i:a|an|the|its|his|her|their|our|this|these|those|such|"
                          r"new|recent|earlier|latest|initial|first)|media|news|press|"
                          r"^(?i:media|news|press))\s+$")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$", re.I)
# "it was too early to say whether P": an infinitive after an impersonal frame reports no one
_IMPERSONAL_BEFORE = re.compile(r"\b(?:too\s+(?:early|soon)|hard|difficult|impossible|premature|"
                                r"not\s+possible)\s+to\s+$", re.I)
_REFUSAL = {"declined to", "refused to", "would not", "could not"}
_WH_CLAUSE = re.compile(r"\s*(?:when|how|where|why|who|whom|what|which)\b", re.I)
_THAT = re.compile(r"\bthat\b")
_TERMINATORS = re.compile(r"[,\u201d\"]?\s+according to\b|[,\u201d\"]\s+(?:amid|per|citing|"
                          r"where|while|as)\b|;\s|\s\u2014\s|"
                          r"[,\u201d\"]\s+(?:calling|describing|dismissing)\b|"
                          r",\s+(?:an?|the)\s+(?:accusation|claim|allegation|charge|assertion)s?"
                          r"\s")
# "that account", "the Harbour Watch report", "the health office's figure": words that refer
# to a claim made before (kg/extract/anaphora.py finds which)
_ANAPHOR = re.compile(r"^\s*(?:(?:that|this|these|those|the|such)\s+(?:[A-Z][\w\u2019'-]*\s+){0,3}|"
                      r"(?:the\s+)?(?:[A-Z][\w\u2019'-]*\s+){0,3}?[\w-]+[\u2019']s\s+)"
                      r"(?:account|claim|claims|report|"
                      r"reports|allegation|allegations|version|assertion|assertions|suggestion|"
                      r"suggestions|accusation|accusations|characteri[sz]ation|theory|idea|"
                      r"finding|findings|conclusion|description|rumou?rs|assessment|reading|"
                      r"figures?|toll|estimates?|tally|study|request|requests)\b"
                      # the whole object, not the subject of a clause ("the findings made P")
                      r"(?=\s*$|\s*[,.;\u201c\"_]|\s+(?:as|on|in|at|from|by|and|but|with|for|of|to|"
                      r"because|last|this|earlier)\b|"
                      # "called the allegations baseless": a label after the object
                      r"\s+(?:\w+ly\s+)?(?:baseless|groundless|unfounded|false|fake|untrue|wrong|"
                      r"inaccurate|incorrect|misleading|absurd|biased|flawed|ridiculous|"
                      r"exaggerated|inflated|fabricated|nonsense|lies)\b)")
_STARTS_TERMINATOR = re.compile(r"^\s*,?\s*(?:according to|per|citing|amid)\b")
_SAME_SPEAKER = re.compile(r",?\s+and\s+(?:also\s+)?(?=\w)|,\s+(?=\w+ing\b)")
_NEW_SPEAKER = re.compile(r"(?:,\s+(?:but|while|whereas|although|and)|;)\s+(?:(?:the|a|an)\s+)?"
                          r"[\w\u2019'.-]+(?:\s+[\w\u2019'.-]+){0,5}\s+(?:(?:has|had|also|then|later)\s+)*$")
_CLAUSE_SPLIT = re.compile(r",?\s+and\s+that\s+|,\s+that\s+")
_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|"
                     r"may|might|must|shall|should|do|does|did|won\u2019t|won't|can\u2019t|can't|"
                     r"isn\u2019t|isn't|wasn\u2019t|wasn't|\w+ed|\w+s)\b")
_ACCORDING = re.compile(r"\b(?:[Aa]ccording to|[Pp]er)\s+")
_RECIPIENT = re.compile(
    r"^\s*(?:(?:foreign |local |state |)(?:reporters|journalists|lawmakers|parliament|"
    r"a (?:news |press )?(?:conference|briefing)|the (?:conference|briefing))|"
    r"(?:the\s+)?[A-Z][\w\u2019'.&-]*(?:\s+(?:[A-Z][\w\u2019'.&-]*|of|for|and))*)")
_ADJUNCT = re.compile(
    r"^\s*(?:,\s*)?(?:(?:in|at|during|via|by|on|through|from|to|after|before)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w\u2019'-]+\s+){0,6}?(?:statement|briefing|conference|interview|reply|post|speech|"
    r"email|telephone|phone|call|meeting|summit|video|address|social media|website|blog|X|Facebook|"
    r"Telegram|questions from the [A-Z][\w ]+|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|night|morning|evening|afternoon|week|month|year|\d{4}|\d{1,2}|January|"
    r"February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+(?:night|morning|evening|afternoon))?\b|(?:last|this|earlier this)\s+(?:week|month|"
    r"year|spring|summer|autumn|winter)|yesterday|today|however|"
    r"in part|separately|also)\s*,?")


@dataclass
class Frame:
    """One attribution: a verb, the phrase naming its speaker, and what was said."""

    kind: str  # speech | belief | release | cite | topic | according | continuation
    verb: Verb | None
    verb_span: tuple[int, int] | None
    verb_text: str | None
    speaker: tuple[int, int] | None  # offsets of the speaker phrase
    speaker_text: str | None
    appositive: str | None = None
    claims: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    attribution: list[tuple[int, int]] = field(default_factory=list)  # words outside claims
    cues: list[str] = field(default_factory=list)  # report-scope cues ("appeared to")
    recipient: tuple[int, int] | None = None  # "NBC News" in "told NBC News"
    obj: tuple[int, int] | None = None  # the object of a release or cite verb
    initial: bool = False  # the speaker phrase starts the sentence
    from_quote: bool = False  # the claim is the quotation only
    same_as_previous: bool = False  # coordinated with the previous frame's speaker
    anaphor: bool = False  # the claim is "that account", "the allegations": an earlier claim
    question: bool = False  # "declined to say when ...": an open question, no claim at all


@cache
def _verb_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w\u2019'-])(?:{alternatives})(?![\w\u2019'-])")


def verb_pattern(lex: Lexicon) -> re.Pattern[str]:
    """One pattern for every reporting-verb form of the lexicon (lower case, whole words)."""
    return _verb_pattern(tuple(lex.verbs))







def _finite(text: str) -> bool:
    return bool(_FINITE.search(text))


def _complement(sent: Sentence, masked: str, start: int, verb: Verb,
                frame: Frame) -> tuple[int, int] | None:
    """The text said, after the verb: recipient and adjuncts skipped, up to a terminator."""
    position = start
    if verb.lemma in {"tell", "ask"} or verb.form in {"told", "tells", "telling"}:
        # "told supporters at a rally on Monday night that P": whom, then "that"
        ahead = re.match(r"\s+((?:[\w\u2019'.-]+\s+){1,10}?)that\s+", masked[position:])
        if ahead and not re.search(r"[,;_]", ahead.group(1)):
            frame.recipient = (sent.start + position + ahead.start(1),
                               sent.start + position + ahead.end(1) - 1)
            position += ahead.end(1)
        match = _RECIPIENT.match(masked[position:]) if not ahead else None
        if match and match.group(0).strip():
            recipient = (position + match.start(), position + match.end())
            while recipient[1] > recipient[0] and masked[recipient[1] - 1] == " ":
                recipient = (recipient[0], recipient[1] - 1)
            while recipient[0] < recipient[1] and masked[recipient[0]] == " ":
                recipient = (recipient[0] + 1, recipient[1])
            frame.recipient = (sent.start + recipient[0], sent.start + recipient[1])
            position += match.end()
    while (adjunct := _ADJUNCT.match(masked[position:])) and adjunct.end() > 0:
        position += adjunct.end()
    if verb.cls in {"release", "cite", "topic"} or _STARTS_TERMINATOR.match(masked[position:]):
        return None
    anaphor = _ANAPHOR.match(masked[position:])
    if anaphor:
        frame.anaphor = True
        return position + len(masked[position:]) - len(masked[position:].lstrip()), \
            position + anaphor.end()
    if _REFUSAL.intersection(frame.cues) and _WH_CLAUSE.match(masked[position:]):
        frame.question = True
        return None  # "declined to say when the review would end": a question, not a claim
    that = re.match(r"\s*(?:,\s*)?that\s+", masked[position:])
    if that:
        position += that.end()
    elif re.match(r"\s*,", masked[position:]):
        return None  # "she told the Courier, adding ...": nothing said right after the verb
    else:
        position += len(masked[position:]) - len(masked[position:].lstrip(" ,"))
    end = _terminator(masked, position)
    if end - position < 3:
        return None
    text = sent.text[position:end]
    accusation = verb.lemma in {"accuse", "blame"} and re.search(r"\s(?:of|for)\s", text)
    if not that and not accusation and not _finite(text) and not any(
            a - sent.start >= position and b - sent.start <= end + 1 for a, b in sent.quotes):
        return None
    return position, end


def _terminator(masked: str, position: int) -> int:
    match = _TERMINATORS.search(masked, position)
    end = match.start() if match else len(masked)
    while end > position and masked[end - 1] in " .,;:!?\u201d\"":
        end -= 1
    # keep a closing quotation mark that belongs to a quote inside the claim
    if end < len(masked) and masked[end] in "\u201d\"" and "_" in masked[position:end]:
        end += 1
    return end


def find_frames(sent: Sentence, lex: Lexicon) -> list[Frame]:
    """Every attribution frame in ``sent``, in order. Offsets are absolute."""
    masked = sent.masked()
    frames: list[Frame] = []
    claimed_until = -1
    for match in verb_pattern(lex).finditer(masked):
        v0, v1 = match.span()
        verb = lex.verbs[match.group(0)]
        if _NOUN_BEFORE.search(masked[:v0]) or _PASSIVE_BEFORE.search(masked[:v0]) or \
                _IMPERSONAL_BEFORE.search(masked[:v0]):
            continue  # "its claims", "were told to keep the notebooks": no one speaks
        new_speaker = _NEW_SPEAKER.search(masked[:v0]) if v0 < claimed_until and \
            verb.cls in {"speech", "belief"} else None
        if new_speaker and re.search(r"\b(?:that|which|who|whether|if)\b", new_speaker.group(0)):
            new_speaker = None
        if v0 < claimed_until and not new_speaker and not (
                re.search(r",?\s+(?:and|but)\s+(?:also\s+)?$", masked[:v0])
                or (re.search(r",\s+$", masked[:v0]) and verb.form.endswith("ing"))):
            continue
        frame = _frame(sent, masked, verb, v0, v1, [] if new_speaker else frames)
        if frame is not None and frame.question and new_speaker and frames and frames[-1].claims:
            # "X said P, but she declined to say when Q": P ends at ", but"; Q is no claim
            frames[-1].claims[-1] = (frames[-1].claims[-1][0], sent.start + new_speaker.start())
        if frame is None or (frame.kind == "speech" and not frame.claims):
            continue
        if new_speaker and frames and frames[-1].claims:
            # "X said P, but a spokesman for Y cautioned that Q": P ends at ", but"
            a, _ = frames[-1].claims[-1]
            frames[-1].claims[-1] = (a, sent.start + new_speaker.start())
        frames.append(frame)
        claimed_until = max((b - sent.start for _, b in frame.claims), default=v1)
        if frame.kind in {"release", "cite", "topic"} and frame.obj:
            claimed_until = frame.obj[1] - sent.start
    frames += _according(sent, masked, lex, frames)
    return frames


def _frame(sent: Sentence, masked: str, verb: Verb, v0: int, v1: int,
           frames: list[Frame]) -> Frame | None:
    base = sent.start
    coordinated = bool(frames) and bool(re.search(r"(?:,?\s+(?:and|but)\s+(?:also\s+)?|,\s+)$",
                                                  masked[:v0]))
    if (coordinated and (verb.form.endswith("ing") or
                         re.search(r"\b(?:and|but)\s+(?:also\s+)?$", masked[:v0]))) or \
            _releases_what(frames, masked, verb, v0, base):
        previous = frames[-1]
        frame = Frame(kind=verb.cls if verb.cls != "belief" else "speech", verb=verb,
                      verb_span=(base + v0, base + v1), verb_text=verb.form,
                      speaker=previous.speaker, speaker_text=previous.speaker_text,
                      same_as_previous=True)
        # the previous claim ends where this verb's clause begins
        if previous.claims and previous.claims[-1][1] > base + v0:
            cut = re.search(r"(?:,?\s+(?:and|but)\s+(?:also\s+)?|,\s+)$", masked[:v0])
            previous.claims[-1] = (previous.claims[-1][0], base + (cut.start() if cut else v0))
        span = _complement(sent, masked, v1, verb, frame)
        if span:
            frame.claims.append((base + span[0], base + span[1]))
        frame.attribution.append((base + v0, base + v1))
        return frame if frame.claims or verb.cls != "speech" else None
    start, cues = strip_modifiers(masked, v0)
    subject = find_subject(masked, start)
    if subject is None and verb.form.endswith("ing") and re.search(r",\s+$", masked[:v0]):
        subject = opening_subject(masked)  # "It stopped short of X, saying P"
    inverted = None
    if subject is None or not masked[subject[0]:subject[1]].strip():
        before = masked[:v0].rstrip()
        if before.endswith((",", "\u201d", '"')) and "_" in before:
            inverted = inverted_subject(masked, v1)
        if inverted is None:
            return None
    anaphor_words = None
    if inverted:
        s0, s1, appositive = inverted
        initial = False
    else:
        assert subject is not None
        s0, s1, appositive, initial = subject
        if cut := anaphoric_subject(masked, s0):
            anaphor_words = (base + s0, base + s0 + cut - 1)
            s0 += cut
    frame = Frame(kind=verb.cls, verb=verb, verb_span=(base + v0, base + v1),
                  verb_text=_verb_text(masked[start:v1] if start < v0 else verb.form),
                  speaker=(base + s0, base + s1), speaker_text=sent.text[s0:s1],
                  appositive=appositive, cues=cues, initial=initial)
    if frame.kind == "belief":
        frame.kind = "speech"
    if anaphor_words:  # the claim is the accusation named before the speaker
        frame.anaphor = True
        frame.claims.append(anaphor_words)
        frame.attribution.append((base + s0, base + v1))
        return frame
    span = None if inverted else _complement(sent, masked, v1, verb, frame)
    if verb.cls in {"release", "cite", "topic"}:
        frame.obj = _object(sent, masked, v1)
    if span:
        frame.claims.append((base + span[0], base + span[1]))
    elif not frame.question:
        _front_claim(sent, masked, frame, s0)
    frame.attribution.append((base + min(s0, v0), base + max(s1, v1)))
    return frame


def _releases_what(frames: list[Frame], masked: str, verb: Verb, v0: int, base: int) -> bool:
    """"X published a report on Tuesday concluding that P": a participle right after what a
    release verb released (and its adjuncts) says what the released thing says, for X."""
    if not frames or frames[-1].kind != "release" or not frames[-1].obj or \
            not re.search(r"ing(?: that)?$", verb.form) or verb.cls != "speech":
        return False
    if not verb.form.endswith("that") and verb.lemma != "say" and \
            not re.match(r"\s*that\b", masked[v0 + len(verb.form):]):
        return False  # "a map showing the districts": what it shows is no proposition
    position = frames[-1].obj[1] - base
    gap = masked[position:v0] if 0 <= position <= v0 else ","
    while (adjunct := _ADJUNCT.match(gap)) and adjunct.end() > 0:
        gap = gap[adjunct.end():]
    return not gap.strip()


def _verb_text(words: str) -> str:
    """The verb as written, with its auxiliaries and hedges but without dates or commas."""
    words = re.sub(r"\b(?:last week|yesterday|today|however|on (?:Monday|Tuesday|Wednesday|"
                   r"Thursday|Friday|Saturday|Sunday)(?: night| morning| evening| afternoon)?)"
                   r"\b|,", " ", words)
    return re.sub(r"\s+", " ", words).strip()


def _object(sent: Sentence, masked: str, after: int) -> tuple[int, int] | None:
    match = re.match(r"\s+([\w\u2019'.-]+(?:\s+[\w\u2019'.-]+){0,13}?)(?=,|\.\s*$|;|"
                     r"\s(?:on|via|by|in|last|appearing|showing|that|which|saying|purportedly)\b|"
                     r"\s\w+ing\s+that\b|$)",
                     masked[after:])
    if not match:
        return None
    return sent.start + after + match.start(1), sent.start + after + match.end(1)


def _front_claim(sent: Sentence, masked: str, frame: Frame, s0: int) -> None:
    """The claim before the attribution: a quote, or a paraphrase ended by a comma."""
    before = masked[:s0].rstrip(" ,")
    quotes = [(a, b) for a, b in sent.quotes if b - sent.start <= s0]
    if quotes:
        frame.quotes.extend(quotes)
        frame.claims.extend(quotes)
        frame.from_quote = True
        return
    if len(before.split()) >= 4 and _finite(sent.text[:len(before)]) and \
            not LEADING.fullmatch(before + " "):
        lead = LEADING.match(before)
        start = lead.end() if lead else 0
        frame.claims.append((sent.start + start, sent.start + len(before)))


def _according(sent: Sentence, masked: str, lex: Lexicon, frames: list[Frame]) -> list[Frame]:
    """``According to X, P`` / ``P, according to X`` / ``per X``."""
    found = []
    for match in _ACCORDING.finditer(masked):
        a0, a1 = match.span()
        rest = masked[a1:]
        name = re.match(r"((?:the\s+|a\s+|an\s+)?[\w\u2019'.&-]+(?:\s+(?:[\w\u2019'.&-]+)){0,8}?)"
                        r"(?=,|\.?\s*$|\s+on\s)", rest)
        if not name:
            continue
        n0, n1 = name.span(1)
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
            end = _terminator(masked, claim_start)
            if end > claim_start:
                frame.claims.append((sent.start + claim_start, sent.start + end))
        elif not frames:
            end = len(masked[:a0].rstrip(" ,"))
            frame.claims.append((sent.start, sent.start + end))
            frame.quotes.extend(q for q in sent.quotes if q[1] <= sent.start + end)
        frame.attribution.append((sent.start + a0, speaker[1]))
        found.append(frame)
    return found


__all__ = ["Frame", "find_frames", "verb_pattern"]
