"""Stance and claim text: from a reporting verb, the cues around it and the words said.

The stance starts as the verb's (``reporting_verbs.tsv``) and then, in this order:

1. frames at the start of the claim are read and removed: "there is no evidence that P"
   (denies P), "it is too early to say whether P" (hedges P), "X believes that P" (the
   belief's stance; "never doubted that P" affirms P), "allegations that P" (P);
2. an epistemic conditional anywhere in the words ("if there are images, ...", "if true")
   makes the statement hedge: the speaker does not commit to the fact at issue. Any other
   "if" makes a conditional claim, which the speaker affirms;
3. a negation in the main clause of a past or present claim ("did not", "was not", "never")
   flips affirms to denies, and is removed from the claim text. Future negations
   ("won't", "will not") stay in the claim: they state a policy or a forecast; a negated
   ability ("the photos cannot show P") denies, unless its subject states a policy;
4. hedging cues in the claim ("may have", "possibly", "whether") and before the verb
   ("appeared to", "declined to") make an affirmation a hedge; a report-scope negation
   ("did not confirm", "never doubted") turns the verb's stance around.

Example:
    >>> from kg.extract.lexicon import load_lexicon
    >>> part = read_claim("Our batteries did not cause this fire", "affirms", [],
    ...                   load_lexicon())
    >>> part.stance, part.text
    ('denies', 'Our batteries did cause this fire.')
    >>> read_claim("it is too early to say whether the batteries were to blame", "affirms",
    ...            [], load_lexicon()).stance
    'hedges'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from kg.extract.anaphora import refers_back
from kg.extract.denial_frames import NOTHING_OBJECT, OWN_DENIAL, UNTRUE_THAT, labelled_false
from kg.extract.frame import IRREGULAR_PAST
from kg.extract.fronted import fronted_negation
from kg.extract.impressions import IMPRESSION
from kg.extract.lexicon import Lexicon
from kg.extract.main_clause import main_clause
from kg.extract.purposes import without_purpose
from kg.extract.verb_forms import OBJECT_NOUN

FLIP = {"affirms": "denies", "denies": "affirms", "hedges": "hedges"}
#: hedge_cues.tsv scopes read inside a claim ("any": "appears to" hedges in anyone's words)
CLAIM_SCOPES = frozenset({"claim", "any"})
_NEGATION_DISPLAY = {
    **{f"{verb}n{mark}t": verb for verb in ("did", "does", "was", "were", "is", "are", "has",
                                           "have", "had") for mark in ("'", "\u2019")},
    "don't": "do", "don\u2019t": "do", "never": "",
    "cannot": "can", "can't": "can", "can\u2019t": "can", "can not": "can",
    "could not": "could",
    "can no longer": "can still", "could no longer": "could still", "no longer": "still",
    "nothing to do with": "something to do with",
    "in no way": "", "by no means": "", "at no point": "", "at no time": "",
}
# "was categorically not responsible", "is clearly not": an adverb between the auxiliary and
# "not" (the negation cues are written "was not"); the adverb goes with the negation
_ADVERB_NOT = re.compile(r"\b(?:is|was|are|were|has|have|had|do|does|did|will|would|could|"
                         r"can|should|must)\s+(?:[a-z]+ly\s+){1,2}not\b", re.I)
_SUBJECT = r"(?:we|i|they|he|she|it|(?:the\s+)?[A-Z][\w.\u2019']*(?:\s+[A-Z][\w.\u2019']*)*)"
# a possessive and one noun as the believer: "my grandfather never doubted that P"
_KIN = r"(?:(?i:my|our|your|his|her|their|its)\s+[a-z][\w\u2019'-]*)"
_BELIEF = re.compile(
    rf"^(?:{_SUBJECT}(?<![\u2019']s)|{_KIN})\s+(?:(?:have|has|had|do|does|did|still|also)\s+)*"
    r"(never\s+|not\s+|no longer\s+)?"
    r"(believes?|believed|thinks?|thought|estimates?|estimated|assesses|assessed|doubts?|"
    r"doubted|expects?|expected|suspects?|suspected|is confident|are confident|"
    # "we accept that there were delays": the admission says P ("we do not accept" denies it)
    r"(?:accepts?|accepted|acknowledges?|acknowledged|admits?|admitted|concedes?|conceded)"
    r"(?=\s+that\s))\s+(?:that\s+)?")
_BELIEF_STANCE = {"doubt": "hedges", "suspect": "hedges"}
_HEDGE_FRAMES = re.compile(
    r"^(?:it\s+(?:is|was|remains|remained)\s+)?(?:(?:too\s+(?:early|soon)\s+to\s+(?:say|tell))|"
    r"(?:not\s+(?:yet\s+)?clear)|unclear|(?:possible)|(?:to\s+be\s+seen))\s+"
    r"(?:whether\s+|that\s+|if\s+)?|^whether\s+|" + IMPRESSION, re.I)
# "we are not saying the stocks are safe": the speaker withholds P without asserting its
# negation (the negation is of the saying), so P is hedged, not denied
_NOT_SAYING = re.compile(r"^(?:we|i|he|she|they|it)\s+(?:am|are|is|was|were|do|does|did)\s+"
                         r"not\s+(?:saying|say|claiming|claim|suggesting|suggest)\s+"
                         r"(?:that\s+)?(?=\w)", re.I)
# "the video could not be independently verified": the words before it are hedged
_UNVERIFIED_PASSIVE = re.compile(
    r"\s+(?:could\s+not|couldn[\u2019']t|cannot|can[\u2019']t|has\s+not|had\s+not|have\s+not|"
    r"was\s+not|were\s+not|is\s+not|are\s+not)\s+(?:yet\s+)?(?:been\s+|be\s+)?"
    r"(?:independently\s+)?(?:verified|confirmed|corroborated)(?:\s+independently)?\W*$", re.I)
# "it could not independently verify the figures": the speaker neither confirms nor denies
# what it could not check, so the frame hedges its object (the subject may be elided: "said P
# and could not confirm that Q")
_UNVERIFIED = re.compile(
    rf"^(?:{_SUBJECT}\s+)?(?:could\s+not|couldn[\u2019']t|cannot|can[\u2019']t|(?:was|were|is|are|"
    r"has\s+been|have\s+been|had\s+been)\s+unable\s+to)\s+(?:independently\s+|yet\s+)?"
    r"(?:verify|confirm|corroborate|substantiate)\s+(?:that\s+|whether\s+)?")
# "we cannot say whether P", "the images did not show whether P", "would not comment on
# whether P": a negated verb of knowing or showing before "whether" leaves P open (a hedge),
# it does not deny P
_OPEN_QUESTION = re.compile(
    r"^(?:[^,;]{0,60}?\s)?(?:cannot|can[\u2019']t|can\s+not|could\s+not|couldn[\u2019']t|"
    r"did\s+not|didn[\u2019']t|does\s+not|doesn[\u2019']t|do\s+not|don[\u2019']t|would\s+not|"
    r"will\s+not)\s+(?:yet\s+)?(?:say|tell|know|show|determine|establish|prove|comment\s+on)"
    r"\s+(?:[^,;]{0,30}?\s)?whether\s+", re.I)
# "she could not say how the fish had died", "we do not know why the pump failed": unable to
# explain how or why P happened, the speaker leaves P open (a hedge). Only inability: "would
# not say how" withholds, and "how much", "how long" ask a quantity with no claim at issue
# (both refusals, kg/extract/refusals.py)
_UNABLE_HOW = re.compile(
    # (after a fronted phrase: "From the video alone, you can't tell what started it")
    r"^(?:(?:from|on|in|at|for|with|by|based\s+on)\s[^,;]{0,40},\s+)?"
    r"(?:[^,;]{0,60}?\s)?(?:(?:cannot|can[\u2019']t|can\s+not|could\s+not|couldn[\u2019']t|"
    r"(?:was|were|is|are|am)\s+unable\s+to)\s+(?:yet\s+)?(?:say|tell|explain|know)|"
    r"(?:did|does|do)\s+not\s+(?:yet\s+)?(?:know|understand))\s+(?:(?:how|why|when|where)\s+"
    r"(?!much\b|many\b|long\b|often\b|far\b|soon\b|big\b|large\b|old\b|it\s+(?:is|was)\b)"
    # ("you can't tell what started the fire": what or who did it is left open too; the
    # subject stays in the claim)
    r"(?=\w)|(?=(?:what|who)\s+(?!to\b)\w))", re.I)
_TOPIC_PREFIX = re.compile(r"^(?:as\s+for|as\s+to|regarding|on)\s+[^,]{1,60},\s+|"
                           # "we are saying that P", "what we can say is that P": the speaker
                           # says P, in the words of saying it
                           r"^(?:(?:we|i)\s+(?:am|are)\s+saying|what\s+(?:we|i)\s+(?:can\s+)?"
                           r"(?:say|know)\s+is)\s+(?:that\s+)?(?=\w)", re.I)
_FUTURE = re.compile(r"\b(?:will|won\u2019t|won't|shall|is expected to|are expected to|is set to|"
                     r"are set to|by (?:January|February|March|April|May|June|July|August|"
                     r"September|October|November|December|the end of))\b")
_POLICY_SUBJECT = re.compile(r"^(?:(?:his|her|their|our|the|its)\s+)?(?:government|country|"
                             r"administration|we|i)\b", re.I)
# A leading pronoun of a paraphrase is the speaker ("X said it had found ..."), unless it is
# the empty "it" of "it is too early", "it would be serious".
_FINITE_VERB = (r"(?:is|are|was|were|has|have|had|did|does|do|could|would|can|will|"
                r"\w+ed)\b")
# past tenses without "-ed" that can follow a negative subject ("nothing came on board")
_IRREGULAR_PAST = rf"(?:{IRREGULAR_PAST})\b"
_LEADING_PRONOUN = re.compile(r"^(it|they|he|she)\b(?=\s+(?:had|has|have|did|does|do|would|will|"
                              r"could|was|were|is|are)\s)(?!\s+(?:is|was|would be|will be|"
                              r"could be|are|were)\b)", re.I)


@dataclass
class ClaimReading:
    """What a piece of reported text claims, and the speaker's stance on it."""

    start: int  # offsets of the words that carry the claim, in the article
    end: int
    text: str  # the claim as a sentence, for the draft
    stance: str
    kind: str = "factual"
    cues: list[str] = field(default_factory=list)
    anaphor: bool = False  # "we have ruled that out": about the previous claim
    quote: bool = False


@cache
def _cue_pattern(cue: str) -> re.Pattern[str]:
    """A cue as a whole word or phrase, compiled once (more cues than ``re``'s cache keeps)."""
    choice = r"(?<!decide\s)(?<!deciding\s)(?<!decided\s)" if cue == "whether" else ""  # a choice
    return re.compile(rf"{choice}(?<![\w\u2019'-]){re.escape(cue)}(?![\w\u2019'-])", re.I)


def _has(text: str, cue: str) -> bool:
    return _cue_pattern(cue).search(text) is not None


# "were not notified until 6 January", "did not reopen until noon": the event happened, late
_UNTIL = re.compile(r"(?i)\b(?:until|till)\b")


# a copula, then a negative prefix or "no" that the claim stated without it drops: "were
# unrelated to", "was unconnected with", "was no higher than" (after a copula only: "closed no
# longer than an hour" says how long, and is read as before)
_UNRELATED = re.compile(r"\b(?:is|are|was|were|been|be)\s+(?:(un)(?=(?:related|connected|linked)\s+"
                        r"(?:to|with)\b)|(no\s+)(?=(?:higher|greater|larger|worse|more\s+\w+|"
                        r"lower|fewer)\s+than\b))", re.I)


# "could be" before a participle of steering or operating a thing is past ability ("the
# craft could be steered", "the valve could be opened by hand"), not a possibility: "could
# be linked to", "could be responsible" stay hedges
_ABILITY_PASSIVE = re.compile(r"\bcould\s+(?:still\s+)?be\s+(?:steered|controlled|operated|"
                              r"navigated|manoeuvred|maneuvered|piloted|flown|driven|towed|"
                              r"opened|closed|locked|restarted)\b", re.I)


# Negations that assert: "had never hidden his opposition" (litotes: he showed it) and "should
# never have been approved", "ought not to be closed" (a judgement against it, affirmed as an
# opinion: the speaker does not deny that it was approved)
_ASSERTING_NEGATION = re.compile(
    r"(?:(?<=\bshould\s)|(?<=\bshouldn[\u2019']t\s)|(?<=\bought\s)|(?<=\bmust\s))"
    r"|(?:never|not)\s+(?:(?:ever|once)\s+)?(?:hidden|hid|hide|concealed|conceal|disguised|"
    r"disguise|made\s+(?:any\s+)?(?:a\s+)?secret\s+of|kept\s+(?:\w+\s+){0,3}secret)\b", re.I)


def _asserting(clause: str, match: re.Match[str]) -> bool:
    """Whether a negation cue asserts rather than denies (litotes, a deontic modal before it)."""
    return _ASSERTING_NEGATION.match(clause, match.start()) is not None


def _negation(text: str, lex: Lexicon) -> str | None:
    clause = main_clause(text)
    # a negated ability ("the images cannot show P") denies it, unless the subject states a
    # policy ("we cannot accept"); a hedge that holds the negation ("cannot rule out") wins
    scopes = {"negation"} if _POLICY_SUBJECT.match(clause.lstrip()) else {"negation", "modal"}
    hedged = {i for c, s in lex.hedges.items() if s in CLAIM_SCOPES
              for m in _finditer(clause, c) for i in range(*m.span())}
    # (a cue before "than" compares: "closed no longer than an hour" negates nothing)
    # ("not told until the day before" says when, not whether: no denial)
    cues = [c for c, scope in lex.denials.items() if scope in scopes and
            any(not hedged.intersection(range(*m.span())) and not _asserting(clause, m) and
                not re.match(r"\s+than\b", clause[m.end():]) and
                not _UNTIL.search(clause[m.end():]) for m in _finditer(clause, c))]
    if cues:
        return max(cues, key=len)
    adverb = _ADVERB_NOT.search(clause)
    return adverb.group(0) if adverb and "negation" in scopes else None


def _finditer(text: str, cue: str) -> list[re.Match[str]]:
    return list(_cue_pattern(cue).finditer(text))


def _negative_subject(text: str, lex: Lexicon) -> re.Match[str] | None:
    """A negative subject at the start of a clause with a finite verb ("nobody has signed",
    "no fee had been agreed", "none of the samples were"); not "no doubt", "no longer"."""
    cues = "|".join(re.escape(c) for c in sorted(lex.negative_subjects, key=len, reverse=True))
    if not cues:
        return None
    # (after a conjunction and a time adverb: "But right now nobody outside can check")
    return re.match(rf"(?:(?:but|and|yet)\s+)?(?:(?:right\s+)?now\s+|still\s+|today\s+)?"
                    # ("and neither do we": an ellipsis, no subject; "nobody's rent": one)
                    rf"({cues})(?:[\u2019']s)?\s+(?!doubt\b|longer\b|matter\b|(?<=neither\s)(?:do|"
                    r"does|did|have|has|had|is|are|was|were|can|could|would|will)\b)"
                    rf"(?:[\w\u2019'-]+\s+){{0,5}}?(?:{_FINITE_VERB}|{_IRREGULAR_PAST}|\w+s\b)",
                    text, re.I)


# "they had received no warning", "carried out no strikes": a verb (and particle) with a
# negative object denies the verb with a positive one ("no doubt", "no longer" negate nothing;
# "the scans show none of the marks" denies they show any). Possession ("it had no record of
# P") is left as said: no event is denied; "had no knowledge of P" denies knowing
_NEGATIVE_OBJECT = re.compile(
    r"\b(?:\w+ed|\w+en|found|saw|got|gave|took|made|heard|felt|knew|left|shows?|showed|finds|"
    r"sees|gives|offers|provides|contains|(?:had|has|have)(?=\s+no\s+knowledge\b))(?:\s+(?:out|up|"
    r"off))?\s+(no|none(?=\s+of\s))\s+(?!longer\b|doubt\b|more\b|less\b|earlier\b|matter\b|"
    r"later\b|sooner\b|fewer\b|one\b|other\b)(?=\w)", re.I)


# "is too regular to be coincidence": the degree rules out what follows "to be"
_TOO_TO_BE = re.compile(r"\b((?:is|was|are|were|seems?|seemed)\s)too\s+[\w-]+\s+to\s+be\s+",
                        re.I)


# a participle phrase a claim split off after its positive counterpart (kg/extract/clauses.py)
_NOT_DOING = re.compile(r"not\s+(?=(?!(?:some|any|no|every)thing\b)[a-z]{3,}ing\s)", re.I)


def _denial_frame(text: str, lex: Lexicon) -> re.Match[str] | None:
    """A denial frame of ``denial_cues.tsv`` at the start of ``text``, the longest first."""
    if match := OWN_DENIAL.match(text) or UNTRUE_THAT.match(text):
        return match
    if match := _NOT_DOING.match(text):  # "..., not attacking them": set against the first
        return match
    frames = tuple(c for c in lex.by_length(lex.denials) if lex.denials[c] == "frame")
    return next((m for p in _frame_patterns(frames) if (m := p.match(text))), None)


@cache
def _frame_patterns(frames: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """One pattern per denial frame, longest first; a frame opening with "no" also after a
    subject and "had" ('Parley had "no indication" P'), quoted or not."""
    owner = rf"(?:{_SUBJECT}\s+(?:had|has|have)\s+[\u201c\x22]?)?"
    return tuple(re.compile(rf"{owner if cue[:3] == 'no ' else ''}{re.escape(cue)}"
                            rf"[\u201d\x22]?\s+", re.I) for cue in frames)


# "There is no doubt that P", 'it was "not in dispute" that P': the frame asserts P, no denial
_NO_DOUBT = re.compile(r"(?:(?:there\s+(?:is|was|can\s+be)|(?:I|we|he|she|they)\s+(?:have|has|"
                       r"had))\s+(?:no|little)\s+doubts?(?:\s+in\s+(?:my|our|his|her|their)\s+"
                       r"minds?)?|it\s+(?:is|was)\s+[\u201c\x22]?(?:not\s+in\s+dispute|undisputed|"
                       r"not\s+disputed|common\s+ground)[\u201d\x22]?)\s+(?:that\s+)?", re.I)


def _strip_frames(text: str, stance: str, cues: list[str], lex: Lexicon) -> tuple[int, str]:
    """Remove frames at the start of ``text``; returns (characters removed, stance)."""
    removed = 0
    for _ in range(4):
        rest = text[removed:]
        if match := _TOPIC_PREFIX.match(rest):
            removed += match.end()
        elif match := _NO_DOUBT.match(rest):
            removed += match.end()
            cues.append(f"assurance frame: {match.group(0).strip()}")
        elif match := _denial_frame(rest, lex):
            removed += match.end()
            stance = FLIP[stance] if stance != "hedges" else stance
            cues.append(f"denial frame: {match.group(0).strip()}")
        elif (match := _HEDGE_FRAMES.match(rest)) or (match := _UNVERIFIED.match(rest)) or \
                (match := _OPEN_QUESTION.match(rest)) or (match := _NOT_SAYING.match(rest)) or \
                (match := _UNABLE_HOW.match(rest)):
            removed += match.end()
            stance = "hedges" if stance == "affirms" else stance
            cues.append(f"hedge frame: {match.group(0).strip()}")
        elif (match := OBJECT_NOUN.match(rest)) and labelled_false(rest, lex) is None:
            removed += match.end()
        elif (match := _BELIEF.match(rest)) and len(match.group(0).split()) <= 8:
            removed += match.end()
            lemma = re.sub(r"(?:s|ed|d)$", "", match.group(2).split()[-1])
            belief = _BELIEF_STANCE.get(lemma, "affirms")
            if match.group(1):
                belief = {"hedges": "affirms", "affirms": "denies"}.get(belief, belief)
                cues.append(f"negated belief: {match.group(0).strip()}")
            if stance == "affirms":
                stance = belief
        else:
            break
    return removed, stance


def claim_kind(text: str, lex: Lexicon) -> str:
    """factual, conditional, forecast or policy, from the words of the claim."""
    conditional = any(kind == "condition" and _has(text, cue)
                      for cue, kind in lex.conditionals.items())
    if (_FUTURE.search(text) or re.search(r"\bwould\b", text)) and _POLICY_SUBJECT.match(text):
        return "policy"
    if conditional:
        return "conditional"
    if _FUTURE.search(text):
        return "forecast"
    return "factual"


def is_epistemic(text: str, lex: Lexicon) -> bool:
    """Whether ``text`` has a conditional that questions the fact at issue: "if true", "if
    there are images", "if the photos are real" (``conditional_cues.tsv``)."""
    if any(kind == "epistemic" and _has(text, cue) for cue, kind in lex.conditionals.items()):
        return True
    words = {c for c, kind in lex.conditionals.items() if kind == "epistemic-word"}
    return any(any(_has(clause, w) for w in words)
               for clause in re.findall(r"\bif\b([^,;]{0,60})", text, re.I))


def read_claim(text: str, stance: str, report_cues: list[str], lex: Lexicon, *,
               start: int = 0, speaker: str | None = None, quote: bool = False,
               epistemic: bool | None = None) -> ClaimReading:
    """Read one piece of reported text.

    Args:
        text: the words as written (one clause or one quoted sentence).
        stance: the reporting verb's stance.
        report_cues: cues found between the speaker and the claim ("appeared to", "never").
        lex: the lexicons.
        start: the offset of ``text`` in the article.
        speaker: the speaker's name, put in place of a leading "it"/"they" of a paraphrase.
        quote: the words are a quotation.
        epistemic: force the epistemic-conditional test's result (a quote is hedged as a
            whole when any of its sentences is).
    """
    cues: list[str] = []
    lead = len(text) - len(text.lstrip(" ,\u201c\u201d\"'"))
    body = text.strip(" ,\u201c\u201d\"'")
    for cue in report_cues:
        if cue in {"never", "not", "did not", "does not", "do not"}:
            stance = {"denies": "hedges", "hedges": "affirms", "affirms": "hedges"}[stance]
            cues.append(f"negated report: {cue}")
        elif cue in lex.hedges:
            stance = "hedges" if stance == "affirms" else stance
            cues.append(f"hedge: {cue}")
    removed, stance = _strip_frames(body, stance, cues, lex)
    body = body[removed:]
    lead += removed
    if (passive := _UNVERIFIED_PASSIVE.search(body)) is not None and stance == "affirms":
        stance = "hedges"
        cues.append(f"hedge frame: {passive.group(0).strip()}")
        body = body[:passive.start()]
    elif any(c.startswith("hedge frame") for c in cues):
        body = re.sub(r"\s+independently\W*$", "", body)  # "verify the footage independently"
    if (labelled := labelled_false(body, lex)) is not None:
        lead += labelled.start("p")
        body = labelled.group("p")
        stance = FLIP[stance] if stance != "hedges" else stance
        cues.append("reported as false")
    if epistemic is None:
        epistemic = is_epistemic(body, lex)
    if epistemic:
        stance = "hedges"
        cues.append("epistemic conditional")
    if (back := refers_back(body, lex)) is not None:
        # "the figures", "it shares the assessment of X", "X's figure was inflated": about a
        # claim made before (kg/extract/anaphora.py finds which)
        if back == "wrong":
            stance = FLIP[stance] if stance != "hedges" else stance
        return ClaimReading(start + lead, start + lead + len(body), sentence_text(body), stance,
                            cues=[*cues, f"refers back: {back}"], anaphor=True, quote=quote)
    # ("a link cannot be ruled out": a hedge cue that holds the act's words leaves P open)
    act = next((c for c, s in lex.denials.items() if s == "act" and _has(body, c) and not any(
        c in h and _has(body, h) for h in lex.hedges)), None)
    if act:
        return ClaimReading(start + lead, start + lead + len(body), body, "denies",
                            cues=[*cues, f"denial: {act}"], anaphor=True, quote=quote)
    kind = claim_kind(body, lex)
    # quotation marks inside the words do not hide a negation: was "not a finding"
    display = re.sub(r"[\u201c\u201d\"]", "", body)
    negation = _negation(display, lex) if kind not in {"policy"} else None
    if stance != "hedges" and (plain := fronted_negation(display)) is not None:
        # "at no point was any passenger in danger": denies "any passenger was in danger"
        stance = FLIP[stance]
        cues.append("fronted negation")
        display = plain
    elif not negation and (subject := _negative_subject(display, lex)) and stance != "hedges":
        # "no fee had been agreed": the speaker denies that a fee had been agreed
        stance = FLIP[stance]
        cues.append(f"negative subject: {subject.group(1)}")
        positive = lex.negative_subjects[subject.group(1).lower()]
        display = display[:subject.start(1)] + positive + display[subject.end(1):]
    elif not negation and stance != "hedges" and \
            (obj := _NEGATIVE_OBJECT.search(main_clause(display)) or
             NOTHING_OBJECT.search(main_clause(display))):
        stance = FLIP[stance]
        cues.append(f"negative object: {obj.group(1).lower()}")
        # the claim in plain words: "had received some reply", not "had received any reply"
        some = "something" if obj.group(1).lower() == "nothing" else "some"
        display = display[:obj.start(1)] + some + display[obj.end(1):]
    elif not negation and stance != "hedges" and \
            (excess := _TOO_TO_BE.search(main_clause(display))):
        # "the timing is too regular to be coincidence": denies "the timing is coincidence"
        stance = FLIP[stance]
        cues.append(f"too ... to be: {excess.group(0).strip()}")
        display = display[:excess.end(1)] + display[excess.end():]
    elif not negation and stance != "hedges" and \
            (unrelated := _UNRELATED.search(main_clause(display))):
        # "the cases were unrelated to the drug": denies "the cases were related to the drug";
        # "the rate was no higher than elsewhere": denies "the rate was higher than elsewhere"
        stance = FLIP[stance]
        cues.append(f"negative predicate: {unrelated.group(0).strip()}")
        cut = unrelated.span(1) if unrelated.group(1) else unrelated.span(2)
        display = display[:cut[0]] + display[cut[1]:]
    elif negation and stance != "hedges":
        stance = FLIP[stance]
        cues.append(f"negation: {negation}")
        replacement = _NEGATION_DISPLAY.get(negation.lower(), negation.split()[0])
        display = re.sub(rf"(?<![\w\u2019'-]){re.escape(negation)}(?![\w\u2019'-])", replacement,
                         display, count=1, flags=re.I)
    # "deciding whether to recover the money": a choice of action, not doubt about a fact
    # ("the craft could be steered": what it was able to do, not a guess about a fact)
    hedge = next((c for c, s in lex.hedges.items() if (
        s in CLAIM_SCOPES or (s == "quoted" and (quote or _in_quotes(body, c)))) and
        _has(without_purpose(body), c) and
        not re.search(rf"(?<![\w-]){re.escape(c)}\s+to\s", body, re.I) and
        not (c == "could be" and _ABILITY_PASSIVE.search(body))), None)
    if hedge and stance == "affirms":
        stance = "hedges"
        cues.append(f"hedge: {hedge}")
    if speaker and not quote:
        display = _LEADING_PRONOUN.sub(speaker, display, count=1)
    return ClaimReading(start + lead, start + lead + len(body), sentence_text(display), stance,
                        kind=kind, cues=cues, quote=quote)


def _in_quotes(text: str, cue: str) -> bool:
    """Whether ``cue`` stands inside quotation marks in ``text``: the speaker's own words
    ('the findings were "consistent with" our intelligence'), where a reporter's paraphrase
    with the same words states a finding."""
    return any(_cue_pattern(cue).search(quoted.group(0)) for quoted in
               re.finditer(r"[\u201c\"][^\u201c\u201d\"]*(?:[\u201d\"]|$)", text))  # or to the end


def sentence_text(text: str) -> str:
    """Claim text for the draft: quotation marks dropped, spaces collapsed, a capital and a
    full stop."""
    text = re.sub(r"[\u201c\u201d\"]", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


__all__ = ["FLIP", "ClaimReading", "claim_kind", "is_epistemic", "read_claim", "sentence_text"]
