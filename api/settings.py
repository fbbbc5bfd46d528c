"""Every setting of the query service, in one object, with safe defaults.

Each field can be set from the environment (``KG_`` + the field name in upper case, so
``query_timeout`` is ``KG_QUERY_TIMEOUT``) and from a ``kg serve`` flag (``--query-timeout``).
``docs/settings.md`` documents them all in one table; a test checks that the table, the fields
and the flags agree.

Example:
    >>> Settings().host, Settings().writes_enabled
    ('127.0.0.1', False)
    >>> Settings(query_timeout=2).query_timeout
    2.0
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from kg.methods import DEFAULT_METHOD, METHOD_NAMES
from kg.timeouts import check_timeout

#: What each timeout setting takes, for the message that refuses another value.
_TIMEOUTS = {"store_timeout": "0 (no deadline) or more seconds",
             "query_timeout": "more than 0 seconds, at most 3600"}


class Settings(BaseSettings):
    """The service's configuration. Defaults are the safe choice: local only, read only,
    queries bounded in time, results, memory and request size, CORS off."""

    model_config = SettingsConfigDict(env_prefix="KG_", extra="forbid", frozen=True)

    host: str = Field("127.0.0.1", description="Address to listen on. Local only by default.")
    port: int = Field(8000, ge=0, le=65535, description="TCP port to listen on.")
    store: str | None = Field(
        None,
        description="The store to serve: `memory` (the default: a temporary store deleted "
        "when the server stops), an on-disk Oxigraph directory, or the query URL of a SPARQL "
        "1.1 Query+Update endpoint (see docs/backends.md).",
    )
    store_update_url: str | None = Field(
        None,
        description="Update URL of a SPARQL endpoint store, when it is not the query URL "
        "(default: the query URL, or .../update for a query URL ending in /query).",
    )
    store_timeout: float = Field(
        600.0, ge=0,
        description="Seconds a request to a SPARQL endpoint store may take, its whole answer "
        "included (0: no deadline); past it the command or start-up fails with an error that "
        "names the endpoint. Generous: analysing a large store runs a few big queries.",
    )
    data: Annotated[list[Path], NoDecode] = Field(
        default_factory=list,
        description="Files to load at start-up (case files or RDF), all or nothing. Without "
        "files and without a store, the built-in seed case is served.",
    )
    seed: bool = Field(
        True, description="Serve the built-in seed case when no files and no store are given."
    )
    query_timeout: float = Field(
        5.0, gt=0, le=3600,
        description="Seconds a query may take, waiting for a free worker included. At the "
        "deadline the worker process running it is killed and the client gets a 503; other "
        "requests are not affected.",
    )
    max_results: int = Field(
        10_000, ge=1,
        description="Most rows (SELECT) or triples (CONSTRUCT, DESCRIBE) a query may return. "
        "Past it the query is stopped and the client gets a 422, never a truncated result.",
    )
    max_request_bytes: int = Field(
        8 * 1024 * 1024, ge=1024,
        description="Largest request body (queries, uploads) in bytes; larger ones get a 413.",
    )
    max_query_depth: int = Field(
        32, ge=2, le=256,
        description="Deepest nesting of braces, brackets and parentheses in a SPARQL query.",
    )
    query_workers: int = Field(
        default_factory=lambda: max(2, os.cpu_count() or 2), ge=1, le=64,
        description="Worker processes that run queries (default: the number of CPUs, at "
        "least 2). A query that times out costs its worker, which is replaced.",
    )
    worker_memory_mb: int = Field(
        2048, ge=512,
        description="Address-space limit of each query worker, in MiB (RLIMIT_AS), so that "
        "one query cannot exhaust the machine. At least 512: an idle worker with the store "
        "open takes about 300.",
    )
    writes_enabled: bool = Field(
        False, description="Accept writes (POST of claims, actors, statements, evidence, RDF)."
    )
    write_token: SecretStr | None = Field(
        None,
        description="Bearer token that writes must carry. Writes stay off without one. "
        "Prefer the environment variable: command lines are visible to other users.",
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description="Origins allowed to call the API from a browser (CORS). Empty: CORS off.",
    )
    min_groups: int = Field(
        2, ge=1, description="k: independent affirming groups needed for 'corroborated'."
    )
    method: str = Field(
        DEFAULT_METHOD, description="Truth-discovery method for trust and belief."
    )
    view_max_nodes: int = Field(
        1500, ge=10, description="Above this many nodes the graph view opens on a summary "
        "(the best-corroborated claims, actors grouped) and expands on demand."
    )
    log_level: str = Field("info", description="Log level: debug, info, warning or error.")

    @field_validator("store", mode="before")
    @classmethod
    def _store_text(cls, value: object) -> object:
        # A directory may be given as a Path.
        return str(value) if isinstance(value, os.PathLike) else value

    @field_validator(*_TIMEOUTS, mode="before")
    @classmethod
    def _timeout_seconds(cls, value: object, info: ValidationInfo) -> object:
        # Before the range check: a negative timeout, NaN or a word gets one message naming
        # the flag and the variable (pydantic's said "at most 3600" of NaN), as
        # KG_STORE_TIMEOUT's does in the other commands.
        name = str(info.field_name)
        flag, variable = f"--{name.replace('_', '-')}", f"KG_{name.upper()}"
        try:
            return check_timeout(value, f"{flag} or {variable}", least=_TIMEOUTS[name])
        except ValueError as error:
            raise PydanticCustomError("invalid_timeout", "{message}",
                                      {"message": str(error)}) from None

    @field_validator("data", mode="before")
    @classmethod
    def _data_files(cls, value: object) -> object:
        # KG_DATA=case.yaml, KG_DATA=a.yaml:b.ttl (os.pathsep, as in PATH), or a JSON list
        if not isinstance(value, str):
            return value
        text = value.strip()
        if text.startswith("["):
            return json.loads(text)
        return [part for part in text.split(os.pathsep) if part]

    @field_validator("method")
    @classmethod
    def _known_method(cls, value: str) -> str:
        if value not in METHOD_NAMES:
            raise ValueError(f"unknown method {value!r}; expected one of {', '.join(METHOD_NAMES)}")
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        if value.lower() not in ("debug", "info", "warning", "error"):
            raise ValueError("log_level must be debug, info, warning or error")
        return value.lower()

    @property
    def writes_active(self) -> bool:
        """Whether writes are accepted: enabled, and a non-empty token configured."""
        return bool(self.writes_enabled and self.write_token
                    and self.write_token.get_secret_value())


__all__ = ["Settings"]
