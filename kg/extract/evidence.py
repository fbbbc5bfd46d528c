"""Evidence: material an article says was offered for a claim, with who made or cited it.

Found where the text presents material, not wherever an evidence word occurs:

- the object of a release verb: "X released satellite images showing P" (produced and
  released by X, supports P);
- the object of a citing verb: "X pointed to the treaty" (cited by X);
- a frame at the start of what was said: "there was evidence of P" (cited by the speaker),
  "it had used facial-recognition technology to confirm P" and "its laboratory analysis had
  found P" (produced by the speaker);
- inside what was said: "investigators had collected accounts from ...", "it has Article 4";
- a participle: "satellite images released by X" (released by X);
- a photo credit line: "NAME/AGENCY via DISTRIBUTOR" (a photograph taken by NAME for AGENCY,
  supporting the caption above it).

Kinds come from ``evidence_kinds.tsv``. Mentions of one item ("satellite images" in two
paragraphs, released by the same agency) are merged by the pipeline.

Example:
    >>> from kg.extract.lexicon import load_lexicon
    >>> evidence_kind("drone video on social media", load_lexicon())
    'Video'
    >>> frame = claim_frame("there was evidence of troops in the city", load_lexicon())
    >>> frame.removed, frame.kind, frame.role
    (22, 'Evidence', 'cited')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.extract.lexicon import Lexicon, phrase_alternation

#: A numbered provision of a document: "Article 4", "Clause 12".
ARTICLE = re.compile(r"\b(?:Article|Clause|Section|Paragraph)\s+\d+[A-Za-z]?\b")
_THERE_IS = re.compile(r"^there\s+(?:is|was|were|are)\s+(?:clear\s+|strong\s+|new\s+|some\s+)?"
                       r"evidence\s+(?:of|that)\s+", re.I)
_USED_TO = re.compile(r"^(?:it|they|we|he|she|[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*)*)\s+"
                      r"(?:had\s+|has\s+|have\s+)?(?:used|employed|relied\s+on)\s+(.+?)\s+to\s+"
                      r"(?:confirm|identify|verify|establish|determine|show|detect)\s+", re.I)
# The material that "found" or "showed" P: these nouns and the evidence phrases of the lexicon
# (a user's too: "its invoices showed that P")
_FOUND_NOUNS = (r"analysis|samples?|tests?|footage|video|images?|imagery|photos?|photographs?|"
                r"extracts?|appendix|appendices|"
                r"reports?|investigation|review|records|audit|data|inspection|documents?|"
                r"emails?|letters?|files?|recordings?|databases?|ledgers?|registers?|"
                r"spreadsheets?|filings|bearings|statements|maps|charts?|readings|notices?|"
                r"logs?|statistics|videos?")


# a time after "from": "from early November", "from last week", "from 2019", "from the 1950s"
_WHEN = re.compile(r"(?i)(?:(?:early|late|mid|last|this|the)[\s-]+)?(?:January|February|March|"
                   r"April|May|June|July|August|September|October|November|December|Monday|"
                   r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|spring|"
                   r"summer|autumn|winter|\d{4}s?|\d{1,2}\s)\b")


@cache
def _found(phrases: tuple[str, ...]) -> re.Pattern[str]:
    nouns = phrase_alternation(phrases)
    # ("an", then "a", each a whole word: "an inspection" is not "a" and "n inspection")
    return re.compile(r"^(its|their|our|his|her|the|an|a|)\b\s*"
                      rf"((?:[\w\u2019'-]+\s+){{0,3}}?(?:{nouns}{'|' if nouns else ''}"
                      rf"{_FOUND_NOUNS})"
                      # ("flight data from those aircraft showed P": where the material came from)
                      # ("tests at the National Food Laboratory found P", "an appendix to the
                      # trial shows P", "an internal email dated May 3 shows P")
                      r"(?:\s+(?:from|of|at|to|dated)\s+(?:[\w\u2019'-]+\s+){0,9}?[\w\u2019'-]+"
                      r"(?=\s+(?:had\s+|has\s+)?"
                      # (or an aside next: "an internal report dated May 3, leaked to X, records")
                      r"(?:found|shows?|showed|confirmed|revealed)\s|,\s))?)\s*"
                      # ("its flood maps, made from radar images, showed P": an aside)
                      r"(?:,\s+(?:which\s+|[a-z]+\s+)[^,]+,\s*)?"
                      # ("logs kept by X", "a phone video filmed by a passenger", "recordings
                      # published by the site X": who made it, then perhaps who saw it)
                      # ("tests carried out by X", "samples submitted by X": X made them)
                      r"(?:(?:kept|filmed|published|released|compiled|taken|made|recorded|posted|"
                      r"shared|gathered|shot|carried\s+out|conducted|performed|submitted|issued|"
                      r"filed|maintained)\s+"
                      # ("carried out in October by X": when, before who)
                      r"(?:(?:in|on|during|last|over|since)\s+[\w\u2019'-]+(?:\s+\d+)?\s+)?by\s+"
                      r"(?P<maker>(?:(?!\s+and\s)[^,;]){2,60}?)"
                      # (when: "released by X late on Thursday", "kept by X since May")
                      r"(?:\s+(?:late\s+|early\s+)?(?:on|in|at|last|since|during|over|this)"
                      r"\s+[^,;]{1,30}?)?"
                      # ("... and shared with the Gazette": how it travelled, not who made it)
                      r"(?:\s+and\s+(?!seen\b|obtained\b|reviewed\b)[a-z]+(?:ed|en|wn)\s+"
                      r"[^,;]{2,60}?)?"
                      # ("taken by X at 02:51, which the institute obtained, show P")
                      r"(?:,\s+(?:which\s+|[a-z]+\s+)[^,]+,)?"
                      r"\s+(?:and\s+)?)?"
                      r"(?:(?:seen|obtained|reviewed)\s+"
                      r"by\s+(?:the\s+)?[\w\u2019'.-]+(?:\s+[A-Z][\w\u2019'.-]*)*\s+)?(?:had\s+|has\s+|"
                      # ("appeared to support P": the material leaves P likely, not shown)
                      r"have\s+)?(?P<seems>(?:appears?|appeared|seems?|seemed)\s+to\s+)?"
                      # ("first registered a hot spot": when the material first showed it)
                      r"(?:(?:first|also|later)\s+)?"
                      r"(?:found|shows?|showed|confirmed|revealed|indicated|detected|"
                      # (what a record holds: "the log records P", "the data put the toll at N")
                      r"records|recorded|registered|logged|notes|noted|puts|put|"
                      r"suggests?|suggested|support(?:s|ed)?|corroborate[sd]?)\s+(?:that\s+)?",
                      re.I)
_COLLECTED = re.compile(r"\b(collected|gathered|obtained|reviewed|bought|took|taken|seized|tested|"
                        r"analy[sz]ed|examined|sequenced)\s+"
                        r"((?:[\w\u2019'-]+\s+){0,3}?(?:accounts|testimony|statements|samples?|"
                        r"evidence|records|documents|footage|images|photos|recordings|"
                        # physical evidence: "collected 27 spent cartridges from the bank"
                        r"cartridges|casings|bullets|fragments)\b"
                        r"(?:\s+[^,.;]+?)?)(?=\s+and\s|[,.;]|$)", re.I)
# "a doorbell camera at the house recorded a flash", "a river gauge ... registered a rise": an
# instrument a speaker says recorded something is material the speaker cites (its maker is
# seldom named)
# ("temperature loggers packed with every consignment had recorded no reading": a plural
# instrument opening what was said needs no article)
_RECORDED = re.compile(r"\b((?:(?:an?|the|its|their|our|his|her)\s+|^)(?:[\w\u2019'-]+\s+){0,3}?"
                       r"(?:cameras?|sensors?|stations?|gauges?|monitors?|meters?|logs?|"
                       r"loggers?|recorders?|trackers?|"
                       r"systems?|networks?))\b"
                       r"[^,;]*?\s+(?:recorded|registered|logged|captured|measured)\b", re.I)
# "had tested samples": who tests or analyses material makes the result, as who takes it
_PRODUCING = {"bought", "took", "taken", "seized", "tested", "analysed", "analyzed", "examined",
              "sequenced"}
# "genome sequencing at the Varne Institute's laboratory": a test and where it was made;
# the body named (the owner of the laboratory) produced it
_PERFORMED_AT = re.compile(
    r"(?P<what>(?:[\w-]+\s+){0,2}?(?:sequencing|testing|tests|analysis|analyses|screening))\s+"
    r"(?:at|by)\s+(?P<who>(?:the\s+)?[A-Z][\w.&-]*(?:\s+(?:[A-Z][\w.&-]*|of|for))*|"
    # ("blood tests at the hospital's laboratory": the hospital named before)
    r"the\s+[a-z][\w-]*(?=[\u2019']s\s+(?:[\w-]+\s+){0,2}?(?:laborator(?:y|ies)|labs?)\b))"
    r"(?:[\u2019']s\s+(?:[\w-]+\s+){0,2}?(?:laborator(?:y|ies)|labs?|centre|center|unit|"
    r"facility))?")
_HAVE = re.compile(r"\b(?:we|they|i|it)\s+(?:have|has|had)\s+(?:(?:clear|new|the|some)\s+)?"
                   r"((?:video|footage|photos?|photographs?|images?|documents?|recordings?|"
                   r"evidence|proof)\b(?:\s+(?:of|that)\s+[^,.;]+?)?)(?=[,.;]|$)", re.I)
# A result reported with the test or material it came from: "had found X in two of twelve
# samples", "tested positive for X in an out-of-competition test", "was detected in a routine
# inspection". The test is the speaker's evidence: produced by them when they report their own
# finding ("we found", "it had found"), else cited.
_RESULT_IN = re.compile(r"\b(?:(?P<own>(?:we|it|they|i)\s+(?:had\s+|has\s+|have\s+)?)?"
                        r"(?:found|detected|identified|measured)|tested\s+(?:positive|negative)|"
                        r"failed|passed|showed\s+up)\b[^,.;]{0,80}?\s+in\s+(?P<test>(?:an?\s+|"
                        r"the\s+|its\s+|their\s+|our\s+|(?:\w+\s+of\s+)?\w+\s+of\s+)?"
                        r"(?:[\w\u2019'-]+\s+){0,3}?(?:tests?|samples?|specimens?|screenings?|"
                        r"checks?|inspections?|analys[ie]s|audits?))\b", re.I)
# ("a map marking the boat's position": a map shows by marking)
_SHOWING = re.compile(r"\b(?:appearing\s+to\s+show|purportedly\s+showing|showing|marking|that\s+"
                      r"(?:show|shows|showed)|which\s+(?:show|shows|showed)|that\s+appear\s+to\s+"
                      r"show|which\s+appear\s+to\s+show)\s+")
# "images released by X", "audits carried out on its behalf by X", "records kept by X":
# material, the verb that says who made or passed it, an adjunct, then who. The nouns are
# those of evidence_kinds.tsv (plural too), so a phrase a user adds is read here as well
_RELEASED_BY_VERBS = (r"released|published|posted|provided|supplied|shared|obtained|leaked|taken|"
                      r"broadcast|aired|televised|streamed|"
                      r"compiled|filmed|recorded|shot|produced|prepared|written|commissioned|"
                      r"captured|collected|gathered|kept|conducted|carried\s+out|made|"
                      r"drawn\s+up|performed|submitted|issued|filed|signed|drafted|authored|"
                      r"maintained|operated|run")
_RELEASED_BY = (r"(?P<what>(?:[\w\u2019'-]+\s+){{0,3}}?(?:{nouns}))"
                # "interviews with 40 workers conducted by X": what the material is of
                r"(?:\s+(?:with|of|from|on)\s+[^,;]{{1,60}}?)?\s*,?\s+"
                rf"(?P<verb>{_RELEASED_BY_VERBS})"
                # where or when, or for whom: "online", "on Monday", "inside the plant's
                # office", "on its behalf" (no comma, at most six words)
                # (two of them: "posted online in October by X")
                r"(?:\s+(?:online|publicly|(?:on|in|inside|at|during|between|over|for|last|"
                # (not past "and seen": "posted on X's site and seen by the Gazette")
                r"earlier)\s+(?:(?!and\s+[a-z]+(?:ed|en|wn)\b)[^,;]){{1,40}}?)){{0,2}}"
                # "shot on phones and posted online, apparently by X": a second participle, and
                # a hedge before the maker
                rf"(?:\s+and\s+(?:{_RELEASED_BY_VERBS})(?:\s+(?:online|publicly|on\s+[^,;]{{{{1,40}}}}?))?)?"
                r"(?:,?\s+(?:apparently|allegedly|reportedly|probably|possibly),?)?"
                # ("by the charity Hands Across Borders (HAB)": its short form with it)
                r"\s+by\s+(?P<who>(?:the\s+)?[\w\u2019'.-]+(?:\s+"
                r"[\w\u2019'.-]+){{0,7}}?(?:\s+\([A-Z][A-Z&]{{1,7}}\))?"
                # ("a board of doctors at the X Hospital", "people at the scene": where they are)
                r"(?:\s+(?:at|of)\s+(?:the\s+)?[\w\u2019'-]+(?:\s+[A-Z][\w\u2019'.&-]*)*)?)"
                r"(?=\s+(?:which|that|who|showing|on|in|at|had|has|or|last|before|after|"
                r"during|with|between|and|show|shows|showed|found|find|finds|suggest|suggests|"
                r"appear|appears|the\s+(?:day|week|night|morning|evening))\b|[,.;]|$)")
# "figures from the tracking firm X", "a report from its embassy": X made the material
_MADE_FROM = (r"(?P<what>(?:[\w\u2019'-]+\s+){{0,3}}?(?:{nouns}))\s+from\s+"
              r"(?P<who>(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:[a-z][\w-]*\s+){{0,3}}"
              r"[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*){{0,4}}"
              # ("an email from the Eskel directorate dated 6 May": the name and its head noun)
              r"(?:(?:\s+[a-z][\w-]*)?\s+(?:directorate|ministry|department|office|agency|"
              r"authority|council|commission|board|police|government|embassy|prosecutors?)"
              r"(?=\s+dated\b))?|"
              r"(?:its|their|his|her)\s+"
              r"(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*|"
              # "readings from the agency's weather station at Holm Point": the agency's
              r"(?P<owner>(?:the\s+)?[a-z][\w-]*)[\u2019']s\s+(?:[\w-]+\s+){{0,2}}?[\w-]+"
              r"(?:\s+(?:at|in|near|on)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?|"
              # "a memorandum from the then chief curator, Willem Osterhout": the name
              r"(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}[a-z][\w-]*,\s+"
              r"(?P<named>[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){{1,3}}))"
              r"(?=[,.;]|\s+(?:which|that|show|shows|"
              r"showed|and|on|in|dated)\b|$)")


# "Emails Holt sent to her managers", "the photos Ana Ruiz took", "outage records, which Pell
# Power filed", "images of the area that X took": material, then a name and a verb of making
# with no "by": the name made it ("a log from a smoke sensor that the Ridge Trust had mounted")
_NAME_MADE = (r"(?P<what>(?:[\w\u2019'-]+\s+){{0,2}}?(?:{nouns})"
              r"(?:\s+of\s+the(?:\s+\w+){{1,2}}?(?=\s+that\s))?)(?:\s+from\s+(?:an?|the)\s+"
              r"(?:[\w-]+\s+){{0,2}}?(?:sensor|camera|station|gauge|monitor|meter)s?)?"
              r"(?:,\s+which\s+|\s+that\s+|\s+)(?:the\s+)?"
              r"(?P<who>[A-Z][\w\u2019'.-]+(?:\s+[A-Z][\w\u2019'.-]+){{0,4}})\s+"
              # ("had mounted" only: "reports that X has sent troops" is what they report)
              r"(?:(?:had|has)\s+(?=mounted|installed))?"
              r"(?P<verb>sent|wrote|took|filmed|recorded|kept|compiled|made|filed|submitted|"
              # ("a video that Ana Ruiz shared with the Gazette": she passed it on)
              r"mounted|installed|shared|provided|supplied|handed)\b")


# "The notice, posted on Norvik Rail's website, ...": the site's owner released it (a named
# owner only: "its website" leaves the owner to the words around it)
_POSTED_ON = (r"(?P<what>(?:[\w\u2019'-]+\s+){{0,3}}?(?:{nouns}))\s*,?\s+"
              r"(?P<verb>posted|published|released|put)\s+(?:online\s+)?on\s+"
              r"(?P<who>(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){{0,4}})[\u2019']s?\s+"
              r"(?:own\s+|official\s+)?(?:website|web\s*site|site|web\s+page|page|account|"
              r"channel|feed)\b")


@cache
def _material(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The "released by", "from" and "NAME sent" patterns over the evidence phrases of the
    lexicon."""
    words = phrase_alternation(phrases)
    nouns = "(?i:" + words + ")"
    return (re.compile(_RELEASED_BY.format(nouns=nouns)),
            re.compile(_MADE_FROM.format(nouns=nouns)), re.compile(_NAME_MADE.format(nouns=nouns)),
            re.compile(_POSTED_ON.format(nouns=nouns)))


# "taken by X", "compiled by X": X made the material; "released by X": X released it
_MADE_BY = {"taken", "compiled", "filmed", "recorded", "shot", "produced", "prepared", "written",
            "commissioned", "captured", "collected", "gathered", "kept", "conducted",
            "carried out", "made", "drawn up", "performed", "submitted", "issued", "filed",
            "signed", "drafted", "authored", "maintained", "operated", "run"}
_NAME_MADE_VERBS = {"sent", "wrote", "took", "filmed", "recorded", "kept", "compiled", "made",
                    "filed", "submitted", "mounted", "installed"}
# "had been compiled from hospital records": the material a result was drawn from
_DRAWN_FROM = re.compile(r"\b(?:compiled|drawn|taken|derived|built)\s+from\s+"
                         r"((?:[\w\u2019'-]+\s+){0,4}?(?:records|data|files|documents|logs|"
                         r"samples|accounts|registers|lists))\b", re.I)
# "The report, which X has reviewed, lists A, B and C": what a document holds
_LISTS = re.compile(r"^(?:The|This|That|Its|Their)\s+(?P<doc>(?:[\w-]+\s+){0,2}?(?:report|study|"
                    r"dossier|document|filing|audit|analysis|file))\b(?:,[^,]*,)?\s+(?:lists|listed|"
                    r"contains|contained|includes|included|details|detailed)\s+"
                    r"(?P<items>.+?)\.?$")
_CREDIT = re.compile(r"^([A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})\s*/\s*"
                     r"([A-Z][\w.&'\u2019 -]*?)(?:\s+via\s+([A-Z][\w.&'\u2019 -]*?))?\s*$")
_TRAILING = re.compile(r"\s+(?:on|via|in|last|to)\s+(?:social media|[A-Z]\w+day|the\s+\w+|"
                       r"X|Facebook|Telegram|its\s+\w+|\w+)(?:\s+(?:night|morning|evening))?.*$")


@dataclass(frozen=True)
class EvidenceFrame:
    """An evidence frame at the start of a claim."""

    removed: int  # characters of the claim text the frame takes up
    kind: str
    description: str
    role: str  # produced | released | cited
    maker: str | None = None  # "logs kept by X": X's words
    hedged: bool = False  # "the footage appeared to support P"


@dataclass
class EvidenceMention:
    """One place where the text presents evidence."""

    kind: str
    description: str
    span: tuple[int, int]
    role: str  # produced | released | cited | released-by | credit
    sentence: int
    actor_text: str | None = None  # who, when named right there ("released by X")
    actor: str | None = None  # actor id, set by the pipeline
    supports: list[int] | None = None  # statement indices, set by the pipeline
    extra: tuple[str, ...] = ()  # credit lines: (photographer, agency, distributor)
    actor_at: int | None = None  # offset of ``actor_text``


def evidence_kind(phrase: str, lex: Lexicon) -> str | None:
    """The kind of evidence ``phrase`` names (the longest lexicon phrase in it), or None."""
    if ARTICLE.search(phrase):
        return "DocumentClause"
    lowered = phrase.lower()
    for key in lex.by_length(lex.evidence):
        if re.search(rf"(?<![\w-]){re.escape(key)}s?(?![\w-])", lowered):  # "audits" too
            return lex.evidence[key]
    return None


def claim_frame(text: str, lex: Lexicon) -> EvidenceFrame | None:
    """An evidence frame at the start of ``text`` ("there was evidence of P"), or None."""
    if match := _THERE_IS.match(text):
        return EvidenceFrame(match.end(), "Evidence", "evidence", "cited")
    if (match := _USED_TO.match(text)) and (kind := evidence_kind(match.group(1), lex)):
        return EvidenceFrame(match.end(), kind, match.group(1), "produced")
    if (match := _found(tuple(lex.evidence)).match(text)) and \
            (kind := evidence_kind(match.group(2), lex)):
        role = "produced" if match.group(1).lower() in {"its", "their", "our", "his", "her"} \
            else "cited"
        # ("readings from the Survey's seismograph network show P": the Survey's)
        source = re.search(r"\sfrom\s+(.+)$", match.group(2))
        if source and _WHEN.match(source.group(1)):
            source = None  # ("images from early November show P": when, not who)
        return EvidenceFrame(match.end(), kind, match.group(2), role,
                             match.group("maker") or (source.group(1) if source else None),
                             bool(match.group("seems")))
    return None


def inline_mentions(text: str, start: int, sentence: int, lex: Lexicon) -> list[EvidenceMention]:
    """Evidence named inside what a speaker said ("had collected accounts from ...")."""
    found = []
    for match in _COLLECTED.finditer(text):
        kind = evidence_kind(match.group(2), lex) or "Evidence"
        role = "produced" if match.group(1).lower() in _PRODUCING else "cited"
        found.append(EvidenceMention(kind, match.group(2), (start + match.start(2),
                                                            start + match.end(2)), role,
                                     sentence))
    for match in _HAVE.finditer(text):  # "we have video of ...": cited by the speaker
        kind = evidence_kind(match.group(1), lex) or "Evidence"
        found.append(EvidenceMention(kind, match.group(1), (start + match.start(1),
                                                            start + match.end(1)), "cited",
                                     sentence))
    for match in _DRAWN_FROM.finditer(text):  # "compiled from hospital records": cited
        found.append(EvidenceMention(evidence_kind(match.group(1), lex) or "Evidence",
                                     match.group(1), (start + match.start(1),
                                                      start + match.end(1)), "cited", sentence))
    for match in _RESULT_IN.finditer(text):
        role = "produced" if match.group("own") else "cited"
        found.append(EvidenceMention(evidence_kind(match.group("test"), lex) or "Evidence",
                                     match.group("test"), (start + match.start("test"),
                                                           start + match.end("test")), role,
                                     sentence))
    for match in _RECORDED.finditer(text):
        phrase = match.group(1)
        if match.start(1) == 0 and not re.match(r"(?i)(?:an?|the|its|their|our|his|her)\s",
                                                phrase) and \
                re.match(r"\s+(?:the|that|which|[A-Z])", text[match.end(1):]):
            continue  # ("Strain sensors the department installed recorded P": who made it)
        kind = evidence_kind(phrase, lex) or ("Video" if "camera" in phrase.lower() else
                                              "Evidence")
        # ("its own monitoring system registered P": the speaker's own instrument)
        role = "produced" if re.match(r"(?i)(?:its|their|our|his|her)\s", phrase) else "cited"
        found.append(EvidenceMention(kind, phrase, (start + match.start(1),
                                                    start + match.end(1)), role, sentence))
    for match in ARTICLE.finditer(text):
        found.append(EvidenceMention("DocumentClause", match.group(0),
                                     (start + match.start(), start + match.end()), "cited",
                                     sentence))
    return found


def object_mention(text: str, start: int, sentence: int, role: str,
                   lex: Lexicon) -> EvidenceMention | None:
    """The evidence a release or cite verb takes as its object, if it names any."""
    description = _TRAILING.sub("", text.strip(" ,.")) if role != "cited" else \
        text.strip(" ,.")
    description = re.split(r"\s+(?:appearing|showing|marking|that|which|purportedly)\b",
                           description)[0]
    to_whom = re.match(r"(?:with|to|for)\s+(?:the\s+)?[A-Z][\w\u2019'.&-]*"
                       r"(?:\s+[A-Z][\w\u2019'.&-]*)*", description)
    if to_whom and evidence_kind(description[to_whom.end():], lex) is None:
        return None  # ("shared with Maritime Ledger": whom it went to, not what)
    kind = evidence_kind(description, lex)
    if kind is None:
        return None
    return EvidenceMention(kind, description, (start, start + len(description)), role, sentence)


def shown_claim(text: str, after: int) -> tuple[int, int] | None:
    """``... images appearing to show P``: the offsets of P in ``text`` (from ``after``)."""
    match = _SHOWING.search(text, after)
    if not match:
        return None
    end = len(text.rstrip(" .;"))
    return (match.end(), end) if end > match.end() else None


# ("written evidence published by the committee": a witness's submission, not its material)
_TESTIMONY = re.compile(r"(?i)\b(?:written|oral)\s+evidence\b")


def released_by(text: str, start: int, sentence: int, lex: Lexicon) -> list[EvidenceMention]:
    """``satellite images released by X``: evidence released by the actor named."""
    found = []
    by, made_from, name_made, posted_on = _material(tuple(lex.evidence))
    posted = posted_on.finditer(text) if re.search(r"\s(?:posted|published|released|put)\s+"
                                                   r"(?:online\s+)?on\s", text) else ()
    for match in [*by.finditer(text), *made_from.finditer(text), *name_made.finditer(text),
                  *posted]:
        kind = evidence_kind(match.group("what"), lex)
        if kind and not _TESTIMONY.search(match.group("what")):
            phrase = match.group("what").strip()
            lowered = phrase.lower()
            at = min((m.start() for k in lex.evidence if (m := re.search(  # (whole words:
                rf"(?<![\w-]){re.escape(k)}s?(?![\w-])", lowered))), default=0)  # not "studying")
            phrase_start = start + match.start("what") + at
            verb = re.sub(r"\s+", " ", (match.groupdict().get("verb") or "from").lower())
            role = "produced" if verb in _MADE_BY | _NAME_MADE_VERBS or verb == "from" \
                else "released-by"
            # ("readings from the agency's weather station": the station's owner made them)
            who = next((g for g in ("owner", "named") if match.groupdict().get(g)), "who")
            found.append(EvidenceMention(kind, phrase[at:], (phrase_start, phrase_start +
                                                             len(phrase) - at),
                                         role, sentence, actor_text=match.group(who),
                                         actor_at=start + match.start(who)))
    return found


# "The samples were analysed by Harwick Labs.": material named before, and who made it, in a
# sentence of its own
_MADE_LATER = re.compile(
    r"^(?P<what>(?:The|These|Those)\s+(?:[\w\u2019'-]+\s+){0,2}?[\w-]+)\s+(?:was|were|had\s+been|"
    r"have\s+been|has\s+been)\s+(?:(?:all|independently|first)\s+)?(?P<verb>carried\s+out|"
    r"conducted|performed|analy[sz]ed|tested|taken|collected|compiled|prepared|submitted|run|"
    r"done|made|commissioned)\s+(?:[^,;]{1,30}?\s+)?by\s+(?P<who>(?:the\s+)?[A-Z][\w\u2019'.&-]*"
    r"(?:\s+(?:[A-Z][\w\u2019'.&-]*|of|for))*)(?=[,.;]|\s+(?:in|on|at|last|between|during)\b)")


def made_later(text: str, start: int, sentence: int, lex: Lexicon) -> list[EvidenceMention]:
    """``The samples were analysed by Harwick Labs.``: the material a definite noun names,
    made by the body named (the pipeline joins it to the material mentioned before;
    "commissioned by" names who paid for it, not who made it, and is left out)."""
    match = _MADE_LATER.match(text)
    if match is None or match.group("verb") == "commissioned" or \
            (kind := evidence_kind(match.group("what"), lex)) is None:
        return []
    return [EvidenceMention(kind, match.group("what"), (start, start + match.end("what")),
                            "produced", sentence, actor_text=match.group("who"),
                            actor_at=start + match.start("who"))]


def performed_at(text: str, start: int, sentence: int, lex: Lexicon) -> list[EvidenceMention]:
    """``DNA testing at the Varne Institute's laboratory``: a test made by the body
    named (for the laboratory's owner, the owner)."""
    found = []
    for match in _PERFORMED_AT.finditer(text):
        lowered = match.group("what").lower()
        kind = evidence_kind(match.group("what"), lex)
        keys = [lowered.find(k) for k in lex.evidence
                if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", lowered)]
        if kind is None and (test := re.search(r"\btest(?:s|ing)$", lowered)) and re.search(
                r"\b(?:Laborator(?:y|ies)|Labs?|Institute|Hospital|Clinic|Cent(?:re|er))\b",
                match.group("who")):  # ("tests at the X Laboratory found P": "tests" alone is
            # no lexicon phrase, but tests made at a laboratory named are its material)
            kind, keys = "Evidence", [test.start()]
        if kind:  # the words from the evidence phrase on ("after genome sequencing")
            at = match.start() + min(keys, default=0)
            found.append(EvidenceMention(kind, text[at:match.end()], (start + at,
                                                                      start + match.end()),
                                         "produced", sentence, actor_text=match.group("who"),
                                         actor_at=start + match.start("who")))
    return found


def listed_in(text: str, start: int, sentence: int, lex: Lexicon) -> list[EvidenceMention]:
    """``The report ... lists A, B and C``: the document (role ``cited``, no actor) and each
    listed item that names evidence (role ``listed``: part of the document, from whoever
    produced it)."""
    match = _LISTS.match(text)
    if not match:
        return []
    found = [EvidenceMention("Document", match.group("doc"), (start + match.start("doc"),
                                                              start + match.end("doc")),
                             "cited", sentence)]
    at = match.start("items")
    for item in re.split(r",\s+(?:and\s+)?|\s+and\s+(?=(?:more|about|some|several|\d))",
                         match.group("items")):
        offset = text.index(item, at)
        at = offset + len(item)
        kind = evidence_kind(item, lex)
        if kind and item.strip():
            found.append(EvidenceMention(kind, item.strip(), (start + offset, start + at),
                                         "listed", sentence))
    return found


def credit_line(text: str, start: int, sentence: int) -> EvidenceMention | None:
    """A photo credit ("Vladimir SMIRNOV/AFP via Getty Images"), or None."""
    match = _CREDIT.match(text.strip())
    if not match or len(text.split()) > 10:
        return None
    photographer, agency, distributor = (g.strip() if g else "" for g in match.groups())
    return EvidenceMention("Photograph", f"Photograph credited {text.strip()}",
                           (start, start + len(text.strip())), "credit", sentence,
                           extra=(photographer, agency, distributor))


__all__ = ["ARTICLE", "EvidenceFrame", "EvidenceMention", "claim_frame", "credit_line",
           "evidence_kind", "inline_mentions", "listed_in", "object_mention", "performed_at",
           "released_by",
           "shown_claim"]
