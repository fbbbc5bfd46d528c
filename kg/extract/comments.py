"""Comment requests: "Newsweek contacted the ministry via email", "X did not respond to a
request for comment", "It had not replied by the time of publication".

A request is made by the publisher. A sentence that only says that someone declined to
comment (or to give details: "declined to give a timeline") or could not be reached is never
a claim, whether or not its subject resolves. Whether a response was reported is true when the text
quotes or paraphrases a reply ("in an emailed reply to questions from the Ledger", "declined
to comment"), false when it says there was none, and false by default.
"""

from __future__ import annotations

import re

from kg.extract.model import CommentRequestRecord
from kg.extract.refusals import REFUSED
from kg.extract.sentences import Sentence
from kg.extract.statements import Context

_CHANNEL = r"(?:\s+(?:via|by|through)\s+(?:an?\s+)?(?P<channel>email|e-mail|telephone|phone|" \
           r"text message|letter|social media|messaging app))?"
# ("X has reached out to Y for comment on the logs and will update this story with any
# response": the request, what it was about, and the promise to print the answer)
_ASKED = re.compile(r"^(?P<by>.+?)\s+(?:(?:has|have|had)\s+)?(?:contacted|asked|reached out to|"
                    r"emailed|called|messaged|approached|sent\s+questions\s+to|"
                    r"put\s+questions\s+to)\s+"
                    r"(?P<to>(?:the\s+)?[\w\u2019'.-]+(?:\s+(?!on\s)[\w\u2019'.-]+){0,6}?)"
                    r"(?:,[^,]+,)?(?:\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                    r"Sunday))?"  # ("sent questions to X on Wednesday"): when, not whom
                    # ("contacted X via email for comment": the channel before the purpose too)
                    r"(?:\s+(?:via|by|through)\s+(?:an?\s+)?(?P<early>email|e-mail|telephone|phone|"
                    r"text message|letter|social media|messaging app)(?=\s+for\s))?"
                    r"(?:\s+for\s+(?:further\s+|additional\s+)?(?:comment|a comment|a response|"
                    r"its response|their response|his response|her response)"
                    r"(?:\s+on\s+[^,;]{1,60}?)?)?"
                    # ("asked the ministry about the difference", "asked X for the original
                    # file": a question or a request put by the publisher, as for comment)
                    r"(?:\s+(?:about|for)\s+(?:the|its|their|his|her|a|an)\s+[^,;]{1,80}?)?" +
                    _CHANNEL +
                    r"(?:,?\s+and\s+will\s+update\s+(?:this|the)\s+(?:story|article|"
                    r"report)\b[^,;]*?)?"
                    # ("... but had not received a reply by the time of publication")
                    # ("... and had received no reply by the time of publication")
                    r"(?P<none>,?\s+(?:but|and)\s+(?:(?:had|has|did)\s+not\s+(?:yet\s+)?(?:received|"
                    r"had|heard|got)|(?:had|has)\s+(?:received|had|heard)\s+no)\b[^,;]*?)?\s*\.?$")
# "The trust has been approached for further comment": a passive names no asker; in the
# writer's own sentence the asker is the publisher
_ASKED_PASSIVE = re.compile(r"^(?P<to>.+?)\s+(?:has|have|had|was|were)\s+been\s+(?:contacted|"
                            r"approached|asked|emailed)\s+for\s+(?:further\s+)?(?:comment|"
                            r"a\s+comment|a\s+response)\b[^,;]*?\.?$")
_NO_REPLY = re.compile(r"^(?P<to>.+?)\s+(?:did not|didn't|didn\u2019t|has not|had not|have not|"
                       r"hasn't|hasn\u2019t)\s+(?:immediately\s+)?(?:respond|reply|replied|responded|"
                       r"return)(?:ed)?\s+(?:to\s+)?(?:an?\s+|our\s+|the\s+|several\s+)?"
                       # "to the Review's request": the publisher's
                       r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*[\u2019']s\s+)?"
                       r"(?:requests?|calls?|emails?|messages?|questions?)")
_NOT_YET = re.compile(r"^(?:It|He|She|They|The \w+)\s+(?:had not|has not|did not|hadn't|"
                      r"hadn\u2019t|hasn't|hasn\u2019t|didn't|didn\u2019t)\s+(?:yet\s+)?(?:replied|responded|"
                      r"reply|respond)")
_DECLINED = re.compile(r"^(?P<to>.+?)\s+declined\s+to\s+comment")
# The whole sentence is a refusal or an absence: "X declined to comment.", "X refused to
# comment on the eviction.", "X could not be reached for comment." (kg/extract/refusals.py)
_REFUSED = REFUSED
_REPLY_TO = re.compile(r"\bin an? (?P<channel>emailed|written|telephone)?\s*(?:reply|response|"
                       r"answer)s?\s+to\s+questions\s+from\s+(?P<by>(?:the\s+)?[A-Z][\w ]+?)"
                       r"(?=\s+on\s|[,.]|$)")


def read_requests(ctx: Context, sent: Sentence) -> bool:
    """Add the comment requests ``sent`` reports to ``ctx``; True if it reports one (the
    sentence is then not a claim of its own)."""
    publisher = ctx.publisher
    text = sent.text
    if publisher is None:
        return False
    if match := _ASKED.match(text):
        by = ctx.table.resolve(match.group("by"), sent.start, sentence=sent.index, initial=True)
        if by is not None and (by.id == publisher.id or _desk(match.group("by"), publisher.name)):
            to = ctx.table.resolve(match.group("to"), sent.start + match.start("to"),
                                   sentence=sent.index)
            if to is not None:
                _add(ctx, to.id, sent, match.group("channel") or match.group("early"), False)
                return True
    if (match := _ASKED_PASSIVE.match(text)) and (to := ctx.table.resolve(
            match.group("to"), sent.start, sentence=sent.index, initial=True)) is not None:
        _add(ctx, to.id, sent, None, False)
        return True
    if (match := _NO_REPLY.match(text)) or (match := _DECLINED.match(text)):
        to = ctx.table.resolve(match.group("to"), sent.start, sentence=sent.index, initial=True)
        if to is not None and to.id != publisher.id:
            answered = match.re is _DECLINED
            existing = next((r for r in ctx.requests if r.to == to.id), None)
            if existing:
                existing.response_reported = answered
            else:
                _add(ctx, to.id, sent, None, answered)
            return True
    if match := _REFUSED.match(text):
        # not a claim even when the phrase names no actor the rules can resolve ("The
        # clinic", a place named only before); a resolved actor gets the request recorded
        to = ctx.table.resolve(match.group("to"), sent.start, sentence=sent.index, initial=True)
        if to is not None and to.id != publisher.id:
            _add(ctx, to.id, sent, None, "reached" not in match.group(0))
        return True
    if _NOT_YET.match(text) and ctx.requests and sent.index - ctx.last_request_sentence <= 1:
        ctx.requests[-1].response_reported = False
        return True
    return False


def _desk(phrase: str, publisher: str) -> bool:
    """Whether ``phrase`` names a desk of the publisher by the brand's first word and the
    desk's own word ("Northline Verify" of Northline News, "Harlow Investigates" of the Harlow
    Courier): a house's team asks in the house's name (not "Harlow Police", another body)."""
    words, brand = phrase.split(), publisher.removeprefix("The ").split()
    return len(words) == 2 and len(brand) >= 2 and words[0] == brand[0] and \
        words[1] in _DESKS


# the words a news house's verification or investigations desk is named by
_DESKS = frozenset({"Verify", "Verified", "Investigates", "Investigations", "Factcheck",
                    "FactCheck", "Check", "Data", "Insight", "Forensics"})


def replies(ctx: Context, sent: Sentence, speaker: str) -> None:
    """"X rejected that, in an emailed reply to questions from the Ledger": a request by the
    publisher that X answered."""
    publisher = ctx.publisher
    match = _REPLY_TO.search(sent.text)
    if publisher is None or not match:
        return
    by = ctx.table.resolve(match.group("by"), sent.start + match.start("by"),
                           sentence=sent.index)
    if by is None or by.id != publisher.id or speaker == publisher.id:
        return
    channel = "email" if match.group("channel") == "emailed" else match.group("channel")
    if not any(r.to == speaker for r in ctx.requests):
        _add(ctx, speaker, sent, channel, True)


def _add(ctx: Context, to: str, sent: Sentence, channel: str | None, answered: bool) -> None:
    assert ctx.publisher is not None
    channel = {"e-mail": "email", "phone": "telephone"}.get(channel or "", channel)
    if (existing := next((r for r in ctx.requests if r.to == to), None)) is not None:
        # (asked twice, as "X did not say which P. The Courier asked X about Q.": one
        # request to X in the case, and what the latest sentence says of the answer)
        existing.response_reported = answered
        existing.channel = existing.channel or channel
        ctx.last_request_sentence = sent.index
        return
    ctx.requests.append(CommentRequestRecord(
        by=ctx.publisher.id, to=to, span=(sent.start, sent.end), channel=channel,
        response_reported=answered, confidence=0.8))
    ctx.table.mark_used(to)
    ctx.table.mark_used(ctx.publisher.id)
    ctx.last_request_sentence = sent.index


__all__ = ["read_requests", "replies"]
