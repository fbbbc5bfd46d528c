"""Request dependencies shared by the routers: the service state and the write token."""

from __future__ import annotations

import hmac

from fastapi import Request

from api.errors import ApiError
from api.state import ServiceState


def get_state(request: Request) -> ServiceState:
    """The :class:`ServiceState` of the app serving ``request``."""
    state: ServiceState = request.app.state.kg
    return state


def require_writer(request: Request) -> None:
    """Refuse a write unless writes are on and the request carries the operator's token.

    403 when writes are off (``KG_WRITES_ENABLED`` unset, or no ``KG_WRITE_TOKEN``); 401 with
    ``WWW-Authenticate: Bearer`` (RFC 6750) when the token is missing or wrong. The token is
    compared in constant time and never logged or echoed.
    """
    settings = get_state(request).settings
    if not settings.writes_active or settings.write_token is None:
        raise ApiError(403, "writes_disabled", "writes are disabled on this server; the "
                       "operator enables them with KG_WRITES_ENABLED and KG_WRITE_TOKEN")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    expected = settings.write_token.get_secret_value().encode()
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected):
        raise ApiError(401, "unauthorized", "a write needs the header 'Authorization: Bearer "
                       "<token>' with the operator's token",
                       headers={"WWW-Authenticate": 'Bearer realm="kg"'})


__all__ = ["get_state", "require_writer"]
