"""Sentences that say someone spoke without saying what: "A second spokeswoman, Ana Holt,
gave a different account.", "The union offered another version of events." News writing puts
such a sentence before the account itself ("She told Radio Nord that P"): it announces speech
whose content the next sentences give, and states nothing the writer vouches for. Read as the
writer's own voice, it was a statement of the publisher's that no one made.

Example:
    >>> bool(ACCOUNT_ONLY.search("A spokeswoman, Ana Holt, gave a different account."))
    True
    >>> bool(ACCOUNT_ONLY.search("Ana Holt gave a different account of the fire to police."))
    False
    >>> bool(ACCOUNT_ONLY.search("Outside engineers urged caution."))
    True
"""

from __future__ import annotations

import re

# "gave a different account", "offered a conflicting version of events", "told a different
# story": the verb, an indefinite article, an adjective of comparison, the noun, and at most
# "of events" or "of what happened" before the sentence's end (more words say what the
# account was about, or to whom, and are left to the other rules)
ACCOUNT_ONLY = re.compile(r"\s(?:gave|gives|offered|offers|provided|provides|told|tells|had)\s+"
                          r"(?:a|an)\s+(?:(?:very|quite|rather|slightly|markedly)\s+)?"
                          r"(?:different|conflicting|contrasting|contradictory|similar|"
                          r"another|other|separate|rival|competing|fuller|more\s+detailed)\s+"
                          r"(?:account|version|explanation|story|picture)"
                          r"(?:\s+of\s+(?:events|what\s+happened))?\s*\.?$|"
                          # ("Outside experts urged caution.": the next sentences give the
                          # caution in their words)
                          r"\s(?:urged|urge|urges|counselled|counseled|counsel|counsels)\s+"
                          r"caution\s*\.?$|\ssounded\s+a\s+(?:note|word)\s+of\s+caution\s*\.?$")

__all__ = ["ACCOUNT_ONLY"]
