"""Keep secrets out of uvicorn's access log.

The write token travels in the ``Authorization`` header, which the access log never shows;
but a client may also try RFC 6750's ``?access_token=`` (which the service does not accept),
and the access log writes every request's query string. :class:`RedactSecrets` blanks the
value of any query parameter whose name says it holds a secret before the line is written.

Example:
    >>> redact_query("/claims?access_token=s3cret&status=corroborated")
    '/claims?access_token=[redacted]&status=corroborated'
"""

from __future__ import annotations

import logging
import re

# Parameter names that hold secrets: token, access_token, api_key, password, ...
_SECRET = re.compile(r"(?i)([?&][^=&#]*(?:token|key|secret|password|auth)[^=&#]*=)[^&#]*")


def redact_query(path: str) -> str:
    """``path`` with the values of secret-looking query parameters replaced."""
    return _SECRET.sub(r"\1[redacted]", path) if "?" in path else path


class RedactSecrets(logging.Filter):
    """A filter for ``uvicorn.access``, whose records' args are (client, method, path,
    HTTP version, status)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], redact_query(args[2]), *args[3:])
        return True


def install() -> None:
    """Add the filter to uvicorn's access logger, once."""
    logger = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactSecrets) for f in logger.filters):
        logger.addFilter(RedactSecrets())


__all__ = ["RedactSecrets", "install", "redact_query"]
