"""From article text to a draft case: who said what, with which stance, on what evidence.

Rules, not a statistical model: a reporting-verb lexicon with default stances, cue lists for
hedging, denial, conditionals, relays and settings, patterns for titles and affiliations, and
sentence-level coreference. The lexicons are data files in ``kg/extract/lexicons/`` that a
user can read and extend (:func:`~kg.extract.lexicon.load_lexicon`). Nothing is downloaded,
and nothing but the text is read.

The draft is a case file in the authoring format (``docs/authoring.md``): it compiles and
loads as it is, and every item carries the character offsets of the words it was read from
and a confidence, so that an analyst can check it against the text. See
``docs/extraction.md``.

Example:
    >>> draft = extract('"The fire did not start here," the company said.',
    ...                 publisher="The Daily Example")
    >>> [(s.actor, s.stance, s.claim_text) for s in draft.statements]
    [('company', 'denies', 'The fire did start here.')]
    >>> "stance: denies" in draft_yaml(draft)
    True
"""

from __future__ import annotations

from kg.extract.draft import draft_to_dict, draft_yaml
from kg.extract.html import html_to_text, looks_like_html
from kg.extract.lexicon import LEXICON_DIR, Lexicon, load_lexicon
from kg.extract.model import Draft
from kg.extract.pipeline import DEFAULT_THRESHOLD, extract

__all__ = ["DEFAULT_THRESHOLD", "LEXICON_DIR", "Draft", "Lexicon", "draft_to_dict",
           "draft_yaml", "extract", "extract_document", "html_to_text", "load_lexicon"]


def extract_document(raw: str, *, source: str = "<text>", **options: object) -> Draft:
    """:func:`extract` for a text or a saved HTML page: HTML is reduced to text first, and its
    ``og:site_name`` and its headline (``og:title``, the first ``<h1>``, else ``<title>``) fill
    in the publisher and the title when not given.

    The draft's offsets refer to the text (``draft.text``), not to the HTML.
    """
    text = raw
    if looks_like_html(raw):
        text, meta = html_to_text(raw)
        if options.get("publisher") is None:
            options["publisher"] = meta.get("og:site_name")
        if options.get("title") is None:
            # (the headline itself before the <title>, which often ends "| Site name")
            options["title"] = meta.get("og:title") or meta.get("h1") or meta.get("title")
    return extract(text, source=source, **{k: v for k, v in options.items()  # type: ignore[arg-type]
                                           if v is not None})
