"""Extraction benchmark: precision, recall and F1 of ``kg extract`` against hand-read articles.

Runs the extractor on every article with a gold file in ``tests/data/extract/`` (the seed
article is read from ``../shared/seed/``, outside the repository, and skipped with a reason if
it is missing), scores each draft with :mod:`kg.extract.evaluate`, sweeps the claim-merging
threshold, and compares the seed draft's corroboration answers with the built-in seed case's.

    .venv/bin/python benchmarks/extract/run.py            # print the results
    .venv/bin/python benchmarks/extract/run.py --readme   # and write them into
                                                          # benchmarks/README.md ("Extraction")
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

from kg.extract import extract, load_lexicon
from kg.extract.claims import MERGE_THRESHOLD
from kg.extract.evaluate import (
    Evaluation,
    Gold,
    Score,
    corroboration_differences,
    evaluate,
    load_gold,
)
from kg.seed import seed_paths

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "data" / "extract"
README = ROOT / "benchmarks" / "README.md"
COMMAND = ".venv/bin/python benchmarks/extract/run.py --readme"
MEASURES = [("speakers", "speakers"), ("speaker_stance", "speaker + stance"),
            ("relays", "relays"), ("evidence", "evidence + producer"),
            ("merging", "claim merging (pairwise)"), ("mentions", "claim mentions")]
# Articles written as held-out tests: their first run's counts (tp, fp, fn), recorded before
# any rule was changed after seeing them. The rules were then fixed, in general terms, where
# those runs failed, so the rows above them now show articles the rules have seen.
FIRST_RUNS = {
    "election-video": {"speakers": (8, 0, 1), "speaker_stance": (13, 2, 4), "relays": (0, 0, 0),
                       "evidence": (0, 1, 4), "merging": (1, 2, 7), "mentions": (16, 1, 4)},
    "river-spill": {"speakers": (8, 1, 1), "speaker_stance": (9, 5, 8), "relays": (0, 11, 0),
                    "evidence": (0, 0, 3), "merging": (0, 0, 3), "mentions": (10, 5, 7)},
    "doping-case": {"speakers": (6, 0, 3), "speaker_stance": (10, 4, 5), "relays": (0, 0, 0),
                    "evidence": (0, 0, 2), "merging": (0, 0, 0), "mentions": (11, 4, 6)},
    "transfer-rumour": {"speakers": (6, 0, 0), "speaker_stance": (7, 2, 4), "relays": (0, 0, 1),
                        "evidence": (1, 0, 0), "merging": (0, 0, 0), "mentions": (7, 2, 4)},
    "lab-images": {"speakers": (8, 2, 5), "speaker_stance": (14, 3, 19), "relays": (0, 1, 1),
                   "evidence": (0, 0, 3), "merging": (0, 1, 2), "mentions": (17, 2, 19)},
    "cyber-attribution": {"speakers": (9, 2, 3), "speaker_stance": (12, 8, 8),
                          "relays": (1, 0, 0), "evidence": (0, 1, 4), "merging": (0, 1, 6),
                          "mentions": (15, 10, 9)},
    "strike-casualties": {"speakers": (9, 1, 3), "speaker_stance": (13, 3, 10),
                          "relays": (1, 0, 0), "evidence": (1, 0, 3), "merging": (0, 0, 11),
                          "mentions": (17, 2, 8)},
    "food-recall": {"speakers": (8, 1, 2), "speaker_stance": (15, 5, 7), "relays": (0, 0, 1),
                    "evidence": (0, 0, 2), "merging": (0, 2, 4), "mentions": (15, 6, 11)},
    "tanker-seizure": {"speakers": (12, 0, 2), "speaker_stance": (27, 7, 10),
                       "relays": (1, 0, 1), "evidence": (2, 0, 4), "merging": (0, 2, 22),
                       "mentions": (30, 6, 15)},
    "factory-audit": {"speakers": (8, 1, 5), "speaker_stance": (8, 10, 20),
                      "relays": (1, 0, 1), "evidence": (0, 1, 6), "merging": (0, 0, 22),
                      "mentions": (15, 5, 23)},
    "trial-data": {"speakers": (11, 1, 3), "speaker_stance": (14, 3, 24),
                   "relays": (1, 0, 1), "evidence": (0, 2, 5), "merging": (0, 0, 6),
                   "mentions": (17, 2, 27)},
    "wildfire-cause": {"speakers": (8, 3, 3), "speaker_stance": (9, 20, 16),
                       "relays": (2, 0, 12), "evidence": (0, 0, 6), "merging": (0, 2, 16),
                       "mentions": (14, 18, 13)},
    "bridge-inspection": {"speakers": (8, 2, 2), "speaker_stance": (16, 5, 15),
                          "relays": (0, 0, 0), "evidence": (1, 1, 4), "merging": (0, 1, 7),
                          "mentions": (17, 4, 16)},
    # The three below: first run on 8dd9499, before the bridge-inspection and merging fixes.
    "gps-jamming": {"speakers": (14, 1, 3), "speaker_stance": (21, 3, 12), "relays": (1, 0, 2),
                    "evidence": (1, 0, 4), "merging": (1, 0, 20), "mentions": (27, 2, 13)},
    "donation-ledger": {"speakers": (10, 2, 0), "speaker_stance": (27, 9, 9),
                        "relays": (0, 2, 2), "evidence": (0, 0, 6), "merging": (0, 0, 4),
                        "mentions": (33, 8, 10)},
    "ward-outbreak": {"speakers": (11, 4, 2), "speaker_stance": (24, 16, 16),
                      "relays": (0, 0, 1), "evidence": (0, 2, 6), "merging": (0, 2, 23),
                      "mentions": (28, 16, 17)},
    # First run on a0cfdd4, after the gps-jamming and donation-ledger fixes.
    "exchange-collapse": {"speakers": (10, 1, 2), "speaker_stance": (14, 2, 15),
                          "relays": (1, 0, 2), "evidence": (3, 0, 2), "merging": (1, 0, 5),
                          "mentions": (15, 2, 17)},
    # First runs on a17084f (runway-incident, border-shooting) and 1629ca0 (painting-attribution,
    # chatbot-leak), before the ward-outbreak and exchange-collapse fixes.
    "runway-incident": {"speakers": (14, 2, 1), "speaker_stance": (21, 4, 9),
                        "relays": (2, 0, 0), "evidence": (0, 1, 6), "merging": (0, 1, 13),
                        "mentions": (24, 3, 13)},
    "border-shooting": {"speakers": (10, 3, 8), "speaker_stance": (13, 6, 20),
                        "relays": (0, 0, 1), "evidence": (2, 0, 4), "merging": (0, 1, 33),
                        "mentions": (15, 7, 31)},
    "painting-attribution": {"speakers": (9, 0, 4), "speaker_stance": (19, 2, 20),
                             "relays": (0, 0, 1), "evidence": (0, 0, 7), "merging": (1, 3, 21),
                             "mentions": (22, 3, 21)},
    "chatbot-leak": {"speakers": (8, 1, 0), "speaker_stance": (17, 4, 17), "relays": (0, 0, 1),
                     "evidence": (0, 1, 5), "merging": (0, 0, 22), "mentions": (21, 3, 16)},
}
SWEEP = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _name(gold: Gold) -> str:
    return gold.path.name.removesuffix("-gold.yaml")


def run_article(gold: Gold, *, merge_threshold: float = MERGE_THRESHOLD) -> tuple[Evaluation,
                                                                                float, object]:
    """Extract the gold's article and score the draft; also the time taken, in seconds."""
    text = gold.read_article(ROOT)
    started = time.perf_counter()
    draft = extract(text, source=gold.article, merge_threshold=merge_threshold,
                    lexicon=load_lexicon(), **gold.options)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - started
    return evaluate(draft, gold), elapsed, draft


def _cell(score: Score) -> str:
    if score.tp + score.fp + score.fn == 0:
        return "n/a (none in the text)"
    return f"**{score.f1:.2f}** (P {score.precision:.2f}, R {score.recall:.2f})"


def _table(rows: list[tuple[str, Evaluation]]) -> list[str]:
    lines = ["| article | " + " | ".join(label for _, label in MEASURES) + " |",
             "|---|" + "---|" * len(MEASURES)]
    for name, result in rows:
        lines.append(f"| {name} | " + " | ".join(_cell(getattr(result, m)) for m, _ in MEASURES)
                     + " |")
    return lines


def report(golds: list[Gold], skipped: list[str]) -> str:
    """The "Extraction" section of benchmarks/README.md, as Markdown."""
    rows, total, times, seed_draft, seed_gold = [], Evaluation(), [], None, None
    for gold in golds:
        result, elapsed, draft = run_article(gold)
        rows.append((_name(gold), result))
        total = total + result
        times.append(elapsed)
        if _name(gold) == "seed":
            seed_draft, seed_gold = draft, gold
    rows.append(("**all articles** (micro)", total))
    first = [(f"{name} (first run)", Evaluation(**{m: Score(*c) for m, c in counts.items()}))
             for name, counts in FIRST_RUNS.items()]
    out = [
        "## Extraction",
        "",
        "Precision, recall and F1 of `kg extract` (rules: `kg/extract/`, lexicons: "
        "`kg/extract/lexicons/`) against articles read by hand, one gold file each in "
        "[`tests/data/extract/`](../tests/data/extract/). Regenerate with:",
        "",
        "```sh",
        COMMAND,
        "```",
        "",
        "Measures (defined in `kg/extract/evaluate.py`): **speakers**, the set of actors with a "
        "statement; **speaker + stance**, (sentence, speaker, stance) triples; **relays**, "
        "(sentence, outlet) for every outlet between a speaker and the reader except the "
        "publisher; **evidence + producer**, an item whose words overlap a gold item's and "
        "whose producer is right; **claim merging**, pairwise over the gold statements the "
        "draft found: two statements about one claim should share one claim; **claim "
        "mentions**, how many gold statements were found at all (one to one on sentence, "
        "speaker and words). Extracted actors map to gold actors one to one by name.",
        "",
        *_table(rows),
        "",
        "The articles: **seed** (Newsweek, October 2024; the built-in case's article), "
        "**port-fire** (invented by the team), **card-breach**, **election-video**, "
        "**river-spill**, **doping-case**, **transfer-rumour**, **lab-images**, "
        "**cyber-attribution** (a government's attribution of a cyber attack, wire style), "
        "**strike-casualties** (a disputed strike and its casualty figures, weekly-magazine "
        "style), **food-recall** (a food-safety agency's recall disputed by the importer, "
        "a regional daily's web page), **tanker-seizure** (a navy's seizure of a tanker, "
        "disputed by its operator and flag state; a broadcaster's website), **factory-audit** "
        "(a labour group's report on a clothing brand's supplier; a financial paper whose name "
        "appears only in the body), **trial-data** (a regulator suspends a drug over flawed "
        "trial data; a science weekly's news section) and **wildfire-cause** (a wildfire's "
        "cause disputed between fire investigators and a utility; a regional paper "
        "republishing part of a wire story), **bridge-inspection** (a bridge closed over "
        "corroded cables, its maintenance contractor denying neglect; an online-only local "
        "news site with subheadings and an editor's note), **gps-jamming** (a state's "
        "ministries blame a neighbour's military for GPS jamming of flights and ships, which "
        "it denies; a wire story), **donation-ledger** (a leaked ledger of undeclared donations "
        "through intermediary companies; a broadsheet's politics page), **ward-outbreak** "
        "(nurses and a family accuse a hospital of under-reporting an infection outbreak; a "
        "regional daily's health page) and **exchange-collapse** (a crypto exchange halts "
        "withdrawals, its founder says funds are fully backed, a regulator opens an inquiry; "
        "a US business-news site whose byline names no outlet); all but the seed were "
        "invented for this benchmark, "
        "each a different kind of dispute and house style. The rules were developed on the "
        "seed, port-fire and card-breach. The other seventeen were written as held-out tests, "
        "with their gold files, before the extractor was first run on them (each after the "
        "fixes for the ones before, except tanker-seizure and factory-audit, written together, "
        "and gps-jamming, donation-ledger and ward-outbreak, written together; the last twelve "
        "were written blind by helpers "
        "who had not read the rules, lexicons or their tests); their "
        "first runs scored:",
        "",
        *_table(first),
        "",
        "These first runs are the honest estimate for an article nobody has seen: speaker and "
        "stance hold up better than evidence and claim merging, and a header the rules do not "
        "know (river-spill's byline with commas, lab-images' byline naming \"The Lowland "
        "Review\", whose last word is no outlet head) can spoil the publisher and with it "
        "every relay and every sentence in its own voice. The failures of each were then "
        "fixed by general rules, each tested on sentences written for the purpose "
        "(`tests/extract/test_cues.py`, `tests/extract/test_provisions.py` and, for the last "
        "two, `test_modals.py`, `test_news_forms.py`, `test_speaker_forms.py`, "
        "`test_evidence_forms.py`, `test_anaphora.py`), not by phrases "
        "from the articles (for food-recall `test_recall_forms.py`, for tanker-seizure and "
        "factory-audit `test_blind_forms.py` and `test_blind_clauses.py`, for trial-data "
        "`test_science_forms.py`, for wildfire-cause `test_wire_forms.py`, for bridge-inspection "
        "`test_document_forms.py`, for gps-jamming and donation-ledger "
        "`test_blind2_forms.py`), so every row of the first table but the last two now "
        "shows an article the rules have seen. **ward-outbreak and exchange-collapse are held "
        "out**. exchange-collapse was written blind after all the fixes below and first run "
        "on them (a0cfdd4; nothing in the extractor changed after), so its row is that first "
        "run. gps-jamming, donation-ledger and ward-outbreak were written blind and first run "
        "on 8dd9499; then came the bridge-inspection "
        "fixes, the claim-merging changes (lemmas, numbers, noun phrases) and the gps-jamming "
        "and donation-ledger fixes, by helpers who never saw ward-outbreak, and nothing was "
        "changed for it, so its row in the first table (its run after all three rounds) is the "
        "honest estimate of the current rules on unseen text, with exchange-collapse's. Those "
        "three writers were allowed to read `run.py`, whose report strings (this prose) "
        "describe rules: the gps-jamming and donation-ledger writers read part of them before "
        "writing (their gold files say so); the ward-outbreak writer saw one line; the brief "
        "now forbids it, and the exchange-collapse writer read none. "
        "The fixes for one article carry over little to the next (speaker + stance): the "
        "food-recall fixes moved tanker-seizure and factory-audit, before they were fixed in "
        "turn, from 0.76 to 0.76 and from 0.35 to 0.38; their fixes moved trial-data from "
        "0.51 to 0.56; trial-data's left wildfire-cause at 0.33 (its fixes brought it to "
        "0.81, and the irregular pasts of `irregular_past.txt`, found later, to 0.85); and "
        "wildfire-cause's left bridge-inspection at 0.62; bridge-inspection's (which brought "
        "it to 1.00) and the merging changes left all three held-out articles exactly where "
        "their first runs were, on every measure (speaker + stance 0.74, 0.75 and 0.60), "
        "except two new wrong merges: in gps-jamming, from the merging changes, a stray "
        "claim \"in Vilnius\" (left by a missed two-sentence quotation) read as a noun phrase "
        "naming \"Lithuania had ... presented ... evidence\" (Vilnius is folded to "
        "Lithuania); in donation-ledger, from the bridge-inspection rules, the commission's "
        "\"we do not comment on whether a matter is under investigation\" joined to its "
        "\"would not confirm whether it had opened an investigation\", which the gold keeps "
        "apart; and after the gps-jamming and donation-ledger fixes (which brought "
        "them to 0.97 and 0.96, with 43 tests on sentences of our own), ward-outbreak's counts "
        "were still those of its first run, on every measure: three rounds of general rules, "
        "each tested, moved an unseen article not at all. "
        "The wildfire-cause writer ran `run.py` once after the gold file was final and so "
        "read this section's prose, which describes the rules; nothing was edited after that. "
        "ward-outbreak's misses, by its writer: \"Its medical director\" not joined to the "
        "named director; a union organiser named with his title and the quotation after him "
        "given to the publisher; \"A nurse ..., speaking anonymously to Wyvern TV News, "
        "said\" (speaker and relay missed); documents as the subject of a sentence "
        "(\"Internal emails ... seen by the Post suggest\", \"Laboratory reports ... "
        "record\") made speakers; \"a spokesperson for the trust\" as an actor of its own, "
        "and \"the spokesperson\" tied to the wrong one; \"not ... until\" read as a denial; "
        "\"I would be very cautious about linking ...\" not a hedge; \"could not comment on "
        "individual patients\" as a claim; evidence (emails, laboratory reports, a "
        "photograph, typing results) missed or given to the wrong producer; no paraphrase "
        "merged. What gps-jamming and donation-ledger still miss: \"consistent with\" and "
        "\"probably\" as hedges (three other gold files affirm them), \"Jamming we can live "
        "with, but spoofing is ...\" as two claims, the claim in a question (\"Pressed on "
        "whether P, ... said: 'Not as far as I'm aware'\"), five evidence items, and every "
        "paraphrase. exchange-collapse's misses, by its writer: a byline that names no outlet "
        "(the publisher appears only as \"told MarketPulse\"), so none of the eight sentences "
        "in its own voice is found; \"Founder and CEO X\" kept as a second actor beside "
        "\"X\"; \"according to data from FIRM\" gives evidence but no statement; \"A "
        "former employee, who ... asked not to be named ..., told OUTLET that P\" missed; "
        "\"said it had opened an inquiry and 'cannot rule out' P\" and \"said the report was "
        "limited in scope and 'should not be read as an audit'\" read as one claim each; "
        "\"told CNBC\" and \"said on the 'Block Height' podcast\" not read as relays; two "
        "of three paraphrases of \"fully backed\" not merged. "
        "For gps-jamming and donation-ledger: a wire dateline below a byline and a time stamp; "
        "a time-stamp line as the date (\"Mon 13 Oct 2025 19.42 BST\"); a wire sign-off; a "
        "two-sentence quotation before \"X told reporters in CITY\" (a place ending the "
        "clause is an adjunct, not the claim); \"OUTLET quoted SOURCE as saying that P\"; "
        "\"P, according to OUTLET\" when P opens with an actor (the actor speaks); \"she\" "
        "and \"by her estimate\" after a person the writer introduced; \"is likely\", \"not "
        "in a position to confirm\", \"as far as I'm aware\" hedge; \"because Q no longer "
        "R\", \"too A to be B\", \"its client rejects any suggestion that P\" and a relative "
        "clause with a negative object deny; a client's lawyers and their firm as one actor "
        "acting for the client (`kg/extract/counsel.py`); \"X's official spokesperson\"; "
        "\"BBC Radio 4's Today programme\"; \"did not say which\" and \"declined to supply\" "
        "are no claim; filings, registers, ledgers, screenshots, databases and flight data as "
        "evidence. "
        "For bridge-inspection: a byline ending in a time stamp (\"a.m.\"/\"p.m.\" ends no "
        "sentence there); \"A report released in August by X found P\" (X speaks, the "
        "report is its evidence); \"according to the report\" and \"according to the "
        "statement\" go to the producer of the report or statement named before, and "
        "\"according to data X published\" to X (`kg/extract/documents.py`); a subheading or "
        "a paragraph opening with a label such as \"Editor's note:\" is no statement; "
        "\"because P, not because Q\" denies Q; \"said P, but would not say whether Q\" "
        "hedges Q; a negation counts in the main clause after a leading \"if\" clause and "
        "not in a result clause (\"so ... that they can no longer\"); \"after an "
        "inspection found Q\" makes the inspection the speaker's evidence; footage \"posted "
        "online in October by X\"; \"X's own logs ... show\"; \"the department\" long "
        "after the only department named. "
        "For election-video, "
        "river-spill and "
        "doping-case: for example \"there was no P\", \"X verbed ... and said\", a new "
        "speaker after \", but\", a byline split on commas, organisation head nouns such as "
        "\"federation\" and \"laboratory\", a proper name in apposition to a description "
        "(\"The supplier, Brava Farms,\") as the speaker, a result found \"in\" a test or "
        "samples as the speaker's evidence, and \"P but did not Q\" as two claims. "
        "(election-video's first run used a more lenient actor mapping, and one of its gold "
        "entries was corrected afterwards to follow the negation convention of the other "
        "files; see the gold file.) For transfer-rumour: a proper name in apposition to a "
        "possessive description (\"Falcão's agent, Marta Lenz,\") is the speaker, acting "
        "for the possessor when that is a known actor; a verb after \"but\" keeps the "
        "speaker (\"confirmed that P but said Q\"); a coordinated clause with a negated "
        "verb phrase (\"P and was not Q\") or a negative subject (\"P and nobody has Q\") "
        "is a claim of its own, and a negative subject (\"no fee had been agreed\"; "
        "`denial_cues.tsv`, scope `subject`) denies the claim with a positive one; a name "
        "after an outlet's head noun (\"the Brazilian sports newspaper Lance Hoje\") is an "
        "outlet, so \"according to\" it is a relay; a sentence that only says someone "
        "declined to comment is no claim. For lab-images (a research-misconduct dispute; a "
        "byline with middle dots): a definite proper name in a byline is the publication; "
        "\"Press\" in a name is not the noun \"press\"; a negation inside quotation marks "
        "(was \"not a finding\") still denies; \", and\" or \", but\" before a new subject "
        "and a finite verb, and \", but that\", start a claim of their own, as does a "
        "negated verb phrase in the publisher's own voice; \"declined to give a timeline\" "
        "is no claim; \"one of them\" is an unnamed speaker (or the person named beside "
        "it); a person's name with \"of\" an organisation in apposition; \"whether to\" "
        "is a decision, not a hedge; \"might\" hedges; a passive \"were told\" names no "
        "speaker; \"X called that account wrong\" denies the claim referred to; a "
        "description after a claim that opens with a name (\"Clearframe has been hired ..., "
        "the firm says\") is that name; \"according to a survey by X\" is the publisher "
        "citing a document X produced; \"said in a report published on Friday that P\" "
        "makes the report the speaker's evidence for P. One of lab-images' misses is left: "
        "Marlow's quotation is taken as support for her paraphrase before it, which the gold "
        "counts as a claim of its own (the quote-support rule of `kg/extract/claims.py`); "
        "Mira Sand's \"confirmed the request\" is now linked to the co-authors' request by "
        "the noun rule below.",
        "",
        "For cyber-attribution and strike-casualties (the first runs above are the honest "
        "estimate for both): a byline \"By X in Place for The Outlet, date\" (\"in\" and "
        "\"for\" part it) and a headline with a question inside; a wire dateline without "
        "the year; a name set off after a long possessive role (\"X's head of threat "
        "research, NAME,\"); \"an official at X\" is a person acting for X (a spokesperson "
        "still speaks as X); a description with another modifier before the same head noun is "
        "another body (\"the health ministry\" is not \"X's foreign ministry\"); \"the "
        "company\" is the nearest named organisation of no other class, \"the group\" of "
        "any; "
        "\"centre\" is an organisation head, a word for a person ending a capitalised name "
        "(\"Civic Witness\") is part of the name, and a participle (\"a group based in\") "
        "ends a description's head; plural nouns for people with a modifier (\"Residents "
        "interviewed by ...\") speak; \"it was too early to say whether P, she added\" "
        "(an infinitive \"to say\" after an impersonal frame reports no one); \"could be\", "
        "\"could still\" hedge, a negated ability (\"cannot show\") denies unless its "
        "subject states a policy or a hedge holds it (\"cannot rule out\"), and \"could not "
        "independently verify X\" hedges X; a negative object (\"received no warning\", "
        "\"found no sign of\") denies; \"declined to say when ...\" is no claim; lists of "
        "clauses (\"P, we warned Q, and we reject R\"; \"P, Q, and R\"), \"none of them "
        "shows\", \"and had found\" after a parenthetical, and \"we reject any suggestion "
        "that P\"; \"published a report on Tuesday concluding that P\"; \"accused X of Y\" "
        "whatever the case of X; producers from \"published on Monday by\", \"taken by\", "
        "\"posted online by\", \"compiled from ... records\", and what \"the report ... "
        "lists\" comes from the report's producer; nouns that refer back to a claim "
        "(`kg/extract/anaphora.py`: \"the accusation\" is the statement that accused, \"that "
        "reading\" and \"the X report\" the report's conclusion, \"shares X's assessment\" "
        "affirms X's claim, \"X's figure was inflated\" denies it, \"the figures\" again "
        "are the same figure, \"the request\" is the claim that someone asked); a counted "
        "claim refines one that names its event with a noun (`event_nouns.txt`: \"civilians "
        "were killed in the strike\"); a date inside a quotation is not when it was said; "
        "and, found while testing these on sentences of our own, anonymous sources (\"a "
        "source familiar with ...\", \"people familiar with ...\"), \"could not be "
        "independently verified\", \"would not confirm\" (one cue, not a hedge turned back "
        "by its \"not\"), \"called the allegations baseless\", \"the claims were false\", "
        "and the datelines \"CITY (Wire) - \" and \"CITY, Country - \". "
        "Misses left: paraphrases with few shared words are not merged (\"accused X of the "
        "attack\" / \"X was behind the attack\"; \"its aircraft had struck a weapons "
        "depot\" / \"we struck a storage site\"; \"we warned the area\" / \"had received "
        "no warning\"; \"they suggest a busy market\" / \"the building was a working "
        "market\"); \"Brisk cited a ... report\" stays a sentence in the publisher's voice "
        "(the gold counts no statement there, but the seed's gold counts \"Putin also "
        "pointed to the ... treaty, which includes ...\" as the publisher's, and the seed "
        "wins); cyber-attribution's refinements need world knowledge (a break-in as a step of "
        "the attack); a bare \"could\" does not hedge (the seed's gold affirms \"this could "
        "include reviewing ...\").",
        "",
    ]
    if seed_draft is not None and seed_gold is not None:
        seed = dict(rows)["seed"]
        met = (seed.speaker_stance.f1 >= 0.9, seed.merging.f1 >= 0.8)
        out += [
            f"Goals on the seed article: speaker + stance F1 at least 0.9: "
            f"**{seed.speaker_stance.f1:.2f}** ({'met' if met[0] else 'not met'}); claim "
            f"merging pairwise F1 at least 0.8: **{seed.merging.f1:.2f}** "
            f"({'met' if met[1] else 'not met'}). The seed has only three pairs of statements "
            "about one claim, so its merging F1 moves in large steps; the other articles, "
            "where paraphrases (\"payment systems breached\" / \"card numbers taken from our "
            "systems\") defeat word overlap, show the real limit of lexical merging.",
            "",
            "### Claim-merging threshold",
            "",
            f"Two statements share a claim when the Jaccard similarity of their content words "
            f"(lemmatised with LemmInflect's dictionary, stemmed with Snowball, numbers as "
            f"digits, `synonyms.tsv` folded: `kg/extract/similarity.py`) is at least the "
            f"threshold (default **{MERGE_THRESHOLD}**), or when one's words contain the "
            "other's, add no qualifier and overlap by at least 0.3, but never when both give "
            "numbers and share none; and a later noun phrase of at most three words with no "
            "finite verb joins an earlier claim holding all its words (\"X denied forced "
            "overtime\"). The default is the lowest threshold at which no article gets a "
            "wrong merge that a higher one would avoid, chosen on all articles together "
            "(every value from 0.55 to 0.9 gives the same merges on the sixteen articles "
            "before the last three, and leaving any one out gives the same range; "
            "docs/extraction.md). The wrong merges left at every threshold do not depend on "
            "it: quotations taken as support for a paraphrase of the same speaker before "
            "them (the quote-support rule of `kg/extract/claims.py`: wildfire-cause's three, "
            "and donation-ledger's accountant, whose quotation adds a claim to her estimate), "
            "tanker-seizure's \"The accusation.\" linked to the statement before it, "
            "ward-outbreak's two (\"Nobody ... mentioned an outbreak\" joined to a claim about "
            "being told, and \"the union's figure of 17\" referred back to the wrong figure) and "
            "donation-ledger's two refusals about an investigation:",
            "",
            "| threshold | merging, all articles | merging, seed |",
            "|---:|---|---|",
        ]
        for threshold in SWEEP:
            summed, seed_score = Score(), Score()
            for gold in golds:
                result = run_article(gold, merge_threshold=threshold)[0]
                summed = summed + result.merging
                if _name(gold) == "seed":
                    seed_score = result.merging
            out.append(f"| {threshold} | {_cell(summed)} | {_cell(seed_score)} |")
        differences = corroboration_differences(seed_draft, seed_gold,  # type: ignore[arg-type]
                                                seed_paths())
        out += ["", "### The seed draft's corroboration answers", "",
                "`kg.analysis.analyse` on the seed draft (loaded without edits) and on the "
                "built-in seed case, claims matched through the gold file "
                "(`tests/extract/test_seed_draft.py` keeps this list). Answers are (status, "
                "independent affirming groups, contested); every other claim gets the same "
                "answer from both:", "",
                "| seed claim | built-in case | draft |", "|---|---|---|"]
        for claim, (expected, found) in differences.items():
            out.append(f"| {claim} | {expected} | {found} |")
        out += ["", "A claim the seed case supports only through a narrower one (\"Russia "
                "invaded Ukraine\", under \"the invasion was unprovoked\") is matched through "
                "the gold file's refinements. The narrator's and speakers' presupposed claims "
                "(\"its unprovoked invasion\", \"its dwindling supplies\", \"the country's "
                "longstanding policy of ...\") are read by `kg/extract/presupposition.py` and "
                "agree. Putin's \"it has Article 4\" refines the \"mutual defense clause\" of the "
                "sentence before by the rule of `kg/extract/provisions.py`: a numbered "
                "provision refines a described provision of the same kind of document named "
                "in the same sentence or the two before, when the text describes exactly one "
                "and numbers exactly one (the link is marked as the reader's identification; "
                "the text never equates them). The difference left needs an inference no "
                "rule makes: that \"soldiers had been sent for possible deployment to "
                "Ukraine\" is a case of \"North Korea had sent its troops to Russia to assist "
                "in the war against Ukraine\" takes world knowledge (deployment to a country "
                "at war is taking part in the war against it) and two arguments the narrower "
                "claim leaves out (whose soldiers, sent where first); an entailment list "
                "(\"deployment to X\" implies \"war against X\") would still leave the "
                "broader claim with words (North Korea, Russia) the narrower one lacks, so "
                "the refinement test would have to be loosened for every article to make "
                "this one link."]
    out += ["", f"Time: {sum(times) * 1000 / max(len(times), 1):.0f} ms per article on "
            f"average (Python {platform.python_version()}, {platform.machine()}); no model, "
            "no download."]
    if skipped:
        out += ["", "Skipped: " + "; ".join(skipped) + "."]
    return "\n".join(out) + "\n"


def write_readme(text: str) -> None:
    """Replace this benchmark's section of benchmarks/README.md; keep the others."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # benchmarks/bench_readme.py
    from bench_readme import replace_section

    replace_section("## Extraction", text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readme", action="store_true", help="write benchmarks/README.md")
    args = parser.parse_args(argv)
    golds, skipped = [], []
    for path in sorted(GOLD_DIR.glob("*-gold.yaml")):
        gold = load_gold(path)
        try:
            gold.read_article(ROOT)
        except (OSError, ValueError) as error:
            skipped.append(f"{path.name}: {error}")
            continue
        golds.append(gold)
    golds.sort(key=lambda g: (_name(g) != "seed", _name(g) != "port-fire", _name(g)))
    text = report(golds, skipped)
    print(text)
    if args.readme:
        write_readme(text)
        print(f"wrote {README.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
