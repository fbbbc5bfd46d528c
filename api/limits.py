"""How large an article the extraction takes, from ``kg extract`` and from ``POST /extract``
alike (one module both import, without the extractor or the web framework)."""

from __future__ import annotations

__all__ = ["MAX_ARTICLE_BYTES"]

#: The largest article, in bytes of UTF-8 text: a news article is a few tens of kilobytes, and
#: the rules' time grows with the text.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
