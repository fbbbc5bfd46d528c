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
_SECRET_WORD = re.compile(r"token|key|secret|password|auth", re.IGNORECASE)
_START = re.compile(r"[?&]")
_NAME_END = re.compile(r"[=&#]")
_VALUE_END = re.compile(r"[&#]")


def redact_query(path: str) -> str:
    """``path`` with the values of secret-looking query parameters replaced.

    A parameter starts at each ``?`` or ``&``; its name runs to the next ``=``, ``&`` or ``#``.
    One pass, so linear in the path's length: the access log writes paths of up to a
    mebibyte (:data:`api.app.MAX_READ_URL_BYTES`), and a single regular expression that
    searched each name for the secret words was quadratic ("?" + "key" * 8000: 0.45 s).
    """
    if "?" not in path:
        return path
    parts: list[str] = []
    done = pos = 0
    while (start := _START.search(path, pos)) is not None:
        name_end = _NAME_END.search(path, start.end())
        end = name_end.start() if name_end else len(path)
        if end < len(path) and path[end] == "=" and _SECRET_WORD.search(path, start.end(), end):
            value_end = _VALUE_END.search(path, end + 1)
            stop = value_end.start() if value_end else len(path)
            parts += [path[done : end + 1], "[redacted]"]
            done = pos = stop
        else:
            # A "?" later in this name starts a name that ends here too: no need to try it.
            pos = end
    return "".join(parts) + path[done:]


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
