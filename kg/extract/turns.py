"""Speaker-labelled turns: a published transcript of an interview, a briefing, a hearing or a
press conference, each turn a paragraph opened by its speaker's label and a colon, the words
unquoted::

    PRESENTER: The berth is still closed. Minister, who is to blame?
    MINISTER (Ana Holt): Everything we have seen tells us the leak began on the ship.
    HOLT: We have footage from the berth.
    [CLIP] IVO LIND: The valve was sticking.

The label is no part of the sentence after it, and it names the speaker of every sentence of
its turn: a guest's words are the guest's statements (relayed by the publisher, who prints
them), not the publisher's own voice, and the guest's "I", "we", "my members" and "our crew"
are the guest. The label is a surname or a name in capitals ("HOLT:", "IVO LIND:", "MR
LIND:"), a role with the name in brackets ("MINISTER (Ana Holt):"), a name and its role ("IVO
LIND, CHIEF ENGINEER OF LENBY RAIL:", the role read as set off after a name), a name as written
("Ivo Lind:"), after a marker of a recorded clip ("[CLIP]", "(CLIP)"); a surname label is the
person the text names in full elsewhere, and a "Guests:" line gives the guests' roles.

The one who asks ("PRESENTER:", "HOST:", "INTERVIEWER:", "Q:") speaks for the publisher: the
presenter's statements of fact stay the publisher's own voice. But what the presenter says to
a guest is no statement of fact: a question, a challenge or a sentence to the guest ("You
can't be sure of that.", "Mr Holt, that's the ship."), a link ("I'm joined by ...", "Let's
hear from ...", "He spoke to our reporter ...", "X is the branch secretary of Y."), a time
check ("It's twenty to eight.") and thanks; "Now you're saying P" is the guest's P, restated
(the guest the presenter addresses, who answers in the next turn). "Presenter:", "Host:" and
"Guests:" lines above the first turn list who takes part and state nothing.

In a guest's turn, what answers the turn before is read as an answer: "They were not."
denies what the presenter asked ("... whether they were ever in danger"), "I'm afraid it's
simply wrong" denies what was put, "nobody should pretend that P" denies P, "I'm told P" and a
presumption on a condition ("if a valve was flagged, the authority will have assessed it")
hedge. A sentence broken off by the next speaker (a final dash), a turn claimed back ("Let me
finish, minister."), a refusal to comment, a verbless concession ("Damage, yes.") and "What we
don't yet know is why" state nothing. A paragraph without a label between two turns goes on
with the turn before it.

A text is read as a transcript only when at least two paragraphs open with labels of this
kind that name a speaker, so a single "UPDATE:" or "WATCH:" line is left alone.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Morning Call\\n\\nPRESENTER: The port is shut. Ana Holt, you run it."
    ...                 "\\n\\nHOLT: I'm told the valve failed. We have footage of it.\\n\\n"
    ...                 "PRESENTER: Ana Holt, thank you.", publisher="Radio Nord")
    >>> [(s.actor, s.stance, s.claim_text) for s in draft.mentions]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('radio-nord', 'affirms', 'The port is shut.'),
     ('ana-holt', 'hedges', 'The valve failed.'),
     ('ana-holt', 'affirms', 'We have footage of it.')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.extract.attribution import find_frames
from kg.extract.model import RelayStep, StatementRecord
from kg.extract.narration import own_voice
from kg.extract.questions import declarative

if TYPE_CHECKING:
    from kg.extract.actors import ActorRecord
    from kg.extract.sentences import Sentence
    from kg.extract.statements import Context

_CAPS = r"[A-Z][A-Z\u2019'.-]*[A-Z.]"  # a word in capitals, two letters or more ("MR", "DR.")
_GIVEN = r"[A-Z][\w\u2019'.-]+"
_WORD = r"[A-Z][a-z][\w\u2019'-]*"  # a name as written ("Quill", "McAdam")
# "[CLIP] IVO LIND:", "MINISTER (Ana Holt):", "HOLT:", "Q:", "Mara Quill:" at the start of a
# paragraph, the words after it unquoted (a quoted line is transcript.py's)
LABEL = re.compile(rf"^(?:[\[(](?P<marker>[A-Za-z][A-Za-z ]{{0,20}})[\])]\s*)?"
                   rf"(?P<label>{_CAPS}(?:\s+{_CAPS}){{0,3}}|Q|Presenter|Host|Interviewer|"
                   rf"Anchor|Moderator|(?:Mr|Mrs|Ms|Dr)\.?\s+{_WORD}|{_WORD}(?:\s+{_WORD}){{1,2}})"
                   # ("DANA ORLEV, MARITIME MINISTER:": the name, then the role in capitals)
                   rf"(?:,\s+(?P<role>{_CAPS}(?:\s+{_CAPS}){{0,5}}))?"
                   rf"(?:\s*\((?P<name>{_GIVEN}(?:\s+{_GIVEN}){{0,3}})\))?\s*:\s+(?=[^\s\u201c\"])")
# the roles that ask: they speak for the programme, the publication or the house
_ASKING = {"PRESENTER", "PRESENTERS", "HOST", "CO-HOST", "ANCHOR", "INTERVIEWER",
           "MODERATOR", "Q", "QUESTION", "REPORTER", "JOURNALIST"}
# the list above the turns: who presents, who is a guest ("Guests: X, role; Y, role")
_CAST = re.compile(r"^(?:Presenters?|Hosts?|Guests?|Panel(?:lists)?|Interviewers?|Anchors?|"
                   r"Moderators?|Producers?|Participants|Speakers?|With):\s+\S")
_HOSTS = re.compile(r"^(?:Presenters?|Hosts?|Interviewers?|Moderators?|Anchors?):")
# what the one who asks says to a guest rather than of the world
_SECOND_PERSON = re.compile(r"(?i)\b(?:you|your|yours|yourself)\b|\byou[\u2019'](?:re|ve|ll|d)\b")
_LINK = re.compile(r"(?i)\b(?:I|I[\u2019'](?:m|ve|ll|d)|me|my|let[\u2019']s|let\s+us)\b|"
                   r"\bour\s+(?:reporter|correspondent|guests?|producer|colleague|team)\b|"
                   r"\b(?:thank\s+you|thanks|welcome|good\s+(?:morning|afternoon|evening))\b")
_TIME_CHECK = re.compile(r"(?i)^it[\u2019']s\s+(?:now\s+|just\s+)?(?:(?:\w+\s+)?(?:to|past)\s+"
                         r"\w+|\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?|\w+\s+o[\u2019']clock)"
                         r"\s*[.!]?$")
# "Gareth Holt is branch secretary of the union.": a guest introduced by a role, a link
_INTRODUCED = re.compile(rf"^{_GIVEN}(?:\s+{_GIVEN})+\s+is\s+(?:the\s+|an?\s+)?[a-z][\w\s-]*?\s+"
                         r"(?:of|at|for|with)\s+(?:the\s+)?[A-Z]")
# "Now you're saying P", "You said P": the guest's claim, restated to the guest
_RESTATED = re.compile(r"(?i)\byou(?:[\u2019']re|\s+are|\s+were)?\s+(?:(?:now|also)\s+)?"
                       r"(?:saying|said|say|claim(?:ing|ed)?|told\s+us)\s+(?:that\s+)?")
# a sentence broken off by the next speaker ("Tomas was being properly cautious\u2014")
_CUT_OFF = re.compile(r"[\u2014\u2013-]\s*$")
# what a guest says that states nothing: "Let me finish, minister." (a turn claimed back), "I
# can't comment on it" (a refusal), "Damage, yes." (a concession that echoes), "What we don't
# know is why" (an unknown)
_NO_STATEMENT = re.compile(r"(?i)^(?:let\s+me|let\s+us|let[\u2019']s)\s+\w+(?:\s+\w+)?"
                           r"(?:,\s*[^,]+)?[.!]?$|\b(?:can[\u2019']t|cannot|won[\u2019']t|will\s+"
                           r"not)\s+comment\b|^(?:(?!\b(?:is|are|was|were|has|have|had|did|"
                           r"does|do|will|would|can|could)\b)[^,])+,\s+(?:yes|yeah|sure)[.!]$")
_UNKNOWN = re.compile(r"(?i)^what\s+(?:we|I)\s+(?:still\s+)?(?:don[\u2019']t|do\s+not)\s+"
                      r"(?:yet\s+)?know\s+is\s+(?:why|how|who|when|where|what)$")
# "it, and it was certified": an object pronoun, then a comma, where a clause should start
_OBJECT_NOT_CLAUSE = re.compile(r"(?i)(?:it|them|him|her|this|that),\s")
# an if-clause alone, and one just before a clause ("..., if a valve was flagged, Q")
_CONDITION = re.compile(r"(?i)(?:that,?\s+)?(?:if|unless)\s[^,]+")
_IF_BEFORE = re.compile(r"(?i)\b(?:if|unless)\s[^,]+,\s*$")
# "will have assessed": what the speaker takes to have happened (a presumption)
_PRESUMED = re.compile(r"(?i)\b(?:will|would|must)\s+have\s+(?!been\s+told)[a-z]+(?:ed|en|wn|ne)\b")
# "nobody should pretend that P", "no one can claim P": P denied
_PRETEND = re.compile(r"(?i)(?:but\s+)?(?:nobody|no\s+one)\s+(?:should|can|could|would|will)\s+"
                      r"(?:seriously\s+)?(?:pretend|claim|argue|suggest)\s+(?:that\s+)?")
# "it's simply wrong", "that is not true": a denial of what was said
_WRONG = re.compile(r"(?i)\b(?:it|that|this)(?:[\u2019']s|\s+is|\s+was)\s+(?:simply\s+|just\s+|"
                    r"completely\s+|absolutely\s+|plainly\s+)?(?:wrong|untrue|false|not\s+true|"
                    r"nonsense|incorrect|rubbish)\b")
# "your own spokesman", "another of your officials": the addressee's
_YOUR = re.compile(r"(?i)^(?:\w+\s+of\s+)?your\b")
# "They were not.", "Yes, it was.": an answer that only says yes or no to what was asked
_ELLIPTICAL = re.compile(r"(?i)^(?:(?:yes|no),?\s+)?(?:they|it|he|she|we|I|that|there)\s+"
                         r"(?:was|were|is|are|did|does|do|has|have|had|will|would|can|could)"
                         r"(?P<no>n[\u2019']t|\s+not|\s+never)?\s*[.!]$")
# "I'm told", "we were told": what others told the speaker
_TOLD = re.compile(r"(?i)^(?:I|we)(?:[\u2019'](?:m|re|ve\s+been)|\s+(?:am|are|was|were|have\s+"
                   r"been))$")
# a title before a surname in a label ("MR LIND", "SENATOR HOLT")
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Judge|"
                        r"Justice|Senator|Rep|Representative|Congressman|Congresswoman|Cllr|"
                        r"Councillor|Minister|Secretary|President|General|Colonel|Chairman|"
                        r"Chairwoman|Chair)\.?\s+")
# the speaker's own words for the speaker ("I", "I'm", "we", "my members", "our crew")
_FIRST_PERSON = re.compile(r"(?i)^(?:I|I[\u2019'](?:m|ve|ll|d)|me|we|we[\u2019'](?:re|ve|ll|d)|"
                           r"us|my|our|ours|myself|ourselves)(?:\s|$)")


@dataclass
class Turn:
    """One labelled turn: its label's words, where the label is, and whether it asks."""

    label: str
    name: str  # the speaker's name as the text writes it ("Orlev", "Dana Orlev")
    at: int  # the label's offset
    end: int  # the offset after the label and its colon
    asking: bool
    paragraph: int
    role: str | None = None  # "MAYOR OF LENBY" after the name, as a name's role is written


@dataclass
class Turns:
    """The turns of a transcript, by paragraph; sentences to trim or skip for the pipeline."""

    by_paragraph: dict[int, Turn] = field(default_factory=dict)
    cut: dict[int, int] = field(default_factory=dict)  # sentence index -> label length
    skip: set[int] = field(default_factory=set)  # the "Presenter:" and "Guests:" lines
    cast: dict[str, tuple[int, str]] = field(default_factory=dict)  # name -> (offset, role)
    speakers: dict[int, str | None] = field(default_factory=dict)  # paragraph -> actor id

    def assign(self, ctx: Context, sent: Sentence, before: int) -> None:
        """Give the statements read from ``sent`` (those after ``before``) to its turn's
        speaker; drop what the one who asks says to a guest (see the module text)."""
        turn = self.by_paragraph.get(sent.paragraph)
        if turn is None:
            return
        made = ctx.statements[before:]
        if turn.asking:
            del ctx.statements[before:]
            ctx.statements.extend(self._asked(ctx, sent, turn, made))
            return
        speaker = self._speaker(ctx, turn, sent)
        if speaker is None:
            return
        relay = [RelayStep(ctx.publisher.id, "published")] if ctx.publisher else []
        if _CUT_OFF.search(sent.text) or _NO_STATEMENT.search(sent.text):
            # ("Tomas was being properly cautious\u2014": interrupted, the claim unfinished;
            # "Let me finish, minister.": said to the other guest; see _NO_STATEMENT)
            ctx.statements[before:] = [s for s in made if not s.own_voice]
        elif sent.start == turn.end and (answer := _ELLIPTICAL.match(sent.text)):
            self._answer(ctx, sent, turn, speaker, answer, relay)
        elif any(_OBJECT_NOT_CLAUSE.match(ctx.text[slice(*m.span)]) for m in made):
            # "the authority will have assessed it, and it was certified": a verb with an object
            # ("it") before a comma frames no clause; the words are the guest's own
            del ctx.statements[before:]
            for statement in made:
                _unused(ctx, statement.actor, sent)
            own_voice(ctx, sent)
        elif not made and _FIRST_PERSON.match(sent.text) and \
                all(f.kind == "topic" for f in find_frames(sent, ctx.lex)):
            # "We have asked the port for the footage": the speaker's own act, which the
            # table took for a topic frame of whatever "we" named before the turn
            own_voice(ctx, sent)
        # ("What we don't yet know is why": an unknown, no claim; "if a valve was flagged":
        # the condition, which no one asserts)
        ctx.statements[before:] = [s for s in ctx.statements[before:] if not s.own_voice or
                                   not (_UNKNOWN.match(words := ctx.text[slice(*s.span)].strip(
                                       " ,.")) or _CONDITION.fullmatch(words))]
        made = ctx.statements[before:]
        for statement in made:
            if statement.own_voice and statement.stance == "affirms" and \
                    _PRESUMED.search(ctx.text, *statement.span) and \
                    _IF_BEFORE.search(ctx.text[sent.start:statement.span[0]]):
                # "if a valve was flagged, the authority will have assessed it": a presumption
                statement.stance = "hedges"
                statement.cues.append("hedge: will have, on a condition")
        for statement in made:
            first_person = statement.speaker_span is not None and \
                _FIRST_PERSON.match(ctx.text[slice(*statement.speaker_span)].strip())
            if not statement.own_voice and not first_person:
                continue
            if first_person:
                _forget(ctx, statement.actor, speaker.id)
            if (pretend := _PRETEND.match(ctx.text, statement.span[0])) is not None and \
                    pretend.end() < statement.span[1]:
                # "nobody should pretend that the berth was in good order": denied
                statement.stance, statement.span = "denies", (pretend.end(), statement.span[1])
                statement.claim_text = _sentence(ctx.text[slice(*statement.span)])
                statement.cues.append("denial: nobody should pretend")
            elif statement.own_voice and statement.stance == "affirms" and \
                    (wrong := _WRONG.search(ctx.text, *statement.span)) is not None:
                # "I'm afraid it's simply wrong": what was said is denied, by reference
                statement.stance, statement.span = "denies", wrong.span()
                statement.claim_text = _sentence(wrong.group(0))
            statement.actor, statement.own_voice = speaker.id, False
            statement.relay = list(relay)
            statement.setting = None
            statement.cues.append(f"turn of {turn.label} in a transcript")
            if statement.speaker_span is None or not first_person:
                statement.speaker_span = (turn.at, turn.end)
            elif _TOLD.match(ctx.text[slice(*statement.speaker_span)].strip()) and \
                    statement.verb == "told" and statement.stance == "affirms":
                # "I'm told it was certified": what others told the speaker, passed on
                statement.stance = "hedges"
                statement.cues.append("hedge: I'm told")
        ctx.table.mark_used(speaker.id)

    def _answer(self, ctx: Context, sent: Sentence, turn: Turn, speaker: ActorRecord,
                answer: re.Match[str], relay: list[RelayStep]) -> None:
        """"They were not.", the first words of a turn: the guest denies (or affirms) what the
        one who asks put in the turn before ("... want to know whether they were in danger")."""
        before = [p for p in self.by_paragraph if p < turn.paragraph]
        if not before or not self.by_paragraph[max(before)].asking:
            return
        put = self.by_paragraph[max(before)]
        words = ctx.text[put.end:ctx.text.find("\n", put.end) % (len(ctx.text) + 1)].strip()
        whether = list(re.finditer(r"\b(?:whether|if)\s+([^.?!;]{6,})", words))
        question = re.search(r"(?:^|[.?!]\s+)([^.?!]+\?)$", words)
        claim = _sentence(whether[-1].group(1)) if whether else \
            declarative(question.group(1)) if question else None
        if not claim:
            return
        ctx.statements.append(StatementRecord(
            actor=speaker.id, stance="denies" if answer.group("no") else "affirms",
            sentence=(sent.start, sent.end), span=(sent.start, sent.start + len(
                sent.text.rstrip(" .!"))), claim_text=claim, speaker_span=(turn.at, turn.end),
            reported_as=sent.text, relay=list(relay),
            cues=["answers the question put in the turn before"], confidence=0.6,
            group=ctx.next_group(), sentence_index=sent.index))

    def _asked(self, ctx: Context, sent: Sentence, turn: Turn,
               made: list[StatementRecord]) -> list[StatementRecord]:
        """The statements of a sentence of the one who asks that stand: what others said,
        relayed, and the presenter's own statements of fact."""
        text = sent.text
        to_guest = bool(_SECOND_PERSON.search(text) or _LINK.search(text) or
                        _TIME_CHECK.match(text) or _INTRODUCED.match(text) or
                        self._vocative(text))
        kept = []
        restated = _RESTATED.search(text)
        for statement in made:
            mine = statement.speaker_span is not None and \
                _FIRST_PERSON.match(ctx.text[slice(*statement.speaker_span)].strip())
            if mine:  # ("I'm told P": the presenter's own, a link)
                _unused(ctx, statement.actor, sent)
            elif not statement.own_voice:
                kept.append(statement)
                self._yours(ctx, sent, turn, statement)
            elif restated and statement.span[1] > sent.start + restated.end():
                guest = self._addressee(ctx, sent, turn)
                if guest is None:
                    continue
                statement.span = (max(statement.span[0], sent.start + restated.end()),
                                  statement.span[1])
                statement.claim_text = _sentence(ctx.text[slice(*statement.span)])
                statement.actor, statement.own_voice = guest.id, False
                statement.relay = [RelayStep(ctx.publisher.id, "published")] \
                    if ctx.publisher else []
                statement.setting = None
                statement.cues.append("the presenter restates the guest's claim")
                kept.append(statement)
            elif not to_guest:
                kept.append(statement)
        return kept

    def _yours(self, ctx: Context, sent: Sentence, turn: Turn, statement: StatementRecord) -> None:
        """"Your own spokesman, X, said ...", put to a minister: X speaks for the guest's body
        (or the guest)."""
        words = ctx.text[slice(*statement.speaker_span)] if statement.speaker_span else ""
        record = ctx.table.records.get(statement.actor)
        if not _YOUR.search(words) or record is None or record.acts_for:
            return
        guest = self._addressee(ctx, sent, turn)
        if guest is not None and guest.id != record.id:
            record.acts_for = guest.acts_for or guest.id
            record.notes.append("Acts for the body of the guest the presenter addresses "
                                "(\u201cyour\u201d).")

    def _vocative(self, text: str) -> bool:
        """Whether the sentence opens or ends by naming a guest or a title ("Minister, ...",
        "..., Mr Holt."): it is said to the guest."""
        names = [re.escape(n) for n in self.cast] + [re.escape(t.name) for t in
                                                     self.by_paragraph.values()]
        head = r"(?:(?:Mr|Mrs|Ms|Dr|Professor|Minister|Secretary|Senator|Chief|Commissioner|" \
            r"Mayor|Councillor|Judge|Sir|Dame)\b(?:\s+[A-Z][\w\u2019'.-]*){0,3}" + \
            (("|" + "|".join(names)) if names else "") + ")"
        return bool(re.match(rf"^{head},\s", text) or re.search(rf",\s+{head}[.?!]?$", text))

    def _addressee(self, ctx: Context, sent: Sentence, turn: Turn) -> ActorRecord | None:
        """The guest the presenter speaks to: the one who answers in the next turn."""
        later = sorted(p for p in self.by_paragraph if p > turn.paragraph)
        for paragraph in later[:1]:
            answer = self.by_paragraph[paragraph]
            if not answer.asking:
                return self._speaker(ctx, answer, sent)
        return None

    def _speaker(self, ctx: Context, turn: Turn, sent: Sentence) -> ActorRecord | None:
        """The actor a guest's label names, found or made on first use (with the role the
        "Guests:" line gives)."""
        if turn.paragraph in self.speakers:
            ident = self.speakers[turn.paragraph]
            return ctx.table.records[ident] if ident else None
        full = _full_name(ctx.text, turn.name, turn.at)
        role = self.cast.get(full) or ((turn.at, turn.role) if turn.role else None)
        record = ctx.table.resolve(full, role[0] if role else turn.at, sentence=sent.index,
                                   appositive=(role[1] or None) if role else None, initial=True)
        if record is not None and record.kind != "Person":
            record = None
        if record is not None and turn.label.title() != turn.name and \
                turn.label.title() not in record.aliases:
            record.add_form(turn.label)  # "MINISTER (Dana Orlev)"
        self.speakers[turn.paragraph] = record.id if record else None
        return record


def _sentence(words: str) -> str:
    words = words.strip(" ,.")
    return f"{words[:1].upper()}{words[1:]}." if words else ""


def _forget(ctx: Context, ident: str, speaker: str) -> None:
    """An actor made of a first-person word ("I'm", "my members") names the speaker: it is
    no actor of its own once nothing else is said by it."""
    if ident == speaker or ident not in ctx.table.records:
        return
    record = ctx.table.records[ident]
    if _FIRST_PERSON.match(record.name) and \
            sum(s.actor == ident for s in ctx.statements) <= 1:
        record.used = False


def _unused(ctx: Context, ident: str, sent: Sentence) -> None:
    """An actor named only in ``sent`` (or by a first-person word) whose statements there were
    dropped is no actor."""
    record = ctx.table.records.get(ident)
    if record is not None and not any(s.actor == ident for s in ctx.statements) and (
            _FIRST_PERSON.match(record.name) or
            all(sent.start <= start < sent.end for start, _ in record.mentions)):
        record.used = False


def _full_name(text: str, name: str, before: int) -> str:
    """A surname label's full name, as the text writes it first ("Orlev": "Dana Orlev");
    the name itself when the text gives no fuller one."""
    bare = _HONORIFIC.sub("", name)  # ("Mr Lind", "Senator Holt": the surname)
    if " " in bare:
        return bare
    found = re.search(rf"\b((?:{_GIVEN}\s+)+){re.escape(bare)}\b(?![\w\u2019'])", text)
    if found is None or _HONORIFIC.match(found.group(1).split()[-1] + " "):
        return name
    name = bare
    given = found.group(1).split()[-1]
    return f"{given} {name}"


def _title(words: str) -> str:
    """A name in capitals as a name is written ("GARETH PILE": "Gareth Pile", "MR O'NEIL")."""
    return " ".join(w[:1] + w[1:].lower() if not w.startswith("O'") else "O'" + w[2:].title()
                    for w in words.split())


def read_turns(text: str, sentences: list[Sentence], trim: dict[int, int]) -> Turns:
    """The turns of ``text`` if it is a transcript (see the module text), else none; each
    turn's label is added to ``trim`` (sentence index -> characters to cut at its start)."""
    turns = Turns()
    starts: dict[int, Sentence] = {}
    for sent in sentences:
        starts.setdefault(sent.paragraph, sent)
    found: list[tuple[Sentence, re.Match[str]]] = []
    for sent in starts.values():
        match = LABEL.match(sent.text)
        if match is not None and not _CAST.match(sent.text):
            found.append((sent, match))
    first = min((sent.paragraph for sent, _ in found), default=0)
    hosts: set[str] = set()  # the surnames the "Presenter:" line gives
    for sent in sentences:
        if sent.paragraph < first and _CAST.match(sent.text):
            turns.skip.add(sent.index)
            _cast(sent, turns.cast, hosts if _HOSTS.match(sent.text) else set())
    for sent, match in found:
        label = match.group("label")
        name = match.group("name") or (_title(label) if label.isupper() else label)
        asking = label.upper() in _ASKING or name.split()[-1].lower() in hosts
        named_elsewhere = asking or match.group("name") or match.group("marker") or re.search(
            rf"\b{re.escape(name.split()[-1])}\b", text[:sent.start] + text[sent.end:])
        if not named_elsewhere or (not asking and name.upper() in _ASKING):
            continue
        role = match.group("role") and re.sub(r"\b(Of|For|The|And)\b", lambda w: w.group(
            1).lower(), _title(match.group("role")))  # ("Mayor of Lenby")
        turns.by_paragraph[sent.paragraph] = Turn(label, name, sent.start,
                                                  sent.start + match.end(), asking,
                                                  sent.paragraph, role)
    if len(turns.by_paragraph) < 2 or all(t.asking for t in turns.by_paragraph.values()):
        return Turns()
    labelled = sorted(turns.by_paragraph)
    for sent in sentences:
        turn = turns.by_paragraph.get(sent.paragraph)
        if turn is not None and turn.paragraph == sent.paragraph and \
                starts[sent.paragraph] is sent:
            turns.cut[sent.index] = turn.end - sent.start
        elif turn is None and labelled[0] < sent.paragraph < labelled[-1]:
            # a paragraph without a label between two turns goes on with the turn before it
            before = max(p for p in labelled if p < sent.paragraph)
            turns.by_paragraph[sent.paragraph] = turns.by_paragraph[before]
    trim.update(turns.cut)
    return turns


def _cast(sent: Sentence, cast: dict[str, tuple[int, str]], hosts: set[str]) -> None:
    """The names and roles of a "Guests:" line ("Dana Orlev, Minister for X; Ivo Lind, chief
    executive, Acme"): each name, where it is, and the role after it; the surnames of a
    "Presenter:" line go in ``hosts`` too."""
    body = sent.text.split(":", 1)[1]
    offset = sent.start + len(sent.text) - len(body)
    for part in re.finditer(r"[^;]+", body):
        entry = part.group(0)
        name = re.match(rf"\s*({_GIVEN}(?:\s+{_GIVEN}){{1,3}})(?:,\s*(.+?))?\s*$", entry)
        if name is not None:
            # ("chief executive, Talvik Shipping": the role at the body, as "of" says it)
            role = re.sub(r"^([a-z][\w\s-]*),\s+(?=[A-Z])", r"\1 of ", name.group(2) or "")
            cast[name.group(1)] = (offset + part.start() + name.start(1), role)
            hosts.add(name.group(1).split()[-1].lower())


__all__ = ["LABEL", "Turns", "read_turns"]
