"""A negative timeout, NaN or a word is refused with one message naming the flag and the
variable, however it is given (docs/settings.md): never read as "no deadline", and NaN is not
told it is over 3600."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from api.cli import app as cli
from api.settings import Settings

NEGATIVE = {
    "store_timeout": "--store-timeout or KG_STORE_TIMEOUT is -1: a timeout is 0 (no deadline) "
                     "or more seconds",
    "query_timeout": "--query-timeout or KG_QUERY_TIMEOUT is -1: a timeout is more than 0 "
                     "seconds, at most 3600",
}


@pytest.mark.parametrize("name", sorted(NEGATIVE))
def test_a_negative_timeout_is_refused_the_same_way_from_each_source(
        name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValidationError) as given:
        Settings(**{name: -1})
    monkeypatch.setenv(f"KG_{name.upper()}", "-1")
    with pytest.raises(ValidationError) as read:
        Settings()
    monkeypatch.delenv(f"KG_{name.upper()}")
    served = CliRunner().invoke(cli, ["serve", f"--{name.replace('_', '-')}", "-1"])
    assert [e["msg"] for e in given.value.errors()] == [NEGATIVE[name]]
    assert [e["msg"] for e in read.value.errors()] == [NEGATIVE[name]]
    assert (served.exit_code, served.output.strip()) == (2, f"error: {name}: {NEGATIVE[name]}")


@pytest.mark.parametrize("name", sorted(NEGATIVE))
@pytest.mark.parametrize("raw", ["nan", "-inf", "-0.5", "soon"])
def test_nothing_but_seconds_is_a_timeout(name: str, raw: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(f"KG_{name.upper()}", raw)
    with pytest.raises(ValidationError) as read:
        Settings()
    message = read.value.errors()[0]["msg"]
    assert message.startswith(f"--{name.replace('_', '-')} or KG_{name.upper()} is ")
    assert ("not a number of seconds" if raw in ("nan", "soon") else "a timeout is") in message


@pytest.mark.parametrize(("values", "expected"), [
    ({"store_timeout": "0"}, (0.0, 5.0)),
    ({"store_timeout": "inf", "query_timeout": " 2.5 "}, (float("inf"), 2.5)),
])
def test_the_timeouts_a_setting_takes_pass(values: dict[str, str], expected: tuple[float, float],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    for name, raw in values.items():
        monkeypatch.setenv(f"KG_{name.upper()}", raw)
    settings = Settings()
    assert (settings.store_timeout, settings.query_timeout) == expected
