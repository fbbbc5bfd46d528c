"""A negation fronted before an inverted verb: "At no point was any passenger in danger",
"At no time were the locks opened", "Never has the dam failed". The negation stands before the
clause, so the negation cues of ``denial_cues.tsv`` (read in the main clause, where "no" after
"at" is no negative subject) missed it and the sentence was read as affirming that at no point
was anyone in danger. The speaker denies the clause put back in its plain order: "Any
passenger was in danger".

Example:
    >>> fronted_negation("at no point was any passenger in danger")
    'any passenger was in danger'
"""

from __future__ import annotations

import re

_FRONTED = re.compile(r"^(?:at\s+no\s+(?:point|time|stage|moment)|in\s+no\s+way|"
                      r"under\s+no\s+circumstances|on\s+no\s+occasion|never|nowhere)"
                      r"(?:\s+(?:before|since|then|yet))?,?\s+"
                      r"(?P<aux>was|were|is|are|has|have|had|did|does|do|could|would|can|will)\s+"
                      r"(?P<rest>.+)$", re.I | re.S)
# where the subject ends: a preposition, a participle, an adjective of state or a verb's bare
# form after "did"/"has" ("was any passenger | in danger", "were the locks | opened")
_PREDICATE = re.compile(r"\s+(?=(?:in|at|on|under|near|within|beyond|out|into|at|to|from|"
                        r"exposed|harmed|affected|involved|aware|able|safe|unsafe|close|"
                        r"[a-z]+ed|[a-z]+en|[a-z]+ing)\b)")
_MAX_SUBJECT = 5  # words: a longer stretch is no subject this rule can find


def fronted_negation(text: str) -> str | None:
    """``text`` with a fronted negation dropped and its clause in plain order, or None when it
    opens with no fronted negation (or its subject cannot be told from its predicate)."""
    match = _FRONTED.match(text.strip())
    if match is None:
        return None
    rest = match.group("rest")
    split = _PREDICATE.search(rest)
    if split is None or not 0 < len(rest[:split.start()].split()) <= _MAX_SUBJECT:
        return None
    # ("never did the crew leave": "the crew did leave")
    return f"{rest[:split.start()]} {match.group('aux').lower()} {rest[split.end():]}"


__all__ = ["fronted_negation"]
