"""No secret from a query string in the access log (api/logredact.py)."""

from __future__ import annotations

import logging

import pytest

from api.app import create_app
from api.logredact import RedactSecrets, install, redact_query
from api.settings import Settings


def _access_record(path: str) -> logging.LogRecord:
    # The record uvicorn's HTTP protocols log for each request (uvicorn/protocols/http).
    return logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1,
                             '%s - "%s %s HTTP/%s" %d',
                             ("127.0.0.1:5123", "GET", path, "1.1", 200), None)


@pytest.mark.parametrize(("path", "secret"), [
    ("/claims?access_token=s3cret&status=corroborated", "s3cret"),
    ("/sparql?query=ASK%7B%7D&api_key=k3y", "k3y"),
    ("/x?Password=pw1#frag", "pw1"),
])
def test_the_access_log_line_holds_no_secret(path: str, secret: str) -> None:
    record = _access_record(path)
    assert RedactSecrets().filter(record)
    line = record.getMessage()
    assert secret not in line
    assert "[redacted]" in line and line.startswith('127.0.0.1:5123 - "GET /')


def test_other_parameters_are_logged_as_they_are() -> None:
    record = _access_record("/claims?status=corroborated&limit=5")
    RedactSecrets().filter(record)
    assert "/claims?status=corroborated&limit=5 HTTP/1.1" in record.getMessage()


def test_every_app_installs_the_filter_once(monkeypatch: pytest.MonkeyPatch) -> None:
    logger = logging.getLogger("uvicorn.access")
    monkeypatch.setattr(logger, "filters", [f for f in logger.filters
                                            if not isinstance(f, RedactSecrets)])
    create_app(Settings(query_workers=1))
    create_app(Settings(query_workers=1))
    install()
    assert sum(isinstance(f, RedactSecrets) for f in logger.filters) == 1


def test_a_long_path_is_redacted_whole() -> None:
    """The access log writes paths of up to a mebibyte (a 414's too). How the time grows with
    the path (it once grew with the square: 3.4 s for "?" + "key" * 30,000) is measured by
    benchmarks/safety/growth.py."""
    for path in ("/x?" + "key" * 30_000, "/x?" + "?" * 20_000):
        assert redact_query(path) == path  # no "=": nothing to redact
    assert redact_query("/x?" + "key" * 30_000 + "=s3cret&status=x").endswith(
        "=[redacted]&status=x")
