"""A SPARQL 1.1 Protocol client with a deadline per request that covers the whole answer.

Standard library only (:mod:`http.client`), for three reasons:

- a *total* deadline: before every read of the answer the socket's timeout is set to the time
  left, so a slow endpoint that trickles a large result still stops at the deadline (a
  per-read timeout, as urllib and httpx give, would let it run on);
- answers are streamed: the caller parses rows as they arrive and may stop early (the
  connection is then closed, which is how a client tells the endpoint to stop);
- nothing but the configured URLs (query, update, and the opt-in bulk URL) is ever contacted:
  redirects are not followed (a 3xx is an error that names the new location) and no proxy is
  consulted.

Queries are sent as URL-encoded forms (SPARQL 1.1 Protocol, section 2.1.2: Virtuoso 7.2 never
answers a query sent as an ``application/sparql-query`` body) and updates as
``application/sparql-update`` bodies (section 2.2.2), which every server tried accepts and
which are not inflated by URL encoding. A query string already in the configured URL (an
access token, a repository option) is kept.

Example:
    >>> client = SparqlClient("http://127.0.0.1:7878/query")
    >>> client.update_url
    'http://127.0.0.1:7878/update'
    >>> SparqlClient("https://example.org/sparql").update_url
    'https://example.org/sparql'
"""

from __future__ import annotations

import http.client
import io
import math
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

#: Seconds to wait for a TCP (and TLS) connection to the endpoint.
CONNECT_TIMEOUT = 10.0
_MAX_MESSAGE = 300


class EndpointError(OSError):
    """The endpoint could not be reached, or answered with an error other than a bad request."""


class BadRequest(ValueError):
    """The endpoint answered 400: it refused the query or update text.

    ``message`` is the first line of the endpoint's explanation, shortened.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DeadlineExceeded(TimeoutError):
    """The request ran past its deadline; the connection was closed."""


@dataclass(frozen=True)
class _Url:
    scheme: str
    host: str
    port: int | None
    target: str  # path and query string, as sent in the request line

    @classmethod
    def parse(cls, url: str) -> _Url:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{url!r} is not an http(s) URL")
        if parts.username or parts.password:
            raise ValueError(f"{display_url(url)}: credentials in the URL are not supported")
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return cls(parts.scheme, parts.hostname, parts.port, target)


def display_url(url: str) -> str:
    """The URL without its query string (which may hold an access token), for messages.

    Example:
        >>> display_url("https://qlever.example/api?access-token=secret")
        'https://qlever.example/api'
        >>> display_url("http://[::1]:7878/query")
        'http://[::1]:7878/query'
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 address, bracketed again (urlsplit's hostname drops them)
        host = f"[{host}]"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def default_update_url(query_url: str) -> str:
    """The update URL to use when none is given: ``.../query`` becomes ``.../update`` (the
    convention of Oxigraph and Fuseki); any other URL serves both (Virtuoso, Neptune, QLever).
    """
    parts = urlsplit(query_url)
    if parts.path.endswith("/query"):
        return parts._replace(path=parts.path[: -len("query")] + "update").geturl()
    return query_url


class Answer(io.RawIOBase):
    """The body of an answer, readable as a stream until the deadline; closes the connection.

    Attributes:
        content_type: the media type of the answer, without parameters, in lower case.
    """

    def __init__(
        self,
        connection: http.client.HTTPConnection,
        response: http.client.HTTPResponse,
        deadline: float | None,
        late: str = "the endpoint did not answer in time",
    ) -> None:
        super().__init__()
        self._late = late
        self._connection = connection
        self._response = response
        self._deadline = deadline
        media = response.getheader("Content-Type") or ""
        self.content_type = media.split(";")[0].strip().lower()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        if self.closed:
            raise ValueError("the answer is closed")
        # (a memoryview from a buffered reader, a bytearray from RawIOBase.read)
        view = memoryview(buffer)
        try:
            _arm(self._connection, self._deadline)
            # read1: at most one read of the socket, so that the next call re-arms the
            # deadline (readinto would loop over reads, each with a fresh timeout).
            data = self._response.read1(len(view))
        except TimeoutError:
            self.close()
            raise DeadlineExceeded(self._late) from None
        view[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            # Closing the connection is how a client stops a query it no longer wants.
            self._response.close()
            self._connection.close()
        super().close()


class SparqlClient:
    """Talks to one SPARQL 1.1 endpoint: a query URL and an update URL.

    Args:
        query_url: where queries go.
        update_url: where updates go; by default :func:`default_update_url`.
        timeout: default deadline of a request, in seconds (``None`` or ``math.inf``: no
            deadline).
        bulk_url: where :meth:`post_nquads` sends N-Quads (an opt-in, non-standard loader
            such as ``oxigraph serve``'s ``/store?no_transaction``); ``None``: no such URL.
    """

    def __init__(
        self,
        query_url: str,
        update_url: str | None = None,
        *,
        timeout: float | None = None,
        bulk_url: str | None = None,
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url or default_update_url(query_url)
        self.bulk_url = bulk_url
        self._query = _Url.parse(self.query_url)
        self._update = _Url.parse(self.update_url)
        self._bulk = _Url.parse(bulk_url) if bulk_url else None
        self.timeout = timeout

    def query(
        self,
        text: str,
        *,
        accept: str,
        params: Iterable[tuple[str, str]] = (),
        timeout: float | None = None,
    ) -> Answer:
        """Send a query; return the answer as a stream (close it when done).

        Raises:
            BadRequest: the endpoint refused the query (400).
            EndpointError: the endpoint cannot be reached or failed.
            DeadlineExceeded: no answer before the deadline.
        """
        form = urlencode([("query", text), *params])
        return self._send(
            self._query, self.query_url, form, "application/x-www-form-urlencoded", accept, timeout
        )

    def update(self, text: str | bytes, *, timeout: float | None = None) -> None:
        """Send an update (text, or its UTF-8 bytes) and wait for it to be applied.

        Raises:
            BadRequest: the endpoint refused the update (400).
            EndpointError: the endpoint cannot be reached, failed or refused (403, 5xx).
            DeadlineExceeded: no answer before the deadline.
        """
        answer = self._send(
            self._update, self.update_url, text, "application/sparql-update", "*/*", timeout
        )
        with answer:
            answer.read()

    def post_nquads(self, data: bytes, *, timeout: float | None = None) -> None:
        """POST N-Quads to the bulk URL and wait for them to be loaded.

        Raises:
            ValueError: this client has no bulk URL.
            BadRequest: the endpoint refused the data (400).
            EndpointError: the endpoint cannot be reached, failed or refused (403, 5xx).
            DeadlineExceeded: no answer before the deadline.
        """
        self._post_bulk(data, "application/n-quads", None, timeout)

    def post_graph_ntriples(self, data: bytes, graph: str, *, timeout: float | None = None) -> None:
        """POST N-Triples to the bulk URL, into the named graph ``graph`` (the Graph Store
        Protocol's ``graph`` parameter, added to the bulk URL's own query string), and wait
        for them to be loaded. Raises as :meth:`post_nquads`."""
        self._post_bulk(data, "application/n-triples", graph, timeout)

    def _post_bulk(
        self, data: bytes, content_type: str, graph: str | None, timeout: float | None
    ) -> None:
        if self._bulk is None or self.bulk_url is None:
            raise ValueError("no bulk URL is configured")
        url = self._bulk
        if graph is not None:
            joiner = "&" if "?" in url.target else "?"
            url = replace(url, target=url.target + joiner + urlencode({"graph": graph}))
        answer = self._send(url, self.bulk_url, data, content_type, "*/*", timeout)
        with answer:
            answer.read()

    def _send(
        self,
        url: _Url,
        full: str,
        text: str | bytes,
        content_type: str,
        accept: str,
        timeout: float | None,
    ) -> Answer:
        seconds = self.timeout if timeout is None else timeout
        if seconds == math.inf:  # no deadline: a socket refuses it (OverflowError)
            seconds = None
        # Messages name what the URL is: the bulk URL is no SPARQL endpoint.
        what = "bulk URL (KG_STORE_BULK_URL)" if full == self.bulk_url else "SPARQL endpoint"
        deadline = None if seconds is None else time.monotonic() + seconds
        connect = CONNECT_TIMEOUT if deadline is None else min(CONNECT_TIMEOUT, seconds or 0.0)
        kind = http.client.HTTPSConnection if url.scheme == "https" else http.client.HTTPConnection
        connection = kind(url.host, url.port, timeout=max(connect, 0.001))
        # An ingest batch comes as bytes already: encoding tens of MB again would be a copy.
        body = text if isinstance(text, bytes) else text.encode("utf-8")
        try:
            connection.request(
                "POST",
                url.target,
                body=body,
                headers={
                    "Content-Type": content_type
                    if "form" in content_type
                    else f"{content_type}; charset=utf-8",
                    "Accept": accept,
                    "User-Agent": "cred-kg",
                },
            )
            _arm(connection, deadline)
            response = connection.getresponse()
        except TimeoutError:
            connection.close()
            raise DeadlineExceeded(_late(full, seconds, what)) from None
        except (OSError, http.client.HTTPException) as error:
            connection.close()
            raise EndpointError(
                f"cannot reach the {what} {display_url(full)}: {error}"
            ) from None
        if 200 <= response.status < 300:
            return Answer(connection, response, deadline, _late(full, seconds, what))
        try:
            _arm(connection, deadline)
            detail = _first_line(response.read(64 * 1024))
        except (OSError, http.client.HTTPException):
            detail = ""
        finally:
            connection.close()
        if response.status == 400:
            raise BadRequest(detail or f"the {what} refused the request")
        if 300 <= response.status < 400:
            raise EndpointError(
                f"{display_url(full)} redirects to {response.getheader('Location')}; "
                "configure that URL instead (redirects are never followed)"
            )
        raise EndpointError(
            f"the {what} {display_url(full)} answered "
            f"{response.status} {response.reason}" + (f": {detail}" if detail else "")
        )


def _late(full: str, seconds: float | None, what: str = "SPARQL endpoint") -> str:
    """Why a request stopped at its deadline, and which setting moves the deadline."""
    within = f" within {seconds:g} s" if seconds is not None else " in time"
    return (
        f"the {what} {display_url(full)} did not answer{within} (the store "
        "timeout: set KG_STORE_TIMEOUT, or `kg serve --store-timeout`, to wait longer)"
    )


def _arm(connection: http.client.HTTPConnection, deadline: float | None) -> None:
    """Give the socket's next operation only the time left before the deadline (no limit
    without one: the connect timeout covers connecting only)."""
    if connection.sock is None:
        return
    if deadline is None:
        connection.sock.settimeout(None)
        return
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("deadline passed")
    connection.sock.settimeout(left)


def _first_line(data: bytes) -> str:
    text = data.decode("utf-8", errors="replace").strip()
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line if len(line) <= _MAX_MESSAGE else line[:_MAX_MESSAGE] + " ..."


__all__ = [
    "Answer",
    "BadRequest",
    "DeadlineExceeded",
    "EndpointError",
    "SparqlClient",
    "default_update_url",
    "display_url",
]
