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

from kg.extract import Draft, draft_yaml, extract, load_lexicon
from kg.extract.align import CaseIndex, align
from kg.extract.claims import MERGE_THRESHOLD
from kg.extract.evaluate import (
    Evaluation,
    Gold,
    Score,
    actor_map,
    alignment,
    corroboration_differences,
    cross_merging,
    evaluate,
    load_gold,
)
from kg.seed import seed_paths

sys.path.insert(0, str(Path(__file__).resolve().parent))  # also when imported as a module
from first_runs import FIRST_RUNS, FIRST_STORY_RUNS

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "data" / "extract"
README = ROOT / "benchmarks" / "README.md"
COMMAND = ".venv/bin/python benchmarks/extract/run.py --readme"
MEASURES = [("speakers", "speakers"), ("speaker_stance", "speaker + stance"),
            ("relays", "relays"), ("evidence", "evidence + producer"),
            ("merging", "claim merging (pairwise)"), ("mentions", "claim mentions")]
SWEEP = (0.4, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9)


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
        "The articles (all but the seed invented for this benchmark, each a different kind of "
        "dispute and house style): **seed** (Newsweek, October 2024; the built-in case's "
        "article), **port-fire**, **card-breach**, **election-video**, **river-spill**, "
        "**doping-case**, **transfer-rumour**, **lab-images** (a research-misconduct "
        "dispute), **cyber-attribution** (a government's attribution of a cyber attack, wire "
        "style), **strike-casualties** (a disputed strike and its casualty figures, "
        "weekly-magazine style), **food-recall** (a regional daily's web page), "
        "**tanker-seizure** (a broadcaster's website), **factory-audit** (a financial paper "
        "whose name appears only in the body), **trial-data** (a science weekly), "
        "**wildfire-cause** (a regional paper republishing part of a wire story), "
        "**bridge-inspection** (an online-only local news site with subheadings), "
        "**gps-jamming** (a wire story), **donation-ledger** (a broadsheet's politics page), "
        "**ward-outbreak** (a regional daily's health page), **exchange-collapse** (a US "
        "business-news site whose byline names no outlet), **runway-incident** (a near "
        "collision on a runway; an aviation trade-press site), **border-shooting** (a deadly "
        "shooting at a river border, each side's force blaming the other; a South Asian "
        "broadsheet with a dateline), **painting-attribution** (a museum re-attributes a "
        "painting after a pigment analysis, the donor family and the auction house dispute "
        "it; an art-trade paper) and **chatbot-leak** (a researcher says a start-up's chatbot "
        "showed users other people's conversations, the company first denies it; a tech site "
        "with an update line), **dam-release** (villages flooded after an upstream state's "
        "dam released water, the operator says it gave notice; a regional agency wire), "
        "**crowd-count** (a protest's turnout disputed; a public broadcaster's English site), "
        "**mine-collapse** (a mine collapse, company against union; a business daily), "
        "**jet-downing** (a transport plane shot down near a disputed frontier, two armies "
        "blaming each other; a public broadcaster's explainer with question subheadings and "
        "no date), **reporter-detained** (a foreign reporter held on espionage charges; an "
        "East Asian English-language daily, family names first), **famine-warning** (a "
        "famine finding disputed by the government; a humanitarian-news long read with "
        "acronyms and a correction note), **story-pair-a** and **story-pair-b** (a "
        "vaccine batch suspended after an infant's death: a wire story on day 1, a "
        "broadsheet on day 2 restating day 1 in its own words; their gold files share ids), "
        "**strait-collision** (a bulk carrier and a patrol vessel collide in a strait, navy "
        "and owner blaming each other; a shipping trade daily, British English and jargon) "
        "**match-fixing** (a betting monitor says a match was fixed, the club denies it; "
        "an American sports website with embedded posts and a podcast interview), "
        "**arms-shipment** (a leaked UN panel report says a state sent drones to a militia "
        "under an arms embargo, the state calls it a fabrication; an international wire, "
        "anonymous diplomats) and **short-seller** (a short seller accuses a scooter maker of "
        "inflating revenue, the company calls it defamatory; a financial newswire, people "
        "familiar with the matter; its writer notes that its only relay is the publisher, "
        "so its relays column tests nothing), **deepfake-audio** (an audio clip said to "
        "show a mayoral candidate buying votes, her campaign says it was made with AI, a "
        "forensic lab cannot rule out a real recording; a broadcaster's live blog, entries "
        "newest first under a key-points list, an embedded post, the reporter in the first "
        "person), **honey-residue** (a campaign group's lab tests find an insecticide in "
        "honey above the legal limit, its maker says its product cannot be the source, the "
        "food regulator cannot confirm the results; a farming trade weekly's web page with a "
        "section line, a standfirst and the editor's byline), **airship-balloon** (a "
        "state says an object over its airspace was a neighbour's surveillance balloon, the "
        "neighbour says a weather airship blown off course; a continental public "
        "broadcaster's English site, translated in places, with low opening quotation marks, "
        "a dd.mm.yyyy date line, a caption and a correction note), **liver-signal** (a "
        "drug regulator suspends a blood-pressure drug after reports of liver injury, the "
        "maker says the cases are unrelated, a minister walks back his first words; an "
        "Indian English business daily's site with a kicker, a synopsis, an IST time stamp, "
        "crores and lakhs, and a closing \"(With inputs from AGENCY)\"), "
        "**cargo-manifest** (a port authority says a container ship carried undeclared "
        "military electronics, the shipping line says farm machinery parts; a Latin American "
        "English-language site, translated in places, \"By NAME | City\", quotations after "
        "\"said:\", asides between dashes, a copyright line) and **quake-toll** (an "
        "earthquake's death toll disputed between a disaster agency and a provincial "
        "governor; a Central Asian English-language daily's site with a masthead line, a "
        "byline \"NAME - CITY\", a weekday-last date line and a closing \"- Agency\" "
        "credit; its writer notes one gold entry against the file's own convention, left as "
        "written since the output had been seen). "
        "The rules were developed on the seed, port-fire and "
        "card-breach. The other thirty-eight were written as held-out tests, with their gold "
        "files, before the extractor was first run on them; the last thirty-three were "
        "written blind, by helpers who had not read the rules, their lexicons or their tests "
        "(three "
        "of them, gps-jamming's, donation-ledger's and ward-outbreak's writers, saw part of "
        "this section's prose, which names rules; their gold files say so, and the brief "
        "now forbids it). Their first runs:",
        "",
        *_table(first),
        "",
        "These first runs are the honest estimate for an article nobody has seen: speakers "
        "hold up (F1 0.65-1.00, median 0.80), speaker + stance much less (0.30-0.93, median "
        "0.62), and evidence (median 0.00) and claim merging (0.00-0.29) least. A header the "
        "rules do not read loses the "
        "publisher, and with it every relay and every sentence in its own voice. After each "
        "first run, one or two articles' misses were fixed by general rules, each tested on "
        "sentences of our own (one test file per round: `test_recall_forms.py`, "
        "`test_blind_forms.py` and `test_blind_clauses.py`, `test_science_forms.py`, "
        "`test_wire_forms.py`, `test_document_forms.py`, `test_blind2_forms.py`, "
        "`test_blind3_forms.py`, `test_blind4_forms.py`, `test_blind5_forms.py`, "
        "`test_blind6_forms.py`, `test_blind7_forms.py`, `test_blind8_forms.py`, "
        "`test_merging_forms.py`, `test_merging2_forms.py`, `test_blind9_forms.py` and "
        "`test_walkthrough_forms.py`, `test_blind10_forms.py`, `test_blind11_forms.py`, "
        "`test_blind12_forms.py`, `test_blind13_forms.py`, `test_quote_styles.py`, "
        "`test_round18_forms.py`, `test_round20_forms.py` and `test_round21_forms.py`; "
        "docs/extraction.md describes the "
        "rules), never by phrases from the articles, by helpers who never saw the articles "
        "still held out. So every row of the first table but the held-out ones shows an "
        "article the rules have seen. What each round did to the articles still held out "
        "(speaker + stance F1, first run -> after the round):",
        "",
        "| round: rules fixed for | articles held out at the time |",
        "|---|---|",
        "| food-recall | tanker-seizure 0.76 -> 0.76, factory-audit 0.35 -> 0.38 |",
        "| tanker-seizure, factory-audit | trial-data 0.51 -> 0.56 |",
        "| trial-data | wildfire-cause 0.33 -> 0.33 (its own round: 0.81) |",
        "| wildfire-cause | bridge-inspection 0.62 -> 0.62 (its own round: 1.00) |",
        "| bridge-inspection; claim merging (lemmas, numbers, noun phrases) | gps-jamming "
        "0.74 -> 0.74, donation-ledger 0.75 -> 0.75, ward-outbreak 0.60 -> 0.60 |",
        "| gps-jamming, donation-ledger (to 0.97 and 0.96) | ward-outbreak 0.60 -> 0.60 "
        "(and exchange-collapse, written after, first run 0.62) |",
        "| ward-outbreak, exchange-collapse (to 1.00 and 0.98) | runway-incident 0.76 -> "
        "0.76, border-shooting 0.50 -> 0.50, painting-attribution 0.63 -> 0.67 (precision "
        "0.90 -> 0.69), chatbot-leak 0.62 -> 0.62 |",
        "| runway-incident, border-shooting (to 0.97 and 0.91) | painting-attribution 0.67 -> "
        "0.67, chatbot-leak 0.62 -> 0.68 (precision 0.81 -> 0.75, recall 0.50 -> 0.62) |",
        "| painting-attribution, chatbot-leak (to 0.92 and 0.71) | dam-release 0.82 -> 0.82 |",
        "| dam-release (to 0.91) | crowd-count 0.30 -> 0.30 (relays 0.00 -> 0.67), "
        "mine-collapse 0.73 -> 0.73 |",
        "| crowd-count, mine-collapse (to 0.57 and 0.73) | airport-drones (first run 0.77): "
        "not measured, its files were lost with a machine's scratch space before they were "
        "committed; its writer's list of misses went into the next round |",
        "| crowd-count, mine-collapse again (to 0.88 and 0.92) and airport-drones' list; claim "
        "merging (stance words left out, rough numbers) | jet-downing 0.67 -> 0.69, "
        "reporter-detained 0.55 -> 0.54 (speakers 0.76 -> 0.71), famine-warning 0.61 -> "
        "0.61, story-pair-a 0.93 -> 0.95, story-pair-b 0.56 -> 0.58 |",
        "| jet-downing, reporter-detained, famine-warning (to 0.77, 0.70 and 0.65); claim "
        "merging (every statement of a claim compared, two numbers or names in common, short "
        "claims about \"the X\") | story-pair-a 0.95 -> 0.95, story-pair-b 0.58 -> 0.58, "
        "strait-collision 0.66 -> 0.68, match-fixing 0.53 -> 0.55 |",
        "| a new user's own article (a walk-through by a helper: a quoted denial label, an "
        "adverb inside a negation, a negation in a relative clause, occupations before "
        "names, comment requests, the medium before \"that\", \"unlikely\", a role "
        "after an appositive, an HTML page's article header); claim merging made linear "
        "in time, its merges unchanged | story-pair-a 0.95 -> 0.95, story-pair-b 0.58 -> "
        "0.58, strait-collision 0.68 -> 0.68, match-fixing 0.55 -> 0.55, arms-shipment "
        "0.70 -> 0.70 and short-seller 0.52 -> 0.52 (first runs on de4da9b, before this "
        "round) |",
        "| strait-collision, match-fixing (to 0.68 and 0.65): \"was quoted as saying by "
        "OUTLET\", \"told the state-run X (ABC)\", \"X could not independently verify\" "
        "naming the publisher | story-pair-a 0.95 -> 0.95, story-pair-b 0.58 -> 0.58, "
        "arms-shipment 0.70 -> 0.70, short-seller 0.52 -> 0.58 (speakers 0.75 -> 0.80) |",
        "| arms-shipment, short-seller (to 0.76 and 0.75; written by the lead, who has not "
        "read story-pair's files): a body called by the first words of its name, an "
        "apposition headed by a body noun, \"the people said\", \"the report said\" and "
        "\"according to the report\" giving the report's author, \"in a 64-page report "
        "published late Tuesday that\", a negation in a relative clause after a "
        "preposition, \"may reflect\", why a speaker is unnamed, \"saying only that\", "
        "\"signalled\"; then, from the leftovers of earlier rounds, evidence phrases for "
        "money, ships, aircraft and arms, any evidence phrase as the subject of \"showed "
        "that\", a relay cue opening the sentence, \"P, X said in a statement, adding "
        "that Q\", a name with \"The\" opening P no longer naming \"the company\", "
        "\"consistent with\" as a hedge only in the speaker's own words (the gold files "
        "split so: a hedge in six, quoted; a finding in two, paraphrased), \"P, not a Q\" "
        "denied in P's words "
        "| story-pair-a 0.95 -> 0.95, story-pair-b 0.58 -> 0.60 (precision 0.67 -> 0.68, "
        "recall 0.51 -> 0.54), deepfake-audio 0.47 -> 0.47 (first run on f074316, before "
        "this round; written blind meanwhile and seen by no one who wrote a rule) |",
        "| deepfake-audio, story-pair-b (to 0.57 and 0.72): \"none\" as a negative "
        "subject, \"takes no position on\" and \"makes X more likely\" as hedges, a "
        "relative clause after a description set off by commas leaving the name the "
        "speaker, \"she said\" up to two sentences after an introduced person "
        "| story-pair-a 0.95 -> 0.95, honey-residue 0.67 -> 0.67 (first run on fe7131a, "
        "before this round; written blind meanwhile) |",
        "| a new user's own article (a chemical-weapons case: states known only by a "
        "demonym or a possessive, a spokesperson of a \"<demonym> ministry\", a body's "
        "name ending in \"International\" read as a person, \"investigators from X\" not "
        "matched to the case's X) and deepfake-audio's leftovers (to 0.59: the publisher "
        "named only by \"X has not been able to verify\", \"she added\" after \"a "
        "spokeswoman for X\", \"speaking on X's bulletin\" as a relay, a sentence ending in "
        "a colon) | story-pair-a 0.95 -> 0.95, honey-residue 0.67 -> 0.67 (its relays fell "
        "to 0.00 during the round and the new \"she added\" rule was narrowed until they came "
        "back: the fixer read the score, not the article, but this row is no longer a "
        "wholly blind measure) |",
        "| airship-balloon's list, by the lead, who has not read it: quotations marked the "
        "way other languages mark them (a low opening mark closed by U+201C or U+201D, "
        "guillemets either way round) read as English ones, one character for one "
        "(airship-balloon 0.55 -> 0.66) | story-pair-a 0.95 -> 0.95, honey-residue 0.67 -> "
        "0.67 |",
        "| honey-residue's list and deepfake-audio's leftovers (to 0.71 and 0.64; the "
        "writer's list, in general terms, was the brief: the fixer never opened the article "
        "or its gold, but saw its row once, by mistake, early in the round): an "
        "attributing standfirst, names ending in 's, \"The group\", \"stood by the "
        "findings\", \"she\" and \"he\" skipping a person the text marks as the other "
        "sex, statements in relative clauses, \"could not say how P\", \"according to X, "
        "which said Q\", a negation in a time clause, evidence makers named after the "
        "material, live-blog bullets and \"we reported\" | story-pair-a 0.95 -> 0.95, "
        "airship-balloon 0.66 -> 0.67 (relays 0.29 -> 0.50; not read by the fixer, but no "
        "longer wholly blind: the round before came from its writer's list) |",
        "| liver-signal's and airship-balloon's lists (to 0.75 and 0.75; famine-warning "
        "0.67 -> 0.69): \"the regulator\" and \"<name> Pharma\" joined to their bodies, a "
        "fronted day no name, \"struck a more cautious note\", a person introduced by a "
        "title and apposition, \"said in a statement quoted by N that A and that B\", "
        "outlets inside noun phrases, \"unrelated to\", \"no higher than\" and \"no "
        "signal of\" as denials, \"cannot be ruled out\" as a hedge, a labelled synopsis, "
        "evidence \"at/to/dated\", an unknown lowercase role before a name, \"X, citing "
        "Y, reported\", ability modals | story-pair-a 0.95 -> 0.95, cargo-manifest 0.62 -> "
        "0.62 (first run on 452ea87, before this round; written blind meanwhile) |",
        "| cargo-manifest's list (to 0.85; gps-jamming's and reporter-detained's relays 0.80 "
        "-> 1.00 and 0.44 -> 0.60): the place after the bar of \"By NAME | Place\" never the "
        "publisher, a closing copyright line naming it, an all-capitals section label no "
        "headline, \"The X and the Y said P\", \"The crates, she said, were ...\", "
        "\"released photographs that it said show P\", \"..., according to Y\" after a verb "
        "with no clause, each sentence of a quotation after \"said:\", \"said in statements "
        "to OUTLET\" and \"told the NAME news agency\" as relays, \"premature to speak of\" "
        "and \"alone does not prove\" as hedges, \"The vessel's operator, the shipping line "
        "NAME,\" | story-pair-a 0.95 -> 0.95, quake-toll 0.60 -> 0.60 (first run on a9dcfd0, "
        "before this round; written blind meanwhile) |",
        "",
        "The finding: rules fixed on one article carry over little to the next, often "
        "nothing; the first runs, and the rows of the articles held out now, are the estimate "
        "to quote. Review every draft. **Held out now: story-pair-a and quake-toll** "
        "(first runs on f8f85d2 and a9dcfd0; quake-toll was written blind before the last "
        "round, whose writer did not read it, and its row above is unchanged from its first "
        "run). quake-toll's writer lists, in general terms: the publisher and the date not "
        "read (a masthead line \"NAME | City\" above the headline, a weekday-last date line "
        "\"28 November 2026 Saturday\", a closing \"- Agency\" credit), and with them every "
        "own-voice statement and every relay to the reader; a role description in the lede "
        "(\"The governor of X province\") not joined to the named person, so later \"The "
        "governor said\" went astray; \"Title NAME of the PARTY\" as one long name not "
        "matched to the bare surname later; a role word used as a title (\"Agency "
        "spokesperson NAME\") making an actor \"Agency\"; \"The governor's office\" taken "
        "for the last \"office\" named; an unnamed speaker (\"A rescuer working in X, "
        "speaking on condition of anonymity, told AGENCY that\") not recognised, and his next "
        "\"he said\" given to an earlier woman; a relay by \"Speaking to X TV\" not carried "
        "to the same speaker's next \"he said\"; \"may rise\" after \"adding that\" and a "
        "reported conditional read as affirmations; \"A, and B\" in one quotation as one "
        "statement; no paraphrase merged; seismograph readings, an admissions register and a "
        "leaked spreadsheet missed as evidence. What cargo-manifest still misses after its "
        "round (0.62 -> 0.85): speakers the rules do not know as actors (\"The harbour master "
        "said\", \"The mill owner said\", \"according to the national customs service\"), "
        "the claim of a conditional quotation (the whole sentence, not P), paraphrases, and "
        "evidence (a manifest, bills of lading, an invoice, X-ray scans). "
        "What liver-signal still misses after its round (0.61 -> 0.75; its writer's "
        "list): \"The official said\" in the sentence after an agency interview not tied to "
        "that agency; narration (\"in its order, issued late on Thursday\") as statements; "
        "\"N reports of serious injury\" and \"tests at the National X Laboratory\" as "
        "evidence; paraphrases of one causal claim in six wordings. "
        "airship-balloon's writer listed what the two rounds above took up (0.55 -> 0.75): "
        "a quotation first, then a long title before the name; \"In an interview with the "
        "daily X, he said\" after a passive that named him; a sentence-initial noun made the "
        "speaker of a closing \"..., the ministry said\"; \"X, citing Y, reported that P\" "
        "making X the speaker; \"Asked by the agency why ..., NAME said\" giving no relay; "
        "\"could be steered\" (ability) read as a hedge; left open by them: a role in title "
        "case before a name (\"Harbour Master NAME\") read as one name, the publisher's own "
        "voice in relative clauses and captions, and paraphrases (\"surveillance balloon\", "
        "\"reconnaissance platform\", \"spy balloon\") not merged. honey-residue's writer "
        "listed what its round above took up: a standfirst read as statements and its "
        "descriptions (\"the manufacturer\") as speakers; a company name ending in 's cut "
        "as a possessive; \"The group\" opening a sentence as an actor of its own; a "
        "speaker named only in an appositive with \"stood by the findings\"; \"she\" "
        "given to the wrong person; statements in relative clauses; \"she could not say how "
        "P\"; \"according to X, which said Q\"; two verbs after one \"said that\"; a "
        "negation in a second clause flipping the first; \"had no evidence that P\" read "
        "as a denial where the writer reads a hedge; no paraphrase merged; evidence whose "
        "maker is named in the next sentence or by \"submitted by\" missed, and \"the lab's "
        "certificates\" given to the group that "
        "published them. What deepfake-audio still misses after its three rounds (0.47 -> "
        "0.64): an embedded post's signature line not naming its author, descriptive "
        "subjects whose name comes only later (\"Her campaign says\", \"Fact-checkers "
        "say\"), and most evidence. What "
        "arms-shipment and short-seller still miss after their round: "
        "\"The panel said P\" after \"a report by a UN panel of experts\" (taking "
        "\"panel\" as a body noun named a headline's panel in famine-warning instead, so "
        "it was left out); \"has long been accused by X of\" (a passive agent); "
        "\"declined to comment on what "
        "she called 'a leaked draft', saying only that P\"; \"said in a statement quoted "
        "by the daily X\" and \"said on state broadcaster X that\" giving no relay; "
        "\"..., the group said in a report published on Tuesday\" after a long sentence; "
        "\"is reviewing the matters raised\" as a hedge; \"X first reported the "
        "inquiry\"; a traced component, a seized consignment, customs records, leaked "
        "invoices and a bank statement as evidence; no paraphrase merged in either, and "
        "short-seller's six wrong merges. What strait-collision and match-fixing still miss "
        "after their round: no own-voice statement when no rule finds the publisher (\"NAME, "
        "Asia correspondent | date | time\"); embedded social-media posts; \"she said\" "
        "after a quotation whose speaker the sentence before named; a quotation before "
        "\"X was quoted as saying by OUTLET\"; a fronted \"In an interview with X,\" "
        "giving no relay; \"P, the company said in a statement, adding Q\" losing P; "
        "evidence such as AIS tracks, voyage-data-recorder data, satellite radar images and "
        "betting data; almost no paraphrase merged. What jet-downing, reporter-detained and "
        "famine-warning still miss after their round (their writers' lists, checked again by "
        "the lead on sentences of his own): a document as speaker (\"according to the "
        "indictment\"); \"P, X reported\" making the outlet the speaker; \"could not by "
        "itself show P\" read as a denial where the writer reads a hedge; "
        "most evidence "
        "(fragments, an intercepted radio exchange, a flight recorder, an indictment, seized "
        "notebooks, nutrition surveys, mortality data, price monitoring, a leaked memo); "
        "paraphrases. What crowd-count and mine-collapse still miss "
        "after their second round: \"It counted 236,000 marchers\" (reading \"counted\" as a "
        "statement would catch narration too), comparative denials (\"more people than the "
        "police say\"), \"could not confirm the figure in the logs\" as a hedge of the "
        "figure (anaphora to a claim), \"an affidavit in which X describes P\" and \"An "
        "entry timed at ...\" as evidence. Older rounds' leftovers: \"she said\" after a "
        "quotation given to the last person named; \"P, not by Q\" kept whole (the gold "
        "files keep it; \"P, not a Q\" is now denied in P's words); a "
        "lede whose subject is a thing read as a statement by it; one half of \"each accusing "
        "the other\".",
        "",
        "Misses across articles that no round has fixed: paraphrases with few shared words "
        "(\"accused X of the attack\" / \"X was behind the attack\"; \"we warned the area\" / "
        "\"had received no warning\"); refinements that need world knowledge (a break-in as a "
        "step of the attack; the seed's deployment to Ukraine as taking part in the war); "
        "sentences in the publisher's voice that only cite a document (the seed's gold counts "
        "\"Putin also pointed to the ... treaty, which includes ...\" as the publisher's, "
        "other gold files count no statement there, and the seed wins); a bare \"could\" "
        "does not hedge (the seed's gold affirms \"this could include reviewing ...\").",
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
            "overtime\"); the words that give a stance (hedges and denial frames said inside "
            "a claim) are left out, so P, its denial and a hedge on it are one claim. The "
            "default is the lowest threshold at which no article gets a wrong merge that a "
            "higher one would avoid, chosen on all articles together (docs/extraction.md): in "
            "the sweep below 0.55 and 0.6 give the same merges, 0.5 adds wrong ones and 0.7 "
            "loses right ones. The wrong merges left at every threshold do not depend on it: "
            "quotations taken as support for a paraphrase of the same speaker before them "
            "(the quote-support rule of `kg/extract/claims.py`, in mine-collapse, crowd-count, "
            "ward-outbreak and donation-ledger) and nouns for an act linked to the wrong "
            "statement by `kg/extract/anaphora.py` (\"The accusation.\", \"The finding.\", "
            "\"The airline's version.\"):",
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
        out += ["", *_alignment_section(seed_draft, seed_gold)]  # type: ignore[arg-type]
    stories = _stories(golds)
    if stories:
        out += ["", *_stories_section(stories)]
    out += ["", f"Time: {sum(times) * 1000 / max(len(times), 1):.0f} ms per article on "
            f"average (Python {platform.python_version()}, {platform.machine()}); no model, "
            "no download."]
    if skipped:
        out += ["", "Skipped: " + "; ".join(skipped) + "."]
    return "\n".join(out) + "\n"


def _alignment_section(draft: Draft, gold: Gold) -> list[str]:
    """How ``kg extract --case`` does on the seed article drafted in the built-in case's ids:
    the gold's ids are that case's, so a right match is the gold's own id."""
    from kg.store import KnowledgeStore

    with KnowledgeStore() as store:
        store.load(seed_paths())
        index = CaseIndex.from_store(store)
    aligned = align(draft, index, load_lexicon(), case_name="the seed case")
    found = alignment(aligned, gold, set(index.claims))
    matched = found.right + found.wrong + found.unmatched
    return [
        "### Drafting in a case's ids (`kg extract --case`)",
        "",
        "The seed article drafted in the built-in case's ids, as a second article about a "
        "modelled story would be (`kg/extract/align.py`; the gold's ids are the case's, so a "
        f"right match is the gold's own id). Of the {matched} gold statements the draft found, "
        f"**{found.right}** got the case's claim, **{found.wrong}** another claim of the case "
        f"(a wrong match) and **{found.unmatched}** a claim of their own (no match: the "
        "draft's words and the case's differ too much for the merging rule); "
        f"{found.speakers} of the gold's {found.speakers_in_gold} speakers are named by the "
        "case's id. Unmatched claims stay apart and are shown as the draft's own: the "
        "analyst links them by hand.",
    ]


def _stories(golds: list[Gold]) -> list[tuple[Gold, Gold]]:
    """Articles of one story: gold files named NAME-a and NAME-b, whose ids are shared."""
    by_name = {_name(g): g for g in golds}
    return [(g, by_name[name[:-2] + "-b"]) for name, g in sorted(by_name.items())
            if name.endswith("-a") and name[:-2] + "-b" in by_name]


def _stories_section(stories: list[tuple[Gold, Gold]]) -> list[str]:
    """Cross-article claim merging and shared speakers, the second article drafted alone and
    in the ids of the first's draft (``kg extract A B -o DIR``)."""
    from kg.store import KnowledgeStore

    lines = [
        "### Several articles of one story (`kg extract A B -o DIR`)",
        "",
        "Two articles of one story, each with its gold file, the files sharing actor and claim "
        "ids where the writer judged them the same. Claim merging across the articles is "
        "pairwise over (statement of the first, statement of the second): positive when the "
        "gold gives both one claim. **Apart**: each article drafted on its own (ids coincide "
        "only where the words give the same id); **as one story**: the second drafted in the "
        "ids of the first's draft, as `kg extract A B -o DIR` does. Shared speakers: the "
        "gold's speakers of both articles that the two drafts name by one id.",
        "",
        "| story | cross-article merging, apart | as one story | shared speakers, apart | "
        "as one story |",
        "|---|---|---|---|---|",
    ]
    for first, second in stories:
        draft_a = run_article(first)[2]
        draft_b = run_article(second)[2]
        with KnowledgeStore() as store:
            store.load_bytes(draft_yaml(draft_a).encode("utf-8"), "yaml",  # type: ignore[arg-type]
                             source=f"{_name(first)}.yaml")
            index = CaseIndex.from_store(store)
        aligned = align(draft_b, index, load_lexicon(),  # type: ignore[arg-type]
                        case_name=f"{_name(first)}.yaml")
        apart = cross_merging((draft_a, first), (draft_b, second))  # type: ignore[arg-type]
        together = cross_merging((draft_a, first), (aligned, second))  # type: ignore[arg-type]
        shared = ({g.speaker for g in first.statements}
                  & {g.speaker for g in second.statements})
        lines.append(f"| {_name(first)[:-2]} | {_cell(apart)} | {_cell(together)} | "
                     f"{_shared(draft_a, first, draft_b, second, shared)} of {len(shared)} | "
                     f"{_shared(draft_a, first, aligned, second, shared)} of {len(shared)} |")
    for name, run in FIRST_STORY_RUNS.items():
        apart, together = Score(*run["apart"]), Score(*run["together"])
        lines += ["", f"First run of {name} (f8f85d2, before the actor rules that seeing it "
                  f"led to: \"the health ministry\" for \"Ministry of Health\", a shortened "
                  f"name of one case actor): merging apart {_cell(apart)}, as one story "
                  f"{_cell(together)}; shared speakers {run['speakers apart']} and "
                  f"{run['speakers together']} of 9. Merging across articles is as weak as "
                  "within one (paraphrases: \"passed every sterility, purity and potency "
                  "test\" / \"cleared every sterility and purity check\"), and the second "
                  "article's own extraction misses speakers the first has."]
    return lines


def _shared(draft_a: object, gold_a: Gold, draft_b: object, gold_b: Gold,
            speakers: set[str]) -> int:
    """How many of ``speakers`` the two drafts name by one id."""
    ids_a, ids_b = ({} for _ in range(2))  # gold id -> the draft ids mapped to it
    for draft, gold, ids in ((draft_a, gold_a, ids_a), (draft_b, gold_b, ids_b)):
        for found, truth in actor_map(draft, gold).items():  # type: ignore[arg-type]
            ids.setdefault(truth, set()).add(found)
    return sum(bool(ids_a.get(s, set()) & ids_b.get(s, set())) for s in speakers)


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
