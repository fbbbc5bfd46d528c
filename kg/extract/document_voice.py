"""A written document as the subject of a verb of saying speaks for whoever made it.

News built on documents lets the document talk: "Port logs compiled by Kestrel Data show that
P", "A letter sent in June by the mayor, Ana Holt, and obtained by the Gazette warned that P
and that Q", "The draft also says Q", "It also cites invoices in which R". A document written or
compiled by people is their word, not the publisher's (the publisher only passes it on), so
the sentence, first read in the publisher's own voice (it names no person as a speaker), goes
to the maker:

- the maker named in a participle right after the document ("compiled by X", "sent in June
  by X", then perhaps X's name set off by commas, and how the publisher got it: "and obtained
  by the Gazette");
- for a definite document ("The draft", "the letter") or "It" with no maker in the words:
  the speaker the text last had speak through a document of that noun ("According to a draft
  of the report, auditors found P": the auditors), or the maker a document of that noun was
  given before by this rule; "It" right after such a sentence is the same document.

A recording (a video, a photograph, satellite images) is described in the writer's own voice
and stays there; so does a document the writer gives from its own reading with no one made to
speak through it ("according to a report seen by the Gazette, P", then "the report says Q").
"DOC cites N, which it says P" and "DOC cites N in which P" say P (the citing names the
evidence, no claim of its own).

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Port logs compiled by Kestrel Data, a tracking firm, show that the "
    ...                 "ferry left at midnight.", publisher="The Test Gazette")
    >>> [(s.actor, s.stance, s.claim_text) for s in draft.statements]
    [('kestrel-data', 'affirms', 'The ferry left at midnight.')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.model import RelayStep, StatementRecord
from kg.extract.stance import read_claim

if TYPE_CHECKING:
    from kg.extract.actors import ActorRecord
    from kg.extract.sentences import Sentence
    from kg.extract.statements import Context

CUE = "document speaks for its maker"
WINDOW = 20  # sentences a definite document looks back (a story calls it "the draft" all along)
_RECORDINGS = {"Video", "Photograph", "SatelliteImagery"}
_SAYING = (r"(?:says|said|say|shows?|showed|warns?|warned|states?|stated|records?|recorded|"
           r"cites?|cited|notes?|noted|concludes?|concluded|finds|found|adds|added|"
           r"describes?|described|lists?|listed)")
_MADE = (r"(?:sent|written|compiled|prepared|drafted|issued|signed|filed|produced|authored|"
         r"kept|circulated)")
# "A letter sent in June by the city's mayor, Ana Holt, and obtained by the Gazette warned"
_PARTICIPLE = re.compile(
    rf"^(?P<what>(?:(?:an?|the)\s+)?(?:[\w-]+\s+){{0,3}}?[\w-]+)\s+{_MADE}\s+"
    r"(?:[^,;]{0,40}?\s+)?by\s+(?P<who>[^,;]+?)(?:,\s+(?P<name>[A-Z][\w\u2019'.-]*"
    r"(?:\s+[A-Z][\w\u2019'.-]*){0,3}|[^,;]{3,60}?))?,?"
    r"(?:\s+and\s+(?:later\s+)?(?:obtained|seen|reviewed|leaked|shared|passed)\b[^,;]*?)?,?"
    rf"\s+(?:also\s+)?(?P<verb>{_SAYING})\b\s*(?:that\s+)?", re.I)
# "Figures from Lenby Hospital, shared by Medaid, a charity that supports it, show that P": the
# maker after "from", and who passed the document on (a relay between maker and reader)
_FROM = re.compile(r"^(?P<what>(?i:(?:the\s+)?(?:latest\s+|new\s+|official\s+|provisional\s+)?"
                   r"(?:figures|data|statistics|numbers|records|logs)))\s+from\s+"
                   r"(?P<who>(?:the\s+)?[A-Z][^,;]*?)(?:,\s+(?:shared|released|published|"
                   r"provided|supplied|passed\s+on)\s+by\s+(?P<via>[^,;]+?)"
                   r"(?:,\s+(?:an?|the)\s+[^,;]{3,90})?,)?"
                   rf"\s+(?:also\s+)?(?P<verb>{_SAYING})\b\s*(?:that\s+)?")
# "The draft also says", "It also cites": a definite document or the pronoun
_DEFINITE = re.compile(rf"^(?:(?:The|This|That)\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>[\w-]+)|It)\s+"
                       rf"(?:also\s+|further\s+)?(?P<verb>{_SAYING})\b\s*(?:that\s+)?")
# '"Q," the draft said.': a definite document after a quotation
_CLOSING = re.compile(rf"[\u201d\"]\s+the\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>[\w-]+)\s+"
                      rf"(?P<verb>{_SAYING})\.?$")
# "According to a draft of the report (seen by the Gazette), auditors found P"
_ACCORDING = re.compile(r"^According to\s+(?P<doc>[^,]+),")
# what a citing document says: "cites N, which it says P", "cites N in which P"
_CITED_CLAUSE = re.compile(r",\s+which\s+(?:it|they)\s+(?:says?|said)\s+|\s+in\s+which\s+")
_OWNER = re.compile(r"^(?:the\s+)?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})[\u2019']s\s+[a-z]")
_NAME = re.compile(r"[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){1,3}$")


def speak_for_makers(ctx: Context, sent: Sentence) -> None:
    """Give ``sent``'s own-voice statements to the maker of the written document that opens
    it as the subject of a verb of saying (see the module text)."""
    if ctx.publisher is None:
        return
    own = [s for s in ctx.statements if s.sentence_index == sent.index and s.own_voice]
    if not own:
        return
    found = _participle_maker(ctx, sent) or _definite_maker(ctx, sent)
    if found is None:
        return
    maker, begin, verb = found
    if maker.id == ctx.publisher.id or maker.kind == "NewsOutlet":
        return
    if begin is not None:
        _restate(ctx, sent, own, maker, begin, verb)
        _passed_on(ctx, sent)
    else:
        for statement in own:
            statement.actor, statement.own_voice, statement.verb = maker.id, False, verb
            statement.relay = [RelayStep(ctx.publisher.id, "published")]
            statement.cues.append(CUE)
        ctx.table.mark_used(maker.id)
    said = [i for i, s in enumerate(ctx.statements) if s.sentence_index == sent.index]
    for mention in ctx.evidence:  # (the document and what it cites bear on what it says)
        if mention.sentence == sent.index:
            mention.supports = said


def _passed_on(ctx: Context, sent: Sentence) -> None:
    """"Figures from X, shared by Y, show P": Y passed X's figures on, a relay before the
    publisher (none when Y is the publisher)."""
    match = _FROM.match(sent.text)
    if match is None or not match.group("via"):
        return
    via = ctx.table.resolve(match.group("via"), sent.start + match.start("via"),
                            sentence=sent.index)
    if via is None or ctx.publisher is None or via.id == ctx.publisher.id:
        return
    span = (sent.start + match.start("via"), sent.start + match.end("via"))
    for statement in ctx.statements:
        if statement.sentence_index == sent.index and CUE in statement.cues:
            statement.relay.insert(0, RelayStep(via.id, "shared by", span))
    ctx.table.mark_used(via.id)


def _participle_maker(ctx: Context, sent: Sentence) -> tuple[ActorRecord, int, str] | None:
    match = _PARTICIPLE.match(sent.text) or _FROM.match(sent.text)
    if match is None or not _written(ctx, match.group("what")):
        return None
    who, at = match.group("who"), match.start("who")
    name = match.groupdict().get("name")
    if name and _NAME.fullmatch(name.strip()):
        # ("by the city's mayor, Ana Holt,": the name, with its description)
        maker = ctx.table.resolve(name.strip(), sent.start + match.start("name"),
                                  sentence=sent.index, appositive=who)
    else:
        maker = ctx.table.resolve(who, sent.start + at, sentence=sent.index,
                                  appositive=name.strip() if name else None)
    if maker is None:
        return None
    owner = _OWNER.match(who)
    if owner is not None and maker.acts_for is None and maker.kind == "Person":
        # ("by Corvania's ambassador in Dareth, Helena Marsk": she acts for Corvania)
        found = ctx.table.resolve(owner.group(1), sent.start + at, sentence=sent.index)
        if found is not None and found.id != maker.id:
            maker.acts_for = found.id
    span = (sent.start + match.start("what"), sent.start + match.end("what"))
    ctx.evidence.append(ev.EvidenceMention(ev.evidence_kind(match.group("what"), ctx.lex)
                                           or "Document", match.group("what"), span,
                                           "produced", sent.index, actor=maker.id))
    return maker, sent.start + match.end(), match.group("verb")


def _written(ctx: Context, phrase: str) -> bool:
    kind = ev.evidence_kind(phrase, ctx.lex)
    return kind is not None and kind not in _RECORDINGS


def _definite_maker(ctx: Context, sent: Sentence) -> tuple[ActorRecord, int | None, str] | None:
    match = _DEFINITE.match(sent.text) or _CLOSING.search(sent.text)
    if match is None:
        return None
    noun = match.group("noun")
    # (after a quotation the own-voice reading of the quotation stands: begin None)
    begin = sent.start + match.end() if match.re is _DEFINITE else None
    verb = match.group("verb")
    if match.re is _DEFINITE and noun is not None:
        # ("The summary", "The review": the document, evidence its maker made)
        what = (sent.start, sent.start + match.end("noun"))
        found = _antecedent(ctx, sent, noun)
        if found is not None:
            # (described as the text first named it: "a summary of the assessment", so that
            # "the assessment" later is the same item)
            ctx.evidence.append(ev.EvidenceMention(
                ev.evidence_kind(ctx.text[what[0]:what[1]], ctx.lex) or "Document",
                found[1], what, "produced", sent.index, actor=found[0].id))
            return found[0], begin, verb
        return None
    if noun is None:  # "It also cites ...": the document of the sentence just before
        last = [s for s in ctx.statements if s.sentence_index == sent.index - 1]
        if last and all(CUE in s.cues for s in last):
            return ctx.table.records[last[-1].actor], begin, verb
        return None
    found = _antecedent(ctx, sent, noun)
    return (found[0], begin, verb) if found is not None else None


def _antecedent(ctx: Context, sent: Sentence, noun: str) -> tuple[ActorRecord, str] | None:
    """The speaker the text last had speak through a document of ``noun`` (see the module
    text), within :data:`WINDOW` sentences, and the words that named the document; None if
    there is none."""
    word = rf"(?<![\w-]){re.escape(noun.lower())}s?(?![\w-])"
    for statement in reversed(ctx.statements):
        if sent.index - statement.sentence_index > WINDOW:
            break
        if statement.sentence_index >= sent.index or statement.own_voice:
            continue
        words = statement.reported_as or ""
        opening = _ACCORDING.match(words)
        if CUE in statement.cues:
            phrase = words[:statement.span[0] - statement.sentence[0]]
        elif opening is not None and statement.speaker_span and \
                statement.speaker_span[0] >= statement.sentence[0] + opening.end():
            phrase = opening.group("doc")  # "According to a draft, auditors found P"
        else:
            continue
        if re.search(word, phrase.lower()) and (maker := ctx.table.records.get(
                statement.actor)) is not None:
            return maker, phrase.strip()
    return None


def _restate(ctx: Context, sent: Sentence, own: list[StatementRecord], maker: ActorRecord,
             begin: int, verb: str) -> None:
    """Replace the own-voice statements with the maker's, of what the document says after
    its verb ("that P and that Q": two claims)."""
    assert ctx.publisher is not None
    end = sent.start + len(sent.text.rstrip(" ."))
    if verb.lower().startswith("cite") and (
            clause := _CITED_CLAUSE.search(ctx.text, begin, end)) is not None:
        # ("cites serial numbers on launch tubes, which it says P": the material cited)
        cited = ctx.text[begin:clause.start()]
        if (kind := ev.evidence_kind(cited, ctx.lex)) is not None and not any(
                m.sentence == sent.index and m.span[0] < clause.start() and begin < m.span[1]
                for m in ctx.evidence):
            ctx.evidence.append(ev.EvidenceMention(kind, cited, (begin, clause.start()),
                                                   "cited", sent.index, actor=maker.id))
        begin = clause.end()
    parts, at = [], begin
    for joint in re.finditer(r",?\s+and\s+that\s+", ctx.text[begin:end]):
        parts.append((at, begin + joint.start()))
        at = begin + joint.end()
    parts.append((at, end))
    first = ctx.statements.index(own[0])
    for statement in own:
        ctx.statements.remove(statement)
    group = ctx.next_group()
    for number, (a, b) in enumerate(parts):
        reading = read_claim(ctx.text[a:b], "affirms", [], ctx.lex, start=a)
        if not reading.text.strip(" ."):
            continue
        ctx.statements.insert(first + number, StatementRecord(
            actor=maker.id, stance=reading.stance, sentence=(sent.start, sent.end),
            span=(reading.start, reading.end), claim_text=reading.text,
            claim_kind=reading.kind, verb=verb, reported_as=sent.text,
            relay=[RelayStep(ctx.publisher.id, "published")], cues=[*reading.cues, CUE],
            confidence=0.6, anaphor=reading.anaphor, group=group,
            sentence_index=sent.index))
    ctx.table.mark_used(maker.id)


__all__ = ["speak_for_makers"]
