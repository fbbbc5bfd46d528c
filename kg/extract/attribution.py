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
finds the pieces and their offsets. What was said before, around or after an attribution in
the middle of a sentence (a split quotation, a clause coordinated after "she said") is read
by :mod:`kg.extract.surrounds`; the frame record and shared patterns are in
:mod:`kg.extract.frame`.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract import verb_forms as vf
from kg.extract.asides import blank_asides
from kg.extract.court_reports import blank_nested, charge_denied, nested_quote
from kg.extract.estimates import estimate_frames
from kg.extract.frame import ADJUNCT, Frame, finite, skip_adjuncts, terminator, verb_pattern
from kg.extract.lexicon import Lexicon, Verb
from kg.extract.outlet_phrases import told_outlet
from kg.extract.passive import passive_denial
from kg.extract.sentences import Sentence
from kg.extract.sourcing import cited_sources, closing_outlets, quoted_source, relative_speaker
from kg.extract.subjects import (
    anaphoric_subject,
    inverted_speaker,
    inverted_subject,
    opening_subject,
    participle_subject,
    strip_modifiers,
)
from kg.extract.subjects import subject as find_subject
from kg.extract.surrounds import (
    according,
    after_attribution,
    front_claim,
    interrupted_paraphrase,
    rejoin_quote,
    relative_aside,
    verbless_report,
)

# "were told to keep the notebooks": a passive, no one reports
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$", re.I)
# "it was too early to say whether P": an infinitive after an impersonal frame reports no one
_IMPERSONAL_BEFORE = re.compile(r"\b(?:too\s+(?:early|soon)|hard|difficult|impossible|premature|"
                                r"not\s+possible)\s+to\s+$", re.I)
# "the retailer's published list": a participle after a possessive is an adjective
_POSSESSIVE_BEFORE = re.compile(r"\w(?:[\u2019']s|s[\u2019'])\s+$")
# what "called" takes as a label's object: a noun phrase, not "for", "on", "off" or a pronoun
_CALLED_OBJECT = re.compile(r"(?i:the|this|that|these|those|its|their|his|her|a|an)\s+\w")
# "denied him bail", "denied access to the site": a refusal to grant, not a denial of a claim
_REFUSED = re.compile(r"\b(?:him|her|them|it|us|me|access|entry|permission|visas?|bail|"
                      r"requests?|applications?|permits?|licen[cs]es?|passage|leave)\b", re.I)
# ("did not say which payments": a question left open, as with "declined to say which")
_REFUSAL = {"declined to", "refused to", "would not", "could not", "did not", "does not"}
_WH_CLAUSE = re.compile(r"\s*(?:when|how|where|why|who|whom|what|which)\b", re.I)
_THAT = re.compile(r"\bthat\b")
# "that account", "the Harbour Watch report", "the health office's figure": words that refer
# to a claim made before (kg/extract/anaphora.py finds which)
_ANAPHOR_NOUNS = (r"^\s*(?:(?:that|this|these|those|the|such)\s+(?:[A-Z][\w\u2019'-]*\s+){0,3}|"
                  r"(?:the\s+)?(?:[A-Z][\w\u2019'-]*\s+){0,3}?[\w-]+[\u2019']s\s+)"
                  r"(?:account|claim|claims|report|"
                  r"reports|allegation|allegations|version|assertion|assertions|suggestion|"
                  r"suggestions|accusation|accusations|characteri[sz]ation|theory|idea|"
                  r"finding|findings|conclusion|description|rumou?rs|assessment|reading|"
                  r"figures?|toll|estimates?|tally|study|request|requests|methods?|"
                  r"methodology)\b"
                  # the whole object, not the subject of a clause ("the findings made P")
                  r"(?=\s*$|\s*[,.;\u201c\"_]|\s+(?:as|on|in|at|from|by|and|but|with|for|of|to|"
                  r"because|last|this|earlier)\b|")


_ANAPHOR_ANY = re.compile(_ANAPHOR_NOUNS + ")")  # the noun, whatever follows it
# "stood by the post", "repeated his tweet": upholding a post upholds what it says (only after
# a verb of upholding: "reported the post" flags it)
_POST_OBJECT = re.compile(r"\s*(?:the|that|this|his|her|its|their)\s+(?:[\w-]+\s+)?"
                          r"(?:post|tweet|video|message)s?\b(?=\s*$|\s*[,.;]|\s+(?:on|in|and|"
                          r"but|as|after|despite)\b)")


@cache
def _anaphor(labels: tuple[str, ...]) -> re.Pattern[str]:
    """The anaphoric object; also before a label after it ("called the allegations
    baseless"): the labels of ``denial_cues.tsv`` (scope ``label``), a user's included."""
    words = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels) or "(?!)"
    return re.compile(_ANAPHOR_NOUNS + rf"\s+(?:\w+ly\s+)?(?:{words})\b)")


_COORDINATED = re.compile(r",?\s+(?:and|but)\s+(?:also\s+)?$")
# a relay phrase of at most twelve words, no comma, then "that"
_CARRIED_THEN_THAT = re.compile(r"\s*(?:[^\s,;_]+\s+){2,12}?(?=that\s)")
_STARTS_TERMINATOR = re.compile(r"^\s*,?\s*(?:according to|per|citing|amid)\b")
_SAME_SPEAKER = re.compile(r",?\s+and\s+(?:also\s+)?(?=\w)|,\s+(?=\w+ing\b)")
_NEW_SPEAKER = re.compile(r"(?:,\s+(?:but|while|whereas|although|and)|;)\s+(?:(?:the|a|an)\s+)?"
                          r"[\w\u2019'.-]+(?:\s+[\w\u2019'.-]+){0,5}\s+(?:(?:has|had|also|then|later)\s+)*$")
_CLAUSE_SPLIT = re.compile(r",?\s+and\s+that\s+|,\s+that\s+")
# a relative pronoun before the subject of its clause: the subject is the noun phrase after it
# ("the village of Lomm, where police said P": police, any noun after "where")
_RELATIVE = re.compile(r"(?i:which|whom|that)\s+(?=(?i:the|an?|its|his|her|their)\s|[A-Z])|"
                       r"(?i:where)\s+(?=\w)")
# a conjunction that opens an adverbial clause, never what was said ("said as it published")
_SUBORDINATE = re.compile(r"\s*(?:as|while|whereas|because|although|though)\s")
_RECIPIENT = re.compile(
    r"^\s*(?:(?:foreign |local |state |)(?:reporters|journalists|lawmakers|parliament|"
    r"a (?:news |press )?(?:conference|briefing)|the (?:conference|briefing))|the (?:court|"
    r"inquest|hearing|tribunal|jury|inquiry|committee|coroner|judge|panel|magistrates)\b|"
    r"(?:the\s+)?[A-Z][\w\u2019'.&-]*(?:\s+(?:[A-Z][\w\u2019'.&-]*|\d+(?:[\u2019']s)?|of|for|"
    r"and))*(?:\s+(?:programme|program|show|podcast|bulletin|(?:news\s+)?agency|newspaper|"
    r"broadcaster|channel|magazine|website)\b)?)")  # ("told the Tass news agency.")


def _complement(sent: Sentence, masked: str, start: int, verb: Verb, frame: Frame,
                lex: Lexicon) -> tuple[int, int] | None:
    """The text said, after the verb: recipient and adjuncts skipped, up to a terminator."""
    position = start
    if verb.lemma in {"tell", "ask"} or verb.form in {"told", "tells", "telling"}:
        # "told supporters at a rally on Monday night that P": whom, then "that"
        # (with the outlet's short form after it: "told Halden Television (HTV) that P")
        # (and a head noun after the short form: "told the Baltic News Service (BNS) news
        # agency that P")
        ahead = re.match(r"\s+((?:[\w\u2019'.-]+\s+){1,10}?(?:\([A-Z][\w.&-]{0,11}\)\s+"
                         r"(?:[a-z][\w-]*\s+){0,2})?)that\s+", masked[position:])
        if ahead and re.search(r"[,;_]|\sand\s$", ahead.group(1)):
            ahead = None  # (a recipient never ends in "and": "told X P and that Q")
        if ahead:
            frame.recipient = (sent.start + position + ahead.start(1),
                               sent.start + position + ahead.end(1) - 1)
            position += ahead.end(1)
        # "told local broadcaster Kestrel TV": an outlet named by its head noun
        outlet = told_outlet(masked, position, lex) if not ahead else None
        match = _RECIPIENT.match(masked[position:]) if not ahead and not outlet else None
        if outlet:
            frame.recipient = (sent.start + outlet[0], sent.start + outlet[1])
            position = outlet[1]
        elif match and match.group(0).strip():
            recipient = (position + match.start(), position + match.end())
            while recipient[1] > recipient[0] and masked[recipient[1] - 1] == " ":
                recipient = (recipient[0], recipient[1] - 1)
            while recipient[0] < recipient[1] and masked[recipient[0]] == " ":
                recipient = (recipient[0] + 1, recipient[1])
            frame.recipient = (sent.start + recipient[0], sent.start + recipient[1])
            position += match.end()
    position = skip_adjuncts(masked, position)
    if masked[:position].rstrip().endswith(",") and re.match(r"\s*(?!citing\b)[a-z]+ing\b",
                                                             masked[position:]):
        # "P, the company said in a statement, adding that Q": the adjunct's comma ends
        # what was said after the verb; the participle is a verb of its own
        return None
    if re.match(r"\s*\([^()]*\)\s*\.?\s*$", masked[position:]):
        return None  # '"Q," X told Y (translated from Danish).': a note on the words, no claim
    if aside := re.match(r",\s+citing\s+[^,;_]{3,60},(?=\s*that\s)", masked[position:]):
        # "X reported, citing a police source, that P": the source named between the verb and
        # its clause (kg/extract/sourcing.py makes it the speaker, X the relay)
        position += aside.end()
    if verb.stance == "denies" and (shifted := vf.shifted_object(masked, position, lex)):
        return shifted[1] if shifted[0] else None  # "rejected as baseless X's attempt to Q"
    if verb.cls in {"release", "cite", "topic"} or _STARTS_TERMINATOR.match(masked[position:]):
        return None
    if _relay_next(masked[position:], lex):
        # "said in a statement carried by the agency X": how it reached us; what was said
        # follows only when "that" opens a clause after the outlet ("... quoted by the
        # newsletter X that P and that Q"; kg/extract/relays.py reads the outlet as a relay)
        carried = _CARRIED_THEN_THAT.match(masked[position:])
        if carried is None:
            return None
        position += carried.end()
    if _SUBORDINATE.match(masked[position:]):
        return None  # "X said on Monday as it published its findings": no content clause
    anaphor = _anaphor(lex.labels()).match(masked[position:])
    if anaphor:
        frame.anaphor = True
        return position + len(masked[position:]) - len(masked[position:].lstrip()), \
            position + anaphor.end()
    if verb.lemma in {"stand by", "defend", "repeat", "reiterate"} and \
            (post := _POST_OBJECT.match(masked[position:])):
        frame.anaphor = True
        return position + len(masked[position:]) - len(masked[position:].lstrip()), \
            position + post.end()
    if verb.lemma in {"stand by", "defend"} or (verb.lemma == "repeat" and not re.match(
            r"\s*(?:,\s*)?that\s", masked[position:])):
        return None  # "defended its decision to close the pool", "repeated the test": no claim
    if verb.lemma == "question" and " " not in verb.form:
        return None  # "questioned the driver": a person, not a claim ("questioned X's method")
    if _REFUSAL.intersection(frame.cues) and _WH_CLAUSE.match(masked[position:]):
        frame.question = True
        return None  # "declined to say when the review would end": a question, not a claim
    # ("said that was not true": "that" is the subject there, straight before its verb)
    # ("saying only that P": what alone was said, and P is still what was said)
    that = re.match(r"\s*(?:,\s*)?(?:(?:only|simply|merely|just)\s+)?that\s+(?!(?:was|is|were|"
                    r"are|has|had|would|will|could|can|did|does|must|might|may|should)\b)",
                    masked[position:])
    if that:
        position += that.end()
    elif re.match(r"\s*,", masked[position:]):
        return None  # "she told the Courier, adding ...": nothing said right after the verb
    else:
        position += len(masked[position:]) - len(masked[position:].lstrip(" ,"))
    end = terminator(masked, position)
    if end - position < 3:
        return None
    text = sent.text[position:end]
    # "accused X of Y", "traced X to Y": an object and its phrase say what was claimed
    accusation = (verb.lemma in {"accuse", "blame"} and re.search(r"\s(?:of|for)\s", text)) or \
        (verb.lemma == "trace" and re.search(r"\sto\s", text))
    # "denied wrongdoing", "denies any involvement": the object of "deny" is what it denies
    # (only a short phrase that ends the sentence: "denied the plant a permit" is no claim)
    denied = ((verb.lemma == "deny" and len(text.split()) <= 4) or charge_denied(verb.lemma, text)
              ) and not masked[end:].strip(" .\u201d\"") and not _REFUSED.search(text)
    # "called the seizure unlawful": an object and the label the speaker gives it
    # (not a claim named before, "called the report accurate": kg/extract/anaphora.py's)
    labelled = verb.lemma == "call" and 2 <= len(text.split()) <= 6 and \
        _CALLED_OBJECT.match(text) is not None and _ANAPHOR_ANY.match(text) is None
    # "described the delay as a setback": the object and what the speaker says it is
    described = verb.lemma == "describe" and _CALLED_OBJECT.match(text) is not None and \
        re.search(r"\sas\s", text) is not None
    if verb.lemma == "describe" and not described:
        return None  # "the emails describe staff being asked to ...": no one speaks
    if verb.lemma == "call" and not that and re.search(r"\sfor\s", " " + text):
        return None  # "called a strike for Monday", "called for calm": a call to act, no label
    labelled = labelled or described
    if verb.lemma == "deny" and not that and _REFUSED.match(text):
        return None  # "denied access to the site": a refusal
    if not that and not accusation and not denied and not labelled and not finite(text) and not any(
            a - sent.start >= position and b - sent.start <= end + 1 for a, b in sent.quotes):
        return None
    return position, end


def _relay_next(rest: str, lex: Lexicon) -> bool:
    """Whether ``rest`` opens with a relay cue of ``relay_cues.tsv`` (not "told", which
    takes whom was told): the words after the verb say who passed it on, not what was said."""
    lowered = rest.lstrip(" ,").lower()
    return any(lowered.startswith(cue + " ") for cue in lex.relays if cue != "told")


def find_frames(sent: Sentence, lex: Lexicon) -> list[Frame]:
    """Every attribution frame in ``sent``, in order. Offsets are absolute."""
    masked = blank_asides(sent.masked())  # "X, speaking to Y on Monday, said": X speaks
    frames: list[Frame] = estimate_frames(sent, masked)  # "X put the toll at 40"
    claimed_until = -1
    for match in verb_pattern(lex).finditer(masked):
        v0, v1 = match.span()
        verb = lex.verbs[match.group(0)]
        if (labelled := vf.relative_label(sent, masked, verb, v0, v1, lex)) is not None:
            frames.append(labelled)  # "findings that X has called flawed": X denies them
            claimed_until = v1
            continue
        if verb.lemma == "call" and re.search(r"\b(?:that|who|which)\s+$", masked[:v0]):
            continue  # "the unions that called the strike said P": a relative clause's verb
        if (shown := vf.which_said_showed(sent, masked, verb, v0, v1)) is not None:
            frames.append(shown)  # "cited a video, which it said showed P"
            claimed_until = shown.claims[-1][1] - sent.start
            continue
        if vf.noun_before(masked, verb, v0) or _PASSIVE_BEFORE.search(masked[:v0]) or \
                _IMPERSONAL_BEFORE.search(masked[:v0]) or vf.modal_object(masked, v0, v1) or \
                vf.noun_after_preposition(masked, verb, v0) or \
                vf.refused_act(masked, verb, v1) or (
                    verb.form.endswith("ed") and (
                        re.match(r"\s+by\b", masked[v1:]) or
                        re.match(r"\s*by\b", masked[skip_adjuncts(masked, v1):]) or
                        _POSSESSIVE_BEFORE.search(masked[:v0]))):
            # "its claims", "were told to keep the notebooks", "shoppers questioned by the
            # Gazette", "a report released in August by X" (a passive participle, after its
            # adjuncts): no one speaks; but "X's figure was disputed by Y": Y denies it
            if not frames and (passive := passive_denial(sent, masked, verb, v0, v1)):
                frames.append(passive)
                claimed_until = passive.attribution[0][1] - sent.start
            continue
        if v0 < claimed_until and frames and frames[-1].claims and \
                (relative := vf.appositive_relative(sent, masked, verb, v0, v1)):
            # "P, a figure the company said was Q": P ends at the comma; the company says Q
            frames[-1].claims[-1] = (frames[-1].claims[-1][0], relative[0])
            frames.append(relative[1])
            continue
        new_speaker = (_NEW_SPEAKER.search(masked[:v0]) or nested_quote(masked, v0, v1)) if \
            v0 < claimed_until and verb.cls in {"speech", "belief"} else None
        # "P, but would not say whether Q": only modifiers between the conjunction and the
        # verb, so the subject is the previous frame's, not a new speaker
        lead = masked[:strip_modifiers(masked, v0)[0]] if re.match(
            r"\s+(?:whether|that|if)\s", masked[v1:]) else masked[:v0]
        if new_speaker and (re.search(r"\b(?:that|which|who|whether|if)\b", new_speaker.group(0))
                            or _COORDINATED.search(lead)):
            new_speaker = None
        if v0 < claimed_until and not new_speaker and not (
                _COORDINATED.search(lead)
                or (re.search(r",\s+$", vf.quote_comma(sent, masked, v0)) and
                    verb.form.endswith("ing"))):
            continue
        frame = _frame(sent, blank_nested(masked, new_speaker), verb, v0, v1,
                       [] if new_speaker else frames, lex)
        if frame is not None and frame.question and new_speaker and frames and frames[-1].claims:
            # "X said P, but she declined to say when Q": P ends at ", but"; Q is no claim
            frames[-1].claims[-1] = (frames[-1].claims[-1][0], sent.start + new_speaker.start())
        if frame is not None and not frame.same_as_previous:
            frame = relative_speaker(sent, masked, frame, lex)
            frame = quoted_source(sent, frame, lex) if frame is not None else None
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
    sourced = according(sent, masked, lex, frames)
    if any(f.claims and f.claims[0][0] == sent.start for f in sourced):
        # "X had declared the cargo as Q, according to Y": Y says the whole; X's verb with no
        # clause after it is part of what Y says (kg/extract/surrounds.py)
        frames = [f for f in frames if not verbless_report(sent, f)]
    frames += sourced
    return closing_outlets(sent, cited_sources(sent, frames, lex), lex)


def _frame(sent: Sentence, masked: str, verb: Verb, v0: int, v1: int,
           frames: list[Frame], lex: Lexicon) -> Frame | None:
    base = sent.start
    before = vf.quote_comma(sent, masked, v0)  # ('as "a distortion," saying P')
    coordinated = bool(frames) and bool(re.search(r"(?:,?\s+(?:and|but)\s+(?:also\s+)?|,\s+)$",
                                                  before))
    # "..., but would not say whether Q": the verb's modifiers after the conjunction are cues
    m0, modifiers = strip_modifiers(masked, v0)
    # (only before a clause: "kept the permits and refused to show them" is another act)
    modified = bool(frames) and bool(modifiers) and bool(_COORDINATED.search(masked[:m0])) and \
        bool(re.match(r"\s+(?:whether|that|if)\s", masked[v1:]))
    if (coordinated and (verb.form.endswith("ing") or
                         re.search(r"\b(?:and|but)\s+(?:also\s+)?$", masked[:v0]))) or \
            modified or _releases_what(frames, masked, verb, v0, base):
        previous = frames[-1]
        frame = Frame(kind=verb.cls if verb.cls != "belief" else "speech", verb=verb,
                      verb_span=(base + v0, base + v1),
                      verb_text=_verb_text(masked[m0:v1]) if modified else verb.form,
                      speaker=previous.speaker, speaker_text=previous.speaker_text,
                      same_as_previous=True, cues=modifiers if modified else [])
        # the previous claim ends where this verb's clause begins (not a claim that begins
        # after this verb: "reported, citing a police source, that P")
        if previous.claims and previous.claims[-1][1] > base + v0 >= previous.claims[-1][0]:
            joiner = re.search(r"(?:,?\s+(?:and|but)\s+(?:also\s+)?|,\s+)$",
                               masked[:m0] if modified else before)
            previous.claims[-1] = (previous.claims[-1][0],
                                   base + (joiner.start() if joiner else v0))
        span = _complement(sent, masked, v1, verb, frame, lex)
        if span:
            frame.claims.append((base + span[0], base + span[1]))
        frame.attribution.append((base + v0, base + v1))
        return frame if frame.claims or verb.cls != "speech" else None
    start, cues = strip_modifiers(masked, v0)
    subject = find_subject(masked, start)
    if verb.form.endswith("ing") and re.search(r",\s+$", masked[:v0]):
        # "It stopped short of X, saying P"; "X expelled Y, an attache, accusing him of P"
        subject = participle_subject(masked, subject) if subject else opening_subject(masked)
    inverted = None
    if subject is None or not masked[subject[0]:subject[1]].strip():
        before = masked[:v0].rstrip()
        if before.endswith((",", "\u201d", '"')) and "_" in before:
            inverted = inverted_subject(masked, v1)
        elif before.endswith(",") and verb.lemma in vf.INVERTING:
            # "P, said Hugo Lant, a hydrologist at X": a paraphrase before an inverted speaker
            inverted = inverted_speaker(masked, v1)
        if inverted is None:
            return None
    anaphor_words = None
    if inverted:
        s0, s1, appositive = inverted
        initial = False
    else:
        assert subject is not None
        s0, s1, appositive, initial = subject
        if rel := _RELATIVE.match(sent.text, s0, s1):
            s0 = rel.end()  # "the report, which the museum published": the museum
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
    span = None if inverted else _complement(sent, masked, v1, verb, frame, lex)
    if verb.cls in {"release", "cite", "topic"}:
        frame.obj = _object(sent, masked, v1)
        _as_proof(sent, masked, frame)
    if span and (quoted := _colon_quote(sent, masked, span)) is not None:
        # 'X said: "S1. S2."': the quotation is the claim, read sentence by sentence as
        # '"S1. S2," X said' is (the colon and the marks are no part of it)
        frame.claims.append(quoted)
        frame.quotes.append(quoted)
        frame.from_quote = True
    elif span:
        frame.claims.append((base + span[0], base + span[1]))
    elif not frame.question and not frame.claims and \
            not relative_aside(sent, masked, frame, s0, v1) and \
            not interrupted_paraphrase(sent, masked, frame, min(s0, v0), max(s1, v1)) and \
            not re.search(r",\s+(?:and|but)\s+$", masked[:min(s0, v0)]):
        # ("as proof that P": P is all; "P, and the tower never warned them": a second
        # clause of its own, not what the tower said)
        front_claim(sent, masked, frame, min(s0, v0))
        after_attribution(sent, masked, frame, v1, lex)
    if not frame.question and frame.kind == "speech":
        rejoin_quote(sent, masked, frame, min(s0, v0), max(s1, v1))
    frame.attribution.append((base + min(s0, v0), base + max(s1, v1)))
    return frame


def _colon_quote(sent: Sentence, masked: str,
                 span: tuple[int, int]) -> tuple[int, int] | None:
    """The quotation (absolute offsets) that a colon introduces (after the verb's object, if
    any: 'told officers: "..."') and that makes up the whole of ``span``, or None."""
    lead = re.match(r"(?:\s*[a-z][\w\u2019'-]*){0,3}?\s*:\s*", masked[span[0]:span[1]])
    if lead is None:
        return None
    start = sent.start + span[0] + lead.end()
    return next(((a, b) for a, b in sent.quotes if a - 1 <= start <= a and
                 not masked[b - sent.start:span[1]].strip(" .\u201d\"")), None)


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
    while (adjunct := ADJUNCT.match(gap)) and adjunct.end() > 0:
        gap = gap[adjunct.end():]
    return not gap.strip()


def _verb_text(words: str) -> str:
    """The verb as written, with its auxiliaries and hedges but without dates or commas."""
    words = re.sub(r"\b(?:last week|yesterday|today|however|on (?:Monday|Tuesday|Wednesday|"
                   r"Thursday|Friday|Saturday|Sunday)(?: night| morning| evening| afternoon)?)"
                   r"\b|,", " ", words)
    return re.sub(r"\s+", " ", words).strip()


# "cited the videos as proof that P": the citer says P, with what it cites as its evidence
_AS_PROOF = re.compile(r"\s+as\s+(?:proof|evidence|a\s+sign|an\s+indication|confirmation)$")


def _as_proof(sent: Sentence, masked: str, frame: Frame) -> None:
    """A cite verb's object followed by "as proof that P": the object stops before "as", and
    P is what the speaker says (the statements reader makes the statement and the evidence)."""
    if frame.kind != "cite" or frame.obj is None:
        return
    a, b = frame.obj[0] - sent.start, frame.obj[1] - sent.start
    proof = _AS_PROOF.search(masked[a:b])
    that = re.match(r"\s+that\s+", masked[b:])
    if proof is None or that is None:
        return
    frame.obj = (frame.obj[0], sent.start + a + proof.start())
    start = b + that.end()
    frame.claims.append((sent.start + start, sent.start + terminator(masked, start)))


def _object(sent: Sentence, masked: str, after: int) -> tuple[int, int] | None:
    match = re.match(r"\s+([\w\u2019'.-]+(?:\s+[\w\u2019'.-]+){0,13}?)(?=,|\.\s*$|;|"
                     r"\s(?:on|via|by|in|last|appearing|showing|marking|that|which|saying|purportedly)\b|"
                     r"\s\w+ing\s+that\b|$)",
                     masked[after:])
    if not match:
        return None
    return sent.start + after + match.start(1), sent.start + after + match.end(1)


__all__ = ["Frame", "find_frames", "verb_pattern"]
