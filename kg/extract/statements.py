"""Statements: turn the attribution frames of a sentence into who-said-what records.

For each frame (:mod:`kg.extract.attribution`) this module resolves the speaker
(:mod:`kg.extract.actors`), splits what was said into claims (one per "that"-clause, one per
quoted sentence), reads each claim's stance (:mod:`kg.extract.stance`), and collects the
relay chain (:mod:`kg.extract.relays`: "told NBC News", "per The Washington Post",
"according to a report carried by X", then the publisher), the date ("on Thursday",
resolved against the document's date), the setting ("in a statement", "told reporters") and
the evidence the frame presents (:mod:`kg.extract.presented`).

Sentences with no attribution are the publisher's own voice (:mod:`kg.extract.narration`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from lemminflect import getAllLemmas

from kg.extract import evidence as ev
from kg.extract.actors import ActorRecord, ActorTable
from kg.extract.attribution import Frame, find_frames
from kg.extract.clauses import (
    SUBJECT_END,
    VERB_START,
    contrasted,
    elided_subject,
    none_of,
    split_parts,
)
from kg.extract.dates import find_dates
from kg.extract.demands import unrecorded_demand
from kg.extract.described_people import described_person
from kg.extract.documents import document_author
from kg.extract.estimates import FIGURE_AT
from kg.extract.labels import described_object
from kg.extract.lexicon import Lexicon
from kg.extract.model import CommentRequestRecord, RelayStep, Span, StatementRecord
from kg.extract.names import describe
from kg.extract.presented import inline, object_evidence, passive_evidence, vehicle
from kg.extract.refusals import APOLOGY, REFUSED
from kg.extract.relays import relay_steps
from kg.extract.released_of import released_recording
from kg.extract.sentences import Sentence
from kg.extract.similarity import plural_common_noun
from kg.extract.sourcing import according_speaker, document_speaker
from kg.extract.stance import is_epistemic, read_claim, sentence_text
from kg.extract.surveyed import surveyed_body

_OPENING_NAME = re.compile(r"((?!The\s)[A-Z][\w\u2019'&.-]*"
                           r"(?:\s+(?:[A-Z][\w\u2019'&.-]*|of|and|&))*)"
                           r"\s+(has|had|have|is|was|were|are|will|would|did|does|\w+ed|\w+s)\b")
# "the delays \u201cregrettable but unavoidable\u201d": an object, then a quoted label (2+ words)
_QUOTED_LABEL = re.compile(r"^(\S.*?)\s+[\u201c\"]([^\u201c\u201d\"]+)[\u201d\"]\W*$")
_LABEL = re.compile(r"[,\u201d\"]\s+(?:calling|describing|dismissing)\s+(?:them|it|the\s+\w+|this|"
                    r"that)?\s*(?:as\s+)?(.*)$")
_CONFIDENCE = {"named": 0.95, "description": 0.8, "pronoun": 0.75, "new-description": 0.6}


@dataclass
class Context:
    """What one extraction has found so far, shared by every sentence."""

    text: str
    lex: Lexicon
    table: ActorTable
    publisher: ActorRecord | None
    doc_date: dt.date | None
    statements: list[StatementRecord] = field(default_factory=list)
    evidence: list[ev.EvidenceMention] = field(default_factory=list)
    requests: list[CommentRequestRecord] = field(default_factory=list)
    manner: dict[str, int] = field(default_factory=dict)  # actor id -> sentence of a hedge
    groups: int = 0
    last_request_sentence: int = -9
    refused: set[int] = field(default_factory=set)  # sentences whose report only refused

    def next_group(self) -> int:
        self.groups += 1
        return self.groups

    def reassign(self, old: str, new: str) -> None:
        """Give the statements and evidence of actor ``old`` to actor ``new`` (one actor
        found under two names)."""
        for statement in self.statements:
            if statement.actor == old:
                statement.actor = new
        for mention in self.evidence:
            if mention.actor == old:
                mention.actor = new


def read_frames(ctx: Context, sent: Sentence) -> list[Frame]:
    """Add the statements and evidence of ``sent``'s attribution frames to ``ctx``.

    Returns:
        The frames whose speaker resolved to an actor (topic frames included), so that the
        caller can tell an attributed sentence from the publisher's own voice.
    """
    frames = find_frames(sent, ctx.lex)
    resolved: list[Frame] = []
    speakers: dict[int, ActorRecord] = {}
    relays: list[RelayStep] | None = None
    first = len(ctx.statements)
    released: list[ev.EvidenceMention] = []
    for number, frame in enumerate(frames):
        parts = _coordinated_speakers(ctx, sent, frame)
        speaker = parts[0][1] if parts else _speaker(ctx, sent, frame, speakers, number)
        if speaker is None:
            continue
        speakers[number] = speaker
        if unrecorded_demand(frame, speaker):
            continue  # "the federation urged it to finish quickly": no claim
        parts = parts or [(frame, speaker)]
        if frame.kind not in {"topic", "cite"} or frame.claims:
            for _, actor in parts:
                ctx.table.mark_used(actor.id)
        resolved.append(frame)
        if frame.kind == "cite" and frame.obj:
            object_evidence(ctx, sent, frame, speaker, "cited")
            if frame.claims:  # "cited the logs as proof that P" (kg/extract/attribution.py)
                relays = _statements(ctx, sent, frame, speaker, relays)
        elif frame.kind == "release":
            mention = _release(ctx, sent, frame, speaker)
            if mention is not None and not mention.supports:
                released.append(mention)
        elif frame.kind in {"speech", "according"}:
            for part, part_speaker in parts:
                relays = _statements(ctx, sent, part, part_speaker, relays)
    for mention in released:  # "published the report, saying P": the report supports P
        mention.supports = [i for i in range(first, len(ctx.statements))
                            if ctx.statements[i].actor == mention.actor]
    ctx.evidence.extend(passive_evidence(ctx, sent))
    return resolved


# "the harbour master and the coast guard": two subjects, each with its own article, no comma
_TWO_SUBJECTS = re.compile(r"(?P<a>(?i:the)\s+(?:[\w\u2019'-]+\s+){0,4}?[\w\u2019'-]+)\s+and\s+"
                           r"(?P<b>the\s+(?:[\w\u2019'-]+\s+){0,4}?[\w\u2019'-]+)")


def _coordinated_speakers(ctx: Context, sent: Sentence,
                          frame: Frame) -> list[tuple[Frame, ActorRecord]]:
    """"The X and the Y said that P": both speak, so each gets a statement of P. Read as one
    phrase, the two would be a single actor named "X and the Y". Only two definite noun
    phrases are split: "Smith and Jones" or "the Food and Drug Administration" stay one."""
    text = frame.speaker_text or ""
    whole = _TWO_SUBJECTS.fullmatch(text)
    if whole is None or frame.speaker is None or frame.same_as_previous or \
            frame.kind != "speech" or \
            re.sub(r"(?i)^the\s+", "", text).lower() in ctx.lex.org_by_form:
        return []
    found = []
    for name in ("a", "b"):
        start = frame.speaker[0] + whole.start(name)
        part = replace(frame, speaker=(start, frame.speaker[0] + whole.end(name)),
                       speaker_text=whole.group(name))
        actor = ctx.table.resolve(whole.group(name), start, sentence=sent.index,
                                  initial=frame.initial and name == "a")
        if actor is None:
            return []
        found.append((part, actor))
    return found


# material, then who made it: "a phone video filmed by a pilot" is no speaker of "shows"
_MATERIAL_MADE_BY = re.compile(r"(?i)((?:an?|the)\s+(?:[\w-]+\s+){0,3}?[\w-]+)\s+"
                               r"(?:filmed|taken|shot|made|recorded|kept|published|released|"
                               r"compiled)\s+by\s")


def _speaker(ctx: Context, sent: Sentence, frame: Frame, speakers: dict[int, ActorRecord],
             number: int) -> ActorRecord | None:
    if frame.same_as_previous:
        return speakers.get(number - 1)
    if frame.speaker is None or frame.speaker_text is None:
        return None
    if frame.kind == "according":
        return according_speaker(ctx, sent, frame)
    if (named := _front_subject(ctx, sent, frame)) is not None:
        return named
    if (maker := document_speaker(ctx, sent, frame) or surveyed_body(ctx, sent, frame)):
        return maker  # "a report by X says P", "a survey of X's members found P": X speaks
    if frame.claims and (kind := ev.evidence_kind(frame.speaker_text, ctx.lex)) and \
            (author := document_author(ctx, sent, frame, kind)) is not None:
        return author  # "'P,' the report said" after "X said in a report": X speaks
    if frame.kind == "release" and (made := _MATERIAL_MADE_BY.match(frame.speaker_text)) and \
            ev.evidence_kind(made.group(1), ctx.lex):
        return None  # "a video filmed by a pilot shows P": material, read as the writer's
    return ctx.table.resolve(frame.speaker_text, frame.speaker[0], sentence=sent.index,
                             appositive=frame.appositive, initial=frame.initial) or \
        described_person(ctx, sent, frame)  # "The 41-year-old said", "A woman who ... says"


def _front_subject(ctx: Context, sent: Sentence, frame: Frame) -> ActorRecord | None:
    """"Harlan Freight has laid off 40 drivers, the company said": a definite description
    after a claim that opens with a proper name names that name's actor, when the name does
    not say it is another kind of actor than the description's head noun."""
    assert frame.speaker is not None and frame.speaker_text is not None
    if not frame.claims or frame.claims[0][1] > frame.speaker[0] or frame.from_quote:
        return None
    described = describe(frame.speaker_text, ctx.lex)
    if not (described.definite and described.head and not described.name and
            not described.title and re.fullmatch(r"(?i:the)\s+[a-z][\w\s-]*", frame.speaker_text)):
        return None
    opening = _OPENING_NAME.match(ctx.text[frame.claims[0][0]:frame.claims[0][1]])
    if opening is None or all(w.lower() in ctx.lex.stopwords or w.lower() in {"there", "the"}
                              for w in opening.group(1).split()):
        return None  # not a name: "There is no evidence ..., the commission said"
    if plural_common_noun(opening.group(1)) or _noun_only(opening.group(2)):
        return None  # "Soldiers recovered X, the defence ministry said": capitalised only
        # because it opens the sentence, a plural noun names no actor ("Bus drivers will
        # return ...": "drivers" is a noun, no verb, and the capital word only a modifier)
    name = describe(opening.group(1), ctx.lex)
    if not name.name or name.outlet or name.is_state or name.title or (
            name.head and name.head.cls != described.head.cls):
        return None
    return ctx.table.resolve_named(opening.group(1), described.head, frame.speaker[0],
                                   sentence=sent.index)


def _noun_only(word: str) -> bool:
    lemmas = getAllLemmas(word.lower())
    return "NOUN" in lemmas and "VERB" not in lemmas


def _attribution_text(sent: Sentence, frame: Frame) -> str:
    """The sentence with the claims and every quotation blanked out (a date inside another
    frame's quotation is what was said, not when): where dates and settings are looked for."""
    chars = list(sent.text)
    for a, b in [*frame.claims, *sent.quotes]:
        for i in range(max(0, a - sent.start), min(len(chars), b - sent.start)):
            chars[i] = " "
    return "".join(chars)


def _date(ctx: Context, sent: Sentence, frame: Frame) -> tuple[str | None, str | None,
                                                                 str | None]:
    verb_at = frame.verb_span[0] if frame.verb_span else sent.start
    around, cut = _attribution_text(sent, frame), max(0, verb_at - sent.start)
    # ("X, who visited the site on Sunday, told Y": when X went there, not when X spoke)
    around = re.sub(r"\b(?:who|which|whose)\s[^,]*,", lambda m: " " * len(m.group(0)),
                    around[:cut]) + around[cut:]
    found = find_dates(around, ctx.doc_date, sent.start)
    if not found:
        return None, None, None
    best = min(found, key=lambda m: abs(m.start - verb_at))
    return best.iso, best.text, best.basis


def _setting(ctx: Context, sent: Sentence, frame: Frame, speaker: ActorRecord,
             relays: list[RelayStep]) -> str | None:
    if ctx.publisher and speaker.kind == "NewsOutlet":
        return "publication"
    if frame.verb and frame.verb.cls == "release":
        return "released-material"
    around = _attribution_text(sent, frame).lower()
    for cue, setting in ctx.lex.settings.items():
        if re.search(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", around):
            return setting
    if any(step.cue == "told" for step in relays):
        return "interview"
    return None


def _speaker_confidence(frame: Frame, speaker: ActorRecord) -> float:
    phrase = (frame.speaker_text or "").strip().lower()
    if phrase in {"he", "she", "it", "they", "we"}:
        return _CONFIDENCE["pronoun"]
    if frame.same_as_previous:
        return _CONFIDENCE["named"]
    if speaker.name.lower() in phrase or any(a.lower() == phrase for a in speaker.aliases):
        return _CONFIDENCE["named" if speaker.confidence >= 0.7 else "new-description"]
    return _CONFIDENCE["description"]


def _statements(ctx: Context, sent: Sentence, frame: Frame, speaker: ActorRecord,
                previous: list[RelayStep] | None) -> list[RelayStep]:
    relays = relay_steps(ctx, sent, frame, speaker)
    if frame.same_as_previous and previous and any(s.cue != "published" for s in previous) \
            and all(s.cue == "published" for s in relays):
        relays = list(previous)  # "she told the Courier, adding that ...": the same channel
    date, date_text, basis = _date(ctx, sent, frame)
    setting = _setting(ctx, sent, frame, speaker, relays)
    stance = frame.verb.stance if frame.verb else "affirms"
    label = _LABEL.search(sent.masked()[max((b for _, b in frame.claims), default=0)
                                        - sent.start:]) if frame.claims else None
    label_quote = None
    if label:
        label_words = sent.text[len(sent.text) - len(label.group(1)):] if label.group(1) \
            else ""
        if any(s == "label" and re.search(rf"\b{re.escape(c)}\b", label_words, re.I)
               for c, s in ctx.lex.denials.items()):
            stance = "denies"
            label_quote = label_words.strip(" .\u201c\u201d\"")
    if frame.verb and frame.verb.lemma == "call":
        # "X called that account "simply wrong"": a denial only with a label of denial_cues
        label_quote = _called(ctx, sent, frame)
        if label_quote is None and (frame.anaphor or not frame.claims):
            return relays
        if label_quote is None:
            stance = "affirms"  # "called the seizure unlawful": says that it was
    group = ctx.next_group()
    confidence = _speaker_confidence(frame, speaker)
    source = blanked(ctx.text, frame.blank)
    for span in frame.claims:
        epistemic = frame.from_quote and is_epistemic(source[span[0]:span[1]], ctx.lex)
        if (items := none_of(source, span)) is not None and stance == "affirms":
            for item in items:  # "found no evidence of P or of Q": P and Q, each denied
                _statement(ctx, sent, frame, speaker, item, "denies", group, confidence,
                           epistemic=None, relays=relays, setting=setting,
                           date=(date, date_text, basis), label_quote=label_quote,
                           source=source)
            continue
        parts = split_parts(source, span, ctx.lex, quote=frame.from_quote,
                            denied=stance == "denies")
        for part in parts:
            first, words = source[parts[0][0]:parts[0][1]], source[part[0]:part[1]]
            subject = elided_subject(first, words) if part != parts[0] else None
            _statement(ctx, sent, frame, speaker, part, stance, group, confidence,
                       epistemic=epistemic or None, relays=relays, setting=setting,
                       date=(date, date_text, basis), label_quote=label_quote, subject=subject,
                       source=source,
                       contrast=contrasted(first, words) if part != parts[0] else None)
    if frame.claims and label_quote is None and (
            described := described_object(sent, frame.claims[-1][1])) is not None:
        _statement(ctx, sent, frame, speaker, described, "affirms", group, confidence,
                   epistemic=None, relays=relays, setting=setting,
                   date=(date, date_text, basis), label_quote=None, source=source)
    for a, b in frame.claims:
        ctx.evidence.extend(inline(ctx, sent, (a, b), speaker, group))
    if (document := vehicle(ctx, sent, frame, speaker)) is not None:
        document.supports = [i for i, s in enumerate(ctx.statements) if s.group == group]
        ctx.evidence.append(document)
    return relays


def _be(subject: str) -> str:
    """"were" after a plural noun ("the delays"), else "was": the verb a label is read with."""
    last = subject.split()[-1].lower() if subject.split() else ""
    return "were" if re.search(r"[^su]s$", last) and last not in {"this", "its", "his"} else "was"


def _statement(ctx: Context, sent: Sentence, frame: Frame, speaker: ActorRecord, part: Span,
               stance: str, group: int, confidence: float, *, epistemic: bool | None,
               relays: list[RelayStep], setting: str | None,
               date: tuple[str | None, str | None, str | None],
               label_quote: str | None, subject: str | None = None,
               source: str | None = None, contrast: str | None = None) -> None:
    text = (source or ctx.text)[part[0]:part[1]]
    lead = len(text) - len(text.lstrip(" ,\u201c\u201d\"'"))
    frame_ev = ev.claim_frame(text[lead:], ctx.lex)
    if frame_ev:
        ctx.evidence.append(ev.EvidenceMention(
            frame_ev.kind, frame_ev.description, (part[0] + lead, part[0] + lead +
                                                  frame_ev.removed), frame_ev.role, sent.index,
            actor=speaker.id, supports=[len(ctx.statements)]))
        text, part = text[lead + frame_ev.removed:], (part[0] + lead + frame_ev.removed, part[1])
        if frame_ev.hedged and stance == "affirms":  # "said the logs appeared to support P"
            stance = "hedges"
    # ("... so that it could Q": that "it" is the first clause's subject, not the speaker)
    purpose = re.search(r"\bso\s+that\s+$", (source or ctx.text)[max(0, part[0] - 12):part[0]])
    reading = read_claim(text, stance, frame.cues, ctx.lex, start=part[0],
                         speaker=None if purpose else _short_name(speaker),
                         quote=frame.from_quote, epistemic=epistemic)
    # (a denial on the words as said too: '"We are not going to point fingers"' lost its "not")
    if not reading.text.strip(" .") or REFUSED.match(reading.text) or \
            (reading.stance == "denies" and REFUSED.match(text.strip(" ,.\u201c\u201d\"'"))) or \
            APOLOGY.match(reading.text):
        ctx.refused.add(sent.index)  # (the sentence is not the writer's own either)
        return  # "..., but he would not commit to a date": a refusal states nothing
    if frame.verb and frame.verb.lemma in {"accuse", "blame"} and not frame.from_quote and \
            (charge := _charge(reading.text)) is not None:
        # "accused X of Y", "blamed X for Y": the claim is that X was responsible for Y
        reading.text = sentence_text(f"{charge[0]} was responsible for {charge[1]}")
    elif frame.verb and frame.verb.lemma == "describe" and \
            (label := re.match(r"(.+?)\s+as\s+(.+?)\.?$", reading.text)):
        # "described the delay as a setback": the delay was a setback
        reading.text = sentence_text(f"{label.group(1)} {_be(label.group(1))} {label.group(2)}")
    elif frame.verb and frame.verb.lemma == "call" and not frame.anaphor and \
            (quoted := _QUOTED_LABEL.match((source or ctx.text)[part[0]:part[1]].strip())):
        # "called the delays "regrettable but unavoidable"": the quoted words are the label
        reading.text = sentence_text(f"{quoted.group(1)} {_be(quoted.group(1))} {quoted.group(2)}")
    elif frame.verb and frame.verb.lemma == "call" and not frame.anaphor and \
            (label := re.match(r"(.+?)\s+(?:as\s+)?((?:an?\s+)?[\w-]+)\.?$", reading.text)):
        # "called the seizure unlawful": the seizure was unlawful
        reading.text = sentence_text(f"{label.group(1)} was {label.group(2)}")
    elif frame.verb and frame.verb.lemma == "estimate" and \
            (figure := FIGURE_AT.match(reading.text)) is not None:
        # "put the number of marchers at 4,000": the number of marchers was 4,000
        what = figure.group("what")
        reading.text = sentence_text(f"{what} {'were' if what.split()[-1] == 'losses' else 'was'}"
                                     f" {figure.group('figure')}")
    elif frame.verb and frame.verb.lemma == "trace" and not frame.from_quote and \
            (origin := re.match(r"(.+?)\s+to\s+(.+?)\.?$", reading.text)) is not None:
        # "traced the outbreak to a packing plant": the outbreak came from the plant
        reading.text = sentence_text(f"{origin.group(1)} came from {origin.group(2)}")
    if contrast is not None and stance == "affirms" and reading.stance != "hedges":
        # "The delay was due to weather, not a strike": denies "The delay was due to a strike"
        # ("not by arson" reads as no negation by itself: the contrast is the denial)
        reading.text, reading.stance = sentence_text(contrast), "denies"
        reading.cues.append("set against the claim before: not")
    if subject and VERB_START.match(reading.text.lower()):
        # "... and was not for sale": "The player was for sale." (not when a frame was read
        # off the words: "had seen no evidence of P" is about P)
        reading.text = sentence_text(f"{subject} {reading.text[:1].lower()}{reading.text[1:]}")
    if ctx.manner.get(speaker.id, -9) >= sent.index - 1 and reading.stance == "affirms":
        reading.stance = "hedges"
        reading.cues.append("manner: described as cautious")
    quote = label_quote or (sentence_text((source or "")[reading.start:reading.end])[:-1]
                            if frame.blank else
                            _quote(ctx, sent, reading.start, reading.end, frame.from_quote))
    stance_confidence = 0.85 if reading.cues else 0.95
    ctx.statements.append(StatementRecord(
        actor=speaker.id, stance=reading.stance, sentence=(sent.start, sent.end),
        span=(reading.start, reading.end), claim_text=reading.text, claim_kind=reading.kind,
        verb=frame.verb_text, verb_span=frame.verb_span, speaker_span=frame.speaker,
        quote=quote, reported_as=sent.text, date=date[0], date_text=date[1], date_basis=date[2],
        setting=setting, relay=list(relays), cues=reading.cues,
        confidence=round(confidence * stance_confidence * (0.75 if reading.anaphor else 1), 2),
        own_voice=ctx.publisher is not None and speaker.id == ctx.publisher.id,
        from_quote=frame.from_quote, anaphor=reading.anaphor or frame.anaphor, group=group,
        sentence_index=sent.index,
    ))


def blanked(text: str, spans: list[Span]) -> str:
    """``text`` with ``spans`` turned to spaces (offsets kept): the attribution inside a split
    quotation, left out of the claim's words."""
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _called(ctx: Context, sent: Sentence, frame: Frame) -> str | None:
    """The label after "called <claim>", when it is a denial label ("wrong", "baseless")."""
    if not frame.anaphor or not frame.claims:
        return None
    after = frame.claims[-1][1]
    if frame.verb_span is not None and frame.verb_span[1] > after:
        after = frame.verb_span[1]  # "findings that X has called flawed": after the verb
    rest = ctx.text[after:sent.end]
    words = re.match(r"\s*(?:as\s+)?[\u201c\"]?((?:[\w-]+\s+){0,2}[\w-]+)[\u201d\"]?", rest)
    if words and any(scope == "label" and re.search(rf"\b{re.escape(cue)}\b", words.group(1), re.I)
                     for cue, scope in ctx.lex.denials.items()):
        return words.group(1)
    return None


def _charge(text: str) -> tuple[str, str] | None:
    """("X", "Y") of "X of Y": at the "of" before a gerund ("the head of the agency of
    lying"), else at the first "of" or "for"."""
    splits = list(re.finditer(r"\s+(?:of|for)\s+", text))
    if not splits:
        return None
    at = next((m for m in splits if re.match(r"\w+ing\b", text[m.end():])), splits[0])
    return text[:at.start()], text[at.end():].rstrip(".")


def _short_name(speaker: ActorRecord) -> str:
    return speaker.name if speaker.kind != "Person" else speaker.name.split()[-1]


def _quote(ctx: Context, sent: Sentence, start: int, end: int, whole: bool) -> str | None:
    if whole:  # a quoted sentence: the whole quotation it belongs to
        a, b = next(((a, b) for a, b in sent.quotes if a <= start and end <= b), (start, end))
        return ctx.text[a:b].strip(" ,.;:\u201c\u201d\"") or None
    inside = [ctx.text[a:b].rstrip(" ,.;:") for a, b in sent.quotes if start <= a and b <= end + 1]
    return " ... ".join(q for q in inside if q) or None


def _release(ctx: Context, sent: Sentence, frame: Frame,
             speaker: ActorRecord) -> ev.EvidenceMention | None:
    mention = object_evidence(ctx, sent, frame, speaker, "released") if frame.obj else None
    after = (frame.obj[1] if frame.obj else frame.verb_span[1]) - sent.start \
        if frame.verb_span else 0
    shown = ev.shown_claim(sent.text, after) or released_recording(sent, frame)
    if shown is None:
        return mention
    frame.claims = [(sent.start + shown[0], sent.start + shown[1])]
    before = len(ctx.statements)
    _statements(ctx, sent, frame, speaker, None)
    if mention is not None:
        mention.supports = list(range(before, len(ctx.statements)))
    return mention


def coordinated_parts(ctx: Context, span: Span) -> list[Span]:
    """Split the publisher's own sentence only at coordinated negative or new clauses ("P and
    has never had Q", "P, and its workers were paid")."""
    return split_parts(ctx.text, span, ctx.lex, own_voice=True)


__all__ = ["SUBJECT_END", "Context", "coordinated_parts", "elided_subject", "read_frames",
           "relay_steps"]
