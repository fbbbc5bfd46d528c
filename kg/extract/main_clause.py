"""The main clause of a sentence, where a negation counts for the stance: "If the board wanted
weekly checks, that was never put to us" denies only what follows the leading clause, and "the
wall collapsed after workers did not replace the bolts" affirms that the wall collapsed.

The words left out are blanked, not cut, so that offsets into the main clause are offsets into
the sentence.

Example:
    >>> main_clause("The valve, which was not replaced, failed on Monday").split()
    ['The', 'valve', 'failed', 'on', 'Monday']
    >>> main_clause("If the board wanted weekly checks, that was never put to us").split()
    ['that', 'was', 'never', 'put', 'to', 'us']
"""

from __future__ import annotations

import re

# "If the board wanted weekly checks, that was never put to us": a clause before the main one
_LEADING_CLAUSE = re.compile(r"^(?:if|unless|even\s+if|although|though|while|whereas|once|"
                             r"because)\s[^,]{1,80},\s+", re.I)
# "The firm's records, leaked to the Gazette, show no ...": a participle or relative clause
# set off by commas after the subject; joined by "and" too ("A confession recorded by its
# jailers, and broadcast before any trial, is not evidence")
_PARENTHETICAL = re.compile(r",\s+(?:(?:and|or)\s+)?(?:which|who|whose|\w+ed)\b[^,]{0,80},")
# "lost so much pressure that they can no longer be used": the result clause is not the main
_RESULT = re.compile(r"\s(?:so|such)\s(?:[\w-]+\s){0,3}?that\s")


# "on a valve that had not been replaced", "the pipe that did not hold": "that" after a noun
# of a noun phrase opened by a determiner, straight before an auxiliary, opens a relative
# clause (a "that" introducing a clause has its subject next: "found that the valve had")
_RELATIVE_THAT = re.compile(
    # (or after a preposition, a noun with no determiner: "explained by sales that never
    # left the group")
    r"\b(?:a|an|the|this|these|those|its|their|his|her|our|every|any|each|one|"
    r"(?<=by\s)|(?<=of\s)|(?<=from\s)|(?<=with\s)|(?<=for\s))\s*"
    r"(?:[\w-]+\s+){0,3}?(?!(?:said|says|say|found|finds|shows?|showed|knew|knows?|"
    r"believed?|believes|thought|thinks?|claimed|claims?|is|was|are|were)\s)[\w-]+\s+"
    r"(that)\s+(?=(?:had|has|have|did|does|do|was|were|is|are|could|would|will|can|should|"
    r"may|might|must|never|not)\b)", re.I)

# "acquired a capability they did not have": a relative clause with no "that", its pronoun
# subject straight after the noun (not after a verb of telling: "told the court they had never
# met" reports what they said)
_CONTACT_RELATIVE = re.compile(
    r"(?<!\btold\s)(?<!\btell\s)(?<!\btells\s)(?<!\bwarned\s)(?<!\bassured\s)"
    r"(?<!\binformed\s)(?<!\breminded\s)(?<!\bconvinced\s)"
    r"\b(?:a|an|the|this|these|those|every|any|each)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+"
    r"(they|he|she|it|we|you|I)\s+(?=(?:did|do|does|had|has|have|could|would|can|will)\s*"
    r"(?:not\b|n[\u2019']t\b)|never\b)", re.I)


def main_clause(text: str) -> str:
    """The words of the main clause, where a negation counts: after a leading adverbial
    clause, without a parenthetical after the subject, up to the first comma, relative or
    result clause. The words left out before its end are blanked, not cut, so that offsets
    into it are offsets into ``text``."""
    if lead := _LEADING_CLAUSE.match(text):
        text = " " * lead.end() + text[lead.end():]
    text = _PARENTHETICAL.sub(lambda m: " " * len(m.group(0)), text, count=1)
    if result := _RESULT.search(text):
        text = text[:result.start()]
    # (a negation in a time or contrast clause is that clause's: "the wall collapsed after
    # workers did not replace the bolts" affirms that it collapsed so)
    text = re.split(r",|\s(?:which|who|where|because|although|though|after|before|when|while|"
                    r"whilst|once|unless|whereas)\s", text, maxsplit=1)[0]
    if relative := _RELATIVE_THAT.search(text):  # "a valve that had not been replaced"
        text = text[:relative.start(1)]
    if relative := _CONTACT_RELATIVE.search(text):  # "a capability they did not have"
        text = text[:relative.start(1)]
    return text


__all__ = ["main_clause"]
