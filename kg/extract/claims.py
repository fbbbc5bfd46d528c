"""Claims: one per proposition. Statements that say the same thing in other words share a
claim; a narrower version of a claim refines it.

Claims are compared as sets of content words (:mod:`kg.extract.similarity`): lemmatised and
stemmed, stop words dropped (``stopwords.txt``), word classes folded (``synonyms.tsv``:
"soldiers" is "troops"), states folded to one token ("North Korean", "Pyongyang" and "DPRK"
are ``north-korea``), numbers in digits ("three thousand" is ``3000``, "48 hours" two days,
"thousands" a range), the words of a stance left out ("appeared to", "there is no evidence
that", "baseless", "no doubt that": a denial of P, a hedge on P and P are one claim), and so
are the words a denial leaves behind ("anyone ever"); the noun of a subject that points back
("This vessel turned off ...") counts only when the other claim has it.

A statement is compared with every statement of a claim so far, not with its first only: a
paraphrase may say again what the second said. Two statements share a claim when

- the Jaccard similarity of their word sets is at least ``threshold``
  (:data:`MERGE_THRESHOLD`, 0.6 by default, chosen on all gold articles together), unless
  both give numbers and no number is common to them, or
- they have two numbers in common ("17 patients on Ward 12" / "17 Ward 12 patients") and a
  Jaccard similarity of at least :data:`CONTAINMENT_FLOOR`, or two names, states or numbers
  and two other words in common and at least 0.5 (``NAMES_FLOOR``: "the signals came from
  Russian military sites in Kaliningrad" / "the interference was coming from Russian
  military equipment in Kaliningrad"), or
- one set contains the other and the extra words of the larger add no qualifier (no number,
  no state, no proper noun): the larger only says the same more fully ("the batteries were
  to blame" / "the fire was caused by batteries stored in the warehouse"), with a Jaccard
  similarity of at least :data:`CONTAINMENT_FLOOR`; the smaller must have a word besides
  names and numbers ("It was by Van Haelen" says only who), or
- the later one is a nominal, a noun phrase of at most three content words with no finite
  verb ("the union denied forced overtime": "Forced overtime."), whose words all occur in a
  statement of the earlier claim: the noun phrase names it. Of several, the most alike. Or
- the later one is a short claim about "the X" (at most three content words, none a
  qualifier: "The crew had been cleared to cross."), whose words all occur in a fuller
  statement of the earlier claim ("whether the ATR crew had been cleared to cross"): the
  article points back to what was named, so this is no broader claim but the same one; so
  does a short claim opened by a personal pronoun ("It entered at 22:40." after "its radar
  showed the object entering the airspace at 22:40 on Tuesday").

A statement that joins a claim by similarity also folds into it the other claims it would
join, when it is at least half the words (Jaccard at least :data:`BRIDGE_FLOOR`) of a statement
of each: "The recording is genuine." joins "... whether the recording is genuine while its
review is ongoing" and "... whether the recording is genuine, only where it first surfaced",
two wordings of one claim that each add a word the other lacks. A statement that is less than
half of a fuller one ("the fire was caused by an overheating pallet of lithium-ion batteries in
the battery storage bay") is the broad claim a narrower one builds on, and joins no two.

Claim B refines claim A when A's words are a proper subset of B's and B's extra words
include a qualifier: a number ("at least 3,000 North Korean troops ... in Russia"), a state
or a proper noun ("... in Russia's Far East", "... to the border region Kursk"). A's words
may add nouns for an event (``event_nouns.txt``: "killed in the strike") that B describes
instead ("23 civilians were killed when a missile hit the market").

A speaker says a thing once in a sentence: two statements by one speaker in one sentence never
share a claim (a relative clause and the sentence around it: "The 71-page document, which is
due to go to the committee next month, has not been made public").

A qualifier that another statement of the claim already gave is no qualifier here ("the
lights at Gate C may have been broken" joins "the lights at Gate C had been broken" and "the
lights had been broken"). Statements from one clause list ("said that P, and that Q") never
share a claim. A quotation that matches no claim and follows a paraphrase by the same speaker
with the same stance is taken to support that paraphrase ("X appeared to confirm P ... 'if
there are images, they reflect something,' he said"), unless the speaker's nearest paraphrase
before the quotation
has another stance ("None of the pupils had left, she said. 'Such cases are rare,' she said":
the quotation would have to reach past it), or the quotation's subject refers back to what
was found ("The results leave no doubt about P": what the results show is a claim of its own),
or the paraphrase gives a number the quotation does not ("874 homes were destroyed ... 'A lot
of these families had no insurance'": a comment on the figure, not the figure again), or the
paraphrase is a plain assertion and the quotation shares no word with it and names nothing as
"that X" ("the timetable would change in May ... 'Commuters deserve better'": a point of its
own), or the paraphrase only names a claim made before ("dismissed the allegations").

Example:
    >>> from kg.extract.lexicon import load_lexicon
    >>> words = content_words("North Korean soldiers are in Russia.", load_lexicon())
    >>> sorted(words.words)
    ['country:north-korea', 'country:russia', 'troop']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from kg.extract.anaphora import anaphor_target
from kg.extract.general_denials import join_general_denials
from kg.extract.lexicon import Lexicon
from kg.extract.model import ClaimRecord, StatementRecord
from kg.extract.names import slug
from kg.extract.similarity import (
    CONTAINMENT_FLOOR,
    MERGE_THRESHOLD,
    Words,
    common_noun,
    content_words,
    names_earlier,
    refines,
    says_again,
    similarity,
)

_QUOTE_SUPPORT_WINDOW = 3  # sentences
#: how much of each of two claims a statement must be to show they are one (see _bridge)
BRIDGE_FLOOR = 0.5
# "The results leave no doubt about P", "These figures show P": a quotation whose subject
# refers back to what was found says something about it (what it shows), not the same again
_ABOUT_THE_RESULTS = re.compile(r"(?:the|these|those|this|that|our|its|their)\s+(?:[\w-]+\s+)?"
                                r"(?:results?|findings?|tests?|data|evidence|figures|analys[ie]s)"
                                r"\s+(?!(?:is|are|was|were|had|has|have)\b)[a-z]+", re.I)

# "that water", "this election": a demonstrative before a noun (see _points_back)
_DEMONSTRATIVE_NOUN = re.compile(r"\b(?:this|that|these|those)\s+([a-z]+)\b", re.I)
# words after "that" that are no noun for it to point at ("that is", "that was put to us")
_NOT_NOUNS = frozenset(("is", "was", "are", "were", "be", "been", "has", "had", "have", "will",
                        "would", "could", "should", "can", "may", "might", "must", "the", "a",
                        "an", "it", "he", "she", "they", "we", "i", "you", "there", "this",
                        "that", "these", "those", "not", "no", "so", "what", "which", "who"))


@dataclass
class _Cluster:
    members: list[int]
    words: Words
    groups: set[int]
    #: (sentence, speaker) of each member: a speaker says a thing once in a sentence
    said: set[tuple[int, str]] = field(default_factory=set)


class _Candidates:
    """The claims a statement may share, so that a long text is not compared pairwise: those
    with a statement sharing a word with it (every merge rule needs one), and those holding
    a rough number, which :func:`kg.extract.similarity.similarity` aligns with a figure it
    covers; every claim for a statement without words or with a rough number."""

    def __init__(self) -> None:
        self.by_word: dict[str, set[int]] = {}
        self.rough: set[int] = set()
        self.count = 0

    def add(self, cluster: int, words: Words) -> None:
        self.count = max(self.count, cluster + 1)
        for word in words.words:
            self.by_word.setdefault(word, set()).add(cluster)
        if any("~" in word for word in words.words):
            self.rough.add(cluster)

    def of(self, words: Words) -> list[int]:
        if not words.words or any("~" in word for word in words.words):
            return list(range(self.count))
        found = set(self.rough)
        for word in words.words:
            found |= self.by_word.get(word, set())
        return sorted(found)


def cluster_claims(statements: list[StatementRecord], lex: Lexicon, *,
                   threshold: float = MERGE_THRESHOLD,
                   names: dict[str, list[str]] | None = None) -> list[ClaimRecord]:
    """Group ``statements`` into claims; sets each statement's ``claim`` to the claim id.

    Args:
        statements: in text order.
        lex: the lexicons.
        threshold: Jaccard similarity at or above which two statements share a claim.
        names: actor id -> names, to read whose claim "the Harbour Watch report" is
            (:mod:`kg.extract.anaphora`).

    Returns:
        The claims, in order of first mention, with refinements between them.
    """
    words = [content_words(s.claim_text, lex) for s in statements]
    clusters: list[_Cluster] = []
    candidates = _Candidates()
    home: dict[int, int] = {}
    seen: dict[str, int] = {}
    for i, statement in enumerate(statements):
        target = anaphor_target(statements, i, home, names or {}, seen) \
            if statement.anaphor else None
        if target is None and not statement.anaphor:
            near = candidates.of(words[i])
            # any statement of a claim may be the one this says again in other words
            # (each distinct wording of a claim once: a long text says things again)
            scored = [(max(similarity(_known(words[i], w, c, words), w)
                           for w in dict.fromkeys(words[m] for m in c.members)), n)
                      for n in near if not _apart(statement, c := clusters[n]) and c.members]
            best = max(scored, default=(0.0, -1))
            if best[1] >= 0 and _accepted(best[0], threshold):
                target = best[1]
                if _half(words[i], clusters[target], words):
                    _bridge(target, [n for score, n in scored if n != target and
                                     _accepted(score, threshold) and
                                     _half(words[i], clusters[n], words)],
                            clusters, home, candidates, words, seen)
                statement.confidence = round(statement.confidence * 0.9, 2)
                statement.cues.append(f"same claim as an earlier statement (similarity "
                                      f"{best[0]:.2f})")
            elif words[i].nominal:
                target = _named(words, i, clusters, statement, candidates=near)
                if target is not None:
                    statement.confidence = round(statement.confidence * 0.9, 2)
                    statement.cues.append("a noun phrase naming an earlier claim")
            elif words[i].definite:
                target = _named(words, i, clusters, statement, says_again,
                                candidates=near)
                if target is not None:
                    statement.confidence = round(statement.confidence * 0.9, 2)
                    statement.cues.append("a short claim about 'the X' saying an earlier "
                                          "one again")
        if target is None:
            clusters.append(_Cluster([i], words[i], {statement.group}))
            home[i] = len(clusters) - 1
        else:
            clusters[target].members.append(i)
            clusters[target].groups.add(statement.group)
            home[i] = target
        clusters[home[i]].said.add((statement.sentence_index, statement.actor))
        candidates.add(home[i], words[i])
    _quote_support(statements, clusters, home, words)
    join_general_denials(statements, clusters, words)  # "denied that any of its aircraft ..."
    return _records(statements, [c for c in clusters if c.members], words)


def _apart(statement: StatementRecord, cluster: _Cluster) -> bool:
    """Whether ``statement`` may not join ``cluster``: a statement of the same clause list
    ("said that P, and that Q"), or another statement by its speaker in its sentence. A
    speaker says a thing once in a sentence: two statements read from one ("The 71-page
    document, which is due to go to the committee next month, has not been made public";
    "It is the most detailed account of how the Front, which has held Kessel since 2022,
    acquired the drones") are a clause and the sentence around it, two claims even when
    the words of one hold the other's."""
    return statement.group in cluster.groups or \
        (statement.sentence_index, statement.actor) in cluster.said


def _accepted(score: float, threshold: float) -> bool:
    """Whether a similarity ``score`` makes two statements one claim: at least ``threshold``,
    or exactly :data:`MERGE_THRESHOLD` (what the containment, numbers and names rules give)
    when the threshold is set higher."""
    return score >= min(threshold, MERGE_THRESHOLD) and (
        score >= threshold or score == MERGE_THRESHOLD)


def _half(new: Words, cluster: _Cluster, words: list[Words]) -> bool:
    """Whether ``new`` is at least half the words of a statement of ``cluster`` (Jaccard at
    least :data:`BRIDGE_FLOOR`): that statement says ``new`` with a detail added, not a
    narrower claim built on it ("the fire was caused by an overheating pallet of lithium-ion
    batteries in the battery storage bay" is more than "batteries caused the fire")."""
    return any(len(new.words & words[m].words) >= BRIDGE_FLOOR * len(new.words | words[m].words)
               for m in cluster.members if new.words)


def _bridge(target: int, others: list[int], clusters: list[_Cluster], home: dict[int, int],
            candidates: _Candidates, words: list[Words], seen: dict[str, int]) -> None:
    """Fold into claim ``target`` the other claims that the statement joining it says too.

    "The recording is genuine." is the claim of "... whether the recording is genuine while
    its review is ongoing" and of "... whether the recording is genuine, only where it first
    surfaced": each fuller wording adds a word the other lacks, so the two stayed apart, but
    a statement that both hold in full shows that they say one thing. A claim holding a
    statement from a clause list with the target's is left apart (such lists never share a
    claim)."""
    for other in others:
        cluster = clusters[other]
        into = clusters[target]
        if not cluster.members or cluster.groups & into.groups or cluster.said & into.said:
            continue
        for member in cluster.members:
            home[member] = target
            candidates.add(target, words[member])
        into.members = sorted(into.members + cluster.members)
        into.groups |= cluster.groups
        into.said |= cluster.said
        cluster.members = []
        for noun, where in list(seen.items()):
            if where == other:
                seen[noun] = target


def _known(new: Words, member: Words, cluster: _Cluster, words: list[Words]) -> Words:
    """``new`` without the qualifiers that ``member`` lacks but another statement of the
    claim gives: "the lights at Gate C may have been broken" after "the lights at Gate C had
    been broken for a month" and "the lights had been broken" adds nothing the claim has not
    said, so it is no narrower version of the last."""
    said = frozenset().union(*(words[m].qualifiers for m in cluster.members)) - member.words
    if not new.qualifiers & said:
        return new
    return replace(new, qualifiers=new.qualifiers - said)


def _named(words: list[Words], i: int, clusters: list[_Cluster], statement: StatementRecord,
           names: Callable[[Words, Words], bool] = names_earlier, *,
           candidates: Iterable[int] | None = None) -> int | None:
    """The claim that the nominal statement ``i`` names ("denied forced overtime"), or that
    a short claim about "the X" says again (``names``): of those with a statement holding
    all its words, the most alike, the latest on a tie."""
    found = [(max(similarity(words[i], words[m]) for m in c.members
                  if names(words[i], words[m])), n)
             for n in (range(len(clusters)) if candidates is None else candidates)
             if not _apart(statement, c := clusters[n])
             and any(names(words[i], words[m]) for m in c.members)]
    return max(found)[1] if found else None


def _quote_support(statements: list[StatementRecord], clusters: list[_Cluster],
                   home: dict[int, int], words: list[Words]) -> None:
    for cluster in clusters:
        members = [statements[i] for i in cluster.members]
        if not members or not all(m.from_quote for m in members) or len(cluster.groups) != 1:
            continue
        first = members[0]
        if len({s.stance for s in statements if s.group == first.group}) > 1:
            continue  # "P and nobody has Q": a quotation that affirms and denies lists claims
        if _ABOUT_THE_RESULTS.match(first.claim_text) or "transcript line" in first.cues:
            continue  # what the results show, an answer to counsel: a claim of its own
        said = first.reported_as or ""
        if re.search(r"\bso\s+that\s*$", said[:first.span[0] - first.sentence[0]]):
            continue  # "... so that Q": the purpose says more than the paraphrase
        if any(refines(words[i], c.words) or refines(c.words, words[i])
               for i in cluster.members for c in clusters if c is not cluster and c.members):
            continue
        for j in range(cluster.members[0] - 1, -1, -1):
            other = statements[j]
            if first.sentence_index - other.sentence_index > _QUOTE_SUPPORT_WINDOW:
                break
            if other.actor != first.actor or other.group == first.group or other.from_quote:
                continue
            if (j := _part_for_part(statements, first.group, cluster.members[0], j)) < 0:
                break  # "said P but did not Q": which of the two the quotation backs is unclear
            other = statements[j]
            if other.anaphor:
                # "X dismissed the allegations. 'Nobody here sold a match,' he said.": the
                # allegations are a claim made before; what the quotation says is the
                # speaker's own, and the same claim only when its words say so
                break
            if other.stance != first.stance:
                # the speaker's nearest paraphrase before it says another thing ("None of
                # the pupils had left, she said"): the quotation backs none further back
                break
            target = clusters[home[j]]
            if other.stance == "affirms" and not any(words[i].words & words[j].words
                                                     for i in cluster.members) \
                    and not _points_back(first.claim_text):
                # "X said P. 'Q,' she said.": after a plain assertion the quotation makes a
                # point of its own unless it shares a word with P or names a thing of P's as
                # "that X" ("the well had been poisoned" / "put something in that water");
                # a hedge or a denial is spelled out by the quotation after it ("I can't say
                # yet", "We never did")
                break
            if any(words[i].qualifiers - target.words.words for i in cluster.members):
                break  # the quotation names things the paraphrase does not: a claim of its own
            if words[j].numbers - {w for i in cluster.members for w in words[i].words}:
                # the paraphrase gives a figure ("874 homes", "at 2:46 a.m.") the quotation
                # does not: what the quotation says is a comment on it, not the figure again
                break
            for i in cluster.members:
                home[i] = home[j]
                statements[i].cues.append("quotation taken as support for the speaker's "
                                          "earlier statement")
                statements[i].confidence = round(statements[i].confidence * 0.6, 2)
            target.members.extend(cluster.members)
            target.groups |= cluster.groups
            cluster.members = []
            break


def _part_for_part(statements: list[StatementRecord], quoted: int, member: int,
                   other: int) -> int:
    """The paraphrase a quoted part backs: ``other`` when its sentence made one statement; the
    part in the same place when the paraphrase and the quotation have as many parts ("told the
    court she P and that Q. 'P, and Q,' she said"); else -1 (which part is unclear)."""
    theirs = [k for k, s in enumerate(statements) if s.group == statements[other].group]
    mine = [k for k, s in enumerate(statements) if s.group == quoted]
    if len(theirs) == 1:
        return other
    return theirs[mine.index(member)] if len(theirs) == len(mine) and member in mine else -1


def _points_back(text: str) -> bool:
    """Whether ``text`` names a thing by a demonstrative and a noun ("that water", "this
    election"): something named just before, perhaps in other words."""
    return any(common_noun(m.group(1)) and m.group(1).lower() not in _NOT_NOUNS
               for m in _DEMONSTRATIVE_NOUN.finditer(text))


def _records(statements: list[StatementRecord], clusters: list[_Cluster],
             words: list[Words]) -> list[ClaimRecord]:
    records: list[ClaimRecord] = []
    used: set[str] = set()
    representative: list[Words] = []
    for cluster in clusters:
        lead = next((i for i in cluster.members if not statements[i].from_quote),
                    cluster.members[0])
        text = statements[lead].claim_text
        ident = _claim_id(text, used)
        used.add(ident)
        confidence = min(statements[i].confidence for i in cluster.members)
        record = ClaimRecord(id=ident, text=text, kind=statements[lead].claim_kind,
                             spans=[statements[i].span for i in cluster.members],
                             confidence=confidence)
        for i in cluster.members:
            statements[i].claim = ident
        records.append(record)
        representative.append(words[lead])
    for narrow, record in enumerate(records):
        broader = [b for b in range(len(records)) if b != narrow and
                   refines(representative[narrow], representative[b]) and
                   not _own_presupposition(statements, clusters[narrow], clusters[b])]
        # keep the most specific broader claims only (a chain, not a fan)
        direct = [b for b in broader if not any(
            o != b and refines(representative[o], representative[b]) for o in broader)]
        record.refines = [records[b].id for b in direct]
        if direct:
            record.reasons.append("refines " + ", ".join(records[b].id for b in direct) +
                                  ": the same words with a qualifier added")
    return records + _presupposed(statements, clusters, records, used)


def _own_presupposition(statements: list[StatementRecord], a: _Cluster, b: _Cluster) -> bool:
    """Whether one claim was read from a modifier inside the other's words: its words are
    a subset by construction, which is no refinement."""
    presupposed = {statements[i].group for c in (a, b) for i in c.members
                   if statements[i].presupposed}
    return bool(presupposed & a.groups & b.groups)


def _presupposed(statements: list[StatementRecord], clusters: list[_Cluster],
                 records: list[ClaimRecord], used: set[str]) -> list[ClaimRecord]:
    """The broader claims that presupposed statements refine ("X's invasion of Y was
    unprovoked" refines "X's invasion of Y took place"): claims with no statement of their
    own, supported through the refinement."""
    added: dict[str, ClaimRecord] = {}
    for cluster, record in zip(clusters, records, strict=True):
        for i in cluster.members:
            text = statements[i].presupposes
            if not text:
                continue
            if text not in added:
                ident = _claim_id(text, used)
                used.add(ident)
                added[text] = ClaimRecord(
                    id=ident, text=text, spans=[statements[i].span],
                    confidence=statements[i].confidence,
                    reasons=[f"presupposed by {record.id}; no statement of its own"])
            if added[text].id not in record.refines:
                record.refines.append(added[text].id)
                record.reasons.append(f"refines {added[text].id}: it says what kind of "
                                      f"event that was")
    return list(added.values())


def _claim_id(text: str, used: set[str]) -> str:
    words = [w for w in slug(text).split("-") if w not in {"the", "a", "an", "of", "to", "that",
                                                           "is", "are", "was", "were", "be"}]
    base = "-".join(words[:7]) or "claim"
    if not base[0].isalpha():
        base = "claim-" + base
    ident, n = base, 2
    while ident in used:
        ident, n = f"{base}-{n}", n + 1
    return ident


__all__ = ["CONTAINMENT_FLOOR", "MERGE_THRESHOLD", "Words", "cluster_claims", "content_words",
           "refines", "similarity"]
