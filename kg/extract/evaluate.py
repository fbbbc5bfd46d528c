"""Score a draft against a gold file (``tests/data/extract/*-gold.yaml``).

Measures, each as precision, recall and F1:

- **speakers**: the set of actors with at least one statement;
- **speaker and stance**: (sentence, speaker, stance) triples;
- **relays**: (sentence, outlet) pairs, for every outlet between a speaker and the reader
  other than the publisher;
- **evidence with producer**: an extracted item is right when its words overlap a gold item's
  and its producer (produced by, else released by, else cited by) is the gold producer or acts
  directly for it;
- **claim merging**: pairwise, over the gold statements that the draft also has (matched one
  to one on sentence, speaker and overlapping words): a pair is positive when both statements
  are about one claim. How many gold statements were found at all is reported as **claim
  mentions**;
- **source groups**: pairwise, over the gold speakers that the draft also has: a pair is
  positive when both are one source, their chains of ``acts_for`` ending at one actor (in the
  draft, also when an override of the draft makes them one source), as the analysis groups
  them. A false positive makes two independent sources one; a false negative counts one
  source twice, which is how corroboration is overstated.

Extracted actors are mapped to gold actors by name: an actor's name or any of its aliases
equal to one of the gold actor's ``names`` (case, a leading "the" and the apostrophe's form
ignored).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from kg.extract.model import Draft, Span, StatementRecord


@dataclass
class Score:
    """Counts of true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def tally(self, truth: bool, found: bool) -> None:
        """Count one pair: true and found, found only, or true only."""
        if truth and found:
            self.tp += 1
        elif found:
            self.fp += 1
        elif truth:
            self.fn += 1

    @classmethod
    def of_sets(cls, gold: set[Any], found: set[Any]) -> Score:
        return cls(len(gold & found), len(found - gold), len(gold - found))


@dataclass(frozen=True)
class GoldStatement:
    sentence: Span
    speaker: str
    stance: str
    claim: str
    span: Span
    relay: tuple[str, ...]
    verb: str | None = None


@dataclass(frozen=True)
class GoldEvidence:
    id: str
    kind: str
    producer: str
    mentions: tuple[Span, ...]


@dataclass
class Gold:
    """A hand-read article: who said what, relays, evidence, claims."""

    path: Path
    article: str
    sha256: str
    options: dict[str, str]
    publisher: str
    actors: dict[str, dict[str, Any]]
    statements: list[GoldStatement]
    evidence: list[GoldEvidence]
    refines: list[tuple[str, str]] = field(default_factory=list)

    def article_path(self, root: Path) -> Path:
        return (root / self.article).resolve()

    def read_article(self, root: Path) -> str:
        """The article's text, checked against the gold's hash.

        Raises:
            FileNotFoundError: the article is not where the gold file says.
            ValueError: the article's text is not the one the gold was made from.
        """
        text = self.article_path(root).read_text(encoding="utf-8")
        if hashlib.sha256(text.encode()).hexdigest() != self.sha256:
            raise ValueError(f"{self.article}: the text differs from the one {self.path.name} "
                             "was made from (sha256 mismatch)")
        return text


def load_gold(path: Path | str) -> Gold:
    """Read a gold file."""
    path = Path(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Gold(
        path=path, article=data["article"], sha256=data["sha256"],
        options={k: str(v) for k, v in (data.get("options") or {}).items()},
        publisher=data["publisher"], actors=data["actors"],
        statements=[GoldStatement(tuple(s["sentence"]), s["speaker"], s["stance"], s["claim"],
                                  tuple(s["span"]), tuple(s.get("relay") or ()), s.get("verb"))
                    for s in data["statements"]],
        evidence=[GoldEvidence(e["id"], e["kind"], e["producer"],
                               tuple(tuple(m) for m in e["mentions"]))
                  for e in data.get("evidence") or []],
        refines=[tuple(pair) for pair in data.get("refines") or []],
    )


@dataclass
class Evaluation:
    """The scores of one draft (or the sum of several)."""

    speakers: Score = field(default_factory=Score)
    speaker_stance: Score = field(default_factory=Score)
    relays: Score = field(default_factory=Score)
    evidence: Score = field(default_factory=Score)
    merging: Score = field(default_factory=Score)
    mentions: Score = field(default_factory=Score)
    groups: Score = field(default_factory=Score)
    notes: list[str] = field(default_factory=list)

    MEASURES = ("speakers", "speaker_stance", "relays", "evidence", "merging", "mentions",
                "groups")

    def __add__(self, other: Evaluation) -> Evaluation:
        summed = {m: getattr(self, m) + getattr(other, m) for m in self.MEASURES}
        return Evaluation(**summed, notes=[*self.notes, *other.notes])


def _norm(name: str) -> str:
    name = name.replace("\u2019", "'").strip().lower()
    return name.removeprefix("the ").strip()


def actor_map(draft: Draft, gold: Gold) -> dict[str, str]:
    """Extracted actor id -> gold actor id, by names, one to one: when several extracted
    actors name one gold actor (an actor the extraction failed to merge), the one whose own
    name matches wins, then the one with the most mentions; the others stay unmapped."""
    index = {_norm(n): ident for ident, a in gold.actors.items() for n in a["names"]}
    candidates: dict[str, list[tuple[int, int, str]]] = {}
    for actor in draft.actors:
        for rank, form in enumerate((actor.name, *actor.aliases)):
            if _norm(form) in index:
                candidates.setdefault(index[_norm(form)], []).append(
                    (min(rank, 1), -len(actor.mentions), actor.id))
                break
    return {min(found)[2]: ident for ident, found in candidates.items()}


def _sentence_key(gold: Gold, span: Span, fallback: Span) -> object:
    for s in sorted({g.sentence for g in gold.statements}):
        if s[0] <= span[0] < s[1]:
            return s
    return ("x", fallback)


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def evaluate(draft: Draft, gold: Gold) -> Evaluation:
    """Score ``draft`` (extracted from ``gold``'s article) against ``gold``."""
    amap = actor_map(draft, gold)

    def who(ident: str) -> str:
        return amap.get(ident, "x:" + ident)

    mentions = draft.mentions or draft.statements
    keys = [_sentence_key(gold, m.span, m.sentence) for m in mentions]
    result = Evaluation()
    result.speakers = Score.of_sets({g.speaker for g in gold.statements},
                                    {who(m.actor) for m in mentions})
    result.speaker_stance = Score.of_sets(
        {(g.sentence, g.speaker, g.stance) for g in gold.statements},
        {(k, who(m.actor), m.stance) for k, m in zip(keys, mentions, strict=True)})
    publisher = gold.publisher
    result.relays = Score.of_sets(
        {(g.sentence, r) for g in gold.statements for r in g.relay if r != publisher},
        {(k, who(step.outlet)) for k, m in zip(keys, mentions, strict=True) for step in m.relay
         if who(step.outlet) != publisher})
    result.evidence = _evidence(draft, gold, who)
    result.merging, result.mentions = _merging(gold, mentions, keys, who)
    result.groups = _groups(draft, gold, amap)
    return result


def _groups(draft: Draft, gold: Gold, amap: dict[str, str]) -> Score:
    """Pairs of gold speakers the draft has, scored on being one source (see the module)."""
    found = {gold_id: draft_id for draft_id, gold_id in amap.items()}
    speakers = sorted({g.speaker for g in gold.statements} & set(found))
    gold_parent = {ident: a.get("acts_for") for ident, a in gold.actors.items()}
    draft_parent = {a.id: a.acts_for for a in draft.actors}
    merged: dict[str, str] = {}  # the draft's overrides, as a union of chain ends

    def end(parents: dict[str, str | None], ident: str) -> str:
        seen = {ident}
        while (parent := parents.get(ident)) and parent not in seen:
            seen.add(parent)
            ident = parent
        return ident

    def draft_source(ident: str) -> str:
        ident = end(draft_parent, ident)
        while ident in merged:
            ident = merged[ident]
        return ident

    for a, b, _reason in draft.overrides:
        root_a, root_b = draft_source(a), draft_source(b)
        if root_a != root_b:
            merged[max(root_a, root_b)] = min(root_a, root_b)
    score = Score()
    for a, b in combinations(speakers, 2):
        score.tally(end(gold_parent, a) == end(gold_parent, b),
                    draft_source(found[a]) == draft_source(found[b]))
    return score


def _evidence(draft: Draft, gold: Gold, who: Any) -> Score:
    pairs = []
    for i, item in enumerate(draft.evidence):
        for j, truth in enumerate(gold.evidence):
            overlap = sum(_overlap(a, b) for a in item.spans for b in truth.mentions)
            if overlap:
                pairs.append((overlap, i, j))
    matched: dict[int, int] = {}
    for _, i, j in sorted(pairs, reverse=True):
        if i not in matched and j not in matched.values():
            matched[i] = j
    score = Score()
    for i, item in enumerate(draft.evidence):
        producer = item.produced_by or item.released_by or (item.cited_by[0] if item.cited_by
                                                             else None)
        if i in matched:
            truth = gold.evidence[matched[i]]
            mapped = who(producer) if producer else None
            parent = gold.actors.get(mapped or "", {}).get("acts_for")
            if mapped == truth.producer or parent == truth.producer:
                score.tp += 1
                continue
        score.fp += 1
    score.fn = len(gold.evidence) - score.tp
    return score


def match_statements(draft: Draft, gold: Gold) -> dict[int, int]:
    """Gold statement index -> draft mention index, one to one: same sentence, same speaker,
    the most overlapping words first."""
    amap = actor_map(draft, gold)
    mentions = draft.mentions or draft.statements
    keys = [_sentence_key(gold, m.span, m.sentence) for m in mentions]
    return _pairs(gold, mentions, keys, lambda ident: amap.get(ident, "x:" + ident))


def _pairs(gold: Gold, mentions: list[StatementRecord], keys: list[object],
           who: Any) -> dict[int, int]:
    candidates = []
    for g, truth in enumerate(gold.statements):
        for e, mention in enumerate(mentions):
            if keys[e] == truth.sentence and who(mention.actor) == truth.speaker:
                candidates.append((_overlap(truth.span, mention.span) + 1, g, e))
    pairs: dict[int, int] = {}
    for _, g, e in sorted(candidates, reverse=True):
        if g not in pairs and e not in pairs.values():
            pairs[g] = e
    return pairs


def _merging(gold: Gold, mentions: list[StatementRecord], keys: list[object],
             who: Any) -> tuple[Score, Score]:
    pairs = _pairs(gold, mentions, keys, who)
    mention_score = Score(len(pairs), len(mentions) - len(pairs),
                          len(gold.statements) - len(pairs))
    merging = Score()
    for a, b in combinations(sorted(pairs), 2):
        merging.tally(gold.statements[a].claim == gold.statements[b].claim,
                      mentions[pairs[a]].claim == mentions[pairs[b]].claim)
    # gold pairs whose statements were not found at all are missed merges too
    for a, b in combinations(range(len(gold.statements)), 2):
        if (a not in pairs or b not in pairs) and \
                gold.statements[a].claim == gold.statements[b].claim:
            merging.fn += 1
    return merging, mention_score


@dataclass
class Alignment:
    """How a draft made in a case's ids (:mod:`kg.extract.align`) names the gold's statements,
    when the gold's ids are that case's: of the gold statements the draft found, how many got
    the gold's claim id, how many another claim of the case (a wrong match) and how many a
    claim of their own (no match); and how many of the gold's speakers the draft names by the
    case's id."""

    right: int = 0
    wrong: int = 0
    unmatched: int = 0
    speakers: int = 0
    speakers_in_gold: int = 0


def alignment(draft: Draft, gold: Gold, case_claims: set[str]) -> Alignment:
    """Score ``draft`` (aligned to the case whose claim ids are ``case_claims``) against
    ``gold`` (whose claim and actor ids are that case's)."""
    mentions = draft.mentions or draft.statements
    found = Alignment()
    for g, e in match_statements(draft, gold).items():
        claim = mentions[e].claim
        if claim == gold.statements[g].claim:
            found.right += 1
        elif claim in case_claims:
            found.wrong += 1
        else:
            found.unmatched += 1
    speakers = {g.speaker for g in gold.statements}
    found.speakers_in_gold = len(speakers)
    found.speakers = len(speakers & {s.actor for s in draft.statements})
    return found


def cross_merging(first: tuple[Draft, Gold], second: tuple[Draft, Gold]) -> Score:
    """Pairwise claim merging across two articles of one story whose gold files share claim
    ids: each pair is one gold statement of the first article and one of the second; it is
    positive when the gold gives both one claim, and the drafts are right when they give both
    one claim id. Pairs with a statement the draft did not find count as missed merges."""
    found: list[list[str | None]] = []
    for draft, gold in (first, second):
        mentions = draft.mentions or draft.statements
        pairs = match_statements(draft, gold)
        found.append([mentions[pairs[g]].claim if g in pairs else None
                      for g in range(len(gold.statements))])
    score = Score()
    for a, truth_a in enumerate(first[1].statements):
        for b, truth_b in enumerate(second[1].statements):
            claim_a, claim_b = found[0][a], found[1][b]
            score.tally(truth_a.claim == truth_b.claim,
                        claim_a is not None and claim_a == claim_b)
    return score


def corroboration_differences(draft: Draft, gold: Gold,
                              reference: list[Path]) -> dict[str, tuple[Any, Any]]:
    """Where the analysis of ``draft`` answers differently from that of the hand-made case
    the gold was built from (``reference``, its case files): reference claim id -> (its
    answer, the draft's). An answer is (status, independent affirming groups, contested).

    Claims are matched through the gold file: each gold statement is paired with the draft
    statement read from the same words (:func:`match_statements`), so a reference claim is
    matched to the draft claims its statements became. A claim with no draft statement is
    reported as "not in the draft".
    """
    from kg.analysis import analyse
    from kg.extract.draft import draft_yaml
    from kg.store import KnowledgeStore

    def answer(analysis: Any, claim: str) -> tuple[str, int, bool]:
        c = analysis.claim_by_id(claim).corroboration
        return c.status, c.independent_groups, c.contested

    mentions = draft.mentions or draft.statements
    drafted: dict[str, set[str]] = {}
    for g, e in match_statements(draft, gold).items():
        drafted.setdefault(gold.statements[g].claim, set()).add(mentions[e].claim or "")
    _through_refinements(draft, gold, drafted)
    with KnowledgeStore() as ours, KnowledgeStore() as theirs:
        ours.load_bytes(draft_yaml(draft).encode("utf-8"), "yaml", source="draft.yaml")
        theirs.load(reference)
        found_analysis, reference_analysis = analyse(ours), analyse(theirs)
        differences: dict[str, tuple[Any, Any]] = {}
        for iri in sorted(reference_analysis.claims):
            ident = iri.rsplit("/", 1)[-1]
            expected = answer(reference_analysis, ident)
            found = sorted({answer(found_analysis, c) for c in drafted.get(ident, ())})
            if found != [expected]:
                differences[ident] = (expected, found or "not in the draft")
    return differences


def _through_refinements(draft: Draft, gold: Gold, drafted: dict[str, set[str]]) -> None:
    """A reference claim that no gold statement is about (one supported only through a
    narrower claim, like "the invasion took place" under "the invasion was unprovoked") is
    matched to the draft claims that its narrower claim's draft claims refine."""
    stated = {g.claim for g in gold.statements}
    refined_by = {c.id: c.refines for c in draft.claims}
    for narrow, broad in gold.refines:
        if broad in stated:
            continue
        for found in drafted.get(narrow, set()):
            drafted.setdefault(broad, set()).update(refined_by.get(found, []))


__all__ = ["Evaluation", "Gold", "Score", "actor_map", "corroboration_differences", "evaluate",
           "load_gold", "match_statements"]
