"""The extraction, start to end: article text in, a :class:`~kg.extract.model.Draft` out.

Steps: read the header (headline, byline, dateline: title, publisher, date); split the
sentences; skip page furniture; read each sentence in order (continuing quotes, comment
requests, manner cues, attribution frames, the publisher's own voice); merge evidence
mentions; group statements into claims; merge repeated statements of one actor on one claim.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace

from kg.extract import bylines, comments, factcheck, narration, relative_makers, transcript
from kg.extract.actors import ActorRecord, ActorTable
from kg.extract.attribution import find_frames
from kg.extract.bylines import (
    COPYRIGHT,
    byline_outlet,
    capitals_outlet,
    copyright_owner,
    date_below,
    header_paragraphs,
    masthead,
    section_label,
)
from kg.extract.claims import MERGE_THRESHOLD, cluster_claims
from kg.extract.conditionals import hedge_possible_consequents
from kg.extract.counsel import join_counsel
from kg.extract.dates import date_line, header_date
from kg.extract.evidence import credit_line
from kg.extract.gather import gather_evidence
from kg.extract.gender import genders
from kg.extract.house import house_outlet
from kg.extract.identify import identify_later
from kg.extract.interviews import carry_interview_relays
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.model import DocumentRecord, Draft, StatementRecord
from kg.extract.named_claims import read_named_claims
from kg.extract.names import describe, is_outlet, slug
from kg.extract.newsletter import newsletter_matter
from kg.extract.people import introduced_people, introductions
from kg.extract.posts import attribute_posts
from kg.extract.presupposition import read_presuppositions
from kg.extract.provisions import link_numbered_provisions
from kg.extract.quotes import english_quotes
from kg.extract.reread import read_turns, reread
from kg.extract.roles import join_roles, join_titles
from kg.extract.seen import seen_material
from kg.extract.sentences import Sentence, split_sentences
from kg.extract.shortforms import register_short_forms, with_outlet_short_forms
from kg.extract.statements import Context, read_frames
from kg.extract.subject_bodies import register_subject_bodies
from kg.extract.unlisted_states import lede_state, with_unlisted_states
from kg.extract.wire import DATELINE, in_wire_voice, wire_section

DEFAULT_THRESHOLD = 0.6
_HEADING_WORDS = 10  # the longest subheading; a longer line without a full stop is text
_BYLINE = re.compile(r"^(?:By:?\s+|Published\b|Updated\b)|\s\|\s")
# "PUBLISHED: 3 May 2026 at 4:18 p.m. | UPDATED: ...": a time stamp line, in any case ("p.m.")
_STAMP = re.compile(r"(?i)^(?:published|updated|posted|last updated|issued)(?:\s+on)?\b:?\s")
# "Staff writer Ana Reyes contributed to this report.", "Reuters contributed reporting.": no
# statement; nor a wire's sign-off "Reporting by X; Additional reporting by Y; Editing by Z"
_CONTRIBUTED = re.compile(r"^[A-Z][\w\u2019'.&, -]*\s+contributed\s+(?:reporting\s+)?"
                          r"(?:to\s+this\s+(?:report|story|article)|reporting)\.?$|"
                          r"^[(\[]?\s*(?:Additional\s+)?(?:Reporting|Writing|Editing|"
                          r"Compiled|Compiling)\s+by\s+[A-Z]")
_CLOCK_END = re.compile(r"(?i)\d\s*[ap]\.m\.$")
_BYLINE_TITLE = re.compile(r"The(?:\s+[A-Z][\w\u2019'&-]*){1,4}")
_OUTLET_NAME = r"((?:The\s+|the\s+)?[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*)*)"
_SEEN = r"(?:seen|reviewed|obtained|verified|analysed|analyzed)"
_PUBLISHER_SAW = re.compile(rf"^{_OUTLET_NAME}\s+(?:has|had)\s+{_SEEN}\b|"
                            rf"\b{_SEEN}\s+by\s+{_OUTLET_NAME}")
# "Backline Sports has not independently verified the messages" (or "could not independently
# verify"): only a news house says what it could not check itself, so the name is the
# publisher's even where no outlet word shows it
_UNVERIFIED = re.compile(r"^(?:The\s+)?([A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*){0,3})\s+"
                         r"(?:(?:has|had|have)\s+not\s+independently\s+(?:verified|confirmed)|"
                         r"could\s+not\s+independently\s+(?:verify|confirm)|"
                         # "RTC has not been able to verify that analysis independently"
                         r"(?:has|had|have)\s+(?:not\s+been\s+able|been\s+unable)\s+to\s+"
                         r"(?:independently\s+)?(?:verify|confirm))\b")
# the bullet of a list item ("key points" over a live blog): a mark, then a space (not a
# dash: "\u2014 Ana Reyes (@anareyes) May 3, 2026" signs an embedded post)
_BULLET = re.compile(r"^[\u2022\u25aa\u25cf\u25e6\u2023*-]\s+(?=\S)")
# "At 09:12 we reported that", "As we reported on Monday,", "Earlier we reported that"
_WE_REPORTED = re.compile(r"^(?:(?:At|On|In|Earlier|Yesterday|This\s+morning)\b[^,]{0,30}?,?\s+)?"
                          r"(?:[Aa]s\s+)?(?:[Ww]e|I)\s+(?:have\s+|had\s+)?(?:reported|wrote|"
                          r"told\s+you)(?:\s+(?:earlier|previously|yesterday|on\s+\w+|at\s+"
                          r"[\d:.]+(?:\s*[ap]\.?m\.?)?))?(?:\s+that\s+|,\s+)")
_GOVERNMENT_OF = re.compile(r"\bgovernment of ([A-Z][\w-]+(?: [A-Z][\w-]+)?)")


def extract(text: str, *, date: str | None = None, publisher: str | None = None,
            title: str | None = None, threshold: float = DEFAULT_THRESHOLD,
            merge_threshold: float = MERGE_THRESHOLD, lexicon: Lexicon | None = None,
            source: str = "<text>") -> Draft:
    """Read an article and return a draft case.

    Args:
        text: the article as plain text, one paragraph a line.
        date: the document's date (YYYY-MM-DD) when the text does not print it.
        publisher: the publisher's name when the text does not give it.
        title: the title when the text has no headline.
        threshold: items with a confidence below this are marked for review.
        merge_threshold: Jaccard similarity at which two statements share a claim.
        lexicon: the lexicons (default: the shipped ones).
        source: a name for the text, recorded in the draft.

    Returns:
        The draft: actors, claims, statements, evidence and comment requests, each with its
        offsets in ``text`` and a confidence.

    Example:
        >>> draft = extract("Acme Corp denied that its plant had leaked chemicals.",
        ...                 publisher="The Daily Example", date="2025-01-02")
        >>> [(s.actor, s.stance, s.claim_text) for s in draft.statements]
        [('acme-corp', 'denies', 'Its plant had leaked chemicals.')]
    """
    original, text = text, english_quotes(text)  # „...“ and «...» as “...”; same offsets
    lex = with_unlisted_states(text, lexicon or load_lexicon())  # "the Borovian government"
    lex = with_outlet_short_forms(text, lex)  # "the Karsovian News Agency (KNA)", then "KNA"
    sentences = split_sentences(text)
    header = _header(text, sentences, lex)
    doc_date = (dt.date.fromisoformat(date) if date else None) or header["date"]
    places = {name: slug(name) for name in _GOVERNMENT_OF.findall(text)
              if name not in lex.country_by_form}
    country = header["country"]
    if country and country not in lex.country_by_form:
        places[country] = slug(country)
    home = country if country in places else lex.country_by_form[country].id if country in \
        lex.country_by_form else lede_state(text, sentences, header["skip"], lex)  # "X accused"
    starts = [s.start for s in sentences]
    introduced = [(bisect.bisect_right(starts, offset) - 1, offset, surname)
                  for offset, surname, _ in introductions(text, lex)]
    table = ActorTable(lex, places=places, home_state=home, people=introduced_people(text, lex),
                       introduced=introduced, genders=genders(text))
    register_short_forms(table, text, sentences, header["skip"])  # "the Board (AB)" first
    register_subject_bodies(table, sentences, header["skip"])  # "X Ltd (LSE:X) has ..."
    about = factcheck.about_line(sentences)  # "NAME is an independent fact-checking outlet"
    publisher_name = publisher or header["publisher"] or copyright_owner(sentences) or \
        _infer_publisher(sentences, lex) or (about[0] if about else None)
    publisher_actor = table.outlet(publisher_name) if publisher_name else None
    ctx = Context(text=text, lex=lex, table=table, publisher=publisher_actor, doc_date=doc_date)
    turns = read_turns(text, sentences, header["trim"])  # "ORLEV: P": labels trimmed off
    skip = header["skip"] | _furniture(sentences, lex) | (about[1] if about else set()) | turns.skip
    checked = factcheck.claim_under_check(sentences, lex)  # "CLAIM: P": presented, not asserted
    if checked is not None:
        skip |= checked[1]
    rated = factcheck.ratings(sentences) if publisher_actor else {}
    wire = wire_section(text, sentences, header["skip"] | set(header["trim"]), lex) \
        if publisher_actor else None
    if wire is not None:
        header["trim"][wire.first] = wire.cut
        skip |= wire.skip
    credits = []
    for sent in sentences:
        if sent.index in skip:
            continue
        if sent.index in header["trim"]:
            sent = _trimmed(sent, header["trim"][sent.index])
        if (bullet := _BULLET.match(sent.text)) is not None:
            # "• Fact-checkers say P": a list item is read as the sentence after its bullet
            sent = _trimmed(sent, bullet.end())
        if (earlier := _WE_REPORTED.match(sent.text)) is not None and \
                earlier.end() < len(sent.text) - 8:
            # "At 09:12 we reported that P", "As we reported on Monday, P": the publisher's
            # own earlier report; P is read as a sentence of its own (its speaker, if any)
            sent = _trimmed(sent, earlier.end())
        if sent.index in header["standfirst"] and any(f.speaker for f in find_frames(sent, lex)):
            # "The manufacturer says its product is safe." under the headline: the summary of
            # a report the text gives with its speaker named; read here, its description would
            # be a second actor and its words a second statement
            continue
        if (credit := credit_line(sent.text, sent.start, sent.index)) is not None:
            credits.append(credit)
            continue
        if sent.index in rated and publisher_actor and (checked or header["title"]):
            # "OUR VERDICT: False.": the house's stance on the claim under check (its
            # headline's, when no "CLAIM:" line states it)
            ctx.statements.append(factcheck.rating_statement(
                sent, rated[sent.index], publisher_actor.id,
                checked[0] if checked else header["title"], ctx.next_group()))
            continue
        before = len(ctx.statements)
        _read(ctx, sent)
        reread(ctx, sent, before, turns)  # "told us P"; a transcript guest's words are hers
        if wire is not None and publisher_actor and sent.index >= wire.first:
            agency = table.outlet(wire.outlet)
            table.mark_used(agency.id)
            in_wire_voice(ctx.statements[before:], agency.id, publisher_actor.id)
    attribute_posts(ctx, sentences, skip)  # "'Q,' the post reads. It was posted by X."
    identify_later(ctx)
    join_roles(ctx)
    join_titles(ctx)
    join_counsel(ctx)
    carry_interview_relays(ctx.statements, text, publisher_actor.id if publisher_actor else None)
    hedge_possible_consequents(ctx.statements, text)
    if publisher_actor:
        table.mark_used(publisher_actor.id)
    mentions = ctx.statements
    _carry_dates(mentions)
    claims = cluster_claims(mentions, lex, threshold=merge_threshold,
                            names={r.id: [r.name, *r.aliases] for r in table.records.values()})
    link_numbered_provisions(mentions, claims, lex)
    evidence = gather_evidence(ctx, credits, sentences, skip)
    first = next((s for s in mentions), None)
    document = _document(header, title, publisher_actor, doc_date, date, source,
                         first.reported_as if first else None)
    return Draft(text=original, document=document, actors=table.emitted(), claims=claims,
                 statements=_merge_repeats(mentions), evidence=evidence,
                 comment_requests=ctx.requests,
                 overrides=[(a, b, reason) for a, b, reason in table.overrides
                            if table.records[a].used],
                 threshold=threshold, source=source, mentions=mentions)


def _read(ctx: Context, sent: Sentence) -> None:
    before = len(ctx.statements)
    _read_statements(ctx, sent)
    transcript.answered_question(ctx, sent, before)  # "Asked whether P, she said: 'Possibly.'"
    read_named_claims(ctx, sent, before)  # "Asked about reports that P", "Y's claim that P"
    read_presuppositions(ctx, before)
    ctx.evidence.extend(relative_makers.made_in_clause(ctx, sent))  # "a log that X produced"


def _read_statements(ctx: Context, sent: Sentence) -> None:
    if narration.continuation(ctx, sent) or transcript.transcript_line(ctx, sent):
        return
    if comments.read_requests(ctx, sent) or narration.manner(ctx, sent) or \
            seen_material(ctx, sent):
        return
    before = len(ctx.statements)
    frames = read_frames(ctx, sent)
    made = ctx.statements[before:]
    for statement in made:
        comments.replies(ctx, sent, statement.actor)
    narration.frame_hedges(ctx, sent)
    narration.background(ctx, sent, frames)
    narration.dated_relative(ctx, sent, frames)  # "X, which suspended it on Tuesday, said"
    narration.lead_clause(ctx, sent, frames)
    clause_at = narration.object_clauses(ctx, sent, frames)
    attributed = bool(made) or any(f.kind == "topic" for f in frames) or \
        sent.index in ctx.refused
    if not attributed:
        prefix = _evidence_prefix(ctx, sent)
        narration.own_voice(ctx, sent, prefix=prefix, stop=clause_at)
        for mention in ctx.evidence:
            if mention.sentence == sent.index and mention.supports is None:
                mention.supports = list(range(before, len(ctx.statements)))


def _evidence_prefix(ctx: Context, sent: Sentence) -> int:
    """"According to a notice seen by the Courier(, which ...,) P": where P starts."""
    match = re.match(r"^(?:According to|Per)\s+[^,]+,\s+(?:which\s+[^,]+,\s+)?", sent.text)
    return match.end() if match else 0


def _header(text: str, sentences: list[Sentence], lex: Lexicon) -> dict:
    """Headline, byline and dateline at the top of the article."""
    top = bylines.masthead_line(sentences, lex)  # "The Carrow Herald" above the headline
    found: dict = {"title": None, "title_span": None, "publisher": top and top[1], "date": None,
                   "date_text": None, "country": None, "skip": {top[0]} if top else set(),
                   "trim": {}, "standfirst": set()}
    # the header: the first three paragraphs, and any line before the first full sentence
    # (a kicker, headline, standfirst and byline can take five lines before the text starts)
    body_at = next((s.paragraph for s in sentences if _ends_sentence(s.text)), 0)
    first_paragraphs = header_paragraphs(sentences, body_at, lambda t: not _ends_sentence(t) and
                                         bool(_BYLINE.search(t) or _STAMP.match(t)))
    # a wire dateline opens the text's first paragraph, however many header lines (headline,
    # byline, time stamp) stand above it: "VILNIUS, March 4 (Reuters) - ..."; or the next
    # paragraph's, after a photo caption ("X is seen in a video ... Captured from KRT")
    starts = {s.paragraph: s for s in reversed(sentences)}  # each paragraph's first sentence
    opener = next((starts[p] for p in (body_at, body_at + 1)
                   if p in starts and DATELINE.match(starts[p].text)), None)
    if opener is not None and opener not in first_paragraphs and body_at <= 6:
        first_paragraphs.append(opener)
    opening = [s for s in sentences if s.paragraph == sentences[0].paragraph] if sentences else []
    if len(opening) > 1 and opening[-1].text[-1:] not in ".!?\u201d\"" and \
            not any(_BYLINE.search(s.text) for s in opening):
        # "Flood or sabotage? What the records show": a headline with a question in it is one
        # line without a full stop at its end
        found["title"] = text[opening[0].start:opening[-1].end]
        found["title_span"] = (opening[0].start, opening[-1].end)
        found["skip"].update(s.index for s in opening)
    for sent in first_paragraphs:
        if sent.index in found["skip"]:
            continue
        line_end = _ends_sentence(sent.text)
        header_line = not line_end and sent.paragraph < body_at and \
            not _BYLINE.search(sent.text) and not DATELINE.match(sent.text)
        if header_line and found["title"] is None and section_label(sent.text):
            # "PORTS & TRADE" above the headline: a section label set in capitals, however
            # many words it has, is not the headline
            found["skip"].add(sent.index)
        elif header_line and found["title"] is None and len(sent.text.split()) >= 3:
            # the first line of three words or more before the text is the headline; a
            # shorter line above it is a section label ("Retail sector"), not a statement
            found["title"], found["title_span"] = sent.text, (sent.start, sent.end)
            found["skip"].update(s.index for s in sentences if s.index <= sent.index)
        elif header_line and found["title"] is not None:
            # a standfirst, an outlet-less byline ("Anika Rao in Lusk"), a date line: the
            # lines between the headline and the text state nothing the draft should list
            found["skip"].add(sent.index)
            # "27 November 2026", or a time stamp "Mon 13 Oct 2025 19.42 BST"
            when = header_date(sent.text) if len(sent.text.split()) <= 4 else \
                date_line(sent.text)
            if when is not None and when.iso and found["date"] is None:  # "27 November 2026"
                found["date"], found["date_text"] = dt.date.fromisoformat(when.iso), when.text
        elif _STAMP.match(sent.text) and (line_end or not _BYLINE.search(sent.text)) and \
                (when := header_date(sent.text)) is not None:
            found["skip"].add(sent.index)
            if found["date"] is None and when.iso:
                found["date"], found["date_text"] = dt.date.fromisoformat(when.iso), when.text
        elif _BYLINE.search(sent.text) and not line_end:
            found["skip"].add(sent.index)
            # "By X in Lusk for The Northern Almanac, 12 May": "in" and "for" part it too
            parts = [p.strip() for p in re.split(r"\s*[|,\u2022\u00b7]\s*|\s+[-\u2013\u2014]\s+|"
                                                 r"\s+(?:for|in)\s+(?=[A-Z])", sent.text)]
            for part in parts:
                outlet = is_outlet(part, lex) or capitals_outlet(part, sent.text, lex)
                if outlet and not found["publisher"]:
                    found["publisher"] = outlet
            # "Ledgerline | Fact check": a kicker pairing a name with the kind of piece
            found["publisher"] = found["publisher"] or \
                factcheck.kicker_outlet(sent.text, sentences, lex)
            if not found["publisher"]:
                # "By X, Science Editor · The Lowland Review · 21 April 2026": a definite
                # proper name in a byline is the publication, whatever its last word
                found["publisher"] = next((p for p in parts if _BYLINE_TITLE.fullmatch(p)), None)
            found["publisher"] = found["publisher"] or byline_outlet(sent.text, lex)
            if not found["publisher"] and sent.text.startswith("By ") and " | " in sent.text:
                found["publisher"] = masthead(sent.text, lex)
            if (when := header_date(sent.text)) is not None:
                found["date"], found["date_text"] = dt.date.fromisoformat(when.iso or ""), \
                    when.text
        elif (match := DATELINE.match(sent.text)) is not None:
            found["trim"][sent.index] = match.end()
            found["country"] = (match.group("country") or "").strip() or None
            if match.group("outlet"):
                found["publisher"] = describe(match.group("outlet"), lex).outlet or \
                    match.group("outlet").strip()
            if match.group("date") and (when := header_date(match.group("date"))) and when.iso:
                found["date"], found["date_text"] = dt.date.fromisoformat(when.iso), when.text
    if found["date"] is None and (below := date_below(sentences)) is not None:
        found["skip"].add(below[0].index)  # "28 November 2026 Saturday" under the byline
        found["date"], found["date_text"] = dt.date.fromisoformat(below[1].iso or ""), \
            below[1].text
    found["standfirst"] = _standfirst(first_paragraphs, found)
    return found


def _standfirst(first_paragraphs: list[Sentence], found: dict) -> set[int]:
    """The sentences of a standfirst that ends with a full stop: the one or two paragraphs
    (three sentences at most) between the headline and the byline or time stamp below it.
    A standfirst without a full stop is a header line and skipped already."""
    if found["title_span"] is None:
        return set()
    title = next((s for s in first_paragraphs if s.end == found["title_span"][1]), None)
    byline = next((s.paragraph for s in first_paragraphs if s.index in found["skip"] and
                   title is not None and s.paragraph > title.paragraph and
                   (_STAMP.match(s.text) or (_BYLINE.search(s.text) and
                                             not _ends_sentence(s.text)))), None)
    if title is None or byline is None:
        return set()
    between = [s for s in first_paragraphs if title.paragraph < s.paragraph < byline and
               s.index not in found["skip"]]
    if len(between) > 3 or len({s.paragraph for s in between}) > 2:
        return set()
    return {s.index for s in between}


def _ends_sentence(line: str) -> bool:
    """Whether a line ends as a sentence does; a time stamp's "a.m." or "p.m." ending a
    byline ("| Updated Nov. 26, 2026, 11:40 a.m.") does not make it one."""
    return line[-1:] in ".!?\u201d\"" and not _CLOCK_END.search(line)


def _trimmed(sent: Sentence, cut: int) -> Sentence:
    return replace(sent, start=sent.start + cut, text=sent.text[cut:],
                   quotes=tuple(q for q in sent.quotes if q[0] >= sent.start + cut))


def _infer_publisher(sentences: list[Sentence], lex: Lexicon) -> str | None:
    """"Newsweek contacted ...", "The Coastal Ledger asked X for comment": the outlet that
    asks for comment is the publisher."""
    for sent in sentences:
        match = re.match(r"^((?:The\s+)?[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*)*)\s+"
                         r"(?:contacted|asked|reached out to|emailed|approached)\b", sent.text)
        if match and (outlet := is_outlet(match.group(1), lex)):
            return outlet
    for sent in sentences:
        # "The Lombard Times has reviewed the records", "figures ..., seen by the Courier,":
        # only the publisher says what it has itself seen
        match = _PUBLISHER_SAW.search(sent.text)
        if match and (outlet := is_outlet((match.group(1) or match.group(2)).rstrip("."), lex)):
            return outlet
    for unverified in filter(None, (_UNVERIFIED.match(s.text) for s in sentences)):
        # (not a name the lexicons know as something else: "The UN could not independently
        # verify the reports", "Kell Police have not independently verified ...")
        found = describe(unverified.group(1), lex)
        if "independently" not in unverified.string and found.kind == "Person":
            continue  # "Ana Ruiz has not been able to confirm it": a person, no news house
        if not (found.known_org or found.is_state or found.state or
                (found.head and found.head.kind != "NewsOutlet")):
            return unverified.group(1)
    return house_outlet(sentences, lambda name: is_outlet(name, lex))


def _furniture(sentences: list[Sentence], lex: Lexicon) -> set[int]:
    """Page furniture: listed lines, image alt text, truncated duplicates of captions."""
    skip, by_paragraph = set[int](), dict[int, list[Sentence]]()
    for sent in sentences:
        by_paragraph.setdefault(sent.paragraph, []).append(sent)
    texts = {p: " ".join(s.text for s in group) for p, group in by_paragraph.items()}
    for number, group in by_paragraph.items():
        whole = texts[number]
        truncated = whole.endswith(("…", "...")) and any(
            other != number and texts[other].startswith(whole.rstrip("….").rstrip())
            for other in texts)
        # a line of a few words with no sentence end below the headline is a section label
        # or a subheading ("What the tests found", "Residents say they were not warned"): a
        # title over the text that follows, stating nothing of its own
        # (a list item of five words or more is a key point, not a heading: "• The regulator
        # says its inspectors were never told")
        short = number > 1 and len(whole.split()) <= _HEADING_WORDS and \
            whole[-1:] not in ".!?\u201d\":" and credit_line(whole, 0, 0) is None and \
            not (_BULLET.match(whole) and len(whole.split()) > 5)
        lowered = whole.strip().lower()
        labelled = any(lowered.startswith(line) for line in lex.furniture if line.endswith(":"))
        if lowered in lex.furniture or labelled or truncated or short or \
                COPYRIGHT.match(whole.strip()) or \
                _CONTRIBUTED.match(whole.strip()):
            skip.update(s.index for s in group)
    return skip | newsletter_matter(sentences, lex)  # a briefing's lead-ins, greeting, sign-off


def _document(header: dict, title: str | None, publisher: ActorRecord | None,
              doc_date: dt.date | None, given_date: str | None, source: str,
              opening: str | None) -> DocumentRecord:
    name = title or header["title"]
    if name:
        ident = slug(name)[:60].strip("-")
    else:  # the publisher and the first words of the article
        words = [w for w in slug(opening or source).split("-") if len(w) > 2][:6]
        ident = slug(" ".join([publisher.id if publisher else "article", *words]))
    document = DocumentRecord(id=ident, title=name, publisher=publisher.id if publisher else None,
                              date=doc_date.isoformat() if doc_date else None,
                              date_text=None if given_date else header["date_text"],
                              title_span=None if title else header["title_span"])
    if given_date:
        document.date_basis = "Given by the user (kg extract --date); not printed in the text."
    elif header["date_text"]:
        document.date_basis = "Printed in the byline or dateline."
    return document


def _carry_dates(mentions: list[StatementRecord]) -> None:
    """A statement with no date of its own, by the speaker of a dated statement in the same or
    the previous sentence ("He said ..." after "On Thursday, X said ..."), is taken to be of
    the same occasion."""
    for i, mention in enumerate(mentions):
        if mention.date or mention.own_voice:
            continue
        for earlier in reversed(mentions[:i]):
            if mention.sentence_index - earlier.sentence_index > 2:
                break
            if earlier.actor == mention.actor and earlier.date:
                mention.date = earlier.date
                mention.date_basis = (f"Not given in its sentence; taken to be the occasion of "
                                      f"the same speaker's statement just before "
                                      f"({earlier.date_text or earlier.date}).")
                mention.cues.append("date carried from the previous statement")
                break


def _merge_repeats(mentions: list[StatementRecord]) -> list[StatementRecord]:
    """One statement per actor, claim and stance: later mentions fill what the first lacks
    (a quote, a longer relay chain, a date)."""
    merged: dict[tuple[str, str | None, str], StatementRecord] = {}
    for mention in mentions:
        key = (mention.actor, mention.claim, mention.stance)
        if key not in merged:
            merged[key] = replace(mention, relay=list(mention.relay), cues=list(mention.cues))
            continue
        first = merged[key]
        first.quote = first.quote or mention.quote
        if len(mention.relay) > len(first.relay):
            first.relay = list(mention.relay)
        for name in ("date", "date_text", "date_basis", "setting"):
            if getattr(first, name) is None:
                setattr(first, name, getattr(mention, name))
        first.cues.append(f"also reported at {mention.sentence[0]}-{mention.sentence[1]}")
        first.confidence = max(first.confidence, mention.confidence)
    return list(merged.values())


__all__ = ["DEFAULT_THRESHOLD", "extract"]
